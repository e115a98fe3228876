"""Minutes exports read back: PDF (pypdf) and DOCX (python-docx), draft and approved, full and
relevé de décisions, and the public version without the names of people who did not consent."""

from __future__ import annotations

import pytest
from docx import Document
from pypdf import PdfReader

from ess_desk.cli import main
from ess_desk.documents import minutes_pdf
from ess_desk.errors import UserError
from ess_desk.exchange import minutes_docx
from ess_desk.minutes import minutes as mn
from tests.core.test_minutes import approved, build_council, draft, hold_second
from tests.documents import plain

# Every name of a person without consent in the test council, and their contact details.
HIDDEN = ["Zoé", "Secrète", "Inès", "Discrète", "Sacha", "Remplaçant", "Gaëlle", "Paul Extérieur"]
CONTACTS = ["@exemple.fr", "06 12 34 56 78"]


@pytest.fixture
def council(store):
    return build_council(store)


def pdf_text(path) -> str:
    # Line breaks fall where the layout puts them: compare text with single spaces.
    return plain(" ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split()))


def docx_text(path) -> str:
    doc = Document(path)
    parts = [p.text for p in doc.paragraphs]
    parts += [cell.text for t in doc.tables for row in t.rows for cell in row.cells]
    for section in doc.sections:
        parts += [p.text for p in section.header.paragraphs + section.footer.paragraphs]
    return plain("\n".join(parts))


def test_draft_pdf_has_sections_attendance_vote_and_watermark(store, council, tmp_path):
    draft(store, council)
    path = minutes_pdf.build(store.db, council["first"], tmp_path / "pv.pdf")
    reader = PdfReader(path)
    text = pdf_text(path)
    assert "PROJET" in text and "Approuvé lors" not in text
    for expected in (
        "Procès-verbal",
        "Présidence : Hélène Martin",
        "Secrétaire de séance : Marie Secrétariat",
        "Présents (2)",
        "pouvoir à Hélène Martin",
        "suppléant(e) de Luc Lefèvre",
        "Paul Extérieur (Mairie)",
        "quorum requis : 3",
        "1. Budget 2027",
        "2. Commande publique responsable",
        "commande publique",
        "Avis n° 2026-001",
        "Adopté",
        "la séance est levée à 20 h 15",
    ):
        assert expected in text, expected
    outline = [o.title for o in reader.outline if not isinstance(o, list)]
    assert "Présences" in outline and "Ordre du jour" in outline
    assert reader.metadata.title.startswith("Procès-verbal — Bureau")
    assert all(c not in text for c in CONTACTS)


def test_approved_pdf_has_approval_line_digest_and_errata(store, council, tmp_path):
    minutes_id = approved(store, council)
    mn.add_erratum(store, minutes_id, "Coquille", "Lire « tiers-lieux ».", recorded_on="2027-02-20")
    digest = mn.get(store.db, minutes_id).approved_sha256
    text = pdf_text(minutes_pdf.build(store.db, council["first"], tmp_path / "pv.pdf"))
    assert "PROJET" not in text
    assert "Approuvé lors de la séance du 14/01/2027." in text
    assert f"SHA-256 {digest}" in text  # the footer of every page
    assert text.index("Errata") > text.index("la séance est levée")
    assert "Erratum du 20/02/2027" in text and "Motif : Coquille" in text


def test_releve_has_decisions_and_not_the_debate(store, council, tmp_path):
    draft(store, council)
    text = pdf_text(
        minutes_pdf.build(store.db, council["first"], tmp_path / "r.pdf", form="releve")
    )
    assert "Relevé de décisions" in text and "Avis n° 2026-001" in text
    assert "Points soulevés" not in text and "Commande publique responsable" not in text
    doc_text = docx_text(
        minutes_docx.write(store.db, council["first"], tmp_path / "r.docx", form="releve")
    )
    assert "Relevé de décisions" in doc_text and "Points soulevés" not in doc_text


def test_docx_has_real_headings_and_tables(store, council, tmp_path):
    draft(store, council)
    path = minutes_docx.write(store.db, council["first"], tmp_path / "pv.docx")
    doc = Document(path)
    headings = [
        (p.style.name, p.text) for p in doc.paragraphs if p.style.name.startswith("Heading")
    ]
    assert ("Heading 1", "Présences") in headings
    assert ("Heading 2", "1. Budget 2027") in headings
    assert [p.style.name for p in doc.paragraphs if "commande publique" in p.text] == [
        "List Bullet"
    ]
    bold = [r.text for p in doc.paragraphs for r in p.runs if r.bold]
    assert "commande publique" in bold
    attendance, vote, signatures = doc.tables
    assert (
        attendance.cell(0, 0).text == "Catégorie" and attendance.cell(1, 0).text == "Présents (2)"
    )
    assert [c.text for c in vote.rows[1].cells] == ["Total", "3", "1", "0", "0", "Adopté"]
    assert [c.paragraphs[0].text for c in signatures.rows[0].cells] == [
        "Président de séance",
        "Secrétaire de séance",
    ]
    text = docx_text(path)
    assert "PROJET" in text and "la séance est levée à 20 h 15" in text


def test_docx_of_approved_minutes_has_approval_and_digest(store, council, tmp_path):
    minutes_id = approved(store, council)
    digest = mn.get(store.db, minutes_id).approved_sha256
    text = docx_text(minutes_docx.write(store.db, council["first"], tmp_path / "pv.docx"))
    assert "PROJET" not in text and "Approuvé lors de la séance du 14/01/2027." in text
    assert digest in text


@pytest.mark.parametrize("state", ["draft", "approved"])
def test_public_versions_name_nobody_without_consent(store, council, tmp_path, state):
    (draft if state == "draft" else approved)(store, council)
    pdf = pdf_text(minutes_pdf.build(store.db, council["first"], tmp_path / "p.pdf", public=True))
    docx = docx_text(
        minutes_docx.write(store.db, council["first"], tmp_path / "p.docx", public=True)
    )
    for text in (pdf, docx):
        for hidden in HIDDEN + CONTACTS:
            assert hidden not in text, hidden
        assert "Hélène Martin" in text and "François Durand" in text
        assert "un membre du collège Structures de l'ESS" in text and "un(e) invité(e)" in text


def test_cli_export_minutes(store, council, db_path, tmp_path, capsys):
    draft(store, council)
    store.close()
    out = tmp_path / "pv.docx"
    args = ["--db", str(db_path), "export-minutes", str(council["first"]), "-o", str(out)]
    assert main([*args, "--public"]) == 0
    assert "Zoé" not in docx_text(out)
    pdf = tmp_path / "releve.pdf"
    assert (
        main(
            [
                "--db",
                str(db_path),
                "export-minutes",
                str(council["first"]),
                "-o",
                str(pdf),
                "--form",
                "releve",
            ]
        )
        == 0
    )
    assert "Relevé de décisions" in pdf_text(pdf)
    assert main(["--db", str(db_path), "export-minutes", "999", "-o", str(pdf)]) == 1
    assert "n'existe pas" in capsys.readouterr().err
    assert main(["--db", str(db_path), "export-minutes", "1", "-o", str(tmp_path / "pv.txt")]) == 1


def test_meeting_without_minutes_exports_as_a_draft(store, council, tmp_path):
    # Not held yet: no minutes at all (no « 40 absents, l'ordre du jour étant épuisé… »).
    with pytest.raises(UserError, match="séance tenue"):
        minutes_pdf.build(store.db, council["second"], tmp_path / "vide.pdf")
    with pytest.raises(UserError, match="séance tenue"):
        minutes_docx.write(store.db, council["second"], tmp_path / "vide.docx")
    assert not (tmp_path / "vide.pdf").exists()
    hold_second(store, council)
    text = pdf_text(minutes_pdf.build(store.db, council["second"], tmp_path / "vide.pdf"))
    assert "PROJET" in text and "Secrétaire de séance : …" in text


def test_the_minutes_agree_substitute_and_replaced_member_with_their_civility(
    store, council, tmp_path
):
    from ess_desk.membership import people

    draft(store, council)
    path = tmp_path / "pv.pdf"
    assert "suppléant(e) de Luc Lefèvre" in pdf_text(
        minutes_pdf.build(store.db, council["first"], path)
    )
    people.update(store, council["people"]["Sacha"], civility="Mme")
    assert "suppléante de Luc Lefèvre" in pdf_text(
        minutes_pdf.build(store.db, council["first"], path)
    )
    people.update(store, council["people"]["Sacha"], civility="M.")
    text = pdf_text(minutes_pdf.build(store.db, council["first"], path))
    assert "suppléant de Luc Lefèvre" in text and "suppléant(e)" not in text
    people.update(store, council["people"]["Luc"], civility="M.")
    text = pdf_text(minutes_pdf.build(store.db, council["first"], path))
    assert "remplacé par Sacha Remplaçant" in text and "remplacé(e)" not in text
