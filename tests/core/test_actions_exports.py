"""Action exports read back: XLSX (openpyxl), CSV (csv), the tableau de suivi and reminder PDFs
(pypdf), the .eml drafts (email); the commands' exit codes and JSON."""

from __future__ import annotations

import csv
import datetime as dt
import email
import json
from email import policy

import openpyxl
import pytest
from pypdf import PdfReader

from ess_desk.actions import actions, updates
from ess_desk.actions.queries import ActionFilter
from ess_desk.cli import main
from ess_desk.documents import actions_pdf
from ess_desk.errors import UserError
from ess_desk.exchange import action_reminders, actions_export
from ess_desk.meetings import agenda, meetings
from ess_desk.membership import bodies, organisations, people
from ess_desk.store import open_store
from tests.documents import plain

TODAY = dt.date(2025, 6, 1)


def fill(s):
    body = bodies.create_body(s, name="Bureau", kind="bureau")
    ruche = organisations.create(s, name="La Ruche")  # no e-mail
    zoe = people.create(
        s, first_name="Zoé", last_name="Martin", email="zoe@ex.fr", consent_contact=1
    )
    meeting = meetings.create(s, body_id=body, starts_at="2025-03-10 18:00")
    item = agenda.create_item(s, meeting, title="Achats responsables")
    late = actions.create_from_item(
        s,
        item,
        today=TODAY,
        title='=HYPERLINK("http://x")',
        owner_person_id=zoe,
        due_date="2025-04-30",
    )
    updates.record(
        s, late, progress=40, comment="+relance faite", on_date="2025-05-02", today=TODAY
    )
    ok = actions.create(
        s,
        today=TODAY,
        body_id=body,
        title="Cartographie des acteurs de l'économie sociale",
        owner_organisation_id=ruche,
        due_date="2025-12-31",
        created_on="2025-01-15",
        description="-Publier la carte",
    )
    done = actions.create(
        s,
        today=TODAY,
        body_id=body,
        title="Charte",
        owner_person_id=zoe,
        status="done",
        created_on="2025-01-15",
    )
    return {"late": late, "ok": ok, "done": done, "zoe": zoe, "meeting": meeting}


@pytest.fixture
def filled(store):
    return fill(store)


def test_neutralise():
    for text in ("=1+1", "+33", "-2", "@SUM(A1)", "\tx", "\rx"):
        assert actions_export.neutralise(text) == "'" + text
    assert actions_export.neutralise("Charte") == "Charte"
    assert actions_export.neutralise(-2) == -2


def test_csv_export_reads_back(store, filled, tmp_path):
    path = tmp_path / "actions.csv"
    assert actions_export.export_file(store.db, path, today=TODAY) == 3
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with path.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f, delimiter=";"))
    assert rows[0][:2] == ["N°", "Action"] and len(rows) == 4
    by_id = {int(r[0]): r for r in rows[1:]}
    late = by_id[filled["late"]]
    assert late[1] == '\'=HYPERLINK("http://x")'  # formula injection neutralised
    assert late[4] == "Bureau du 10/03/2025 — 1. Achats responsables"
    assert late[9] == "30/04/2025" and late[10] == "En cours" and late[11] == "40"
    assert late[12] == "32" and late[16] == "'+relance faite"
    assert by_id[filled["ok"]][2] == "'-Publier la carte"
    assert by_id[filled["done"]][11] == "100" and by_id[filled["done"]][12] == ""


