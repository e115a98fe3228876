"""The demo's meetings: rhythm of each body, agendas, cancellations, notices.

Meetings are written through the meeting services (create, agenda, notice, status, postpone,
guests), and the minutes through the minutes services, for both profiles. Attendance, the
quorum at the opening and votes go through presence.record / record_opening / record_vote
for the small demo; the large one plans them with the same pure counting rules
(meetings.attendance.count) and writes them in bulk with their audit rows, since the services
re-read the whole roster at each call.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ess_desk import audit
from ess_desk import demo_data as data
from ess_desk.dates import display
from ess_desk.demo.organisations import _place, _slug
from ess_desk.demo.sittings import _hold, _showcase_plenary, _showcase_reconvening
from ess_desk.demo.state import _Demo, _ItemPlan, _MeetingPlan
from ess_desk.meetings import agenda, meetings, notice, presence
from ess_desk.meetings.calendar import clear_days_between, holiday_name, is_working_day
from ess_desk.membership import bodies
from ess_desk.store import bulk, database


def _write_membership(demo: _Demo) -> None:
    """The bulk sink's rows go in now: meetings need the mandates in the database."""
    demo.sink.finish()


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> dt.date:
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))


@dataclass(frozen=True)
class _Rhythm:
    months: tuple[int, ...]
    weekday: int
    nth: int
    at: dt.time
    minutes: int


def _rhythm(body_kind: str, number: int) -> _Rhythm:
    """When each kind of body meets: the plenary quarterly, the bureau monthly except August,
    commissions every two months, working groups monthly outside the summer."""
    if body_kind == "plenary":
        return _Rhythm((3, 6, 10, 12), 3, 2, dt.time(18, 0), 150)
    if body_kind == "bureau":
        return _Rhythm((1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12), 1, 1, dt.time(12, 30), 90)
    if body_kind == "commission":
        months = (1, 3, 5, 7, 9, 11) if number % 2 == 0 else (2, 4, 6, 9, 10, 12)
        at = dt.time(9, 30) if number % 2 == 0 else dt.time(14, 0)
        return _Rhythm(months, number % 4, 3, at, 150)
    return _Rhythm((1, 2, 3, 4, 5, 6, 9, 10, 11, 12), 2, 4, dt.time(17, 30), 120)


def _meeting_days(demo: _Demo, body_id: int, rhythm: _Rhythm) -> list[dt.datetime]:
    """The body's meeting dates within the profile's period while it has members, moved a
    week later when they fall on a public holiday."""
    p = demo.profile
    first, last = demo.store.db.execute(
        "SELECT MIN(start_date), MAX(COALESCE(end_date, '9999-12-31')) FROM mandates "
        "WHERE body_id = ?",
        [body_id],
    ).fetchone()
    if first is None:
        return []
    opens = max(p.meetings_from, dt.date.fromisoformat(first) + dt.timedelta(days=14))
    closes = min(p.meetings_until, dt.date.fromisoformat(last))
    calendar_code = demo.city.holiday_calendar
    out = []
    for year in range(opens.year, closes.year + 1):
        for month in rhythm.months:
            day = _nth_weekday(year, month, rhythm.weekday, rhythm.nth)
            while holiday_name(day, calendar_code) is not None:
                day += dt.timedelta(days=7)
            if opens <= day < closes:
                out.append(dt.datetime.combine(day, rhythm.at))
    return out


