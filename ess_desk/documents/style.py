"""The look of every document: embedded font, A4 page, "Page n / N", metadata, bookmarks, watermark,
and the French typography of everything printed (`ess_desk.typography`)."""

from __future__ import annotations

import copy
import itertools
import re
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import groupby
from pathlib import Path
from typing import Any, BinaryIO, TypeVar, cast

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.rl_accel import escapePDF, fp_str
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfdoc, pdfmetrics, ttfonts
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as pdfcanvas
from reportlab.platypus import BaseDocTemplate, Flowable, PageTemplate, Paragraph, Spacer

from ess_desk import __version__
from ess_desk.documents import paragraph_lines, pdf_objects, platypus_asks, scripts
from ess_desk.documents.canvas_state import QuickState
from ess_desk.documents.page_streams import Flate, deflate_pages
from ess_desk.documents.platypus_asks import QuickDocTemplate, QuickFrame
from ess_desk.fileio import atomic_path
from ess_desk.i18n import _, language
from ess_desk.resources import resource
from ess_desk.typography import Cut, breakable_words, cut_word, force_cut, typeset

# reportlab's PDFTextObject as the fast writers below use it: its private state (`_canvas`,
# `_code`, `_curSubset`, `_fontname`…) and the marks they leave on it (`_cell_style`…) are not
# in reportlab's type stubs, so it is typed by what it is, not checked attribute by attribute.
TextObject = Any

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
FONT_ITALIC = "DejaVuSans-Oblique"
FONT_BOLD_ITALIC = "DejaVuSans-BoldOblique"
MARGIN = 18 * mm
WIDTH = A4[0] - 2 * MARGIN  # what a portrait page holds between its margins (174 mm)
ACCENT = colors.HexColor("#1f5c4a")  # a sober green, the colour of the ESS
GREY = colors.HexColor("#5f6b6d")
LIGHT = colors.HexColor("#e8efec")


_REGISTERING = threading.Lock()
_T = TypeVar("_T")


def made_once(make: Callable[[], _T]) -> Callable[[], _T]:
    """`functools.cache` of a function of no arguments (a style), its value made once whichever
    threads ask at the same time: `cache` makes it in each and gives each its own, and a
    document begun at once with others would hold two equal styles, the first asked and the
    one kept (the writers go by a style's identity: `_set_style` writes its font again). The
    value, once made, is found without the lock."""
    made = cache(make)
    lock = threading.Lock()

    def locked() -> _T:
        with lock:
            return made()

    return cache(locked)


def register_fonts() -> None:
    """Embed DejaVu Sans (shipped with its licence in resources/fonts): it covers accented Latin.
    Once, whichever thread asks first: two documents may be begun at once (exports are built
    off the window's thread, `ui.exporting`), and a font registered again while a document is
    being built would give the rest of its text another font object, with codes of its own,
    while what is kept by the font's name (`_codes`, the seeded lines) holds the first's."""
    with _REGISTERING:
        _register_fonts()


@cache
def _register_fonts() -> None:
    from reportlab.lib.fonts import addMapping

    for name in (FONT, FONT_BOLD, FONT_ITALIC, FONT_BOLD_ITALIC):
        pdfmetrics.registerFont(_embedded_font(name))
    addMapping(FONT, 0, 0, FONT)
    addMapping(FONT, 1, 0, FONT_BOLD)
    addMapping(FONT, 0, 1, FONT_ITALIC)
    addMapping(FONT, 1, 1, FONT_BOLD_ITALIC)
    _keep_no_break_spaces()
    _no_unembedded_defaults()
    _compress_once()
    _plain_values_formatted_once()
    pdf_objects.install()
    _list_items_split_when_taller_than_a_page()
    _paragraph_split_within_the_height()
    _paragraph_wrapped_once_per_width()
    platypus_asks.install()
    scripts.install()
    paragraph_lines.install(_split_words, codes=_codes, no_code=_NoCode, set_color=_set_color)


def _embedded_font(name: str) -> TTFont:
    """One of the DejaVu fonts, ASCII given its own codes in every document whatever reportlab's
    settings say (`ttfAsciiReadable`, 1 unless a settings file or RL_ttfAsciiReadable says 0):
    a grid's numbers (`_RowWriter._number`) and the lines of seeded documents (`_SEEDABLE`)
    are written in those codes."""
    font = TTFont(name, str(resource("fonts", f"{name}.ttf")), asciiReadable=1)
    _remember_subsets(font)
    _widths_formatted_once(font)
    _split_by_table(font)
    return font


def _remember_subsets(font: TTFont) -> None:
    """The font's subsets embedded lately, kept: a subset is the same glyphs in the same order
    whenever the same characters came in the same order (the reminders to a thousand owners
    embed the same few again and again), and making one costs a millisecond or two."""
    face: Any = font.face  # reportlab's, untyped
    make = face.makeSubset
    made: dict[tuple[int, ...], bytes] = {}
    # reportlab's face reads the font file at a position of its own (`TTFontParser._pos`),
    # which two subsets made at once on two threads would move under each other (wrong glyphs,
    # an IndexError): one is made at a time. A lock, as reportlab's state leaves no other way.
    making = threading.Lock()

    def make_subset(subset: list[int]) -> bytes:
        key = tuple(subset)
        found = made.get(key)
        if found is None:
            with making:
                found = made.get(key)
                if found is None:
                    if len(made) >= 64:  # bounded: a few megabytes at most
                        made.clear()
                    found = made[key] = make(subset)
        return found

    face.makeSubset = make_subset


def _split_by_table(font: TTFont) -> None:
    """reportlab's `splitString` (the codes of a text in the document's subsets of the font)
    goes through the text a character at a time: 600 lines and strings of the busiest pack,
    3.5 ms. A text whose characters all have their code in the first subset already (most,
    once the first lines are written) is encoded by one `str.translate` through those codes
    (`_SubsetBytes`, one per document, following its state's codes); any other, and every
    character new to the document, through `splitString`, which gives it its code."""
    split = font.splitString
    # Each document's table, by the document's id: a table follows its state's dictionary of
    # codes (which it holds), so that a document made later with the same id, or a state put
    # in place of another (`seed_codes`), gets a table of its own codes.
    tables: dict[int, _SubsetBytes] = {}

    def split_string(text: Any, doc: Any, encoding: str = "utf-8") -> list[tuple[int, bytes]]:
        state: Any = font.state.get(doc)  # (reportlab's, untyped)
        if state is not None and type(text) is str and text:
            codes = state.assignments
            table = tables.get(id(doc))
            if table is None or table.assignments is not codes:
                if len(tables) >= 64:  # (those of documents done with)
                    tables.clear()
                table = tables[id(doc)] = _SubsetBytes(codes)
            elif table.seen != len(codes):
                table.update_codes()
            try:
                return [(0, text.translate(table).encode("latin-1"))]
            except _NoCode:
                pass
        return split(text, doc, encoding)

    font.splitString = split_string  # type: ignore[method-assign]


class _KnownWidths(pdfdoc.PDFArray):
    """A subset's glyph widths, formatted once for every document that embeds the same subset
    (numbers only: the same bytes whatever the document)."""

    _formatted: dict[tuple, bytes] = {}

    def format(self, document: Any, IND: bytes = b"\n ") -> bytes:  # noqa: N803 - reportlab's
        key = (tuple(self.sequence), self.multiline, rl_config.pdfMultiLine, IND)
        found = self._formatted.get(key)
        if found is None:
            if len(self._formatted) >= 64:  # bounded
                self._formatted.clear()
            found = self._formatted[key] = super().format(document, IND)
        return found


def _widths_formatted_once(font: TTFont) -> None:
    """The /Widths of the font's subsets written once per subset, not once per document (a
    third of what saving each reminder cost was writing these numbers again)."""
    add_objects = font.addObjects

    def addObjects(doc: Any) -> None:  # noqa: N802 - reportlab's name
        state = font.state.get(doc)
        names = []
        if state is not None and state.internalName is not None:  # (as addObjects names them)
            names = [f"{state.internalName}+{n}" for n in range(len(state.subsets))]
        add_objects(doc)
        for name in names:
            pdf_font = doc.idToObject.get(name)
            widths = getattr(pdf_font, "Widths", None)
            if type(widths) is pdfdoc.PDFArray:
                known = _KnownWidths(widths.sequence)
                known.multiline = widths.multiline
                pdf_font.Widths = known

    font.addObjects = addObjects  # type: ignore[method-assign]


def _compress_once() -> None:
    """reportlab compresses the embedded font of each document: the same subset (see
    `_remember_subsets`) in many documents is compressed once, its bytes kept."""
    from reportlab.pdfbase import pdfdoc

    flate: Any = pdfdoc.PDFZCompress  # reportlab's, untyped
    if getattr(flate.encode, "_ess_desk", False):
        return
    encode = flate.encode
    done: dict[bytes, bytes] = {}

    def _encode(text: str | bytes) -> bytes:
        # Pages and small streams are seldom the same twice; a font's ToUnicode map is, in every
        # document that embeds the same subset (`_remember_subsets`).
        if len(text) < 16384 and not _is_cmap(text):
            return encode(text)
        data = text.encode("utf8") if isinstance(text, str) else text
        found = done.get(data)
        if found is None:
            if len(done) >= 32:  # bounded: a megabyte or two
                done.clear()
            found = done[data] = encode(data)
        return found

    _encode._ess_desk = True  # type: ignore[attr-defined]
    flate.encode = _encode
    # The map itself, made once per subset too (reportlab writes it out again for each document).
    cast(Any, ttfonts).makeToUnicodeCMap = _cmap_of(ttfonts.makeToUnicodeCMap)


def _plain_values_formatted_once() -> None:
    """reportlab formats each name, word and number of a PDF's dictionaries through its own
    codec (`str.encode("extpdfdoc")`, a codec looked up and run in Python each time) and each
    name through a loop over its characters: some 300 times per small document, a third of what
    saving a reminder cost. The same few dozen values come back in every document: each is
    formatted once by reportlab and its bytes remembered (bounded); objects are formatted as
    before."""
    if getattr(pdfdoc.format, "_ess_desk", False):
        return
    format_object: Any = pdfdoc.format  # reportlab's, untyped
    encode = pdfdoc.pdfdocEnc
    make_name = pdfdoc.PDFName
    encoded: dict[str, bytes] = {}
    names: dict[str, str] = {}

    def encoded_once(text: str) -> bytes:
        found = encoded.get(text)
        if found is None:
            if len(encoded) >= 4096:  # bounded
                encoded.clear()
            found = encoded[text] = encode(text)
        return found

    def format_value(element: Any, document: Any, toplevel: int = 0) -> bytes:
        kind = type(element)
        if kind is str and len(element) <= 64:
            return encoded_once(element)
        if kind is float or kind is int:
            return encoded_once(fp_str(element))
        if kind is bytes:
            return element
        return format_object(element, document, toplevel)

    def name_once(data: str, lo: str = chr(0x21), hi: str = chr(0x7E)) -> str:
        found = names.get(data)
        if found is None:
            if len(names) >= 4096:  # bounded
                names.clear()
            found = names[data] = make_name(data, lo, hi)
        return found

    format_value._ess_desk = True  # type: ignore[attr-defined]
    target: Any = pdfdoc
    target.format = format_value
    target.PDFName = name_once


def _is_cmap(text: str | bytes) -> bool:
    """Whether a stream is a ToUnicode map (as reportlab's begin)."""
    if isinstance(text, bytes):
        return text.startswith(b"/CIDInit ")
    return text.startswith("/CIDInit ")


def _cmap_of(make: Callable[[str, list[int]], str]) -> Callable[[str, Any], str]:
    def cmap(fontname: str, subset: tuple[int, ...]) -> str:
        return make(fontname, list(subset))

    def by_value(fontname: str, subset: Any) -> str:
        return cached(fontname, tuple(subset))

    cached = lru_cache(maxsize=64)(cmap)
    return by_value


def _list_items_split_when_taller_than_a_page() -> None:
    """A bullet item is never split so as to leave a single line on the next page: reportlab's
    list then refuses to split it at all, and an item a little taller than a page could go on
    no page (LayoutError). Such an item is split one line higher instead: two lines go over."""
    from reportlab.platypus.flowables import LIIndenter

    split = LIIndenter.split
    if getattr(split, "_ess_desk", False):
        return

    def _split(self: Any, available_width: float, available_height: float) -> list[Flowable]:
        parts = split(self, available_width, available_height)
        inner = self._flowable
        leading = getattr(getattr(inner, "style", None), "leading", 0)
        if parts or not hasattr(inner, "blPara") or available_height <= 2 * leading:
            return parts
        width = available_width - self._leftIndent - self._rightIndent
        pieces = inner.split(width, available_height - leading)
        if len(pieces) < 2:
            return []
        return [
            LIIndenter(
                piece,
                leftIndent=self._leftIndent,
                rightIndent=self._rightIndent,
                bullet=self._bullet if piece is pieces[0] else None,
            )
            for piece in pieces
        ]

    _split._ess_desk = True  # type: ignore[attr-defined]
    setattr(LIIndenter, "split", _split)  # noqa: B010 - a method replaced on reportlab's class


def _paragraph_split_within_the_height() -> None:
    """A paragraph split at the foot of a page gives a first part that fits there. With words
    cut by `_split_long_word`, reportlab's split counts the lines that fit before the first part
    is broken into lines again, and that part can come out one line taller than the room (a body
    named by 1,388 letters without a space made the pack's convocation stop with « Splitting
    error »): the split is then made one line lower, up to three times, else left to reportlab
    (which puts the paragraph on the next page)."""
    split = Paragraph.split
    if getattr(split, "_ess_desk", False):
        return

    def _split(self: Any, available_width: float, available_height: float) -> list[Flowable]:
        def fits(parts: list[Flowable]) -> bool:
            if len(parts) != 2:
                return True
            return parts[0].wrap(available_width, available_height)[1] <= available_height + 1e-6

        parts = split(self, available_width, available_height)
        leading = self.style.leading or 1
        room = available_height
        for _attempt in range(3):
            if fits(parts):
                return parts
            room -= leading
            if room < leading:
                return []
            parts = split(self, available_width, room)
        return parts if fits(parts) else []

    _split._ess_desk = True  # type: ignore[attr-defined]
    setattr(Paragraph, "split", _split)  # noqa: B010 - a method replaced on reportlab's class


