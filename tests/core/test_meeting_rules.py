"""Meeting rules: clear-day deadlines, holidays, schedules, attendance, proxies and quorum."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ess_desk.errors import UserError
from ess_desk.meetings import attendance as att
from ess_desk.meetings.calendar import (
    clear_days_between,
    holiday_name,
    notice_deadline,
    schedule,
)

D = dt.date


# Clear days and holidays ---------------------------------------------------------------------


def test_five_clear_days_exclude_sending_and_meeting_days():
    # Meeting Thursday 10 December 2026: 5 clear days are the 5th to the 9th; send by Friday 4th.
    assert notice_deadline(D(2026, 12, 10), 5) == D(2026, 12, 4)
    assert clear_days_between(D(2026, 12, 4), D(2026, 12, 10)) == 5


def test_alsace_moselle_has_two_more_holidays():
    assert holiday_name(D(2026, 4, 3), "FR-57") is not None  # Good Friday
    assert holiday_name(D(2026, 4, 3), "FR") is None
    assert holiday_name(D(2026, 12, 26), "FR-57") is not None
    assert holiday_name(D(2026, 12, 26), "FR") is None
    assert holiday_name(D(2026, 7, 14), "FR") == "Fête nationale"


@given(
    st.dates(min_value=D(2000, 1, 1), max_value=D(2090, 12, 31)),
    st.integers(0, 30),
    st.sampled_from(["FR", "FR-57"]),
)
def test_deadline_is_always_before_the_meeting_with_enough_clear_days(day, clear, calendar):
    deadline = notice_deadline(day, clear, calendar)
    assert deadline < day
    assert clear_days_between(deadline, day) >= clear


def test_schedule_second_tuesday_except_august_flags_holidays():
    dates = schedule(
        "FREQ=MONTHLY;BYDAY=2TU;BYMONTH=1,2,3,4,5,6,7,9,10,11,12",
        dt.datetime(2026, 1, 1, 18, 0),
        D(2026, 12, 31),
    )
    assert len(dates) == 11
    assert all(d.starts_at.weekday() == 1 and d.starts_at.hour == 18 for d in dates)
    assert [d.starts_at.date() for d in dates if d.flagged] == [D(2026, 7, 14)]
    assert dates[6].holiday == "Fête nationale"


def test_schedule_quarterly_first_thursday_and_closed_days():
    dates = schedule(
        "RRULE:FREQ=MONTHLY;INTERVAL=3;BYDAY=1TH",
        dt.datetime(2026, 1, 1, 9, 30),
        D(2026, 12, 31),
        closed_days=frozenset({D(2026, 4, 2)}),
    )
    assert [d.starts_at.date() for d in dates] == [
        D(2026, 1, 1),
        D(2026, 4, 2),
        D(2026, 7, 2),
        D(2026, 10, 1),
    ]
    assert dates[0].holiday and dates[1].closed and not dates[2].flagged


def test_bad_rule_is_a_user_error():
    with pytest.raises(UserError, match="n'est pas valide") as info:
        schedule("every second tuesday", dt.datetime(2026, 1, 1), D(2026, 12, 31))
    assert info.value.field == "rule"


# Attendance and quorum -----------------------------------------------------------------------


def members(n: int) -> list[att.Expected]:
    return [att.Expected(i, f"Membre {i}", True) for i in range(1, n + 1)]


def test_quorum_half_of_members_in_office():
    expected = members(10)
    presences = [att.Presence(i, "present") for i in range(1, 5)]
    c = att.count(expected, presences, att.Rules())
    assert (c.in_office, c.present, c.required, c.reached) == (10, 4, 5, False)
    presences.append(att.Presence(5, "represented", proxy_to=1))
    c = att.count(expected, presences, att.Rules())
    assert (c.represented, c.counted, c.reached) == (1, 5, True)
    # a body where represented members do not count for the quorum
    c = att.count(expected, presences, att.Rules(counts_represented=False))
    assert (c.counted, c.reached, c.votes_available) == (4, False, 5)


def test_proxy_checks():
    expected = [*members(4), att.Expected(9, "Invitée", False, role="permanent_guest")]
    presences = [
        att.Presence(1, "present"),
        att.Presence(2, "represented", proxy_to=1),
        att.Presence(3, "represented", proxy_to=1),  # over the limit of one
        att.Presence(4, "represented", proxy_to=9),  # a guest has no vote
    ]
    c = att.count(expected, presences, att.Rules(proxies_per_holder=1))
    assert c.represented == 1 and c.voters == {1: 2}
    assert len(c.problems) == 2
    assert "porte déjà 1 pouvoir" in c.problems[0] and "Membre 3" in c.problems[0]
    assert "voix délibérative" in c.problems[1]
    c = att.count(expected, [att.Presence(2, "represented", proxy_to=1)], att.Rules())
    assert "n'est pas présent" in c.problems[0] and c.represented == 0
    c = att.count(expected, [att.Presence(2, "represented", proxy_to=2)], att.Rules())
    assert "soi-même" in c.problems[0]


def test_a_count_is_kept_as_asdict_would_write_it():
    """presence.count_as_json reads the count's fields without dataclasses.asdict's deep copies:
    the same text, problems, voters and proxies included."""
    import dataclasses
    import json

    from ess_desk.meetings import presence

    expected = [*members(5), att.Expected(9, "Invitée", False, role="permanent_guest")]
    presences = [
        att.Presence(1, "present"),
        att.Presence(2, "represented", proxy_to=1),
        att.Presence(3, "represented", proxy_to=1),  # over the limit: a problem
        att.Presence(4, "excused"),
    ]
    for rules in (att.Rules(), att.Rules(counts_represented=False, proxies_per_holder=2)):
        count = att.count(expected, presences, rules, withdrawn={5})
        data = dataclasses.asdict(count)
        data["voters"] = {str(k): v for k, v in count.voters.items()}
        data["cast_by"] = {str(k): v for k, v in count.cast_by.items()}
        data["counted"] = count.counted
        data["reached"] = count.reached
        assert presence.count_as_json(count) == json.dumps(data, ensure_ascii=False)
    assert count.voters and count.cast_by


def test_substitute_counts_only_when_replacing_an_absent_member():
    expected = [*members(2), att.Expected(7, "Suppléante", False, "substitute", substitute_for=1)]
    both = [att.Presence(1, "present"), att.Presence(7, "present")]
    c = att.count(expected, both, att.Rules())
    assert c.present == 1 and c.voters == {1: 1}
    replaced = [att.Presence(1, "replaced", replaced_by=7), att.Presence(7, "present")]
    c = att.count(expected, replaced, att.Rules())
    assert c.present == 1 and c.voters == {7: 1}
    wrong = [*members(2), att.Expected(8, "Autre", False, "substitute", substitute_for=2)]
    c = att.count(
        wrong, [att.Presence(1, "replaced", replaced_by=8), att.Presence(8, "present")], att.Rules()
    )
    assert c.present == 0 and "autre membre" in c.problems[0]


def test_departure_before_a_vote_changes_who_counts():
    expected = members(4)
    presences = [
        att.Presence(1, "present", arrival=dt.time(18, 0), departure=dt.time(19, 30)),
        att.Presence(2, "present", arrival=dt.time(18, 0)),
        att.Presence(3, "present", arrival=dt.time(18, 45)),
        att.Presence(4, "represented", proxy_to=1),
    ]
    at_opening = att.count(expected, presences, att.Rules(), dt.time(18, 0))
    assert (at_opening.present, at_opening.represented) == (2, 1)
    later = att.count(expected, presences, att.Rules(), dt.time(19, 0))
    assert (later.present, later.represented) == (3, 1)
    after_departure = att.count(expected, presences, att.Rules(), dt.time(20, 0))
    assert (after_departure.present, after_departure.represented) == (2, 0)
    assert after_departure.voters == {2: 1, 3: 1}


@st.composite
def meetings(draw):
    n = draw(st.integers(1, 12))
    n_subs = draw(st.integers(0, 4))
    expected = [att.Expected(i, f"M{i}", True) for i in range(1, n + 1)]
    for j in range(n_subs):
        pair = draw(st.one_of(st.none(), st.integers(1, n)))
        expected.append(att.Expected(100 + j, f"S{j}", False, "substitute", substitute_for=pair))
    ids = [e.mandate_id for e in expected]
    presences = []
    for e in expected:
        status = draw(st.sampled_from(list(att.STATUSES)))
        presences.append(
            att.Presence(
                e.mandate_id,
                status,
                proxy_to=draw(st.sampled_from(ids)) if status == "represented" else None,
                replaced_by=draw(st.sampled_from(ids)) if status == "replaced" else None,
                departure=draw(st.one_of(st.none(), st.times())),
            )
        )
    rules = att.Rules(
        Fraction(draw(st.integers(1, 3)), 3), draw(st.booleans()), draw(st.integers(0, 3))
    )
    return expected, presences, rules, draw(st.one_of(st.none(), st.times()))


@given(meetings())
def test_counting_properties(case):
    expected, presences, rules, moment = case
    c = att.count(expected, presences, rules, moment)
    # present plus represented never exceeds members in office
    assert c.present + c.represented <= c.in_office
    # nobody counted twice: every member's vote is carried once at most
    assert c.votes_available == c.present + c.represented
    # no holder exceeds the proxy limit
    assert all(votes - 1 <= rules.proxies_per_holder for votes in c.voters.values())
    assert 0 <= c.required <= c.in_office
