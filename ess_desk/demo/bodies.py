"""The demo's bodies, the plenary's mandatures with bureau and commissions, working groups, guests, contacts and archives."""

from __future__ import annotations

import datetime as dt
import random

from ess_desk import demo_data as data
from ess_desk.council import set_letterhead
from ess_desk.dates import add_years
from ess_desk.demo.organisations import make_siret
from ess_desk.demo.people import _mandate, _new_person
from ess_desk.demo.profiles import CollegeSpec, Profile
from ess_desk.demo.state import _Demo, _Segment, _Slot


def _add_bodies(demo: _Demo) -> None:
    p, sink = demo.profile, demo.sink
    plenary = p.plenary_name.format(city=demo.city.name)
    # The letterhead every document carries (inside the demo's transaction).
    set_letterhead(
        demo.store,
        council_name=plenary,
        council_address=f"Hôtel de ville\n{demo.city.postcode} {demo.city.name}",
        signatory="La présidence du conseil",
        signatory_title=plenary,
        council_email="conseil.ess@exemple.fr",
        # The authority's SIRET, which the SCDL open-data file of the publication folder requires
        # (drawn apart from the demo's stream, so that nothing else of the demo changes).
        council_siret=make_siret(random.Random(f"siret:{plenary}"), public=True),
    )
    demo.plenary_id = sink.body(
        {
            "name": plenary,
            "kind": "plenary",
            # A consultative council (décret n° 2006-672): members may take part by video; its
            # internal rules add a simple majority and minutes published within 15 days.
            "rule_set": "consultative",
            "minutes_publish_days": 15,
            "quorum_numerator": 1,
            "quorum_denominator": 2,
            "quorum_counts_represented": 1,
            "proxies_per_holder": 1,
            "notice_clear_days": 10,
            "mandate_years": 3,
            "holiday_calendar": demo.city.holiday_calendar,
            "majority_rule": "simple",
            "chair_casting_vote": 1,
        }
    )
    for spec in p.colleges:
        demo.college_ids[(demo.plenary_id, spec.name)] = sink.college(
            demo.plenary_id, {"name": spec.name, "seats": spec.seats, "voting": spec.voting}
        )
    demo.bureau_id = sink.body(
        {
            "name": f"Bureau du {plenary[0].lower()}{plenary[1:]}",
            "kind": "bureau",
            "rule_set": "association",
            "parent_id": demo.plenary_id,
            "quorum_numerator": 1,
            "quorum_denominator": 2,
            "quorum_counts_represented": 0,
            "proxies_per_holder": 0,
            "notice_clear_days": 5,
            "holiday_calendar": demo.city.holiday_calendar,
        }
    )
    demo.college_ids[(demo.bureau_id, "Membres du bureau")] = sink.college(
        demo.bureau_id, {"name": "Membres du bureau", "seats": p.bureau_seats, "voting": True}
    )
    for name in p.commissions:
        body_id = sink.body(
            {
                "name": name,
                "kind": "commission",
                "rule_set": "association",
                "parent_id": demo.plenary_id,
                "quorum_numerator": 1,
                "quorum_denominator": 3,
                "quorum_counts_represented": 1,
                "notice_clear_days": 7,
                "holiday_calendar": demo.city.holiday_calendar,
            }
        )
        demo.commission_ids.append(body_id)
        demo.college_ids[(body_id, "Membres du conseil")] = sink.college(
            body_id, {"name": "Membres du conseil", "seats": p.commission_seats, "voting": True}
        )
        demo.college_ids[(body_id, "Personnes associées")] = sink.college(
            body_id, {"name": "Personnes associées", "seats": p.expert_seats, "voting": False}
        )
    demo.body_count = 2 + len(p.commissions)


def mandature_bounds(profile: Profile, index: int) -> tuple[dt.date, dt.date]:
    """First and last day of the plenary's mandature number `index` (0 = the first)."""
    start = add_years(profile.first_start, 3 * index) + dt.timedelta(days=1)
    return start, add_years(start, 3)


def _add_mandatures(demo: _Demo) -> None:
    for index in range(demo.profile.mandatures):
        slots = _plan_plenary(demo, index)
        _write_plenary(demo, slots)
        _add_bureau(demo, slots)
        _add_commissions(demo, index, slots)
        demo.previous_slots = {
            spec.name: [s for s in slots if s.college is spec] for spec in demo.profile.colleges
        }


