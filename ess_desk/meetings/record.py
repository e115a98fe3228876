"""One meeting and everything its documents read of it, loaded once.

The meeting pack and each of its parts, the sign-in sheet and the convocation letters are built
from one `MeetingRecord` that `load()` reads in a dozen queries (the meeting, its body, the
letterhead, the agenda with its timings, the annexes, the roster of the day with the expected
attendees and their substitutes, the attendance recorded and its count, the guests, the names of
the people the documents print, the colleges' seats, the votes): a builder is handed the record and never
fetches again what it holds.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ess_desk.council import Letterhead, get_letterhead
from ess_desk.meetings import agenda, annexes, meetings, presence, votes
from ess_desk.meetings import attendance as att
from ess_desk.meetings.votes import Vote
from ess_desk.membership import bodies, roster
from ess_desk.membership.roster import CollegeSeats, RosterEntry
from ess_desk.store import database

if TYPE_CHECKING:
    from sqlite_utils import Database


@dataclass(frozen=True)
class Named:
    """A person as the documents print them: their name, and whether they accept it published."""

    name: str
    consent_publish: bool


@dataclass(frozen=True)
class Guest:
    id: int
    name: str
    organisation: str


@dataclass(frozen=True)
class MeetingRecord:
    """A meeting as its documents read it (see the module's text)."""

    meeting: meetings.Meeting
    body: bodies.Body
    letterhead: Letterhead
    timetable: agenda.Timetable  # the agenda items, each with its start and end
    annexes: tuple[annexes.Annex, ...]  # every annex, in agenda order
    roster: tuple[RosterEntry, ...]  # the mandates expected that day (EXPECTED_ROLES)
    attendees: tuple[presence.Attendee, ...]  # the same, as the attendance sees them
    presences: tuple[att.Presence, ...]  # the attendance recorded
    count: att.Count  # the quorum count at the opening (presence.quorum)
    guests: tuple[Guest, ...]
    people: Mapping[int, Named]  # everyone on the roster and every presenter of an item
    colleges: tuple[CollegeSeats, ...]  # the body's colleges and their seats that day
    votes: tuple[Vote, ...]  # the votes taken, one an item at most

    @property
    def id(self) -> int:
        return self.meeting.id

    @property
    def items(self) -> list[agenda.AgendaItem]:
        return [timed.item for timed in self.timetable.items]


def named(db: Database, person_ids: set[int] | list[int]) -> dict[int, Named]:
    """The names of these people (one query), as `people.get(...).full_name` gives them."""
    ids = sorted(set(person_ids))
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    return {
        r["id"]: Named(f"{r['first_name']} {r['last_name']}".strip(), bool(r["consent_publish"]))
        for r in database.each_row(
            db,
            f"SELECT id, first_name, last_name, consent_publish FROM people WHERE id IN ({marks})",
            ids,
        )
    }


def _people(
    db: Database, expected: tuple[RosterEntry, ...], presenters: set[int]
) -> dict[int, Named]:
    """`named(db, presenters | the expected people)`, the expected ones' names taken from their
    roster entries (read from the same rows a moment ago): only the presenters who are not on
    the roster are read again; by id, as `named` gives them."""
    found = {
        e.person_id: Named(f"{e.first_name} {e.last_name}".strip(), e.consent_publish)
        for e in expected
    }
    found.update(named(db, presenters - found.keys()))
    return {person_id: found[person_id] for person_id in sorted(found)}


def load(db: Database, meeting_id: int) -> MeetingRecord:
    """The meeting `meeting_id` and what its documents read of it; an unknown meeting is a
    `UserError` (from `meetings.get`)."""
    meeting = meetings.get(db, meeting_id)
    body = bodies.get_body(db, meeting.body_id)
    items = agenda.items(db, meeting_id)
    entries = roster.roster(db, body.id, meeting.day)
    expected = tuple(e for e in entries if e.role in presence.EXPECTED_ROLES)
    attendees = tuple(presence.attendees_of(entries))
    recorded = tuple(presence.presences(db, meeting_id))
    presenters = {i.presenter_person_id for i in items if i.presenter_person_id}
    return MeetingRecord(
        meeting=meeting,
        body=body,
        letterhead=get_letterhead(db),
        timetable=agenda.timetable(items, meeting.start, meeting.end),
        annexes=tuple(annexes.list_annexes(db, meeting_id)),
        roster=expected,
        attendees=attendees,
        presences=recorded,
        count=presence.opening_count(meeting, body, attendees, recorded),
        guests=tuple(
            Guest(guest_id, name, organisation)
            for guest_id, name, organisation in presence.guests(db, meeting_id)
        ),
        people=_people(db, expected, presenters),
        colleges=tuple(roster.vacant_seats(db, body.id, meeting.day)),
        votes=tuple(votes.votes_of_meeting(db, meeting_id)),
    )
