"""The people and words each approved snapshot names, kept beside it (migration 0017): written
by the approval, forgotten when the snapshot changes or its person is anonymised, filled by the
migration of a released file; a person's file read through them is the file read from the
snapshots themselves."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest

from ess_desk.meetings import agenda, meetings
from ess_desk.membership import mandates, people
from ess_desk.minutes import minutes as mn
from ess_desk.minutes import record as rec
from ess_desk.privacy import anonymise as anon
from ess_desk.privacy import person_file
from ess_desk.privacy.matching import Identity, Matcher
from ess_desk.store import database, open_store, snapshot_people
from tests import schemas
from tests.core.test_minutes import build_council, draft, hold_second


def _every_file_minutes(db) -> dict[int, list]:
    """Every person's minutes section, as the file gives it."""
    out = {}
    for person_id in database.column(db, "SELECT id FROM people ORDER BY id"):
        identity = Identity.of(db, person_id)
        out[person_id] = person_file._minutes(db, person_id, Matcher(identity))
    return out


def _same_read_either_way(db, every: bool = True) -> dict[int, list]:
    """The minutes of every person's file through the kept rows (of `every` approved snapshot),
    then (in a transaction rolled back) with every snapshot read whole: the same."""
    kept = database.count(db, "SELECT COUNT(*) FROM minutes_read")
    approved_count = database.count(
        db, "SELECT COUNT(*) FROM minutes WHERE status = 'approved' AND approved_text != ''"
    )
    assert kept == approved_count if every else kept < approved_count
    through_rows = _every_file_minutes(db)
    db.conn.execute("SAVEPOINT whole")
    try:
        db.conn.execute("DELETE FROM minutes_read")
        assert _every_file_minutes(db) == through_rows
    finally:
        db.conn.execute("ROLLBACK TO whole")
        db.conn.execute("RELEASE whole")
    assert any(through_rows.values())
    return through_rows


@pytest.fixture
def council(store):
    """The minutes test council, approved, its snapshot naming people in every way the file
    reads: by number, by name in the secretary, a presenter typed, a summary, a decision and
    a title; an e-mail and a phone number in a summary; a homonym of a member without a card."""
    c = build_council(store)
    p = c["people"]
    people.update(store, p["Zoé"], email="zoe.perso@exemple.org", phone="07 98 76 54 32")
    people.update(store, p["François"], phone="06 11 22 33 44")
    minutes_id = draft(store, c)
    mn.update(store, minutes_id, secretary="Mme Zoé Secrète")
    item = agenda.create_item(
        store, c["first"], title="Retour de François Durand", presenter_text="Hélène MARTIN"
    )
    mn.save_section(
        store,
        minutes_id,
        item,
        "Écrire à zoe.perso@exemple.org ; appeler le +33 6 11 22 33 44 ou tél.0798765432.\n"
        "Zoe\nSecrète remercie Sacha.",
    )
    item = mn.submit(store, minutes_id)
    meetings.set_status(store, c["second"], "convened")
    hold_second(store, c)
    mn.approve(store, item)
    return c


def test_approval_keeps_who_the_snapshot_names(store, council):
    db = store.db
    minutes = mn.get_minutes(db, council["first"])
    people_rows, names = snapshot_people.read(minutes.approved_text)
    kept = {
        r["person_id"]: r["roles"].split()
        for r in database.rows(
            db, "SELECT person_id, roles FROM minutes_people WHERE minutes_id = ?", [minutes.id]
        )
    }
    assert kept == people_rows
    assert kept[council["people"]["Hélène"]][:2] == ["ref", "chair"]
    assert ("secretary", "Mme Zoé Secrète") in names
    assert ("presenter", "Hélène MARTIN") in names
    assert ("text", "Retour de François Durand") in names
    assert sorted(names) == sorted(
        (r["role"], r["text"])
        for r in database.rows(
            db, "SELECT role, text FROM minutes_names WHERE minutes_id = ?", [minutes.id]
        )
    )


def test_file_read_through_the_kept_rows_is_the_file_read_from_the_snapshots(store, council):
    found = _same_read_either_way(store.db)
    zoe = found[council["people"]["Zoé"]]
    assert zoe and "secrétaire de séance" in zoe[0]["roles"]
    assert "nommé(e) dans le texte" in zoe[0]["roles"]
    assert "présente un point" in found[council["people"]["Hélène"]][0]["roles"]


def test_the_small_demo_read_either_way(store, on_demo_day):
    from ess_desk.demo import fill_demo

    fill_demo(store, "small")
    _same_read_either_way(store.db)


def test_a_changed_or_gone_snapshot_is_forgotten(store, council):
    db = store.db
    first = mn.get_minutes(db, council["first"])
    with store.write() as w:
        w.execute("DROP TRIGGER minutes_frozen_update")  # as plain SQL could, on a copy
        w.execute(
            "UPDATE minutes SET approved_text = approved_text || ' ' WHERE id = ?", [first.id]
        )
    for table in ("minutes_read", "minutes_people", "minutes_names"):
        assert not database.count(
            db, f"SELECT COUNT(*) FROM {table} WHERE minutes_id = ?", [first.id]
        )
    # Read whole, as before the rows were kept.
    zoe = council["people"]["Zoé"]
    assert person_file._minutes(db, zoe, Matcher(Identity.of(db, zoe)))


def _kept_rows(db) -> dict[str, list]:
    """The rows of the three tables, each in the order of its columns."""
    orders = {
        "minutes_read": "minutes_id",
        "minutes_people": "person_id, minutes_id",
        "minutes_names": "minutes_id, role, text",
    }
    return {
        table: [tuple(r) for r in db.execute(f"SELECT * FROM {table} ORDER BY {order}")]
        for table, order in orders.items()
    }