def _paragraph_wrapped_once_per_width() -> None:
    """A Paragraph wrapped again to the width it was just wrapped to (a KeepTogether measures
    its content, then the frame does; a section's heading is measured with what follows it)
    keeps the lines it was broken into: reportlab broke them again each time (half the wraps
    of a meeting pack). What `wrap` sets is put back as it set it; any other width, style or
    text is wrapped by reportlab."""
    wrap = Paragraph.wrap
    if getattr(wrap, "_ess_desk", False):
        return

    def _wrap(self: Any, available_width: float, available_height: float) -> tuple[float, float]:
        last = self.__dict__.get("_ess_wrapped")
        if (
            last is not None
            and last[0] == available_width
            and last[1] is self.style
            and last[2] is self.frags
            and self.__dict__.get("blPara") is last[3]
        ):
            self.width, self._wrapWidths, self.height = available_width, last[4], last[5][1]
            return last[5]
        size = wrap(self, available_width, available_height)
        blpara = self.__dict__.get("blPara")
        if blpara is not None and size[1] != 0x7FFFFFFF:  # (not a width too narrow for it)
            self._ess_wrapped = (
                available_width,
                self.style,
                self.frags,
                blpara,
                self.__dict__.get("_wrapWidths"),
                size,
            )
        return size

    _wrap._ess_desk = True  # type: ignore[attr-defined]
    setattr(Paragraph, "wrap", _wrap)  # noqa: B010 - a method replaced on reportlab's class


def printed(text: str | None, font: str = FONT) -> str:
    """`text` as it is printed in `font`: French typography, then what the font can draw
    (Arabic joined, a visible mark for a character it lacks: `documents.scripts`)."""
    if not text:
        return ""
    if text.isdigit():  # a number: nothing to set, and too many different ones to remember
        return text
    if len(text) > _REMEMBERED:
        return scripts.drawable(typeset(text), font)
    return _printed(text, font, language())


# Texts up to this length are remembered once set and wrapped (names, dates, statuses, titles,
# origins: in a long table the same ones come back by thousands).
_REMEMBERED = 240


@lru_cache(maxsize=8192)
def _printed(text: str, font: str, lang: str) -> str:
    return scripts.drawable(typeset(text, lang), font)


def _no_unembedded_defaults() -> None:
    """reportlab names Helvetica, which it never embeds (and PDF/A checks reject), wherever a
    font is not given: a new canvas, a table cell's own font, a list's bullets, a chart. Those defaults
    become ours."""
    from reportlab import rl_config
    from reportlab.lib.styles import ListStyle
    from reportlab.platypus import tables

    rl_config.canvas_basefontname = FONT
    rl_config.defaultGraphicsFontName = FONT  # charts' labels
    tables.CellStyle.fontname = FONT
    for defaults in (ParagraphStyle.defaults, ListStyle.defaults):
        defaults["fontName"] = FONT
        defaults["bulletFontName"] = FONT


# Where a line may break: the white space of reportlab's list, less the no-break spaces U+00A0,
# U+2007, U+202F (UAX #14 class GL).
_BREAKING_SPACE = re.compile(
    "[\t\n\x0b\x0c\r\x1c-\x1f \x85\u1680\u2000-\u2006\u2008-\u200b\u2028\u2029\u205f\u3000]+"
)


def _split_words(text: str | bytes, delim: str | None = None) -> list[str]:
    if isinstance(text, bytes):
        text = text.decode("utf8")
    if delim is not None:
        return text.split(delim)
    return [word for word in _BREAKING_SPACE.split(text) if word]


def _keep_no_break_spaces() -> None:
    """reportlab's Paragraph breaks lines at the narrow no-break space (U+202F), which French
    typography puts before « : ; ! ? » precisely so that they never start a line: its word
    splitter is replaced by one that breaks only where Unicode allows (reportlab 4 and 5 look
    the function up in its module at each call)."""
    from reportlab.platypus import paragraph

    setattr(paragraph, "split", _split_words)  # noqa: B010 - private names of reportlab
    setattr(paragraph, "_splitWord", _split_long_word)  # noqa: B010


# A word with no hyphenation point that fits is kept whole when it is less than twice as wide
# as its line (narrowed in a table cell, over the margin in a paragraph: « Rhône-Alpes » in a
# narrow column); a longer one (a reference, an address, « xxxx… ») is cut between two
# characters: narrowed, it would be too small to read, and over the margin, lost.
FORCED_CUT = 2


def _cut(
    word: str, font: str, size: float, room: float, alone: bool, forcing: bool = False
) -> tuple[Cut | None, bool]:
    """Where `word`, too wide for `room` points, is cut, and whether that cut is forced: at its
    last break point that fits (a hyphenation point or its own hyphen); when it is alone on its
    line and none fits, at its last break point within `FORCED_CUT` times the room (that piece
    is narrowed or runs over); else, wider than that, or the rest of a word already cut so
    (`forcing`), between two characters."""

    def fits(head: str, room: float = room) -> bool:
        return stringWidth(head, font, size) <= room

    cut = cut_word(word, fits)
    if cut is not None or not alone:
        return cut, False
    cut = cut_word(word, lambda head: fits(head, FORCED_CUT * room))
    if cut is None and (forcing or stringWidth(word, font, size) > FORCED_CUT * room):
        return force_cut(word, fits), True
    return cut, False


def _split_long_word(
    word: str | bytes,
    line_width: float,
    max_widths: Sequence[float],
    lineno: int,
    font_name: str,
    font_size: float,
    encoding: str = "utf8",
) -> list[str]:
    """reportlab's cutting of a word wider than a line (splitLongWords), which cuts anywhere,
    replaced by cuts at the word's hyphenation points or after its own hyphens; a word with no
    such point that fits goes to a line of its own, and is cut there between two characters
    (`force_cut`) when it is more than `FORCED_CUT` times as wide as the line."""
    from reportlab.platypus import paragraph

    # reportlab's private word classes (str subclasses marking how a piece ends): not in stubs.
    rl: Any = paragraph
    _SplitWord, _SplitWordEnd = rl._SplitWord, rl._SplitWordEnd
    _SplitWordH, _SplitWordHY = rl._SplitWordH, rl._SplitWordHY

    if isinstance(word, bytes):
        word = word.decode(encoding)
    last = len(max_widths) - 1
    room = max_widths[min(last, lineno)] - line_width
    pieces: list[str] = []
    rest = word
    forcing = False
    while stringWidth(rest, font_name, font_size) > room:
        alone = bool(pieces) or line_width <= 0
        cut, forcing = _cut(rest, font_name, font_size, room, alone, forcing)
        if cut is not None:
            rest = cut.rest
            pieces.append((_SplitWordHY if cut.hyphen_added else _SplitWordH)(cut.head))
        elif not pieces and line_width > 0:
            pieces.append(_SplitWord(""))  # nothing fits after the line's words: a new line
        else:
            break
        lineno += 1
        room = max_widths[min(last, lineno)]
        line_width = 0
    pieces.append(_SplitWordEnd(rest))
    return pieces


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


@made_once
def styles() -> Styles:
    register_fonts()
    body = ParagraphStyle(
        "body",
        fontName=FONT,
        fontSize=10,
        leading=13.5,
        spaceAfter=4,
        # Lines break at spaces; a word wider than a whole line is cut only where it may be
        # (_split_long_word).
        bulletFontName=FONT,
    )
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


@lru_cache(maxsize=16384)
def _word_width(word: str, font: str) -> float:
    """A word's width at 1 point: words come back again and again in a document."""
    return stringWidth(word, font, 1)


def wrap_text(text: str, font: str, size: float, width: float) -> list[str]:
    """Lines of at most `width` points, broken at ordinary spaces (never at no-break ones). A
    word that does not fit an empty line is cut at its last hyphenation point that fits (a
    hyphen added) or after a hyphen it has; a word without one that fits is cut between two
    characters (`force_cut`) when it is more than `FORCED_CUT` times as wide as the column.
    What stays whole and too wide (a shorter word, a single character), `TextCell` narrows to
    the width."""
    if _fits_as_it_is(text, font, size, width):
        return [text]
    lines: list[str] = []
    space = _word_width(" ", font) * size
    line: list[str] = []
    used = 0.0
    words = breakable_words(text)
    forcing = False  # the word is the rest of one cut between two characters
    while words:
        word = words.pop(0)
        w = _word_width(word, font) * size
        if line and used + space + w <= width:
            line.append(word)
            used += space + w
            continue
        if line:
            lines.append(" ".join(line))
            line, used = [], 0.0
        if w > width:  # wider than a whole line: cut it at a hyphenation point, or forced
            cut, forcing = _cut(word, font, size, width, True, forcing)
            if cut is not None:
                lines.append(cut[0])
                words.insert(0, cut[1])
                continue
        line, used, forcing = [word], w, False
    if line:
        lines.append(" ".join(line))
    return lines


# What `breakable_words` would change in a text: white space other than single spaces between
# words.
_UNEVEN_SPACE = re.compile(r"[\t\r\n\f\v]|  |^ | $")


def _fits_as_it_is(text: str, font: str, size: float, width: float) -> bool:
    """Whether `wrap_text` gives the text as it is, on one line (most cells of a table): its
    words single-spaced, all of them well within the width (by a margin far above the
    rounding of adding their widths one by one)."""
    return (
        bool(text)
        and stringWidth(text, font, size) <= width - 1e-6
        and not _UNEVEN_SPACE.search(text)
    )


@lru_cache(maxsize=4096)
def _short_lines(text: str, font: str, size: float, width: float) -> tuple[str, ...]:
    return tuple(wrap_text(text, font, size, width))


def lines_of(text: str, font: str, size: float, width: float) -> list[str] | tuple[str, ...]:
    """`wrap_text`, remembered for texts that are not too long (names, dates, statuses,
    titles come back by thousands in a long table)."""
    if len(text) <= _REMEMBERED:
        return _short_lines(text, font, size, width)
    return wrap_text(text, font, size, width)


# A laid out line: its text, its style, and whether the fast writer may draw it as it is (no
# right-to-left run, no direction control, and it fits its width or has spaces to wrap at).
_Line = tuple[str, ParagraphStyle, int]


# How the fast writer draws a line: as it is, narrowed to the width (a word or a number wider
# than its column, with no space to wrap at), or not at all (`TextCell._draw_line` does).
AS_IT_IS, NARROWED, SLOW = 1, 2, 0


def _plain_line(line: str, st: ParagraphStyle, width: float) -> int:
    if not scripts.left_to_right_only(line):
        return SLOW
    if " " in line or _word_width(line, st.fontName) * st.fontSize <= width:
        return AS_IT_IS
    return NARROWED


def _cell_lines(
    parts: tuple[tuple[str, ParagraphStyle], ...], width: float
) -> tuple[tuple[_Line, ...], float, bool, bool]:
    """The lines of a cell's parts wrapped to `width`, their height, whether all of them are
    plain (`_plain_line`), and whether they are also all of seeded characters (`seed_codes`)."""
    if len(parts) == 1:
        text, st = parts[0]
        if text.isdigit():
            number = _number_lines(text, st, width)
            if number is not None:
                return number
        if text and "\n" not in text:  # (most cells: one part of one block)
            return _block_lines(text, st, width)
    return _parts_lines(parts, width)


def _parts_lines(
    parts: tuple[tuple[str, ParagraphStyle], ...], width: float
) -> tuple[tuple[_Line, ...], float, bool, bool]:
    """`_cell_lines` of any parts: each block (a part's text between line feeds) wrapped."""
    lines: list[_Line] = []
    seeded = True
    for text, st in parts:
        for block in (text or "").split("\n"):
            wrapped = lines_of(block, st.fontName, st.fontSize, width)
            if not wrapped:
                continue
            # (what is true of the block is true of its lines: pieces of it, and « - »; printable
            # ASCII is seeded, and neither right to left nor a direction control)
            ascii_only = block.isascii()
            seeded = seeded and (
                (ascii_only and block.isprintable()) or _SEEDABLE.issuperset(block)
            )
            if not ascii_only and not scripts.left_to_right_only(block):
                lines += [(line, st, _plain_line(line, st, width)) for line in wrapped]
                continue
            size = st.fontSize
            for line in wrapped:
                if " " in line or _word_width(line, st.fontName) * size <= width:
                    lines.append((line, st, AS_IT_IS))
                else:
                    lines.append((line, st, NARROWED))
    return _summed(lines, seeded)


def _summed(
    lines: list[_Line] | tuple[_Line, ...], seeded: bool
) -> tuple[tuple[_Line, ...], float, bool, bool]:
    """A cell's lines, their height, whether all are plain and whether also all seeded."""
    if len(lines) == 1:  # (as the sum and `all` below give it)
        return (lines[0],), 0 + lines[0][1].leading, bool(lines[0][2]), bool(lines[0][2]) and seeded
    height = sum(st.leading for _text, st, _plain in lines)
    plain = all(kind for _text, _st, kind in lines)
    return tuple(lines), height, plain, plain and seeded


def _block_lines(
    text: str, st: ParagraphStyle, width: float
) -> tuple[tuple[_Line, ...], float, bool, bool]:
    """`_parts_lines` of one part of one block (no line feed), written out: most cells."""
    font, size = st.fontName, st.fontSize
    wrapped: Sequence[str]  # (`lines_of`, without the call)
    if len(text) <= _REMEMBERED:
        wrapped = _short_lines(text, font, size, width)
    else:
        wrapped = wrap_text(text, font, size, width)
    if not wrapped:
        return (), 0, True, True
    if text.isascii():
        seeded = text.isprintable() or _SEEDABLE.issuperset(text)
    else:
        seeded = _SEEDABLE.issuperset(text)
        if not scripts.left_to_right_only(text):
            return _summed([(line, st, _plain_line(line, st, width)) for line in wrapped], seeded)
    if len(wrapped) == 1:
        line = wrapped[0]
        kind = AS_IT_IS if " " in line or _word_width(line, font) * size <= width else NARROWED
        return ((line, st, kind),), 0 + st.leading, True, seeded
    lines = tuple(
        [
            (
                line,
                st,
                AS_IT_IS if " " in line or _word_width(line, font) * size <= width else NARROWED,
            )
            for line in wrapped
        ]
    )
    return lines, sum(itertools.repeat(st.leading, len(lines))), True, seeded


