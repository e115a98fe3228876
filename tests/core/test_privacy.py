"""Personal data (RGPD): a person's whole file (JSON and PDF), the retention review and its
boundaries, anonymisation (identity gone everywhere but approved minutes, audit log copies
scrubbed, all or nothing, refused while a mandate runs) and the `privacy` command."""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from ess_desk import audit, json_text
from ess_desk.actions import actions, queries, updates
from ess_desk.cli import main
from ess_desk.errors import UserError
from ess_desk.exchange import person_file as person_file_export
from ess_desk.integrity import check_council
from ess_desk.meetings import agenda, meetings, presence
from ess_desk.membership import bodies, mandates, organisations, people
from ess_desk.minutes import minutes as mn
from ess_desk.minutes import record as rec
from ess_desk.privacy import anonymise as anon
from ess_desk.privacy import person_file, retention
from ess_desk.privacy.matching import Identity, Matcher
from ess_desk.store import database
from ess_desk.store.search_schema import search_tables
from ess_desk.text import fold
from tests.core.test_minutes import approved, build_council
from tests.core.test_minutes_documents import docx_text, pdf_text
from tests.documents import plain

TODAY = dt.date(2027, 2, 1)  # after both meetings of the test council


@pytest.fixture
def council(store):
    """The minutes test council, approved, with Zoé Secrète (no consent) also: an external guest
    at the second meeting, named in its draft minutes, owner of an action named after her with
    a follow-up she wrote, and her mandate ended on 31/01/2027."""
    c = build_council(store)
    p = c["people"]
    zoe = p["Zoé"]
    presence.add_guest(store, c["second"], "Zoé SECRETE", "Coopérative Alpha")
    approved(store, c)
    second_minutes = mn.start(store, c["second"])
    approval_item = agenda.items(store.db, c["second"])[0].id
    mn.save_section(
        store, second_minutes, approval_item, "Zoé Secrète (zoe.perso@exemple.org) est remerciée."
    )
    mn.update(store, second_minutes, secretary="Zoé Secrète")
    other = agenda.create_item(
        store, c["second"], title="Retour de Zoé Secrète", presenter_text="Mme Zoé Secrète"
    )
    action = actions.create(
        store,
        today=dt.date(2026, 12, 10),
        body_id=c["body"],
        title="Note budgétaire de Zoé Secrète",
        description="Écrire à zoe.perso@exemple.org",
        owner_person_id=zoe,
        due_date="2027-03-01",
        meeting_id=c["first"],
        item_id=c["budget"],
    )
    updates.record(
        store,
        action,
        status="in_progress",
        progress=30,
        comment="Relu avec Zoé Secrète",
        author_person_id=zoe,
        on_date="2027-01-14",
        today=TODAY,
    )
    people.update(
        store, zoe, civility="Mme", email="zoe.perso@exemple.org", notes="Allergique aux arachides"
    )
    mandates.end(store, c["mandates"]["Zoé"], "2027-01-31")
    c.update(zoe=zoe, action=action, other_item=other, second_minutes=second_minutes)
    return c


# --------------------------------------------------------------------------- the person's file


def test_file_holds_every_section(store, council):
    pf = person_file.collect(store.db, council["zoe"])
    data = pf.to_json()
    assert set(person_file.section_titles()) - {"person", "consents", "organisation"} == set(
        person_file.LIST_SECTIONS
    )
    for key in ("person", "consents", "organisation", *person_file.LIST_SECTIONS):
        assert key in data, key
    assert data["format"] == "ess-desk-person-file"
    assert pf.person["email"] == "zoe.perso@exemple.org"
    assert pf.person["notes"] == "Allergique aux arachides"
    assert pf.consents == {"publish": False, "contact": False}
    assert pf.organisation["name"] == "Coopérative Alpha"
    assert [(m["body"], m["role"], m["end_date"]) for m in pf.mandates] == [
        ("Bureau", "member", "2027-01-31")
    ]
    assert [(a["status"], a["proxy_to"]) for a in pf.attendance] == [
        ("represented", "Hélène Martin")
    ]
    assert [p["proxy_to"] for p in pf.proxies_given] == ["Hélène Martin"]
    assert [(g["name"], g["meeting_id"]) for g in pf.guest_entries] == [
        ("Zoé SECRETE", council["second"])
    ]
    assert {i["title"] for i in pf.agenda_items} == {"Budget 2027", "Retour de Zoé Secrète"}
    by_meeting = {m["meeting_id"]: m for m in pf.minutes}
    assert by_meeting[council["first"]]["status"] == "approved"
    assert set(by_meeting[council["first"]]["roles"]) >= {
        "représenté(e)",
        "présente un point",
        "nommé(e) dans le texte",
    }
    assert set(by_meeting[council["second"]]["roles"]) == {
        "secrétaire de séance",
        "nommé(e) dans le texte",
    }
    assert [a["title"] for a in pf.actions] == ["Note budgétaire de Zoé Secrète"]
    assert [u["comment"] for u in pf.action_updates] == ["Relu avec Zoé Secrète"]
    assert pf.votes == [] and "aucun vote individuel" in pf.notes[0]
    fields = {m["field"] for m in pf.mentions}
    assert {"decisions.text", "minutes_sections.summary", "actions.title"} <= fields
    decision = next(m for m in pf.mentions if m["field"] == "decisions.text")
    assert decision["archived"] and "Zoé Secrète" in decision["excerpt"]
    assert any(e["entity"] == "person" and e["action"] == "create" for e in pf.audit_log)
    # Someone else's file: the proxy she gave is one Hélène held.
    helene = person_file.collect(store.db, council["people"]["Hélène"])
    assert [p["given_by"] for p in helene.proxies_held] == ["Zoé Secrète"]
    sacha = person_file.collect(store.db, council["people"]["Sacha"])
    assert [r["member_replaced"] for r in sacha.replacements] == ["Luc Lefèvre"]


