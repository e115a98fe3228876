"""The large demo's minutes drafts, written in bulk.

The small demo drafts each minutes through the services (`minutes.start`, `minutes.update`,
`minutes.save_section` for each item, `decisions.add_decision`, `minutes.submit`): on the huge
demo, ~6,000 minutes and their ~35,000 sections, each service call reading again the minutes,
the item and the row it wrote. Here the same rules are checked by the same functions
(`minutes.draft_changes`, `minutes.missing_of`, `decisions.decision_values`,
`agenda.item_values`, `minutes.approval_first`), the sections, decisions and the minutes' changes
are written a batch at a time with executemany, and the audit entries appended to the chain in
the order and with the content the services give them. What later reads depend on is written at
once: the minutes' rows (as `start` inserts them) and the approval items with their agenda's new
order (the next meeting's minutes read its agenda).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ess_desk import audit, service
from ess_desk.demo.approvals import _changes, _update_many
from ess_desk.errors import UserError
from ess_desk.i18n import _
from ess_desk.meetings import agenda, meetings
from ess_desk.minutes import decisions, minutes
from ess_desk.store import Store, database

# Minutes drafted before their sections, decisions and changes are written.
BATCH = 100


class ServiceDrafts:
    """The drafts through the services, one call at a time (the small demo)."""

    def __init__(self, store: Store):
        self.store = store

    def start(self, meeting_id: int) -> int:
        return minutes.start(self.store, meeting_id)

    def update(self, minutes_id: int, secretary: str, closing_time: dt.time) -> None:
        minutes.update(self.store, minutes_id, secretary=secretary, closing_time=closing_time)

    def save_section(self, minutes_id: int, item_id: int, summary: str) -> None:
        minutes.save_section(self.store, minutes_id, item_id, summary)

    def add_decision(self, item_id: int, kind: str, text: str) -> None:
        decisions.add_decision(self.store, item_id, kind, text)

    def submit(self, minutes_id: int, today: dt.date) -> None:
        minutes.submit(self.store, minutes_id, today=today)

    def drafted(self) -> None:
        """One minutes drafted."""

    def finish(self) -> None:
        """Nothing is held."""


class BulkDrafts(ServiceDrafts):
    """The drafts as the services write them, in bulk: call in the order the services would be,
    then `finish` (in the demo's transaction)."""

    def __init__(self, store: Store):
        super().__init__(store)
        self.db = store.db
        self.defaults = {t: _defaults(self.db, t) for t in ("minutes", "decisions")}
        self.rows: dict[int, dict[str, Any]] = {}  # the minutes of the batch, as they stand
        self.inserted: dict[int, dict[str, Any]] = {}  # …and as `start` inserted them
        self.sections: list[tuple[Any, ...]] = []
        self.decisions: list[dict[str, Any]] = []
        self.entries: list[tuple[str, int | None, str, str | None, str | None]] = []
        self.numbers: dict[int, int] = {}  # the register's last number by year
        self.next_id = {
            table: database.scalar(self.db, f"SELECT COALESCE(MAX(id), 0) FROM {table}") + 1
            for table in ("minutes_sections", "decisions")
        }

    def start(self, meeting_id: int) -> int:
        existing = minutes.get_minutes(self.db, meeting_id)
        if existing is not None:
            return existing.id
        meeting = meetings.get(self.db, meeting_id)
        if meeting.status in ("cancelled", "postponed"):
            meetings.ensure_open(meeting)
        now = minutes._now()
        values = {"meeting_id": meeting_id, "status": "draft", "created_at": now, "updated_at": now}
        minutes_id = service.insert_row(self.db, "minutes", values)
        row = {c: values.get(c, d) for c, d in self.defaults["minutes"].items()} | {
            "id": minutes_id
        }
        self.rows[minutes_id] = self.inserted[minutes_id] = row
        self.entries.append((minutes.ENTITY, minutes_id, "create", None, audit.as_json(row)))
        return minutes_id

    def _draft(self, minutes_id: int) -> minutes.Minutes:
        current = minutes.Minutes.from_row(self.rows[minutes_id])
        minutes._ensure_draft(current, self.db)
        return current

    def _change(self, minutes_id: int, values: dict[str, Any]) -> None:
        """`service.update` of the minutes, in memory: the values that differ, audited."""
        before = self.rows[minutes_id]
        changed = {k: v for k, v in values.items() if before.get(k) != v}
        if not changed:
            return
        after = self.rows[minutes_id] = before | changed
        self.entries.append(
            (minutes.ENTITY, minutes_id, "update", audit.as_json(before), audit.as_json(after))
        )

    def update(self, minutes_id: int, secretary: str, closing_time: dt.time) -> None:
        current = self._draft(minutes_id)
        changed = minutes.draft_changes(
            current, {"secretary": secretary, "closing_time": closing_time}
        )
        if changed:
            self._change(minutes_id, changed | {"updated_at": minutes._now()})

    def save_section(self, minutes_id: int, item_id: int, summary: str) -> None:
        text = (summary or "").replace("\r\n", "\n")
        current = self._draft(minutes_id)
        item = service.require(self.db, "agenda_items", item_id, _("Le point"))
        if item["meeting_id"] != current.meeting_id:
            raise UserError(_("Ce point n'est pas à l'ordre du jour de cette séance."))
        section_id = self._take_id("minutes_sections")
        row = {
            "id": section_id,
            "minutes_id": minutes_id,
            "item_id": item_id,
            "summary": text,
            "updated_at": minutes._now(),
        }
        self.sections.append(tuple(row.values()))
        self.entries.append(
            (minutes.SECTION_ENTITY, section_id, "create", None, audit.as_json(row))
        )

    def add_decision(self, item_id: int, kind: str, text: str) -> None:
        values = decisions.decision_values(self.db, item_id, kind, text, self._number)
        decision_id = self._take_id("decisions")
        row = {c: values.get(c, d) for c, d in self.defaults["decisions"].items()}
        row["id"] = decision_id
        self.decisions.append(row)
        self.entries.append((decisions.ENTITY, decision_id, "create", None, audit.as_json(row)))

    def submit(self, minutes_id: int, today: dt.date) -> None:
        db = self.db
        current = self._draft(minutes_id)
        meeting = meetings.get(db, current.meeting_id)
        following_id, item_id = minutes.submission_item(db, current, meeting)
        if item_id is None:
            item_id = self._approval_item(following_id, minutes.approval_item_values(meeting))
        self._change(minutes_id, minutes.submission_values(item_id, today))

    def _approval_item(self, meeting_id: int, values: dict[str, Any]) -> int:
        """`agenda.add_item` then `minutes._put_first`, written at once (read by the drafts of
        the meeting it is on), their entries in turn."""
        db = self.db
        item_id = service.insert_row(db, "agenda_items", agenda.item_values(db, meeting_id, values))
        row = service.fetch(db, "agenda_items", item_id)
        assert row is not None
        self.entries.append(("agenda_item", item_id, "create", None, audit.as_json(row)))
        order, new_order = minutes.approval_first(agenda.items(db, meeting_id), item_id)
        if new_order != order:
            db.conn.executemany(
                "UPDATE agenda_items SET position = ? WHERE id = ?",
                [(position, iid) for position, iid in enumerate(new_order, start=1)],
            )
            self.entries.append(
                (
                    "agenda",
                    meeting_id,
                    "reorder",
                    audit.as_json({"order": order}),
                    audit.as_json({"order": new_order}),
                )
            )
        return item_id

    def _take_id(self, table: str) -> int:
        taken = self.next_id[table]
        self.next_id[table] = taken + 1
        return taken

    def _number(self, year: int) -> int:
        """The register's next number in `year` (`decisions.add` reads it from the file)."""
        if year not in self.numbers:
            self.numbers[year] = database.scalar(
                self.db, "SELECT COALESCE(MAX(number), 0) FROM decisions WHERE year = ?", [year]
            )
        self.numbers[year] += 1
        return self.numbers[year]

    def drafted(self) -> None:
        """One minutes drafted: the batch is written when full."""
        if len(self.rows) >= BATCH:
            self.finish()

    def finish(self) -> None:
        """Write what was drafted since the last batch."""
        conn = self.db.conn
        if self.sections:
            conn.executemany(
                "INSERT INTO minutes_sections (id, minutes_id, item_id, summary, updated_at) "
                "VALUES (?, ?, ?, ?, ?)",
                self.sections,
            )
        if self.decisions:
            columns = list(self.decisions[0])
            conn.executemany(
                f"INSERT INTO decisions ({', '.join(columns)}) "
                f"VALUES ({', '.join('?' for _c in columns)})",
                [[d[c] for c in columns] for d in self.decisions],
            )
        changes = [_changes(self.inserted[m], row) for m, row in self.rows.items()]
        _update_many(conn, "minutes", [c for c in changes if len(c) > 1])
        audit.record_many_kinds(self.db, self.entries)
        self.rows, self.inserted, self.sections, self.decisions, self.entries = {}, {}, [], [], []


def _defaults(db: Any, table: str) -> dict[str, Any]:
    """Each column of `table`, in order, with the value SQLite gives it when an INSERT leaves it
    out (its default, evaluated by SQLite; None without one)."""
    out = {}
    for column in database.rows(db, f"SELECT name, dflt_value FROM pragma_table_info('{table}')"):
        default = column["dflt_value"]
        out[column["name"]] = None if default is None else database.scalar(db, f"SELECT {default}")
    return out
