"""Text on a PDF page is text its embedded font can draw, in the order its reader reads it.

- Arabic letters take their joined forms (arabic-reshaper: reportlab draws one glyph per
  character and would print each letter alone);
- a right-to-left run (Hebrew, Arabic, in a name or a decision) is put in visual order line by
  line, after the line breaking, by the Unicode bidirectional algorithm (UAX #9, python-bidi):
  the words of « שלום עולם » are read from the right, as on the screen;
- a character the font lacks (Chinese, most emoji, a private sign) becomes one visible mark,
  U+FFFD « � » (the replacement character), never an empty box and never an error; an emoji
  made of several characters (skin tone, ZWJ family, flag) becomes one mark. Invisible format
  characters the font lacks are left out.

`drawable(text, font)` runs before a text is measured (Paragraph fragments, TextCell parts,
footers); `visual(line)` when a line is drawn. `install()` puts both where reportlab measures
and writes text, so that no path of the builders can miss them.
"""

from __future__ import annotations

import contextlib
import re
import unicodedata
from collections.abc import Iterator
from contextvars import ContextVar
from functools import cache
from typing import Any, cast

MARK = "\ufffd"
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]")
# A run of Arabic words: reshaped alone, so that the reshaper never touches what surrounds it
# (it drops the joiners of an emoji family).
_ARABIC_RUN = re.compile(
    "[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]+(?:[ \u00a0]+[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]+)*"
)
# Characters of the strong right-to-left classes (R, AL) and the controls that open an RTL run.
_RTL = re.compile(
    "[\u0590-\u08ff\u200f\u202b\u202e\u2067\ufb1d-\ufdff\ufe70-\ufefc"
    "\U00010800-\U00010fff\U0001e800-\U0001efff]"
)
_KEEP = "\t\n\r"  # white space the layout handles itself
_BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
_ZWJ = "\u200d"
_CONTROL_RUN = re.compile(f"[{''.join(sorted(_BIDI_CONTROLS))}]+")
# Either of them (`_RTL`'s characters and the controls in one class): one search of a line
# instead of two (each line of a Paragraph is checked before it is written).
_RTL_OR_CONTROL = re.compile(f"[{_RTL.pattern[1:-1]}{''.join(sorted(_BIDI_CONTROLS))}]")


@cache
def covered(font_name: str) -> frozenset[str]:
    """The characters `font_name` (a registered TrueType font) has a glyph for."""
    from reportlab.pdfbase import pdfmetrics

    font = pdfmetrics.getFont(font_name)
    face = getattr(font, "face", None)
    if face is None or not hasattr(face, "charToGlyph"):  # a standard font: Latin-1 only
        return frozenset(map(chr, range(32, 256)))
    return frozenset(chr(code) for code, glyph in face.charToGlyph.items() if glyph)


def _continues_cluster(char: str) -> bool:
    """A character that belongs to the cluster before it (an accent, a joiner, a selector, a
    skin tone, a tag): it follows a mark into nothing rather than make a second one."""
    code = ord(char)
    return (
        char == _ZWJ
        or unicodedata.category(char) in ("Mn", "Me", "Mc")
        or 0xFE00 <= code <= 0xFE0F
        or 0xE0100 <= code <= 0xE01EF
        or 0xE0020 <= code <= 0xE007F
        or 0x1F3FB <= code <= 0x1F3FF
    )


def _regional(char: str) -> bool:
    return 0x1F1E6 <= ord(char) <= 0x1F1FF


def _replace(text: str, missing: set[str]) -> str:
    out: list[str] = []
    in_mark = False  # the last thing written is a mark whose cluster may go on
    after_joiner = False
    flag_half = False
    for char in text:
        if in_mark and (
            _continues_cluster(char) or after_joiner or (flag_half and _regional(char))
        ):
            after_joiner = char == _ZWJ
            flag_half = False
            continue
        in_mark = after_joiner = flag_half = False
        if char not in missing or char in _KEEP or char in _BIDI_CONTROLS:
            out.append(char)
            continue
        category = unicodedata.category(char)
        if category == "Zs":
            out.append(" ")  # a space the font lacks is still a space
        elif category in ("Cc", "Cf") or _continues_cluster(char):
            continue  # invisible: a control or format character, a lone selector
        else:
            out.append(MARK)
            in_mark = True
            flag_half = _regional(char)
    return "".join(out)


def drawable(text: str, font_name: str) -> str:
    """`text` as `font_name` can draw it: Arabic joined, characters it lacks marked (see the
    module's docstring). Applying it twice changes nothing more."""
    if not text:
        return text
    if _ARABIC.search(text):
        text = _ARABIC_RUN.sub(_reshaped, text)
    glyphs = covered(font_name)
    if glyphs.issuperset(text):  # (nearly always: looked at without a set of the text made)
        return text
    missing = set(text).difference(glyphs)
    return _replace(text, missing) if missing else text