def _number_lines(
    text: str, st: ParagraphStyle, width: float
) -> tuple[tuple[_Line, ...], float, bool, bool] | None:
    """`_cell_lines` of a number in ASCII digits (a table's N° column: as many different ones
    as rows): its one line, as it is when it fits its width, else narrowed when wrapping leaves
    it whole (digits are left to right and seeded: `_cell_lines` would say so of them)."""
    if not (text.isdigit() and text.isascii()):
        return None
    key = (len(text), st.fontName, st.fontSize, width)
    kind = _NUMBER_KINDS.get(key)
    if kind is None:
        kind = _number_kind(text, st, width)
        if _digits_alike(st.fontName):
            if len(_NUMBER_KINDS) >= 256:  # (bounded)
                _NUMBER_KINDS.clear()
            _NUMBER_KINDS[key] = kind
    if not kind:
        return None  # (cut, being more than twice as wide: as any other text)
    return ((text, st, kind),), st.leading, True, True


def _number_kind(text: str, st: ParagraphStyle, width: float) -> int:
    """How a number in ASCII digits is drawn in its column: as it is when it fits, else
    narrowed when wrapping leaves it whole (`NARROWED`), else 0 (cut)."""
    if stringWidth(text, st.fontName, 1) * st.fontSize <= width:
        return AS_IT_IS
    wrapped = lines_of(text, st.fontName, st.fontSize, width)
    if len(wrapped) != 1 or wrapped[0] != text:
        return 0
    return NARROWED


# How a number is drawn (`_number_kind`) by its count of digits, font, size and width, in a font
# whose digits are equally wide (`_digits_alike`): the same for any number of as many digits —
# as wide to the bit, and wrapped alike (digits have no break point: nothing to hyphenate, no
# hyphen; a forced cut falls after as many of them). The N° of a follow-up's 900 rows: one.
_NUMBER_KINDS: dict[tuple[int, str, float, float], int] = {}


class TextCell(Flowable):
    """Plain text for a table cell: one or more parts, each starting on a new line in its own
    style (font, size, leading, colour), wrapped to the column. No markup to parse and lines
    measured once per width: long tables lay out several times faster than with Paragraphs,
    which a table wraps again when it splits and when it draws."""

    # What `Flowable.__init__` sets, as class attributes: a number cell (`number`, a table's N°:
    # as many as rows, made for each document) is made without setting them one by one.
    width: float = 0
    height: float = 0
    wrapped = 0
    hAlign = "LEFT"  # noqa: N815 - reportlab's name
    vAlign = "BOTTOM"  # noqa: N815 - reportlab's name
    _traceInfo = None  # noqa: N815 - reportlab's name
    _showBoundary = None  # noqa: N815 - reportlab's name
    encoding = None
    # And a cell not laid out yet, as `__init__` sets it (`number` leaves them to these).
    rtl = False
    _lines: tuple[_Line, ...] = ()
    _for_width: float | None = None
    _height = 0.0
    _plain = True
    _seeded = False
    _runs: tuple[_Run, ...] | None = None

    def __init__(
        self, *parts: str | tuple[str, ParagraphStyle], style: ParagraphStyle | None = None
    ):
        super().__init__()
        base = style or styles().cell
        pairs = [(p, base) if isinstance(p, str) else p for p in parts]
        # Right to left when its text begins so (Arabic, Hebrew): set against the right edge.
        self.rtl = scripts.right_to_left(" ".join(text or "" for text, _st in pairs))
        self.parts = tuple((printed(text, st.fontName), st) for text, st in pairs)
        self._lines: tuple[_Line, ...] = ()
        self._for_width: float | None = None
        self._height = 0.0
        self._plain = True  # every line may go through the fast writer
        self._seeded = False  # and has the same codes in every seeded document
        self._fragments: dict = {}  # see write_into
        self._runs: tuple[_Run, ...] | None = None  # see _runs_of

    @classmethod
    def number(cls, text: str) -> TextCell:
        """`TextCell(text)` for a number in ASCII digits (a table's N°), made without looking
        at its text: nothing to set, left to right; what `Flowable.__init__` and `__init__` set
        but its parts and fragments left to the class's attributes."""
        cell = cls.__new__(cls)
        cell.parts = ((text, styles().cell),)
        cell._fragments = {}
        return cell

    def _layout(self, width: float) -> tuple[_Line, ...]:
        if self._for_width != width:
            parts = self.parts
            if len(parts) == 1:  # (a number's, as `_number_lines` gives it, without the calls)
                text, st = parts[0]
                if text.isdigit() and text.isascii():
                    kind = _NUMBER_KINDS.get((len(text), st.fontName, st.fontSize, width))
                    if kind:
                        self._lines = ((text, st, kind),)
                        self._height, self._plain, self._seeded = st.leading, True, True
                        self._runs = None
                        self._for_width = width
                        return self._lines
            self._lines, self._height, self._plain, self._seeded = _cell_lines(parts, width)
            self._runs = None
            self._for_width = width
        return self._lines

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self._layout(available_width)
        self.width, self.height = available_width, self._height
        return (self.width, self.height)

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        lines = self._layout(available_width)
        used, n = 0.0, 0
        while n < len(lines) and used + lines[n][1].leading <= available_height:
            used += lines[n][1].leading
            n += 1
        if n == 0 or n == len(lines):
            return []
        parts: list[Flowable] = [
            TextCell(*[(line, st) for line, st, _plain in lines[:n]]),
            TextCell(*[(line, st) for line, st, _plain in lines[n:]]),
        ]
        for part in parts:
            cast(TextCell, part).rtl = self.rtl
        return parts

    def draw(self) -> None:
        text = self.canv.beginText()
        self.write_into(text, 0, self.height, self.width)
        self.canv.drawText(text)

    def write_into(self, text: TextObject, x: float, top: float, width: float) -> None:
        """Add the lines, from `top` down, to a text object that may hold other cells too (one
        text object per table is much cheaper than one per cell). A plain cell (see
        `_plain`) written again writes the operators it wrote the first time."""
        if self._for_width != width:
            self._layout(width)
        lines = self._lines
        if not lines:
            return
        y = top - lines[0][1].fontSize
        previous = getattr(text, "_cell_line", None)  # where the last line drawn would go on
        code = text._code
        if previous is None:
            text.setTextOrigin(x, y)
        elif code[-1].endswith(" Td"):
            text.moveCursor(x - previous[0], previous[1] - y)
        else:  # a relative move: two numbers to write instead of six (as moveCursor writes it)
            dx, dy = x - previous[0], previous[1] - y
            code.append(f"{fp_str(dx, -dy)} Td")
            text._x0 += dx
            text._y0 += dy
        text._x, text._y = text._x0, text._y0
        if self.rtl or not self._plain:
            with scripts.paragraph_direction(self.rtl):
                y -= _write_lines(text, lines, width, self._draw_line, self.rtl)
            text._cell_line = (x, y)
            return
        token = _fragments_token(text, self._seeded)
        same = getattr(text, "_cell_style", None) is lines[0][1]
        # Each fragment under its document, or under the fonts' names of seeded documents (two
        # documents made at once in two threads never take each other's).
        key = (token, width, text._curSubset) if same else (token, width)
        found = self._fragments.get(key)
        if found is None:
            fonts, start = len(text._canvas._doc.fontMapping), len(code)
            _write_lines(text, lines, width, self._draw_line, False)
            if len(self._fragments) >= 8:  # those of documents done with
                self._fragments.clear()
            if len(text._canvas._doc.fontMapping) == fonts:  # (no font named on the way)
                self._fragments[key] = (" ".join(code[start:]), _state(text))
        else:
            code.append(found[0])
            _restore_state(text, found[1])
            text._x = text._x0
            text._y = text._y0 = text._y0 - self._height
        text._cell_line = (x, y - self._height)

    def _draw_line(self, text: TextObject, line: str, st: ParagraphStyle, width: float) -> None:
        # A line drawn as it reads (no right-to-left run, no direction control: most lines) goes
        # through the fast writer; the others through reportlab's textLine, which reorders them.
        as_read = not self.rtl and scripts.visual(line) == line
        if " " in line and as_read:
            _text_line(text, line)  # (measured only when it may matter: most lines)
            return
        natural = _word_width(line, st.fontName) * st.fontSize
        if natural > width and " " not in line:  # one character wider than the column
            text.setHorizScale(100 * width / natural)
            text.textLine(line)
            text.setHorizScale(100)
        elif self.rtl and natural < width:  # against the right edge
            text.moveCursor(width - natural, 0)
            text.textLine(line)
            text.moveCursor(natural - width, 0)
        elif as_read:
            _text_line(text, line)
        else:
            text.textLine(line)


_DOCUMENTS = itertools.count(1)  # a number for each canvas a cell writes on (see write_into)


def _fragments_token(text: TextObject, seeded: bool) -> object:
    """What a cell's written operators are valid for: its document; or, for a cell of seeded
    characters in a seeded document (`seed_codes`), every seeded document whose fonts bear the
    same names (the reminders to a thousand owners: each cell written once for all)."""
    canv = text._canvas
    if seeded and getattr(canv, "_ess_seeded", False):
        names = canv._doc.fontMapping
        known = getattr(text, "_ess_fonts", None)
        if known is None or known[0] != len(names):
            known = text._ess_fonts = (len(names), ("seeded", *sorted(names.items())))
        return known[1]
    token = getattr(canv, "_ess_token", None)
    if token is None:
        token = canv._ess_token = next(_DOCUMENTS)
    return token


def _state(text: TextObject) -> tuple:
    """What the lines of a cell leave in the text object, restored when they are written again."""
    return (
        getattr(text, "_cell_style", None),
        text._curSubset,
        text._fontname,
        text._fontsize,
        text._leading,
        getattr(text, "_fillColorObj", None),
    )


def _restore_state(text: TextObject, state: tuple) -> None:
    """Put back what `_state` took, when a cell's operators are written again from the memo: the
    text object is left as the cell's own lines would have left it."""
    if not getattr(text, "_alpha_version", False):  # as _set_style does
        text._canvas._doc.ensureMinPdfVersion("transparency")
        text._alpha_version = True
    (
        text._cell_style,
        text._curSubset,
        text._fontname,
        text._fontsize,
        text._leading,
        text._fillColorObj,
    ) = state


