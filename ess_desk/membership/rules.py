"""Pure rules over mandate periods: overlaps and seat counts. Dates are inclusive; None is open-ended."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import NamedTuple

Period = tuple[dt.date, dt.date | None]


def overlaps(a: Period, b: Period) -> bool:
    a_start, a_end = a
    b_start, b_end = b
    return (b_end is None or a_start <= b_end) and (a_end is None or b_start <= a_end)


def in_force(period: Period, at: dt.date) -> bool:
    start, end = period
    return start <= at and (end is None or at <= end)


class Overflow(NamedTuple):
    """The first stretch of days on which a college would hold more seat holders than seats."""

    start: dt.date
    end: dt.date | None
    holders: int


def seat_overflow(others: Iterable[Period], new: Period, seats: int | None) -> Overflow | None:
    """Would adding `new` to the college's `others` exceed `seats` on some day? None when not."""
    if seats is None:
        return None
    relevant = [p for p in others if overlaps(p, new)]
    new_start, new_end = new
    # The count of holders only rises at a start: checking the new period's start and every start
    # inside it finds the maximum.
    points = sorted({new_start, *(p[0] for p in relevant if p[0] > new_start)})
    for point in points:
        covering = [p for p in relevant if in_force(p, point)]
        holders = len(covering) + 1
        if holders > seats:
            ends = [e for _s, e in covering if e is not None]
            if new_end is not None:
                ends.append(new_end)
            later_starts = [p[0] - dt.timedelta(days=1) for p in relevant if p[0] > point]
            stop_candidates = ends + later_starts
            return Overflow(point, min(stop_candidates) if stop_candidates else None, holders)
    return None


def max_holders(periods: Iterable[Period]) -> int:
    """The largest number of periods in force on one day."""
    periods = list(periods)
    best = 0
    for start, _end in periods:
        best = max(best, sum(1 for p in periods if in_force(p, start)))
    return best
