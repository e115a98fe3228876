"""The lines of a dashboard card, painted by one widget (`LinesWidget`).

It stands where a QTreeView stood (no header, no scroll bars, as tall as its rows) and draws the
same pixels: the same columns (the stretched one takes what the others leave; the others as wide
as their widest cell, at least 20 px as the hidden header had them), the same cells (one or two
lines, the second muted, the tone of `Line.tone`), the same selection, focus frame and hover
through the style. An item view brought 12 widgets of its own per card (viewport, scroll bars
and their containers, a hidden header with the same again), a model, a delegate and a selection
model, and their enumerations: ~17 ms of the window's first frame for the eight cards.

Its behaviour is the view's: Tab comes in on the line the keyboard is on (the first, selected)
and Tab leaves; the arrows, Home, End, Page Up and Page Down move the current line (a key that
cannot move it goes on to the page, which scrolls); Enter or Return, or a double-click, asks to
open the line's record (`open_requested(kind, id)`); a click selects; a line's tooltip shows
over it; leaving the widget clears the selection.

Screen readers see a list of lines (role List, one ListItem per line named by its cells, with
its state and place) through `ui.lines_a11y`, installed as an accessibility factory once the
window has painted its first frame (naming QAccessible builds its enumerations, ~2 ms); a
screen reader that asked before that is given the list as soon as it is installed.
"""

from __future__ import annotations

import time
import weakref
from collections.abc import Sequence
from typing import Any

from ess_desk.record import Record
from ui import palette
from ui.qt import Qt, QtCore, QtGui, QtWidgets, Signal

LATE = "late"  # red state: what is past its time
LATE_LINE = "late_line"  # the whole line red: an alarm among lines that are fine
WARNING = "warning"  # amber: what will soon be
MUTED = "muted"  # grey: fine, for the record
NORMAL = ""

TONES = {
    LATE: palette.ERROR,
    LATE_LINE: palette.ERROR,
    WARNING: palette.WARNING,
    MUTED: palette.MUTED,
}
SECOND_LINE = palette.MUTED  # the detail under a cell's first line


class Line(Record):
    """One line of a dashboard section: the record it opens and the cells it shows. A cell may
    hold two lines ("first\\nsecond"): the second is a muted detail. `tone` colours the last line
    of cell `toned` (the state), or the whole line for LATE_LINE."""

    __slots__ = _fields = ("kind", "record_id", "cells", "tone", "tooltip", "toned")
    kind: str  # a kind of `MainWindow.open_record`
    record_id: int
    cells: tuple[str, ...]
    tone: str
    tooltip: str
    toned: int  # the cell whose last line carries the tone (-1: the last cell)

    def __init__(
        self,
        kind: str,
        record_id: int,
        cells: tuple[str, ...],
        tone: str = NORMAL,
        tooltip: str = "",
        toned: int = -1,
    ) -> None:
        self.kind = kind
        self.record_id = record_id
        self.cells = cells
        self.tone = tone
        self.tooltip = tooltip
        self.toned = toned


PADDING = 6  # between a cell's edge and its text, as the delegate had it
MINIMUM_COLUMN = 20  # the hidden header's minimum section size
# A QAbstractScrollArea's size hint when it does not adjust to its contents (Qt's constant):
# the card's layout weighed the view with it.
SIZE_HINT = (256, 192)
# Plain values, taken once: a Python enum combined in each cell's paint costs the first frame.
_LEFT = Qt.AlignmentFlag.AlignLeft.value
_RIGHT = Qt.AlignmentFlag.AlignRight.value
_VCENTER = Qt.AlignmentFlag.AlignVCenter.value
_ELIDE_RIGHT = Qt.TextElideMode.ElideRight
_TEXT = QtGui.QPalette.ColorRole.Text
_HIGHLIGHTED_TEXT = QtGui.QPalette.ColorRole.HighlightedText
_RESTYLED = (QtCore.QEvent.Type.FontChange, QtCore.QEvent.Type.StyleChange)
_TOOLTIP = QtCore.QEvent.Type.ToolTip
_HOVER_MOVE = QtCore.QEvent.Type.HoverMove
_HOVER_ENTER = QtCore.QEvent.Type.HoverEnter
_HOVER_LEAVE = QtCore.QEvent.Type.HoverLeave

# The painted widgets (lines, and the cards that paint their texts) the accessibility factory
# gives an interface of its own.
_widgets: weakref.WeakSet[QtWidgets.QWidget] = weakref.WeakSet()
_accessible = False  # the factory is installed
_scheduled = False  # its installation is on its way


