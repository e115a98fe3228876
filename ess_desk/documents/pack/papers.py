"""The pack's papers about the meeting itself: cover, convocation, agenda with its timings, and
the facilitators' run sheet."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    Image,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from ess_desk.dates import clock, display, long_date, long_datetime
from ess_desk.documents import (
    convocation,
)
from ess_desk.documents.pack.base import _PackBase
from ess_desk.documents.pack.parts import (
    DRAFT_RED,
    _duration,
    _plain_paragraphs,
    _Section,
)
from ess_desk.documents.style import (
    centered,
    escape,
    styles,
)
from ess_desk.i18n import _
from ess_desk.meetings.vocabulary import ITEM_KINDS, MEETING_STATUSES
from ess_desk.membership.vocabulary import label
from ess_desk.typography import with_article


class _MeetingPapers(_PackBase):
    """The cover, convocation, agenda and run sheet of the pack."""

    def cover(self) -> list:
        st = styles()
        m = self.meeting
        out: list = []
        if self.letterhead.logo:
            from reportlab.lib.utils import ImageReader

            width, height = ImageReader(io.BytesIO(self.letterhead.logo)).getSize()
            scale = min(60 * mm / width, 30 * mm / height)
            out.append(Image(io.BytesIO(self.letterhead.logo), width * scale, height * scale))
            out.append(Spacer(1, 4 * mm))
        out.append(Paragraph(escape(self.letterhead.name), centered(st.h1)))
        if self.letterhead.council_address:
            out.append(
                Paragraph(
                    escape(self.letterhead.council_address).replace("\n", "<br/>"),
                    centered(st.small),
                )
            )
        out.append(Spacer(1, 30 * mm))
        kind = {
            "membre": _("Dossier de séance"),
            "animation": _("Dossier de séance — animation"),
            "public": _("Dossier de séance — version publique"),
        }[self.variant]
        big = ParagraphStyle("cover", parent=centered(st.title), fontSize=24, leading=30)
        out += [
            Paragraph(escape(kind.upper()), centered(st.small)),
            Spacer(1, 4 * mm),
            Paragraph(escape(self.body.name), centered(st.h1)),
            Paragraph(escape(m.title), big),
            Spacer(1, 4 * mm),
        ]
        when = long_datetime(m.start)
        if m.end is not None:
            when = _("{start}, fin prévue à {end}").format(start=when, end=clock(m.end))
        out.append(Paragraph(escape(when), centered(st.h2)))
        out.append(
            Paragraph(
                escape(_("Lieu : {place}").format(place=m.place or _("à préciser"))),
                centered(st.body),
            )
        )
        if m.video_link and not self.public:
            out.append(
                Paragraph(
                    escape(_("Visioconférence : {link}").format(link=m.video_link)),
                    centered(st.body),
                )
            )
        if m.status == "planned":
            draft = ParagraphStyle(
                "draft",
                parent=centered(st.title),
                fontSize=30,
                leading=36,
                textColor=DRAFT_RED,
                spaceBefore=10 * mm,
            )
            out += [
                Paragraph(escape(_("PROJET")), draft),
                Paragraph(
                    escape(
                        _(
                            "Ordre du jour provisoire : la séance n'est pas encore convoquée, "
                            "ce dossier peut encore changer."
                        )
                    ),
                    centered(st.body),
                ),
            ]
        elif m.status in ("cancelled", "postponed"):
            out.append(
                Paragraph(
                    f"<b>{escape(label(MEETING_STATUSES, m.status))}</b>",
                    ParagraphStyle("gone", parent=centered(st.h1), textColor=DRAFT_RED),
                )
            )
        if self.left_out:
            lines = "<br/>".join(f"• {escape(name)}" for name in self.left_out)
            box = Table(
                [
                    [
                        Paragraph(
                            "<b>"
                            + escape(_("Annexes non jointes à ce dossier"))
                            + "</b><br/>"
                            + escape(
                                _(
                                    "Ces fichiers sont illisibles (endommagés, protégés ou "
                                    "d'un autre format) ; demandez-les au secrétariat :"
                                )
                            )
                            + f"<br/>{lines}",
                            st.body,
                        )
                    ]
                ],
                colWidths=[140 * mm],
                splitInRow=1,
            )
            box.setStyle(
                TableStyle(
                    [
                        ("BOX", (0, 0), (-1, -1), 1, DRAFT_RED),
                        ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#fbeeee")),
                        ("LEFTPADDING", (0, 0), (-1, -1), 6),
                        ("RIGHTPADDING", (0, 0), (-1, -1), 6),
                    ]
                )
            )
            out += [Spacer(1, 10 * mm), box]
        out += [
            Spacer(1, 12 * mm),
            Paragraph(
                escape(_("Dossier établi le {day}.").format(day=long_date(self.today))),
                centered(st.small),
            ),
        ]
        return out

    def convocation(self) -> _Section:
        st = styles()
        m = self.meeting
        title = _("Convocation")
        sent = dt.date.fromisoformat(m.notice_sent_on[:10]) if m.notice_sent_on else self.today
        polite = convocation.salutation("")
        letterhead = self.letterhead
        if self.public:
            letterhead = dataclasses.replace(letterhead, signatory=self.text(letterhead.signatory))
        out: list = [
            Paragraph(escape(title), st.h1),
            Paragraph(escape(_("Le {day}").format(day=long_date(sent))), st.right),
            Spacer(1, 3 * mm),
            Paragraph(
                "<b>"
                + escape(
                    _("Objet : convocation — {body}, séance du {day}").format(
                        body=self.body.name, day=display(m.day)
                    )
                )
                + "</b>",
                st.body,
            ),
            Spacer(1, 3 * mm),
            Paragraph(escape(f"{polite},"), st.body),
            *convocation.invitation(m, self.body.name, video_link=not self.public),
            Paragraph(
                escape(
                    _(
                        "L'ordre du jour, les documents à examiner et, le cas échéant, le "
                        "procès-verbal à approuver figurent dans ce dossier."
                    )
                ),
                st.body,
            ),
            Spacer(1, 2 * mm),
            *convocation.closing(
                letterhead, polite, proxy=not self.public and self.proxies_allowed
            ),
        ]
        return _Section("convocation", title, out)

    def _timing_lines(self) -> list:
        st = styles()
        t = self.timetable
        end = self.meeting.end
        line = _("Début à {start} ; l'ordre du jour mène à {end}").format(
            start=clock(self.meeting.start), end=clock(t.ends_at)
        )
        if end is not None:
            line += " " + _("(fin prévue à {end})").format(end=clock(end))
        out = [Paragraph(escape(line + "."), st.body)]
        if t.overrun_minutes:
            out.append(
                Paragraph(
                    "<b>"
                    + escape(
                        _("L'ordre du jour dépasse de {minutes} la fin prévue.").format(
                            minutes=_duration(t.overrun_minutes)
                        )
                    )
                    + "</b>",
                    ParagraphStyle("late", parent=st.body, textColor=DRAFT_RED),
                )
            )
        return out

    def agenda(self) -> _Section:
        st = styles()
        title = _("Ordre du jour")
        items = self.timetable.items
        if not items:
            return _Section("agenda", title, [])
        attached = self._item_annexes()
        out: list = [Paragraph(escape(title), st.h1), *self._timing_lines(), Spacer(1, 2 * mm)]
        indent = ParagraphStyle("indent", parent=st.cell, leftIndent=18 * mm)
        for n, timed in enumerate(items, start=1):
            item = timed.item
            band = self._band(
                [
                    clock(timed.starts_at),
                    f"{n}. {self.text(item.title)}",
                    _duration(item.duration_minutes),
                ],
                [18 * mm, 136 * mm, 20 * mm],
            )
            meta = [label(ITEM_KINDS, item.kind)]
            presenter = self._presenter(item)
            if presenter:
                meta.append(_("présenté par {name}").format(name=with_article(presenter)))
            block: list = [band, Paragraph(escape(" — ".join(meta)), indent)]
            out.append(KeepTogether(block))
            out += _plain_paragraphs(self.text(item.description), indent)
            out += self._annex_lines(attached.get(item.id, []), indent)
            out += [
                Paragraph(
                    "• " + escape(_("{name} (annexe non publiée)").format(name=self.text(a.name))),
                    indent,
                )
                for a in self.withheld
                if a.item_id == item.id
            ]
            out.append(Spacer(1, 3 * mm))
        general = attached.get(None, [])
        if general:
            out.append(Paragraph(escape(_("Documents joints à la séance")), st.h2))
            out += self._annex_lines(general)
        return _Section("agenda", title, out)

    def run_sheet(self) -> _Section:
        st = styles()
        title = _("Conducteur de séance")
        items = self.timetable.items
        if not items:
            return _Section("run_sheet", title, [])
        attached = self._item_annexes()
        out: list = [Paragraph(escape(title), st.h1), *self._timing_lines(), Spacer(1, 2 * mm)]
        indent = ParagraphStyle("indent", parent=st.cell, leftIndent=28 * mm)
        notes = ParagraphStyle("notes", parent=indent, textColor=colors.HexColor("#2d3a3c"))
        elapsed = 0
        for n, timed in enumerate(items, start=1):
            item = timed.item
            elapsed += item.duration_minutes
            band = self._band(
                [
                    f"{clock(timed.starts_at)} → {clock(timed.ends_at)}",
                    f"{n}. {item.title}",
                    _("{duration} · cumul {elapsed}").format(
                        duration=_duration(item.duration_minutes), elapsed=_duration(elapsed)
                    ),
                ],
                [28 * mm, 100 * mm, 46 * mm],
            )
            meta = [label(ITEM_KINDS, item.kind)]
            presenter = self._presenter(item)
            if presenter:
                meta.append(_("présenté par {name}").format(name=with_article(presenter)))
            out.append(KeepTogether([band, Paragraph(escape(" — ".join(meta)), indent)]))
            if item.description.strip():
                notes_title = _("Notes pour l'animation :")
                out.append(Paragraph(f"<i>{escape(notes_title)}</i>", indent))
                out += _plain_paragraphs(item.description, notes)
            out += self._annex_lines(attached.get(item.id, []), indent)
            out.append(
                Paragraph(
                    escape(_("Heure réelle : début ____ h ____ — fin ____ h ____ — ☐ traité")),
                    indent,
                )
            )
            out.append(Spacer(1, 3 * mm))
        return _Section("run_sheet", title, out)
