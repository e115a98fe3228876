"""Where the audit log's long copies may hold a phone number, kept beside the log (migration
0018), so that a person's file and their anonymisation find the entries that may hold their
number through an index instead of reading the long copies for its digits: the 1,100 entries of
the large demo whose copies carry a minutes' snapshot hold 67 of its 78 MB of copies.

- `audit_numbers(number, entry_id)`: the `number_keys` of the two copies of each long entry
  (copies of more than LONG characters together);
- `audit_numbered(entry_id)`: the entries whose keys are there. The log's writers key the long
  entries they write (`store.chain.append`, `audit.redact`, `audit.amend_last`: `write`);
  triggers drop the keys of an entry that changes or goes, whoever writes. An entry not there
  (a short one, or one written by plain SQL) is read by its text, as before.

A phone number as ess_desk.privacy.matching finds it (`_phone_core`) is its digits with at most
one space, full stop or hyphen between two of them, not followed by a digit; in the « +33 » form
the nine digits after the first are written so. Either way its last six digits are six ASCII
digits of one run of digits and single separators, the last one followed by no digit: the key of
that place of the text. A text holding the number has its key; a few others have it too (a date
written 2025-03-04 has the keys 202503 and 250304), which the matcher then reads and leaves."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable
from typing import TYPE_CHECKING

from ess_desk.store import database

if TYPE_CHECKING:
    from sqlite_utils import Database

KEY_DIGITS = 6
# An entry whose two copies hold more characters than this is keyed (a minutes' snapshot, a long
# text); a shorter one costs less to read than to key (an import writes 20,000 of them).
LONG = 4096
# The runs of ASCII digits with at most one separator (as the phone pattern takes them) between
# two, of KEY_DIGITS digits or more (greedy: each run whole, from its first digit).
_RUN = re.compile(rf"[0-9](?:[\s.\-]?[0-9]){{{KEY_DIGITS - 1},}}")
_SEPARATOR = re.compile(r"[\s.\-]")
_DIGIT = re.compile(r"\d")


def key(digits: str) -> int | None:
    """The key of a number written with these digits (None: too short to have one)."""
    return int(digits[-KEY_DIGITS:]) if len(digits) >= KEY_DIGITS else None


def number_keys(text: str | None) -> set[int]:
    """The keys of every place in `text` where a phone number may end: after each group of
    digits of a run (the last one only when no digit, of any script, follows), the run's last
    KEY_DIGITS digits up to there."""
    keys: set[int] = set()
    if not text:
        return keys
    for run in _RUN.finditer(text):
        groups = _SEPARATOR.split(run.group())
        digits = "".join(groups)
        end = 0
        last = len(groups) - 1
        for n, group in enumerate(groups):
            end += len(group)
            if end < KEY_DIGITS:
                continue
            if n == last and _DIGIT.match(text, run.end()):
                continue  # followed by a digit of another script: no number ends here
            keys.add(int(digits[end - KEY_DIGITS : end]))
    return keys


def is_long(before: str | None, after: str | None) -> bool:
    return len(before or "") + len(after or "") > LONG


def statements() -> list[str]:
    """The tables and triggers of migration 0018 (filled by `rebuild` right after)."""
    forget = (
        "DELETE FROM audit_numbered WHERE entry_id IN (OLD.id, NEW.id); "
        "DELETE FROM audit_numbers WHERE entry_id IN (OLD.id, NEW.id);"
    )
    return [
        "CREATE TABLE audit_numbers (number INTEGER NOT NULL, entry_id INTEGER NOT NULL, "
        "PRIMARY KEY (number, entry_id))",
        "CREATE INDEX audit_numbers_entry ON audit_numbers(entry_id)",
        "CREATE TABLE audit_numbered (entry_id INTEGER PRIMARY KEY)",
        "CREATE TRIGGER numbers_audit_log_update AFTER UPDATE OF id, before, after ON audit_log "
        "WHEN OLD.id IS NOT NEW.id OR OLD.before IS NOT NEW.before OR OLD.after IS NOT NEW.after "
        f"BEGIN {forget} END",
        "CREATE TRIGGER numbers_audit_log_delete AFTER DELETE ON audit_log BEGIN "
        f"{forget.replace('NEW.id', 'OLD.id')} END",
        # INSERT OR REPLACE deletes the row it replaces without the delete trigger.
        "CREATE TRIGGER numbers_audit_log_insert AFTER INSERT ON audit_log BEGIN "
        "DELETE FROM audit_numbered WHERE entry_id = NEW.id; END",
    ]


def write(
    conn: sqlite3.Connection,
    entries: Iterable[tuple[int, str | None, str | None]],
    keyed: dict[str, set[int]] | None = None,
    *,
    checked: bool = False,
) -> None:
    """Key the long ones of these entries `(id, before, after)` just written; nothing on a file
    the migration has not reached yet. `keyed`: the keys of texts already read, kept across
    calls by a caller writing many entries one at a time (an anonymisation's redactions copy the
    same snapshot again and again); `checked`: the caller knows the tables are there."""
    long = [(entry_id, b, a) for entry_id, b, a in entries if is_long(b, a)]
    if not long or not (checked or database.has_table(conn, "audit_numbered")):
        return
    # A text in two entries (an update's after, the next update's before) is keyed once.
    known: dict[str, set[int]] = {} if keyed is None else keyed

    def keys(text: str | None) -> set[int]:
        if not text:
            return set()
        found = known.get(text)
        if found is None:
            found = known[text] = number_keys(text)
        return found

    conn.executemany(
        "INSERT OR IGNORE INTO audit_numbers (number, entry_id) VALUES (?, ?)",
        [(k, entry_id) for entry_id, b, a in long for k in keys(b) | keys(a)],
    )
    conn.executemany(
        "INSERT OR IGNORE INTO audit_numbered (entry_id) VALUES (?)",
        [(entry_id,) for entry_id, _b, _a in long],
    )


def rebuild(db: Database) -> None:
    """The keys of every long entry, written again."""
    db.execute("DELETE FROM audit_numbers")
    db.execute("DELETE FROM audit_numbered")
    cursor = db.conn.execute("SELECT id, before, after FROM audit_log")
    while rows := cursor.fetchmany(1000):
        write(db.conn, rows)
