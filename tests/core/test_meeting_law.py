"""Meetings that hold up in law: clear-day deadlines, quorum formulas, casting vote, remote
members, withdrawals (déport), roll-call and secret votes, reconvening, guard rails and rule sets.

Every expected value below is worked out by hand in the comment beside it."""

from __future__ import annotations

import datetime as dt
import json
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ess_desk.errors import UserError
from ess_desk.meetings import agenda, meetings, notice, presence, votes
from ess_desk.meetings import attendance as att
from ess_desk.meetings.calendar import clear_days_between, last_working_day, notice_deadline
from ess_desk.membership import bodies, mandates, people, rulesets

D = dt.date
LATER = dt.datetime(2099, 1, 1)


# -- clear days: the legal date is M − n − 1, whatever day it is -----------------------------------


def test_deadline_on_a_sunday_stays_on_the_sunday():
    # Meeting Thursday 10 December 2026, 3 clear days (the 7th, 8th and 9th): M − 3 − 1 is
    # Sunday 6 December. The office may prefer Friday 4 December: advice, not the law.
    assert notice_deadline(D(2026, 12, 10), 3) == D(2026, 12, 6)
    assert D(2026, 12, 6).weekday() == 6
    assert clear_days_between(D(2026, 12, 6), D(2026, 12, 10)) == 3
    assert last_working_day(D(2026, 12, 6)) == D(2026, 12, 4)


def test_deadline_on_labour_day():
    # Meeting Thursday 7 May 2026, 5 clear days (2nd to 6th): the legal date is Friday 1 May,
    # a public holiday; last working day before it: Thursday 30 April.
    assert notice_deadline(D(2026, 5, 7), 5) == D(2026, 5, 1)
    assert last_working_day(D(2026, 5, 1)) == D(2026, 4, 30)


def test_deadline_on_26_december_in_alsace_moselle():
    # Meeting Friday 2 January 2026, 6 clear days (27th to 1st): legal date Friday 26 December
    # 2025. In Alsace-Moselle the 26th and the 25th are holidays: advice Wednesday 24 December;
    # in the rest of France the 26th is a working day, no advice.
    assert notice_deadline(D(2026, 1, 2), 6, "FR-57") == D(2025, 12, 26)
    assert last_working_day(D(2025, 12, 26), "FR-57") == D(2025, 12, 24)
    assert last_working_day(D(2025, 12, 26), "FR") == D(2025, 12, 26)


@settings(derandomize=True, max_examples=200)
@given(st.dates(min_value=D(2000, 1, 1), max_value=D(2090, 12, 31)), st.integers(0, 30))
def test_deadline_gives_exactly_the_clear_days_and_a_day_later_is_short(day, clear):
    deadline = notice_deadline(day, clear)
    assert clear_days_between(deadline, day) == clear
    assert clear_days_between(deadline + dt.timedelta(days=1), day) == max(0, clear - 1)


# -- quorum: « la moitié au moins » and « plus de la moitié » --------------------------------------


@pytest.mark.parametrize(
    ("in_office", "at_least", "more_than"),
    [
        (0, 1, 1),  # nobody in office: one member would be needed, and none can come
        (7, 4, 4),  # 3.5 → at least 4 ; more than 3.5 → 4
        (8, 4, 5),  # half is 4 ; more than half is 5 (not « half plus one » rounded down)
        (15, 8, 8),  # 7.5 → 8 ; more than 7.5 → 8
        (16, 8, 9),
        (31, 16, 16),  # 15.5 → 16 ; more than 15.5 → 16
    ],
)
def test_quorum_required_under_both_formulas(in_office, at_least, more_than):
    half = Fraction(1, 2)
    assert att.required_for(in_office, half, "at_least") == at_least
    assert att.required_for(in_office, half, "more_than") == more_than


def members(n: int) -> list[att.Expected]:
    return [att.Expected(i, f"Membre {i}", True) for i in range(1, n + 1)]


