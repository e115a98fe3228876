"""Search: accents and case, prefixes, phrases, the index following every write (services, plain
SQL, bulk inserts, cascades), odd input, the migration of an existing file, and the command."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ess_desk.actions import actions, updates
from ess_desk.cli import main
from ess_desk.dates import display
from ess_desk.meetings import agenda
from ess_desk.membership import organisations, people
from ess_desk.minutes import decisions
from ess_desk.minutes import minutes as mn
from ess_desk.search import index
from ess_desk.search.index import MARK_CLOSE, MARK_OPEN
from ess_desk.store import open_store
from ess_desk.store.database import StoreError
from tests import schemas
from tests.core.test_minutes import SUMMARY, approved, build_council, draft

FTS_TABLES = (
    "search_people",
    "search_organisations",
    "search_bodies",
    "search_meetings",
    "search_agenda_items",
    "search_minutes",
    "search_decisions",
    "search_actions",
    "search_action_updates",
)


@pytest.fixture
def council(store):
    return build_council(store)


def found(store, text: str, kind: str | None = None, limit: int = 20) -> list[tuple[str, int]]:
    groups = index.search(store.db, text, kinds=[kind] if kind else None, limit=limit)
    return [(h.kind, h.id) for h in index.hits(groups)]


def titles(store, text: str, kind: str) -> list[str]:
    groups = index.search(store.db, text, kinds=[kind], limit=50)
    return [h.plain_title for h in index.hits(groups)]


def assert_index_sound(db) -> None:
    """FTS5's own check of every table, against the rows it was built from."""
    for table in FTS_TABLES:
        db.execute(f"INSERT INTO {table}({table}, rank) VALUES ('integrity-check', 1)")


def test_accents_case_and_ligatures(store, council):
    org = organisations.create(store, name="Économie Solidaire Œuvres", kind="association")
    assert ("organisation", org) in found(store, "economie")
    assert ("organisation", org) in found(store, "ÉCONOMIE solidaire")
    assert ("organisation", org) in found(store, "oeuvres")  # « oe » finds the ligature
    assert ("organisation", org) in found(store, "œuvres")
    other = organisations.create(store, name="Les Oeuvres du Coeur", kind="association")
    assert ("organisation", other) in found(store, "Œuvres cœur")
    assert titles(store, "HELENE", "person") == ["Hélène Martin"]
    assert titles(store, "lefevre", "person") == ["Luc Lefèvre"]
    # A decomposed accent (as some keyboards and pastes give it) is the same letter.
    assert ("organisation", org) in found(store, "E\u0301conomie")


def test_last_word_is_a_prefix(store, council):
    assert titles(store, "coop", "organisation") == ["Coopérative Alpha"]
    assert titles(store, "alpha coop", "organisation") == ["Coopérative Alpha"]
    # Only the word being typed: a finished word (space after it) must match whole.
    assert titles(store, "coop ", "organisation") == []
    assert titles(store, "coop alpha", "organisation") == []
    # A single letter is not a prefix (it would match most of the index), nor a search.
    assert index.parse("x") is None
    assert index.parse("luc l").prefixes == ()
    assert index.parse("luc le").prefixes == ("le",)


def test_phrases(store, council):
    assert titles(store, '"commande publique"', "agenda_item") == ["Commande publique responsable"]
    assert titles(store, '"publique commande"', "agenda_item") == []
    assert titles(store, "« commande publique »", "agenda_item") == [
        "Commande publique responsable"
    ]
    # A phrase still being typed: its last word is a prefix.
    assert titles(store, '"commande pub', "agenda_item") == ["Commande publique responsable"]
    # Words apart: both must be there, in any order.
    assert titles(store, "responsable commande", "agenda_item") == ["Commande publique responsable"]


