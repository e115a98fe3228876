"""Who sits where, at a date: rosters, vacant seats, mandates ending soon, a person's history."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING, Any

from ess_desk import audit
from ess_desk.dates import display
from ess_desk.membership.vocabulary import SEAT_ROLES
from ess_desk.store import Row, dict_rows, records, rows

if TYPE_CHECKING:
    from sqlite_utils import Database

ROLE_ORDER = (
    "CASE m.role WHEN 'president' THEN 0 WHEN 'co_president' THEN 1 WHEN 'vice_president' THEN 2 "
    "WHEN 'member' THEN 3 WHEN 'substitute' THEN 4 WHEN 'permanent_guest' THEN 5 ELSE 6 END"
)


@dataclass(frozen=True)
class RosterEntry:
    mandate_id: int
    person_id: int
    civility: str
    first_name: str
    last_name: str
    email: str
    phone: str
    organisation: str
    position: str
    address: str  # the person's own postal address (street lines), postcode and city
    postcode: str
    city: str
    college_id: int | None
    college: str
    voting: bool
    role: str
    start_date: str
    end_date: str | None
    substitute_for_id: int | None
    substitute_for_name: str
    consent_publish: bool
    substitutes: tuple[str, ...] = field(default=())
    consent_contact: bool = False  # accepts to be contacted: e-mail and phone shown to others

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"


def roster(db: Database, body_id: int, at: dt.date) -> list[RosterEntry]:
    """The mandates of a body in force on `at`, by college then role then name."""
    day = at.isoformat()
    found = dict_rows(
        db,
        f"""
        SELECT m.id AS mandate_id, p.id AS person_id, p.civility, p.first_name, p.last_name,
               p.email, p.phone, COALESCE(o.name, '') AS organisation, p.position,
               p.address, p.postcode, p.city,
               c.id AS college_id, COALESCE(c.name, '') AS college,
               COALESCE(c.voting, 1) AS college_votes, m.role, m.start_date, m.end_date,
               m.substitute_for_id,
               COALESCE(tp.first_name || ' ' || tp.last_name, '') AS substitute_for_name,
               p.consent_publish, p.consent_contact
        FROM mandates m
        JOIN people p ON p.id = m.person_id
        LEFT JOIN organisations o ON o.id = p.organisation_id
        LEFT JOIN colleges c ON c.id = m.college_id
        LEFT JOIN mandates tm ON tm.id = m.substitute_for_id
        LEFT JOIN people tp ON tp.id = tm.person_id
        WHERE m.body_id = ? AND m.start_date <= ? AND (m.end_date IS NULL OR m.end_date >= ?)
        ORDER BY c.id IS NULL, c.id, {ROLE_ORDER}, p.last_name COLLATE NOCASE, p.first_name
        """,
        [body_id, day, day],
    )
    substitutes: dict[int, list[str]] = {}
    for r in found:
        if r["substitute_for_id"] is not None:
            substitutes.setdefault(r["substitute_for_id"], []).append(
                f"{r['first_name']} {r['last_name']}"
            )
    entries = []
    for values in found:  # (each row's own dict)
        college_votes = values.pop("college_votes")
        values["voting"] = bool(college_votes) and values["role"] in SEAT_ROLES
        values["consent_publish"] = bool(values["consent_publish"])
        values["consent_contact"] = bool(values["consent_contact"])
        values["substitutes"] = tuple(substitutes.get(values["mandate_id"], ()))
        entries.append(_entry(values))
    return entries


_FIELDS = tuple(f.name for f in fields(RosterEntry))
_FIELD_NAMES = frozenset(_FIELDS)


def _entry(values: dict[str, Any]) -> RosterEntry:
    """`RosterEntry(**values)` when `values` holds every field (a busy body's 160 mandates,
    each a frozen dataclass of 22 fields set one `object.__setattr__` at a time): its fields
    set at once, in their order."""
    if values.keys() != _FIELD_NAMES:
        return RosterEntry(**values)
    entry = object.__new__(RosterEntry)
    entry.__dict__.update({name: values[name] for name in _FIELDS})
    return entry


@dataclass(frozen=True)
class CollegeSeats:
    college_id: int
    name: str
    seats: int | None
    voting: bool
    filled: int

    @property
    def vacant(self) -> int | None:
        return None if self.seats is None else max(0, self.seats - self.filled)


def vacant_seats(db: Database, body_id: int, at: dt.date) -> list[CollegeSeats]:
    day = at.isoformat()
    placeholders = ", ".join("?" for _r in SEAT_ROLES)
    found = rows(
        db,
        f"""
        SELECT c.id AS college_id, c.name, c.seats, c.voting,
               (SELECT COUNT(*) FROM mandates m WHERE m.college_id = c.id
                  AND m.role IN ({placeholders})
                  AND m.start_date <= ? AND (m.end_date IS NULL OR m.end_date >= ?)) AS filled
        FROM colleges c WHERE c.body_id = ? ORDER BY c.id
        """,
        [*sorted(SEAT_ROLES), day, day, body_id],
    )
    return [CollegeSeats(**{**dict(r), "voting": bool(r["voting"])}) for r in found]


@dataclass(frozen=True)
class EndingMandate:
    mandate_id: int
    person_id: int
    person_name: str
    body: str
    college: str
    role: str
    end_date: str


def mandates_ending(db: Database, within_days: int, today: dt.date) -> list[EndingMandate]:
    """Mandates in force today that end within `within_days` days, soonest first."""
    return records(
        db,
        EndingMandate,
        """
        SELECT m.id AS mandate_id, p.id AS person_id,
               p.first_name || ' ' || p.last_name AS person_name, b.name AS body,
               COALESCE(c.name, '') AS college, m.role, m.end_date
        FROM mandates m JOIN people p ON p.id = m.person_id JOIN bodies b ON b.id = m.body_id
        LEFT JOIN colleges c ON c.id = m.college_id
        WHERE m.end_date IS NOT NULL AND m.end_date >= ? AND m.end_date <= ? AND m.start_date <= ?
        ORDER BY m.end_date, p.last_name
        """,
        [
            today.isoformat(),
            (today + dt.timedelta(days=within_days)).isoformat(),
            today.isoformat(),
        ],
    )


@dataclass(frozen=True)
class HistoryMandate:
    mandate_id: int
    body: str
    college: str
    role: str
    start_date: str
    end_date: str | None
    substitute_for_name: str


def person_mandates(db: Database, person_id: int) -> list[HistoryMandate]:
    return records(
        db,
        HistoryMandate,
        """
        SELECT m.id AS mandate_id, b.name AS body, COALESCE(c.name, '') AS college, m.role,
               m.start_date, m.end_date,
               COALESCE(tp.first_name || ' ' || tp.last_name, '') AS substitute_for_name
        FROM mandates m JOIN bodies b ON b.id = m.body_id
        LEFT JOIN colleges c ON c.id = m.college_id
        LEFT JOIN mandates tm ON tm.id = m.substitute_for_id
        LEFT JOIN people tp ON tp.id = tm.person_id
        WHERE m.person_id = ? ORDER BY m.start_date DESC, b.name
        """,
        [person_id],
    )


def person_history(db: Database, person_id: int) -> dict[str, Any]:
    """A person's mandates, newest first, and the audit trail of their record."""
    return {
        "mandates": person_mandates(db, person_id),
        "changes": audit.history(db, "person", person_id),
    }


