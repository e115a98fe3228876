"""Counted words in the window: Qt's %n plural forms, the French ones from ess_desk_fr.ts (Qt shows
the source text as it is, so French needs its own forms: singular for 0 and 1), the English ones
from ess_desk_en.ts; no "(s)" in any source string or translation of the window."""

from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import ui
from tests.ui.conftest import compiled_catalogue
from ui.qt import QCoreApplication, QTranslator

FOLDER = Path(__file__).resolve().parents[2] / "resources" / "translations"
PLURAL_MARK = re.compile(r"\((?:s|es|x|aux|nt|ies)\)")


def plural_messages(ts: Path) -> dict[tuple[str, str], list[str]]:
    """(Qt context, source) → numerus forms of every live plural message of a catalogue."""
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            if message.get("numerus") != "yes" or translation is None:
                continue
            if translation.get("type") in ("vanished", "obsolete"):
                continue
            key = (context.findtext("name") or "", message.findtext("source") or "")
            found[key] = [form.text or "" for form in translation.iter("numerusform")]
    return found


def test_no_parenthesised_plural_in_the_window():
    """Neither the code's strings nor either catalogue leaves a plural to the reader."""
    texts: list[str] = []
    for ts in (FOLDER / "ess_desk_en.ts", FOLDER / "ess_desk_fr.ts"):
        root = ET.parse(ts).getroot()
        texts += [t.text or "" for t in root.iter("source")]
        texts += ["".join(t.itertext()) for t in root.iter("translation")]
    for path in Path(ui.__file__).parent.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                texts.append(node.value)
    assert sorted({t for t in texts if PLURAL_MARK.search(t)}) == []


def test_every_plural_of_the_window_has_its_french_and_english_forms():
    english = plural_messages(FOLDER / "ess_desk_en.ts")
    french = plural_messages(FOLDER / "ess_desk_fr.ts")
    assert len(english) > 25
    assert set(french) == set(english), "make ts, then fill ess_desk_fr.ts"
    for forms in (*english.values(), *french.values()):
        assert len(forms) == 2 and all(f.strip() for f in forms), forms
    for key, (singular, plural) in french.items():
        # The source is written in the plural: French keeps it and adds the singular.
        assert plural == key[1] and singular != plural, key


def test_every_count_in_the_window_is_a_plural_message():
    """A `%n` outside a plural message is shown with its number but without its forms (« il y a
    1 jours »): lupdate reads the forms of `self.tr(text, "", n)` only, so a count written with
    QCoreApplication.translate (or a call lupdate could not follow) is caught here."""
    root = ET.parse(FOLDER / "ess_desk_en.ts").getroot()
    single = [
        f"{context.findtext('name')}: {message.findtext('source')}"
        for context in root.iter("context")
        for message in context.iter("message")
        if message.get("numerus") != "yes" and re.search(r"%L?n", message.findtext("source") or "")
    ]
    assert single == []


@pytest.fixture(scope="module")
def catalogues(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("plural_qm")
    return {
        lang: compiled_catalogue(FOLDER / f"ess_desk_{lang}.ts", folder) for lang in ("fr", "en")
    }


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("fr", ["En retard de 0 jour", "En retard de 1 jour", "En retard de 2 jours"]),
        ("en", ["0 days overdue", "1 day overdue", "2 days overdue"]),
    ],
)
def test_a_count_reads_right_in_each_language(qapp, catalogues, language, expected):
    translator = QTranslator()
    assert translator.load(str(catalogues[language]))
    qapp.installTranslator(translator)
    try:
        shown = [
            QCoreApplication.translate("ActionsTableModel", "En retard de %n jours", "", n)
            for n in (0, 1, 2)
        ]
    finally:
        qapp.removeTranslator(translator)
    assert shown == expected
