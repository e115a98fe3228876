"""One mandate checker (`ess_desk.membership.checker`) for the service, the import and the demo:
whatever way a roster comes in, the same mandates are refused, with the same sentence."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ess_desk.errors import UserError
from ess_desk.exchange import members_import as mi
from ess_desk.membership import bodies, checker, mandates, people
from ess_desk.store import open_store

HEADER = "Nom;Prénom;Collège;Rôle;Début de mandat;Fin de mandat"
PEOPLE = [("Anne", "Martin"), ("Luc", "Durand"), ("Zoé", "Petit")]
COLLEGES = {"Élus": 2, "Structures": None}  # name → seats
ROLE_WORDS = {"member": "Titulaire", "president": "Président(e)", "substitute": "Suppléant(e)"}


def _council(folder: Path):
    store = open_store(folder / "conseil.sqlite", auto_backup=False)
    body = bodies.create_body(store, name="Conseil de l'ESS", kind="plenary")
    colleges = {
        name: bodies.create_college(store, body, name=name, seats=seats)
        for name, seats in COLLEGES.items()
    }
    persons = [people.create(store, first_name=f, last_name=last) for f, last in PEOPLE]
    return store, body, colleges, persons


ROW = st.tuples(
    st.integers(0, len(PEOPLE) - 1),
    st.sampled_from(["Élus", "Structures", ""]),
    st.sampled_from(sorted(ROLE_WORDS)),
    st.integers(2020, 2024),  # the year the mandate starts, on 1 January
    # How many years it lasts: always given, the import would otherwise take the body's default
    # length where the window leaves the end open.
    st.integers(1, 4),
)


def _dates(start_year: int, years: int) -> tuple[dt.date, dt.date]:
    return dt.date(start_year, 1, 1), dt.date(start_year + years, 1, 1) - dt.timedelta(1)


def _by_the_service(folder: Path, rows: list[tuple]) -> list[str | None]:
    """Each row typed in the window one after the other: None when saved, else the sentence."""
    store, body, colleges, persons = _council(folder)
    verdicts: list[str | None] = []
    with store:
        for person, college, role, year, years in rows:
            start, end = _dates(year, years)
            try:
                mandates.create(
                    store,
                    person_id=persons[person],
                    body_id=body,
                    college_id=colleges.get(college),
                    role=role,
                    start_date=start,
                    end_date=end,
                )
                verdicts.append(None)
            except UserError as error:
                verdicts.append(error.message)
    return verdicts


def _by_the_import(folder: Path, rows: list[tuple]) -> list[str | None]:
    """The same rows as a member file: None for a line the import takes, else its sentences."""
    store, _body, _colleges, _persons = _council(folder)
    lines = [HEADER]
    for person, college, role, year, years in rows:
        start, end = _dates(year, years)
        first, last = PEOPLE[person]
        lines.append(f"{last};{first};{college};{ROLE_WORDS[role]};{start:%d/%m/%Y};{end:%d/%m/%Y}")
    path = folder / "membres.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with store:
        plan = mi.plan_import(store.db, path)
    by_line: dict[int, list[str]] = {}
    for problem in plan.problems:
        by_line.setdefault(problem.line or 0, []).append(problem.message)
    assert 0 not in by_line, by_line  # no problem with the file as a whole
    # The file's sentence also says on which line the other mandate is; the window's cannot.
    return [
        re.sub(r", ligne \d+,", "", by_line[n][0]) if n in by_line else None
        for n in range(2, len(rows) + 2)
    ]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=st.lists(ROW, min_size=1, max_size=5))
def test_the_import_and_the_service_refuse_the_same_mandates(tmp_path_factory, rows):
    """Overlapping mandates of one person, a college's seats, a college left out: whatever the
    roster, a line the import refuses is a mandate the window refuses, with the same sentence."""
    service = _by_the_service(tmp_path_factory.mktemp("service"), rows)
    imported = _by_the_import(tmp_path_factory.mktemp("import"), rows)
    assert imported == service


def test_a_substitute_of_someone_who_already_has_one_is_refused_with_the_same_sentence(store):
    body = bodies.create_body(store, name="Conseil de l'ESS", kind="plenary")
    anne, luc, zoe = (people.create(store, first_name=f, last_name=last) for f, last in PEOPLE)
    seat = mandates.create(store, person_id=anne, body_id=body, start_date="2024-01-01")
    mandates.create(
        store,
        person_id=luc,
        body_id=body,
        role="substitute",
        substitute_for_id=seat,
        start_date="2024-01-01",
    )
    try:
        mandates.create(
            store,
            person_id=zoe,
            body_id=body,
            role="substitute",
            substitute_for_id=seat,
            start_date="2025-01-01",
        )
    except UserError as error:
        refused = error
    assert refused.field == "substitute_for_id"
    assert refused.message == "« Anne Martin » a déjà un(e) suppléant(e) sur cette période."


def test_the_ledger_is_the_whole_rule_set():
    """The checker needs no database: what it is told is all it judges."""
    ledger = checker.Ledger()
    period = (dt.date(2024, 1, 1), None)
    ledger.book("conseil", "anne", "member", period, college="élus")
    ledger.book("conseil", "luc", "member", period, college="élus")
    third = checker.Candidate(
        person="zoé",
        person_name="Zoé Petit",
        body="conseil",
        body_name="Conseil",
        role="member",
        period=(dt.date(2025, 1, 1), None),
        college="élus",
        college_name="Élus",
        seats=2,
    )
    verdict = ledger.problems(third)
    assert [p.field for p in verdict.problems] == ["college_id"]
    assert "compte 2 sièges" in verdict.problems[0].message
    again = third._replace(person="anne", person_name="Anne Martin")
    fields = [p.field for p in ledger.problems(again).problems]
    assert fields == ["start_date", "college_id"]  # her own mandate overlaps, and the seats


_PERIOD = st.tuples(st.integers(2020, 2024), st.integers(1, 3)).map(lambda p: _dates(*p))
_BOOKED = st.tuples(
    st.integers(0, 2),  # person
    st.sampled_from(["member", "president", "substitute", "permanent_guest"]),
    _PERIOD,
    st.none() | st.integers(0, 1),  # college
)


@settings(max_examples=300, derandomize=True)
@given(
    st.lists(_BOOKED, max_size=4),
    _BOOKED,
    st.none() | st.integers(1, 2),  # the college's seats
    st.booleans(),  # the body has colleges
)
def test_a_clear_candidate_is_one_the_checker_has_nothing_to_say_about(
    booked, candidate, seats, body_has_colleges
):
    """`Ledger.clear` lets the import book its usual lines without a Candidate: whenever it says
    so, `problems` finds nothing and leaves the college as it was."""
    ledger = checker.Ledger()
    for person, role, period, college in booked:
        ledger.book("conseil", person, role, period, college=college)
    person, role, period, college = candidate
    if not ledger.clear("conseil", person, role, college, seats, body_has_colleges):
        return
    verdict = ledger.problems(
        checker.Candidate(
            person=person,
            person_name="Anne Martin",
            body="conseil",
            body_name="Conseil",
            role=role,
            period=period,
            college=college,
            college_name="Élus",
            seats=seats,
            body_has_colleges=body_has_colleges,
        )
    )
    assert verdict.problems == []
    assert verdict.college == college
