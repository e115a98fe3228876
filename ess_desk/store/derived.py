"""Data derived from the rows and kept beside them, so that the window's long lists answer at once
on a council of any size (migration 0013):

- the folded keys of people and organisations (`fold`: case and accents ignored), which the
  Membres table sorts and filters by in SQL: `people_keys(person_id, name_key, email_key)` with
  name_key = « fold(last name) \\n fold(first name) » (ordered as the pair is: « \\n » comes
  before every letter), `organisation_keys(organisation_id, name_key)`;
- the actions' counts by body, status and theme (`action_counts`) and by status and due date
  (`action_due_counts`), which the dashboard and the Actions page read instead of counting
  300,000 rows (`actions.queries.kept_counts`).

A key is a cache: triggers delete it whenever what it folds changes, whoever writes (a service,
an import, plain SQL), `refresh_keys` writes the missing ones (the services after each write,
bulk writers at their end), and a reader falls back on the `ess_fold` SQL function (registered
on its connection by `register`, which every reader calls first) for a row whose key is
missing. The counts are kept by triggers in the same transaction as every write to `actions`;
bulk writers may set those triggers aside and `rebuild` at the end.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from ess_desk.store import database
from ess_desk.text import fold

if TYPE_CHECKING:
    from sqlite_utils import Database

FOLD_FUNCTION = "ess_fold"

# The SQL that computes a key from its row when the key is missing (`p`, `o`: the row's alias).
PERSON_NAME_KEY = (
    f"{FOLD_FUNCTION}({{p}}.last_name) || char(10) || {FOLD_FUNCTION}({{p}}.first_name)"
)
PERSON_EMAIL_KEY = f"{FOLD_FUNCTION}({{p}}.email)"
ORGANISATION_NAME_KEY = f"{FOLD_FUNCTION}({{o}}.name)"


def register(conn: sqlite3.Connection) -> None:
    """`ess_fold(text)` in this connection's SQL (what a missing key is computed with). Only
    readers call it: no trigger or index does, so other programs can still write the file."""
    try:
        conn.execute(f"SELECT {FOLD_FUNCTION}('')").fetchone()
        return  # already there (SQLite refuses to redefine it while a statement runs)
    except sqlite3.OperationalError:
        pass
    conn.create_function(FOLD_FUNCTION, 1, fold, deterministic=True)


def person_name_key(last_name: str, first_name: str, folded: Callable[[str], str] = fold) -> str:
    """PERSON_NAME_KEY computed in Python (`folded`: `fold`, or a cache of it for a bulk writer
    whose names repeat)."""
    return f"{folded(last_name)}\n{folded(first_name)}"


def statements() -> list[str]:
    """The tables and triggers of migration 0013 (filled by `rebuild` right after)."""
    return [
        "CREATE TABLE people_keys (person_id INTEGER PRIMARY KEY, name_key TEXT NOT NULL, "
        "email_key TEXT NOT NULL)",
        "CREATE TABLE organisation_keys (organisation_id INTEGER PRIMARY KEY, "
        "name_key TEXT NOT NULL)",
        # A new row (INSERT OR REPLACE included: it deletes without a delete trigger) never
        # inherits the key of a row that had its id.
        "CREATE TRIGGER derived_people_insert AFTER INSERT ON people BEGIN "
        "DELETE FROM people_keys WHERE person_id = NEW.id; END",
        "CREATE TRIGGER derived_people_update AFTER UPDATE OF id, first_name, last_name, email "
        "ON people WHEN OLD.id IS NOT NEW.id OR OLD.first_name IS NOT NEW.first_name "
        "OR OLD.last_name IS NOT NEW.last_name OR OLD.email IS NOT NEW.email BEGIN "
        "DELETE FROM people_keys WHERE person_id IN (OLD.id, NEW.id); END",
        "CREATE TRIGGER derived_people_delete AFTER DELETE ON people BEGIN "
        "DELETE FROM people_keys WHERE person_id = OLD.id; END",
        "CREATE TRIGGER derived_organisations_insert AFTER INSERT ON organisations BEGIN "
        "DELETE FROM organisation_keys WHERE organisation_id = NEW.id; END",
        "CREATE TRIGGER derived_organisations_update AFTER UPDATE OF id, name ON organisations "
        "WHEN OLD.id IS NOT NEW.id OR OLD.name IS NOT NEW.name BEGIN "
        "DELETE FROM organisation_keys WHERE organisation_id IN (OLD.id, NEW.id); END",
        "CREATE TRIGGER derived_organisations_delete AFTER DELETE ON organisations BEGIN "
        "DELETE FROM organisation_keys WHERE organisation_id = OLD.id; END",
        # theme_key 0 and due_key '' stand for « none » (a NULL would make every row distinct).
        "CREATE TABLE action_counts (body_id INTEGER NOT NULL, status TEXT NOT NULL, "
        "theme_key INTEGER NOT NULL, n INTEGER NOT NULL, "
        "PRIMARY KEY (body_id, status, theme_key))",
        "CREATE TABLE action_due_counts (status TEXT NOT NULL, due_key TEXT NOT NULL, "
        "n INTEGER NOT NULL, PRIMARY KEY (status, due_key))",
        *_count_triggers(),
    ]


def _count_triggers() -> list[str]:
    def add(r: str, step: int) -> str:
        return (
            "INSERT INTO action_counts (body_id, status, theme_key, n) VALUES "
            f"({r}.body_id, {r}.status, COALESCE({r}.theme_id, 0), {step}) "
            f"ON CONFLICT DO UPDATE SET n = n + {step}; "
            "INSERT INTO action_due_counts (status, due_key, n) VALUES "
            f"({r}.status, COALESCE({r}.due_date, ''), {step}) "
            f"ON CONFLICT DO UPDATE SET n = n + {step};"
        )

    watched = ("body_id", "status", "theme_id", "due_date")
    changed = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in watched)
    return [
        f"CREATE TRIGGER derived_actions_insert AFTER INSERT ON actions BEGIN {add('NEW', 1)} END",
        f"CREATE TRIGGER derived_actions_update AFTER UPDATE OF {', '.join(watched)} ON actions "
        f"WHEN {changed} BEGIN {add('OLD', -1)} {add('NEW', 1)} END",
        f"CREATE TRIGGER derived_actions_delete AFTER DELETE ON actions BEGIN {add('OLD', -1)} END",
    ]


def status_statements() -> list[str]:
    """The open actions' total of migration 0015: the actions counted by status alone (a row per
    status), which the dashboard's overdue total starts from instead of adding up the counts by
    body, status and theme (thousands of rows on a large council)."""

    def add(r: str, step: int) -> str:
        return (
            f"INSERT INTO action_status_counts (status, n) VALUES ({r}.status, {step}) "
            f"ON CONFLICT DO UPDATE SET n = n + {step};"
        )

    return [
        "CREATE TABLE action_status_counts (status TEXT PRIMARY KEY, n INTEGER NOT NULL)",
        f"CREATE TRIGGER derived_action_status_insert AFTER INSERT ON actions BEGIN "
        f"{add('NEW', 1)} END",
        "CREATE TRIGGER derived_action_status_update AFTER UPDATE OF status ON actions "
        f"WHEN OLD.status IS NOT NEW.status BEGIN {add('OLD', -1)} {add('NEW', 1)} END",
        f"CREATE TRIGGER derived_action_status_delete AFTER DELETE ON actions BEGIN "
        f"{add('OLD', -1)} END",
    ]


def refresh_keys(
    db: Database,
    people: Iterable[int] | None = None,
    organisations: Iterable[int] | None = None,
) -> None:
    """Write the keys that are missing: of these people and organisations, or of every row when
    neither is given. In the caller's transaction."""
    register(db.conn)
    missing_person = "NOT EXISTS (SELECT 1 FROM people_keys k WHERE k.person_id = p.id)"
    missing_org = "NOT EXISTS (SELECT 1 FROM organisation_keys k WHERE k.organisation_id = o.id)"
    if people is None and organisations is None:
        person_where, org_where = missing_person, missing_org
    else:
        person_where = f"p.id IN ({_ids(people or ())}) AND {missing_person}"
        org_where = f"o.id IN ({_ids(organisations or ())}) AND {missing_org}"
    db.execute(
        "INSERT INTO people_keys (person_id, name_key, email_key) SELECT p.id, "
        f"{PERSON_NAME_KEY.format(p='p')}, {PERSON_EMAIL_KEY.format(p='p')} "
        f"FROM people p WHERE {person_where}"
    )
    db.execute(
        "INSERT INTO organisation_keys (organisation_id, name_key) SELECT o.id, "
        f"{ORGANISATION_NAME_KEY.format(o='o')} FROM organisations o WHERE {org_where}"
    )


