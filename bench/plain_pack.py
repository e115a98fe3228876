"""The meeting pack's baseline as anyone would write it, in a process of its own that never
imports `ess_desk`: reportlab lays out pages of text paragraphs in the embedded DejaVu Sans
(10 pt on 13.5, 4 pt after: the body style of the pack), then pypdf appends the annexes.

A process of its own because ESS Desk's `register_fonts()` patches reportlab in the process
that calls it (quicker encoding, plain paragraphs without the markup parser, …): a baseline run
beside the pack in the same process would be sped up by our own work and the ratio would err
against us. The worker stays up for the whole measure and times each build itself, so that the
figure is a build's time, not a process start's.

    python -m bench.plain_pack      reads one JSON request per line on stdin:
                                    {"out": path, "pages": n, "text": str, "annexes": [paths]}
                                    and answers one JSON line: {"ms": float, "pages": int}
"""

from __future__ import annotations

import io
import json
import sys
import time
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

FONT = "DejaVuSans"
PARAGRAPHS_PER_PAGE = 5  # of about 700 characters: four fifths of a page each time


def _style() -> ParagraphStyle:
    fonts = Path(__file__).resolve().parent.parent / "resources" / "fonts"
    pdfmetrics.registerFont(TTFont(FONT, str(fonts / f"{FONT}.ttf")))
    return ParagraphStyle("body", fontName=FONT, fontSize=10, leading=13.5, spaceAfter=4)


def build(out: Path, pages: int, text: str, annexes: list[Path], body: ParagraphStyle) -> int:
    """`pages` pages of paragraphs, then the annexes; returns the file's page count."""
    story: list = []
    for n in range(pages):
        story += [Paragraph(f"{n + 1}. {text}", body) for _line in range(PARAGRAPHS_PER_PAGE)]
        story.append(PageBreak())
    story.pop()
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4).build(story)
    writer = PdfWriter()
    writer.append(PdfReader(buffer))
    for annex in annexes:
        writer.append(PdfReader(annex))
    writer.write(str(out))
    return len(writer.pages)


def serve(requests, answers) -> None:
    body = _style()
    for line in requests:
        request = json.loads(line)
        start = time.perf_counter()
        pages = build(
            Path(request["out"]),
            request["pages"],
            request["text"],
            [Path(p) for p in request["annexes"]],
            body,
        )
        elapsed = (time.perf_counter() - start) * 1000
        if "ess_desk" in sys.modules:  # the point of this process
            raise RuntimeError("le témoin a chargé ess_desk")
        answers.write(json.dumps({"ms": elapsed, "pages": pages}) + "\n")
        answers.flush()


if __name__ == "__main__":
    serve(sys.stdin, sys.stdout)
