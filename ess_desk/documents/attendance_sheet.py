"""The sign-in sheet (feuille d'émargement): one row per expected person, a signature box each."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Paragraph, Spacer

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
from ess_desk.meetings import presence
from ess_desk.meetings import record as meeting_record
from ess_desk.meetings.record import MeetingRecord
from ess_desk.membership.vocabulary import ROLES, label

if TYPE_CHECKING:
    from sqlite_utils import Database

EMPTY_GUEST_ROWS = 4
SIGNATURE_WIDTH = 50 * mm  # room for a signature (5 cm), whatever the other columns need
ROW_HEIGHT = 10 * mm  # the least height of a row: room to sign in
PADDING = 3.0


def _quality(attendee: presence.Attendee) -> str:
    if attendee.role == "substitute" and attendee.substitute_for_name:
        return _("Suppléant(e) de {name}").format(name=attendee.substitute_for_name)
    if attendee.role in ("member", "president", "co_president", "vice_president"):
        titles = label(ROLES, attendee.role)
        return titles if attendee.role != "member" else _("Titulaire")
    return label(ROLES, attendee.role)


def signature_box() -> Spacer:
    """Keeps every row at least 1 cm tall (room to sign in), however short its text."""
    return Spacer(1, ROW_HEIGHT - 2 * PADDING)


def _table(header: list[str], rows: list[list], widths: list[float]) -> GridTable:
    # Split between pages with two rows at least on each side (GridTable's min_rows).
    return GridTable(header, rows, widths, valign="middle", padding=PADDING, min_rows=2)


def build(db: Database, meeting_id: int, path: Path | str) -> Path:
    """Write the sign-in sheet of a meeting as an A4 PDF."""
    return write(meeting_record.load(db, meeting_id), path)


def write(record: MeetingRecord, path: Path | str) -> Path:
    """Write the sign-in sheet of the meeting loaded in `record` as an A4 PDF."""
    meeting = record.meeting
    title = _("Feuille d'émargement")
    return build_pdf(
        path,
        sheet_story(record),
        Metadata(
            title=f"{title} — {meeting.title}",
            author=record.letterhead.name,
            subject=_("Feuille d'émargement de la séance du {day}").format(
                day=display(meeting.day)
            ),
            footer=footer_line(record.body.name, display(meeting.day)),
        ),
    )


def sheet_story(record: MeetingRecord) -> list:
    """The flowables of the sign-in sheet (also used by the meeting pack)."""
    st = styles()
    meeting, body, letterhead = record.meeting, record.body, record.letterhead
    attendees = record.attendees
    recorded = {p.mandate_id: p for p in record.presences}
    names = {a.mandate_id: a.name for a in attendees}
    count = record.count

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
    # The count, under the title: it never stands alone on a last page.
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
    story.append(Spacer(1, 4 * mm))

    rows = []
    for a in attendees:
        p = recorded.get(a.mandate_id)
        proxy = names.get(p.proxy_to, "") if p and p.status == "represented" and p.proxy_to else ""
        rows.append([a.name, a.organisation, a.college, _quality(a), proxy, signature_box()])
    widths = [32 * mm, 28 * mm, 20 * mm, 24 * mm, 20 * mm, SIGNATURE_WIDTH]
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
    # The guests' heading never ends a page: its table's header and two rows come with it.
    story.append(CondPageBreak(3 * ROW_HEIGHT + 15 * mm))
    story.append(Bookmark(_("Invités"), 1))
    story.append(Paragraph(escape(_("Invités")), st.h2))
    guest_rows = [[g.name, g.organisation, signature_box()] for g in record.guests]
    guest_rows += [["", "", signature_box()] for _i in range(EMPTY_GUEST_ROWS)]
    story.append(
        _table(
            [_("Nom"), _("Structure"), _("Signature")],
            guest_rows,
            [55 * mm, 69 * mm, SIGNATURE_WIDTH],
        )
    )
    return story
