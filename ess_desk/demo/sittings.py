"""The demo's sittings: attendance, proxies, votes, and the rules of the law shown on purpose."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from ess_desk import audit, service
from ess_desk import demo_data as data
from ess_desk.dates import display
from ess_desk.demo.organisations import _place
from ess_desk.demo.state import _Demo, _ItemPlan, _MeetingPlan
from ess_desk.meetings import agenda, meetings, notice, presence, votes
from ess_desk.meetings import attendance as att
from ess_desk.meetings.calendar import is_working_day
from ess_desk.membership import bodies
from ess_desk.store import database


def _plan_presences(demo: _Demo, plan: _MeetingPlan, limit: int) -> list[att.Presence]:
    """Who came: mostly present, some excused or absent, members replaced by their paired
    substitute, proxies to members present (never more than `limit` each), a few late
    arrivals and early departures among those who carry no proxy."""
    rng = demo.rng
    start, end = plan.start, plan.end
    by_mandate = {a.mandate_id: a for a in plan.expected}
    substitute_of = {
        a.expected.substitute_for: a.mandate_id
        for a in plan.expected
        if a.role == "substitute" and a.expected.substitute_for is not None
    }
    status: dict[int, str] = {}
    proxy_to: dict[int, int] = {}
    replaced_by: dict[int, int] = {}
    wants_proxy: list[int] = []
    for a in plan.expected:
        if a.role == "substitute":
            continue
        draw = rng.random()
        if a.role == "permanent_guest":
            status[a.mandate_id] = "present" if draw < 0.5 else "excused"
        elif not a.expected.voting:
            status[a.mandate_id] = "present" if draw < 0.7 else "excused"
        elif draw < 0.72:
            status[a.mandate_id] = "present"
        else:
            sub = substitute_of.get(a.mandate_id)
            if sub is not None and rng.random() < 0.5:
                status[a.mandate_id] = "replaced"
                replaced_by[a.mandate_id] = sub
                status[sub] = "present"
            elif limit and draw < 0.84:
                wants_proxy.append(a.mandate_id)
            else:
                status[a.mandate_id] = "excused" if draw < 0.95 else "absent"
    for a in plan.expected:
        if a.role == "substitute" and a.mandate_id not in status:
            draw = rng.random()
            status[a.mandate_id] = (
                "present" if draw < 0.1 else "excused" if draw < 0.4 else "absent"
            )
    holders = [
        a.mandate_id
        for a in plan.expected
        if a.expected.voting and status.get(a.mandate_id) == "present"
    ]
    carried: dict[int, int] = {}
    for giver in wants_proxy:
        free = [h for h in holders if carried.get(h, 0) < limit]
        if not free:
            status[giver] = "excused"
            continue
        holder = rng.choice(free)
        carried[holder] = carried.get(holder, 0) + 1
        status[giver] = "represented"
        proxy_to[giver] = holder
    sitting_subs = set(replaced_by.values())
    out = []
    for a in plan.expected:
        mandate_id = a.mandate_id
        arrival = departure = None
        movable = (
            status[mandate_id] == "present"
            and mandate_id not in carried
            and mandate_id not in sitting_subs
        )
        if movable and rng.random() < 0.08:
            arrival = (start + dt.timedelta(minutes=rng.randint(10, 35))).time()
        elif movable and rng.random() < 0.06:
            departure = (end - dt.timedelta(minutes=rng.randint(15, 40))).time()
        out.append(
            att.Presence(
                mandate_id,
                status[mandate_id],
                proxy_to.get(mandate_id),
                replaced_by.get(mandate_id),
                arrival,
                departure,
            )
        )
    assert set(by_mandate) == {p.mandate_id for p in out}
    return out


def _item_times(plan: _MeetingPlan, has_approval: bool) -> dict[int, dt.time]:
    """When each item's vote is taken: near the end of the item, after the approval of the
    previous minutes (five minutes) that the minutes step puts first on the agenda."""
    clock = plan.start + dt.timedelta(minutes=5 if has_approval else 0)
    out = {}
    for item in plan.items:
        clock += dt.timedelta(minutes=item.minutes)
        out[item.id] = (clock - dt.timedelta(minutes=2)).time()
    return out


def _vote_counts(demo: _Demo, available: int) -> dict[str, int]:
    """Mostly adopted with a few against and abstaining; now and then rejected."""
    rng = demo.rng
    not_voting = 1 if available > 6 and rng.random() < 0.1 else 0
    voting = available - not_voting
    if rng.random() < 0.05:
        against = voting // 2 + 1
        abstentions = rng.randint(0, voting - against)
    else:
        against = rng.randint(0, max(0, voting // 8))
        abstentions = rng.randint(0, max(0, voting // 6))
    votes_for = voting - against - abstentions
    if votes_for == against and against:
        against -= 1
        abstentions += 1
    return {
        "votes_for": votes_for,
        "votes_against": against,
        "abstentions": abstentions,
        "not_voting": not_voting,
    }


def _hold(demo: _Demo, plan: _MeetingPlan) -> None:
    """A past meeting: attendance, guests, the opening quorum, votes, then « tenue »."""
    db, rng = demo.store.db, demo.rng
    rules_ = presence.rules_for(db, plan.body_id)
    presences = _plan_presences(demo, plan, rules_.proxies_per_holder)
    expected = [a.expected for a in plan.expected]
    opening = att.count(expected, presences, rules_, plan.start.time())
    if opening.problems:
        raise RuntimeError(f"demo planning error: {opening.problems}")
    # A meeting of the body held before this one leaves minutes to approve first.
    earliest = demo.first_held.get(plan.body_id)
    times = _item_times(plan, earliest is not None and earliest < plan.start)
    ballots = []
    for item in plan.items:
        if item.kind == "vote":
            moment = times[item.id]
            counted = att.count(expected, presences, rules_, moment)
            ballots.append((item, moment, counted, _vote_counts(demo, counted.votes_available)))
    # Held as it opened (the demo's clock is its anchor): then its votes can be recorded.
    meetings.set_status(demo.store, plan.id, "held", now=_demo_now(demo))
    plan.status = "held"
    demo.first_held[plan.body_id] = plan.start if earliest is None else min(earliest, plan.start)
    if demo.profile.bulk:
        _write_attendance_bulk(demo, plan, presences, opening, ballots)
    else:
        for p in sorted(presences, key=lambda p: p.status == "represented"):
            presence.record(
                demo.store, plan.id, p.mandate_id, p.status,
                proxy_to=p.proxy_to, replaced_by=p.replaced_by,
                arrival=p.arrival, departure=p.departure,
            )  # fmt: skip
        presence.record_opening(demo.store, plan.id, plan.start.time())
        for item, moment, _counted, counts in ballots:
            votes.record_vote(
                demo.store,
                item.id,
                taken_at=moment,
                votes_for=counts["votes_for"],
                votes_against=counts["votes_against"],
                abstentions=counts["abstentions"],
                not_voting=counts["not_voting"],
            )
    if plan.body_kind == "plenary" and rng.random() < 0.5:
        position, organisation = rng.choice(data.GUEST_VISITORS)
        female = rng.random() < 0.5
        first = rng.choice(data.FEMALE_FIRST_NAMES if female else data.MALE_FIRST_NAMES)
        presence.add_guest(
            demo.store,
            plan.id,
            f"{first} {rng.choice(data.LAST_NAMES)}",
            f"{position}, {organisation.format(region=demo.city.region, city=demo.city.name)}",
        )


def _last_held(demo: _Demo, kind: str, before: dt.date) -> _MeetingPlan | None:
    held = [m for m in demo.meetings if m.body_kind == kind and m.status == "held"]
    held = [m for m in held if m.day < before and any(i.kind == "vote" for i in m.items)]
    return max(held, key=lambda m: m.start) if held else None


def _voters_at(demo: _Demo, plan: _MeetingPlan, moment: dt.time, item_id: int) -> att.Count:
    return presence.quorum(demo.store.db, plan.id, moment, item_id=item_id)


def _showcase_plenary(demo: _Demo) -> None:
    """The last plenary held before the anchor shows the law of meetings: a member taking part
    by video, a member withdrawn from an item (déport) voted by roll call, a secret ballot, and
    a tie settled by the chair's casting vote. Its own random stream: the rest of the demo is
    the same with or without it."""
    plan = _last_held(demo, "plenary", demo.profile.anchor)
    if plan is None:
        return
    db, store = demo.store.db, demo.store
    rng = random.Random(plan.id)
    rows = {p.mandate_id: p for p in presence.presences(db, plan.id)}
    carriers = {p.proxy_to for p in rows.values() if p.status == "represented"}
    chairs = {a.mandate_id for a in plan.expected if a.role in ("president", "co_president")}
    plain = [
        a
        for a in plan.expected
        if a.expected.voting
        and a.role == "member"
        and rows.get(a.mandate_id)
        and rows[a.mandate_id].status == "present"
        and rows[a.mandate_id].arrival is None
        and rows[a.mandate_id].departure is None
        and a.mandate_id not in carriers | chairs
    ]
    if len(plain) < 2:
        return
    remote, interested = rng.sample(plain, 2)
    presence.record(store, plan.id, remote.mandate_id, "remote")
    presence.record_opening(store, plan.id, plan.start.time())
    other = [i.id for i in plan.items if i.kind == "other_business"]
    topics = (data.SHOWCASE_ROLL_CALL, data.SHOWCASE_SECRET, data.SHOWCASE_TIE)
    added = []
    for topic in topics:
        item_id = agenda.create_item(
            store,
            plan.id,
            title=topic.title,
            kind="vote",
            presenter_text=rng.choice(list(data.PRESENTER_TEXTS)).format(region=demo.city.region),
            duration_minutes=topic.minutes,
            description=topic.description,
        )
        added.append(item_id)
        plan.items.insert(
            len(plan.items) - len(other),
            _ItemPlan(item_id, "vote", topic, topic.title, topic.minutes),
        )
    order = [i.id for i in agenda.items(db, plan.id) if i.id not in other] + other
    agenda.reorder(store, plan.id, order)
    moment = (plan.end - dt.timedelta(minutes=25)).time()
    roll_call, secret, tie = added
    presence.withdraw(store, roll_call, interested.mandate_id, "administrateur de la SCIC")
    count = _voters_at(demo, plan, moment, roll_call)
    members = sorted(count.cast_by)
    choices = {m: "for" for m in members}
    for m in rng.sample(members, min(3, len(members))):
        choices[m] = rng.choice(["against", "abstention"])
    votes.record_vote(store, roll_call, kind="roll_call", ballots=choices, taken_at=moment)
    available = _voters_at(demo, plan, moment, secret).votes_available
    votes.record_vote(
        store, secret, kind="secret", taken_at=moment, votes_for=max(0, available - 4),
        votes_against=min(2, available), blank=1 if available > 2 else 0,
        spoilt=1 if available > 3 else 0,
    )  # fmt: skip
    available = _voters_at(demo, plan, moment, tie).votes_available
    half = (available - 1) // 2
    votes.record_vote(
        store, tie, taken_at=moment, votes_for=half, votes_against=half,
        abstentions=available - 2 * half, chair_vote="for",
    )  # fmt: skip


def _showcase_reconvening(demo: _Demo) -> None:
    """A commission whose quorum fails at the opening is called again a week later on the same
    agenda, with the reconvening rule's notice; few come, and it deliberates without quorum."""
    db, store, anchor = demo.store.db, demo.store, demo.profile.anchor
    plan = _last_held(demo, "commission", anchor - dt.timedelta(days=30))
    if plan is None:
        return
    rng = random.Random(plan.id)
    start = dt.datetime.combine(plan.day + dt.timedelta(days=14), plan.start.time())
    while not is_working_day(start.date(), demo.city.holiday_calendar):
        start += dt.timedelta(days=1)
    first = _MeetingPlan(0, plan.body_id, "commission", start, start + (plan.end - plan.start))
    first.id = meetings.create(
        store,
        body_id=plan.body_id,
        title=data.MEETING_TITLES["commission"].format(day=display(start.date())),
        starts_at=start,
        ends_at=first.end,
        place=data.MEETING_PLACES["commission"].format(city=demo.city.name, place=_place(demo)),
        notes=data.MEETING_NOTES_FAILED_QUORUM,
    )
    topic = data.SHOWCASE_RECONVENED
    item_id = agenda.create_item(
        store, first.id, title=topic.title, kind="vote", duration_minutes=topic.minutes,
        description=topic.description,
        presenter_text=rng.choice(list(data.PRESENTER_TEXTS)).format(region=demo.city.region),
    )  # fmt: skip
    first.items = [_ItemPlan(item_id, "vote", topic, topic.title, topic.minutes)]
    notice.record_sent(store, first.id, notice.deadline(db, first.id) - dt.timedelta(days=2))
    first.expected = presence.expected_attendees(db, first.id)
    members = [a for a in first.expected if a.expected.voting and a.role != "substitute"]
    # The chair comes both times (the minutes open « sous la présidence de … »).
    members.sort(key=lambda a: a.role not in ("president", "co_president"))
    came = members[:1]
    for a in first.expected:
        status = "present" if a in came else ("excused" if rng.random() < 0.8 else "absent")
        presence.record(store, first.id, a.mandate_id, status)
    presence.record_opening(store, first.id, start.time())
    meetings.set_status(store, first.id, "held", now=_demo_now(demo))
    first.status = "held"
    sent = start.date() + dt.timedelta(days=1)
    body = bodies.get_body(db, plan.body_id)
    again_start = dt.datetime.combine(
        sent + dt.timedelta(days=body.reconvene_notice_days + 2), start.time()
    )
    second = _MeetingPlan(
        meetings.reconvene(store, first.id, again_start),
        plan.body_id,
        "commission",
        again_start,
        again_start + (first.end - first.start),
    )
    notice.record_sent(store, second.id, sent)
    second.expected = presence.expected_attendees(db, second.id)
    copies = agenda.items(db, second.id)
    second.items = [
        _ItemPlan(c.id, i.kind, i.topic, i.title, i.minutes)
        for c, i in zip(copies, first.items, strict=True)
    ]
    came = members[:1] + rng.sample(members[1:], min(1, len(members) - 1))
    for a in second.expected:
        status = "present" if a.mandate_id in {c.mandate_id for c in came} else "excused"
        presence.record(store, second.id, a.mandate_id, status)
    presence.record_opening(store, second.id, again_start.time())
    meetings.set_status(store, second.id, "held", now=_demo_now(demo))
    second.status = "held"
    moment = (again_start + dt.timedelta(minutes=topic.minutes)).time()
    votes.record_vote(
        store, second.items[0].id, taken_at=moment, votes_for=len(came), votes_against=0
    )
    demo.meetings += [first, second]