def _plan_plenary(demo: _Demo, index: int) -> list[_Slot]:
    """Who holds each seat of the plenary during one mandature, replacements included."""
    rng, p = demo.rng, demo.profile
    start, end = mandature_bounds(p, index)
    history_end = min(end, p.anchor)
    slots: list[_Slot] = []
    for spec in p.colleges:
        previous = demo.previous_slots.get(spec.name, [])
        for i in range(spec.filled):
            role = "member"
            if i == 0 and spec.source == "elected":
                role = "president"
            elif i == 0 and spec.source == "ess":
                role = "co_president"
            slot = _Slot(spec, role)
            holder = None
            if i < len(previous) and previous[i].segments:
                last = previous[i].segments[-1]
                keep = p.keep_ratio + (0.15 if role != "member" else 0.0)
                if last.end == start - dt.timedelta(days=1) and rng.random() < keep:
                    holder = last.person_id
            if holder is None:
                holder = _new_person(demo, spec.source)
            slot.segments.append(_Segment(holder, start, end))
            span = (history_end - start).days - 45
            if role == "member" and span > 60 and rng.random() < p.departure_ratio:
                leave = start + dt.timedelta(days=rng.randint(60, span))
                first = slot.segments[0]
                first.end = leave
                first.notes = rng.choice(data.DEPARTURE_NOTES)
                comes = leave + dt.timedelta(days=rng.randint(14, 75))
                if comes < history_end:
                    slot.segments.append(_Segment(_new_person(demo, spec.source), comes, end))
            slots.append(slot)
    if start <= p.anchor <= end:
        _plan_ending_soon(demo, slots)
    return slots


def _plan_ending_soon(demo: _Demo, slots: list[_Slot]) -> None:
    """A few current mandates end within 60 days after the anchor: the renewals to prepare."""
    rng, anchor = demo.rng, demo.profile.anchor
    candidates = [s for s in slots if s.role == "member" and s.segments[-1].start < anchor]
    for slot in rng.sample(candidates, min(demo.profile.ending_soon, len(candidates))):
        last = slot.segments[-1]
        last.end = anchor + dt.timedelta(days=rng.randint(5, 55))
        last.notes = rng.choice(data.ENDING_NOTES)


def _write_plenary(demo: _Demo, slots: list[_Slot]) -> None:
    rng = demo.rng
    for spec in demo.profile.colleges:
        college_slots = [s for s in slots if s.college is spec]
        college_id = demo.college_ids[(demo.plenary_id, spec.name)]
        paired = set(
            rng.sample(range(len(college_slots)), min(spec.substitutes, len(college_slots)))
        )
        for i, slot in enumerate(college_slots):
            for seg in slot.segments:
                seg.mandate_id = _mandate(
                    demo, seg.person_id, demo.plenary_id, college_id, slot.role,
                    seg.start, seg.end, notes=seg.notes,
                )  # fmt: skip
                if i in paired:
                    _add_substitute(demo, spec, i, college_id, seg)


def _add_substitute(
    demo: _Demo, spec: CollegeSpec, index: int, college_id: int, seg: _Segment
) -> None:
    """A substitute paired with the holder, usually from the same organisation."""
    key = (spec.name, index)
    person = demo.previous_substitutes.get(key)
    if (
        person is None
        or person == seg.person_id
        or demo.rng.random() > demo.profile.keep_ratio
        or not demo.ledger.free(person, demo.plenary_id, seg.start, seg.end)
    ):
        org = demo.people[seg.person_id].org_id
        person = _new_person(demo, spec.source, org if org is not None else "pick")
    _mandate(
        demo, person, demo.plenary_id, college_id, "substitute", seg.start, seg.end,
        substitute_for=seg.mandate_id,
    )  # fmt: skip
    demo.previous_substitutes[key] = person


def _stable(slots: list[_Slot]) -> list[_Slot]:
    return [s for s in slots if len(s.segments) == 1 and s.college.voting and s.role == "member"]


def _add_bureau(demo: _Demo, slots: list[_Slot]) -> None:
    """The bureau: the president, the co-president and members who hold their seat throughout."""
    rng, p = demo.rng, demo.profile
    college_id = demo.college_ids[(demo.bureau_id, "Membres du bureau")]
    chairs = [s for s in slots if s.role != "member"]
    others = rng.sample(_stable(slots), min(p.bureau_seats - len(chairs), len(_stable(slots))))
    for n, slot in enumerate(chairs + others):
        role = slot.role
        if role == "member" and n - len(chairs) < p.vice_presidents:
            role = "vice_president"
        for seg in slot.segments:
            _mandate(demo, seg.person_id, demo.bureau_id, college_id, role, seg.start, seg.end)