def test_even_body_more_than_half_needs_five_of_eight():
    expected = members(8)
    four = [att.Presence(i, "present") for i in range(1, 5)]
    rules = att.Rules(formula="more_than")
    assert not att.count(expected, four, rules).reached  # 4 of 8 is half, not more
    assert att.count(expected, four, att.Rules()).reached  # « la moitié au moins »
    five = [*four, att.Presence(5, "present")]
    assert att.count(expected, five, rules).reached


def test_no_member_in_office_is_never_a_quorum():
    guest = att.Expected(1, "Invitée", False, role="permanent_guest")
    count = att.count([guest], [att.Presence(1, "present")], att.Rules(quorum=Fraction(0, 1)))
    assert (count.in_office, count.reached) == (0, False)
    assert not att.count([], [], att.Rules(), waived=True).reached


def test_fraction_other_than_half():
    # A third at least of 10 members: 3.33 → 4 ; more than two thirds of 9: 6 → 7.
    assert att.required_for(10, Fraction(1, 3)) == 4
    assert att.required_for(9, Fraction(2, 3), "more_than") == 7


# -- remote members ----------------------------------------------------------------------------


def test_remote_members_count_only_where_the_rules_allow():
    expected = members(4)
    presences = [att.Presence(1, "present"), att.Presence(2, "remote")]
    refused = att.count(expected, presences, att.Rules())
    assert (refused.present, refused.remote, refused.counted, refused.votes_available) == (
        1,
        0,
        1,
        1,
    )
    assert any("à distance" in p for p in refused.problems)
    allowed = att.count(expected, presences, att.Rules(remote_allowed=True))
    assert (allowed.present, allowed.remote, allowed.counted, allowed.reached) == (1, 1, 2, True)
    votes_only = att.count(expected, presences, att.Rules(remote_allowed=True, counts_remote=False))
    assert (votes_only.counted, votes_only.votes_available, votes_only.reached) == (1, 2, False)


def test_remote_member_with_arrival_and_departure_times():
    presences = [att.Presence(1, "remote", arrival=dt.time(18, 30), departure=dt.time(20, 0))]
    rules = att.Rules(remote_allowed=True)
    assert att.count(members(2), presences, rules, dt.time(18, 0)).remote == 0
    assert att.count(members(2), presences, rules, dt.time(19, 0)).remote == 1
    assert att.count(members(2), presences, rules, dt.time(20, 0)).remote == 0


# -- withdrawal (déport) -----------------------------------------------------------------------


def test_withdrawal_changes_the_quorum_of_one_item_only():
    # 8 members, « plus de la moitié » : 5 needed. Five present: the meeting has its quorum;
    # member 3 withdraws from one item: 4 count for that item, which lacks the quorum.
    expected = members(8)
    presences = [att.Presence(i, "present") for i in range(1, 6)]
    rules = att.Rules(formula="more_than")
    assert att.count(expected, presences, rules).reached
    item = att.count(expected, presences, rules, withdrawn={3})
    assert (item.in_office, item.present, item.withdrawn, item.reached) == (8, 4, 1, False)
    assert 3 not in item.voters and 3 not in item.cast_by


def test_withdrawn_member_neither_gives_nor_holds_a_proxy():
    expected = members(4)
    presences = [
        att.Presence(1, "present"),
        att.Presence(2, "represented", proxy_to=1),  # 1 holds 2's proxy
        att.Presence(3, "present"),
        att.Presence(4, "represented", proxy_to=3),
    ]
    holder_out = att.count(expected, presences, att.Rules(), withdrawn={1})
    assert holder_out.represented == 1 and 2 not in holder_out.cast_by  # 2's proxy falls
    assert any("déporté" in p for p in holder_out.problems)
    giver_out = att.count(expected, presences, att.Rules(), withdrawn={4})
    assert giver_out.represented == 1 and 4 not in giver_out.cast_by