def test_minutes_updated_in_bulk_are_forgotten_then_written_as_one_by_one(store, council):
    """The demo's approvals (`forgotten_in_bulk`, `write_many`): the kept rows of the minutes
    named are forgotten at the start, the update trigger is set aside in the block (an inner
    block leaves it to the outer one) and put back word for word, even when the block fails;
    `write_many` writes the rows `write` wrote, and skips a snapshot it cannot read."""
    first = mn.get_minutes(store.db, council["first"])
    kept = _kept_rows(store.db)
    assert all(kept.values())

    def trigger(db) -> str | None:
        return database.scalar(
            db,
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?",
            ["snapshot_people_update"],
        )

    created = trigger(store.db)
    assert created is not None
    with store.write() as db:
        with snapshot_people.forgotten_in_bulk(db, [first.id]):
            assert trigger(db) is None
            assert not any(_kept_rows(db).values())
            with snapshot_people.forgotten_in_bulk(db, [first.id]):
                assert trigger(db) is None
            assert trigger(db) is None
        assert trigger(db) == created
        snapshots = [(first.id, first.approved_text), (10_000, "{not json")]
        assert snapshot_people.write_many(db, snapshots) == 1
        assert _kept_rows(db) == kept
        with pytest.raises(RuntimeError), snapshot_people.forgotten_in_bulk(db, []):
            raise RuntimeError("stopped")
        assert trigger(db) == created
    assert _kept_rows(store.db) == kept


@pytest.mark.parametrize(
    "damage",
    [
        lambda d: "{not json",
        lambda d: json.dumps({**d, "chair": [{**d["chair"][0], "age": 3}]}),
        lambda d: json.dumps({**d, "chair": [{**d["chair"][0], "person_id": "12"}]}),
        lambda d: json.dumps({k: v for k, v in d.items() if k != "sections"}),
        lambda d: json.dumps(
            {**d, "attendance": {**d["attendance"], "present": [{"person": None}]}}
        ),
    ],
)
def test_a_snapshot_the_minutes_cannot_read_is_not_kept(store, council, damage):
    text = mn.get_minutes(store.db, council["first"]).approved_text
    damaged = damage(json.loads(text))
    # Refused here where the minutes refuse it, and where they take a number that is not one
    # (read whole, then, as before).
    with pytest.raises((ValueError, KeyError, TypeError, AttributeError)):
        snapshot_people.read(damaged)
    with store.write() as db:
        assert not snapshot_people.write(db, 10_000, damaged)
    assert not database.count(
        store.db, "SELECT COUNT(*) FROM minutes_read WHERE minutes_id = 10000"
    )


def test_person_keys_are_the_minutes_person_fields():
    assert {f.name for f in dataclasses.fields(rec.PersonRef)} == snapshot_people.PERSON_KEYS


def test_anonymised_person_leaves_the_kept_rows(store, council):
    db = store.db
    zoe = council["people"]["Zoé"]
    matcher = Matcher(Identity.of(db, zoe))
    assert database.count(db, "SELECT COUNT(*) FROM minutes_people WHERE person_id = ?", [zoe])
    assert any(matcher.search(t) for t in database.column(db, "SELECT text FROM minutes_names"))
    before = _every_file_minutes(db)
    mandates.end(store, council["mandates"]["Zoé"], "2027-01-31")
    anon.anonymise(store, zoe, today=dt.date(2027, 2, 1))
    assert not database.count(db, "SELECT COUNT(*) FROM minutes_people WHERE person_id = ?", [zoe])
    assert not any(matcher.search(t) for t in database.column(db, "SELECT text FROM minutes_names"))
    # The others' files are what they were; hers still lists the minutes (read whole).
    after = _same_read_either_way(db, every=False)
    assert after[zoe]
    others = {k: v for k, v in before.items() if k != zoe}
    assert {k: v for k, v in after.items() if k != zoe} == others


def test_released_file_migrates_with_its_snapshots_kept(tmp_path):
    with open_store(schemas.copied(tmp_path, "0014_dashboard_indexes.sqlite")) as store:
        rows = database.rows(store.db, "SELECT person_id, minutes_id, roles FROM minutes_people")
        expected = set()
        for r in database.rows(
            store.db,
            "SELECT id, approved_text FROM minutes WHERE status = 'approved' AND approved_text != ''",
        ):
            found, _names = snapshot_people.read(r["approved_text"])
            expected |= {(p, r["id"], " ".join(roles)) for p, roles in found.items()}
        assert {(r["person_id"], r["minutes_id"], r["roles"]) for r in rows} == expected
        _same_read_either_way(store.db)


def test_a_bulk_write_whose_transaction_sqlite_ended_raises_its_own_error(store):
    """A full disk inside forgotten_in_bulk (the demo's approvals): SQLite has rolled the
    transaction back, the update trigger with it; the error raised is the disk's, not what
    writing the trigger again would meet (« already exists »), and the trigger is there."""
    import sqlite3

    trigger = "SELECT sql FROM sqlite_master WHERE name = 'snapshot_people_update'"
    before = store.conn.execute(trigger).fetchall()
    full = pytest.raises(sqlite3.OperationalError, match="disk is full")
    with full, store.write() as db, snapshot_people.forgotten_in_bulk(db, []):
        db.conn.execute("ROLLBACK")  # what SQLite does on SQLITE_FULL
        raise sqlite3.OperationalError("database or disk is full")
    assert store.conn.execute(trigger).fetchall() == before != []
