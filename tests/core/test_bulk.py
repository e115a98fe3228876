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


def indexed_table(rows: int) -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:", isolation_level=None)
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL, n INTEGER)")
    conn.execute("CREATE INDEX t_name ON t(name, n)")
    conn.execute("CREATE UNIQUE INDEX t_n ON t(n)")
    conn.execute("CREATE INDEX t_odd ON t(lower(name)) WHERE n % 2 = 1")
    conn.execute("CREATE TABLE u (id INTEGER PRIMARY KEY, t_id INTEGER REFERENCES t(id))")
    conn.execute("CREATE INDEX u_t ON u(t_id)")
    conn.executemany("INSERT INTO t (name, n) VALUES (?, ?)", [(f"n{i}", i) for i in range(rows)])
    return conn


def schema(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    return conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name"
    ).fetchall()


def add_rows(conn: sqlite3.Connection, first: int, count: int) -> None:
    rows = [(first + i, f"m{(first + i) * 7919 % count}", first + i) for i in range(count)]
    bulk.insert_rows(conn, "t", ("id", "name", "n"), rows)


@pytest.mark.parametrize(("present", "adding", "set_aside"), [
    (0, 1000, True), (400, 1000, True), (500, 1000, True),
    (501, 1000, False), (5000, 1000, False), (0, 999, False),
])  # fmt: skip
def test_indexes_are_made_after_many_rows_added_to_a_small_table(
    monkeypatch, present, adding, set_aside
):
    """The non-unique indexes of a table given 1,000 rows or more that holds at most half as
    many are set aside in the block and made again after it as they were; the unique ones stay,
    and so do the other tables' indexes."""
    conn, plain = indexed_table(present), indexed_table(present)
    before = schema(conn)
    conn.execute("BEGIN")
    with bulk.indexes_sorted_after(conn, {"t": adding}):
        inside = {name for name, _sql in schema(conn)}
        add_rows(conn, present + 1, adding)
    conn.execute("COMMIT")
    add_rows(plain, present + 1, adding)
    assert inside == ({"t_n", "u_t"} if set_aside else {"t_n", "t_name", "t_odd", "u_t"})
    assert schema(conn) == before
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    # The rows, and what the indexes answer (each query read through its index).
    for query in (
        "SELECT * FROM t ORDER BY rowid",
        "SELECT name, n FROM t INDEXED BY t_name WHERE name > 'm5' ORDER BY name, n",
        "SELECT id FROM t INDEXED BY t_odd WHERE lower(name) < 'm3' AND n % 2 = 1 ORDER BY 1",
    ):
        assert conn.execute(query).fetchall() == plain.execute(query).fetchall()


def test_a_failure_in_the_block_leaves_the_indexes_as_they_were():
    conn = indexed_table(0)
    before = schema(conn)
    conn.execute("BEGIN")
    with pytest.raises(sqlite3.IntegrityError), bulk.indexes_sorted_after(conn, {"t": 2000}):
        add_rows(conn, 1, 2000)
        add_rows(conn, 1, 1000)  # the unique index, kept, refuses the rows again
    conn.execute("ROLLBACK")
    assert schema(conn) == before
    assert conn.execute("SELECT COUNT(*) FROM t").fetchone() == (0,)