def test_results_grouped_by_kind_with_marks(store, council):
    minutes_id = draft(store, council)
    action = actions.create(
        store,
        body_id=council["body"],
        title="Publier le budget voté",
        owner_person_id=council["people"]["Hélène"],
    )
    groups = index.search(store.db, "budget")
    # In the fixed order of kinds, those without a match left out.
    assert [g.kind for g in groups] == ["agenda_item", "minutes", "decision", "action"]
    by_kind = {g.kind: g for g in groups}
    item = by_kind["agenda_item"].hits[0]
    assert item.id == council["budget"]
    assert item.title == f"{MARK_OPEN}Budget{MARK_CLOSE} 2027"
    assert item.matched_words() == ["Budget"]
    assert by_kind["minutes"].hits[0].id == council["first"]  # the meeting's id
    assert f"{MARK_OPEN}budget{MARK_CLOSE}" in by_kind["minutes"].hits[0].snippet
    assert "**" not in by_kind["minutes"].hits[0].plain_snippet  # the summary's bold marks
    decision = by_kind["decision"].hits[0]
    assert decision.plain_title == "Avis n° 2026-001"
    assert "Avis favorable au budget 2027" in decision.plain_snippet
    assert decision.date == "2026-12-10" and decision.body == "Bureau"
    assert by_kind["action"].hits[0].id == action
    assert by_kind["decision"].label == "Décisions et avis"
    assert minutes_id


def test_limit_and_more(store, council):
    for n in range(7):
        people.create(store, first_name=f"Prénom{n}", last_name="Dubreuil")
    groups = index.search(store.db, "dubreuil", limit=5)
    assert len(groups[0].hits) == 5 and groups[0].more
    groups = index.search(store.db, "dubreuil", limit=7)
    assert len(groups[0].hits) == 7 and not groups[0].more


def test_titles_first_then_the_most_recent(store, council, monkeypatch):
    """What a secretary expects of a word typed: the records that it names in their title
    first, then those that only mention it, the most recent first in each — among the
    RANK_WINDOW most recent matches (the order of older ones is not worked out)."""
    body = council["body"]

    def action(title: str, description: str = "") -> int:
        return actions.create(
            store,
            body_id=body,
            title=title,
            description=description,
            owner_person_id=council["people"]["Hélène"],
        )

    old_title = action("Grainothèque du quartier")
    mentions = [action("Atelier", "avec la grainothèque") for _n in range(2)]
    new_title = action("Inventaire de la grainothèque")
    assert found(store, "grainothèque", "action") == [
        ("action", i) for i in (new_title, old_title, *reversed(mentions))
    ]
    # While the word is being typed (a prefix), likewise; one word of the title is enough.
    assert found(store, "graino", "action")[:2] == [("action", new_title), ("action", old_title)]
    assert found(store, "grainothèque quartier", "action") == [("action", old_title)]
    # A limit of 2: the two titles, and more to come.
    groups = index.search(store.db, "grainothèque", kinds=["action"], limit=2)
    assert [h.id for h in groups[0].hits] == [new_title, old_title] and groups[0].more
    # Beyond the window of recent matches, a title no longer comes first.
    monkeypatch.setattr(index, "RANK_WINDOW", 2)
    assert found(store, "grainothèque", "action")[:2] == [
        ("action", new_title),
        ("action", mentions[1]),
    ]
    # A word typed whole (four letters or more) first, then the longer words it begins, though
    # more recent; with a space after it, the word alone.
    budget = action("Vote du budget")
    budgets = action("Budgets annexes")
    assert found(store, "budget", "action") == [("action", budget), ("action", budgets)]
    assert found(store, "budget ", "action") == [("action", budget)]
    assert found(store, "budg", "action") == [("action", budgets), ("action", budget)]
    # People: by name first, then those whose notes name them.
    named = people.create(store, first_name="Ninon", last_name="Vasseur")
    noted = people.create(store, first_name="Jean", last_name="Roux", notes="voir Vasseur")
    monkeypatch.setattr(index, "RANK_WINDOW", 2000)
    assert found(store, "vasseur", "person") == [("person", named), ("person", noted)]


