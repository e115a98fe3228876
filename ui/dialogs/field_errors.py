"""A core `UserError` shown in red beside the field it names, inside the Instances dialogs."""

from __future__ import annotations

from ess_desk.errors import UserError
from ui.qt import QtWidgets

ERROR_STYLE = "color: #b00020;"


def _error_label() -> QtWidgets.QLabel:
    label = QtWidgets.QLabel()
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.setVisible(False)
    return label


class FieldErrorDisplay:
    """Field names used by the core (`UserError.field`) → the widget and its red label.

    `wrap(field, widget)` returns the widget with its (hidden) error label under it, to place in a
    form; `show(error)` writes the message under the field concerned, or in the general label when
    the error names no field of the form.
    """

    def __init__(self) -> None:
        self.general = _error_label()
        self.general.setObjectName("error_general")
        self._fields: dict[str, tuple[QtWidgets.QWidget, QtWidgets.QLabel]] = {}

    def wrap(self, field: str, widget: QtWidgets.QWidget) -> QtWidgets.QWidget:
        box = QtWidgets.QWidget()
        layout = QtWidgets.QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(widget)
        label = _error_label()
        label.setObjectName(f"error_{field}")
        layout.addWidget(label)
        self._fields[field] = (widget, label)
        return box

    def label(self, field: str) -> QtWidgets.QLabel:
        return self._fields[field][1]

    def clear(self) -> None:
        for _widget, label in self._fields.values():
            label.clear()
            label.setVisible(False)
        self.general.clear()
        self.general.setVisible(False)

    def show(self, error: UserError) -> None:
        self.clear()
        target = self._fields.get(error.field or "")
        if target is None:
            self.general.setText(error.message)
            self.general.setVisible(True)
            return
        widget, label = target
        label.setText(error.message)
        label.setVisible(True)
        widget.setFocus()

    def message(self, field: str) -> str:
        """The message shown under a field ('' when none): what the tests and the eye read."""
        label = self._fields[field][1]
        return label.text() if not label.isHidden() else ""
