"""A Paragraph of plain text (no « < », no « & »), or of plain text all in one « <b> » or « <i> »,
has its fragment made without reportlab's parser (`scripts.plain_fragments`): the same text,
fragments, style and bullet as the parser gives, so that it lays out and draws the same, to the
byte."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from ess_desk.documents import scripts
from ess_desk.documents.style import FONT_BOLD, register_fonts, styles
from tests.documents import invariant_pdf


@contextlib.contextmanager
def _parser_only() -> Iterator[None]:
    """Every paragraph through reportlab's parser."""
    fast = scripts.plain_fragments
    scripts.plain_fragments = lambda *args: None
    try:
        yield
    finally:
        scripts.plain_fragments = fast


def _same(text: str, style: ParagraphStyle) -> None:
    ours = Paragraph(text, style)
    with _parser_only():
        theirs = Paragraph(text, style)
    assert [vars(f) for f in ours.frags] == [vars(f) for f in theirs.frags]
    assert [list(vars(f)) for f in ours.frags] == [list(vars(f)) for f in theirs.frags]
    assert (ours.text, ours.bulletText) == (theirs.text, theirs.bulletText)
    # (the same style; a right-to-left one made for each paragraph, alike)
    assert ours.style is theirs.style or vars(ours.style) == vars(theirs.style)


def _styles() -> list[ParagraphStyle]:
    register_fonts()
    st = styles()
    return [
        st.body,
        st.cell_bold,
        st.h1,
        ParagraphStyle("upper", parent=st.small, textTransform="uppercase"),
        ParagraphStyle("bullet", parent=st.body, bulletText="•"),
        ParagraphStyle("bold", parent=st.body, fontName=FONT_BOLD),
    ]


# (with what reportlab's cleaner takes for white space, the soft hyphen, the zero width space
# and characters outside the font: the cleaner, not the parser, is what sees them)
_TEXT = st.text(
    alphabet=st.sampled_from(
        list("abcé ÉŒœß’«»—–-.,;:!?()[]{}\"'\\/\n\t\r\xa0 0123456789שלוםعربي>=%")
        + list("\x0b\x0c\x1c\x85\u2028\u3000\xad\u200b\u202f中😀")
    ),
    max_size=80,
)


@settings(max_examples=300, deadline=None)
@given(text=_TEXT, n=st.integers(0, 5))
def test_a_plain_paragraph_has_the_fragments_the_parser_gives(text, n):
    _same(text, _styles()[n])


# (one tag around the text, the other, with white space around; text outside them, two tags)
_WRAPPED = st.sampled_from(
    ["<b>{}</b>", "<i>{}</i>", " <b>{}</b>\n", "<b>{}</b> fin", "<b><i>{}</i></b>"]
    + ["<u>{}</u>", "<b>{}</b><b>x</b>", "x<i>{}</i>"]
)


@settings(max_examples=300, deadline=None)
@given(text=_TEXT, wrap=_WRAPPED, n=st.integers(0, 5))
def test_a_paragraph_all_in_bold_or_italic_has_the_fragments_the_parser_gives(text, wrap, n):
    _same(wrap.format(text.replace("<", "").replace("&", "")), _styles()[n])


def test_bold_and_italic_paragraphs_are_made_without_the_parser():
    body = _styles()[0]
    for text in ["<b>Actions décidées</b>", "<i>Ce point n’a pas donné lieu à un vote.</i>"]:
        assert scripts.plain_fragments(text, body, str.strip) is not None
        _same(text, body)
    for text in ["<b>Objet</b> : convocation", "<b></b>", "<b> </b>", "<b>a</i>"]:
        assert scripts.plain_fragments(text, body, str.strip) is None


def test_markup_entities_and_empty_texts_are_left_to_the_parser():
    body = _styles()[0]
    for text in ["<b>gras</b> et maigre", "Toi &amp; moi", "a &lt; b", "", "  \n  "]:
        assert scripts.plain_fragments(text, body, str.strip) is None
        _same(text, body)
    assert scripts.plain_fragments(" Ordre du jour ", body, str.strip) is not None


def test_plain_paragraphs_draw_the_same_page():
    def page() -> bytes:
        st = styles()
        story = [
            Paragraph(text, style)
            for text in [
                "Ordre du jour",
                "Le budget — « 2027 » : 12 %",
                "שלום עולם",
                "x " * 300,
                "<b>Actions décidées</b>",
                "<i>Présenté par la CRESS</i>",
            ]
            for style in (st.h1, st.body, st.small)
        ]
        return invariant_pdf(story)

    register_fonts()
    fast = page()
    with _parser_only():
        slow = page()
    assert fast == slow