def test_changed_records_are_found_under_their_new_words_only(store, council):
    hélène = council["people"]["Hélène"]
    people.update(store, hélène, last_name="Rousseau-Tissier", email="hr@exemple.fr")
    assert ("person", hélène) in found(store, "rousseau")
    assert found(store, "martin", "person") == []
    assert titles(store, "hélène", "person") == ["Hélène Rousseau-Tissier"]
    org = organisations.create(store, name="Fabrique Solidaire", kind="scop", city="Lyon")
    organisations.update(store, org, name="Ressourcerie du Rhône")
    assert found(store, "fabrique", "organisation") == []
    assert found(store, "ressourcerie", "organisation") == [("organisation", org)]
    agenda.update_item(store, council["debate"], title="Tiers-lieux et friches")
    assert found(store, "commande publique", "agenda_item") == []
    assert found(store, "friches", "agenda_item") == [("agenda_item", council["debate"])]
    # An action (indexed from its own columns) and the comment of its follow-up.
    action = actions.create(
        store, body_id=council["body"], title="Rédiger la charte", owner_person_id=hélène
    )
    actions.update(store, action, title="Signer la convention", description="Avec la Région")
    assert found(store, "charte", "action") == []
    assert found(store, "convention region", "action") == [("action", action)]
    with store.write() as db:
        updates.add(db, action, comment="Rendez-vous pris avec la Métropole")
    groups = index.search(store.db, "metropole", kinds=["action"])
    hit = groups[0].hits[0]
    assert hit.id == action
    today = display(dt.date.today())
    assert hit.plain_snippet == f"Suivi du {today} : Rendez-vous pris avec la Métropole"
    store.conn.execute(
        "UPDATE action_updates SET comment = 'Relance faite' WHERE action_id = ?", [action]
    )
    store.conn.commit()
    assert found(store, "metropole", "action") == []
    assert found(store, "relance", "action") == [("action", action)]
    # Minutes: a section saved again, a decision reworded.
    minutes_id = draft(store, council)
    mn.save_section(store, minutes_id, council["debate"], "Les friches industrielles.")
    assert found(store, "nourri", "minutes") == []
    assert found(store, "industrielles", "minutes") == [("minutes", council["first"])]
    decisions.update_decision(store, council["decision"], text="Avis réservé sur le budget.")
    assert found(store, "favorable", "decision") == []
    assert found(store, "reserve", "decision") == [("decision", council["decision"])]
    assert_index_sound(store.db)


def test_deleted_records_are_gone(store, council):
    lonely = people.create(store, first_name="Anatole", last_name="Passager")
    assert found(store, "passager") == [("person", lonely)]
    people.delete(store, lonely)
    assert found(store, "passager") == []
    action = actions.create(
        store,
        body_id=council["body"],
        title="Inventorier les friches",
        owner_person_id=council["people"]["Hélène"],
    )
    with store.write() as db:
        updates.add(db, action, comment="Liste des friches commencée")
    actions.delete(store, action)
    assert found(store, "friches") == []
    # A cascade (an agenda item removed in plain SQL takes its minutes section along).
    draft(store, council)
    assert found(store, "nourri", "minutes") == [("minutes", council["first"])]
    with store.write() as db:
        db.execute("DELETE FROM agenda_items WHERE id = ?", [council["debate"]])
    assert found(store, "nourri") == []
    assert found(store, "commande publique", "agenda_item") == []
    assert_index_sound(store.db)


def test_frozen_minutes_stay_frozen_and_found(store, council):
    approved(store, council)
    with pytest.raises(StoreError, match="approuvé"), store.write() as db:
        db.execute("UPDATE minutes_sections SET summary = 'Effacé'")
    assert found(store, "effacé") == []
    assert found(store, "tiers lieux", "minutes") == [("minutes", council["first"])]
    erratum = mn.add_erratum(
        store,
        mn.get_minutes(store.db, council["first"]).id,
        "Coquille",
        "Lire « Zoé Secret ».",
        recorded_on="2027-02-01",
    )
    assert erratum
    groups = index.search(store.db, "coquille")
    assert [(g.kind, g.hits[0].id) for g in groups] == [("minutes", council["first"])]
    assert groups[0].hits[0].plain_snippet.startswith("Erratum : Coquille")
    assert_index_sound(store.db)


