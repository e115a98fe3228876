"""The reusable window pieces of issue 15: palette contrast, accessibility helpers, the export
flow and the layouts that fit the screen."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.ui.helpers import export_message
from ui import a11y, exporting, fitting, palette
from ui.qt import QSettings, Qt, QtCore, QtWidgets

UI = Path(__file__).resolve().parents[2] / "ui"


# -- palette ----------------------------------------------------------------------------------
def test_contrast_formula_matches_wcag_examples():
    assert palette.contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert palette.contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert palette.contrast("#ffffff", "#ffffff") == pytest.approx(1.0)


def test_every_text_colour_keeps_4_5_to_1_on_every_background_it_meets():
    backgrounds = [palette.WINDOW, palette.BASE, palette.ALTERNATE_BASE]
    backgrounds += [fill.hex for fill in palette.fills().values()]
    failures = [
        f"{name} {ink.hex} on {bg}: {palette.contrast(ink.hex, bg):.2f}"
        for name, ink in palette.inks().items()
        for bg in backgrounds
        if palette.contrast(ink.hex, bg) < palette.MINIMUM_TEXT_CONTRAST
    ]
    failures += [
        f"black on {name} {fill.hex}"
        for name, fill in palette.fills().items()
        if palette.contrast("#000000", fill.hex) < palette.MINIMUM_TEXT_CONTRAST
    ]
    failures += [
        f"{name}: {panel.fg} on {panel.bg}"
        for name, panel in palette.panels().items()
        if palette.contrast(panel.fg, panel.bg) < palette.MINIMUM_TEXT_CONTRAST
    ]
    failures += [
        f"selection {palette.HIGHLIGHTED_TEXT} on {palette.HIGHLIGHT}"
        for _ in [0]
        if palette.contrast(palette.HIGHLIGHTED_TEXT, palette.HIGHLIGHT) < 4.5
    ]
    failures += [
        f"chart {c}"
        for c in palette.CHART
        if palette.contrast(c, palette.BASE) < palette.MINIMUM_GRAPHIC_CONTRAST
    ]
    assert failures == []


def test_no_colour_is_written_outside_the_palette():
    """Pages, dialogs and models take their colours from ui/palette.py (one place to check)."""
    pattern = re.compile(r"#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b(?![0-9a-fA-F])|QColor\(\s*\"")
    found = []
    for path in sorted(UI.rglob("*.py")):
        if path.name == "palette.py":
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if pattern.search(line) and not line.lstrip().startswith("#"):
                found.append(f"{path.relative_to(UI.parent)}:{number}: {line.strip()}")
    assert found == []


def test_system_colours_leave_the_colours_to_the_system(monkeypatch):
    monkeypatch.setenv("ESS_DESK_HIGH_CONTRAST", "1")
    palette.set_system_colours(None)
    try:
        assert palette.system_colours()
        assert palette.color(palette.ERROR) is None
        assert palette.text_css(palette.ERROR, bold=True) == "font-weight: bold;"
        assert "palette(window-text)" in palette.panel_css(palette.GOOD)
    finally:
        monkeypatch.delenv("ESS_DESK_HIGH_CONTRAST")
        palette.set_system_colours(None)
    assert not palette.system_colours()
    assert palette.color(palette.ERROR).name() == palette.ERROR.hex


# -- accessibility helpers --------------------------------------------------------------------
def test_tab_leaves_a_multiline_field_and_ctrl_tab_types_a_tab(qtbot):
    window = QtWidgets.QWidget()
    layout = QtWidgets.QVBoxLayout(window)
    notes = a11y.multiline(QtWidgets.QPlainTextEdit())
    after = QtWidgets.QLineEdit()
    layout.addWidget(notes)
    layout.addWidget(after)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    notes.setFocus()
    qtbot.waitUntil(notes.hasFocus)
    qtbot.keyClicks(notes, "a")
    qtbot.keyClick(notes, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(notes, "b")
    assert notes.toPlainText() == "a\tb"
    qtbot.keyClick(notes, Qt.Key.Key_Tab)
    assert after.hasFocus() and notes.toPlainText() == "a\tb"


def test_finish_ties_labels_to_fields_names_them_and_gives_mnemonics(qtbot):
    dialog = QtWidgets.QDialog()
    qtbot.addWidget(dialog)
    form = QtWidgets.QFormLayout(dialog)
    title, place = QtWidgets.QLineEdit(), QtWidgets.QLineEdit()
    box = QtWidgets.QWidget()  # a field inside a wrapper (with its error label)
    QtWidgets.QVBoxLayout(box).addWidget(place)
    form.addRow("Titre", title)
    form.addRow("Lieu", box)
    form.addRow("Temps", QtWidgets.QLineEdit())
    ok = QtWidgets.QPushButton("&Lire")
    form.addRow(ok)
    a11y.finish(dialog)
    labels = [form.labelForField(w) for w in (title, box)]
    assert labels[0].buddy() is title and labels[1].buddy() is place
    assert a11y.accessible_name(place) == "Lieu"
    texts = [
        form.itemAt(r, QtWidgets.QFormLayout.ItemRole.LabelRole).widget().text() for r in range(3)
    ]
    assert (
        texts == ["&Titre", "Li&eu", "T&emps"]
        or len({t[t.index("&") + 1].lower() for t in texts}) == 3
    )
    letters = [t[t.index("&") + 1].lower() for t in texts]
    assert "l" not in letters  # taken by the button « &Lire »
    assert len(set(letters)) == 3


def test_announce_names_the_widget_and_tells_assistive_technologies(qtbot):
    banner = QtWidgets.QLabel("Quorum atteint")
    qtbot.addWidget(banner)
    with qtbot.waitSignal(a11y.announcer().announced) as said:
        a11y.announce(banner, "Quorum non atteint : 3 / 5 requis")
    assert said.args[1] == "Quorum non atteint : 3 / 5 requis"
    assert banner.accessibleName() == "Quorum non atteint : 3 / 5 requis"


# -- export flow ------------------------------------------------------------------------------
def test_save_dialog_starts_in_documents_then_where_this_kind_was_saved(
    qtbot, tmp_path, monkeypatch
):
    asked: list[str] = []
    answers = [str(tmp_path / "exports" / "pv"), str(tmp_path / "other.pdf")]
    (tmp_path / "exports").mkdir()

    def save(_parent, _title, start, filters):
        asked.append(start)
        return answers.pop(0), filters.split(";;")[0]

    monkeypatch.setattr(QtWidgets.QFileDialog, "getSaveFileName", save)
    first = exporting.ask_save_path(None, "minutes", "PV", "PV : Bureau.pdf", "PDF (*.pdf)")
    assert Path(asked[0]) == exporting.documents_folder() / "PV - Bureau.pdf"
    assert first == tmp_path / "exports" / "pv.pdf"  # the suffix of the filter
    exporting.ask_save_path(None, "minutes", "PV", "PV 2.pdf", "PDF (*.pdf)")
    assert Path(asked[1]) == tmp_path / "exports" / "PV 2.pdf"  # the folder last used
    assert Path(str(QSettings().value("exports/minutes/folder"))) == tmp_path
    assert exporting.last_folder("pack") == exporting.documents_folder()  # each kind its own


def test_export_message_opens_the_file_or_its_folder(qtbot, tmp_path, opened):
    parent = QtWidgets.QWidget()
    qtbot.addWidget(parent)
    path = tmp_path / "rapport.pdf"
    path.write_bytes(b"%PDF-1.4")
    box = exporting.export_done(parent, "Rapport", path, "12 pages")
    assert export_message(parent) is box and box.isVisible()
    assert "rapport.pdf" in box.text() and box.informativeText() == "12 pages"
    box.folder_button.click()
    assert opened == [str(tmp_path)]
    box = exporting.export_done(parent, "Rapport", path)
    box.open_button.click()
    assert opened[-1] == str(path)
    folder_box = exporting.export_done(parent, "Convocations", tmp_path)
    assert folder_box.open_button is None  # a folder: « Ouvrir le dossier » only


def test_a_file_no_program_opens_is_said(qtbot, tmp_path, monkeypatch):
    from ui.qt import QtGui

    monkeypatch.setattr(QtGui.QDesktopServices, "openUrl", lambda _url: False)
    parent = QtWidgets.QWidget()
    qtbot.addWidget(parent)
    assert not exporting.open_path(parent, tmp_path / "x.xyz")
    boxes = [b for b in parent.findChildren(QtWidgets.QMessageBox) if b.isVisible()]
    assert boxes and "Aucun programme" in boxes[-1].text()


# -- fitting ----------------------------------------------------------------------------------
def test_a_tall_dialog_scrolls_within_the_screen_and_keeps_its_buttons(qtbot):
    dialog = QtWidgets.QDialog()
    qtbot.addWidget(dialog)
    layout = QtWidgets.QVBoxLayout(dialog)
    form = QtWidgets.QFormLayout()
    for n in range(80):
        form.addRow(f"Champ {n}", QtWidgets.QLineEdit())
    layout.addLayout(form)
    buttons = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Ok)
    layout.addWidget(buttons)
    scroll = fitting.fit_dialog(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    screen = dialog.screen().availableGeometry()
    assert dialog.frameGeometry().height() <= screen.height()
    assert scroll.verticalScrollBar().maximum() > 0  # the fields scroll
    ok = buttons.buttons()[0]
    assert dialog.rect().contains(QtCore.QRect(ok.mapTo(dialog, QtCore.QPoint()), ok.size()))


def test_action_bar_moves_what_does_not_fit_into_the_more_menu(qtbot):
    bar = fitting.ActionBar()
    qtbot.addWidget(bar)
    clicked: list[str] = []
    buttons = []
    for n in range(6):
        button = QtWidgets.QPushButton(f"Action numéro {n}")
        button.clicked.connect(lambda _c=False, n=n: clicked.append(n))
        buttons.append(bar.add(button))
    bar.resize(2000, 40)
    bar.show()
    qtbot.waitExposed(bar)
    assert bar.more.isHidden() and not bar.overflowed()
    bar.resize(300, 40)
    qtbot.waitUntil(lambda: bool(bar.overflowed()))
    hidden = bar.overflowed()
    assert bar.more.isVisible() and hidden == buttons[len(buttons) - len(hidden) :]
    menu = bar.more.menu()
    menu.aboutToShow.emit()
    actions = menu.actions()
    assert [a.text() for a in actions] == [b.text() for b in hidden]
    buttons[-1].setEnabled(False)
    menu.aboutToShow.emit()
    assert not menu.actions()[-1].isEnabled()
    menu.actions()[0].trigger()
    assert clicked == [buttons.index(hidden[0])]
    bar.set_shown(buttons[-1], False)  # its owner hides it: no longer in the menu
    menu.aboutToShow.emit()
    assert buttons[-1].text() not in [a.text() for a in menu.actions()]


def test_flow_layout_wraps_instead_of_widening(qtbot):
    row = fitting.flow_row(*(QtWidgets.QPushButton(f"Filtre {n}") for n in range(10)))
    qtbot.addWidget(row)
    wide = row.layout().heightForWidth(3000)
    narrow = row.layout().heightForWidth(200)
    assert narrow > 2 * wide
    assert row.minimumSizeHint().width() < 200


def test_a_wrapping_label_keeps_all_its_lines_in_a_squeezed_box(qtbot):
    """A word-wrapped QLabel in a form inside a splitter got its one-line height (its text was
    cut at 1366×768 at 150 %); fitting.WrappingLabel asks the height of all its lines."""
    holder = QtWidgets.QSplitter()
    box = QtWidgets.QWidget()
    form = QtWidgets.QFormLayout(box)
    label = fitting.WrappingLabel("mot " * 40)
    form.addRow("Règle", label)
    holder.addWidget(box)
    qtbot.addWidget(holder)
    holder.resize(260, 60)
    holder.show()
    qtbot.waitExposed(holder)
    qtbot.waitUntil(lambda: label.height() >= label.heightForWidth(label.width()) > 40)
    lines = label.height()
    holder.resize(700, 60)
    qtbot.waitUntil(lambda: label.height() < lines)  # wider: fewer lines, less height


def test_panes_go_one_above_the_other_when_narrow(qtbot):
    row = fitting.SideBySide(below=500)
    first, second = QtWidgets.QLabel("un"), QtWidgets.QLabel("deux")
    row.add(first)
    row.add(second)
    splitter = QtWidgets.QSplitter()
    splitter.addWidget(QtWidgets.QTableView())
    splitter.addWidget(QtWidgets.QTextBrowser())
    fitting.turn_when_narrow(splitter, 500, first_height=120)
    for widget in (row, splitter):
        qtbot.addWidget(widget)
        widget.resize(800, 400)
        widget.show()
    qtbot.waitUntil(lambda: not row.stacked() and first.y() == second.y())
    assert splitter.orientation() == Qt.Orientation.Horizontal
    row.resize(400, 400)
    splitter.resize(400, 400)
    qtbot.waitUntil(lambda: row.stacked() and second.y() > first.y())
    qtbot.waitUntil(lambda: splitter.orientation() == Qt.Orientation.Vertical)
    assert splitter.widget(0).height() >= 120
    splitter.resize(800, 400)
    qtbot.waitUntil(lambda: splitter.orientation() == Qt.Orientation.Horizontal)


def test_a_stack_asks_the_minimum_of_its_current_page_only(qtbot):
    stack = QtWidgets.QStackedWidget()
    small, tall = QtWidgets.QWidget(), QtWidgets.QWidget()
    content = QtWidgets.QWidget()
    content.setMinimumHeight(900)  # a page whose content needs 900 pixels
    QtWidgets.QVBoxLayout(tall).addWidget(content)
    QtWidgets.QVBoxLayout(small).addWidget(QtWidgets.QLabel("petite page"))
    stack.addWidget(small)
    stack.addWidget(tall)
    fitting.size_by_current_page(stack)
    qtbot.addWidget(stack)
    assert stack.minimumSizeHint().height() < 900  # the tall page is not shown
    stack.setCurrentWidget(tall)
    assert stack.minimumSizeHint().height() >= 900