def test_json_file_round_trips(store, council, tmp_path):
    path = person_file_export.export(store.db, council["zoe"], tmp_path / "zoe.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    back = person_file.PersonFile.from_json(data)
    again = person_file.collect(store.db, council["zoe"])
    again.generated_at = back.generated_at
    assert back == again
    assert json.loads(json.dumps(back.to_json())) == data
    with pytest.raises(UserError, match="n'est pas une fiche"):
        person_file.PersonFile.from_json({"format": "autre"})


def test_pdf_file_has_every_section_bookmarked(store, council, tmp_path):
    path = person_file_export.export(store.db, council["zoe"], tmp_path / "zoe.pdf")
    reader = PdfReader(path)
    text = pdf_text(path)
    outline = [plain(item.title) for item in reader.outline if not isinstance(item, list)]
    for title in person_file.section_titles().values():
        assert title in outline, title
    assert "Fiche personnelle — droit d'accès" in text
    assert "Mme Zoé Secrète" in text and "zoe.perso@exemple.org" in text
    assert "Allergique aux arachides" in text
    assert "Pouvoir donné à" in text and "Hélène Martin" in text
    assert f"Page 1 / {len(reader.pages)}" in text
    meta = reader.metadata
    assert plain(meta.title) == "Fiche personnelle — Mme Zoé Secrète"
    assert "RGPD" in meta.subject
    fonts = {
        str(f["/BaseFont"]) for page in reader.pages for f in page["/Resources"]["/Font"].values()
    }
    assert any("DejaVuSans" in f for f in fonts)


def test_the_file_says_what_article_15_requires_in_plain_words(store, council, tmp_path):
    import re

    from ess_desk import council as letterhead
    from ess_desk.privacy import information

    letterhead.set_letterhead(store, council_email="rgpd@conseil-ess.fr")
    path = person_file_export.export(store.db, council["zoe"], tmp_path / "zoe.pdf")
    text = pdf_text(path)
    for words in (
        "Vos données et vos droits",
        "Responsable du traitement",
        "rgpd@conseil-ess.fr",
        "(finalités)",
        "(catégories)",
        "(destinataires)",
        "puis 5 ans après votre dernier lien",  # the council's retention setting
        "rectifiées (article 16 du RGPD) ou effacées (article 17)",
        "limité (article 18), vous y opposer (article 21)",
        "Commission nationale de l'informatique et des libertés (CNIL), 3 place de Fontenoy",
        "(source)",
        "(article 22 du RGPD)",
    ):
        assert words in text, words
    # The journal shows fields by their names in words, and codes as the window says them.
    assert not re.search(r"\b[a-z]+_[a-z_]+\b", text.replace("ess_desk", "")), re.findall(
        r"\b[a-z]+_[a-z_]+\b", text
    )
    assert information.field_label("approved_sha256") == "Empreinte SHA-256"
    assert information.value_label("minutes", "status", "approved") == "Approuvé"
    data = json.loads(
        (person_file_export.export(store.db, council["zoe"], tmp_path / "z.json")).read_text()
    )
    assert [i["label"] for i in data["information"]][0] == "Responsable du traitement"


def test_export_refuses_unknown_person_and_format(store, council, tmp_path):
    with pytest.raises(UserError, match="n'existe pas"):
        person_file_export.export(store.db, 999, tmp_path / "x.json")
    with pytest.raises(UserError, match=r"\.json ou \.pdf"):
        person_file_export.export(store.db, council["zoe"], tmp_path / "x.txt")
    assert not (tmp_path / "x.txt").exists()


# --------------------------------------------------------------------------- matching


def test_matcher_finds_names_as_people_type_them():
    m = Matcher(Identity(1, "Mme", "Zoé", "Secrète", "zoe@ville.fr", "06 12 34 56 78"))
    for text in (
        "ZOE SECRETE",
        "Secrète Zoé",
        "Mme Secrète",
        "Zoé  Secrète",
        "zoe@ville.fr",
        "+33 6 12 34 56 78",
        "06.12.34.56.78",
    ):
        assert m.search(text), text
    for text in ("Zoé Secrètement", "Zoé", "Secrète", "0612345679", "xzoe@ville.fr"):
        assert not m.search(text), text
    assert m.replace("Merci à Zoé Secrète !", "X") == "Merci à X !"
    hyphen = Matcher(Identity(2, "", "Jean-Pierre", "N'Diaye", "", ""))
    assert hyphen.search("jean pierre n’diaye")


def test_contact_details_shared_with_another_card_do_not_identify(store, council):
    # Every member of the test council has the same phone number: it is nobody's own.
    assert Identity.of(store.db, council["zoe"]).phone == ""
    assert Identity.of(store.db, council["zoe"]).email == "zoe.perso@exemple.org"


# --------------------------------------------------------------------------- retention


def _person(store, first: str, last: str = "Test") -> int:
    return people.create(store, first_name=first, last_name=last)


def test_retention_setting(store):
    assert retention.retention_years(store.db) == 5
    assert retention.set_retention_years(store, "8") == 8
    assert retention.retention_years(store.db) == 8
    for bad in ("0", "51", "cinq", ""):
        with pytest.raises(UserError) as err:
            retention.set_retention_years(store, bad)
        assert err.value.field == retention.SETTING
    assert retention.retention_years(store.db) == 8
    row = store.db.execute(
        "SELECT after FROM audit_log WHERE entity = 'setting' ORDER BY id DESC LIMIT 1"
    ).fetchone()
    assert json.loads(row[0]) == {"privacy_retention_years": "8"}


def test_review_lists_people_gone_more_than_n_years(store):
    today = dt.date(2026, 11, 28)
    body = bodies.create_body(store, name="Conseil", kind="plenary")
    ids: dict[str, int] = {}

    def with_mandate(name: str, start: str, end: str | None) -> int:
        ids[name] = _person(store, name)
        mandates.create(store, person_id=ids[name], body_id=body, start_date=start, end_date=end)
        return ids[name]

    with_mandate("Limite", "2015-01-01", "2021-11-28")  # exactly 5 years ago: not yet
    with_mandate("Veille", "2015-01-01", "2021-11-27")  # one day more: due
    with_mandate("Ouvert", "2010-01-01", None)  # mandate without end: sitting
    with_mandate("Futur", "2027-01-01", "2029-12-31")  # to come
    two = with_mandate("Deux", "2010-01-01", "2012-12-31")
    mandates.create(store, person_id=two, body_id=body, start_date="2019-01-01", end_date=None)
    porteur = with_mandate("Porteur", "2010-01-01", "2015-12-31")
    actions.create(
        store, today=today, body_id=body, title="Toujours ouverte", owner_person_id=porteur
    )
    orateur = with_mandate("Orateur", "2010-01-01", "2015-12-31")
    meeting = meetings.create(store, body_id=body, starts_at="10/03/2024 18:00")
    agenda.create_item(store, meeting, title="Témoignage", presenter_person_id=orateur)
    ids["Récent"] = _person(store, "Récent")  # no mandate, recorded today
    ids["Ancien"] = _person(store, "Ancien")  # no mandate, recorded long ago
    store.conn.execute(
        "UPDATE audit_log SET at = '2019-05-02T10:00:00' WHERE entity = 'person' "
        "AND entity_id = ? AND action = 'create'",
        [ids["Ancien"]],
    )
    store.conn.commit()

    rows = retention.due_for_review(store.db, today=today)
    assert [r.name for r in rows] == ["Ancien Test", "Veille Test"]
    ancien, veille = rows
    assert ancien.last_mandate_end is None and ancien.last_seen == "2019-05-02"
    assert "Aucun mandat" in ancien.reason()
    assert veille.last_mandate_end == "2021-11-27"
    assert veille.reason() == "Dernier mandat terminé le 27/11/2021"
    # A longer retention period lists fewer people; a shorter one, more.
    assert retention.due_for_review(store.db, today=today, years=10) == []
    shorter = {r.name for r in retention.due_for_review(store.db, today=today, years=1)}
    assert {"Limite Test", "Veille Test", "Ancien Test", "Orateur Test"} <= shorter
    assert not {"Ouvert Test", "Futur Test", "Deux Test", "Porteur Test"} & shorter
    # Anonymised people leave the list.
    anon.anonymise(store, ids["Veille"], today=today)
    assert [r.name for r in retention.due_for_review(store.db, today=today)] == ["Ancien Test"]


def test_cutoff_of_29_february():
    assert retention.cutoff(dt.date(2028, 2, 29), 5) == dt.date(2023, 2, 28)


# --------------------------------------------------------------------------- anonymisation


def _locations(db, needles: list[str]) -> set[tuple[str, str, object]]:
    """(table, column, rowid) of every text value holding one of `needles` (folded), FTS shadow
    tables left out (the search index is checked through its own queries)."""
    fts = {
        r[0]
        for r in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE '%VIRTUAL%fts5%'"
        )
    }
    shadow = tuple(f"{t}_" for t in fts)
    found = set()
    tables = [
        r[0]
        for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        if r[0] not in fts and not r[0].startswith(shadow) and not r[0].startswith("sqlite_")
    ]
    for table in tables:
        cursor = db.execute(f"SELECT rowid, * FROM [{table}]")
        names = [c[0] for c in cursor.description]
        for row in cursor:
            for name, value in zip(names[1:], row[1:], strict=True):
                if isinstance(value, str) and any(n in fold(value) for n in needles):
                    found.add((table, name, row[0]))
    return found


