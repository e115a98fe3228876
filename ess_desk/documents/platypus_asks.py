"""What platypus asks of the flowables and frames it lays out, answered in fewer Python steps.

A list item (reportlab's `LIIndenter`: the minutes' ~50 items in a meeting pack) forwards to its
flowable, through a Python `__getattr__`, every attribute it does not hold itself, and most of
what platypus asks of it neither holds: its space before and after, whether it keeps with the
next one, whether a page or frame break goes before it, whether it acts on the frame, is of zero
size or passes its space on. Each such ask raised AttributeError twice (the item's lookup, then
its paragraph's) and went through a Python frame: ~1 µs, ~800 times a pack; the frame's canvas
and frame set on the item and taken off went through its Python `__setattr__`, `__getattr__` and
`__delattr__`. A Frame writes each of its attributes through a Python `__setattr__` (~2,000 times a pack:
its position after each flowable), which recomputes its geometry when one of eight names is set.

The answers are reportlab's own: an item is asked what its flowable would be asked (only when
the item holds none of the attributes asked, and its class none either); a frame's geometry is
recomputed when the same eight names are set. What `hasattr` says of an item is unchanged.
"""

from __future__ import annotations

from collections.abc import Callable
from copy import deepcopy
from typing import Any, Literal

from reportlab import rl_config
from reportlab.platypus import BaseDocTemplate, Flowable, Frame
from reportlab.platypus import frames as rl_frames
from reportlab.platypus.flowables import LIIndenter as _LIIndenter

# reportlab's list item and frame module as read here (their stubs leave out what they keep).
LIIndenter: Any = _LIIndenter
_FRAMES: Any = rl_frames
_FRAME: Any = Frame

# The asks of `Flowable.getSpaceBefore`, `getSpaceAfter`, `getKeepWithNext` and of
# `BaseDocTemplate.handle_breakBefore`: forwarded by an item to its flowable when the item does
# not answer them by its class (checked here: another reportlab keeps reportlab's ways).
# (« spaceBefore » and « spaceAfter » are among the names an item keeps, forwarded when it has
# none of its own; the others are forwarded as any name it does not keep)
_BREAK_ASKS = frozenset(("_skipMeNextTime", "pageBreakBefore", "frameBreakBefore", "style"))
# What `Frame._add` asks of a flowable, sets on it and takes off, besides its size, its space and
# its drawing.
_ADD_ASKS = frozenset(("frameAction", "_ZEROSIZE", "_SPACETRANSFER", "canv", "_frame"))
_ASKS = _BREAK_ASKS | _ADD_ASKS | {"spaceBefore", "spaceAfter", "keepWithNext"}
FORWARDED = not any(hasattr(LIIndenter, name) for name in _ASKS) and not (
    (_ASKS - {"spaceBefore", "spaceAfter"}) & set(LIIndenter._IndenterAttrs)
)


def _asked_of_the_flowable(
    name: str, method: str, flowables: Callable[[Any], Any]
) -> Callable[[Any], Any]:
    """An item's `method` (one of `Flowable`'s three above): what its flowable answers, when the
    item holds neither `name` nor a style itself and its flowable asks itself the same way
    (reportlab's `Flowable` method, or another item's); else reportlab's."""
    own = {name, "style"}

    def asked(self: Any) -> Any:
        held = self.__dict__
        if own.isdisjoint(held):
            inner = held["_flowable"]
            if getattr(type(inner), method) is flowables or type(inner) is LIIndenter:
                return getattr(inner, method)()
        return flowables(self)

    asked._ess_desk = True  # type: ignore[attr-defined]
    return asked


def install() -> None:
    """The list items' three asks replaced on reportlab's class (once)."""
    if not FORWARDED or getattr(LIIndenter.__dict__.get("getSpaceBefore"), "_ess_desk", False):
        return
    for name, method in (
        ("spaceBefore", "getSpaceBefore"),
        ("spaceAfter", "getSpaceAfter"),
        ("keepWithNext", "getKeepWithNext"),
    ):
        setattr(LIIndenter, method, _asked_of_the_flowable(name, method, getattr(Flowable, method)))


class QuickDocTemplate(BaseDocTemplate):
    """reportlab's document template, whose check for a break before a flowable asks a list
    item's flowable directly (what the item would forward it)."""

    def handle_breakBefore(self, flowables: list[Any]) -> None:  # noqa: N802 - reportlab's name
        first = flowables[0]
        if FORWARDED and type(first) is LIIndenter and _BREAK_ASKS.isdisjoint(first.__dict__):
            # (what it sets, deletes or asks of the item goes to its flowable; a break it puts
            # before it goes before the item)
            probe = [first.__dict__["_flowable"]]
            self.handle_breakBefore(probe)
            flowables[0:0] = probe[:-1]
            return
        super().handle_breakBefore(flowables)


