"""The full procès-verbal (CGCT L. 2121-15): notice date, who presided and who took the chair when,
remote members, arrival and departure times, the vote or its absence, withdrawals, the closing
time and the signature block; version 1 snapshots still print as approved."""

from __future__ import annotations

import dataclasses
import json

import pytest

from ess_desk.documents import minutes_pdf
from ess_desk.errors import UserError
from ess_desk.exchange import minutes_docx
from ess_desk.meetings import chairs, notice, presence
from ess_desk.minutes import minutes as mn
from ess_desk.minutes import record as rec
from tests.core.test_minutes import approved, build_council, draft
from tests.core.test_minutes_documents import docx_text, pdf_text


@pytest.fixture
def council(store):
    data = build_council(store)
    # The notice went out on 1 December; François arrived late and Hélène left early.
    with store.write() as db:
        db.execute("UPDATE meetings SET status = 'planned' WHERE id = ?", [data["first"]])
    notice.record_sent(store, data["first"], "2026-12-01")
    with store.write() as db:
        db.execute("UPDATE meetings SET status = 'held' WHERE id = ?", [data["first"]])
    m = data["mandates"]
    presence.record(store, data["first"], m["François"], "present", arrival="18:33")
    presence.record(store, data["first"], m["Hélène"], "present", departure="19:40")
    return data


def test_header_says_notice_chair_turns_and_times(store, council, tmp_path):
    draft(store, council)
    chairs.set_chair(
        store, council["first"], council["people"]["François"], "19:40", "départ de la présidente"
    )
    text = pdf_text(minutes_pdf.build(store.db, council["first"], tmp_path / "pv.pdf"))
    for expected in (
        "Convocation adressée le 01/12/2026.",
        "Présidence : Hélène Martin",
        "À 19 h 40, François Durand prend la présidence de la séance (départ de la présidente).",
        "François Durand (Coopérative Alpha) (arrivée à 18 h 33)",
        "Hélène Martin (Coopérative Alpha) (départ à 19 h 40)",
        "La séance est ouverte à 18 h 05 sous la présidence de Hélène Martin.",
        "Ce point n'a pas donné lieu à un vote.",  # the debate
        "Signatures",
        "Président de séance",
        "Secrétaire de séance",
        "Marie Secrétariat",
        "Signature manuscrite ou électronique",
    ):
        assert expected in text, expected
    # The closing comes before the signatures.
    assert text.index("la séance est levée à 20 h 15") < text.index("Signatures")


def test_a_president_who_arrives_after_the_opening_did_not_open_it(store, council, tmp_path):
    m = council["mandates"]
    presence.record(store, council["first"], m["Hélène"], "present", arrival="18:33")
    draft(store, council)
    record = mn.view(store.db, council["first"]).record
    assert record.presiding == ()
    text = pdf_text(minutes_pdf.build(store.db, council["first"], tmp_path / "pv.pdf"))
    assert "Présidence : non désignée" in text
    assert "La séance est ouverte à 18 h 05." in text
    # Once the secretariat records who presided, the minutes say it.
    chairs.set_chair(store, council["first"], council["people"]["François"])
    text = pdf_text(minutes_pdf.build(store.db, council["first"], tmp_path / "pv.pdf"))
    assert "sous la présidence de François Durand" in text


def test_chair_must_be_a_member_and_change_after_the_opening(store, council):
    with pytest.raises(UserError, match="membre de l'instance"):
        chairs.set_chair(store, council["first"], council["people"]["Gaëlle"])
    with pytest.raises(UserError, match="après l'ouverture"):
        chairs.set_chair(store, council["first"], council["people"]["François"], "18:00")
    turn = chairs.set_chair(store, council["first"], council["people"]["François"], "19:00")
    assert [t.name for t in chairs.turns(store.db, council["first"])] == ["François Durand"]
    chairs.remove(store, turn)
    assert chairs.turns(store.db, council["first"]) == []


def test_remote_members_and_withdrawals_are_listed(store, council, tmp_path):
    draft(store, council)
    m = council["mandates"]
    with store.write() as db:
        db.execute(
            "UPDATE attendance SET status = 'remote' WHERE meeting_id = ? AND mandate_id = ?",
            [council["first"], m["François"]],
        )
    record = mn.view(store.db, council["first"]).record
    assert [line.person.name for line in record.attendance.remote] == ["François Durand"]
    text = docx_text(minutes_docx.write(store.db, council["first"], tmp_path / "pv.docx"))
    assert "À distance (visio ou audio) (1)" in text
    assert "Convocation adressée le 01/12/2026." in text


