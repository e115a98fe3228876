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
