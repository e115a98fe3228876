"""What the minutes say, as plain values: composed from the meeting's record, kept as the approved
snapshot (canonical JSON with its SHA-256), and rewritten without names for publication."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, overload

from ess_desk.i18n import _
from ess_desk.meetings import meetings, presence, votes
from ess_desk.meetings import record as meeting_record
from ess_desk.meetings.record import MeetingRecord
from ess_desk.membership import bodies, roster
from ess_desk.minutes import redaction
from ess_desk.store import database

if TYPE_CHECKING:
    from sqlite_utils import Database

# 2: the notice date, who presided when, remote members, arrival and departure times, withdrawals,
# roll-call and secret votes, reconvening (CGCT L. 2121-15). Version 1 snapshots read with
# defaults.
SNAPSHOT_VERSION = 2


@dataclass(frozen=True)
class PersonRef:
    """Someone named in the minutes, with what the public version needs to leave the name out."""

    name: str
    person_id: int | None = None
    college: str = ""
    organisation: str = ""
    guest: bool = False  # permanent guest or external guest
    member: bool = False  # holds a mandate on the body
    consent: bool = False  # consented to publication (read again at export time)
    civility: str = ""  # « M. », « Mme » or empty: « suppléant », « suppléante », « suppléant(e) »


@dataclass(frozen=True)
class AttendanceLine:
    person: PersonRef
    other: PersonRef | None = None  # proxy holder (représenté) or member replaced (suppléant)
    arrival: str | None = None  # "18:33" when recorded
    departure: str | None = None


@dataclass(frozen=True)
class ChairTurn:
    """Who presided from when (`from_time` None: from the opening) and why the chair changed."""

    person: PersonRef
    from_time: str | None = None
    reason: str = ""


@dataclass(frozen=True)
class Attendance:
    present: tuple[AttendanceLine, ...] = ()
    represented: tuple[AttendanceLine, ...] = ()
    excused: tuple[AttendanceLine, ...] = ()
    absent: tuple[AttendanceLine, ...] = ()
    substitutes: tuple[AttendanceLine, ...] = ()
    guests: tuple[AttendanceLine, ...] = ()
    in_office: int = 0
    present_count: int = 0
    represented_count: int = 0
    required: int = 0
    reached: bool = False
    remote: tuple[AttendanceLine, ...] = ()  # taking part by video or audio
    remote_count: int = 0
    waived: bool = False  # a reconvened meeting deliberating without quorum


ATTENDANCE_GROUPS = (
    "present",
    "remote",
    "represented",
    "excused",
    "absent",
    "substitutes",
    "guests",
)


@dataclass(frozen=True)
class CollegeVote:
    college: str
    votes_for: int
    votes_against: int
    abstentions: int
    not_voting: int


@dataclass(frozen=True)
class BallotLine:
    """One member's vote in a roll call, cast by themselves, their substitute or their proxy."""

    member: PersonRef
    choice: str
    cast_by: PersonRef | None = None  # None: the member voted in person
    by_proxy: bool = False


@dataclass(frozen=True)
class VoteRecord:
    votes_for: int
    votes_against: int
    abstentions: int
    not_voting: int
    outcome: str
    quorum_reached: bool
    casting_vote: str | None = None
    taken_at: str | None = None
    by_college: tuple[CollegeVote, ...] = ()
    kind: str = "open"
    blank: int = 0
    spoilt: int = 0
    chair_vote: str | None = None
    ballots: tuple[BallotLine, ...] = ()
    quorum_waived: bool = False


@dataclass(frozen=True)
class Withdrawal:
    """A member who left the meeting for one item (déport), with their civility for the sentence."""

    person: PersonRef
    civility: str = ""
    reason: str = ""


@dataclass(frozen=True)
class DecisionRecord:
    reference: str
    kind: str
    text: str


@dataclass(frozen=True)
class ActionRecord:
    title: str
    owner: PersonRef | None = None
    owner_text: str = ""  # an organisation, when no person carries the action
    due_date: str | None = None


