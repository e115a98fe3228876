"""The demo's actions, decided at meetings and reviewed at later ones."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ess_desk import demo_data as data
from ess_desk.actions import actions, review
from ess_desk.demo.state import _Demo, _MeetingPlan
from ess_desk.minutes import decisions
from ess_desk.store import database


def _add_actions(demo: _Demo) -> None:
    """Actions decided at the meetings held (from a decision, an agenda item, now and then
    from nothing in particular), each reviewed at some later meetings of its body until done,
    abandoned or still open at the anchor. Small: one by one through the services; large: the
    follow-up's bulk insert."""
    db, rng, p = demo.store.db, demo.rng, demo.profile
    held = [m for m in demo.meetings if m.status == "held"]
    if not held:
        return
    theme_ids = {
        r["name"]: r["id"] for r in database.each_row(db, "SELECT name, id FROM action_themes")
    }
    later: dict[int, list[_MeetingPlan]] = {}
    for plan in held:
        later.setdefault(plan.body_id, []).append(plan)
    per_meeting = p.actions / len(held)
    batch: list[dict[str, Any]] = []
    for plan in held:
        count = int(per_meeting) + (rng.random() < per_meeting - int(per_meeting))
        sources = [i for i in plan.items if i.topic is not None]
        owners = [a for a in plan.expected if a.role != "substitute"]
        if not sources or not owners:
            continue
        decided = {
            d.item_id: d.id for d in decisions.decisions_of_meeting(db, plan.id)
        }  # one decision per item in the demo
        following = [m for m in later[plan.body_id] if m.start > plan.start]
        for _n in range(count):
            item = rng.choice(sources)
            topic = item.topic
            assert topic is not None
            title = rng.choice(topic.actions)
            if p.bulk:
                title += rng.choice(data.ACTION_PLACES_SUFFIX)
            owner = rng.choice(owners)
            org_id = demo.people[owner.person_id].org_id if owner.person_id in demo.people else None
            draw = rng.random()
            person_id = owner.person_id if draw < 0.85 or org_id is None else None
            values: dict[str, Any] = {
                "body_id": plan.body_id,
                "title": title,
                "description": topic.description,
                "owner_person_id": person_id,
                "owner_organisation_id": org_id if draw > 0.6 else None,
                "due_date": (plan.day + dt.timedelta(days=rng.randint(30, 270))).isoformat(),
                "priority": rng.choices(("high", "normal", "low"), (2, 6, 2))[0],
                "theme_id": theme_ids.get(topic.theme),
                "created_on": plan.day.isoformat(),
            }
            origin = rng.random()
            if item.id in decided and origin < 0.7:
                values |= {
                    "decision_id": decided[item.id],
                    "meeting_id": plan.id,
                    "item_id": item.id,
                }
            elif origin < 0.95:
                values |= {"meeting_id": plan.id, "item_id": item.id}
            values["updates"] = _plan_updates(demo, plan, following, person_id)
            if p.bulk:
                batch.append(values)
            else:
                _create_action(demo, values)
    if batch:
        actions.bulk_insert(db, batch)


def _plan_updates(
    demo: _Demo, plan: _MeetingPlan, following: list[_MeetingPlan], author: int | None
) -> list[dict[str, Any]]:
    """The action's reviews at the next meetings of its body: progress that grows, now and then
    « pas de changement », and at the end done, abandoned, postponed or still in progress."""
    rng = demo.rng
    wanted = rng.randint(0, 2 * demo.profile.updates_per_action)
    reviews = following[: min(len(following), wanted + rng.randint(0, 2))]
    reviews = [m for m in reviews if rng.random() < 0.85][:wanted]
    out: list[dict[str, Any]] = []
    status, progress = "todo", 0
    for n, meeting in enumerate(reviews):
        last = n == len(reviews) - 1
        entry: dict[str, Any] = {
            "on_date": meeting.day.isoformat(),
            "recorded_at": meeting.end.isoformat(timespec="seconds"),
            "meeting_id": meeting.id,
            "author_person_id": author if rng.random() < 0.5 else None,
        }
        if n and rng.random() < 0.2:
            out.append(entry | {"status": status, "progress": progress, "comment": ""})
            out[-1]["comment"] = data.ACTION_NO_CHANGE
            continue
        draw = rng.random()
        if last and draw < 0.55:
            status, progress = "done", 100
        elif last and draw < 0.65:
            status = "abandoned"
        elif last and draw < 0.75:
            status = "postponed"
        else:
            status, progress = "in_progress", min(90, progress + rng.randint(1, 4) * 10)
        comment = rng.choice([c for s, c in data.ACTION_COMMENTS if s == status])
        out.append(entry | {"status": status, "progress": progress, "comment": comment})
    return out


def _create_action(demo: _Demo, values: dict[str, Any]) -> None:
    """One action and its reviews through the services (the small demo)."""
    anchor = demo.profile.anchor
    entries = values.pop("updates")
    action_id = actions.create(demo.store, today=anchor, **values)
    for entry in entries:
        same = entry["comment"] == data.ACTION_NO_CHANGE
        review.record_review(
            demo.store,
            entry["meeting_id"],
            action_id,
            status=None if same else entry["status"],
            progress=None if same else entry["progress"],
            comment=entry["comment"],
            author_person_id=entry["author_person_id"],
            today=anchor,
        )
