"""The roster is read through `store.dict_rows` and its entries made at once (`roster._entry`):
the same entries, field by field and in the same order, as `dict(r)` of each `sqlite3.Row` made
into `RosterEntry(**values)` give, for every body of the demo on several days."""

from __future__ import annotations

import datetime as dt

import pytest

from ess_desk.membership import roster
from ess_desk.store import database, dict_rows, rows


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    from ess_desk.demo import fill_demo
    from ess_desk.store import open_store

    store = open_store(tmp_path_factory.mktemp("roster") / "demo.sqlite")
    fill_demo(store, "small")
    yield store
    store.close()


def _slow(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(roster, "dict_rows", lambda db, sql, p: [dict(r) for r in rows(db, sql, p)])
    monkeypatch.setattr(roster, "_entry", lambda values: roster.RosterEntry(**values))


def test_the_roster_is_the_one_read_row_by_row(demo, monkeypatch):
    db = demo.db
    days = [dt.date(2024, 1, 1), dt.date(2025, 6, 12), dt.date(2026, 12, 5)]
    bodies = [r["id"] for r in rows(db, "SELECT id FROM bodies ORDER BY id")]
    ours = {(b, d): roster.roster(db, b, d) for b in bodies for d in days}
    assert sum(map(len, ours.values())) > 50
    with monkeypatch.context() as m:
        _slow(m)
        theirs = {(b, d): roster.roster(db, b, d) for b in bodies for d in days}
    assert ours == theirs
    assert [list(vars(e).items()) for v in ours.values() for e in v] == [
        list(vars(e).items()) for v in theirs.values() for e in v
    ]


def test_dict_rows_are_the_rows_as_dicts(demo):
    db = demo.db
    for sql in [
        "SELECT * FROM people ORDER BY id",
        "SELECT m.id, m.role AS Role, p.last_name FROM mandates m JOIN people p ON p.id = m.person_id",
        "SELECT 1 AS one WHERE 0",
    ]:
        assert dict_rows(db, sql) == [dict(r) for r in rows(db, sql)]
    with pytest.raises(ValueError, match="named once"):
        database.dict_rows(db, "SELECT id, id AS ID FROM people")
