"""The demonstration council: its size, its determinism, and that it keeps every rule."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sqlite3

import pytest
from stdnum.fr import siret

from ess_desk import demo, service
from ess_desk.cli import main
from ess_desk.errors import UserError
from ess_desk.membership import mandates, people, roster
from ess_desk.store import open_store
from ess_desk.store.check import check_store

DATA_TABLES = ("organisations", "people", "bodies", "colleges", "mandates")


def dump(db) -> dict[str, list]:
    """Every data row, and the audit log without its wall-clock time and OS user."""
    out = {t: db.execute(f"SELECT * FROM [{t}] ORDER BY id").fetchall() for t in DATA_TABLES}
    out["audit_log"] = db.execute(
        "SELECT entity, entity_id, action, before, after FROM audit_log ORDER BY id"
    ).fetchall()
    return out


def sample_dates(first: dt.date, last: dt.date, step_days: int) -> list[dt.date]:
    days = [first + dt.timedelta(days=d) for d in range(0, (last - first).days + 1, step_days)]
    return [*days, last]


def assert_every_rule_kept(db) -> None:
    """Each mandate passes the same validation a secretary's edit would (overlap, seats, pairs)."""
    ids = [r[0] for r in db.execute("SELECT id FROM mandates ORDER BY id")]
    for mandate_id in ids:
        row = service.require(db, "mandates", mandate_id, "mandat")
        mandates.clean(db, row, mandate_id)


def assert_no_college_over_its_seats(db, dates: list[dt.date]) -> None:
    body_ids = [r[0] for r in db.execute("SELECT id FROM bodies")]
    for body_id in body_ids:
        for day in dates:
            for college in roster.vacant_seats(db, body_id, day):
                if college.seats is not None:
                    assert college.filled <= college.seats, (body_id, college.name, day)


def test_small_demo_is_a_council_of_about_sixty(store):
    summary = demo.fill_demo(store, "small", seed=2026)
    assert "Démonstration créée" in summary
    db = store.db
    count = db.execute("SELECT COUNT(*) FROM people").fetchone()[0]
    assert 50 <= count <= 75
    kinds = dict(db.execute("SELECT kind, COUNT(*) FROM bodies GROUP BY kind").fetchall())
    assert kinds == {"plenary": 1, "bureau": 1, "commission": 3}
    plenary = db.execute("SELECT id, name FROM bodies WHERE kind = 'plenary'").fetchone()
    assert plenary[1].startswith("Conseil de l'ESS de ")
    colleges = roster.vacant_seats(db, plenary[0], dt.date(2026, 6, 1))
    assert [c.name for c in colleges] == [
        "Élus",
        "Structures de l'ESS",
        "Réseaux",
        "Partenaires",
        "Personnes qualifiées",
    ]
    assert all(c.seats for c in colleges)
    assert [c.voting for c in colleges].count(False) == 1
    # Commissions and bureau hang under the plenary and have their own colleges.
    children = db.execute(
        "SELECT COUNT(*) FROM bodies WHERE parent_id = ? AND kind IN ('bureau', 'commission')",
        [plenary[0]],
    ).fetchone()[0]
    assert children == 4
    assert (
        db.execute(
            "SELECT COUNT(DISTINCT body_id) FROM colleges WHERE body_id != ?", [plenary[0]]
        ).fetchone()[0]
        == 4
    )
    roles = dict(db.execute("SELECT role, COUNT(*) FROM mandates GROUP BY role").fetchall())
    for role in ("president", "co_president", "member", "substitute", "permanent_guest"):
        assert roles.get(role), role
    assert roles["secretariat"] >= 2
    # Substitutes are paired with a member of the same college.
    pairs = db.execute(
        "SELECT s.college_id = m.college_id FROM mandates s JOIN mandates m "
        "ON m.id = s.substitute_for_id"
    ).fetchall()
    assert pairs and all(p[0] for p in pairs)


def test_small_demo_has_history_and_renewals_to_prepare(store):
    demo.fill_demo(store, "small")
    db = store.db
    anchor = demo.SMALL.anchor
    ending = roster.mandates_ending(db, 60, anchor)
    assert 2 <= len(ending) <= 10
    past = db.execute(
        "SELECT COUNT(*) FROM mandates WHERE end_date < ?", [anchor.isoformat()]
    ).fetchone()[0]
    assert past >= 1
    archived = db.execute("SELECT id FROM people WHERE archived = 1").fetchall()
    assert len(archived) >= 1
    assert people.has_history(db, archived[0][0])
    consents = db.execute(
        "SELECT COUNT(DISTINCT consent_publish), COUNT(DISTINCT consent_contact) FROM people"
    ).fetchone()
    assert consents == (2, 2)
    # Names carry their accents; organisations of every kind.
    first_names = " ".join(r[0] for r in db.execute("SELECT first_name FROM people"))
    assert any(ch in first_names for ch in "éèëïçô")
    kinds = {r[0] for r in db.execute("SELECT DISTINCT kind FROM organisations")}
    assert {"association", "scic", "scop", "mutuelle", "fondation", "esus"} <= kinds
    assert {"collectivite", "reseau", "universite"} <= kinds
    # Everything written through the services is in the audit log.
    audited = db.execute("SELECT COUNT(DISTINCT entity || entity_id) FROM audit_log").fetchone()[0]
    rows = sum(db.execute(f"SELECT COUNT(*) FROM [{t}]").fetchone()[0] for t in DATA_TABLES)
    assert audited == rows


