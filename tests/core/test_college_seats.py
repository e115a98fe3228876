"""The colleges' seats kept for the dashboard (migration 0024, ess_desk.store.seats) stay what a
recount gives through every insert, update and delete of mandates and colleges, whoever writes
them (plain SQL here); the vacant seats read through them are those every college counted gives,
on any day; and the other sections made faster with it (the late notices within the longest
notice, the publications' first lines) give what they gave."""

from __future__ import annotations

import contextlib
import datetime as dt
import random
import shutil
import sqlite3

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlite_utils import Database

from ess_desk.dashboard import overview as ov
from ess_desk.integrity import check_council
from ess_desk.membership.vocabulary import SEAT_ROLES
from ess_desk.store import open_store, seats

DAYS = ["2024-01-01", "2025-06-30", "2026-01-01", "2026-03-15", "2026-12-31", "2028-01-01"]
ROLES = ["member", "president", "substitute", "guest", "vice_president", "co_president"]


def _every_college(db, day: dt.date) -> list:
    """The vacant seats as the dashboard counted them before 0024: every college."""
    return database_records(db, ov._VACANCIES.format(colleges=ov._EVERY_COLLEGE), day)


def database_records(db, sql: str, day: dt.date) -> list:
    from ess_desk.store import database

    return database.records(db, ov.VacantSeats, sql, {"day": day.isoformat()})


def test_the_seat_roles_are_the_vocabulary_s():
    assert tuple(sorted(SEAT_ROLES)) == seats.SEAT_ROLES


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    """A council file with two bodies (one archived), three colleges and six people."""
    path = tmp_path_factory.mktemp("seats") / "template.sqlite"
    with open_store(path, auto_backup=False) as store, store.write() as w:
        for name, archived in (("Conseil", 0), ("Ancien bureau", 1)):
            w.execute(
                "INSERT INTO bodies (name, kind, archived) VALUES (?, 'plenary', ?)",
                [name, archived],
            )
        for body, name, count in ((1, "A", 3), (1, "B", 1), (2, "C", 2)):
            w.execute(
                "INSERT INTO colleges (body_id, name, seats) VALUES (?, ?, ?)", [body, name, count]
            )
        for n in range(6):
            w.execute("INSERT INTO people (first_name, last_name) VALUES ('P', ?)", [f"N{n}"])
    return path


def _ops():
    pick = st.integers(0, 5)
    day = st.sampled_from(DAYS)
    end = st.sampled_from([*DAYS, None])
    return st.lists(
        st.one_of(
            st.tuples(
                st.just("mandate"), pick, st.integers(0, 3), st.sampled_from(ROLES), day, end
            ),
            st.tuples(st.just("mandate_end"), pick, end),
            st.tuples(st.just("mandate_start"), pick, day),
            st.tuples(st.just("mandate_role"), pick, st.sampled_from(ROLES)),
            st.tuples(st.just("mandate_college"), pick, st.integers(0, 3)),
            st.tuples(st.just("mandate_delete"), pick),
            st.tuples(st.just("college"), st.sampled_from([None, 0, 1, 2, 4])),
            st.tuples(st.just("college_seats"), pick, st.sampled_from([None, 0, 1, 2, 3, 5])),
            st.tuples(st.just("college_delete"), pick),
        ),
        max_size=30,
    )


def _nth(db, table: str, n: int) -> int | None:
    row = db.execute(f"SELECT id FROM {table} ORDER BY id LIMIT 1 OFFSET ?", [n]).fetchone()
    return row[0] if row else None


def _apply(db, op: tuple) -> None:  # noqa: C901 - one branch per kind of write
    kind, *args = op
    target = _nth(db, "mandates", args[0]) if kind.startswith("mandate_") else None
    if kind == "mandate":
        college = _nth(db, "colleges", args[1]) if args[1] < 3 else None
        db.execute(
            "INSERT INTO mandates (person_id, body_id, college_id, role, start_date, end_date) "
            "VALUES (?, COALESCE((SELECT body_id FROM colleges WHERE id = ?), 1), ?, ?, ?, ?)",
            [1 + args[0], college, college, args[2], args[3], args[4]],
        )
    elif kind == "mandate_end" and target:
        db.execute("UPDATE mandates SET end_date = ? WHERE id = ?", [args[1], target])
    elif kind == "mandate_start" and target:
        db.execute("UPDATE mandates SET start_date = ? WHERE id = ?", [args[1], target])
    elif kind == "mandate_role" and target:
        db.execute("UPDATE mandates SET role = ? WHERE id = ?", [args[1], target])
    elif kind == "mandate_college" and target:
        college = _nth(db, "colleges", args[1])
        db.execute("UPDATE mandates SET college_id = ? WHERE id = ?", [college, target])
    elif kind == "mandate_delete" and target:
        db.execute("DELETE FROM mandates WHERE id = ?", [target])
    elif kind == "college":
        db.execute(
            "INSERT INTO colleges (body_id, name, seats) VALUES (1, ?, ?)",
            [f"Collège {random.random()}", args[0]],
        )
    elif kind == "college_seats":
        college = _nth(db, "colleges", args[0])
        db.execute("UPDATE colleges SET seats = ? WHERE id = ?", [args[1], college])
    elif kind == "college_delete":
        college = _nth(db, "colleges", args[0])
        db.execute("DELETE FROM mandates WHERE college_id = ?", [college])
        db.execute("DELETE FROM colleges WHERE id = ?", [college])


