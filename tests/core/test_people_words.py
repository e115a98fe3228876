"""The people's search index reads their words from a view of the people (0020): no copy of
them, the same words, prefixes and ranks as the index that kept one, kept by the people's
triggers, the bulk writers, the rebuild and the anonymisation."""

from __future__ import annotations

import datetime as dt
import sqlite3
from contextlib import closing

import pytest
import sqlite_utils

from ess_desk.membership import people
from ess_desk.privacy import anonymise as anon
from ess_desk.search import index
from ess_desk.search.index import check_index
from ess_desk.store import database, open_store
from ess_desk.store.schema import migrations
from ess_desk.store.search_schema import (
    PEOPLE_WORDS_REPLACED,
    SEARCH_TOKENIZER,
    search_fill_statements,
)
from tests import schemas
from tests.core.test_minutes import build_council

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
    assert "search_people_content" not in schemas.tables(db)
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
    with open_store(schemas.copied(tmp_path, "0014_dashboard_indexes.sqlite")) as store:
        db = store.db
        assert "search_people_content" not in schemas.tables(db)
        assert any(_ranked(db, "search_people").values())
        _same_as_a_kept_copy(db)
        assert database.count(db, "SELECT count(*) FROM search_people") == database.count(
            db, "SELECT count(*) FROM people"
        )


# Every way another tool (or a later writer) may INSERT a person whose id is taken: each must
# leave the index with the words of the row as it then is (the first inserts no one and fails).
_COLUMNS = "(id, first_name, last_name, notes)"
_OVER_A_PERSON = {
    "insert": f"INSERT INTO people {_COLUMNS} VALUES (?, 'Lucie', 'Remplaçante', 'neuve')",
    "or replace": f"REPLACE INTO people {_COLUMNS} VALUES (?, 'Lucie', 'Remplaçante', '')",
    "or ignore": f"INSERT OR IGNORE INTO people {_COLUMNS} VALUES (?, 'Lucie', 'Ignorée', '')",
    "do nothing": f"INSERT INTO people {_COLUMNS} VALUES (?, 'Lucie', 'Ignorée', '') "
    "ON CONFLICT DO NOTHING",
    "upsert": f"INSERT INTO people {_COLUMNS} VALUES (?, 'Lucie', 'Mise', '') "
    "ON CONFLICT (id) DO UPDATE SET first_name = excluded.first_name",
    # The row changes, but none of the words its index holds.
    "upsert of the rest": f"INSERT INTO people {_COLUMNS} VALUES (?, 'Lucie', 'Mise', '') "
    "ON CONFLICT (id) DO UPDATE SET archived = 1",
}


@pytest.mark.parametrize("recursive", [0, 1], ids=["sqlite3", "recursive triggers"])
@pytest.mark.parametrize("statement", _OVER_A_PERSON.values(), ids=_OVER_A_PERSON.keys())
def test_an_insert_over_a_person_keeps_the_index(store, statement, recursive):
    # A replace fires the delete trigger of the row it deletes only on a connection with
    # recursive triggers (sqlite-utils turns them on; the sqlite3 shell leaves them off).
    db = store.db
    zoe = build_council(store)["people"]["Zoé"]
    for _twice in range(2):
        with closing(sqlite3.connect(store.path, isolation_level=None)) as other:
            other.execute(f"PRAGMA recursive_triggers = {recursive}")
            try:
                other.execute(statement, [zoe])
            except sqlite3.IntegrityError:
                assert statement.startswith("INSERT INTO people") and "CONFLICT" not in statement
        _same_as_a_kept_copy(db)


def test_one_statement_replacing_a_person_twice_keeps_the_index(store):
    db = store.db
    zoe = build_council(store)["people"]["Zoé"]
    with store.write():
        db.conn.execute(
            f"INSERT OR REPLACE INTO people {_COLUMNS} VALUES (?, 'Lucie', 'Premierefois', ''), "
            "(?, 'Lucie', 'Secondefois', ''), (NULL, 'Nouvelle', 'Personne', '')",
            [zoe, zoe],
        )
    _same_as_a_kept_copy(db)
    assert [h.id for h in index.hits(index.search(db, "secondefois", kinds=["person"]))] == [zoe]
    assert not index.search(db, "premierefois", kinds=["person"])


def test_other_tools_writing_people_keep_the_index(store):
    db = store.db
    zoe = build_council(store)["people"]["Zoé"]
    other = sqlite_utils.Database(db.conn)
    row = {"id": zoe, "first_name": "Zoé", "last_name": "Autre", "notes": "oubliee"}
    other["people"].upsert(row, pk="id")
    _same_as_a_kept_copy(db)
    other["people"].upsert({**row, "archived": 1}, pk="id")
    _same_as_a_kept_copy(db)
    other["people"].insert({**row, "last_name": "Ignorée"}, pk="id", ignore=True)
    _same_as_a_kept_copy(db)
    other["people"].insert({**row, "last_name": "Remplacée"}, pk="id", replace=True)
    _same_as_a_kept_copy(db)
    other["people"].insert_all(
        [{**row, "id": None, "last_name": f"Nouvelle {n}"} for n in range(3)], pk="id"
    )
    _same_as_a_kept_copy(db)
    assert [h.id for h in index.hits(index.search(db, "remplacee", kinds=["person"]))] == [zoe]
    other["people"].delete_where("last_name LIKE 'Nouvelle %'")
    _same_as_a_kept_copy(db)
    assert not index.search(db, "nouvelle", kinds=["person"])


def test_words_put_aside_go_with_the_person(store):
    """An INSERT that kept the row leaves its words aside until the next one: an anonymisation
    (or a deletion) takes them away with the rest."""
    db = store.db
    build_council(store)
    agathe = people.create(store, first_name="Agathe", last_name="Oubliée", email="", phone="")
    with store.write():
        db.conn.execute(_OVER_A_PERSON["or ignore"], [agathe])
    assert database.count(db, f"SELECT count(*) FROM {PEOPLE_WORDS_REPLACED}") == 1
    anon.anonymise(store, agathe, today=dt.date(2031, 1, 1))
    assert database.count(db, f"SELECT count(*) FROM {PEOPLE_WORDS_REPLACED}") == 0
    _same_as_a_kept_copy(db)


# The trigger 0020 made, which took a person's words out before any INSERT of their id.
_TRIGGER_0020 = (
    "CREATE TRIGGER search_people_replace BEFORE INSERT ON people WHEN NEW.id IN "
    "(SELECT id FROM people) BEGIN INSERT INTO search_people(search_people, rowid, title, body) "
    "SELECT 'delete', id, title, body FROM people_words WHERE id = NEW.id; END"
)


def test_a_file_of_0020_gets_the_triggers_of_0021(tmp_path):
    path = tmp_path / "c.sqlite"
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        migrations.apply(sqlite_utils.Database(conn), stop_before="0021_people_words_replaced")
        conn.execute("DROP TRIGGER search_people_replace")
        conn.execute(_TRIGGER_0020)
    finally:
        conn.close()
    with open_store(path) as store:
        db = store.db
        zoe = build_council(store)["people"]["Zoé"]
        with store.write():
            db.conn.execute(_OVER_A_PERSON["or ignore"], [zoe])
        _same_as_a_kept_copy(db)
        assert [h.id for h in index.hits(index.search(db, "zoe", kinds=["person"]))] == [zoe]
