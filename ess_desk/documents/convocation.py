"""The convocation letter: one per invitee, with the timed agenda, the annexes and a proxy form."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Image,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from ess_desk.council import Letterhead, get_letterhead
from ess_desk.dates import clock, display, long_date, long_datetime
from ess_desk.documents.style import (
    ACCENT,
    GREY,
    LIGHT,
    Bookmark,
    Metadata,
    build_pdf,
    escape,
    footer_line,
    styles,
)
from ess_desk.i18n import _, ngettext
from ess_desk.meetings import agenda, annexes, meetings, presence
from ess_desk.meetings.vocabulary import ITEM_KINDS
from ess_desk.membership import bodies, people
from ess_desk.membership.vocabulary import label
from ess_desk.typography import with_article

if TYPE_CHECKING:
    from sqlite_utils import Database


def salutation(civility: str) -> str:
    return {"Mme": _("Madame"), "M.": _("Monsieur")}.get(civility, _("Madame, Monsieur"))


def _letterhead_block(letterhead: Letterhead) -> list:
    st = styles()
    block: list = []
    if letterhead.logo:
        from reportlab.lib.utils import ImageReader

        reader = ImageReader(io.BytesIO(letterhead.logo))
        width, height = reader.getSize()
        scale = min(40 * mm / width, 20 * mm / height)
        block.append(
            Image(io.BytesIO(letterhead.logo), width * scale, height * scale, hAlign="LEFT")
        )
    block.append(Paragraph(f"<b>{escape(letterhead.name)}</b>", st.body))
    if letterhead.council_address:
        block.append(Paragraph(escape(letterhead.council_address).replace("\n", "<br/>"), st.small))
    return block


def _agenda_table(db: Database, meeting_id: int) -> Table | None:
    st = styles()
    table = agenda.meeting_timetable(db, meeting_id)
    if not table.items:
        return None
    names = {}
    rows = [[Paragraph(escape(h), st.cell_bold) for h in (_("Heure"), _("Point"), _("Type"))]]
    for n, timed in enumerate(table.items, start=1):
        item = timed.item
        presenter = item.presenter_text
        if item.presenter_person_id:
            if item.presenter_person_id not in names:
                names[item.presenter_person_id] = people.get(db, item.presenter_person_id).full_name
            presenter = names[item.presenter_person_id]
        text = f"<b>{n}. {escape(item.title)}</b>"
        if presenter:
            text += "<br/>" + escape(_("Présenté par {name}").format(name=with_article(presenter)))
        if item.description:
            text += "<br/>" + escape(item.description).replace("\n", "<br/>")
        rows.append(
            [
                Paragraph(escape(clock(timed.starts_at)), st.cell),
                Paragraph(text, st.cell),
                Paragraph(escape(label(ITEM_KINDS, item.kind)), st.cell),
            ]
        )
    out = Table(rows, colWidths=[18 * mm, 118 * mm, 38 * mm], repeatRows=1)
    out.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), LIGHT),
                ("TEXTCOLOR", (0, 0), (-1, 0), ACCENT),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, GREY),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return out


def letter_story(
    db: Database, meeting_id: int, attendee: presence.Attendee, today: dt.date
) -> list:
    """The flowables of one letter and its proxy form, each starting on a new page."""
    st = styles()
    meeting = meetings.get(db, meeting_id)
    body = bodies.get_body(db, meeting.body_id)
    letterhead = get_letterhead(db)
    person = people.get(db, attendee.person_id)
    polite = salutation(person.civility)

    recipient = [f"<b>{escape(' '.join(x for x in (person.civility, person.full_name) if x))}</b>"]
    if attendee.organisation:
        recipient.append(escape(attendee.organisation))
    header = Table(
        [[_letterhead_block(letterhead), Paragraph("<br/>".join(recipient), st.body)]],
        colWidths=[100 * mm, 74 * mm],
    )
    header.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    story: list = [
        Bookmark(person.full_name),
        header,
        Spacer(1, 10 * mm),
        Paragraph(escape(_("Le {day}").format(day=long_date(today))), st.right),
        Spacer(1, 4 * mm),
        Paragraph(
            "<b>"
            + escape(
                _("Objet : convocation — {body}, séance du {day}").format(
                    body=body.name, day=display(meeting.day)
                )
            )
            + "</b>",
            st.body,
        ),
        Spacer(1, 4 * mm),
        Paragraph(escape(f"{polite},"), st.body),
    ]
    story += invitation(meeting, body.name)
    table = _agenda_table(db, meeting_id)
    if table is not None:
        story += [Spacer(1, 3 * mm), Paragraph(escape(_("Ordre du jour")), st.h2), table]
    attached = annexes.list_annexes(db, meeting_id)
    if attached:
        story += [Spacer(1, 3 * mm), Paragraph(escape(_("Documents joints")), st.h2)]
        for annex in attached:
            story.append(
                Paragraph(
                    "• "
                    + escape(_("{name} ({pages} p.)").format(name=annex.name, pages=annex.pages)),
                    st.body,
                )
            )
    story += [Spacer(1, 3 * mm), *closing(letterhead, polite), PageBreak()]
    story += proxy_form(body.name, meeting, body.proxies_per_holder)
    return story


def invitation(meeting: meetings.Meeting, body_name: str, *, video_link: bool = True) -> list:
    """The sentences that invite to the meeting: when, where, and the video link."""
    st = styles()
    where = meeting.place or _("en visioconférence")
    out: list = [
        Paragraph(
            escape(
                _(
                    "J'ai l'honneur de vous convier à la séance de l'instance « {body} » "
                    "(« {title} »), qui se tiendra le {when}, {where}."
                ).format(
                    title=meeting.title,
                    body=body_name,
                    when=long_datetime(meeting.start),
                    where=where,
                )
            ),
            st.body,
        )
    ]
    if meeting.video_link and video_link:
        out.append(
            Paragraph(
                escape(
                    _("Vous pourrez aussi y participer à distance : {link}").format(
                        link=meeting.video_link
                    )
                ),
                st.body,
            )
        )
    return out


def closing(letterhead: Letterhead, polite: str, *, proxy: bool = True) -> list:
    """The end of the letter: whom to warn when unable to come (and the proxy form when the
    letter comes with one), the closing formula and the signature."""
    st = styles()
    out: list = []
    if proxy:
        out.append(
            Paragraph(
                escape(
                    _(
                        "En cas d'empêchement, merci de prévenir le secrétariat : vous pouvez vous "
                        "faire remplacer par votre suppléant(e) ou donner pouvoir à un autre membre "
                        "au moyen du formulaire joint."
                    )
                ),
                st.body,
            )
        )
    out += [
        Paragraph(
            escape(
                _(
                    "Je vous prie d'agréer, {polite}, l'expression de mes salutations distinguées."
                ).format(polite=polite)
            ),
            st.body,
        ),
        CondPageBreak(30 * mm),
        Spacer(1, 6 * mm),
        Paragraph(f"<b>{escape(letterhead.signatory)}</b>", st.right),
        Paragraph(escape(letterhead.signatory_title), st.right),
    ]
    return out


def proxy_form(body_name: str, meeting: meetings.Meeting, limit: int) -> list:
    st = styles()
    line = "_" * 48
    return [
        KeepTogether(
            [
                Paragraph(escape(_("Pouvoir")), st.title),
                Paragraph(
                    escape(
                        _("{body} — séance du {when}").format(
                            body=body_name, when=long_datetime(meeting.start)
                        )
                    ),
                    st.h2,
                ),
                Spacer(1, 6 * mm),
                Paragraph(escape(_("Je soussigné(e) {line}").format(line=line)), st.body),
                Spacer(1, 4 * mm),
                Paragraph(
                    escape(
                        _("membre de l'instance « {body} » au titre du collège {line}").format(
                            body=body_name, line="_" * 30
                        )
                    ),
                    st.body,
                ),
                Spacer(1, 4 * mm),
                Paragraph(escape(_("donne pouvoir à {line}").format(line=line)), st.body),
                Spacer(1, 4 * mm),
                Paragraph(
                    escape(
                        _(
                            "pour me représenter et prendre part aux votes en mon nom lors de la "
                            "séance du {day}."
                        ).format(day=display(meeting.day))
                    ),
                    st.body,
                ),
                Spacer(1, 8 * mm),
                Paragraph(
                    escape(_("Fait à {place}, le {date}").format(place="_" * 20, date="_" * 14)),
                    st.body,
                ),
                Spacer(1, 8 * mm),
                Paragraph(
                    escape(
                        _("Signature, précédée de la mention manuscrite « Bon pour pouvoir » :")
                    ),
                    st.body,
                ),
                Spacer(1, 30 * mm),
                Paragraph(
                    escape(
                        ngettext(
                            "Le mandataire doit être un membre de l'instance avec voix délibérative, "
                            "présent à la séance. Un membre ne peut porter plus de {limit} pouvoir. "
                            "Remettez ce pouvoir au secrétariat avant l'ouverture de la séance.",
                            "Le mandataire doit être un membre de l'instance avec voix délibérative, "
                            "présent à la séance. Un membre ne peut porter plus de {limit} pouvoirs. "
                            "Remettez ce pouvoir au secrétariat avant l'ouverture de la séance.",
                            limit,
                        ).format(limit=limit)
                    ),
                    st.small,
                ),
            ]
        )
    ]


def _meta(db: Database, meeting_id: int, who: str | None) -> Metadata:
    meeting = meetings.get(db, meeting_id)
    body = bodies.get_body(db, meeting.body_id)
    letterhead = get_letterhead(db)
    title = _("Convocation — {body}, séance du {day}").format(
        body=body.name, day=display(meeting.day)
    )
    return Metadata(
        title=title if who is None else f"{title} — {who}",
        author=letterhead.name,
        subject=_("Convocation"),
        footer=footer_line(letterhead.name, body.name),
    )


def build_letter(
    db: Database,
    meeting_id: int,
    attendee: presence.Attendee,
    path: Path | str,
    today: dt.date | None = None,
) -> Path:
    story = letter_story(db, meeting_id, attendee, today or dt.date.today())
    return build_pdf(path, story, _meta(db, meeting_id, attendee.name))


def build_letters(
    db: Database,
    meeting_id: int,
    attendees: Sequence[presence.Attendee],
    path: Path | str,
    today: dt.date | None = None,
) -> Path:
    """All the letters in one PDF (for those the secretariat writes to by post)."""
    story: list = []
    for attendee in attendees:
        story += letter_story(db, meeting_id, attendee, today or dt.date.today())
        story.append(PageBreak())
    if story:
        story.pop()  # no blank page at the end
    return build_pdf(path, story, _meta(db, meeting_id, None))