# The tables of folded keys, by the table whose rows they fold: (keys table, its id column).
KEY_TABLES = {
    "people": ("people_keys", "person_id"),
    "organisations": ("organisation_keys", "organisation_id"),
}


# The columns of each table of keys, as `write_keys` takes its rows.
KEY_COLUMNS = {
    "people": ("person_id", "name_key", "email_key"),
    "organisations": ("organisation_id", "name_key"),
}


def write_keys(db: Database, source: str, rows: list[tuple[Any, ...]]) -> None:
    """Write the keys of rows of `source` computed by the caller (a bulk writer folds the values
    it holds: `person_name_key(last, first)` and `fold(email)`, `fold(name)`), in the order of
    KEY_COLUMNS; the same keys `refresh_keys` would compute from the rows."""
    from ess_desk.store.bulk import insert_rows

    insert_rows(db.conn, KEY_TABLES[source][0], KEY_COLUMNS[source], rows)


def forget_keys(db: Database, source: str, since_id: int) -> None:
    """What the insert trigger of `source` does for each of its rows from `since_id` on (rows
    written in bulk with the trigger set aside, ess_desk.store.bulk): forget the key their id
    may have had."""
    table, column = KEY_TABLES[source]
    db.execute(
        f"DELETE FROM {table} WHERE {column} IN (SELECT id FROM [{source}] WHERE id >= ?)",
        [since_id],
    )


