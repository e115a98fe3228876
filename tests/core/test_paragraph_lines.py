"""A Paragraph of one plain fragment is broken into lines by `paragraph_lines` without
reportlab's general loop: the same lines (words and room left, to the bit), the same widest line
and the same page as reportlab's loop gives, for any text, style and width. Its lines are written
by `_text_out`: the same operators as reportlab's `_textOut`, whatever the text; a plain
paragraph set left is drawn by `_plain_draw`: reportlab's operators, canvas state and font codes,
whatever else reportlab reads of the paragraph and its canvas. A text of words
between single spaces is left as it is by reportlab's cleaning and split at its spaces
(`plain_spaced`): what the cleaning and our splitter give."""

from __future__ import annotations

import contextlib
import io
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph

from ess_desk.documents import paragraph_lines
from ess_desk.documents.style import FONT_BOLD, register_fonts, styles
from tests.documents import invariant_pdf


@contextlib.contextmanager
def _reportlab_only() -> Iterator[None]:
    """Every paragraph's lines broken and written through reportlab's ways."""
    fast, writer, spaced, drawer = (
        paragraph_lines._simple_lines,
        paragraph_lines._text_out,
        paragraph_lines.plain_spaced,
        paragraph_lines._plain_draw,
    )
    paragraph_lines._simple_lines = lambda *args: None
    paragraph_lines._text_out = lambda *args: False
    paragraph_lines.plain_spaced = lambda text: False
    paragraph_lines._plain_draw = lambda para: False
    try:
        yield
    finally:
        paragraph_lines._simple_lines = fast
        paragraph_lines._text_out = writer
        paragraph_lines.plain_spaced = spaced
        paragraph_lines._plain_draw = drawer


def _lines(text: str, style: ParagraphStyle, width: float) -> tuple[Any, ...]:
    p = Paragraph(text, style)
    size = p.wrap(width, 10_000)
    blpara = p.blPara
    kept = {k: v for k, v in vars(blpara).items() if k != "lines"}
    lines = [
        (extra, list(words)) if isinstance(words, list) else repr(line)
        for line in blpara.lines
        for extra, words in [line if isinstance(line, tuple) else (None, line)]
    ]
    return size, lines, kept, p._width_max, type(blpara)


def _same(text: str, style: ParagraphStyle, width: float) -> None:
    ours = _lines(text, style, width)
    with _reportlab_only():
        theirs = _lines(text, style, width)
    assert ours == theirs


def _styles() -> list[ParagraphStyle]:
    register_fonts()
    s = styles()
    return [
        s.body,
        s.cell,
        s.h1,
        s.small,
        ParagraphStyle("bold", parent=s.body, fontName=FONT_BOLD),
        ParagraphStyle("indent", parent=s.cell, leftIndent=18, firstLineIndent=-6),
        ParagraphStyle("centred", parent=s.body, alignment=TA_CENTER),
        ParagraphStyle("right", parent=s.body, alignment=TA_RIGHT, rightIndent=12),
        ParagraphStyle("upper", parent=s.small, textTransform="uppercase"),
    ]