@dataclass(frozen=True)
class Section:
    item_id: int
    position: int
    title: str
    kind: str
    presenter: PersonRef | None = None
    presenter_text: str = ""
    summary: str = ""
    vote: VoteRecord | None = None
    decisions: tuple[DecisionRecord, ...] = ()
    actions: tuple[ActionRecord, ...] = ()
    withdrawn: tuple[Withdrawal, ...] = ()


@dataclass(frozen=True)
class LawNotes:
    """What the minutes cite of the body's rules, and the reconvening of a failed quorum."""

    quorum_rule: str = ""  # « plus de la moitié des 8 membres en exercice »
    quorum_source: str = ""
    casting_source: str = ""
    withdrawal_source: str = ""
    reconvene_source: str = ""
    reconvenes_day: str | None = None  # this meeting was called again after that one's quorum
    reconvened_at: str | None = None  # this meeting's quorum failed; called again at that time


@dataclass(frozen=True)
class MinutesRecord:
    council: str
    body: str
    body_id: int
    meeting_id: int
    meeting_title: str
    meeting_kind: str
    starts_at: str
    place: str
    chair: tuple[PersonRef, ...]
    secretary: str
    opening_time: str | None
    closing_time: str | None
    attendance: Attendance
    sections: tuple[Section, ...] = field(default=())
    version: int = SNAPSHOT_VERSION
    law: LawNotes = field(default_factory=LawNotes)
    notice_sent_on: str | None = None
    presiding: tuple[ChairTurn, ...] = ()

    @property
    def start(self) -> dt.datetime:
        return dt.datetime.fromisoformat(self.starts_at)


# --- composing from the record ------------------------------------------------------------


def _ref(attendee: presence.Attendee) -> PersonRef:
    return PersonRef(
        name=attendee.name,
        person_id=attendee.person_id,
        college=attendee.college,
        organisation=attendee.organisation,
        guest=attendee.role == "permanent_guest",
        member=attendee.role != "permanent_guest",
        consent=attendee.consent_publish,
        civility=attendee.civility,
    )


def _attendance(loaded: MeetingRecord) -> Attendance:
    attendees = loaded.attendees
    by_mandate = {a.mandate_id: a for a in attendees}
    recorded = {p.mandate_id: p for p in loaded.presences}
    lists: dict[str, list[AttendanceLine]] = {k: [] for k in ATTENDANCE_GROUPS}

    def timed(ref: PersonRef, mandate_id: int, other: PersonRef | None = None) -> AttendanceLine:
        p = recorded.get(mandate_id)
        return AttendanceLine(ref, other, *_times(p))

    sitting_substitutes: set[int] = set()
    for a in attendees:
        p = recorded.get(a.mandate_id)
        status = p.status if p else "absent"
        ref = _ref(a)
        if a.role == "permanent_guest":
            if status in ("present", "remote"):
                lists["guests"].append(timed(ref, a.mandate_id))
            continue
        if a.role == "substitute":
            continue  # listed below when they sit or attend
        if status == "present":
            lists["present"].append(timed(ref, a.mandate_id))
        elif status == "remote":
            lists["remote"].append(timed(ref, a.mandate_id))
        elif status == "represented":
            holder = by_mandate.get(p.proxy_to) if p and p.proxy_to else None
            lists["represented"].append(AttendanceLine(ref, _ref(holder) if holder else None))
        elif status == "replaced":
            sub = by_mandate.get(p.replaced_by) if p and p.replaced_by else None
            lists["excused"].append(AttendanceLine(ref, _ref(sub) if sub else None))
            if sub is not None:
                sitting_substitutes.add(sub.mandate_id)
                lists["substitutes"].append(timed(_ref(sub), sub.mandate_id, ref))
        elif status == "excused":
            lists["excused"].append(AttendanceLine(ref))
        else:
            lists["absent"].append(AttendanceLine(ref))
    for a in attendees:
        p = recorded.get(a.mandate_id)
        # A substitute who attends without replacing anyone.
        attends_alone = a.role == "substitute" and a.mandate_id not in sitting_substitutes
        if attends_alone and p and p.status in ("present", "remote"):
            member = by_mandate.get(a.expected.substitute_for or -1)
            lists["substitutes"].append(
                timed(_ref(a), a.mandate_id, _ref(member) if member else None)
            )
    for guest in loaded.guests:
        lists["guests"].append(
            AttendanceLine(PersonRef(guest.name, organisation=guest.organisation, guest=True))
        )

    data = _stated_count(loaded)
    return Attendance(
        **{k: tuple(v) for k, v in lists.items()},
        in_office=data["in_office"],
        present_count=data["present"],
        represented_count=data["represented"],
        required=data["required"],
        reached=bool(data.get("reached", data["present"] >= data["required"])),
        remote_count=data.get("remote", 0),
        waived=bool(data.get("waived", False)),
    )