class _RowWriter:
    """Writes a table's rows of cells into one text object: what `TextCell.write_into` writes,
    with the operators of a cell already written (a shared cell, see `text_cell`) put down
    here without a call per cell (a tableau of 30,000 actions writes 200,000 cells), and the
    moves between cells written once per distance; any other cell through `write_into`."""

    def __init__(self, text: TextObject):
        self.text = text
        self.code: list[str] = text._code
        # (the moves of the whole document: a table's cells move by the same distances on every
        # page, a long follow-up's ~130 of them; its ~1,700 parts' moves each formatted once)
        self.moves: dict[tuple[float, float], str] = _document_memo(text._canvas, "_ess_moves")
        if len(self.moves) > 8192:  # (bounded: a tableau of 30,000 actions)
            self.moves.clear()
        self.fonts = -1  # how many fonts the document named when `seeded` was worked out
        self.seeded: object = None
        self.own = _fragments_token(text, False)
        self.seeded_canvas = getattr(text._canvas, "_ess_seeded", False)
        # (what depends on the document alone, kept for it: a long table's ~100 parts each
        # had its own writer work the same styles' operators out again)
        kept = _document_memo(text._canvas, "_ess_writer")
        if not kept:
            kept.update(fonts_shown={}, tables={}, styles={}, entered={}, set_states={})
        self.fonts_shown: dict[tuple[str, float, float], str] = kept["fonts_shown"]
        self.tables: dict[str, _Codes] = kept["tables"]  # the fonts' codes (`_codes`)
        self.styles: dict[ParagraphStyle, tuple[str, Any, str]] = kept["styles"]  # see _style
        self.entered: dict[ParagraphStyle, tuple[str, str]] = kept["entered"]  # see _entered
        self.set_states: dict[ParagraphStyle, tuple] = kept["set_states"]  # see _set_state
        self.font_mapping: dict = text._canvas._doc.fontMapping
        self.alpha = False  # (`rows`: the text object's `_alpha_version`)
        self.plain_fill = False  # (`rows`: an opaque fill and no colour space enforced)
        self.scaled = False  # (`rows`: a line narrowed)

    def _token(self, cell: TextCell) -> object:
        """`_fragments_token` of the cell in this text object."""
        if cell._seeded and self.seeded_canvas:
            names = self.text._canvas._doc.fontMapping
            if len(names) != self.fonts:
                self.fonts, self.seeded = len(names), _fragments_token(self.text, True)
            return self.seeded
        return self.own

    def _number(self, cell: TextCell, width: float) -> tuple | None:
        """What `_write_lines` writes for a cell of one line of ASCII digits in the style of
        the line before, in the first subset (a table's N°: never twice the same), narrowed
        to the width as `_fresh` narrows it when wider (an action's number of six digits)."""
        text = self.text
        if cell._for_width != width or len(cell._lines) != 1 or text._curSubset != 0:
            return None
        line, st, kind = cell._lines[0]
        if getattr(text, "_cell_style", None) is not st:
            return None
        if not (line.isdigit() and line.isascii()):
            return None
        if kind == AS_IT_IS:
            return (f"({line}) Tj T*", _state(text))
        if kind != NARROWED:
            return None
        ((_st, _line, scale),) = _runs_of(cell._lines, width)
        return (f"{scale} ({line}) Tj T* 100 Tz", _state(text))

    def write(self, cells: list, top: float, columns: list[tuple[float, float]]) -> None:
        """One row's cells, their text from `top` down; `columns`: (left, inner width)."""
        for cell, (left, inner) in zip(cells, columns, strict=False):
            if isinstance(cell, TextCell):
                self.cell(cell, left, top, inner)
            else:
                cell_height = cell.wrap(inner, 1e6)[1]
                _draw_cell(cell, self.text._canvas, left, top - cell_height)

    def cell(self, cell: TextCell, left: float, top: float, inner: float) -> None:
        """What `cell.write_into(text, left, top, inner)` writes: the operators the cell wrote
        before into this document (under its `_fragments_token` and width, and the subset when
        its first style is the last line's) or those of a number (`_number`), after the move to
        it; else its lines written afresh (`_fresh`); else through `write_into`. (Written out
        in one method: a follow-up of 900 rows writes 5,400 cells.)"""
        text = self.text
        if type(cell) is TextCell and cell._for_width == inner:
            previous = getattr(text, "_cell_line", None)
            code = self.code
            if previous is not None and not code[-1].endswith(" Td"):
                found = None
                lines = cell._lines
                if cell._plain and not cell.rtl:
                    fragments = cell._fragments
                    if fragments:
                        # (`_token`, not called for a cell that is not of seeded characters)
                        token = (
                            self._token(cell) if cell._seeded and self.seeded_canvas else self.own
                        )
                        if getattr(text, "_cell_style", None) is lines[0][1]:
                            found = fragments.get((token, inner, text._curSubset))
                        else:
                            found = fragments.get((token, inner))
                    if found is None and len(lines) == 1:
                        found = self._number(cell, inner)
                if found is not None:
                    y = top - lines[0][1].fontSize
                    dx, dy = left - previous[0], previous[1] - y
                    move = self.moves.get((dx, dy))
                    if move is None:
                        move = self.moves[(dx, dy)] = f"{fp_str(dx, -dy)} Td"
                    code.append(move)
                    code.append(found[0])
                    _restore_state(text, found[1])
                    height = cell._height
                    text._x = text._x0 = text._x0 + dx
                    text._y = text._y0 = text._y0 + dy - height
                    text._cell_line = (left, y - height)
                    return
                if self._fresh(cell, left, top, inner, previous):
                    return
        cell.write_into(text, left, top, inner)

    def rows(
        self,
        rows: list[list],
        tops: list[float],
        pad: float,
        columns: list[tuple[float, float]],
        middles: list[list[float]] | None = None,
    ) -> None:
        """`write` of each of `rows`, its text from `tops[n] - pad` down, in one loop: a plain
        cell's operators (those it wrote before into the document, else those of `_quick`) put
        down after the move to it, the text object's state kept in local names meanwhile and
        given back to it before any other cell (`write`) and at the end. (A follow-up of 900
        rows writes 5,400 cells: through `cell`, 5 µs each.) In a document whose codes are its
        own (not seeded), `_put_down` does it by each cell's `_entry`, each cell at its own top
        (`middles`) in a table set in the middle of its rows."""
        if not self.seeded_canvas:
            _put_down(self, rows, tops, pad, columns, middles)
            return
        assert middles is None  # (`GridTable.draw` sets those cells itself)
        text, code, moves, own = self.text, self.code, self.moves, self.own
        seeded_canvas = self.seeded_canvas
        previous: Any
        state, previous, x0, y0, quick = self._taken()
        written = False  # (the state to give back)
        for n, cells in enumerate(rows):
            top = tops[n] - pad
            for cell, (left, inner) in zip(cells, columns, strict=False):
                found = None
                if (
                    quick
                    and type(cell) is TextCell
                    and cell._for_width == inner
                    and cell._plain
                    and not cell.rtl
                ):
                    lines = cell._lines
                    if not lines:
                        continue  # (nothing written, as `write_into` writes nothing)
                    token = self._token(cell) if cell._seeded and seeded_canvas else own
                    fragments = cell._fragments
                    if fragments:
                        if state[0] is lines[0][1]:
                            found = fragments.get((token, inner, state[1]))
                        else:
                            found = fragments.get((token, inner))
                    if found is None:
                        found = self._quick(cell, inner, state, token)
                if found is None:
                    if written:
                        self._give_back(state, previous, x0, y0)
                        written = False
                    self.write([cell], top, [(left, inner)])
                    state, previous, x0, y0, quick = self._taken()
                    continue
                if not written:
                    written = True
                    if not self.alpha:  # (as `_restore_state` does)
                        text._canvas._doc.ensureMinPdfVersion("transparency")
                        text._alpha_version = self.alpha = True
                y = top - lines[0][1].fontSize
                dx, dy = left - previous[0], previous[1] - y
                move = moves.get((dx, dy))
                if move is None:
                    move = moves[(dx, dy)] = f"{fp_str(dx, -dy)} Td"
                code.append(move)
                code.append(found[0])
                state = found[1]
                height = cell._height
                x0 += dx
                y0 = y0 + dy - height
                previous = (left, y - height)
        if written:
            self._give_back(state, previous, x0, y0)

    def _taken(self) -> tuple[tuple, tuple | None, float, float, bool]:
        """What `rows` keeps in local names: the text object's state (`_state`), where its
        last line would go on, its line's start, and whether a cell may be put down by a
        move after the last one (not the first of the text object, nor after a move)."""
        text = self.text
        previous = getattr(text, "_cell_line", None)
        self.alpha = getattr(text, "_alpha_version", False)
        self.plain_fill = (
            text._canvas._extgstate.getValue("ca") == 1 and not text._enforceColorSpace
        )
        quick = previous is not None and not self.code[-1].endswith(" Td")
        return _state(text), previous, text._x0, text._y0, quick

    def _give_back(self, state: tuple, previous: tuple | None, x0: float, y0: float) -> None:
        """The text object left as the cells `rows` put down would have left it (their
        transparency already ensured: `_restore_state` finds it so)."""
        text = self.text
        _restore_state(text, state)
        text._x = text._x0 = x0
        text._y = text._y0 = y0
        text._cell_line = previous
        if self.scaled:  # (as `_fresh` leaves it after a line narrowed)
            text._horizScale = 100
            self.scaled = False

    def _quick(
        self, cell: TextCell, inner: float, state: tuple, token: object
    ) -> tuple[str, tuple] | None:
        """The operators of a plain cell after the move to it, and the state they leave: those
        of a number (`_number`), else its lines of each style written at once, remembered as
        `_fresh` remembers them; None when `_fresh` could not write them, or would change the
        style the slow way (`_style`)."""
        lines = cell._lines
        style, subset = state[0], state[1]
        if len(lines) == 1 and subset == 0 and style is lines[0][1]:
            number = _number_operators(lines[0], inner)
            if number is not None:
                return (number, state)
        runs = cell._runs
        if runs is None:
            runs = cell._runs = _runs_of(lines, inner)
        shown = self._shown(runs)
        if shown is None:
            return None
        mapping = self.font_mapping
        fonts = len(mapping)
        parts: list[str] = []
        scaled = False
        _style, _subset, font_name, font_size, leading, fill = state
        for (st, _lines, scale), codes in zip(runs, shown, strict=True):
            font = ""
            if style is not st:
                known = self._quick_style(st)
                if known is None:
                    return None
                parts.append(known[0])
                font, fill, style, subset = known[2], known[1], st, -1
                font_name, font_size, leading = st.fontName, st.fontSize, st.leading
            if scale:
                parts.append(scale)
            if subset == 0:
                parts.append(f"({codes}) Tj T*")
            else:
                if not font:
                    font = self._font_operator_of(font_name, font_size, leading)
                parts.append(f"{font} ({codes}) Tj T*")
                subset = 0
            if scale:
                parts.append("100 Tz")
                scaled = True
        if scaled:
            self.scaled = True
        found = (" ".join(parts), (style, subset, font_name, font_size, leading, fill))
        fragments = cell._fragments
        if len(fragments) >= 8:  # those of documents done with
            fragments.clear()
        if len(mapping) == fonts:  # (no font named on the way)
            key = (token, inner, state[1]) if state[0] is runs[0][0] else (token, inner)
            fragments[key] = found
        return found

    def _quick_style(self, st: ParagraphStyle) -> tuple[str, Any, str] | None:
        """The fill operator, colour and font operator `_style` writes for `st` its quick way;
        None when it would take `_set_style`'s."""
        if not (self.alpha and self.plain_fill):
            return None
        known = self.styles.get(st)
        if known is None or not known[2]:
            color = st.textColor
            font = pdfmetrics.getFont(st.fontName)
            quick = type(color) is colors.Color and color.alpha == 1
            quick = quick and getattr(font, "_dynamicFont", False)
            fill = _fill_operator(color) if quick else ""
            operator = self._font_operator_of(st.fontName, st.fontSize, st.leading) if fill else ""
            known = self.styles[st] = (fill, color, operator)
        return known if known[0] else None

    def _fresh(
        self, cell: TextCell, left: float, top: float, inner: float, previous: tuple
    ) -> bool:
        """A plain cell not written yet into this document, the lines of each of its styles
        written at once (`_Codes`): the operators `write_into` writes, and remembered as it
        remembers them. False, and nothing written, when it cannot be (a line narrowed, right
        to left, a character new to the document or past its first subset)."""
        if cell._for_width != inner or cell.rtl or not cell._plain:
            return False
        runs = cell._runs
        if runs is None:
            runs = cell._runs = _runs_of(cell._lines, inner)
        shown = self._shown(runs)
        if shown is None:
            return False
        text, code = self.text, self.code
        y = top - cell._lines[0][1].fontSize  # (the move to it, as `cell` writes it)
        dx, dy = left - previous[0], previous[1] - y
        move = self.moves.get((dx, dy))
        if move is None:
            move = self.moves[(dx, dy)] = f"{fp_str(dx, -dy)} Td"
        code.append(move)
        token = self._token(cell) if cell._seeded and self.seeded_canvas else self.own
        style = getattr(text, "_cell_style", None)
        key = (token, inner, text._curSubset) if style is runs[0][0] else (token, inner)
        mapping = self.font_mapping
        fonts, start = len(mapping), len(code)
        for (st, _lines, scale), codes in zip(runs, shown, strict=True):
            font = ""
            if style is not st:
                font = self._style(st)
                style = st
            if scale:  # a line narrowed to the width (as _write_lines narrows it)
                code.append(scale)
            if text._curSubset == 0:
                code.append(f"({codes}) Tj T*")
            else:  # (as _write_chunks names the subset)
                code.append(f"{font or self._font_operator(text)} ({codes}) Tj T*")
                text._curSubset = 0
            if scale:
                code.append("100 Tz")
                text._horizScale = 100
        height = cell._height
        text._x = text._x0 = text._x0 + dx
        text._y = text._y0 = text._y0 + dy - height
        text._cell_line = (left, y - height)
        fragments = cell._fragments
        if len(fragments) >= 8:  # those of documents done with
            fragments.clear()
        if len(mapping) == fonts:  # (no font named on the way)
            fragments[key] = (" ".join(code[start:]), _state(text))
        return True

    def _shown(self, runs: tuple[_Run, ...]) -> list[str] | None:
        """Each run's lines in the codes of its font's first subset, escaped, or None."""
        if not runs:
            return None
        tables = self.tables
        out = []
        for st, lines, _scale in runs:
            codes = tables.get(st.fontName)
            if codes is None or codes.seen != len(codes.assignments):
                codes = _table(self, st.fontName)
                if codes is None:
                    return None
            try:
                out.append(lines.translate(codes))
            except _NoCode:
                return None
        return out

    def _style(self, st: ParagraphStyle) -> str:
        """`_set_style(text, st)`, its operator and checks of the style worked out once; what
        `_font_operator` gives after it ("" when it took `_set_style`'s way)."""
        known = self.styles.get(st)
        if known is None:
            color = st.textColor
            font = pdfmetrics.getFont(st.fontName)
            quick = type(color) is colors.Color and color.alpha == 1
            quick = quick and getattr(font, "_dynamicFont", False)
            fill = _fill_operator(color) if quick else ""
            known = self.styles[st] = (fill, color, "")
        text = self.text
        if (
            not known[0]
            or text._canvas._extgstate.getValue("ca") != 1
            or text._enforceColorSpace
            or not getattr(text, "_alpha_version", False)
        ):
            _set_style(text, st)
            return ""
        text._fontname, text._fontsize, text._leading = st.fontName, st.fontSize, st.leading
        text._curSubset = -1
        self.code.append(known[0])
        text._fillColorObj = known[1]
        text._cell_style = st
        if not known[2]:
            known = self.styles[st] = (known[0], known[1], self._font_operator(text))
        return known[2]

    def _font_operator(self, text: TextObject) -> str:
        """What `_write_chunks` writes to show the font's first subset."""
        return self._font_operator_of(text._fontname, text._fontsize, text._leading)

    def _font_operator_of(self, font_name: str, font_size: float, leading: float) -> str:
        """`_font_operator` of a text object in that font, size and leading."""
        key = (font_name, font_size, leading)
        found = self.fonts_shown.get(key)
        if found is None:
            font = cast(TTFont, pdfmetrics.getFont(font_name))
            name = font.getSubsetInternalName(0, self.text._canvas._doc)
            found = self.fonts_shown[key] = f"{name} {fp_str(font_size)} Tf {fp_str(leading)} TL"
        return found


def _entered(
    writer: _RowWriter, st: ParagraphStyle, state: tuple, styled: bool
) -> tuple[str, str] | None:
    """What `_quick` writes before a cell's first run, in a text object that is not in that
    run's style and first subset (`state`): the fill operator ("" when the style is already
    set) and the font's; None when it would not write it (`_quick_style`)."""
    if state[0] is st:
        return ("", writer._font_operator_of(state[2], state[3], state[4]))
    if not styled:
        return None
    return _entering_style(writer, st)