def test_every_writer_keeps_the_index(store, council):
    # A plain INSERT, an INSERT OR REPLACE (which deletes without firing the delete trigger),
    # and the bulk insert of the demo.
    store.conn.execute("INSERT INTO people (first_name, last_name) VALUES ('Gustave', 'Importé')")
    person = store.conn.execute("SELECT id FROM people WHERE first_name = 'Gustave'").fetchone()[0]
    store.conn.execute(
        "INSERT OR REPLACE INTO people (id, first_name, last_name) VALUES (?, 'Gustave', 'Remplacé')",
        [person],
    )
    store.conn.commit()
    assert found(store, "importe") == []
    assert found(store, "remplace") == [("person", person)]
    with store.write() as db:
        actions.bulk_insert(
            db,
            [
                {
                    "body_id": council["body"],
                    "title": f"Action groupée {n}",
                    "owner_person_id": council["people"]["Hélène"],
                    "created_on": "2026-01-05",
                    "updates": [
                        {
                            "on_date": "2026-02-01",
                            "status": "in_progress",
                            "progress": 10,
                            "comment": f"Chantier numéro{n}",
                        }
                    ],
                }
                for n in range(300)
            ],
        )
    assert len(found(store, "groupée", "action", limit=1000)) == 300
    assert len(found(store, "numéro299", "action")) == 1
    assert_index_sound(store.db)


def _triggers(db) -> list[tuple[str, str]]:
    return db.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name"
    ).fetchall()


def test_rows_written_in_bulk_are_indexed_in_one_go(store, council):
    from ess_desk.store.bulk import indexed_in_bulk

    before = _triggers(store.db)
    with store.write() as db, indexed_in_bulk(db, "people", "organisations", "colleges"):
        db.conn.executemany(
            "INSERT INTO people (first_name, last_name, position) VALUES (?, ?, ?)",
            [(f"Prénom{n}", "Groupé", "Trésorière") for n in range(50)],
        )
        db.conn.execute("INSERT INTO organisations (name, kind) VALUES ('Coopérative Lot', 'scop')")
        # Inside the block the row trigger is set aside: the index is written at the end.
        assert found(store, "groupé", "person") == []
    assert _triggers(store.db) == before
    assert len(found(store, "groupe tresoriere", "person", limit=100)) == 50
    assert len(found(store, "prénom49", "person")) == 1
    assert [k for k, _i in found(store, "cooperative lot")] == ["organisation"]
    assert_index_sound(store.db)
    # The triggers work again for what follows.
    store.conn.execute("INSERT INTO people (first_name, last_name) VALUES ('Ulysse', 'Après')")
    store.conn.commit()
    assert len(found(store, "ulysse", "person")) == 1


def test_a_failed_bulk_write_leaves_rows_index_and_triggers_as_they_were(store, council):
    from ess_desk.store.bulk import indexed_in_bulk

    before = _triggers(store.db)
    people = store.db.execute("SELECT COUNT(*) FROM people").fetchone()[0]
    with pytest.raises(RuntimeError), store.write() as db, indexed_in_bulk(db, "people"):
        db.conn.execute("INSERT INTO people (first_name, last_name) VALUES ('Perdu', 'Annulé')")
        raise RuntimeError("interrompu")
    assert _triggers(store.db) == before
    assert store.db.execute("SELECT COUNT(*) FROM people").fetchone()[0] == people
    assert found(store, "annulé") == []
    assert_index_sound(store.db)


