"""Many rows in few statements (ess_desk.store.bulk.insert_rows): the rows executemany would write."""

from __future__ import annotations

import sqlite3

import pytest

from ess_desk.store import bulk


def table() -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, n INTEGER, x REAL)")
    return conn


@pytest.mark.parametrize("count", [0, 1, 2, 3, 7, 9])
def test_rows_are_written_as_executemany_writes_them(monkeypatch, count):
    monkeypatch.setattr(bulk, "ROWS_PER_STATEMENT", 3)  # full statements and a shorter last one
    rows = [(i + 1, f"nom {i} é", None if i % 2 else i, i / 3) for i in range(count)]
    plain, bulky = table(), table()
    plain.executemany("INSERT INTO t (id, name, n, x) VALUES (?, ?, ?, ?)", rows)
    assert bulk.insert_rows(bulky, "t", ("id", "name", "n", "x"), iter(rows)) == count
    everything = "SELECT id, name, n, x FROM t ORDER BY rowid"
    assert bulky.execute(everything).fetchall() == plain.execute(everything).fetchall()


def test_a_row_of_another_width_is_refused_not_shifted_into_the_next():
    conn = table()
    with pytest.raises(ValueError):
        bulk.insert_rows(conn, "t", ("id", "name"), [(1, "a"), (2, "b", 3)])
    assert conn.execute("SELECT COUNT(*) FROM t").fetchone() == (0,)


def test_a_constraint_fails_the_statement_as_executemany_does():
    conn = table()
    with pytest.raises(sqlite3.IntegrityError):
        bulk.insert_rows(conn, "t", ("id", "name"), [(1, "a"), (1, "b")])
