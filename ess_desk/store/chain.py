"""The audit log as a hash chain: each entry carries the digest of the one before it, so that an
entry changed, removed or slipped in behind the program's back breaks the chain from there on.

An entry's `hash` covers the previous entry's hash, its own id, moment, user, entity, action and
the digest of its content (`content_digest`, over the states before and after). The content is
kept out of the chain itself so that an anonymisation can blank a person's identity in old
entries (`redacted`) without breaking it: those entries keep their place and their hash, and
the anonymisation's own entry lists them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from typing import Any

from ess_desk.store import database

GENESIS = ""  # the "previous hash" of the first entry
COLUMNS = ("content_digest", "prev_hash", "hash", "redacted")


def _frame(parts: Iterable[Any]) -> bytes:
    """Unambiguous bytes for a sequence of values: each string with its length, None as "-"."""
    return "".join(map(_framed, parts)).encode("utf-8", "surrogatepass")


def _framed(part: Any) -> str:
    if part is None:
        return "-"
    text = part if type(part) is str else str(part)
    return f"{len(text)}:{text}"


def content_digest(before: str | None, after: str | None) -> str:
    return hashlib.sha256(_frame((before, after))).hexdigest()


def content_digest_utf8(copies: Iterable[tuple[str | None, bytes | None]]) -> str:
    """`content_digest(before, after)` from each copy's text and its UTF-8 bytes as SQLite holds
    them (the bytes that decode, strictly, to that text; None: encoded here): the bytes are
    hashed as they are, without encoding the text again (a person's file vouches for 20 MB of
    copies)."""
    digest = hashlib.sha256()
    for text, utf8 in copies:
        if text is None:
            digest.update(b"-")
        else:
            digest.update(b"%d:" % len(text))
            digest.update(text.encode("utf-8", "surrogatepass") if utf8 is None else utf8)
    return digest.hexdigest()


def entry_hash(
    prev_hash: str,
    entry_id: int,
    at: str,
    os_user: str,
    entity: str,
    entity_id: int | None,
    action: str,
    digest: str,
) -> str:
    return hashlib.sha256(
        _frame((prev_hash, entry_id, at, os_user, entity, entity_id, action, digest))
    ).hexdigest()


def has_chain(conn: Any) -> bool:
    """True when the audit log of this connection's file carries the chain (migration 0007)."""
    return "hash" in database.column(conn, "SELECT name FROM pragma_table_info('audit_log')")


def head(conn: Any) -> tuple[int, str] | None:
    """The last entry of the chain: (id, hash), or None for an empty log (or one without chain)."""
    if not has_chain(conn):
        return None
    row = database.row(conn, "SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1")
    return (int(row["id"]), str(row["hash"] or "")) if row else None


# One entry as written: (at, os_user, entity, entity_id, action, before, after).
Entry = tuple[str, str, str, int | None, str, str | None, str | None]


