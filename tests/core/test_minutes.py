"""Minutes: drafting from the record, submission and approval at the next meeting, the frozen
record against every write path, errata, the digest check and the meeting's history."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from ess_desk.errors import UserError
from ess_desk.integrity import check_council
from ess_desk.meetings import agenda, meetings, presence, votes
from ess_desk.membership import bodies, mandates, organisations, people
from ess_desk.minutes import decisions, history
from ess_desk.minutes import minutes as mn
from ess_desk.minutes import record as rec
from ess_desk.service import update as service_update

# The clock for marking meetings held (they may lie ahead of today's date).
LATER = dt.datetime(2099, 1, 1)


def build_council(store) -> dict:
    """A bureau: a president who consents to publication, four members (two without consent),
    a paired substitute, a permanent guest; a held meeting with attendance, a vote and a
    decision; the next meeting of the same body."""
    body = bodies.create_body(store, name="Bureau", kind="bureau", chair_casting_vote=True)
    college = bodies.create_college(store, body, name="Structures de l'ESS", seats=6)
    org = organisations.create(store, name="Coopérative Alpha", kind="scic")
    m: dict[str, int] = {}
    p: dict[str, int] = {}
    for first, last, role, consent in [
        ("Hélène", "Martin", "president", True),
        ("François", "Durand", "member", True),
        ("Zoé", "Secrète", "member", False),
        ("Luc", "Lefèvre", "member", True),
        ("Inès", "Discrète", "member", False),
    ]:
        p[first] = people.create(
            store,
            first_name=first,
            last_name=last,
            consent_publish=consent,
            email=f"{last.lower().replace('è', 'e')}@exemple.fr",
            phone="06 12 34 56 78",
            organisation_id=org,
        )
        m[first] = mandates.create(
            store,
            person_id=p[first],
            body_id=body,
            college_id=college,
            role=role,
            start_date="2026-01-01",
        )
    p["Sacha"] = people.create(store, first_name="Sacha", last_name="Remplaçant", consent_publish=0)
    m["Sacha"] = mandates.create(
        store,
        person_id=p["Sacha"],
        body_id=body,
        role="substitute",
        substitute_for_id=m["Luc"],
        start_date="2026-01-01",
    )
    p["Gaëlle"] = people.create(store, first_name="Gaëlle", last_name="Invitée", consent_publish=0)
    m["Gaëlle"] = mandates.create(
        store, person_id=p["Gaëlle"], body_id=body, role="permanent_guest", start_date="2026-01-01"
    )
    first = meetings.create(
        store, body_id=body, starts_at="10/12/2026 18:00", place="Hôtel de ville, salle 3"
    )
    second = meetings.create(store, body_id=body, starts_at="14/01/2027 18:00", place="Salle 3")
    budget = agenda.create_item(
        store, first, title="Budget 2027", kind="vote", presenter_person_id=p["Zoé"]
    )
    debate = agenda.create_item(store, first, title="Commande publique responsable", kind="debate")
    meetings.set_status(store, first, "convened")
    meetings.set_status(store, first, "held", now=LATER)
    presence.record(store, first, m["Hélène"], "present")
    presence.record(store, first, m["François"], "present")
    presence.record(store, first, m["Zoé"], "represented", proxy_to=m["Hélène"])
    presence.record(store, first, m["Luc"], "replaced", replaced_by=m["Sacha"])
    presence.record(store, first, m["Sacha"], "present")
    presence.record(store, first, m["Inès"], "excused")
    presence.record(store, first, m["Gaëlle"], "present")
    presence.add_guest(store, first, "Paul Extérieur", "Mairie")
    presence.record_opening(store, first, "18:05")
    votes.record_vote(store, budget, votes_for=3, votes_against=1, abstentions=0, taken_at="18:30")
    decision = decisions.add_decision(
        store, budget, "opinion", "Avis favorable au budget 2027 présenté par Zoé Secrète."
    )
    return {
        "body": body,
        "college": college,
        "mandates": m,
        "people": p,
        "first": first,
        "second": second,
        "budget": budget,
        "debate": debate,
        "decision": decision,
    }


SUMMARY = (
    "Zoé Secrète présente le budget.\n\n"
    "Points soulevés :\n"
    "- la **commande publique** responsable\n"
    "- les tiers-lieux\n\n"
    "Le bureau remercie Inès Discrète."
)


def hold_second(store, council) -> None:
    """The next meeting takes place with its quorum (three of the five members present)."""
    meetings.set_status(store, council["second"], "held", now=LATER)
    for name in ("Hélène", "François", "Luc"):
        presence.record(store, council["second"], council["mandates"][name], "present")


@pytest.fixture
def council(store):
    return build_council(store)


def draft(store, council) -> int:
    minutes_id = mn.start(store, council["first"])
    mn.update(store, minutes_id, secretary="Marie Secrétariat", closing_time="20h15")
    mn.save_section(store, minutes_id, council["budget"], SUMMARY)
    mn.save_section(store, minutes_id, council["debate"], "Échange nourri.")
    return minutes_id


def approved(store, council) -> int:
    minutes_id = draft(store, council)
    item = mn.submit(store, minutes_id)
    meetings.set_status(store, council["second"], "convened")
    hold_second(store, council)
    mn.approve(store, item)
    return minutes_id


def test_header_and_sections_come_from_the_record(store, council):
    minutes_id = draft(store, council)
    view = mn.view(store.db, council["first"])
    r = view.record
    assert view.status == "draft" and view.minutes_id == minutes_id
    assert r.body == "Bureau" and r.place == "Hôtel de ville, salle 3"
    assert [c.name for c in r.chair] == ["Hélène Martin"]
    assert r.secretary == "Marie Secrétariat" and r.closing_time == "20:15"
    assert r.opening_time == "18:05"
    a = r.attendance
    assert [x.person.name for x in a.present] == ["Hélène Martin", "François Durand"]
    assert [(x.person.name, x.other.name) for x in a.represented] == [
        ("Zoé Secrète", "Hélène Martin")
    ]
    assert [(x.person.name, x.other and x.other.name) for x in a.excused] == [
        ("Inès Discrète", None),
        ("Luc Lefèvre", "Sacha Remplaçant"),
    ]
    assert [(x.person.name, x.other.name) for x in a.substitutes] == [
        ("Sacha Remplaçant", "Luc Lefèvre")
    ]
    assert [x.person.name for x in a.guests] == ["Gaëlle Invitée", "Paul Extérieur"]
    assert a.absent == ()
    assert (a.in_office, a.present_count, a.represented_count, a.required, a.reached) == (
        5,
        3,
        1,
        3,
        True,
    )
    budget, debate = r.sections
    assert budget.title == "Budget 2027" and budget.summary == SUMMARY
    assert budget.presenter.name == "Zoé Secrète"
    assert (budget.vote.votes_for, budget.vote.votes_against, budget.vote.outcome) == (
        3,
        1,
        "adopted",
    )
    assert [d.reference for d in budget.decisions] == ["2026-001"]
    assert debate.vote is None and debate.summary == "Échange nourri."


def test_workflow_submit_puts_approval_on_next_meeting_then_approve(store, council):
    minutes_id = draft(store, council)
    item_id = mn.submit(store, minutes_id)
    item = agenda.items(store.db, council["second"])[0]
    assert item.id == item_id and item.kind == "minutes_approval"
    assert item.title == "Approbation du procès-verbal de la séance du 10/12/2026"
    assert mn.get(store.db, minutes_id).status == "submitted"
    assert [m.id for m in mn.to_approve_at(store.db, council["second"])] == [minutes_id]
    # Editing a submitted draft is refused; going back to draft and resubmitting reuses the item.
    with pytest.raises(UserError, match="soumis"):
        mn.save_section(store, minutes_id, council["debate"], "autre")
    mn.return_to_draft(store, minutes_id)
    mn.save_section(store, minutes_id, council["debate"], "Échange nourri et constructif.")
    assert mn.submit(store, minutes_id) == item_id
    assert len(agenda.items(store.db, council["second"])) == 1
    # The approving meeting must have been held.
    with pytest.raises(UserError, match="tenue"):
        mn.approve(store, item_id)
    meetings.set_status(store, council["second"], "convened")
    hold_second(store, council)
    result = mn.approve(store, item_id)
    assert result.status == "approved"
    assert result.approved_by_meeting_id == council["second"] and result.approved_on == "2027-01-14"
    assert result.approved_sha256 == rec.digest(result.approved_text)
    view = mn.view(store.db, council["first"])
    assert view.approved and view.digest == result.approved_sha256
    assert view.approval_line() == "Approuvé lors de la séance du 14/01/2027."
    with pytest.raises(UserError, match="déjà été approuvé"):
        mn.approve(store, item_id)


def test_submit_without_next_meeting_or_fields_is_refused(store, council):
    minutes_id = mn.start(store, council["first"])
    with pytest.raises(UserError) as info:
        mn.submit(store, minutes_id)
    assert info.value.field == "secretary"
    mn.update(store, minutes_id, secretary="Marie")
    with pytest.raises(UserError) as info:
        mn.submit(store, minutes_id)
    assert info.value.field == "closing_time"
    mn.update(store, minutes_id, closing_time="20:00")
    meetings.set_status(store, council["second"], "cancelled")
    with pytest.raises(UserError, match="Aucune séance de « Bureau » n'est prévue après le"):
        mn.submit(store, minutes_id)
    assert mn.get(store.db, minutes_id).status == "draft"
    with pytest.raises(UserError, match="n'est pas une heure"):
        mn.update(store, minutes_id, closing_time="tard")
    mn.update(store, minutes_id, closing_time="20 h 15")  # as offices type it
    assert mn.get(store.db, minutes_id).closing_time == "20:15"


def test_everything_missing_before_submitting_is_listed_at_once(store, council):
    minutes_id = mn.start(store, council["first"])
    meetings.set_status(store, council["second"], "cancelled")
    missing = mn.submission_missing(store.db, minutes_id)
    assert [m.code for m in missing] == ["secretary", "closing_time", "next_meeting"]
    assert [m.field for m in missing] == ["secretary", "closing_time", None]
    with pytest.raises(UserError) as info:
        mn.submit(store, minutes_id)
    assert info.value.field == "secretary"
    assert info.value.problems == [m.message for m in missing]  # all of them, in one refusal
    mn.update(store, minutes_id, secretary="Marie", closing_time="20:00")
    assert [m.code for m in mn.submission_missing(store.db, minutes_id)] == ["next_meeting"]


def test_a_meeting_not_held_is_listed_first(store, council):
    body = meetings.get(store.db, council["first"]).body_id
    later = meetings.create(
        store, body_id=body, kind="bureau", starts_at=dt.datetime(2031, 3, 1, 18, 0)
    )
    minutes_id = mn.start(store, later)
    codes = [m.code for m in mn.submission_missing(store.db, minutes_id)]
    assert codes[0] == "held" and "next_meeting" in codes
    assert bodies.get_body(store.db, body).name == "Bureau"


def test_rejected_approval_vote_blocks_approval(store, council):
    minutes_id = draft(store, council)
    item = mn.submit(store, minutes_id)
    hold_second(store, council)
    m = council["mandates"]
    for name in ("Hélène", "François", "Luc"):
        presence.record(store, council["second"], m[name], "present")
    votes.record_vote(store, item, votes_for=1, votes_against=2)
    with pytest.raises(UserError, match="rejeté"):
        mn.approve(store, item)
    votes.record_vote(store, item, votes_for=3, votes_against=0)
    assert mn.approve(store, item).status == "approved"


def test_frozen_minutes_refuse_every_service(store, council):
    minutes_id = approved(store, council)
    with pytest.raises(UserError, match="approuvé"):
        mn.save_section(store, minutes_id, council["budget"], "Réécriture")
    with pytest.raises(UserError, match="approuvé"):
        mn.update(store, minutes_id, secretary="Quelqu'un d'autre")
    with pytest.raises(UserError, match="approuvé"):
        mn.return_to_draft(store, minutes_id)
    with pytest.raises(UserError, match="approuvé"):
        decisions.add_decision(store, council["budget"], "decision", "Une de plus")
    with pytest.raises(UserError, match="approuvé"):
        decisions.update_decision(store, council["decision"], text="Autre texte")
    with pytest.raises(UserError, match="approuvé"):
        decisions.delete_decision(store, council["decision"])
    # The follow-up status of a decision still moves.
    decisions.set_status(store, council["decision"], "in_progress")
    assert decisions.get(store.db, council["decision"]).status == "in_progress"
    assert mn.section_texts(store.db, minutes_id)[council["budget"]] == SUMMARY


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE minutes_sections SET summary = 'réécrit'",
        "DELETE FROM minutes_sections",
        "UPDATE minutes SET secretary = 'X'",
        "UPDATE minutes SET status = 'draft'",
        "UPDATE minutes SET approved_text = '{{}}'",
        "DELETE FROM minutes",
        "UPDATE decisions SET text = 'réécrit'",
        "DELETE FROM decisions",
        "UPDATE agenda_items SET title = 'autre' WHERE meeting_id = {first}",
        "DELETE FROM votes",
        "UPDATE attendance SET status = 'absent' WHERE meeting_id = {first}",
        "DELETE FROM guests",
        "UPDATE meetings SET starts_at = '2026-12-11T18:00' WHERE id = {first}",
        "INSERT INTO minutes_sections (minutes_id, item_id, summary, updated_at) "
        "VALUES ({minutes}, {budget}, 'x', 'now')",
        "INSERT INTO decisions (year, number, meeting_id, item_id, kind, text) "
        "VALUES (2026, 99, {first}, {budget}, 'decision', 'x')",
    ],
)
def test_frozen_minutes_refuse_direct_sql(store, council, statement):
    minutes_id = approved(store, council)
    sql = statement.format(first=council["first"], minutes=minutes_id, budget=council["budget"])
    with pytest.raises(sqlite3.IntegrityError, match="approuvé"):
        store.conn.execute(sql)
    store.conn.rollback()
    # The store's own update call is refused too, and the services turn it into a UserError.
    refused = pytest.raises(UserError, match="approuvé : il ne peut plus être modifié")
    with refused, store.write() as db:
        service_update(db, "minutes", "minutes", minutes_id, {"secretary": "Y"})
    assert check_council(store) == []


def test_erratum_is_dated_printed_and_itself_immutable(store, council):
    draft_id = draft(store, council)
    with pytest.raises(UserError, match="approuvé"):
        mn.add_erratum(store, draft_id, "Coquille", "Lire « tiers-lieux »")
    item = mn.submit(store, draft_id)
    hold_second(store, council)
    mn.approve(store, item)
    with pytest.raises(UserError) as info:
        mn.add_erratum(store, draft_id, "Coquille", "x", recorded_on="01/01/2027")
    assert info.value.field == "recorded_on"
    with pytest.raises(UserError) as info:
        mn.add_erratum(store, draft_id, "", "x")
    assert info.value.field == "reason"
    erratum = mn.add_erratum(
        store, draft_id, "Coquille", "Au point 1, lire « tiers-lieux ».", recorded_on="20/02/2027"
    )
    assert [(e.recorded_on, e.reason) for e in mn.errata(store.db, draft_id)] == [
        ("2027-02-20", "Coquille")
    ]
    assert mn.view(store.db, council["first"]).errata[0].id == erratum
    with pytest.raises(sqlite3.IntegrityError, match="erratum"):
        store.conn.execute("UPDATE minutes_errata SET text = 'autre'")
    store.conn.rollback()
    with pytest.raises(sqlite3.IntegrityError, match="erratum"):
        store.conn.execute("DELETE FROM minutes_errata")
    store.conn.rollback()


def test_approved_view_keeps_the_snapshot_when_the_record_changes(store, council):
    approved(store, council)
    # A person's name changes after approval: the approved minutes still say what was approved.
    people.update(store, council["people"]["François"], last_name="Durand-Nouveau")
    names = [x.person.name for x in mn.view(store.db, council["first"]).record.attendance.present]
    assert names == ["Hélène Martin", "François Durand"]


def test_digest_check_finds_changes_behind_the_application(store, council):
    minutes_id = approved(store, council)
    assert mn.check_digests(store.db) == []
    store.conn.execute("DROP TRIGGER minutes_sections_frozen_update")
    store.conn.execute(
        "UPDATE minutes_sections SET summary = 'Texte falsifié' WHERE minutes_id = ?", [minutes_id]
    )
    store.conn.commit()
    problems = mn.check_digests(store.db)
    assert len(problems) == 1 and "10/12/2026 (Bureau)" in problems[0]
    assert "ne correspondent plus" in problems[0]
    assert problems[0] in check_council(store)


def test_digest_check_finds_a_rewritten_approved_text(store, council):
    minutes_id = approved(store, council)
    store.conn.execute("DROP TRIGGER minutes_frozen_update")
    text = mn.get(store.db, minutes_id).approved_text.replace("Budget 2027", "Budget 2028")
    store.conn.execute("UPDATE minutes SET approved_text = ? WHERE id = ?", [text, minutes_id])
    store.conn.commit()
    (problem,) = mn.check_digests(store.db)
    assert "empreinte SHA-256" in problem


def test_snapshot_round_trips(store, council):
    record = rec.compose(store.db, council["first"], "Marie", "20:15")
    assert rec.from_json(rec.to_json(record)) == record
    assert rec.digest(rec.to_json(record)) == rec.digest(rec.to_json(record))


def test_snapshot_text_is_json_dumps_to_the_byte(store, council):
    # The approved text and its digest must never change with the writer: to_json writes what
    # json.dumps(asdict(…), ensure_ascii=False, sort_keys=True, indent=1) writes.
    import dataclasses
    import json

    approved(store, council)
    record = rec.compose(store.db, council["second"], 'Zoé « Ô » "n°1"\n\\', "20:15")
    odd = dataclasses.replace(record, place="Salle\t2\u00a0— 1,5 étage", sections=())
    for value in (record, odd, mn.view(store.db, council["first"]).record):
        expected = json.dumps(
            dataclasses.asdict(value), ensure_ascii=False, sort_keys=True, indent=1
        )
        assert rec.to_json(value) == expected


def test_public_version_leaves_out_names_without_consent(store, council):
    draft(store, council)
    view = mn.view(store.db, council["first"], public=True)
    r = view.record
    assert [x.person.name for x in r.attendance.present] == ["Hélène Martin", "François Durand"]
    zoe = r.attendance.represented[0].person
    assert zoe.name == "un membre du collège Structures de l'ESS" and zoe.organisation == ""
    assert [x.person.name for x in r.attendance.guests] == ["un(e) invité(e)", "un(e) invité(e)"]
    summary = r.sections[0].summary
    assert "Zoé" not in summary and "Inès" not in summary and "Discrète" not in summary
    assert summary.startswith("Un membre du collège Structures de l'ESS présente le budget")
    assert "remercie un membre du collège" in summary
    assert "Secrète" not in r.sections[0].decisions[0].text
    assert r.sections[0].presenter.name == "un membre du collège Structures de l'ESS"
    # Consent withdrawn after approval is honoured by the public version of the approved minutes.
    people.update(store, council["people"]["François"], consent_publish=0)
    public = mn.view(store.db, council["first"], public=True).record
    assert "François Durand" not in [x.person.name for x in public.attendance.present]


def test_autosave_makes_one_history_entry_per_typing_session(store, council):
    minutes_id = mn.start(store, council["first"])
    mn.save_section(store, minutes_id, council["budget"], "Zoé")
    for text in ("Zoé pr", "Zoé présente", "Zoé présente le budget"):
        assert mn.save_section(store, minutes_id, council["budget"], text)
    assert not mn.save_section(store, minutes_id, council["budget"], "Zoé présente le budget")
    entries = [
        e
        for e in history.meeting_history(store.db, council["first"])
        if e.entity == "minutes_section"
    ]
    assert [e.action for e in entries] == ["create", "update"]
    (change,) = entries[1].changes
    assert (change.field, change.before, change.after) == (
        "summary",
        "Zoé",
        "Zoé présente le budget",
    )


def test_meeting_history_lists_minutes_decisions_and_errata(store, council):
    minutes_id = approved(store, council)
    mn.add_erratum(store, minutes_id, "Coquille", "Lire 2027.", recorded_on="2027-02-01")
    entries = history.meeting_history(store.db, council["first"])
    kinds = {(e.entity, e.action) for e in entries}
    assert {
        ("minutes", "create"),
        ("minutes", "update"),
        ("minutes_section", "create"),
        ("minutes_erratum", "create"),
        ("decision", "create"),
        ("vote", "create"),
        ("attendance", "create"),
    } <= kinds
    status_changes = [
        c
        for e in entries
        if (e.entity, e.action) == ("minutes", "update")
        for c in e.changes
        if c.field == "status"
    ]
    assert [(c.before, c.after) for c in status_changes] == [
        ("draft", "submitted"),
        ("submitted", "approved"),
    ]
    assert all(e.at and e.user for e in entries)
    assert "Procès-verbal — modification" in [e.what for e in entries]
    # Nothing from another meeting's minutes leaks into this history.
    assert all(e.entity_id != council["second"] or e.entity != "meeting" for e in entries)