# (characters, and words that may be wider than a narrow line: cut by reportlab, or kept whole)
_TEXT = st.lists(
    st.sampled_from(
        list("abcdé ÉŒœß’«»—–-.,;:!?()\"' \n\t\xa0 0123456789שלוםعربي")
        + list("\u202f\u2009\xad\u200b中")
        + ["Rhône-Alpes", "anticonstitutionnellement", "xxxxxxxxxxxxxxxxxxxxxxxx", " "] * 3
    ),
    max_size=60,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(text=_TEXT, n=st.integers(0, 8), width=st.floats(8, 500))
def test_a_plain_paragraph_breaks_as_reportlab_breaks_it(text, n, width):
    _same(text, _styles()[n], width)


def test_lines_kept_by_shrinking_their_spaces_break_as_reportlab_breaks_them():
    """At widths a little under a line's natural width, where only the shrinkage of its spaces
    (reportlab's 5 % of a space each) keeps its last word on it, the lines are reportlab's: a
    random width seldom falls in that band of a tenth of a point."""
    sentence = "Le conseil se réunit le jeudi 12 juin à 18 h pour la séance"
    words = sentence.split(" ")
    for style in _styles()[:5]:
        space = stringWidth(" ", style.fontName, style.fontSize)
        shrink = style.spaceShrinkage * space
        assert shrink > 0
        indents = style.leftIndent + style.rightIndent + style.firstLineIndent
        for k in range(2, len(words)):
            natural = stringWidth(" ".join(words[:k]), style.fontName, style.fontSize)
            for step in range(-2, 2 * k + 2):
                _same(sentence, style, natural - step * shrink / 2 + indents)


def test_the_fast_way_is_taken_for_plain_text_and_left_for_the_rest():
    body = _styles()[0]
    p = Paragraph("Le conseil se réunit le jeudi 12 juin à 18 h.", body)
    assert paragraph_lines._simple_lines(p, [200.0, 200.0]) is not None
    # (its words measured by the C function itself)
    from reportlab.pdfbase.pdfmetrics import getFont

    assert type(getFont(body.fontName)).stringWidth is paragraph_lines._TTF_WIDTH
    # markup in several fragments, a soft hyphen, a word wider than its line, a bullet
    for text, style, width in [
        ("<b>gras</b> et maigre", body, 200.0),
        ("para\xadgraphe " * 20, body, 100.0),
        ("anticonstitutionnellement", body, 30.0),
        ("Un point", ParagraphStyle("bullet", parent=body, bulletText="•"), 200.0),
    ]:
        p = Paragraph(text, style)
        assert paragraph_lines._simple_lines(p, [width, width]) is None
        _same(text, style, width)


def test_paragraphs_split_and_drawn_give_the_same_pages():
    def pages() -> bytes:
        s = _styles()
        long = "Le conseil d’administration se réunit à l’hôtel de ville ; " * 120
        story = [
            Paragraph(text, style)
            for text in [
                "Ordre du jour",
                "Le budget — « 2027 » : 12\xa0%",
                "שלום עולם",
                "Le mot שלום dans une phrase, et (عربي) entre parenthèses",
                "",
                "Première ligne<br/>seconde ligne",
                "Rhône\xadAlpes " * 30,
                "x" * 400,
                long,
            ]
            for style in s
        ]
        return invariant_pdf(story)

    register_fonts()
    fast = pages()
    with _reportlab_only():
        slow = pages()
    assert fast == slow


# (Latin, the second subset's many letters, right to left, controls, what the font lacks)
_LINE = st.text(
    alphabet=st.sampled_from(
        list("abcé ÉŒœ’«»—–-.,;:!?()\\ 0123456789\xa0\u202f")
        + [chr(c) for c in range(0x391, 0x3C9)]
        + [chr(c) for c in range(0x410, 0x44F)]
        + list("שלוםعربي\u200e\u202b中😀")
    ),
    max_size=60,
)


@settings(max_examples=300, deadline=None)
@given(lines=st.lists(_LINE, max_size=8), t_star=st.booleans(), bold=st.booleans())
def test_lines_are_written_as_reportlab_writes_them(lines, t_star, bold):
    from reportlab.pdfgen.canvas import Canvas

    register_fonts()
    font = FONT_BOLD if bold else "DejaVuSans"
    codes = []
    for fast in (True, False):
        canv = Canvas(io.BytesIO())
        tx = canv.beginText(10, 20)
        tx.setFont(font, 9, 11)
        with contextlib.ExitStack() as stack:
            if not fast:
                stack.enter_context(_reportlab_only())
            for line in lines:
                tx._textOut(line, t_star)
        codes.append((list(tx._code), tx._curSubset))
    assert codes[0] == codes[1]


# (every kind of white space reportlab and our splitter know, and two spaces in a row)
_SPACED = st.lists(
    st.sampled_from(
        ["mot", "l’ESS", "12\u202f%", "a\xa0b", "é", " ", " ", " ", "  ", "\n", "\t", "\r"]
        + ["\xa0", "\u2007", "\u202f", "\u2009", "\u200b", "\u3000", "\x85", "\x1c", "\u2028"]
    ),
    max_size=20,
).map("".join)


@settings(max_examples=500, deadline=None)
@given(text=_SPACED)
def test_plain_spaced_texts_are_cleaned_and_split_as_reportlab_and_our_splitter_do(text):
    from reportlab.platypus import paragraph

    from ess_desk.documents import style

    register_fonts()
    clean = paragraph.cleanBlockQuotedText
    assert clean(text) == clean._reportlab(text)
    if paragraph_lines.plain_spaced(text):
        assert clean._reportlab(text) == text
        assert style._split_words(text) == text.split(" ")
    assert paragraph_lines._words(text) == style._split_words(text)


def test_the_splitters_white_space_is_the_styles():
    from ess_desk.documents import style

    for code in [*range(0x3100), 0xFEFF, 0x205F]:
        char = chr(code)
        breaking = char != " " and bool(style._BREAKING_SPACE.fullmatch(char))
        assert bool(paragraph_lines._NOT_JUST_SPACES.fullmatch(char)) == breaking, hex(code)


def test_the_words_widths_are_kept_for_one_document_only(monkeypatch):
    """A word is measured once in a document (`_WIDTHS`), with the width the font gives it; a
    document measures its words afresh (nothing kept from before it) and forgets them at its
    end."""
    body = _styles()[0]
    paragraph_lines.forget_widths()
    measured: list[str] = []
    measure = paragraph_lines._width_of

    def counted(font: Any, word: str, size: float, encoding: str) -> float:
        measured.append(word)
        return measure(font, word, size, encoding)

    monkeypatch.setattr(paragraph_lines, "_width_of", counted)
    Paragraph("le conseil et le bureau", body).wrap(300, 1000)
    Paragraph("le conseil", body).wrap(300, 1000)
    assert sorted(measured) == ["bureau", "conseil", "et", "le"]
    (kept,) = paragraph_lines._WIDTHS.values()
    assert kept == {w: stringWidth(w, body.fontName, body.fontSize) for w in measured}
    measured.clear()
    invariant_pdf([Paragraph("le conseil", body)])
    assert sorted(measured) == ["conseil", "le"]
    assert not paragraph_lines._WIDTHS


def test_a_document_that_fails_forgets_its_words_widths():
    class Broken(Flowable):
        def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
            return (10, 10)

        def draw(self) -> None:
            raise RuntimeError("en panne")

    body = _styles()[0]
    with pytest.raises(RuntimeError):
        invariant_pdf([Paragraph("le conseil et le bureau", body), Broken()])
    assert not paragraph_lines._WIDTHS


def _drawn(
    story_texts: list[tuple[str, ParagraphStyle, float]],
    fast: bool,
    bottomup: int = 1,
    prepare: Callable[[Paragraph], None] | None = None,
) -> tuple[Any, ...]:
    """Each paragraph wrapped and drawn on one canvas (drawn top down unless `bottomup`; each
    wrapped paragraph given to `prepare` first): the canvas's operators, its state after, and
    the codes its document gave the font's characters."""
    from reportlab.pdfbase.pdfmetrics import getFont
    from reportlab.pdfgen.canvas import Canvas

    canv = Canvas(io.BytesIO(), bottomup=bottomup)
    plain = paragraph_lines._plain_draw
    if not fast:
        paragraph_lines._plain_draw = lambda para: False
    try:
        for n, (text, style, width) in enumerate(story_texts):
            p = Paragraph(text, style)
            p.wrap(width, 10_000)
            if prepare is not None:
                prepare(p)
            p.drawOn(canv, 10 + n, 700 - 20 * n)
    finally:
        paragraph_lines._plain_draw = plain
    codes = {
        name: dict(getFont(name).state[canv._doc].assignments)
        for name in ("DejaVuSans", FONT_BOLD)
        if canv._doc in getFont(name).state
    }
    left_out = ("_doc", "_code", "state_stack", "_filename")
    state = {  # (our documents' memos, `_ess_…`, left out)
        k: v for k, v in vars(canv).items() if k not in left_out and not k.startswith("_ess_")
    }
    state["_extgstate"] = vars(state["_extgstate"])
    state["_annotationrefs"] = [ref.name for ref in state["_annotationrefs"]]
    return list(canv._code), repr(state), codes, canv._doc._pdfVersion


def _draw_styles() -> list[ParagraphStyle]:
    from reportlab.lib import colors

    body = _styles()[0]
    return [
        *_styles(),
        ParagraphStyle("grey", parent=body, textColor=colors.Color(0.4, 0.4, 0.4)),
        ParagraphStyle("cmyk", parent=body, textColor=colors.CMYKColor(0.1, 0.2, 0.3, 0.4)),
        ParagraphStyle("faint", parent=body, textColor=colors.Color(0, 0, 1, alpha=0.5)),
        ParagraphStyle("back", parent=body, backColor=colors.yellow),
        ParagraphStyle("border", parent=body, borderColor=colors.red, borderWidth=1),
        ParagraphStyle("bullet", parent=body, bulletText="•", leftIndent=12),
        ParagraphStyle("max", parent=body, autoLeading="max", leading=4),
        ParagraphStyle("min", parent=body, autoLeading="min"),
        ParagraphStyle("justify", parent=body, alignment=4),
        ParagraphStyle("ltr", parent=body, wordWrap="LTR"),
        ParagraphStyle("first", parent=body, firstLineIndent=9),
    ]


_MARKUP = st.sampled_from(
    ["", "<b>gras</b> ", '<a href="https://example.org">lien</a> ', "<u>souligné</u> "]
)


@settings(max_examples=300, deadline=None)
@given(
    paragraphs=st.lists(
        st.tuples(_MARKUP, _TEXT, st.integers(0, 20), st.floats(8, 500)), min_size=1, max_size=6
    )
)
def test_paragraphs_are_drawn_as_reportlab_draws_them(paragraphs):
    """`_plain_draw`'s paragraphs (and those it leaves to reportlab) give reportlab's operators,
    the same canvas state and the same codes for the font's characters."""
    from xml.sax.saxutils import escape

    register_fonts()
    all_styles = _draw_styles()
    story = [
        (markup + escape(text), all_styles[n % len(all_styles)], width)
        for markup, text, n, width in paragraphs
    ]
    assert _drawn(story, fast=True) == _drawn(story, fast=False)


def test_a_plain_paragraph_is_drawn_the_quick_way():
    register_fonts()
    taken: list[bool] = []
    plain = paragraph_lines._plain_draw

    def counted(para: Any) -> bool:
        taken.append(plain(para))
        return taken[-1]

    s = _draw_styles()
    texts = [
        ("Le conseil se réunit le jeudi 12 juin à 18 h. " * 4, s[0], 200.0),
        ("Ordre du jour", s[2], 400.0),
        ("Le conseil se réunit", s[6], 400.0),  # centred
        ("Le conseil se réunit", s[7], 400.0),  # right, indented
        ("Le conseil se réunit", s[17], 400.0),  # justified
        ("<b>gras</b> et maigre", s[0], 400.0),
        ("שלום עולם", s[0], 400.0),
        ("Un point", s[14], 400.0),  # a bullet
        ("Sur fond", s[12], 400.0),  # a background
        ("Première ligne décalée, puis les suivantes " * 3, s[-1], 200.0),
    ]
    paragraph_lines._plain_draw = counted
    try:
        _drawn(texts, fast=True)
    finally:
        paragraph_lines._plain_draw = plain
    assert taken == [True, True, True, True, False, False, False, False, False, False]
    assert _drawn(texts, fast=True) == _drawn(texts, fast=False)


def test_lines_whose_spaces_shrink_are_drawn_as_reportlab_draws_them():
    """A line kept by shrinking its spaces has less than no room left: reportlab sets a word
    space for it (« Tw »), and `_plain_draw` too."""
    sentence = "Le conseil se réunit le jeudi 12 juin à 18 h pour la séance"
    words = sentence.split(" ")
    body = _styles()[0]
    shrink = body.spaceShrinkage * stringWidth(" ", body.fontName, body.fontSize)
    story = []
    for style in (body, _styles()[6], _styles()[7]):  # left, centred, right
        for k in range(2, len(words)):
            natural = stringWidth(" ".join(words[:k]), body.fontName, body.fontSize)
            indents = style.leftIndent + style.rightIndent
            story += [
                (sentence, style, natural - step * shrink / 2 + indents) for step in range(1, 2 * k)
            ]
    drawn = _drawn(story, fast=True)
    assert any(" Tw " in code for code in drawn[0])
    assert drawn == _drawn(story, fast=False)


def _taken_and_drawn(
    texts: list[tuple[str, ParagraphStyle, float]], **drawing: Any
) -> tuple[list[bool], tuple[Any, ...], tuple[Any, ...]]:
    """Whether `_plain_draw` drew each paragraph, and what the canvas holds after drawing them
    its way and reportlab's (`_drawn`'s `drawing`)."""
    taken: list[bool] = []
    plain = paragraph_lines._plain_draw

    def counted(para: Any) -> bool:
        taken.append(plain(para))
        return taken[-1]

    paragraph_lines._plain_draw = counted
    try:
        fast = _drawn(texts, fast=True, **drawing)
    finally:
        paragraph_lines._plain_draw = plain
    return taken, fast, _drawn(texts, fast=False, **drawing)


def test_what_else_reportlab_reads_of_a_paragraph_is_drawn_as_it_draws_it(monkeypatch):
    """What reportlab's drawPara reads besides the style's alignment and the lines: the left
    indent, a paragraph's own autoLeading, the module's choice of the first line's height, the
    font (an embedded one or not), the canvas's direction, the paragraph's debug frame, its
    lines' offsets (text around an image), a line that is one word held by no-break spaces
    and wider than its line (reportlab sets a word space: « Tw »), a line of no words."""
    from reportlab.platypus import paragraph

    register_fonts()
    body = _styles()[0]
    sentence = "Le conseil se réunit le jeudi 12 juin à 18 h pour la séance. " * 3
    indented = ParagraphStyle("indented", parent=body, leftIndent=14, rightIndent=7)
    helvetica = ParagraphStyle("helvetica", parent=body, fontName="Helvetica")
    whole = ParagraphStyle("whole", parent=body, splitLongWords=0)
    texts = [(sentence, indented, 150.0), (sentence, body, 150.0)]

    def leading(p: Paragraph) -> None:
        p.autoLeading = "max"

    def framed(p: Paragraph) -> None:
        p.debug = 1

    def offset(p: Paragraph) -> None:
        p._offsets = [20, 20]

    def empty(p: Paragraph) -> None:
        p.blPara.lines.append((150.0, []))

    def just_full(p: Paragraph) -> None:  # (less than no room, within reportlab's 1e-8)
        p.blPara.lines[0] = (-5e-9, p.blPara.lines[0][1])

    tall = ParagraphStyle("tall", parent=body, leading=4)
    for drawn_texts, drawing, expected in [
        (texts, {}, [True, True]),
        ([(sentence, tall, 200.0)], {"prepare": leading}, [True]),
        ([(sentence, helvetica, 200.0)], {}, [False]),
        (texts, {"bottomup": 0}, [False, False]),
        (texts, {"prepare": framed}, []),
        (texts, {"prepare": offset}, [False, False]),
        ([("1\xa0234\xa0567\xa0890 et la suite", whole, 30.0)], {}, [True]),
        ([(sentence, body, 150.0)], {"prepare": empty}, [False]),
        ([(sentence, body, 150.0)], {"prepare": just_full}, [True]),
    ]:
        taken, fast, slow = _taken_and_drawn(drawn_texts, **drawing)
        assert taken == expected, drawing
        assert fast == slow, drawing
        if drawn_texts[0][1] is whole:
            assert any(" Tw " in code for code in slow[0])
    monkeypatch.setattr(paragraph, "paraFontSizeHeightOffset", 0)
    taken, fast, slow = _taken_and_drawn(texts)
    assert taken == [True, True]
    assert fast == slow
    # (reportlab's Paragraph classes all draw through it: a preformatted one's lines are not
    # those of a Paragraph)
    preformatted = [_preformatted_drawn(body, fast) for fast in (True, False)]
    assert preformatted[0] == preformatted[1]


def _preformatted_drawn(style: ParagraphStyle, fast: bool) -> list[str]:
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus.xpreformatted import XPreformatted

    canv = Canvas(io.BytesIO())
    plain = paragraph_lines._plain_draw
    if not fast:
        paragraph_lines._plain_draw = lambda para: False
    try:
        for width in (100, 200):
            p = XPreformatted("Le conseil   se réunit\n  le jeudi 12 juin à 18 h. " * 3, style)
            p.wrap(width, 10_000)
            p.drawOn(canv, 10, 500)
    finally:
        paragraph_lines._plain_draw = plain
    return list(canv._code)


def test_a_fonts_words_widths_are_forgotten_past_their_bound(monkeypatch):
    """`_WIDTHS` keeps at most `_KEPT` words a font and size (and one paragraph's more): a
    paragraph wrapped outside a document keeps no more than that."""
    body = _styles()[0]
    paragraph_lines.forget_widths()
    monkeypatch.setattr(paragraph_lines, "_KEPT", 3)
    Paragraph("un deux trois quatre", body).wrap(300, 1000)
    (kept,) = paragraph_lines._WIDTHS.values()
    assert sorted(kept) == ["deux", "quatre", "trois", "un"]
    Paragraph("cinq", body).wrap(300, 1000)
    (kept,) = paragraph_lines._WIDTHS.values()
    assert kept == {"cinq": stringWidth("cinq", body.fontName, body.fontSize)}
    paragraph_lines.forget_widths()