def _entering_style(writer: _RowWriter, st: ParagraphStyle) -> tuple[str, str] | None:
    """The fill and font operators `_quick` writes to set `st` in a text object in another
    style (`_quick_style`), kept by the writer; None when it would not set it the quick way."""
    found = writer.entered.get(st)
    if found is None:
        known = writer._quick_style(st)
        if known is None:
            return None
        found = writer.entered[st] = (known[0], known[2])
    return found


def _set_state(writer: _RowWriter, st: ParagraphStyle) -> tuple:
    """The state (`_state`) `_quick` leaves after it set `st` and wrote in its first subset."""
    found = writer.set_states.get(st)
    if found is None:
        found = writer.set_states[st] = (st, 0, st.fontName, st.fontSize, st.leading, st.textColor)
    return found


def _table(writer: _RowWriter, font_name: str) -> _Codes | None:
    """The font's `_Codes` in the writer's document, up to date (`_codes`), kept for `_shown`."""
    codes = _codes(writer.text._canvas, font_name)
    if codes is not None:
        writer.tables[font_name] = codes
    return codes


# A plain cell as `_put_down` puts it down in a document at a width (see `_entry`), a list:
# its first style; its operators in a text object already in that style and the font's first
# subset; the same without what narrows its first line; the state they leave when they set
# another style on the way (None: the state they found); the state they leave once they set
# its first style; its operators then (worked out the first time they are needed, or None);
# its first line's size (the move to it); its height; whether a line is narrowed; what narrows
# its first line ("" when nothing does).
_Entry = list


def _document_memo(canv: Any, name: str) -> dict:
    """A memo kept by the canvas under `name`: for its document only (gone with it)."""
    memo = canv.__dict__.get(name)
    if memo is None:
        memo = canv.__dict__[name] = {}
    return memo


def _document_entries(canv: Any, columns: list[tuple[float, float]]) -> list[dict]:
    """The entries (`_Entry`, or False for a cell `_put_down` leaves to `write`) of the cells
    of each column's width, kept by the canvas: for the document only, as its codes are."""
    entries = _document_memo(canv, "_ess_entries")
    return [entries.setdefault(inner, {}) for _left, inner in columns]


def _entry(
    writer: _RowWriter, cell: TextCell, inner: float, state: tuple, styled: bool, memo: dict
) -> _Entry | None:
    """The `_Entry` of a plain cell (one laid out to `inner`, of lines) in the writer's
    document, remembered in `memo`; that of a number written in the style of the line before
    (`_number_operators`, as `_quick` writes it), not remembered; None when `_quick` could
    not write the cell now (a character past the first subset, a style `_style` would set
    its slow way), False in `memo` when it never could (right to left, a line not plain).
    Its operators in a text object in another style (`_entering`) are worked out at once when
    the text object is in another style now (the cell is put down there next)."""
    if not cell._plain or cell.rtl:
        memo[cell] = False
        return None
    lines = cell._lines
    first = lines[0][1]
    entered = state[0] is first and state[1] == 0
    if entered and len(lines) == 1 and lines[0][0].isdigit():
        number = _number_operators(lines[0], inner)
        if number is not None:
            return [first, number, number, None, state, None, first.fontSize, cell._height, 0, ""]
    runs = cell._runs
    if runs is None:
        runs = cell._runs = _runs_of(lines, inner)
    if len(runs) == 1:  # (most cells: `_shown` of its one run, written out)
        codes = writer.tables.get(first.fontName)
        if codes is None or codes.seen != len(codes.assignments):
            codes = _table(writer, first.fontName)
        try:
            shown = [runs[0][1].translate(codes)] if codes is not None else None
        except _NoCode:
            shown = None
    else:
        shown = _shown_runs(writer, runs)
    if shown is None:
        return None
    # (its font named before the next runs', as `_quick` names them)
    opening = None
    if not entered:
        opening = _entered(writer, first, state, styled)
        if opening is None:
            return None
    head = runs[0][2]
    after: tuple | None = None
    scaled = bool(head)
    if len(runs) == 1:
        ops = f"({shown[0]}) Tj T* 100 Tz" if head else f"({shown[0]}) Tj T*"
    else:
        second = _second_style(writer, runs, styled)
        if second is not None:  # (a title and its theme, a late date and its delay)
            ops = f"({shown[0]}) Tj T* {second[0]} {second[1]} ({shown[1]}) Tj T*"
            after = second[2]
        else:
            found = _later_runs(writer, runs, shown)
            if found is None:
                return None
            ops, after, later_scaled = found
            scaled = scaled or later_scaled
    entry = memo[cell] = [
        first,
        f"{head} {ops}" if head else ops,
        ops,
        after,
        after or writer.set_states.get(first) or _set_state(writer, first),
        None,
        first.fontSize,
        cell._height,
        scaled,
        head,
    ]
    if opening is not None and state[0] is not first:  # (what `_entering` gives it)
        fill, font = opening
        entry[5] = f"{fill} {head} {font} {ops}" if head else f"{fill} {font} {ops}"
    return entry


def _shown_runs(writer: _RowWriter, runs: tuple[_Run, ...]) -> list[str] | None:
    """`_RowWriter._shown` of a cell's runs, those of two runs written out (a title and its
    theme, a late date and its delay)."""
    if len(runs) != 2:
        return writer._shown(runs)
    tables = writer.tables
    (st, text, _scale), (later, more, _later_scale) = runs
    codes = tables.get(st.fontName)
    if codes is None or codes.seen != len(codes.assignments):
        codes = _table(writer, st.fontName)
    others = tables.get(later.fontName)
    if others is None or others.seen != len(others.assignments):
        others = _table(writer, later.fontName)
    if codes is None or others is None:
        return None
    try:
        return [text.translate(codes), more.translate(others)]
    except _NoCode:
        return None


def _second_style(
    writer: _RowWriter, runs: tuple[_Run, ...], styled: bool
) -> tuple[str, str, tuple] | None:
    """For a cell of two runs in two styles, neither narrowed: the fill and font operators
    `_later_runs` writes before the second, and the state they leave; None otherwise."""
    if len(runs) != 2 or runs[0][2] or runs[1][2] or not styled:
        return None
    second = runs[1][0]  # (another style than the first's: `_runs_of` joins a style's lines)
    known = _entering_style(writer, second)
    if known is None:
        return None
    return known[0], known[1], writer.set_states.get(second) or _set_state(writer, second)


def _later_runs(
    writer: _RowWriter, runs: tuple[_Run, ...], shown: list[str]
) -> tuple[str, tuple | None, bool] | None:
    """A cell's operators after what narrows its first line, in a text object in its first
    run's style and the font's first subset (see `_Entry`), with the state they leave when
    they set another style (None: the state they found) and whether a later line is
    narrowed; None when `_quick` would not write them."""
    head = runs[0][2]
    parts = [f"({shown[0]}) Tj T*", "100 Tz"] if head else [f"({shown[0]}) Tj T*"]
    style, after, scaled = runs[0][0], None, False
    for (st, _lines, scale), codes in zip(runs[1:], shown[1:], strict=True):
        if st is not style:
            known = writer._quick_style(st)
            if known is None:
                return None
            parts.append(known[0])
            if scale:
                parts.append(scale)
            parts.append(f"{known[2]} ({codes}) Tj T*")
            style, after = st, (st, 0, st.fontName, st.fontSize, st.leading, known[1])
        else:
            if scale:
                parts.append(scale)
            parts.append(f"({codes}) Tj T*")
        if scale:
            parts.append("100 Tz")
            scaled = True
    return " ".join(parts), after, scaled


def _entering(
    writer: _RowWriter, entry: _Entry, state: tuple, styled: bool
) -> tuple[str | None, tuple]:
    """A cell's operators (`_Entry`) in a text object that is not in its first style and the
    font's first subset (`state`), what `_quick` writes: its first style's fill and font
    operators, or the font's alone when the style is set; and the state they leave. (None,
    `state`) when `_quick` would not write it (`_entered`)."""
    first, head, ops = entry[0], entry[9], entry[2]
    if state[0] is first:  # (in a subset other than the first: the font's named again)
        font = writer._font_operator_of(state[2], state[3], state[4])
        shown = f"{head} {font} {ops}" if head else f"{font} {ops}"
        return shown, entry[3] or (first, 0, *state[2:])
    if not styled:
        return None, state
    if entry[5] is None:
        entered = _entered(writer, first, state, styled)
        if entered is None:
            return None, state
        fill, font = entered
        entry[5] = f"{fill} {head} {font} {ops}" if head else f"{fill} {font} {ops}"
    return entry[5], entry[4]


def _put_down(
    writer: _RowWriter,
    rows: list[list],
    tops: list[float],
    pad: float,
    columns: list[tuple[float, float]],
    middles: list[list[float]] | None = None,
) -> None:
    """`_RowWriter.rows` in a document whose codes are its own: each plain cell's operators
    worked out once for the document at its column's width (`_entry`, found by the cell),
    with its first style's fill and font operators before them when the text object is not
    in them (`_entering`), put down after the move to it; the others through `write`."""
    text, code, moves = writer.text, writer.code, writer.moves
    memos = _document_entries(text._canvas, columns)
    entry: Any
    state, previous, x0, y0, quick = writer._taken()
    px, py = previous or (0.0, 0.0)  # (where the last line would go on: read once `quick`)
    styled = writer.alpha and writer.plain_fill
    written = scaled = False  # (the state to give back; a line narrowed)
    for n, cells in enumerate(rows):
        # (each cell's top: the row's, or the cell's own in a table set in the middle)
        cell_tops = itertools.repeat(tops[n] - pad) if middles is None else middles[n]
        for cell, (left, inner), memo, top in zip(cells, columns, memos, cell_tops, strict=False):
            ops = None
            if quick and type(cell) is TextCell and cell._for_width == inner:
                entry = memo.get(cell)
                if entry is None:
                    if not cell._lines:
                        continue  # (nothing written, as `write_into` writes nothing)
                    entry = _entry(writer, cell, inner, state, styled, memo)
                if entry:
                    first = entry[0]
                    if state[0] is first and state[1] == 0:
                        ops, after = entry[1], entry[3] or state
                    elif entry[5] is not None and styled and state[0] is not first:
                        ops, after = entry[5], entry[4]
                    else:
                        ops, after = _entering(writer, entry, state, styled)
            if ops is None:
                if not isinstance(cell, TextCell):  # (a Spacer, a Paragraph: drawn on the
                    # canvas as `write` draws it, the text object left as it is)
                    _draw_cell(cell, text._canvas, left, top - cell.wrap(inner, 1e6)[1])
                    continue
                # (`write` writes it, the text object given its state back)
                if written:
                    writer.scaled = writer.scaled or scaled
                    writer._give_back(state, (px, py), x0, y0)
                    written = scaled = False
                writer.write([cell], top, [(left, inner)])
                state, previous, x0, y0, quick = writer._taken()
                px, py = previous or (0.0, 0.0)
                styled = writer.alpha and writer.plain_fill
                continue
            if not written:
                written = True
                styled = _written(writer)
            y = top - entry[6]
            dx, dy = left - px, py - y
            move = moves.get((dx, dy))
            if move is None:
                move = moves[(dx, dy)] = f"{fp_str(dx, -dy)} Td"
            code.append(move)
            code.append(ops)
            state = after
            scaled = scaled or entry[8]
            x0 += dx
            height = entry[7]
            y0 = y0 + dy - height
            px, py = left, y - height
    if written:
        writer.scaled = writer.scaled or scaled
        writer._give_back(state, (px, py), x0, y0)


def _written(writer: _RowWriter) -> bool:
    """What `_RowWriter.rows` does before it puts down its first cell in a text object (the
    transparency its operators need, as `_restore_state` ensures it); whether a style may now
    be set the quick way (`_quick_style`)."""
    if not writer.alpha:
        writer.text._canvas._doc.ensureMinPdfVersion("transparency")
        writer.text._alpha_version = writer.alpha = True
    return writer.plain_fill


def _number_operators(line: _Line, width: float) -> str | None:
    """What `_RowWriter._number` writes for a cell of that one line: None but for ASCII
    digits, written as they are or narrowed to the width."""
    text, _st, kind = line
    if not (text.isdigit() and text.isascii()):
        return None
    if kind == AS_IT_IS:
        return f"({text}) Tj T*"
    if kind != NARROWED:
        return None
    st = line[1]  # (narrowed as `_runs_of` narrows it)
    key = (len(text), st.fontName, st.fontSize, width)
    scale = _NARROWED_NUMBERS.get(key)
    if scale is None:
        scale = fp_str(100 * width / (stringWidth(text, st.fontName, 1) * st.fontSize))
        if _digits_alike(st.fontName):
            if len(_NARROWED_NUMBERS) >= 256:  # (bounded)
                _NARROWED_NUMBERS.clear()
            _NARROWED_NUMBERS[key] = scale
    return f"{scale} Tz ({text}) Tj T* 100 Tz"


# The scale of a number narrowed to its column, by its count of digits, font, size and width
# (the N° of a follow-up's 900 rows: one scale).
_NARROWED_NUMBERS: dict[tuple[int, str, float, float], str] = {}


@cache
def _digits_alike(font_name: str) -> bool:
    """Whether the ten ASCII digits are equally wide in the font (DejaVu's are): a number's
    width is then, to the bit, that of any other of as many digits (the same widths added in
    the same order)."""
    return len({stringWidth(digit, font_name, 1) for digit in "0123456789"}) == 1


# Lines of a cell written at once: their style, their text joined by line feeds (see `_Codes`),
# and the operator that narrows a line wider than its column ("" for lines as they are).
_Run = tuple[ParagraphStyle, str, str]


