"""The SQLite file: open, pragmas, instance lock, migrations, backups, checks."""

from __future__ import annotations

from ess_desk.store.database import Store, default_db_path, open_store

__all__ = ["Store", "open_store", "default_db_path"]
