"""A Paragraph of one plain fragment (the convocation's, the agenda's, most of the minutes') broken
into lines without reportlab's general loop; a Paragraph's lines written without reportlab's
steps around each.

reportlab's `Paragraph.breakLines` goes through a paragraph's words one at a time, ready for
soft hyphens, hyphenation, forced splits and words wider than a line at each of them (a pack's
3,000 words, about 7 ms). With one fragment, no hyphenation (our styles ask for none), no soft
hyphen in the text and no word wider than its line, none of that happens: `_simple_lines` then
breaks the words where reportlab's loop does, with the same sums in the same order (the same
widths, to the last bit), and gives the same lines. Any other paragraph, or as soon as a word
would need more than that, goes through reportlab's loop from the start.

Before all that, reportlab cleans a paragraph's text (`cleanBlockQuotedText`: its lines, each
stripped, split at white space and joined again) and `breakLines` splits it into words again:
a text that is already words between single spaces, with nothing to strip at either end (nearly
every text of a pack, escaped and typeset), comes out of the cleaning as it went in and is split
at its spaces (`plain_spaced`); any other text goes through both as before.

Each line of a Paragraph goes through `PDFTextObject._textOut`, then our `_formatText` (which
makes it drawable and puts it in visual order: `scripts.install`), then reportlab's, which looks
the font up, saves and restores the text object's state and codes the line. A line of left to
right text only in an embedded TrueType font (nearly all) is made drawable and coded directly
(`_text_out`): the same operators, the same subset switches; any other through reportlab's way.
A paragraph of one plain fragment set left, centred or right whose lines are all such lines is
drawn whole in the same way (`_plain_draw`): the operators reportlab's `drawPara` writes, without
its text object.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.rl_accel import fp_str, instanceStringWidthTTF
from reportlab.pdfbase.pdfmetrics import getAscentDescent, getFont
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.textobject import PDFTextObject
from reportlab.platypus import paragraph as _paragraph
from reportlab.platypus.paraparser import ParaFrag

from ess_desk.documents import scripts

# reportlab's paragraph module: its private names (`strip`, `split`) are not in its stubs.
paragraph: Any = _paragraph

# A TrueType font's `stringWidth`, and the C function it calls.
_TTF_WIDTH: Any = TTFont.stringWidth
_width_of: Any = instanceStringWidthTTF

# The soft hyphen, where reportlab's loop may cut a word.
_SHY = "\xad"

# What reportlab strips from the ends of a paragraph's lines (the no-break spaces among it).
_WHITE: str = paragraph._wsc
# Where our word splitter (`style._split_words`, given to `install`) breaks other than at a plain
# space: the other breaking white space (`style._BREAKING_SPACE` less « »), or a second space.
_NOT_JUST_SPACES = re.compile(
    "[\t\n\x0b\x0c\r\x1c-\x1f\x85\u1680\u2000-\u2006\u2008-\u200b\u2028\u2029\u205f\u3000]| {2}"
)
_SPLITTER: list[Callable[..., list[str]]] = []  # our word splitter, once installed


def plain_spaced(text: str) -> bool:
    """Whether `text` is words between single spaces with no white space at either end: what
    reportlab's cleaning gives back as it is, and our splitter splits at each space."""
    return (
        bool(text)
        and text[0] not in _WHITE
        and text[-1] not in _WHITE
        and not _NOT_JUST_SPACES.search(text)
    )


def _words(text: str) -> list[str]:
    """`paragraph.split(text)` (the splitter in place), at each space when that is the same."""
    split = paragraph.split
    if _SPLITTER and split is _SPLITTER[0] and plain_spaced(text):
        return text.split(" ")
    return split(text)


def _plain_fragment(self: Any) -> Any:
    """The paragraph's one fragment when its lines may be broken by `_simple_lines`, else None:
    the conditions under which reportlab's loop takes its one-fragment branch, with no
    hyphenation, no bullet and no bidirectional wrapping asked for."""
    style = self.style
    frags = self.frags
    if (
        len(frags) != 1
        or self.bulletText
        or style.wordWrap
        or style.shaping
        or style.endDots
        or getattr(style, "hyphenationLang", "")
        or style.uriWasteReduce
        or style.embeddedHyphenation
    ):
        return None
    frag = frags[0]
    if (
        type(frag) is not ParaFrag
        or hasattr(frag, "cbDefn")
        or hasattr(frag, "backColor")
        or type(getattr(frag, "text", None)) is not str
    ):
        return None
    return frag