def _stated_count(loaded: MeetingRecord) -> dict[str, Any]:
    """The count the minutes state: the one recorded at the opening, else today's."""
    if loaded.meeting.opening_quorum:
        stated: dict[str, Any] = json.loads(loaded.meeting.opening_quorum)
        return stated
    counted: dict[str, Any] = json.loads(presence.count_as_json(loaded.count))
    return counted


def _times(p: Any) -> tuple[str | None, str | None]:
    """The arrival and departure recorded for someone (the wording says them only where they
    differ from the meeting's opening and closing)."""
    if p is None:
        return None, None
    return (
        p.arrival.isoformat(timespec="minutes") if p.arrival else None,
        p.departure.isoformat(timespec="minutes") if p.departure else None,
    )


def notice_sent_on(db: Database, meeting: meetings.Meeting) -> str | None:
    """The day the notice of the meeting went out: the last convocation the mail server accepted
    or the last letter posted (the outbox, where it exists), else the day recorded by hand."""
    tables = set(db.table_names())
    days = [meeting.notice_sent_on[:10]] if meeting.notice_sent_on else []
    found = []
    if "outbox" in tables:
        found.append(
            database.scalar(
                db,
                "SELECT MAX(sent_at) FROM outbox WHERE meeting_id = ? AND purpose = 'convocation' "
                "AND status = 'sent'",
                [meeting.id],
            )
        )
    if "posted_letters" in tables:
        found.append(
            database.scalar(
                db,
                "SELECT MAX(posted_on) FROM posted_letters WHERE meeting_id = ? "
                "AND purpose = 'convocation'",
                [meeting.id],
            )
        )
    found = [f[:10] for f in found if f]
    if found:
        return max(found)
    return days[0] if days else None


def _presiding(
    db: Database,
    meeting: meetings.Meeting,
    chair: tuple[PersonRef, ...],
    lines: list,
    known: dict[int, PersonRef],
) -> tuple[ChairTurn, ...]:
    """Who presided: the turns recorded for the meeting (`meeting_chairs`), else the body's
    president(s) who were there at the opening — a co-chair who arrived later did not open it."""
    rows = database.rows(
        db,
        "SELECT person_id, from_time, reason FROM meeting_chairs WHERE meeting_id = ? "
        "ORDER BY from_time IS NOT NULL, from_time, id",
        [meeting.id],
    )
    known = {**known, **{c.person_id: c for c in chair if c.person_id is not None}}
    turns = []
    for r in rows:
        person = _person(db, r["person_id"], known)
        if person is not None:
            turns.append(ChairTurn(person, r["from_time"], r["reason"]))
    if any(t.from_time is None for t in turns):
        return tuple(turns)
    opening = meeting.opening_time or meeting.start.time().isoformat(timespec="minutes")
    there = {
        line.person.person_id: line
        for line in lines
        if line.person.person_id is not None and (line.arrival is None or line.arrival <= opening)
    }
    return tuple([ChairTurn(c) for c in chair if c.person_id in there] + turns)


def _chair(entries: tuple[roster.RosterEntry, ...]) -> tuple[PersonRef, ...]:
    """The body's president or co-presidents in office on the day of the meeting (`entries`:
    the roster of that day)."""
    out = []
    for entry in entries:
        if entry.role in ("president", "co_president"):
            out.append(
                PersonRef(
                    name=entry.full_name,
                    person_id=entry.person_id,
                    college=entry.college,
                    organisation=entry.organisation,
                    member=True,
                    consent=entry.consent_publish,
                )
            )
    return tuple(out)