def _add_commissions(demo: _Demo, index: int, slots: list[_Slot]) -> None:
    """Each commission mirrors some plenary seats and associates a few outside people."""
    rng, p = demo.rng, demo.profile
    start, end = mandature_bounds(p, index)
    voting = [s for s in slots if s.college.voting]
    for number, body_id in enumerate(demo.commission_ids):
        if number >= 3 and index == 0 and p.mandatures > 1:
            continue  # the later commissions were created at the first renewal
        council = demo.college_ids[(body_id, "Membres du conseil")]
        chosen = rng.sample(voting, min(p.commission_seats, len(voting)))
        for n, slot in enumerate(chosen):
            for seg in slot.segments:
                role = "president" if n == 0 else "member"
                _mandate(demo, seg.person_id, body_id, council, role, seg.start, seg.end)
        associated = demo.college_ids[(body_id, "Personnes associées")]
        for seat in range(p.expert_seats):
            person = demo.previous_experts.get((body_id, seat))
            if person is None or rng.random() > p.keep_ratio:
                person = _new_person(demo, "expert")
            _mandate(demo, person, body_id, associated, "member", start, end)
            demo.previous_experts[(body_id, seat)] = person


def _add_working_groups(demo: _Demo) -> None:
    """Working groups under a commission, each living a few years, open to outside people."""
    rng, p, sink = demo.rng, demo.profile, demo.sink
    first, anchor = p.first_start, p.anchor
    for name in p.working_groups:
        parent = rng.choice(demo.commission_ids[:3])
        body_id = sink.body(
            {
                "name": name,
                "kind": "working_group",
                "parent_id": parent,
                "quorum_numerator": 0,
                "quorum_denominator": 1,
                "notice_clear_days": 3,
                "holiday_calendar": demo.city.holiday_calendar,
            }
        )
        demo.body_count += 1
        college_id = sink.college(body_id, {"name": "Participants", "seats": None, "voting": True})
        opens = first + dt.timedelta(days=rng.randint(60, 6 * 365))
        closes = add_years(opens, rng.randint(2, 6))
        ended = closes < anchor
        stop = closes if ended else anchor
        active: list[tuple[int, dt.date]] = []
        for _i in range(p.working_group_size):
            active.append((_new_person(demo, "participant"), opens))
        day = opens
        while True:
            day = day + dt.timedelta(days=365)
            if day >= stop:
                break
            leaving = rng.sample(range(len(active)), len(active) // 4)
            kept = []
            for i, (person, since) in enumerate(active):
                if i in leaving:
                    _mandate(demo, person, body_id, college_id, "member", since, day)
                    kept.append((_new_person(demo, "participant"), day + dt.timedelta(days=1)))
                else:
                    kept.append((person, since))
            active = kept
        for person, since in active:
            _mandate(demo, person, body_id, college_id, "member", since, closes if ended else None)
        if ended:
            sink.archive_body(body_id)


def _add_guests_and_secretariat(demo: _Demo) -> None:
    """Permanent guests of the plenary (re-designated at each renewal) and the staff."""
    rng, p = demo.rng, demo.profile
    for org_id, (_org, feminine, masculine) in zip(
        demo.guest_orgs, data.GUEST_POSITIONS, strict=False
    ):
        person = _new_person(demo, "partner", org_id, (feminine, masculine))
        for index in range(p.mandatures):
            start, end = mandature_bounds(p, index)
            if index and rng.random() < 0.3:
                person = _new_person(demo, "partner", org_id, (feminine, masculine))
            _mandate(demo, person, demo.plenary_id, None, "permanent_guest", start, end)
    last_end = mandature_bounds(p, p.mandatures - 1)[1]
    years = (last_end - p.first_start).days // 365
    staff = [_new_person(demo, "staff"), _new_person(demo, "staff")]
    bodies_served = [demo.plenary_id, demo.bureau_id]
    for body_id in bodies_served:
        _mandate(demo, staff[0], body_id, None, "secretariat", p.first_start, None)
    if years > 4:
        # The second post changed hands halfway through the decade.
        change = p.first_start + dt.timedelta(days=rng.randint(3 * 365, 5 * 365))
        successor = _new_person(demo, "staff")
        for body_id in bodies_served:
            _mandate(demo, staff[1], body_id, None, "secretariat", p.first_start, change)
            after = change + dt.timedelta(days=1)
            _mandate(demo, successor, body_id, None, "secretariat", after, None)
    else:
        _mandate(demo, staff[1], demo.plenary_id, None, "secretariat", p.first_start, None)


def _add_contacts(demo: _Demo) -> None:
    """People of the member organisations who hold no mandate, up to the profile's total."""
    while len(demo.people) < demo.profile.people:
        _new_person(demo, "contact")


def _archive_leavers(demo: _Demo) -> None:
    """People whose every mandate ended before the anchor: some are archived, at least one."""
    rng, anchor = demo.rng, demo.profile.anchor
    gone = sorted(
        (end, pid)
        for pid, end in demo.ledger.last_end.items()
        if end is not None and end < anchor and pid in demo.people
    )
    long_gone = anchor - dt.timedelta(days=365)
    chosen = [
        pid for end, pid in gone if end < long_gone and rng.random() < demo.profile.archive_ratio
    ]
    if gone and not chosen:
        chosen = [gone[0][1]]
    for pid in chosen:
        demo.sink.archive_person(pid)
