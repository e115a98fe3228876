"""The annual activity report (rapport d'activité) of a body as an A4 PDF: a cover with the key
figures, meetings and quorum, attendance, opinions and decisions, actions by theme, composition
and its changes, with charts; the composition and each member's attendance in annex."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.piecharts import Pie
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Image,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from ess_desk.council import Letterhead, get_letterhead
from ess_desk.dates import display
from ess_desk.documents.style import (
    ACCENT,
    FONT,
    FONT_BOLD,
    GREY,
    LIGHT,
    WIDTH,
    Bookmark,
    Metadata,
    build_pdf,
    escape,
    heading,
    register_fonts,
    styles,
)
from ess_desk.i18n import _, language, ngettext, pgettext
from ess_desk.meetings.vocabulary import MEETING_STATUSES
from ess_desk.membership.vocabulary import ROLES, label
from ess_desk.minutes.vocabulary import DECISION_KINDS, DECISION_STATUSES
from ess_desk.report.figures import MeetingLine, Period, Presences, ReportFigures, report_figures
from ess_desk.typography import number as digits
from ess_desk.typography import of, typeset, wrap_chars

if TYPE_CHECKING:
    from sqlite_utils import Database

GRID = colors.HexColor("#9aa5a8")
# Attendance statuses, in the order of the charts and tables, with their colours.
PRESENT = colors.HexColor("#1f5c4a")
REPLACED = colors.HexColor("#4f9a78")
REPRESENTED = colors.HexColor("#a6d1b9")
EXCUSED = colors.HexColor("#e3a857")
ABSENT = colors.HexColor("#c4553f")
VACANT = colors.HexColor("#d5dcdd")
OPENED = colors.HexColor("#5b8db8")
KIND_COLOURS = (ACCENT, EXCUSED, OPENED)
# Beyond this many meetings a bar per meeting is unreadable: bars by month, then by year.
MAX_BARS = 24


# --------------------------------------------------------------------------- words


def long_day(day: dt.date) -> str:
    """« 1er janvier 2025 » (« 1 January 2025 »)."""
    from babel.dates import format_date

    if language() == "fr":
        text = format_date(day, format="long", locale="fr_FR")
        return "1er" + text[1:] if day.day == 1 else text
    return format_date(day, format="long", locale="en_GB")


def percent(value: float | None) -> str:
    if value is None:
        return "—"
    return _("{value} %").format(value=round(value * 100))


def title(period: Period) -> str:
    if period.year is not None:
        return _("Rapport d'activité {year}").format(year=period.year)
    return _("Rapport d'activité du {start} au {end}").format(
        start=display(period.start), end=display(period.end)
    )


def period_line(fig: ReportFigures) -> str:
    return _("Du {start} au {end}").format(
        start=long_day(fig.period.start), end=long_day(fig.period.end)
    )


def cap(text: str) -> str:
    """« un membre du collège … » starts a table cell: « Un membre du collège … »."""
    return text[:1].upper() + text[1:]


def _status(line: MeetingLine) -> str:
    if line.status == "postponed" and line.replaced_by:
        return _("Reportée au {day}").format(day=display(line.replaced_by))
    return label(MEETING_STATUSES, line.status)


def _quorum(line: MeetingLine) -> str:
    q = line.quorum
    if q is None:
        return _("non constaté")
    if q.reached:
        return _("atteint")
    return _("non atteint")


# --------------------------------------------------------------------------- tables


def _cell_styles() -> dict[str, ParagraphStyle]:
    st = styles()
    head = ParagraphStyle("report_head", parent=st.cell_bold, fontSize=7.5, leading=9.5)
    return {
        "cell": st.cell,
        "bold": st.cell_bold,
        "right": ParagraphStyle("report_r", parent=st.cell, alignment=2),
        "right_bold": ParagraphStyle("report_rb", parent=st.cell_bold, alignment=2),
        "center": ParagraphStyle("report_c", parent=st.cell, alignment=1),
        "head": head,
        "head_right": ParagraphStyle("report_hr", parent=head, alignment=2),
        "head_center": ParagraphStyle("report_hc", parent=head, alignment=1),
    }


def table(
    rows: Sequence[Sequence[object]],
    widths: Sequence[float],
    numeric_from: int | None = None,
    total: bool = False,
    colours: dict[tuple[int, int], colors.Color] | None = None,
    groups: dict[int, str] | None = None,
    centre: bool = False,
) -> Table:
    """A table with its header row (repeated on each page); columns from `numeric_from` on are
    figures, aligned right; `total` sets the last row in bold; `groups` puts a title row across
    the table before the row of that index (e.g. each college); `centre` centres everything.

    A cell whose text fits on one line is a plain string drawn in the table's font; only longer
    texts become wrapping paragraphs, which cost reportlab ten times more to lay out."""
    s = _cell_styles()
    colours = colours or {}
    groups = groups or {}
    size, leading = s["cell"].fontSize, s["cell"].leading
    data: list[list[object]] = []
    commands: list = [
        ("GRID", (0, 0), (-1, -1), 0.4, GRID),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, 0), LIGHT),
        ("FONTNAME", (0, 1), (-1, -1), FONT),
        ("FONTSIZE", (0, 1), (-1, -1), size),
        ("LEADING", (0, 1), (-1, -1), leading),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    if centre:
        commands.append(("ALIGN", (0, 1), (-1, -1), "CENTER"))
    elif numeric_from is not None:
        commands.append(("ALIGN", (numeric_from, 1), (-1, -1), "RIGHT"))
    last = len(rows) - 1
    for n, row in enumerate(rows):
        if n in groups:
            r = len(data)
            data.append([typeset(groups[n]), *[""] * (len(widths) - 1)])
            commands += [
                ("SPAN", (0, r), (-1, r)),
                ("FONTNAME", (0, r), (-1, r), FONT_BOLD),
                ("BACKGROUND", (0, r), (-1, r), colors.HexColor("#f3f7f5")),
            ]
        r = len(data)
        strong = total and n == last
        if strong:
            commands += [
                ("FONTNAME", (0, r), (-1, r), FONT_BOLD),
                ("BACKGROUND", (0, r), (-1, r), colors.HexColor("#f3f7f5")),
            ]
        line: list[object] = []
        for c, value in enumerate(row):
            text = typeset(str(value))
            numeric = numeric_from is not None and c >= numeric_from
            if (c, n) in colours:
                commands.append(("TEXTCOLOR", (c, r), (c, r), colours[(c, n)]))
            if n == 0:
                kind = "head_center" if centre else "head_right" if numeric else "head"
                line.append(Paragraph(escape(text), s[kind]))
                continue
            font = FONT_BOLD if strong else FONT
            if numeric or stringWidth(text, font, size) <= widths[c] - 6:
                line.append(text)
                continue
            kind = "bold" if strong else "cell"
            style = s[kind]
            if (c, n) in colours:
                style = ParagraphStyle(f"{kind}_{c}_{n}", parent=style, textColor=colours[(c, n)])
            line.append(Paragraph(escape(text), style))
        data.append(line)
    t = Table(data, colWidths=list(widths), repeatRows=1, hAlign="LEFT", splitInRow=1)
    t.setStyle(TableStyle(commands))
    return t


def note(text: str) -> Paragraph:
    st = styles().small
    return Paragraph(escape(text), ParagraphStyle("report_note", parent=st, spaceBefore=3))


def body_text(text: str) -> Paragraph:
    return Paragraph(escape(text), styles().body)


def caption(text: str) -> Paragraph:
    st = styles()
    return Paragraph(
        f"<b>{escape(text)}</b>",
        ParagraphStyle("caption", parent=st.body, fontSize=9, textColor=GREY, spaceBefore=4),
    )


def section(text: str) -> list[Flowable]:
    """A top-level heading that never sits alone at the foot of a page."""
    return [CondPageBreak(50 * mm), *heading(text)]


def subsection(text: str) -> list[Flowable]:
    return [CondPageBreak(35 * mm), *heading(text, level=1)]


# --------------------------------------------------------------------------- charts


def _axis_font(axis: Any, size: float = 7) -> None:  # a chart's value or category axis
    axis.labels.fontName = FONT
    axis.labels.fontSize = size
    axis.labels.fillColor = colors.HexColor("#333333")
    axis.strokeColor = GRID


def _legend(pairs: list[tuple[colors.Color, str]], x: float, y: float, columns: int = 0) -> Legend:
    legend = Legend()
    legend.x, legend.y = x, y  # type: ignore[assignment]  # float points; the stubs say int
    legend.fontName = FONT
    legend.fontSize = 7.5
    legend.alignment = "right"
    legend.colorNamePairs = [(colour, typeset(name)) for colour, name in pairs]
    legend.boxAnchor = "nw"
    legend.dx = legend.dy = 7
    legend.deltay = 10
    legend.strokeColor = None
    legend.strokeWidth = 0
    if columns:
        legend.columnMaximum = 1
        legend.deltax = 95
        legend.dxTextSpace = 4
    else:
        legend.columnMaximum = len(pairs)
    return legend


def rate_series(fig: ReportFigures) -> tuple[str, list[str], list[int]]:
    """The chart's caption and the attendance rate (in %) per meeting, or by month or by year
    when there are too many meetings for a bar each."""
    lines = [m for m in fig.meetings if m.presences is not None and m.presences.expected]
    if len(lines) <= MAX_BARS:
        fmt = "%d/%m/%y" if len({m.day.year for m in lines}) > 1 else "%d/%m"
        return (
            _("Taux de présence par séance"),
            [m.day.strftime(fmt) for m in lines],
            [round((m.presences.rate or 0) * 100) for m in lines],  # type: ignore[union-attr]
        )
    by_month = len({(m.day.year, m.day.month) for m in lines}) <= MAX_BARS
    fmt = "%m/%Y" if by_month else "%Y"
    totals: dict[str, Presences] = {}
    for m in lines:
        key = m.day.strftime(fmt)
        totals[key] = totals.get(key, Presences()) + m.presences  # type: ignore[operator]
    caption = _("Taux de présence par mois") if by_month else _("Taux de présence par année")
    return caption, list(totals), [round((p.rate or 0) * 100) for p in totals.values()]


def meeting_chart(fig: ReportFigures) -> Drawing | None:
    _caption, labels, values = rate_series(fig)
    if not values:
        return None
    height = 62 * mm
    d = Drawing(WIDTH, height)
    chart = VerticalBarChart()
    chart.x, chart.y = 34, 28
    # A few meetings make a few bars, not a wall: about 2 cm per bar at most.
    chart.width, chart.height = min(WIDTH - 44, max(len(values), 3) * 58), height - 44  # type: ignore[assignment]  # float points; the stubs say int
    chart.data = [values]
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, 100, 20
    chart.valueAxis.labelTextFormat = lambda v: typeset(_("{value} %").format(value=int(v)))
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = LIGHT
    _axis_font(chart.valueAxis)
    _axis_font(chart.categoryAxis, 7 if len(values) <= 12 else 6)
    chart.categoryAxis.categoryNames = [typeset(label) for label in labels]
    if len(values) > 12:
        chart.categoryAxis.labels.angle = 45
        chart.categoryAxis.labels.boxAnchor = "ne"
    chart.categoryAxis.labels.dy = -3
    chart.bars[0].fillColor = PRESENT
    chart.bars[0].strokeColor = None
    chart.barLabelFormat = lambda v: typeset(_("{value} %").format(value=int(v)))
    chart.barLabels.fontName = FONT
    chart.barLabels.fontSize = 7 if len(values) <= 16 else 5.5
    chart.barLabels.nudge = 6
    chart.barWidth = 10
    chart.groupSpacing = 6
    d.add(chart)
    return d


def pie_chart(
    parts: list[tuple[str, int, colors.Color]], size: float = 46 * mm, width: float = WIDTH
) -> Drawing | None:
    parts = [p for p in parts if p[1] > 0]
    total = sum(p[1] for p in parts)
    if not total:
        return None
    height = size + 8 * mm
    d = Drawing(width, height)
    pie = Pie()
    pie.x, pie.y = 14 * mm, 4 * mm  # type: ignore[assignment]  # float points; the stubs say int
    pie.width = pie.height = size  # type: ignore[assignment]  # float points; the stubs say int
    pie.data = [p[1] for p in parts]
    # Labels inside the slices, only where there is room for them.
    pie.labels = [typeset(percent(p[1] / total)) if p[1] / total >= 0.06 else "" for p in parts]
    pie.slices.fontName = FONT_BOLD
    pie.slices.fontSize = 8
    pie.slices.fontColor = colors.white
    pie.slices.labelRadius = 0.68
    pie.slices.strokeColor = colors.white
    pie.slices.strokeWidth = 1
    pie.startAngle = 90
    pie.direction = "clockwise"
    for i, part in enumerate(parts):
        pie.slices[i].fillColor = part[2]
        if part[2] in (REPRESENTED, VACANT, EXCUSED):
            pie.slices[i].fontColor = colors.HexColor("#1d2b27")
    d.add(pie)
    pairs = [
        (colour, _("{label} : {count} ({share})").format(
            label=name, count=count, share=percent(count / total)
        ))
        for name, count, colour in parts
    ]  # fmt: skip
    d.add(_legend(pairs, 14 * mm + size + 14 * mm, height - 10 * mm))
    return d


def horizontal_chart(
    names: list[str],
    series: list[list[int]],
    series_colours: list[colors.Color],
    series_names: list[str],
    stacked: bool = False,
    label_chars: int = 34,
    percentages: bool = False,
) -> Drawing | None:
    """Bars across, one category per name (first name at the top), with a legend above;
    `percentages`: values are rates from 0 to 100."""
    if not names or not any(any(s) for s in series):
        return None
    wrapped = ["\n".join(wrap_chars(typeset(n), label_chars)[:3]) or " " for n in names]
    lines = max(w.count("\n") + 1 for w in wrapped)
    bars = 1 if stacked else len(series)
    per_category = max(bars * 7 + 8, lines * 8.5 + 6)
    plot_height = per_category * len(names)
    legend_height = 16 if len(series) > 1 else 0
    height = plot_height + 22 + legend_height
    label_width = min(70 * mm, label_chars * 4.2 + 8)
    d = Drawing(WIDTH, height)
    chart = HorizontalBarChart()
    chart.x, chart.y = label_width, 18  # type: ignore[assignment]  # float points; the stubs say int
    chart.width, chart.height = WIDTH - label_width - 20, plot_height  # type: ignore[assignment]  # float points; the stubs say int
    # reportlab draws the first category at the bottom, and the first series of a group at its
    # bottom: give both upside down so that the page reads from the top.
    order = list(range(len(series))) if stacked else list(reversed(range(len(series))))
    chart.data = [list(reversed(series[i])) for i in order]
    chart.categoryAxis.categoryNames = list(reversed(wrapped))
    _axis_font(chart.categoryAxis)
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.textAnchor = "end"
    chart.categoryAxis.labels.dx = -4
    chart.categoryAxis.labels.leading = 8.5
    _axis_font(chart.valueAxis)
    chart.valueAxis.valueMin = 0
    top = max(sum(col) for col in zip(*series, strict=True)) if stacked else max(map(max, series))
    if percentages:
        chart.valueAxis.valueMax, chart.valueAxis.valueStep = 100, 20
        chart.valueAxis.labelTextFormat = lambda v: typeset(_("{value} %").format(value=int(v)))
    else:
        chart.valueAxis.valueMax = _nice_max(top)
        chart.valueAxis.valueStep = _nice_step(chart.valueAxis.valueMax)
        chart.valueAxis.labelTextFormat = "%d"
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = LIGHT
    if stacked:
        chart.categoryAxis.style = "stacked"
    chart.barSpacing = 1
    chart.groupSpacing = 6
    for n, i in enumerate(order):
        chart.bars[n].fillColor = series_colours[i]
        chart.bars[n].strokeColor = None
    # A figure needs about 12 points of bar to be read: narrower segments go without.
    smallest = chart.valueAxis.valueMax * 12 / chart.width if stacked else 1
    if percentages:
        chart.barLabelFormat = lambda v: typeset(_("{value} %").format(value=int(v)))
    else:
        chart.barLabelFormat = lambda v: str(int(v)) if v and v >= smallest else ""
    chart.barLabels.fontName = FONT
    chart.barLabels.fontSize = 6.5
    if stacked:
        chart.barLabels.boxAnchor = "c"
        chart.barLabels.nudge = 0
        chart.barLabels.boxTarget = "mid"
        for n, i in enumerate(order):
            if series_colours[i] in (PRESENT, ABSENT):  # dark bars: white figures
                chart.barLabels[n].fillColor = colors.white
    else:
        chart.barLabels.boxAnchor = "w"
        chart.barLabels.nudge = 4
    d.add(chart)
    if len(series) > 1:
        d.add(
            _legend(
                list(zip(series_colours, series_names, strict=True)),
                label_width - 7,
                height - 2,
                columns=len(series),
            )
        )
    return d


def _nice_step(maximum: float) -> float:
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000):
        if maximum / step <= 8:
            return step
    return 10_000


def _nice_max(value: float) -> float:
    step = _nice_step(max(value, 1) * 1.12)
    return step * (int(max(value, 1) * 1.12 / step) + 1)


def figure_block(title_text: str, drawing: Drawing | None) -> list[Flowable]:
    if drawing is None:
        return []
    return [KeepTogether([caption(title_text), drawing]), Spacer(1, 2 * mm)]


# --------------------------------------------------------------------------- cover


def _letterhead(letterhead: Letterhead) -> list[Flowable]:
    st = styles()
    block: list[Flowable] = []
    if letterhead.logo:
        from reportlab.lib.utils import ImageReader

        width, height = ImageReader(io.BytesIO(letterhead.logo)).getSize()
        scale = min(45 * mm / width, 24 * mm / height)
        block.append(
            Image(io.BytesIO(letterhead.logo), width * scale, height * scale, hAlign="LEFT")
        )
        block.append(Spacer(1, 2 * mm))
    block.append(Paragraph(f"<b>{escape(letterhead.name)}</b>", st.body))
    lines = [letterhead.council_address, letterhead.council_email]
    text = "\n".join(x for x in lines if x)
    if text:
        block.append(Paragraph(escape(text).replace("\n", "<br/>"), st.small))
    return block


def key_figures(fig: ReportFigures) -> Table:
    st = styles()
    number = ParagraphStyle(
        "key", parent=st.body, fontName=FONT_BOLD, fontSize=22, leading=26, textColor=ACCENT
    )
    what = ParagraphStyle("key_label", parent=st.small, fontSize=8.5, leading=11)
    actions = fig.actions
    attendance = fig.attendance
    quorum_known = fig.quorum_reached + fig.quorum_missed
    boxes = [
        (
            str(len(fig.held)),
            ngettext("séance tenue", "séances tenues", len(fig.held)),
            _("{cancelled}, {postponed}").format(
                cancelled=ngettext("{n} annulée", "{n} annulées", len(fig.cancelled)).format(
                    n=len(fig.cancelled)
                ),
                postponed=ngettext("{n} reportée", "{n} reportées", len(fig.postponed)).format(
                    n=len(fig.postponed)
                ),
            ),
        ),
        (
            percent(attendance.rate),
            _("taux de présence"),
            _("{rate} avec les pouvoirs").format(rate=percent(attendance.participation)),
        ),
        (
            f"{fig.quorum_reached} / {quorum_known}" if quorum_known else "—",
            ngettext("séance avec quorum", "séances avec quorum", fig.quorum_reached),
            _("quorum constaté à l'ouverture"),
        ),
        (
            str(len(fig.decisions)),
            ngettext("avis ou décision", "avis et décisions", len(fig.decisions)),
            _("{adopted}, {rejected}").format(
                adopted=ngettext("{n} vote adopté", "{n} votes adoptés", fig.votes_adopted).format(
                    n=fig.votes_adopted
                ),
                rejected=ngettext("{n} rejeté", "{n} rejetés", fig.votes_rejected).format(
                    n=fig.votes_rejected
                ),
            ),
        ),
        (
            f"{actions.opened} / {actions.closed}",
            _("actions ouvertes / closes"),
            _("{overdue} en retard sur {open} en cours").format(
                overdue=digits(actions.overdue_at_end), open=digits(actions.open_at_end)
            ),
        ),
        (
            str(fig.vacant),
            ngettext("siège vacant", "sièges vacants", fig.vacant),
            ngettext("sur {seats} siège", "sur {seats} sièges", fig.seats).format(seats=fig.seats)
            if fig.seats
            else "",
        ),
    ]
    cells = [
        [
            Paragraph(escape(big), number),
            Paragraph(f"<b>{escape(name)}</b>", what),
            Paragraph(escape(detail), what),
        ]
        for big, name, detail in boxes
    ]
    grid = [cells[0:3], cells[3:6]]
    t = Table(grid, colWidths=[WIDTH / 3] * 3, hAlign="LEFT")
    t.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#f3f7f5")),
                ("LINEABOVE", (0, 0), (-1, 0), 2, ACCENT),
                ("INNERGRID", (0, 0), (-1, -1), 3, colors.white),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
            ]
        )
    )
    return t


def cover(fig: ReportFigures, letterhead: Letterhead, today: dt.date) -> list[Flowable]:
    st = styles()
    big = ParagraphStyle(
        "cover_title", parent=st.title, fontSize=26, leading=31, spaceAfter=6, textColor=ACCENT
    )
    sub = ParagraphStyle("cover_sub", parent=st.body, fontName=FONT_BOLD, fontSize=15, leading=19)
    kicker = ParagraphStyle(
        "kicker", parent=st.small, fontName=FONT_BOLD, fontSize=9, textColor=ACCENT
    )
    rule = Table([[""]], colWidths=[WIDTH], rowHeights=[1])
    rule.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 1.2, ACCENT)]))
    out: list[Flowable] = [
        Bookmark(title(fig.period)),
        *_letterhead(letterhead),
        Spacer(1, 3 * mm),
        rule,
        Spacer(1, 32 * mm),
        Paragraph(escape(_("RAPPORT D'ACTIVITÉ").upper()), kicker),
        Paragraph(escape(title(fig.period)), big),
        Paragraph(escape(fig.body), sub),
        Spacer(1, 2 * mm),
        body_text(period_line(fig)),
    ]
    if fig.as_of < fig.period.end:
        out.append(
            body_text(_("Période en cours : situation au {day}.").format(day=long_day(fig.as_of)))
        )
    out += [Spacer(1, 14 * mm), key_figures(fig), Spacer(1, 10 * mm)]
    if fig.unnamed:
        out.append(
            note(
                ngettext(
                    "Ce rapport est public : {count} personne qui n'a pas consenti à la "
                    "publication de son nom y est désignée par sa qualité.",
                    "Ce rapport est public : les {count} personnes qui n'ont pas consenti à la "
                    "publication de leur nom y sont désignées par leur qualité.",
                    fig.unnamed,
                ).format(count=fig.unnamed)
            )
        )
    out.append(
        note(_("Établi le {day} par le secrétariat du conseil.").format(day=long_day(today)))
    )
    out.append(PageBreak())
    return out


# --------------------------------------------------------------------------- sections


def meetings_section(fig: ReportFigures) -> list[Flowable]:
    out = section(_("Séances"))
    if not fig.meetings:
        return [*out, body_text(_("Aucune séance sur la période."))]
    counts: list[list[object]] = [
        [_("Tenues"), _("Annulées"), _("Reportées"), _("Prévues ou à venir"), _("Total")],
        [
            len(fig.held),
            len(fig.cancelled),
            len(fig.postponed),
            len(fig.planned),
            len(fig.meetings),
        ],
    ]
    out += [table(counts, [WIDTH / 5] * 5, centre=True), Spacer(1, 3 * mm)]
    rows: list[list[object]] = [
        [_("Date"), _("Séance"), _("Statut"), _("Présents / attendus"), _("Taux"), _("Décisions")]
    ]
    for m in fig.meetings:
        p = m.presences
        rows.append(
            [
                display(m.day),
                m.title,
                _status(m),
                f"{p.sitting} / {p.expected}" if p else "—",
                percent(p.rate) if p else "—",
                m.decisions if m.held else "—",
            ]
        )
    widths = [21 * mm, 64 * mm, 28 * mm, 22 * mm, 14 * mm, 19 * mm]
    out.append(table(rows, widths, numeric_from=3))
    out.append(
        note(
            _(
                "Présents : membres titulaires d'un siège présents en personne ou remplacés par "
                "leur suppléant(e) ; attendus : titulaires en fonction le jour de la séance."
            )
        )
    )
    if any(m.held and m.presences is None for m in fig.meetings):
        out.append(note(_("« — » : présences non enregistrées pour cette séance.")))
    out += figure_block(rate_series(fig)[0], meeting_chart(fig))
    out += quorum_section(fig)
    return out


def meetings_count(n: int) -> str:
    """« 1 séance », « 3 séances »."""
    return ngettext("{n} séance", "{n} séances", n).format(n=n)


def quorum_section(fig: ReportFigures) -> list[Flowable]:
    out = subsection(_("Quorum"))
    held = fig.held
    if not held:
        return [*out, body_text(_("Aucune séance tenue sur la période."))]
    out.append(
        body_text(
            _(
                "Quorum atteint à {reached}, non atteint à {missed}, non constaté à {unknown}."
            ).format(
                reached=meetings_count(fig.quorum_reached),
                missed=meetings_count(fig.quorum_missed),
                unknown=meetings_count(fig.quorum_unknown),
            )
        )
    )
    rows: list[list[object]] = [
        [_("Date"), _("Séance"), _("En exercice"), _("Requis"), _("Comptés"), _("Quorum")]
    ]
    colours = {}
    for n, m in enumerate(held, start=1):
        q = m.quorum
        rows.append(
            [
                display(m.day),
                m.title,
                q.in_office if q else "—",
                q.required if q else "—",
                q.counted if q else "—",
                _quorum(m),
            ]
        )
        if q is not None and not q.reached:
            colours[(5, n)] = ABSENT
    widths = [21 * mm, 66 * mm, 21 * mm, 17 * mm, 18 * mm, 25 * mm]
    out.append(table(rows, widths, numeric_from=2, colours=colours))
    out.append(
        note(
            _(
                "En exercice : membres à voix délibérative ; comptés : présents, et représentés "
                "quand le règlement de l'instance compte les pouvoirs ; quorum constaté à "
                "l'ouverture de la séance (recalculé sur les présences s'il n'a pas été noté)."
            )
        )
    )
    return out


def attendance_section(fig: ReportFigures) -> list[Flowable]:
    out = section(_("Participation"))
    total = fig.attendance
    if not total.expected:
        return [*out, body_text(_("Aucune présence enregistrée sur la période."))]
    out.append(
        body_text(
            _(
                "Sur {expected} sièges attendus aux séances tenues, {sitting} ont été occupés "
                "({rate}) et {represented} représentés par un pouvoir ; participation avec les "
                "pouvoirs : {participation}."
            ).format(
                expected=total.expected,
                sitting=total.sitting,
                rate=percent(total.rate),
                represented=total.represented,
                participation=percent(total.participation),
            )
        )
    )
    out += figure_block(
        _("Répartition des présences"),
        pie_chart(
            [
                (_("Présents"), total.present, PRESENT),
                (_("Remplacés par leur suppléant(e)"), total.replaced, REPLACED),
                (_("Représentés (pouvoir)"), total.represented, REPRESENTED),
                (_("Excusés"), total.excused, EXCUSED),
                (_("Absents"), total.absent, ABSENT),
            ]
        ),
    )
    out += subsection(_("Par collège"))
    rows: list[list[object]] = [
        [
            _("Collège"),
            _("Attendus"),
            _("Présents"),
            _("Suppléés"),
            _("Représentés"),
            _("Excusés"),
            _("Absents"),
            _("Taux"),
        ]
    ]
    for c in fig.colleges:
        p = c.presences
        name = c.college if c.voting else _("{college} (consultatif)").format(college=c.college)
        rows.append(
            [name, p.expected, p.present, p.replaced, p.represented, p.excused, p.absent]
            + [percent(p.rate)]
        )
    rows.append(
        [
            _("Ensemble"),
            total.expected,
            total.present,
            total.replaced,
            total.represented,
            total.excused,
            total.absent,
            percent(total.rate),
        ]
    )
    widths = [48 * mm, 17 * mm, 16 * mm, 17 * mm, 22 * mm, 16 * mm, 16 * mm, 14 * mm]
    out.append(table(rows, widths, numeric_from=1, total=True))
    out += figure_block(
        _("Taux de présence par collège"),
        horizontal_chart(
            [c.college for c in fig.colleges],
            [[round((c.presences.rate or 0) * 100) for c in fig.colleges]],
            [PRESENT],
            [_("Taux de présence")],
            percentages=True,
        ),
    )
    out.append(note(_("L'assiduité de chaque membre figure en annexe.")))
    return out


def decisions_section(fig: ReportFigures) -> list[Flowable]:
    out = section(_("Avis et décisions"))
    if not fig.decisions:
        out.append(body_text(_("Aucun avis ni décision adopté sur la période.")))
    by_kind = fig.decisions_by_kind()
    if fig.decisions:
        rows: list[list[object]] = [[_("Nature"), _("Nombre")]]
        rows += [[label(DECISION_KINDS, k), by_kind.get(k, 0)] for k in DECISION_KINDS]
        rows.append([_("Total"), len(fig.decisions)])
        kinds = table(rows, [50 * mm, 22 * mm], numeric_from=1, total=True)
        pie = pie_chart(
            [
                (label(DECISION_KINDS, k), by_kind.get(k, 0), KIND_COLOURS[i])
                for i, k in enumerate(DECISION_KINDS)
            ],
            size=30 * mm,
            width=WIDTH - 80 * mm,
        )
        # The counts and their pie side by side.
        side = Table([[kinds, pie or ""]], colWidths=[80 * mm, WIDTH - 80 * mm], hAlign="LEFT")
        side.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ]
            )
        )
        out += [side, Spacer(1, 2 * mm)]
    out.append(
        body_text(
            _("Points soumis au vote : {adopted}, {rejected}.").format(
                adopted=ngettext("{n} adopté", "{n} adoptés", fig.votes_adopted).format(
                    n=fig.votes_adopted
                ),
                rejected=ngettext("{n} rejeté", "{n} rejetés", fig.votes_rejected).format(
                    n=fig.votes_rejected
                ),
            )
        )
    )
    if fig.decisions:
        out += subsection(_("Registre de la période"))
        rows = [[_("Référence"), _("Date"), _("Nature"), _("Texte"), _("Suivi")]]
        for d in fig.decisions:
            rows.append(
                [
                    d.reference,
                    display(d.day),
                    label(DECISION_KINDS, d.kind),
                    d.text,
                    label(DECISION_STATUSES, d.status),
                ]
            )
        widths = [20 * mm, 21 * mm, 29 * mm, 72 * mm, 26 * mm]
        out.append(table(rows, widths))
    return out


def actions_section(fig: ReportFigures) -> list[Flowable]:
    out = section(_("Suivi des actions"))
    if not fig.themes:
        return [*out, body_text(_("Aucune action suivie sur la période."))]
    out.append(
        note(
            _(
                "Ouvertes : actions créées pendant la période ; faites et abandonnées : closes "
                "pendant la période ; en cours et en retard : au {day}."
            ).format(day=display(fig.as_of))
        )
    )
    rows: list[list[object]] = [
        [
            _("Thème"),
            pgettext("actions created in the period", "Ouvertes"),
            _("Faites"),
            _("Abandonnées"),
            _("En cours"),
            _("En retard"),
        ]
    ]
    colours = {}
    for n, t in enumerate([*fig.themes, fig.actions], start=1):
        rows.append(
            [
                (t.theme or _("Sans thème")) if n <= len(fig.themes) else _("Total"),
                t.opened,
                t.done,
                t.abandoned,
                t.open_at_end,
                t.overdue_at_end,
            ]
        )
        if t.overdue_at_end:
            colours[(5, n)] = ABSENT
    widths = [68 * mm, 19 * mm, 17 * mm, 24 * mm, 19 * mm, 19 * mm]
    out.append(table(rows, widths, numeric_from=1, total=True, colours=colours))
    out += figure_block(
        _("Actions par thème"),
        horizontal_chart(
            [t.theme or _("Sans thème") for t in fig.themes],
            [
                [t.opened for t in fig.themes],
                [t.closed for t in fig.themes],
                [t.overdue_at_end for t in fig.themes],
            ],
            [OPENED, PRESENT, ABSENT],
            [
                pgettext("actions created in the period", "Ouvertes"),
                _("Closes"),
                _("En retard à la fin"),
            ],
        ),
    )
    return out


def composition_section(fig: ReportFigures) -> list[Flowable]:
    out = section(_("Composition de l'instance"))
    if not fig.composition:
        out.append(body_text(_("L'instance n'a pas de collège.")))
    else:
        before = fig.period.start - dt.timedelta(days=1)
        rows: list[list[object]] = [
            [
                _("Collège"),
                _("Sièges"),
                _("Au {day}").format(day=display(before)),
                _("Arrivées"),
                _("Départs"),
                _("Au {day}").format(day=display(fig.as_of)),
                _("Vacants"),
            ]
        ]
        colours = {}
        for n, c in enumerate(fig.composition, start=1):
            name = c.name if c.voting else _("{college} (consultatif)").format(college=c.name)
            rows.append(
                [
                    name,
                    c.seats if c.seats is not None else "—",
                    c.at_start,
                    c.arrivals,
                    c.departures,
                    c.at_end,
                    c.vacant if c.vacant is not None else "—",
                ]
            )
            if c.vacant:
                colours[(6, n)] = ABSENT
        rows.append(
            [
                _("Ensemble"),
                fig.seats if fig.seats is not None else "—",
                sum(c.at_start for c in fig.composition),
                sum(c.arrivals for c in fig.composition),
                sum(c.departures for c in fig.composition),
                sum(c.at_end for c in fig.composition),
                fig.vacant,
            ]
        )
        widths = [50 * mm, 16 * mm, 25 * mm, 17 * mm, 16 * mm, 25 * mm, 16 * mm]
        out.append(table(rows, widths, numeric_from=1, total=True, colours=colours))
        out.append(
            note(
                _(
                    "Sièges occupés par les membres titulaires (président(e) et vice-président(e)s "
                    "compris) ; les suppléant(e)s et les invité(e)s n'occupent pas de siège."
                )
            )
        )
        with_seats = [c for c in fig.composition if c.seats is not None]
        out += figure_block(
            _("Sièges occupés et vacants au {day}").format(day=display(fig.as_of)),
            horizontal_chart(
                [c.name for c in with_seats],
                [[c.at_end for c in with_seats], [c.vacant or 0 for c in with_seats]],
                [PRESENT, VACANT],
                [_("Occupés"), _("Vacants")],
                stacked=True,
            ),
        )
    out += subsection(_("Mouvements de la période"))
    if not fig.changes:
        out.append(body_text(_("Aucun mandat n'a commencé ni pris fin sur la période.")))
        return out
    rows = [[_("Date"), _("Mouvement"), _("Personne"), _("Collège"), _("Qualité")]]
    for ch in fig.changes:
        rows.append(
            [
                display(ch.day),
                _("Début de mandat") if ch.arrival else _("Fin de mandat"),
                cap(ch.name),
                ch.college or "—",
                label(ROLES, ch.role),
            ]
        )
    widths = [21 * mm, 29 * mm, 45 * mm, 36 * mm, 37 * mm]
    out.append(table(rows, widths))
    out.append(note(_("Pour une fin de mandat, la date est le dernier jour en fonction.")))
    return out


def _by_college(items: Sequence, college: Callable[[object], str]) -> dict[int, str]:
    """The title row before the first item of each college (row 0 is the header)."""
    groups: dict[int, str] = {}
    counts: dict[str, int] = {}
    for item in items:
        counts[college(item)] = counts.get(college(item), 0) + 1
    previous = None
    for n, item in enumerate(items, start=1):
        name = college(item)
        if name != previous:
            groups[n] = _("{college} ({count})").format(
                college=name or _("Sans collège"), count=counts[name]
            )
            previous = name
    return groups


def annexes(fig: ReportFigures) -> list[Flowable]:
    out: list[Flowable] = [PageBreak(), *heading(_("Annexes"))]
    out += heading(_("Composition au {day}").format(day=display(fig.as_of)), level=1)
    if not fig.roster:
        out.append(body_text(_("Aucun mandat en cours.")))
    else:
        rows: list[list[object]] = [
            [_("Qualité"), _("Membre"), _("Structure"), _("Début"), _("Fin")]
        ]
        for m in fig.roster:
            rows.append(
                [
                    label(ROLES, m.role),
                    cap(m.name),
                    m.organisation or "—",
                    display(m.start_date),
                    display(m.end_date) if m.end_date else "—",
                ]
            )
        groups = _by_college(fig.roster, lambda m: m.college)  # type: ignore[attr-defined]
        out.append(table(rows, [29 * mm, 52 * mm, 45 * mm, 21 * mm, 21 * mm], groups=groups))
        if any(not m.named for m in fig.roster):
            out.append(
                note(
                    _(
                        "Les personnes qui n'ont pas consenti à la publication de leur nom sont "
                        "désignées par leur qualité, sans leur structure."
                    )
                )
            )
    out += [CondPageBreak(40 * mm), *heading(_("Assiduité des membres"), level=1)]
    if not fig.members:
        out.append(body_text(_("Aucune présence enregistrée sur la période.")))
        return out
    rows = [
        [
            _("Membre"),
            _("Séances"),
            _("Présent(e)"),
            _("Suppléé(e)"),
            _("Pouvoir"),
            _("Excusé(e)"),
            _("Absent(e)"),
            _("Taux"),
        ]
    ]
    for attendance in fig.members:
        p = attendance.presences
        rows.append(
            [cap(attendance.name), p.expected, p.present, p.replaced]
            + [p.represented, p.excused, p.absent, percent(p.rate)]
        )
    groups = _by_college(fig.members, lambda m: m.college)  # type: ignore[attr-defined]
    widths = [54 * mm, 15 * mm, 18.5 * mm, 19 * mm, 14 * mm, 17.5 * mm, 17.5 * mm, 12 * mm]
    out.append(table(rows, widths, numeric_from=1, groups=groups))
    out.append(
        note(
            _(
                "Séances : séances tenues où la personne occupait un siège et dont les présences "
                "sont enregistrées ; taux : présent(e) ou remplacé(e) par son suppléant(e)."
            )
        )
    )
    return out


def keep_headings(flowables: list[Flowable]) -> list[Flowable]:
    """Each heading (its bookmark, its title) stays on the page of what follows it: the next
    block, or an introductory paragraph and the block after it. Tables are left out: they split
    across pages themselves, and the conditional page break before each heading leaves room for
    their first rows (a table held whole would start a page and leave a blank one behind)."""

    def holdable(item: Flowable) -> bool:
        return not isinstance(item, (Bookmark, PageBreak, CondPageBreak, Table))

    out: list[Flowable] = []
    i = 0
    while i < len(flowables):
        item = flowables[i]
        if isinstance(item, Bookmark) and i + 1 < len(flowables):
            group = [item, flowables[i + 1]]
            j = i + 2
            if j < len(flowables) and holdable(flowables[j]):
                group.append(flowables[j])
                after = flowables[j + 1] if j + 1 < len(flowables) else None
                if isinstance(flowables[j], Paragraph) and after is not None and holdable(after):
                    group.append(after)
            out.append(KeepTogether(group))
            i += len(group)
            continue
        out.append(item)
        i += 1
    return out


def story(fig: ReportFigures, letterhead: Letterhead, today: dt.date) -> list[Flowable]:
    return keep_headings(
        [
            *cover(fig, letterhead, today),
            *meetings_section(fig),
            *attendance_section(fig),
            *decisions_section(fig),
            *actions_section(fig),
            *composition_section(fig),
            *annexes(fig),
        ]
    )


def write(
    fig: ReportFigures, letterhead: Letterhead, path: Path | str, today: dt.date | None = None
) -> Path:
    today = today or dt.date.today()
    name = title(fig.period)
    return build_pdf(
        path,
        story(fig, letterhead, today),
        Metadata(
            title=f"{name} — {fig.body}",
            author=letterhead.name,
            subject=_("Rapport d'activité {of_body} du {start} au {end}").format(
                of_body=of(fig.body), start=display(fig.period.start), end=display(fig.period.end)
            ),
            footer=footer_text(fig.body, name),
        ),
    )


def footer_text(body: str, title_text: str, room: float = 430) -> str:
    """« Body — Rapport d'activité … » within the room the page number leaves in the footer
    (8 pt): a long body name is shortened, never the title."""
    register_fonts()
    text = f"{body} — {title_text}"
    cut = len(body)
    while stringWidth(text, FONT, 8) > room and cut > 10:
        cut -= 1
        text = f"{body[:cut].rstrip()}… — {title_text}"
    return text


def build(
    db: Database,
    body_id: int,
    period: Period,
    path: Path | str,
    today: dt.date | None = None,
) -> Path:
    """Write the activity report of a body over a period as an A4 PDF."""
    today = today or dt.date.today()
    fig = report_figures(db, body_id, period.start, period.end, today=today)
    return write(fig, get_letterhead(db), path, today=today)