def _geometry(name: str) -> property:
    """A Frame's geometry attribute as its `__getattr__` and `__setattr__` give it: kept under
    « _name », the frame's geometry recomputed when it is set."""
    key = "_" + name

    def get(self: Any) -> Any:
        return self.__dict__[key]

    def set_(self: Any, value: Any) -> None:
        self.__dict__[key] = value
        self._geom()

    return property(get, set_)


class QuickFrame(Frame):
    """reportlab's Frame, its attributes set by `object.__setattr__` (no Python call), its
    geometry by properties that do what its `__setattr__` did; a list item added by asking its
    flowable what `Frame._add` asks of it (`_add_item`)."""

    __setattr__ = object.__setattr__

    def __deepcopy__(self, memo: dict) -> QuickFrame:
        """What `copy.deepcopy` makes of a Frame (a KeepTogether measures its content in a copy
        of the frame: ~20 times a pack), its numbers and texts taken as they are (deepcopy
        gives them back) without going through deepcopy one by one."""
        copied = object.__new__(type(self))
        memo[id(self)] = copied
        into = copied.__dict__
        for key, value in self.__dict__.items():
            into[key] = value if type(value) in _ATOMIC else deepcopy(value, memo)
        return copied

    def add(self, flowable: Any, canv: Any, trySplit: int = 0) -> Literal[0, 1]:  # noqa: N803 - reportlab's
        if (
            FORWARDED
            and type(flowable) is LIIndenter
            and not self.__dict__.get("_frameBGs")
            and _ADD_ASKS.isdisjoint(flowable.__dict__)
        ):
            return _add_item(self, flowable, canv, trySplit)
        return _FRAME._add(self, flowable, canv, trySplit)


_ATOMIC = frozenset((int, float, str, bool, type(None)))


def _add_item(frame: Any, item: Any, canv: Any, try_split: int) -> Literal[0, 1]:
    """`Frame._add` of a list item in a frame without backgrounds: what it asks of the item
    (whether it acts on the frame, is of zero size, passes its space on) and what it sets on it
    and takes off (the canvas, the frame), it asks of, sets on and takes off its flowable, as
    the item would forward them; its space, size and drawing are the item's."""
    inner = item.__dict__["_flowable"]
    inner._frame = frame
    inner.canv = canv
    try:
        if getattr(inner, "frameAction", None):
            inner.frameAction(frame)
            return 1
        return _place_item(frame, item, inner, canv, try_split)
    finally:
        for name in ("canv", "_frame"):
            if hasattr(inner, name):
                delattr(inner, name)


def _place_item(frame: Any, item: Any, inner: Any, canv: Any, try_split: int) -> Literal[0, 1]:
    """The rest of `Frame._add` (its frame backgrounds left out: the frame has none)."""
    y = frame._y
    p = frame._y1p
    s = 0
    available = frame._getAvailableWidth()
    zero_size = getattr(inner, "_ZEROSIZE", False)
    if not frame._atTop:
        s = item.getSpaceBefore()
        if frame._oASpace:
            if getattr(inner, "_SPACETRANSFER", False) or zero_size:
                s = frame._prevASpace
            s = max(s - frame._prevASpace, 0)
    h = y - p - s
    if not (h > 0 or zero_size):
        return 0
    w, h = item.wrap(available, h)
    h += s
    y -= h
    if y < p - _FRAMES._FUZZ:
        if not rl_config.allowTableBoundsErrors and (
            (h > frame._aH or w > available) and not try_split
        ):
            from reportlab.platypus.doctemplate import LayoutError

            raise LayoutError(
                f"Flowable {item.__class__} ({w}x{h} points) too large for frame "
                f"({available}x{frame._aH} points)."
            )
        return 0
    after = item.getSpaceAfter()
    item.drawOn(canv, frame._x + frame._leftExtraIndent, y, _sW=available - w)
    inner.canv = canv
    if frame._debug:
        _FRAMES.logger.debug(f"drew {item.identity()}")
    y -= after
    if frame._oASpace:
        if getattr(inner, "_SPACETRANSFER", False):
            after = frame._prevASpace
        frame._prevASpace = after
    if y != frame._y:
        frame._atTop = 0
    frame._y = y
    return 1


for _name in _FRAMES._geomAttr:
    setattr(QuickFrame, _name, _geometry(_name))