def _person(db: Database, person_id: int, attendees: dict[int, PersonRef]) -> PersonRef | None:
    if person_id in attendees:
        return attendees[person_id]
    row = database.row(
        db,
        "SELECT first_name || ' ' || last_name AS name, consent_publish FROM people WHERE id = ?",
        [person_id],
    )
    if row is None:
        return None
    return PersonRef(name=row["name"], person_id=person_id, consent=bool(row["consent_publish"]))


def _ballots(db: Database, vote: votes.Vote, refs: dict[int, PersonRef]) -> tuple[BallotLine, ...]:
    """The roll call: each member and their vote, by whom it was cast when not in person."""
    represented = set(
        database.column(
            db,
            "SELECT mandate_id FROM attendance WHERE meeting_id = ? AND status = 'represented'",
            [vote.meeting_id],
        )
    )
    out = []
    for b in votes.ballots_of(db, vote.id):
        member = refs.get(b.mandate_id) or PersonRef(name=b.name, member=True)
        by = None
        if b.cast_by_mandate_id != b.mandate_id:
            by = refs.get(b.cast_by_mandate_id) or PersonRef(name=b.cast_by_name, member=True)
        out.append(BallotLine(member, b.choice, by, by_proxy=b.mandate_id in represented))
    return tuple(out)


def _vote(
    db: Database, vote: votes.Vote | None, refs: dict[int, PersonRef] | None = None
) -> VoteRecord | None:
    if vote is None:
        return None
    return VoteRecord(
        votes_for=vote.votes_for,
        votes_against=vote.votes_against,
        abstentions=vote.abstentions,
        not_voting=vote.not_voting,
        outcome=vote.outcome,
        quorum_reached=vote.quorum_reached,
        casting_vote=vote.casting_vote,
        taken_at=vote.taken_at,
        by_college=tuple(
            CollegeVote(
                college,
                c.get("votes_for", 0),
                c.get("votes_against", 0),
                c.get("abstentions", 0),
                c.get("not_voting", 0),
            )
            for college, c in (vote.by_college or {}).items()
        ),
        kind=vote.kind,
        blank=vote.blank,
        spoilt=vote.spoilt,
        chair_vote=vote.chair_vote,
        ballots=_ballots(db, vote, refs or {}) if vote.kind == "roll_call" else (),
        quorum_waived=bool(vote.quorum.get("waived", False)),
    )


def _actions(
    db: Database, meeting_id: int, attendees: dict[int, PersonRef]
) -> dict[int, list[ActionRecord]]:
    """Actions decided at the meeting, by agenda item (the follow-up table may be absent)."""
    if "actions" not in db.table_names():
        return {}
    rows = database.rows(
        db,
        "SELECT a.item_id, a.title, a.owner_person_id, COALESCE(o.name, '') AS organisation, "
        "a.due_date FROM actions a LEFT JOIN organisations o ON o.id = a.owner_organisation_id "
        "WHERE a.meeting_id = ? AND a.item_id IS NOT NULL ORDER BY a.id",
        [meeting_id],
    )
    out: dict[int, list[ActionRecord]] = {}
    for r in rows:
        owner_id = r["owner_person_id"]
        owner = _person(db, owner_id, attendees) if owner_id else None
        out.setdefault(r["item_id"], []).append(
            ActionRecord(r["title"], owner, r["organisation"], r["due_date"])
        )
    return out


def _withdrawal(
    db: Database, refs: dict[int, PersonRef], mandate_id: int, reason: str
) -> Withdrawal:
    row = database.row(
        db,
        "SELECT p.civility, p.first_name || ' ' || p.last_name AS name FROM mandates m "
        "JOIN people p ON p.id = m.person_id WHERE m.id = ?",
        [mandate_id],
    )
    person = refs.get(mandate_id) or PersonRef(name=row["name"] if row else "?", member=True)
    return Withdrawal(person, row["civility"] if row else "", reason)


def _law(db: Database, meeting: meetings.Meeting, body: bodies.Body, in_office: int) -> LawNotes:
    first = (
        meetings.get(db, meeting.reconvenes_meeting_id) if meeting.reconvenes_meeting_id else None
    )
    again = meetings.reconvened_by(db, meeting.id)
    return LawNotes(
        quorum_rule=body.quorum_rule(in_office),
        quorum_source=body.source("quorum"),
        casting_source=body.source("chair_casting_vote"),
        withdrawal_source=body.source("withdrawal"),
        reconvene_source=body.source("reconvene"),
        reconvenes_day=first.day.isoformat() if first else None,
        reconvened_at=again.starts_at if again else None,
    )


