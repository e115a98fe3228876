"""What a screen reader finds in a dashboard card (`ui.pages.dashboard.SectionCard`), whose
title, count, subtitle and count of more lines are painted (`ui.card_text`) rather than labels:
the tree the labels gave. The card is what Qt made of the frame (role Border, no name) with the
same children in the same order: the title, the count and the subtitle as static texts (role
StaticText, named by their text, read-only, invisible while hidden), the lines (their list),
the count of more lines, then its widgets (the link, the alert, the empty card's sentence).
A text's change is told as a label told it (NameChanged; ObjectShow, ObjectHide).

Installed with the lines' interfaces (`ui.lines_a11y`: the same factory, after the first
frame); the texts' interfaces are registered with Qt and deleted through it when the card goes,
as the lines' items are (see that module on lifetimes).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import shiboken6

from ui.qt import QtCore, QtGui, QtWidgets

if TYPE_CHECKING:
    from ui.card_text import CardText

QAccessible = QtGui.QAccessible


def _children_widgets(card: QtWidgets.QWidget) -> list[QtWidgets.QWidget]:
    """The child widgets Qt's interface lists (QAccessibleWidget's childWidgets: no window, no
    menu, no focus frame)."""
    out = []
    for child in card.children():
        if (
            isinstance(child, QtWidgets.QWidget)
            and not child.isWindow()
            and not isinstance(child, (QtWidgets.QMenu, QtWidgets.QFocusFrame))
        ):
            out.append(child)
    return out


class CardAccessible(QtWidgets.QAccessibleWidget):
    """A card: its painted texts and its widgets, in the labels' order."""

    def __init__(self, card: Any):
        super().__init__(card, QAccessible.Role.Border)  # the role Qt gives a QFrame
        self._texts: dict[int, TextAccessible] = {}
        self._ids: list[int] = []
        card.accessible_interface = self
        # Kept by the connection, not by the card: when the card goes, Qt deletes the texts'
        # interfaces before Python lets go of them.
        card.destroyed.connect(self._forget)

    def card(self) -> Any:
        return self.widget()

    def _forget(self, *_args: object) -> None:
        for ident in self._ids:
            QAccessible.deleteAccessibleInterface(ident)
        self._ids = []
        self._texts = {}

    def text_interface(self, text: CardText) -> TextAccessible:
        found = self._texts.get(id(text))
        if found is None:
            found = self._texts[id(text)] = TextAccessible(self, text)
            self._ids.append(QAccessible.registerAccessibleInterface(found))
        return found

    def _children(self) -> list[Any]:
        """The title, the count, the subtitle, the lines, the count of more lines (CardTexts and
        the lines widget), then the card's other widgets: the link first, as it was made first."""
        card = self.card()
        title, count, subtitle, more = card.painted_texts()
        link = card.made_link()
        widgets = [w for w in _children_widgets(card) if w is not card.view and w is not link]
        return [title, count, subtitle, card.view, more, *([link] if link else []), *widgets]

    def _interface(self, child: Any) -> QtGui.QAccessibleInterface | None:
        if isinstance(child, QtWidgets.QWidget):
            return QAccessible.queryAccessibleInterface(child)
        return self.text_interface(child)

    # -- QAccessibleInterface --------------------------------------------------------------
    def childCount(self) -> int:  # noqa: N802 (Qt's name)
        return len(self._children())

    def child(self, index: int) -> QtGui.QAccessibleInterface | None:
        children = self._children()
        if not 0 <= index < len(children):
            return None
        return self._interface(children[index])

    def indexOfChild(self, child: QtGui.QAccessibleInterface) -> int:  # noqa: N802
        children = self._children()
        if isinstance(child, TextAccessible):
            return next((n for n, c in enumerate(children) if c is child.text_item), -1)
        target = child.object() if child is not None else None
        return next((n for n, c in enumerate(children) if c is target), -1)

    def childAt(self, x: int, y: int) -> QtGui.QAccessibleInterface | None:  # noqa: N802
        for child in self._children():
            interface = self._interface(child)
            if interface is not None and interface.isValid() and interface.rect().contains(x, y):
                return interface
        return None


def text_event(card: Any, text: CardText, kind: str) -> None:
    """A painted text changed (`name`), showed (`show`) or hid (`hide`), as a label would say."""
    interface = card.accessible_interface
    if interface is None or not shiboken6.isValid(interface):
        return
    event_type = {
        "name": QAccessible.Event.NameChanged,
        "show": QAccessible.Event.ObjectShow,
        "hide": QAccessible.Event.ObjectHide,
    }[kind]
    event = QtGui.QAccessibleEvent(card, event_type)
    event.setChild(interface.indexOfChild(interface.text_interface(text)))
    send(event)


def send(event: QtGui.QAccessibleEvent) -> None:
    """Hand an event to the screen reader's bridge (tests watch this function)."""
    QAccessible.updateAccessibility(event)


class PaintedLeaf(QtGui.QAccessibleInterface):
    """What a painted piece of a widget (a card's text, a line of a card's list) answers a
    screen reader alike: it has no children and no QObject of its own, its text cannot be
    set, and its parent is `owner`, the interface of the widget that paints it."""

    def __init__(self, owner: QtGui.QAccessibleInterface):
        super().__init__()
        self.owner = owner

    def object(self) -> QtCore.QObject | None:
        return None

    def window(self) -> QtGui.QWindow | None:
        return self.owner.window() if shiboken6.isValid(self.owner) else None

    def parent(self) -> QtGui.QAccessibleInterface | None:
        return self.owner if shiboken6.isValid(self.owner) else None

    def child(self, index: int) -> QtGui.QAccessibleInterface | None:
        return None

    def childCount(self) -> int:  # noqa: N802 (Qt's name)
        return 0

    def indexOfChild(self, child: QtGui.QAccessibleInterface) -> int:  # noqa: N802
        return -1

    def childAt(self, x: int, y: int) -> QtGui.QAccessibleInterface | None:  # noqa: N802
        return None

    def focusChild(self) -> QtGui.QAccessibleInterface | None:  # noqa: N802 (Qt's name)
        return None

    def setText(self, kind: QAccessible.Text, text: str) -> None:  # noqa: N802 (Qt's name)
        pass


class TextAccessible(PaintedLeaf):
    """A painted text of a card, as Qt gave a label (QAccessibleDisplay)."""

    owner: CardAccessible

    def __init__(self, owner: CardAccessible, text_item: CardText):
        super().__init__(owner)
        self.text_item = text_item

    def _card(self) -> Any:
        if not shiboken6.isValid(self.owner):
            return None
        card = self.owner.card()
        return card if card is not None and shiboken6.isValid(card) else None

    def isValid(self) -> bool:  # noqa: N802 (Qt's name)
        return self._card() is not None

    def role(self) -> QAccessible.Role:
        return QAccessible.Role.StaticText

    def text(self, kind: QAccessible.Text) -> str:
        if self._card() is not None and kind == QAccessible.Text.Name:
            return self.text_item.text()
        return ""

    def rect(self) -> QtCore.QRect:
        card = self._card()
        if card is None or not self.text_item.isVisible():
            return QtCore.QRect()
        rect = self.text_item.rect()
        return QtCore.QRect(card.mapToGlobal(rect.topLeft()), rect.size())

    def state(self) -> QAccessible.State:
        state = QAccessible.State()
        card = self._card()
        if card is None:
            state.invalid = True
            return state
        if not self.text_item.isVisible():
            state.invisible = True
        if not card.isEnabled():
            state.disabled = True
        state.readOnly = True
        return state
