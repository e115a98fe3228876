"""Who sits where, at a date: rosters, vacant seats, mandates ending soon, a person's history."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ess_desk import audit
from ess_desk.dates import display
from ess_desk.membership.vocabulary import SEAT_ROLES

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

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"


def roster(db: Database, body_id: int, at: dt.date) -> list[RosterEntry]:
    """The mandates of a body in force on `at`, by college then role then name."""
    day = at.isoformat()
    rows = db.execute(
        f"""
        SELECT m.id, p.id, p.civility, p.first_name, p.last_name, p.email, p.phone,
               COALESCE(o.name, ''), p.position, c.id, COALESCE(c.name, ''), COALESCE(c.voting, 1),
               m.role, m.start_date, m.end_date, m.substitute_for_id,
               COALESCE(tp.first_name || ' ' || tp.last_name, ''), p.consent_publish
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
    ).fetchall()
    substitutes: dict[int, list[str]] = {}
    for r in rows:
        if r[15] is not None:
            substitutes.setdefault(r[15], []).append(f"{r[3]} {r[4]}")
    return [
        RosterEntry(
            mandate_id=r[0],
            person_id=r[1],
            civility=r[2],
            first_name=r[3],
            last_name=r[4],
            email=r[5],
            phone=r[6],
            organisation=r[7],
            position=r[8],
            college_id=r[9],
            college=r[10],
            voting=bool(r[11]) and r[12] in SEAT_ROLES,
            role=r[12],
            start_date=r[13],
            end_date=r[14],
            substitute_for_id=r[15],
            substitute_for_name=r[16],
            consent_publish=bool(r[17]),
            substitutes=tuple(substitutes.get(r[0], ())),
        )
        for r in rows
    ]


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
    rows = db.execute(
        f"""
        SELECT c.id, c.name, c.seats, c.voting,
               (SELECT COUNT(*) FROM mandates m WHERE m.college_id = c.id
                  AND m.role IN ({placeholders})
                  AND m.start_date <= ? AND (m.end_date IS NULL OR m.end_date >= ?))
        FROM colleges c WHERE c.body_id = ? ORDER BY c.id
        """,
        [*sorted(SEAT_ROLES), day, day, body_id],
    ).fetchall()
    return [CollegeSeats(r[0], r[1], r[2], bool(r[3]), r[4]) for r in rows]


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
    rows = db.execute(
        """
        SELECT m.id, p.id, p.first_name || ' ' || p.last_name, b.name, COALESCE(c.name, ''),
               m.role, m.end_date
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
    ).fetchall()
    return [EndingMandate(*r) for r in rows]


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
    rows = db.execute(
        """
        SELECT m.id, b.name, COALESCE(c.name, ''), m.role, m.start_date, m.end_date,
               COALESCE(tp.first_name || ' ' || tp.last_name, '')
        FROM mandates m JOIN bodies b ON b.id = m.body_id
        LEFT JOIN colleges c ON c.id = m.college_id
        LEFT JOIN mandates tm ON tm.id = m.substitute_for_id
        LEFT JOIN people tp ON tp.id = tm.person_id
        WHERE m.person_id = ? ORDER BY m.start_date DESC, b.name
        """,
        [person_id],
    ).fetchall()
    return [HistoryMandate(*r) for r in rows]


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
    rows = db.execute(
        """
        SELECT p.id, p.last_name, p.first_name, p.email, COALESCE(o.name, ''), p.archived,
               b.name, COALESCE(c.name, ''), m.role, m.end_date
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
    ).fetchall()
    out: list[MemberRow] = []
    current: list[Any] | None = None

    def flush() -> None:
        if current is not None:
            pid, last, first, email, org, archived, bodies_, colleges_, roles_, ends = current
            out.append(
                MemberRow(
                    pid,
                    last,
                    first,
                    email,
                    org,
                    " ; ".join(bodies_),
                    " ; ".join(dict.fromkeys(c for c in colleges_ if c)),
                    " ; ".join(dict.fromkeys(roles_)),
                    min(ends) if ends else None,
                    bool(archived),
                )
            )

    for r in rows:
        if current is None or current[0] != r[0]:
            flush()
            current = [r[0], r[1], r[2], r[3], r[4], r[5], [], [], [], []]
        if r[6] is not None:
            current[6].append(r[6])
            current[7].append(r[7])
            current[8].append(label(ROLES, r[8]))
            if r[9]:
                current[9].append(r[9])
    flush()
    return out
