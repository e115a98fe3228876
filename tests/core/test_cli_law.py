"""The law's commands: `body`, `college`, `quorum --json --item`, `schedule --dry-run --json`."""

from __future__ import annotations

import datetime as dt
import json

from ess_desk.cli import main
from ess_desk.meetings import agenda, meetings, presence
from ess_desk.membership import bodies, mandates, people


def run(db_path, capsys, *args) -> tuple[int, str, str]:
    code = main(["--db", str(db_path), *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_a_council_set_up_from_the_command_line(store, db_path, capsys):
    store.close()
    code, out, err = run(
        db_path, capsys, "body", "add", "Conseil de l'ESS", "--kind", "plenary",
        "--rules", "consultative", "--notice", "10",
    )  # fmt: skip
    assert code == 0, err
    assert "Commission consultative (décret n° 2006-672" in out
    assert "10 (décret n° 2006-672, art. 9)" in out
    code, out, err = run(
        db_path, capsys, "body", "add", "Commission", "--parent", "Conseil de l'ESS",
        "--rules", "deliberative", "--json",
    )  # fmt: skip
    data = json.loads(out)
    assert (data["quorum_formula"], data["quorum_counts_represented"], data["parent_id"]) == (
        "more_than",
        0,
        1,
    )
    assert data["sources"]["quorum"] == "CGCT, art. L. 2121-17"
    code, out, err = run(
        db_path, capsys, "college", "add", "Conseil de l'ESS", "Élus", "--seats", "10"
    )
    assert code == 0 and "Collège « Élus » créé" in out
    code, out, err = run(
        db_path, capsys, "college", "set", "Conseil de l'ESS", "Élus", "--no-voting",
        "--rename", "Élus (consultatifs)",
    )  # fmt: skip
    assert code == 0, err
    code, out, err = run(
        db_path, capsys, "body", "set", "Commission", "--quorum", "1/3", "--remote", "--json"
    )
    data = json.loads(out)
    assert (data["quorum_numerator"], data["quorum_denominator"], data["remote_allowed"]) == (
        1,
        3,
        1,
    )
    assert data["rule_set"] == "deliberative"  # a value changed, the set it started from kept
    code, out, err = run(db_path, capsys, "body", "list", "--json")
    listed = json.loads(out)
    assert [b["name"] for b in listed] == ["Conseil de l'ESS", "Commission"]
    assert listed[0]["colleges"] == [{"name": "Élus (consultatifs)", "seats": 10, "voting": False}]
    # Mistakes: one French sentence, exit 1, nothing written.
    code, out, err = run(db_path, capsys, "body", "set", "Commission", "--quorum", "un tiers")
    assert code == 1 and "n'est pas une fraction" in err
    code, out, err = run(db_path, capsys, "body", "show")
    assert code == 1 and "Indiquez le nom de l'instance" in err
    code, out, err = run(db_path, capsys, "college", "set", "Commission", "Inconnu", "--seats", "2")
    assert code == 1 and "n'a pas de collège « Inconnu »" in err


def test_quorum_json_with_an_item_and_its_withdrawal(store, db_path, capsys):
    body = bodies.create_body(store, name="Bureau", kind="bureau", rule_set="deliberative")
    college = bodies.create_college(store, body, name="Membres", seats=4)
    ids = []
    for name in ("Anne", "Bruno", "Chloé", "David"):
        person = people.create(store, first_name=name, last_name="Test")
        ids.append(
            mandates.create(
                store,
                person_id=person,
                body_id=body,
                college_id=college,
                role="member",
                start_date="2026-01-01",
            )  # fmt: skip
        )
    meeting = meetings.create(store, body_id=body, starts_at="2026-03-10T18:00")
    item = agenda.create_item(store, meeting, title="Subvention", kind="vote")
    for mandate in ids[:3]:
        presence.record(store, meeting, mandate, "present")
    presence.withdraw(store, item, ids[0], "intéressée")
    store.close()
    # 4 in office, more than half: 3 needed; 3 present; 2 for the item (one withdrawn).
    code, out, _err = run(db_path, capsys, "quorum", str(meeting), "--json")
    data = json.loads(out)
    assert code == 0
    assert {k: data[k] for k in ("in_office", "present", "remote", "represented")} == {
        "in_office": 4,
        "present": 3,
        "remote": 0,
        "represented": 0,
    }
    assert (data["withdrawn"], data["required"], data["reached"]) == (0, 3, True)
    code, out, _err = run(db_path, capsys, "quorum", str(meeting), "--item", str(item), "--json")
    data = json.loads(out)
    assert code == 1 and (data["present"], data["withdrawn"], data["reached"]) == (2, 1, False)
    code, out, _err = run(db_path, capsys, "quorum", str(meeting), "--item", str(item))
    assert code == 1 and "1 déporté ;" in out and "non atteint" in out


def test_schedule_dry_run_json_gives_each_deadline(store, db_path, capsys):
    bodies.create_body(store, name="Bureau", kind="bureau", notice_clear_days=5)
    store.close()
    code, out, err = run(
        db_path, capsys, "schedule", "--body", "Bureau", "--rule", "FREQ=MONTHLY;BYMONTHDAY=7",
        "--from", "2026-05-01", "--until", "2026-07-31", "--dry-run", "--json",
    )  # fmt: skip
    assert code == 0, err
    data = json.loads(out)
    # 7 May 2026 (Thursday): legal deadline Friday 1 May, a holiday — advice Thursday 30 April;
    # 7 June: Monday 1 June, a working day (Whit Monday was 25 May); 7 July: Wednesday 1 July.
    assert [(d["starts_at"], d["notice_deadline"], d["notice_advised"]) for d in data] == [
        ("2026-05-07T18:00", "2026-05-01", "2026-04-30"),
        ("2026-06-07T18:00", "2026-06-01", None),
        ("2026-07-07T18:00", "2026-07-01", None),
    ]
    assert [d["holiday"] for d in data] == [None, None, None]
    assert all(dt.date.fromisoformat(d["notice_deadline"]) for d in data)
    with store_reopened(db_path) as s:
        assert meetings.list_meetings(s.db) == []  # a dry run creates nothing


def store_reopened(db_path):
    from ess_desk.store import open_store

    return open_store(db_path)