def assert_vacancies(db) -> None:
    """On every day that matters (each start and end, the day before and after), the vacant
    seats read through the kept rows are those every college counted gives."""
    days = {dt.date(2023, 1, 1), dt.date(2030, 1, 1)}
    for (value,) in db.execute(
        "SELECT start_date FROM mandates UNION SELECT end_date FROM mandates "
        "WHERE end_date IS NOT NULL"
    ):
        day = dt.date.fromisoformat(value)
        days |= {day - dt.timedelta(days=1), day, day + dt.timedelta(days=1)}
    for day in sorted(days):
        assert ov.vacancies(db, day).items == tuple(_every_college(db, day)), day


@settings(
    max_examples=40,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(ops=_ops())
def test_kept_seats_follow_every_write(ops, template, tmp_path_factory):
    path = tmp_path_factory.mktemp("seats") / "c.sqlite"
    shutil.copy(template, path)
    conn = sqlite3.connect(path, isolation_level=None)  # each statement its own transaction
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        db = Database(conn)
        for op in ops:
            with contextlib.suppress(sqlite3.DatabaseError):
                _apply(db, op)
            assert seats.problems(db) == [], op
        assert_vacancies(db)
    finally:
        conn.close()


def test_vacancies_on_random_councils_are_every_college_counted(template, tmp_path):
    """Many mandates over many colleges, some seats counts odd (none, none given, zero): on
    every day around their terms, the colleges listed are those every college counted gives."""
    path = tmp_path / "c.sqlite"
    shutil.copy(template, path)
    chance = random.Random(24)
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        db = Database(conn)
        conn.execute("BEGIN")
        for _i in range(12):
            _apply(db, ("college", chance.choice([None, 0, 1, 2, 3, 6])))
        for _i in range(150):
            start = dt.date(2024, 1, 1) + dt.timedelta(days=chance.randrange(1500))
            end = start + dt.timedelta(days=chance.randrange(-30, 900))
            college = chance.randrange(15)
            db.execute(
                "INSERT INTO mandates (person_id, body_id, college_id, role, start_date, "
                "end_date) VALUES (?, (SELECT body_id FROM colleges WHERE id = ?), ?, ?, ?, ?)",
                [
                    1 + chance.randrange(6),
                    1 + college,
                    1 + college,
                    chance.choice(ROLES),
                    start.isoformat(),
                    None if chance.random() < 0.2 else end.isoformat(),
                ],
            )
        conn.execute("COMMIT")
        assert seats.problems(db) == []
        assert_vacancies(db)
    finally:
        conn.close()


def test_a_file_without_the_kept_seats_counts_every_college(template, tmp_path):
    """A file of before 0024 read without migrating it (read-only): every college counted."""
    path = tmp_path / "c.sqlite"
    shutil.copy(template, path)
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        db = Database(conn)
        _apply(db, ("mandate", 0, 0, "member", "2025-06-30", None))
        day = dt.date(2026, 1, 1)
        kept = ov.vacancies(db, day)
        conn.execute("DROP TABLE college_seats")
        assert ov.vacancies(db, day) == kept
        assert [v.college for v in kept.items] == ["A", "B"]
        assert [v.filled for v in kept.items] == [1, 0]
    finally:
        conn.close()


def test_the_check_names_kept_seats_written_behind_its_back(store):
    with store.write() as w:
        w.execute("INSERT INTO bodies (name, kind) VALUES ('Bureau', 'bureau')")
        w.execute("INSERT INTO colleges (body_id, name, seats) VALUES (1, 'A', 2)")
    assert check_council(store) == []
    with store.write() as w:
        w.execute("UPDATE college_seats SET full_until = '2000-01-01'")
    assert any("Tableau de bord" in p for p in check_council(store))
    with store.write() as w:
        seats.rebuild(w)
    assert check_council(store) == []


def test_the_member_import_writes_the_kept_seats_once(store, tmp_path):
    """The import sets the trigger on new mandates aside and writes the table again at its end:
    the same rows as the trigger would have written, and the trigger put back."""
    with store.write() as w:
        w.execute("INSERT INTO bodies (name, kind) VALUES ('Conseil', 'plenary')")
        w.execute("INSERT INTO colleges (body_id, name, seats) VALUES (1, 'A', 2)")
        w.execute("INSERT INTO people (first_name, last_name) VALUES ('Ann', 'Lee')")
    trigger = "SELECT sql FROM sqlite_master WHERE name = 'derived_seats_mandates_insert'"
    before = store.db.execute(trigger).fetchone()
    with store.write() as w, seats.mandates_added(w):
        assert w.execute(trigger).fetchone() is None
        w.execute(
            "INSERT INTO mandates (person_id, body_id, college_id, role, start_date) "
            "VALUES (1, 1, 1, 'member', '2025-01-01'), (1, 1, 1, 'member', '2025-02-01')"
        )
    assert store.db.execute(trigger).fetchone() == before
    assert seats.problems(store.db) == []
    assert store.db.execute("SELECT full_until, last_start FROM college_seats").fetchall() == [
        ("9999-12-31", "2025-02-01")
    ]


def _late_everywhere(db, today: dt.date, days: int = ov.UPCOMING_DAYS) -> int:
    """The late notices counted over every upcoming meeting (before the longest notice's bound)."""
    from ess_desk.store import database

    return database.count(
        db,
        f"SELECT COUNT(*) {ov._UPCOMING} AND COALESCE(m.notice_sent_on, '') = '' "
        f"AND date(m.starts_at, printf('-%d days', {ov._CLEAR_DAYS} + 1)) < :today",
        ov._upcoming_range(today, days),
    )


def test_late_notices_within_the_longest_notice_are_every_meeting_counted(template, tmp_path):
    path = tmp_path / "c.sqlite"
    shutil.copy(template, path)
    chance = random.Random(5)
    today = dt.date(2026, 3, 1)
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        db = Database(conn)
        for clear in ([0, 3], [5, 2], [15, 40], [-3, -1], [1, 120], [7, 5]):
            conn.execute(
                "UPDATE bodies SET notice_clear_days = ?, reconvene_notice_days = ? WHERE id = 1",
                clear,
            )
            conn.execute("DELETE FROM meetings")
            for _i in range(60):
                start = today + dt.timedelta(days=chance.randrange(-5, 75))
                conn.execute(
                    "INSERT INTO meetings (body_id, title, kind, starts_at, status, "
                    "notice_sent_on, reconvenes_meeting_id) VALUES (?, 'S', 'ordinary', ?, ?, ?, "
                    "(SELECT MAX(id) FROM meetings WHERE ?))",
                    [
                        1 + chance.randrange(2),
                        f"{start.isoformat()} {chance.choice(['00:00', '09:30', '23:59'])}",
                        chance.choice(["planned", "convened", "held", "cancelled"]),
                        chance.choice([None, "", "2026-02-20"]),
                        chance.random() < 0.3,
                    ],
                )
            for shift in range(-3, 20):
                day = today + dt.timedelta(days=shift)
                for days in (0, 10, 60):
                    assert ov.late_notices(db, day, days) == _late_everywhere(db, day, days)
    finally:
        conn.close()


# Each write below changes what is kept (so each trigger is put to the test).
SCENARIO = [
    ("mandate", 0, 1, "member", "2025-06-30", None),
    ("mandate", 1, 1, "president", "2026-01-01", "2026-06-01"),
    ("mandate_start", 1, "2024-01-01"),
    ("mandate_end", 0, "2026-12-31"),
    ("mandate_role", 0, "substitute"),
    ("mandate_college", 1, 0),
    ("mandate", 2, 0, "member", "2026-01-01", "2028-01-01"),
    ("college_seats", 0, 2),
    ("mandate_delete", 1),
    ("college", 1),
    ("college_seats", 3, None),
    ("college_delete", 0),
]


def test_kept_seats_follow_each_kind_of_write(template, tmp_path):
    path = tmp_path / "c.sqlite"
    shutil.copy(template, path)
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        db = Database(conn)
        seen = []
        for op in SCENARIO:
            _apply(db, op)
            assert seats.problems(db) == [], op
            seen.append(
                db.execute(
                    "SELECT group_concat(college_id || full_until || last_start, ' ') "
                    "FROM college_seats"
                ).fetchone()
            )
        still = [op for op, a, b in zip(SCENARIO[1:], seen, seen[1:], strict=False) if a == b]
        assert still == [], still
        assert_vacancies(db)
    finally:
        conn.close()
