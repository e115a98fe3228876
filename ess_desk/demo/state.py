"""Where the demo writes (through the services one by one, or in bulk) and what it keeps while planning."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from typing import Any

from ess_desk import audit, service
from ess_desk import demo_data as data
from ess_desk.demo.profiles import CollegeSpec, Profile
from ess_desk.meetings import presence
from ess_desk.membership import bodies, checker, mandates, organisations, people, rules
from ess_desk.membership.vocabulary import SEAT_ROLES
from ess_desk.store import Store, database


class _ServiceSink:
    """Writes each row through its service function (validation and audit included)."""

    def __init__(self, store: Store):
        self.store = store

    def organisation(self, values: dict[str, Any]) -> int:
        return organisations.create(self.store, **values)

    def person(self, values: dict[str, Any]) -> int:
        return people.create(self.store, **values)

    def body(self, values: dict[str, Any]) -> int:
        return bodies.create_body(self.store, **values)

    def college(self, body_id: int, values: dict[str, Any]) -> int:
        return bodies.create_college(self.store, body_id, **values)

    def mandate(self, values: dict[str, Any]) -> int:
        return mandates.create(self.store, **values)

    def archive_person(self, person_id: int) -> None:
        people.archive(self.store, person_id)

    def archive_body(self, body_id: int) -> None:
        with self.store.write() as db:
            service.update(db, "bodies", "body", body_id, {"archived": 1})

    def finish(self) -> None:
        """Nothing is buffered."""


class _BulkSink(_ServiceSink):
    """Buffers organisations, people and mandates and writes them with executemany at the end.

    Values are cleaned by the same functions the services use; mandates were checked against
    the rules while planning (see _Ledger). Bodies and colleges, a handful, go through services.
    """

    TABLES = (("organisations", "organisation"), ("people", "person"), ("mandates", "mandate"))

    def __init__(self, store: Store):
        super().__init__(store)
        db = store.db
        self.rows: dict[str, list[dict[str, Any]]] = {t: [] for t, _e in self.TABLES}
        self.first_id = {
            t: (database.scalar(db, f"SELECT COALESCE(MAX(id), 0) FROM [{t}]") + 1)
            for t, _e in self.TABLES
        }

    def _add(self, table: str, values: dict[str, Any]) -> int:
        row_id = self.first_id[table] + len(self.rows[table])
        self.rows[table].append({"id": row_id, **values})
        return row_id

    def organisation(self, values: dict[str, Any]) -> int:
        return self._add("organisations", organisations.clean(values))

    def person(self, values: dict[str, Any]) -> int:
        org_id = values.get("organisation_id")
        cleaned = people.clean(self.store.db, {**values, "organisation_id": None})
        return self._add("people", {**cleaned, "organisation_id": org_id, "archived": 0})

    def mandate(self, values: dict[str, Any]) -> int:
        return self._add("mandates", dict(values))

    def archive_person(self, person_id: int) -> None:
        self.rows["people"][person_id - self.first_id["people"]]["archived"] = 1

    def finish(self) -> None:
        db = self.store.db
        for table, entity in self.TABLES:
            rows = self.rows[table]
            if not rows:
                continue
            cols = list(rows[0])
            db.conn.executemany(
                f"INSERT INTO [{table}] ({', '.join(f'[{c}]' for c in cols)}) "
                f"VALUES ({', '.join('?' for _c in cols)})",
                [[r[c] for c in cols] for r in rows],
            )
            # The audit rows carry the rows as stored, defaults included, as service.insert does.
            cursor = db.execute(
                f"SELECT * FROM [{table}] WHERE id >= ? ORDER BY id", [rows[0]["id"]]
            )
            names = [c[0] for c in cursor.description]
            audit.record_many(db, entity, "create", audit.created_rows(names, cursor.fetchall()))


class _Ledger:
    """The mandates planned so far, kept in the one mandate checker (`membership.checker`) the
    service and the import use: each new one is put to it as a typed mandate would be (one
    mandate per person and body at a time, a substitute's pairing with its holder), so that the
    bulk sink, which writes without the service, keeps the service's rules. The colleges' seats
    are the planner's own arithmetic (and the service's, in the small demo)."""

    def __init__(self) -> None:
        self.rules = checker.Ledger()
        self.last_end: dict[int, dt.date | None] = {}

    def free(self, person_id: int, body_id: int, start: dt.date, end: dt.date | None) -> bool:
        held = self.rules.periods.get((body_id, person_id), ())
        return not any(rules.overlaps(period, (start, end)) for period, _line in held)

    def check(self, m: dict[str, Any], period: rules.Period) -> None:
        """Raise when the planned mandate `m` (the service's fields) breaks a rule."""
        verdict = self.rules.problems(
            checker.Candidate(
                person=m["person_id"],
                person_name=f"n° {m['person_id']}",
                body=m["body_id"],
                body_name=f"n° {m['body_id']}",
                role=m["role"],
                period=period,
                college=m["college_id"],
                holder=m["substitute_for_id"],
            )
        )
        if not verdict.accepted:
            raise RuntimeError(f"demo planning error: {verdict.problems[0].message}")

    def book(self, mandate_id: int, m: dict[str, Any], period: rules.Period) -> None:
        person_id, college_id = m["person_id"], m["college_id"]
        self.rules.book(
            m["body_id"], person_id, m["role"], period, college=college_id,
            holder=m["substitute_for_id"],
        )  # fmt: skip
        if m["role"] in SEAT_ROLES:
            self.rules.holders[mandate_id] = checker.Holder(person_id, college_id, "", period)
        end = period[1]
        known = self.last_end.get(person_id, dt.date.min)
        self.last_end[person_id] = None if end is None or known is None else max(known, end)


@dataclass
class _Segment:
    """One holder of a seat for a stretch of time."""

    person_id: int
    start: dt.date
    end: dt.date
    notes: str = ""
    mandate_id: int = 0


@dataclass
class _Slot:
    """A seat of a college through one mandature: its holders one after the other."""

    college: CollegeSpec
    role: str
    segments: list[_Segment] = field(default_factory=list)


@dataclass
class _Org:
    id: int
    kind: str
    domain: str
    members: int = 0


@dataclass
class _Person:
    id: int
    female: bool
    org_id: int | None


@dataclass
class _ItemPlan:
    id: int
    kind: str
    topic: data.AgendaTopic | None  # None for the fixed items (follow-up, questions diverses)
    title: str
    minutes: int


@dataclass
class _MeetingPlan:
    id: int
    body_id: int
    body_kind: str
    start: dt.datetime
    end: dt.datetime
    items: list[_ItemPlan] = field(default_factory=list)
    expected: list[presence.Attendee] = field(default_factory=list)
    status: str = "planned"
    minutes_id: int = 0

    @property
    def day(self) -> dt.date:
        return self.start.date()


@dataclass
class _Demo:
    store: Store
    sink: _ServiceSink
    rng: random.Random
    profile: Profile
    city: data.City
    # Personal postal addresses are drawn from a generator of their own, so that adding them
    # left every other choice of the demo (names, meetings, actions) as it was.
    address_rng: random.Random
    ledger: _Ledger = field(default_factory=_Ledger)
    orgs: dict[int, _Org] = field(default_factory=dict)
    orgs_by_kind: dict[str, list[int]] = field(default_factory=dict)
    guest_orgs: list[int] = field(default_factory=list)
    people: dict[int, _Person] = field(default_factory=dict)
    names: set[str] = field(default_factory=set)
    org_names: set[str] = field(default_factory=set)
    # _least_staffed's memory, by source: (organisations per kind, lowest count, those at it).
    least_staffed: dict[str, tuple[tuple[int, ...], int, list[int]]] = field(default_factory=dict)
    emails: set[str] = field(default_factory=set)
    sirets: set[str] = field(default_factory=set)
    plenary_id: int = 0
    bureau_id: int = 0
    college_ids: dict[tuple[int, str], int] = field(default_factory=dict)
    commission_ids: list[int] = field(default_factory=list)
    body_count: int = 0
    mandate_count: int = 0
    # The plenary's slots of the previous mandature, by college name (for renewals).
    previous_slots: dict[str, list[_Slot]] = field(default_factory=dict)
    previous_substitutes: dict[tuple[str, int], int] = field(default_factory=dict)
    previous_experts: dict[tuple[int, int], int] = field(default_factory=dict)
    meetings: list[_MeetingPlan] = field(default_factory=list)
    # The start of the first meeting held so far, by body (only `_hold` marks meetings held
    # while they are planned): whether a meeting has earlier minutes to approve.
    first_held: dict[int, dt.datetime] = field(default_factory=dict)
    approved: int = 0