WEIRD = [
    '"',
    '""',
    '"""',
    "*",
    "**",
    "-",
    "--",
    "-coop",
    "coop*",
    "AND",
    "OR",
    "NOT",
    "NEAR",
    "a AND b",
    "budget OR",
    "NOT budget",
    "NEAR(budget 2027)",
    "(",
    ")",
    "()",
    "^budget",
    "title:budget",
    "{title body}: budget",
    "budget:",
    ":",
    "+",
    "'",
    "l'",
    "\\",
    "\x00budget",
    "budget\x00",
    "«",
    "»",
    "« budget",
    "“budget”",
    "ﬁnance",
    "😀 budget",
    "ǅ",
    "_budget_",
    "1",
    "2026",
    "2026-001",
    "x" * 5000,
    " ".join(["budget"] * 500),
    "   ",
    "",
]


@pytest.mark.parametrize("text", WEIRD, ids=range(len(WEIRD)))
def test_odd_input_never_raises(store, council, text):
    groups = index.search(store.db, text)
    assert isinstance(groups, list)
    query = index.parse(text)
    if query is not None:  # the expression is always valid FTS5
        store.conn.execute(
            "SELECT count(*) FROM search_people WHERE search_people MATCH ?", [query.match]
        ).fetchone()


def test_odd_input_finds_what_it_says(store, council):
    assert found(store, "-budget", "agenda_item") == [("agenda_item", council["budget"])]
    assert found(store, "budget*", "agenda_item") == [("agenda_item", council["budget"])]
    assert found(store, "2026-001", "decision") == [("decision", council["decision"])]
    assert found(store, "AND") == []  # a word like any other, found nowhere here
    assert index.search(store.db, '"') == [] and index.search(store.db, "*") == []


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(max_size=40))
def test_any_text_is_a_valid_query(store, text):
    query = index.parse(text)
    index.search(store.db, text)
    if query is not None:
        store.conn.execute(
            "SELECT count(*) FROM search_agenda_items WHERE search_agenda_items MATCH ?",
            [query.match],
        ).fetchone()


def test_migration_builds_the_index_of_an_existing_file(tmp_path):
    path = schemas.copied(tmp_path, "0005_actions_listing.sqlite")
    with sqlite3.connect(path) as conn:
        assert not conn.execute(
            "SELECT 1 FROM sqlite_master WHERE name = 'search_people'"
        ).fetchone()
        name = conn.execute("SELECT first_name, last_name, id FROM people LIMIT 1").fetchone()
        action = conn.execute("SELECT id, title FROM actions ORDER BY id DESC LIMIT 1").fetchone()
        counts = {
            table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("people", "organisations", "meetings", "agenda_items", "decisions")
        }
    store = open_store(path)
    try:
        assert ("person", name[2]) in found(store, f"{name[0]} {name[1]}")
        assert ("action", action[0]) in found(store, f'"{action[1]}"', "action", limit=100)
        for table, count in counts.items():
            indexed = store.conn.execute(f"SELECT count(*) FROM search_{table}").fetchone()[0]
            assert indexed == count, table
        sections = store.conn.execute("SELECT count(*) FROM minutes_sections").fetchone()[0]
        assert store.conn.execute("SELECT count(*) FROM search_minutes").fetchone()[0] >= sections
        assert_index_sound(store.db)
        # Made again with their prefix lists (migration 0016), for two and three letters.
        for table in FTS_TABLES:
            (sql,) = store.conn.execute(
                "SELECT sql FROM sqlite_master WHERE name = ?", [table]
            ).fetchone()
            assert sql.endswith(", prefix = '2 3')"), table
        assert ("action", action[0]) in found(store, action[1][:2], "action", limit=1000)
    finally:
        store.close()


