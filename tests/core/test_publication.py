"""Publication: the list of decisions of a meeting, the deadlines, and the publication folder —
byte-identical when made twice, its SCDL CSV valid against a Table Schema of « Délibérations »
2.1.5 kept in the tests, its index.html accessible, and no name without consent nor any contact
detail in any of its files."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from pypdf import PdfReader

from ess_desk import council as council_mod
from ess_desk.cli import main
from ess_desk.documents import minutes_pdf
from ess_desk.errors import UserError
from ess_desk.exchange import publication_folder
from ess_desk.minutes import minutes as mn
from ess_desk.minutes import record as rec
from ess_desk.publication import actes, deadlines, decisions_list, rules
from ess_desk.signing import certificates, signed
from tests.core.test_minutes import approved, build_council
from tests.core.test_minutes_documents import CONTACTS, HIDDEN
from tests.documents import plain
from tests.signing_support import PASSWORD, make_authority

SCHEMA = json.loads(
    (Path(__file__).parents[1] / "fixtures" / "scdl" / "deliberations-2.1.5.json").read_text(
        encoding="utf-8"
    )
)
SIRET = "73282932000074"
BASE = "https://www.exemple.fr/conseil-ess/publications"


@pytest.fixture(scope="module")
def authority(tmp_path_factory):
    return make_authority(tmp_path_factory.mktemp("ca"))


@pytest.fixture
def council(store, authority):
    data = build_council(store)
    data["minutes"] = approved(store, data)
    council_mod.set_letterhead(
        store,
        council_name="Conseil de l'ESS de Villebelle",
        council_siret="732 829 320 00074",
        publication_base_url=BASE,
    )
    view = mn.view(store.db, data["first"])
    for p12 in (authority.chair_p12, authority.secretary_p12):
        signer = certificates.from_pkcs12(p12, PASSWORD)
        signed.sign(store, data["first"], signer, lambda: minutes_pdf.render(view))
    return data


def validate(table: bytes) -> list[dict[str, str]]:
    """The CSV against the Table Schema: UTF-8 without BOM, comma, exactly the fields in their
    order, required values, types, patterns, URIs."""
    assert not table.startswith(b"\xef\xbb\xbf")
    text = table.decode("utf-8")
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=",")
    fields = SCHEMA["fields"]
    assert reader.fieldnames == [f["name"] for f in fields]
    rows = list(reader)
    for n, row in enumerate(rows, start=2):
        for f in fields:
            value = row[f["name"]]
            where = f"line {n}, {f['name']}"
            constraints = f.get("constraints", {})
            if not value:
                assert not constraints.get("required"), where
                continue
            if f["type"] == "date":
                dt.datetime.strptime(value, f["format"])
            elif f["type"] == "integer":
                assert re.fullmatch(r"-?\d+", value), where
                assert int(value) >= constraints.get("minimum", int(value)), where
            if "pattern" in constraints:
                assert re.fullmatch(constraints["pattern"], value), where
            if f.get("format") == "uri":
                parts = urlsplit(value)
                assert parts.scheme in ("http", "https") and parts.netloc, where
    return rows


def test_decisions_list_names_numbers_and_outcomes(store, council, tmp_path):
    data = decisions_list.build(store.db, council["first"])
    assert [(e.reference, e.outcome) for e in data.entries] == [("2026-001", "Adopté")]
    entry = data.entries[0]
    # Zoé did not consent: the published text names her by her role.
    assert "Zoé" not in entry.text and "un membre du collège" in entry.text
    assert (entry.votes_for, entry.votes_against, entry.voters) == (3, 1, 4)
    assert data.due_on == dt.date(2026, 12, 17)
    out = tmp_path / "liste.pdf"
    db_path = store.path
    store.close()
    assert (
        main(["--db", str(db_path), "decisions-list", str(council["first"]), "-o", str(out)]) == 0
    )
    text = " ".join(p.extract_text() for p in PdfReader(out).pages)
    assert "Liste des délibérations / avis" in text and "2026-001" in text and "Adopté" in text
    assert "L. 2121-25" in text


def test_folder_is_byte_identical_valid_and_consenting(store, council, tmp_path):
    first = publication_folder.publish(
        store,
        council["body"],
        dt.date(2026, 1, 1),
        dt.date(2026, 12, 31),
        tmp_path / "a",
        today=dt.date(2026, 12, 12),
    )
    publication_folder.publish(
        store,
        council["body"],
        dt.date(2026, 1, 1),
        dt.date(2026, 12, 31),
        tmp_path / "b",
        today=dt.date(2026, 12, 13),
    )

    def tree(root: Path) -> dict[str, bytes]:
        return {
            str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
        }

    a, b = tree(tmp_path / "a"), tree(tmp_path / "b")
    assert a == b and set(a) == set(first.files)
    folder = f"2026-12-10-seance-{council['first']}"
    assert set(a) == {
        "index.html",
        "deliberations.csv",
        "registre-des-deliberations.pdf",
        f"{folder}/liste-des-deliberations.pdf",
        # Zoé and Inès did not consent: the public version of the signed minutes goes online.
        f"{folder}/proces-verbal-version-publique.pdf",
    }
    rows = validate(a["deliberations.csv"])
    assert [r["DELIB_ID"] for r in rows] == ["2026-001"]
    row = rows[0]
    assert row["COLL_SIRET"] == SIRET and row["DELIB_DATE"] == "2026-12-10"
    assert (
        row["DELIB_MATIERE_CODE"] == "5.2"
        and row["DELIB_MATIERE_NOM"] == "Fonctionnement des assemblées"
    )
    assert row["DELIB_URL"] == f"{BASE}/{folder}/liste-des-deliberations.pdf"
    assert (row["VOTE_POUR"], row["VOTE_CONTRE"], row["VOTE_ABSTENTION"]) == ("3", "1", "0")
    # No name without consent, no contact detail, in any file of the folder.
    for name, data in a.items():
        if name.endswith(".pdf"):
            text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
        else:
            text = data.decode("utf-8")
        for hidden in HIDDEN + CONTACTS:
            assert hidden not in text, (name, hidden)
    public = " ".join(
        p.extract_text()
        for p in PdfReader(io.BytesIO(a[f"{folder}/proces-verbal-version-publique.pdf"])).pages
    )
    document = signed.signed_document(store.db, council["minutes"])
    assert document.sha256 in " ".join(public.split())
    # Each signature box of the public version says who signed and when (names with consent).
    stamps = plain(" ".join(public.split())).count("Signé électroniquement par")
    assert stamps == len(document.signatures) == 2
    assert "voir l'original signé" in plain(" ".join(public.split()))
    # Publishing recorded the days: nothing is due any more for the list and the minutes.
    states = {
        d.what: d.state
        for d in deadlines.of_meeting(store.db, council["first"], dt.date(2027, 3, 1))
    }
    assert states == {"decisions_list": "done", "signature": "done", "minutes": "done"}


def test_index_reads_well_for_people_and_screen_readers(store, council, tmp_path):
    built = publication_folder.build(
        store.db, council["body"], dt.date(2026, 1, 1), dt.date(2026, 12, 31)
    )
    html = built.files["index.html"].decode("utf-8")
    assert html.startswith("<!DOCTYPE html>") and '<html lang="fr">' in html
    assert html.count("<h1>") == 1 and re.search(r"<h2>[^<]*10/12/2026", html)
    assert "sera publié ici" not in html  # the signed minutes are there
    assert "<script" not in html and "<table" not in html
    links = re.findall(
        r'<li><a href="([^"]+)" type="([^"]+)">([^<]+)</a> <span class="detail">\(([^)]+)\)</span></li>',
        html,
    )
    assert len(links) == 4
    for href, mime, _title, detail in links:
        assert href in built.files
        kind = "CSV" if href.endswith(".csv") else "PDF"
        assert detail.startswith(f"{kind}, ") and re.search(r"\d+\s(ko|octets|Mo)$", detail)
        assert mime == {"CSV": "text/csv", "PDF": "application/pdf"}[kind]


def test_signed_file_itself_goes_online_when_everyone_consented(store, authority, tmp_path):
    data = build_council(store)
    with store.write() as db:
        db.execute("UPDATE people SET consent_publish = 1")
        db.execute("DELETE FROM guests")
    data["minutes"] = approved(store, data)
    council_mod.set_letterhead(store, council_siret=SIRET)
    view = mn.view(store.db, data["first"])
    for p12 in (authority.chair_p12, authority.secretary_p12):
        signer = certificates.from_pkcs12(p12, PASSWORD)
        document, pdf = signed.sign(store, data["first"], signer, lambda: minutes_pdf.render(view))
    built = publication_folder.build(
        store.db, data["body"], dt.date(2026, 12, 1), dt.date(2026, 12, 31)
    )
    folder = f"2026-12-10-seance-{data['first']}"
    assert built.files[f"{folder}/proces-verbal-signe.pdf"] == pdf
    # Without a base address, DELIB_URL is left empty (optional in the schema).
    assert validate(built.files["deliberations.csv"])[0]["DELIB_URL"] == ""


def test_publish_needs_the_siret_and_a_free_folder(store, council, tmp_path, db_path):
    (tmp_path / "occupied").mkdir()
    (tmp_path / "occupied" / "notes.txt").write_text("à garder", encoding="utf-8")
    with pytest.raises(UserError, match="n'est pas vide"):
        publication_folder.publish(
            store,
            council["body"],
            dt.date(2026, 1, 1),
            dt.date(2026, 12, 31),
            tmp_path / "occupied",
        )
    assert (tmp_path / "occupied" / "notes.txt").exists()
    with store.write() as db:
        council_mod.set_setting(db, "council_siret", "")
    with pytest.raises(UserError, match="SIRET"):
        publication_folder.build(
            store.db, council["body"], dt.date(2026, 1, 1), dt.date(2026, 12, 31)
        )
    with pytest.raises(UserError, match="SIRET"):
        council_mod.set_letterhead(store, council_siret="12345678901234")
    with pytest.raises(UserError, match="adresse web"):
        council_mod.set_letterhead(store, publication_base_url="ftp:/exemple")
    council_mod.set_letterhead(store, council_siret=SIRET)
    store.close()
    out = tmp_path / "pub"
    assert (
        main(
            ["--db", str(db_path), "publish", "--body", "Bureau", "--year", "2026", "-o", str(out)]
        )
        == 0
    )
    assert (out / "index.html").exists()
    # The same folder again: a previous publication is replaced.
    assert (
        main(
            [
                "--db",
                str(db_path),
                "publish",
                "--body",
                "Bureau",
                "--from",
                "01/12/2026",
                "--to",
                "31/12/2026",
                "-o",
                str(out),
            ]
        )
        == 0
    )


def test_deadlines_due_late_and_on_the_compliance_list(store, council):
    before = deadlines.of_meeting(store.db, council["first"], dt.date(2026, 12, 12))
    # The list is due a week after the meeting; the minutes, approved on 14/01/2027, a week
    # after that; they were signed at once.
    assert [(d.what, d.state, d.due_on) for d in before] == [
        ("decisions_list", "due", "2026-12-17"),
        ("signature", "done", "2027-01-21"),
        ("minutes", "due", "2027-01-21"),
    ]
    late = deadlines.of_meeting(store.db, council["first"], dt.date(2027, 2, 1))
    assert {d.what: d.state for d in late} == {
        "decisions_list": "late",
        "signature": "done",
        "minutes": "late",
    }
    findings = deadlines.compliance(store.db, council["first"], dt.date(2027, 2, 1))
    assert [f.ok for f in findings] == [False, True, False]
    assert findings[0].source == "CGCT, art. L. 2121-25"
    assert "en retard" in findings[0].text
    pending = deadlines.pending(store.db, dt.date(2027, 2, 1))
    assert [(d.meeting_id, d.what) for d in pending] == [
        (council["first"], "decisions_list"),
        (council["first"], "minutes"),
        (council["second"], "decisions_list"),  # the meeting that approved the minutes
    ]


def _pending_meeting_by_meeting(db, today):
    """The dashboard's list as it was first made: `of_meeting` for every meeting held in the
    last six months or whose minutes were approved then."""
    since = (today - deadlines.LOOK_BACK).isoformat()
    ids = db.execute(
        "SELECT m.id FROM meetings m LEFT JOIN minutes mi ON mi.meeting_id = m.id "
        "WHERE m.status IN ('held', 'closed') AND (date(m.starts_at) >= ? OR mi.approved_on >= ?)",
        [since, since],
    ).fetchall()
    found = [d for (i,) in ids for d in deadlines.of_meeting(db, i, today) if d.state != "done"]
    rank = {"decisions_list": 0, "signature": 1, "minutes": 2}
    return sorted(found, key=lambda d: (d.due_on, d.meeting_id, rank[d.what]))


def test_pending_deadlines_in_one_statement_as_meeting_by_meeting(store, council):
    """The dashboard's list (one statement) gives what `of_meeting` gives for each meeting:
    signed or not (one signature is not enough), published or not, within six months or not."""
    db = store.db
    days = [dt.date(2026, 12, 12), dt.date(2027, 1, 20), dt.date(2027, 2, 1), dt.date(2027, 7, 20)]
    days.append(dt.date(2028, 1, 1))

    def same() -> None:
        for day in days:
            expected = _pending_meeting_by_meeting(db, day)
            assert deadlines.pending(db, day) == expected, day
            total, first = deadlines.pending_page(db, day, limit=1)
            assert (total, first) == (len(expected), expected[:1]), day

    same()
    assert deadlines.pending(db, dt.date(2027, 2, 1))  # something to compare
    with store.write() as w:  # only the chair's signature left: the signature is due again
        (signatures,) = w.execute("SELECT signatures FROM signed_documents").fetchone()
        kept = [s for s in json.loads(signatures) if s["role"] == "president"]
        w.execute("UPDATE signed_documents SET signatures = ?", [json.dumps(kept)])
    assert "signature" in {d.what for d in deadlines.pending(db, dt.date(2027, 2, 1))}
    same()
    deadlines.record_published(store, [(council["first"], "decisions_list", "0" * 64)], days[0])
    deadlines.record_published(store, [(council["first"], "minutes", "1" * 64)], days[0])
    same()


def test_subject_codes(store, council):
    assert actes.clean_code(" 7,5 ") == "7.5" and actes.subject_name("7.5") == "Subventions"
    assert actes.subject_name("8.6.2") == "Emploi-formation professionnelle"
    for wrong in ("0.1", "10", "7.", "abc", "7.5.1.1.1.1"):
        with pytest.raises(UserError, match="ACTES"):
            actes.clean_code(wrong)
    rules.set_rules(store, council["body"], actes_code="9.4", decisions_list_days=10)
    assert rules.rules_of(store.db, council["body"]).decisions_list_days == 10
    assert decisions_list.build(store.db, council["first"]).entries[0].actes_code == "9.4"
    # A decision's own code, even once its minutes are approved (not part of its words).
    rules.set_decision_code(store, council["decision"], "7.5")
    assert rules.decision_codes(store.db, council["first"]) == {council["decision"]: "7.5"}
    assert rec  # the record module is what the public rewriting uses
