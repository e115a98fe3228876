"""The audit log's words index (privacy_audit, 0012; without its words' sizes since 0019): the
same words and answers as the index 0012 made, kept by the log's triggers, checked and rebuilt."""

from __future__ import annotations

from ess_desk import audit
from ess_desk.search.index import check_index
from ess_desk.store import database, open_store
from ess_desk.store.bulk import rebuild_indexes
from ess_desk.store.search_schema import SEARCH_TOKENIZER
from tests import schemas

QUERIES = ['"Zoé Secrète"', '"secrete zoe"', '"Mme Secrète"', "hélène", '"first name"', "update"]


def _answers(db, index: str) -> dict[str, list[int]]:
    return {
        q: database.column(
            db, f"SELECT rowid FROM {index} WHERE {index} MATCH ? ORDER BY rowid", [q]
        )
        for q in QUERIES
    }


def _as_0012_made_it(db) -> dict[str, list[int]]:
    """The answers of the index as migration 0012 made it (with the words' sizes), from a copy
    made beside it and rolled back."""
    db.conn.execute("SAVEPOINT as_0012")
    try:
        db.conn.execute(
            "CREATE VIRTUAL TABLE audit_0012 USING fts5(before, after, content = 'audit_log', "
            f"content_rowid = 'id', tokenize = '{SEARCH_TOKENIZER}')"
        )
        db.conn.execute("INSERT INTO audit_0012(audit_0012) VALUES ('rebuild')")
        return _answers(db, "audit_0012")
    finally:
        db.conn.execute("ROLLBACK TO as_0012")
        db.conn.execute("RELEASE as_0012")


def test_new_file_keeps_no_sizes_and_the_triggers_keep_the_words(store):
    db = store.db
    assert "privacy_audit_docsize" not in schemas.tables(db)
    assert "columnsize = 0" in database.scalar(
        db, "SELECT sql FROM sqlite_master WHERE name = 'privacy_audit'"
    )
    with store.write() as w:
        audit.record(w, "note", 1, "create", None, {"text": "Relu avec Zoé Secrète."})
        audit.record(w, "note", 2, "create", None, {"text": "Merci à Mme Secrète"})
    first = database.scalar(db, "SELECT MIN(id) FROM audit_log WHERE entity = 'note'")
    assert _answers(db, "privacy_audit")['"secrete zoe"'] == []
    assert _answers(db, "privacy_audit")['"Zoé Secrète"'] == [first]
    assert _answers(db, "privacy_audit") == _as_0012_made_it(db)
    assert check_index(db) == []
    with store.write() as w:
        audit.redact(w, first, None, '{"text": "Relu avec [anonymisé]."}')
    assert _answers(db, "privacy_audit")['"Zoé Secrète"'] == []
    assert _answers(db, "privacy_audit") == _as_0012_made_it(db)
    assert check_index(db) == []
    with store.write() as w:
        rebuild_indexes(w)
    assert _answers(db, "privacy_audit") == _as_0012_made_it(db)
    assert check_index(db) == []


def test_released_file_migrates_with_the_same_answers(tmp_path):
    with open_store(schemas.copied(tmp_path, "0014_dashboard_indexes.sqlite")) as store:
        db = store.db
        assert "privacy_audit_docsize" not in schemas.tables(db)
        answers = _answers(db, "privacy_audit")
        assert any(answers.values())
        assert answers == _as_0012_made_it(db)
        assert check_index(db) == []
        # The log's triggers write the new table.
        with store.write() as w:
            audit.record(w, "note", 1, "create", None, {"text": "Hélène, Zoé Secrète"})
        assert _answers(db, "privacy_audit") == _as_0012_made_it(db)
        assert check_index(db) == []
