"""Membership rules: organisations, people, bodies, colleges, mandates, rosters and queries."""

from __future__ import annotations

import contextlib
import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ess_desk.errors import UserError
from ess_desk.membership import bodies, mandates, organisations, people, roster, rules
from ess_desk.membership.validation import siret

D = dt.date


@pytest.fixture
def council(store):
    """A plenary council with two colleges (one limited to 2 seats) and four people."""
    body = bodies.create_body(store, name="Conseil de l'ESS", kind="plenary")
    elected = bodies.create_college(store, body, name="Élus", seats=2)
    actors = bodies.create_college(store, body, name="Acteurs de l'ESS", seats=None)
    org = organisations.create(store, name="Coopérative Les Tisserands", kind="scop")
    ids = [
        people.create(store, first_name=first, last_name=last, organisation_id=org)
        for first, last in [
            ("Hélène", "Martin"),
            ("François", "Durand"),
            ("Zoé", "Petit"),
            ("Luc", "Roux"),
        ]
    ]
    return {"store": store, "body": body, "elected": elected, "actors": actors, "people": ids}


# Validation ------------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["73282932000074", "732 829 320 00074", ""])
def test_siret_accepts_valid_or_empty(value):
    assert siret(value) in ("73282932000074", None)


@pytest.mark.parametrize(
    ("value", "reason"),
    [("7328293200007", "14 chiffres"), ("73282932000075", "clé"), ("ABC", "14")],
)
def test_siret_refuses_wrong_numbers(value, reason):
    with pytest.raises(UserError, match=reason) as info:
        siret(value)
    assert info.value.field == "siret"


def test_organisation_rules(store):
    oid = organisations.create(
        store, name="Mutuelle du Rhin", kind="mutuelle", siret="73282932000074"
    )
    with pytest.raises(UserError, match="existe déjà"):
        organisations.create(store, name="mutuelle du rhin")
    with pytest.raises(UserError) as info:
        organisations.create(store, name="Fondation X", kind="fondation", email="x@")
    assert info.value.field == "email"
    with pytest.raises(UserError) as info:
        organisations.update(store, oid, siret="73282932000075")
    assert info.value.field == "siret"
    assert organisations.get(store.db, oid).siret == "73282932000074"


def test_person_rules_and_archiving(council):
    store = council["store"]
    with pytest.raises(UserError) as info:
        people.create(store, first_name="", last_name="Martin")
    assert info.value.field == "first_name"
    with pytest.raises(UserError) as info:
        people.create(store, first_name="Anne", last_name="Martin", email="anne@@exemple.fr")
    assert info.value.field == "email"
    pid = people.create(
        store, first_name="Anne", last_name="Martin", civility="madame", consent_publish=True
    )
    person = people.get(store.db, pid)
    assert person.civility == "Mme" and person.consent_publish == 1 and person.consent_contact == 0
    # someone with history is archived, not deleted
    mandates.create(
        store,
        person_id=pid,
        body_id=council["body"],
        college_id=council["actors"],
        role="member",
        start_date="2024-01-01",
        end_date="2024-12-31",
    )
    with pytest.raises(UserError, match="archivez"):
        people.delete(store, pid)
    people.archive(store, pid)
    assert people.get(store.db, pid).archived == 1
    lonely = people.create(store, first_name="Sans", last_name="Mandat")
    people.delete(store, lonely)
    assert (
        store.conn.execute("SELECT COUNT(*) FROM people WHERE id = ?", [lonely]).fetchone()[0] == 0
    )


def test_body_rules(store):
    plenary = bodies.create_body(store, name="Conseil", kind="plenary")
    bureau = bodies.create_body(
        store,
        name="Bureau",
        kind="bureau",
        parent_id=plenary,
        quorum_numerator=2,
        quorum_denominator=3,
        proxies_per_holder=2,
        notice_clear_days=8,
        mandate_years=2,
        holiday_calendar="FR-57",
    )
    body = bodies.get_body(store.db, bureau)
    assert (body.quorum_fraction.numerator, body.quorum_fraction.denominator) == (2, 3)
    assert body.holiday_calendar == "FR-57" and body.notice_clear_days == 8
    with pytest.raises(UserError) as info:
        bodies.create_body(
            store, name="Commission", kind="commission", quorum_numerator=3, quorum_denominator=2
        )
    assert info.value.field == "quorum_numerator"
    with pytest.raises(UserError) as info:
        bodies.update_body(store, plenary, parent_id=bureau)
    assert info.value.field == "parent_id"
    with pytest.raises(UserError, match="existe déjà"):
        bodies.create_body(store, name="conseil", kind="plenary")
    with pytest.raises(UserError) as info:
        bodies.create_body(store, name="GT", kind="working_group", holiday_calendar="US")
    assert info.value.field == "holiday_calendar"


