"""`ess-desk [--db PATH] [SUBCOMMAND ...]`: the window without a subcommand, the main jobs without it."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from ess_desk import __version__
from ess_desk.errors import UserError
from ess_desk.i18n import _

Handler = Callable[[argparse.Namespace], int]
AddCommand = Callable[[str, Handler, str], argparse.ArgumentParser]

# Modules that add their own subcommands: each has `register(add: AddCommand) -> None`.
COMMAND_MODULES: tuple[str, ...] = (
    "ess_desk.meetings.commands",
    "ess_desk.actions.commands",
    "ess_desk.minutes.commands",
    "ess_desk.documents.commands",
    "ess_desk.privacy.commands",
    "ess_desk.search.commands",
    "ess_desk.report.commands",
)


def open_for_command(args: argparse.Namespace, *, write: bool):
    """The store a subcommand works on; a command that writes refuses a read-only file."""
    from ess_desk.store import open_store

    store = open_store(args.db, auto_backup=write)
    if write and store.read_only:
        message = store.read_only_message()
        store.close()
        raise UserError(message)
    return store


def cmd_backup(args: argparse.Namespace) -> int:
    from ess_desk.store.backup import backup_to

    with open_for_command(args, write=False) as store:
        dest = backup_to(store, Path(args.output))
    print(_("Sauvegarde écrite : {path}").format(path=dest))
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from ess_desk.store.backup import restore

    with open_for_command(args, write=True) as store:
        kept = restore(store, Path(args.file))
    print(
        _("Base restaurée depuis {source}. L'ancienne version est gardée dans {kept}.").format(
            source=args.file, kept=kept
        )
    )
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from ess_desk.store.check import check_store

    with open_for_command(args, write=False) as store:
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

    with open_for_command(args, write=not args.dry_run) as store:
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
    with open_for_command(args, write=False) as store:
        count = members_export.export_roster_file(
            store.db, Path(args.file), body_name=args.body, at=at
        )
    print(_("{count} mandat(s) exporté(s) dans {path}.").format(count=count, path=args.file))
    return 0


def _progress_line(done: int, total: int) -> None:
    """Progress of a long command, on one line of the terminal (stderr keeps stdout clean)."""
    if sys.stderr.isatty():
        print(f"\r{done}/{total}", end="" if done < total else "\n", file=sys.stderr, flush=True)


def cmd_demo(args: argparse.Namespace) -> int:
    from ess_desk.demo import fill_demo

    with open_for_command(args, write=True) as store:
        summary = fill_demo(store, size=args.size, seed=args.seed, progress=_progress_line)
    print(summary)
    return 0


def body_id_by_name(db, name: str | None) -> int | None:
    from ess_desk.membership import bodies

    if name is None:
        return None
    body_id = bodies.find_body(db, name)
    if body_id is None:
        raise UserError(_("Aucune instance ne s'appelle « {name} ».").format(name=name))
    return body_id


def cmd_meetings(args: argparse.Namespace) -> int:
    from ess_desk.meetings import meetings
    from ess_desk.meetings.vocabulary import MEETING_STATUSES
    from ess_desk.membership.vocabulary import label

    with open_for_command(args, write=False) as store:
        rows = meetings.list_meetings(
            store.db, body_id=body_id_by_name(store.db, args.body), year=args.year
        )
    if args.json:
        data = [
            {
                "id": r.id,
                "body": r.body,
                "title": r.title,
                "kind": r.kind,
                "starts_at": r.starts_at,
                "ends_at": r.ends_at,
                "place": r.place,
                "status": r.status,
            }
            for r in rows
        ]
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    for r in rows:
        start = dt.datetime.fromisoformat(r.starts_at).strftime("%d/%m/%Y %H:%M")
        print(f"{r.id:>5}  {start}  {label(MEETING_STATUSES, r.status):<10}  {r.body} — {r.title}")
    if not rows:
        print(_("Aucune séance."))
    return 0


def cmd_attendance_sheet(args: argparse.Namespace) -> int:
    from ess_desk.documents import attendance_sheet

    with open_for_command(args, write=False) as store:
        path = attendance_sheet.build(store.db, args.meeting, Path(args.output))
    print(_("Feuille d'émargement écrite : {path}").format(path=path))
    return 0


def cmd_schedule(args: argparse.Namespace) -> int:
    from ess_desk.dates import parse_date
    from ess_desk.exchange import ics
    from ess_desk.meetings import meetings
    from ess_desk.meetings.calendar import schedule
    from ess_desk.membership import bodies

    start_day = parse_date(args.start, field="--from")
    until = parse_date(args.until, field="--until")
    if start_day is None or until is None or until < start_day:
        raise UserError(_("Indiquez une période valable avec --from et --until."))
    try:
        hour = dt.time.fromisoformat(args.time)
    except ValueError as exc:
        raise UserError(
            _("« {value} » n'est pas une heure (attendu : hh:mm).").format(value=args.time)
        ) from exc
    with open_for_command(args, write=not args.dry_run) as store:
        body_id = body_id_by_name(store.db, args.body)
        body = bodies.get_body(store.db, body_id)
        dates = schedule(
            args.rule,
            dt.datetime.combine(start_day, hour),
            until,
            calendar=body.holiday_calendar,
            closed_days=meetings.closed_days(store.db),
        )
        if args.json:
            print(json.dumps(schedule_as_json(dates, body), ensure_ascii=False, indent=2))
        else:
            for d in dates:
                flag = ""
                if d.holiday:
                    flag = _("  ← jour férié : {name}").format(name=d.holiday)
                elif d.closed:
                    flag = _("  ← secrétariat fermé")
                print(d.starts_at.strftime("%d/%m/%Y %H:%M") + flag)
        if not dates:
            print(
                _("La règle ne donne aucune date sur cette période."),
                file=sys.stderr if args.json else sys.stdout,
            )
            return 1
        if args.dry_run:
            if not args.json:
                print(_("Simulation : aucune séance créée."))
            return 0
        kept = [d.starts_at for d in dates if not d.flagged or args.keep_flagged]
        ids = (
            meetings.create_schedule(
                store, body_id, kept, duration_minutes=args.duration, place=args.place or ""
            )
            if kept
            else []
        )
        print(_("{count} séance(s) créée(s).").format(count=len(ids)))
        if len(kept) < len(dates):
            print(_("Dates signalées non créées : déplacez-les, ou relancez avec --keep-flagged."))
        if args.ics:
            ics.write_schedule(store.db, ids, Path(args.ics))
            print(_("Calendrier écrit : {path}").format(path=args.ics))
    return 0


def schedule_as_json(dates, body) -> list[dict]:
    """Each planned date with its legal notice deadline (ISO), the advice when that deadline is
    not a working day, and its holiday or closed-office flag."""
    from ess_desk.meetings.calendar import last_working_day, notice_deadline

    out = []
    for d in dates:
        deadline = notice_deadline(d.starts_at.date(), body.notice_clear_days)
        advised = last_working_day(deadline, body.holiday_calendar)
        out.append(
            {
                "starts_at": d.starts_at.isoformat(timespec="minutes"),
                "notice_deadline": deadline.isoformat(),
                "notice_advised": advised.isoformat() if advised != deadline else None,
                "holiday": d.holiday,
                "closed": d.closed,
                "flagged": d.flagged,
            }
        )
    return out


def cmd_convocations(args: argparse.Namespace) -> int:
    from ess_desk.exchange import convocations

    with open_for_command(args, write=False) as store:
        result = convocations.write_all(store.db, args.meeting, Path(args.output))
    print(result.summary())
    return 0


def build_parser(with_modules: bool = True) -> argparse.ArgumentParser:
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

    p = add("meetings", cmd_meetings, _("liste les séances"))
    p.add_argument("--body", metavar="NAME", help=_("seulement cette instance"))
    p.add_argument("--year", type=int, metavar="YYYY", help=_("seulement cette année"))
    p.add_argument("--json", action="store_true", help=_("sortie JSON"))

    p = add("attendance-sheet", cmd_attendance_sheet, _("feuille d'émargement d'une séance (PDF)"))
    p.add_argument("meeting", type=int, metavar="MEETING", help=_("numéro de la séance"))
    p.add_argument("-o", "--output", required=True, metavar="FILE", help=_("fichier PDF à écrire"))

    p = add("schedule", cmd_schedule, _("crée le calendrier des séances d'une instance"))
    p.add_argument("--body", required=True, metavar="NAME", help=_("instance"))
    p.add_argument(
        "--rule",
        required=True,
        metavar="RRULE",
        help=_("règle RFC 5545, ex. FREQ=MONTHLY;BYDAY=2TU;BYMONTH=1,2,3,4,5,6,7,9,10,11,12"),
    )
    p.add_argument("--from", dest="start", required=True, metavar="DATE", help=_("premier jour"))
    p.add_argument("--until", required=True, metavar="DATE", help=_("dernier jour"))
    p.add_argument("--time", default="18:00", metavar="HH:MM", help=_("heure des séances"))
    p.add_argument("--duration", type=int, default=120, metavar="MIN", help=_("durée en minutes"))
    p.add_argument("--place", metavar="TEXT", help=_("lieu"))
    p.add_argument(
        "--keep-flagged",
        action="store_true",
        help=_("crée aussi les dates tombant un jour férié ou de fermeture"),
    )
    p.add_argument("--ics", metavar="FILE", help=_("écrit aussi le calendrier .ics"))
    p.add_argument("--dry-run", action="store_true", help=_("montre les dates sans rien créer"))
    p.add_argument(
        "--json",
        action="store_true",
        help=_("sortie JSON : date, date limite de convocation (ISO), jour férié"),
    )

    p = add(
        "convocations", cmd_convocations, _("écrit les convocations (PDF et .eml) d'une séance")
    )
    p.add_argument("meeting", type=int, metavar="MEETING", help=_("numéro de la séance"))
    p.add_argument("-o", "--output", required=True, metavar="DIR", help=_("dossier à remplir"))

    import importlib

    for module in COMMAND_MODULES if with_modules else ():
        importlib.import_module(module).register(add)

    p = add("demo", cmd_demo, _("remplit la base avec un conseil de démonstration"))
    p.add_argument(
        "--size", choices=["small", "large"], default="small", help=_("taille du conseil")
    )
    p.add_argument("--seed", type=int, default=2026, help=_("graine (même graine, même conseil)"))
    return parser


def _opens_window(argv: Sequence[str]) -> bool:
    """True when no subcommand (and no help) is asked for: the window opens."""
    skip = False
    for token in argv:
        if skip:
            skip = False
        elif token == "--db":
            skip = True
        elif token in ("-h", "--help") or not token.startswith("-"):
            return False
    return True


# What opens the window: given by the launcher (ui.launcher), since the core never imports Qt.
OpenWindow = Callable[..., int]


def main(argv: Sequence[str] | None = None, open_window: OpenWindow | None = None) -> int:
    """Run a subcommand, or open the window through `open_window` when none is given."""
    argv = list(sys.argv[1:] if argv is None else argv)
    # The window's start-up does not pay for importing every command module.
    parser = build_parser(with_modules=not _opens_window(argv))
    args = parser.parse_args(argv)
    args.db_given = bool(args.db or os.environ.get("ESS_DESK_DB"))
    if args.db is None:
        from ess_desk.store.database import default_db_path

        args.db = str(default_db_path())
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        if open_window is None:
            parser.print_help()
            return 2
        return open_window(
            db=args.db, quit_after_start=args.quit_after_start, db_given=args.db_given
        )
    try:
        return handler(args)
    except UserError as exc:
        print(_("Erreur : {message}").format(message=exc.message), file=sys.stderr)
        for problem in exc.problems:
            print(f"- {problem}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The output was piped into a command that stopped reading (`| head`): not an error.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())