@settings(derandomize=True, max_examples=300)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["present", "remote", "represented", "excused", "absent"]),
            st.integers(1, 8),
        ),
        min_size=8,
        max_size=8,
    ),
    st.sets(st.integers(1, 8)),
    st.booleans(),
    st.integers(0, 3),
)
def test_no_vote_ever_counts_a_withdrawn_member(rows, withdrawn, remote, limit):
    expected = members(8)
    presences = [
        att.Presence(i, status, proxy_to=target if status == "represented" else None)
        for i, (status, target) in enumerate(rows, start=1)
    ]
    rules = att.Rules(proxies_per_holder=limit, remote_allowed=remote)
    count = att.count(expected, presences, rules, withdrawn=withdrawn)
    assert not set(count.cast_by) & withdrawn  # no withdrawn member's vote is cast…
    assert not set(count.voters) & withdrawn  # …and none casts a vote
    assert count.votes_available == len(count.cast_by) <= 8 - len(withdrawn)
    assert count.withdrawn == len(withdrawn)


# -- ties and the casting vote -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("counts", "rule", "chair", "allowed", "secret", "expected"),
    [
        ((5, 5, 0), "simple", "for", True, False, ("adopted", "for")),
        ((5, 5, 0), "simple", "against", True, False, ("rejected", "against")),
        ((5, 5, 2), "simple", "abstention", True, False, ("rejected", None)),  # no casting
        ((5, 5, 0), "simple", "for", False, False, ("rejected", None)),  # rules give none
        ((5, 5, 0), "simple", "for", True, True, ("rejected", None)),  # secret: L. 2121-20
        ((4, 3, 1), "absolute", "for", True, False, ("adopted", "for")),  # 4 of 8 voting
        ((6, 4, 0), "simple", "against", True, False, ("adopted", None)),  # no tie
        ((0, 0, 3), "simple", "for", True, False, ("rejected", None)),  # nothing cast
    ],
)
def test_ties_with_and_without_casting_vote(counts, rule, chair, allowed, secret, expected):
    result = votes.decide(*counts, rule, chair_vote=chair, casting_allowed=allowed, secret=secret)
    assert (result.outcome, result.casting) == expected


def test_secret_ballot_blank_and_spoilt_are_not_cast():
    # 5 for, 4 against, 3 blank, 1 spoilt: votes cast 9, adopted by simple majority; under the
    # absolute majority of the 13 voting, 5 is not more than 6.5: rejected.
    assert votes.decide(5, 4, rule="simple", secret=True, blank=3, spoilt=1).outcome == "adopted"
    assert votes.decide(5, 4, rule="absolute", secret=True, blank=3, spoilt=1).outcome == (
        "rejected"
    )


# -- rule sets ----------------------------------------------------------------------------------


def test_ready_made_rule_sets_name_their_sources(store):
    assert rulesets.rule_set_label("consultative").startswith("Commission consultative")
    assert "2006-672" in rulesets.rule_set_label("consultative")
    assert "L. 2121-10" in rulesets.rule_set_label("deliberative")
    assert "statuts" in rulesets.rule_set_label("association")
    body_id = bodies.create_body(store, name="Conseil", kind="plenary", rule_set="deliberative")
    body = bodies.get_body(store.db, body_id)
    assert (body.quorum_formula, body.quorum_counts_represented, body.remote_allowed) == (
        "more_than",
        0,
        0,
    )
    assert (body.reconvene_notice_days, body.minutes_publish_days, body.chair_casting_vote) == (
        3,
        7,
        1,
    )
    assert body.source("quorum") == "CGCT, art. L. 2121-17"
    # every value stays editable, and the set is kept with the body
    bodies.update_body(store, body_id, notice_clear_days=3)
    body = bodies.get_body(store.db, body_id)
    assert (body.notice_clear_days, body.rule_set, body.quorum_formula) == (
        3,
        "deliberative",
        "more_than",
    )
    # choosing another set resets the rules to it; all of it is in the audit log
    bodies.update_body(store, body_id, rule_set="consultative")
    body = bodies.get_body(store.db, body_id)
    assert (body.quorum_formula, body.remote_allowed, body.notice_clear_days) == (
        "at_least",
        1,
        5,
    )
    logged = [
        json.loads(r[0])
        for r in store.db.execute(
            "SELECT after FROM audit_log WHERE entity = 'body' AND entity_id = ? ORDER BY id",
            [body_id],
        )
    ]
    assert [x["rule_set"] for x in logged] == ["deliberative", "deliberative", "consultative"]
    assert [x["notice_clear_days"] for x in logged] == [5, 3, 5]


