"""The meeting pack read back with pypdf: its sections, contents and outline pointing to the right
pages, page numbers running across the annexes, the embedded font, what each variant holds and
leaves out, broken annexes, long texts, and the command line."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from pypdf import PdfReader, PdfWriter
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas as pdfcanvas

from ess_desk.actions import actions
from ess_desk.cli import documents as pack_command
from ess_desk.cli import main
from ess_desk.documents import pack
from ess_desk.documents.pack import merging
from ess_desk.documents.style import FONT, FONT_BOLD, Metadata, build_pdf, heading
from ess_desk.errors import UserError
from ess_desk.meetings import agenda, annexes, meetings
from ess_desk.membership import bodies, mandates, people
from ess_desk.minutes import minutes as mn
from tests.core.test_minutes import build_council, draft
from tests.documents import plain

TODAY = dt.date(2026, 11, 28)
HIDDEN = ["Zoé", "Secrète", "Inès", "Discrète", "Sacha", "Remplaçant", "Gaëlle", "Paul Extérieur"]
CONTACTS = ["@exemple.fr", "06 12 34 56 78"]


def annex_pdf(path, pages: int, title: str, size=A4) -> bytes:
    """A test annex made with reportlab: a heading and a few lines on each page."""
    c = pdfcanvas.Canvas(str(path), pagesize=size)
    for n in range(1, pages + 1):
        c.setFont("Helvetica-Bold", 18)
        c.drawString(60, size[1] - 80, f"{title} p{n}")
        c.setFont("Helvetica", 11)
        for line in range(10):
            c.drawString(60, size[1] - 120 - 16 * line, f"Texte de l'annexe {title}, ligne {line}")
        c.showPage()
    c.save()
    return path.read_bytes()


def encrypted_pdf(tmp_path) -> bytes:
    writer = PdfWriter(clone_from=io.BytesIO(annex_pdf(tmp_path / "clair.pdf", 1, "Secret")))
    writer.encrypt("motdepasse")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def put_annex(store, meeting_id: int, name: str, content: bytes, item_id=None) -> None:
    """An annex stored as it is, whatever it holds (attach() would refuse a broken file: one
    can still be in the database, restored from an old backup or damaged on disk)."""
    with store.write() as db:
        db.execute(
            "INSERT INTO annexes (meeting_id, item_id, name, size, pages, sha256, content) "
            "VALUES (?, ?, ?, ?, 1, 'x', ?)",
            [meeting_id, item_id, name, len(content), content],
        )


def prepare(store, tmp_path) -> dict:
    """The test bureau: the draft minutes of its first meeting submitted for approval at the
    second (planned), which has a timed agenda with presenters, two annexes and an overdue
    action owned by someone who did not consent to publication."""
    c = build_council(store)
    minutes_id = draft(store, c)
    mn.submit(store, minutes_id, today=TODAY)
    second = c["second"]
    p = c["people"]
    budget = agenda.create_item(
        store,
        second,
        title="Budget rectificatif",
        kind="vote",
        presenter_person_id=p["Zoé"],
        duration_minutes=30,
        description="Le budget est présenté par Zoé Secrète avec Inès Discrète.",
    )
    agenda.create_item(
        store, second, title="Tiers-lieux", kind="debate", presenter_person_id=p["Hélène"]
    )
    a = annex_pdf(tmp_path / "Budget détaillé.pdf", 3, "Budget")
    b = annex_pdf(tmp_path / "Carte paysage.pdf", 2, "Carte", landscape(A4))
    annexes.attach(store, second, tmp_path / "Budget détaillé.pdf", item_id=budget)
    annexes.attach(store, second, tmp_path / "Carte paysage.pdf")
    actions.create(
        store,
        today=TODAY,
        body_id=c["body"],
        title="Relancer Zoé Secrète pour le rapport",
        owner_person_id=p["Zoé"],
        due_date="2026-12-01",
    )
    actions.create(
        store,
        today=TODAY,
        body_id=c["body"],
        title="Préparer le forum",
        owner_person_id=p["Hélène"],
        due_date="2027-03-01",
    )
    return c | {"budget_item": budget, "annex_pages": (3, 2), "annex_bytes": (a, b)}


@pytest.fixture
def council(store, tmp_path):
    return prepare(store, tmp_path)


def page_texts(reader: PdfReader) -> list[str]:
    return [plain(" ".join((page.extract_text() or "").split())) for page in reader.pages]


def outline(reader: PdfReader) -> list[tuple[str, int, int]]:
    """(title, level, page number from 1) of every outline entry, in order."""
    out: list[tuple[str, int, int]] = []

    def walk(items, level):
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
            else:
                out.append((plain(item.title), level, reader.get_destination_page_number(item) + 1))

    walk(reader.outline, 0)
    return out


def contents_lines(reader: PdfReader, page_index: int = 1) -> list[str]:
    """The lines of the contents page as the eye reads them: the page numbers are drawn last
    (once every page is known), so text is put back together by its position."""
    runs: list[tuple[float, float, str]] = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            runs.append((y, x, text.strip()))

    reader.pages[page_index].extract_text(visitor_text=visit)
    lines: list[tuple[float, list[tuple[float, str]]]] = []
    for y, x, text in sorted(runs, key=lambda r: -r[0]):
        if lines and abs(lines[-1][0] - y) < 0.5:
            lines[-1][1].append((x, text))
        else:
            lines.append((y, [(x, text)]))
    return [plain(" ".join(t for _x, t in sorted(parts))) for _y, parts in lines]


def contents_links(reader: PdfReader, page_index: int = 1) -> list[int]:
    """The page (from 1) each link of the contents page points to, top to bottom."""
    named = reader.named_destinations
    found = []
    for annot in reader.pages[page_index].get("/Annots", []):
        annot = annot.get_object()
        if annot.get("/Subtype") != "/Link":
            continue
        dest = annot.get("/Dest")
        if dest is None:
            dest = annot["/A"]["/D"]
        if isinstance(dest, str) or not isinstance(dest, list):
            page = reader.get_destination_page_number(named[str(dest)])
        else:
            page = reader.get_page_number(dest[0].get_object())
        found.append((-float(annot["/Rect"][3]), page + 1))
    return [page for _y, page in sorted(found)]


def build(store, council, tmp_path, variant="membre", **kwargs) -> tuple[PdfReader, list[str]]:
    result = pack.build(
        store.db,
        council["second"],
        tmp_path / f"dossier-{variant}.pdf",
        variant=variant,
        today=TODAY,
        **kwargs,
    )
    reader = PdfReader(result.path)
    assert len(reader.pages) == result.pages
    return reader, page_texts(reader)


SECTIONS = [
    "Convocation",
    "Ordre du jour",
    "Procès-verbal de la séance du 10/12/2026, à approuver",
    "Suivi des actions",
    "Composition de l'instance",
    "Feuille d'émargement",
    "Pouvoir",
    "Annexes",
]


def test_contents_and_outline_point_to_where_each_section_starts(store, council, tmp_path):
    reader, texts = build(store, council, tmp_path)
    entries = outline(reader)
    top = [(title, page) for title, level, page in entries if level == 0]
    titles = [t for t, _p in top]
    assert titles == ["Couverture", "Sommaire", *SECTIONS]
    annex_entries = [(t, p) for t, level, p in entries if level == 1 and t.startswith("Annexe ")]
    assert [t for t, _p in annex_entries] == [
        "Annexe 1 : Carte paysage.pdf",
        "Annexe 2 : Budget détaillé.pdf",
    ]
    # Every section starts on the page its bookmark names, and the contents print that page.
    council_name = "Conseil de l'économie sociale et solidaire"
    starts = {
        "Procès-verbal de la séance du 10/12/2026, à approuver": f"{council_name} Procès-verbal",
        "Feuille d'émargement": f"{council_name} Feuille d'émargement",
    }
    contents = contents_lines(reader)
    for title, page in top[2:]:
        assert texts[page - 1].startswith(starts.get(title, title)), title
        assert not texts[page - 2].startswith(starts.get(title, title)), title
        assert f"{title} {page}" in contents, title
    for title, page in annex_entries:
        assert f"{title} {page}" in contents, title
    # Each line of the contents is a link to the page it names.
    expected = [page for _t, page in top[2:]]
    expected.insert(expected.index(top[-1][1]) + 1, annex_entries[0][1])
    expected.append(annex_entries[1][1])
    assert contents_links(reader) == expected
    # The annexes come last, in agenda order (the meeting's own annex before the items').
    carte, budget = annex_entries[0][1], annex_entries[1][1]
    assert budget == carte + 2 and len(reader.pages) == budget + 2
    assert "Carte p1" in texts[carte - 1] and "Budget p3" in texts[-1]
    assert reader.pages[carte - 1].mediabox.width > reader.pages[carte - 1].mediabox.height


def test_page_numbers_run_across_the_annexes(store, council, tmp_path):
    reader, texts = build(store, council, tmp_path)
    total = len(reader.pages)
    for n, text in enumerate(texts, start=1):
        assert f"Page {n} / {total}" in text, n
    assert "Annexe 2 : Budget détaillé.pdf" in texts[-1]


def test_font_is_embedded_and_metadata_set(store, council, tmp_path):
    reader, _texts = build(store, council, tmp_path)
    for page in reader.pages:  # the annex pages too: their number is written in DejaVu
        fonts = [f.get_object() for f in page["/Resources"]["/Font"].values()]
        dejavu = [f for f in fonts if "DejaVuSans" in str(f["/BaseFont"])]
        assert dejavu
        for f in dejavu:
            assert "/FontFile2" in f["/FontDescriptor"]  # embedded TrueType
    used: set[str] = set()

    def visit(text, cm, tm, font, size):
        if text.strip() and font is not None:
            used.add(str(font["/BaseFont"]))

    for page in reader.pages[:-5]:  # what we laid out (the annexes keep their own fonts)
        page.extract_text(visitor_text=visit)
    assert used and all("DejaVuSans" in name for name in used)
    meta = reader.metadata
    assert meta.title == "Dossier de séance — Bureau, séance du 14/01/2027"
    assert meta.author == "Conseil de l’économie sociale et solidaire"
    assert meta.subject.startswith("Bureau du 14/01/2027")


def test_member_pack_holds_everything(store, council, tmp_path):
    with store.write() as db:  # Zoé accepts to be contacted by the other members, Inès not
        db.execute("UPDATE people SET consent_contact = 1 WHERE last_name = 'Secrète'")
    _reader, texts = build(store, council, tmp_path)
    text = " ".join(texts)
    cover = texts[0]
    assert "PROJET" in cover and "Bureau du 14/01/2027" in cover
    assert "jeudi 14 janvier 2027 à 18 h" in cover and "Lieu : Salle 3" in cover
    for expected in (
        "Objet : convocation — Bureau, séance du 14/01/2027",
        "18 h 1. Approbation du procès-verbal de la séance du 10/12/2026 5 min",
        "18 h 05 2. Budget rectificatif 30 min",
        "présenté par Zoé Secrète",
        "Annexe 2 : Budget détaillé.pdf (3 p.)",
        "Documents joints à la séance",
        "Présents (2)",  # the draft minutes of the previous meeting
        "Relancer Zoé Secrète pour le rapport",
        "retard : 44 j",
        "Structures de l'ESS",
        "Suppléant(e) de Luc Lefèvre",
        "secrete@exemple.fr",
        "Signature",
        "Bon pour pouvoir",
    ):
        assert expected in text, expected
    assert "Conducteur de séance" not in text and "Liste des orateurs" not in text
    # Consent to be contacted decides whose e-mail and phone the members read.
    assert "discrete@exemple.fr" not in text and "martin@exemple.fr" not in text
    assert "coordonnées ne figurent que pour les personnes qui ont accepté" in text


def test_animation_pack_has_run_sheet_quorum_and_speakers(store, council, tmp_path):
    reader, texts = build(store, council, tmp_path, variant="animation")
    text = " ".join(texts)
    titles = [t for t, level, _p in outline(reader) if level == 0]
    assert "Conducteur de séance" in titles and "Ordre du jour" not in titles
    assert {"Contrôle du quorum", "Liste des orateurs", "Feuille d'émargement"} <= set(titles)
    for expected in (
        "18 h → 18 h 05",
        "18 h 05 → 18 h 35",
        "18 h 35 → 18 h 50",
        "30 min · cumul 35 min",
        "15 min · cumul 50 min",
        "Notes pour l'animation : Le budget est présenté par Zoé Secrète",
        "Membres votants en exercice : 5. Quorum requis : 3",
        "Sacha Remplaçant",  # the substitute beside the member they replace
        "Présents : ______ + représentés : ______ = ______ / 3 requis",
        "Quorum atteint à ____ h ____",
        "Inscrivez les demandes de parole",
    ):
        assert expected in text, expected
    assert text.count("☐") >= 5 + 24


def test_public_pack_leaves_out_contacts_names_and_forms(store, council, tmp_path):
    reader, texts = build(store, council, tmp_path, variant="public")
    text = " ".join(texts)
    titles = [t for t, level, _p in outline(reader) if level == 0]
    assert "Feuille d'émargement" not in titles and "Pouvoir" not in titles
    assert "Bon pour pouvoir" not in text and "Signature" not in text
    for hidden in HIDDEN + CONTACTS:
        assert hidden not in text, hidden
    assert "Hélène Martin" in text and "François Durand" in text
    assert "présenté par Un membre du collège Structures de l'ESS" in text
    assert "Relancer un membre du collège Structures de l'ESS pour le rapport" in text
    assert "Version publique" in texts[0]


def test_convened_meeting_cover_has_no_draft_mark(store, council, tmp_path):
    meetings.set_status(store, council["second"], "convened")
    reader, texts = build(store, council, tmp_path)
    assert "PROJET" not in texts[0]
    pages = {t: p for t, level, p in outline(reader) if level == 0}
    minutes_page = texts[pages["Procès-verbal de la séance du 10/12/2026, à approuver"] - 1]
    assert "PROJET" in minutes_page  # the draft minutes keep their watermark
    assert "PROJET" not in texts[pages["Suivi des actions"] - 1]


def test_footers_written_again_are_those_written_whole(store, council, tmp_path, monkeypatch):
    # A page with only its footer writes what the last such page wrote, with its own number
    # (`merging._Footer`): the packs are byte for byte those whose footers are all written
    # whole (the convened meeting's draft minutes keep their watermark, the contents their
    # page numbers, the annexes their stamps: those are written whole in both).
    from reportlab import rl_config

    meetings.set_status(store, council["second"], "convened")
    written_again = []
    write = merging._Footer.write
    monkeypatch.setattr(
        merging._Footer, "write", lambda self, *a: written_again.append(1) or write(self, *a)
    )
    monkeypatch.setattr(rl_config, "invariant", 1)

    def packs() -> list[bytes]:
        out = []
        for variant in pack.VARIANTS:
            build(store, council, tmp_path, variant)
            out.append((tmp_path / f"dossier-{variant}.pdf").read_bytes())
        return out

    again = packs()
    assert len(written_again) > 10
    monkeypatch.setattr(merging._Footer, "of", staticmethod(lambda written, number: None))
    assert packs() == again


@pytest.mark.parametrize(
    "content, reason",
    [
        (b"Ceci est un texte, pas un PDF.", "ce n'est pas un fichier PDF"),
        (b"%PDF-1.4\n garbage\n%%EOF", "le fichier est endommagé"),
        (None, "il faut un mot de passe pour l'ouvrir"),
    ],
)
def test_broken_annex_stops_the_pack_unless_left_out(store, council, tmp_path, content, reason):
    put_annex(
        store, council["second"], "Compte rendu abîmé.pdf", content or encrypted_pdf(tmp_path)
    )
    target = tmp_path / "dossier.pdf"
    with pytest.raises(pack.BrokenAnnexesError) as caught:
        pack.build(store.db, council["second"], target, today=TODAY)
    assert caught.value.names == ["Compte rendu abîmé.pdf"]
    assert "« Compte rendu abîmé.pdf »" in caught.value.message and reason in caught.value.message
    assert not target.exists() and not list(tmp_path.glob(".dossier*"))

    result = pack.build(store.db, council["second"], target, today=TODAY, skip_broken_annexes=True)
    assert result.left_out == ("Compte rendu abîmé.pdf",)
    reader = PdfReader(target)
    texts = page_texts(reader)
    assert "Annexes non jointes à ce dossier" in texts[0]
    assert "Compte rendu abîmé.pdf" in texts[0]
    titles = [t for t, _level, _p in outline(reader)]
    assert "Annexe 2 : Budget détaillé.pdf" in titles
    assert not any("abîmé" in t for t in titles)


def test_several_broken_annexes_are_all_named(store, council, tmp_path):
    put_annex(store, council["second"], "a.pdf", b"rien")
    put_annex(store, council["second"], "b.pdf", b"%PDF-1.4 rien")
    with pytest.raises(pack.BrokenAnnexesError) as caught:
        pack.build(store.db, council["second"], tmp_path / "d.pdf")
    assert caught.value.names == ["a.pdf", "b.pdf"]
    assert len(caught.value.problems) == 2


def test_empty_sections_are_left_out(store, tmp_path):
    body = bodies.create_body(store, name="Groupe de travail vide", kind="working_group")
    meeting = meetings.create(store, body_id=body, starts_at="20/01/2027 10:00")
    result = pack.build(store.db, meeting, tmp_path / "vide.pdf", today=TODAY)
    reader = PdfReader(result.path)
    titles = [t for t, _level, _p in outline(reader)]
    assert titles == ["Couverture", "Sommaire", "Convocation"]
    assert result.sections == ("Convocation",)
    contents = page_texts(reader)[1]
    for absent in ("Ordre du jour", "Suivi des actions", "Annexes", "Feuille d'émargement"):
        assert absent not in contents


def _text_runs_off(reader: PdfReader, pages: range) -> list[str]:
    """Lines of text that start or end outside the page (DejaVu text only)."""
    wrong: list[str] = []
    for n in pages:
        page = reader.pages[n]
        width = float(page.mediabox.width)

        def visit(text, cm, tm, font, size, width=width, n=n):
            if not text.strip() or font is None:
                return
            name = str(font.get("/BaseFont", ""))
            if "DejaVu" not in name:
                return
            scale = cm[0] * tm[0] or 1
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            face = FONT_BOLD if "Bold" in name else FONT
            end = x + stringWidth(text.rstrip("\n"), face, size) * abs(scale)
            if x < -1 or end > width + 1:
                wrong.append(f"page {n + 1}: {text[:40]!r} {x:.0f}–{end:.0f} / {width:.0f}")

        page.extract_text(visitor_text=visit)
    return wrong


def test_long_names_titles_and_texts_wrap_on_the_page(store, council, tmp_path):
    long_word = "Anticonstitutionnellement" * 6
    person = people.create(
        store,
        first_name="Marie-Évangéline-Ἀφροδίτη-Анастасия",
        last_name="de La Tour d'Auvergne-Lauraguais " * 4 + long_word,
        consent_publish=True,
    )
    mandates.create(
        store,
        person_id=person,
        body_id=council["body"],
        college_id=council["college"],
        role="member",
        start_date="2026-01-01",
    )
    agenda.create_item(
        store,
        council["second"],
        title="Un intitulé de point extrêmement long " * 12 + long_word,
        presenter_person_id=person,
        description=("Un paragraphe de présentation très détaillé. " * 60 + "\n\n") * 8,
    )
    # An action whose title alone is taller than a page: its row goes on over the next one.
    actions.create(
        store,
        today=TODAY,
        body_id=council["body"],
        title="Une action décrite bien trop longuement " * 160,
        owner_person_id=person,
        due_date="2027-02-01",
    )
    reader, texts = build(store, council, tmp_path)
    assert any("Ἀφροδίτη" in t and "Анастасия" in t for t in texts)
    laid_out = range(len(reader.pages) - 5)  # the annexes have fonts of their own
    assert _text_runs_off(reader, laid_out) == []


def test_bookmarks_of_every_document_point_to_their_pages(tmp_path):
    from reportlab.platypus import PageBreak

    story = []
    for n in range(3):
        story += [*heading(f"Partie {n}"), PageBreak()]
    reader = PdfReader(build_pdf(tmp_path / "t.pdf", story, Metadata("t", "a", "s")))
    assert [p for _t, _l, p in outline(reader)] == [1, 2, 3]


def test_unknown_variant_is_refused(store, council, tmp_path):
    with pytest.raises(UserError, match="Variante inconnue"):
        pack.build(store.db, council["second"], tmp_path / "x.pdf", variant="presse")
    assert tuple(pack.VARIANTS) == pack_command.VARIANTS


def test_cli_export_pack(store, council, db_path, tmp_path, capsys):
    put_annex(store, council["second"], "Illisible.pdf", b"pas un pdf")
    store.close()
    out = tmp_path / "dossier.pdf"
    base = ["--db", str(db_path), "export-pack", str(council["second"]), "-o", str(out)]
    assert main(base) == 1
    err = capsys.readouterr().err
    assert "« Illisible.pdf »" in err and "Traceback" not in err
    assert not out.exists()
    assert main([*base, "--skip-broken-annexes"]) == 0
    printed = capsys.readouterr().out
    assert "Dossier de séance écrit" in printed and "Illisible.pdf" in printed
    # Not marked public: the public pack does not even read it, and names it by its title.
    assert main([*base, "--variant", "public"]) == 0
    text = " ".join(page_texts(PdfReader(out)))
    assert "Version publique" in text and "Zoé" not in text
    assert "Annexes non publiées dans cette version" in text and "Illisible.pdf" in text
    assert main(["--db", str(db_path), "export-pack", "999", "-o", str(out)]) == 1
    assert "n'existe pas" in capsys.readouterr().err


def test_annex_with_several_streams_and_a_rotation_is_merged(store, council, tmp_path, caplog):
    """A page whose content comes in two streams, and a page turned a quarter: both drawn as the
    viewer shows them, numbered, and the file reads back strictly (no repaired cross-reference)."""
    from pypdf.generic import ArrayObject, DecodedStreamObject, NameObject

    writer = PdfWriter(clone_from=io.BytesIO(annex_pdf(tmp_path / "deux.pdf", 2, "Double")))
    first = writer.pages[0]
    extra = DecodedStreamObject()
    extra.set_data(b"BT /F1 12 Tf 60 60 Td (Second flux) Tj ET")
    first[NameObject("/Contents")] = ArrayObject(
        [first.raw_get("/Contents"), writer._add_object(extra)]
    )
    writer.pages[1].rotate(90)
    content = io.BytesIO()
    writer.write(content)
    put_annex(store, council["second"], "Deux flux.pdf", content.getvalue())
    caplog.set_level("WARNING", logger="pypdf")
    result = pack.build(store.db, council["second"], tmp_path / "d.pdf", today=TODAY)
    reader = PdfReader(result.path, strict=True)
    assert not caplog.records
    texts = page_texts(reader)
    total = len(reader.pages)
    start = {t: p for t, _level, p in outline(reader)}["Annexe 2 : Deux flux.pdf"]
    assert "Double p1" in texts[start - 1] and "Second flux" in texts[start - 1]
    assert "Double p2" in texts[start] and f"Page {start + 1} / {total}" in texts[start]
    turned = reader.pages[start].mediabox
    assert turned.width > turned.height  # a portrait page turned a quarter shows landscape


def test_annex_found_broken_only_while_merging_is_left_out_too(
    store, council, tmp_path, monkeypatch
):
    real = merging._annex_form
    calls: list[int] = []

    def failing(update, source):
        calls.append(1)
        if len(calls) == 1:
            raise ValueError("référence perdue")
        return real(update, source)

    monkeypatch.setattr(merging, "_annex_form", failing)
    with pytest.raises(pack.BrokenAnnexesError) as caught:
        pack.build(store.db, council["second"], tmp_path / "d.pdf", today=TODAY)
    assert caught.value.names == ["Carte paysage.pdf"]
    assert "référence perdue" in caught.value.message
    calls.clear()
    result = pack.build(
        store.db, council["second"], tmp_path / "d.pdf", today=TODAY, skip_broken_annexes=True
    )
    assert result.left_out == ("Carte paysage.pdf",)
    titles = [t for t, _level, _p in outline(PdfReader(result.path))]
    assert "Annexe 1 : Budget détaillé.pdf" in titles
    assert "Carte paysage.pdf" in page_texts(PdfReader(result.path))[0]


def test_draft_minutes_of_the_previous_meeting_come_even_before_they_are_submitted(store, tmp_path):
    c = build_council(store)
    draft(store, c)  # written, not yet put on the next agenda for approval
    result = pack.build(store.db, c["second"], tmp_path / "d.pdf", today=TODAY)
    reader = PdfReader(result.path)
    titles = [t for t, _level, _p in outline(reader)]
    drafts = [t for t in titles if t.startswith("Projet de procès-verbal de la séance du")]
    assert len(drafts) == 1
    start = {t: p for t, _level, p in outline(reader)}[drafts[0]]
    assert "PROJET" in page_texts(reader)[start - 1]
    # Once submitted, they come as the minutes to approve at this meeting, and only so.
    mn.submit(store, mn.get_minutes(store.db, c["first"]).id, today=TODAY)
    result = pack.build(store.db, c["second"], tmp_path / "d.pdf", today=TODAY)
    titles = [t for t, _level, _p in outline(PdfReader(result.path))]
    assert not any(t.startswith("Projet de procès-verbal") for t in titles)
    assert any(t.endswith(", à approuver") for t in titles)


def test_an_annex_found_sound_is_not_decoded_again_and_the_pack_is_the_same(
    store, council, tmp_path, monkeypatch
):
    """The check of an annex (every reference followed, every content stream decoded) is
    remembered by the SHA-256 of its bytes: a pack made again decodes no single content stream
    of those annexes, and its pages are drawn from the same bytes."""
    from pypdf.generic import StreamObject

    from ess_desk.documents.pack import annex_pages

    monkeypatch.setattr(annex_pages, "_SOUND", {})
    decoded: list[int] = []
    real = StreamObject.get_data

    def counted(self):
        decoded.append(1)
        return real(self)

    monkeypatch.setattr(StreamObject, "get_data", counted)
    first = pack.build(store.db, council["second"], tmp_path / "a.pdf", today=TODAY)
    assert len(decoded) >= sum(council["annex_pages"])  # the first time, each page is decoded
    decoded.clear()
    monkeypatch.setattr(annex_pages, "_reach_everything", None)  # not followed again either
    again = pack.build(store.db, council["second"], tmp_path / "b.pdf", today=TODAY)
    assert decoded == []
    assert again.pages == first.pages
    one, two = PdfReader(first.path), PdfReader(again.path)
    for page in range(first.pages - sum(council["annex_pages"]), first.pages):
        forms = [
            p["/Resources"]["/XObject"]["/EssAnnex"].get_object()
            for p in (one.pages[page], two.pages[page])
        ]
        assert forms[0].get_data() == forms[1].get_data()
        assert forms[0]["/Matrix"] == forms[1]["/Matrix"]
    assert page_texts(one)[1:] == page_texts(two)[1:]


def test_a_damaged_content_stream_is_refused_at_every_pack(store, council, tmp_path, monkeypatch):
    """A file whose page opens but whose content cannot be decoded is never remembered as sound:
    every pack names it."""
    from pypdf.generic import NameObject, StreamObject

    from ess_desk.documents.pack import annex_pages

    monkeypatch.setattr(annex_pages, "_SOUND", {})
    writer = PdfWriter(clone_from=io.BytesIO(annex_pdf(tmp_path / "abime.pdf", 1, "Abîmé")))
    stream = writer.pages[0]["/Contents"].get_object()
    assert isinstance(stream, StreamObject)
    stream._data = b"{|}~ pas de l'ASCII85 ~>"
    stream[NameObject("/Filter")] = NameObject("/ASCII85Decode")
    out = io.BytesIO()
    writer.write(out)
    put_annex(store, council["second"], "Flux abîmé.pdf", out.getvalue())
    for _time in range(2):
        with pytest.raises(pack.BrokenAnnexesError) as caught:
            pack.build(store.db, council["second"], tmp_path / "d.pdf", today=TODAY)
        assert caught.value.names == ["Flux abîmé.pdf"]
        assert "endommagé" in caught.value.message