def test_xlsx_export_reads_back(store, filled, tmp_path):
    path = tmp_path / "actions.xlsx"
    count = actions_export.export_file(
        store.db, path, ActionFilter(owner="zoe"), sort="id", today=TODAY
    )
    assert count == 2
    sheet = openpyxl.load_workbook(path).active
    assert sheet.freeze_panes == "C2"  # the header row, and the number and title of each action
    assert sheet.auto_filter.ref == "A1:Q3"
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[0][9] == "Échéance"
    first = values[1]
    # Text as text: no apostrophe shows, and it is not a formula either.
    assert first[0] == filled["late"] and first[1] == '=HYPERLINK("http://x")'
    assert sheet.cell(2, 2).data_type == "s" and sheet.cell(2, 2).quotePrefix
    assert first[9] == dt.datetime(2025, 4, 30) and first[11] == 40 and first[12] == 32
    assert sheet.cell(2, 10).number_format == "DD/MM/YYYY" and sheet.cell(2, 10).is_date
    assert sheet.cell(2, 10).font.color.rgb.endswith("B3261E")  # overdue
    assert not any(c.data_type == "f" for row in sheet.iter_rows() for c in row)


def test_pdf_tableau_reads_back(store, filled, tmp_path):
    path = tmp_path / "suivi.pdf"
    assert actions_export.export_file(store.db, path, today=TODAY) == 3
    reader = PdfReader(path)
    page = reader.pages[0]
    assert page.mediabox.width > page.mediabox.height  # landscape
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    for words in (
        "Tableau de suivi des actions",
        "Échéance",
        "Dernier point",
        "Cartographie des acteurs",
        "30/04/2025",
        "retard : 32 j",
        # One or two lines an action: the origin written short, the last update's day.
        "Séance du 10/03/2025, point 1",
        "En cours 40 % 02/05/2025",
        "Page 1 / 1",
    ):
        assert words in text, words
    assert reader.metadata.title == "Tableau de suivi des actions"
    assert [o.title for o in reader.outline] == ["Bureau"]
    fonts = {
        f["/BaseFont"]
        for p in reader.pages
        for f in p["/Resources"]["/Font"].values()
        if "/BaseFont" in f.get_object()
    }
    # Helvetica is only reportlab's initial canvas font, in every document of the house.
    assert {str(f) for f in fonts} - {"/Helvetica"} == {
        "/AAAAAA+DejaVuSans",
        "/AAAAAA+DejaVuSans-Bold",
    }


@pytest.mark.parametrize(
    ("lang", "in_pdf", "in_mail"),
    [
        ("fr", "retard\u202f: 3\u202f512 j", "(en retard de 3\u202f512 jours)"),
        ("en", "late: 3,512 d", "(3,512 days overdue)"),
    ],
)
def test_days_late_in_thousands_are_grouped(store, filled, tmp_path, lang, in_pdf, in_mail):
    from ess_desk import i18n

    i18n.set_language(lang)
    today = dt.date(2025, 4, 30) + dt.timedelta(days=3512)  # the overdue action's due date
    tableau = tmp_path / "suivi.pdf"
    actions_export.export_file(store.db, tableau, today=today)
    text = " ".join(p.extract_text() for p in PdfReader(tableau).pages)
    assert in_pdf in text.replace("\xa0", " ").replace("\n", " "), text
    result = action_reminders.write_all(store.db, tmp_path / "relances", today=today)
    message = email.message_from_bytes(result.drafts[0].read_bytes(), policy=policy.default)
    body = message.get_body(("plain",)).get_content()
    assert in_mail in body.replace("\xa0", " "), body


def test_unknown_export_format_is_refused(store, filled, tmp_path):
    with pytest.raises(UserError, match=".xlsx, .csv ou .pdf"):
        actions_export.export_file(store.db, tmp_path / "a.docx")
    assert not (tmp_path / "a.docx").exists()


def test_reminders_pdf_and_eml_per_owner(store, filled, tmp_path):
    result = action_reminders.write_all(store.db, tmp_path / "relances", today=TODAY)
    assert len(result.pdfs) == 2 and len(result.drafts) == 1
    assert result.without_email == ["La Ruche"]
    assert "La Ruche" in result.summary()
    message = email.message_from_bytes(result.drafts[0].read_bytes(), policy=policy.default)
    assert message["To"] == "Zoé Martin <zoe@ex.fr>"
    assert message["X-Unsent"] == "1"
    body = plain(message.get_body(("plain",)).get_content())
    assert "échéance : 30/04/2025" in body and "(en retard de 32 jours)" in body
    assert "Charte" not in body  # done: not reminded
    attachment = next(message.iter_attachments())
    assert attachment.get_content_type() == "application/pdf"
    zoe_pdf = next(p for p in result.pdfs if "zoe" in p.name)
    text = PdfReader(zoe_pdf).pages[0].extract_text()
    assert "Vos actions en cours" in text and "Zoé Martin" in text and "HYPERLINK" in text
    assert "Charte" not in text


