"""The convocation letter, one per person convened, worded for the capacity they sit in (voting
member, member without a vote, substitute, guest), with the proxy form where it applies and the
address where a window envelope shows it; and the agenda (ordre du jour) that goes with it."""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import TYPE_CHECKING

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Image,
    KeepInFrame,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from ess_desk.council import Letterhead
from ess_desk.dates import clock, display, long_date, long_datetime
from ess_desk.documents.style import (
    ACCENT,
    GREY,
    LIGHT,
    Bookmark,
    Metadata,
    escape,
    footer_line,
    pdf_bytes,
    styles,
)
from ess_desk.i18n import _
from ess_desk.meetings import annexes, convening, meetings
from ess_desk.meetings.vocabulary import ITEM_KINDS

if TYPE_CHECKING:
    from reportlab.pdfgen.canvas import Canvas
from ess_desk.membership.vocabulary import label
from ess_desk.typography import with_article


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


def _agenda_table(conv: convening.Convening) -> Table | None:
    st = styles()
    if not conv.timetable.items:
        return None
    rows = [[Paragraph(escape(h), st.cell_bold) for h in (_("Heure"), _("Point"), _("Type"))]]
    for n, timed in enumerate(conv.timetable.items, start=1):
        item = timed.item
        presenter = item.presenter_text
        if item.presenter_person_id:
            presenter = conv.presenters.get(item.presenter_person_id, "")
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
    out = Table(rows, colWidths=[18 * mm, 118 * mm, 38 * mm], repeatRows=1, splitInRow=1)
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