def test_bad_rule_values_are_refused(store):
    with pytest.raises(UserError, match="Jeu de règles inconnu") as info:
        bodies.create_body(store, name="X", kind="commission", rule_set="loi-1901")
    assert info.value.field == "rule_set"
    with pytest.raises(UserError, match="Formule de quorum"):
        bodies.create_body(store, name="X", kind="commission", quorum_formula="half")
    with pytest.raises(UserError, match="jamais atteint"):
        bodies.create_body(
            store,
            name="X",
            kind="commission",
            quorum_formula="more_than",
            quorum_numerator=1,
            quorum_denominator=1,
        )


# -- the record: notice, guard rails, withdrawals, roll call, secret ballot, reconvening ---------


@pytest.fixture
def council(store):
    """A commission of eight voting members under the municipal rules (« plus de la moitié »,
    proxies not counted for the quorum, casting vote), its president first."""
    body = bodies.create_body(store, name="Commission", kind="commission", rule_set="deliberative")
    college = bodies.create_college(store, body, name="Membres", seats=8)
    names = ["Hélène", "François", "Zoé", "Luc", "Inès", "Paul", "Rose", "Yann"]
    m = {}
    for n, name in enumerate(names):
        civility = "Mme" if name in ("Hélène", "Zoé", "Inès", "Rose") else "M."
        pid = people.create(store, first_name=name, last_name="Test", civility=civility)
        m[name] = mandates.create(
            store,
            person_id=pid,
            body_id=body,
            college_id=college,
            role="president" if n == 0 else "member",
            start_date="2026-01-01",
        )
    meeting = meetings.create(store, body_id=body, starts_at="10/12/2026 18:00")
    item = agenda.create_item(store, meeting, title="Subvention à la coopérative", kind="vote")
    other = agenda.create_item(store, meeting, title="Schéma de l'ESS", kind="vote")
    return {"body": body, "m": m, "meeting": meeting, "item": item, "other": other}


def seat(store, council, names, status="present"):
    for name in names:
        presence.record(store, council["meeting"], council["m"][name], status)


def test_notice_sent_on_the_legal_holiday_itself_is_on_time(store, council):
    # Meeting Thursday 10 December 2026, 5 clear days: send by Friday 4 December.
    assert notice.deadline(store.db, council["meeting"]) == D(2026, 12, 4)
    assert notice.advised_day(store.db, council["meeting"]) is None  # a working day
    other = meetings.create(store, body_id=council["body"], starts_at="07/05/2026 18:00")
    # Legal date Friday 1 May (a holiday): sent that very day, on time; advice: 30 April.
    assert notice.advised_day(store.db, other) == D(2026, 4, 30)
    assert notice.record_sent(store, other, "01/05/2026") == ""
    late = notice.record_sent(store, other, "02/05/2026")
    assert "date limite légale du 01/05/2026" in late and "4 jours francs" in late
    assert "en demande 5" in late


def test_marking_held_waits_for_the_start(store, council):
    meeting = council["meeting"]
    with pytest.raises(UserError, match="avant son heure de début"):
        meetings.set_status(store, meeting, "held", now=dt.datetime(2026, 12, 10, 17, 59))
    with pytest.raises(meetings.ConfirmationNeeded, match="commencé aujourd'hui à 18:00"):
        meetings.set_status(store, meeting, "held", now=dt.datetime(2026, 12, 10, 21, 0))
    meetings.set_status(
        store, meeting, "held", now=dt.datetime(2026, 12, 10, 21, 0), confirmed=True
    )
    assert meetings.get(store.db, meeting).status == "held"


