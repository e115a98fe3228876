"""Action follow-up: rules (done ⇒ 100 %, overdue on the day), updates and timeline, review at a
meeting, links to agenda items, queries and counts, themes, bulk insert."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ess_desk.actions import actions, queries, review, rules, themes, updates
from ess_desk.actions.queries import ActionFilter, ActionRow
from ess_desk.errors import UserError
from ess_desk.meetings import agenda, meetings
from ess_desk.membership import bodies, organisations, people
from ess_desk.store.schema import DEFAULT_ACTION_THEMES

TODAY = dt.date(2025, 6, 1)


@pytest.fixture
def council(store):
    """A bureau with two meetings (one held in March, one in May), an agenda item, three
    possible owners."""
    body = bodies.create_body(store, name="Bureau", kind="bureau")
    other = bodies.create_body(store, name="Commission achats", kind="commission")
    ruche = organisations.create(store, name="La Ruche", email="contact@laruche.fr")
    zoe = people.create(store, first_name="Zoé", last_name="Martin", email="zoe@ex.fr")
    luc = people.create(store, first_name="Luc", last_name="Éloi")
    march = meetings.create(store, body_id=body, starts_at="2025-03-10 18:00")
    item = agenda.create_item(store, march, title="Commande publique responsable")
    may = meetings.create(store, body_id=body, starts_at="2025-05-12 18:00")
    return {
        "body": body,
        "other": other,
        "ruche": ruche,
        "zoe": zoe,
        "luc": luc,
        "march": march,
        "item": item,
        "may": may,
    }


def new_action(store, council, **values):
    data = {
        "body_id": council["body"],
        "title": "Rédiger la charte",
        "owner_person_id": council["zoe"],
        "due_date": "30/04/2025",
        "created_on": "2025-03-10",
    } | values
    return actions.create(store, today=TODAY, **data)


# --- rules ----------------------------------------------------------------------------------


@given(st.sampled_from(sorted(rules.STATUSES)), st.integers(0, 100))
def test_coherent_state_properties(status, progress):
    new_status, new_progress = rules.coherent(status, progress)
    assert 0 <= new_progress <= 100
    if new_status == "done":
        assert new_progress == 100  # an action done is at 100 %
    if new_progress == 100:
        assert new_status in ("done", "abandoned")
    if new_status == "todo":
        assert new_progress == 0
    assert rules.coherent(new_status, new_progress) == (new_status, new_progress)


def test_coherent_examples():
    assert rules.coherent("done", 30) == ("done", 100)
    assert rules.coherent("in_progress", 100) == ("done", 100)
    assert rules.coherent("todo", 20) == ("in_progress", 20)
    assert rules.coherent("abandoned", 40) == ("abandoned", 40)
    assert rules.coherent("postponed", 10) == ("postponed", 10)


@given(
    st.sampled_from(sorted(rules.STATUSES)),
    st.dates(dt.date(2020, 1, 1), dt.date(2030, 12, 31)),
    st.dates(dt.date(2020, 1, 1), dt.date(2030, 12, 31)),
)
def test_overdue_is_a_fact_of_the_day(status, due, today):
    late = rules.is_overdue(status, due, today)
    assert late == (status in rules.OPEN_STATUSES and due < today)
    # The day it falls due, it is not yet late; the day after, it is (if still open).
    assert not rules.is_overdue(status, due, due)
    assert rules.is_overdue(status, due, due + dt.timedelta(days=1)) == rules.is_open(status)
    assert rules.days_late(status, due, today) == ((today - due).days if late else 0)


def test_parse_progress_and_status():
    assert rules.parse_progress("40 %") == 40
    assert rules.parse_progress("") == 0
    for bad in ("120", "-1", "beaucoup", "12.5"):
        with pytest.raises(UserError) as info:
            rules.parse_progress(bad)
        assert info.value.field == "progress"
    assert rules.parse_status("En cours") == "in_progress"
    assert rules.parse_status("abandonné") == "abandoned"
    with pytest.raises(UserError, match="inconnu"):
        rules.parse_status("terminé")
    assert rules.fold("École Ça") == "ecole ca"


# --- themes ---------------------------------------------------------------------------------


def test_default_themes_and_editing(store):
    names = [t.name for t in themes.list_themes(store.db)]
    assert names == list(DEFAULT_ACTION_THEMES) and len(names) == 10
    assert "Soutien aux PTCE et aux coopérations" in names
    new = themes.create(store, "Alimentation durable")
    with pytest.raises(UserError, match="existe déjà"):
        themes.create(store, "alimentation DURABLE")
    themes.rename(store, new, "Alimentation durable et circuits courts")
    themes.archive(store, new)
    assert new not in [t.id for t in themes.list_themes(store.db)]
    assert new in [t.id for t in themes.list_themes(store.db, include_archived=True)]
    themes.delete(store, new)
    assert themes.find(store.db, "Alimentation durable et circuits courts") is None


def test_used_theme_cannot_be_deleted(store, council):
    theme = themes.find(store.db, "Commande publique responsable")
    new_action(store, council, theme_id=theme)
    with pytest.raises(UserError, match="archivez-le"):
        themes.delete(store, theme)


# --- actions --------------------------------------------------------------------------------


def test_create_validates_every_field(store, council):
    with pytest.raises(UserError) as info:
        new_action(store, council, owner_person_id=None)
    assert info.value.field == "owner_person_id"
    with pytest.raises(UserError) as info:
        new_action(store, council, title="  ")
    assert info.value.field == "title"
    with pytest.raises(UserError) as info:
        new_action(store, council, due_date="31/02/2025")
    assert info.value.field == "due_date"
    with pytest.raises(UserError) as info:
        new_action(store, council, due_date="01/05/2205")
    assert info.value.field == "due_date"
    with pytest.raises(UserError) as info:
        new_action(store, council, body_id=None)
    assert info.value.field == "body_id"
    with pytest.raises(UserError) as info:
        new_action(store, council, created_on="2025-07-01")
    assert info.value.field == "created_on"
    with pytest.raises(UserError) as info:
        new_action(store, council, priority="urgente")
    assert info.value.field == "priority"
    # Nothing was half-written.
    assert store.conn.execute("SELECT COUNT(*) FROM actions").fetchone()[0] == 0


def test_owner_person_organisation_or_both(store, council):
    a = new_action(store, council, owner_person_id=None, owner_organisation_id=council["ruche"])
    b = new_action(store, council, owner_organisation_id=council["ruche"])
    c = new_action(store, council)
    owners = {r.id: r.owner for r in queries.query_actions(store.db, today=TODAY)}
    assert owners == {a: "La Ruche", b: "Zoé Martin (La Ruche)", c: "Zoé Martin"}


def test_created_done_is_at_100(store, council):
    a = new_action(store, council, status="fait", progress=20)
    action = actions.get(store.db, a)
    assert (action.status, action.progress, action.closed_on) == ("done", 100, "2025-03-10")


def test_action_from_agenda_item_keeps_the_link_both_ways(store, council):
    a = actions.create_from_item(
        store,
        council["item"],
        today=TODAY,
        title="Clauses sociales",
        owner_person_id=council["luc"],
    )
    action = actions.get(store.db, a)
    assert action.meeting_id == council["march"] and action.body_id == council["body"]
    assert action.created_on == "2025-03-10"  # the meeting's day
    assert [r.id for r in queries.actions_of_item(store.db, council["item"])] == [a]
    assert [r.id for r in queries.actions_of_meeting(store.db, council["march"])] == [a]
    origin = queries.origin(store.db, a)
    assert origin.item_title == "Commande publique responsable"
    assert origin.text == "Bureau du 10/03/2025 — 1. Commande publique responsable"
    with pytest.raises(UserError) as info:
        new_action(store, council, meeting_id=council["may"], item_id=council["item"])
    assert info.value.field == "item_id"
    with pytest.raises(UserError, match="précède la séance"):
        actions.create_from_item(
            store,
            council["item"],
            today=TODAY,
            title="X",
            owner_person_id=council["luc"],
            due_date="2025-03-01",
        )


def test_action_from_decision_keeps_the_link_both_ways(store, council):
    from ess_desk.minutes import decisions

    decision = decisions.add_decision(store, council["item"], "recommendation", "Clauses sociales")
    a = actions.create_from_decision(
        store, decision, today=TODAY, title="Appliquer", owner_person_id=council["zoe"]
    )
    action = actions.get(store.db, a)
    # The decision's meeting and item become the action's origin.
    assert (action.meeting_id, action.item_id) == (council["march"], council["item"])
    assert [r.id for r in queries.actions_of_decision(store.db, decision)] == [a]
    origin = queries.origin(store.db, a).text
    assert origin.endswith("décision n°2025-001"), origin
    with pytest.raises(UserError, match="n'existe pas"):
        actions.create_from_decision(
            store, 999, today=TODAY, title="X", owner_person_id=council["zoe"]
        )


def test_edit_and_status_change_through_an_update(store, council):
    a = new_action(store, council)
    actions.update(store, a, today=TODAY, title="Rédiger et publier la charte", progress="50")
    action = actions.get(store.db, a)
    assert action.title == "Rédiger et publier la charte"
    assert (action.status, action.progress) == ("in_progress", 50)
    assert len(updates.history(store.db, a)) == 1
    with pytest.raises(UserError):
        actions.update(store, a, today=TODAY, owner_person_id=None)
    actions.delete(store, a)
    assert store.conn.execute("SELECT COUNT(*) FROM action_updates").fetchone()[0] == 0


# --- updates --------------------------------------------------------------------------------


def test_update_sets_current_state_and_timeline(store, council):
    a = new_action(store, council)
    updates.record(store, a, progress=30, comment="Premier jet", on_date="2025-04-02", today=TODAY)
    updates.record(
        store, a, status="fait", comment="Adoptée", meeting_id=council["may"], today=TODAY
    )
    action = actions.get(store.db, a)
    assert (action.status, action.progress, action.closed_on) == ("done", 100, "2025-05-12")
    line = updates.timeline(store.db, a)
    assert [e.kind for e in line] == ["created", "update", "update"]
    assert [e.day for e in line] == ["2025-03-10", "2025-04-02", "2025-05-12"]
    assert line[1].text == "En cours, 30 % — Premier jet"
    assert (
        line[2].text == "Fait, 100 % — Adoptée" and line[2].meeting_title == "Bureau du 12/05/2025"
    )
    assert line[1].author  # the OS user when no person is named


def test_late_entry_for_an_earlier_day_does_not_undo_a_newer_one(store, council):
    a = new_action(store, council)
    updates.record(store, a, progress=60, on_date="2025-05-20", today=TODAY)
    updates.record(store, a, progress=20, on_date="2025-04-01", today=TODAY)
    assert actions.get(store.db, a).progress == 60
    assert updates.last_update(store.db, a).on_date == "2025-05-20"


def test_update_dates_are_checked(store, council):
    a = new_action(store, council)
    with pytest.raises(UserError) as info:
        updates.record(store, a, progress=10, on_date="2025-06-02", today=TODAY)
    assert info.value.field == "on_date"
    with pytest.raises(UserError, match="précède la création"):
        updates.record(store, a, progress=10, on_date="2025-03-01", today=TODAY)
    future = meetings.create(store, body_id=council["body"], starts_at="2025-09-01 18:00")
    with pytest.raises(UserError, match="pas encore eu lieu"):
        updates.record(store, a, progress=10, meeting_id=future, today=TODAY)
    with pytest.raises(UserError):
        updates.record(store, a, progress=10, author_person_id=9999, today=TODAY)
    assert updates.history(store.db, a) == []


def test_reopening_a_done_action_asks_for_its_progress(store, council):
    a = new_action(store, council, status="done")
    with pytest.raises(UserError) as info:
        updates.record(store, a, status="en cours", today=TODAY)
    assert info.value.field == "progress"
    updates.record(store, a, status="en cours", progress=80, today=TODAY)
    action = actions.get(store.db, a)
    assert (action.status, action.progress, action.closed_on) == ("in_progress", 80, None)


# --- review at a meeting ----------------------------------------------------------------------


def test_review_list_overdue_first_and_closed_ones_leave(store, council):
    late = new_action(store, council, title="En retard", due_date="2025-04-30")
    later = new_action(store, council, title="Plus tard", due_date="2025-12-31")
    soon = new_action(store, council, title="Bientôt", due_date="2025-06-15")
    no_due = new_action(store, council, title="Sans échéance", due_date="")
    new_action(store, council, title="Autre instance", body_id=council["other"])
    new_action(store, council, title="Créée après", created_on="2025-05-20", due_date="")
    done = new_action(store, council, title="Déjà faite", status="done")
    rows = review.review_list(store.db, council["may"], today=TODAY)
    assert [r.id for r in rows] == [late, soon, later, no_due]
    assert rows[0].overdue and rows[0].days_late == 32 and not rows[1].overdue
    assert done not in [r.id for r in rows]

    review.record_review(store, council["may"], late, status="fait", comment="OK", today=TODAY)
    review.record_no_change(store, council["may"], [soon, later], today=TODAY)
    rows = review.review_list(store.db, council["may"], today=TODAY)
    assert [r.id for r in rows] == [soon, later, no_due]  # the closed action left the list
    assert [review.reviewed_here(r, council["may"]) for r in rows] == [True, True, False]
    assert rows[0].last_update_no_change and rows[0].last_update_on == "2025-05-12"
    kept = review.review_list(store.db, council["may"], today=TODAY, include_closed_here=True)
    assert late in [r.id for r in kept]
    progress = review.review_progress(store.db, council["may"], today=TODAY)
    assert (progress.reviewed, progress.total) == (3, 4)


@settings(deadline=None, max_examples=15)  # each example opens a fresh database file
@given(st.lists(st.sampled_from(sorted(rules.STATUSES)), min_size=1, max_size=6))
def test_review_list_holds_exactly_the_open_actions(statuses):
    import tempfile
    from pathlib import Path

    from ess_desk.store import open_store

    with tempfile.TemporaryDirectory() as folder:
        store = open_store(Path(folder) / "c.sqlite")
        try:
            body = bodies.create_body(store, name="Bureau", kind="bureau")
            owner = people.create(store, first_name="A", last_name="B")
            meeting = meetings.create(store, body_id=body, starts_at="2025-05-12 18:00")
            ids = [
                actions.create(
                    store,
                    today=TODAY,
                    body_id=body,
                    title=f"A{n}",
                    owner_person_id=owner,
                    created_on="2025-01-01",
                )
                for n in range(len(statuses))
            ]
            for action_id, status in zip(ids, statuses, strict=True):
                updates.record(store, action_id, status=status, progress=50, today=TODAY)
            listed = {r.id for r in review.review_list(store.db, meeting, today=TODAY)}
            expected = {i for i, s in zip(ids, statuses, strict=True) if s in rules.OPEN_STATUSES}
            assert listed == expected
        finally:
            store.close()


# --- queries for the Actions page -------------------------------------------------------------


def test_filters_sorting_grouping_and_counts(store, council):
    theme = themes.find(store.db, "Commande publique responsable")
    a = new_action(store, council, title="Clauses sociales", theme_id=theme, due_date="2025-05-01")
    b = new_action(
        store,
        council,
        title="Cartographie des acteurs",
        owner_person_id=council["luc"],
        due_date="2025-06-20",
        description="Carte des écoles et ateliers",
    )
    c = new_action(
        store,
        council,
        title="Guide des achats",
        owner_person_id=None,
        owner_organisation_id=council["ruche"],
        body_id=council["other"],
        due_date="2025-09-01",
        theme_id=theme,
    )
    d = new_action(store, council, title="Ancienne action", status="abandonné", due_date="")

    def ids(**kw):
        return queries.query_ids(store.db, ActionFilter(**kw), today=TODAY)

    assert ids() == [a, b, c, d]  # by due date, none last
    assert ids(body_id=council["other"]) == [c]
    assert ids(owner="eloi") == [b]  # accents and case do not matter
    assert ids(owner="ruche") == [c]
    assert ids(statuses=rules.OPEN_STATUSES) == [a, b, c]
    assert ids(statuses=frozenset({"abandoned"})) == [d]
    assert ids(theme_id=theme) == [a, c]
    assert ids(overdue=True) == [a]
    assert ids(due_within_days=30) == [b]
    assert ids(text="ECOLE") == [b]  # in the description
    assert ids(text="ruche guide") == [c]  # owner and title
    assert ids(text="commande") == [a, c]  # theme
    assert ids(text="100%") == []
    assert queries.query_ids(store.db, sort="title", today=TODAY) == [d, b, a, c]
    assert queries.query_ids(store.db, sort="due_date", descending=True, today=TODAY)[0] == d
    assert queries.query_ids(store.db, sort="overdue_first", today=TODAY)[0] == a
    for sort in queries.SORTS:
        assert sorted(queries.query_ids(store.db, sort=sort, today=TODAY)) == [a, b, c, d]
    with pytest.raises(UserError):
        queries.query_ids(store.db, sort="couleur")

    rows = queries.fetch_rows(store.db, [c, a, 999], today=TODAY)
    assert [r.id for r in rows] == [c, a] and rows[1].overdue and rows[1].days_late == 31
    groups = queries.group_by_owner(queries.query_actions(store.db, today=TODAY))
    assert [(g.owner, len(g.rows)) for g in groups] == [
        ("La Ruche", 1),
        ("Luc Éloi", 1),
        ("Zoé Martin", 2),
    ]
    assert groups[0].email == "contact@laruche.fr" and groups[1].email == ""

    counts = queries.counts(store.db, today=TODAY)
    assert counts.total == 4 and counts.overdue == 1
    assert counts.by_status == {
        "todo": 3,
        "in_progress": 0,
        "done": 0,
        "abandoned": 1,
        "postponed": 0,
    }
    assert counts.by_theme == [
        (theme, "Commande publique responsable", 2),
        (None, "Sans thème", 2),
    ]
    assert queries.counts(store.db, ActionFilter(body_id=council["other"]), TODAY).total == 1


def test_overdue_is_not_stored_it_changes_with_the_day(store, council):
    a = new_action(store, council, due_date="2025-05-01")
    assert "overdue" not in [c[1] for c in store.conn.execute("PRAGMA table_info(actions)")]
    assert not queries.get_row(store.db, a, today=dt.date(2025, 5, 1)).overdue
    assert queries.get_row(store.db, a, today=dt.date(2025, 5, 2)).overdue


def test_bulk_insert_for_the_demo(store, council):
    lot = [
        {
            "body_id": council["body"],
            "title": f"Action {n}",
            "owner_person_id": council["zoe"],
            "created_on": "2024-01-10",
            "due_date": "2024-06-30",
            "meeting_id": council["march"],
            "updates": [
                {"on_date": "2024-03-01", "progress": 40, "comment": "en route"},
                {"on_date": "2024-05-01", "status": "done" if n % 2 else "in_progress"},
            ],
        }
        for n in range(10)
    ]
    with store.write() as db:
        assert actions.bulk_insert(db, lot) == (10, 20)
    rows = queries.query_actions(store.db, sort="id", today=TODAY)
    assert [(r.status, r.progress) for r in rows[:2]] == [("in_progress", 40), ("done", 100)]
    assert rows[1].closed_on == "2024-05-01" and rows[0].last_update_on == "2024-05-01"
    assert queries.query_ids(store.db, ActionFilter(text="action 3"), today=TODAY) == [rows[3].id]
    bad = [lot[0] | {"updates": [{"on_date": "2023-01-01"}]}]
    with pytest.raises(UserError, match="lot"), store.write() as db:
        actions.bulk_insert(db, bad)
    assert store.conn.execute("SELECT COUNT(*) FROM actions").fetchone()[0] == 10


def test_owner_order_and_the_page_s_first_ids(store, council):
    """By owner: names compared without case or accents, two owners written alike taken
    together by id, the person with an organisation after the person alone; the page reads the
    first ids only (with the counts of the whole selection) unless it sorts by owner."""
    twin = people.create(store, first_name="zoé", last_name="MARTIN")  # written like Zoé Martin
    owners = [
        {"owner_person_id": council["zoe"]},
        {"owner_person_id": None, "owner_organisation_id": council["ruche"]},
        {"owner_person_id": twin},
        {"owner_person_id": council["luc"]},
        {"owner_person_id": council["zoe"], "owner_organisation_id": council["ruche"]},
        {"owner_person_id": twin, "due_date": "2025-07-01"},
        {"owner_person_id": council["luc"], "due_date": None},
    ]
    made = [new_action(store, council, **owner) for owner in owners]
    zoe, ruche, twin_a, luc, zoe_ruche, twin_b, luc_b = made
    expected = [ruche, luc, luc_b, zoe, twin_a, twin_b, zoe_ruche]
    for descending in (False, True):
        ids, found = queries.query_ids_and_counts(
            store.db, sort="owner", descending=descending, today=TODAY
        )
        assert ids == (expected[::-1] if descending else expected)
        assert found == queries.counts(store.db, today=TODAY)
        page = queries.page_ids_and_counts(
            store.db, ActionFilter(), sort="owner", descending=descending, today=TODAY, window=3
        )
        assert page == (ids, found, True)
    late = ActionFilter(overdue=True)
    ids, counted, complete = queries.page_ids_and_counts(
        store.db, late, sort="due_date", descending=False, today=TODAY, window=3
    )
    every = queries.query_ids(store.db, late, today=TODAY)
    assert len(every) == 5 and ids == every[:3] and not complete
    assert counted == queries.query_ids_and_counts(store.db, late, today=TODAY)[1]
    assert counted.total == counted.overdue == 5
    ids, counted, complete = queries.page_ids_and_counts(
        store.db, ActionFilter(text="charte"), sort="id", descending=True, today=TODAY, window=3
    )
    assert ids == sorted(made, reverse=True) and complete and counted.total == 7


def test_a_row_with_changes_is_the_row_replaced(store, council):
    new_action(store, council, title="Rédiger la charte")
    row = review.review_list(store.db, council["may"], today=TODAY)[0]
    changed = queries.with_changes(row, title="Autre", owner="Une personne")
    assert changed == ActionRow(**{**vars(row), "title": "Autre", "owner": "Une personne"})
    assert hash(changed) == hash(ActionRow(**vars(changed))) and changed != row
    assert row.title == "Rédiger la charte" and row.owner == "Zoé Martin"
    with pytest.raises(TypeError):
        queries.with_changes(row, titre="Autre")