def _frozen_locations(db, council) -> set[tuple[str, str, object]]:
    """Where the approved minutes of the first meeting may keep the name: their frozen text,
    sections and decision (the test council names her in the text, a section and the decision)."""
    first = council["first"]
    minutes_id = mn.get_minutes(db, first).id
    out = {("minutes", "approved_text", minutes_id)}
    out |= {
        ("minutes_sections", "summary", r[0])
        for r in db.execute("SELECT id FROM minutes_sections WHERE minutes_id = ?", [minutes_id])
    }
    out |= {("decisions", "text", council["decision"])}
    return out


def test_anonymise_replaces_identity_everywhere_but_approved_minutes(store, council):
    db = store.db
    zoe = council["zoe"]
    frozen = mn.get_minutes(db, council["first"])
    needles = ["secrete", "zoe.perso@exemple.org", "arachides"]
    frozen_places = _frozen_locations(db, council)
    before = _locations(db, needles)
    kept = before & frozen_places
    assert len(kept) == 3
    assert len(before - frozen_places) > 10

    result = anon.anonymise(store, zoe, today=TODAY)

    label = f"Personne anonymisée n°{zoe}"
    assert result.label == label and result.former_name == "Zoé Secrète"
    assert result.kept_minutes == 1
    assert result.texts["guests.name"] == 1 and result.texts["actions.title"] == 1
    # Nothing is left but the approved minutes, which are public archives.
    assert _locations(db, needles) == kept
    card = people.get(db, zoe)
    assert (card.first_name, card.last_name, card.civility) == ("", label, "")
    assert (card.email, card.phone, card.position, card.notes) == ("", "", "", "")
    assert (card.consent_publish, card.consent_contact, card.archived) == (0, 0, 1)
    assert card.organisation_id is not None  # the structure's seat is not personal data
    # Open records now carry the replaced identity.
    guest = presence.guests(db, council["second"])
    assert guest[0][1] == label
    second = mn.get_minutes(db, council["second"])
    assert second.secretary == label
    assert label in next(iter(mn.section_texts(db, second.id).values()))
    item = next(i for i in agenda.items(db, council["second"]) if i.id == council["other_item"])
    assert item.title == f"Retour de {label}" and item.presenter_text == label
    action = actions.get(db, council["action"])
    assert action.title == f"Note budgétaire de {label}"
    assert action.description == f"Écrire à {label}"
    assert queries.query_actions(db, queries.ActionFilter(text="secrete")) == []
    assert [r.id for r in queries.query_actions(db, queries.ActionFilter(text="anonymisee"))] == [
        council["action"]
    ]
    # The approved minutes are untouched and still verify.
    after = mn.get_minutes(db, council["first"])
    assert (after.approved_text, after.approved_sha256) == (
        frozen.approved_text,
        frozen.approved_sha256,
    )
    assert check_council(store) == []
    assert "Zoé Secrète" in rec.to_json(mn.view(db, council["first"]).record)
    # The audit log's copies are scrubbed, the anonymisation itself is recorded without a name.
    log = " ".join(
        f"{b} {a}" for b, a in db.execute("SELECT before, after FROM audit_log").fetchall()
    )
    assert "Secrète" not in log and "SECRETE" not in log and "zoe.perso" not in log
    assert "arachides" not in log
    history = audit.history(db, "person", zoe)
    assert history[-1]["action"] == "anonymise" and history[-1]["before"] is None
    assert history[0]["after"]["last_name"] == label
    assert person_file.is_anonymised(db, zoe)
    # Other people's records are left alone, their shared phone number included.
    helene = audit.history(db, "person", council["people"]["Hélène"])
    assert helene[0]["after"]["phone"] == "06 12 34 56 78"
    assert people.get(db, council["people"]["Hélène"]).full_name == "Hélène Martin"