def test_votes_and_minutes_need_a_held_meeting(store, council):
    from ess_desk.minutes import minutes as mn

    with pytest.raises(UserError, match="séance tenue"):
        votes.record_vote(store, council["item"], votes_for=1, votes_against=0)
    # A draft may be prepared, but no minutes go out for a meeting not held.
    mn.start(store, council["meeting"])
    with pytest.raises(UserError, match="séance tenue"):
        mn.ensure_exportable(store.db, council["meeting"])


def test_withdrawn_member_is_out_of_one_item(store, council):
    m = council["m"]
    seat(store, council, ["Hélène", "François", "Zoé", "Luc", "Inès"])
    meetings.set_status(store, council["meeting"], "held", now=LATER)
    presence.withdraw(store, council["item"], m["Zoé"], "administratrice de la coopérative")
    item_count = presence.quorum(store.db, council["meeting"], item_id=council["item"])
    other_count = presence.quorum(store.db, council["meeting"], item_id=council["other"])
    assert (item_count.counted, item_count.required, item_count.reached) == (4, 5, False)
    assert (other_count.counted, other_count.reached) == (5, True)
    with pytest.raises(UserError, match="seules 4 personnes"):
        votes.record_vote(store, council["item"], votes_for=5, votes_against=0)
    vote = votes.record_vote(store, council["item"], votes_for=4, votes_against=0)
    assert vote.outcome == "adopted" and not vote.quorum_reached
    with pytest.raises(UserError, match="déjà enregistré"):
        presence.withdraw(store, council["item"], m["Luc"])


def test_roll_call_with_proxy_and_casting_vote_applied_by_itself(store, council):
    m = council["m"]
    seat(store, council, ["Hélène", "François", "Zoé", "Luc", "Inès", "Paul"])
    presence.record(store, council["meeting"], m["Rose"], "represented", proxy_to=m["François"])
    meetings.set_status(store, council["meeting"], "held", now=LATER)
    ballots = {
        m["Hélène"]: "for",  # the president
        m["François"]: "for",
        m["Rose"]: "for",  # by François's proxy
        m["Zoé"]: "against",
        m["Luc"]: "against",
        m["Inès"]: "against",
        m["Paul"]: "abstention",
    }
    # 3 for, 3 against, 1 abstention: a tie, settled by the president's own vote « pour ».
    vote = votes.record_vote(store, council["item"], kind="roll_call", ballots=ballots)
    assert (vote.votes_for, vote.votes_against, vote.abstentions) == (3, 3, 1)
    assert (vote.outcome, vote.casting_vote, vote.chair_vote) == ("adopted", "for", "for")
    roll = {b.name: b for b in votes.ballots_of(store.db, vote.id)}
    assert roll["Rose Test"].by_proxy and roll["Rose Test"].cast_by_name == "François Test"
    assert roll["Paul Test"].choice == "abstention"
    # A withdrawn member's ballot is refused.
    presence.withdraw(store, council["other"], m["Zoé"])
    with pytest.raises(UserError, match="déporté"):
        votes.record_vote(store, council["other"], kind="roll_call", ballots={m["Zoé"]: "for"})


def test_open_count_tie_goes_to_the_chair_s_vote_or_fails(store, council):
    seat(store, council, ["Hélène", "François", "Zoé", "Luc", "Inès", "Paul"])
    meetings.set_status(store, council["meeting"], "held", now=LATER)
    vote = votes.record_vote(
        store, council["item"], votes_for=3, votes_against=3, chair_vote="against"
    )
    assert (vote.outcome, vote.casting_vote) == ("rejected", "against")
    vote = votes.record_vote(store, council["item"], votes_for=3, votes_against=3)
    assert (vote.outcome, vote.casting_vote) == ("rejected", None)