def test_small_demo_keeps_every_rule_and_passes_check(store):
    demo.fill_demo(store, "small")
    assert check_store(store) == []
    assert_every_rule_kept(store.db)
    assert_no_college_over_its_seats(
        store.db, sample_dates(demo.SMALL.first_start, dt.date(2027, 3, 1), 14)
    )


def test_every_siret_is_valid(store):
    demo.fill_demo(store, "small")
    numbers = [r[0] for r in store.db.execute("SELECT siret FROM organisations")]
    given = [n for n in numbers if n]
    assert len(given) >= len(numbers) * 0.7
    assert all(siret.is_valid(n) for n in given)
    assert len(set(given)) == len(given)


def test_make_siret_always_valid():
    import random

    rng = random.Random(1)
    assert all(siret.is_valid(demo.make_siret(rng)) for _i in range(500))


def test_same_seed_same_council_other_seed_other_council(tmp_path):
    dumps = []
    for name, seed in (("a", 7), ("b", 7), ("c", 8)):
        with open_store(tmp_path / f"{name}.sqlite") as s:
            demo.fill_demo(s, "small", seed=seed)
            dumps.append(dump(s.db))
    assert dumps[0] == dumps[1]
    assert dumps[0]["people"] != dumps[2]["people"]


def test_refuses_a_database_that_has_people(store):
    people.create(store, first_name="Hélène", last_name="Durand")
    with pytest.raises(UserError, match="contient déjà 1 personne"):
        demo.fill_demo(store, "small")
    assert store.db.execute("SELECT COUNT(*) FROM bodies").fetchone()[0] == 0


def test_refuses_a_second_demo_and_an_unknown_size(store):
    demo.fill_demo(store, "small")
    before = dump(store.db)
    with pytest.raises(UserError, match="base vide"):
        demo.fill_demo(store, "small")
    with pytest.raises(UserError, match="inconnue"):
        demo.fill_demo(store, "medium")
    assert dump(store.db) == before


def test_cli_demo_then_check(db_path, capsys):
    assert main(["--db", str(db_path), "demo", "--size", "small", "--seed", "3"]) == 0
    assert "Démonstration créée" in capsys.readouterr().out
    assert main(["--db", str(db_path), "check"]) == 0
    assert main(["--db", str(db_path), "demo"]) == 1
    assert "base vide" in capsys.readouterr().err


def test_progress_is_reported(store):
    seen: list[tuple[int, int]] = []
    demo.fill_demo(store, "small", progress=lambda done, total: seen.append((done, total)))
    assert seen[-1][0] == seen[-1][1]
    assert [d for d, _t in seen] == sorted(d for d, _t in seen)


def test_reduced_large_profile_is_written_in_bulk_and_keeps_the_rules(store):
    profile = dataclasses.replace(
        demo.LARGE,
        organisations=tuple((kind, max(3, n // 8)) for kind, n in demo.LARGE.organisations),
        people=400,
    )
    demo.fill_profile(store, profile, seed=5)
    db = store.db
    assert db.execute("SELECT COUNT(*) FROM people").fetchone()[0] >= 400
    assert check_store(store) == []
    assert_every_rule_kept(db)
    # Bulk rows are audited like service writes, values as stored.
    person = db.execute("SELECT * FROM people ORDER BY id LIMIT 1")
    names = [c[0] for c in person.description]
    row = dict(zip(names, person.fetchone(), strict=True))
    after = db.execute(
        "SELECT after FROM audit_log WHERE entity = 'person' AND entity_id = ?", [row["id"]]
    ).fetchone()[0]
    assert json.loads(after) == row


@pytest.mark.slow
def test_large_demo(tmp_path):
    with open_store(tmp_path / "large.sqlite") as s:
        summary = demo.fill_demo(s, "large", seed=2026)
        db = s.db
        assert "2000 personnes" in summary
        assert db.execute("SELECT COUNT(*) FROM people").fetchone()[0] == 2000
        assert db.execute("SELECT COUNT(*) FROM organisations").fetchone()[0] == 800
        kinds = dict(db.execute("SELECT kind, COUNT(*) FROM bodies GROUP BY kind").fetchall())
        assert kinds["plenary"] == 1 and kinds["bureau"] == 1
        assert kinds["commission"] + kinds["working_group"] >= 8
        starts = {r[0] for r in db.execute("SELECT DISTINCT start_date FROM mandates")}
        for renewal in ("2017-01-01", "2020-01-01", "2023-01-01", "2026-01-01"):
            assert renewal in starts
        assert check_store(s) == []
        assert_every_rule_kept(db)
        assert_no_college_over_its_seats(
            db, sample_dates(dt.date(2017, 1, 1), dt.date(2026, 12, 31), 61)
        )
        audited = db.execute(
            "SELECT COUNT(*) FROM audit_log WHERE entity IN ('person', 'organisation', 'mandate')"
        ).fetchone()[0]
        mandate_count = db.execute("SELECT COUNT(*) FROM mandates").fetchone()[0]
        assert audited >= 2000 + 800 + mandate_count


def test_demo_database_file_is_plain_sqlite(tmp_path):
    path = tmp_path / "demo.sqlite"
    with open_store(path) as s:
        demo.fill_demo(s, "small")
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
