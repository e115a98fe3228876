"""The dashboard cards' lines (ui.lines.LinesWidget): what the keyboard, the mouse and a screen
reader get from the painted widget that replaced the cards' item views."""

from __future__ import annotations

import gc

import pytest
import shiboken6

from ui.lines import Line
from ui.qt import Qt, QtCore, QtGui, QtWidgets

QAccessible = QtGui.QAccessible


def lines(n: int = 3) -> list[Line]:
    return [
        Line(
            "action",
            10 + k,
            (f"0{k + 1}/01/2027", f"Action {k + 1}\nMarie Curie · Bureau", f"dans {k + 1} j"),
            tooltip=f"Action n°{10 + k}",
        )
        for k in range(n)
    ]


@pytest.fixture
def card(qtbot):
    """A card between two buttons, shown, its lines filled."""
    from ui.pages.dashboard import SectionCard

    box = QtWidgets.QWidget()
    layout = QtWidgets.QVBoxLayout(box)
    before = QtWidgets.QPushButton("Avant")
    after = QtWidgets.QPushButton("Après")
    card = SectionCard("test", "Actions en retard", 3, 1, "Rien")
    card.set_content(lines(), 3)
    layout.addWidget(before)
    layout.addWidget(card)
    layout.addWidget(after)
    qtbot.addWidget(box)
    box.resize(700, 400)
    box.show()
    qtbot.waitExposed(box)
    box.activateWindow()
    card.before, card.after, card.box = before, after, box
    yield card
    box.close()


def interface(widget):
    from ui import lines

    lines.ensure_accessible()
    return QAccessible.queryAccessibleInterface(widget)


def test_tab_comes_in_on_the_first_line_and_leaves(qtbot, card):
    view = card.view
    card.before.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(card.before, Qt.Key.Key_Tab)
    assert view.hasFocus()
    assert view.current_row() == 0 and view.selected_row() == 0
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert card.after.hasFocus()  # no keyboard trap
    assert view.selected_row() == -1  # only the section being read shows a line
    qtbot.keyClick(card.after, Qt.Key.Key_Backtab)
    assert view.hasFocus() and view.selected_row() == 0  # back on the line it was on


def test_arrows_home_and_end_move_the_current_line(qtbot, card):
    view = card.view
    view.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert (view.current_row(), view.selected_row()) == (1, 1)
    qtbot.keyClick(view, Qt.Key.Key_End)
    assert view.current_row() == 2
    # At the last line the key goes on to the page (which scrolls), as past the view's end.
    event = QtGui.QKeyEvent(
        QtCore.QEvent.Type.KeyPress, Qt.Key.Key_Down, Qt.KeyboardModifier.NoModifier
    )
    event.accept()
    view.keyPressEvent(event)
    assert not event.isAccepted() and view.current_row() == 2
    qtbot.keyClick(view, Qt.Key.Key_Home)
    assert view.current_row() == 0
    qtbot.keyClick(view, Qt.Key.Key_Up)
    assert view.current_row() == 0
    qtbot.keyClick(view, "0")  # type-ahead on the first column (« 02/01/2027 »...)
    qtbot.keyClick(view, "3")
    assert view.current_row() == 2


def test_enter_and_double_click_open_the_line_click_selects(qtbot, card):
    view = card.view
    opened: list[tuple[str, int]] = []
    card.open_requested.connect(lambda kind, ident: opened.append((kind, ident)))
    view.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(view, Qt.Key.Key_Down)
    qtbot.keyClick(view, Qt.Key.Key_Enter)
    assert opened == [("action", 11)]
    centre = view.row_rect(2).center()
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=centre)
    assert view.selected_row() == 2 and opened == [("action", 11)]
    qtbot.mouseDClick(view, Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=centre)
    assert opened[-1] == ("action", 12)
    # Below the last line: nothing opens, the selection stays.
    below = QtCore.QPoint(10, view.height() - 1)
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=below)
    qtbot.mouseDClick(view, Qt.MouseButton.LeftButton, pos=below)
    qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=below)
    assert len(opened) == 2 and view.selected_row() == 2


def test_a_line_shows_its_tooltip(qtbot, card):
    view = card.view
    point = view.row_rect(1).center()
    event = QtGui.QHelpEvent(QtCore.QEvent.Type.ToolTip, point, view.mapToGlobal(point))
    QtWidgets.QApplication.sendEvent(view, event)
    qtbot.waitUntil(lambda: QtWidgets.QToolTip.isVisible())
    assert QtWidgets.QToolTip.text() == "Action n°11"
    QtWidgets.QToolTip.hideText()


