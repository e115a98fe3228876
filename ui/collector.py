"""Python's cycle collector in the window: what lives long is kept out of its full passes.

A full pass of the collector walks every object the process tracks. The window's process soon
holds a hundred thousand and more that live as long as it does (modules, functions, classes,
Qt's wrappers, reportlab's and pypdf's once a document was made), and Python 3.11 makes a full
pass whenever the objects that reached the oldest generation since the last one number a quarter
of those it kept: 25–50 ms, at whatever moment the count is reached, a keystroke in a filter as
well as any other (bench/NOTES.md, perf36).

So at quiet moments (after the first paint, after a page is first painted, after a long
operation has handed back its result) the window `settle`s: a collection of what was made since
the last one, then `gc.freeze()` of what survived it. Frozen objects are left out of every later
pass, which walks only what was made since. Reference counting still frees a frozen object; only
a frozen object caught in a cycle would wait: when the frozen objects have grown by a quarter
since the last pass over all of them (Python's own rule for a full pass), the next settle
unfreezes them and makes that full pass, at a quiet moment rather than inside a keystroke.
"""

from __future__ import annotations

import gc

from ui.qt import QEvent, QObject, QTimer, QtWidgets

GROWTH = 1.25  # the frozen objects grown by a quarter since the last pass over all: one again


class _State:
    pending = False  # a settle is scheduled
    whole: int | None = 0  # frozen just after the last pass over every object (None: the
    # start's objects, frozen without a pass and counted at the first settle)
    settles = 0  # settles made (read by the tests)
    full_passes = 0  # of which passes over every object


def settle() -> bool:
    """Collect the garbage made since the last settle, then freeze the survivors (all of them,
    and first unfrozen, when the frozen ones have grown by GROWTH since the last pass over all).
    Nothing while the collector is paused (the start, a document being built): False then."""
    if not gc.isenabled():
        return False
    frozen = gc.get_freeze_count()  # (a walk of the frozen list: ~1 ms for 250,000 objects)
    walked_all = frozen == 0
    if _State.whole is None:
        _State.whole = frozen
    gc.collect()
    gc.freeze()
    if not walked_all and gc.get_freeze_count() > _State.whole * GROWTH:
        gc.unfreeze()
        gc.collect()
        gc.freeze()
        walked_all = True
    _State.settles += 1
    if walked_all:
        _State.whole = gc.get_freeze_count()
        _State.full_passes += 1
    return True


def frozen_at_start() -> None:
    """The start's objects (made with the collector paused, next to no garbage among them)
    frozen as they are, without a pass over them (two moves of a list): the measure of growth
    starts from them, counted at the first settle rather than in the start."""
    gc.freeze()
    _State.whole = None


def _settle_now() -> None:
    _State.pending = False
    settle()


def settle_soon() -> None:
    """`settle` at the next turn of the event loop (once, however often asked before)."""
    if not _State.pending:
        _State.pending = True
        QTimer.singleShot(0, _settle_now)


class _AfterPaint(QObject):
    """Watches a widget until its first paint, then asks for a settle."""

    def __init__(self, widget: QtWidgets.QWidget) -> None:
        super().__init__(widget)  # kept alive by the widget, deleted after its first paint
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            settle_soon()
            self.deleteLater()
        return False


def settle_after_paint(widget: QtWidgets.QWidget) -> None:
    """`settle_soon` once `widget` has been painted the first time: its objects and those it
    loaded (modules, records, wrappers) are then frozen, after the user saw it. Nothing for a
    widget made while the collector is paused (the window's first page, made in the start: the
    start's objects are frozen with it, `frozen_at_start`)."""
    if gc.isenabled():
        _AfterPaint(widget)
