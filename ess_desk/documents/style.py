"""The look of every document: embedded font, A4 page, "Page n / N", metadata, bookmarks, watermark."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as pdfcanvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph

from ess_desk import __version__
from ess_desk.fileio import atomic_path
from ess_desk.i18n import _
from ess_desk.resources import resource

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
FONT_ITALIC = "DejaVuSans-Oblique"
FONT_BOLD_ITALIC = "DejaVuSans-BoldOblique"
MARGIN = 18 * mm
ACCENT = colors.HexColor("#1f5c4a")  # a sober green, the colour of the ESS
GREY = colors.HexColor("#5f6b6d")
LIGHT = colors.HexColor("#e8efec")


@cache
def register_fonts() -> None:
    """Embed DejaVu Sans (shipped with its licence in resources/fonts): it covers accented Latin."""
    from reportlab.lib.fonts import addMapping

    for name in (FONT, FONT_BOLD, FONT_ITALIC, FONT_BOLD_ITALIC):
        pdfmetrics.registerFont(TTFont(name, str(resource("fonts", f"{name}.ttf"))))
    addMapping(FONT, 0, 0, FONT)
    addMapping(FONT, 1, 0, FONT_BOLD)
    addMapping(FONT, 0, 1, FONT_ITALIC)
    addMapping(FONT, 1, 1, FONT_BOLD_ITALIC)


@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    right: ParagraphStyle


@cache
def styles() -> Styles:
    register_fonts()
    body = ParagraphStyle("body", fontName=FONT, fontSize=10, leading=13.5, spaceAfter=4)
    return Styles(
        title=ParagraphStyle(
            "title",
            parent=body,
            fontName=FONT_BOLD,
            fontSize=18,
            leading=22,
            textColor=ACCENT,
            spaceAfter=8,
        ),
        h1=ParagraphStyle(
            "h1",
            parent=body,
            fontName=FONT_BOLD,
            fontSize=14,
            leading=18,
            textColor=ACCENT,
            spaceBefore=8,
            spaceAfter=6,
        ),
        h2=ParagraphStyle(
            "h2",
            parent=body,
            fontName=FONT_BOLD,
            fontSize=11.5,
            leading=15,
            spaceBefore=6,
            spaceAfter=3,
        ),
        body=body,
        small=ParagraphStyle("small", parent=body, fontSize=8.5, leading=11, textColor=GREY),
        cell=ParagraphStyle("cell", parent=body, fontSize=8.5, leading=10.5, spaceAfter=0),
        cell_bold=ParagraphStyle(
            "cell_bold", parent=body, fontName=FONT_BOLD, fontSize=8.5, leading=10.5, spaceAfter=0
        ),
        right=ParagraphStyle("right", parent=body, alignment=2),
    )


def centered(style: ParagraphStyle) -> ParagraphStyle:
    return ParagraphStyle(style.name + "_c", parent=style, alignment=TA_CENTER)


class Bookmark(Flowable):
    """An invisible mark that adds an outline entry (a PDF bookmark) where it lands."""

    def __init__(self, title: str, level: int = 0):
        super().__init__()
        self.title = title
        self.level = level
        self.key = f"bm{id(self)}"

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return (0, 0)

    def draw(self) -> None:
        self.canv.bookmarkPage(self.key)
        self.canv.addOutlineEntry(self.title, self.key, level=self.level, closed=False)


def _numbered_canvas(footer_left: str, watermark: str | None, pagesize: tuple[float, float] = A4):
    class NumberedCanvas(pdfcanvas.Canvas):
        """Holds the pages back until the end so that each footer can say "Page n / N"."""

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._saved: list[dict] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            self._saved.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._saved)
            for state in self._saved:
                self.__dict__.update(state)
                self._decorate(total)
                super().showPage()
            super().save()

        def _decorate(self, total: int) -> None:
            width, height = pagesize
            if watermark:
                self.saveState()
                self.setFont(FONT_BOLD, 96)
                self.setFillColor(colors.Color(0.75, 0.1, 0.1, alpha=0.12))
                self.translate(width / 2, height / 2)
                self.rotate(45)
                self.drawCentredString(0, -30, watermark)
                self.restoreState()
            self.saveState()
            self.setFont(FONT, 8)
            self.setFillColor(GREY)
            self.setStrokeColor(LIGHT)
            self.line(MARGIN, 12 * mm, width - MARGIN, 12 * mm)
            self.drawString(MARGIN, 8 * mm, footer_left)
            self.drawRightString(
                width - MARGIN,
                8 * mm,
                _("Page {page} / {total}").format(page=self._pageNumber, total=total),
            )
            self.restoreState()

    return NumberedCanvas


@dataclass(frozen=True)
class Metadata:
    title: str
    author: str
    subject: str
    footer: str = ""
    watermark: str | None = None  # "PROJET" on anything not yet approved


def build_pdf(
    path: Path | str,
    story: Sequence[Flowable],
    meta: Metadata,
    pagesize: tuple[float, float] = A4,
) -> Path:
    """Lay out `story` on A4 pages (or `pagesize`, e.g. landscape(A4)) and write it atomically
    to `path`."""
    register_fonts()
    path = Path(path)
    with atomic_path(path) as tmp:
        doc = BaseDocTemplate(
            str(tmp),
            pagesize=pagesize,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN,
            bottomMargin=18 * mm,
            title=meta.title,
            author=meta.author,
            subject=meta.subject,
            creator=f"ESS Desk {__version__}",
            lang="fr-FR",
        )
        frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body")
        doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
        doc.build(list(story), canvasmaker=_numbered_canvas(meta.footer, meta.watermark, pagesize))
    return path


def heading(text: str, level: int = 0) -> list[Flowable]:
    """A section heading with its bookmark."""
    st = styles()
    return [Bookmark(text, level), Paragraph(escape(text), st.h1 if level == 0 else st.h2)]


def escape(text: str) -> str:
    """Text for a reportlab Paragraph (which reads a little XML)."""
    from xml.sax.saxutils import escape as xml_escape

    return xml_escape(text or "")


def paragraphs(text: str, style: ParagraphStyle | None = None) -> list[Paragraph]:
    st = style or styles().body
    return [
        Paragraph(escape(p).replace("\n", "<br/>"), st)
        for p in (text or "").split("\n\n")
        if p.strip()
    ]
