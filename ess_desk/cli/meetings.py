"""The meetings' commands: `meetings`, `quorum`, `attendance-sheet`, `schedule`,
`convocations`, `compliance`."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ess_desk.cli.common import (
    AddCommand,
    body_id_by_name,
    body_id_named,
    open_for_command,
    progress_line,
)
from ess_desk.errors import UserError
from ess_desk.i18n import _, ngettext

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ess_desk.exchange.convocations import Plan
    from ess_desk.meetings.attendance import Count
    from ess_desk.meetings.calendar import ScheduledDate
    from ess_desk.membership.bodies import Body
    from ess_desk.store import Store

ANNEX_CHOICES = ("attach", "merge", "link")


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


def quorum_as_dict(count: Count, meeting_id: int, item_id: int | None, moment: str | None) -> dict:
    return {
        "meeting": meeting_id,
        "item": item_id,
        "at": moment,
        "in_office": count.in_office,
        "present": count.present,
        "remote": count.remote,
        "represented": count.represented,
        "withdrawn": count.withdrawn,
        "counted": count.counted,
        "required": count.required,
        "waived": count.waived,
        "reached": count.reached,
        "votes_available": count.votes_available,
        "problems": list(count.problems),
    }


def cmd_quorum(args: argparse.Namespace) -> int:
    from ess_desk.meetings import meetings, presence

    with open_for_command(args, write=False) as store:
        meeting = meetings.get(store.db, args.meeting)
        if args.item is not None:
            from ess_desk import service

            item = service.require(store.db, "agenda_items", args.item, _("Le point"))
            if item["meeting_id"] != meeting.id:
                raise UserError(_("Ce point n'est pas à l'ordre du jour de cette séance."))
        moment = presence.parse_time(args.at, "--at") if args.at else None
        count = presence.quorum(store.db, meeting.id, moment, item_id=args.item)
    if args.json:
        data = quorum_as_dict(count, meeting.id, args.item, args.at)
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0 if count.reached else 1
    print(
        _(
            "{title} : {in_office}, {present}, {remote}, {represented}, {withdrawn} ; "
            "quorum requis {required} — {state}."
        ).format(
            title=meeting.title,
            in_office=ngettext(
                "{n} membre en exercice", "{n} membres en exercice", count.in_office
            ).format(n=count.in_office),
            present=ngettext("{n} présent", "{n} présents", count.present).format(n=count.present),
            remote=ngettext("{n} à distance", "{n} à distance", count.remote).format(
                n=count.remote
            ),
            represented=ngettext("{n} représenté", "{n} représentés", count.represented).format(
                n=count.represented
            ),
            withdrawn=ngettext("{n} déporté", "{n} déportés", count.withdrawn).format(
                n=count.withdrawn
            ),
            required=count.required,
            state=(_("sans condition de quorum") if count.waived else _("atteint"))
            if count.reached
            else _("non atteint"),
        )
    )
    for problem in count.problems:
        print(f"- {problem}")
    return 0 if count.reached else 1


def cmd_compliance(args: argparse.Namespace) -> int:
    from ess_desk.meetings import compliance, meetings

    with open_for_command(args, write=False) as store:
        meeting = meetings.get(store.db, args.meeting)
        checks = compliance.check_meeting(store.db, meeting.id)
    failed = compliance.failing(checks)
    if args.json:
        print(json.dumps([c.as_dict() for c in checks], ensure_ascii=False, indent=2))
        return 1 if failed else 0
    marks = {compliance.OK: "✓", compliance.FAIL: "✗", compliance.NA: "–"}
    print(_("Contrôle de régularité — {title}").format(title=meeting.title))
    for c in checks:
        print(f"{marks[c.status]} {c.title} : {c.detail}")
        if c.source:
            print("    " + _("Source : {source}").format(source=c.source))
    print(
        _("Vérifications en échec : {n}.").format(n=len(failed))
        if failed
        else _("Aucune vérification en échec.")
    )
    return 1 if failed else 0


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
        body_id = body_id_named(store.db, args.body)
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
        print(
            ngettext("{count} séance créée.", "{count} séances créées.", len(ids)).format(
                count=len(ids)
            )
        )
        if len(kept) < len(dates):
            print(_("Dates signalées non créées : déplacez-les, ou relancez avec --keep-flagged."))
        if args.ics:
            ics.write_schedule(store.db, ids, Path(args.ics))
            print(_("Calendrier écrit : {path}").format(path=args.ics))
    return 0


def schedule_as_json(dates: Sequence[ScheduledDate], body: Body) -> list[dict]:
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


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:.1f}".replace(".", ",")


def _plan(store: Store, args: argparse.Namespace) -> Plan:
    from ess_desk.exchange import convocations

    plan = convocations.prepare(
        store.db,
        args.meeting,
        mode=args.annexes or convocations.ATTACH,
        location=args.annex_location or "",
    )
    if plan.conv.late and not plan.cancelled:
        print(_("Attention : {warning}").format(warning=plan.conv.late_warning()), file=sys.stderr)
    if args.send and plan.over_limit and args.annexes is None and plan.email:
        raise UserError(
            _(
                "Chaque courriel pèserait {size} Mo, au-delà de la limite de {limit} Mo. Relancez "
                "avec --annexes merge (les annexes en un seul PDF), --annexes link (les plus "
                "grosses laissées de côté, la lettre dit où les trouver) ou --annexes attach "
                "(tout joindre quand même)."
            ).format(size=_mb(plan.message_size), limit=_mb(plan.size_limit))
        )
    for problem in plan.conv.problems:
        print(f"- {problem}", file=sys.stderr)
    return plan


def _print_post(plan: Plan, folder: Path | None) -> None:
    from ess_desk.meetings import convening

    for who in plan.post:
        why = (
            _("refus d'être contacté par courriel")
            if who.why_post == convening.REFUSED
            else _("sans adresse électronique")
        )
        where = "" if who.postal else " — " + _("SANS ADRESSE POSTALE")
        print(_("Par courrier : {name} ({why}){where}").format(name=who.name, why=why, where=where))


def cmd_convocations(args: argparse.Namespace) -> int:
    from ess_desk.exchange import convocations
    from ess_desk.mail import outbox

    with open_for_command(args, write=bool(args.send)) as store:
        plan = _plan(store, args)
        folder = Path(args.output) if args.output else convocations.meeting_folder(plan.conv)
        if args.proof:
            from ess_desk.documents import sending_proof

            path = sending_proof.build(store.db, args.meeting, Path(args.proof))
            print(_("Preuve d'envoi écrite : {path}").format(path=path))
            return 0
        if not args.send:
            result = convocations.write_files(store.db, plan, folder, progress=progress_line)
            print(result.summary())
            return 0
        outbox.recover(store)
        queued = convocations.queue(store, plan, progress=progress_line)
        print(
            _("Boîte d'envoi : messages ajoutés {added}, déjà présents {already}.").format(
                added=len(queued.added), already=len(queued.already)
            )
        )
        if plan.post:
            posted = convocations.write_files(store.db, plan.only_post(), folder)
            if posted.by_post is not None:
                print(_("Lettres à poster : {path}").format(path=posted.by_post))
            _print_post(plan, folder)
        from ess_desk.cli.mail import send_outbox

        report = send_outbox(store, meeting_id=args.meeting, progress=progress_line)
    print(report.summary())
    return report.exit_code


def register(add: AddCommand) -> None:
    p = add("meetings", cmd_meetings, _("liste les séances"))
    p.add_argument("--body", metavar="NAME", help=_("seulement cette instance"))
    p.add_argument("--year", type=int, metavar="YYYY", help=_("seulement cette année"))
    p.add_argument("--json", action="store_true", help=_("sortie JSON"))

    p = add("quorum", cmd_quorum, _("présents, à distance, représentés, déportés et quorum"))
    p.add_argument("meeting", type=int, metavar="MEETING", help=_("numéro de la séance"))
    p.add_argument("--at", metavar="HH:MM", help=_("à cette heure (départs et arrivées compris)"))
    p.add_argument(
        "--item", type=int, metavar="ITEM", help=_("pour ce point (les déportés sont déduits)")
    )
    p.add_argument("--json", action="store_true", help=_("sortie JSON"))

    p = add(
        "compliance",
        cmd_compliance,
        _("contrôle de régularité d'une séance (code 1 si une vérification échoue)"),
    )
    p.add_argument("meeting", type=int, metavar="MEETING", help=_("numéro de la séance"))
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
        "convocations",
        cmd_convocations,
        _(
            "les convocations d'une séance : lettres, ordre du jour, annexes et invitation ; "
            "écrites dans un dossier, ou envoyées (--send)"
        ),
    )
    p.add_argument("meeting", type=int, metavar="MEETING", help=_("numéro de la séance"))
    p.add_argument(
        "-o",
        "--output",
        metavar="DIR",
        help=_("dossier à remplir (défaut : un dossier au nom de la séance dans Documents)"),
    )
    p.add_argument(
        "--send",
        action="store_true",
        help=_("envoie les courriels (code 0 : tous acceptés, 2 : certains attendent, 1 : erreur)"),
    )
    p.add_argument(
        "--annexes",
        choices=list(ANNEX_CHOICES),
        help=_(
            "attach : jointes (défaut sous la limite de taille) ; merge : en un seul PDF ; "
            "link : les plus grosses laissées de côté, la lettre dit où les trouver"
        ),
    )
    p.add_argument("--annex-location", metavar="TEXT", help=_("où trouver les annexes non jointes"))
    p.add_argument("--proof", metavar="FILE", help=_("écrit la preuve d'envoi (PDF)"))
