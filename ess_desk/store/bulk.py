"""Many rows in few statements: how bulk writers fill the tables the search index follows."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database

# SQLite's FTS5 (3.40) writes its pending words out as a new index segment at the end of every
# statement that fires one of the search triggers: a row per statement (executemany) costs a
# segment and its merges per row, ten times the insert itself (30,000 actions and their
# 100,000 follow-up points: 0.2 s in batches, 3 s row by row). Each statement here carries as
# many rows as the lowest variable limit SQLite was ever built with allows.
MAX_VARIABLES = 999


def insert_many(
    db: Database, table: str, columns: Sequence[str], rows: Sequence[Sequence[object]]
) -> None:
    """INSERT `rows` (values in the order of `columns`) into `table`, a few hundred a statement,
    in the caller's transaction."""
    if not rows:
        return
    names = ", ".join(f"[{c}]" for c in columns)
    one = "(" + ", ".join("?" for _c in columns) + ")"
    per = max(1, MAX_VARIABLES // len(columns))
    for start in range(0, len(rows), per):
        chunk = rows[start : start + per]
        db.conn.execute(
            f"INSERT INTO [{table}] ({names}) VALUES {', '.join([one] * len(chunk))}",
            [value for row in chunk for value in row],
        )
