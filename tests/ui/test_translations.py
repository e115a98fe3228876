"""The English catalogue: every message translated with its placeholders kept, and the compiled
.qm really turning the window's French into English."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from ess_desk import i18n
from tests.ui.conftest import compiled_catalogue
from ui.main_window import MainWindow
from ui.qt import QTranslator
from ui.settings import AppSettings

TS = Path(__file__).resolve().parents[2] / "resources" / "translations" / "ess_desk_en.ts"
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%n|%L?\d+")
ACCELERATOR = re.compile(r"&(?!&)")


def messages() -> list[tuple[str, str, ET.Element]]:
    """(context, source, <translation>) of every live message (lupdate keeps the ones gone from
    the code as "vanished" or "obsolete": lrelease leaves them out)."""
    found = []
    for context in ET.parse(TS).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None, (name, message.findtext("source"))
            if translation.get("type") in ("vanished", "obsolete"):
                continue
            found.append((name, message.findtext("source") or "", translation))
    return found


def texts(translation: ET.Element) -> list[str]:
    """The translation's text, or each of its plural forms (`%n` messages)."""
    forms = [form.text or "" for form in translation.iter("numerusform")]
    return forms or [translation.text or ""]


def test_every_message_is_translated():
    found = messages()
    assert len(found) > 800
    missing = [
        (context, source)
        for context, source, translation in found
        if translation.get("type") == "unfinished"
        or not all(text.strip() for text in texts(translation))
    ]
    assert missing == []


def test_translations_keep_placeholders_and_accelerators():
    wrong = [
        (context, source, text)
        for context, source, translation in messages()
        for text in texts(translation)
        if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(text))
        or len(ACCELERATOR.findall(source.replace("&&", "")))
        != len(ACCELERATOR.findall(text.replace("&&", "")))
    ]
    assert wrong == []


@pytest.fixture(scope="module")
def qm_file(tmp_path_factory) -> Path:
    """The catalogue compiled afresh (not the one `make translations` wrote)."""
    qm = compiled_catalogue(TS, tmp_path_factory.mktemp("qm"))
    assert qm.stat().st_size > 0
    return qm


@pytest.fixture
def english(qapp, qm_file):
    """The English catalogue installed on the application, as ui.app does for "en"."""
    translator = QTranslator()
    assert translator.load(str(qm_file))
    assert qapp.installTranslator(translator)
    i18n.set_language("en")
    yield translator
    qapp.removeTranslator(translator)
    i18n.set_language("fr")


def test_compiled_catalogue_translates(english):
    assert english.translate("MainWindow", "&Fichier") == "&File"
    assert english.translate("MembersTableModel", "Prénom") == "First name"
    assert english.translate("MainWindow", "Base : {name}") == "Database: {name}"


def make_window(qtbot, store) -> MainWindow:
    window = MainWindow(store, AppSettings())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_main_window_speaks_english(qtbot, store, english):
    window = make_window(qtbot, store)
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["&File", "&Edit", "&View", "&Help"]
    assert window.action_new_person.text() == "New person…"
    assert window.db_label.text() == f"Database: {store.path.name}"
    members = window.show_page("members")
    assert members.search.placeholderText().startswith("Search for a name")
    assert members.new_button.text() == "New person…"


def test_navigation_speaks_english(qtbot, store, english):
    window = make_window(qtbot, store)
    titles = [window.navigation.item(row).text() for row in range(window.navigation.count())]
    assert titles[1] == "Members"  # after the Tableau de bord
    assert "Membres" not in titles


def test_every_window_string_is_where_lupdate_finds_it():
    """lupdate reads `tr("…")` and `translate("Context", "…")` only: a literal passed through a
    wrapper of our own (`_tr("…")`) never reaches the .ts file and stays French in English."""
    import ast

    import ui

    hidden = []
    for path in Path(ui.__file__).parent.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        wrappers = {
            node.name
            for node in ast.walk(tree)
            if isinstance(node, ast.FunctionDef) and node.name not in ("tr", "translate")
            for call in ast.walk(node)
            if isinstance(call, ast.Call)
            and isinstance(call.func, ast.Attribute)
            and call.func.attr == "translate"
            and any(isinstance(a, ast.Name) for a in call.args[1:2])
        }
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in wrappers
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                hidden.append(f"{path.name}:{node.lineno} {node.args[0].value}")
    assert not hidden, "Chaînes invisibles pour lupdate :\n" + "\n".join(hidden)


def test_the_import_preview_speaks_english(qtbot, store, english, tmp_path):
    """The fields under each column, the points to check and the problems, in English."""
    from ess_desk.membership import bodies
    from ui.dialogs.import_preview import ImportPreviewDialog

    bodies.create_body(store, name="Conseil de l'ESS", kind="plenary")
    path = tmp_path / "members.csv"
    path.write_text(
        "Last name;First name;Address;ZIP;Town;Start\nDupré;Hélène;3 rue A;1000;Bourg;2025-01-01\n",
        encoding="utf-8",
    )
    dialog = ImportPreviewDialog(store, path)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not dialog.busy and dialog.plan is not None)
    assert [c.currentText() for c in dialog.table.header.combos[2:5]] == [
        "Address",
        "Postcode",
        "City",
    ]
    message = dialog.problems_model.index(0, 2).data()
    assert message.startswith("To check: Postcode “1000” read as “01000”")
    assert dialog.status.text().startswith("No problems: the file can be imported. One point")
