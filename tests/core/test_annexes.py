"""Annexes kept whole: encrypted PDFs that open without a password (AES-256 included) accepted,
a password-protected one refused at attach time with its name and the reason (never a
traceback, never « endommagé »), form values and ticked boxes flattened into the pack, links
kept, and only the annexes marked public in the public pack (the others named)."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader, PdfWriter
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas as pdfcanvas

from ess_desk.cli import main
from ess_desk.documents import pack
from ess_desk.errors import UserError
from ess_desk.meetings import annexes
from tests.core.test_pack import TODAY, annex_pdf, page_texts, prepare


@pytest.fixture
def council(store, tmp_path):
    return prepare(store, tmp_path)


def form_pdf(path) -> bytes:
    """A two-page application form: a text field and a box typed into (their appearance
    streams written, as Acrobat does), a link to a web site and one to its second page."""
    c = pdfcanvas.Canvas(str(path), pagesize=A4)
    c.setFont("Helvetica", 14)
    c.drawString(72, 760, "Formulaire de candidature")
    c.drawString(72, 705, "Site de l'ESS")
    c.linkURL("https://www.economie.gouv.fr/ess", (72, 700, 300, 720), relative=0)
    c.drawString(72, 665, "Voir la page 2")
    c.linkAbsolute("", "page2", (72, 660, 300, 680))
    form = c.acroForm
    form.textfield(name="structure", x=72, y=600, width=300, height=24, value="")
    form.checkbox(name="accord", x=72, y=550, size=16, checked=False)
    c.showPage()
    c.bookmarkPage("page2")
    c.drawString(72, 760, "Seconde page du formulaire")
    c.showPage()
    c.save()
    writer = PdfWriter(clone_from=str(path))
    writer.update_page_form_field_values(
        writer.pages[0],
        {"structure": "SCIC Tournesol saisie en ligne", "accord": "/Yes"},
        auto_regenerate=False,
    )
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def encrypted(content: bytes, user: str = "", algorithm: str = "AES-256") -> bytes:
    """The PDF encrypted as qpdf and Acrobat do; an empty user password opens it (only the
    owner's restrictions apply)."""
    writer = PdfWriter(clone_from=io.BytesIO(content))
    writer.encrypt(user_password=user, owner_password="proprietaire", algorithm=algorithm)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.mark.parametrize("algorithm", ["AES-256", "AES-128", "RC4-128"])
def test_an_annex_that_opens_without_a_password_is_accepted_and_merged(
    store, council, tmp_path, algorithm
):
    path = tmp_path / f"budget-{algorithm}.pdf"
    path.write_bytes(
        encrypted(annex_pdf(tmp_path / "clair.pdf", 2, "Chiffré"), algorithm=algorithm)
    )
    annex_id = annexes.attach(store, council["second"], path)
    listed = next(a for a in annexes.list_annexes(store.db, council["second"]) if a.id == annex_id)
    assert listed.pages == 2 and not listed.public
    assert annexes.content(store.db, annex_id) == path.read_bytes()  # kept as it came
    result = pack.build(store.db, council["second"], tmp_path / "d.pdf", today=TODAY)
    text = " ".join(page_texts(PdfReader(result.path)))
    assert "Chiffré p1" in text and "Chiffré p2" in text
    assert "Texte de l'annexe Chiffré, ligne 9" in text


def test_a_password_protected_annex_is_refused_with_its_name_and_the_reason(
    store, council, tmp_path
):
    path = tmp_path / "Rapport confidentiel.pdf"
    path.write_bytes(encrypted(annex_pdf(tmp_path / "clair.pdf", 1, "Secret"), user="secret"))
    before = len(annexes.list_annexes(store.db, council["second"]))
    with pytest.raises(annexes.UnreadableAnnex) as caught:
        annexes.attach(store, council["second"], path)
    message = caught.value.message
    assert "« Rapport confidentiel.pdf »" in message
    assert "mot de passe pour l'ouvrir" in message and "endommagé" not in message
    assert len(annexes.list_annexes(store.db, council["second"])) == before


def test_the_command_line_refuses_it_too_and_attaches_nothing(
    store, council, db_path, tmp_path, capsys
):
    meeting = str(council["second"])
    good = tmp_path / "bon.pdf"
    good.write_bytes(annex_pdf(tmp_path / "b.pdf", 1, "Bon"))
    locked = tmp_path / "verrouillé.pdf"
    locked.write_bytes(encrypted(good.read_bytes(), user="secret"))
    before = len(annexes.list_annexes(store.db, council["second"]))
    store.close()
    db = ["--db", str(db_path)]
    assert main([*db, "annexes", meeting, "--attach", str(good), "--attach", str(locked)]) == 1
    err = capsys.readouterr().err
    assert "« verrouillé.pdf »" in err and "mot de passe" in err and "Traceback" not in err
    assert main([*db, "annexes", meeting, "--json"]) == 0
    import json

    listed = json.loads(capsys.readouterr().out)
    assert len(listed) == before  # all or nothing: the good one was not attached either
    assert main([*db, "annexes", meeting, "--attach", str(good), "--item", "2", "--public"]) == 0
    assert "Annexe jointe : bon.pdf" in capsys.readouterr().out
    assert main([*db, "annexes", meeting, "--json"]) == 0
    added = json.loads(capsys.readouterr().out)[-1]
    assert added["name"] == "bon.pdf" and added["public"] is True and added["item_id"]
    assert main([*db, "annexes", meeting, "--set-private", str(added["id"])]) == 0
    assert "bon.pdf  (1 p., non publique)" in capsys.readouterr().out
    assert main([*db, "annexes", meeting, "--item", "99"]) == 1
    assert "pas de point n°99" in capsys.readouterr().err


def test_an_unknown_encryption_is_not_called_damaged(tmp_path):
    content = encrypted(annex_pdf(tmp_path / "c.pdf", 1, "X"))
    # A security handler pypdf does not implement (certificates: /Adobe.PubSec).
    damaged_filter = content.replace(b"/Filter /Standard", b"/Filter /Adobe.PubSec")
    assert damaged_filter != content
    with pytest.raises(annexes.UnreadableAnnex) as caught:
        annexes.open_pdf(damaged_filter, "certificat.pdf")
    assert "endommagé" not in caught.value.reason and "chiffré" in caught.value.reason


def test_typed_form_values_ticked_boxes_and_links_survive_the_pack(store, council, tmp_path):
    path = tmp_path / "candidature.pdf"
    path.write_bytes(form_pdf(tmp_path / "form.pdf"))
    annexes.attach(store, council["second"], path)
    result = pack.build(store.db, council["second"], tmp_path / "d.pdf", today=TODAY)
    reader = PdfReader(result.path)
    texts = page_texts(reader)
    first = next(n for n, t in enumerate(texts) if "Formulaire de candidature" in t)
    assert "SCIC Tournesol saisie en ligne" in texts[first]  # the value typed in the field
    assert "Seconde page du formulaire" in texts[first + 1]
    page = reader.pages[first]
    drawn = page["/Resources"]["/XObject"]["/EssAnnex"].get_object()
    marks = [k for k in drawn["/Resources"]["/XObject"] if k.startswith("/EssMark")]
    assert len(marks) == 2  # the field and the ticked box, flattened into the page
    links = [a.get_object() for a in page.get("/Annots", [])]
    uris = [a["/A"]["/URI"] for a in links if "/A" in a]
    assert uris == ["https://www.economie.gouv.fr/ess"]
    inner = [a for a in links if "/Dest" in a]
    assert len(inner) == 1
    target = inner[0]["/Dest"][0]
    assert reader.get_page_number(reader.get_object(target.indirect_reference)) == first + 1
    # The link sits where the annex drew its words (the page is a little smaller in the pack).
    x0, y0, x1, y1 = (float(v) for v in links[0]["/Rect"])
    assert 60 < x0 < 90 and 650 < y0 < 720 and x1 > 250


def test_the_public_pack_holds_only_public_annexes_and_names_the_others(store, council, tmp_path):
    listed = annexes.list_annexes(store.db, council["second"])
    kept, withheld = listed[0], listed[1]
    annexes.set_public(store, kept.id, True)
    result = pack.build(
        store.db, council["second"], tmp_path / "p.pdf", variant="public", today=TODAY
    )
    reader = PdfReader(result.path)
    text = " ".join(page_texts(reader))
    titles = [item.title for item in reader.outline if not isinstance(item, list)]
    assert any(kept.name in str(t) for t in reader.outline[-1]) or kept.name in text
    assert f"{withheld.name} (annexe non publiée)" in text
    assert "Annexes non publiées dans cette version" in text
    assert "Texte de l'annexe" in text  # the public one is merged
    assert "Annexes" in titles
    member = pack.build(store.db, council["second"], tmp_path / "m.pdf", today=TODAY)
    assert member.pages > result.pages  # the members' pack holds both


def test_public_or_not_is_audited(store, council):
    annex = annexes.list_annexes(store.db, council["second"])[0]
    annexes.set_public(store, annex.id, True)
    annexes.set_public(store, annex.id, True)  # no change: nothing written
    rows = store.db.execute(
        "SELECT action, before, after FROM audit_log WHERE entity = 'annex' AND entity_id = ? "
        "AND action = 'update'",
        [annex.id],
    ).fetchall()
    assert len(rows) == 1 and '"public": true' in rows[0][2]
    with pytest.raises(UserError, match="n°99999 n'existe pas"):
        annexes.set_public(store, 99999, True)
