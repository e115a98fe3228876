"""A canvas's graphics state saved and restored with fewer Python steps than reportlab's.

Every flowable drawn saves the canvas's state and restores it (`Flowable.drawOn`), a Paragraph
a second time (`drawPara`): some 700 times in a meeting pack. reportlab copies the state's 23
attributes one at a time into a new dict (`push_state_stack`) and makes its extended state's
copy through its class's `__init__`; `QuickState` takes the same 23 values in one call, puts
them back in one assignment, and copies the extended state directly. The canvas is left as
reportlab leaves it, and the page's operators (« q », « Q ») are reportlab's own.
"""

from __future__ import annotations

from operator import itemgetter
from typing import Any

from reportlab.lib.rl_accel import fp_str
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.pdfgen.canvas import Canvas

# reportlab's canvas module as read here (its stubs leave out what it tracks).
_TRACKING: Any = rl_canvas

# (reportlab's extended graphics state, which its stubs leave out)
ExtGState: Any = getattr(rl_canvas, "ExtGState")  # noqa: B009

# reportlab's `Canvas.STATE_ATTRIBUTES`, in its order (checked below: another reportlab that
# keeps other attributes leaves its own methods in place).
_NAMES = (
    "_x",
    "_y",
    "_fontname",
    "_fontsize",
    "_textMode",
    "_leading",
    "_currentMatrix",
    "_fillMode",
    "_charSpace",
    "_wordSpace",
    "_horizScale",
    "_textRenderMode",
    "_rise",
    "_textLineMatrix",
    "_textMatrix",
    "_lineCap",
    "_lineJoin",
    "_lineDash",
    "_lineWidth",
    "_mitreLimit",
    "_fillColorObj",
    "_strokeColorObj",
    "_extgstate",
)
_TAKE = itemgetter(*_NAMES)
KNOWN = list(_NAMES) == list(Canvas.STATE_ATTRIBUTES)


def _push(self: Any) -> None:
    self.state_stack.append(_TAKE(self.__dict__))
    state = self._extgstate
    if type(state) is ExtGState:  # (what `pushCopy` does, without `__init__`)
        copy: Any = object.__new__(ExtGState)
        copy._d = state._d.copy()
        copy._c = state._c
        self._extgstate = copy
    else:
        self._extgstate = state.pushCopy()


def _pop(self: Any) -> None:
    d = self.__dict__
    (
        d["_x"],
        d["_y"],
        d["_fontname"],
        d["_fontsize"],
        d["_textMode"],
        d["_leading"],
        d["_currentMatrix"],
        d["_fillMode"],
        d["_charSpace"],
        d["_wordSpace"],
        d["_horizScale"],
        d["_textRenderMode"],
        d["_rise"],
        d["_textLineMatrix"],
        d["_textMatrix"],
        d["_lineCap"],
        d["_lineJoin"],
        d["_lineDash"],
        d["_lineWidth"],
        d["_mitreLimit"],
        d["_fillColorObj"],
        d["_strokeColorObj"],
        d["_extgstate"],
    ) = self.state_stack.pop()


class QuickState:
    """A mixin for a reportlab Canvas: its state stack holds the state's values in the order
    of `Canvas.STATE_ATTRIBUTES`."""

    if KNOWN:
        push_state_stack = _push
        pop_state_stack = _pop

    def translate(self, dx: float, dy: float) -> None:
        """`Canvas.translate`, which is `transform(1, 0, 0, 1, dx, dy)` (every flowable drawn
        moves the origin so, ~400 times a pack): the same product of the matrix, written out,
        and the same operator; merged into a « cm » just written, or without the matrix
        followed, through `transform` as before."""
        this: Any = self
        code = this._code
        if not _TRACKING.ENABLE_TRACKING or (code and code[-1][-3:] == " cm"):
            this.transform(1, 0, 0, 1, dx, dy)
            return
        a0, b0, c0, d0, e0, f0 = this._currentMatrix
        this._currentMatrix = (
            a0 * 1 + c0 * 0,
            b0 * 1 + d0 * 0,
            a0 * 0 + c0 * 1,
            b0 * 0 + d0 * 1,
            a0 * dx + c0 * dy + e0,
            b0 * dx + d0 * dy + f0,
        )
        code.append(f"1 0 0 1 {fp_str(dx, dy)} cm")