def _ids(ids: Iterable[int]) -> str:
    return ", ".join(str(int(i)) for i in ids) or "NULL"


def rebuild(db: Database) -> None:
    """Every key and count computed again from the rows, in the caller's transaction (the
    migration, `ess-desk search --rebuild`, bulk writers that set the triggers aside)."""
    db.execute("DELETE FROM people_keys")
    db.execute("DELETE FROM organisation_keys")
    refresh_keys(db)
    db.execute("DELETE FROM action_counts")
    db.execute(
        "INSERT INTO action_counts (body_id, status, theme_key, n) "
        "SELECT body_id, status, COALESCE(theme_id, 0), COUNT(*) FROM actions GROUP BY 1, 2, 3"
    )
    db.execute("DELETE FROM action_due_counts")
    db.execute(
        "INSERT INTO action_due_counts (status, due_key, n) "
        "SELECT status, COALESCE(due_date, ''), COUNT(*) FROM actions GROUP BY 1, 2"
    )
    if database.has_table(db, "action_status_counts"):  # migration 0015's, likewise
        db.execute("DELETE FROM action_status_counts")
        db.execute(
            "INSERT INTO action_status_counts (status, n) "
            "SELECT status, COUNT(*) FROM actions GROUP BY 1"
        )
        from ess_desk.store import pending, seats

        pending.rebuild(db)  # the dashboard's pending rows
        if seats.present(db):  # migration 0024's colleges' seats, likewise
            seats.rebuild(db)


def wrong_keys(db: Database) -> int:
    """Keys that no longer say what their row holds, or whose row is gone (written behind the
    program's back: the triggers delete a key whenever its row changes). Missing keys are not
    wrong: readers compute them."""
    register(db.conn)
    person = PERSON_NAME_KEY.format(p="p")
    email = PERSON_EMAIL_KEY.format(p="p")
    organisation = ORGANISATION_NAME_KEY.format(o="o")
    return database.count(
        db,
        "SELECT (SELECT COUNT(*) FROM people_keys k LEFT JOIN people p ON p.id = k.person_id "
        f"WHERE p.id IS NULL OR k.name_key IS NOT {person} OR k.email_key IS NOT {email}) + "
        "(SELECT COUNT(*) FROM organisation_keys k "
        "LEFT JOIN organisations o ON o.id = k.organisation_id "
        f"WHERE o.id IS NULL OR k.name_key IS NOT {organisation})",
    )


def problems(db: Database) -> list[tuple[str, int, int]]:
    """(what, kept, counted) for each count that differs from the rows (`ess-desk check`)."""
    kept = {
        (r["body_id"], r["status"], r["theme_key"]): r["n"]
        for r in database.rows(
            db, "SELECT body_id, status, theme_key, n FROM action_counts WHERE n != 0"
        )
    }
    counted = {
        (r["body_id"], r["status"], r["theme_key"]): r["n"]
        for r in database.rows(
            db,
            "SELECT body_id, status, COALESCE(theme_id, 0) AS theme_key, COUNT(*) AS n "
            "FROM actions GROUP BY 1, 2, 3",
        )
    }
    out = [
        (f"actions {key}", kept.get(key, 0), counted.get(key, 0))
        for key in sorted(set(kept) | set(counted), key=str)
        if kept.get(key, 0) != counted.get(key, 0)
    ]
    kept_due = {
        (status, due): n
        for status, due, n in db.execute(
            "SELECT status, due_key, n FROM action_due_counts WHERE n != 0"
        )
    }
    counted_due = {
        (status, due): n
        for status, due, n in db.execute(
            "SELECT status, COALESCE(due_date, ''), COUNT(*) FROM actions GROUP BY 1, 2"
        )
    }
    out += [
        (f"actions {key}", kept_due.get(key, 0), counted_due.get(key, 0))
        for key in sorted(set(kept_due) | set(counted_due))
        if kept_due.get(key, 0) != counted_due.get(key, 0)
    ]
    if database.has_table(db, "action_status_counts"):
        kept_status = {
            status: n
            for status, n in db.execute("SELECT status, n FROM action_status_counts WHERE n != 0")
        }
        counted_status = {
            status: n for status, n in db.execute("SELECT status, COUNT(*) FROM actions GROUP BY 1")
        }
        out += [
            (f"actions {key!r}", kept_status.get(key, 0), counted_status.get(key, 0))
            for key in sorted(set(kept_status) | set(counted_status))
            if kept_status.get(key, 0) != counted_status.get(key, 0)
        ]
    return out