def _runs_of(lines: tuple[_Line, ...], width: float) -> tuple[_Run, ...]:
    """A plain cell's lines by style, those of a style that follow each other joined by a line
    feed (which `_Codes` writes as the end of a line and the start of the next), a line
    narrowed to `width` alone with its `Tz`; () when a line is not plain."""
    if len(lines) == 1 and lines[0][2] == AS_IT_IS:  # (most cells: one line as it is)
        return ((lines[0][1], lines[0][0], ""),)
    runs: list[tuple[ParagraphStyle, list[str], str]] = []
    for line, st, kind in lines:
        if kind == NARROWED:
            scale = 100 * width / (_word_width(line, st.fontName) * st.fontSize)
            runs.append((st, [line], f"{fp_str(scale)} Tz"))
        elif kind != AS_IT_IS:
            return ()
        elif runs and runs[-1][0] is st and not runs[-1][2]:
            runs[-1][1].append(line)
        else:
            runs.append((st, [line], ""))
    return tuple((st, "\n".join(group), scale) for st, group, scale in runs)


class _NoCode(Exception):
    """A character with no code in the first subset of the document's font yet."""


# Each code of a subset as a PDF string writes it (what `canvas._escape` gives for it).
_ESCAPED = [escapePDF(bytes([n])) for n in range(256)]


class _FirstSubset(dict):
    """A `str.translate` table of the characters that have their code in the first subset of a
    document's font, each as `_values` gives its code, following the dictionary of codes of
    the document's state (`assignments`: reportlab only ever adds to it); no-break spaces as
    spaces, as reportlab maps them. Any other character stops the translation (`_NoCode`)."""

    _values: list[str]  # each of the subset's 256 codes as the table gives it

    def __init__(self, assignments: dict[int, int]):
        super().__init__()
        self.assignments = assignments
        self.seen = 0
        self.update_codes()

    def update_codes(self) -> None:
        """Take in the codes given since last time."""
        assignments = self.assignments
        values = self._values
        for char, code in itertools.islice(assignments.items(), self.seen, None):
            if code < 256:
                self[char] = values[code]
        self.seen = len(assignments)
        if 32 in assignments and assignments[32] < 256:
            self[0xA0] = values[assignments[32]]  # (reportlab draws it as a space)

    def __missing__(self, key: int) -> str:
        raise _NoCode


class _Codes(_FirstSubset):
    """A font's first subset for the lines of a cell: each character as it is written in a PDF
    string (escaped), a run of lines encoded in one call, the line feed between them written
    as the end of one line and the start of the next. A character it stops at: `write_into`
    writes that cell, and reportlab gives the character its code."""

    _values = _ESCAPED

    def update_codes(self) -> None:
        super().update_codes()
        self[10] = ") Tj T* ("


class _SubsetBytes(_FirstSubset):
    """A font's first subset for `splitString`: each character as the character of its code
    (`str.translate`, then Latin-1, gives the subset's bytes)."""

    _values = [chr(n) for n in range(256)]


def _codes(canv: Any, font_name: str) -> _Codes | None:
    """The `_Codes` of the font in the canvas's document; None for a font not embedded by
    subsets (reportlab's standard fonts)."""
    tables = getattr(canv, "_ess_codes", None)
    if tables is None:
        tables = canv._ess_codes = {}
    table = tables.get(font_name)
    if table is None:
        font: Any = pdfmetrics.getFont(font_name)
        if not getattr(font, "_dynamicFont", False):
            return None
        state = font.state.get(canv._doc)
        if state is None:
            return None  # (reportlab makes it at the first line written: write_into)
        table = tables[font_name] = _Codes(state.assignments)
    elif table.seen != len(table.assignments):
        table.update_codes()
    return table


def _set_style(text: TextObject, st: ParagraphStyle) -> None:
    """The style of the next lines (font, size, leading, colour), written only when it changes
    from the last line's: what `setFont` and `setFillColor` write, without their checks for
    an opaque RGB colour of an embedded font (the others go through them)."""
    if getattr(text, "_cell_style", None) is st:
        return
    color = st.textColor
    font = pdfmetrics.getFont(st.fontName)
    if (
        type(color) is colors.Color
        and color.alpha == 1
        and getattr(font, "_dynamicFont", False)
        and text._canvas._extgstate.getValue("ca") == 1
        and not text._enforceColorSpace
    ):
        text._fontname, text._fontsize, text._leading = st.fontName, st.fontSize, st.leading
        text._curSubset = -1
        text._code.append(_fill_operator(color))
        text._fillColorObj = color
        if not getattr(text, "_alpha_version", False):  # what setFillAlpha(1) does: the version
            text._canvas._doc.ensureMinPdfVersion("transparency")
            text._alpha_version = True
    else:
        text.setFont(st.fontName, st.fontSize, st.leading)
        text.setFillColor(st.textColor)
    text._cell_style = st


@lru_cache(maxsize=256)
def _fill_operator(color: colors.Color) -> str:
    return f"{fp_str((color.red, color.green, color.blue))} rg"


def _write_lines(
    text: TextObject,
    lines: tuple[_Line, ...],
    width: float,
    slow: Callable[[TextObject, str, ParagraphStyle, float], None],
    all_slow: bool,
) -> float:
    """Write the lines of a cell; returns the height they took. Plain lines are written as
    `textLine` would write them (their codes remembered for the document), the others (all of
    them when `all_slow`: a right-to-left cell) by `slow(text, line, style, width)`."""
    canv = text._canvas
    cache = getattr(canv, "_ess_lines", None)
    if cache is None:
        cache = canv._ess_lines = {}
    code = text._code
    drop = fast = 0.0
    for line, st, plain in lines:
        if getattr(text, "_cell_style", None) is not st:
            _set_style(text, st)
        drop += st.leading
        if all_slow or not plain:
            slow(text, line, st, width)  # (moves the cursor itself)
            continue
        fast += st.leading
        if plain == NARROWED:  # what _draw_line does, through the fast writer
            text.setHorizScale(100 * width / (_word_width(line, st.fontName) * st.fontSize))
            _text_line(text, line)
            text.setHorizScale(100)
            fast -= st.leading  # (_text_line moved the cursor)
            continue
        chunks = cache.get((st.fontName, line))
        if chunks is None:
            chunks = _line_chunks(text, line, cache)
            if chunks is None:  # not an embedded font: reportlab's own writer
                text.textLine(line)
                fast -= st.leading
                continue
        if len(chunks) == 1 and chunks[0][0] == text._curSubset:
            code.append(chunks[0][1] + " T*")
        else:
            _write_chunks(text, chunks)
    text._x = text._x0
    text._y = text._y0 = text._y0 - fast
    return drop


def _line_chunks(text: TextObject, line: str, cache: dict) -> list[tuple[int, str]] | None:
    """The line in the codes of the font's embedded subsets, each shown with `Tj`, remembered
    for the document (bounded: a long table's memory stays flat), and for every document
    whose codes were seeded when its characters all were (`seed_codes`)."""
    canv = text._canvas
    font = pdfmetrics.getFont(text._fontname)
    if not getattr(font, "_dynamicFont", False):
        return None
    key = (text._fontname, line)
    seeded = getattr(canv, "_ess_seeded", False) and _SEEDABLE.issuperset(line)
    chunks = _SEEDED_LINES.get(key) if seeded else None
    if chunks is None:
        chunks = [
            (subset, f"({canv._escape(data)}) Tj")
            for subset, data in _subset_chunks(cast(TTFont, font), canv._doc, line)
        ]
        if seeded:
            if len(_SEEDED_LINES) > _LINE_CACHE_SIZE:
                _SEEDED_LINES.clear()
            _SEEDED_LINES[key] = chunks
    if len(cache) > _LINE_CACHE_SIZE:
        cache.clear()
    cache[key] = chunks
    return chunks


# The letters of French and its neighbours, and French typography's signs, in a fixed order.
SEEDED = "àâäçéèêëîïôöùûüÿœæÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸŒÆ\u2019«»—–…°€\u202f"
# What has the same code in every seeded document: printable ASCII (reportlab gives it its own
# codes), the no-break space (drawn as a space) and the seeded characters.
_SEEDABLE = frozenset(map(chr, range(32, 127))) | frozenset(SEEDED + "\xa0")
_SEEDED_LINES: dict[tuple[str, str], list[tuple[int, str]]] = {}


def seed_codes(canvas: pdfcanvas.Canvas) -> None:
    """Give the usual letters and signs their codes in each font before anything is written:
    the fonts embedded are then the same glyphs in the same order whatever the text (the
    reminders to a thousand owners embed one subset, made and compressed once, not one per
    owner's name; a line of those characters is coded once for all of them), at the cost of
    a few letters a document may not use."""
    doc: Any = cast(Any, canvas)._doc  # reportlab's document, untyped
    for name in (FONT, FONT_BOLD, FONT_ITALIC, FONT_BOLD_ITALIC):
        font: Any = pdfmetrics.getFont(name)
        if not getattr(font, "_dynamicFont", False):
            continue
        if doc in font.state:  # (some codes given already: the seeded ones follow them)
            font.splitString(SEEDED, doc)
        else:
            font.state[doc] = _seeded_state(font)
    cast(Any, canvas)._ess_seeded = True


class _Unnamed:
    """A document that is none, for the state a font's `splitString` leaves in it."""


def _seeded_state(font: Any) -> Any:
    """A copy of the state `font.splitString(SEEDED, doc)` leaves a document in when the font
    had none in it: made once per font (reportlab made it again for each canvas, four fonts a
    canvas, a thousand reminders in a row), its codes and subsets copied, no name yet."""
    known = font.__dict__.get("_ess_seeded_state")
    if known is None or known[0] != font._asciiReadable:
        unnamed = _Unnamed()
        font.splitString(SEEDED, unnamed)
        known = font._ess_seeded_state = (font._asciiReadable, font.state.pop(unnamed))
    state = copy.copy(known[1])
    state.assignments = dict(state.assignments)
    state.subsets = [list(subset) for subset in state.subsets]
    return state


def _write_chunks(text: TextObject, chunks: list[tuple[int, str]]) -> None:
    parts = []
    for subset, shown in chunks:
        if subset != text._curSubset:
            font = cast(TTFont, pdfmetrics.getFont(text._fontname))
            name = font.getSubsetInternalName(subset, text._canvas._doc)
            parts.append(f"{name} {fp_str(text._fontsize)} Tf {fp_str(text._leading)} TL")
            text._curSubset = subset
        parts.append(shown)
    text._code.append(" ".join(parts) + " T*")


_LINE_CACHE_SIZE = 8192  # lines remembered per document with their codes


def _subset_chunks(font: TTFont, doc: object, line: str) -> list[tuple[int, bytes]]:
    """`font.splitString(line, doc)` (the line in the codes of the embedded subsets), without
    its per-character loop when every character already has its code in this document."""
    state = font.state.get(doc)
    if state is None:
        return font.splitString(line, doc)
    assignments: dict[int, int] = getattr(state, "assignments")  # noqa: B009 - not in stubs
    try:
        codes = [assignments[c] for c in map(ord, line.replace("\xa0", " "))]
    except KeyError:  # a character seen for the first time: reportlab gives it its code
        return font.splitString(line, doc)
    if max(codes, default=0) < 256:
        return [(0, bytes(codes))]
    return [
        (subset, bytes(c & 0xFF for c in group))
        for subset, group in groupby(codes, lambda c: c >> 8)
    ]


def _text_line(text: TextObject, line: str) -> None:
    """`text.textLine(line)` for an embedded TrueType font, several times faster: the line's
    codes are looked up at once (remembered per document), and the PDF operators are the ones
    reportlab writes."""
    canv = text._canvas
    cache = getattr(canv, "_ess_lines", None)
    if cache is None:
        cache = canv._ess_lines = {}
    chunks = cache.get((text._fontname, line)) or _line_chunks(text, line, cache)
    if chunks is None:
        text.textLine(line)
        return
    _write_chunks(text, chunks)
    text._x = text._x0
    text._y = text._y - text._leading
    text._y0 = text._y


def text_cell(
    *parts: str | tuple[str, ParagraphStyle], style: ParagraphStyle | None = None
) -> TextCell:
    """A `TextCell` of these parts, the same one for every cell of a table that prints the same
    (an owner, a status, a date, an origin come back by thousands in the tableau de suivi): it
    is set, wrapped and measured once. Only for cells drawn by a `GridTable`, which never
    changes them. Shared by the documents one thread builds, never by two threads: a cell
    keeps its lines for the last width it was wrapped to, which a document laid out at the
    same time on another thread would change under it."""
    return _shared_cell(parts, style, language(), threading.get_ident())


def forget_shared_cells() -> None:
    """Let go of what was remembered to write documents faster (the shared cells, the texts set
    and wrapped, the seeded lines, the memos of `cell_memo`): a long streamed document does
    before it writes its file."""
    for memo in _CELL_MEMOS:
        memo.clear()
    _shared_cell.cache_clear()
    _printed.cache_clear()
    _short_lines.cache_clear()
    _SEEDED_LINES.clear()


# A document module's own memos of cells, let go with the shared cells.
_CELL_MEMOS: list[dict] = []
_M = TypeVar("_M", bound=dict)


def cell_memo(memo: _M) -> _M:
    """`memo` (cells a document module finds by what they show), emptied whenever the shared
    cells are forgotten (`forget_shared_cells`)."""
    _CELL_MEMOS.append(memo)
    return memo


@lru_cache(maxsize=8192)
def _shared_cell(
    parts: tuple[str | tuple[str, ParagraphStyle], ...],
    style: ParagraphStyle | None,
    _lang: str,
    _thread: int,
) -> TextCell:
    return TextCell(*parts, style=style)


class TextParagraph(TextCell):
    """A paragraph of plain text (no markup) in one style: its left indent, its space before
    and after. Most of the minutes are such paragraphs; they lay out several times faster than
    a Paragraph, which parses its text as markup first."""

    def __init__(self, text: str, style: ParagraphStyle):
        super().__init__(text, style=style)
        self.style = style  # read by the frame for the space before and after

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        _width, height = super().wrap(available_width - self.style.leftIndent, available_height)
        self.width = available_width
        return (available_width, height)

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        parts = super().split(available_width - self.style.leftIndent, available_height)
        if not parts:
            return []
        first, rest = (TextParagraph("", self.style) for _part in parts)
        first.parts = cast(TextCell, parts[0]).parts
        rest.parts = cast(TextCell, parts[1]).parts
        first.rtl = rest.rtl = self.rtl
        first.spaceAfter = 0
        rest.spaceBefore = 0
        return [first, rest]

    def draw(self) -> None:
        indent = self.style.leftIndent
        text = self.canv.beginText()
        self.write_into(text, indent, self.height, self.width - indent)
        self.canv.drawText(text)


