"""Date, time and date-time fields that read what French offices type (« 21/01/2027 »,
« 21/1/27 », « 18h », « 18 h 30 »: `ess_desk.dates.read_*`), with a calendar popup (the icon in
the field, or Alt+Bas / F4), an error beside the field for what they cannot read (the text typed
stays as typed, never silently changed), and one Tab to leave them (each is a single line edit).

    field = DateField(dt.date.today())          # or DateField(None, optional=True)
    a11y.add_row(form, self.tr("&Échéance"), field, beside=field.error_label)
    ...
    if not check_fields(field, other):          # in accept(): errors shown, focus on the first
        return
    field.value()                               # a dt.date (None when empty and optional)

`value_changed(object)` follows every accepted change (leaving the field, Enter, the calendar).
`set_value()` shows a value without emitting anything.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ess_desk.dates import read_date, read_datetime, read_time
from ess_desk.errors import UserError
from ui import palette
from ui.qt import QDate, Qt, QtCore, QtGui, QtWidgets, Signal


def _calendar_icon(colour: QtGui.QColor) -> QtGui.QIcon:
    """A small calendar drawn at run time: no image file to ship."""
    size = 16
    pixmap = QtGui.QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QtGui.QPainter(pixmap)
    painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
    pen = QtGui.QPen(colour)
    pen.setWidthF(1.4)
    painter.setPen(pen)
    painter.drawRoundedRect(QtCore.QRectF(1.5, 3.5, 13, 11), 1.5, 1.5)
    painter.fillRect(QtCore.QRectF(1.5, 3.5, 13, 3), colour)
    painter.drawLine(QtCore.QPointF(5, 1.5), QtCore.QPointF(5, 5))
    painter.drawLine(QtCore.QPointF(11, 1.5), QtCore.QPointF(11, 5))
    for x in (4.5, 8, 11.5):
        for y in (9, 12):
            painter.fillRect(QtCore.QRectF(x - 1, y - 1, 2, 2), colour)
    painter.end()
    return QtGui.QIcon(pixmap)


class _CalendarPopup(QtWidgets.QFrame):
    """The month calendar under a field; Enter or a click chooses, Escape closes."""

    chosen = Signal(object)

    def __init__(self, parent: QtWidgets.QWidget):
        super().__init__(parent, Qt.WindowType.Popup)
        self.setFrameShape(QtWidgets.QFrame.Shape.StyledPanel)
        self.calendar = QtWidgets.QCalendarWidget(self)
        self.calendar.setObjectName("calendar")
        self.calendar.setAccessibleName(
            QtCore.QCoreApplication.translate("DateField", "Calendrier")
        )
        self.calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.calendar.setGridVisible(True)
        self.calendar.setVerticalHeaderFormat(
            QtWidgets.QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader
        )
        self.calendar.activated.connect(self._choose)
        self.calendar.clicked.connect(self._choose)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.calendar)

    def _choose(self, day: QDate) -> None:
        self.hide()
        self.chosen.emit(dt.date(day.year(), day.month(), day.day()))

    def show_under(self, field: QtWidgets.QWidget, day: dt.date) -> None:
        self.calendar.setSelectedDate(QDate(day.year, day.month, day.day))
        self.adjustSize()
        below = field.mapToGlobal(QtCore.QPoint(0, field.height()))
        screen = field.screen().availableGeometry() if field.screen() else None
        if screen is not None:
            x = min(below.x(), screen.right() - self.width())
            y = (
                below.y()
                if below.y() + self.height() <= screen.bottom()
                else (field.mapToGlobal(QtCore.QPoint(0, 0)).y() - self.height())
            )
            below = QtCore.QPoint(max(screen.left(), x), max(screen.top(), y))
        self.move(below)
        self.show()
        self.calendar.setFocus(Qt.FocusReason.PopupFocusReason)


class TypedField(QtWidgets.QLineEdit):
    """A line edit that reads its text into a value when it is left (or on Enter), shows what
    it could not read beside it, and leaves the text as typed in that case."""

    value_changed = Signal(object)
    WIDTH_SAMPLE = "00/00/0000"

    def __init__(
        self,
        value: Any = None,
        *,
        optional: bool = False,
        parent: QtWidgets.QWidget | None = None,
    ):
        super().__init__(parent)
        self.optional = optional
        self._value: Any = None
        self._error = ""
        self._shown = ""
        self.error_label = QtWidgets.QLabel()
        self.error_label.setObjectName("field_error")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(palette.text_css(palette.ERROR))
        self.error_label.setVisible(False)
        self._normal_palette = self.palette()
        width = self.fontMetrics().horizontalAdvance(self.WIDTH_SAMPLE)
        self.setMinimumWidth(width + 44)
        self.setMaximumWidth(width + 90)
        self.editingFinished.connect(self.check)
        self.set_value(value)

    # -- what subclasses say ----------------------------------------------------------------
    def read(self, text: str) -> Any:
        raise NotImplementedError

    def show_text(self, value: Any) -> str:
        raise NotImplementedError

    # -- value -------------------------------------------------------------------------------
    def value(self) -> Any:
        """The value read (None when empty, or when the text typed could not be read)."""
        return None if self._error else self._value

    def set_value(self, value: Any) -> None:
        self._value = value
        self._shown = self.show_text(value) if value is not None else ""
        self.setText(self._shown)
        self._set_error("")

    def last_read(self) -> Any:
        """The last value read, even while the text now typed cannot be read."""
        return self._value

    def enter(self, value: Any) -> bool:
        """Type `value` into the field as a user would (its reactions follow)."""
        self.setText(self.show_text(value) if value is not None else "")
        return self.check()

    def error(self) -> str:
        return self._error

    def is_valid(self) -> bool:
        return self.check()

    def check(self) -> bool:
        """Read the text now: True when it gives a value (or is empty and optional)."""
        text = self.text().strip()
        if text == self._shown and not self._error:
            return True
        if not text:
            if self.optional:
                self._accept(None)
                return True
            self._set_error(
                QtCore.QCoreApplication.translate("DateField", "Ce champ est à remplir.")
            )
            return False
        try:
            value = self.read(text)
        except UserError as error:
            self._set_error(error.message)
            return False
        self._accept(value)
        return True

    def _accept(self, value: Any) -> None:
        changed = value != self._value
        self._value = value
        self._shown = self.show_text(value) if value is not None else ""
        if self.text() != self._shown:
            self.setText(self._shown)
        self._set_error("")
        if changed:
            self.value_changed.emit(value)

    def _set_error(self, message: str) -> None:
        self._error = message
        self.error_label.setText(message)
        self.error_label.setVisible(bool(message))
        self.setAccessibleDescription(message)
        tinted = palette.fill(palette.FILL_ERROR) if message else None
        if tinted is None:
            self.setPalette(self._normal_palette)
        else:
            shown = QtGui.QPalette(self._normal_palette)
            shown.setColor(QtGui.QPalette.ColorRole.Base, tinted)
            self.setPalette(shown)
        if message:
            from ui import a11y

            a11y.announce(self.error_label, message, assertive=True)

    def show_error(self, message: str) -> None:
        """An error found elsewhere (the core refused the value): shown beside the field."""
        self._set_error(message)


class DateField(TypedField):
    """dd/mm/yyyy; the calendar icon or Alt+Bas / F4 open the month calendar."""

    WIDTH_SAMPLE = "00/00/0000"

    def __init__(
        self,
        value: dt.date | None = None,
        *,
        optional: bool = False,
        parent: QtWidgets.QWidget | None = None,
    ):
        super().__init__(value, optional=optional, parent=parent)
        self.setPlaceholderText(QtCore.QCoreApplication.translate("DateField", "jj/mm/aaaa"))
        self._popup: _CalendarPopup | None = None
        colour = self.palette().color(QtGui.QPalette.ColorRole.Text)
        self.calendar_action = self.addAction(
            _calendar_icon(colour), QtWidgets.QLineEdit.ActionPosition.TrailingPosition
        )
        self.calendar_action.setText(
            QtCore.QCoreApplication.translate("DateField", "Choisir dans le calendrier")
        )
        self.calendar_action.setToolTip(
            QtCore.QCoreApplication.translate(
                "DateField", "Choisir dans le calendrier (Alt+Bas ou F4)"
            )
        )
        self.calendar_action.triggered.connect(self.open_calendar)

    def read(self, text: str) -> dt.date:
        return read_date(text)

    def show_text(self, value: dt.date) -> str:
        return value.strftime("%d/%m/%Y")

    def calendar_day(self) -> dt.date:
        current = self.value()
        if isinstance(current, dt.datetime):
            return current.date()
        return current or dt.date.today()

    def open_calendar(self) -> _CalendarPopup:
        if self._popup is None:
            self._popup = _CalendarPopup(self)
            self._popup.chosen.connect(self._chosen)
        self._popup.show_under(self, self.calendar_day())
        return self._popup

    def _chosen(self, day: dt.date) -> None:
        self.setFocus(Qt.FocusReason.PopupFocusReason)
        self._accept(self.combine(day))

    def combine(self, day: dt.date) -> Any:
        return day

    def keyPressEvent(self, event: QtGui.QKeyEvent) -> None:
        alt_down = (
            event.key() == Qt.Key.Key_Down and event.modifiers() & Qt.KeyboardModifier.AltModifier
        )
        if alt_down or event.key() == Qt.Key.Key_F4:
            self.open_calendar()
            return
        super().keyPressEvent(event)


class DateTimeField(DateField):
    """« 21/01/2027 18:00 » in one field; a date typed alone keeps the hour already shown."""

    WIDTH_SAMPLE = "00/00/0000 00:00"

    def __init__(
        self,
        value: dt.datetime | None = None,
        *,
        optional: bool = False,
        parent: QtWidgets.QWidget | None = None,
    ):
        super().__init__(value, optional=optional, parent=parent)
        self.setPlaceholderText(QtCore.QCoreApplication.translate("DateField", "jj/mm/aaaa hh:mm"))

    def read(self, text: str) -> dt.datetime:
        hour = self._value.time() if isinstance(self._value, dt.datetime) else None
        return read_datetime(text, default_time=hour)

    def show_text(self, value: dt.datetime) -> str:
        return value.strftime("%d/%m/%Y %H:%M")

    def combine(self, day: dt.date) -> dt.datetime:
        hour = self._value.time() if isinstance(self._value, dt.datetime) else dt.time(18, 0)
        return dt.datetime.combine(day, hour)


class TimeField(TypedField):
    """« 18:00 », « 18h », « 18 h 30 »; shown as 18:00."""

    WIDTH_SAMPLE = "00:00"

    def __init__(
        self,
        value: dt.time | None = None,
        *,
        optional: bool = False,
        parent: QtWidgets.QWidget | None = None,
    ):
        super().__init__(value, optional=optional, parent=parent)
        self.setPlaceholderText(QtCore.QCoreApplication.translate("DateField", "hh:mm"))

    def read(self, text: str) -> dt.time:
        return read_time(text)

    def show_text(self, value: dt.time) -> str:
        return value.strftime("%H:%M")


def check_fields(*fields: TypedField) -> bool:
    """Read every field; show each error; put the focus on the first field in error."""
    results = [field.check() for field in fields]
    for field, ok in zip(fields, results, strict=True):
        if not ok:
            field.setFocus(Qt.FocusReason.OtherFocusReason)
            field.selectAll()
            return False
    return True


def boxed(field: TypedField) -> QtWidgets.QWidget:
    """The field with its error label beside it, for a layout that is not a form."""
    box = QtWidgets.QWidget()
    row = QtWidgets.QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(field)
    row.addWidget(field.error_label, 1)
    return box


__all__ = [
    "DateField",
    "DateTimeField",
    "TimeField",
    "TypedField",
    "boxed",
    "check_fields",
]
