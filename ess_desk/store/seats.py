"""How long each college stays full, kept beside the mandates by triggers (migration 0024), so
that the dashboard's vacant seats look at the few colleges that may have one rather than count
the members in office of every college (2,200 mandates in 176 colleges on the huge demo):

- `college_seats(college_id, full_until, last_start)` for each college with a number of seats:
  `full_until` the end of its seat mandates' terms taken in order from the latest, the one that
  fills the last seat (an open-ended term as « 9999-12-31 », '' when it has fewer terms than
  seats), `last_start` the latest start of one of them ('' when none).

A college whose terms have all started by a day (`last_start <= day`) has as many members in
office that day as terms not ended: it has a vacant seat exactly when `full_until < day`. The
others (a term starting after the day) are counted whole. The seat mandates are those of the
roles `SEAT_ROLES` names (ess_desk.membership.vocabulary; a test keeps the two alike) and the
end is written as the index mandates_seats_current (migration 0015) and the dashboard write it.

The rows are written again for the colleges a change touches, by triggers on the mandates and
the colleges, in the same transaction as the write, whoever writes; they are named `derived_…`
so that the demonstration's bulk writer sets them aside with the others and rebuilds at the end
(ess_desk.store.bulk), and the member import sets aside the one on new mandates and rebuilds
(`mandates_added`); `problems` compares them with a recount (`ess-desk check`).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from ess_desk.store import database

if TYPE_CHECKING:
    from sqlite_utils import Database

TABLE = "college_seats"
SEAT_ROLES = ("co_president", "member", "president", "vice_president")
_SEATS = "(" + ", ".join(f"'{r}'" for r in SEAT_ROLES) + ")"
# A seat's last day, open-ended ones last (ess_desk.dashboard.overview.SEAT_END).
_END = "COALESCE(m.end_date, '9999-12-31')"
_INSERT_TRIGGER = "derived_seats_mandates_insert"


def _select(where: str) -> str:
    """The rows of the colleges `where` (on `c`) picks, from their mandates."""
    # The term that fills the last seat: numbered from the latest end (SQLite's OFFSET cannot
    # name the college's seats).
    return (
        "SELECT c.id, "
        f"COALESCE((SELECT r.term FROM (SELECT {_END} AS term, ROW_NUMBER() OVER "
        f"(ORDER BY {_END} DESC) AS n FROM mandates m WHERE m.college_id = c.id "
        f"AND m.role IN {_SEATS}) r WHERE r.n = max(c.seats, 1)), ''), "
        "COALESCE((SELECT MAX(m.start_date) FROM mandates m WHERE m.college_id = c.id "
        f"AND m.role IN {_SEATS}), '') "
        f"FROM colleges c WHERE ({where}) AND c.seats IS NOT NULL"
    )


def _refresh(ids: str) -> str:
    """The statements (for a trigger's body) that write again the rows of the colleges `ids`."""
    return (
        f"DELETE FROM {TABLE} WHERE college_id IN ({ids}); "
        f"INSERT INTO {TABLE} (college_id, full_until, last_start) {_select(f'c.id IN ({ids})')};"
    )


def _triggers() -> list[str]:
    mandate_cols = ("college_id", "role", "start_date", "end_date")
    changed = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in mandate_cols)
    return [
        f"CREATE TRIGGER {_INSERT_TRIGGER} AFTER INSERT ON mandates "
        f"WHEN NEW.college_id IS NOT NULL BEGIN {_refresh('NEW.college_id')} END",
        f"CREATE TRIGGER derived_seats_mandates_update AFTER UPDATE OF "
        f"{', '.join(mandate_cols)} ON mandates WHEN {changed} "
        f"BEGIN {_refresh('OLD.college_id, NEW.college_id')} END",
        "CREATE TRIGGER derived_seats_mandates_delete AFTER DELETE ON mandates "
        f"WHEN OLD.college_id IS NOT NULL BEGIN {_refresh('OLD.college_id')} END",
        f"CREATE TRIGGER derived_seats_colleges_insert AFTER INSERT ON colleges "
        f"BEGIN {_refresh('NEW.id')} END",
        "CREATE TRIGGER derived_seats_colleges_update AFTER UPDATE OF id, seats ON colleges "
        "WHEN OLD.id IS NOT NEW.id OR OLD.seats IS NOT NEW.seats "
        f"BEGIN {_refresh('OLD.id, NEW.id')} END",
        "CREATE TRIGGER derived_seats_colleges_delete AFTER DELETE ON colleges "
        f"BEGIN DELETE FROM {TABLE} WHERE college_id = OLD.id; END",
    ]


def statements() -> list[str]:
    """The table, its two indexes and the triggers of migration 0024 (filled by `rebuild`)."""
    return [
        f"CREATE TABLE {TABLE} (college_id INTEGER PRIMARY KEY, full_until TEXT NOT NULL, "
        "last_start TEXT NOT NULL)",
        # The dashboard's two ranges: colleges full until before the day, or with a term
        # starting after it.
        f"CREATE INDEX {TABLE}_full_until ON {TABLE}(full_until)",
        f"CREATE INDEX {TABLE}_last_start ON {TABLE}(last_start)",
        *_triggers(),
    ]


def present(db: Database) -> bool:
    """Whether the file has the table (migration 0024 applied)."""
    return database.has_table(db, TABLE)


def rebuild(db: Database) -> None:
    """The table written again from the rows, in the caller's transaction."""
    db.execute(f"DELETE FROM {TABLE}")
    db.execute(f"INSERT INTO {TABLE} (college_id, full_until, last_start) {_select('1')}")


@contextmanager
def mandates_added(db: Database) -> Iterator[None]:
    """Inside the caller's transaction, for a writer adding many mandates (the member import):
    the trigger on new mandates is set aside for the block (each new mandate would write its
    college's row again, and the mandates' indexes may be set aside too), and the table is
    written again at its end. Put back word for word; a failure rolls everything back."""
    sql = database.scalar(
        db, "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", [_INSERT_TRIGGER]
    )
    if sql is None:  # a file of before migration 0024
        yield
        return
    db.execute(f"DROP TRIGGER [{_INSERT_TRIGGER}]")
    yield
    rebuild(db)
    db.execute(sql)


def problems(db: Database) -> list[tuple[str, int, int]]:
    """(table, wrong, missing) when the rows differ from a recount (see pending.problems)."""
    kept = f"SELECT college_id, full_until, last_start FROM {TABLE}"
    counted = _select("1")
    (extra,) = db.execute(f"SELECT COUNT(*) FROM ({kept} EXCEPT {counted})").fetchone()
    (missing,) = db.execute(f"SELECT COUNT(*) FROM ({counted} EXCEPT {kept})").fetchone()
    return [(TABLE, extra, missing)] if extra or missing else []
