"""Visible keyboard focus on every kind of control (ui.focus; WCAG 2.4.7, RGAA 10.7): given the
focus from the keyboard, each control changes at least a one-pixel outline of itself by 3:1 of
contrast or more; not after a click, except a field that takes text; the ring's colours hold 3:1
against every background of the window; under the system's colours it takes the system's.
The walk (tests/ui/walk.py, `--focus`, run by tests/ui/test_fit.py at 150 %) holds every control
of every page and dialog to the same rule."""

from __future__ import annotations

import pytest

from tests.ui.walk import indicator_area
from ui import focus, palette
from ui.qt import Qt, QtCore, QtGui, QtWidgets


@pytest.fixture
def rings(qapp):
    installed = focus.install(qapp)
    yield installed
    focus.uninstall()


def controls() -> dict[str, QtWidgets.QWidget]:
    model = QtGui.QStandardItemModel(3, 2)
    for row in range(3):
        for column in range(2):
            model.setItem(row, column, QtGui.QStandardItem(f"case {row}.{column}"))
    table = QtWidgets.QTableView()
    table.setModel(model)
    table.selectRow(0)  # the ring must read on a selected row too
    listing = QtWidgets.QListWidget()
    listing.addItems(["un", "deux"])
    combo = QtWidgets.QComboBox()
    combo.addItems(["un", "deux"])
    tabs = QtWidgets.QTabBar()
    tabs.addTab("Un")
    tabs.addTab("Deux")
    tool = QtWidgets.QToolButton()
    tool.setText("Outil")
    return {
        "line edit": QtWidgets.QLineEdit(),
        "button": QtWidgets.QPushButton("Enregistrer"),
        "check box": QtWidgets.QCheckBox("Les pouvoirs comptent"),
        "radio button": QtWidgets.QRadioButton("Publique"),
        "combo box": combo,
        "spin box": QtWidgets.QSpinBox(),
        "multi-line field": QtWidgets.QPlainTextEdit("texte"),
        "table": table,
        "list": listing,
        "tool button": tool,
        "tab bar": tabs,
    }


@pytest.fixture
def window(qtbot):
    top = QtWidgets.QWidget()
    layout = QtWidgets.QVBoxLayout(top)
    found = controls()
    for widget in found.values():
        widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        layout.addWidget(widget)
    qtbot.addWidget(top)
    top.resize(420, 900)
    top.show()
    qtbot.waitExposed(top)
    return top, found


def area_when_focused(
    top: QtWidgets.QWidget, widget: QtWidgets.QWidget, reason
) -> tuple[int, float]:
    rect = QtCore.QRect(widget.mapTo(top, QtCore.QPoint(0, 0)), widget.size())
    top.setFocus(Qt.FocusReason.OtherFocusReason)
    QtWidgets.QApplication.processEvents()
    before = top.grab(rect).toImage()
    widget.setFocus(reason)
    QtWidgets.QApplication.processEvents()
    after = top.grab(rect).toImage()
    ratio = top.devicePixelRatioF()
    return indicator_area(before, after), 2 * (widget.width() + widget.height()) * ratio * ratio


def test_fusion_alone_hardly_shows_the_focus_of_most_controls(window):
    """The reason for the ring: without it, these controls change no pixel by 3:1."""
    top, found = window
    faint = [
        name
        for name in ("button", "check box", "combo box", "table", "list", "tab bar")
        if area_when_focused(top, found[name], Qt.FocusReason.TabFocusReason)[0] == 0
    ]
    assert len(faint) >= 4, faint


def test_every_kind_of_control_shows_its_keyboard_focus(rings, window):
    top, found = window
    weak = {}
    for name, widget in found.items():
        area, outline = area_when_focused(top, widget, Qt.FocusReason.TabFocusReason)
        assert widget.hasFocus(), name
        if area < outline:
            weak[name] = (area, outline)
    assert weak == {}


def test_a_click_shows_no_ring_but_on_a_field_that_takes_text(rings, window, qtbot):
    top, found = window
    button, edit = found["button"], found["line edit"]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert button.hasFocus()
    assert not rings.ring().painted()
    qtbot.keyClick(button, Qt.Key.Key_Tab)  # the keyboard takes over: the ring shows
    assert not button.hasFocus() and rings.ring().painted()
    qtbot.mouseClick(edit, Qt.MouseButton.LeftButton)
    assert edit.hasFocus() and rings.ring().painted()


def test_the_ring_follows_a_control_that_moves_and_grows(rings, window):
    top, found = window
    edit = found["line edit"]
    edit.setFocus(Qt.FocusReason.TabFocusReason)
    QtWidgets.QApplication.processEvents()
    ring = rings.ring()
    assert ring.parentWidget() is edit and ring.geometry() == edit.rect()
    edit.setMinimumHeight(edit.height() + 30)
    QtWidgets.QApplication.processEvents()
    assert ring.geometry() == edit.rect()


def test_a_spin_box_is_ringed_whole_not_its_inner_line_edit(rings, window):
    top, found = window
    spin = found["spin box"]
    spin.setFocus(Qt.FocusReason.TabFocusReason)
    QtWidgets.QApplication.processEvents()
    assert rings.ring().target is spin


def test_the_ring_colours_hold_3_to_1_on_every_background():
    backgrounds = [palette.WINDOW, palette.BASE, palette.ALTERNATE_BASE, palette.HIGHLIGHT]
    backgrounds += [fill.hex for fill in palette.fills().values()]
    weak = [
        bg
        for bg in backgrounds
        if max(palette.contrast(palette.FOCUS, bg), palette.contrast(palette.FOCUS_INNER, bg))
        < palette.MINIMUM_GRAPHIC_CONTRAST
    ]
    assert weak == []
    assert palette.contrast(palette.FOCUS, palette.FOCUS_INNER) >= palette.MINIMUM_TEXT_CONTRAST


def test_under_system_colours_the_ring_takes_the_system_highlight(qapp):
    edit = QtWidgets.QLineEdit()
    palette.set_system_colours(True)
    try:
        ring, inner = focus.colours(edit)
        system = edit.palette()
        assert ring == system.color(QtGui.QPalette.ColorRole.Highlight)
        assert inner == system.color(QtGui.QPalette.ColorRole.HighlightedText)
    finally:
        palette.set_system_colours(None)
