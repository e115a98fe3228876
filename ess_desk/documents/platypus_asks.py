"""What platypus asks of the flowables and frames it lays out, answered in fewer Python steps.

A list item (reportlab's `LIIndenter`: the minutes' ~50 items in a meeting pack) forwards to its
flowable, through a Python `__getattr__`, every attribute it does not hold itself, and most of
what platypus asks of it neither holds: its space before and after, whether it keeps with the
next one, whether a page or frame break goes before it. Each such ask raised AttributeError twice
(the item's lookup, then its paragraph's) and went through a Python frame: ~1 µs, ~800 times a
pack. A Frame writes each of its attributes through a Python `__setattr__` (~2,000 times a pack:
its position after each flowable), which recomputes its geometry when one of eight names is set.

The answers are reportlab's own: an item is asked what its flowable would be asked (only when
the item holds none of the attributes asked, and its class none either); a frame's geometry is
recomputed when the same eight names are set. What `hasattr` says of an item is unchanged.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.platypus import BaseDocTemplate, Flowable, Frame
from reportlab.platypus import frames as rl_frames
from reportlab.platypus.flowables import LIIndenter as _LIIndenter

# reportlab's list item and frame module as read here (their stubs leave out what they keep).
LIIndenter: Any = _LIIndenter
_FRAMES: Any = rl_frames

# The asks of `Flowable.getSpaceBefore`, `getSpaceAfter`, `getKeepWithNext` and of
# `BaseDocTemplate.handle_breakBefore`: forwarded by an item to its flowable when the item does
# not answer them by its class (checked here: another reportlab keeps reportlab's ways).
# (« spaceBefore » and « spaceAfter » are among the names an item keeps, forwarded when it has
# none of its own; the others are forwarded as any name it does not keep)
_BREAK_ASKS = frozenset(("_skipMeNextTime", "pageBreakBefore", "frameBreakBefore", "style"))
_ASKS = _BREAK_ASKS | {"spaceBefore", "spaceAfter", "keepWithNext"}
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
    geometry by properties that do what its `__setattr__` did."""

    __setattr__ = object.__setattr__


for _name in _FRAMES._geomAttr:
    setattr(QuickFrame, _name, _geometry(_name))
