"""`ess-desk [--db PATH] [SUBCOMMAND ...]`: the window without a subcommand, the main jobs without it."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from ess_desk import __version__
from ess_desk.errors import UserError
from ess_desk.i18n import _

Handler = Callable[[argparse.Namespace], int]


def _open(args: argparse.Namespace, *, write: bool):
    from ess_desk.store import open_store

    store = open_store(args.db, auto_backup=write)
    if write and store.read_only:
        message = store.read_only_message()
        store.close()
        raise UserError(message)
    return store


def cmd_backup(args: argparse.Namespace) -> int:
    from ess_desk.store.backup import backup_to

    with _open(args, write=False) as store:
        dest = backup_to(store, Path(args.output))
    print(_("Sauvegarde écrite : {path}").format(path=dest))
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from ess_desk.store.backup import restore

    with _open(args, write=True) as store:
        kept = restore(store, Path(args.file))
    print(
        _("Base restaurée depuis {source}. L'ancienne version est gardée dans {kept}.").format(
            source=args.file, kept=kept
        )
    )
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from ess_desk.store.check import check_store

    with _open(args, write=False) as store:
        problems = check_store(store)
    if problems:
        print(
            _("{count} problème(s) trouvé(s) dans {path} :").format(
                count=len(problems), path=args.db
            )
        )
        for problem in problems:
            print(f"- {problem}")
        return 1
    print(_("Aucun problème : la base {path} est intègre.").format(path=args.db))
    return 0


def cmd_import_members(args: argparse.Namespace) -> int:
    from ess_desk.exchange import members_import

    with _open(args, write=not args.dry_run) as store:
        plan = members_import.plan_import(store.db, Path(args.file), body_name=args.body)
        if plan.problems:
            print(
                _("{count} problème(s) : rien n'a été importé.").format(count=len(plan.problems)),
                file=sys.stderr,
            )
            for problem in plan.problems:
                print(f"- {problem}", file=sys.stderr)
            return 1
        print(plan.summary())
        if args.dry_run:
            print(_("Simulation : rien n'a été écrit."))
            return 0
        members_import.apply_import(store, plan)
        print(_("Import terminé."))
    return 0


def cmd_export_members(args: argparse.Namespace) -> int:
    from ess_desk.dates import parse_date
    from ess_desk.exchange import members_export

    at = parse_date(args.at, field="--at") if args.at else dt.date.today()
    with _open(args, write=False) as store:
        count = members_export.export_roster_file(
            store.db, Path(args.file), body_name=args.body, at=at
        )
    print(_("{count} mandat(s) exporté(s) dans {path}.").format(count=count, path=args.file))
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from ess_desk.demo import fill_demo

    with _open(args, write=True) as store:
        summary = fill_demo(store, size=args.size, seed=args.seed)
    print(summary)
    return 0


def cmd_gui(args: argparse.Namespace) -> int:
    from ui.app import run_app

    return run_app(db=args.db, quit_after_start=args.quit_after_start, db_given=args.db_given)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ess-desk",
        description=_(
            "ESS Desk : le secrétariat d'un conseil local de l'ESS. Sans sous-commande, "
            "ouvre la fenêtre."
        ),
    )
    parser.add_argument("--version", action="version", version=f"ESS Desk {__version__}")
    parser.add_argument(
        "--db",
        metavar="PATH",
        help=_("fichier de la base (défaut : $ESS_DESK_DB, sinon le dossier de données)"),
    )
    parser.add_argument(
        "--quit-after-start",
        action="store_true",
        help=_("ouvre la fenêtre, attend qu'elle soit affichée, puis quitte (mesures)"),
    )
    sub = parser.add_subparsers(dest="command", metavar="SOUS-COMMANDE")

    def add(name: str, handler: Handler, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.add_argument("--version", action="version", version=f"ESS Desk {__version__}")
        p.set_defaults(handler=handler)
        return p

    p = add("backup", cmd_backup, _("copie cohérente de la base dans un fichier"))
    p.add_argument("-o", "--output", required=True, metavar="FILE", help=_("fichier à écrire"))

    p = add("restore", cmd_restore, _("restaure une sauvegarde (la base actuelle est gardée)"))
    p.add_argument("file", metavar="FILE", help=_("sauvegarde à restaurer"))

    add("check", cmd_check, _("vérifie l'intégrité, les références et le schéma de la base"))

    p = add("import-members", cmd_import_members, _("importe des membres depuis un CSV ou un XLSX"))
    p.add_argument("file", metavar="FILE", help=_("fichier CSV ou XLSX"))
    p.add_argument("--body", metavar="NAME", help=_("instance des lignes sans colonne Instance"))
    p.add_argument(
        "--dry-run", action="store_true", help=_("montre ce qui serait créé, sans écrire")
    )

    p = add(
        "export-members",
        cmd_export_members,
        _("exporte la composition d'une instance (CSV ou XLSX)"),
    )
    p.add_argument("file", metavar="FILE", help=_("fichier .csv ou .xlsx à écrire"))
    p.add_argument("--body", metavar="NAME", help=_("instance (défaut : le conseil plénier)"))
    p.add_argument("--at", metavar="DATE", help=_("date de la composition (défaut : aujourd'hui)"))

    p = add("demo", cmd_demo, _("remplit la base avec un conseil de démonstration"))
    p.add_argument(
        "--size", choices=["small", "large"], default="small", help=_("taille du conseil")
    )
    p.add_argument("--seed", type=int, default=2026, help=_("graine (même graine, même conseil)"))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    args.db_given = bool(args.db or os.environ.get("ESS_DESK_DB"))
    if args.db is None:
        from ess_desk.store.database import default_db_path

        args.db = str(default_db_path())
    handler: Handler = getattr(args, "handler", cmd_gui)
    try:
        return handler(args)
    except UserError as exc:
        print(_("Erreur : {message}").format(message=exc.message), file=sys.stderr)
        for problem in exc.problems:
            print(f"- {problem}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
