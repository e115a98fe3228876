"""Real database files of every released schema open with this version and keep their data."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from ess_desk.membership import roster
from ess_desk.store import open_store
from ess_desk.store.check import check_store
from ess_desk.store.database import schema_state
from ess_desk.store.schema import known_migration_names

SCHEMAS = sorted((Path(__file__).parents[1] / "fixtures" / "schemas").glob("*.sqlite"))


def test_there_is_a_file_for_every_schema_step():
    # Each released migration leaves a real file behind it, named after the migration.
    assert [p.stem for p in SCHEMAS] == known_migration_names()[: len(SCHEMAS)]
    assert SCHEMAS


@pytest.mark.parametrize("fixture", SCHEMAS, ids=lambda p: p.stem)
def test_old_file_migrates_and_keeps_its_roster(fixture, tmp_path):
    path = tmp_path / fixture.name
    shutil.copy(fixture, path)
    store = open_store(path)
    try:
        assert schema_state(store.db) == ([], [])
        assert check_store(store) == []
        body = store.conn.execute("SELECT id FROM bodies WHERE kind = 'plenary'").fetchone()[0]
        entries = roster.roster(store.db, body, dt.date(2025, 6, 1))
        assert [(e.first_name, e.role) for e in entries] == [
            ("Hélène", "president"),
            ("François", "substitute"),
        ]
        assert entries[0].substitutes == ("François Schmitt",)
    finally:
        store.close()