def ensure_accessible() -> None:
    """Install the accessibility factory (once) and give every lines widget its interface."""
    global _accessible
    if _accessible:
        return
    _accessible = True
    from ui import lines_a11y

    lines_a11y.install(list(_widgets))


def accessible_installed() -> bool:
    return _accessible


def register_painted(widget: QtWidgets.QWidget) -> None:
    """A widget that paints what widgets of its own would have shown (a dashboard card's texts):
    the accessibility factory, once installed, gives it its interface (ui.lines_a11y)."""
    _widgets.add(widget)


def schedule_accessible() -> None:
    """At a painted widget's first paint: the factory is installed 300 ms later, after the first
    frame (see the module's docstring)."""
    global _scheduled
    if not _scheduled:
        _scheduled = True
        QtCore.QTimer.singleShot(300, ensure_accessible)


class _Fonts:
    """The widget's font, its bold form and both their metrics, made once per font."""

    def __init__(self, font: QtGui.QFont):
        self.key = font.key()
        self.plain = QtGui.QFont(font)
        self.bold = QtGui.QFont(font)
        self.bold.setBold(True)
        self.plain_metrics = QtGui.QFontMetrics(self.plain)
        self.bold_metrics = QtGui.QFontMetrics(self.bold)
        self.line_height = self.plain_metrics.height()


class _Inks:
    """One paint's text colours, taken once from the palette, and the font and pen the painter
    holds (None: as the row began; the painter is saved before a row's cells, restored after)."""

    __slots__ = ("text", "highlighted_text", "font", "pen")

    def __init__(self, colours: QtGui.QPalette):
        self.text = colours.color(_TEXT)
        self.highlighted_text = colours.color(_HIGHLIGHTED_TEXT)
        self.font: QtGui.QFont | None = None
        self.pen: QtGui.QColor | None = None


