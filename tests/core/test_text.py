"""Folding text for comparisons: case, accents and ligatures do not matter."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ess_desk.text import fold


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Hélène", "helene"),
        ("HÉLÈNE", "helene"),
        ("Économie sociale", "economie sociale"),
        ("Œuvre", "oeuvre"),
        ("Lætitia", "laetitia"),
        ("Straße", "strasse"),
        ("", ""),
        (None, ""),
    ],
)
def test_fold(text, folded):
    assert fold(text) == folded


def test_combining_marks_lie_where_fold_looks_for_them():
    import unicodedata

    from ess_desk.text import COMBINING_FIRST, COMBINING_LAST

    marks = [c for c in range(0x110000) if unicodedata.combining(chr(c))]
    assert marks[0] == COMBINING_FIRST and marks[-1] == COMBINING_LAST


_CONTROLS = ["\x00", "\x07", "\x1b", "\x7f", "\x85", "\x9f", "\ud800", "\udfff", "\ufffe", "\uffff"]
_OTHERS = ["\t", "\n", "\r", "\xa0", "\u202f", "\u200b", "\u2028", "\U0001f600", "é", " ", "a"]


@given(
    st.lists(
        st.text(alphabet=st.sampled_from(_CONTROLS + _OTHERS) | st.characters(), max_size=12),
        max_size=6,
    )
)
def test_control_characters_are_found_whatever_else_the_texts_hold(texts):
    """The printable shortcut of has_control_characters answers as the pattern alone does."""
    from ess_desk.text import _control, has_control_characters

    assert has_control_characters(texts) == any(_control().search(t) for t in texts)


@pytest.mark.parametrize("control", _CONTROLS)
def test_each_control_character_is_found_among_printable_text(control):
    from ess_desk.text import has_control_characters

    assert has_control_characters(["Dupré", f"Hé{control}lène", "Œuvre"])
    assert not has_control_characters(["Dupré", "Hé\tlè\xa0ne\n", "Œuvre 😀"])
