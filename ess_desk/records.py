"""Where a record lives in the window: the page that shows it and the ids it is reached by."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database

KINDS = (
    "person",
    "organisation",
    "body",
    "mandate",
    "meeting",
    "agenda_item",
    "minutes",
    "decision",
    "action",
)


@dataclass(frozen=True)
class Target:
    """The page ("members", "bodies", "meetings", "decisions", "actions") and the ids it needs."""

    page: str
    meeting_id: int | None = None
    body_id: int | None = None
    text: str = ""  # what to type in the page's filter (an organisation's name)


def _one(db: Database, sql: str, record_id: int) -> tuple | None:
    return db.execute(sql, [record_id]).fetchone()


def locate(db: Database, kind: str, record_id: int) -> Target | None:
    """The target of a record of `kind` ("minutes" takes the meeting's id); None when it is gone
    or the kind is unknown."""
    if kind == "person":
        found = _one(db, "SELECT 1 FROM people WHERE id = ?", record_id)
        return Target("members") if found else None
    if kind == "organisation":
        found = _one(db, "SELECT name FROM organisations WHERE id = ?", record_id)
        return Target("members", text=found[0]) if found else None
    if kind == "body":
        found = _one(db, "SELECT id FROM bodies WHERE id = ?", record_id)
        return Target("bodies", body_id=found[0]) if found else None
    if kind == "mandate":
        found = _one(db, "SELECT body_id FROM mandates WHERE id = ?", record_id)
        return Target("bodies", body_id=found[0]) if found else None
    if kind in ("meeting", "minutes"):
        found = _one(db, "SELECT id, body_id FROM meetings WHERE id = ?", record_id)
        return Target("meetings", meeting_id=found[0], body_id=found[1]) if found else None
    if kind == "agenda_item":
        found = _one(
            db,
            "SELECT m.id, m.body_id FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id "
            "WHERE i.id = ?",
            record_id,
        )
        return Target("meetings", meeting_id=found[0], body_id=found[1]) if found else None
    if kind == "decision":
        found = _one(db, "SELECT meeting_id FROM decisions WHERE id = ?", record_id)
        return Target("decisions", meeting_id=found[0]) if found else None
    if kind == "action":
        found = _one(db, "SELECT body_id FROM actions WHERE id = ?", record_id)
        return Target("actions", body_id=found[0]) if found else None
    return None
