"""What needs doing, at a glance: next meetings and their notices, minutes waiting, actions late
or due soon, mandates ending, vacant seats and the age of the last backup.

Every query is bounded (a date range on an index, a LIMIT, or a table of a few dozen rows), so
that the whole overview reads in a few milliseconds on ten years of records: the window paints
it first at start-up.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Generic, TypeVar

from ess_desk.actions import queries, rules
from ess_desk.actions.queries import ActionRow
from ess_desk.membership.vocabulary import SEAT_ROLES
from ess_desk.publication.deadlines import Deadline, pending_page
from ess_desk.record import Record
from ess_desk.store import database
from ess_desk.store.backup import backup_date, latest_backup

if TYPE_CHECKING:
    from sqlite_utils import Database

T = TypeVar("T")

UPCOMING_DAYS = 60  # meetings shown: from today to this many days ahead
DUE_SOON_DAYS = 14  # open actions due from today to this many days ahead
ENDING_DAYS = 90  # mandates in force ending within this many days
BACKUP_STALE_DAYS = 7  # an automatic backup older than this is worth a warning
LINES = 6  # lines shown per section; the header gives the full count

_OPEN = "(" + ", ".join(f"'{s}'" for s in sorted(rules.OPEN_STATUSES)) + ")"
_SEATS = "(" + ", ".join(f"'{r}'" for r in sorted(SEAT_ROLES)) + ")"
# A seat's last day, open-ended ones last: with `m.role IN _SEATS`, the terms of the index
# mandates_seats_current (migration 0015), which reads only the mandates not ended yet of each
# college, not its whole history. Keep the three in step with it.
SEAT_END = "COALESCE(m.end_date, '9999-12-31')"


class Listing(Record, Generic[T]):
    """The first lines of a section and how many there are in all."""

    __slots__ = _fields = ("total", "items")
    total: int
    items: tuple[T, ...]

    def __init__(self, total: int, items: tuple[T, ...]) -> None:
        self.total = total
        self.items = items

    @property
    def more(self) -> int:
        """Lines not shown."""
        return self.total - len(self.items)


# Notice states of an upcoming meeting.
NOTICE_SENT = "sent"
NOTICE_SENT_LATE = "sent_late"  # sent after the deadline (the meeting keeps a warning)
NOTICE_TO_SEND = "to_send"  # not sent, deadline still ahead (or today)
NOTICE_LATE = "late"  # not sent and the deadline has passed
NOTICE_UNSENT = "unsent"  # not sent, deadline not worked out (asked without deadlines)


class UpcomingMeeting(Record):
    __slots__ = _fields = (
        "meeting_id",
        "body_id",
        "body",
        "title",
        "starts_at",
        "status",
        "notice_deadline",
        "notice_sent_on",
        "notice_warning",
        "notice",
    )
    meeting_id: int
    body_id: int
    body: str
    title: str
    starts_at: str
    status: str
    notice_deadline: dt.date | None  # None only when asked without deadlines
    notice_sent_on: str | None
    notice_warning: str
    notice: str  # one of the NOTICE_* states, on the day asked for

    def __init__(
        self,
        meeting_id: int,
        body_id: int,
        body: str,
        title: str,
        starts_at: str,
        status: str,
        notice_deadline: dt.date | None,
        notice_sent_on: str | None,
        notice_warning: str,
        notice: str,
    ) -> None:
        self.meeting_id = meeting_id
        self.body_id = body_id
        self.body = body
        self.title = title
        self.starts_at = starts_at
        self.status = status
        self.notice_deadline = notice_deadline
        self.notice_sent_on = notice_sent_on
        self.notice_warning = notice_warning
        self.notice = notice

    @property
    def late(self) -> bool:
        return self.notice == NOTICE_LATE


_UPCOMING = """
    FROM meetings m JOIN bodies b ON b.id = m.body_id
    WHERE m.starts_at >= :start AND m.starts_at < :end AND m.status IN ('planned', 'convened')
