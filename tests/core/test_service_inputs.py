"""Service inputs are typed: a misspelt field is an error, never a value dropped without a word.

Each service that takes a record's fields declares them once, as a `…Fields` TypedDict: mypy
(`make lint`) checks every call in the code against it, and the service refuses at run time a
keyword it does not take (a test, a script, a call mypy cannot see)."""

from __future__ import annotations

import datetime as dt

import pytest

from ess_desk import audit
from ess_desk.actions import actions, updates
from ess_desk.mail import settings as mail_settings
from ess_desk.meetings import agenda, meetings
from ess_desk.membership import bodies, mandates, organisations, people


def _audit_count(store) -> int:
    return store.db.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0]


@pytest.fixture
def council(store):
    body = bodies.create_body(store, name="Conseil de l'ESS", kind="plenary")
    person = people.create(store, first_name="Anne", last_name="Martin", email="anne@x.fr")
    org = organisations.create(store, name="La Ruche", kind="association")
    mandate = mandates.create(
        store, person_id=person, body_id=body, role="member", start_date="2026-01-01"
    )
    meeting = meetings.create(
        store, body_id=body, title="Séance", starts_at=dt.datetime(2026, 12, 15, 18, 0)
    )
    item = agenda.create_item(store, meeting, title="Budget")
    action = actions.create(
        store, body_id=body, title="Relancer", owner_person_id=person, today=dt.date(2026, 11, 2)
    )
    commission = bodies.create_body(store, name="Commission", kind="commission")
    college = bodies.create_college(store, commission, name="Élus", seats=4)
    return {
        "college": college,
        "store": store,
        "body": body,
        "person": person,
        "org": org,
        "mandate": mandate,
        "meeting": meeting,
        "item": item,
        "action": action,
    }


def _calls(c):
    """Each service, called with one misspelt field (the real one beside it when it has one)."""
    store = c["store"]
    return [
        ("create", lambda: people.create(store, first_name="B", last_name="C", emial="b@x.fr")),
        ("update", lambda: people.update(store, c["person"], emial="anne@y.fr")),
        ("create", lambda: organisations.create(store, name="Le Nid", knd="scop")),
        ("update", lambda: organisations.update(store, c["org"], siren="123")),
        (
            "create",
            lambda: mandates.create(
                store, person_id=c["person"], body_id=c["body"], start="2026-02-01"
            ),
        ),
        ("update", lambda: mandates.update(store, c["mandate"], end="2026-06-30")),
        ("create_item", lambda: agenda.create_item(store, c["meeting"], titel="Vote")),
        ("update_item", lambda: agenda.update_item(store, c["item"], duration=30)),
        ("record", lambda: updates.record(store, c["action"], comments="relancé")),
        ("save", lambda: mail_settings.save(store, host="smtp.x.fr", sendr="a@x.fr")),
        ("create_body", lambda: bodies.create_body(store, name="Bureau", knd="bureau")),
        ("update_body", lambda: bodies.update_body(store, c["body"], quorum_numrator=1)),
        ("create_college", lambda: bodies.create_college(store, c["body"], name="A", seat=3)),
        ("update_college", lambda: bodies.update_college(store, c["college"], voteing=False)),
        (
            "create",
            lambda: meetings.create(
                store, body_id=c["body"], starts_at="2026-12-20 18:00", plase="Mairie"
            ),
        ),
        ("update", lambda: meetings.update(store, c["meeting"], titel="Séance plénière")),
        (
            "create",
            lambda: actions.create(
                store, body_id=c["body"], title="A", owner_person_id=c["person"], due="2027-01-01"
            ),
        ),
        ("update", lambda: actions.update(store, c["action"], titel="Relancer vite")),
        (
            "create_from_item",
            lambda: actions.create_from_item(
                store, c["item"], title="A", owner_person_id=c["person"], theme="x"
            ),
        ),
    ]


def test_a_misspelt_field_is_refused_and_nothing_is_written(council):
    store = council["store"]
    for function, call in _calls(council):
        before = _audit_count(store)
        with pytest.raises(TypeError, match=rf"{function}\(\) got an unexpected keyword"):
            call()
        assert _audit_count(store) == before, function


def test_people_create_with_emial_does_not_save_a_person_without_email(council):
    store = council["store"]
    count = store.db.execute("SELECT COUNT(*) FROM people").fetchone()[0]
    with pytest.raises(TypeError, match="'emial'"):
        people.create(store, first_name="Zoé", last_name="Petit", emial="zoe@x.fr")
    assert store.db.execute("SELECT COUNT(*) FROM people").fetchone()[0] == count


def test_the_right_fields_still_go_through(council):
    store = council["store"]
    people.update(store, council["person"], email="anne@y.fr")
    assert people.get(store.db, council["person"]).email == "anne@y.fr"
    agenda.update_item(store, council["item"], duration_minutes=30)
    assert agenda.items(store.db, council["meeting"])[0].duration_minutes == 30
    organisations.update(store, council["org"], city="Lille")
    history = audit.history(store.db, "organisation", council["org"])
    assert history[-1]["after"]["city"] == "Lille"


@pytest.mark.parametrize(
    ("fields", "clean"),
    [
        (people.PersonFields, lambda db, v: people.clean(db, v)),
        (organisations.OrganisationFields, lambda db, v: organisations.clean(v)),
        (agenda.ItemFields, lambda db, v: agenda.clean(db, v)),
        (bodies.BodyFields, lambda db, v: bodies.clean_body(db, v, None)),
    ],
)
def test_each_fields_declaration_names_what_the_service_saves(council, fields, clean):
    """The TypedDict and the columns `clean` writes are the same list: a field added to one and
    not the other fails here."""
    values = {"first_name": "A", "last_name": "B", "name": "Le Nid", "title": "Point"}
    saved = clean(council["store"].db, values)
    assert set(fields.__annotations__) == set(saved)


def test_meeting_college_and_action_fields_are_the_columns_their_services_write(council):
    db = council["store"].db
    meeting = meetings.clean(db, {"body_id": council["body"], "starts_at": "2026-12-20 18:00"})
    assert set(meetings.MeetingFields.__annotations__) == set(meeting)
    college = bodies.clean_college(db, council["body"], {"name": "Associés"}, None)
    assert set(bodies.CollegeFields.__annotations__) == set(college) - {"body_id"}
    action = actions.clean(
        db, {"body_id": council["body"], "title": "A", "owner_person_id": council["person"]}
    )
    assert set(actions.ActionFields.__annotations__) <= set(action)


def test_mandate_fields_are_the_mandate_columns_a_person_edits(council):
    saved = mandates.clean(
        council["store"].db,
        {"person_id": council["person"], "body_id": council["body"], "start_date": "2026-03-01"},
        council["mandate"],  # the mandate itself, edited: no overlap with itself
    )
    assert set(mandates.MandateFields.__annotations__) <= set(saved)
