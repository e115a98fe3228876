"""Record a follow-up entry on an action: its date, status, progress, a comment, and the
meeting at which it was reviewed, if any."""

from __future__ import annotations

import datetime as dt

from ess_desk.actions import actions, updates
from ess_desk.dates import display
from ess_desk.errors import UserError
from ess_desk.meetings import meetings
from ess_desk.store import Store
from ui.datefields import DateField, check_fields
from ui.dialogs.action import progress_spin, status_combo
from ui.dialogs.common import FieldErrors, error_label, finish_dialog
from ui.qt import QtWidgets


class ActionUpdateDialog(QtWidgets.QDialog):
    """`ActionUpdateDialog(store, action_id, meeting_id=None, parent=None)`: saves through
    `updates.record`; a refusal (a date in the future, before the action existed, a meeting not
    yet held) is shown beside its field and nothing is written."""

    def __init__(
        self,
        store: Store,
        action_id: int,
        meeting_id: int | None = None,
        parent: QtWidgets.QWidget | None = None,
        today: dt.date | None = None,
    ):
        super().__init__(parent)
        self._store = store
        self._today = today or dt.date.today()
        self.action_id = action_id
        self.saved_id: int | None = None
        action = actions.get(store.db, action_id)
        self.setWindowTitle(self.tr("Nouveau point de suivi"))
        self.setMinimumWidth(520)

        heading = QtWidgets.QLabel(
            self.tr("<b>{title}</b><br/>n°{id}").format(title=action.title, id=action.id)
        )
        heading.setWordWrap(True)
        self.on_date = DateField(self._today)
        self.status = status_combo()
        self.status.setCurrentIndex(self.status.findData(action.status))
        self.progress = progress_spin()
        self.progress.setValue(action.progress)
        self.comment = QtWidgets.QPlainTextEdit()
        self.comment.setFixedHeight(80)
        self.comment.setPlaceholderText(
            self.tr("Où en est l'action ? Ce qui a été fait, ce qui bloque…")
        )
        self.meeting = QtWidgets.QComboBox()
        self.meeting.addItem(self.tr("— hors séance —"), None)
        for m in reversed(meetings.list_meetings(store.db, body_id=action.body_id)):
            if m.starts_at[:10] <= self._today.isoformat() and m.status not in (
                "cancelled",
                "postponed",
            ):
                self.meeting.addItem(f"{display(m.starts_at[:10])} — {m.title}", m.id)
        self.meeting.setCurrentIndex(max(0, self.meeting.findData(meeting_id)))
        self.meeting.currentIndexChanged.connect(self._meeting_chosen)

        self.general = error_label()
        self.errors = FieldErrors(self.general)
        form = QtWidgets.QFormLayout()
        for text, field, widget in (
            (self.tr("&Date"), "on_date", self.on_date),
            (self.tr("&Revue en séance"), "meeting_id", self.meeting),
            (self.tr("&Statut"), "status", self.status),
            (self.tr("&Avancement"), "progress", self.progress),
            (self.tr("&Commentaire"), "comment", self.comment),
        ):
            form.addRow(text, self.errors.wrap(field, widget))

        buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Save
            | QtWidgets.QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Enregistrer"))
        self.save_button.setEnabled(not store.read_only)
        buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuler"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        main = QtWidgets.QVBoxLayout(self)
        main.addWidget(heading)
        main.addLayout(form)
        main.addWidget(self.general)
        main.addWidget(buttons)
        self._meeting_chosen()
        finish_dialog(self)

    def _meeting_chosen(self) -> None:
        # An entry reviewed at a meeting is dated the meeting's day.
        meeting_id = self.meeting.currentData()
        if meeting_id is not None:
            day = meetings.get(self._store.db, meeting_id).day
            self.on_date.set_value(day)
        self.on_date.setEnabled(meeting_id is None)

    def save(self) -> None:
        if self._store.read_only:
            return
        self.errors.clear()
        if not check_fields(self.on_date):
            return
        try:
            self.saved_id = updates.record(
                self._store,
                self.action_id,
                status=self.status.currentData(),
                progress=self.progress.value(),
                comment=self.comment.toPlainText(),
                on_date=self.on_date.value(),
                meeting_id=self.meeting.currentData(),
                today=self._today,
            )
        except UserError as exc:
            self.errors.show(exc)
            return
        self.accept()
