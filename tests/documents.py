"""Reading documents back as a proofreader would: their text, its typography, their fonts."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

from pypdf import PdfReader
from pypdf.generic import DictionaryObject
from reportlab import rl_config

# What the typography module puts in (narrow/plain no-break spaces, the typographic apostrophe),
# mapped back to the keyboard's characters for tests about what a document says.
_PLAIN = str.maketrans({"\u202f": " ", "\u00a0": " ", "\u2019": "'"})


def plain(text: str) -> str:
    """The text with typographic spaces and apostrophes as typed on a keyboard."""
    return text.translate(_PLAIN)


def pdf_lines(path: Path | str) -> list[str]:
    """Every line of every page, as pypdf lays the text out."""
    reader = PdfReader(str(path))
    return [line for page in reader.pages for line in page.extract_text().splitlines()]


# A line may not start with what French typography attaches to the word before it.
_BAD_LINE_START = re.compile(r"^\s*[:;!?»]")
# A straight apostrophe between letters (l'ESS), where the typographic one belongs.
_STRAIGHT_APOSTROPHE = re.compile(r"[^\W\d_]'[^\W\d_]")
# A space before « : ; ! ? » or inside « » that a line could break at.
_BREAKABLE_BEFORE = re.compile(r"[^\S\u00a0\u202f][:;!?»]|«[^\S\u00a0\u202f]")


def typography_problems(lines: list[str], *, french: bool = True) -> list[str]:
    """What a proofreader would mark in these lines of a French (or English) document."""
    problems = []
    for n, line in enumerate(lines, start=1):
        if _BAD_LINE_START.match(line):
            problems.append(f"line {n} starts with punctuation: {line!r}")
        if _STRAIGHT_APOSTROPHE.search(line):
            problems.append(f"line {n} has a straight apostrophe: {line!r}")
        if french and _BREAKABLE_BEFORE.search(line):
            problems.append(f"line {n} has a breakable space before punctuation: {line!r}")
    return problems


def _fonts_of(resources, seen: set[int]) -> list[DictionaryObject]:
    """The fonts a page's resources use, those of its form XObjects included."""
    if resources is None:
        return []
    resources = resources.get_object()
    out: list[DictionaryObject] = []
    fonts = resources.get("/Font")
    if fonts is not None:
        out += [f.get_object() for f in fonts.get_object().values()]
    xobjects = resources.get("/XObject")
    if xobjects is not None:
        for ref in xobjects.get_object().values():
            key = getattr(ref, "idnum", None)
            if key is not None:
                if key in seen:
                    continue
                seen.add(key)
            xobject = ref.get_object()
            if xobject.get("/Subtype") == "/Form":
                out += _fonts_of(xobject.get("/Resources"), seen)
    return out


def _embedded(font: DictionaryObject) -> bool:
    if font.get("/Subtype") == "/Type0":
        return all(_embedded(d.get_object()) for d in font["/DescendantFonts"])
    if font.get("/Subtype") == "/Type3":
        return True  # drawn with PDF operators, nothing to embed
    descriptor = font.get("/FontDescriptor")
    if descriptor is None:
        return False
    descriptor = descriptor.get_object()
    return any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))


def unembedded_fonts(path: Path | str) -> list[str]:
    """Fonts named on a page of the PDF without being embedded in it (PDF/A forbids any)."""
    reader = PdfReader(str(path))
    missing = []
    for number, page in enumerate(reader.pages, start=1):
        for font in _fonts_of(page.get("/Resources"), set()):
            if not _embedded(font):
                missing.append(f"page {number}: {font.get('/BaseFont')}")
    return missing


def row_by_row(writer, rows, tops, pad, columns, middles=None) -> None:
    """`style._RowWriter.rows` as one call of `write` per row, each cell through `cell`: what
    the one loop of `rows` must write (tests patch it in); in a table set in the middle of its
    rows (`middles`: each cell's top), one call per cell."""
    for n, cells in enumerate(rows):
        if middles is None:
            writer.write(cells, tops[n] - pad, columns)
            continue
        for cell, column, top in zip(cells, columns, middles[n], strict=False):
            writer.write([cell], top, [column])


def invariant_pdf(story: list[Any]) -> bytes:
    """The bytes of `story` rendered by the documents' `render_pdf` with reportlab's invariant
    output (no date, no random identifier): two ways of writing the same pages compare equal."""
    from ess_desk.documents.style import Metadata, render_pdf

    buffer = io.BytesIO()
    invariant, rl_config.invariant = rl_config.invariant, 1
    try:
        render_pdf(buffer, story, Metadata(title="t", author="a", subject="s"))
    finally:
        rl_config.invariant = invariant
    return buffer.getvalue()
