"""Many rows in few statements: how bulk writers fill the tables the search index follows."""

from __future__ import annotations

import itertools
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from ess_desk.store import database

if TYPE_CHECKING:
    from sqlite_utils import Database

# Rows a bulk INSERT writes per statement (`insert_rows`): from about 250 on, the statement's own
# costs (its start and end, the statement journal a constraint or a foreign key may need) no
# longer show; a row per statement (executemany) costs a fifth more for the people of an import
# and two fifths more for their mandates (four foreign keys, seven indexes).
ROWS_PER_STATEMENT = 500

# From how many new rows of a table `indexes_sorted_after` makes its indexes after them: setting
# them aside and making them again costs about a millisecond whatever the rows.
SORTED_FROM = 1000

# SQLite's FTS5 (3.40) writes its pending words out as a new index segment at the end of every
# statement that fires one of the search triggers: a row per statement (executemany) costs a
# segment and its merges per row, ten times the insert itself. Bulk writers therefore set the
# insert triggers aside and index their new rows in one statement per table at the end.


@contextmanager
def indexed_in_bulk(
    db: Database, *sources: str, keys: dict[str, list[tuple[Any, ...]]] | None = None
) -> Iterator[None]:
    """Inside the caller's transaction: the rows inserted into `sources` within the block get
    their search entries at its end, in one INSERT … SELECT per table, instead of through the
    table's insert trigger row by row (which reads and writes the index for every row: two thirds
    of the time of a 10,000-person import).

    `keys`, filled by the writer in the block: the folded keys of its new rows that it has
    computed itself (ess_desk.store.derived.write_keys: by source table, `(id, *keys)` rows),
    written as they are at the end; the keys still missing are computed by SQL as before.

    The insert triggers are set aside for the block and put back as they were, word for word,
    from the database's own schema; everything happens in the caller's transaction, so a failure
    rolls the triggers, the rows and their index back together. Only new rows may be inserted
    in the block (ids above every existing one): updates and deletes keep their triggers."""
    from ess_desk.store import derived

    # The folded keys' insert triggers (people, organisations) likewise: each new row's
    # trigger only forgets a key its id may have had, done for all of them at the end. So is the
    # audit log's numbers trigger (0018): it forgets that an entry of the new row's id was keyed,
    # done for every id from the first new one on before the block (the keys of the long
    # entries written in it come after, as they would after each row's trigger).
    kept: list[tuple[str, int, str, str]] = []
    for source in sources:
        folded = (f"derived_{source}_insert",) if source in derived.KEY_TABLES else ()
        numbers = (f"numbers_{source}_insert",) if source == "audit_log" else ()
        # The people's words are put aside before an INSERT, in case it replaces a row (0021):
        # the block only adds rows.
        replaced = ("search_people_replace",) if source == "people" else ()
        for name in (*replaced, f"search_{source}_insert", *folded, *numbers):
            sql = database.scalar(
                db, "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", [name]
            )
            if sql is None:  # a table the index (or the keys) do not cover
                continue
            first = database.count(db, f"SELECT COALESCE(MAX(id), 0) + 1 FROM [{source}]")
            db.execute(f"DROP TRIGGER [{name}]")
            if name.startswith("numbers_"):
                db.execute("DELETE FROM audit_numbered WHERE entry_id >= ?", [first])
            kept.append((source, first, name, sql))
    # On a failure nothing is put back: the caller's transaction, rolled back, puts back the
    # triggers with the rows (when SQLite has ended it itself, on a full disk, the triggers
    # written again here would meet their own rolled-back selves and hide the error).
    yield
    from ess_desk.store.search_schema import search_fill_statements

    for source, first, name, trigger_sql in kept:
        if name.startswith("derived_"):
            derived.forget_keys(db, source, since_id=first)
            if keys and source in keys:
                derived.write_keys(db, source, keys[source])
        elif name.startswith("search_") and name.endswith("_insert"):
            for statement in search_fill_statements(source, since_id=first):
                db.execute(statement)
        db.execute(trigger_sql)
    if {"people", "organisations"} & set(sources):
        derived.refresh_keys(db)  # the folded keys of the new rows


