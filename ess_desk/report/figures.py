"""The figures of a body's activity report over a period, counted in SQL: meetings, attendance
and quorum, decisions, actions by theme, composition and its changes, vacant seats.

Everything a reader of the report sees about a person is already made public-safe here: people
who did not consent to publication appear by their quality (« un membre du collège … »), as in
the public version of the minutes (`minutes.record.Publication` does it for both).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ess_desk.council import get_letterhead
from ess_desk.dates import display, parse_date
from ess_desk.errors import UserError
from ess_desk.i18n import _
from ess_desk.membership import bodies, roster
from ess_desk.membership.vocabulary import SEAT_ROLES
from ess_desk.minutes import record as rec
from ess_desk.store.database import Row, rows

if TYPE_CHECKING:
    from sqlite_utils import Database

# The first year a report can be asked for: earlier dates are typing mistakes, not councils.
MIN_YEAR = 1990

HELD = ("held", "closed")
# Roles shown in the composition and its changes: the secretariat is staff, not a member.
MEMBER_ROLES = ("president", "co_president", "vice_president", "member", "substitute")
COMPOSITION_ROLES = (*MEMBER_ROLES, "permanent_guest")


# --------------------------------------------------------------------------- the period


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date

    @property
    def year(self) -> int | None:
        """The calendar year the period is, if it is exactly one."""
        if (
            self.start.year == self.end.year
            and (self.start.month, self.start.day) == (1, 1)
            and (self.end.month, self.end.day) == (12, 31)
        ):
            return self.start.year
        return None

    def label(self) -> str:
        """« 2025 » or « du 01/03/2025 au 30/06/2025 »."""
        if self.year is not None:
            return str(self.year)
        return _("du {start} au {end}").format(start=display(self.start), end=display(self.end))


def _year(value: object, today: dt.date) -> int:
    text = str(value).strip()
    if not text.isdigit():
        raise UserError(
            _("« {value} » n'est pas une année (attendu : aaaa).").format(value=text), field="year"
        )
    year = int(text)
    if not MIN_YEAR <= year <= today.year:
        raise UserError(
            _("L'année {year} est hors de la plage possible ({first} à {last}).").format(
                year=year, first=MIN_YEAR, last=today.year
            ),
            field="year",
        )
    return year


def resolve_period(
    year: object = None,
    start: object = None,
    end: object = None,
    today: dt.date | None = None,
) -> Period:
    """The period a report covers: a year, or from a day to another (to today when only the first
    is given); neither gives the last full year."""
    today = today or dt.date.today()
    given = [v for v in (start, end) if v not in (None, "")]
    if year not in (None, "") and given:
        raise UserError(
            _("Indiquez soit une année, soit une période (du … au …), pas les deux."), field="year"
        )
    if year not in (None, ""):
        y = _year(year, today)
        return Period(dt.date(y, 1, 1), dt.date(y, 12, 31))
    if not given:
        return Period(dt.date(today.year - 1, 1, 1), dt.date(today.year - 1, 12, 31))
    first = parse_date(start, field="start")  # type: ignore[arg-type]
    last = parse_date(end, field="end") if end not in (None, "") else today  # type: ignore[arg-type]
    if first is None:
        raise UserError(_("Indiquez le premier jour de la période."), field="start")
    assert last is not None
    if first > today:
        raise UserError(
            _(
                "La période commence après aujourd'hui ({today}) : il n'y a rien à rapporter."
            ).format(today=display(today)),
            field="start",
        )
    if first > last:
        raise UserError(
            _("La période commence le {start}, après sa fin le {end}.").format(
                start=display(first), end=display(last)
            ),
            field="end",
        )
    if first.year < MIN_YEAR:
        raise UserError(
            _("L'année {year} est hors de la plage possible ({first} à {last}).").format(
                year=first.year, first=MIN_YEAR, last=today.year
            ),
            field="start",
        )
    return Period(first, last)


def default_year(db: Database, body_id: int | None, today: dt.date | None = None) -> int:
    """The year a report is first offered for: the last full year, except late in the year
    (November, December: the year is nearly over and its report is being prepared) or when the
    body held no meeting last year but has held some this year."""
    today = today or dt.date.today()
    if today.month >= 11:
        return today.year

    def held_in(year: int) -> bool:
        sql = (
            "SELECT 1 FROM meetings WHERE status IN ('held', 'closed') "
            "AND starts_at >= ? AND starts_at < ?"
        )
        params: list[object] = [f"{year}-01-01", f"{year + 1}-01-01"]
        if body_id is not None:
            sql += " AND body_id = ?"
            params.append(body_id)
        return db.execute(sql + " LIMIT 1", params).fetchone() is not None

    if not held_in(today.year - 1) and held_in(today.year):
        return today.year
    return today.year - 1


# --------------------------------------------------------------------------- the figures


@dataclass(frozen=True)
class Presences:
    """Attendance of members holding a seat: at one meeting, in a college, or of one member."""

    expected: int = 0
    present: int = 0
    replaced: int = 0  # the member sat through their substitute
    represented: int = 0  # gave a proxy
    excused: int = 0
    absent: int = 0  # absent, or nothing recorded for them

    @property
    def sitting(self) -> int:
        return self.present + self.replaced

    @property
    def rate(self) -> float | None:
        """Share of seats occupied: present in person or through the substitute."""
        return self.sitting / self.expected if self.expected else None

    @property
    def participation(self) -> float | None:
        """Share of seats that counted: occupied or represented by a proxy."""
        return (self.sitting + self.represented) / self.expected if self.expected else None

    def __add__(self, other: Presences) -> Presences:
        return Presences(
            *(getattr(self, f) + getattr(other, f) for f in Presences.__dataclass_fields__)
        )


@dataclass(frozen=True)
class Quorum:
    reached: bool
    counted: int
    required: int
    in_office: int
    at_opening: bool  # the count recorded at the opening; False: counted from the attendance


@dataclass(frozen=True)
class MeetingLine:
    meeting_id: int
    starts_at: str
    title: str
    status: str
    replaced_by: str | None  # start of the meeting that replaced a postponed one
    presences: Presences | None  # None: not held, or attendance not recorded
    quorum: Quorum | None
    decisions: int

    @property
    def day(self) -> dt.date:
        return dt.date.fromisoformat(self.starts_at[:10])

    @property
    def held(self) -> bool:
        return self.status in HELD


@dataclass(frozen=True)
class CollegeAttendance:
    college: str
    voting: bool
    presences: Presences


@dataclass(frozen=True)
class MemberAttendance:
    person_id: int
    name: str  # the name, or the quality of someone who did not consent to publication
    named: bool
    college: str
    presences: Presences


@dataclass(frozen=True)
class DecisionLine:
    decision_id: int
    reference: str
    day: dt.date
    kind: str
    text: str
    status: str


@dataclass(frozen=True)
class ThemeActions:
    theme_id: int | None
    theme: str  # "" for actions without a theme
    opened: int
    done: int
    abandoned: int
    open_at_end: int
    overdue_at_end: int

    @property
    def closed(self) -> int:
        return self.done + self.abandoned


@dataclass(frozen=True)
class CollegeComposition:
    college_id: int | None
    name: str
    voting: bool
    seats: int | None
    at_start: int  # seat holders in office the day before the period
    arrivals: int
    departures: int
    at_end: int  # seat holders in office at the end of the period (or today)

    @property
    def vacant(self) -> int | None:
        return None if self.seats is None else max(0, self.seats - self.at_end)


@dataclass(frozen=True)
class MandateChange:
    day: dt.date
    arrival: bool  # False: a departure (the day is the last one in office)
    person_id: int
    name: str
    named: bool
    college: str
    role: str


@dataclass(frozen=True)
class Member:
    person_id: int
    name: str
    named: bool
    organisation: str
    college: str
    role: str
    start_date: str
    end_date: str | None


@dataclass(frozen=True)
class ReportFigures:
    council: str
    body_id: int
    body: str
    body_kind: str
    period: Period
    as_of: dt.date  # the end of the period, or today while it is not over
    meetings: tuple[MeetingLine, ...]
    colleges: tuple[CollegeAttendance, ...]
    members: tuple[MemberAttendance, ...]
    decisions: tuple[DecisionLine, ...]
    votes_adopted: int
    votes_rejected: int
    themes: tuple[ThemeActions, ...]
    composition: tuple[CollegeComposition, ...]
    changes: tuple[MandateChange, ...]
    roster: tuple[Member, ...]
    unnamed: int  # people the report designates by their quality only

    def with_status(self, *statuses: str) -> list[MeetingLine]:
        return [m for m in self.meetings if m.status in statuses]

    @property
    def held(self) -> list[MeetingLine]:
        return self.with_status(*HELD)

    @property
    def cancelled(self) -> list[MeetingLine]:
        return self.with_status("cancelled")

    @property
    def postponed(self) -> list[MeetingLine]:
        return self.with_status("postponed")

    @property
    def planned(self) -> list[MeetingLine]:
        return self.with_status("planned", "convened")

    @property
    def attendance(self) -> Presences:
        """All held meetings with recorded attendance, together."""
        total = Presences()
        for m in self.meetings:
            if m.presences is not None:
                total = total + m.presences
        return total

    @property
    def quorum_reached(self) -> int:
        return sum(1 for m in self.held if m.quorum is not None and m.quorum.reached)

    @property
    def quorum_missed(self) -> int:
        return sum(1 for m in self.held if m.quorum is not None and not m.quorum.reached)

    @property
    def quorum_unknown(self) -> int:
        return sum(1 for m in self.held if m.quorum is None)

    def decisions_by_kind(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for d in self.decisions:
            out[d.kind] = out.get(d.kind, 0) + 1
        return out

    @property
    def actions(self) -> ThemeActions:
        """Every theme together."""
        return ThemeActions(
            None,
            "",
            *(
                sum(getattr(t, f) for t in self.themes)
                for f in ("opened", "done", "abandoned", "open_at_end", "overdue_at_end")
            ),
        )

    @property
    def seats(self) -> int | None:
        known = [c.seats for c in self.composition if c.seats is not None]
        return sum(known) if known else None

    @property
    def vacant(self) -> int:
        return sum(c.vacant or 0 for c in self.composition)


_PRESENCE_COUNTS = tuple(f.name for f in dataclasses.fields(Presences))


def _presences(row: Row) -> Presences:
    """A row's attendance counts, read by their names (`COUNTS` below names its columns so)."""
    return Presences(**{name: int(row[name] or 0) for name in _PRESENCE_COUNTS})


