"""The folded keys of people and organisations and the actions' counts (migration 0013,
ess_desk.store.derived): kept right by every writer, checked by `ess-desk check`, rebuilt."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from ess_desk.actions import actions
from ess_desk.integrity import check_council
from ess_desk.membership import bodies, organisations, people
from ess_desk.privacy import anonymise as anon
from ess_desk.search import index
from ess_desk.store import derived, open_store
from ess_desk.text import fold

TODAY = dt.date(2025, 3, 10)


def keys_of(db) -> tuple[dict[int, tuple[str, str]], dict[int, str]]:
    return (
        {r[0]: (r[1], r[2]) for r in db.execute("SELECT * FROM people_keys")},
        dict(db.execute("SELECT * FROM organisation_keys").fetchall()),
    )


def expected_keys(db) -> tuple[dict[int, tuple[str, str]], dict[int, str]]:
    """The keys computed here in Python, independently of the SQL that writes them."""
    return (
        {
            pid: (f"{fold(last)}\n{fold(first)}", fold(email))
            for pid, last, first, email in db.execute(
                "SELECT id, last_name, first_name, email FROM people"
            )
        },
        {oid: fold(name) for oid, name in db.execute("SELECT id, name FROM organisations")},
    )


def counts_of(db) -> tuple[dict, dict]:
    return (
        {r[:3]: r[3] for r in db.execute("SELECT * FROM action_counts WHERE n != 0")},
        {r[:2]: r[2] for r in db.execute("SELECT * FROM action_due_counts WHERE n != 0")},
    )


def expected_counts(db) -> tuple[dict, dict]:
    by_body: dict = {}
    by_due: dict = {}
    for body, status, theme, due in db.execute(
        "SELECT body_id, status, theme_id, due_date FROM actions"
    ):
        key = (body, status, theme or 0)
        by_body[key] = by_body.get(key, 0) + 1
        by_due[(status, due or "")] = by_due.get((status, due or ""), 0) + 1
    return by_body, by_due


def assert_fresh(db) -> None:
    """Every row has its key, each key says what its row holds, and the counts are the rows'."""
    assert keys_of(db) == expected_keys(db)
    assert counts_of(db) == expected_counts(db)
    assert derived.wrong_keys(db) == 0
    assert derived.problems(db) == []


@pytest.fixture
def council(store):
    body = bodies.create_body(store, name="Bureau", kind="bureau")
    ruche = organisations.create(store, name="La Ruche Éco", email="contact@laruche.fr")
    zoe = people.create(
        store, first_name="Zoé", last_name="Müller", email="Zoe.M@Ex.fr", organisation_id=ruche
    )
    luc = people.create(store, first_name="Luc", last_name="Éloi")
    return {"store": store, "body": body, "ruche": ruche, "zoe": zoe, "luc": luc}


def test_the_services_keep_the_keys_of_what_they_write(store, council):
    db = store.db
    assert keys_of(db)[0][council["zoe"]] == ("muller\nzoe", "zoe.m@ex.fr")
    assert keys_of(db)[1][council["ruche"]] == "la ruche eco"
    people.update(store, council["zoe"], last_name="Ölçer", email="")
    organisations.update(store, council["ruche"], name="Ruche d'Été")
    people.archive(store, council["luc"])  # not in a key: the key stays
    assert keys_of(db)[0][council["zoe"]] == ("olcer\nzoe", "")
    assert keys_of(db)[1][council["ruche"]] == "ruche d'ete"
    people.delete(store, council["luc"])
    assert council["luc"] not in keys_of(db)[0]
    assert_fresh(db)
    assert check_council(store) == []


def test_a_row_written_by_another_program_loses_its_key_never_keeps_a_wrong_one(store, council):
    db = store.db
    with store.write() as w:
        w.execute("UPDATE people SET last_name = 'Durand' WHERE id = ?", [council["zoe"]])
        w.execute("UPDATE organisations SET name = 'Autre' WHERE id = ?", [council["ruche"]])
        w.execute("UPDATE people SET phone = '0102030405' WHERE id = ?", [council["luc"]])
        w.execute(
            "INSERT OR REPLACE INTO people (id, first_name, last_name, email) "
            "VALUES (?, 'Léa', 'Neuve', '')",
            [council["luc"]],
        )
    found = keys_of(db)
    assert council["zoe"] not in found[0] and council["luc"] not in found[0]
    assert council["ruche"] not in found[1]
    assert derived.wrong_keys(db) == 0  # missing keys are not wrong: readers compute them
    assert check_council(store) == []
    with store.write() as w:
        derived.refresh_keys(w)
    assert_fresh(db)


