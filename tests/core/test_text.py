"""Folding text for comparisons: case, accents and ligatures do not matter."""

from __future__ import annotations

import pytest

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