class _Names:
    """Names as the public version of the minutes shows them (`rec.Publication`): people who did
    not consent become their quality, in lists and in free text."""

    def __init__(self, db: Database, people: list[rec.PersonRef]):
        record = rec.MinutesRecord(
            council="",
            body="",
            body_id=0,
            meeting_id=0,
            meeting_title="",
            meeting_kind="",
            starts_at="2000-01-01T00:00",
            place="",
            chair=(),
            secretary="",
            opening_time=None,
            closing_time=None,
            attendance=rec.Attendance(present=tuple(rec.AttendanceLine(p) for p in people)),
        )
        self._publication = rec.Publication(db, record)
        self.hidden: set[int] = set()

    def person(self, ref: rec.PersonRef) -> tuple[str, bool]:
        if self._publication.allowed(ref):
            return ref.name, True
        if ref.person_id is not None:
            self.hidden.add(ref.person_id)
        return rec.public_label(ref), False

    def text(self, value: str) -> str:
        return self._publication.text(value)


def _ref(
    person_id: int, name: str, consent: int, college: str, role: str, organisation: str = ""
) -> rec.PersonRef:
    return rec.PersonRef(
        name=name,
        person_id=person_id,
        college=college,
        organisation=organisation,
        guest=role == "permanent_guest",
        member=True,
        consent=bool(consent),
    )