@dataclass(slots=True)
class _GridRow:
    cells: list[Flowable]
    shaded: bool
    marked: bool
    height: float = 0.0


ZEBRA = colors.HexColor("#f7f9f8")
GRID_SIDE_PADDING = 4.0
RULE = colors.HexColor("#9aa5a8")
MARK = colors.HexColor("#b3261e")


@made_once
def _header_style() -> ParagraphStyle:
    return ParagraphStyle("grid_header", parent=styles().cell_bold, textColor=ACCENT)


class GridTable(Flowable):
    """A table of text drawn straight on the canvas: a header repeated on every page, striped
    rows, a grid, and a red rule before the `marked` rows (indexes in `rows`). Cells are strings,
    TextCells or any flowable. The table splits between rows; a row taller than
    `max_row_height` (more than a page could hold) goes on from one page to the next. A page
    never holds fewer than `min_rows` rows of a table that has more (no row left alone at the
    foot or at the top of a page). For long lists it lays out several times faster than
    platypus' Table, which wraps every cell again at each page; `first_index` numbers the rows
    of a table that continues another (its stripes go on), `joined` puts two together."""

    def __init__(
        self,
        header: list,
        rows: list[list],
        widths: list[float],
        *,
        marked: set[int] | frozenset[int] = frozenset(),
        valign: str = "top",
        padding: float = 3.0,
        max_row_height: float = 420.0,
        min_rows: int = 2,
        first_index: int = 0,
    ):
        super().__init__()
        self.widths = list(widths)
        self.header = [self._cell(c, _header_style()) for c in header]
        self.rows = [
            _GridRow(
                [self._cell(c) if isinstance(c, str) else c for c in cells],
                bool((n + first_index) % 2),
                n in marked,
            )
            for n, cells in enumerate(rows)
        ]
        self.valign = valign
        self.padding = padding
        self.max_row_height = max_row_height
        self.min_rows = min_rows
        self._header_height: float | None = None

    @staticmethod
    def _cell(value: str | Flowable, style: ParagraphStyle | None = None) -> Flowable:
        if not isinstance(value, str):
            return value
        if style is None and value.isdigit() and value.isascii():
            return TextCell.number(value)
        if len(value) <= _REMEMBERED:  # (a name, a role, a date: laid out once for all rows)
            return text_cell(value, style=style)
        return TextCell(value, style=style)

    def _cell_height(self, cell: Flowable, width: float) -> float:
        if type(cell) is TextCell:  # (its height is that of its lines)
            cell._layout(width - 2 * GRID_SIDE_PADDING)
            return cell._height
        return cell.wrap(width - 2 * GRID_SIDE_PADDING, 1e6)[1]

    def _row_height(self, cells: list[Flowable]) -> float:
        heights = [self._cell_height(c, w) for c, w in zip(cells, self.widths, strict=False)]
        return max(heights, default=0.0) + 2 * self.padding

    def _measure(self) -> None:
        if self._header_height is not None:
            return
        self._header_height = self._row_height(self.header)
        # `_row_height` of each row, written out: the rows of a long table are thousands.
        inner = [w - 2 * GRID_SIDE_PADDING for w in self.widths]
        padding = 2 * self.padding
        for row in self.rows:
            tallest = 0.0
            for cell, width in zip(row.cells, inner, strict=False):
                if type(cell) is TextCell:
                    if cell._for_width != width:
                        cell._layout(width)
                    height = cell._height
                else:
                    height = cell.wrap(width, 1e6)[1]
                if height > tallest:
                    tallest = height
            row.height = tallest + padding

    def _cut(self, row: _GridRow, room: float) -> tuple[_GridRow, _GridRow] | None:
        """A row split so that its first part fits `room`; None when its cells cannot be."""
        inner = room - 2 * self.padding
        first: list[Flowable] = []
        rest: list[Flowable] = []
        for cell, width in zip(row.cells, self.widths, strict=False):
            if self._cell_height(cell, width) <= inner:
                first.append(cell)
                rest.append(TextCell(""))
                continue
            parts = cell.split(width - 2 * GRID_SIDE_PADDING, inner)
            if len(parts) != 2:
                return None
            first.append(parts[0])
            rest.append(parts[1])
        head = _GridRow(first, row.shaded, row.marked, self._row_height(first))
        tail = _GridRow(rest, row.shaded, row.marked, self._row_height(rest))
        return head, tail

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self._measure()
        self.width = sum(self.widths)
        # The rows' heights added in order, as far as the room (a long table is wrapped again
        # for each page: all its rows each time made it quadratic); a table taller than the
        # room is only told so (it is then split, and its parts wrapped).
        header = self._header_height or 0
        rows = 0.0
        for row in self.rows:
            rows += row.height
            if header + rows > available_height:
                self._taller = True
                break
        else:
            self._taller = False
        self.height = header + rows
        return (self.width, self.height)

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        self._measure()
        room = available_height - (self._header_height or 0)
        used, n = 0.0, 0
        while n < len(self.rows) and used + self.rows[n].height <= room:
            used += self.rows[n].height
            n += 1
        if n == len(self.rows):
            return []
        # A row taller than `max_row_height` could not fit on any page: it goes on over the
        # next one, from here (a shorter row moves to the next page whole).
        if self.rows[n].height > self.max_row_height and room - used >= 40:
            cut = self._cut(self.rows[n], room - used)
            if cut is not None:
                head, tail = cut
                return [self._part([*self.rows[:n], head]), self._part([tail, *self.rows[n + 1 :]])]
        n = self._keep_together(n)
        if n == 0:
            return []
        return [self._part(self.rows[:n]), self._part(self.rows[n:])]

    def _keep_together(self, n: int) -> int:
        """Where to split before row `n` so that neither page holds fewer than `min_rows` rows:
        0 (the table starts on the next page) when too few fit here."""
        keep = self.min_rows
        if len(self.rows) >= 2 * keep and len(self.rows) - n < keep:
            n = len(self.rows) - keep  # at least `keep` rows go on to the next page
        if (n < keep or len(self.rows) < 2 * keep) and not getattr(self, "_moved", False):
            self._moved = True  # once: a page where even so few rows do not fit takes them
            return 0
        return n

    def _part(self, rows: list[_GridRow]) -> GridTable:
        part = GridTable.__new__(GridTable)
        Flowable.__init__(part)
        part.widths, part.header, part.rows = self.widths, self.header, rows
        part.valign, part.padding = self.valign, self.padding
        part.max_row_height, part._header_height = self.max_row_height, self._header_height
        part.min_rows = self.min_rows
        return part

    def joined(self, other: GridTable) -> GridTable:
        """This table's rows followed by `other`'s (the same columns): rows already measured
        keep their height."""
        self._measure()
        other._measure()
        return self._part([*self.rows, *other.rows])

    def draw(self) -> None:
        if getattr(self, "_taller", False):  # drawn though taller than the room: all of it
            self.wrap(self.width, float("inf"))
        canv = self.canv
        pad = self.padding
        edges = [0.0]
        for w in self.widths:
            edges.append(edges[-1] + w)
        tops = [self.height, self.height - (self._header_height or 0)]
        for row in self.rows:
            tops.append(tops[-1] - row.height)
        self._draw_grid(canv, tops, edges)
        text = canv.beginText()
        middle = self.valign == "middle"
        columns = [
            (x + GRID_SIDE_PADDING, w - 2 * GRID_SIDE_PADDING)
            for x, w in zip(edges, self.widths, strict=False)
        ]
        rows = _RowWriter(text)
        if not middle:  # (most tables: the cells' text at the top of the row)
            rows.rows([self.header] + [r.cells for r in self.rows], tops, pad, columns)
            canv.drawText(text)
            return
        if not rows.seeded_canvas:  # (each cell's top where the loop below puts it)
            table = [self.header] + [r.cells for r in self.rows]
            rows.rows(table, tops, pad, columns, self._middles(table, tops))
            canv.drawText(text)
            return
        for n, cells in enumerate([self.header] + [r.cells for r in self.rows]):
            top = tops[n]
            height = tops[n] - tops[n + 1]
            for cell, x, w in zip(cells, edges, self.widths, strict=False):
                inner = w - 2 * GRID_SIDE_PADDING
                y = top - pad
                if self.valign == "middle" or not isinstance(cell, TextCell):
                    cell_height = self._cell_height(cell, w)
                    if self.valign == "middle":
                        y = top - (height - cell_height) / 2
                if isinstance(cell, TextCell):
                    rows.cell(cell, x + GRID_SIDE_PADDING, y, inner)
                else:
                    _draw_cell(cell, canv, x + GRID_SIDE_PADDING, y - cell_height)
        canv.drawText(text)

    def _middles(self, rows: list[list], tops: list[float]) -> list[list[float]]:
        """The top of each cell of `rows` (the header's, then the table's), each in the middle
        of its row as `draw` sets it."""
        out = []
        columns = [(w, w - 2 * GRID_SIDE_PADDING) for w in self.widths]
        for n, cells in enumerate(rows):
            top = tops[n]
            height = tops[n] - tops[n + 1]
            out.append(
                [
                    # (`_cell_height`, a text cell laid out to its column already read at once)
                    top - (height - cell._height) / 2
                    if type(cell) is TextCell and cell._for_width == inner
                    else top - (height - self._cell_height(cell, w)) / 2
                    for cell, (w, inner) in zip(cells, columns, strict=False)
                ]
            )
        return out

    def _draw_grid(self, canv: pdfcanvas.Canvas, tops: list[float], edges: list[float]) -> None:
        """The header's band, the stripes, the rules and the red marks before the `marked`
        rows: what `canv.rect` and `canv.lines` write, each row's top formatted once (900 rows
        of a follow-up: half of them striped, each marked). The state saved and restored, the
        colours and widths set, as their operators alone when that is all they would leave
        (`_plain_grid`: the state restored as it was, the transparency's version ensured)."""
        width = self.width
        code: list[str] = cast(Any, canv)._code
        ops = _grid_operators() if _plain_grid(canv) else None
        if ops:
            code.append("q")
            code.append(ops[0])
        else:
            canv.saveState()
            _set_color(canv, LIGHT, True)
        canv.rect(0, tops[1], width, tops[0] - tops[1], stroke=0, fill=1)
        _grid_pen(canv, ops and ops[1], ZEBRA, True, None)
        ys = fp_str(tops).split(" ")  # (each top as `fp_str` writes it: one call for all)
        shaded = [(n, row.height) for n, row in enumerate(self.rows, start=1) if row.shaded]
        if shaded:
            across = fp_str(width)
            fill = cast(Any, pdfcanvas).PATH_OPS[0, 1, cast(Any, canv)._fillMode]  # (as rect)
            heights: dict[float, str] = {}
            for n, height in shaded:
                shown = heights.get(height)
                if shown is None:
                    shown = heights[height] = fp_str(height)
                code.append(f"n 0 {ys[n + 1]} {across} {shown} re {fill}")
        _grid_pen(canv, ops and ops[2], RULE, False, 0.5)
        _rules(canv, ys, edges, width)
        marked = [n for n, row in enumerate(self.rows, start=1) if row.marked]
        if marked:  # (what `_lines` writes of segments down the left edge)
            _grid_pen(canv, ops and ops[3], MARK, False, 3)
            code.append("n")
            code += [f"0 {ys[n]} m 0 {ys[n + 1]} l" for n in marked]
            code.append("S")
        if ops:
            code.append("Q")
        else:
            canv.restoreState()


def _plain_grid(canv: Any) -> bool:
    """Whether a grid's state saved, colours and widths set and state restored would leave
    the canvas as it was and write their operators alone: its own `saveState` and
    `restoreState`, opaque fills and strokes, no colour space enforced. The transparency's
    version that setting an opaque colour ensures is ensured then."""
    cls = type(canv)
    if (
        cls.saveState is not _SAVE_STATE
        or cls.restoreState is not _RESTORE_STATE
        or canv._enforceColorSpace
        or canv._extgstate.getValue("ca") != 1
        or canv._extgstate.getValue("CA") != 1
    ):
        return False
    canv._doc.ensureMinPdfVersion("transparency")
    return True


_SAVE_STATE = pdfcanvas.Canvas.saveState
_RESTORE_STATE = pdfcanvas.Canvas.restoreState


def _grid_pen(
    canv: Any, shown: tuple[str, ...] | None, color: colors.Color, fill: bool, width: float | None
) -> None:
    """`_set_color(canv, color, fill)`, then `canv.setLineWidth(width)` unless None; in a
    `_plain_grid`, their operators alone (`shown`: `_grid_operators`; the state is restored
    after)."""
    if shown is None:
        _set_color(canv, color, fill)
        if width is not None:
            canv.setLineWidth(width)
        return
    canv._code += shown


@cache
def _grid_operators() -> tuple[str, tuple[str], tuple[str, str], tuple[str, str]]:
    """What `_draw_grid` writes of its colours and widths in a `_plain_grid`: the header's
    fill, the stripes' (`_grid_pen`'s), the rules' stroke and width, the marks'."""
    return (
        _fill_operator(LIGHT),
        (_fill_operator(ZEBRA),),
        (_stroke_operator(RULE), _line_width(0.5)),
        (_stroke_operator(MARK), _line_width(3)),
    )


@cache
def _line_width(width: float) -> str:
    """The operator `setLineWidth(width)` writes."""
    return f"{fp_str(width)} w"


def _set_color(canv: Any, color: colors.Color, fill: bool) -> None:
    """`canv.setFillColor(color)` (`setStrokeColor` when not `fill`) of an opaque RGB colour,
    as reportlab writes it: the operator, the colour kept, its alpha set."""
    if canv._enforceColorSpace or type(color) is not colors.Color or color.alpha != 1:
        (canv.setFillColor if fill else canv.setStrokeColor)(color)
    elif fill:
        canv._code.append(_fill_operator(color))
        canv._fillColorObj = color
        canv._setFillAlpha(1)
    else:
        canv._code.append(_stroke_operator(color))
        canv._strokeColorObj = color
        canv._setStrokeAlpha(1)


