"""`scripts.left_to_right_only` and `scripts.drawable` by their quicker ways say what their plain
ways say: one search for either class of characters (right-to-left, direction controls), and a
text the font covers whole recognised without a set of its characters made."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ess_desk.documents import scripts
from ess_desk.documents.style import FONT, FONT_BOLD, register_fonts

# Characters near every edge of the classes, and those a French text is made of.
_EDGES = [
    *"aéÀœ«»—’ \u00a0\u202f\t\n",
    *"\u058f\u0590\u05d0\u061c\u0627\u08ff\u0900",
    *"\u200d\u200e\u200f\u2029\u202a\u202b\u202c\u202d\u202e\u202f\u2065\u2066\u2067\u2068\u2069\u206a",
    *"\ufb1c\ufb1d\ufdff\ufe00\ufe6f\ufe70\ufefc\ufefd",
    *"\U000107ff\U00010800\U00010fff\U00011000\U0001e7ff\U0001e800\U0001efff\U0001f000",
    *"\x00\x1f\ufffd\U0001f600",
]
_TEXTS = st.text(st.one_of(st.sampled_from(_EDGES), st.characters()), max_size=40)


def _plain_left_to_right_only(line: str) -> bool:
    return not scripts._RTL.search(line) and not scripts._CONTROL_RUN.search(line)


def _plain_drawable(text: str, font_name: str) -> str:
    if not text:
        return text
    if scripts._ARABIC.search(text):
        text = scripts._ARABIC_RUN.sub(scripts._reshaped, text)
    missing = set(text).difference(scripts.covered(font_name))
    return scripts._replace(text, missing) if missing else text


@settings(max_examples=1500, deadline=None)
@given(line=_TEXTS)
def test_left_to_right_only_is_the_two_searches(line):
    assert scripts.left_to_right_only(line) == _plain_left_to_right_only(line)


def test_left_to_right_only_refuses_each_character_of_either_class():
    for char in [*scripts._BIDI_CONTROLS, "\u0590", "\u08ff", "\ufb1d", "\U00010800"]:
        assert not scripts.left_to_right_only(f"Séance {char} du conseil")
    assert scripts.left_to_right_only("Séance du conseil — « ordre du jour » : 12\u202f%")


@settings(max_examples=800, deadline=None)
@given(text=_TEXTS, bold=st.booleans())
def test_drawable_is_the_plain_way(text, bold):
    register_fonts()
    font = FONT_BOLD if bold else FONT
    assert scripts.drawable(text, font) == _plain_drawable(text, font)
    assert scripts.drawable(text, "Helvetica") == _plain_drawable(text, "Helvetica")