def test_public_version_hides_chair_turns_and_ballots_without_consent(store, council):
    draft(store, council)
    chairs.set_chair(store, council["first"], council["people"]["Zoé"], "19:40")
    view = mn.view(store.db, council["first"], public=True)
    names = [t.person.name for t in view.record.presiding]
    assert "Zoé Secrète" not in names
    assert "un membre du collège Structures de l'ESS" in names


def test_snapshot_keeps_the_new_fields_and_reads_version_1(store, council):
    chairs.set_chair(store, council["first"], council["people"]["François"], "19:40")
    minutes_id = approved(store, council)
    snapshot = mn.approved_record(store.db, mn.get(store.db, minutes_id))
    assert snapshot.version == 2
    assert snapshot.notice_sent_on == "2026-12-01"
    assert [t.from_time for t in snapshot.presiding] == [None, "19:40"]
    assert rec.from_json(rec.to_json(snapshot)) == snapshot
    # A snapshot approved by an earlier version: no new key at all, read with defaults.
    data = json.loads(rec.to_json(snapshot))
    data["version"] = 1
    for key in ("notice_sent_on", "presiding"):
        del data[key]
    del data["attendance"]["remote"]
    for section in data["sections"]:
        del section["withdrawn"]
        if section["vote"]:
            for key in ("kind", "blank", "spoilt", "ballots", "chair_vote", "quorum_waived"):
                del section["vote"][key]
    for group in ("present", "represented", "excused", "absent", "substitutes", "guests"):
        for line in data["attendance"][group]:
            del line["arrival"], line["departure"]
    old = rec.from_json(json.dumps(data))
    assert old.version == 1 and old.presiding == () and old.notice_sent_on is None
    from ess_desk.minutes import wording

    assert wording.notice_line(old) is None
    assert wording.chair(old) == "Hélène Martin"


def _people_of(snapshot: rec.MinutesRecord) -> list[rec.PersonRef]:
    lines = [
        line for group in rec.ATTENDANCE_GROUPS for line in getattr(snapshot.attendance, group)
    ]
    people = [line.person for line in lines] + [line.other for line in lines if line.other]
    people += list(snapshot.chair) + [turn.person for turn in snapshot.presiding]
    for section in snapshot.sections:
        people += [section.presenter] if section.presenter else []
        people += [a.owner for a in section.actions if a.owner]
        people += [w.person for w in section.withdrawn]
        if section.vote:
            people += [b.member for b in section.vote.ballots]
    return people


def test_a_snapshots_people_read_back_as_their_classes_make_them(store, council):
    # from_json sets a person's and an attendance line's fields at once: every field, in the
    # classes' order, as their __init__ sets them; an earlier snapshot's person lacking a field
    # takes its default, and a damaged one is refused as before.
    chairs.set_chair(store, council["first"], council["people"]["François"], "19:40")
    snapshot = mn.approved_record(store.db, mn.get(store.db, approved(store, council)))
    text = rec.to_json(snapshot)
    back = rec.from_json(text)
    assert back == snapshot
    people = _people_of(back)
    assert len(people) > 10
    for person in people:
        assert list(vars(person).items()) == list(vars(dataclasses.replace(person)).items())
    for group in rec.ATTENDANCE_GROUPS:
        for line in getattr(back.attendance, group):
            assert list(vars(line).items()) == list(vars(dataclasses.replace(line)).items())
    data = json.loads(text)
    del data["chair"][0]["civility"]
    assert rec.from_json(json.dumps(data)).chair[0] == dataclasses.replace(
        snapshot.chair[0], civility=""
    )
    data["chair"][0]["nickname"] = "Lena"
    with pytest.raises(TypeError):
        rec.from_json(json.dumps(data))
    data["chair"] = [None]
    with pytest.raises(TypeError):
        rec.from_json(json.dumps(data))
    data = json.loads(text)
    data["attendance"]["present"][0]["person"] = ["Hélène Martin"]
    with pytest.raises(TypeError):
        rec.from_json(json.dumps(data))
    data["attendance"]["present"][0]["person"] = None  # (a line must name its person)
    with pytest.raises(ValueError, match="missing"):
        rec.from_json(json.dumps(data))


def test_signature_boxes_land_on_the_page(store, council):
    approved(store, council)
    data, boxes = minutes_pdf.render(mn.view(store.db, council["first"]))
    assert set(boxes) == {"president", "secretaire"}
    chair, secretary = boxes["president"], boxes["secretaire"]
    assert chair.page == secretary.page and chair.x2 < secretary.x1
    assert chair.y2 - chair.y1 == pytest.approx(minutes_pdf.SIGNATURE_HEIGHT)
    # The same approved minutes give the same bytes.
    assert minutes_pdf.render(mn.view(store.db, council["first"]))[0] == data