@pytest.mark.parametrize("typed", ["6900", "690011", "00100", "A9001", "６９００１"])
def test_person_postcode_is_a_french_postcode_or_nothing(council, typed):
    store, person = council["store"], council["people"][0]
    with pytest.raises(UserError) as info:
        people.update(store, person, postcode=typed)
    assert info.value.field == "postcode"
    assert people.get(store.db, person).postcode == ""
    people.update(store, person, postcode=" 69 001 ")
    assert people.get(store.db, person).postcode == "69001"
    people.update(store, person, postcode="")
    assert people.get(store.db, person).postcode == ""


# Mandates ----------------------------------------------------------------------------------


def test_end_before_start_is_refused(council):
    with pytest.raises(UserError) as info:
        mandates.create(
            council["store"],
            person_id=council["people"][0],
            body_id=council["body"],
            college_id=council["actors"],
            role="member",
            start_date="01/06/2026",
            end_date="31/05/2026",
        )
    assert info.value.field == "end_date"


def test_overlapping_mandates_of_one_person_on_one_body_are_refused(council):
    store, p = council["store"], council["people"][0]
    mandates.create(
        store,
        person_id=p,
        body_id=council["body"],
        college_id=council["actors"],
        role="member",
        start_date="2026-01-01",
        end_date="2028-12-31",
    )
    with pytest.raises(UserError, match="chevauche"):
        mandates.create(
            store,
            person_id=p,
            body_id=council["body"],
            college_id=council["elected"],
            role="member",
            start_date="2028-12-31",
        )
    # the next day is fine: a renewal
    mandates.create(
        store,
        person_id=p,
        body_id=council["body"],
        college_id=council["actors"],
        role="member",
        start_date="2029-01-01",
    )


def test_seat_limit_names_college_and_dates(council):
    store, (a, b, c, _d) = council["store"], council["people"]
    for p in (a, b):
        mandates.create(
            store,
            person_id=p,
            body_id=council["body"],
            college_id=council["elected"],
            role="member",
            start_date="2026-01-01",
            end_date="2026-12-31",
        )
    with pytest.raises(UserError) as info:
        mandates.create(
            store,
            person_id=c,
            body_id=council["body"],
            college_id=council["elected"],
            role="member",
            start_date="2026-06-01",
            end_date="2027-06-30",
        )
    assert "Élus" in info.value.message and "01/06/2026" in info.value.message
    assert "31/12/2026" in info.value.message and info.value.field == "college_id"
    # after the others end, the seat is free again
    mandates.create(
        store,
        person_id=c,
        body_id=council["body"],
        college_id=council["elected"],
        role="member",
        start_date="2027-01-01",
    )


def test_reducing_seats_below_holders_is_refused(council):
    store, (a, b, *_rest) = council["store"], council["people"]
    for p in (a, b):
        mandates.create(
            store,
            person_id=p,
            body_id=council["body"],
            college_id=council["actors"],
            role="member",
            start_date="2026-01-01",
        )
    with pytest.raises(UserError, match="2 titulaires"):
        bodies.update_college(store, council["actors"], seats=1)
    bodies.update_college(store, council["actors"], seats=2)


def test_substitute_pairing(council):
    store, (a, b, c, d) = council["store"], council["people"]
    member = mandates.create(
        store,
        person_id=a,
        body_id=council["body"],
        college_id=council["elected"],
        role="member",
        start_date="2026-01-01",
    )
    sub = mandates.create(
        store,
        person_id=b,
        body_id=council["body"],
        role="substitute",
        substitute_for_id=member,
        start_date="2026-01-01",
    )
    assert mandates.get(store.db, sub).college_id == council["elected"]  # the member's college
    with pytest.raises(UserError, match="déjà un"):
        mandates.create(
            store,
            person_id=c,
            body_id=council["body"],
            role="substitute",
            substitute_for_id=member,
            start_date="2026-03-01",
        )
    with pytest.raises(UserError, match="Seul"):
        mandates.create(
            store,
            person_id=c,
            body_id=council["body"],
            role="member",
            college_id=council["elected"],
            substitute_for_id=member,
            start_date="2026-03-01",
        )
    # a substitute takes no seat: the 2-seat college still has one free
    mandates.create(
        store,
        person_id=d,
        body_id=council["body"],
        college_id=council["elected"],
        role="member",
        start_date="2026-01-01",
    )
    # an unpaired substitute serves the college
    mandates.create(
        store,
        person_id=c,
        body_id=council["body"],
        college_id=council["elected"],
        role="substitute",
        start_date="2026-01-01",
    )
    entries = roster.roster(store.db, council["body"], D(2026, 6, 1))
    by_id = {e.mandate_id: e for e in entries}
    assert by_id[member].substitutes == ("François Durand",)
    assert by_id[sub].substitute_for_name == "Hélène Martin"
    assert not by_id[sub].voting and by_id[member].voting
    with pytest.raises(UserError, match="suppléant"):
        mandates.delete(store, member)


