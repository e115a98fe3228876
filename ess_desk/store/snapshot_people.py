"""Who each approved minutes' snapshot names, kept beside it (migration 0017), so that a person's
file reads a few rows instead of decoding every snapshot that refers to them (166 of 60 KB each
for the busiest person of the large demo):

- `minutes_people(person_id, minutes_id, roles)`: the people the snapshot refers to by number
  (`"person_id": N` anywhere in its text), with the roles it gives them by that number, as codes
  (`ROLES`) separated by spaces (`ref` alone: referred to elsewhere, a vote or a withdrawal);
- `minutes_names(minutes_id, role, text)`: what the snapshot names in words, that a person's
  name, e-mail or phone may be in, with the role it gives: the secretary, the presenters typed
  as text, the people it names without a number, and (`text`) the items' titles, summaries and
  decisions;
- `minutes_read(minutes_id)`: the snapshots the two tables hold. A snapshot without it (written
  by plain SQL, or one this reading cannot take: damaged) is decoded whole by its reader, as
  before.

The approval that freezes a snapshot writes its rows (`write`), the migration writes those of the
snapshots already approved (`rebuild`); triggers delete them whenever the snapshot or the status
changes, or the minutes go, whoever writes. The snapshot is a public archive that anonymisation
keeps as approved: so do these rows, which hold nothing it does not."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from ess_desk.store import database

if TYPE_CHECKING:
    from sqlite_utils import Database

# The roles, in the order a person's file lists them (ess_desk.privacy.person_file), and the
# attendance groups the file reads (the remote group is not one of them).
GROUPS = ("present", "represented", "excused", "absent", "substitutes", "guests")
ROLES = ("chair", "secretary", *GROUPS, "other", "presenter", "owner", "text")
REFERRED = "ref"
# What a person named in a snapshot holds (ess_desk.minutes.record.PersonRef, a test checks it):
# another key makes the snapshot unreadable, as it does for the minutes' own reading.
PERSON_KEYS = frozenset(
    {"name", "person_id", "college", "organisation", "guest", "member", "consent", "civility"}
)
_PERSON_ID = re.compile(r'"person_id": (\d+)(?!\d)')
# The tables of what is kept, each keyed by `minutes_id`.
_TABLES = ("minutes_read", "minutes_people", "minutes_names")


def statements() -> list[str]:
    """The tables and triggers of migration 0017 (filled by `rebuild` right after)."""
    return [
        "CREATE TABLE minutes_people (person_id INTEGER NOT NULL, minutes_id INTEGER NOT NULL, "
        "roles TEXT NOT NULL, PRIMARY KEY (person_id, minutes_id))",
        "CREATE TABLE minutes_names (minutes_id INTEGER NOT NULL, role TEXT NOT NULL, "
        "text TEXT NOT NULL)",
        "CREATE INDEX minutes_names_minutes ON minutes_names(minutes_id)",
        "CREATE TABLE minutes_read (minutes_id INTEGER PRIMARY KEY)",
        "CREATE TRIGGER snapshot_people_update AFTER UPDATE OF id, status, approved_text "
        "ON minutes WHEN OLD.id IS NOT NEW.id OR OLD.status IS NOT NEW.status "
        "OR OLD.approved_text IS NOT NEW.approved_text BEGIN "
        f"{_forget('OLD.id')} {_forget('NEW.id')} END",
        f"CREATE TRIGGER snapshot_people_insert AFTER INSERT ON minutes BEGIN {_forget('NEW.id')} "
        "END",
        f"CREATE TRIGGER snapshot_people_delete AFTER DELETE ON minutes BEGIN {_forget('OLD.id')} "
        "END",
    ]


def _forget(minutes_id: str) -> str:
    return " ".join(f"DELETE FROM {table} WHERE minutes_id = {minutes_id};" for table in _TABLES)


def _person(data: Any) -> tuple[int | None, str]:
    """(person_id, name) of a person the snapshot names, as the minutes read it back; anything
    else than a number or None as the number is left to the minutes' own reading."""
    if not isinstance(data, dict) or not PERSON_KEYS.issuperset(data):
        raise TypeError("not a person")
    person_id = data.get("person_id")
    if person_id is not None and type(person_id) is not int:
        raise TypeError("not a person's number")
    return person_id, data["name"]