def compose(
    db: Database, meeting_id: int, secretary: str = "", closing: str | None = None
) -> MinutesRecord:
    """The minutes as the record says them today (drafts, and the text frozen at approval)."""
    return composed(db, meeting_record.load(db, meeting_id), secretary, closing)


def composed(
    db: Database, loaded: MeetingRecord, secretary: str = "", closing: str | None = None
) -> MinutesRecord:
    """`compose` from the meeting's loaded record (`db` for what it does not hold: the texts,
    decisions, actions, withdrawals and roll calls of the minutes)."""
    from ess_desk.minutes import decisions as decisions_mod

    meeting, body, meeting_id = loaded.meeting, loaded.body, loaded.id
    attendance = _attendance(loaded)
    by_person = {}
    for group in (getattr(attendance, g) for g in ATTENDANCE_GROUPS):
        for line in group:
            if line.person.person_id is not None:
                by_person[line.person.person_id] = line.person
    summaries = {
        r["item_id"]: r["summary"]
        for r in database.each_row(
            db,
            "SELECT s.item_id, s.summary FROM minutes_sections s JOIN minutes m "
            "ON m.id = s.minutes_id WHERE m.meeting_id = ?",
            [meeting_id],
        )
    }
    decided: dict[int, list[DecisionRecord]] = {}
    for d in decisions_mod.decisions_of_meeting(db, meeting_id):
        decided.setdefault(d.item_id, []).append(DecisionRecord(d.reference, d.kind, d.text))
    actions = _actions(db, meeting_id, by_person)
    by_mandate = {a.mandate_id: _ref(a) for a in loaded.attendees}
    voted = {v.item_id: v for v in loaded.votes}
    withdrawals: dict[int, list[tuple[int, str]]] = {}
    for r in database.each_row(
        db,
        "SELECT item_id, mandate_id, reason FROM withdrawals WHERE meeting_id = ? ORDER BY id",
        [meeting_id],
    ):
        withdrawals.setdefault(r["item_id"], []).append((r["mandate_id"], r["reason"]))
    sections = []
    for position, item in enumerate(loaded.items, start=1):
        presenter = (
            _person(db, item.presenter_person_id, by_person) if item.presenter_person_id else None
        )
        sections.append(
            Section(
                item_id=item.id,
                position=position,
                title=item.title,
                kind=item.kind,
                presenter=presenter,
                presenter_text=item.presenter_text,
                summary=summaries.get(item.id, ""),
                vote=_vote(db, voted.get(item.id), by_mandate),
                withdrawn=tuple(
                    _withdrawal(db, by_mandate, mandate_id, reason)
                    for mandate_id, reason in withdrawals.get(item.id, [])
                ),
                decisions=tuple(decided.get(item.id, ())),
                actions=tuple(actions.get(item.id, ())),
            )
        )
    chair = _chair(loaded.roster)
    sitting = [*attendance.present, *attendance.remote]
    return MinutesRecord(
        notice_sent_on=notice_sent_on(db, meeting),
        presiding=_presiding(db, meeting, chair, sitting, by_person),
        council=loaded.letterhead.name,
        body=body.name,
        body_id=body.id,
        meeting_id=meeting.id,
        meeting_title=meeting.title,
        meeting_kind=meeting.kind,
        starts_at=meeting.starts_at,
        place=meeting.place,
        chair=chair,
        secretary=secretary,
        opening_time=meeting.opening_time,
        closing_time=closing,
        attendance=attendance,
        sections=tuple(sections),
        law=_law(db, meeting, body, attendance.in_office),
    )


# --- the approved snapshot ----------------------------------------------------------------


def to_json(record: MinutesRecord) -> str:
    """Canonical JSON: the same record always gives the same text, hence the same digest. The
    text is exactly `json.dumps(dataclasses.asdict(record), ensure_ascii=False, sort_keys=True,
    indent=1)`, written by `_canonical` (a test holds them together): json's own indented
    writer is pure Python and four times slower, and a council approves thousands of minutes."""
    return _canonical(record, "\n")