def test_roster_vacancies_and_ending(council):
    store, (a, b, c, _d) = council["store"], council["people"]
    mandates.create(
        store,
        person_id=a,
        body_id=council["body"],
        college_id=council["elected"],
        role="president",
        start_date="2025-01-01",
        end_date="2026-12-31",
    )
    mandates.create(
        store,
        person_id=b,
        body_id=council["body"],
        college_id=council["actors"],
        role="member",
        start_date="2026-02-01",
        end_date="2026-12-15",
    )
    mandates.create(
        store, person_id=c, body_id=council["body"], role="permanent_guest", start_date="2020-01-01"
    )
    at = D(2026, 1, 15)
    names = [e.last_name for e in roster.roster(store.db, council["body"], at)]
    assert names == ["Martin", "Petit"]  # Durand starts in February
    seats = {s.name: s for s in roster.vacant_seats(store.db, council["body"], at)}
    assert (seats["Élus"].seats, seats["Élus"].filled, seats["Élus"].vacant) == (2, 1, 1)
    assert seats["Acteurs de l'ESS"].vacant is None  # no limit
    ending = roster.mandates_ending(store.db, 30, D(2026, 12, 1))
    assert [e.person_name for e in ending] == ["François Durand", "Hélène Martin"]
    history = roster.person_history(store.db, a)
    assert [m.role for m in history["mandates"]] == ["president"]
    assert history["changes"][0]["action"] == "create"


def test_member_rows_gathers_current_mandates(council):
    store, (a, *_rest) = council["store"], council["people"]
    mandates.create(
        store,
        person_id=a,
        body_id=council["body"],
        college_id=council["elected"],
        role="member",
        start_date="2026-01-01",
        end_date="2026-12-31",
    )
    rows = {r.person_id: r for r in roster.member_rows(store.db, D(2026, 6, 1))}
    assert rows[a].bodies == "Conseil de l'ESS" and rows[a].roles == "Membre titulaire"
    assert rows[a].next_end == "2026-12-31"
    assert rows[a].organisation == "Coopérative Les Tisserands"
    assert len(rows) == 4


# Properties --------------------------------------------------------------------------------

dates = st.dates(min_value=D(2020, 1, 1), max_value=D(2030, 12, 31))


@st.composite
def periods(draw):
    start = draw(dates)
    end = draw(st.one_of(st.none(), dates.filter(lambda d: d >= start)))
    return (start, end)


@given(st.lists(periods(), max_size=8), periods(), st.integers(min_value=0, max_value=5))
def test_seat_overflow_agrees_with_counting(others, new, seats):
    # Only situations that were valid before: the others alone never exceed the seats.
    if rules.max_holders(others) > seats:
        return
    overflow = rules.seat_overflow(others, new, seats)
    assert (overflow is not None) == (rules.max_holders([*others, new]) > seats)
    if overflow is not None:
        assert rules.in_force(new, overflow.start)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(periods(), min_size=1, max_size=10), st.integers(min_value=1, max_value=3))
def test_roster_never_exceeds_seats(tmp_path_factory, attempts, seats):
    from ess_desk.store import open_store

    store = open_store(tmp_path_factory.mktemp("db") / "c.sqlite")
    try:
        body = bodies.create_body(store, name="Conseil", kind="plenary")
        college = bodies.create_college(store, body, name="Élus", seats=seats)
        for i, (start, end) in enumerate(attempts):
            pid = people.create(store, first_name=f"P{i}", last_name="Test")
            with contextlib.suppress(UserError):
                mandates.create(
                    store,
                    person_id=pid,
                    body_id=body,
                    college_id=college,
                    role="member",
                    start_date=start,
                    end_date=end,
                )
        checkpoints = {s for s, _e in attempts} | {e for _s, e in attempts if e}
        for day in checkpoints:
            filled = roster.vacant_seats(store.db, body, day)[0].filled
            assert filled <= seats
    finally:
        store.close()


def test_people_choices_for_forms(council):
    store, (a, *_rest) = council["store"], council["people"]
    names = dict(people.choices(store.db))
    assert names[a] == "MARTIN Hélène — Coopérative Les Tisserands"
    people.archive(store, a)
    assert a not in dict(people.choices(store.db))
    assert dict(people.choices(store.db, keep=a, with_organisation=False))[a] == "MARTIN Hélène"


def test_pickers_sort_names_as_french_readers_do(store):
    """GÉRARD before GUÉRIN, Émile among the E: accents and case ignored (SQLite's NOCASE
    sorts É after every ASCII letter)."""
    from ess_desk.membership import organisations as orgs
    from ess_desk.membership import people as persons

    for first, last in (
        ("Anne", "GUÉRIN"),
        ("Paul", "Gérard"),
        ("Émile", "Zola"),
        ("Luc", "édouard"),
    ):
        persons.create(store, first_name=first, last_name=last)
    names = [text for _id, text in persons.choices(store.db)]
    assert names == ["ÉDOUARD Luc", "GÉRARD Paul", "GUÉRIN Anne", "ZOLA Émile"]
    for name in ("Union", "Économie solidaire", "atelier"):
        orgs.create(store, name=name)
    assert [o.name for o in orgs.list_all(store.db)] == ["atelier", "Économie solidaire", "Union"]
