"""What leaves the program in a file (issue 18, items 8 and 17): formulas neutralised even behind
a line feed or spaces, control characters refused at import and stripped from every export,
mandate dates read only when complete, `actions --json` streamed."""

from __future__ import annotations

import csv
import datetime as dt
import email
import json
from email import policy

import openpyxl
import pytest

from ess_desk.actions import actions, queries
from ess_desk.cli import main
from ess_desk.errors import UserError
from ess_desk.exchange import members_import, minutes_docx, tabular
from ess_desk.mail import message
from ess_desk.meetings import agenda, meetings
from ess_desk.membership import bodies, mandates, people
from ess_desk.minutes import decisions
from ess_desk.text import control_characters, printable

BELL, ESCAPE = "\x07", "\x1b"
SNEAKY = ["\n=1+1", "  @SUM(A1)", "\t=cmd", " \n -2+3", "\u00a0+1", "\r=x"]


@pytest.mark.parametrize("text", SNEAKY)
def test_formulas_behind_a_line_feed_or_spaces_are_neutralised(text):
    assert tabular.neutralise(text) == "'" + text
    assert tabular.restore_neutralised(tabular.neutralise(text)) == text


@pytest.mark.parametrize("text", ["Dupré", "  texte", "\nligne", "1-2", "a=b", ""])
def test_plain_text_is_left_alone(text):
    assert tabular.neutralise(text) == text


def test_control_characters_are_found_and_stripped():
    assert control_characters(f"a{BELL}b{ESCAPE}{BELL}") == ["U+0007", "U+001B"]
    assert printable(f"Du{BELL}pré\nligne\tcol{ESCAPE}") == "Dupré\nligne\tcol"
    assert control_characters("Dupré\nligne\r\tcol") == []


@pytest.fixture
def council(store):
    plenary = bodies.create_body(store, name="Conseil de l'ESS", kind="plenary")
    college = bodies.create_college(store, plenary, name="Structures", seats=None)
    person = people.create(
        store,
        first_name=f"Hé{BELL}lène",
        last_name='\n=HYPERLINK("http://x")',
        email="helene@example.org",
    )
    mandates.create(
        store, person_id=person, body_id=plenary, college_id=college, role="member",
        start_date=dt.date(2024, 1, 1), end_date=dt.date(2030, 1, 1),
    )  # fmt: skip
    meeting = meetings.create(
        store, body_id=plenary, starts_at="2026-03-10 18:00", title=f"Séance{ESCAPE} de mars"
    )
    meetings.set_status(store, meeting, "held", now=dt.datetime(2026, 3, 11))  # it took place
    item = agenda.create_item(store, meeting, title=f"  @Budget{BELL}")
    decisions.add_decision(store, item, "decision", f" \n+Adopté{BELL} à l'unanimité")
    actions.create_from_item(
        store, item, title=f"\t=Relancer{BELL}", owner_person_id=person, due_date="2026-06-30"
    )
    return {"plenary": plenary, "meeting": meeting, "person": person}


def _csv_cells(path):
    with path.open(encoding="utf-8-sig", newline="") as f:
        return [cell for row in csv.reader(f, delimiter=";") for cell in row]


def _xlsx_cells(path):
    book = openpyxl.load_workbook(path)
    try:
        return [str(c.value) for ws in book.worksheets for row in ws.iter_rows() for c in row]
    finally:
        book.close()


@pytest.mark.parametrize(
    ("command", "name"),
    [
        (["export-members"], "membres"),
        (["export-actions", "-o"], "actions"),
        (["export-decisions", "-o"], "decisions"),
    ],
)
@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_every_spreadsheet_export_is_clean(council, store, tmp_path, command, name, suffix):
    path = tmp_path / f"{name}{suffix}"
    store.close()
    assert main(["--db", str(store.path), *command, str(path)]) == 0
    cells = _csv_cells(path) if suffix == ".csv" else _xlsx_cells(path)
    text = "\n".join(cells)
    assert BELL not in text and ESCAPE not in text
    for cell in cells:
        if suffix == ".csv":  # (XLSX text cells are text: the spreadsheet never runs them)
            assert not tabular.is_formula_like(cell), repr(cell)


