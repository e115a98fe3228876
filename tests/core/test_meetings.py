"""Meeting records: lifecycle, agenda and timings, annexes, notice, attendance, quorum, votes."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from reportlab.pdfgen import canvas

from ess_desk.errors import UserError
from ess_desk.meetings import agenda, annexes, meetings, notice, presence, votes
from ess_desk.membership import bodies, mandates, people

# The clock for marking meetings held (they may lie ahead of today's date).
LATER = dt.datetime(2099, 1, 1)


@pytest.fixture
def body(store):
    """A bureau of five voting members, one paired substitute and a permanent guest."""
    b = bodies.create_body(
        store, name="Bureau", kind="bureau", proxies_per_holder=1, chair_casting_vote=True
    )
    college = bodies.create_college(store, b, name="Membres", seats=5)
    ids = {}
    for name in ["Hélène", "François", "Zoé", "Luc", "Inès"]:
        pid = people.create(store, first_name=name, last_name="Test")
        ids[name] = mandates.create(
            store,
            person_id=pid,
            body_id=b,
            college_id=college,
            role="member",
            start_date="2026-01-01",
        )
    sub = people.create(store, first_name="Sacha", last_name="Suppléant")
    ids["Sacha"] = mandates.create(
        store,
        person_id=sub,
        body_id=b,
        role="substitute",
        substitute_for_id=ids["Luc"],
        start_date="2026-01-01",
    )
    guest = people.create(store, first_name="Gaëlle", last_name="Invitée")
    ids["Gaëlle"] = mandates.create(
        store, person_id=guest, body_id=b, role="permanent_guest", start_date="2026-01-01"
    )
    return {"id": b, "mandates": ids}


@pytest.fixture
def meeting(store, body):
    return meetings.create(
        store,
        body_id=body["id"],
        starts_at="10/12/2026 18:00",
        ends_at="2026-12-10T20:00",
        place="Hôtel de ville, salle 3",
    )


def pdf_bytes(pages: int = 2) -> bytes:
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer)
    for i in range(pages):
        c.drawString(100, 700, f"Annexe page {i + 1}")
        c.showPage()
    c.save()
    return buffer.getvalue()


def test_meeting_defaults_and_validation(store, body, meeting):
    m = meetings.get(store.db, meeting)
    assert m.kind == "bureau" and m.title == "Bureau du 10/12/2026" and m.status == "planned"
    with pytest.raises(UserError) as info:
        meetings.create(
            store, body_id=body["id"], starts_at="10/12/2026 18:00", ends_at="10/12/2026 17:00"
        )
    assert info.value.field == "ends_at"
    with pytest.raises(UserError) as info:
        meetings.create(store, body_id=body["id"], starts_at="demain")
    assert info.value.field == "starts_at"
    with pytest.raises(UserError) as info:
        meetings.create(
            store, body_id=body["id"], starts_at="2026-12-01 18:00", video_link="meet.example"
        )
    assert info.value.field == "video_link"


def test_lifecycle(store, body, meeting):
    with pytest.raises(UserError, match="ne peut pas passer"):
        meetings.set_status(store, meeting, "closed")
    meetings.set_status(store, meeting, "convened")
    meetings.set_status(store, meeting, "held", now=LATER)
    meetings.set_status(store, meeting, "closed")
    with pytest.raises(UserError, match="close"):
        presence.record(store, meeting, body["mandates"]["Zoé"], "present")
    with pytest.raises(UserError, match="ne peut plus"):
        meetings.update(store, meeting, place="Ailleurs")


def test_postpone_links_and_copies_agenda(store, body, meeting):
    agenda.create_item(store, meeting, title="Budget 2027", kind="vote", duration_minutes=30)
    new_id = meetings.postpone(store, meeting, "17/12/2026 18:00")
    old, new = meetings.get(store.db, meeting), meetings.get(store.db, new_id)
    assert old.status == "postponed" and old.replaced_by_id == new_id
    assert new.ends_at == "2026-12-17T20:00" and new.status == "planned"
    assert [i.title for i in agenda.items(store.db, new_id)] == ["Budget 2027"]


def test_agenda_timings_overrun_and_reorder(store, meeting):
    a = agenda.create_item(
        store, meeting, title="Approbation du PV", kind="minutes_approval", duration_minutes=10
    )
    b = agenda.create_item(
        store,
        meeting,
        title="Commande publique responsable",
        kind="debate",
        duration_minutes=60,
        presenter_text="Service achats",
    )
    c = agenda.create_item(
        store, meeting, title="Avis sur le PTCE", kind="vote", duration_minutes=60
    )
    table = agenda.meeting_timetable(store.db, meeting)
    assert [t.starts_at.strftime("%H:%M") for t in table.items] == ["18:00", "18:10", "19:10"]
    assert table.overrun_minutes == 10
    agenda.move_item(store, c, -1)
    assert [i.id for i in agenda.items(store.db, meeting)] == [a, c, b]
    agenda.reorder(store, meeting, [c, b, a])
    assert [i.position for i in agenda.items(store.db, meeting)] == [1, 2, 3]
    assert [i.id for i in agenda.items(store.db, meeting)] == [c, b, a]
    with pytest.raises(UserError, match="changé"):
        agenda.reorder(store, meeting, [c, b])
    agenda.delete_item(store, b)
    assert [i.position for i in agenda.items(store.db, meeting)] == [1, 2]
    with pytest.raises(UserError) as info:
        agenda.create_item(store, meeting, title="X", duration_minutes="beaucoup")
    assert info.value.field == "duration_minutes"


def test_annexes_are_checked_pdfs(store, meeting, tmp_path):
    good = tmp_path / "Rapport d'activité.pdf"
    good.write_bytes(pdf_bytes(3))
    item = agenda.create_item(store, meeting, title="Rapport", kind="information")
    annex = annexes.attach(store, meeting, good, item_id=item)
    [listed] = annexes.list_annexes(store.db, meeting)
    assert (listed.id, listed.pages, listed.name, listed.size) == (
        annex,
        3,
        "Rapport d'activité.pdf",
        good.stat().st_size,
    )
    assert annexes.content(store.db, annex) == good.read_bytes()
    bad = tmp_path / "budget.pdf"
    bad.write_bytes(b"%PDF-1.4 this is broken")
    with pytest.raises(UserError, match="budget.pdf"):
        annexes.attach(store, meeting, bad)
    word = tmp_path / "note.docx"
    word.write_bytes(b"PK\x03\x04")
    with pytest.raises(UserError, match="ne peut pas être joint : ce n'est pas un fichier PDF"):
        annexes.attach(store, meeting, word)
    assert len(annexes.list_annexes(store.db, meeting)) == 1


def test_notice_deadline_and_late_warning(store, body, meeting):
    assert notice.deadline(store.db, meeting) == dt.date(2026, 12, 4)
    assert notice.record_sent(store, meeting, "03/12/2026") == ""
    assert meetings.get(store.db, meeting).status == "convened"
    warning = notice.record_sent(store, meeting, "07/12/2026")
    assert "après la date limite légale du 04/12/2026" in warning
    assert "2 jours francs" in warning and "en demande 5" in warning
    assert meetings.get(store.db, meeting).notice_warning == warning


def test_expected_list_attendance_and_quorum(store, body, meeting):
    m = body["mandates"]
    expected = presence.expected_attendees(store.db, meeting)
    assert {a.name for a in expected} == {
        "Hélène Test",
        "François Test",
        "Zoé Test",
        "Luc Test",
        "Inès Test",
        "Sacha Suppléant",
        "Gaëlle Invitée",
    }
    assert presence.quorum(store.db, meeting).required == 3
    presence.record(store, meeting, m["Hélène"], "present", arrival="18:00")
    presence.record(store, meeting, m["François"], "represented", proxy_to=m["Hélène"])
    with pytest.raises(UserError, match="déjà 1 pouvoir") as info:
        presence.record(store, meeting, m["Zoé"], "represented", proxy_to=m["Hélène"])
    assert info.value.field == "proxy_to"
    with pytest.raises(UserError, match="voix délibérative"):
        presence.record(store, meeting, m["Zoé"], "represented", proxy_to=m["Gaëlle"])
    count = presence.quorum(store.db, meeting)
    assert (count.present, count.represented, count.reached) == (1, 1, False)
    presence.record(store, meeting, m["Luc"], "replaced", replaced_by=m["Sacha"])
    presence.record(store, meeting, m["Sacha"], "present", arrival="18h05")
    count = presence.quorum(store.db, meeting)
    assert (count.present, count.represented, count.reached) == (2, 1, True)
    presence.add_guest(store, meeting, "Jeanne Experte", "Région")
    assert presence.quorum(store.db, meeting).counted == 3  # guests never count
    opening = presence.record_opening(store, meeting, "18:10")
    assert opening.reached
    assert meetings.get(store.db, meeting).opening_time == "18:10"
    with pytest.raises(UserError) as info:
        presence.record(store, meeting, m["Zoé"], "present", arrival="19:00", departure="18:00")
    assert info.value.field == "departure"


def test_votes_outcome_limits_and_quorum_flag(store, body, meeting):
    m = body["mandates"]
    item = agenda.create_item(store, meeting, title="Avis sur le schéma ESS", kind="vote")
    info_item = agenda.create_item(store, meeting, title="Tour de table", kind="information")
    presence.record(store, meeting, m["Hélène"], "present", departure="19:00")
    presence.record(store, meeting, m["François"], "present")
    presence.record(store, meeting, m["Zoé"], "represented", proxy_to=m["François"])
    with pytest.raises(UserError, match="séance tenue"):
        votes.record_vote(store, item, votes_for=1, votes_against=0, taken_at="18:30")
    meetings.set_status(store, meeting, "held", now=LATER)
    with pytest.raises(UserError, match="seules 3 personnes"):
        votes.record_vote(store, item, votes_for=3, votes_against=1, taken_at="18:30")
    vote = votes.record_vote(store, item, votes_for=2, votes_against=1, taken_at="18:30")
    assert vote.outcome == "adopted" and vote.quorum_reached
    # after Hélène leaves, only two votes remain and the quorum (3 of 5) is lost
    late = votes.record_vote(
        store, item, votes_for=1, votes_against=1, taken_at="19:30", casting_vote="for"
    )
    assert late.outcome == "adopted" and not late.quorum_reached
    assert late.quorum["counted"] == 2
    assert len(votes.votes_of_meeting(store.db, meeting)) == 1  # corrected, not duplicated
    with pytest.raises(UserError, match="n'appelle pas de vote"):
        votes.record_vote(store, info_item, votes_for=1, votes_against=0)


@pytest.mark.parametrize(
    ("counts", "rule", "casting", "expected"),
    [
        ((5, 4, 10), "simple", None, "adopted"),
        ((4, 4, 0), "simple", None, "rejected"),
        ((4, 4, 0), "simple", "for", "adopted"),
        ((4, 4, 0), "simple", "against", "rejected"),
        ((5, 4, 10), "absolute", None, "rejected"),
        ((10, 4, 5), "absolute", None, "adopted"),
        ((8, 4, 0), "two_thirds", None, "adopted"),
        ((7, 4, 0), "two_thirds", None, "rejected"),
        ((0, 0, 9), "simple", None, "rejected"),
    ],
)
def test_majority_rules(counts, rule, casting, expected):
    assert votes.outcome(*counts, rule, casting) == expected


def test_yearly_schedule_creates_meetings(store, body):
    from ess_desk.meetings.calendar import schedule

    dates = schedule(
        "FREQ=MONTHLY;BYDAY=2TU;BYMONTH=1,2,3,4,5,6,7,9,10,11,12",
        dt.datetime(2027, 1, 1, 18),
        dt.date(2027, 12, 31),
    )
    chosen = [d.starts_at for d in dates if not d.flagged]
    ids = meetings.create_schedule(store, body["id"], chosen, duration_minutes=90, place="Mairie")
    rows = meetings.list_meetings(store.db, body_id=body["id"], year=2027)
    assert [r.id for r in rows] == ids and len(ids) == len(chosen)
    assert rows[0].ends_at == "2027-01-12T19:30"


def test_item_with_a_registered_decision_cannot_be_removed(store, meeting):
    from ess_desk.minutes import decisions

    item = agenda.create_item(store, meeting, title="Avis sur le schéma ESS", kind="vote")
    decisions.add_decision(store, item, "opinion", "Avis favorable au schéma.")
    with pytest.raises(UserError, match="registre"):
        agenda.delete_item(store, item)
    assert [i.id for i in agenda.items(store.db, meeting)] == [item]


def test_the_years_that_have_meetings_for_the_year_filter(store, body):
    assert meetings.years(store.db) == []
    for starts_at in ("2027-01-12 18:00", "2025-12-31 23:30", "2025-03-01 09:00"):
        meetings.create(store, body_id=body["id"], starts_at=starts_at)
    assert meetings.years(store.db) == [2025, 2027]
    listed = sorted({int(r.starts_at[:4]) for r in meetings.list_meetings(store.db)})
    assert meetings.years(store.db) == listed


def test_the_listing_reads_a_window_in_the_order_shown(store, body):
    """The Séances page's list: each order and filter gives, window by window, the rows that the
    former read-all-then-order gave (upcoming soonest first then the past latest first), and
    `count` how many there are."""
    from ess_desk.meetings import listing

    other = bodies.create_body(store, name="Assemblée plénière", kind="plenary")
    starts = [
        "2020-03-02T18:00",
        "2021-06-01T09:00",
        "2021-06-01T09:00",
        "2026-12-01T18:00",
        "2026-12-01T18:00",
        "2026-12-01T18:30",
        "2029-01-15T18:00",
        "2031-05-02T18:00",
        "2031-05-02T18:00",
    ]
    for n, starts_at in enumerate(starts):
        meetings.create(store, body_id=(body["id"], other)[n % 2], starts_at=starts_at)
    meetings.set_status(store, meetings.list_meetings(store.db)[0].id, "cancelled")
    now = "2026-12-01T18:00"
    for filters in (
        listing.MeetingFilter(),
        listing.MeetingFilter(body_id=other),
        listing.MeetingFilter(status="planned"),
        listing.MeetingFilter(year=2021),
        listing.MeetingFilter(body_id=body["id"], year=2031),
    ):
        rows = meetings.list_meetings(store.db, filters.body_id, filters.status, filters.year)
        ids = [r.id for r in sorted(rows, key=lambda r: (r.starts_at, r.body, r.id))]
        by_id = {r.id: r for r in rows}
        upcoming = [i for i in ids if by_id[i].starts_at >= now]
        past = [i for i in ids if by_id[i].starts_at < now]
        expected = {
            listing.UPCOMING_FIRST: upcoming + past[::-1],
            listing.CHRONOLOGICAL: ids,
            listing.NEWEST_FIRST: ids[::-1],
        }
        assert listing.count(store.db, filters) == len(ids)
        for order, wanted in expected.items():
            every = listing.listed(store.db, filters, order, now=now)
            assert [r.id for r in every] == wanted, (filters, order)
            assert every == [by_id[i] for i in wanted]
            for limit in range(len(wanted) + 2):
                window = listing.listed(store.db, filters, order, now=now, limit=limit)
                assert [r.id for r in window] == wanted[:limit], (filters, order, limit)
    with pytest.raises(ValueError):
        listing.listed(store.db, order="alphabetical")