def _demo_now(demo: _Demo) -> dt.datetime:
    """The demo's clock: the start of its anchor day (history is never tied to today)."""
    return dt.datetime.combine(demo.profile.anchor, dt.time(0, 0))


def _write_attendance_bulk(
    demo: _Demo,
    plan: _MeetingPlan,
    presences: list[att.Presence],
    opening: att.Count,
    ballots: list[tuple[_ItemPlan, dt.time, att.Count, dict[str, int]]],
) -> None:
    db = demo.store.db
    body = bodies.get_body(db, plan.body_id)

    def hhmm(value: dt.time | None) -> str | None:
        return value.isoformat(timespec="minutes") if value else None

    _bulk_rows(
        db,
        "attendance",
        "attendance",
        [
            {
                "meeting_id": plan.id,
                "mandate_id": p.mandate_id,
                "status": p.status,
                "proxy_to_mandate_id": p.proxy_to,
                "replaced_by_mandate_id": p.replaced_by,
                "arrival": hhmm(p.arrival),
                "departure": hhmm(p.departure),
            }
            for p in presences
        ],
    )
    service.update(
        db,
        "meetings",
        "meeting",
        plan.id,
        {
            "opening_time": hhmm(plan.start.time()),
            "opening_quorum": presence.count_as_json(opening),
        },
    )
    _bulk_rows(
        db,
        "votes",
        "vote",
        [
            counts
            | {
                "meeting_id": plan.id,
                "item_id": item.id,
                "taken_at": hhmm(moment),
                "by_college": None,
                "casting_vote": None,
                "outcome": votes.outcome(
                    counts["votes_for"],
                    counts["votes_against"],
                    counts["abstentions"],
                    body.majority_rule,
                ),
                "quorum_reached": 1 if counted.reached else 0,
                "quorum": presence.count_as_json(counted),
            }
            for item, moment, counted, counts in ballots
        ],
    )


def _bulk_rows(db: Any, table: str, entity: str, rows: list[dict[str, Any]]) -> list[int]:
    """Insert rows with executemany and audit each one as stored, as service.insert does."""
    if not rows:
        return []
    first = database.scalar(db, f"SELECT COALESCE(MAX(id), 0) + 1 FROM [{table}]")
    cols = list(rows[0])
    db.conn.executemany(
        f"INSERT INTO [{table}] (id, {', '.join(f'[{c}]' for c in cols)}) "
        f"VALUES (?, {', '.join('?' for _c in cols)})",
        [[first + n, *(r[c] for c in cols)] for n, r in enumerate(rows)],
    )
    cursor = db.execute(f"SELECT * FROM [{table}] WHERE id >= ? ORDER BY id", [first])
    names = [c[0] for c in cursor.description]
    audit.record_many(db, entity, "create", audit.created_rows(names, cursor.fetchall()))
    return list(range(first, first + len(rows)))
