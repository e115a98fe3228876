"""A canvas with `QuickState` saves and restores its graphics state as reportlab's does: after
any sequence of changes, saves and restores, its attributes (the state stack aside, which holds
the same values in another form) are reportlab's, and so is the page it writes."""

from __future__ import annotations

import io
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.lib import colors
from reportlab.pdfgen.canvas import Canvas

from ess_desk.documents.canvas_state import QuickState
from ess_desk.documents.style import FONT, FONT_BOLD, register_fonts


class _Quick(QuickState, Canvas):
    pass


def _apply(canv: Any, step: tuple[str, float]) -> None:
    kind, value = step
    if kind == "save":
        canv.saveState()
    elif kind == "restore":
        if canv.state_stack:
            canv.restoreState()
    elif kind == "font":
        canv.setFont(FONT if value < 0.5 else FONT_BOLD, 6 + value * 10, 8 + value)
    elif kind == "fill":
        canv.setFillColor(colors.Color(value, 0.2, 1 - value))
    elif kind == "alpha":
        canv.setFillAlpha(value)  # (the extended graphics state)
    elif kind == "move":
        canv.translate(value * 10, -value)
    elif kind == "turn":  # (a matrix with all its terms, some of them -0.0)
        canv.rotate(value * 360 - 90)
        canv.scale(value - 0.5, -1)
    elif kind == "line":
        canv.setLineWidth(value)
        canv.line(0, 0, value * 100, 10)
    elif kind == "text":
        canv.drawString(value * 50, 100, "Séance du conseil")
    else:  # a new page: the stack starts again
        while canv.state_stack:
            canv.restoreState()
        canv.showPage()


def _state(canv: Any) -> dict:
    own = ("state_stack", "_extgstate", "_code", "_doc", "_filename")  # (each canvas's own)
    out = {k: v for k, v in vars(canv).items() if k not in own}
    out["_extgstate"] = (vars(canv._extgstate), type(canv._extgstate))
    out["depth"] = len(canv.state_stack)
    return out


_STEPS = st.lists(
    st.tuples(
        st.sampled_from(
            ["save", "restore", "font", "fill", "alpha", "move", "turn", "line", "text", "page"]
        ),
        st.floats(0, 1),
    ),
    max_size=60,
)


@settings(max_examples=200, deadline=None)
@given(steps=_STEPS)
def test_the_quick_state_is_reportlabs(steps):
    register_fonts()
    ours, theirs = io.BytesIO(), io.BytesIO()
    quick, plain = _Quick(ours, invariant=1), Canvas(theirs, invariant=1)
    for step in steps:
        _apply(quick, step)
        _apply(plain, step)
        assert _state(quick) == _state(plain)
        assert quick._code == plain._code
    while quick.state_stack:
        quick.restoreState()
        plain.restoreState()
    quick.save()
    plain.save()
    assert ours.getvalue() == theirs.getvalue()


def test_the_quick_state_is_in_use_with_this_reportlab():
    from ess_desk.documents import canvas_state

    assert canvas_state.KNOWN
    assert _Quick.push_state_stack is canvas_state._push
    assert _Quick.pop_state_stack is canvas_state._pop
    assert _Quick.translate is canvas_state.QuickState.translate


def test_a_move_without_the_matrix_followed_is_reportlabs(monkeypatch):
    from reportlab.pdfgen import canvas as rl_canvas

    monkeypatch.setattr(rl_canvas, "ENABLE_TRACKING", 0)
    quick, plain = _Quick(io.BytesIO(), invariant=1), Canvas(io.BytesIO(), invariant=1)
    for canv in (quick, plain):
        canv.saveState()
        canv.translate(3.5, -2)
        canv.line(0, 0, 1, 1)
        canv.translate(1e-7, 10**6)
    assert quick._code == plain._code
    assert quick._currentMatrix == plain._currentMatrix


def test_every_attribute_of_the_state_comes_back_as_reportlabs_does():
    """Each of the state's attributes, given a value of its own at two depths (those the
    canvas's methods never change too: character and word spacing, scale, rise, modes), is put
    back where reportlab puts it, not in another's place."""
    register_fonts()
    quick, plain = _Quick(io.BytesIO(), invariant=1), Canvas(io.BytesIO(), invariant=1)
    names = [name for name in Canvas.STATE_ATTRIBUTES if name != "_extgstate"]
    first = {name: getattr(plain, name) for name in names}
    for depth in (1, 2):
        for canv in (quick, plain):
            canv.saveState()
            for name in names:
                setattr(canv, name, (name, depth))
        assert _state(quick) == _state(plain)
    for depth in (1, 0):
        quick.restoreState()
        plain.restoreState()
        assert _state(quick) == _state(plain)
        expected = first if depth == 0 else {name: (name, depth) for name in names}
        assert {name: getattr(quick, name) for name in names} == expected