"""
_CLEAR_DAYS = """CASE WHEN m.reconvenes_meeting_id IS NULL THEN b.notice_clear_days
                 ELSE b.reconvene_notice_days END"""


def _upcoming_range(today: dt.date, days: int) -> dict[str, str]:
    return {
        "start": today.isoformat(),
        "end": (today + dt.timedelta(days=days + 1)).isoformat(),
        "today": today.isoformat(),
    }


def upcoming_meetings(
    db: Database,
    today: dt.date,
    days: int = UPCOMING_DAYS,
    limit: int = LINES,
    with_deadlines: bool = True,
) -> Listing[UpcomingMeeting]:
    """Planned and convened meetings from today to `days` ahead, soonest first, with the last
    day their notice may be sent (clear days, the body's holiday calendar).

    Without deadlines, an unsent notice is NOTICE_UNSENT: the holiday calendars take a tenth of
    a second to load the first time, which the window's first paint need not wait for."""
    params = {**_upcoming_range(today, days), "limit": limit}
    total = database.count(db, f"SELECT COUNT(*) {_UPCOMING}", params)
    rows = database.rows(
        db,
        f"""
        SELECT m.id, m.body_id, b.name AS body, m.title, m.starts_at, m.status, m.notice_sent_on,
               m.notice_warning, {_CLEAR_DAYS} AS clear_days, b.holiday_calendar
        {_UPCOMING}
        ORDER BY m.starts_at, m.id LIMIT :limit
        """,
        params,
    )
    if with_deadlines:
        from ess_desk.meetings.calendar import notice_deadline
    items = []
    for r in rows:
        deadline = (
            notice_deadline(
                dt.date.fromisoformat(r["starts_at"][:10]), r["clear_days"], r["holiday_calendar"]
            )
            if with_deadlines
            else None
        )
        if r["notice_sent_on"]:
            state = NOTICE_SENT_LATE if r["notice_warning"] else NOTICE_SENT
        elif deadline is None:
            state = NOTICE_UNSENT
        else:
            state = NOTICE_LATE if deadline < today else NOTICE_TO_SEND
        items.append(
            UpcomingMeeting(
                meeting_id=r["id"],
                body_id=r["body_id"],
                body=r["body"],
                title=r["title"],
                starts_at=r["starts_at"],
                status=r["status"],
                notice_deadline=deadline,
                notice_sent_on=r["notice_sent_on"],
                notice_warning=r["notice_warning"] or "",
                notice=state,
            )
        )
    return Listing(total, tuple(items))


def late_notices(db: Database, today: dt.date, days: int = UPCOMING_DAYS) -> int:
    """How many of the upcoming meetings (`upcoming_meetings`) have their notice unsent and its
    deadline passed: the deadline is the meeting's day less the clear days and one
    (`meetings.calendar.notice_deadline`), which SQL works out for every one of them."""
    params = _upcoming_range(today, days)
    # Only a meeting within the longest notice of a body (and its day) may be late: the range
    # read stops there (the bodies' indexes of migration 0024 give it at once).
    longest = database.scalar(
        db,
        "SELECT max((SELECT MAX(notice_clear_days) FROM bodies), "
        "(SELECT MAX(reconvene_notice_days) FROM bodies))",
    )
    if isinstance(longest, int) and longest < days:
        within = (today + dt.timedelta(days=max(longest, -1) + 1)).isoformat()
        params["end"] = min(params["end"], within)
    return database.count(
        db,
        f"SELECT COUNT(*) {_UPCOMING} AND COALESCE(m.notice_sent_on, '') = '' "
        f"AND date(m.starts_at, printf('-%d days', {_CLEAR_DAYS} + 1)) < :today",
        params,
    )


# Minutes states of a held meeting.
MINUTES_NOT_STARTED = "not_started"
MINUTES_DRAFT = "draft"
MINUTES_SUBMITTED = "submitted"


class PendingMinutes(Record):
    __slots__ = _fields = (
        "meeting_id",
        "body_id",
        "body",
        "title",
        "starts_at",
        "state",
        "submitted_on",
        "next_meeting_at",
    )
    meeting_id: int
    body_id: int
    body: str
    title: str
    starts_at: str
    state: str  # MINUTES_NOT_STARTED, MINUTES_DRAFT (to submit) or MINUTES_SUBMITTED (to approve)
    submitted_on: str | None
    next_meeting_at: str | None  # the body's next meeting, where submitted minutes are approved

    def __init__(
        self,
        meeting_id: int,
        body_id: int,
        body: str,
        title: str,
        starts_at: str,
        state: str,
        submitted_on: str | None,
        next_meeting_at: str | None,
    ) -> None:
        self.meeting_id = meeting_id
        self.body_id = body_id
        self.body = body
        self.title = title
        self.starts_at = starts_at
        self.state = state
        self.submitted_on = submitted_on
        self.next_meeting_at = next_meeting_at

    @property
    def to_approve(self) -> bool:
        return self.state == MINUTES_SUBMITTED


class MinutesListing(Record):
    """A `Listing` of minutes waiting, with how many wait for each step."""

    __slots__ = _fields = ("total", "items", "to_submit", "to_approve")
    total: int
    items: tuple[PendingMinutes, ...]
    to_submit: int  # not started or draft
    to_approve: int  # submitted

    def __init__(
        self,
        total: int,
        items: tuple[PendingMinutes, ...],
        to_submit: int = 0,
        to_approve: int = 0,
    ) -> None:
        self.total = total
        self.items = items
        self.to_submit = to_submit
        self.to_approve = to_approve

    @property
    def more(self) -> int:
        return self.total - len(self.items)


def pending_minutes(db: Database, today: dt.date, limit: int = LINES) -> MinutesListing:
    """Meetings held whose minutes are not approved yet, the longest waiting first: read from
    the meetings kept waiting (`minutes_waiting`, migration 0015, ess_desk.store.pending) rather
    than by looking at every meeting held."""
    counts = database.row(
        db,
        "SELECT COALESCE(SUM(status = 'submitted'), 0) AS to_approve, COUNT(*) AS total "
        "FROM minutes_waiting",
    )
    assert counts is not None  # an aggregate always reads one row
    to_approve, total = counts["to_approve"], counts["total"]
    rows = database.records(
        db,
        PendingMinutes,
        """
        SELECT m.id AS meeting_id, m.body_id, b.name AS body, m.title, m.starts_at,
               COALESCE(w.status, ?) AS state, mi.submitted_on,
               (SELECT n.starts_at FROM meetings n WHERE n.body_id = m.body_id
                  AND n.starts_at >= ? AND n.status IN ('planned', 'convened')
                ORDER BY n.starts_at LIMIT 1) AS next_meeting_at
        FROM minutes_waiting w JOIN meetings m ON m.id = w.meeting_id
        JOIN bodies b ON b.id = m.body_id
        LEFT JOIN minutes mi ON mi.meeting_id = m.id
        ORDER BY w.starts_at, w.meeting_id LIMIT ?
        """,
        [MINUTES_NOT_STARTED, today.isoformat(), limit],
    )
    return MinutesListing(
        total,
        tuple(rows),
        to_submit=total - to_approve,
        to_approve=to_approve,
    )


def _actions(
    db: Database,
    where: str,
    params: Sequence[object],
    order: str,
    limit: int,
    today: dt.date,
    due: str,
    outside: bool = False,
) -> Listing[ActionRow]:
    # The total from the counts kept by status and due date (ess_desk.store.derived): a few
    # hundred rows instead of every open action of a large council. `due` is `where` on them;
    # `outside`: the total is the open actions that do not pass `due` (the past's days are
    # many more than the weeks ahead's: the open actions in all, from the counts kept by
    # status, less those due later).
    total = database.count(
        db,
        f"SELECT COALESCE(SUM(n), 0) FROM action_due_counts WHERE status IN {_OPEN} AND {due}",
        params,
    )
    if outside:
        every = database.count(
            db, f"SELECT COALESCE(SUM(n), 0) FROM action_status_counts WHERE status IN {_OPEN}"
        )
        total = every - total
    ids = database.column(
        db, f"SELECT a.id FROM actions a WHERE {where} ORDER BY {order} LIMIT ?", [*params, limit]
    )
    # The rows as the Actions page shows them (owner, body, days late) for these few ids.
    return Listing(total, tuple(queries.fetch_rows(db, ids, today)))


def overdue_actions(db: Database, today: dt.date, limit: int = LINES) -> Listing[ActionRow]:
    """Open actions whose due date has passed, the most recently due first (those that have
    just slipped are the ones a reminder still saves)."""
    return _actions(
        db,
        f"a.status IN {_OPEN} AND a.due_date < ?",
        [today.isoformat()],
        "a.due_date DESC, a.id DESC",
        limit,
        today,
        due="(due_key = '' OR due_key >= ?)",
        outside=True,
    )


def actions_due_soon(
    db: Database, today: dt.date, days: int = DUE_SOON_DAYS, limit: int = LINES
) -> Listing[ActionRow]:
    """Open actions due from today to `days` ahead, soonest first."""
    return _actions(
        db,
        f"a.status IN {_OPEN} AND a.due_date >= ? AND a.due_date <= ?",
        [today.isoformat(), (today + dt.timedelta(days=days)).isoformat()],
        "a.due_date, a.id",
        limit,
        today,
        due="due_key >= ? AND due_key <= ?",
    )


class EndingMandate(Record):
    __slots__ = _fields = (
        "mandate_id",
        "person_id",
        "person_name",
        "body_id",
        "body",
        "college",
        "role",
        "end_date",
    )
    mandate_id: int
    person_id: int
    person_name: str
    body_id: int
    body: str
    college: str
    role: str
    end_date: str

    def __init__(
        self,
        mandate_id: int,
        person_id: int,
        person_name: str,
        body_id: int,
        body: str,
        college: str,
        role: str,
        end_date: str,
    ) -> None:
        self.mandate_id = mandate_id
        self.person_id = person_id
        self.person_name = person_name
        self.body_id = body_id
        self.body = body
        self.college = college
        self.role = role
        self.end_date = end_date


def mandates_ending(
    db: Database, today: dt.date, days: int = ENDING_DAYS, limit: int = LINES
) -> Listing[EndingMandate]:
    """Mandates in force today that end within `days` days and that no later mandate of the same
    person in the same body takes over (a renewal already recorded needs nothing more)."""
    ending = """
        m.end_date IS NOT NULL AND m.end_date >= :today AND m.end_date <= :until
        AND m.start_date <= :today
        AND NOT EXISTS (SELECT 1 FROM mandates n WHERE n.person_id = m.person_id
                          AND n.body_id = m.body_id AND n.id != m.id
                          AND n.start_date > m.start_date
                          AND (n.end_date IS NULL OR n.end_date > m.end_date))
    """
    params = {
        "today": today.isoformat(),
        "until": (today + dt.timedelta(days=days)).isoformat(),
        "limit": limit,
    }
    total = database.count(db, f"SELECT COUNT(*) FROM mandates m WHERE {ending}", params)
    rows = database.records(
        db,
        EndingMandate,
        f"""
        SELECT m.id AS mandate_id, p.id AS person_id,
               p.first_name || ' ' || p.last_name AS person_name, b.id AS body_id, b.name AS body,
               COALESCE(c.name, '') AS college, m.role, m.end_date
        FROM mandates m JOIN people p ON p.id = m.person_id JOIN bodies b ON b.id = m.body_id
        LEFT JOIN colleges c ON c.id = m.college_id
        WHERE {ending}
        ORDER BY m.end_date, p.last_name COLLATE NOCASE, p.first_name COLLATE NOCASE, m.id
        LIMIT :limit
        """,
        params,
    )
    return Listing(total, tuple(rows))


class VacantSeats(Record):
    __slots__ = _fields = ("body_id", "body", "college_id", "college", "seats", "filled")
    body_id: int
    body: str
    college_id: int
    college: str
    seats: int
    filled: int

    def __init__(
        self, body_id: int, body: str, college_id: int, college: str, seats: int, filled: int
    ) -> None:
        self.body_id = body_id
        self.body = body
        self.college_id = college_id
        self.college = college
        self.seats = seats
        self.filled = filled

    @property
    def vacant(self) -> int:
        return self.seats - self.filled


class VacancyListing(Record):
    """A `Listing` of colleges with vacant seats, with the vacant seats in all."""

    __slots__ = _fields = ("total", "items", "seats")
    total: int
    items: tuple[VacantSeats, ...]
    seats: int  # vacant seats in all, every college counted

    def __init__(self, total: int, items: tuple[VacantSeats, ...], seats: int = 0) -> None:
        self.total = total
        self.items = items
        self.seats = seats

    @property
    def more(self) -> int:
        return self.total - len(self.items)


def vacancies(db: Database, today: dt.date) -> VacancyListing:
    """Colleges of the bodies in activity with fewer members in office than seats, by body.

    Only the colleges that may have a vacant seat are counted: those full until before the day
    or with a term starting after it, as kept beside the mandates (ess_desk.store.seats,
    migration 0024); a file without that table (read-only, of before it) counts them all."""
    day = today.isoformat()
    try:
        rows = database.records(
            db, VacantSeats, _VACANCIES.format(colleges=_MAY_BE_VACANT), {"day": day}
        )
    except sqlite3.OperationalError as exc:
        if "no such table" not in str(exc):
            raise
        rows = database.records(
            db, VacantSeats, _VACANCIES.format(colleges=_EVERY_COLLEGE), {"day": day}
        )
    items = tuple(rows)
    return VacancyListing(len(items), items, seats=sum(v.vacant for v in items))


# The colleges looked at: those ess_desk.store.seats says may have a vacant seat on the day
# (its two index ranges; CROSS JOIN keeps them first), or every one.
_MAY_BE_VACANT = (
    "(SELECT college_id FROM college_seats WHERE full_until < :day OR last_start > :day) s "
    "CROSS JOIN colleges c ON c.id = s.college_id"
)
_EVERY_COLLEGE = "colleges c"
_VACANCIES = f"""
    SELECT * FROM (
        SELECT b.id AS body_id, b.name AS body, c.id AS college_id, c.name AS college, c.seats,
               (SELECT COUNT(*) FROM mandates m WHERE m.college_id = c.id
                  AND m.role IN {_SEATS} AND {SEAT_END} >= :day
                  AND m.start_date <= :day) AS filled
        FROM {{colleges}} JOIN bodies b ON b.id = c.body_id
        WHERE b.archived = 0 AND c.seats IS NOT NULL
    ) WHERE filled < seats
    ORDER BY body_id, college_id
"""


class BackupState(Record):
    __slots__ = _fields = ("path", "taken_at", "age")
    path: Path | None
    taken_at: dt.datetime | None
    age: dt.timedelta | None  # from the moment asked for

    def __init__(
        self, path: Path | None, taken_at: dt.datetime | None, age: dt.timedelta | None
    ) -> None:
        self.path = path
        self.taken_at = taken_at
        self.age = age

    @property
    def stale(self) -> bool:
        """No automatic backup, or none for more than BACKUP_STALE_DAYS days."""
        return self.age is None or self.age > dt.timedelta(days=BACKUP_STALE_DAYS)


def last_backup(db_path: Path, now: dt.datetime) -> BackupState:
    """The newest automatic (or pre-migration) backup of the database beside it."""
    path = latest_backup(Path(db_path))
    when = backup_date(path) if path is not None else None
    if when is None:
        return BackupState(path, None, None)
    return BackupState(path, when, max(dt.timedelta(0), now - when))


NO_PUBLICATIONS: Listing[Deadline] = Listing(0, ())


class Overview(Record):
    __slots__ = _fields = (
        "today",
        "council",
        "meetings",
        "late_notices",
        "minutes",
        "overdue",
        "due_soon",
        "ending",
        "vacancies",
        "backup",
        "empty",
        "publications",
    )
    today: dt.date
    council: str
    meetings: Listing[UpcomingMeeting]
    late_notices: int | None  # None when asked without deadlines
    minutes: MinutesListing
    overdue: Listing[ActionRow]
    due_soon: Listing[ActionRow]
    ending: Listing[EndingMandate]
    vacancies: VacancyListing
    backup: BackupState
    empty: bool  # no body and nobody yet: a new council file
    # Lists of decisions to post, minutes to sign or publish (CGCT L. 2121-25, L. 2121-15).
    publications: Listing[Deadline]

    def __init__(
        self,
        today: dt.date,
        council: str,
        meetings: Listing[UpcomingMeeting],
        late_notices: int | None,
        minutes: MinutesListing,
        overdue: Listing[ActionRow],
        due_soon: Listing[ActionRow],
        ending: Listing[EndingMandate],
        vacancies: VacancyListing,
        backup: BackupState,
        empty: bool = False,
        publications: Listing[Deadline] = NO_PUBLICATIONS,
    ) -> None:
        self.today = today
        self.council = council
        self.meetings = meetings
        self.late_notices = late_notices
        self.minutes = minutes
        self.overdue = overdue
        self.due_soon = due_soon
        self.ending = ending
        self.vacancies = vacancies
        self.backup = backup
        self.empty = empty
        self.publications = publications

    @property
    def with_deadlines(self) -> bool:
        return self.late_notices is not None


def is_empty(db: Database) -> bool:
    """True for a new council file: no body and nobody in it yet."""
    return (
        db.execute("SELECT 1 FROM bodies LIMIT 1").fetchone() is None
        and db.execute("SELECT 1 FROM people LIMIT 1").fetchone() is None
    )


def council_name(db: Database) -> str:
    """The council's name as its letterhead gives it, else its plenary body's name."""
    # Read here rather than through ess_desk.council, whose import (e-mail validation) would
    # weigh on the window's start-up for one setting.
    found = database.scalar(db, "SELECT value FROM settings WHERE key = 'council_name'")
    if found:
        return str(found)
    plenary = database.scalar(
        db, "SELECT name FROM bodies WHERE kind = 'plenary' AND archived = 0 ORDER BY id LIMIT 1"
    )
    return plenary or ""


def overview(
    db: Database,
    db_path: Path,
    today: dt.date | None = None,
    now: dt.datetime | None = None,
    limit: int = LINES,
    with_deadlines: bool = True,
) -> Overview:
    """Every section of the dashboard, on `today` (default: the real day); see
    `upcoming_meetings` for `with_deadlines`."""
    now = now or dt.datetime.now()
    today = today or now.date()
    meetings = upcoming_meetings(db, today, limit=limit, with_deadlines=with_deadlines)
    # Late notices are counted over every upcoming meeting, not only the lines shown.
    late = late_notices(db, today) if with_deadlines else None
    return Overview(
        today=today,
        council=council_name(db),
        meetings=meetings,
        late_notices=late,
        minutes=pending_minutes(db, today, limit=limit),
        overdue=overdue_actions(db, today, limit=limit),
        due_soon=actions_due_soon(db, today, limit=limit),
        ending=mandates_ending(db, today, limit=limit),
        vacancies=vacancies(db, today),
        backup=last_backup(db_path, now),
        empty=is_empty(db),
        publications=publications(db, today, limit),
    )


def publications(db: Database, today: dt.date, limit: int = LINES) -> Listing[Deadline]:
    """The lists of decisions, signatures and publications of minutes due or late, the ones due
    first first."""
    total, first = pending_page(db, today, limit)
    return Listing(total, tuple(first))