def test_anonymised_person_stays_hidden_in_public_minutes(store, council, tmp_path):
    from ess_desk.documents import minutes_pdf
    from ess_desk.exchange import minutes_docx

    anon.anonymise(store, council["zoe"], today=TODAY)
    for meeting in (council["first"], council["second"]):
        pdf = minutes_pdf.build(store.db, meeting, tmp_path / f"{meeting}.pdf", public=True)
        docx = minutes_docx.write(store.db, meeting, tmp_path / f"{meeting}.docx", public=True)
        for text in (pdf_text(pdf), docx_text(docx)):
            assert "Secrète" not in text and "SECRETE" not in text


def test_search_index_forgets_the_name(store, council):
    db = store.db
    fts = search_tables()
    present = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert set(fts) <= present, "the search index is part of every current database"

    def hits() -> dict[str, int]:
        found = {}
        for table in fts:
            count = db.execute(
                f"SELECT COUNT(*) FROM [{table}] WHERE [{table}] MATCH ?", ['"secrete"']
            ).fetchone()[0]
            if count:
                found[table] = count
        return found

    assert len(hits()) >= 3
    # (Her name is written whole in the people index's bytes: were it written after letters it
    # shares with the term before it, the search of the bytes below would find nothing anyway.)
    assert b"secrete" in _index_bytes(db, "search_people")
    anon.anonymise(store, council["zoe"], today=TODAY)
    # Only the approved minutes' sections, decision and snapshot may still be found by her name
    # (public archives, kept as approved); the audit log's copies are rewritten.
    assert set(hits()) <= {"search_minutes", "search_decisions", "privacy_minutes"}
    # Nor do the people index's stored segments keep her name: they are merged, not just
    # marked deleted.
    blocks = b"".join(r[0] for r in db.execute("SELECT block FROM search_people_data") if r[0])
    assert b"secrete" not in blocks


def _index_bytes(db, table: str) -> bytes:
    return b"".join(r[0] for r in db.execute(f"SELECT block FROM [{table}_data]") if r[0])


def _segments(db, table: str) -> int:
    return database.count(db, f"SELECT COUNT(DISTINCT segid) FROM [{table}_idx]")


def test_anonymise_merges_the_indexes_it_writes_and_leaves_the_others(store, council):
    db = store.db
    # An index the anonymisation does not write, of several segments (one per transaction).
    for name in ("Bureau élargi", "Bureau"):
        with store.write() as w:
            w.execute("UPDATE bodies SET name = ? WHERE id = ?", [name, council["body"]])
    assert _segments(db, "search_bodies") > 1
    # And one it does not write, of one segment.
    db.execute("INSERT INTO search_organisations(search_organisations) VALUES ('optimize')")
    organisations_before = _index_bytes(db, "search_organisations")
    assert _segments(db, "search_organisations") == 1
    assert b"secrete" in _index_bytes(db, "privacy_audit")

    anon.anonymise(store, council["zoe"], today=TODAY)

    # The indexes it wrote are merged: the replaced words are in none of their segments (FTS5
    # keeps them, marked deleted, until a merge); so is one of several segments, whose older
    # ones may hold deleted words; one of a single segment keeps it as it was.
    for table in ("privacy_audit", "search_people", "search_actions", "search_action_updates"):
        assert b"secrete" not in _index_bytes(db, table), table
        assert _segments(db, table) == 1, table
    assert _segments(db, "search_bodies") == 1
    assert _index_bytes(db, "search_organisations") == organisations_before
    count = "SELECT COUNT(*) FROM search_bodies WHERE search_bodies MATCH 'bureau'"
    assert database.scalar(db, count) == 1


def test_anonymise_leaves_no_word_deleted_before_in_any_index(store, council):
    # A note named the person, corrected by hand before her anonymisation: the index of the
    # meetings, which the anonymisation does not write, still held her name in a segment,
    # marked deleted. (A surname no other word of that index starts alike: FTS5 writes a term
    # after the letters it shares with the one before it, which would hide it from a search
    # of the bytes.)
    db = store.db
    ysolde = people.create(store, first_name="Ysolde", last_name="Wyszynska")
    meetings.update(store, council["first"], notes="Prêtée par Ysolde Wyszynska")
    meetings.update(store, council["first"], notes="Prêtée par la mairie")
    assert b"wyszynska" in _index_bytes(db, "search_meetings")  # (deleted, not yet merged)

    anon.anonymise(store, ysolde, today=TODAY)

    for table in search_tables():
        assert b"wyszynska" not in _index_bytes(db, table), table
    for path in (store.path, store.path.with_name(store.path.name + "-journal")):
        if path.exists():
            assert b"wyszynska" not in path.read_bytes().lower(), path


def test_anonymise_leaves_no_copy_of_an_open_actions_title_in_its_index(store, council):
    # Migration 0025's index of the open actions holds a copy of each one's title and owner: the
    # rewritten title replaces the copy, and the old entry's bytes are zeroed in the file, as
    # the table's are (secure_delete), not left in a free part of a page.
    db = store.db
    ysolde = people.create(store, first_name="Ysolde", last_name="Wyszynska")
    action = actions.create(
        store,
        today=dt.date(2026, 12, 10),
        body_id=council["body"],
        title="Relancer Ysolde Wyszynska",
        owner_person_id=ysolde,
        due_date="2027-03-01",
    )
    index = "actions_open_follow_up"
    indexed = (
        f"SELECT title, owner_person_id FROM actions INDEXED BY {index} "
        f"WHERE status IN ('in_progress', 'postponed', 'todo') AND id = ?"
    )
    assert db.execute(indexed, [action]).fetchone() == ("Relancer Ysolde Wyszynska", ysolde)

    anon.anonymise(store, ysolde, today=TODAY)

    label = f"Personne anonymisée n°{ysolde}"
    assert db.execute(indexed, [action]).fetchone() == (f"Relancer {label}", ysolde)
    assert db.execute("PRAGMA integrity_check(actions)").fetchone()[0] == "ok"
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    for suffix in ("", "-wal", "-journal"):
        path = store.path.with_name(store.path.name + suffix)
        if path.exists():
            assert b"wyszynska" not in path.read_bytes().lower(), path


