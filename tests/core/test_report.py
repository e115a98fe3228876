"""The annual activity report: its figures against counts made by hand (a council built here,
meeting by meeting) and against plain queries on the small demo; the PDF read back; the CLI."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from pypdf import PdfReader

from ess_desk import i18n
from ess_desk.actions import actions, themes, updates
from ess_desk.cli import main
from ess_desk.documents import activity_report
from ess_desk.errors import UserError
from ess_desk.meetings import agenda, meetings, presence, votes
from ess_desk.membership import bodies, mandates, organisations, people, roster
from ess_desk.minutes import decisions
from ess_desk.report.figures import Period, Presences, report_figures, resolve_period
from tests.documents import plain

# The clock for marking meetings held (they may lie ahead of today's date).
LATER = dt.datetime(2099, 1, 1)

TODAY = dt.date(2026, 6, 1)
YEAR = Period(dt.date(2025, 1, 1), dt.date(2025, 12, 31))
# Every word of the names of the people who did not consent to publication.
HIDDEN = ["Zoé", "Secrète", "Inès", "Discrète", "Sacha", "Remplaçant"]


def held(store, body: int, when: str) -> int:
    meeting = meetings.create(store, body_id=body, starts_at=when, place="Salle du conseil")
    meetings.set_status(store, meeting, "convened")
    meetings.set_status(store, meeting, "held", now=LATER)
    return meeting


def build_council(store) -> dict:
    """A plenary over 2025: three colleges (one consultative), a departure and an arrival, five
    meetings in the year (held with quorum, cancelled, postponed then held without quorum, held
    with a quorum counted from the attendance only, planned), one before and one after the
    year; decisions, votes, and actions by theme."""
    body = bodies.create_body(store, name="Conseil de l'ESS de Testville", kind="plenary")
    bureau = bodies.create_body(store, name="Bureau", kind="bureau")
    elus = bodies.create_college(store, body, name="Élus", seats=3)
    ess = bodies.create_college(store, body, name="Structures de l'ESS", seats=4)
    partners = bodies.create_college(store, body, name="Partenaires", seats=2, voting=False)
    org = organisations.create(store, name="Coopérative Alpha", kind="scic")
    p: dict[str, int] = {}
    m: dict[str, int] = {}
    for first, last, consent, college, role, start, end in [
        ("Hélène", "Martin", True, elus, "president", "2024-01-01", "2026-12-31"),
        ("Paul", "Durand", True, elus, "member", "2024-01-01", "2026-12-31"),
        ("Zoé", "Secrète", False, ess, "member", "2024-01-01", "2026-12-31"),
        ("Luc", "Lefèvre", True, ess, "member", "2024-01-01", "2026-12-31"),
        ("Inès", "Discrète", False, ess, "member", "2024-01-01", "2025-06-30"),
        ("Marc", "Nouveau", True, ess, "member", "2025-07-01", "2026-12-31"),
        ("Anne", "Partenaire", True, partners, "member", "2024-01-01", None),
    ]:
        p[first] = people.create(
            store,
            first_name=first,
            last_name=last,
            consent_publish=consent,
            organisation_id=org,
            email=f"{last.lower().replace('è', 'e').replace('é', 'e')}@exemple.fr",
        )
        m[first] = mandates.create(
            store,
            person_id=p[first],
            body_id=body,
            college_id=college,
            role=role,
            start_date=start,
            end_date=end,  # Anne's mandate has no end date
        )
    p["Sacha"] = people.create(store, first_name="Sacha", last_name="Remplaçant")
    m["Sacha"] = mandates.create(
        store,
        person_id=p["Sacha"],
        body_id=body,
        college_id=ess,
        role="substitute",
        substitute_for_id=m["Luc"],
        start_date="2024-01-01",
        end_date="2026-12-31",
    )

    # Before the year: a meeting, its vote and decision, none of which the report counts.
    before = held(store, body, "04/11/2024 18:00")
    item = agenda.create_item(store, before, title="Programme 2025", kind="vote")
    presence.record(store, before, m["Hélène"], "present")
    presence.record(store, before, m["Paul"], "present")
    presence.record(store, before, m["Luc"], "present")
    votes.record_vote(store, item, votes_for=3, votes_against=0)
    decisions.add_decision(store, item, "opinion", "Avis sur le programme 2025.")

    # 10 March: held, quorum reached at the opening (3 present + 1 proxy of 3 required).
    march = held(store, body, "10/03/2025 18:00")
    budget = agenda.create_item(store, march, title="Budget", kind="vote")
    debate = agenda.create_item(store, march, title="Tiers-lieux", kind="debate")
    presence.record(store, march, m["Hélène"], "present")
    presence.record(store, march, m["Paul"], "present")
    presence.record(store, march, m["Zoé"], "represented", proxy_to=m["Hélène"])
    presence.record(store, march, m["Luc"], "replaced", replaced_by=m["Sacha"])
    presence.record(store, march, m["Sacha"], "present")
    presence.record(store, march, m["Inès"], "excused")
    presence.record(store, march, m["Anne"], "present")
    presence.record_opening(store, march, "18:05")
    votes.record_vote(store, budget, votes_for=3, votes_against=1, taken_at="18:30")
    decisions.add_decision(
        store, budget, "opinion", "Avis favorable au budget présenté par Zoé Secrète."
    )
    decisions.add_decision(
        store, debate, "recommendation", "Le conseil recommande d'ouvrir deux tiers-lieux."
    )

    # 12 May: cancelled. 16 June: postponed to 23 June, held without quorum.
    may = meetings.create(store, body_id=body, starts_at="12/05/2025 18:00")
    meetings.set_status(store, may, "cancelled")
    june = meetings.create(store, body_id=body, starts_at="16/06/2025 18:00")
    june_bis = meetings.postpone(store, june, "23/06/2025 18:00")
    meetings.set_status(store, june_bis, "held", now=LATER)
    presence.record(store, june_bis, m["Hélène"], "present")
    presence.record(store, june_bis, m["Paul"], "excused")
    presence.record(store, june_bis, m["Inès"], "excused")
    presence.record(store, june_bis, m["Zoé"], "absent")
    presence.record_opening(store, june_bis, "18:10")

    # 6 October: held; the quorum was not noted at the opening, it is counted from attendance.
    october = held(store, body, "06/10/2025 18:00")
    seat = agenda.create_item(store, october, title="Désignation", kind="vote")
    fee = agenda.create_item(store, october, title="Cotisation", kind="vote")
    presence.record(store, october, m["Marc"], "present")
    presence.record(store, october, m["Luc"], "present")
    presence.record(store, october, m["Zoé"], "present")
    presence.record(store, october, m["Hélène"], "represented", proxy_to=m["Luc"])
    presence.record(store, october, m["Paul"], "absent")
    presence.record(store, october, m["Anne"], "excused")
    votes.record_vote(store, seat, votes_for=4, votes_against=0)
    votes.record_vote(store, fee, votes_for=1, votes_against=3)
    decisions.add_decision(
        store, seat, "decision", "Le conseil désigne Luc Lefèvre et Inès Discrète au jury."
    )

    december = meetings.create(store, body_id=body, starts_at="15/12/2025 18:00")
    after = meetings.create(store, body_id=body, starts_at="12/01/2026 18:00")

    # Actions: two themes, one without; others of the bureau or of 2026 must not count.
    first, second = [t.id for t in themes.list_themes(store.db)[:2]]
    owner = {"owner_person_id": p["Hélène"], "today": TODAY}

    def action(title: str, created: str, due: str, theme: int | None, **extra) -> int:
        return actions.create(
            store,
            body_id=extra.pop("body", body),
            title=title,
            created_on=created,
            due_date=due,
            theme_id=theme,
            **owner,
            **extra,
        )

    a = {
        "old_late": action("Ancienne", "2024-06-01", "2024-12-31", first),
        "done": action("Faite", "2025-02-01", "2025-03-31", first),
        "running": action("En cours", "2025-03-10", "2026-06-30", first, status="in_progress"),
        "abandoned": action("Abandonnée", "2025-05-01", "2025-09-30", second),
        "late": action("En retard", "2025-11-01", "2025-11-30", second),
        "closed_after": action("Close après", "2024-01-10", "2025-06-30", None),
        "bureau": action("Du bureau", "2025-03-01", "2025-04-30", first, body=bureau),
        "next_year": action("L'an prochain", "2026-01-05", "2026-03-31", second),
    }
    updates.record(store, a["done"], status="done", on_date="2025-04-10", today=TODAY)
    updates.record(store, a["abandoned"], status="abandoned", on_date="2025-08-01", today=TODAY)
    updates.record(store, a["closed_after"], status="done", on_date="2026-01-15", today=TODAY)
    return {
        "body": body,
        "bureau": bureau,
        "colleges": {"elus": elus, "ess": ess, "partners": partners},
        "people": p,
        "mandates": m,
        "meetings": {
            "before": before,
            "march": march,
            "may": may,
            "june": june,
            "june_bis": june_bis,
            "october": october,
            "december": december,
            "after": after,
        },
        "themes": (first, second),
        "actions": a,
    }


@pytest.fixture
def council(store):
    return build_council(store)


@pytest.fixture
def figures(store, council):
    return report_figures(store.db, council["body"], YEAR.start, YEAR.end, today=TODAY)


# --------------------------------------------------------------------------- figures


def test_meetings_held_cancelled_postponed_and_planned(figures, council):
    ids = council["meetings"]
    assert [m.meeting_id for m in figures.meetings] == [
        ids["march"],
        ids["may"],
        ids["june"],
        ids["june_bis"],
        ids["october"],
        ids["december"],
    ]
    assert [m.meeting_id for m in figures.held] == [ids["march"], ids["june_bis"], ids["october"]]
    assert [m.meeting_id for m in figures.cancelled] == [ids["may"]]
    assert [m.meeting_id for m in figures.postponed] == [ids["june"]]
    assert figures.postponed[0].replaced_by.startswith("2025-06-23")
    assert [m.meeting_id for m in figures.planned] == [ids["december"]]
    assert {m.meeting_id: m.decisions for m in figures.meetings if m.decisions} == {
        ids["march"]: 2,
        ids["october"]: 1,
    }


def test_attendance_of_seat_holders_at_each_meeting(figures, council):
    by_id = {m.meeting_id: m.presences for m in figures.meetings}
    ids = council["meetings"]
    # March: Hélène, Paul, Anne present; Luc sits through Sacha; Zoé's proxy; Inès excused.
    assert by_id[ids["march"]] == Presences(6, 3, 1, 1, 1, 0)
    # June (postponed): Hélène alone; Paul and Inès excused; Zoé absent, Luc and Anne unrecorded.
    assert by_id[ids["june_bis"]] == Presences(6, 1, 0, 0, 2, 3)
    # October: Inès has left and Marc arrived; Hélène gave her proxy, Paul absent, Anne excused.
    assert by_id[ids["october"]] == Presences(6, 3, 0, 1, 1, 1)
    for key in ("may", "june", "december"):
        assert by_id[ids[key]] is None
    assert figures.attendance == Presences(18, 7, 1, 2, 4, 4)
    assert figures.attendance.rate == pytest.approx(8 / 18)
    assert figures.attendance.participation == pytest.approx(10 / 18)


def test_quorum_reached_missed_and_counted_from_the_attendance(figures, council):
    quorum = {m.meeting_id: m.quorum for m in figures.held}
    ids = council["meetings"]
    march, june, october = quorum[ids["march"]], quorum[ids["june_bis"]], quorum[ids["october"]]
    # Five voting members in office (the partners' college is consultative): 3 required.
    assert (march.in_office, march.required, march.counted, march.reached) == (5, 3, 4, True)
    assert march.at_opening
    assert (june.counted, june.required, june.reached, june.at_opening) == (1, 3, False, True)
    assert (october.counted, october.required, october.reached) == (4, 3, True)
    assert not october.at_opening
    assert (figures.quorum_reached, figures.quorum_missed, figures.quorum_unknown) == (2, 1, 0)


def test_attendance_by_college_and_by_member(figures):
    colleges = {c.college: (c.voting, c.presences) for c in figures.colleges}
    assert colleges == {
        "Élus": (True, Presences(6, 3, 0, 1, 1, 1)),
        "Structures de l'ESS": (True, Presences(9, 3, 1, 1, 2, 2)),
        "Partenaires": (False, Presences(3, 1, 0, 0, 1, 1)),
    }
    members = {(m.name, m.named): m.presences for m in figures.members}
    assert members[("Hélène Martin", True)] == Presences(3, 2, 0, 1, 0, 0)
    assert members[("Marc Nouveau", True)] == Presences(1, 1, 0, 0, 0, 0)
    assert members[("Luc Lefèvre", True)] == Presences(3, 1, 1, 0, 0, 1)
    hidden = [m for m in figures.members if not m.named]
    assert {m.name for m in hidden} == {"un membre du collège Structures de l'ESS"}
    assert sorted(m.presences.expected for m in hidden) == [2, 3]  # Inès left in June
    # Within their college, people left unnamed come after the others.
    ess = [m.named for m in figures.members if m.college == "Structures de l'ESS"]
    assert ess == [True, True, False, False]


def test_decisions_of_the_year_by_kind_with_references_and_no_hidden_name(figures):
    assert [d.reference for d in figures.decisions] == ["2025-001", "2025-002", "2025-003"]
    assert figures.decisions_by_kind() == {"opinion": 1, "recommendation": 1, "decision": 1}
    texts = " ".join(d.text for d in figures.decisions)
    assert "Zoé" not in texts and "Inès" not in texts and "Luc Lefèvre" in texts
    assert "présenté par un membre du collège Structures de l'ESS" in texts
    assert (figures.votes_adopted, figures.votes_rejected) == (2, 1)


def test_actions_by_theme(figures, council):
    first, second = council["themes"]
    by_theme = {t.theme_id: t for t in figures.themes}
    assert set(by_theme) == {first, second, None}
    # opened, done, abandoned, open at the end, overdue at the end
    t1, t2, none = by_theme[first], by_theme[second], by_theme[None]
    assert (t1.opened, t1.done, t1.abandoned, t1.open_at_end, t1.overdue_at_end) == (2, 1, 0, 2, 1)
    assert (t2.opened, t2.done, t2.abandoned, t2.open_at_end, t2.overdue_at_end) == (2, 0, 1, 1, 1)
    # Closed in January 2026: still open (and overdue) at the end of 2025.
    assert (none.opened, none.closed, none.open_at_end, none.overdue_at_end) == (0, 0, 1, 1)
    assert none.theme == ""
    total = figures.actions
    assert (total.opened, total.closed, total.open_at_end, total.overdue_at_end) == (4, 2, 4, 3)


def test_composition_changes_and_vacant_seats(store, figures, council):
    rows = {c.name: c for c in figures.composition}
    ess = rows["Structures de l'ESS"]
    assert (ess.seats, ess.at_start, ess.arrivals, ess.departures, ess.at_end) == (4, 3, 1, 1, 3)
    assert (rows["Élus"].at_end, rows["Élus"].vacant) == (2, 1)
    assert (rows["Partenaires"].voting, rows["Partenaires"].vacant) == (False, 1)
    assert (figures.seats, figures.vacant) == (9, 3)
    # The same vacant seats as the roster module counts.
    at_end = roster.vacant_seats(store.db, council["body"], YEAR.end)
    assert {s.name: s.vacant for s in at_end} == {c.name: c.vacant for c in figures.composition}
    changes = [(c.day.isoformat(), c.arrival, c.name, c.role) for c in figures.changes]
    assert changes == [
        ("2025-06-30", False, "un membre du collège Structures de l'ESS", "member"),
        ("2025-07-01", True, "Marc Nouveau", "member"),
    ]
    names = {m.name for m in figures.roster}
    assert "Marc Nouveau" in names and "Zoé Secrète" not in names
    sacha = [m for m in figures.roster if m.person_id == council["people"]["Sacha"]]
    assert sacha[0].name == "un membre du collège Structures de l'ESS"
    assert sacha[0].organisation == ""
    assert figures.unnamed == 3  # Zoé, Inès, Sacha


def test_a_period_not_over_stops_at_today(store, council):
    fig = report_figures(
        store.db, council["body"], dt.date(2025, 1, 1), dt.date(2025, 12, 31), dt.date(2025, 9, 1)
    )
    assert fig.as_of == dt.date(2025, 9, 1)
    first, second = council["themes"]
    by_theme = {t.theme_id: t for t in fig.themes}
    # On 1 September the late action of November did not exist yet.
    assert by_theme[second].opened == 1 and by_theme[second].abandoned == 1
    assert by_theme[first].overdue_at_end == 1


@pytest.mark.parametrize(
    ("year", "start", "end", "message"),
    [
        ("1850", None, None, "hors de la plage possible (1990 à 2026)"),
        ("2031", None, None, "hors de la plage possible"),
        ("deux mille", None, None, "n'est pas une année"),
        (None, "2025-05-01", "2025-04-01", "après sa fin"),
        ("2025", "2025-05-01", None, "pas les deux"),
        (None, None, "2025-05-01", "premier jour"),
        (None, "2027-01-01", None, "après aujourd'hui"),
        (None, "31/02/2025", None, "n'est pas une date"),
    ],
)
def test_periods_refused(year, start, end, message):
    with pytest.raises(UserError) as caught:
        resolve_period(year, start, end, today=TODAY)
    assert message in caught.value.message


def test_periods_accepted():
    assert resolve_period("2025", today=TODAY) == YEAR
    assert resolve_period(today=TODAY) == YEAR  # the last full year
    assert resolve_period(None, "01/03/2026", None, today=TODAY) == Period(
        dt.date(2026, 3, 1), TODAY
    )
    assert YEAR.label() == "2025"
    assert (
        Period(dt.date(2025, 3, 1), dt.date(2025, 6, 30)).label() == "du 01/03/2025 au 30/06/2025"
    )


# --------------------------------------------------------------------------- the small demo


def test_small_demo_figures_against_plain_counts(store):
    from ess_desk.demo import fill_demo
    from ess_desk.meetings.vocabulary import MEETING_STATUSES  # noqa: F401 - statuses known

    fill_demo(store, "small")
    db = store.db
    today = dt.date(2026, 11, 28)
    body = bodies.plenary_body(db)
    assert body is not None
    for body_id in [b.id for b in bodies.list_bodies(db)]:
        fig = report_figures(db, body_id, dt.date(2026, 1, 1), dt.date(2026, 12, 31), today)
        listed = meetings.list_meetings(db, body_id=body_id, year=2026)
        assert len(fig.meetings) == len(listed)
        for status in ("cancelled", "postponed"):
            assert len(fig.with_status(status)) == sum(1 for r in listed if r.status == status)
        for line in fig.held:
            # Seat holders expected that day, and what the attendance table says of them.
            expected = [
                a
                for a in presence.expected_attendees(db, line.meeting_id)
                if a.role in ("president", "co_president", "vice_president", "member")
            ]
            recorded = {p.mandate_id: p.status for p in presence.presences(db, line.meeting_id)}
            statuses = [recorded.get(a.mandate_id, "absent") for a in expected]
            assert line.presences is not None
            assert line.presences.expected == len(expected)
            # a member taking part by video attended: counted with those present
            assert line.presences.present == statuses.count("present") + statuses.count("remote")
            assert line.presences.represented == statuses.count("represented")
            count = presence.quorum(db, line.meeting_id)
            assert line.quorum is not None and line.quorum.in_office == count.in_office
            assert line.decisions == len(decisions.decisions_of_meeting(db, line.meeting_id))
        vacant = {s.name: s.vacant for s in roster.vacant_seats(db, body_id, fig.as_of)}
        assert {c.name: c.vacant for c in fig.composition if c.college_id} == vacant
        rows = db.execute(
            "SELECT created_on, closed_on, status, due_date FROM actions WHERE body_id = ?",
            [body_id],
        ).fetchall()
        start, as_of = "2026-01-01", fig.as_of.isoformat()
        opened = sum(1 for c, _cl, _s, _d in rows if start <= c <= as_of)
        done = sum(1 for _c, cl, s, _d in rows if s == "done" and cl and start <= cl <= as_of)
        still_open = [d for c, cl, _s, d in rows if c <= as_of and (cl is None or cl > as_of)]
        assert fig.actions.opened == opened
        assert fig.actions.done == done
        assert fig.actions.open_at_end == len(still_open)
        assert fig.actions.overdue_at_end == sum(1 for d in still_open if d and d < as_of)
    # The plenary met four times in 2026, and the demo's bureau once without its quorum.
    plenary = report_figures(db, body, dt.date(2026, 1, 1), dt.date(2026, 12, 31), today)
    assert len(plenary.meetings) == 4 and plenary.as_of == today


# --------------------------------------------------------------------------- the PDF


def pdf_text(path) -> str:
    return plain(" ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split()))


def outline_titles(reader: PdfReader) -> list[tuple[str, int]]:
    out: list[tuple[str, int]] = []

    def walk(items) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                out.append((plain(item.title), reader.get_destination_page_number(item)))

    walk(reader.outline)
    return out


def test_pdf_sections_bookmarks_font_pages_and_consent(store, council, tmp_path):
    path = activity_report.build(store.db, council["body"], YEAR, tmp_path / "r.pdf", TODAY)
    reader = PdfReader(path)
    text = pdf_text(path)
    pages = len(reader.pages)
    assert pages >= 4
    for n, page in enumerate(reader.pages, start=1):
        assert f"Page {n} / {pages}" in " ".join(page.extract_text().split())
    for expected in (
        "Rapport d'activité 2025",
        "Conseil de l'ESS de Testville",
        "Du 1er janvier 2025 au 31 décembre 2025",
        "Séance plénière du 10/03/2025",
        "Reportée au 23/06/2025",
        "Annulée",
        "non atteint",
        "2025-001",
        "Recommandation",
        "Le conseil recommande d'ouvrir deux tiers-lieux.",
        "Formation et sensibilisation des élus et des services",
        "Sans thème",
        "Marc Nouveau",
        "Hélène Martin",
        "Un membre du collège Structures de l'ESS",
        "Partenaires (consultatif)",
        "Établi le 1er juin 2026",
    ):
        assert expected in text, expected
    for hidden in HIDDEN + ["@exemple.fr"]:
        assert hidden not in text, hidden
    titles = outline_titles(reader)
    names = [t for t, _page in titles]
    for section in (
        "Rapport d'activité 2025",
        "Séances",
        "Quorum",
        "Participation",
        "Par collège",
        "Avis et décisions",
        "Suivi des actions",
        "Composition de l'instance",
        "Mouvements de la période",
        "Annexes",
        "Assiduité des membres",
    ):
        assert section in names, section
    # Each bookmark points where its section is, in reading order.
    page_of = dict(titles)
    assert page_of["Rapport d'activité 2025"] == 0 and page_of["Séances"] == 1
    assert [p for _t, p in titles] == sorted(p for _t, p in titles)
    assert page_of["Annexes"] > page_of["Composition de l'instance"]
    # The embedded font: DejaVu, as a font file inside the PDF (Helvetica is only reportlab's
    # initial canvas font, never drawn with).
    fonts = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            fonts[str(font["/BaseFont"])] = font
    drawn = {name: font for name, font in fonts.items() if name != "/Helvetica"}
    assert {name.split("+")[-1] for name in drawn} == {"DejaVuSans", "DejaVuSans-Bold"}
    for font in drawn.values():
        assert "/FontFile2" in font["/FontDescriptor"]
    meta = reader.metadata
    assert plain(meta.title) == "Rapport d'activité 2025 — Conseil de l'ESS de Testville"
    assert plain(meta.author) == "Conseil de l'économie sociale et solidaire"
    assert "du 01/01/2025 au 31/12/2025" in meta.subject


def test_pdf_with_the_letterhead_and_logo(store, council, tmp_path):
    import io

    from PIL import Image

    from ess_desk.council import set_letterhead

    buffer = io.BytesIO()
    Image.new("RGB", (200, 80), (31, 92, 74)).save(buffer, format="PNG")
    set_letterhead(
        store,
        council_name="Conseil de l'ESS de Testville",
        council_address="1 place de l'Hôtel de ville\n99000 Testville",
        logo=buffer.getvalue(),
    )
    path = activity_report.build(store.db, council["body"], YEAR, tmp_path / "r.pdf", TODAY)
    reader = PdfReader(path)
    assert "99000 Testville" in pdf_text(path)
    assert "/XObject" in reader.pages[0]["/Resources"]  # the logo on the cover
    assert plain(reader.metadata.author) == "Conseil de l'ESS de Testville"


def test_pdf_in_english(store, council, tmp_path):
    i18n.set_language("en")
    try:
        path = activity_report.build(store.db, council["body"], YEAR, tmp_path / "en.pdf", TODAY)
    finally:
        i18n.set_language("fr")
    text = pdf_text(path)
    for expected in (
        "Activity report 2025",
        "From 1 January 2025 to 31 December 2025",
        "Meetings",
        "Opinions and decisions",
        "Page 1 of",
        "a member of the college",
    ):
        assert expected in text, expected
    assert "Séances" not in text


def test_pdf_of_an_empty_period_says_so(store, council, tmp_path):
    period = Period(dt.date(2023, 1, 1), dt.date(2023, 12, 31))
    text = pdf_text(activity_report.build(store.db, council["body"], period, tmp_path / "e.pdf"))
    assert "Aucune séance sur la période." in text
    assert "Aucun avis ni décision adopté sur la période." in text
    assert "Aucune action suivie sur la période." in text


def test_small_demo_pdf_names_nobody_without_consent(store, tmp_path):
    from ess_desk.demo import fill_demo

    fill_demo(store, "small")
    db = store.db
    hidden = [
        f"{first} {last}"
        for first, last in db.execute(
            "SELECT first_name, last_name FROM people WHERE consent_publish = 0"
        )
    ]
    assert hidden
    period = Period(dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    path = activity_report.build(
        db, bodies.plenary_body(db), period, tmp_path / "demo.pdf", dt.date(2026, 11, 28)
    )
    text = pdf_text(path)
    assert "Période en cours : situation au 28 novembre 2026." in text
    for name in hidden:
        assert name not in text, name
    assert re.search(r"Page \d+ / \d+", text)


# --------------------------------------------------------------------------- the command


def test_cli_report(store, council, db_path, tmp_path, capsys):
    store.close()
    out = tmp_path / "rapport.pdf"
    base = ["--db", str(db_path), "report"]
    assert main([*base, "--year", "2025", "-o", str(out)]) == 0
    said = capsys.readouterr().out
    assert "Rapport d'activité 2025 (Conseil de l'ESS de Testville) écrit dans" in said
    assert "Séance plénière du 10/03/2025" in pdf_text(out)
    period = tmp_path / "periode.pdf"
    assert (
        main(
            [*base, "--body", "bureau", "--from", "01/03/2025", "--to", "30/06/2025"]
            + [
                "-o",
                str(period),
            ]
        )
        == 0
    )
    assert "Rapport d'activité du 01/03/2025 au 30/06/2025" in pdf_text(period)
    for args, message in [
        (["--body", "Inconnue", "--year", "2025"], "Aucune instance ne s'appelle « Inconnue »."),
        (["--year", "1850"], "L'année 1850 est hors de la plage possible"),
        (["--from", "2025-06-01", "--to", "2025-01-01"], "après sa fin le 01/01/2025"),
        (["--year", "2025", "--from", "2025-01-01"], "pas les deux"),
    ]:
        bad = tmp_path / "bad.pdf"
        assert main([*base, *args, "-o", str(bad)]) == 1
        err = capsys.readouterr().err
        assert message in err and "Traceback" not in err
        assert err.count("\n") == 1  # one sentence
        assert not bad.exists()
    assert main([*base, "--year", "2025", "-o", str(tmp_path / "r.docx")]) == 1
    assert ".pdf" in capsys.readouterr().err


def test_cli_report_without_a_plenary_council(db_path, tmp_path, capsys):
    from ess_desk.store import open_store

    with open_store(db_path) as store:
        bodies.create_body(store, name="Commission", kind="commission")
    assert main(["--db", str(db_path), "report", "--year", "2025", "-o", str(tmp_path / "x.pdf")])
    assert "--body" in capsys.readouterr().err


def test_attendance_chart_by_meeting_then_month_then_year(figures):
    import dataclasses

    from ess_desk.report.figures import MeetingLine

    def lines(days: list[dt.date]) -> tuple[MeetingLine, ...]:
        return tuple(
            MeetingLine(n, f"{d.isoformat()}T18:00", "", "closed", None, Presences(10, 5), None, 0)
            for n, d in enumerate(days)
        )

    caption, labels, values = activity_report.rate_series(figures)
    assert caption == "Taux de présence par séance"
    assert labels == ["10/03", "23/06", "06/10"] and values == [67, 17, 50]
    monthly = [dt.date(2024, 1, 1) + dt.timedelta(days=20 * n) for n in range(30)]
    caption, labels, values = activity_report.rate_series(
        dataclasses.replace(figures, meetings=lines(monthly))
    )
    assert caption == "Taux de présence par mois" and labels[0] == "01/2024"
    assert len(labels) == len({(d.year, d.month) for d in monthly}) and set(values) == {50}
    yearly = [dt.date(2015, 1, 5) + dt.timedelta(days=40 * n) for n in range(90)]
    caption, labels, _values = activity_report.rate_series(
        dataclasses.replace(figures, meetings=lines(yearly))
    )
    assert caption == "Taux de présence par année"
    assert labels == [str(y) for y in range(2015, 2025)]


def test_default_year_is_the_last_full_one_unless_this_one_is_nearly_over(store):
    from ess_desk.report.figures import default_year

    body = bodies.create_body(store, name="Conseil", kind="plenary")
    db = store.db
    assert default_year(db, body, dt.date(2027, 3, 1)) == 2026  # the usual: last year
    assert default_year(db, body, dt.date(2026, 12, 10)) == 2026  # December: this year
    assert default_year(db, body, dt.date(2026, 11, 1)) == 2026
    # A body that met this year but not last year: this year, whatever the month.
    meeting = meetings.create(
        store, body_id=body, kind="plenary", starts_at=dt.datetime(2027, 2, 3, 18, 0)
    )
    assert default_year(db, body, dt.date(2027, 3, 1)) == 2026  # not held yet
    meetings.set_status(store, meeting, "held", now=LATER)
    assert default_year(db, body, dt.date(2027, 3, 1)) == 2027
    assert default_year(db, None, dt.date(2027, 3, 1)) == 2027