@lru_cache(maxsize=256)
def _stroke_operator(color: colors.Color) -> str:
    return f"{fp_str((color.red, color.green, color.blue))} RG"


def _draw_cell(cell: Flowable, canv: pdfcanvas.Canvas, x: float, y: float) -> None:
    """`cell.drawOn(canv, x, y)`. A Spacer (the sign-in sheet's room to sign, one a row) draws
    nothing: what `drawOn` writes around it (the state saved, the origin moved, the state put
    back) is written without saving and restoring the canvas's state in Python."""
    if type(cell) is Spacer and not getattr(cell, "_showBoundary", False):
        cast(Any, canv)._code.extend(("q", f"1 0 0 1 {fp_str(x, y)} cm", "Q"))
        return
    cell.drawOn(canv, x, y)


def _lines(canv: pdfcanvas.Canvas, segments: list[tuple[float, float, float, float]]) -> None:
    """`canv.lines(segments)`, each coordinate formatted once (a table's rules share them)."""
    formatted: dict[float, str] = {}

    def number(value: float) -> str:
        found = formatted.get(value)
        if found is None:
            found = formatted[value] = fp_str(value)
        return found

    code: list[str] = cast(Any, canv)._code
    code.append("n")
    code += [
        f"{number(x1)} {number(y1)} m {number(x2)} {number(y2)} l" for x1, y1, x2, y2 in segments
    ]
    code.append("S")


def _rules(canv: pdfcanvas.Canvas, ys: list[str], edges: list[float], width: float) -> None:
    """`_lines` of a grid's rules: a line across at each of the tops (`ys`, formatted by
    `fp_str`), down at each of `edges`; each coordinate formatted once (a row's top is the end
    of one rule and the start of the next: 900 rows' tops)."""
    left, right = fp_str(0), fp_str(width)
    code: list[str] = cast(Any, canv)._code
    code.append("n")
    code += [f"{left} {y} m {right} {y} l" for y in ys]
    top, bottom = ys[0], ys[-1]
    code += [f"{x} {top} m {x} {bottom} l" for x in map(fp_str, edges)]
    code.append("S")


_BOOKMARK_KEYS = itertools.count(1)


class Bookmark(Flowable):
    """An invisible mark that adds an outline entry (a PDF bookmark) where it lands."""

    def __init__(self, title: str, level: int = 0):
        super().__init__()
        self.title = typeset(title)
        self.level = level
        # A number of its own: an id() is reused once its object is freed (the bookmarks of a
        # streamed document are), and two entries would then lead to the same page.
        self.key = f"bm{next(_BOOKMARK_KEYS)}"

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return (0, 0)

    def draw(self) -> None:
        self.canv.bookmarkPage(self.key)
        self.canv.addOutlineEntry(self.title, self.key, level=self.level, closed=False)


@lru_cache(maxsize=256)  # the same footer on every page
def fit_line(text: str, font: str, size: float, width: float) -> str:
    """The text, shortened with « … » to fit the width (footers hold one line)."""
    full = stringWidth(text, font, size)
    if full <= width:
        return text
    text = text[: int(len(text) * width / full) + 1]  # close to the end already
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def draw_watermark(canv: pdfcanvas.Canvas, text: str, width: float, height: float) -> None:
    """« PROJET » across the page: large, pale red, at 45 degrees (drafts and their packs)."""
    canv.saveState()
    canv.setFont(FONT_BOLD, 96)
    canv.setFillColor(colors.Color(0.75, 0.1, 0.1, alpha=0.12))
    canv.translate(width / 2, height / 2)
    canv.rotate(45)
    canv.drawCentredString(0, -30, text)
    canv.restoreState()


# Whether the numbered canvas shows its held pages through `_show_page` (False: reportlab's
# `showPage`, which the tests compare it with).
SHOW_QUICKLY = True

# A new page's entries, all unset, as `PDFPage.__init__` sets them one by one.
_UNSET_PAGE = dict.fromkeys(pdfdoc.PDFPage.__NoDefault__)
# The canvas's boxes a page is given, and the page's entries for them (reportlab's order).
_BOXES = tuple((f"_{box}Box", f"{box.capitalize()}Box") for box in ("crop", "art", "bleed", "trim"))


def _show_page(canv: Any) -> None:
    """reportlab's `Canvas.showPage` for a canvas without crop marks (a held page shown by the
    numbered canvas: 104 a pack), its page's attributes set at once rather than through the
    page's setters and the canvas's `_set…` methods one by one; the same page, the same
    document, the canvas started on its next page."""
    code = canv._code
    code.append(" ")
    page: Any = object.__new__(pdfdoc.PDFPage)  # (its `__init__` sets `_UNSET_PAGE`)
    attributes = page.__dict__
    attributes.update(_UNSET_PAGE)
    attributes["pagewidth"], attributes["pageheight"] = canv._pagesize
    attributes["Rotate"] = canv._pageRotation
    attributes["hasImages"] = canv._currentPageHasImages
    attributes["Trans"] = pdfdoc.PDFDictionary(canv._pageTransition)
    attributes["compression"] = canv._pageCompression
    for name, entry in _BOXES:
        size = getattr(canv, name, None)
        if size:
            attributes[entry] = pdfdoc.PDFArray(size)
    if canv._pageDuration is not None:
        attributes["Dur"] = canv._pageDuration
    before, after = canv._psCommandsBeforePage, canv._psCommandsAfterPage
    if before or after:
        code = [*before, canv._preamble, *code, *after]
    else:
        code.insert(0, canv._preamble)
    attributes["stream"] = "\n".join(code) + "\n"
    attributes["_colorsUsed"] = canv._colorsUsed
    attributes["ExtGState"] = canv._extgstate.getState()
    forms = canv._formsinuse
    attributes["XObjects"] = canv._doc.xobjDict(forms) if forms else None
    attributes["_shadingUsed"] = canv._shadingUsed
    attributes["Annots"] = canv._annotationrefs
    canv._doc.addPage(page)
    if canv._onPage:
        canv._onPage(canv._pageNumber)
    canv._startPage()


def _numbered_canvas(
    footer_left: str, watermark: str | None, pagesize: tuple[float, float] = A4
) -> type[pdfcanvas.Canvas]:
    class NumberedCanvas(QuickState, pdfcanvas.Canvas):
        """Holds the pages back until the end so that each footer can say "Page n / N"."""

        # reportlab's own canvas state, which its stubs leave out.
        _doc: Any
        _pagesize: tuple[float, float] | None
        _pageNumber: int  # noqa: N815 - reportlab's name
        _cropMarks: Any  # noqa: N815
        _startPage: Callable[[], None]  # noqa: N815
        # The filter of the page streams (`page_streams.deflate_pages`), None for reportlab's.
        page_flate: Flate | None = None

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._saved: list[dict] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            state = dict(self.__dict__)
            del state["_saved"]  # (which would hold itself: a cycle keeping the document)
            self._saved.append(state)
            # Bookmarks and links name their page by the document's page counter: it must move
            # on with each held page, or every bookmark would point to page 1.
            self._doc.pageCounter += 1
            self._startPage()

        def drawText(self, aTextObject: Any) -> None:  # noqa: N802, N803 - reportlab's names
            super().drawText(aTextObject)
            # A paragraph with a link or an underline hands its text object a method bound to
            # the text object itself (reportlab's `_do_line`), used only while the paragraph
            # is drawn: written, the text object lets go of it. Left in that cycle, it would
            # keep the canvas and the whole document until the cycle collector's next pass.
            aTextObject.__dict__.pop("_do_line", None)

        def save(self) -> None:
            total = len(self._saved)
            self._doc.pageCounter -= total  # the pages are now added for real, from the first
            for state in self._saved:
                self.__dict__.update(state)
                self._decorate(total)
                if SHOW_QUICKLY and not self._cropMarks:
                    _show_page(self)
                else:
                    super().showPage()
            if self.page_flate is not None:
                deflate_pages(self._doc, self.page_flate)
            super().save()

        def _decorate(self, total: int) -> None:
            width, height = self._pagesize or pagesize
            if watermark:
                draw_watermark(self, watermark, width, height)
            self.saveState()
            self.setFont(FONT, 8)
            self.setFillColor(GREY)
            self.setStrokeColor(LIGHT)
            # A footer of two lines (approved minutes: digest, then the audit chain) rises.
            lines = footer_left.split("\n")
            rise = 3.5 * mm * (len(lines) - 1)
            self.line(MARGIN, 12 * mm + rise, width - MARGIN, 12 * mm + rise)
            number = _("Page {page} / {total}").format(page=self._pageNumber, total=total)
            for n, text in enumerate(lines):
                # A footer never runs into the page number nor off the page.
                room = width - 2 * MARGIN - (stringWidth(number, FONT, 8) + 8 * mm if n == 0 else 0)
                y = 8 * mm + rise - 3.5 * mm * n
                self.drawString(MARGIN, y, fit_line(printed(text), FONT, 8, room))
            self.drawRightString(width - MARGIN, 8 * mm, number)
            self.restoreState()

    return NumberedCanvas


def footer_line(*parts: str | None) -> str:
    """The parts of a footer joined by « — », each said once: the plenary council often bears
    the council's own name (« Conseil de l'ESS de Lyon », not twice)."""
    seen: list[str] = []
    for part in parts:
        if part and part.strip() and part.strip().casefold() not in (s.casefold() for s in seen):
            seen.append(part.strip())
    return " — ".join(seen)


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
    *,
    invariant: bool = False,
) -> Path:
    """Lay out `story` on A4 pages (or `pagesize`, e.g. landscape(A4)) and write it atomically
    to `path`. `invariant`: no creation date nor random identifier in the file, so that the same
    content gives the same bytes (a publication folder made twice)."""
    path = Path(path)
    with atomic_path(path) as tmp:
        render_pdf(str(tmp), story, meta, pagesize, invariant=invariant)
    return path


def render_pdf(
    target: str | BinaryIO,
    story: Sequence[Flowable],
    meta: Metadata,
    pagesize: tuple[float, float] = A4,
    *,
    invariant: bool = False,
) -> None:
    """Lay out `story` into `target` (a file name or a binary stream)."""
    register_fonts()
    doc = document(target, meta, pagesize)
    if invariant:
        doc.invariant = 1
    built(doc, list(story), _numbered_canvas(meta.footer, meta.watermark, pagesize))


def built(doc: BaseDocTemplate, story: list[Flowable], canvasmaker: Any) -> None:
    """`doc.build(story, canvasmaker=…)`, after which the template lets go of its canvas.
    reportlab's template is in reference cycles of its own and keeps its canvas: the canvas,
    and the whole PDF document it wrote, would wait for the cycle collector's next pass
    (with `NumberedCanvas`'s own cycles broken, nothing else keeps them). The words' widths
    measured for the document (`paragraph_lines._WIDTHS`) are forgotten when it starts and when
    it ends, failed or not."""
    paragraph_lines.forget_widths()
    try:
        doc.build(story, canvasmaker=canvasmaker)
    finally:
        doc.__dict__.pop("canv", None)
        paragraph_lines.forget_widths()


class _BodyFrame(QuickFrame):
    """reportlab's Frame (its attributes set without its Python `__setattr__`, and copied
    without `__reduce_ex__`: `platypus_asks.QuickFrame`), with two answers given by its class
    that a Frame gives by raising AttributeError from its `__getattr__` (1-3 µs each time, 500
    times a pack): no content generated for it yet (`_generated_content`, asked before each flowable; what platypus
    generates is still put on the frame itself and taken off it), and that it is the last frame
    of its page (`lastFrame`, asked at each page's end: it is its page template's only one)."""

    _generated_content = None
    lastFrame = True


def document(
    target: str | BinaryIO, meta: Metadata, pagesize: tuple[float, float] = A4
) -> BaseDocTemplate:
    """The page layout every document shares: margins, one body frame, the PDF's metadata."""
    register_fonts()
    doc = QuickDocTemplate(
        target,
        pagesize=pagesize,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=18 * mm,
        title=typeset(meta.title),
        author=typeset(meta.author),
        subject=typeset(meta.subject),
        creator=f"ESS Desk {__version__}",
        lang="fr-FR" if language() == "fr" else "en-GB",
        # reportlab starts every page in Helvetica, named but never embedded (which PDF/A
        # checks reject): the pages start in the embedded font instead.
        initialFontName=FONT,
    )
    # No inner padding: the builders' tables are as wide as A4 less the margins (174 mm).
    frame = _BodyFrame(
        doc.leftMargin,
        doc.bottomMargin,
        doc.width,
        doc.height,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    return doc


def heading(text: str, level: int = 0) -> list[Flowable]:
    """A section heading with its bookmark."""
    st = styles()
    return [Bookmark(text, level), Paragraph(escape(text), st.h1 if level == 0 else st.h2)]


def escape(text: str) -> str:
    """Text for a reportlab Paragraph (which reads a little XML), set in French typography."""
    from xml.sax.saxutils import escape as xml_escape

    return xml_escape(typeset(text or ""))


def paragraphs(text: str, style: ParagraphStyle | None = None) -> list[Paragraph]:
    st = style or styles().body
    return [
        Paragraph(escape(p).replace("\n", "<br/>"), st)
        for p in (text or "").split("\n\n")
        if p.strip()
    ]


def pdf_bytes(
    story: Sequence[Flowable], meta: Metadata, pagesize: tuple[float, float] = A4
) -> bytes:
    """The same layout as `build_pdf`, in memory (a letter attached to a message)."""
    import io

    register_fonts()
    buffer = io.BytesIO()
    doc = document(buffer, meta, pagesize)
    built(doc, list(story), _numbered_canvas(meta.footer, meta.watermark, pagesize))
    return buffer.getvalue()