def test_anonymise_with_a_merge_failing_half_way_changes_nothing(store, council, monkeypatch):
    db = store.db
    tables = search_tables()
    before = _snapshot(db), {t: _index_bytes(db, t) for t in tables}
    merged = anon._indexes_to_merge

    def and_a_broken_one(db, indexes):
        return [*merged(db, indexes), "search_broken"]  # (no such table: fails last)

    monkeypatch.setattr(anon, "_indexes_to_merge", and_a_broken_one)
    with pytest.raises(sqlite3.OperationalError, match="search_broken"):
        anon.anonymise(store, council["zoe"], today=TODAY)
    assert (_snapshot(db), {t: _index_bytes(db, t) for t in tables}) == before
    assert not person_file.is_anonymised(db, council["zoe"])


def test_written_indexes_include_words_not_yet_in_a_segment(store, council):
    # FTS5 holds a transaction's words in memory until a savepoint or the commit (a trigger's
    # write, inside its statement's savepoint, is flushed at once; a write to the index itself
    # is not): a write still in memory is seen all the same.
    with store.write() as db:
        before = anon._index_structures(db)
        db.execute("INSERT INTO search_bodies(rowid, title) VALUES (999, 'Bureau élargi')")
        assert anon._written_indexes(db, before) == ["search_bodies"]
        db.execute("UPDATE people SET notes = 'Relue' WHERE id = ?", [council["zoe"]])
        assert anon._written_indexes(db, before) == ["search_people", "search_bodies"]


def test_anonymise_refused_while_a_mandate_runs_or_is_to_come(store, council):
    zoe = council["zoe"]
    with pytest.raises(UserError, match="mandat en cours ou à venir"):
        anon.anonymise(store, zoe, today=dt.date(2027, 1, 31))  # her last day
    with pytest.raises(UserError, match=r"Bureau, depuis le 01/01/2026"):
        anon.anonymise(store, council["people"]["Hélène"], today=TODAY)
    mandates.create(
        store,
        person_id=zoe,
        body_id=council["body"],
        college_id=council["college"],
        start_date="2027-06-01",
        end_date=None,
    )
    with pytest.raises(UserError, match="à venir"):
        anon.anonymise(store, zoe, today=TODAY)
    assert people.get(store.db, zoe).last_name == "Secrète"
    assert not person_file.is_anonymised(store.db, zoe)


def test_anonymise_twice_and_unknown_person(store, council):
    anon.anonymise(store, council["zoe"], today=TODAY)
    with pytest.raises(UserError, match="déjà été anonymisée"):
        anon.anonymise(store, council["zoe"], today=TODAY)
    with pytest.raises(UserError, match="n'existe pas"):
        anon.anonymise(store, 999, today=TODAY)


def _snapshot(db) -> dict[str, list]:
    return {
        t: db.execute(f"SELECT * FROM [{t}] ORDER BY rowid").fetchall()
        for t in ("people", "guests", "actions", "action_updates", "minutes", "audit_log")
    }


def test_anonymise_is_all_or_nothing(store, council, monkeypatch):
    db = store.db
    before = _snapshot(db)

    def broken(*args, **kwargs):
        raise sqlite3.OperationalError("disque plein")

    monkeypatch.setattr(anon, "_scrub_audit", broken)
    with pytest.raises(sqlite3.OperationalError):
        anon.anonymise(store, council["zoe"], today=TODAY)
    assert _snapshot(db) == before
    monkeypatch.undo()
    # A batch stops at the first refusal, and nobody is anonymised.
    inès = council["people"]["Inès"]
    mandates.end(store, council["mandates"]["Inès"], "2027-01-31")
    with pytest.raises(UserError, match="Hélène Martin"):
        anon.anonymise_many(store, [council["zoe"], council["people"]["Hélène"], inès], TODAY)
    assert _snapshot(db) == {**before, "audit_log": _snapshot(db)["audit_log"]}
    assert not person_file.is_anonymised(db, council["zoe"])
    assert people.get(db, inès).last_name == "Discrète"
    done = anon.anonymise_many(store, [council["zoe"], inès], TODAY)
    assert [d.person_id for d in done] == [council["zoe"], inès]


def test_dry_run_changes_nothing_and_says_what_would_be_done(store, council):
    before = _snapshot(store.db)
    result = anon.anonymise(store, council["zoe"], today=TODAY, dry_run=True)
    assert _snapshot(store.db) == before
    lines = result.summary()
    assert lines[0].startswith("Simulation : Zoé Secrète (n°")
    assert any("journal d'audit" in line for line in lines)
    assert any(
        "1 procès-verbal approuvé garde le nom" in line
        or "procès-verbaux approuvés gardent" in line
        for line in lines
    )
    real = anon.anonymise(store, council["zoe"], today=TODAY)
    assert real.texts == result.texts and real.audit_entries == result.audit_entries


def test_file_of_an_anonymised_person(store, council):
    anon.anonymise(store, council["zoe"], today=TODAY)
    pf = person_file.collect(store.db, council["zoe"])
    assert pf.person["anonymised_on"] == dt.date.today().isoformat()
    assert pf.person["email"] == "" and pf.name == f"Personne anonymisée n°{council['zoe']}"
    assert any("anonymisée" in n for n in pf.notes)
    assert pf.mandates and pf.attendance  # the record of what a seat did stays


# --------------------------------------------------------------------------- the command