@dataclass(frozen=True)
class MemberRow:
    """One line of the Membres table: a person and their mandates in force at a date."""

    person_id: int
    last_name: str
    first_name: str
    email: str
    organisation: str
    bodies: str
    colleges: str
    roles: str
    next_end: str | None
    archived: bool

    def cells(self) -> tuple[str, ...]:
        """The texts of the Membres table's columns, in its order (the end of mandate as
        shown: 05/03/2027)."""
        end = display(self.next_end) if self.next_end else ""
        return (
            self.last_name,
            self.first_name,
            self.organisation,
            self.bodies,
            self.colleges,
            self.roles,
            end,
            self.email,
        )


def member_rows(db: Database, at: dt.date, include_archived: bool = False) -> list[MemberRow]:
    """Every person with their mandates in force on `at`, in one query."""
    from ess_desk.membership.vocabulary import ROLES, label

    day = at.isoformat()
    found = rows(
        db,
        """
        SELECT p.id AS person_id, p.last_name, p.first_name, p.email,
               COALESCE(o.name, '') AS organisation, p.archived, b.name AS body,
               COALESCE(c.name, '') AS college, m.role, m.end_date
        FROM people p
        LEFT JOIN organisations o ON o.id = p.organisation_id
        LEFT JOIN mandates m ON m.person_id = p.id AND m.start_date <= ?
             AND (m.end_date IS NULL OR m.end_date >= ?)
        LEFT JOIN bodies b ON b.id = m.body_id
        LEFT JOIN colleges c ON c.id = m.college_id
        WHERE p.archived = 0 OR ?
        ORDER BY p.last_name COLLATE NOCASE, p.first_name COLLATE NOCASE, p.id, b.id
        """,
        [day, day, include_archived],
    )
    out: list[MemberRow] = []
    mandates: list[Row] = []  # the person's mandates in force, in the order read

    def flush() -> None:
        if not mandates:
            return
        person = mandates[0]
        held = [m for m in mandates if m["body"] is not None]
        ends = [m["end_date"] for m in held if m["end_date"]]
        out.append(
            MemberRow(
                person_id=person["person_id"],
                last_name=person["last_name"],
                first_name=person["first_name"],
                email=person["email"],
                organisation=person["organisation"],
                bodies=" ; ".join(m["body"] for m in held),
                colleges=" ; ".join(dict.fromkeys(m["college"] for m in held if m["college"])),
                roles=" ; ".join(dict.fromkeys(label(ROLES, m["role"]) for m in held)),
                next_end=min(ends) if ends else None,
                archived=bool(person["archived"]),
            )
        )
        mandates.clear()

    for r in found:
        if mandates and mandates[0]["person_id"] != r["person_id"]:
            flush()
        mandates.append(r)
    flush()
    return out
