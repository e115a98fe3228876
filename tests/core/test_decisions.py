"""The decision register: yearly numbering without gaps, search and filters, exports read back."""

from __future__ import annotations

import csv
import json

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from ess_desk.cli import main
from ess_desk.errors import UserError
from ess_desk.exchange import decisions_export
from ess_desk.meetings import agenda, meetings
from ess_desk.minutes import decisions
from tests.core.test_minutes import build_council


@pytest.fixture
def council(store):
    return build_council(store)


def item_in(store, body, when: str, title: str = "Avis sur le plan ESS") -> int:
    meeting = meetings.create(store, body_id=body, starts_at=when)
    return agenda.create_item(store, meeting, title=title, kind="vote")


def test_numbers_run_per_year(store, council):
    first_2026 = council["decision"]
    late_2026 = item_in(store, council["body"], "20/12/2026 18:00")
    early_2027 = item_in(store, council["body"], "10/02/2027 18:00")
    a = decisions.add_decision(store, late_2026, "recommendation", "Recommander X.")
    b = decisions.add_decision(store, early_2027, "decision", "Décider Y.")
    c = decisions.add_decision(store, early_2027, "opinion", "Avis Z.")
    refs = [decisions.get(store.db, i).reference for i in (first_2026, a, b, c)]
    assert refs == ["2026-001", "2026-002", "2027-001", "2027-002"]
    assert decisions.years(store.db) == [2027, 2026]


def test_validation_and_no_gap_deletion(store, council):
    item = item_in(store, council["body"], "20/12/2026 18:00")
    with pytest.raises(UserError) as info:
        decisions.add_decision(store, item, "motion", "x")
    assert info.value.field == "kind"
    with pytest.raises(UserError) as info:
        decisions.add_decision(store, item, "decision", "   ")
    assert info.value.field == "text"
    approval = agenda.create_item(
        store,
        meetings.create(store, body_id=council["body"], starts_at="2026-12-21 18:00"),
        title="Approbation",
        kind="minutes_approval",
    )
    with pytest.raises(UserError, match="registre"):
        decisions.add_decision(store, approval, "decision", "x")
    second = decisions.add_decision(store, item, "decision", "Deuxième.")
    with pytest.raises(UserError, match="Retirée"):
        decisions.delete_decision(store, council["decision"])
    decisions.set_status(store, council["decision"], "withdrawn")
    decisions.delete_decision(store, second)
    third = decisions.add_decision(store, item, "decision", "Troisième.")
    assert decisions.get(store.db, third).reference == "2026-002"
    decisions.update_decision(store, third, kind="recommendation", text="Troisième, corrigée.")
    d = decisions.get(store.db, third)
    assert (d.kind, d.text) == ("recommendation", "Troisième, corrigée.")
    with pytest.raises(UserError, match="Statut"):
        decisions.set_status(store, third, "oublié")


def test_search_filters(store, council):
    other_body = council["body"]
    item = item_in(store, other_body, "10/02/2027 18:00", title="Tiers-lieux")
    decisions.add_decision(store, item, "recommendation", "Soutenir les tiers-lieux réalisés.")
    assert [r.reference for r in decisions.search(store.db)] == ["2027-001", "2026-001"]
    assert [r.reference for r in decisions.search(store.db, year=2026)] == ["2026-001"]
    assert [r.reference for r in decisions.search(store.db, kind="recommendation")] == ["2027-001"]
    assert [r.reference for r in decisions.search(store.db, text="REALISES tiers")] == ["2027-001"]
    assert decisions.search(store.db, body_id=other_body + 99) == []
    row = decisions.search(store.db, year=2026)[0]
    assert row.outcome == "adopted" and row.item_title == "Budget 2027" and row.body == "Bureau"
    assert row.outcome_label == "Adopté (3 pour, 1 contre, 0 abstention)"
    assert decisions.search(store.db, year=2027)[0].outcome_label == "Sans vote"


def test_exports_read_back_with_formulas_neutralised(store, council, tmp_path):
    item = item_in(store, council["body"], "10/02/2027 18:00")
    decisions.add_decision(store, item, "decision", '=HYPERLINK("http://x","clic")')
    decisions.add_decision(store, item, "opinion", "-2+3 ; « guillemets » et accents éèà")
    rows = decisions.search(store.db)
    path = decisions_export.export(rows, tmp_path / "registre.csv")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    lines = list(csv.reader(raw.decode("utf-8-sig").splitlines(), delimiter=";"))
    assert lines[0][:3] == ["Numéro", "Date", "Instance"]
    texts = {line[0]: line[6] for line in lines[1:]}
    assert texts["2027-001"] == '\'=HYPERLINK("http://x","clic")'
    assert texts["2027-002"] == "'-2+3 ; « guillemets » et accents éèà"
    assert texts["2026-001"].startswith("Avis favorable")
    assert (
        decisions_export.neutralise("\tx") == "'\tx" and decisions_export.neutralise("@a") == "'@a"
    )

    book = load_workbook(decisions_export.export(rows, tmp_path / "registre.xlsx"))
    sheet = book.active
    values = {r[0].value: r for r in sheet.iter_rows(min_row=2)}
    cell = values["2027-001"][6]
    assert cell.value == '=HYPERLINK("http://x","clic")' and cell.data_type == "s"
    assert values["2026-001"][5].value == "Avis" and values["2026-001"][1].value == "10/12/2026"

    reader = PdfReader(decisions_export.export(rows, tmp_path / "registre.pdf", title="Registre"))
    text = "\n".join(p.extract_text() for p in reader.pages)
    assert "2027-002" in text and "2026-001" in text and "Avis favorable" in text
    with pytest.raises(UserError, match=".xlsx, .csv ou .pdf"):
        decisions_export.export(rows, tmp_path / "registre.txt")


def test_cli_decisions_and_export(store, council, db_path, tmp_path, capsys):
    store.close()
    assert main(["--db", str(db_path), "decisions", "--year", "2026", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [(d["reference"], d["kind"], d["outcome"]) for d in data] == [
        ("2026-001", "opinion", "adopted")
    ]
    assert main(["--db", str(db_path), "decisions", "--year", "2031"]) == 0
    assert "Aucune décision" in capsys.readouterr().out
    out = tmp_path / "registre.xlsx"
    assert main(["--db", str(db_path), "export-decisions", "-o", str(out)]) == 0
    assert load_workbook(out).active["A2"].value == "2026-001"
    assert main(["--db", str(db_path), "export-decisions", "-o", str(tmp_path / "r.odt")]) == 1
    assert "choisissez" in capsys.readouterr().err