def test_the_actions_counts_follow_every_write(store, council):
    db = store.db
    base = {"body_id": council["body"], "title": "Charte", "owner_person_id": council["zoe"]}
    first = actions.create(store, today=TODAY, due_date="30/04/2025", **base)
    second = actions.create(store, today=TODAY, **base)
    actions.create(store, today=TODAY, due_date="30/04/2025", **base)
    assert counts_of(db)[1][("todo", "2025-04-30")] == 2
    actions.update(store, first, today=TODAY, status="done", progress=100)
    actions.update(store, second, today=TODAY, due_date="01/05/2025")
    actions.delete(store, second)
    with store.write() as w:  # plain SQL too: the counts are kept by triggers
        w.execute("UPDATE actions SET theme_id = NULL, status = 'postponed' WHERE id = ?", [first])
        actions.bulk_insert(
            w,
            [{**base, "created_on": "2025-03-10", "due_date": f"2025-06-{d:02}"} for d in (1, 2)],
        )
    assert_fresh(db)
    assert check_council(store) == []


def test_import_and_anonymisation_leave_the_keys_right(store, council, tmp_path):
    from ess_desk.exchange import members_import as mi

    path = tmp_path / "membres.csv"
    path.write_text(
        "Nom;Prénom;Courriel;Organisme;Début de mandat\n"
        "Garçon;Émile;emile@ex.fr;Coopérative Été;01/01/2025\n"
        "Nguyễn;Thị;thi@ex.fr;La Ruche Éco;01/01/2025\n",
        encoding="utf-8",
    )
    plan = mi.plan_import(store.db, path, body_name="Bureau")
    assert plan.problems == []
    mi.apply_import(store, plan)
    found = keys_of(store.db)
    assert ("garcon\nemile", "emile@ex.fr") in found[0].values()
    assert "cooperative ete" in found[1].values()
    anon.anonymise(store, council["luc"], today=TODAY)
    label = store.db.execute(
        "SELECT last_name FROM people WHERE id = ?", [council["luc"]]
    ).fetchone()[0]
    assert keys_of(store.db)[0][council["luc"]] == (f"{fold(label)}\n", "")
    assert_fresh(store.db)


def test_rows_written_in_bulk_get_their_keys_and_never_an_old_one(store, council):
    """The import's bulk path sets the keys' insert triggers aside (ess_desk.store.bulk): a key
    left behind for an id the bulk write gives again is still forgotten, every new row gets its
    key, and the triggers are back afterwards."""
    from ess_desk.store.bulk import indexed_in_bulk

    def triggers() -> list[tuple[str, str]]:
        return store.conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name"
        ).fetchall()

    db = store.db
    before = triggers()
    next_person = db.execute("SELECT MAX(id) + 1 FROM people").fetchone()[0]
    next_org = db.execute("SELECT MAX(id) + 1 FROM organisations").fetchone()[0]
    with store.write() as w:  # keys of rows that no longer exist, written behind our back
        w.execute("INSERT INTO people_keys VALUES (?, 'ancienne\nclé', '')", [next_person])
        w.execute("INSERT INTO organisation_keys VALUES (?, 'ancienne clé')", [next_org])
    with store.write() as w, indexed_in_bulk(w, "people", "organisations"):
        w.conn.executemany(
            "INSERT INTO people (first_name, last_name, email) VALUES (?, ?, ?)",
            [("Émile", "Garçon", "Emile@Ex.fr"), ("Thị", "Nguyễn", "")],
        )
        w.conn.execute("INSERT INTO organisations (name, kind) VALUES ('Coopérative Été', 'scop')")
    assert triggers() == before
    assert keys_of(db)[0][next_person] == ("garcon\nemile", "emile@ex.fr")
    assert keys_of(db)[1][next_org] == "cooperative ete"
    assert_fresh(db)


def test_keys_a_bulk_writer_gives_are_written_as_given(store, council):
    """A bulk writer may hand the keys of its new rows to indexed_in_bulk (the import folds the
    values it holds): they are written as given, in place of any key left behind for those ids,
    and the rows it gives no key for get theirs from SQL."""
    from ess_desk.store.bulk import indexed_in_bulk

    db = store.db
    first = db.execute("SELECT MAX(id) + 1 FROM people").fetchone()[0]
    with store.write() as w:
        w.execute("INSERT INTO people_keys VALUES (?, 'ancienne\nclé', '')", [first])
    given: dict = {}
    with store.write() as w, indexed_in_bulk(w, "people", "organisations", keys=given):
        w.conn.executemany(
            "INSERT INTO people (id, first_name, last_name, email) VALUES (?, ?, ?, ?)",
            [(first, "Émile", "Garçon", "Emile@Ex.fr"), (first + 1, "Thị", "Nguyễn", "")],
        )
        # A key SQL would not compute: the one given is the one kept.
        given["people"] = [(first, "donnée\ntelle quelle", "emile@ex.fr")]
    assert keys_of(db)[0][first] == ("donnée\ntelle quelle", "emile@ex.fr")
    assert keys_of(db)[0][first + 1] == ("nguyen\nthi", "")
    assert derived.wrong_keys(db) == 1


