"""The dashboard's queries: overview sections and participation rates, checked against a small
council built by hand (expected figures written out) and against the small demo (figures
counted independently here, through other core functions and plain loops)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from pathlib import Path

import pytest

from ess_desk import service
from ess_desk.actions import actions, rules
from ess_desk.dashboard import overview as ov
from ess_desk.dashboard import participation as pa
from ess_desk.errors import UserError
from ess_desk.exchange import participation_export
from ess_desk.meetings import calendar, meetings, notice, presence
from ess_desk.membership import bodies, mandates, organisations, people, roster
from ess_desk.membership.vocabulary import SEAT_ROLES
from ess_desk.minutes import minutes
from ess_desk.store.backup import backup_dir

# The clock for marking meetings held (they may lie ahead of today's date).
LATER = dt.datetime(2099, 1, 1)

TODAY = dt.date.today()


def days(n: int) -> dt.date:
    return TODAY + dt.timedelta(days=n)


def at(n: int, hour: str = "18:00") -> str:
    return f"{days(n).isoformat()} {hour}"


@pytest.fixture
def council(store):
    """A plenary with colleges A (3 seats), B (2 seats) and C (no seat count); five people,
    meetings held, upcoming and cancelled, attendance, minutes at every stage, actions."""
    ids: dict[str, int] = {}
    body = ids["body"] = bodies.create_body(store, name="Conseil de l'ESS", kind="plenary")
    a = ids["A"] = bodies.create_college(store, body, name="Collège A", seats=3)
    b = ids["B"] = bodies.create_college(store, body, name="Collège B", seats=2)
    bodies.create_college(store, body, name="Collège C")
    other = ids["other"] = bodies.create_body(store, name="Ancienne commission", kind="commission")
    bodies.create_college(store, other, name="Membres", seats=5)
    with store.write() as db:  # as the Instances page archives a body
        service.update(db, "bodies", "body", other, {"archived": 1})
    x = ids["X"] = organisations.create(store, name="Coopérative X", kind="scop")
    y = ids["Y"] = organisations.create(store, name="Association Y", kind="association")
    for name, org in (
        ("Alice", x),
        ("Bruno", x),
        ("Chloé", y),
        ("Denis", None),
        ("Eve", None),
        ("Fanny", None),
    ):
        ids[name] = people.create(store, first_name=name, last_name="Test", organisation_id=org)
    start = days(-400)

    def mandate(person: str, **values) -> int:
        return mandates.create(
            store, person_id=ids[person], body_id=body, start_date=start, **values
        )

    ids["m_alice"] = mandate("Alice", college_id=a, role="member", end_date=days(40))
    ids["m_alice_next"] = mandates.create(
        store,
        person_id=ids["Alice"],
        body_id=body,
        college_id=a,
        role="member",
        start_date=days(41),
    )
    ids["m_bruno"] = mandate("Bruno", college_id=a, role="president", end_date=days(30))
    ids["m_chloe"] = mandate("Chloé", college_id=b, role="member", end_date=days(200))
    ids["m_denis"] = mandate("Denis", role="substitute", substitute_for_id=ids["m_chloe"])
    ids["m_eve"] = mandate("Eve", role="permanent_guest", end_date=days(90))
    ids["m_fanny"] = mandate("Fanny", college_id=b, role="member", end_date=days(-45))

    def meeting(n: int) -> int:
        return meetings.create(store, body_id=body, starts_at=at(n))

    # Held: M0 before the period the tests ask about, M1 and M2 in it, M3 without attendance.
    for key, n in (("M0", -200), ("M1", -60), ("M2", -30), ("M3", -10), ("M4", -20)):
        ids[key] = meeting(n)
    record = presence.record
    record(store, ids["M0"], ids["m_alice"], "present")
    record(store, ids["M1"], ids["m_alice"], "present")
    record(store, ids["M1"], ids["m_bruno"], "represented", proxy_to=ids["m_alice"])
    record(store, ids["M1"], ids["m_denis"], "present")
    record(store, ids["M1"], ids["m_chloe"], "replaced", replaced_by=ids["m_denis"])
    record(store, ids["M1"], ids["m_eve"], "present")
    record(store, ids["M1"], ids["m_fanny"], "present")
    record(store, ids["M2"], ids["m_alice"], "excused")
    record(store, ids["M2"], ids["m_bruno"], "present")
    record(store, ids["M2"], ids["m_eve"], "absent")
    record(store, ids["M4"], ids["m_alice"], "present")  # M4 is then cancelled: not counted
    for key in ("M0", "M1", "M2", "M3"):
        meetings.set_status(store, ids[key], "held", now=LATER)
    meetings.set_status(store, ids["M4"], "cancelled")

    # Upcoming: U1 notice not sent and late, U6 sent late, U3 sent in time, U2 still to send,
    # U4 too far ahead, U5 cancelled.
    for key, n in (("U1", 3), ("U6", 4), ("U3", 10), ("U2", 20), ("U4", 100), ("U5", 5)):
        ids[key] = meeting(n)
    notice.record_sent(store, ids["U6"], TODAY)
    notice.record_sent(store, ids["U3"], TODAY)
    meetings.set_status(store, ids["U5"], "cancelled")

    # Minutes: M1 submitted, M2 a draft, M0 and M3 not started.
    m1 = minutes.start(store, ids["M1"])
    minutes.update(store, m1, secretary="Alice Test", closing_time="20:00")
    minutes.submit(store, m1, today=days(-50))
    minutes.start(store, ids["M2"])

    def action(key: str, due: dt.date | None, status: str = "todo") -> None:
        ids[key] = actions.create(
            store,
            body_id=body,
            title=f"Action {key}",
            owner_person_id=ids["Alice"],
            due_date=due,
            status=status,
        )

    action("a1", days(-1))
    action("a2", days(-10), "in_progress")
    action("a3", days(-5), "done")
    action("a4", TODAY)
    action("a5", days(14), "postponed")
    action("a6", days(15))
    action("a7", None)
    action("a8", days(3), "abandoned")
    return ids


# -- overview, hand-built ------------------------------------------------------------------------


def test_upcoming_meetings_with_their_notice_deadlines(store, council):
    listing = ov.upcoming_meetings(store.db, TODAY)
    assert [m.meeting_id for m in listing.items] == [council[k] for k in ("U1", "U6", "U3", "U2")]
    assert listing.total == 4 and listing.more == 0
    states = {m.meeting_id: m.notice for m in listing.items}
    assert states == {
        council["U1"]: ov.NOTICE_LATE,
        council["U6"]: ov.NOTICE_SENT_LATE,
        council["U3"]: ov.NOTICE_SENT,
        council["U2"]: ov.NOTICE_TO_SEND,
    }
    for m in listing.items:
        deadline = notice.deadline(store.db, m.meeting_id)
        assert m.notice_deadline == deadline
        # five clear days: neither the day sent nor the meeting day counts (CGCT L. 2121-11), the
        # deadline is M - 6 whatever day that is; a weekend or holiday gets the advice of the last
        # working day before it (whatever day the test runs on)
        assert (dt.date.fromisoformat(m.starts_at[:10]) - deadline).days == 6
        advised = notice.advised_day(store.db, m.meeting_id)
        if calendar.is_working_day(deadline):
            assert advised is None
        else:
            assert advised is not None and advised < deadline
            assert calendar.is_working_day(advised)
    late = next(m for m in listing.items if m.meeting_id == council["U6"])
    assert late.notice_warning  # the meeting keeps why
    assert [m.late for m in listing.items] == [True, False, False, False]
    assert ov.upcoming_meetings(store.db, TODAY, limit=2).items[1].meeting_id == council["U6"]
    assert ov.upcoming_meetings(store.db, TODAY, limit=2).total == 4
    assert ov.upcoming_meetings(store.db, TODAY, days=200).total == 5  # U4 comes in


def test_upcoming_meetings_without_deadlines_leave_unsent_notices_open(store, council):
    listing = ov.upcoming_meetings(store.db, TODAY, with_deadlines=False)
    assert [(m.meeting_id, m.notice) for m in listing.items] == [
        (council["U1"], ov.NOTICE_UNSENT),
        (council["U6"], ov.NOTICE_SENT_LATE),
        (council["U3"], ov.NOTICE_SENT),
        (council["U2"], ov.NOTICE_UNSENT),
    ]
    assert all(m.notice_deadline is None and not m.late for m in listing.items)
    data = ov.overview(store.db, store.path, TODAY, with_deadlines=False)
    assert data.late_notices is None and not data.with_deadlines
    assert ov.overview(store.db, store.path, TODAY).with_deadlines


def test_minutes_waiting_to_be_submitted_or_approved(store, council):
    listing = ov.pending_minutes(store.db, TODAY)
    assert [p.meeting_id for p in listing.items] == [council[k] for k in ("M0", "M1", "M2", "M3")]
    assert [p.state for p in listing.items] == [
        ov.MINUTES_NOT_STARTED,
        ov.MINUTES_SUBMITTED,
        ov.MINUTES_DRAFT,
        ov.MINUTES_NOT_STARTED,
    ]
    assert (listing.total, listing.to_submit, listing.to_approve) == (4, 3, 1)
    submitted = listing.items[1]
    assert submitted.submitted_on == days(-50).isoformat()
    # approved at the body's next meeting to come (U1), not at a cancelled one
    assert submitted.next_meeting_at == meetings.get(store.db, council["U1"]).starts_at
    assert ov.pending_minutes(store.db, TODAY, limit=1).more == 3


def test_overdue_actions_and_those_due_within_fourteen_days(store, council):
    overdue = ov.overdue_actions(store.db, TODAY)
    assert [a.id for a in overdue.items] == [council["a1"], council["a2"]]  # recent first
    assert [a.days_late for a in overdue.items] == [1, 10]
    soon = ov.actions_due_soon(store.db, TODAY)
    assert [a.id for a in soon.items] == [council["a4"], council["a5"]]
    assert soon.total == 2 and not any(a.overdue for a in soon.items)
    assert ov.overdue_actions(store.db, TODAY, limit=1).total == 2
    # The total is the open actions less those due later or never (the counts kept): as counted.
    counted = store.db.execute(
        "SELECT COUNT(*) FROM actions WHERE status IN ('todo', 'in_progress', 'postponed') "
        "AND due_date < ?",
        [TODAY.isoformat()],
    ).fetchone()[0]
    assert overdue.total == counted
    assert ov.actions_due_soon(store.db, TODAY, days=20).total == 3  # a6 too


def test_mandates_ending_without_renewal_and_vacant_seats(store, council):
    ending = ov.mandates_ending(store.db, TODAY)
    # Alice's mandate ends too, but her next one is already recorded.
    assert [m.mandate_id for m in ending.items] == [council["m_bruno"], council["m_eve"]]
    assert ending.items[0].person_name == "Bruno Test" and ending.items[0].college == "Collège A"
    assert ending.items[0].body_id == council["body"]
    assert ov.mandates_ending(store.db, TODAY, days=89).total == 1
    vacancies = ov.vacancies(store.db, TODAY)
    # A: Alice and Bruno for 3 seats; B: Chloé for 2 (Fanny has left, Denis is a substitute);
    # C counts no seats; the archived commission is left out.
    assert [(v.college, v.seats, v.filled, v.vacant) for v in vacancies.items] == [
        ("Collège A", 3, 2, 1),
        ("Collège B", 2, 1, 1),
    ]
    assert vacancies.seats == 2
    same = {
        (c.college_id, c.vacant)
        for c in roster.vacant_seats(store.db, council["body"], TODAY)
        if c.vacant
    }
    assert same == {(v.college_id, v.vacant) for v in vacancies.items}


def test_the_last_backup_and_its_age(tmp_path):
    db_path = tmp_path / "conseil.sqlite"
    now = dt.datetime(2026, 11, 28, 10, 15)
    state = ov.last_backup(db_path, now)
    assert state.taken_at is None and state.stale
    folder = backup_dir(db_path)
    folder.mkdir()
    (folder / "conseil-20261120-101500.sqlite").write_bytes(b"")
    state = ov.last_backup(db_path, now)
    assert state.taken_at == dt.datetime(2026, 11, 20, 10, 15)
    assert state.age == dt.timedelta(days=8) and state.stale
    (folder / "conseil-20261128-090000.sqlite").write_bytes(b"")
    state = ov.last_backup(db_path, now)
    assert state.age == dt.timedelta(hours=1, minutes=15) and not state.stale


def test_overview_gathers_every_section(store, council):
    data = ov.overview(store.db, store.path, TODAY)
    assert data.council == "Conseil de l'ESS"  # no letterhead: the plenary's name
    assert data.meetings.total == 4 and data.late_notices == 1
    assert data.minutes.total == 4
    assert data.overdue.total == 2 and data.due_soon.total == 2
    assert data.ending.total == 2 and data.vacancies.seats == 2
    assert data.backup.taken_at is None and data.backup.stale  # a new file: no backup yet
    small = ov.overview(store.db, store.path, TODAY, limit=1)
    assert small.late_notices == 1 and len(small.meetings.items) == 1


def test_empty_database_has_an_empty_overview(store):
    data = ov.overview(store.db, store.path, TODAY)
    for listing in (data.meetings, data.minutes, data.overdue, data.due_soon, data.ending):
        assert listing.total == 0 and listing.items == ()
    assert data.vacancies.seats == 0 and data.late_notices == 0
    figures = pa.participation(store.db, days(-365), TODAY)
    assert figures.meetings == 0 and figures.overall.rate is None and figures.by_member == []


# -- participation, hand-built -------------------------------------------------------------------


def tallies(rows: list[pa.ParticipationRow]) -> dict[str, tuple[int, int, float | None]]:
    return {r.label: (r.tally.expected, r.tally.took_part, r.tally.rate) for r in rows}


def test_participation_by_member_organisation_and_college(store, council):
    figures = pa.participation(store.db, days(-90), TODAY)
    # M1 and M2 counted; M3 held without attendance reported apart; M4 cancelled; M0 before.
    assert (figures.meetings, figures.unrecorded) == (2, 1)
    by_member = {r.label: r.tally for r in figures.by_member}
    assert set(by_member) == {"Alice Test", "Bruno Test", "Chloé Test", "Fanny Test"}
    assert by_member["Alice Test"] == pa.Tally(2, 1, 0, 0, 1, 0)  # present, excused
    assert by_member["Bruno Test"] == pa.Tally(2, 1, 1, 0, 0, 0)  # represented, present
    assert by_member["Chloé Test"] == pa.Tally(2, 0, 0, 1, 0, 1)  # replaced, nothing recorded
    assert by_member["Fanny Test"] == pa.Tally(1, 1, 0, 0, 0, 0)  # her mandate ended after M1
    assert by_member["Alice Test"].rate == 0.5 and by_member["Bruno Test"].rate == 1.0
    assert figures.overall == pa.Tally(7, 3, 1, 1, 1, 1)
    assert figures.overall.took_part == 5 and figures.overall.rate == pytest.approx(5 / 7)
    assert tallies(figures.by_organisation) == {
        "Association Y": (2, 1, 0.5),
        "Coopérative X": (4, 3, 0.75),
        "Sans structure": (1, 1, 1.0),
    }
    assert figures.by_organisation[-1].key is None  # people without organisation come last
    assert tallies(figures.by_college) == {"Collège A": (4, 3, 0.75), "Collège B": (3, 2, 2 / 3)}
    assert figures.by_college[0].detail == "Conseil de l'ESS"  # all bodies: each college's named
    assert [r.label for r in figures.rows(pa.BY_MEMBER)] == [
        "Alice Test",
        "Bruno Test",
        "Chloé Test",
        "Fanny Test",
    ]


def test_participation_period_and_body_filters(store, council):
    whole = pa.participation(store.db, days(-365), TODAY)
    assert whole.meetings == 3  # M0 too
    assert {r.label: r.tally.expected for r in whole.by_member}["Alice Test"] == 3
    one_day = pa.participation(store.db, days(-60), days(-60))
    assert one_day.meetings == 1 and one_day.overall.expected == 4
    body = pa.participation(store.db, days(-90), TODAY, council["body"])
    assert body.overall == pa.Tally(7, 3, 1, 1, 1, 1)
    assert body.by_college[0].detail == ""  # one body: its name is not repeated
    other = pa.participation(store.db, days(-90), TODAY, council["other"])
    assert other.meetings == 0 and other.overall.expected == 0
    with pytest.raises(UserError, match="doit précéder sa fin"):
        pa.participation(store.db, TODAY, days(-1))
    with pytest.raises(UserError):
        whole.rows("nonsense")


def test_participation_export_to_xlsx(store, council, tmp_path):
    from openpyxl import load_workbook

    figures = pa.participation(store.db, days(-90), TODAY)
    path = participation_export.export_file(store.db, figures, tmp_path / "participation.xlsx")
    book = load_workbook(path)
    assert book.sheetnames == ["Méthode", "Par membre", "Par structure", "Par collège"]
    members = list(book["Par membre"].iter_rows(values_only=True))
    assert members[0][:3] == ("Membre", "Structure", "Attendu(e)s")
    assert members[0][-1] == "Taux de participation"
    rows = {r[0]: r for r in members[1:]}
    assert rows["Alice Test"] == ("Alice Test", "Coopérative X", 2, 1, 0, 0, 1, 0, 1, 0.5)
    assert rows["Ensemble"][2] == 7 and rows["Ensemble"][-1] == pytest.approx(5 / 7)
    assert book["Par membre"].cell(row=2, column=10).number_format == "0.0 %"
    colleges = list(book["Par collège"].iter_rows(values_only=True))
    assert colleges[1][:3] == ("Collège A", "Conseil de l'ESS", 4)
    method = [r[0] for r in book["Méthode"].iter_rows(values_only=True) if r[0]]
    assert any("Taux de participation =" in line for line in method)
    assert not list(tmp_path.glob(".participation-*"))  # no temporary file left
    with pytest.raises(UserError, match=r"\.xlsx"):
        participation_export.write_xlsx(figures, tmp_path / "participation.csv")


def test_participation_export_neutralises_formulas(store, tmp_path):
    from openpyxl import load_workbook

    body = bodies.create_body(store, name="Bureau", kind="bureau")
    college = bodies.create_college(store, body, name="=HYPERLINK(1)", seats=1)
    person = people.create(store, first_name="=1+1", last_name="@Test")
    mandate = mandates.create(
        store,
        person_id=person,
        body_id=body,
        college_id=college,
        role="member",
        start_date=days(-30),
    )
    meeting = meetings.create(store, body_id=body, starts_at=at(-5))
    presence.record(store, meeting, mandate, "present")
    meetings.set_status(store, meeting, "held", now=LATER)
    figures = pa.participation(store.db, days(-10), TODAY)
    path = participation_export.write_xlsx(figures, tmp_path / "p.xlsx")
    book = load_workbook(path)
    # Text as text: no formula, no apostrophe showing.
    for sheet, value in (("Par membre", "=1+1 @Test"), ("Par collège", "=HYPERLINK(1)")):
        cell = book[sheet]["A2"]
        assert cell.value == value and cell.data_type == "s" and cell.quotePrefix


# -- the small demo, counted independently -----------------------------------------------------


@pytest.fixture
def demo(store, on_demo_day):
    from ess_desk.demo import fill_demo

    fill_demo(store, "small")
    return store


def test_overview_of_the_small_demo_matches_independent_counts(demo):
    db = demo.db
    data = ov.overview(db, demo.path, TODAY, limit=50)

    every = db.execute("SELECT id, status, starts_at, notice_sent_on FROM meetings").fetchall()
    horizon = days(ov.UPCOMING_DAYS)
    upcoming = sorted(
        (
            r
            for r in every
            if r[1] in ("planned", "convened")
            and TODAY <= dt.date.fromisoformat(r[2][:10]) <= horizon
        ),
        key=lambda r: (r[2], r[0]),
    )
    assert [m.meeting_id for m in data.meetings.items] == [r[0] for r in upcoming]
    late = [r[0] for r in upcoming if r[3] is None and notice.deadline(db, r[0]) < TODAY]
    assert data.late_notices == len(late)
    assert [m.meeting_id for m in data.meetings.items if m.late] == late

    waiting = []
    for meeting_id, status, _starts_at, _sent in sorted(every, key=lambda r: (r[2], r[0])):
        if status in ("held", "closed"):
            found = minutes.get_minutes(db, meeting_id)
            if found is None or found.status != "approved":
                waiting.append((meeting_id, found.status if found else ov.MINUTES_NOT_STARTED))
    assert [(p.meeting_id, p.state) for p in data.minutes.items] == waiting
    assert data.minutes.to_approve == sum(1 for _m, s in waiting if s == "submitted")
    assert data.minutes.total > 0

    rows = db.execute("SELECT id, status, due_date FROM actions").fetchall()
    overdue = [r for r in rows if rules.is_overdue(r[1], r[2], TODAY)]
    soon = [
        r
        for r in rows
        if rules.is_open(r[1]) and r[2] and TODAY.isoformat() <= r[2] <= days(14).isoformat()
    ]
    assert data.overdue.total == len(overdue) > 0
    assert data.due_soon.total == len(soon)
    assert [a.id for a in data.overdue.items] == [
        r[0] for r in sorted(overdue, key=lambda r: (r[2], r[0]), reverse=True)
    ][:50]
    assert [a.id for a in data.due_soon.items] == [
        r[0] for r in sorted(soon, key=lambda r: (r[2], r[0]))
    ]

    all_mandates = db.execute(
        "SELECT id, person_id, body_id, start_date, end_date FROM mandates"
    ).fetchall()
    ending = {
        m[0]
        for m in all_mandates
        if m[4]
        and m[3] <= TODAY.isoformat()
        and TODAY.isoformat() <= m[4] <= days(90).isoformat()
        and not any(
            n[1] == m[1]
            and n[2] == m[2]
            and n[0] != m[0]
            and n[3] > m[3]
            and (n[4] is None or n[4] > m[4])
            for n in all_mandates
        )
    }
    assert {m.mandate_id for m in data.ending.items} == ending
    assert data.ending.total == len(ending)

    vacant = [
        (body.id, seats.college_id, seats.vacant)
        for body in bodies.list_bodies(db)
        for seats in roster.vacant_seats(db, body.id, TODAY)
        if seats.vacant
    ]
    assert sorted((v.body_id, v.college_id, v.vacant) for v in data.vacancies.items) == sorted(
        vacant
    )
    assert data.vacancies.seats == sum(v for _b, _c, v in vacant)


def test_participation_on_the_small_demo_matches_a_count_meeting_by_meeting(demo):
    db = demo.db
    start, end = days(-365), TODAY
    by_person: dict[int, list[int]] = defaultdict(lambda: [0] * 6)
    columns = {
        "present": 1,
        "remote": 1,
        "represented": 2,
        "replaced": 3,
        "excused": 4,
        "absent": 5,
    }
    counted = 0
    for meeting in meetings.list_meetings(db):
        day = dt.date.fromisoformat(meeting.starts_at[:10])
        if meeting.status not in ("held", "closed") or not start <= day <= end:
            continue
        recorded = {p.mandate_id: p.status for p in presence.presences(db, meeting.id)}
        if not recorded:
            continue
        counted += 1
        for attendee in presence.expected_attendees(db, meeting.id):
            if attendee.role not in SEAT_ROLES:
                continue
            tally = by_person[attendee.person_id]
            tally[0] += 1
            tally[columns[recorded.get(attendee.mandate_id, "absent")]] += 1
    figures = pa.participation(db, start, end)
    assert figures.meetings == counted > 10
    assert {r.key: list(vars(r.tally).values()) for r in figures.by_member} == dict(by_person)
    assert pa.total(r.tally for r in figures.by_college) == figures.overall
    assert pa.total(r.tally for r in figures.by_organisation) == figures.overall
    expected = sum(t[0] for t in by_person.values())
    took_part = sum(t[1] + t[2] + t[3] for t in by_person.values())
    assert figures.overall.expected == expected
    assert figures.overall.rate == pytest.approx(took_part / expected)


def test_participation_of_one_demo_body_is_part_of_the_whole(demo):
    db = demo.db
    start, end = days(-365), TODAY
    whole = pa.participation(db, start, end)
    parts = [pa.participation(db, start, end, body.id) for body in bodies.list_bodies(db, True)]
    assert sum(p.meetings for p in parts) == whole.meetings
    assert pa.total(p.overall for p in parts) == whole.overall


def test_overview_of_the_large_shape_is_bounded(demo):
    """Each section reads a bounded number of rows: the lines asked for, never the table."""
    data = ov.overview(demo.db, demo.path, TODAY, limit=3)
    for listing in (data.meetings, data.minutes, data.overdue, data.due_soon, data.ending):
        assert len(listing.items) == min(3, listing.total)
        assert listing.more == listing.total - len(listing.items)


def test_paths_are_accepted_as_strings(demo, tmp_path):
    figures = pa.participation(demo.db, days(-365), TODAY)
    written = participation_export.write_xlsx(figures, str(tmp_path / "p.xlsx"))
    assert Path(written).exists()


def test_a_new_file_is_empty_until_a_body_or_a_person_is_in_it(store):
    from ess_desk.dashboard.overview import is_empty
    from ess_desk.membership import people

    assert is_empty(store.db)
    people.create(store, first_name="Anne", last_name="Martin")
    assert not is_empty(store.db)
