"""The meetings commands: list (text and JSON), schedule, quorum, sign-in sheet, convocations."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from pypdf import PdfReader

from ess_desk.cli import main
from ess_desk.meetings import meetings, presence
from ess_desk.membership import bodies, mandates, people
from ess_desk.store import open_store


@pytest.fixture
def council_db(db_path):
    s = open_store(db_path)
    body = bodies.create_body(s, name="Bureau", kind="bureau")
    ids = []
    for first in ["Zoé", "Luc", "Inès"]:
        pid = people.create(
            s,
            first_name=first,
            last_name="Martin",
            email=f"{first.lower()}@ex.fr".replace("é", "e").replace("è", "e"),
            consent_contact=1,
        )
        ids.append(
            mandates.create(s, person_id=pid, body_id=body, role="member", start_date="2026-01-01")
        )
    m = meetings.create(s, body_id=body, starts_at="2026-12-10 18:00")
    presence.record(s, m, ids[0], "present")
    s.close()
    return db_path, m, ids


def test_schedule_dry_run_then_create_with_ics(council_db, capsys, tmp_path):
    db, _m, _ids = council_db
    rule = "FREQ=MONTHLY;BYDAY=2TU;BYMONTH=1,2,3,4,5,6,7,9,10,11,12"
    args = [
        "--db",
        str(db),
        "schedule",
        "--body",
        "Bureau",
        "--rule",
        rule,
        "--from",
        "01/01/2027",
        "--until",
        "31/12/2027",
    ]
    assert main([*args, "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "13/07/2027 18:00" in out and "Simulation" in out
    assert main([*args, "--ics", str(tmp_path / "cal.ics")]) == 0
    assert "11 séances créées" in capsys.readouterr().out
    assert (tmp_path / "cal.ics").read_bytes().count(b"BEGIN:VEVENT") == 11


def test_schedule_flags_holidays(council_db, capsys):
    db, _m, _ids = council_db
    assert (
        main(
            [
                "--db",
                str(db),
                "schedule",
                "--body",
                "Bureau",
                "--rule",
                "FREQ=YEARLY;BYMONTH=7;BYMONTHDAY=14",
                "--from",
                "2027-01-01",
                "--until",
                "2027-12-31",
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert "jour férié : Fête nationale" in out and "0 séance créée" in out


def test_meetings_json(council_db, capsys):
    db, m, _ids = council_db
    assert main(["--db", str(db), "meetings", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data[0]["id"] == m and data[0]["body"] == "Bureau" and data[0]["kind"] == "bureau"
    assert dt.datetime.fromisoformat(data[0]["starts_at"]) == dt.datetime(2026, 12, 10, 18, 0)
    assert data[0]["status"] == "planned" and data[0]["title"]
    assert main(["--db", str(db), "meetings", "--body", "Inconnue"]) == 1
    assert "Inconnue" in capsys.readouterr().err


def test_quorum_and_sheet_and_convocations(council_db, capsys, tmp_path):
    db, m, _ids = council_db
    assert main(["--db", str(db), "quorum", str(m)]) == 1
    assert "quorum requis 2 — non atteint" in capsys.readouterr().out
    sheet = tmp_path / "emargement.pdf"
    assert main(["--db", str(db), "attendance-sheet", str(m), "-o", str(sheet)]) == 0
    assert "Feuille d’émargement" in PdfReader(sheet).pages[0].extract_text()
    assert main(["--db", str(db), "convocations", str(m), "-o", str(tmp_path / "conv")]) == 0
    assert len(list((tmp_path / "conv").glob("*.eml"))) == 3
    # A line break stored in a name (an old import) neither crashes the command nor reaches a
    # header.
    with open_store(db) as s:
        s.db.execute("UPDATE people SET first_name = 'Zoé\nBcc: x@y.fr' WHERE first_name = 'Zoé'")
        s.conn.commit()
    capsys.readouterr()
    assert main(["--db", str(db), "convocations", str(m), "-o", str(tmp_path / "again")]) == 0
    assert "Traceback" not in capsys.readouterr().err
    for eml in (tmp_path / "again").glob("*.eml"):
        assert b"\nBcc:" not in eml.read_bytes().split(b"\r\n\r\n", 1)[0]
    assert main(["--db", str(db), "quorum", "999"]) == 1
    assert "n'existe pas" in capsys.readouterr().err