def _member_ref(r: Row) -> rec.PersonRef:
    return _ref(r["person_id"], r["name"], r["consent_publish"], r["college"], "member")


def _change_ref(r: Row) -> rec.PersonRef:
    return _ref(r["person_id"], r["name"], r["consent_publish"], r["college"], r["role"])


def _quorum(db: Database, meeting_id: int, recorded: str | None, attendance: bool) -> Quorum | None:
    if recorded:
        try:
            data = json.loads(recorded)
            return Quorum(
                reached=bool(data["reached"]),
                counted=int(data["counted"]),
                required=int(data["required"]),
                in_office=int(data["in_office"]),
                at_opening=True,
            )
        except (ValueError, KeyError, TypeError):
            pass  # a damaged count: count again from the attendance below
    if not attendance:
        return None
    from ess_desk.meetings import presence

    count = presence.quorum(db, meeting_id)
    return Quorum(count.reached, count.counted, count.required, count.in_office, at_opening=False)


def report_figures(
    db: Database, body_id: int, start: dt.date, end: dt.date, today: dt.date | None = None
) -> ReportFigures:
    """Every figure of the activity report of `body_id` from `start` to `end` (included)."""
    today = today or dt.date.today()
    body = bodies.get_body(db, body_id)
    if start > end:
        raise UserError(
            _("La période commence le {start}, après sa fin le {end}.").format(
                start=display(start), end=display(end)
            )
        )
    as_of = max(start, min(end, today))
    before = start - dt.timedelta(days=1)
    p = {
        "body": body_id,
        "start": start.isoformat(),
        "end": end.isoformat(),
        "after": (end + dt.timedelta(days=1)).isoformat(),
        "as_of": as_of.isoformat(),
        "before": before.isoformat(),
        "last_gone": (as_of - dt.timedelta(days=1)).isoformat(),
    }
    seat_roles = ", ".join(f"'{r}'" for r in sorted(SEAT_ROLES))

    # -- meetings, with the attendance of seat holders at those held -------------------------
    meeting_rows = rows(
        db,
        """
        SELECT m.id, m.starts_at, m.title, m.status, r.starts_at AS replaced_by, m.opening_quorum,
               EXISTS (SELECT 1 FROM attendance a WHERE a.meeting_id = m.id) AS attendance,
               (SELECT COUNT(*) FROM decisions d WHERE d.meeting_id = m.id) AS decisions
        FROM meetings m LEFT JOIN meetings r ON r.id = m.replaced_by_id
        WHERE m.body_id = :body AND m.starts_at >= :start AND m.starts_at < :after
        ORDER BY m.starts_at, m.id
        """,
        p,
    )
    seats_cte = f"""
        WITH held AS (
            SELECT m.id, substr(m.starts_at, 1, 10) AS day FROM meetings m
            WHERE m.body_id = :body AND m.starts_at >= :start AND m.starts_at < :after
              AND m.status IN ('held', 'closed')
              AND EXISTS (SELECT 1 FROM attendance a WHERE a.meeting_id = m.id)
        ),
        seat AS (
            SELECT held.id AS meeting_id, md.person_id, md.college_id,
                   COALESCE(a.status, 'absent') AS status
            FROM held
            JOIN mandates md ON md.body_id = :body AND md.start_date <= held.day
                 AND (md.end_date IS NULL OR md.end_date >= held.day)
                 AND md.role IN ({seat_roles})
            LEFT JOIN attendance a ON a.meeting_id = held.id AND a.mandate_id = md.id
        )
    """
    # A member taking part by video or audio attended: counted with those present.
    # The columns are named as `Presences`' fields, which `_presences` reads.
    counts = """COUNT(*) AS expected, SUM(s.status IN ('present', 'remote')) AS present,
        SUM(s.status = 'replaced') AS replaced, SUM(s.status = 'represented') AS represented,
        SUM(s.status = 'excused') AS excused,
        SUM(s.status NOT IN ('present', 'remote', 'replaced', 'represented', 'excused')) AS absent"""
    by_meeting = {
        r["meeting_id"]: _presences(r)
        for r in rows(
            db, f"{seats_cte} SELECT s.meeting_id, {counts} FROM seat s GROUP BY s.meeting_id", p
        )
    }
    meetings_out = []
    for r in meeting_rows:
        held = r["status"] in HELD
        mid = r["id"]
        meetings_out.append(
            MeetingLine(
                meeting_id=mid,
                starts_at=r["starts_at"],
                title=r["title"],
                status=r["status"],
                replaced_by=r["replaced_by"],
                presences=by_meeting.get(mid) if held else None,
                quorum=_quorum(db, mid, r["opening_quorum"], bool(r["attendance"]))
                if held
                else None,
                decisions=r["decisions"],
            )
        )
    college_rows = rows(
        db,
        f"""{seats_cte}
        SELECT COALESCE(c.name, '') AS college, COALESCE(c.voting, 1) AS voting, {counts}
        FROM seat s LEFT JOIN colleges c ON c.id = s.college_id
        GROUP BY s.college_id ORDER BY s.college_id IS NULL, s.college_id
        """,
        p,
    )
    member_rows = rows(
        db,
        f"""{seats_cte}
        SELECT s.person_id, pe.first_name || ' ' || pe.last_name AS name, pe.consent_publish,
               COALESCE(c.name, '') AS college, {counts}
        FROM seat s JOIN people pe ON pe.id = s.person_id
        LEFT JOIN colleges c ON c.id = s.college_id
        GROUP BY s.person_id, s.college_id
        ORDER BY s.college_id IS NULL, s.college_id, pe.last_name COLLATE NOCASE,
                 pe.first_name COLLATE NOCASE, s.person_id
        """,
        p,
    )

    # -- decisions and votes ----------------------------------------------------------------
    decision_rows = rows(
        db,
        """
        SELECT d.id, d.year, d.number, m.starts_at, d.kind, d.text, d.status
        FROM decisions d JOIN meetings m ON m.id = d.meeting_id
        WHERE m.body_id = :body AND m.starts_at >= :start AND m.starts_at < :after
        ORDER BY d.year, d.number
        """,
        p,
    )
    votes = {
        r["outcome"]: r["votes"]
        for r in rows(
            db,
            """
            SELECT v.outcome, COUNT(*) AS votes FROM votes v
            JOIN agenda_items i ON i.id = v.item_id JOIN meetings m ON m.id = v.meeting_id
            WHERE m.body_id = :body AND m.starts_at >= :start AND m.starts_at < :after
              AND i.kind != 'minutes_approval'
            GROUP BY v.outcome
            """,
            p,
        )
    }

    # -- actions by theme: opened and closed in the period, open and overdue at its end -----
    open_at_end = "(a.closed_on IS NULL OR a.closed_on > :as_of)"
    theme_rows = rows(
        db,
        f"""
        SELECT a.theme_id, COALESCE(t.name, '') AS theme,
               SUM(a.created_on >= :start) AS opened,
               SUM(a.status = 'done' AND a.closed_on BETWEEN :start AND :as_of) AS done,
               SUM(a.status = 'abandoned' AND a.closed_on BETWEEN :start AND :as_of) AS abandoned,
               SUM({open_at_end}) AS open_at_end,
               SUM({open_at_end} AND a.due_date IS NOT NULL AND a.due_date < :as_of)
                   AS overdue_at_end
        FROM actions a LEFT JOIN action_themes t ON t.id = a.theme_id
        WHERE a.body_id = :body AND a.created_on <= :as_of
        GROUP BY a.theme_id
        ORDER BY a.theme_id IS NULL, t.position, t.id
        """,
        p,
    )
    counted = ("opened", "done", "abandoned", "open_at_end", "overdue_at_end")
    themes = tuple(
        ThemeActions(r["theme_id"], r["theme"], **{c: int(r[c] or 0) for c in counted})
        for r in theme_rows
        # a theme with nothing done and nothing open says nothing
        if r["opened"] or r["done"] or r["abandoned"] or r["open_at_end"]
    )

    # -- composition: seats by college, changes, the roster at the end ----------------------
    # A comparison with a NULL end date is NULL: SUM over such rows only would be NULL too.
    seat_counts = {
        r["college_id"]: tuple(
            int(r[c] or 0) for c in ("at_start", "arrivals", "departures", "at_end")
        )
        for r in rows(
            db,
            f"""
            SELECT college_id,
                   SUM(start_date <= :before AND (end_date IS NULL OR end_date >= :before))
                       AS at_start,
                   SUM(start_date BETWEEN :start AND :as_of) AS arrivals,
                   SUM(end_date BETWEEN :before AND :last_gone) AS departures,
                   SUM(start_date <= :as_of AND (end_date IS NULL OR end_date >= :as_of))
                       AS at_end
            FROM mandates WHERE body_id = :body AND role IN ({seat_roles})
            GROUP BY college_id
            """,
            p,
        )
    }
    composition = [
        CollegeComposition(c.id, c.name, bool(c.voting), c.seats, *seat_counts.get(c.id, (0,) * 4))
        for c in bodies.list_colleges(db, body_id)
    ]
    if None in seat_counts and any(seat_counts[None]):
        composition.append(
            CollegeComposition(None, _("Sans collège"), True, None, *seat_counts[None])
        )
    roles = ", ".join(f"'{r}'" for r in COMPOSITION_ROLES)
    change_rows = rows(
        db,
        f"""
        SELECT m.start_date, m.end_date, m.person_id, pe.first_name || ' ' || pe.last_name AS name,
               pe.consent_publish, COALESCE(c.name, '') AS college, m.role,
               m.start_date BETWEEN :start AND :as_of AS arrived,
               m.end_date BETWEEN :before AND :last_gone AS departed
        FROM mandates m JOIN people pe ON pe.id = m.person_id
        LEFT JOIN colleges c ON c.id = m.college_id
        WHERE m.body_id = :body AND m.role IN ({roles})
          AND (m.start_date BETWEEN :start AND :as_of OR m.end_date BETWEEN :before AND :last_gone)
        """,
        p,
    )
    in_office = [e for e in roster.roster(db, body_id, as_of) if e.role in COMPOSITION_ROLES]

    # -- names: only of people who consented to publication ---------------------------------
    refs = [_member_ref(r) for r in member_rows]
    refs += [_change_ref(r) for r in change_rows]
    refs += [
        _ref(e.person_id, e.full_name, e.consent_publish, e.college, e.role, e.organisation)
        for e in in_office
    ]
    names = _Names(db, refs)

    members = []
    for r in member_rows:
        name, named = names.person(_member_ref(r))
        members.append(MemberAttendance(r["person_id"], name, named, r["college"], _presences(r)))
    changes = []
    for r in change_rows:
        name, named = names.person(_change_ref(r))
        for day, arrival in ((r["start_date"], True), (r["end_date"], False)):
            if r["arrived" if arrival else "departed"]:
                changes.append(
                    MandateChange(
                        dt.date.fromisoformat(day),
                        arrival,
                        r["person_id"],
                        name,
                        named,
                        r["college"],
                        r["role"],
                    )
                )
    changes.sort(key=lambda c: (c.day, not c.arrival, c.college, c.name))
    # Lists sorted by surname keep the people left unnamed at the end of their group: their place
    # among the others would hint at their name.
    colleges_seen = list(dict.fromkeys(m.college for m in members))
    members.sort(key=lambda m: (colleges_seen.index(m.college), not m.named))
    members_in_office = []
    for e in in_office:
        ref = _ref(e.person_id, e.full_name, e.consent_publish, e.college, e.role, e.organisation)
        name, named = names.person(ref)
        members_in_office.append(
            Member(
                e.person_id,
                name,
                named,
                e.organisation if named else "",
                e.college,
                e.role,
                e.start_date,
                e.end_date,
            )
        )
    groups = list(dict.fromkeys((m.college, m.role) for m in members_in_office))
    members_in_office.sort(key=lambda m: (groups.index((m.college, m.role)), not m.named))
    decisions_out = tuple(
        DecisionLine(
            decision_id=r["id"],
            reference=f"{r['year']}-{r['number']:03d}",
            day=dt.date.fromisoformat(r["starts_at"][:10]),
            kind=r["kind"],
            text=names.text(r["text"]),
            status=r["status"],
        )
        for r in decision_rows
    )
    # A title is free text: it may name someone too.
    meetings_out = [dataclasses.replace(m, title=names.text(m.title)) for m in meetings_out]
    return ReportFigures(
        council=get_letterhead(db).name,
        body_id=body_id,
        body=body.name,
        body_kind=body.kind,
        period=Period(start, end),
        as_of=as_of,
        meetings=tuple(meetings_out),
        colleges=tuple(
            CollegeAttendance(r["college"] or _("Sans collège"), bool(r["voting"]), _presences(r))
            for r in college_rows
        ),
        members=tuple(members),
        decisions=decisions_out,
        votes_adopted=int(votes.get("adopted", 0)),
        votes_rejected=int(votes.get("rejected", 0)),
        themes=themes,
        composition=tuple(composition),
        changes=tuple(changes),
        roster=tuple(members_in_office),
        unnamed=len(names.hidden),
    )
