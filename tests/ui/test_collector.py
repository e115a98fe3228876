"""Python's cycle collector in the window (ui.collector): what lives long is frozen at quiet
moments, so that a full pass walks only what was made since; garbage is still collected."""

from __future__ import annotations

import gc
import json
import subprocess
import sys
import weakref

import pytest

from ui import collector


class Node:
    """An object that can be put in a cycle and watched through a weak reference."""

    link: object = None


def cycle() -> weakref.ref[Node]:
    """A cycle of two nodes, dropped at once: only the cycle collector can free it."""
    a, b = Node(), Node()
    a.link, b.link = b, a
    return weakref.ref(a)


def left_for_a_full_pass() -> int:
    """The objects a full pass would walk now (every generation; frozen ones are not)."""
    return sum(len(gc.get_objects(generation)) for generation in range(3))


@pytest.fixture
def collector_on():
    assert gc.isenabled()
    yield
    gc.enable()


def test_a_page_made_as_the_window_makes_it_is_frozen_after_its_first_paint(
    qtbot, store, collector_on
):
    """Once the Membres page (made by ui.window_pages.built_page, as the window and the bench's
    filter make it) has been painted, what the process held before and what the page made is
    frozen: a full pass then walks a few thousand objects at most, not the hundred thousand the
    process holds (a keystroke in its filter paid 30–50 ms when such a pass landed in it)."""
    from ui.window_pages import built_page, page_specs

    held = [[n] for n in range(50_000)]  # long-lived, like the modules and wrappers
    (spec,) = [spec for spec in page_specs() if spec.key == "members"]
    settled_before = collector._State.settles
    page = built_page(spec, store)
    qtbot.addWidget(page)
    assert collector._State.settles == settled_before  # not before the page is painted
    page.show()
    qtbot.waitUntil(lambda: collector._State.settles > settled_before)
    assert gc.get_freeze_count() > len(held)
    assert left_for_a_full_pass() < 5_000
    assert not any(o is held for o in gc.get_objects(2))


def test_cyclic_garbage_made_after_a_settle_is_still_collected(collector_on):
    assert collector.settle()
    gone = cycle()
    assert gone() is not None
    gc.collect()
    assert gone() is None
    gone = cycle()
    assert collector.settle()  # the next settle collects before it freezes
    assert gone() is None


def test_frozen_cycles_are_collected_once_the_frozen_objects_grew_by_a_quarter(collector_on):
    """A cycle alive when frozen and dropped later waits for the next pass over every object:
    the settle that finds the frozen objects grown by a quarter (Python's own rule) makes it."""
    collector.settle()
    a, b = Node(), Node()
    a.link, b.link = b, a
    gone = weakref.ref(a)
    collector.settle()  # frozen alive
    del a, b
    collector.settle()
    assert gone() is not None  # frozen: left out of the passes
    passes = collector._State.full_passes
    # (frozen objects freed by reference counting since are no longer counted)
    needed = int(collector._State.whole * collector.GROWTH) - gc.get_freeze_count()
    grown = [[n] for n in range(max(needed, 0) + 1000)]
    collector.settle()
    assert collector._State.full_passes == passes + 1
    assert gone() is None
    assert gc.get_freeze_count() > len(grown)


def test_nothing_is_frozen_while_the_collector_is_paused(collector_on):
    """A document being built (documents.collector.paused) or the start: its objects are not
    frozen half-made; the settle is skipped."""
    from ess_desk.documents import collector as documents_collector

    collector.settle()
    frozen = gc.get_freeze_count()
    with documents_collector.paused():
        made = [[n] for n in range(10_000)]
        assert not collector.settle()
    assert gc.get_freeze_count() == frozen
    assert made


def test_a_finished_operation_is_followed_by_a_settle(qtbot, collector_on):
    from ui.workers import Operation

    settled_before = collector._State.settles
    results: list[object] = []
    operation = Operation(None, lambda: [[n] for n in range(10_000)]).success(results.append)
    with qtbot.waitSignal(operation.finished):
        operation.run()
    qtbot.waitUntil(lambda: collector._State.settles > settled_before)
    assert not any(o is results[0] for o in gc.get_objects(2))
    assert gc.get_freeze_count() > len(results[0])


def test_settles_asked_for_in_one_turn_of_the_event_loop_make_one(qtbot, collector_on):
    from ui.qt import QtWidgets

    settled_before = collector._State.settles
    for _ in range(3):  # (an operation's result and two pages painted at once)
        collector.settle_soon()
    qtbot.waitUntil(lambda: collector._State.settles > settled_before)
    for _ in range(3):  # (a settle asked again would have run by now: timers of 0 ms)
        QtWidgets.QApplication.processEvents()
    assert collector._State.settles == settled_before + 1


def test_a_widget_made_while_the_collector_is_paused_is_not_settled(qtbot, collector_on):
    """The window's first page is made in the start, with the collector paused: its objects are
    frozen with the start's (frozen_at_start), no settle follows its paint."""
    from ui.qt import QtWidgets

    settled_before = collector._State.settles
    gc.disable()
    try:
        widget = QtWidgets.QLabel("Accueil")
        collector.settle_after_paint(widget)
    finally:
        gc.enable()
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.repaint()
    for _ in range(3):
        QtWidgets.QApplication.processEvents()
    assert collector._State.settles == settled_before
    other = QtWidgets.QLabel("Membres")  # (made with the collector on: settled once painted)
    qtbot.addWidget(other)
    collector.settle_after_paint(other)
    other.show()
    qtbot.waitUntil(lambda: collector._State.settles == settled_before + 1)


LONG_SESSION = """
import gc, json, sys, weakref
from ui import collector

class Node:
    link = None

collector.settle()
passes = collector._State.full_passes
watched, waiting, bounds = [], [], []
for _ in range(60):
    kept = []
    for _n in range(2_000):
        a, b = Node(), Node()
        a.link, b.link = b, a
        kept.append(a)
    watched += [weakref.ref(a) for a in kept]
    collector.settle()  # frozen alive
    del kept, a, b
    waiting.append(sum(ref() is not None for ref in watched))
    # (two tracked objects a cycle: a quarter of the frozen ones at the last pass over all)
    bounds.append(int(collector._State.whole * (collector.GROWTH - 1)) // 2)
json.dump([collector._State.full_passes - passes, waiting, bounds, len(watched)], sys.stdout)
"""


def test_a_long_session_s_frozen_garbage_stays_bounded():
    """Round after round, cycles alive at a settle (frozen) and dropped after it: they wait for
    a pass over every object, which the settles make each time the frozen objects have grown by
    a quarter; so what waits never exceeds that quarter and a round, however long the session
    (in a process of its own: objects frozen by other tests and freed since would count too)."""
    done = subprocess.run(
        [sys.executable, "-c", LONG_SESSION], capture_output=True, text=True, check=True
    )
    passes, waiting, bounds, made = json.loads(done.stdout)
    assert passes >= 2
    assert all(w <= b + 2 * 2_000 for w, b in zip(waiting, bounds, strict=True)), (waiting, bounds)
    assert waiting[-1] < made / 2
