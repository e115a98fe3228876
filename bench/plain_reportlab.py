"""The baselines of the large exports: plain reportlab scripts, as anyone would write them, that
write the same number of rows (and of files) in the same embedded font; no wrapping, no
typography, no sections: the floor of what reportlab costs.

    python -m bench.plain_reportlab rows N OUT.pdf          one landscape table of N rows
    python -m bench.plain_reportlab files N1,N2,… FOLDER    one PDF per owner, Nk rows each
"""

from __future__ import annotations

import sys
from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

FONT = "DejaVuSans"
CELLS = (
    "Action numéro {n} du tableau de suivi",
    "Séance du 12/03/2026",
    "Jean Dupont",
    "30/04/2026",
    "En cours",
    "40 %",
    "Point du 02/03/2026",
)


def _font() -> None:
    fonts = Path(__file__).resolve().parent.parent / "resources" / "fonts"
    pdfmetrics.registerFont(TTFont(FONT, str(fonts / f"{FONT}.ttf")))


def _rows(canvas: Canvas, first: int, count: int, pagesize) -> None:
    width, height = pagesize
    xs = [40, 80, 310, 420, 510, 580, 640, 700]
    y = height - 50
    canvas.setFont(FONT, 8.5)
    for n in range(first, first + count):
        if y < 50:
            canvas.drawRightString(width - 40, 25, f"Page {canvas.getPageNumber()}")
            canvas.showPage()
            canvas.setFont(FONT, 8.5)
            y = height - 50
        canvas.drawString(xs[0], y, str(n))
        for x, text in zip(xs[1:], CELLS, strict=True):
            canvas.drawString(x, y, text.format(n=n))
        y -= 12
    canvas.drawRightString(width - 40, 25, f"Page {canvas.getPageNumber()}")
    canvas.showPage()


def table(rows: int, out: Path) -> None:
    _font()
    page = landscape(A4)
    canvas = Canvas(str(out), pagesize=page, initialFontName=FONT)
    _rows(canvas, 1, rows, page)
    canvas.save()


def files(counts: list[int], folder: Path) -> None:
    _font()
    folder.mkdir(parents=True, exist_ok=True)
    first = 1
    for n, count in enumerate(counts, start=1):
        canvas = Canvas(str(folder / f"relance-{n}.pdf"), pagesize=A4, initialFontName=FONT)
        canvas.setFont(FONT, 14)
        canvas.drawString(40, A4[1] - 40, f"Actions en cours n° {n}")
        _rows(canvas, first, count, A4)
        canvas.save()
        first += count


if __name__ == "__main__":
    kind, amount, target = sys.argv[1:4]
    if kind == "rows":
        table(int(amount), Path(target))
    else:
        files([int(c) for c in amount.split(",")], Path(target))