def test_a_screen_reader_reads_a_list_of_lines(qtbot, card):
    view = card.view
    iface = interface(view)
    assert iface.role() == QAccessible.Role.List
    assert iface.text(QAccessible.Text.Name) == "Actions en retard"
    assert iface.childCount() == 3
    for row in range(3):
        item = iface.child(row)
        assert item.role() == QAccessible.Role.ListItem
        assert item.isValid() and iface.indexOfChild(item) == row
        assert item.parent() is iface
        state = item.state()
        assert state.focusable and state.selectable and not state.selected
        rect = view.row_rect(row)
        assert item.rect() == QtCore.QRect(view.mapToGlobal(rect.topLeft()), rect.size())
    second = iface.child(1)
    assert second.text(QAccessible.Text.Name) == (
        "02/01/2027, Action 2, Marie Curie · Bureau, dans 2 j"
    )
    assert second.text(QAccessible.Text.Description) == "Action n°11"
    centre = view.mapToGlobal(view.row_rect(1).center())
    assert iface.childAt(centre.x(), centre.y()) is second

    view.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert second.state().focused and second.state().selected
    assert not iface.child(0).state().selected and not iface.child(0).state().focused
    assert iface.focusChild() is second


def test_moving_the_line_tells_the_screen_reader(qtbot, card, monkeypatch):
    from ui import lines_a11y

    view = card.view
    interface(view)
    sent: list[tuple[object, int]] = []

    def spy(event):
        sent.append((event.type(), event.child()))

    monkeypatch.setattr(lines_a11y, "send", spy)
    view.setFocus(Qt.FocusReason.TabFocusReason)
    assert (QAccessible.Event.Focus, 0) in sent
    sent.clear()
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert sent == [(QAccessible.Event.Selection, 1), (QAccessible.Event.Focus, 1)]


def test_the_lists_press_action_opens_the_current_line(qtbot, card):
    view = card.view
    opened: list[int] = []
    view.open_requested.connect(lambda _kind, ident: opened.append(ident))
    iface = interface(view)
    actions = iface.actionInterface()
    press = QtGui.QAccessibleActionInterface.pressAction()
    assert press in actions.actionNames()
    view.set_current_row(2)
    actions.doAction(press)
    assert opened == [12]


def test_new_lines_give_new_items_and_the_old_ones_go(qtbot, card):
    view = card.view
    iface = interface(view)
    old = iface.child(2)
    ident = QAccessible.uniqueId(old)
    assert QAccessible.accessibleInterface(ident) is old
    card.set_content(lines(2), 2)
    assert not shiboken6.isValid(old)  # Qt deleted it: no id left to a line that is gone
    assert iface.childCount() == 2
    assert iface.child(1).text(QAccessible.Text.Name).startswith("02/01/2027, Action 2")
    assert iface.child(2) is None


def test_a_plain_interface_asked_before_the_factory_is_replaced(qtbot, card):
    from ui import lines_a11y

    view = card.view
    ours = interface(view)
    QAccessible.deleteAccessibleInterface(QAccessible.uniqueId(ours))
    plain = QtWidgets.QAccessibleWidget(view)  # what Qt gives a widget with no factory
    QAccessible.registerAccessibleInterface(plain)
    assert QAccessible.queryAccessibleInterface(view).childCount() == 0
    lines_a11y.install([view])
    again = QAccessible.queryAccessibleInterface(view)
    assert isinstance(again, lines_a11y.LinesAccessible) and again.childCount() == 3


def test_the_factory_waits_for_the_first_frame(qtbot):
    """Naming QAccessible costs the start its enumerations: the factory is installed after
    the first paint, whatever asked first."""
    import subprocess
    import sys

    code = (
        "import sys; from ui.qt import QtWidgets, QtCore; app = QtWidgets.QApplication([]);"
        "from ui import lines; box = QtWidgets.QWidget(); l = QtWidgets.QVBoxLayout(box);"
        "l.addWidget(QtWidgets.QPushButton('x')); w = lines.LinesWidget(3, 1); l.addWidget(w);"
        "w.set_lines([lines.Line('action', 1, ('a', 'b', 'c'))]); box.show();"
        "app.processEvents(); painted = not w.visibleRegion().isEmpty();"
        "installed = lines.accessible_installed();"
        "QtCore.QTimer.singleShot(600, app.quit); app.exec();"
        "sys.exit(0 if painted and not installed and lines.accessible_installed() else 3)"
    )
    env = {"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"}
    assert subprocess.run([sys.executable, "-c", code], env=env, timeout=60).returncode == 0


def test_a_widget_destroyed_with_its_items_asked_for_leaves_nothing_behind(qtbot):
    from ui import lines

    widget = lines.LinesWidget(3, 1)
    widget.set_lines(lines_list := lines_of(4))
    iface = interface(widget)
    items = [iface.child(row) for row in range(len(lines_list))]
    ids = [QAccessible.uniqueId(item) for item in items]
    widget.deleteLater()
    QtCore.QCoreApplication.sendPostedEvents(None, QtCore.QEvent.Type.DeferredDelete)
    gc.collect()
    assert not any(shiboken6.isValid(item) for item in items)
    assert all(QAccessible.accessibleInterface(ident) is None for ident in ids)


def lines_of(n: int) -> list[Line]:
    return lines(n)
