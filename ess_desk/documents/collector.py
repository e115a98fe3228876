"""Python's cycle collector paused while a long document is laid out.

Laying out a PDF allocates hundreds of thousands of short-lived objects (flowables, lines,
fragments, PDF operators). Reference counting frees nearly all of them; but each 700
allocations start a collection of the young objects, and every tenth of those a pass over the
older ones: everything the process holds (the window, the records read, the fonts), again and
again while the pages are made. Measured on the large demo (CPU time, bench/NOTES.md): 11 % of
the busiest person's file in PDF and 10 % of the meeting pack. The few thousand objects in
cycles the layout leaves (reportlab's documents and canvases point at each other) are collected
at the first collection after it."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """No automatic cycle collection inside (a decorator too). Left paused if it was paused
    already (by a caller, or by another thread making a document: the first to end resumes
    it, which is harmless)."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