def test_cli_review_export_anonymise(store, council, db_path, tmp_path, capsys):
    zoe = council["zoe"]
    old = organisations.create(store, name="Ancienne structure")
    gone = people.create(store, first_name="Ancien", last_name="Membre", organisation_id=old)
    mandates.create(
        store,
        person_id=gone,
        body_id=council["body"],
        college_id=council["college"],
        start_date="2012-01-01",
        end_date="2018-12-31",
    )
    store.close()
    db = ["--db", str(db_path)]

    assert main([*db, "privacy", "--review"]) == 0
    out = capsys.readouterr().out
    assert "Ancien Membre — Ancienne structure (Dernier mandat terminé le 31/12/2018)" in out
    assert "Zoé" not in out
    assert main([*db, "privacy", "--review", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [(r["id"], r["last_mandate_end"]) for r in data] == [(gone, "2018-12-31")]
    assert main([*db, "privacy", "--review", "--years", "20"]) == 0
    assert "aucune trace de plus de 20 ans" in capsys.readouterr().out

    out_json = tmp_path / "fiche.json"
    assert main([*db, "privacy", "--export", str(zoe), "-o", str(out_json)]) == 0
    assert json.loads(out_json.read_text(encoding="utf-8"))["person"]["last_name"] == "Secrète"
    out_pdf = tmp_path / "fiche.pdf"
    assert main([*db, "privacy", "--export", str(zoe), "-o", str(out_pdf)]) == 0
    assert "Zoé Secrète" in pdf_text(out_pdf)
    capsys.readouterr()

    assert main([*db, "privacy", "--anonymise", str(gone), "--dry-run"]) == 0
    assert "Simulation" in capsys.readouterr().out
    assert main([*db, "privacy", "--anonymise", str(gone)]) == 0
    out = capsys.readouterr().out
    assert f"Ancien Membre (n°{gone}) est anonymisé(e)" in out and "journal d'audit" in out
    assert main([*db, "check"]) == 0
    capsys.readouterr()

    # Errors: one sentence, exit code 1, never a traceback.
    assert main([*db, "privacy", "--anonymise", str(council["people"]["Hélène"])]) == 1
    assert "mandat en cours" in capsys.readouterr().err
    assert main([*db, "privacy", "--anonymise", str(gone)]) == 1
    assert "déjà été anonymisée" in capsys.readouterr().err
    assert main([*db, "privacy", "--export", "999", "-o", str(out_json)]) == 1
    assert "n'existe pas" in capsys.readouterr().err
    assert main([*db, "privacy", "--export", str(zoe), "-o", str(tmp_path / "x.doc")]) == 1
    assert ".json ou .pdf" in capsys.readouterr().err
    assert main([*db, "privacy", "--export", str(zoe)]) == 1
    assert "-o" in capsys.readouterr().err
    assert main([*db, "privacy", "--review", "--dry-run"]) == 1
    with pytest.raises(SystemExit):
        main([*db, "privacy"])
    with pytest.raises(SystemExit):
        main([*db, "privacy", "--review", "--years", "0"])


# Ways people write a name, a mail and a phone number, and near misses; each goes into an action
# follow-up, an audit entry's copy and a frozen snapshot's text.
WRITINGS = [
    "Relu avec Zoé Secrète.",
    "Relu avec ZOE SECRETE ce matin",
    "Relu avec Zoe  Secrete-là",
    "Secrète Zoé, trésorière",
    "Merci à Mme Secrète.",
    "Merci à Madame\u00a0Secrète",
    "Merci à M. Secrète (un autre)",
    "zoé secrète",
    "Zoé-Secrète",
    "ZoéSecrète collé",
    "xZoé Secrète",
    "Écrire à zoe.perso@exemple.org",
    "Écrire à ZOE.PERSO@EXEMPLE.ORG.",
    "Écrire à zoe.perso@exemple.org.uk",
    "Appeler le 07 98 76 54 32",
    "Appeler le 07.98.76.54.32 ou le 0798765432",
    "Appeler le +33 7 98 76 54 32",
    "Appeler le +33 (0)7 98 76 54 32",
    "tél.07\t98\u00a076 54 32",
    "Appeler le 07 98 76 54 329",
    "Appeler le 07 98  76 54 32",
    "Secrétariat du conseil",
    "Zoé Secrétaire",
]


def test_the_indexes_hand_over_every_text_the_matcher_finds(store, council):
    from ess_desk.privacy.matching import audit_entries
    from ess_desk.privacy.texts import free_texts

    zoe = council["zoe"]
    people.update(store, zoe, phone="07 98 76 54 32")  # her own: the others share theirs
    matcher = Matcher(Identity.of(store.db, zoe))
    for n, text in enumerate(WRITINGS):
        updates.record(
            store,
            council["action"],
            status="in_progress",
            progress=n,
            comment=text,
            on_date="2027-01-15",
            today=TODAY,
        )
    with store.write() as db:
        for n, text in enumerate(WRITINGS):
            audit.record(db, "note", 1000 + n, "create", None, {"text": text})
    found = {t.text for t in free_texts(store.db, matcher.search) if t.table == "action_updates"}
    through_index = {
        t.text
        for t in free_texts(store.db, matcher.search, matcher.candidates())
        if t.table == "action_updates"
    }
    assert found == through_index
    assert {"Relu avec Zoe  Secrete-là", "Merci à Madame\u00a0Secrète"} <= found
    assert not {"Merci à M. Secrète (un autre)", "Zoé Secrétaire", "xZoé Secrète"} & found
    assert {"Appeler le +33 (0)7 98 76 54 32", "tél.07\t98\u00a076 54 32"} <= found
    assert not {"Appeler le 07 98 76 54 329", "Appeler le 07 98  76 54 32"} & found
    entries = {
        row["entity_id"]: hit
        for row, hit in audit_entries(store.db, zoe, [], matcher, "entity_id")
        if row["entity_id"] >= 1000
    }
    everything = {
        entity_id: matcher.search(after)
        for entity_id, after in store.db.execute(
            "SELECT entity_id, after FROM audit_log WHERE entity = 'note'"
        )
    }
    assert {k: v for k, v in everything.items() if v} == {k: v for k, v in entries.items() if v}
    # The copies of an entry found by the phone's digits alone are given as the log holds them.
    stored = dict(store.db.execute("SELECT id, after FROM audit_log WHERE entity = 'note'"))
    for row, hit in audit_entries(store.db, zoe, [], matcher, "id"):
        if hit and row["id"] in stored:
            assert row["after"] == stored[row["id"]] and row["before"] is None
    # Read as UTF-8 bytes: the same entries, found alike, with the same copies and their bytes.
    mandates = store.db.execute("SELECT id FROM mandates WHERE person_id = ?", [zoe]).fetchall()
    mandate_ids = [m for (m,) in mandates]
    assert mandate_ids
    plain = list(audit_entries(store.db, zoe, mandate_ids, matcher, "id, entity_id"))
    as_bytes = list(audit_entries(store.db, zoe, mandate_ids, matcher, "id, entity_id", utf8=True))
    assert [(dict(r), hit) for r, hit in plain] == [
        ({k: v for k, v in r.items() if not k.endswith("_utf8")}, hit) for r, hit in as_bytes
    ]
    assert sum(1 for r, hit in as_bytes if hit) > 5 and sum(1 for r, _h in as_bytes if r["own"]) > 1
    for row, _hit in as_bytes:
        for copy in ("before", "after"):
            text = row[copy]
            assert row[f"{copy}_utf8"] == (None if text is None else text.encode("utf-8"))


def test_the_index_folds_every_letter_the_name_pattern_takes_but_the_dotless_i():
    # The index's tokenizer must take for one letter whatever the name pattern takes for it,
    # or a text the matcher finds could be left out; only « ı » (Turkish) is not.
    import re

    from ess_desk.privacy.matching import _char_pattern, _variants
    from ess_desk.store.search_schema import SEARCH_TOKENIZER

    conn = sqlite3.connect(":memory:")
    conn.execute(f"CREATE VIRTUAL TABLE t USING fts5(x, tokenize = '{SEARCH_TOKENIZER}')")
    missed = []
    for base in _variants():
        if not base.isascii():
            continue
        pattern = re.compile(_char_pattern(base), re.IGNORECASE)
        for code in range(0x20, 0x3000):
            char = chr(code)
            if pattern.fullmatch(char) is None:
                continue
            conn.execute("DELETE FROM t")
            conn.execute("INSERT INTO t VALUES (?)", [f"x{char}x"])
            query = f'"x{base}x"'
            if not conn.execute("SELECT count(*) FROM t WHERE t MATCH ?", [query]).fetchone()[0]:
                missed.append(char)
    conn.close()
    assert missed == ["ı"]


def test_spaces_dropped_for_phone_numbers_are_every_space():
    from ess_desk.privacy.matching import SPACES

    assert sorted(SPACES) == [c for c in range(0x110000) if chr(c).isspace()]


def test_the_phone_condition_keeps_every_writing_the_matcher_finds():
    """SQLite keeps the texts with the number's digits in order and, after the first, two by two
    side by side or one apart: every way `search` can find the number passes; long texts where
    the ten digits merely follow one another somewhere are left out."""
    import itertools
    import random

    matcher = Matcher(Identity(1, "Mme", "Zoé", "Secrète", "", "07 98 76 54 32"))
    candidates = matcher.candidates()
    condition, params = candidates.phone_condition("x")
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE t (x TEXT)")

    def kept(text: str) -> bool:
        conn.execute("DELETE FROM t")
        conn.execute("INSERT INTO t VALUES (?)", [text])
        return bool(conn.execute(f"SELECT count(*) FROM t WHERE {condition}", params).fetchone()[0])

    rng = random.Random(17)
    separators = ["", " ", ".", "-", "\u00a0", "\u202f", "\t", "\u2009"]
    texts = []
    for prefix, digits in (("", "0798765432"), ("+33 ", "798765432"), ("+33 (0)", "798765432")):
        for _n in range(60):
            pieces = [d + rng.choice(separators) for d in digits[:-1]] + [digits[-1]]
            around = rng.choice(["", "tél. ", "Appeler le ", "x", "7"]), rng.choice(["", ".", "9"])
            texts.append(around[0] + prefix + "".join(pieces) + around[1])
    texts += [f"{a}0{b}7{b}9{b}8{b}7{b}6{b}5{b}4{b}3{b}2" for a, b in itertools.product("x ", "  ")]
    found = [t for t in texts if matcher.search_phone(t)]
    assert len(found) > 80  # the writings the matcher finds…
    assert all(kept(t) for t in found)  # …are all kept
    soup = "Séance du 07/09/2026 n° 18, 7 voix ; 6 contre, 5 abstentions ; 4 et 3 puis 2."
    assert not matcher.search_phone(soup) and not kept(soup)
    conn.close()


def _file_text(db, person_id, path, as_stored):
    pf = person_file.collect(db, person_id, as_stored=as_stored)
    pf.generated_at = "2026-01-01T00:00:00"
    return person_file.write_json(pf, path).read_text(encoding="utf-8")


def _same_data_either_way(db, people, tmp_path) -> int:
    """The file written with the audit log's copies as the log holds them is the file written
    from the copies read by json but for their layout: json.load reads the same data, which
    written indented again is the other file to the byte. Returns how many copies were kept."""
    kept = 0
    for person_id in people:
        read = _file_text(db, person_id, tmp_path / "read.json", as_stored=False)
        as_stored = _file_text(db, person_id, tmp_path / "kept.json", as_stored=True)
        assert json.loads(as_stored) == json.loads(read)
        assert json_text.dumps(json.loads(as_stored)) + "\n" == read
        for entry in json.loads(read)["audit_log"]:
            stored = database.row(
                db, "SELECT before, after FROM audit_log WHERE id = ?", [entry["id"]]
            )
            for copy in (stored["before"], stored["after"]):
                if copy and f": {copy}" in as_stored:
                    kept += 1
    return kept


def test_json_file_has_the_line_breaks_a_text_file_has_on_windows(
    store, council, tmp_path, monkeypatch
):
    """The file is written in binary: on a system whose line break is « \r\n » it still holds
    the bytes a file opened as text held (each line break, the last one too, as « \r\n »)."""
    pf = person_file.collect(store.db, council["zoe"], as_stored=True)
    pf.generated_at = "2026-01-01T00:00:00"
    text = json_text.dumps(pf.to_json()) + "\n"
    assert text.count("\n") > 20
    expected = tmp_path / "text.json"
    with expected.open("w", encoding="utf-8", newline="\r\n") as as_text:
        as_text.write(text)
    monkeypatch.setattr(os, "linesep", "\r\n")
    written = person_file.write_json(pf, tmp_path / "file.json").read_bytes()
    assert written == expected.read_bytes()
    assert written.endswith(b"}\r\n")


def test_json_file_with_the_logs_copies_as_stored_holds_the_same_data(store, council, tmp_path):
    people = [council["zoe"], council["people"]["Hélène"], council["people"]["Sacha"]]
    assert _same_data_either_way(store.db, people, tmp_path) > 10
    # A copy the chain does not vouch for (changed behind its back) is read and written by json.
    db = store.db
    entry = database.scalar(
        db,
        "SELECT MAX(id) FROM audit_log WHERE entity = 'person' AND entity_id = ?",
        [council["zoe"]],
    )
    with store.write() as w:
        w.execute(
            "UPDATE audit_log SET after = json_set(after, '$.notes', 'x') WHERE id = ?", [entry]
        )
    text = _file_text(db, council["zoe"], tmp_path / "kept.json", as_stored=True)
    changed = database.scalar(db, "SELECT after FROM audit_log WHERE id = ?", [entry])
    assert f": {changed}" not in text
    assert json.loads(text) == json.loads(
        _file_text(db, council["zoe"], tmp_path / "read.json", as_stored=False)
    )
    with store.write() as w:
        w.execute("UPDATE audit_log SET after = '{\"notes\": ' WHERE id = ?", [entry])
    with pytest.raises(ValueError):
        person_file.collect(db, council["zoe"], as_stored=True)


def test_json_file_of_the_small_demo_with_the_copies_as_stored_holds_the_same_data(
    store, on_demo_day, tmp_path
):
    from ess_desk.demo import fill_demo

    fill_demo(store, "small")
    people = database.column(
        store.db,
        "SELECT m.person_id FROM attendance a JOIN mandates m ON m.id = a.mandate_id "
        "GROUP BY m.person_id ORDER BY COUNT(*) DESC, m.person_id LIMIT 4",
    )
    # The busiest people's files carry long copies (a minutes' snapshot).
    assert database.count(store.db, "SELECT COUNT(*) FROM audit_log WHERE length(after) > 4096")
    assert _same_data_either_way(store.db, people, tmp_path) > 100


def test_the_name_classes_without_ignorecase_take_what_ignorecase_takes():
    # Every character of all Unicode that IGNORECASE matches for a letter, a separator, an
    # apostrophe or an ASCII sign of a name is matched by its class compiled without it.
    import re
    import sys

    from ess_desk.privacy.matching import (
        _APOSTROPHES,
        _SEPARATORS,
        _char_pattern,
        _uncased_char,
        _variants,
    )

    chars = [*_variants(), *_SEPARATORS, *_APOSTROPHES]
    chars += [chr(c) for c in range(0x20, 0x7F) if not chr(c).isalpha()]
    every = [chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c < 0xE000]
    # The characters IGNORECASE may take for any of them: the only ones to look at below.
    near = re.compile("[" + re.escape("".join(chars)) + r"\s]", re.IGNORECASE)
    candidates = [c for c in every if near.fullmatch(c)]
    assert len(candidates) < 1000
    for char in chars:
        cased = re.compile(_char_pattern(char), re.IGNORECASE)
        uncased = re.compile(_uncased_char(char))
        assert {c for c in candidates if cased.fullmatch(c)} == {
            c for c in candidates if uncased.fullmatch(c)
        }, char


_NAMES = ["Zoé Secrète", "Anne Aubert", "Jean-Pierre O'Neil", "Kévin Iksou", "Ïa Øm", "Ana"]


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(_NAMES),
    st.lists(
        st.sampled_from(
            [
                "zoé",
                "ZOE",
                "Secrète",
                "SECRETE",
                "anne",
                "Aubert",
                "jean",
                "Pierre",
                "o’neil",
                "O'NEIL",
                "\u212aévin",
                "ıksou",
                "IKSOU",
                "ïa",
                "ØM",
                "ana",
                "ANA",
                " ",
                "  ",
                "-",
                "\u00a0",
                "x",
                "é",
                ".",
                "1",
            ]
        ),
        max_size=12,
    ),
)
def test_names_found_without_ignorecase_are_found_as_with_it(name, words):
    import re

    from ess_desk.privacy.matching import _names_uncased, name_pattern

    text = "".join(words)
    first, last = name.split()[0], name.split()[-1]
    for names in ([name], [f"{first} {last}", f"{last} {first}"] if first != last else [name]):
        cased = re.compile("(?:" + "|".join(map(name_pattern, names)) + r")(?!\w)", re.IGNORECASE)
        uncased = _names_uncased(names)
        assert uncased is not None
        expected = [(m.start(), m.end()) for m in cased.finditer(text)]
        assert [(m.start(), m.end()) for m in uncased.finditer(text)] == expected


_CIVILITIES = ["Mme", "M.", "Mx", ""]


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(_NAMES),
    st.sampled_from(_CIVILITIES),
    st.lists(
        st.sampled_from(
            [
                *_NAMES,
                "Secrète Zoé",
                "AUBERT ANNE",
                "Mme",
                "Mmes",
                "madame",
                "Mademoiselle",
                "MLLE",
                "M.",
                "Monsieur",
                "Messieurs",
                "Mx",
                "zoé",
                "ZOE",
                "Secrète",
                "anne",
                "Aubert",
                "jean-pierre",
                "O'NEIL",
                "\u212aévin",
                "ıksou",
                "ïa",
                "ØM",
                "Ana",
                "zoe.secrete@ex.fr",
                "06 30 19 91 57",
                "+33 6 30 19 91 57",
                "0630199157",
                " ",
                "   ",
                "\u00a0",
                "\n",
                "-",
                ".",
                "x",
                "1",
                "é",
            ]
        ),
        max_size=14,
    ),
)
def test_replace_writes_what_the_whole_pattern_would(name, civility, words):
    # `replace` finds its matches through the pieces, then the whole pattern from just before
    # them: the text it gives is `sub`'s, titles and runs of spaces before the name included.
    first, last = name.split()[0], name.split()[-1]
    identity = Identity(1, civility, first, last, "zoe.secrete@ex.fr", "06 30 19 91 57")
    matcher = Matcher(identity)
    text = "".join(words)
    assert matcher._pattern is not None
    if matcher._maybe(text):
        assert matcher.replace(text, "Personne n°1") == matcher._pattern.sub("Personne n°1", text)


def test_replace_takes_the_title_and_spaces_before_the_name():
    matcher = Matcher(Identity(1, "Mme", "Zoé", "Secrète", "zoe.secrete@ex.fr", "06 30 19 91 57"))
    assert matcher.replace("Mme Zoé Secrète", "X") == "X"
    assert matcher.replace("vu Mademoiselle. \u00a0 \n ZOE SECRETE, Mme Secrète", "X") == "vu X, X"
    assert matcher.replace("M.Secrète Zoé (06.30.19.91.57)", "X") == "X (X)"
