"""The large demo's approvals of minutes, written in bulk, against the same approvals made
through the services one by one (minutes.approve, record_publication, meetings.set_status)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterator

import pytest

from ess_desk import demo
from ess_desk.demo import approvals, fill
from ess_desk.integrity import check_council
from ess_desk.meetings import meetings, presence
from ess_desk.minutes import minutes, record
from ess_desk.store import chain, database, open_store
from tests.core.test_demo import reduced_large, rows_of, without_clock

# Every table is compared but those that differ between any two fills: the migrations' times,
# the audit log (compared below without its times, its chain checked) and its full-text index
# (of those times too), and the tables FTS5 keeps for its indexes (their own tables are compared).
UNCOMPARED = {"_sqlite_migrations", "audit_log", "privacy_audit"}
FTS_PARTS = ("_config", "_content", "_data", "_docsize", "_idx")
# The council's identifier, drawn at random when its file is made.
RANDOM_SETTING = "council_uid"
PROFILE = reduced_large(meetings_from=dt.date(2025, 5, 1), actions=600, updates_per_action=2)


def compared_tables(db) -> list[str]:
    """Every table but those left out: `UNCOMPARED`, SQLite's own and FTS5's."""
    virtual = database.column(
        db, "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL%'"
    )
    left_out = UNCOMPARED | {table + part for table in virtual for part in FTS_PARTS}
    return [
        table
        for table in database.column(
            db, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
        )
        if table not in left_out and not table.startswith("sqlite_")
    ]


def written(db) -> dict[str, list]:
    """Every compared table's rows without their wall-clock times, sorted, and the audit log's
    entries without theirs."""
    out = {table: sorted(rows_of(db, table, "1"), key=repr) for table in compared_tables(db)}
    out["settings"] = [r for r in out["settings"] if r[0] != RANDOM_SETTING]
    out["audit_log"] = [
        (entry_id, entity, entity_id, action, without_clock(before), without_clock(after))
        for entry_id, entity, entity_id, action, before, after in db.execute(
            "SELECT id, entity, entity_id, action, before, after FROM audit_log ORDER BY id"
        )
    ]
    return out


def through_the_services(monkeypatch) -> None:
    """The demo's approvals made as the small demo makes them, on the large profile."""
    approve = fill._approve_minutes

    def one_by_one(state) -> None:
        bulk = state.profile
        state.profile = dataclasses.replace(bulk, bulk=False)
        try:
            approve(state)
        finally:
            state.profile = bulk

    monkeypatch.setattr(fill, "_approve_minutes", one_by_one)


def filled_both_ways(
    tmp_path_factory,
    services: Callable[[pytest.MonkeyPatch], None],
    batch: tuple[object, int] | None = None,
) -> Iterator[dict[str, tuple]]:
    """The reduced large council filled twice with one seed, as "bulk" and "services": as the
    large demo fills it, and with its bulk way set aside by `services`; `batch`: a module whose
    `BATCH` is set to a small size for both (so that several batches are written one after the
    other). Each way's store, summary and `written` rows, the stores closed once the tests are
    done (a module fixture's body)."""
    made = {}
    for way in ("bulk", "services"):
        with pytest.MonkeyPatch.context() as monkeypatch:
            if batch is not None:
                monkeypatch.setattr(batch[0], "BATCH", batch[1])
            if way == "services":
                services(monkeypatch)
            path = tmp_path_factory.mktemp(way) / "conseil.sqlite"
            store = open_store(path)
            summary = demo.fill_profile(store, PROFILE, seed=11)
            made[way] = (store, summary, written(store.db))
    yield made
    for store, _summary, _written in made.values():
        store.close()


def assert_same_tables(bulk: dict[str, list], services: dict[str, list]) -> None:
    """Every compared table (`written`) of the bulk fill equals the services' fill's."""
    assert bulk.keys() == services.keys()
    for table in bulk:
        assert bulk[table] == services[table], table


def assert_sound(store) -> None:
    """The audit chain unbroken, the approved minutes' digests and the council's own check."""
    assert chain.first_break(store.db.conn) is None
    assert minutes.check_digests(store.db) == []
    assert check_council(store) == []


@pytest.fixture(scope="module")
def councils(tmp_path_factory):
    """The council's approvals in bulk, in batches of seven, and through the services."""
    yield from filled_both_ways(tmp_path_factory, through_the_services, (approvals, 7))


def test_bulk_approvals_write_what_the_services_write(councils):
    bulk, services = councils["bulk"], councils["services"]
    assert bulk[1] == services[1]  # the summary: as many minutes approved
    approved = [r for r in services[2]["minutes"] if r[2] == "approved"]
    assert len(approved) >= 40
    assert {"minutes", "meetings", "minutes_people", "audit_numbers"} <= bulk[2].keys()
    assert_same_tables(bulk[2], services[2])


def test_bulk_approvals_keep_the_chain_the_digests_and_the_checks(councils):
    store = councils["bulk"][0]
    assert_sound(store)
    db = store.db
    rows = db.execute(
        "SELECT id, approved_text, approved_sha256, approved_on, signed_on, published_on "
        "FROM minutes WHERE status = 'approved'"
    ).fetchall()
    for minutes_id, text, digest, approved_on, signed_on, published_on in rows:
        assert record.digest(text) == digest
        day = dt.date.fromisoformat(approved_on)
        assert signed_on == (day + dt.timedelta(days=1)).isoformat()
        assert published_on == (day + dt.timedelta(days=3)).isoformat()
        meeting_status = db.execute(
            "SELECT m.status FROM meetings m JOIN minutes mi ON mi.meeting_id = m.id "
            "WHERE mi.id = ?",
            [minutes_id],
        ).fetchone()[0]
        assert meeting_status == "closed"
    # The snapshots' update trigger is back, as it was.
    assert db.execute(
        "SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' "
        "AND name = 'snapshot_people_update'"
    ).fetchone() == (1,)


def test_a_meeting_without_quorum_approves_nothing_in_bulk(councils):
    """The minutes left submitted are those whose approving meeting, held, lacked its quorum."""
    db = councils["bulk"][0].db
    waiting = db.execute(
        "SELECT mi.approval_item_id FROM minutes mi JOIN agenda_items i "
        "ON i.id = mi.approval_item_id JOIN meetings m ON m.id = i.meeting_id "
        "WHERE mi.status = 'submitted' AND m.status IN ('held', 'closed')"
    ).fetchall()
    assert waiting  # the reduced council has some
    for (item_id,) in waiting:
        meeting_id = db.execute(
            "SELECT meeting_id FROM agenda_items WHERE id = ?", [item_id]
        ).fetchone()[0]
        approving = meetings.get(db, meeting_id)
        moment = presence.parse_time(approving.opening_time, "opening_time")
        assert not presence.quorum(db, meeting_id, moment, item_id=item_id).reached