def chained(
    entries: Iterable[Entry],
    last_id: int,
    prev: str,
    long: list[tuple[int, str | None, str | None]] | None = None,
    longer_than: int = 0,
) -> Iterator[tuple[Any, ...]]:
    """The rows to insert for `entries` after the entry (`last_id`, `prev`): each with its id,
    content digest, previous hash and hash — `content_digest` and `entry_hash` of each entry,
    with the framing of the parts a bulk write shares (moment, user, entity, action) made once
    per run of entries that share them (a 10,000-member import writes 20,000 entries). The
    entries whose two copies hold more than `longer_than` characters are added to `long`, with
    their id (`audit_numbers.is_long`)."""
    sha256 = hashlib.sha256
    shared: tuple[str, str, str, str] | None = None
    head = tail = ""
    entry_id = last_id
    for at, user, entity, entity_id, action, before, after in entries:
        entry_id += 1
        if shared != (at, user, entity, action):
            shared = (at, user, entity, action)
            head = _framed(at) + _framed(user) + _framed(entity)
            tail = _framed(action) + "64:"  # the digest is 64 hexadecimal digits
        # _framed written out for the usual cases (nothing before a creation, a text after it,
        # an int id): a call less per part, 3-5 ms of the 20,800 entries of a member import.
        if before is None and type(after) is str:
            content = f"-{len(after)}:{after}"
        else:
            content = _framed(before) + _framed(after)
        digest = sha256(content.encode("utf-8", "surrogatepass")).hexdigest()
        text_id = str(entry_id)
        if type(entity_id) is int:
            text_entity = str(entity_id)
            framed_entity = f"{len(text_entity)}:{text_entity}"
        else:
            framed_entity = _framed(entity_id)
        value = sha256(
            f"{len(prev)}:{prev}{len(text_id)}:{text_id}{head}{framed_entity}{tail}{digest}".encode(
                "utf-8", "surrogatepass"
            )
        ).hexdigest()
        if long is not None and len(before or "") + len(after or "") > longer_than:
            long.append((entry_id, before, after))
        yield (entry_id, at, user, entity, entity_id, action, before, after, digest, prev, value)
        prev = value


COLUMNS_WRITTEN = (
    "id", "at", "os_user", "entity", "entity_id", "action", "before", "after",
    "content_digest", "prev_hash", "hash",
)  # fmt: skip


def append(conn: Any, entries: Iterable[Entry]) -> int:
    """Append entries at the end of the chain (inside the caller's transaction); returns how
    many were written."""
    last = database.row(conn, "SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1")
    last_id, prev = (int(last["id"]), str(last["hash"] or GENESIS)) if last else (0, GENESIS)
    from ess_desk.store import audit_numbers  # not on the start path
    from ess_desk.store.bulk import insert_rows

    long: list[tuple[int, str | None, str | None]] = []
    rows = chained(entries, last_id, prev, long, audit_numbers.LONG)
    written = insert_rows(conn, "audit_log", COLUMNS_WRITTEN, rows)
    audit_numbers.write(conn, long)  # where their copies may hold a phone number
    return written


def rechain(conn: Any) -> int:
    """Compute the chain over the whole log as it stands (the migration that brings the chain,
    on the entries written before it). Returns the number of entries."""
    prev = GENESIS
    count = 0
    rows = database.rows(
        conn,
        "SELECT id, at, os_user, entity, entity_id, action, before, after FROM audit_log "
        "ORDER BY id",
    )
    updates = []
    for r in rows:
        entry_id = r["id"]
        digest = content_digest(r["before"], r["after"])
        value = _hash_of(r, prev, digest)
        updates.append((digest, prev, value, entry_id))
        prev = value
        count += 1
    conn.executemany(
        "UPDATE audit_log SET content_digest = ?, prev_hash = ?, hash = ? WHERE id = ?", updates
    )
    return count


def first_break(conn: Any) -> tuple[int, str] | None:
    """The first entry where the chain does not hold, with why ("content", "link", "hash"), or
    None when every entry is in place. Redacted entries are not checked against their content."""
    prev = GENESIS
    cursor = database.each_row(
        conn,
        "SELECT id, at, os_user, entity, entity_id, action, before, after, content_digest, "
        "prev_hash, hash, redacted FROM audit_log ORDER BY id",
    )
    for row in cursor:
        entry_id, digest, stored = row["id"], row["content_digest"], row["hash"]
        if row["prev_hash"] != prev:
            return entry_id, "link"
        if not row["redacted"] and digest != content_digest(row["before"], row["after"]):
            return entry_id, "content"
        if stored != _hash_of(row, prev, digest or ""):
            return entry_id, "hash"
        prev = stored
    return None


def _hash_of(row: database.Row, prev: str, digest: str) -> str:
    """The hash of an entry read from the log (by its columns' names), after `prev`."""
    return entry_hash(
        prev,
        row["id"],
        row["at"],
        row["os_user"],
        row["entity"],
        row["entity_id"],
        row["action"],
        digest,
    )