class WindowAddress(Flowable):
    """The addressee's block where a DL window envelope (110 × 220 mm, window on the right)
    shows it once the A4 sheet is folded in three: a frame 85 mm wide and 33 mm high, 110 mm
    from the sheet's left edge and 55 mm from its top (La Poste's usual layout), text left
    aligned (NF Z 10-011). Takes no room in the flow: it is drawn at its place on the page."""

    LEFT, TOP, WIDTH, HEIGHT = 110 * mm, 55 * mm, 85 * mm, 33 * mm

    def __init__(self, lines: Sequence[str]):
        super().__init__()
        self.lines = list(lines)

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return (0, 0)

    def fitted(self, font: str, size: float, leading: float) -> list[str]:
        """The lines wrapped to the window's width, as many as its height holds: a longer
        address ends with « … » inside the window rather than run off the sheet."""
        from ess_desk.documents.style import wrap_text

        lines = [part for line in self.lines for part in wrap_text(line, font, size, self.WIDTH)]
        room = int(self.HEIGHT // leading)
        if len(lines) <= room:
            return lines
        last = lines[room - 1]
        while last and stringWidth(last + " …", font, size) > self.WIDTH:
            last = last[:-1]
        return [*lines[: room - 1], last.rstrip() + " …"]

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:  # noqa: N802
        from ess_desk.documents.style import FONT

        page_height = canvas._pagesize[1]  # type: ignore[attr-defined]  # reportlab keeps it private
        canvas.saveState()
        text = canvas.beginText(self.LEFT, page_height - self.TOP - 11)
        text.setFont(FONT, 10, 12)
        for line in self.fitted(FONT, 10, 12):
            text.textLine(line)
        canvas.drawText(text)
        canvas.restoreState()


def _capacity_paragraphs(conv: convening.Convening, who: convening.Addressee) -> list[str]:
    """The sentences that convene (or invite) this person, in the capacity they sit in."""
    meeting, body = conv.meeting, conv.body.name
    where = meeting.place or _("en visioconférence")
    when = long_datetime(meeting.start)
    if meeting.status == "cancelled":
        return [
            _(
                "La séance de l'instance « {body} » (« {title} ») prévue le {when} est annulée. "
                "La convocation que vous avez reçue est sans objet ; une nouvelle date vous sera "
                "communiquée."
            ).format(body=body, title=meeting.title, when=when)
        ]
    values = {"body": body, "title": meeting.title, "when": when, "where": where}
    if who.capacity == convening.SUBSTITUTE:
        return [
            _(
                "En qualité de suppléant(e) de {member}, vous êtes convié(e) à la séance de "
                "l'instance « {body} » (« {title} »), qui se tiendra le {when}, {where}."
            ).format(member=who.substitute_for or _("votre titulaire"), **values),
            _(
                "Vous y siégez avec voix délibérative si {member} est absent(e) : merci de vous "
                "organiser ensemble et d'en informer le secrétariat."
            ).format(member=who.substitute_for or _("votre titulaire")),
        ]
    if who.capacity == convening.GUEST:
        return [
            _(
                "J'ai le plaisir de vous inviter, en qualité d'invité(e) permanent(e), à la séance "
                "de l'instance « {body} » (« {title} »), qui se tiendra le {when}, {where}."
            ).format(**values),
            _("Merci de confirmer votre présence au secrétariat."),
        ]
    out = [
        _(
            "J'ai l'honneur de vous convier à la séance de l'instance « {body} » (« {title} »), "
            "qui se tiendra le {when}, {where}."
        ).format(**values)
    ]
    if who.capacity == convening.CONSULTATIVE:
        out.append(_("Vous y siégez avec voix consultative."))
    return out


def _absence_paragraph(conv: convening.Convening, who: convening.Addressee) -> str:
    """What to do when unable to come: only voting members may be replaced or give a proxy."""
    if conv.meeting.status == "cancelled" or who.capacity != convening.MEMBER:
        return ""
    if conv.proxies_allowed:
        return _(
            "En cas d'empêchement, merci de prévenir le secrétariat : vous pouvez vous faire "
            "remplacer par votre suppléant(e) ou donner pouvoir à un autre membre au moyen du "
            "formulaire joint."
        )
    return _(
        "En cas d'empêchement, merci de prévenir le secrétariat et, le cas échéant, votre "
        "suppléant(e), qui siégera à votre place. Les règles de l'instance ne prévoient pas de "
        "pouvoir."
    )


def _documents_paragraphs(
    conv: convening.Convening, left_out: Sequence[annexes.Annex], location: str
) -> list:
    st = styles()
    if conv.meeting.status == "cancelled":
        return []
    out: list = [
        Paragraph(
            escape(
                _(
                    "Vous trouverez joints à cette convocation l'ordre du jour et les documents "
                    "préparatoires ci-dessous."
                )
                if conv.annexes
                else _("Vous trouverez l'ordre du jour joint à cette convocation.")
            ),
            st.body,
        )
    ]
    for annex in conv.annexes:
        pages = _("{name} ({pages} p.)").format(name=annex.name, pages=annex.pages)
        out.append(Paragraph("• " + escape(pages), st.body))
    if left_out:
        names = ", ".join(f"« {a.name} »" for a in left_out)
        out.append(
            Paragraph(
                escape(
                    _(
                        "Trop volumineux pour être joints au courriel, les documents suivants "
                        "sont à votre disposition {location} : {names}."
                    ).format(location=location, names=names)
                ),
                st.body,
            )
        )
    return out


def letter_story(
    conv: convening.Convening,
    who: convening.Addressee,
    *,
    left_out: Sequence[annexes.Annex] = (),
    location: str = "",
) -> list:
    """One letter, and its proxy form on a page of its own for a voting member of a body that
    allows proxies. `left_out`: annexes not attached to the e-mail, said where to find."""
    st = styles()
    meeting, body = conv.meeting, conv.body
    polite = salutation(who.civility)
    cancelled = meeting.status == "cancelled"
    window = list(who.postal) or [
        line
        for line in (" ".join(x for x in (who.civility, who.name) if x), who.organisation)
        if line
    ]
    # The letterhead fills the top of the page, down to below the envelope's window.
    # (a letterhead longer than its place is made smaller to fit it, never over the letter)
    head = Table(
        [[KeepInFrame(90 * mm, 78 * mm, _letterhead_block(conv.letterhead), mode="shrink")]],
        colWidths=[90 * mm],
        rowHeights=[78 * mm],
        hAlign="LEFT",
    )
    head.setStyle(
        TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)])
    )
    if cancelled:
        subject = _("Objet : annulation — {body}, séance du {day}")
    elif who.capacity == convening.GUEST:
        subject = _("Objet : invitation — {body}, séance du {day}")
    else:
        subject = _("Objet : convocation — {body}, séance du {day}")
    story: list = [
        Bookmark(who.name),
        WindowAddress(window),
        head,
        Paragraph(escape(_("Le {day}").format(day=long_date(conv.letter_date))), st.right),
        Spacer(1, 4 * mm),
        Paragraph(
            "<b>" + escape(subject.format(body=body.name, day=display(meeting.day))) + "</b>",
            st.body,
        ),
        Spacer(1, 4 * mm),
        Paragraph(escape(f"{polite},"), st.body),
    ]
    story += [Paragraph(escape(text), st.body) for text in _capacity_paragraphs(conv, who)]
    if meeting.video_link and not cancelled:
        story.append(
            Paragraph(
                escape(
                    _("Vous pourrez aussi y participer à distance : {link}").format(
                        link=meeting.video_link
                    )
                ),
                st.body,
            )
        )
    story += _documents_paragraphs(conv, left_out, location)
    absence = _absence_paragraph(conv, who)
    if absence:
        story.append(Paragraph(escape(absence), st.body))
    story += [Spacer(1, 3 * mm), *closing(conv.letterhead, polite, proxy=False)]
    if who.votes and conv.proxies_allowed and not cancelled:
        story += [PageBreak(), *proxy_form(body.name, meeting, body.proxies_per_holder)]
    return story