# The widths of the words measured in the document being built, by font, size and encoding:
# a pack's paragraphs say « de », « la », « conseil » thousands of times (about half of their
# words were measured already). Forgotten when a document starts and when it ends
# (`forget_widths`, called by `style.built`), so that no document finds the words another
# measured. (A document built meanwhile on another thread may find or forget some of them: a
# word's width is its font's, the same in any document.)
_WIDTHS: dict[tuple[Any, float, str], dict[str, float]] = {}
_KEPT = 50_000  # words a font and size keep at most (a paragraph wrapped outside a build)


def forget_widths() -> None:
    """Forget the words' widths measured so far."""
    _WIDTHS.clear()


def _ttf_widths(font: Any, words: list[str], font_size: float, encoding: str) -> list[float]:
    """`font.stringWidth(word, font_size, encoding)` of each word, for a TrueType font whose
    `stringWidth` is the class's: the C function it calls, each word measured once (`_WIDTHS`)."""
    key = (font, font_size, encoding)
    known = _WIDTHS.get(key)
    if known is None or len(known) > _KEPT:
        known = _WIDTHS[key] = {}
    widths = list(map(known.get, words))
    if None in widths:
        for n, word in enumerate(words):
            if widths[n] is None:
                width = known.get(word)
                if width is None:
                    width = known[word] = _width_of(font, word, font_size, encoding)
                widths[n] = width
    return widths  # type: ignore[return-value]


def _simple_lines(self: Any, width: Any) -> Any:
    """`Paragraph.breakLines(width)` for a paragraph of one plain fragment (see the module's
    docstring), or None when reportlab's loop is needed."""
    frag = _plain_fragment(self)
    if frag is None:
        return None
    text = paragraph.strip(frag.text)
    if not text or _SHY in text:
        return None
    max_widths = list(width) if isinstance(width, (tuple, list)) else [width]
    font_name, font_size = frag.fontName, frag.fontSize
    font: Any = getFont(font_name)
    measure = font.stringWidth
    encoding = self.encoding
    words = _words(text)
    if type(font).stringWidth is _TTF_WIDTH and "stringWidth" not in vars(font):
        widths = _ttf_widths(font, words, font_size, encoding)
    else:
        widths = [measure(word, font_size, encoding) for word in words]
    space = measure(" ", font_size, encoding)
    shrink = self.style.spaceShrinkage * space
    last = len(max_widths) - 1
    lineno = 0
    max_width = max_widths[0]
    widest: float = 0  # (an int while no line is wider, as reportlab's)
    lines: list[tuple[float, list[str]]] = []
    line: list[str] = []
    current = -space  # (reportlab's way of leaving out the space before the first word)
    for word, word_width in zip(words, widths, strict=True):
        new = current + space + word_width
        if new <= max_width + shrink * len(line):
            line.append(word)
            current = new
            continue
        if word_width > max_widths[min(lineno, last)] and self.style.splitLongWords:
            return None  # a word wider than its line: reportlab cuts it
        if not line:  # (alone on its line, whatever its width)
            line.append(word)
            current = new
            continue
        if current > widest:
            widest = current
        lines.append((max_width - current, line))
        line = [word]
        current = word_width
        lineno += 1
        max_width = max_widths[min(last, lineno)]
    if line:
        if current > widest:
            widest = current
        lines.append((max_width - current, line))
    self._width_max = widest
    self.height = 0
    self._splitLongWordCount = self._hyphenations = 0
    ascent, descent = getAscentDescent(font_name, font_size)
    return frag.clone(kind=0, lines=lines, ascent=ascent, descent=descent, fontSize=font_size)


def _text_out(tx: Any, text: Any, t_star: Any) -> bool:
    """`tx._textOut(text, t_star)` for left to right text in an embedded TrueType font: the
    operators reportlab's `_formatText` writes of `scripts.drawable(text)` (what `visual` leaves
    of it as it is), then « T* » when asked. False, having written nothing, for any other."""
    if type(text) is not str or not text or not scripts.left_to_right_only(text):
        return False
    font: Any = getFont(tx._fontname)  # (a TTFont once `_dynamicFont`: not in the stubs)
    if not getattr(font, "_dynamicFont", False):
        return False
    canv = tx._canvas
    doc = canv._doc
    parts = []
    switch = None
    for subset, data in font.splitString(scripts.drawable(text, tx._fontname), doc):
        if subset != tx._curSubset:
            if switch is None:
                switch = f"{fp_str(tx._fontsize)} Tf {fp_str(tx._leading)} TL"
            parts.append(f"{font.getSubsetInternalName(subset, doc)} {switch}")
            tx._curSubset = subset
        parts.append(f"({canv._escape(data)}) Tj")
    if t_star:
        parts.append("T*")
    tx._code.append(" ".join(parts))
    return True