def test_minutes_docx_ics_and_eml_carry_no_control_character(council, store, tmp_path):
    from docx import Document

    from ess_desk.exchange import ics

    path = minutes_docx.write(store.db, council["meeting"], tmp_path / "pv.docx")
    text = "\n".join(p.text for p in Document(str(path)).paragraphs)
    assert "Séance de mars" in text and ESCAPE not in text
    calendar = ics.write_schedule(store.db, [council["meeting"]], tmp_path / "c.ics")
    assert ESCAPE not in calendar.read_text(encoding="utf-8")
    envelope = message.Envelope(
        to_name=f"Hé{BELL}lène",
        to_addr="helene@example.org",
        subject=f"Convocation{BELL}\n=x",
        from_name="Conseil",
        from_addr="conseil@example.org",
    )
    data = message.compose(envelope, f"Bonjour{ESCAPE}", draft=True)
    parsed = email.message_from_bytes(data, policy=policy.default)
    assert parsed["Subject"] == "Convocation =x" and BELL not in str(parsed["To"])
    assert ESCAPE not in parsed.get_body(("plain",)).get_content()


# -- the import --------------------------------------------------------------------------------

HEADER = "Nom;Prénom;Collège;Début de mandat;Fin de mandat"


def _plan(store, tmp_path, text):
    path = tmp_path / "membres.csv"
    path.write_text(text, encoding="utf-8")
    return members_import.plan_import(store.db, path)


def test_a_control_character_is_refused_at_import(council, store, tmp_path):
    others = "".join(f"Martin{n};Zoé;Structures;01/01/2025;\n" for n in range(20))
    plan = _plan(store, tmp_path, f"{HEADER}\nDurand{BELL};Luc;Structures;01/01/2025;\n{others}")
    assert not plan.ok
    problem = plan.problems[0]
    assert [str(p) for p in plan.problems[1:]] == [], "la ligne refusée seule"
    assert problem.line == 2 and problem.column == "Nom"
    assert "Caractère de contrôle invisible (U+0007)" in problem.message


@pytest.mark.parametrize("typed", ["60", "21/01", "01/01/60", "mars 2025", "2025"])
def test_mandate_dates_must_be_complete(council, store, tmp_path, typed):
    plan = _plan(store, tmp_path, f"{HEADER}\nDurand;Luc;Structures;{typed};\n")
    assert not plan.ok
    assert plan.problems[0].column == "Début de mandat"
    assert typed in plan.problems[0].message


@pytest.mark.parametrize("typed", ["21/01/2025", "2025-01-21", "21 janvier 2025", "21.01.2025"])
def test_complete_mandate_dates_are_read(council, store, tmp_path, typed):
    plan = _plan(store, tmp_path, f"{HEADER}\nDurand;Luc;Structures;{typed};\n")
    assert plan.ok, plan.problems
    assert members_import.read_date(typed) == dt.date(2025, 1, 21)


# -- actions --json ------------------------------------------------------------------------------


def test_actions_json_is_the_same_list_streamed(council, store, capsys):
    expected = [r.to_json() for r in queries.query_actions(store.db)]
    store.close()
    assert main(["--db", str(store.path), "actions", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == expected


def test_actions_json_writes_each_action_as_it_is_read(council, store, monkeypatch, capsys):
    """Rows are written one by one as SQLite gives them, never gathered first: the first is out
    before the second is read."""
    real = queries.iter_actions

    def one_then_fail(*args, **kwargs):
        yield from real(*args, **kwargs)
        raise UserError("lecture interrompue")

    monkeypatch.setattr(queries, "iter_actions", one_then_fail)
    store.close()
    assert main(["--db", str(store.path), "actions", "--json"]) == 1
    out = capsys.readouterr().out
    assert out.startswith("[\n  {") and "Relancer" in out
