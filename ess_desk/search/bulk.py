"""Rows written in bulk are indexed for search in one statement, not by a trigger run per row."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database


@contextmanager
def indexed_in_bulk(db: Database, *sources: str) -> Iterator[None]:
    """Inside the caller's transaction: the rows inserted into `sources` within the block get
    their search entries at its end, in one INSERT … SELECT per table, instead of through the
    table's insert trigger row by row (which reads and writes the index for every row: two thirds
    of the time of a 10,000-person import).

    The insert triggers are set aside for the block and put back as they were, word for word,
    from the database's own schema; everything happens in the caller's transaction, so a failure
    rolls the triggers, the rows and their index back together. Only new rows may be inserted
    in the block (ids above every existing one): updates and deletes keep their triggers."""
    kept: list[tuple[str, int, str]] = []
    for source in sources:
        name = f"search_{source}_insert"
        row = db.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", [name]
        ).fetchone()
        if row is None:  # a table the index does not cover
            continue
        first = db.execute(f"SELECT COALESCE(MAX(id), 0) + 1 FROM [{source}]").fetchone()[0]
        db.execute(f"DROP TRIGGER [{name}]")
        kept.append((source, int(first), row[0]))
    try:
        yield
    finally:
        from ess_desk.store.schema import search_fill_statements

        for source, first, trigger_sql in kept:
            for statement in search_fill_statements(source, since_id=first):
                db.execute(statement)
            db.execute(trigger_sql)
