"""The sign-in sheet (feuille d'émargement): one row per expected person, a signature box each."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer

from ess_desk.council import get_letterhead
from ess_desk.dates import display, long_datetime
from ess_desk.documents.style import (
    Bookmark,
    GridTable,
    Metadata,
    build_pdf,
    escape,
    footer_line,
    styles,
)
from ess_desk.i18n import _
from ess_desk.meetings import meetings, presence
from ess_desk.membership import bodies
from ess_desk.membership.vocabulary import ROLES, label

if TYPE_CHECKING:
    from sqlite_utils import Database

EMPTY_GUEST_ROWS = 4


def _quality(attendee: presence.Attendee) -> str:
    if attendee.role == "substitute" and attendee.substitute_for_name:
        return _("Suppléant(e) de {name}").format(name=attendee.substitute_for_name)
    if attendee.role in ("member", "president", "co_president", "vice_president"):
        titles = label(ROLES, attendee.role)
        return titles if attendee.role != "member" else _("Titulaire")
    return label(ROLES, attendee.role)


def signature_box() -> Spacer:
    """Keeps every row tall enough to sign in, however short its text."""
    return Spacer(1, 9 * mm)


def _table(header: list[str], rows: list[list], widths: list[float]) -> GridTable:
    return GridTable(header, rows, widths, valign="middle")


def build(db: Database, meeting_id: int, path: Path | str) -> Path:
    """Write the sign-in sheet of a meeting as an A4 PDF."""
    meeting = meetings.get(db, meeting_id)
    body = bodies.get_body(db, meeting.body_id)
    letterhead = get_letterhead(db)
    title = _("Feuille d'émargement")
    return build_pdf(
        path,
        sheet_story(db, meeting_id),
        Metadata(
            title=f"{title} — {meeting.title}",
            author=letterhead.name,
            subject=_("Feuille d'émargement de la séance du {day}").format(
                day=display(meeting.day)
            ),
            footer=footer_line(body.name, display(meeting.day)),
        ),
    )


def sheet_story(
    db: Database, meeting_id: int, attendees: list[presence.Attendee] | None = None
) -> list:
    """The flowables of the sign-in sheet (also used by the meeting pack)."""
    st = styles()
    meeting = meetings.get(db, meeting_id)
    body = bodies.get_body(db, meeting.body_id)
    letterhead = get_letterhead(db)
    if attendees is None:
        attendees = presence.expected_attendees(db, meeting_id)
    recorded = {p.mandate_id: p for p in presence.presences(db, meeting_id)}
    names = {a.mandate_id: a.name for a in attendees}
    count = presence.quorum(db, meeting_id)

    title = _("Feuille d'émargement")
    story: list = [
        Bookmark(title),
        Paragraph(escape(letterhead.name), st.small),
        Paragraph(escape(title), st.title),
        Paragraph(f"<b>{escape(body.name)}</b> — {escape(meeting.title)}", st.body),
        Paragraph(escape(long_datetime(meeting.start)), st.body),
    ]
    where = " — ".join(x for x in (meeting.place, meeting.video_link) if x)
    if where:
        story.append(Paragraph(escape(_("Lieu : {place}").format(place=where)), st.body))
    story.append(Spacer(1, 4 * mm))

    rows = []
    for a in attendees:
        p = recorded.get(a.mandate_id)
        proxy = names.get(p.proxy_to, "") if p and p.status == "represented" and p.proxy_to else ""
        rows.append([a.name, a.organisation, a.college, _quality(a), proxy, signature_box()])
    widths = [34 * mm, 31 * mm, 22 * mm, 32 * mm, 24 * mm, 31 * mm]
    story.append(Bookmark(_("Membres"), 1))
    story.append(
        _table(
            [
                _("Nom"),
                _("Structure"),
                _("Collège"),
                _("Qualité"),
                _("Pouvoir donné à"),
                _("Signature"),
            ],
            rows,
            widths,
        )
    )
    story.append(Spacer(1, 6 * mm))
    story.append(Bookmark(_("Invités"), 1))
    story.append(Paragraph(escape(_("Invités")), st.h2))
    guest_rows = [
        [name, org, signature_box()] for _id, name, org in presence.guests(db, meeting_id)
    ]
    guest_rows += [["", "", signature_box()] for _i in range(EMPTY_GUEST_ROWS)]
    story.append(
        _table([_("Nom"), _("Structure"), _("Signature")], guest_rows, [60 * mm, 74 * mm, 40 * mm])
    )
    story.append(Spacer(1, 6 * mm))
    summary = _(
        "Membres en exercice avec voix délibérative : {in_office} — présents : {present} — "
        "représentés : {represented} — quorum requis : {required}."
    ).format(
        in_office=count.in_office,
        present=count.present,
        represented=count.represented,
        required=count.required,
    )
    story.append(Paragraph(escape(summary), st.body))
    return story