class PaintedLines(QtWidgets.QWidget):
    """What `LinesWidget` shows: `columns` cells a line, the last column right-aligned, the
    widget as tall as its lines (`set_lines`), and where each line and cell stands."""

    def __init__(self, columns: int, stretch_column: int, parent: QtWidgets.QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("card_lines")
        self._columns = columns
        self._stretch = stretch_column
        self._right = columns - 1
        self._lines: list[Line] = []
        self._fonts: _Fonts | None = None
        self._widths: list[int] | None = None  # each column's content width, until a change
        self._row_height: int | None = None
        self._current = -1
        self._selected = -1
        self._hover = -1
        self._pressed = -1
        self._search = ""
        self._search_time = 0.0  # time.monotonic() of the last key typed
        self.accessible_interface: Any = None  # ui.lines_a11y.LinesAccessible, once made
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(
            QtWidgets.QSizePolicy.Policy.Expanding, QtWidgets.QSizePolicy.Policy.Expanding
        )
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        # The view's viewport filled itself with the palette's Base.
        self.setBackgroundRole(QtGui.QPalette.ColorRole.Base)
        self.setAutoFillBackground(True)
        self.setAttribute(Qt.WidgetAttribute.WA_Hover)
        self.setFixedHeight(0)
        _widgets.add(self)

    # -- lines -----------------------------------------------------------------------------
    def set_lines(self, lines: Sequence[Line]) -> None:
        self._lines = list(lines)
        self._widths = None
        self._row_height = None
        self._current = -1  # as after a model's reset
        self._selected = -1
        self._hover = -1
        self._pressed = -1
        self._fit_height()
        self.update()
        if self.accessible_interface is not None:
            self.accessible_interface.lines_changed()

    def line_count(self) -> int:
        return len(self._lines)

    def line(self, row: int) -> Line:
        return self._lines[row]

    def text(self, row: int, column: int) -> str:
        """What cell (row, column) shows: one line, or two separated by "\\n"."""
        cells = self._lines[row].cells
        return cells[column] if column < len(cells) else ""

    def tone(self, row: int, column: int) -> tuple[Any, bool] | None:
        """(colour, bold) of the cell's last line (colour None: the system's text colour), or
        None when the cell is not toned."""
        line = self._lines[row]
        toned = line.toned % self._columns
        if line.tone == LATE_LINE or (column == toned and line.tone in TONES):
            colour = palette.color(TONES[line.tone])
            return colour, column == toned and line.tone in (LATE, LATE_LINE)
        return None

    def spoken(self, row: int) -> str:
        """The line as a screen reader says it: its cells' lines, in order, joined by commas."""
        parts = [part for cell in self._lines[row].cells for part in cell.split("\n") if part]
        return ", ".join(parts)

    def current_row(self) -> int:
        """The line the keyboard is on (-1: none)."""
        return self._current

    def selected_row(self) -> int:
        """The selected line (-1: none); one at most."""
        return self._selected

    def hovered_row(self) -> int:
        """The line under the mouse (-1: none)."""
        return self._hover

    # -- geometry --------------------------------------------------------------------------
    def _fonts_now(self) -> _Fonts:
        """The fonts and their metrics; the measures are taken again when the font changed."""
        fonts = self._fonts
        if fonts is None or fonts.key != self.font().key():
            fonts = self._fonts = _Fonts(self.font())
            self._widths = None
            self._row_height = None
        return fonts

    def _width_of(self, column: int) -> int:
        """The width the delegate asked for a column: its cells' widest line in bold, with the
        padding, and at least the header's minimum section."""
        metrics = self._fonts_now().bold_metrics
        widest = 0
        for row in range(len(self._lines)):
            for line in self.text(row, column).split("\n"):
                widest = max(widest, metrics.horizontalAdvance(line))
        return max(MINIMUM_COLUMN, widest + 2 * PADDING + 2) if self._lines else MINIMUM_COLUMN

    def _content_widths(self) -> list[int]:
        """The columns' widths but the stretched one's (0: it takes what the others leave, and
        is not measured, as the header did not measure it)."""
        self._fonts_now()
        widths = self._widths
        if widths is None:
            widths = self._widths = [
                0 if column == self._stretch else self._width_of(column)
                for column in range(self._columns)
            ]
        return widths

    def column_width(self, column: int) -> int:
        """The width a column's cells ask for (the stretched column takes what is left)."""
        if column == self._stretch:
            return self._width_of(column)
        return self._content_widths()[column]

    def row_height(self) -> int:
        """Every line's height: the first line's tallest cell (the view's uniform rows)."""
        fonts = self._fonts_now()
        if self._row_height is None:
            lines = max(
                (self.text(0, column).count("\n") + 1 for column in range(self._columns)),
                default=1,
            )
            self._row_height = fonts.line_height * lines + 10 if self._lines else 0
        return self._row_height

    def columns(self) -> list[tuple[int, int]]:
        """(left, width) of each column in the widget's current width."""
        widths = list(self._content_widths())
        widths[self._stretch] = max(MINIMUM_COLUMN, self.width() - sum(widths))
        out, left = [], 0
        for width in widths:
            out.append((left, width))
            left += width
        return out

    def row_rect(self, row: int) -> QtCore.QRect:
        height = self.row_height()
        return QtCore.QRect(0, row * height, self.width(), height)

    def cell_rect(self, row: int, column: int) -> QtCore.QRect:
        left, width = self.columns()[column]
        height = self.row_height()
        return QtCore.QRect(left, row * height, width, height)

    def row_at(self, y: int) -> int:
        height = self.row_height()
        if y < 0 or not height:
            return -1
        row = y // height
        return row if row < len(self._lines) else -1

    def _fit_height(self) -> None:
        rows = len(self._lines)
        self.setFixedHeight(rows * self.row_height() + 4 if rows else 0)

    def sizeHint(self) -> QtCore.QSize:  # noqa: N802 (Qt's name)
        return QtCore.QSize(*SIZE_HINT)

    def minimumSizeHint(self) -> QtCore.QSize:  # noqa: N802 (Qt's name)
        # The view's was its scroll bars' (68 px in Fusion); a card's title is always wider.
        return QtCore.QSize(0, 0)

    def changeEvent(self, event: QtCore.QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() in _RESTYLED:
            self._fonts = None
            if self._lines:
                self._fit_height()
        super().changeEvent(event)

    # -- paint -----------------------------------------------------------------------------
    def paintEvent(self, event: QtGui.QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        schedule_accessible()  # after the first frame: the accessibility factory
        if not self._lines:
            return
        painter = QtGui.QPainter(self)
        columns = self.columns()
        height = self.row_height()
        fonts = self._fonts_now()
        focused = self.hasFocus()
        group = (
            QtGui.QPalette.ColorGroup.Active
            if focused and self.isActiveWindow()
            else QtGui.QPalette.ColorGroup.Inactive
        )
        if not self.isEnabled():
            group = QtGui.QPalette.ColorGroup.Disabled
        colours = QtGui.QPalette(self.palette())
        colours.setCurrentColorGroup(group)
        inks = _Inks(colours)
        exposed = event.rect()
        for row in range(len(self._lines)):
            top = row * height
            if top > exposed.bottom() or top + height <= exposed.top():
                continue
            selected = row == self._selected
            styled = selected or row == self._hover or (focused and row == self._current)
            if styled:
                from ui import lines_style

                lines_style.paint_row(self, painter, row, top, height, columns, selected)
                selected_text = selected
            else:
                selected_text = False
            # The painter as it was before the row's cells (the style's row, the focus frame).
            painter.save()
            inks.font = inks.pen = None
            for column, (left, width) in enumerate(columns):
                self._draw_cell(
                    painter, fonts, inks, row, column, left, top, width, height, selected_text
                )
            painter.restore()
        if focused and 0 <= self._current < len(self._lines):
            from ui import lines_style

            lines_style.paint_focus(self, painter, self._current * height, height, columns)
        painter.end()

    def _draw_cell(
        self,
        painter: QtGui.QPainter,
        fonts: _Fonts,
        inks: _Inks,
        row: int,
        column: int,
        left: int,
        top: int,
        width: int,
        height: int,
        selected: bool,
    ) -> None:
        """The delegate's text: the first line in the text colour, the second muted; the tone
        on the cell's last line, or on every line of a LATE_LINE line. The font and the pen are
        set only when they change within the row (`inks` remembers what the painter holds)."""
        lines = self.text(row, column).split("\n")
        tone = self.tone(row, column)
        all_toned = self._lines[row].tone == LATE_LINE
        line_height = fonts.line_height
        # The cell less its padding (the delegate's QRect(...).adjusted(PADDING, 2, -PADDING, -2)).
        x = left + PADDING
        text_width = width - 2 * PADDING
        first = top + 2 + (height - 4 - line_height * len(lines)) // 2
        flags = (_RIGHT if column == self._right else _LEFT) | _VCENTER
        for n, line in enumerate(lines):
            last = n == len(lines) - 1
            font, metrics = fonts.plain, fonts.plain_metrics
            if selected:
                colour = inks.highlighted_text
            elif tone is not None and (last or all_toned):
                colour = tone[0] or inks.text
                if last and tone[1]:
                    font, metrics = fonts.bold, fonts.bold_metrics
            elif n > 0:
                colour = palette.color(SECOND_LINE) or inks.text
            else:
                colour = inks.text
            if font is not inks.font:
                painter.setFont(font)
                inks.font = font
            if colour is not inks.pen:
                painter.setPen(colour)
                inks.pen = colour
            elided = metrics.elidedText(line, _ELIDE_RIGHT, text_width)
            painter.drawText(
                QtCore.QRect(x, first + n * line_height, text_width, line_height), flags, elided
            )


class LinesWidget(PaintedLines):
    """`LinesWidget(columns, stretch_column)`: a card's lines, each of `columns` cells, that the
    keyboard, the mouse and a screen reader go through; `open_requested(kind, id)` asks for a
    line's record."""

    open_requested = Signal(str, int)

    # -- current line and selection --------------------------------------------------------
    def set_current_row(self, row: int) -> None:
        """The keyboard on line `row`, selected (what an arrow key does)."""
        if not 0 <= row < len(self._lines):
            return
        changed = row != self._current
        self._current = row
        self.select_row(row)
        if changed:
            self._notify("focus", row)

    def select_row(self, row: int) -> None:
        if row == self._selected:
            return
        self._selected = row if 0 <= row < len(self._lines) else -1
        self.update()
        if self._selected >= 0:
            self._notify("selection", self._selected)

    def clear_selection(self) -> None:
        self.select_row(-1)

    def open_row(self, row: int) -> None:
        if 0 <= row < len(self._lines):
            line = self._lines[row]
            self.open_requested.emit(line.kind, line.record_id)

    def _notify(self, what: str, row: int) -> None:
        """Tell a screen reader that the current (`focus`) or selected line changed."""
        if what == "focus" and not self.hasFocus():
            return
        ensure_accessible()
        from ui import lines_a11y

        lines_a11y.line_event(self, what, row)

    # -- keyboard --------------------------------------------------------------------------
    def keyPressEvent(self, event: QtGui.QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        key = event.key()
        count = len(self._lines)
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.open_row(self._current)
            return
        moves: dict[Any, int] = {
            Qt.Key.Key_Up: self._current - 1,
            Qt.Key.Key_Down: self._current + 1,
            Qt.Key.Key_Home: 0,
            Qt.Key.Key_End: count - 1,
            Qt.Key.Key_PageUp: 0,  # a page is every line: the widget is as tall as they are
            Qt.Key.Key_PageDown: count - 1,
        }
        if key in moves:
            # No current line yet: the view's arrows went to the first line.
            target = 0 if self._current < 0 and key == Qt.Key.Key_Down else moves[key]
            if 0 <= target < count and target != self._current:
                self.set_current_row(target)
                event.accept()
            else:
                event.ignore()  # the page scrolls, as it did past the view's first or last line
            return
        if key in (Qt.Key.Key_Space, Qt.Key.Key_Select) and self._current >= 0:
            self.select_row(self._current)
            return
        text = event.text()
        if (
            text
            and text.isprintable()
            and not event.modifiers()
            & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
        ):
            self._keyboard_search(text)
            return
        super().keyPressEvent(event)

    def _keyboard_search(self, text: str) -> None:
        """The view's type-ahead: the next line whose first cell starts with what was typed."""
        interval = QtWidgets.QApplication.keyboardInputInterval()
        now = time.monotonic()
        if now - self._search_time > interval / 1000:
            self._search = ""
        self._search_time = now
        self._search += text.casefold()
        count = len(self._lines)
        start = self._current if len(self._search) > 1 else self._current + 1
        for step in range(count):
            row = (max(start, 0) + step) % count
            if self.text(row, 0).casefold().startswith(self._search):
                self.set_current_row(row)
                return

    def focusInEvent(self, event: QtGui.QFocusEvent) -> None:  # noqa: N802 (Qt's name)
        # Coming in by Tab, the line the keyboard is on shows at once (a visible focus).
        super().focusInEvent(event)
        if self._lines and self._selected < 0:
            row = self._current if self._current >= 0 else 0
            self._current = row
            self.select_row(row)
        if self._current >= 0:
            self._notify("focus", self._current)
        self.update()

    def focusOutEvent(self, event: QtGui.QFocusEvent) -> None:  # noqa: N802 (Qt's name)
        # Only the section being read shows a selected line.
        if event.reason() != Qt.FocusReason.PopupFocusReason:
            self.clear_selection()
        super().focusOutEvent(event)
        self.update()

    # -- mouse -----------------------------------------------------------------------------
    def mousePressEvent(self, event: QtGui.QMouseEvent) -> None:  # noqa: N802 (Qt's name)
        row = self.row_at(event.position().toPoint().y())
        self._pressed = row
        if row < 0 or event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier and row == self._selected:
            self._current = row
            self.clear_selection()  # a single selection: Ctrl+click takes it away
            return
        self.set_current_row(row)

    def mouseMoveEvent(self, event: QtGui.QMouseEvent) -> None:  # noqa: N802 (Qt's name)
        if event.buttons() & Qt.MouseButton.LeftButton:
            row = self.row_at(event.position().toPoint().y())
            if row >= 0:
                self.set_current_row(row)  # the selection follows a drag, as in the view
        super().mouseMoveEvent(event)

    def mouseDoubleClickEvent(self, event: QtGui.QMouseEvent) -> None:  # noqa: N802
        row = self.row_at(event.position().toPoint().y())
        if row < 0:
            return
        if row != self._pressed:
            self.mousePressEvent(event)
            return
        self.open_row(row)

    def event(self, event: QtCore.QEvent) -> bool:
        # Every event of the widget comes through here (130 before the first frame): compared by
        # identity, the enumeration's members being unique.
        kind = event.type()
        if kind is _TOOLTIP:
            self._tooltip(event)  # type: ignore[arg-type]
            return True
        if kind is _HOVER_MOVE or kind is _HOVER_ENTER:
            position = event.position().toPoint()  # type: ignore[attr-defined]
            self._hover_over(self.row_at(position.y()))
        elif kind is _HOVER_LEAVE:
            self._hover_over(-1)
        return super().event(event)

    def _hover_over(self, row: int) -> None:
        if row != self._hover:
            self._hover = row
            self.update()

    def _tooltip(self, event: QtGui.QHelpEvent) -> None:
        row = self.row_at(event.pos().y())
        text = self._lines[row].tooltip if row >= 0 else ""
        if not text:
            QtWidgets.QToolTip.hideText()
            event.ignore()
            return
        column = next(
            (
                c
                for c, (left, width) in enumerate(self.columns())
                if left <= event.pos().x() < left + width
            ),
            0,
        )
        cell = self.cell_rect(row, column)
        QtWidgets.QToolTip.showText(
            event.globalPos(),
            text,
            self,
            QtCore.QRect(self.mapToGlobal(cell.topLeft()), cell.size()),
        )