@contextmanager
def indexes_sorted_after(db: Database, adding: dict[str, int]) -> Iterator[None]:
    """Inside the caller's transaction, for a writer about to add `adding[table]` new rows to
    each table: a table given `SORTED_FROM` rows or more that holds at most half as many has
    its non-unique indexes set aside for the block and made again at its end, from the SQL the
    schema keeps for them, word for word.

    SQLite makes an index from the sorted keys of every row, about twice as fast as it inserts
    the keys of rows coming in another order than the index's one by one (a 10,000-member
    import into a new council: its people and mandates written with their eight indexes in
    91 ms of processor time, without them in 32 ms and the indexes made after in 34); past half
    as many rows already there, sorting them all again would cost more than it saves. Unique indexes
    stay (they refuse a row as it comes), and so do SQLite's own. Only rows are added in the
    block, and nothing in it may need the indexes set aside but for speed; a failure rolls the
    schema back with the rows."""
    kept: list[str] = []
    for table, count in adding.items():
        # The largest id bounds the number of rows from above, without counting them.
        present = database.count(db, f"SELECT COALESCE(MAX(rowid), 0) FROM [{table}]")
        if count < SORTED_FROM or present * 2 > count:
            continue
        for index in database.rows(
            db,
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? "
            "AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%' ORDER BY rowid",
            [table],
        ):
            db.execute(f"DROP INDEX [{index['name']}]")
            kept.append(index["sql"])
    yield
    for sql in kept:
        db.execute(sql)


@contextmanager
def indexes_rebuilt_after(db: Database) -> Iterator[None]:
    """Inside the caller's transaction, for a writer that fills a database whose indexed tables
    are all empty (the demonstration): every search trigger is set aside for the block, and the
    whole index is built at its end from the rows, as `ess-desk search --rebuild` does, then the
    triggers are put back word for word. Updates and deletes may happen in the block: the index
    is built from what the rows hold at the end. Thousands of small statements then no longer
    each write their words out as a new index segment to be merged."""
    from ess_desk.store import derived

    # The folded keys and the actions' counts (ess_desk.store.derived) likewise.
    triggers = db.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND (name LIKE 'search\\_%' "
        "ESCAPE '\\' OR name LIKE 'derived\\_%' ESCAPE '\\') ORDER BY name"
    ).fetchall()
    for name, _sql in triggers:
        db.execute(f"DROP TRIGGER [{name}]")
    # On a failure the caller's transaction rolls back, the triggers with it.
    yield
    rebuild_indexes(db)
    derived.rebuild(db)
    for _name, sql in triggers:
        db.execute(sql)


def rebuild_indexes(db: Database) -> None:
    """Empty every FTS5 index (search and personal data) and fill it again from the rows, in the
    caller's transaction."""
    from ess_desk.store.search_schema import (
        search_external_tables,
        search_fill_statements,
        search_tables,
    )

    for table in search_tables():
        # « delete-all » is how an index over another table's rows is emptied.
        if table in search_external_tables():
            db.execute(f"INSERT INTO {table}({table}) VALUES ('delete-all')")
        else:
            db.execute(f"DELETE FROM {table}")
    for statement in search_fill_statements():
        db.execute(statement)


def insert_rows(
    conn: sqlite3.Connection, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]
) -> int:
    """INSERT the rows (tuples in `columns` order) a few hundred to a statement, as one
    multi-row VALUES each, in the caller's transaction; returns how many were written. The
    rows and their order are those executemany would write."""
    width = len(columns)
    limit = conn.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
    per = max(1, min(ROWS_PER_STATEMENT, limit // width))
    head = f"INSERT INTO [{table}] ({', '.join(columns)}) VALUES "
    one = "(" + ", ".join("?" * width) + ")"
    full = ""  # the statement of a full chunk, made when one comes (most calls write one row)
    written = 0
    remaining = iter(rows)
    while chunk := list(itertools.islice(remaining, per)):
        if any(len(row) != width for row in chunk):
            raise ValueError(f"a row for {table} does not have {width} values")
        if len(chunk) == per:
            full = full or head + ", ".join([one] * per)
            sql = full
        else:
            sql = head + ", ".join([one] * len(chunk))
        conn.execute(sql, list(itertools.chain.from_iterable(chunk)))
        written += len(chunk)
    return written
