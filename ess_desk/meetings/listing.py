"""The list of meetings as the Séances page shows it: filtered by body, status and year, in one of
three orders, and a window at a time. Ten years of a large council are thousands of meetings: the
page reads the first rows and `count`s the rest, which it reads when the table is scrolled to them.

Each window is read through the meetings' start index (by body and start when a body is chosen),
so that its cost does not grow with the years of records behind it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ess_desk.meetings.meetings import MeetingRow
from ess_desk.store import database

if TYPE_CHECKING:
    from sqlite_utils import Database

# The orders of the list: upcoming first (soonest first) then the past (latest first), oldest
# first, newest first. Meetings at the same time follow their body's name, then their id.
UPCOMING_FIRST, CHRONOLOGICAL, NEWEST_FIRST = "upcoming_first", "chronological", "newest_first"
_FORWARD = "m.starts_at, b.name, m.id"
_BACKWARD = "m.starts_at DESC, b.name DESC, m.id DESC"
_FROM = (
    "SELECT m.id, m.body_id, b.name AS body, m.title, m.kind, m.starts_at, m.ends_at, m.place, "
    "m.status "
    "FROM meetings m JOIN bodies b ON b.id = m.body_id"
)


@dataclass(frozen=True)
class MeetingFilter:
    """What the page's filters chose (None: any)."""

    body_id: int | None = None
    status: str | None = None
    year: int | None = None

    def where(self) -> tuple[list[str], list[object]]:
        """The SQL conditions on `m` (the meetings) and their parameters."""
        where: list[str] = []
        params: list[object] = []
        if self.body_id is not None:
            where.append("m.body_id = ?")
            params.append(self.body_id)
        if self.status is not None:
            where.append("m.status = ?")
            params.append(self.status)
        if self.year is not None:
            where.append("m.starts_at >= ? AND m.starts_at < ?")
            params += [f"{self.year:04d}-01-01", f"{self.year + 1:04d}-01-01"]
        return where, params


def _select(
    db: Database,
    filters: MeetingFilter,
    extra: str | None,
    extra_params: list[object],
    order: str,
    limit: int | None,
) -> list[MeetingRow]:
    where, params = filters.where()
    if extra:
        where.append(extra)
        params += extra_params
    sql = f"{_FROM} WHERE {' AND '.join(where) or '1 = 1'} ORDER BY {order}"
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return database.records(db, MeetingRow, sql, params)


def listed(
    db: Database,
    filters: MeetingFilter = MeetingFilter(),  # noqa: B008 (frozen)
    order: str = UPCOMING_FIRST,
    now: str = "",
    limit: int | None = None,
) -> list[MeetingRow]:
    """The meetings that pass `filters` in `order`, the first `limit` of them when given.
    `now` (ISO, to the minute) divides the upcoming meetings (from it on) from the past ones."""
    if order == UPCOMING_FIRST:
        upcoming = _select(db, filters, "m.starts_at >= ?", [now], _FORWARD, limit)
        left = None if limit is None else limit - len(upcoming)
        if left is not None and left <= 0:
            return upcoming
        return upcoming + _select(db, filters, "m.starts_at < ?", [now], _BACKWARD, left)
    if order not in (CHRONOLOGICAL, NEWEST_FIRST):
        raise ValueError(order)
    return _select(db, filters, None, [], _FORWARD if order == CHRONOLOGICAL else _BACKWARD, limit)


def count(db: Database, filters: MeetingFilter = MeetingFilter()) -> int:  # noqa: B008
    """How many meetings `listed` gives with these filters."""
    where, params = filters.where()
    return int(
        database.scalar(
            db,
            "SELECT COUNT(*) FROM meetings m JOIN bodies b ON b.id = m.body_id "
            f"WHERE {' AND '.join(where) or '1 = 1'}",
            params,
        )
    )
