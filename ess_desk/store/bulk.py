"""Many rows in few statements: how bulk writers fill the tables the search index follows."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database

# SQLite's FTS5 (3.40) writes its pending words out as a new index segment at the end of every
# statement that fires one of the search triggers: a row per statement (executemany) costs a
# segment and its merges per row, ten times the insert itself (30,000 actions and their
# 100,000 follow-up points: well under a second in batches, 3 s row by row). sqlite-utils'
# insert_all writes multi-row statements: each carries as many rows as the lowest variable limit
# SQLite was ever built with allows.
MAX_VARIABLES = 999


def insert_many(
    db: Database, table: str, columns: Sequence[str], rows: Sequence[Sequence[object]]
) -> None:
    """INSERT `rows` (values in the order of `columns`) into `table`, many rows a statement, in
    the caller's transaction."""
    if not rows:
        return
    db[table].insert_all(
        (dict(zip(columns, row, strict=True)) for row in rows),
        batch_size=max(1, MAX_VARIABLES // len(columns)),
    )