class _Written:
    """A text object already written: what `Canvas.drawText` asks of one."""

    def __init__(self, code: str) -> None:
        self.code = code

    def getCode(self) -> str:  # noqa: N802 - reportlab's name
        return self.code


def _line_texts(lines: list[tuple[float, list[str]]]) -> list[tuple[str, Any, Any]] | None:
    """Each line's text, its room left and the word space reportlab's `_…DrawParaLine` set for
    it (a line kept by shrinking its spaces: its room left, less than none, shared among them;
    else None), or None when a line is empty or not left to right only (`_text_out` leaves
    those)."""
    texts = []
    for extra, words in lines:
        text = " ".join(words)
        if not text or not scripts.left_to_right_only(text):
            return None
        spaces = len(words) + text.count("\xa0") - 1
        space = extra / float(spaces) if extra <= -1e-8 and spaces > 0 else None
        texts.append((text, extra, space))
    return texts


class _Cursor:
    """Where a text object's lines start, moved as reportlab's text object moves them (its
    own `moveCursor`, which merges a move with the one just before it)."""

    setXPos = PDFTextObject.setXPos  # noqa: N815 - reportlab's name
    moveCursor = PDFTextObject.moveCursor  # noqa: N815

    def __init__(self, code: list[str]) -> None:
        self._code = code
        self._x0 = self._x = self._y0 = self._y = 0


def _line_start(extra: float, word_space: Any, alignment: Any) -> float:
    """How far reportlab's `_leftDrawParaLine`, `_centerDrawParaLine` or `_rightDrawParaLine`
    moves a line's start (the paragraph's first line not indented)."""
    if alignment == TA_LEFT or word_space is not None:
        return 0
    return 0.5 * extra if alignment == TA_CENTER else extra


def _write_lines(
    canv: Any,
    font: Any,
    name: str,
    switch: str,
    alignment: Any,
    texts: list[tuple[str, Any, Any]],
    code: list[str],
) -> None:
    """Each of `texts` (`_line_texts`) as reportlab's `_…DrawParaLine` writes it with
    `_text_out` in the paragraph's font (`name`, its size and leading in `switch`) and
    `alignment`, appended to `code`: its word space if it has one, the move to its start, the line
    and « T* », the word space set back to 0, the move back. A line whose characters all have
    their code in the first subset of the document's font already (most, once the first lines
    are written) is translated at once into its escaped codes (the document's table,
    `style._codes`), any other goes through the font's `splitString`, which gives new
    characters their codes."""
    doc = canv._doc
    codes, no_code = _FROM_STYLE["codes"], _FROM_STYLE["no_code"]
    table = codes(canv, name)
    current = -1
    cursor = _Cursor(code)
    for line, extra, word_space in texts:
        if word_space is not None:
            code.append(f"{fp_str(word_space)} Tw")
        start = _line_start(extra, word_space, alignment)
        paragraph.setXPos(cursor, start)
        text = scripts.drawable(line, name)
        try:
            if table is None or "\n" in text:
                raise no_code
            shown = text.translate(table)
        except no_code:
            parts = []
            for subset, data in font.splitString(text, doc):
                if subset != current:
                    parts.append(f"{font.getSubsetInternalName(subset, doc)} {switch}")
                    current = subset
                parts.append(f"({canv._escape(data)}) Tj")
            parts.append("T*")
            code.append(" ".join(parts))
            table = codes(canv, name)  # (with the codes just given)
        else:
            head = f"{font.getSubsetInternalName(0, doc)} {switch} " if current else ""
            code.append(f"{head}({shown}) Tj T*")
            current = 0
        if word_space is not None:
            code.append("0 Tw")
        paragraph.setXPos(cursor, -start)


