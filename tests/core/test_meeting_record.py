"""A meeting's documents are built from one loaded record (ess_desk.meetings.record): the pack
in each variant, the sign-in sheet and the convocation read the meeting, its body, its roster,
agenda, annexes and attendance once; what the record gives equals what each per-id query
gives."""

from __future__ import annotations

import collections
import contextlib
import dataclasses
import re

import pytest

from ess_desk.documents import attendance_sheet, pack, sending_proof
from ess_desk.meetings import agenda, annexes, compliance, convening, meetings, presence
from ess_desk.meetings import record as meeting_record
from ess_desk.membership import people
from ess_desk.minutes import record as rec
from tests.core.test_pack import TODAY, prepare


@pytest.fixture
def council(store, tmp_path):
    return prepare(store, tmp_path)


ONCE = {"meeting": 1, "body": 1, "roster": 1, "agenda": 1, "annexes": 1, "attendance": 1}
# The pack also prints the minutes of the previous meeting to approve: that other meeting's
# record reads its body (the same) and the council's name again.
IN_THE_PACK = ONCE | {"body": 2, "council": 2}


def what_is_read(store, meeting_id: int) -> dict[str, re.Pattern]:
    """The statements that read the meeting's own records (one each when loaded once)."""
    meeting = meetings.get(store.db, meeting_id)
    day = meeting.day.isoformat()
    return {
        "meeting": re.compile(rf"FROM \[meetings\] WHERE id = {meeting_id}\b"),
        "body": re.compile(rf"FROM \[bodies\] WHERE id = {meeting.body_id}\b"),
        "roster": re.compile(rf"AS mandate_id, p\.id AS person_id.*start_date <= '{day}'", re.S),
        "agenda": re.compile(rf"FROM agenda_items WHERE meeting_id = {meeting_id}\b"),
        "annexes": re.compile(rf"FROM annexes a .*WHERE a\.meeting_id = {meeting_id}\b", re.S),
        "attendance": re.compile(rf"FROM attendance WHERE meeting_id = {meeting_id}$"),
        "council": re.compile(r"FROM settings WHERE key = 'council_name'"),
    }


@contextlib.contextmanager
def counting(store, meeting_id: int):
    patterns = what_is_read(store, meeting_id)
    seen: collections.Counter[str] = collections.Counter()

    def trace(statement: str) -> None:
        seen.update(key for key, pattern in patterns.items() if pattern.search(statement))

    store.db.conn.set_trace_callback(trace)
    try:
        yield seen
    finally:
        store.db.conn.set_trace_callback(None)


@pytest.mark.parametrize("variant", pack.VARIANTS)
def test_the_pack_reads_the_meeting_once_in_every_variant(store, council, tmp_path, variant):
    with counting(store, council["second"]) as seen:
        result = pack.build(
            store.db, council["second"], tmp_path / "dossier.pdf", variant=variant, today=TODAY
        )
    assert "Procès-verbal de la séance du 10/12/2026, à approuver" in result.sections
    assert dict(seen) == IN_THE_PACK


def test_the_sign_in_sheet_convocation_and_sending_proof_read_the_meeting_once(
    store, council, tmp_path
):
    with counting(store, council["second"]) as seen:
        attendance_sheet.build(store.db, council["second"], tmp_path / "emargement.pdf")
    assert dict(seen) == ONCE | {"council": 1}
    with counting(store, council["second"]) as seen:
        convening.load(store.db, council["second"], TODAY)
    assert dict(seen) == ONCE | {"council": 1}
    with counting(store, council["second"]) as seen:
        sending_proof.build(store.db, council["second"], tmp_path / "preuve.pdf")
    assert dict(seen) == ONCE | {"council": 1}


def test_the_records_people_and_attendees_are_those_read_and_made_one_by_one(store, council):
    # load takes the roster's people's names from its entries and reads only the presenters
    # off the roster; attendees_of sets each Attendee's and Expected's fields at once.
    guest = people.create(store, first_name="Inès", last_name="Invitée", consent_publish=False)
    agenda.create_item(store, council["second"], title="Un point", presenter_person_id=guest)
    for meeting_id in (council["first"], council["second"]):
        loaded = meeting_record.load(store.db, meeting_id)
        presenters = {i.presenter_person_id for i in loaded.items if i.presenter_person_id}
        names = meeting_record.named(store.db, presenters | {e.person_id for e in loaded.roster})
        assert list(loaded.people.items()) == list(names.items())
        assert len(loaded.attendees) > 5
        for attendee in loaded.attendees:
            made = dataclasses.replace(attendee, expected=dataclasses.replace(attendee.expected))
            assert list(vars(attendee).items()) == list(vars(made).items())
            assert list(vars(attendee.expected).items()) == list(vars(made.expected).items())
    assert loaded.people[guest] == meeting_record.Named("Inès Invitée", False)


def test_an_anonymised_member_is_named_in_the_record_as_named_gives_them(store, council):
    # (anonymisation empties the first name: the name is the last alone, no space before it)
    meeting_id = council["second"]
    member = meeting_record.load(store.db, meeting_id).roster[0].person_id
    with store.write() as db:
        db.execute("UPDATE people SET first_name = '' WHERE id = ?", [member])
    loaded = meeting_record.load(store.db, meeting_id)
    assert loaded.people[member] == meeting_record.named(store.db, [member])[member]
    assert not loaded.people[member].name.startswith(" ")


def test_what_the_record_holds_is_what_each_query_gives(store, council):
    for meeting_id in (council["first"], council["second"]):
        db = store.db
        loaded = meeting_record.load(db, meeting_id)
        assert loaded.id == meeting_id
        assert list(loaded.attendees) == presence.expected_attendees(db, meeting_id)
        assert loaded.count == presence.quorum(db, meeting_id)
        assert loaded.timetable == agenda.meeting_timetable(db, meeting_id)
        assert list(loaded.annexes) == annexes.list_annexes(db, meeting_id)
        assert rec.composed(db, loaded, "Marie", "20:15") == rec.compose(
            db, meeting_id, "Marie", "20:15"
        )
        assert compliance.check_loaded(db, loaded, TODAY) == compliance.check_meeting(
            db, meeting_id, TODAY
        )
        assert compliance.receipts_of(db, loaded) == compliance.notice_receipts(db, meeting_id)
    loaded = meeting_record.load(store.db, council["second"])
    assert convening.of_record(store.db, loaded, TODAY) == convening.load(
        store.db, council["second"], TODAY
    )
    # Who the pack names: everyone on the roster and each presenter, with their consent.
    presenters = {i.presenter_person_id for i in loaded.items if i.presenter_person_id}
    assert presenters <= loaded.people.keys()
    assert {e.person_id for e in loaded.roster} <= loaded.people.keys()
    zoe = loaded.people[council["people"]["Zoé"]]
    assert zoe == meeting_record.Named("Zoé Secrète", False)
