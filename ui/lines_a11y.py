"""What a screen reader finds in a dashboard card's lines (`ui.lines.LinesWidget`): a list (role
List, named after its card), one item per line (role ListItem, named by its cells as
`LinesWidget.spoken` joins them, its tooltip for description), with their states (focusable,
selectable, focused, selected), their place on the screen, and the focus and selection events
as the keyboard moves. The list's actions: Press opens the current line's record, SetFocus
gives it the keyboard.

PySide6 6.11 has no QAccessibleTableInterface, and an item cannot offer actions of its own (its
`interface_cast` would have to hand Qt a second C++ base of a Python object: it crashes); the
list's Press and the Enter key open a line.

Lifetimes. Qt keeps the interfaces it is given in its cache: the list's is deleted by Qt with
its widget; each item's is registered by this module (`QAccessible.registerAccessibleInterface`)
and deleted through Qt (`deleteAccessibleInterface`) when its line goes (new lines) or when the
widget is destroyed. The Python objects are kept by the list's interface until then, so that
Qt never holds an object Python has freed, and Python never frees one Qt deleted (shiboken
marks it invalid).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import shiboken6

from ui.card_a11y import CardAccessible, PaintedLeaf
from ui.qt import QtCore, QtGui, QtWidgets

if TYPE_CHECKING:
    from ui.lines import LinesWidget

QAccessible = QtGui.QAccessible
_factory_installed = False


def install(widgets: list[QtWidgets.QWidget]) -> None:
    """Install the factory (once), and replace the plain interface Qt may have given a lines
    widget before it (a screen reader asking before the window's first frame was painted)."""
    global _factory_installed
    if not _factory_installed:
        _factory_installed = True
        QAccessible.installFactory(_factory)
    for widget in widgets:
        if not shiboken6.isValid(widget):
            continue
        interface = QAccessible.queryAccessibleInterface(widget)
        if interface is not None and not isinstance(interface, (LinesAccessible, CardAccessible)):
            QAccessible.deleteAccessibleInterface(QAccessible.uniqueId(interface))
            QAccessible.queryAccessibleInterface(widget)


def _factory(key: str, obj: QtCore.QObject) -> QtGui.QAccessibleInterface | None:
    # Asked for every object's class and its ancestors' names: only ours are looked at.
    if key == "LinesWidget":
        from ui.lines import LinesWidget

        if isinstance(obj, LinesWidget):
            return LinesAccessible(obj)
    elif key == "SectionCard" and hasattr(obj, "painted_texts"):
        return CardAccessible(obj)  # a dashboard card, whose texts are painted
    return None


def line_event(widget: LinesWidget, what: str, row: int) -> None:
    """The current line (`focus`) or the selected line (`selection`) changed."""
    kind = QAccessible.Event.Focus if what == "focus" else QAccessible.Event.Selection
    event = QtGui.QAccessibleEvent(widget, kind)
    event.setChild(row)
    send(event)


def send(event: QtGui.QAccessibleEvent) -> None:
    """Hand an event to the screen reader's bridge (tests watch this function)."""
    QAccessible.updateAccessibility(event)


class LinesAccessible(QtWidgets.QAccessibleWidget):
    """The list of a card's lines."""

    def __init__(self, widget: LinesWidget):
        super().__init__(widget, QAccessible.Role.List)
        self._items: list[LineAccessible] = []
        self._ids: list[int] = []
        widget.accessible_interface = self
        # Kept by the connection, not by the widget: when the widget goes, Qt deletes the items
        # it holds before Python lets go of them.
        widget.destroyed.connect(self._forget_items)

    def lines(self) -> LinesWidget:
        return self.widget()  # type: ignore[return-value]

    def lines_changed(self) -> None:
        """New lines: the old items go (a screen reader asks for the new ones)."""
        self._forget_items()
        send(QtGui.QAccessibleEvent(self.widget(), QAccessible.Event.ObjectReorder))

    def _forget_items(self, *_args: object) -> None:
        for ident in self._ids:
            QAccessible.deleteAccessibleInterface(ident)
        self._ids = []
        self._items = []

    def item(self, row: int) -> LineAccessible | None:
        if not 0 <= row < self.lines().line_count():
            return None
        while len(self._items) <= row:
            item = LineAccessible(self, len(self._items))
            self._ids.append(QAccessible.registerAccessibleInterface(item))
            self._items.append(item)
        return self._items[row]

    # -- QAccessibleInterface --------------------------------------------------------------
    def childCount(self) -> int:  # noqa: N802 (Qt's name)
        return self.lines().line_count()

    def child(self, index: int) -> QtGui.QAccessibleInterface | None:
        return self.item(index)

    def indexOfChild(self, child: QtGui.QAccessibleInterface) -> int:  # noqa: N802
        if isinstance(child, LineAccessible) and child.owner is self:
            return child.row
        return -1

    def childAt(self, x: int, y: int) -> QtGui.QAccessibleInterface | None:  # noqa: N802
        widget = self.lines()
        point = widget.mapFromGlobal(QtCore.QPoint(x, y))
        if not widget.rect().contains(point):
            return None
        return self.item(widget.row_at(point.y()))

    def focusChild(self) -> QtGui.QAccessibleInterface | None:  # noqa: N802 (Qt's name)
        widget = self.lines()
        if widget.hasFocus():
            return self.item(widget.current_row())
        return None

    def actionNames(self) -> list[str]:  # noqa: N802 (Qt's name)
        return [
            QtGui.QAccessibleActionInterface.pressAction(),
            QtGui.QAccessibleActionInterface.setFocusAction(),
        ]

    def doAction(self, name: str) -> None:  # noqa: N802 (Qt's name)
        widget = self.lines()
        if name == QtGui.QAccessibleActionInterface.pressAction():
            widget.open_row(widget.current_row())
        elif name == QtGui.QAccessibleActionInterface.setFocusAction():
            widget.setFocus(QtCore.Qt.FocusReason.OtherFocusReason)

    def keyBindingsForAction(self, name: str) -> list[str]:  # noqa: N802 (Qt's name)
        if name == QtGui.QAccessibleActionInterface.pressAction():
            return ["Return"]
        return []


class LineAccessible(PaintedLeaf):
    """One line of a card, read from its widget each time it is asked."""

    owner: LinesAccessible

    def __init__(self, owner: LinesAccessible, row: int):
        super().__init__(owner)
        self.row = row

    def _widget(self) -> LinesWidget | None:
        if not shiboken6.isValid(self.owner):
            return None
        widget = self.owner.lines()
        if widget is None or not shiboken6.isValid(widget) or self.row >= widget.line_count():
            return None
        return widget

    def isValid(self) -> bool:  # noqa: N802 (Qt's name)
        return self._widget() is not None

    def role(self) -> QAccessible.Role:
        return QAccessible.Role.ListItem

    def text(self, kind: QAccessible.Text) -> str:
        widget = self._widget()
        if widget is None:
            return ""
        if kind == QAccessible.Text.Name:
            return widget.spoken(self.row)
        if kind == QAccessible.Text.Description:
            return widget.line(self.row).tooltip
        return ""

    def rect(self) -> QtCore.QRect:
        widget = self._widget()
        if widget is None:
            return QtCore.QRect()
        rect = widget.row_rect(self.row)
        return QtCore.QRect(widget.mapToGlobal(rect.topLeft()), rect.size())

    def state(self) -> QAccessible.State:
        state = QAccessible.State()
        widget = self._widget()
        if widget is None:
            state.invalid = True
            return state
        state.focusable = True
        state.selectable = True
        if not widget.isVisible():
            state.invisible = True
        if widget.hasFocus() and widget.current_row() == self.row:
            state.focused = True
        if widget.selected_row() == self.row:
            state.selected = True
        return state