def test_the_demo_and_its_bulk_path_fill_keys_and_counts(store):
    from ess_desk.demo import fill_demo

    fill_demo(store, "small")
    db = store.db
    assert db.execute("SELECT COUNT(*) FROM people_keys").fetchone()[0] > 50
    assert (
        sum(counts_of(db)[0].values()) == db.execute("SELECT COUNT(*) FROM actions").fetchone()[0]
    )
    assert_fresh(db)
    # The triggers set aside for the bulk path are back: a later write keeps the counts.
    with store.write() as w:
        w.execute("DELETE FROM actions WHERE id = (SELECT MIN(id) FROM actions)")
    assert_fresh(db)


def test_check_names_keys_and_counts_changed_behind_the_program_s_back(store, council):
    actions.create(
        store, today=TODAY, body_id=council["body"], title="Charte", owner_person_id=council["luc"]
    )
    with store.write() as w:
        w.execute("UPDATE people_keys SET name_key = 'faux' WHERE person_id = ?", [council["zoe"]])
        w.execute("INSERT INTO organisation_keys VALUES (999, 'personne')")
        w.execute("UPDATE action_counts SET n = n + 3")
    problems = check_council(store)
    assert any("Clés de tri des noms : 2 clés" in p for p in problems), problems
    assert any("Compteurs des actions : 1 compteur ne" in p for p in problems), problems
    assert all("search --rebuild" in p for p in problems)
    index.rebuild(store)
    assert check_council(store) == []
    assert_fresh(store.db)


def test_the_migration_fills_keys_and_counts_of_an_existing_file(store, council, db_path):
    actions.create(
        store, today=TODAY, body_id=council["body"], title="Charte", owner_person_id=council["luc"]
    )
    store.close()
    # The file as version 0012 left it: no tables, no triggers, the migration not applied.
    conn = sqlite3.connect(db_path)
    with conn:
        for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'derived_%'"
        ).fetchall():
            conn.execute(f"DROP TRIGGER [{name}]")
        for table in ("people_keys", "organisation_keys", "action_counts", "action_due_counts"):
            conn.execute(f"DROP TABLE {table}")
        conn.execute("DELETE FROM _sqlite_migrations WHERE name = '0013_folded_keys'")
    conn.close()
    again = open_store(db_path)
    try:
        assert_fresh(again.db)
        assert len(keys_of(again.db)[0]) == 2
        assert check_council(again) == []
    finally:
        again.close()


def test_the_actions_page_s_counts_read_from_the_kept_counts_are_the_counted_ones(store):
    from ess_desk.actions import queries, rules
    from ess_desk.actions.queries import ActionFilter
    from ess_desk.demo import fill_demo

    fill_demo(store, "small")
    db = store.db
    body = db.execute("SELECT body_id FROM actions GROUP BY 1 ORDER BY COUNT(*) DESC").fetchone()
    theme = db.execute("SELECT theme_id FROM actions WHERE theme_id IS NOT NULL").fetchone()
    today = dt.date.today()  # the demo's dates are around today
    filters = [
        ActionFilter(body_id=b, theme_id=t, statuses=s)
        for b in (None, body[0])
        for t in (None, theme[0])
        for s in (frozenset(), rules.OPEN_STATUSES, frozenset({"done"}), frozenset({"todo"}))
    ]
    for filt in filters:
        assert queries.kept_counts(db, filt, today) == queries.counts(db, filt, today), filt
        ids = queries.query_ids(db, filt, sort="title", descending=True, today=today)
        window = queries.query_ids(db, filt, sort="title", descending=True, today=today, limit=7)
        assert window == ids[:7]
    # Overdue ones both ways: from the counts by due date, and by the body's index.
    assert queries.kept_counts(db, filters[1], today).overdue > 0
    assert queries.kept_counts(db, filters[9], today).overdue > 0
    # Any other filter is counted on the actions themselves.
    for other in (ActionFilter(text="charte"), ActionFilter(overdue=True), ActionFilter(owner="a")):
        assert queries.kept_counts(db, other, today) is None