def test_secret_ballot_counts_only(store, council):
    seat(store, council, ["Hélène", "François", "Zoé", "Luc", "Inès", "Paul"])
    meetings.set_status(store, council["meeting"], "held", now=LATER)
    vote = votes.record_vote(
        store,
        council["item"],
        kind="secret",
        votes_for=2,
        votes_against=2,
        blank=1,
        spoilt=1,
        chair_vote="for",
    )
    # 2 – 2 at a secret ballot: no casting vote, the motion fails; the chair's vote is not kept.
    assert (vote.outcome, vote.casting_vote, vote.chair_vote) == ("rejected", None, None)
    assert (vote.blank, vote.spoilt) == (1, 1)
    assert votes.ballots_of(store.db, vote.id) == []
    with pytest.raises(UserError, match="bulletin blanc"):
        votes.record_vote(store, council["item"], kind="secret", votes_for=1, abstentions=1)
    with pytest.raises(UserError, match="scrutin secret"):
        votes.record_vote(store, council["item"], votes_for=1, blank=1)


def test_reconvening_after_a_failed_quorum(store, council):
    from ess_desk.minutes import minutes as mn

    first = council["meeting"]
    seat(store, council, ["Hélène", "François", "Zoé"])  # 3 of 8, 5 needed
    presence.record_opening(store, first, "18:15")
    with pytest.raises(UserError, match="suivre"):
        meetings.reconvene(store, first, "09/12/2026 18:00")
    # Notice sent on Friday 11 December with 3 clear days: Tuesday 15 December at the earliest.
    earliest = meetings.earliest_reconvening(store.db, first, D(2026, 12, 11))
    assert earliest == dt.datetime(2026, 12, 15, 18, 0)
    second = meetings.reconvene(store, first, earliest)
    again = meetings.get(store.db, second)
    assert again.reconvenes_meeting_id == first
    assert again.title == "Commission du 10/12/2026 — nouvelle convocation du 15/12/2026"
    assert meetings.get(store.db, first).status == "held"
    assert notice.deadline(store.db, second) == D(2026, 12, 11)  # 15 − 3 − 1
    with pytest.raises(UserError, match="déjà été convoquée"):
        meetings.reconvene(store, first, "20/12/2026 18:00")
    items = agenda.items(store.db, second)
    assert [i.title for i in items] == ["Subvention à la coopérative", "Schéma de l'ESS"]
    # Two members only, and still it deliberates: the quorum is waived on the items taken up.
    presence.record(store, second, council["m"]["Hélène"], "present")
    presence.record(store, second, council["m"]["Luc"], "present")
    count = presence.quorum(store.db, second, item_id=items[0].id)
    assert (count.counted, count.waived, count.reached) == (2, True, True)
    added = agenda.create_item(store, second, title="Point ajouté", kind="vote")
    assert not presence.quorum(store.db, second, item_id=added).reached
    meetings.set_status(store, second, "held", now=LATER)
    vote = votes.record_vote(store, items[0].id, votes_for=2, votes_against=0)
    assert vote.quorum_reached and vote.outcome == "adopted"
    assert mn.start(store, second)


# -- the compliance check ------------------------------------------------------------------------


END_OF_YEAR = D(2026, 12, 31)


def statuses(store, meeting, today=END_OF_YEAR) -> dict[str, str]:
    from ess_desk.meetings import compliance

    return {c.code: c.status for c in compliance.check_meeting(store.db, meeting, today)}


