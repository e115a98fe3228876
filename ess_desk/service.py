"""Writes with their audit entry: the shared mechanics of every service function."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from ess_desk import audit
from ess_desk.errors import UserError
from ess_desk.i18n import _
from ess_desk.store.database import inserted_id

if TYPE_CHECKING:
    from sqlite_utils import Database


def field_names(fields: Any) -> tuple[str, ...]:
    """The fields a service takes, in order: the keys of its `…Fields` TypedDict."""
    return tuple(fields.__annotations__)


def check_fields(values: Mapping[str, object], fields: Any, function: str) -> None:
    """Refuse a keyword a service does not take, as Python refuses a misspelt argument:
    `people.create(store, emial="anne@x.fr")` must fail, not save a person without an e-mail.
    `fields` is the service's TypedDict (`people.PersonFields`), which mypy checks the calls
    against; this is the same check when the call is not type-checked (a test, a script)."""
    unknown = sorted(set(values) - set(fields.__annotations__))
    if unknown:
        raise TypeError(f"{function}() got an unexpected keyword argument '{unknown[0]}'")


def fetch(db: Database, table: str, row_id: int) -> dict[str, Any] | None:
    cursor = db.execute(f"SELECT * FROM [{table}] WHERE id = ?", [row_id])
    row = cursor.fetchone()
    if row is None:
        return None
    return dict(zip([c[0] for c in cursor.description], row, strict=True))


def require(db: Database, table: str, row_id: int, what: str) -> dict[str, Any]:
    row = fetch(db, table, row_id)
    if row is None:
        raise UserError(_("{what} n°{id} n'existe pas.").format(what=what, id=row_id))
    return row


def insert_row(db: Database, table: str, values: dict[str, Any]) -> int:
    """INSERT one row of `values` by column, neither audited nor keyed; its id."""
    cols = list(values)
    cursor = db.execute(
        f"INSERT INTO [{table}] ({', '.join(f'[{c}]' for c in cols)}) "
        f"VALUES ({', '.join('?' for _c in cols)})",
        [values[c] for c in cols],
    )
    return inserted_id(cursor)


def insert(db: Database, table: str, entity: str, values: dict[str, Any]) -> int:
    """Insert a row and audit it; the caller holds the transaction."""
    row_id = insert_row(db, table, values)
    _refresh_keys(db, table, row_id)
    audit.record(db, entity, row_id, "create", None, fetch(db, table, row_id))
    return row_id


def _refresh_keys(db: Database, table: str, row_id: int) -> None:
    """The folded keys of a person or an organisation just written (ess_desk.store.derived)."""
    if table in ("people", "organisations"):
        from ess_desk.store import derived

        ids = [row_id]
        derived.refresh_keys(
            db,
            people=ids if table == "people" else (),
            organisations=ids if table != "people" else (),
        )


def update(db: Database, table: str, entity: str, row_id: int, values: dict[str, Any]) -> bool:
    """Update a row and audit the change; returns False when nothing changed."""
    before = fetch(db, table, row_id)
    if before is None:
        raise UserError(_("L'enregistrement n°{id} n'existe plus.").format(id=row_id))
    changed = {k: v for k, v in values.items() if before.get(k) != v}
    if not changed:
        return False
    db.execute(
        f"UPDATE [{table}] SET {', '.join(f'[{c}] = ?' for c in changed)} WHERE id = ?",
        [*changed.values(), row_id],
    )
    _refresh_keys(db, table, row_id)
    audit.record(db, entity, row_id, "update", before, fetch(db, table, row_id))
    return True


def delete(db: Database, table: str, entity: str, row_id: int) -> None:
    before = fetch(db, table, row_id)
    db.execute(f"DELETE FROM [{table}] WHERE id = ?", [row_id])
    audit.record(db, entity, row_id, "delete", before, None)
