"""Participation: how often the members expected at the meetings held over a period took part,
by member, by organisation and by college.

The rate, as the window and the export explain it:

- the meetings counted are those **held** (status « tenue » or « close ») in the period, of one
  body or of all, whose attendance was recorded (a meeting without any attendance entered would
  count everyone absent: it is left out and reported apart);
- a person is **expected** at such a meeting when they hold a seat of the body that day (titular
  member, president, co-president, vice-president); substitutes and permanent guests are not
  expected, they come in someone's place or as guests;
- they **took part** when recorded present (in the room or remote), represented by a proxy (« représenté(e) ») or
  replaced by their substitute (« remplacé(e) par son suppléant »): their seat was held;
- rate = took part ÷ expected.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ess_desk.errors import UserError
from ess_desk.i18n import _
from ess_desk.membership.vocabulary import SEAT_ROLES
from ess_desk.store import database
from ess_desk.text import fold

if TYPE_CHECKING:
    from sqlite_utils import Database

HELD = ("held", "closed")
_SEATS = "(" + ", ".join(f"'{r}'" for r in sorted(SEAT_ROLES)) + ")"
_HELD = "(" + ", ".join(f"'{s}'" for s in HELD) + ")"

BY_MEMBER = "member"
BY_ORGANISATION = "organisation"
BY_COLLEGE = "college"
GROUPINGS = (BY_MEMBER, BY_ORGANISATION, BY_COLLEGE)


@dataclass(frozen=True)
class Tally:
    """Expected attendances and what became of them."""

    expected: int = 0
    present: int = 0
    represented: int = 0  # by a proxy
    replaced: int = 0  # by their substitute
    excused: int = 0
    absent: int = 0  # recorded absent, or nothing recorded for them

    @property
    def took_part(self) -> int:
        return self.present + self.represented + self.replaced

    @property
    def rate(self) -> float | None:
        """Took part ÷ expected, from 0 to 1; None when nobody was expected."""
        return self.took_part / self.expected if self.expected else None

    def __add__(self, other: Tally) -> Tally:
        return Tally(
            self.expected + other.expected,
            self.present + other.present,
            self.represented + other.represented,
            self.replaced + other.replaced,
            self.excused + other.excused,
            self.absent + other.absent,
        )


def total(tallies: Iterable[Tally]) -> Tally:
    out = Tally()
    for tally in tallies:
        out += tally
    return out


_TALLIED = tuple(f.name for f in dataclasses.fields(Tally))  # the tally's columns, by name


@dataclass(frozen=True)
class ParticipationRow:
    """One line: a person, an organisation or a college, with its tally."""

    key: int | None  # person, organisation or college id (None: people without organisation)
    label: str
    detail: str  # a person's organisation, an organisation's kind of line, a college's body
    tally: Tally


@dataclass(frozen=True)
class Participation:
    start: dt.date
    end: dt.date
    body_id: int | None
    meetings: int  # held meetings counted
    unrecorded: int  # held meetings of the period left out: no attendance recorded
    overall: Tally
    by_member: list[ParticipationRow] = field(default_factory=list)
    by_organisation: list[ParticipationRow] = field(default_factory=list)
    by_college: list[ParticipationRow] = field(default_factory=list)

    def rows(self, grouping: str) -> list[ParticipationRow]:
        if grouping not in GROUPINGS:
            raise UserError(_("Regroupement inconnu : « {value} ».").format(value=grouping))
        return {
            BY_MEMBER: self.by_member,
            BY_ORGANISATION: self.by_organisation,
            BY_COLLEGE: self.by_college,
        }[grouping]


def _held_where(body_id: int | None) -> str:
    where = f"m.status IN {_HELD} AND m.starts_at >= :start AND m.starts_at < :after"
    if body_id is not None:
        where += " AND m.body_id = :body_id"
    return where


def participation(
    db: Database, start: dt.date, end: dt.date, body_id: int | None = None
) -> Participation:
    """Attendance rates over the meetings held from `start` to `end` (both included), of one
    body or of all (see the module's note for what is counted)."""
    if start > end:
        raise UserError(
            _("Le début de la période ({start}) doit précéder sa fin ({end}).").format(
                start=start.strftime("%d/%m/%Y"), end=end.strftime("%d/%m/%Y")
            ),
            field="start",
        )
    params = {
        "start": start.isoformat(),
        "after": (end + dt.timedelta(days=1)).isoformat(),
        "body_id": body_id,
    }
    recorded = "EXISTS (SELECT 1 FROM attendance a WHERE a.meeting_id = m.id)"
    where = _held_where(body_id)
    counts = database.row(
        db,
        f"SELECT COUNT(*) AS meetings, COALESCE(SUM({recorded}), 0) AS with_attendance "
        f"FROM meetings m WHERE {where}",
        params,
    )
    assert counts is not None  # an aggregate always reads one row
    meetings, with_attendance = counts["meetings"], counts["with_attendance"]
    # One row per (person, college): each expected seat-holder at each meeting held, with what
    # was recorded for them (nothing recorded counts as absent, as the sign-in sheet has it).
    rows = database.rows(
        db,
        f"""
        WITH held AS (
            SELECT m.id, m.body_id, substr(m.starts_at, 1, 10) AS day FROM meetings m
            WHERE {where} AND {recorded}
        )
        SELECT md.person_id, md.college_id, COUNT(*) AS expected,
               COALESCE(SUM(a.status IN ('present', 'remote')), 0) AS present,
               COALESCE(SUM(a.status = 'represented'), 0) AS represented,
               COALESCE(SUM(a.status = 'replaced'), 0) AS replaced,
               COALESCE(SUM(a.status = 'excused'), 0) AS excused,
               COALESCE(SUM(a.status IS NULL OR a.status = 'absent'), 0) AS absent
        FROM held h
        JOIN mandates md ON md.body_id = h.body_id AND md.start_date <= h.day
             AND (md.end_date IS NULL OR md.end_date >= h.day) AND md.role IN {_SEATS}
        LEFT JOIN attendance a ON a.meeting_id = h.id AND a.mandate_id = md.id
        GROUP BY md.person_id, md.college_id
        """,
        params,
    )
    seats = [(r["person_id"], r["college_id"], Tally(**{c: r[c] for c in _TALLIED})) for r in rows]
    return Participation(
        start=start,
        end=end,
        body_id=body_id,
        meetings=with_attendance,
        unrecorded=meetings - with_attendance,
        overall=total(t for _p, _c, t in seats),
        by_member=_by_member(db, seats),
        by_organisation=_by_organisation(db, seats),
        by_college=_by_college(db, seats, one_body=body_id is not None),
    )


def _ids(values: Iterable[int | None]) -> str:
    return "(" + ", ".join(str(int(v)) for v in set(values) if v is not None) + ")"


def _by_member(db: Database, seats: list[tuple[int, int | None, Tally]]) -> list[ParticipationRow]:
    tallies: dict[int, Tally] = defaultdict(Tally)
    for person, _college, tally in seats:
        tallies[person] += tally
    if not tallies:
        return []
    people = database.rows(
        db,
        "SELECT p.id, p.first_name, p.last_name, COALESCE(o.name, '') AS organisation "
        "FROM people p LEFT JOIN organisations o ON o.id = p.organisation_id "
        f"WHERE p.id IN {_ids(tallies)}",
    )
    people.sort(key=lambda r: (fold(r["last_name"]), fold(r["first_name"]), r["id"]))
    return [
        ParticipationRow(
            r["id"], f"{r['first_name']} {r['last_name']}", r["organisation"], tallies[r["id"]]
        )
        for r in people
    ]


def _by_organisation(
    db: Database, seats: list[tuple[int, int | None, Tally]]
) -> list[ParticipationRow]:
    """By the organisation each person belongs to (their record's, today); people without one
    make a last line of their own."""
    if not seats:
        return []
    organisation_of = {
        r["id"]: r["organisation_id"]
        for r in database.each_row(
            db,
            f"SELECT id, organisation_id FROM people WHERE id IN {_ids(p for p, _c, _t in seats)}",
        )
    }
    tallies: dict[int | None, Tally] = defaultdict(Tally)
    for person, _college, tally in seats:
        tallies[organisation_of.get(person)] += tally
    names = {
        r["id"]: r["name"]
        for r in database.each_row(
            db, f"SELECT id, name FROM organisations WHERE id IN {_ids(tallies)}"
        )
    }
    out = [
        ParticipationRow(org, names[org], "", tallies[org])
        for org in sorted((o for o in tallies if o is not None), key=lambda o: fold(names[o]))
    ]
    if None in tallies:
        out.append(ParticipationRow(None, _("Sans structure"), "", tallies[None]))
    return out


def _by_college(
    db: Database, seats: list[tuple[int, int | None, Tally]], one_body: bool
) -> list[ParticipationRow]:
    tallies: dict[int | None, Tally] = defaultdict(Tally)
    for _person, college, tally in seats:
        tallies[college] += tally
    if not tallies:
        return []
    known = {
        r["id"]: r
        for r in database.each_row(
            db,
            "SELECT c.id, c.name, b.name AS body, b.id AS body_id FROM colleges c "
            f"JOIN bodies b ON b.id = c.body_id WHERE c.id IN {_ids(tallies)}",
        )
    }
    ordered = sorted((c for c in tallies if c is not None), key=lambda c: (known[c]["body_id"], c))
    out = [
        ParticipationRow(c, known[c]["name"], "" if one_body else known[c]["body"], tallies[c])
        for c in ordered
    ]
    if None in tallies:
        out.append(ParticipationRow(None, _("Hors collège"), "", tallies[None]))
    return out
