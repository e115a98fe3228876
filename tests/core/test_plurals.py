"""No plural is left to the reader: the documents and the command line of a demonstration council,
in French and in English, never print "(s)"; French takes the singular for 0 and 1."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from ess_desk import demo, i18n
from ess_desk.cli import main
from ess_desk.store import open_store

# "(s)", "(es)", "(x)", "(aux)", "(nt)", "(ies)": a count's agreement left to the reader.
PLURAL_MARK = re.compile(r"\((?:s|es|x|aux|nt|ies)\)")


@pytest.fixture(scope="module")
def council(tmp_path_factory) -> tuple[Path, int, int, str]:
    """A small demonstration council: its file, a meeting held with its minutes, the first
    meeting to come, and the held meeting's body."""
    path = tmp_path_factory.mktemp("plurals") / "demo.sqlite"
    with open_store(path, create=True) as store:
        demo.fill_demo(store, "small", seed=2026)
        held = store.db.execute(
            "SELECT m.id FROM meetings m JOIN minutes n ON n.meeting_id = m.id "
            "WHERE n.status = 'approved' ORDER BY m.starts_at DESC LIMIT 1"
        ).fetchone()[0]
        planned = store.db.execute(
            "SELECT id FROM meetings WHERE status IN ('planned', 'convened') "
            "ORDER BY starts_at LIMIT 1"
        ).fetchone()[0]
        body = store.db.execute(
            "SELECT b.name FROM bodies b JOIN meetings m ON m.body_id = b.id WHERE m.id = ?", [held]
        ).fetchone()[0]
    return path, held, planned, body


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)


def outputs(council, folder: Path, capsys) -> dict[str, str]:
    """What a secretariat reads: command summaries and every kind of PDF of the council."""
    db, held, planned, body = council
    base = ["--db", str(db)]
    texts: dict[str, str] = {}
    commands = {
        "check": ["check"],
        "meetings": ["meetings"],
        "actions": ["actions", "--overdue"],
        "decisions": ["decisions"],
        "quorum": ["quorum", str(held)],
        "privacy": ["privacy", "--review", "--years", "1"],
        "schedule": [
            "schedule",
            "--body",
            body,
            "--rule",
            "FREQ=MONTHLY;BYDAY=2TU",
            "--from",
            "01/01/2030",
            "--until",
            "31/03/2030",
            "--dry-run",
        ],
    }
    for name, argv in commands.items():
        main(base + argv)
        captured = capsys.readouterr()
        texts[name] = captured.out + captured.err
    documents = {
        "report": ["report", "--from", "01/01/2026", "--to", "31/12/2026", "-o"],
        "actions.pdf": ["export-actions", "-o"],
        "decisions.pdf": ["export-decisions", "-o"],
        "minutes": ["export-minutes", str(held), "-o"],
        "pack": ["export-pack", str(planned), "--skip-broken-annexes", "-o"],
    }
    for name, argv in documents.items():
        out = folder / f"{name.split('.')[0]}.pdf"
        assert main(base + argv + [str(out)]) == 0, capsys.readouterr()
        texts[name] = pdf_text(out) + capsys.readouterr().out
    return texts


@pytest.mark.parametrize("language", ["fr", "en"])
def test_no_document_or_command_leaves_a_plural_to_the_reader(council, tmp_path, capsys, language):
    i18n.set_language(language)
    try:
        texts = outputs(council, tmp_path, capsys)
    finally:
        i18n.set_language("fr")
    assert all(texts.values())
    found = {
        name: sorted({line.strip() for line in text.splitlines() if PLURAL_MARK.search(line)})
        for name, text in texts.items()
    }
    assert {name: lines for name, lines in found.items() if lines} == {}


@pytest.mark.parametrize(
    ("language", "counts", "expected"),
    [
        ("fr", (0, 1), "Le collège « Élus » compte 0 siège"),
        ("fr", (1, 2), "Le collège « Élus » compte 1 siège"),
        ("fr", (2, 3), "Le collège « Élus » compte 2 sièges"),
        ("en", (0, 1), "The college “Élus” has 0 seats"),
        ("en", (1, 2), "The college “Élus” has 1 seat:"),
        ("en", (2, 3), "The college “Élus” has 2 seats"),
    ],
)
def test_a_count_agrees_in_each_language(language, counts, expected):
    """French takes the singular for 0 and 1, English for 1 only."""
    import datetime as dt

    from ess_desk.membership import rules
    from ess_desk.membership.bodies import overflow_message

    seats, holders = counts
    i18n.set_language(language)
    try:
        text = overflow_message("Élus", seats, rules.Overflow(dt.date(2026, 1, 5), None, holders))
    finally:
        i18n.set_language("fr")
    assert text.startswith(expected), text