def _plain_draw(self: Any) -> bool:
    """`Paragraph.drawPara()` for a paragraph of one plain fragment set left, centred or right
    (most of a pack's): the same operators, written without a text object and without
    reportlab's steps around each line (`_write_lines`). False, having written nothing, for any
    other: justified, a bullet, a background or border, an indented first line, lines moved by
    offsets (text around an image), a link, an underline, a preformatted paragraph, text that is
    not left to right only, a font that is not an embedded TrueType, a canvas drawn top down."""
    style = self.style
    para = self.blPara
    if (
        para.kind != 0
        or not para.lines
        or style.alignment not in _ALIGNED
        or self.bulletText
        or style.wordWrap
        or style.firstLineIndent
        or style.backColor
        or (getattr(style, "borderColor", None) and getattr(style, "borderWidth", None))
        or getattr(self, "_offsets", None) is not None
        or para.us_lines
        or para.link
        or "preformatted" in type(self).__name__.lower()
    ):
        return False
    canv = self.canv
    font: Any = getFont(para.fontName)
    if not getattr(font, "_dynamicFont", False) or not canv.bottomup:
        return False
    texts = _line_texts(para.lines)
    if not texts:
        return False
    leading = style.leading
    auto = getattr(self, "autoLeading", getattr(style, "autoLeading", ""))
    if auto == "max":
        leading = max(leading, para.ascent - para.descent)
    elif auto == "min":
        leading = para.ascent - para.descent
    size = para.fontSize
    top = size if paragraph.paraFontSizeHeightOffset else getattr(para, "ascent", size)
    code = ["BT", f"1 0 0 1 {fp_str(style.leftIndent, self.height - top)} Tm"]
    switch = f"{fp_str(size)} Tf {fp_str(leading)} TL"
    _write_lines(canv, font, para.fontName, switch, style.alignment, texts, code)
    code.append("ET")
    canv.saveState()
    _FROM_STYLE["set_color"](canv, para.textColor, True)
    canv.drawText(_Written(" ".join(code)))
    canv.restoreState()
    return True


_ALIGNED = (TA_LEFT, TA_CENTER, TA_RIGHT)


# What `_plain_draw` takes from style.py (which installs this module), once installed:
# `codes(canvas, font name)`, the document's table of the escaped codes of the font's first
# subset (None when there is none yet), and `no_code`, the exception it raises for a character
# without one; `set_color(canvas, colour, True)`, `canvas.setFillColor(colour)`.
_FROM_STYLE: dict[str, Any] = {}


def install(splitter: Callable[..., list[str]], **from_style: Any) -> None:
    """Break the lines of one-fragment paragraphs through `_simple_lines`, write lines through
    `_text_out`, draw plain paragraphs through `_plain_draw`, leave plain spaced texts as they
    are to reportlab's cleaning (once); `splitter`: our word splitter, which reportlab's
    paragraph module calls `split`; `from_style`: `_FROM_STYLE`."""
    paragraph_class: Any = paragraph.Paragraph
    break_lines = paragraph_class.breakLines
    if getattr(break_lines, "_ess_desk", False):
        return
    _SPLITTER.append(splitter)
    _FROM_STYLE.update(from_style)
    clean = paragraph.cleanBlockQuotedText

    def _clean(text: Any, joiner: str = " ") -> Any:
        if (
            joiner == " "
            and type(text) is str
            and paragraph.split is splitter
            and plain_spaced(text)
        ):
            return text
        return clean(text, joiner)

    setattr(_clean, "_reportlab", clean)  # noqa: B010 - the slow way, for tests
    paragraph.cleanBlockQuotedText = _clean
    text_class: Any = PDFTextObject
    text_out = text_class._textOut

    def _textOut(self: Any, text: Any, TStar: Any = 0) -> None:  # noqa: N802, N803 - reportlab's
        if not _text_out(self, text, TStar):
            text_out(self, text, TStar)

    text_class._textOut = _textOut

    def _break_lines(self: Any, width: Any) -> Any:  # noqa: N802 - reportlab's name
        lines = _simple_lines(self, width)
        return lines if lines is not None else break_lines(self, width)

    draw_para = paragraph_class.drawPara

    def _draw_para(self: Any, debug: Any = 0) -> None:  # noqa: N802 - reportlab's name
        if debug or not _plain_draw(self):
            draw_para(self, debug)

    paragraph_class.drawPara = _draw_para
    setattr(_break_lines, "_ess_desk", True)  # noqa: B010 - a mark on a function
    setattr(_break_lines, "_reportlab", break_lines)  # noqa: B010 - the slow way, for tests
    paragraph_class.breakLines = _break_lines