def read(text: str) -> tuple[dict[int, list[str]], list[tuple[str, str]]]:
    """({person_id: roles in the order of `ROLES`}, [(role, text)]) of a snapshot; raises ValueError, KeyError,
    TypeError or AttributeError where the minutes' reading of it (record.from_json) fails."""
    data = json.loads(text)
    # Referred to by number anywhere (`REFERRED`), as the file's reader looks for it.
    referred = [int(n) for n in _PERSON_ID.findall(text)]
    people: dict[int, list[str]] = {n: [REFERRED] for n in referred}
    names: list[tuple[str, str]] = []

    def named(role: str, person: Any) -> None:
        person_id, name = _person(person)
        if person_id is None:
            names.append((role, name))
        elif role not in people.setdefault(person_id, []):
            people[person_id].append(role)

    for person in data["chair"]:
        named("chair", person)
    names.append(("secretary", data["secretary"]))
    attendance = data["attendance"]
    others = []
    for group in GROUPS:
        for line in attendance.get(group, ()):
            if not line["person"]:
                raise ValueError("a person is missing from the snapshot")
            named(group, line["person"])
            if line.get("other"):
                others.append(line["other"])
    for person in others:
        named("other", person)
    texts: list[str] = []
    for section in data["sections"]:
        if section["presenter"]:
            named("presenter", section["presenter"])
        names.append(("presenter", section["presenter_text"]))
        for action in section["actions"]:
            if action["owner"]:
                named("owner", action["owner"])
        texts.append(section["summary"])
    texts += [d["text"] for s in data["sections"] for d in s["decisions"]]
    texts += [s["title"] for s in data["sections"]]
    names += [("text", t) for t in texts]
    ordered = {p: [r for r in (REFERRED, *ROLES) if r in roles] for p, roles in people.items()}
    return ordered, [(role, t) for role, t in names if isinstance(t, str) and t]


def write(db: Database, minutes_id: int, text: str) -> bool:
    """The rows of one approved snapshot; False (nothing written) when it cannot be read."""
    return write_many(db, [(minutes_id, text)]) == 1


def write_many(db: Database, snapshots: Iterable[tuple[int, str]]) -> int:
    """`write` of each `(minutes_id, text)`, in one statement per table; returns how many
    snapshots were read (the others are left to their readers, as `write` leaves them)."""
    people_rows: list[tuple[int, int, str]] = []
    name_rows: list[tuple[int, str, str]] = []
    read_rows: list[tuple[int]] = []
    for minutes_id, text in snapshots:
        try:
            people, names = read(text)
        except (ValueError, KeyError, TypeError, AttributeError):
            continue
        people_rows += [(p, minutes_id, " ".join(roles)) for p, roles in people.items()]
        name_rows += [(minutes_id, role, t) for role, t in names]
        read_rows.append((minutes_id,))
    conn = db.conn
    conn.executemany(
        "INSERT INTO minutes_people (person_id, minutes_id, roles) VALUES (?, ?, ?)", people_rows
    )
    conn.executemany(
        "INSERT INTO minutes_names (minutes_id, role, text) VALUES (?, ?, ?)", name_rows
    )
    conn.executemany("INSERT INTO minutes_read (minutes_id) VALUES (?)", read_rows)
    return len(read_rows)


@contextmanager
def forgotten_in_bulk(db: Database, minutes_ids: Iterable[int]) -> Iterator[None]:
    """For a writer that updates many minutes at once (the demo's approvals), inside its
    transaction: what the update trigger forgets of each of these minutes is forgotten at the
    start, in one statement per table, and the trigger is set aside for the block, then put back
    word for word. Row by row the trigger runs its three deletes for each update of each minutes
    (11,600 times on the huge demo, where they read the whole of `minutes_people` until 0023 gave
    it an index by minutes). Only these minutes may change in the block; the writer writes their
    new rows after it (`write_many`)."""
    name = "snapshot_people_update"
    sql = database.scalar(
        db, "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", [name]
    )
    forget(db, minutes_ids)
    if sql is None:  # already set aside by an outer block
        yield
        return
    db.execute(f"DROP TRIGGER [{name}]")
    try:
        yield
    except BaseException:
        # Put back for a writer that goes on after a failure; not when SQLite has ended the
        # transaction itself (a full disk): its rollback has put the trigger back already, and
        # writing it again would hide the error behind « already exists ».
        if db.conn.in_transaction:
            db.execute(sql)
        raise
    db.execute(sql)


def _approved(db: Database) -> Iterator[tuple[int, str]]:
    for r in database.each_row(
        db,
        "SELECT id, approved_text FROM minutes WHERE status = 'approved' AND approved_text != ''",
    ):
        yield r["id"], r["approved_text"]


def forget(db: Database, minutes_ids: Iterable[int]) -> None:
    """What is kept of these minutes' snapshots, dropped: their readers read the snapshots."""
    ids = json.dumps(sorted(minutes_ids))
    for table in _TABLES:
        db.execute(
            f"DELETE FROM {table} WHERE minutes_id IN (SELECT value FROM json_each(?))", [ids]
        )


def rebuild(db: Database) -> None:
    """Every approved snapshot's rows, written again."""
    for table in _TABLES:
        db.execute(f"DELETE FROM {table}")
    for minutes_id, text in list(_approved(db)):
        write(db, minutes_id, text)