def _add_meetings(demo: _Demo) -> None:
    """Every body's meetings over the period, with agendas, notices, attendance and votes."""
    db, p = demo.store.db, demo.profile
    rows = db.execute("SELECT id, kind, name FROM bodies ORDER BY id").fetchall()
    planned: list[tuple[dt.datetime, int, str, _Rhythm]] = []
    number = 0
    for body_id, kind, _name in rows:
        rhythm = _rhythm(kind, number)
        number += kind == "commission"
        planned += [
            (start, body_id, kind, rhythm) for start in _meeting_days(demo, body_id, rhythm)
        ]
    planned.sort(key=lambda entry: (entry[0], entry[1]))
    for start, body_id, kind, rhythm in planned:
        demo.meetings.append(_create_meeting(demo, body_id, kind, start, rhythm.minutes))
    past = [m for m in demo.meetings if m.day < p.anchor]
    _cancel_and_postpone(demo, past)
    going = [m for m in demo.meetings if m.status not in ("cancelled", "postponed")]
    held = [m for m in going if m.day < p.anchor]
    late = {m.id for m in demo.rng.sample(held, max(1, len(held) // 20))}
    for plan in going:
        _record_notice(demo, plan, plan.id in late)
        if plan.day < p.anchor:
            _hold(demo, plan)
    _showcase_plenary(demo)
    _showcase_reconvening(demo)
    demo.meetings.sort(key=lambda m: (m.start, m.body_id))


def _create_meeting(
    demo: _Demo, body_id: int, body_kind: str, start: dt.datetime, length: int
) -> _MeetingPlan:
    rng, city = demo.rng, demo.city
    end = start + dt.timedelta(minutes=length)
    place = data.MEETING_PLACES[body_kind].format(city=city.name, place=_place(demo))
    link = ""
    if body_kind != "plenary" and rng.random() < 0.4:
        link = f"https://visio.{_slug(city.name)}.fr/{_slug(body_kind)}-{start:%Y%m%d}"
    meeting_id = meetings.create(
        demo.store,
        body_id=body_id,
        title=data.MEETING_TITLES[body_kind].format(day=display(start.date())),
        starts_at=start,
        ends_at=end,
        place=place,
        video_link=link,
    )
    plan = _MeetingPlan(meeting_id, body_id, body_kind, start, end)
    plan.expected = presence.expected_attendees(demo.store.db, meeting_id)
    _add_agenda(demo, plan)
    return plan


def _add_agenda(demo: _Demo, plan: _MeetingPlan) -> None:
    """Topics of the council (a vote in most plenaries and commissions), the follow-up of
    actions, and questions diverses; presenters are members or the services."""
    rng = demo.rng
    how_many = {"plenary": (3, 4), "bureau": (2, 3), "commission": (2, 3)}.get(
        plan.body_kind, (1, 2)
    )
    topics = rng.sample(data.AGENDA_TOPICS, rng.randint(*how_many))
    votes_here = plan.body_kind in ("plenary", "commission")
    if votes_here and not any(t.kind == "vote" for t in topics) and rng.random() < 0.8:
        topics[-1] = rng.choice([t for t in data.AGENDA_TOPICS if t.kind == "vote"])
        topics = list(dict.fromkeys(topics))
    members = [a for a in plan.expected if a.expected.voting]
    entries: list[tuple[str, str, data.AgendaTopic | None, int, str]] = []
    if plan.body_kind != "plenary":
        entries.append(
            ("information", data.ACTIONS_REVIEW_TITLE, None, 15, data.ACTIONS_REVIEW_SUMMARY)
        )
    for topic in topics:
        kind = topic.kind if topic.kind != "vote" or votes_here or rng.random() < 0.3 else "debate"
        entries.append((kind, topic.title, topic, topic.minutes, topic.description))
    entries.append(("other_business", data.OTHER_BUSINESS_TITLE, None, 10, ""))
    fields: list[agenda.ItemFields] = []
    for kind, title, subject, length, description in entries:
        presenter_id, presenter_text = None, ""
        if subject is not None:
            if members and rng.random() < 0.6:
                presenter_id = rng.choice(members).person_id
            else:
                presenter_text = rng.choice(list(data.PRESENTER_TEXTS)).format(
                    region=demo.city.region
                )
        fields.append(
            {
                "title": title,
                "kind": kind,
                "presenter_person_id": presenter_id,
                "presenter_text": presenter_text,
                "duration_minutes": length,
                "description": description,
            }
        )
    if demo.profile.bulk:
        item_ids = _add_items(demo, plan.id, fields)
    else:
        item_ids = [agenda.create_item(demo.store, plan.id, **values) for values in fields]
    for item_id, (kind, title, subject, length, _text) in zip(item_ids, entries, strict=True):
        plan.items.append(_ItemPlan(item_id, kind, subject, title, length))


def _add_items(demo: _Demo, meeting_id: int, fields: list[agenda.ItemFields]) -> list[int]:
    """`agenda.create_item` for each of a new meeting's items, in one go (the large demo): the
    rows `agenda.items_values` checks and numbers, inserted at once (`bulk.insert_rows`), read
    back as the service reads each, and their "create" entries appended in turn."""
    with demo.store.write() as db:
        rows = agenda.items_values(db, meeting_id, list(fields))
        columns = list(rows[0])
        bulk.insert_rows(db.conn, "agenda_items", columns, [[r[c] for c in columns] for r in rows])
        written = database.dict_rows(
            db,
            "SELECT * FROM agenda_items WHERE meeting_id = ? AND position >= ? ORDER BY position",
            [meeting_id, rows[0]["position"]],
        )
        audit.record_many_kinds(
            db, [("agenda_item", w["id"], "create", None, audit.as_json(w)) for w in written]
        )
    return [w["id"] for w in written]


def _cancel_and_postpone(demo: _Demo, past: list[_MeetingPlan]) -> None:
    """A bureau cancelled and a commission postponed two weeks (about 1 % each when large)."""
    rng = demo.rng
    count = max(1, len(past) // 100)
    bureau = [m for m in past[1:-1] if m.body_kind == "bureau"]
    for plan in rng.sample(bureau, min(count, len(bureau))):
        meetings.update(demo.store, plan.id, notes=data.MEETING_NOTES_CANCELLED)
        meetings.set_status(demo.store, plan.id, "cancelled")
        plan.status = "cancelled"
    commissions = [m for m in past[1:-1] if m.body_kind == "commission"]
    for plan in rng.sample(commissions, min(count, len(commissions))):
        meetings.update(demo.store, plan.id, notes=data.MEETING_NOTES_POSTPONED)
        new_start = plan.start + dt.timedelta(days=14)
        while holiday_name(new_start.date(), demo.city.holiday_calendar) is not None:
            new_start += dt.timedelta(days=7)
        new_id = meetings.postpone(demo.store, plan.id, new_start)
        title = data.MEETING_TITLES[plan.body_kind].format(day=display(new_start.date()))
        meetings.update(demo.store, new_id, title=title, notes="")
        plan.status = "postponed"
        moved = _MeetingPlan(
            new_id, plan.body_id, plan.body_kind, new_start, new_start + (plan.end - plan.start)
        )
        moved.expected = presence.expected_attendees(demo.store.db, new_id)
        copies = agenda.items(demo.store.db, new_id)
        moved.items = [
            _ItemPlan(c.id, i.kind, i.topic, i.title, i.minutes)
            for c, i in zip(copies, plan.items, strict=True)
        ]
        demo.meetings.append(moved)


def _working_day_before(day: dt.date, calendar_code: str) -> dt.date:
    while not is_working_day(day, calendar_code):
        day -= dt.timedelta(days=1)
    return day


def _record_notice(demo: _Demo, plan: _MeetingPlan, late: bool) -> None:
    """Notices go out a few days before the deadline, or late; future meetings are convened
    only when their deadline has come by the anchor."""
    rng, anchor = demo.rng, demo.profile.anchor
    limit = notice.deadline(demo.store.db, plan.id)
    calendar_code = demo.city.holiday_calendar
    sent = _working_day_before(limit - dt.timedelta(days=rng.randint(0, 6)), calendar_code)
    if late:
        # Late: working days after the deadline that leave fewer clear days than the rule.
        required = bodies.get_body(demo.store.db, plan.body_id).notice_clear_days
        days = [
            limit + dt.timedelta(days=n)
            for n in range(1, (plan.day - limit).days)
            if is_working_day(limit + dt.timedelta(days=n), calendar_code)
            and clear_days_between(limit + dt.timedelta(days=n), plan.day) < required
        ]
        if days:
            sent = rng.choice(days[:2])
    if sent > anchor:
        return
    notice.record_sent(demo.store, plan.id, sent)
    plan.status = "convened"