def _canonical(value: Any, newline: str) -> str:
    """`value` as json.dumps(…, ensure_ascii=False, sort_keys=True, indent=1) writes it, at the
    depth whose line break (with its indent) is `newline`."""
    if isinstance(value, str):
        return _STRING(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if type(value) is int:
        return int.__repr__(value)
    inner = newline + " "
    keys = _FIELDS.get(type(value))
    if keys is None and dataclasses.is_dataclass(value) and not isinstance(value, type):
        keys = _FIELDS[type(value)] = tuple(
            (n, _STRING(n) + ": ") for n in sorted(f.name for f in dataclasses.fields(value))
        )
    if keys is not None:
        return _fields(value, keys, newline) if keys else "{}"
    if isinstance(value, list | tuple):
        if not value:
            return "[]"
        return "[" + inner + ("," + inner).join(_canonical(v, inner) for v in value) + newline + "]"
    if isinstance(value, dict) and all(type(k) is str for k in value):
        if not value:
            return "{}"
        items = (f"{_STRING(k)}: {_canonical(value[k], inner)}" for k in sorted(value))
        return "{" + inner + ("," + inner).join(items) + newline + "}"
    # Anything else (a float, an odd key): json itself, at this depth.
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, indent=1)
    return text.replace("\n", newline)


def _fields(value: Any, keys: tuple[tuple[str, str], ...], newline: str) -> str:
    """A dataclass's fields as `_canonical` writes them: the plain values (most of a snapshot:
    texts, numbers, nulls) here, without a call of their own, the others at the next depth."""
    inner = newline + " "
    items = []
    for name, key in keys:
        field_value = getattr(value, name)
        kind = type(field_value)
        if kind is str:
            items.append(key + _STRING(field_value))
        elif field_value is None:
            items.append(key + "null")
        elif kind is int:
            items.append(key + int.__repr__(field_value))
        else:
            items.append(key + _canonical(field_value, inner))
    return "{" + inner + ("," + inner).join(items) + newline + "}"


_STRING = json.encoder.encode_basestring  # json's own C writer of a string (ensure_ascii=False)
# A dataclass's fields in the order of their names, each with its key as written ('"name": ').
_FIELDS: dict[type, tuple[tuple[str, str], ...]] = {}


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _person_ref(data: dict[str, Any]) -> PersonRef:
    """`PersonRef(**data)`: when `data` holds every field (as a snapshot written since the last
    field came does), its fields set at once, in their order, rather than one
    `object.__setattr__` a field (a busy meeting's minutes name some 170 people); otherwise
    through the class, its defaults and its TypeError."""
    if type(data) is not dict or data.keys() != _PERSON_FIELDS.keys():
        return PersonRef(**data)
    person = object.__new__(PersonRef)
    person.__dict__.update({name: data[name] for name in _PERSON_FIELDS})
    return person


# PersonRef's fields, in their order.
_PERSON_FIELDS = dict.fromkeys(f.name for f in dataclasses.fields(PersonRef))


def _person_from(data: dict[str, Any] | None) -> PersonRef | None:
    return _person_ref(data) if data else None


def _someone(data: dict[str, Any] | None) -> PersonRef:
    """A person the snapshot must name (a damaged one raises ValueError)."""
    if not data:
        raise ValueError("a person is missing from the snapshot")
    return _person_ref(data)


def _grouped(base: Attendance, group: Callable[[str], tuple[AttendanceLine, ...]]) -> Attendance:
    """`base` with each of its groups of people (ATTENDANCE_GROUPS) made by `group(name)`."""
    return dataclasses.replace(
        base,
        present=group("present"),
        remote=group("remote"),
        represented=group("represented"),
        excused=group("excused"),
        absent=group("absent"),
        substitutes=group("substitutes"),
        guests=group("guests"),
    )


def _line_from(data: dict[str, Any]) -> AttendanceLine:
    # (its four fields set at once, in their order: `AttendanceLine(...)` sets them one
    # `object.__setattr__` at a time, for each of a busy meeting's 160 lines)
    line = object.__new__(AttendanceLine)
    line.__dict__.update(
        person=_someone(data["person"]),
        other=_person_from(data.get("other")),
        arrival=data.get("arrival"),
        departure=data.get("departure"),
    )
    return line