def test_meeting_follow_up_section(store, filled, tmp_path):
    may = meetings.create(
        store, body_id=bodies.find_body(store.db, "Bureau"), starts_at="2025-05-12 18:00"
    )
    path = actions_pdf.build_meeting_follow_up(store.db, may, tmp_path / "suivi.pdf", today=TODAY)
    text = PdfReader(path).pages[0].extract_text()
    assert "Suivi des actions" in text and "2 actions ouvertes" in text
    assert text.index("HYPERLINK") < text.index("Cartographie")  # overdue first


@pytest.fixture
def council_db(db_path):
    s = open_store(db_path)
    ids = fill(s)
    s.close()
    return db_path, ids


def test_cli_actions_json_and_filters(council_db, capsys):
    db, ids = council_db
    assert main(["--db", str(db), "actions", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {d["id"] for d in data} == {ids["late"], ids["ok"], ids["done"]}
    for d in data:
        assert {"id", "title", "owner", "due_date", "status", "progress", "body"} <= set(d)
        assert "origin_meeting" in d
    late = next(d for d in data if d["id"] == ids["late"])
    assert late["origin_meeting"] == ids["meeting"] and late["body"] == "Bureau"
    assert late["due_date"] == "2025-04-30" and late["status"] == "in_progress"
    assert late["progress"] == 40 and late["owner"] == "Zoé Martin"

    assert (
        main(["--db", str(db), "actions", "--json", "--status", "ouvert", "--owner", "ruche"]) == 0
    )
    assert [d["id"] for d in json.loads(capsys.readouterr().out)] == [ids["ok"]]
    assert main(["--db", str(db), "actions", "--status", "fait"]) == 0
    out = capsys.readouterr().out
    assert "Charte" in out and "Cartographie" not in out


def test_cli_errors_exit_1(council_db, capsys):
    db, _ids = council_db
    assert main(["--db", str(db), "actions", "--body", "Nulle part"]) == 1
    assert "Aucune instance" in capsys.readouterr().err
    assert main(["--db", str(db), "actions", "--status", "terminé"]) == 1
    assert "inconnu" in capsys.readouterr().err
    assert main(["--db", str(db), "actions", "--theme", "Pêche"]) == 1
    assert main(["--db", str(db), "export-actions", "-o", "x.odt"]) == 1


def test_cli_export_and_reminders(council_db, capsys, tmp_path):
    db, _ids = council_db
    for name in ("a.xlsx", "a.csv", "a.pdf"):
        assert main(["--db", str(db), "export-actions", "-o", str(tmp_path / name)]) == 0
        assert (tmp_path / name).stat().st_size > 0
    assert "3 actions exportées" in capsys.readouterr().out
    assert (
        main(["--db", str(db), "export-actions", "-o", str(tmp_path / "b.csv"), "--overdue"]) == 0
    )
    # The command judges lateness on the real day: every row exported is late, the done one is not.
    with (tmp_path / "b.csv").open(encoding="utf-8-sig", newline="") as f:
        lines = list(csv.reader(f, delimiter=";"))
    assert len(lines) >= 2 and all(int(line[12]) > 0 for line in lines[1:])
    assert "Charte" not in [line[1] for line in lines]
    assert main(["--db", str(db), "action-reminders", "-o", str(tmp_path / "r")]) == 0
    assert len(list((tmp_path / "r").glob("*.eml"))) == 1
    assert (
        main(["--db", str(db), "action-reminders", "-o", str(tmp_path / "r2"), "--body", "X"]) == 1
    )
