"""The people's search index reads their words from a view of the people (0020): no copy of
them, the same words, prefixes and ranks as the index that kept one, kept by the people's
triggers, the bulk writers, the rebuild and the anonymisation."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from ess_desk.membership import people
from ess_desk.privacy import anonymise as anon
from ess_desk.search import index
from ess_desk.search.index import check_index
from ess_desk.store import database, open_store
from ess_desk.store.search_schema import SEARCH_TOKENIZER, search_fill_statements
from tests.core.test_minutes import build_council

FIXTURES = Path(__file__).parents[1] / "fixtures" / "schemas"
QUERIES = [
    "helene",
    '"zoe secrete"',
    "ma*",
    "lu*",
    "secr*",
    "oubliee",
    "0698",
    "tresoriere",
    "exemple",
]


def _tables(db) -> set[str]:
    return set(database.column(db, "SELECT name FROM sqlite_master WHERE type = 'table'"))


def _ranked(db, table: str) -> dict[str, list[tuple[int, float]]]:
    """Each query's rows with their rank (bm25, title weighed as the search does)."""
    return {
        q: [
            (r[0], round(r[1], 9))
            for r in db.execute(
                f"SELECT rowid, bm25({table}, 10.0, 1.0) FROM {table} WHERE {table} MATCH ? "
                "ORDER BY rowid",
                [q],
            )
        ]
        for q in QUERIES
    }


def _as_kept_copy(db) -> dict[str, list[tuple[int, float]]]:
    """The answers of the index as 0006 and 0016 made it (keeping a copy of the words), from a
    table made beside it and rolled back."""
    db.conn.execute("SAVEPOINT kept_copy")
    try:
        db.conn.execute(
            "CREATE VIRTUAL TABLE people_0016 USING fts5(title, body, "
            f"tokenize = '{SEARCH_TOKENIZER}', prefix = '2 3')"
        )
        (fill,) = search_fill_statements("people", since_id=0)
        db.conn.execute(fill.replace("INSERT INTO search_people(", "INSERT INTO people_0016(", 1))
        return _ranked(db, "people_0016")
    finally:
        db.conn.execute("ROLLBACK TO kept_copy")
        db.conn.execute("RELEASE kept_copy")


def _same_as_a_kept_copy(db) -> None:
    assert _ranked(db, "search_people") == _as_kept_copy(db)
    assert check_index(db) == []


def test_new_file_keeps_no_copy_and_answers_as_before(store):
    db = store.db
    assert "search_people_content" not in _tables(db)
    council = build_council(store)
    _same_as_a_kept_copy(db)
    agathe = people.create(
        store, first_name="Agathe", last_name="Oubliée", email="agathe@exemple.fr", phone=""
    )
    _same_as_a_kept_copy(db)
    people.update(store, agathe, position="Trésorière", phone="06 98 76 54 32")
    _same_as_a_kept_copy(db)
    hit = index.hits(index.search(db, "tresoriere", kinds=["person"]))[0]
    assert hit.id == agathe and "Oubliée" in hit.plain_title
    assert council["people"]["Zoé"] in [h.id for h in index.hits(index.search(db, "secrete"))]
    anon.anonymise(store, agathe, today=dt.date(2031, 1, 1))
    _same_as_a_kept_copy(db)
    assert not index.search(db, "oubliee", kinds=["person"])
    blocks = b"".join(r[0] for r in db.execute("SELECT block FROM search_people_data") if r[0])
    assert b"oubliee" not in blocks
    assert index.rebuild(store) > 0
    _same_as_a_kept_copy(db)


def test_released_file_migrates_with_the_same_answers(tmp_path):
    path = tmp_path / "c.sqlite"
    shutil.copy(FIXTURES / "0014_dashboard_indexes.sqlite", path)
    with open_store(path) as store:
        db = store.db
        assert "search_people_content" not in _tables(db)
        assert any(_ranked(db, "search_people").values())
        _same_as_a_kept_copy(db)
        assert database.count(db, "SELECT count(*) FROM search_people") == database.count(
            db, "SELECT count(*) FROM people"
        )