def from_json(text: str) -> MinutesRecord:
    """Read an approved snapshot back (raises ValueError/KeyError/TypeError when damaged)."""
    data = json.loads(text)
    att = data["attendance"]
    attendance = _grouped(
        Attendance(
            in_office=att["in_office"],
            present_count=att["present_count"],
            represented_count=att["represented_count"],
            required=att["required"],
            reached=bool(att["reached"]),
            remote_count=att.get("remote_count", 0),
            waived=bool(att.get("waived", False)),
        ),
        lambda group: tuple(_line_from(x) for x in att.get(group, ())),
    )
    sections = []
    for s in data["sections"]:
        vote = None
        if s["vote"]:
            v = dict(s["vote"])
            v["by_college"] = tuple(CollegeVote(**c) for c in v["by_college"])
            v["ballots"] = tuple(
                BallotLine(
                    _someone(b["member"]),
                    b["choice"],
                    _person_from(b.get("cast_by")),
                    bool(b.get("by_proxy")),
                )
                for b in v.get("ballots", ())
            )
            vote = VoteRecord(**v)
        sections.append(
            Section(
                item_id=s["item_id"],
                position=s["position"],
                title=s["title"],
                kind=s["kind"],
                presenter=_person_from(s["presenter"]),
                presenter_text=s["presenter_text"],
                summary=s["summary"],
                vote=vote,
                decisions=tuple(DecisionRecord(**d) for d in s["decisions"]),
                actions=tuple(
                    ActionRecord(
                        a["title"], _person_from(a["owner"]), a["owner_text"], a["due_date"]
                    )
                    for a in s["actions"]
                ),
                withdrawn=tuple(
                    Withdrawal(_someone(w["person"]), w.get("civility", ""), w.get("reason", ""))
                    for w in s.get("withdrawn", ())
                ),
            )
        )
    scalars = {
        k: data[k]
        for k in (
            "council",
            "body",
            "body_id",
            "meeting_id",
            "meeting_title",
            "meeting_kind",
            "starts_at",
            "place",
            "secretary",
            "opening_time",
            "closing_time",
            "version",
        )
    }
    return MinutesRecord(
        **scalars,
        notice_sent_on=data.get("notice_sent_on"),
        presiding=tuple(
            ChairTurn(_person_ref(t["person"]), t["from_time"], t["reason"])
            for t in data.get("presiding", ())
        ),
        chair=tuple(_person_ref(c) for c in data["chair"]),
        attendance=attendance,
        sections=tuple(sections),
        law=LawNotes(**data.get("law", {})),
    )


# --- the public version -------------------------------------------------------------------


_SENTENCE_START = re.compile(r"(?:^|[.!?]\s+|\n\s*(?:[-*•]\s+)?)$")


def public_label(person: PersonRef) -> str:
    """How someone who did not consent to publication appears in the public version."""
    if person.guest:
        return _("un(e) invité(e)")
    if person.college:
        return _("un membre du collège {college}").format(college=person.college)
    if person.member:
        return _("un membre de l'instance")
    return _("une personne")


