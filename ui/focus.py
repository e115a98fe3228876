"""Visible keyboard focus on every control (WCAG 2.4.7, RGAA 10.7): a ring drawn over the
control that has the focus, whatever its kind.

Fusion shows the focus of a line edit or a spin box by a faint change of its border, and
that of a button, a check box, a combo box, a table or a tab bar hardly at all. `install(app)`
(at start) follows the application's focus and draws, over the focused control, a ring of
`palette.FOCUS` two pixels wide inside its edges with a light line within, so that it reads on
any background (a white field, the grey window, a selected row).

The ring shows as the browsers' `:focus-visible` does: on fields that take typed text always,
on the other controls unless a click gave them the focus. `tests/ui/test_focus.py` and the walk (tests/ui/walk.py, rule
« focus », at 150 %) measure it on every control: the pixels it changes, at least 3:1 against
what was there, cover at least a one-pixel outline of the control.
"""

from __future__ import annotations

from typing import cast

import shiboken6

from ui import palette
from ui.qt import QObject, Qt, QtCore, QtGui, QtWidgets

RING_WIDTH = 2  # logical pixels, inside the control's edges
# Named by their Qt class: naming them to PySide would make four classes and their enumerations
# at start, for a check that only a click asks for.
TEXT_FIELDS = ("QLineEdit", "QAbstractSpinBox", "QPlainTextEdit", "QTextEdit")


def takes_text(widget: QtWidgets.QWidget) -> bool:
    """A field that takes typed text shows its focus even after a click (its caret is there)."""
    if widget.inherits("QComboBox"):
        return cast(QtWidgets.QComboBox, widget).isEditable()
    return (
        any(widget.inherits(name) for name in TEXT_FIELDS)
        and not getattr(widget, "isReadOnly", bool)()
    )


class FocusRing(QtWidgets.QWidget):
    """The ring, a child of the control it marks, over its whole area; mouse clicks go through."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("qt_focus_ring")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.target: QtWidgets.QWidget | None = None
        self.by_mouse = False

    def follow(self, target: QtWidgets.QWidget | None, *, by_mouse: bool = False) -> None:
        self.by_mouse = by_mouse
        if self.target is not None and self.target is not target and shiboken6.isValid(self.target):
            self.target.removeEventFilter(self)
        self.target = target
        if target is None:
            self.hide()
            self.setParent(None)
            return
        if self.parentWidget() is not target:
            self.setParent(target)
            target.installEventFilter(self)
        self.setGeometry(target.rect())
        self.raise_()
        self.show()
        self.update()

    def eventFilter(self, watched: QObject, event: QtCore.QEvent) -> bool:  # noqa: N802
        if watched is self.target and event.type() == QtCore.QEvent.Type.Resize:
            self.setGeometry(self.target.rect())
        elif watched is self.target and event.type() == QtCore.QEvent.Type.ChildAdded:
            QtCore.QTimer.singleShot(0, self, self.raise_)  # dropped if the ring is gone
        return False

    def painted(self) -> bool:
        """The ring is drawn (not after a click on a control that takes no text)."""
        target = self.target
        return (
            target is not None
            and self.isVisible()
            and not (self.by_mouse and not takes_text(target))
        )

    def paintEvent(self, _event: QtGui.QPaintEvent) -> None:  # noqa: N802
        target = self.target
        if target is None or not self.painted():
            return
        ring, inner = colours(target)
        painter = QtGui.QPainter(self)
        outer = QtCore.QRectF(area(target))
        width = float(RING_WIDTH)
        pen = QtGui.QPen(ring, width)
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        painter.setPen(pen)
        painter.drawRect(outer.adjusted(width / 2, width / 2, -width / 2, -width / 2))
        pen = QtGui.QPen(inner, 1.0)
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        painter.setPen(pen)
        painter.drawRect(outer.adjusted(width + 0.5, width + 0.5, -width - 0.5, -width - 0.5))
        painter.end()


def area(target: QtWidgets.QWidget) -> QtCore.QRect:
    """Where the ring goes within the control: a tab bar's current tab, else the whole."""
    # Asked by Qt's class name: naming QTabBar in Python makes PySide build its enumerations,
    # at the window's first frame, which has no tab bar.
    if target.inherits("QTabBar"):
        bar = cast(QtWidgets.QTabBar, target)
        if bar.currentIndex() >= 0:
            return bar.tabRect(bar.currentIndex())
    return target.rect()


def colours(widget: QtWidgets.QWidget) -> tuple[QtGui.QColor, QtGui.QColor]:
    """The ring's colour and its inner line's: the palette's, or the system's under high
    contrast (its highlight, with the highlighted text within)."""
    own = palette.color(palette.FOCUS)
    system = widget.palette()
    ring = own if own is not None else system.color(QtGui.QPalette.ColorRole.Highlight)
    inner = palette.color(palette.FOCUS_INNER)
    if inner is None:
        inner = system.color(QtGui.QPalette.ColorRole.HighlightedText)
    return ring, inner


def ringed(widget: QtWidgets.QWidget) -> QtWidgets.QWidget | None:
    """The control the ring goes round: the focused widget, or the one whose inner line edit
    it is (a spin box's, an editable combo box's, a date field's)."""
    if widget.isWindow() or widget.window().windowType() == Qt.WindowType.Popup:
        return None  # menus and drop-down lists show their current item themselves
    while isinstance(widget, QtWidgets.QLineEdit):
        owner = widget.parentWidget()
        if owner is None or owner.focusProxy() is not widget:
            break
        widget = owner
    return widget


class FocusRings(QObject):
    """Moves the one ring to whichever control takes the focus."""

    def __init__(self, app: QtWidgets.QApplication) -> None:
        super().__init__(app)
        self._ring: FocusRing | None = None
        app.focusChanged.connect(self._moved)

    def remove(self) -> None:
        app = QtWidgets.QApplication.instance()
        if isinstance(app, QtWidgets.QApplication):
            app.focusChanged.disconnect(self._moved)
        if self._ring is not None:
            self._ring.follow(None)
            self._ring.deleteLater()
            self._ring = None
        self.deleteLater()

    def ring(self) -> FocusRing:
        if self._ring is None:
            self._ring = FocusRing()
            self._ring.destroyed.connect(self._lost)
        return self._ring

    def _lost(self) -> None:
        self._ring = None

    def _moved(self, old: QtWidgets.QWidget | None, new: QtWidgets.QWidget | None) -> None:
        if new is None:
            return  # the window lost the activation: the ring stays for its return
        # A click gives the focus with its button down: no ring then (but on a text field).
        by_mouse = QtWidgets.QApplication.mouseButtons() != Qt.MouseButton.NoButton
        self.ring().follow(ringed(new), by_mouse=by_mouse)


_installed: FocusRings | None = None


def install(app: QtWidgets.QApplication) -> FocusRings:
    """Draw the focus ring in this application (once)."""
    global _installed
    if _installed is None:
        _installed = FocusRings(app)
    return _installed


def installed() -> FocusRings:
    if _installed is None:
        raise RuntimeError("ui.focus.install(app) was not called")
    return _installed


def uninstall() -> None:
    """No ring any more (tests)."""
    global _installed
    if _installed is not None:
        _installed.remove()
        _installed = None
