"""The large demo's approvals of minutes, written in bulk.

The small demo approves each minutes through the services (`minutes.approve`, then
`minutes.record_publication` and `meetings.set_status(…, "closed")`): thousands of them on the
huge demo each fetched, updated and audited their rows three times, appended to the audit chain
three times, and had the snapshots' update trigger forget each one's people apart. Here the
same rules are checked by the same functions (`minutes.approvable`, `minutes.publication_values`,
`meetings.status_values`) and the same snapshots composed (`minutes.snapshot_of`), then the rows,
the snapshots' people and the audit entries are written a batch at a time with executemany, in
the order and with the content the services give them.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ess_desk import audit, service
from ess_desk.meetings import meetings
from ess_desk.meetings.attendance import Count
from ess_desk.minutes import minutes
from ess_desk.store import Store, snapshot_people

# Approvals composed before they are written: their snapshots and audit copies (three copies of
# a snapshot of up to 60 KB each) are held until then.
BATCH = 250


class BulkApprovals:
    """Approves minutes as `minutes.approve` would, and records that they were signed the next day
    and published two days later, and that the meeting they are of is closed; `add` one approval
    item after the other, in the order the services would take them, then `finish` (in the
    demo's transaction)."""

    def __init__(self, store: Store):
        self.db = store.db
        self.now = dt.datetime.now().isoformat(timespec="seconds")
        self.entries: list[tuple[str, int, str, str | None, str | None]] = []
        self.minutes_rows: list[dict[str, Any]] = []
        self.closed: list[dict[str, Any]] = []
        self.snapshots: list[tuple[int, str]] = []

    def add(self, item_id: int, opening: Count | None = None) -> None:
        """Approve the minutes on the approval item `item_id` (`opening`: the approving meeting's
        count at its opening for that item, when the caller has it)."""
        db = self.db
        found, approving = minutes.approvable(db, item_id, opening)
        snapshot = minutes.snapshot_of(db, found)
        before = service.fetch(db, "minutes", found.id)
        assert before is not None  # approvable found it
        approved = before | minutes.approval_values(approving, snapshot, self.now)
        signed, published_on = publication_days(approving.day)
        published = approved | minutes.publication_values(
            minutes.Minutes.from_row(approved), signed=signed, published=published_on
        )
        meeting = service.fetch(db, "meetings", found.meeting_id)
        assert meeting is not None
        closing = meetings.status_values(meetings.Meeting.from_row(meeting), "closed")
        approved_json = audit.as_json(approved)
        self.entries += [
            (minutes.ENTITY, found.id, "update", audit.as_json(before), approved_json),
            (minutes.ENTITY, found.id, "update", approved_json, audit.as_json(published)),
            ("meeting", meeting["id"], "update", audit.as_json(meeting),
             audit.as_json(meeting | closing)),
        ]  # fmt: skip
        # What service.update would write: the values that change.
        self.minutes_rows.append(_changes(before, published))
        self.closed.append(_changes(meeting, meeting | closing))
        self.snapshots.append((found.id, snapshot))
        if len(self.snapshots) >= BATCH:
            self._write()

    def finish(self) -> None:
        """Write the last approvals."""
        self._write()

    def _write(self) -> None:
        """Write what was approved since the last batch."""
        if not self.snapshots:
            return
        db, conn = self.db, self.db.conn
        with snapshot_people.forgotten_in_bulk(db, [m for m, _s in self.snapshots]):
            _update_many(conn, "minutes", self.minutes_rows)
        snapshot_people.write_many(db, self.snapshots)
        _update_many(conn, "meetings", self.closed)
        audit.record_many_kinds(db, self.entries)
        self.entries, self.minutes_rows, self.closed, self.snapshots = [], [], [], []


def publication_days(approved_on: dt.date) -> tuple[dt.date, dt.date]:
    """The days the demo's minutes approved on `approved_on` are signed and published, within
    the rule's days (CGCT L. 2121-15: the week after): the next day, and three days after."""
    return approved_on + dt.timedelta(days=1), approved_on + dt.timedelta(days=3)


def _changes(before: dict[str, Any], after: dict[str, Any]) -> dict[str, Any]:
    """The values of `after` that differ from `before`, and the row's id."""
    return {k: v for k, v in after.items() if v != before[k]} | {"id": before["id"]}


def _update_many(conn: Any, table: str, changes: list[dict[str, Any]]) -> None:
    """The rows' `changes` (`_changes`) written as `service.update` writes each, one UPDATE
    statement per set of columns changed, run for every row that changes them."""
    grouped: dict[tuple[str, ...], list[list[Any]]] = {}
    for change in changes:
        columns = tuple(c for c in change if c != "id")
        grouped.setdefault(columns, []).append([*(change[c] for c in columns), change["id"]])
    for columns, rows in grouped.items():
        conn.executemany(
            f"UPDATE [{table}] SET {', '.join(f'[{c}] = ?' for c in columns)} WHERE id = ?", rows
        )