def agenda_story(conv: convening.Convening) -> list:
    """The agenda on its own (ordre du jour), attached to every convocation."""
    st = styles()
    meeting = conv.meeting
    story: list = [
        *_letterhead_block(conv.letterhead),
        Spacer(1, 6 * mm),
        Paragraph(escape(_("Ordre du jour")), st.title),
        Paragraph(
            escape(
                _("{body} — séance du {when}").format(
                    body=conv.body.name, when=long_datetime(meeting.start)
                )
            ),
            st.h2,
        ),
    ]
    where = " — ".join(x for x in (meeting.place, meeting.video_link) if x)
    if where:
        story.append(Paragraph(escape(where), st.body))
    story.append(Spacer(1, 4 * mm))
    table = _agenda_table(conv)
    if table is None:
        story.append(Paragraph(escape(_("L'ordre du jour n'a pas encore de point.")), st.body))
    else:
        story.append(table)
    if conv.annexes:
        story += [Spacer(1, 4 * mm), Paragraph(escape(_("Documents joints")), st.h2)]
        for annex in conv.annexes:
            story.append(
                Paragraph(
                    "• "
                    + escape(_("{name} ({pages} p.)").format(name=annex.name, pages=annex.pages)),
                    st.body,
                )
            )
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


def _proxy_limit(limit: int) -> str:
    if limit == 1:
        return _("Un membre ne peut porter qu'un seul pouvoir.")
    return _("Un membre ne peut porter plus de {limit} pouvoirs.").format(limit=limit)


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
                        _(
                            "Le mandataire doit être un membre de l'instance avec voix délibérative, "
                            "présent à la séance. {limit} Remettez ce pouvoir au secrétariat avant "
                            "l'ouverture de la séance."
                        ).format(limit=_proxy_limit(limit))
                    ),
                    st.small,
                ),
            ]
        )
    ]


def _meta(conv: convening.Convening, what: str, who: str | None) -> Metadata:
    title = f"{what} — {conv.body.name}, {display(conv.meeting.day)}"
    return Metadata(
        title=title if who is None else f"{title} — {who}",
        author=conv.letterhead.name,
        subject=what,
        footer=footer_line(conv.letterhead.name, conv.body.name),
    )


def letter_pdf(
    conv: convening.Convening,
    who: convening.Addressee,
    *,
    left_out: Sequence[annexes.Annex] = (),
    location: str = "",
) -> bytes:
    what = _("Annulation") if conv.meeting.status == "cancelled" else _("Convocation")
    story = letter_story(conv, who, left_out=left_out, location=location)
    return pdf_bytes(story, _meta(conv, what, who.name))


def agenda_pdf(conv: convening.Convening) -> bytes:
    return pdf_bytes(agenda_story(conv), _meta(conv, _("Ordre du jour"), None))
