"""The audit log: every change made through a service function, in the same transaction."""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING, Any

from ess_desk.store.lock import current_user

if TYPE_CHECKING:
    from sqlite_utils import Database


def record(
    db: Database,
    entity: str,
    entity_id: int | None,
    action: str,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
) -> None:
    """Append one entry; call inside the transaction that made the change."""
    db.execute(
        "INSERT INTO audit_log (at, os_user, entity, entity_id, action, before, after) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            dt.datetime.now().isoformat(timespec="seconds"),
            current_user(),
            entity,
            entity_id,
            action,
            json.dumps(before, ensure_ascii=False, default=str) if before is not None else None,
            json.dumps(after, ensure_ascii=False, default=str) if after is not None else None,
        ],
    )


def history(db: Database, entity: str, entity_id: int) -> list[dict[str, Any]]:
    rows = db.execute(
        "SELECT id, at, os_user, action, before, after FROM audit_log "
        "WHERE entity = ? AND entity_id = ? ORDER BY id",
        [entity, entity_id],
    ).fetchall()
    return [
        {
            "id": r[0],
            "at": r[1],
            "os_user": r[2],
            "action": r[3],
            "before": json.loads(r[4]) if r[4] else None,
            "after": json.loads(r[5]) if r[5] else None,
        }
        for r in rows
    ]