class Publication:
    """Rewrites a record for publication: names of people without consent become a description,
    in the lists and in every free text (summaries, decisions, errata)."""

    def __init__(self, db: Database, record: MinutesRecord):
        # Consent is read today: a person may have withdrawn it since the minutes were approved.
        self._db = db
        named = _people_of(record)
        self._consent: dict[int, bool] = {}
        self._read_consent({p.person_id for p in named if p.person_id is not None})
        replacements: dict[str, str] = {}
        anyone = _("une personne")
        for r in database.each_row(
            db, "SELECT first_name, last_name FROM people WHERE NOT consent_publish ORDER BY id"
        ):
            first, last = r["first_name"], r["last_name"]
            if f"{first}{last}".strip():
                for name in (f"{first} {last}", f"{last} {first}"):
                    replacements.setdefault(redaction.folded(name.strip()), anyone)
        # People named in the record get their more precise description.
        for person in named:
            if not self.allowed(person):
                replacements[redaction.folded(person.name.strip())] = public_label(person)
        self._labels = replacements
        # (the longest first: « Marie Dupont Durand » before « Marie Dupont »)
        self._redactor = redaction.Redactor(
            sorted((n for n in replacements if n), key=len, reverse=True), self._replacement
        )

    def _read_consent(self, person_ids: set[int]) -> None:
        """Whether these people consent to publication (no one unknown does)."""
        ids = sorted(person_ids - self._consent.keys())
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            self._consent.update(dict.fromkeys(chunk, False))
            marks = ", ".join("?" * len(chunk))
            for r in database.each_row(
                self._db, f"SELECT id, consent_publish FROM people WHERE id IN ({marks})", chunk
            ):
                self._consent[r["id"]] = bool(r["consent_publish"])

    def allowed(self, person: PersonRef) -> bool:
        if person.person_id is None:
            return False  # an external guest never gave consent
        if person.person_id not in self._consent:
            self._read_consent({person.person_id})
        return self._consent[person.person_id]

    def _replacement(self, value: str) -> Callable[[str, int], str]:
        def replace(name: str, start: int) -> str:
            words = self._labels[name]  # (the name matched, folded: never the text's letters)
            # « Zoé Secrète présente… » → « Un membre du collège … présente… »
            if _SENTENCE_START.search(value[:start]):
                words = words[:1].upper() + words[1:]
            return words

        return replace

    def text(self, value: str) -> str:
        return self._redactor.text(value)

    @overload
    def person(self, person: PersonRef) -> PersonRef: ...

    @overload
    def person(self, person: None) -> None: ...

    def person(self, person: PersonRef | None) -> PersonRef | None:
        if person is None or self.allowed(person):
            return person
        return dataclasses.replace(person, name=public_label(person), organisation="")

    def line(self, line: AttendanceLine) -> AttendanceLine:
        return dataclasses.replace(
            line,
            person=self.person(line.person),
            other=self.person(line.other),
        )

    def vote(self, vote: VoteRecord | None) -> VoteRecord | None:
        if vote is None or not vote.ballots:
            return vote
        return dataclasses.replace(
            vote,
            ballots=tuple(
                dataclasses.replace(b, member=self.person(b.member), cast_by=self.person(b.cast_by))
                for b in vote.ballots
            ),
        )

    def record(self, record: MinutesRecord) -> MinutesRecord:
        att = record.attendance
        attendance = _grouped(att, lambda group: tuple(self.line(x) for x in getattr(att, group)))
        sections = tuple(
            dataclasses.replace(
                s,
                title=self.text(s.title),
                presenter=self.person(s.presenter),
                presenter_text=self.text(s.presenter_text),
                summary=self.text(s.summary),
                decisions=tuple(
                    dataclasses.replace(d, text=self.text(d.text)) for d in s.decisions
                ),
                actions=tuple(
                    dataclasses.replace(a, title=self.text(a.title), owner=self.person(a.owner))
                    for a in s.actions
                ),
                vote=self.vote(s.vote),
                withdrawn=tuple(
                    dataclasses.replace(w, person=self.person(w.person), reason="")
                    for w in s.withdrawn
                ),
            )
            for s in record.sections
        )
        return dataclasses.replace(
            record,
            chair=tuple(self.person(c) for c in record.chair),
            presiding=tuple(
                dataclasses.replace(t, person=self.person(t.person), reason=self.text(t.reason))
                for t in record.presiding
            ),
            secretary=self.text(record.secretary),
            attendance=attendance,
            sections=sections,
        )


def _people_of(record: MinutesRecord) -> list[PersonRef]:
    out = list(record.chair) + [t.person for t in record.presiding]
    att = record.attendance
    for group in (getattr(att, g) for g in ATTENDANCE_GROUPS):
        for line in group:
            out.append(line.person)
            if line.other is not None:
                out.append(line.other)
    for s in record.sections:
        if s.presenter is not None:
            out.append(s.presenter)
        out += [a.owner for a in s.actions if a.owner is not None]
        out += [w.person for w in s.withdrawn]
        if s.vote is not None:
            out += [b.member for b in s.vote.ballots]
    return out