def _reshaped(run: re.Match[str]) -> str:
    import arabic_reshaper

    return arabic_reshaper.reshape(run.group())


# The direction of the paragraph whose lines are being drawn ("L", "R"), or None: each line
# then takes its own (a canvas string, a footer).
_direction: ContextVar[str | None] = ContextVar("paragraph_direction", default=None)


def right_to_left(text: str) -> bool:
    """A paragraph whose first strong character is right-to-left (UAX #9, rules P2-P3)."""
    if not _RTL.search(text):
        return False
    from bidi import get_base_level

    return get_base_level(text) == 1


@contextlib.contextmanager
def paragraph_direction(rtl: bool) -> Iterator[None]:
    """Draw the lines of the block in a paragraph of that direction (each line alone would
    take the direction of its own first word)."""
    token = _direction.set("R" if rtl else "L")
    try:
        yield
    finally:
        _direction.reset(token)


def left_to_right_only(line: str) -> bool:
    """A line `visual` leaves as it is: no right-to-left character, no direction control."""
    return not _RTL_OR_CONTROL.search(line)


def visual(line: str) -> str:
    """One line in the order it is drawn, from left to right (UAX #9, rules L1-L4): right-to-left
    runs reversed and their brackets mirrored (« (חבר) » keeps its parentheses the right way
    round), in the direction of its paragraph when one is being drawn; the invisible direction
    controls left out."""
    if not _RTL.search(line):
        return _CONTROL_RUN.sub("", line) if _CONTROL_RUN.search(line) else line
    from bidi import get_base_level, get_display

    direction = _direction.get()
    levels = _levels(line, direction)
    if levels is None:  # a library that no longer describes its levels: reversed, not mirrored
        return get_display(line, base_dir=direction)
    base = {"L": 0, "R": 1}.get(direction or "")
    return _reordered(line, levels, get_base_level(line) if base is None else base)


_LEVEL = re.compile(r"Level\(\s*(\d+),?\s*\)")


def _levels(line: str, direction: str | None) -> list[int] | None:
    """The embedding level of each character of `line` as the bidirectional algorithm resolves
    it (rules up to I2: the reordering library's description, which gives one per UTF-8 byte)."""
    from bidi import get_display

    described = get_display(line, base_dir=direction, debug=True)
    block = described.partition("levels:")[2].partition("]")[0]
    per_byte = [int(level) for level in _LEVEL.findall(block)]
    if len(per_byte) != len(line.encode()):
        return None
    levels: list[int] = []
    position = 0
    for char in line:
        levels.append(per_byte[position])
        position += len(char.encode())
    return levels


def _reordered(line: str, levels: list[int], base: int) -> str:
    from bidi.mirror import MIRRORED

    levels = list(levels)
    for n in range(len(line) - 1, -1, -1):  # L1: white space at the end of the line
        if not line[n].isspace() and line[n] not in _BIDI_CONTROLS:
            break
        levels[n] = base
    items = list(zip(line, levels, strict=True))
    odd = [level for level in levels if level % 2]
    if odd:
        for level in range(max(levels), min(odd) - 1, -1):  # L2: reverse the runs, highest first
            n = 0
            while n < len(items):
                if items[n][1] < level:
                    n += 1
                    continue
                end = n
                while end < len(items) and items[end][1] >= level:
                    end += 1
                items[n:end] = reversed(items[n:end])
                n = end
    return "".join(  # L4: mirrored in a right-to-left run; the controls are not drawn (X9)
        MIRRORED.get(char, char) if level % 2 else char
        for char, level in items
        if char not in _BIDI_CONTROLS
    )


@cache
def _parser_parts() -> tuple[Any, Any, Any, Any]:
    """What `plain_fragments` takes from reportlab's parser: its font names' mapping both ways,
    the text transform `Paragraph._setup` applies, and its fragment class."""
    from reportlab.lib.fonts import ps2tt, tt2ps
    from reportlab.platypus import paragraph
    from reportlab.platypus.paraparser import ParaFrag

    # (textTransformFrags: reportlab's, which its stubs leave out)
    return ps2tt, tt2ps, cast(Any, paragraph).textTransformFrags, ParaFrag


# A paragraph's whole text in bold or in italic, plain inside (« <b>Actions décidées</b> »).
_ONE_TAG = re.compile(r"<([bi])>([^<&]+)</\1>")


