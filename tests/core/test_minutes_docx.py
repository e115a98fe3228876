"""The Word minutes as an office receives them: A4, French proofing on every style, the style
ids a French Word writes (« Titre 1 »…), « Page n / N » fields, the council as author and the
meeting as title, no trace of python-docx's template; then opened by LibreOffice for real."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from pypdf import PdfReader

from ess_desk import i18n
from ess_desk.exchange import minutes_docx
from tests.core.test_minutes import approved, build_council, draft
from tests.documents import plain, typography_problems

A4_TWIPS = (11906, 16838)


@pytest.fixture
def council(store):
    return build_council(store)


def _twips(length) -> int:
    return round(length.twips) if hasattr(length, "twips") else round(length / 635)


def _langs(doc) -> set[str]:
    styles = doc.styles.element
    found = {e.get(qn("w:val")) for e in styles.iter(qn("w:lang"))}
    missing = [
        s.get(qn("w:styleId"))
        for s in styles.findall(qn("w:style"))
        if s.find(qn("w:rPr")) is None or s.find(qn("w:rPr")).find(qn("w:lang")) is None
    ]
    assert not missing, missing  # every style carries its proofing language
    return found


def test_word_minutes_are_a4_french_and_clean(store, council, tmp_path):
    minutes_id = approved(store, council)
    del minutes_id
    path = minutes_docx.write(store.db, council["first"], tmp_path / "pv.docx")
    doc = Document(path)
    section = doc.sections[0]
    assert (_twips(section.page_width), _twips(section.page_height)) == A4_TWIPS
    assert _langs(doc) == {"fr-FR"}
    props = doc.core_properties
    assert plain(props.author) == "Conseil de l'économie sociale et solidaire"
    assert props.title == "Procès-verbal — Bureau du 10/12/2026"
    assert props.comments == "" and props.created.year >= 2026 and props.language == "fr-FR"
    with zipfile.ZipFile(path) as package:
        names = package.namelist()
        app = package.read("docProps/app.xml").decode()
        core = package.read("docProps/core.xml").decode()
        footer = "".join(package.read(n).decode() for n in names if "footer" in n)
    assert "python-docx" not in core and "2013" not in core
    assert "ESS Desk" in app and "Microsoft" not in app
    assert not any("thumbnail" in n or n.startswith("customXml") for n in names)
    assert re.search(r"instrText[^>]*> PAGE <", footer) and " NUMPAGES " in footer
    headings = {(p.style.style_id, p.style.name) for p in doc.paragraphs if p.style.style_id}
    assert ("Titre1", "Heading 1") in headings and ("Titre2", "Heading 2") in headings
    assert ("Titre", "Title") in headings
    bullets = [p.style.style_id for p in doc.paragraphs if p.style.name == "List Bullet"]
    assert bullets and set(bullets) == {"Listepuces"}
    assert {t.style.style_id for t in doc.tables} == {"Grilledutableau"}


def test_english_minutes_say_so_to_the_spelling_checker(store, council, tmp_path):
    draft(store, council)
    i18n.set_language("en")
    doc = Document(minutes_docx.write(store.db, council["first"], tmp_path / "pv.docx"))
    assert _langs(doc) == {"en-GB"} and doc.core_properties.language == "en-GB"
    assert {p.style.style_id for p in doc.paragraphs} >= {"Heading1", "Heading2"}


def _convert(paths: list[Path], out: Path) -> None:
    profile = out / "profile"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            *map(str, paths),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (.ci/run installs it)")
def test_libreoffice_opens_them_on_a4_with_page_numbers(store, council, tmp_path):
    draft(store, council)
    made = [
        minutes_docx.write(store.db, council["first"], tmp_path / "projet.docx"),
        minutes_docx.write(
            store.db, council["first"], tmp_path / "releve.docx", form="releve", public=True
        ),
    ]
    i18n.set_language("en")
    made.append(minutes_docx.write(store.db, council["first"], tmp_path / "english.docx"))
    i18n.set_language("fr")
    _convert(made, tmp_path)
    for docx in made:
        pdf = docx.with_suffix(".pdf")
        reader = PdfReader(pdf)
        total = len(reader.pages)
        for number, page in enumerate(reader.pages, start=1):
            box = page.mediabox
            assert (round(float(box.width)), round(float(box.height))) == (595, 842)
            text = page.extract_text()
            word = "of" if docx.name == "english.docx" else "/"
            assert f"Page {number} {word} {total}" in plain(" ".join(text.split())), docx.name
        lines = [line for page in reader.pages for line in page.extract_text().splitlines()]
        assert not typography_problems(lines, french=docx.name != "english.docx"), docx.name
        first = plain(" ".join(reader.pages[0].extract_text().split()))
        if docx.name == "projet.docx":
            assert "PROJET — Projet" in first and "Présences" in first
        assert PdfReader(pdf).metadata.title  # the document's title carried over
