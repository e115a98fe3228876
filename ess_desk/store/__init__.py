"""The SQLite file: open, pragmas, instance lock, migrations, backups, checks."""

from __future__ import annotations

from ess_desk.store.database import (
    Row,
    Store,
    column,
    count,
    default_db_path,
    dict_rows,
    each_row,
    first_record,
    inserted_id,
    open_store,
    own_connection,
    reading,
    records,
    row,
    rows,
    scalar,
)

__all__ = [
    "Store",
    "open_store",
    "default_db_path",
    "inserted_id",
    "own_connection",
    "reading",
    "row",
    "rows",
    "Row",
    "first_record",
    "records",
    "each_row",
    "dict_rows",
    "scalar",
    "count",
    "column",
]
