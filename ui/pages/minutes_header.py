"""The header of the minutes in their tab: what comes from the meeting's record (chair, place,
opening, members present and represented, quorum), read-only, and the two fields typed here
(secretary of the meeting, closing time), each saved when it is left."""

from __future__ import annotations

import html

from ess_desk.errors import UserError
from ess_desk.minutes import minutes as mn
from ess_desk.minutes import record as rec
from ess_desk.store import Store
from ui import a11y, palette
from ui.dialogs.common import FieldErrors, error_label
from ui.qt import Qt, QtWidgets, Signal


def set_quietly(field: QtWidgets.QLineEdit, value: str) -> None:
    """Show `value` in `field` without it reporting a change (nothing is saved)."""
    if field.text() != value:
        field.blockSignals(True)
        field.setText(value)
        field.blockSignals(False)


class MinutesHeader(QtWidgets.QWidget):
    """`MinutesHeader(store, meeting_id)`: the record line and the secretary and closing time.
    `saved(Minutes)` once a field is written (the minutes as they are now); a refused value is
    shown beside its field."""

    saved = Signal(object)

    def __init__(self, store: Store, meeting_id: int, parent: QtWidgets.QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.meeting_id = meeting_id
        self.minutes: mn.Minutes | None = None
        self._editable = False
        self.record_line = QtWidgets.QLabel()
        self.record_line.setObjectName("minutes_record_line")
        self.record_line.setWordWrap(True)
        self.record_line.setTextFormat(Qt.TextFormat.RichText)
        self.secretary = QtWidgets.QLineEdit()
        self.secretary.setObjectName("minutes_secretary")
        self.secretary.setPlaceholderText(self.tr("Prénom Nom"))
        self.secretary.setMinimumWidth(150)
        self.closing_time = QtWidgets.QLineEdit()
        self.closing_time.setObjectName("minutes_closing_time")
        self.closing_time.setPlaceholderText(self.tr("hh:mm"))
        self.closing_time.setMaximumWidth(90)
        self.secretary.editingFinished.connect(self._save_secretary)
        self.closing_time.editingFinished.connect(self._save_closing_time)
        self.general_error = error_label()
        self.field_errors = FieldErrors(self.general_error)
        fields = QtWidgets.QGridLayout()
        fields.addWidget(a11y.labelled(self.tr("Secrétaire de séance"), self.secretary), 0, 0)
        fields.addWidget(self.secretary, 0, 1)
        fields.addWidget(a11y.labelled(self.tr("Séance levée à"), self.closing_time), 0, 2)
        fields.addWidget(self.closing_time, 0, 3)
        fields.addWidget(self.field_errors.add("secretary", self.secretary), 1, 1)
        fields.addWidget(self.field_errors.add("closing_time", self.closing_time), 1, 2, 1, 3)
        fields.setColumnStretch(1, 2)
        fields.setColumnStretch(4, 3)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.record_line)
        layout.addLayout(fields)
        layout.addWidget(self.general_error)

    def field(self, name: str) -> QtWidgets.QLineEdit:
        return self.secretary if name == "secretary" else self.closing_time

    def show_minutes(self, minutes: mn.Minutes) -> None:
        """The fields as saved and the record line (frozen once the minutes are approved)."""
        self.minutes = minutes
        set_quietly(self.secretary, minutes.secretary or "")
        set_quietly(self.closing_time, minutes.closing_time or "")
        content = (
            mn.approved_record(self.store.db, minutes)
            if minutes.frozen
            else rec.compose(self.store.db, self.meeting_id, minutes.secretary, None)
        )
        self.record_line.setText(
            " · ".join(self._record_parts(content))
            + f"<br><span style='{palette.text_css(palette.MUTED)}'>"
            + html.escape(
                self.tr(
                    "L'en-tête et la liste des présents viennent de la séance : ils ne se "
                    "retapent pas ici."
                )
            )
            + "</span>"
        )

    def _record_parts(self, content: rec.MinutesRecord) -> list[str]:
        a = content.attendance
        parts = []
        if content.chair:
            parts.append(
                self.tr("Présidence : {names}").format(
                    names=", ".join(html.escape(c.name) for c in content.chair)
                )
            )
        if content.place:
            parts.append(self.tr("Lieu : {place}").format(place=html.escape(content.place)))
        if content.opening_time:
            parts.append(self.tr("Ouverture : {time}").format(time=content.opening_time))
        parts.append(
            self.tr(
                "Membres en exercice : {in_office} · présents : {present} · représentés : "
                "{represented}"
            ).format(
                present=a.present_count, represented=a.represented_count, in_office=a.in_office
            )
        )
        if a.required:
            parts.append(
                self.tr("quorum ({required}) atteint").format(required=a.required)
                if a.reached
                else self.tr("quorum ({required}) non atteint").format(required=a.required)
            )
        return parts

    def set_editable(self, editable: bool) -> None:
        """Typed into only while the minutes are a draft and the file is writable."""
        self._editable = editable
        self.secretary.setReadOnly(not editable)
        self.closing_time.setReadOnly(not editable)

    def save_field(self, name: str) -> None:
        """Write the field `name` if it changed; a refusal is shown beside it."""
        widget = self.field(name)
        if not self._editable or self.minutes is None:
            return
        if widget.text().strip() == (getattr(self.minutes, name) or ""):
            return
        try:
            mn.update(self.store, self.minutes.id, **{name: widget.text()})
        except UserError as error:
            self.field_errors.show(error if error.field else UserError(error.message, field=name))
            return
        self.field_errors.clear()
        self.minutes = mn.get(self.store.db, self.minutes.id)
        set_quietly(widget, getattr(self.minutes, name) or "")
        self.saved.emit(self.minutes)

    def _save_secretary(self) -> None:
        self.save_field("secretary")

    def _save_closing_time(self) -> None:
        self.save_field("closing_time")

    def save(self) -> None:
        """Write both fields (before a submission or an export)."""
        self.save_field("secretary")
        self.save_field("closing_time")
