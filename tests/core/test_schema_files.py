"""Real database files of every released schema open with this version and keep their data."""

from __future__ import annotations

import datetime as dt

import pytest

from ess_desk.integrity import check_council
from ess_desk.membership import roster
from ess_desk.store import open_store
from ess_desk.store.database import schema_state
from ess_desk.store.schema import known_migration_names
from tests import schemas

SCHEMAS = sorted(schemas.FOLDER.glob("*.sqlite"))
# Migrations of the version being written: the newest schema's file is added when it is
# released (by the lead, at the end of the session), not by each branch that adds a step.
UNRELEASED: set[str] = {
    "0015_dashboard_pending",
    "0016_search_prefixes",
    "0017_minutes_people",
    "0018_audit_numbers",
    "0019_audit_words_sizes",
    "0020_people_words",
    "0021_people_words_replaced",
    "0022_mandates_person_dropped",
    "0023_minutes_people_and_votes_by_meeting",
    "0024_college_seats",
    "0025_open_actions_follow_up",
}


def test_schema_files_are_named_after_known_steps():
    # Each released schema leaves a real file behind it, named after its last migration; the
    # newest released schema has one, so that the next migration is tested against a real file.
    names = [p.stem for p in SCHEMAS]
    assert set(names) <= set(known_migration_names())
    released = [n for n in known_migration_names() if n not in UNRELEASED]
    assert released[-1] in names


@pytest.mark.parametrize("fixture", SCHEMAS, ids=lambda p: p.stem)
def test_every_schema_file_opens_clean(fixture, tmp_path):
    store = open_store(schemas.copied(tmp_path, fixture.name))
    try:
        assert schema_state(store.db) == ([], [])
        assert check_council(store) == []
        assert store.conn.execute("SELECT COUNT(*) FROM people").fetchone()[0] > 0
    finally:
        store.close()


def test_first_schema_migrates_and_keeps_its_roster(tmp_path):
    fixture = SCHEMAS[0]
    assert fixture.stem == "0001_membership"
    store = open_store(schemas.copied(tmp_path, fixture.name))
    try:
        assert schema_state(store.db) == ([], [])
        assert check_council(store) == []
        body = store.conn.execute("SELECT id FROM bodies WHERE kind = 'plenary'").fetchone()[0]
        entries = roster.roster(store.db, body, dt.date(2025, 6, 1))
        assert [(e.first_name, e.role) for e in entries] == [
            ("Hélène", "president"),
            ("François", "substitute"),
        ]
        assert entries[0].substitutes == ("François Schmitt",)
    finally:
        store.close()


@pytest.fixture
def newest_released(tmp_path):
    """The newest released file, copied, opened (so migrated to this version), closed after."""
    released = [p for p in SCHEMAS if p.stem not in UNRELEASED][-1]
    with open_store(schemas.copied(tmp_path, released.name)) as store:
        yield store


def _plan(store, query: str) -> str:
    """How SQLite reads `query`, its plan's lines as one text."""
    return " ".join(r[-1] for r in store.conn.execute(f"EXPLAIN QUERY PLAN {query}"))


def test_a_persons_mandates_are_found_by_the_index_that_took_over(newest_released):
    """0022 drops mandates_person: on the newest released file migrated, a person's mandates,
    and those of a person in a body, are read through mandates_person_body."""
    store = newest_released
    indexes = {
        r[0] for r in store.conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")
    }
    assert "mandates_person" not in indexes and "mandates_person_body" in indexes
    for query in (
        "SELECT id FROM mandates WHERE person_id = 1",
        "SELECT id FROM mandates WHERE person_id = 1 AND body_id = 1",
    ):
        plan = _plan(store, query)
        assert "USING COVERING INDEX mandates_person_body" in plan, plan
    assert check_council(store) == []


def test_minutes_people_and_votes_are_read_by_their_index(newest_released):
    """0023: on the newest released file migrated, the snapshots' triggers forget a minutes'
    people through minutes_people_minutes, and a meeting's votes are read through votes_meeting,
    not by reading either whole table."""
    store = newest_released
    for query, index in (
        ("DELETE FROM minutes_people WHERE minutes_id = 1", "minutes_people_minutes"),
        ("SELECT * FROM votes WHERE meeting_id = 1 ORDER BY id", "votes_meeting"),
    ):
        plan = _plan(store, query)
        assert f"USING INDEX {index}" in plan, plan
    assert check_council(store) == []


def test_a_packs_follow_up_reads_the_open_actions_from_their_index(newest_released):
    """0025: on the newest released file migrated, the meeting pack's follow-up query (its body's
    open actions created by the meeting's day, overdue first) reads the actions from
    actions_open_follow_up alone, whose WHERE its own implies, never from the table."""
    from ess_desk.actions import queries, review
    from ess_desk.meetings import meetings

    store = newest_released
    meeting_id = store.conn.execute("SELECT MAX(id) FROM meetings").fetchone()[0]
    meeting = meetings.get(store.db, meeting_id)
    sql, params = queries.follow_up_query(
        store.db, review._open_ones(meeting), sort=review._OPEN_ORDER, today=meeting.day
    )
    plan = " ".join(r[-1] for r in store.conn.execute(f"EXPLAIN QUERY PLAN {sql}", params))
    assert "SEARCH a USING COVERING INDEX actions_open_follow_up" in plan, plan
    assert check_council(store) == []


def test_a_bodys_open_actions_are_read_by_their_due_dates(newest_released):
    """0025's index is taken for any query of a body's open actions (it is the smaller): the
    Actions page's filters of a body's actions due within N days, or overdue, read their range of
    due dates from it, as they did from actions_body_status_due before it, not every open action
    of the body."""
    from ess_desk.actions import queries

    store = newest_released
    today = dt.date(2025, 6, 1)
    for filt, bounds in (
        (queries.ActionFilter(body_id=1, due_within_days=30), "due_date>? AND due_date<?"),
        (queries.ActionFilter(body_id=1, overdue=True), "due_date<?"),
    ):
        sql, params = queries._ids_query(store.db, filt, "title", False, today)
        plan = " ".join(r[-1] for r in store.conn.execute(f"EXPLAIN QUERY PLAN {sql}", params))
        assert f"(body_id=? AND status=? AND {bounds})" in plan, plan
