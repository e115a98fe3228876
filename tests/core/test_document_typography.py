"""Every PDF the council hands out, made from the demonstration council and read back as a
proofreader would: no line starting with « : ; ! ? » », no straight apostrophe, no breakable
space before those signs, every font embedded on every page; in French and in English."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from ess_desk import i18n
from ess_desk.cli import main
from ess_desk.demo import fill_demo
from ess_desk.store import open_store
from tests.documents import pdf_lines, typography_problems, unembedded_fonts


def _ids(db_path: Path) -> dict[str, int]:
    store = open_store(db_path)
    try:
        db = store.db

        def first(sql: str) -> int:
            return db.execute(sql).fetchone()[0]

        return {
            "convened": first(
                "SELECT id FROM meetings WHERE status = 'convened' ORDER BY starts_at LIMIT 1"
            ),
            "closed": first(
                "SELECT s.id FROM meetings s JOIN minutes m ON m.meeting_id = s.id "
                "WHERE m.status = 'approved' ORDER BY s.starts_at DESC LIMIT 1"
            ),
            "person": first(
                "SELECT person_id FROM mandates GROUP BY person_id ORDER BY count(*) DESC LIMIT 1"
            ),
        }
    finally:
        store.close()


def _documents(db_path: Path, out: Path) -> dict[str, list[Path]]:
    """Every kind of PDF, through the commands a secretariat runs."""
    ids = _ids(db_path)
    db = ["--db", str(db_path)]
    convened, closed = str(ids["convened"]), str(ids["closed"])
    made: dict[str, list[Path]] = {}

    def run(kind: str, args: list[str], path: Path) -> None:
        assert main(db + args) == 0, kind
        made[kind] = sorted(path.glob("*.pdf")) if path.is_dir() else [path]

    run("minutes", ["export-minutes", closed, "-o", str(out / "pv.pdf")], out / "pv.pdf")
    run(
        "minutes (relevé, public)",
        ["export-minutes", closed, "--public", "--form", "releve", "-o", str(out / "rv.pdf")],
        out / "rv.pdf",
    )
    for variant in ("membre", "animation", "public"):
        path = out / f"dossier-{variant}.pdf"
        run(
            f"pack {variant}",
            ["export-pack", convened, "--variant", variant, "-o", str(path)],
            path,
        )
    run("sign-in sheet", ["attendance-sheet", convened, "-o", str(out / "em.pdf")], out / "em.pdf")
    run("convocations", ["convocations", convened, "-o", str(out / "conv")], out / "conv")
    made["convocations"] = made["convocations"][:3]
    run("actions", ["export-actions", "-o", str(out / "actions.pdf")], out / "actions.pdf")
    run("reminders", ["action-reminders", "-o", str(out / "relances")], out / "relances")
    made["reminders"] = made["reminders"][:3]
    run("decisions", ["export-decisions", "-o", str(out / "dec.pdf")], out / "dec.pdf")
    person = str(ids["person"])
    run(
        "person file",
        ["privacy", "--export", person, "-o", str(out / "rgpd.pdf")],
        out / "rgpd.pdf",
    )
    run("activity report", ["report", "-o", str(out / "rapport.pdf")], out / "rapport.pdf")
    return made


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    store = open_store(path)
    try:
        fill_demo(store, size="small", seed=2026)
    finally:
        store.close()
    return path


@pytest.fixture(scope="module", params=["fr", "en"])
def documents(request, demo_db, tmp_path_factory) -> tuple[str, dict[str, list[Path]]]:
    language = request.param
    out = tmp_path_factory.mktemp(f"documents-{language}")
    i18n.set_language(language)
    try:
        return language, _documents(demo_db, out)
    finally:
        i18n.set_language("fr")


def test_every_document_is_set_as_a_proofreader_expects(documents):
    language, made = documents
    problems = {
        f"{kind}: {path.name}": found
        for kind, paths in made.items()
        for path in paths
        if (found := typography_problems(pdf_lines(path), french=language == "fr"))
    }
    assert not problems


def test_every_font_of_every_page_is_embedded(documents):
    _language, made = documents
    missing = {
        path.name: found
        for paths in made.values()
        for path in paths
        if (found := unembedded_fonts(path))
    }
    assert not missing


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="poppler-utils (.ci/run installs it)")
def test_pdffonts_finds_no_font_left_out(documents):
    _language, made = documents
    for paths in made.values():
        for path in paths:
            listing = subprocess.run(
                ["pdffonts", str(path)], capture_output=True, text=True, check=True
            ).stdout.splitlines()[2:]
            assert listing, path.name
            for line in listing:
                # name type [type2] encoding emb sub uni object generation
                emb = line.split()[-5]
                assert emb == "yes", (path.name, line)
