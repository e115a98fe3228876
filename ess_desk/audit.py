"""The audit log: every change made through a service function, in the same transaction."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from ess_desk.store import chain, database
from ess_desk.store.database import rows
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
    """Append one entry to the chain; call inside the transaction that made the change."""
    chain.append(
        db.conn,
        [
            (
                dt.datetime.now().isoformat(timespec="seconds"),
                current_user(),
                entity,
                entity_id,
                action,
                as_json(before),
                as_json(after),
            )
        ],
    )


# (entity_id, before, after): the two states as JSON text already (see as_json, created_rows).
Entry = tuple[int | None, str | None, str | None]


def as_json(values: dict[str, Any] | None) -> str | None:
    """A state as the log keeps it (what `record` writes)."""
    if values is None:
        return None
    return json.dumps(values, ensure_ascii=False, default=str)


def record_many(db: Database, entity: str, action: str, entries: Iterable[Entry]) -> int:
    """Append many entries of one kind at once (a bulk import, the demo), with one time and one
    user, through one prepared statement; call inside the transaction that made the changes.
    Returns how many were written. Every bulk write of the log goes through here."""
    at = dt.datetime.now().isoformat(timespec="seconds")
    user = current_user()
    return chain.append(
        db.conn,
        ((at, user, entity, row_id, action, before, after) for row_id, before, after in entries),
    )


def record_many_kinds(
    db: Database, entries: Iterable[tuple[str, int | None, str, str | None, str | None]]
) -> int:
    """`record_many` for entries of several kinds, in their order, given as (entity, entity_id,
    action, before, after), the states as JSON text (`as_json`): a bulk writer that stands for
    several service calls in turn (the demo approving, publishing and closing, minutes after
    minutes) writes their entries as those calls would, with one time and one user."""
    at = dt.datetime.now().isoformat(timespec="seconds")
    user = current_user()
    return chain.append(
        db.conn,
        (
            (at, user, entity, row_id, action, before, after)
            for entity, row_id, action, before, after in entries
        ),
    )


def head(db: Database) -> tuple[int, str] | None:
    """The last entry of the log: (id, hash), what a backup and approved minutes record."""
    return chain.head(db.conn)


def amend_last(db: Database, entry_id: int, at: str, after: dict[str, Any] | None) -> None:
    """Carry on the last entry (a typing session of the minutes continues its entry): its moment
    and state after change, its digest and hash computed again. Only the last entry may change
    this way, so that nothing after it depends on the old hash."""
    row = database.row(
        db,
        "SELECT id, os_user, entity, entity_id, action, before, prev_hash FROM audit_log "
        "ORDER BY id DESC LIMIT 1",
    )
    if row is None or row["id"] != entry_id:
        raise ValueError("only the last entry of the audit log can be carried on")
    user, entity, entity_id = row["os_user"], row["entity"], row["entity_id"]
    action, before, prev = row["action"], row["before"], row["prev_hash"]
    text = as_json(after)
    digest = chain.content_digest(before, text)
    value = chain.entry_hash(
        prev or chain.GENESIS, entry_id, at, user, entity, entity_id, action, digest
    )
    db.execute(
        "UPDATE audit_log SET at = ?, after = ?, content_digest = ?, hash = ? WHERE id = ?",
        [at, text, digest, value, entry_id],
    )
    from ess_desk.store import audit_numbers  # not on the start path

    audit_numbers.write(db.conn, [(entry_id, before, text)])  # its trigger dropped the old keys


def redact(db: Database, entry_id: int, before: str | None, after: str | None) -> None:
    """Blank identities in an old entry (anonymisation): its place and hash in the chain stay;
    the anonymisation's own entry lists it (`redacted_entries`)."""
    redact_many(db, [(entry_id, before, after)])


def redact_many(db: Database, entries: Iterable[tuple[int, str | None, str | None]]) -> None:
    """`redact` of each entry `(id, before, after)`, in that order, one statement each as
    `redact` writes it (the same rows in the same order): the tables of migration 0018 looked
    up once, and a copy held by several entries keyed once."""
    from ess_desk.store import audit_numbers  # not on the start path

    numbered = database.has_table(db.conn, "audit_numbered")
    keyed: dict[str, set[int]] = {}
    for entry_id, before, after in entries:
        db.execute(
            "UPDATE audit_log SET before = ?, after = ?, redacted = 1 WHERE id = ?",
            [before, after, entry_id],
        )
        if numbered:  # its trigger dropped the old keys
            audit_numbers.write(db.conn, [(entry_id, before, after)], keyed, checked=True)


def created_rows(columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> Iterator[Entry]:
    """The "create" entries of new rows given as tuples in `columns` order (the first is the
    id): the same JSON text as `as_json(dict(zip(columns, row)))`, written from a template made
    once for the columns and values encoded a column at a time (a column of strings, of ints or
    of nulls in one pass of json's C writer or of `int.__repr__`), about six times faster than
    json.dumps for thousands of rows."""
    names = (json.dumps(c, ensure_ascii=False).replace("%", "%%") for c in columns)
    template = "{" + ", ".join(f"{name}: %s" for name in names) + "}"
    rows = rows if isinstance(rows, list) else list(rows)
    if not rows:
        return
    # Each column's values encoded at once, then put together row by row by the template.
    columns_text = [_json_column(values) for values in zip(*rows, strict=True)]
    texts = map(template.__mod__, zip(*columns_text, strict=True))
    for row, text in zip(rows, texts, strict=True):
        yield row[0], None, text


_ENCODE_STRING = json.encoder.encode_basestring  # the C encoder of json.dumps(ensure_ascii=False)
_BY_TYPE = {str: _ENCODE_STRING, int: int.__repr__, type(None): lambda _v: "null"}


def _json_column(values: tuple[Any, ...]) -> list[str]:
    """json.dumps of each value of a column; a column of one plain type in one pass."""
    kinds = set(map(type, values))
    if len(kinds) == 1:
        kind = kinds.pop()
        if kind is type(None):
            return ["null"] * len(values)
        if kind is str or kind is int:
            return list(map(_BY_TYPE[kind], values))
    return list(map(_json_value, values))


def _json_value(value: Any) -> str:
    encode = _BY_TYPE.get(type(value))
    if encode is not None:
        return encode(value)
    return json.dumps(value, ensure_ascii=False, default=str)  # bool, float, anything else


def history(db: Database, entity: str, entity_id: int) -> list[dict[str, Any]]:
    found = rows(
        db,
        "SELECT id, at, os_user, action, before, after FROM audit_log "
        "WHERE entity = ? AND entity_id = ? ORDER BY id",
        [entity, entity_id],
    )
    return [
        {
            **dict(r),
            "before": json.loads(r["before"]) if r["before"] else None,
            "after": json.loads(r["after"]) if r["after"] else None,
        }
        for r in found
    ]
