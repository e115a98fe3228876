"""The files of released schemas (tests/fixtures/schemas), copied for a test to open: opening
migrates the copy, and the fixture stays as it was released."""

from __future__ import annotations

import shutil
from pathlib import Path

from ess_desk.store import database

FOLDER = Path(__file__).parent / "fixtures" / "schemas"


def copied(tmp_path: Path, name: str) -> Path:
    """A copy of the released file `name` in `tmp_path`."""
    path = tmp_path / name
    shutil.copy(FOLDER / name, path)
    return path


def tables(db) -> set[str]:
    """The names of a database's tables."""
    return set(database.column(db, "SELECT name FROM sqlite_master WHERE type = 'table'"))