def test_compliance_turns_green_then_catches_what_goes_wrong(store, council, db_path, capsys):
    from ess_desk.cli import main
    from ess_desk.meetings import compliance
    from ess_desk.minutes import decisions
    from ess_desk.publication import deadlines

    m, meeting = council["m"], council["meeting"]
    # Before the deadline, nothing sent: not yet applicable; after it: failing.
    assert statuses(store, meeting, D(2026, 12, 1))["notice_on_time"] == "na"
    assert statuses(store, meeting, D(2026, 12, 5))["notice_on_time"] == "fail"
    notice.record_sent(store, meeting, "04/12/2026")  # the legal date itself
    seat(store, council, ["Hélène", "François", "Zoé", "Luc", "Inès", "Paul"])
    presence.record(store, meeting, m["Rose"], "represented", proxy_to=m["François"])
    presence.record_opening(store, meeting, "18:00")
    meetings.set_status(store, meeting, "held", now=LATER)
    presence.withdraw(store, council["item"], m["Zoé"], "administratrice de la coopérative")
    votes.record_vote(store, council["item"], votes_for=4, votes_against=1, abstentions=1)
    votes.record_vote(store, council["other"], votes_for=3, votes_against=3, chair_vote="for")
    decisions.add_decision(store, council["item"], "opinion", "Avis favorable à la subvention.")
    # The list of decisions, due within the week (10/12 + 7 = 17/12: CGCT L. 2121-25).
    assert statuses(store, meeting, D(2026, 12, 17))["decisions_list"] == "na"  # still due
    assert statuses(store, meeting, D(2026, 12, 18))["decisions_list"] == "fail"  # a day late
    deadlines.record_published(
        store, [(meeting, deadlines.DECISIONS_LIST, "0" * 64)], D(2026, 12, 17)
    )
    checks = {c.code: c for c in compliance.check_meeting(store.db, meeting, D(2026, 12, 31))}
    assert {k: c.status for k, c in checks.items()} == {
        "notice_on_time": "ok",
        "notice_documents": "na",  # no proof of sending per recipient yet
        "quorum_opening": "ok",
        "quorum_votes": "ok",
        "withdrawals": "ok",
        "proxies": "ok",
        "casting_vote": "ok",
        "minutes_approved": "na",  # the next meeting has not met
        "minutes_published": "na",
        "decisions_numbered": "ok",
        "decisions_list": "ok",
    }
    assert checks["decisions_list"].source == "CGCT, art. L. 2121-25"
    assert checks["decisions_list"].detail == "Fait le 17/12/2026."
    assert checks["quorum_opening"].source == "CGCT, art. L. 2121-17"
    assert "plus de la moitié des 8 membres en exercice" in checks["quorum_opening"].detail
    assert checks["casting_vote"].source == "CGCT, art. L. 2121-20"
    # The command line says the same, as JSON, exit 0.
    store.close()
    assert main(["--db", str(db_path), "compliance", str(meeting), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [d["code"] for d in data] == list(compliance.CHECKS)
    assert {d["status"] for d in data} <= {"ok", "na"}
    assert set(data[0]) == {"code", "status", "detail", "source"}


def test_compliance_failures_and_the_exit_code(store, council, db_path, capsys):
    from ess_desk.cli import main

    m, meeting = council["m"], council["meeting"]
    notice.record_sent(store, meeting, "05/12/2026")  # a day late: 4 clear days of 5
    seat(store, council, ["Hélène", "François", "Zoé", "Luc", "Inès"])
    meetings.set_status(store, meeting, "held", now=LATER)
    presence.withdraw(store, council["item"], m["Zoé"])
    votes.record_vote(store, council["item"], votes_for=3, votes_against=1)  # 4 of 5 needed
    # A vote counting a withdrawn member, written behind the application's back.
    vote = votes.vote_for_item(store.db, council["item"])
    tampered = dict(vote.quorum, cast_by={str(m["Zoé"]): m["Zoé"]})
    store.db.execute("UPDATE votes SET quorum = ? WHERE id = ?", [json.dumps(tampered), vote.id])
    store.conn.commit()
    found = statuses(store, meeting)
    assert (found["notice_on_time"], found["quorum_votes"], found["withdrawals"]) == (
        "fail",
        "fail",
        "fail",
    )
    store.close()
    assert main(["--db", str(db_path), "compliance", str(meeting)]) == 1
    out = capsys.readouterr().out
    assert "✗ Convocation envoyée dans le délai" in out and "4 jours francs" in out
    assert "Source : CGCT, art. L. 2121-11 et L. 2121-12" in out


def test_reconvened_meeting_is_regular_without_quorum(store, council):
    from ess_desk.minutes import minutes as mn

    first = council["meeting"]
    notice.record_sent(store, first, "01/12/2026")
    seat(store, council, ["Hélène", "François"])
    presence.record_opening(store, first, "18:15")
    second = meetings.reconvene(store, first, "15/12/2026 18:00")
    assert statuses(store, first)["quorum_opening"] == "ok"  # did not deliberate, called again
    notice.record_sent(store, second, "11/12/2026")  # 3 clear days: 12, 13, 14
    presence.record(store, second, council["m"]["Luc"], "present")
    presence.record_opening(store, second, "18:00")
    meetings.set_status(store, second, "held", now=LATER)
    item = agenda.items(store.db, second)[0]
    votes.record_vote(store, item.id, votes_for=1, votes_against=0)
    found = statuses(store, second)
    assert (found["notice_on_time"], found["quorum_opening"], found["quorum_votes"]) == (
        "ok",
        "ok",
        "ok",
    )
    # Minutes of the reconvened meeting, approved later and published within the week.
    third = meetings.create(store, body_id=council["body"], starts_at="20/01/2027 18:00")
    minutes_id = mn.start(store, second)
    mn.update(store, minutes_id, secretary="Marie", closing_time="19:00")
    approval = mn.submit(store, minutes_id, today=D(2026, 12, 20))
    for name in ("Hélène", "François", "Zoé", "Luc", "Inès"):
        presence.record(store, third, council["m"][name], "present")
    meetings.set_status(store, third, "held", now=LATER)
    mn.approve(store, approval)
    assert statuses(store, second, D(2027, 1, 22))["minutes_published"] == "na"
    assert statuses(store, second, D(2027, 1, 28))["minutes_published"] == "fail"
    mn.record_publication(store, minutes_id, "22/01/2027", "25/01/2027")
    assert statuses(store, second, D(2027, 2, 28))["minutes_approved"] == "ok"
    assert statuses(store, second, D(2027, 2, 28))["minutes_published"] == "ok"


def test_dashboard_list_and_pack_checklist(store, council, tmp_path):
    from pypdf import PdfReader

    from ess_desk.documents import pack
    from ess_desk.meetings import compliance

    # The notice deadline (4 December) has passed without a notice: the meeting fails a check.
    found = compliance.meetings_with_failures(store.db, D(2026, 12, 8))
    assert [m.meeting_id for m in found] == [council["meeting"]]
    assert [c.code for c in found[0].failures] == ["notice_on_time"]
    notice.record_sent(store, council["meeting"], "04/12/2026")
    assert compliance.meetings_with_failures(store.db, D(2026, 12, 8)) == []
    result = pack.build(store.db, council["meeting"], tmp_path / "pack.pdf", variant="animation")
    with open(result.path, "rb") as handle:
        text = "\n".join(page.extract_text() for page in PdfReader(handle).pages)
    assert "Contrôle de régularité" in text and "CGCT, art. L. 2121-11" in text


def test_list_of_decisions_binds_the_deliberative_assembly_only(store, council):
    from ess_desk.meetings import compliance

    meeting = council["meeting"]
    seat(store, council, ["Hélène", "François", "Zoé", "Luc", "Inès"])
    meetings.set_status(store, meeting, "held", now=LATER)
    late = D(2026, 12, 18)  # 10/12 + 7 days = 17/12 (CGCT L. 2121-25)
    assert statuses(store, meeting, late)["decisions_list"] == "fail"
    bodies.update_body(store, council["body"], rule_set="consultative")
    check = next(
        c for c in compliance.check_meeting(store.db, meeting, late) if c.code == "decisions_list"
    )
    assert check.status == "na"
    assert check.detail.startswith("En retard : à faire au plus tard le 17/12/2026 (usage")
