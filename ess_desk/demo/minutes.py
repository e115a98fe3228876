"""The demo's minutes, written for every meeting held and most approved at the next."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ess_desk import demo_data as data
from ess_desk.demo.approvals import BulkApprovals, publication_days
from ess_desk.demo.drafts import BulkDrafts, ServiceDrafts
from ess_desk.demo.state import _Demo
from ess_desk.meetings import agenda, meetings, presence, votes
from ess_desk.minutes import minutes
from ess_desk.store import database


def _secretary(db: Any, body_id: int, day: dt.date, plenary_id: int) -> str:
    """The staff member serving the body that day (the plenary's staff serve the commissions)."""
    found = database.scalar(
        db,
        "SELECT p.first_name || ' ' || p.last_name FROM mandates m JOIN people p "
        "ON p.id = m.person_id WHERE m.role = 'secretariat' AND m.body_id IN (?, ?) "
        "AND m.start_date <= ? AND (m.end_date IS NULL OR m.end_date >= ?) "
        "ORDER BY m.body_id != ?, m.id LIMIT 1",
        [body_id, plenary_id, day.isoformat(), day.isoformat(), body_id],
    )
    return found or ""


def _section_text(demo: _Demo, item: agenda.AgendaItem, topic: data.AgendaTopic | None) -> str:
    rng, db = demo.rng, demo.store.db
    if item.kind == "minutes_approval":
        return data.APPROVAL_SUMMARY
    if item.kind == "other_business":
        return rng.choice(data.OTHER_BUSINESS_SUMMARIES)
    if topic is None:
        return data.ACTIONS_REVIEW_SUMMARY
    if item.presenter_person_id:
        presenter = database.scalar(
            db,
            "SELECT first_name || ' ' || last_name FROM people WHERE id = ?",
            [item.presenter_person_id],
        )
    else:
        region = demo.city.region
        subjects = {
            k.format(region=region): v.format(region=region)
            for k, v in data.PRESENTER_TEXTS.items()
        }
        presenter = subjects.get(item.presenter_text, item.presenter_text)
    text = rng.choice(topic.summaries).format(presenter=presenter)
    vote = votes.vote_for_item(db, item.id)
    if vote is not None:
        outcome = "adopté" if vote.outcome == "adopted" else "rejeté"
        text += "\n\n" + data.VOTE_SENTENCE.format(outcome=outcome)
    return text


def _add_minutes(demo: _Demo) -> None:
    """Minutes for every meeting held: a section per item, the decisions of adopted votes
    (numbered per year by the register), submitted to the next meeting of the body except the
    most recent ones, still drafts at the anchor."""
    db, anchor = demo.store.db, demo.profile.anchor
    held = [m for m in demo.meetings if m.status == "held"]
    drafts = BulkDrafts(demo.store) if demo.profile.bulk else ServiceDrafts(demo.store)
    for plan in held:
        minutes_id = drafts.start(plan.id)
        plan.minutes_id = minutes_id
        items = agenda.items(db, plan.id)
        closing = agenda.timetable(items, plan.start, plan.end).ends_at
        closing += dt.timedelta(minutes=demo.rng.randint(-10, 15))
        drafts.update(
            minutes_id,
            secretary=_secretary(db, plan.body_id, plan.day, demo.plenary_id),
            closing_time=closing.time(),
        )
        topics = {i.id: i.topic for i in plan.items}
        for item in items:
            topic = topics.get(item.id)
            drafts.save_section(minutes_id, item.id, _section_text(demo, item, topic))
            vote = votes.vote_for_item(db, item.id)
            if topic is not None and topic.decision and vote and vote.outcome == "adopted":
                drafts.add_decision(item.id, topic.decision_kind, topic.decision)
        following = meetings.next_meeting_of_body(db, plan.id)
        sent = plan.day + dt.timedelta(days=demo.rng.randint(7, 14))
        # The minutes of the last three weeks before the anchor are still being drafted.
        drafting = plan.day + dt.timedelta(days=21) >= anchor
        if following is not None and not drafting and sent < following.day:
            drafts.submit(minutes_id, today=sent)
        drafts.drafted()
    drafts.finish()


def _approve_minutes(demo: _Demo) -> None:
    """Submitted minutes are approved at the next meeting when it has been held; that meeting
    then closes the earlier one. Small: through the services; large: the same checks and rows,
    written in bulk (`approvals.BulkApprovals`)."""
    db = demo.store.db
    rows = db.execute(
        "SELECT mi.approval_item_id, mi.meeting_id FROM minutes mi "
        "JOIN agenda_items i ON i.id = mi.approval_item_id "
        "JOIN meetings m ON m.id = i.meeting_id "
        "WHERE mi.status = 'submitted' AND m.status = 'held' ORDER BY m.starts_at, mi.id"
    ).fetchall()
    bulk = BulkApprovals(demo.store) if demo.profile.bulk else None
    for item_id, meeting_id in rows:
        approving = meetings.get(
            db,
            database.scalar(db, "SELECT meeting_id FROM agenda_items WHERE id = ?", [item_id]),
        )
        moment = presence.parse_time(approving.opening_time, "opening_time")
        opening = presence.quorum(db, approving.id, moment, item_id=item_id)
        if not opening.reached:
            continue  # a meeting without quorum approves nothing: the minutes wait
        demo.approved += 1
        if bulk is not None:
            bulk.add(item_id, opening)
            continue
        approved = minutes.approve(demo.store, item_id)
        signed, published = publication_days(approving.day)  # (the day it approved them)
        minutes.record_publication(
            demo.store, approved.id, signed_on=signed, published_on=published
        )
        meetings.set_status(demo.store, meeting_id, "closed")
    if bulk is not None:
        bulk.finish()