def plain_fragments(text: Any, style: Any, cleaner: Any) -> tuple[str, list] | None:
    """The fragments reportlab's parser makes of a paragraph's text without markup (no « < »,
    no « & »: most of a pack's paragraphs are escaped plain text), or of plain text all in one
    « <b> » or « <i> », made without its parser: the one fragment `ParaParser` gives
    (`_initial_frag` of the style, copied by `handle_data`, in bold or italic under its tag),
    cleaned and transformed as `Paragraph._setup` does, with the cleaned text. None for any
    other text, left to the parser (an empty one gives no fragment)."""
    if type(text) is not str or "&" in text:
        return None
    data = cleaner(text)
    if not data:
        return None
    tag, shown = "para", data
    if "<" in data:
        one = _ONE_TAG.fullmatch(data)
        if one is None or not one.group(2).strip():
            return None
        tag, shown = one.groups()
    ps2tt, tt2ps, transform, fragment = _parser_parts()
    frag = fragment()
    frag.rise = 0
    frag.greek = 0
    frag.link = []
    try:
        frag.fontName, frag.bold, frag.italic = ps2tt(style.fontName)
        if tag == "b":
            frag.bold = 1
        elif tag == "i":
            frag.italic = 1
        font_name = tt2ps(frag.fontName, frag.bold, frag.italic)
    except ValueError:
        return None  # (the parser says which style or font)
    frag.fontSize = style.fontSize
    frag.textColor = style.textColor
    frag.us_lines = []
    frag.__tag__ = tag
    frag.fontName = font_name
    frag.text = shown
    frags = [frag]
    transform(frags, style)
    return data, frags


def install() -> None:
    """Measure and draw every text through `drawable` and `visual`: a Paragraph's fragments
    when it is parsed, and every string reportlab writes on a page (lines of Paragraphs and
    TextCells, canvas strings), whatever builder made it."""
    from reportlab.lib.enums import TA_LEFT, TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase.ttfonts import ShapedStr
    from reportlab.pdfgen.textobject import PDFTextObject
    from reportlab.platypus.paragraph import Paragraph

    # reportlab's own methods, wrapped: its stubs know neither these private names nor that
    # a class's methods may be replaced.
    paragraph_class: Any = Paragraph
    text_class: Any = PDFTextObject
    if getattr(paragraph_class._setup, "_ess_desk", False):
        return
    setup = paragraph_class._setup
    draw = paragraph_class.draw
    split = paragraph_class.split
    format_text = text_class._formatText

    def _setup(  # noqa: N803 - reportlab's names
        self: Any, text: Any, style: Any, bulletText: Any, frags: Any, cleaner: Any
    ) -> None:
        if frags is not None:
            setup(self, text, style, bulletText, frags, cleaner)
            return  # the fragments of a Paragraph already set up (a split)
        parsed = plain_fragments(text, style, cleaner)
        if parsed is None:
            setup(self, text, style, bulletText, frags, cleaner)
        else:  # (what reportlab's _setup does with the text and fragments of its parser)
            setup(self, parsed[0], style, bulletText, parsed[1], cleaner)
        plain = "".join(getattr(f, "text", "") or "" for f in self.frags)
        self._rtl = right_to_left(plain)
        if self._rtl and self.style.alignment == TA_LEFT:
            # An Arabic or Hebrew paragraph is set against the right margin.
            self.style = ParagraphStyle(f"{self.style.name}_rtl", self.style, alignment=TA_RIGHT)
        for frag in self.frags:
            if getattr(frag, "text", None):
                frag.text = drawable(frag.text, frag.fontName)
        if isinstance(self.bulletText, str):
            self.bulletText = drawable(self.bulletText, style.bulletFontName)

    def _draw(self: Any) -> None:
        # (`paragraph_direction`, without a generator per paragraph)
        token = _direction.set("R" if getattr(self, "_rtl", False) else "L")
        try:
            draw(self)
        finally:
            _direction.reset(token)

    def _split(self: Any, available_width: float, available_height: float) -> list[Any]:
        parts = split(self, available_width, available_height)
        for part in parts:  # the pages of a paragraph keep its direction
            part._rtl = getattr(self, "_rtl", False)
        return parts

    def _formatText(self: Any, text: Any) -> Any:  # noqa: N802 - reportlab's name
        if text and not isinstance(text, ShapedStr):
            text = visual(drawable(text, self._fontname))
        return format_text(self, text)

    setattr(_setup, "_ess_desk", True)  # noqa: B010 - a mark on a function
    paragraph_class._setup = _setup
    paragraph_class.draw = _draw
    paragraph_class.split = _split
    text_class._formatText = _formatText
