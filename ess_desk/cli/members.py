"""The members' commands: `import-members` (with its dry run) and `export-members`."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ess_desk.cli.common import AddCommand, open_for_command
from ess_desk.i18n import _, ngettext

if TYPE_CHECKING:
    from ess_desk.store import Store


def _print_list(title: str, items: list) -> None:
    """A counted title, then one line an item, on the error output."""
    print(title.format(count=len(items)), file=sys.stderr)
    for item in items:
        print(f"- {item}", file=sys.stderr)


def cmd_import_members(args: argparse.Namespace) -> int:
    from ess_desk.documents import collector

    # No cycle collection between the check and the write either (see
    # members_import.plan_import); the plan is let go of before the collector resumes, so that
    # its first pass does not walk it.
    with collector.paused(), open_for_command(args, write=not args.dry_run) as store:
        return _import_members(store, args)


def _import_members(store: Store, args: argparse.Namespace) -> int:
    from ess_desk.exchange import members_import

    plan = members_import.plan_import(store.db, Path(args.file), body_name=args.body)
    if plan.warnings:
        _print_list(
            ngettext(
                "{count} point à vérifier (il n'empêche pas l'import) :",
                "{count} points à vérifier (ils n'empêchent pas l'import) :",
                len(plan.warnings),
            ),
            plan.warnings,
        )
    if plan.problems:
        _print_list(
            ngettext(
                "{count} problème : rien n'a été importé.",
                "{count} problèmes : rien n'a été importé.",
                len(plan.problems),
            ),
            plan.problems,
        )
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
    from ess_desk.fileio import check_output

    check_output(args.file)
    at = parse_date(args.at, field="--at") or dt.date.today()
    with open_for_command(args, write=False) as store:
        count = members_export.export_roster_file(
            store.db, Path(args.file), body_name=args.body, at=at, for_members=args.for_members
        )
    print(
        ngettext(
            "{count} mandat exporté dans {path}.", "{count} mandats exportés dans {path}.", count
        ).format(count=count, path=args.file)
    )
    return 0


def register(add: AddCommand) -> None:
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
    p.add_argument(
        "--for-members",
        action="store_true",
        help=_(
            "liste à remettre aux membres : courriel et téléphone des seules personnes qui "
            "acceptent d'être contactées"
        ),
    )