def test_a_migrated_file_finds_what_it_found(tmp_path):
    """The prefix lists (migration 0016) change how fast, not what: every query of a file
    migrated from 0014 finds what the same file found before the migration."""
    path = schemas.copied(tmp_path, "0014_dashboard_indexes.sqlite")
    queries = ("co", "ma", "de la", "l'E", "conseil", "Martin", '"comité de"', "zz")
    with sqlite3.connect(path) as conn:
        before = {
            (table, q): {
                r
                for (r,) in conn.execute(
                    f"SELECT rowid FROM {table} WHERE {table} MATCH ?", [index.parse(q).match]
                )
            }
            for table in FTS_TABLES
            for q in queries
            if index.parse(q) is not None
        }
    with open_store(path) as store:
        after = {
            key: {
                r
                for (r,) in store.conn.execute(
                    f"SELECT rowid FROM {key[0]} WHERE {key[0]} MATCH ?",
                    [index.parse(key[1]).match],
                )
            }
            for key in before
        }
    assert after == before
    assert any(before.values())


def test_cli_text_and_json(db_path, capsys):
    store = open_store(db_path)
    try:
        council = build_council(store)
        draft(store, council)
    finally:
        store.close()
    assert main(["--db", str(db_path), "search", "budget"]) == 0
    out = capsys.readouterr().out
    assert "Points de l'ordre du jour" in out
    assert f"[agenda_item {council['budget']}] **Budget** 2027" in out
    assert "Décisions et avis" in out and "Avis n° 2026-001" in out

    assert main(["--db", str(db_path), "search", "budget", "--json", "--kind", "decision"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data == [
        {
            "kind": "decision",
            "id": council["decision"],
            "title": "Avis n° 2026-001",
            "snippet": "Avis favorable au budget 2027 présenté par Zoé Secrète.",
            "context": "Bureau · 10/12/2026 · Adoptée",
            "date": "2026-12-10",
            "body": "Bureau",
            "matches": ["budget"],
        }
    ]
    assert main(["--db", str(db_path), "search", "hélène", "--json", "--limit", "1"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [(d["kind"], d["title"]) for d in data] == [("person", "Hélène Martin")]
    assert main(["--db", str(db_path), "search", "introuvable"]) == 0
    assert "Aucun résultat pour « introuvable »." in capsys.readouterr().out
    assert main(["--db", str(db_path), "search", '"', "*"]) == 1
    assert "tapez au moins deux lettres" in capsys.readouterr().err
    assert main(["--db", str(db_path), "search", "budget", "--limit", "0"]) == 1
    assert "--limit" in capsys.readouterr().err
    assert SUMMARY


def test_check_finds_a_damaged_index_and_rebuild_mends_it(db_path, capsys):
    from ess_desk.integrity import check_council

    store = open_store(db_path)
    try:
        council = build_council(store)
        action = actions.create(
            store,
            body_id=council["body"],
            title="Cartographier les tiers-lieux",
            owner_person_id=council["people"]["Hélène"],
        )
        assert check_council(store) == []
        assert not store.conn.in_transaction  # the check leaves no transaction open
        # The index loses the action while its row stays (as a damaged file would).
        store.conn.execute(
            "INSERT INTO search_actions(search_actions, rowid, title, description) "
            "SELECT 'delete', id, title, description FROM actions WHERE id = ?",
            [action],
        )
        store.conn.commit()
        problems = check_council(store)
        assert len(problems) == 1 and "search_actions" in problems[0]
        assert "ess-desk search --rebuild" in problems[0]
    finally:
        store.close()
    assert main(["--db", str(db_path), "check"]) == 1
    capsys.readouterr()
    assert main(["--db", str(db_path), "search", "--rebuild"]) == 0
    assert "Index de recherche reconstruit" in capsys.readouterr().out
    assert main(["--db", str(db_path), "check"]) == 0
    store = open_store(db_path)
    try:
        assert found(store, "cartographier") == [("action", action)]
        assert found(store, "hélène", "person") == [("person", council["people"]["Hélène"])]
        assert_index_sound(store.db)
    finally:
        store.close()
    assert main(["--db", str(db_path), "search"]) == 1
    assert "--rebuild" in capsys.readouterr().err
