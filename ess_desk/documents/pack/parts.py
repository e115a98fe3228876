"""The pack's building blocks: its variants, its sections (`_Section`), the grids, bands and
paragraphs its pages are made of."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    Flowable,
)

from ess_desk.documents.style import (
    ACCENT,
    LIGHT,
    Bookmark,
    GridTable,
    TextCell,
    TextParagraph,
    made_once,
    styles,
)
from ess_desk.i18n import N_, _

VARIANTS: dict[str, str] = {
    "membre": N_("Dossier des membres"),
    "animation": N_("Dossier d'animation"),
    "public": N_("Version publique"),
}


DRAFT_RED = colors.HexColor("#b3261e")


SPEAKER_ROWS = 24


@dataclass
class _Section:
    key: str
    title: str
    flowables: list
    in_contents: bool = True
    watermark: str | None = None


def _nested(flowables: list) -> list:
    """A document's story as a section of the pack: its own title bookmark goes (the section
    has one), its other bookmarks go one level down when they were at the top."""
    out = list(flowables)
    if out and isinstance(out[0], Bookmark):
        out.pop(0)
    marks = [f for f in out if isinstance(f, Bookmark)]
    if marks and min(m.level for m in marks) == 0:
        for m in marks:
            m.level += 1
    return out


def _grid(rows: list[list], widths: list[float], *, padding: float = 3) -> GridTable:
    """A table whose first row is the header (repeated on each page)."""
    return GridTable(rows[0], rows[1:], widths, padding=padding)


def _plain_paragraphs(text: str, style: ParagraphStyle) -> list[Flowable]:
    """Free text typed by the secretariat: a paragraph for each blank-line-separated block."""
    return [
        TextParagraph(block.strip(), style) for block in (text or "").split("\n\n") if block.strip()
    ]


def _duration(minutes: int) -> str:
    """« 45 min », « 1 h 30 », « 2 h » (no-break spaces inside)."""
    if minutes < 60:
        return _("{minutes} min").format(minutes=minutes)
    if minutes % 60 == 0:
        return _("{hours} h").format(hours=minutes // 60)
    return _("{hours} h {minutes:02d}").format(hours=minutes // 60, minutes=minutes % 60)


@made_once
def _band_title_style() -> ParagraphStyle:
    return ParagraphStyle("band", parent=styles().cell_bold, fontSize=9.5, leading=12)


class _Band(Flowable):
    """A line of cells on a light band under a rule (an agenda item's time, title, duration);
    a title too long for the page goes on over the next one."""

    PAD = 4.0

    def __init__(self, cells: list[TextCell], widths: list[float]):
        super().__init__()
        self.cells = cells
        self.widths = widths

    def _heights(self) -> list[float]:
        return [
            c.wrap(w - 2 * self.PAD, 1e6)[1] for c, w in zip(self.cells, self.widths, strict=True)
        ]

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = sum(self.widths)
        self.height = max(self._heights(), default=0) + 2 * self.PAD
        return (self.width, self.height)

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        room = available_height - 2 * self.PAD
        first: list[TextCell] = []
        rest: list[TextCell] = []
        for cell, width, height in zip(self.cells, self.widths, self._heights(), strict=True):
            # A cell split gives two cells (the lines that fit, the rest).
            parts = (
                [p for p in cell.split(width - 2 * self.PAD, room) if isinstance(p, TextCell)]
                if height > room
                else []
            )
            if height > room and len(parts) != 2:
                return []
            first.append(parts[0] if parts else cell)
            rest.append(parts[1] if parts else TextCell(""))
        return [_Band(first, self.widths), _Band(rest, self.widths)]

    def draw(self) -> None:
        canv = self.canv
        canv.saveState()
        canv.setFillColor(LIGHT)
        canv.rect(0, 0, self.width, self.height, stroke=0, fill=1)
        canv.setStrokeColor(ACCENT)
        canv.setLineWidth(1)
        canv.line(0, self.height, self.width, self.height)
        canv.restoreState()
        text = canv.beginText()
        x = 0.0
        for cell, width in zip(self.cells, self.widths, strict=True):
            cell.write_into(text, x + self.PAD, self.height - self.PAD, width - 2 * self.PAD)
            x += width
        canv.drawText(text)
