"""Before submitting the minutes: everything still missing, listed at once (the core's
`minutes.submission_missing`), each with the way to fix it right there: mark the meeting held,
type the secretary or the closing time, create the next meeting. « Soumettre » once nothing is."""

from __future__ import annotations

import datetime as dt

from ess_desk.errors import UserError
from ess_desk.meetings import meetings
from ess_desk.minutes import minutes as mn
from ess_desk.store import Store
from ui import a11y, palette
from ui.datefields import TimeField, check_fields
from ui.dialogs.common import confirm, error_label, finish_dialog
from ui.qt import QtCore, QtWidgets, Signal


class SubmitMinutesDialog(QtWidgets.QDialog):
    """`SubmitMinutesDialog(store, minutes_id, parent)`: `changed` after each fix (the meeting's
    header and tabs follow), `submitted(int)` with the approval item once submitted."""

    changed = Signal()
    submitted = Signal(int)

    def __init__(self, store: Store, minutes_id: int, parent: QtWidgets.QWidget | None = None):
        super().__init__(parent)
        self._store = store
        self.minutes_id = minutes_id
        self.setWindowTitle(self.tr("Soumettre le procès-verbal"))
        self.setMinimumWidth(560)
        intro = QtWidgets.QLabel(
            self.tr(
                "Une fois soumis, le procès-verbal part aux membres : son approbation est "
                "inscrite à l'ordre du jour de la prochaine séance de l'instance ; pour le "
                "modifier ensuite, il faudra revenir au brouillon."
            )
        )
        intro.setWordWrap(True)
        self.summary = QtWidgets.QLabel()
        self.summary.setObjectName("submit_summary")
        self.summary.setWordWrap(True)
        self.rows = QtWidgets.QVBoxLayout()
        self.error = error_label()
        self.buttons = QtWidgets.QDialogButtonBox()
        self.submit_button = self.buttons.addButton(
            self.tr("Soumettre"), QtWidgets.QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(self.tr("Fermer"), QtWidgets.QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.summary)
        layout.addLayout(self.rows)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.fix_buttons: dict[str, QtWidgets.QPushButton] = {}
        self.secretary: QtWidgets.QLineEdit | None = None
        self.closing_time: TimeField | None = None
        self.refresh()
        finish_dialog(self)

    # -- what is missing ----------------------------------------------------------------------
    def missing(self) -> list[mn.Missing]:
        return mn.submission_missing(self._store.db, self.minutes_id)

    def refresh(self) -> None:
        while self.rows.count():
            item = self.rows.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.fix_buttons = {}
        self.secretary = self.closing_time = None
        missing = self.missing()
        for entry in missing:
            self.rows.addWidget(self._row(entry))
        if missing:
            self.summary.setText(
                self.tr("Avant de soumettre, il reste à faire :")
                if len(missing) > 1
                else self.tr("Avant de soumettre, il reste une chose à faire :")
            )
            self.summary.setStyleSheet(palette.text_css(palette.WARNING, bold=True))
        else:
            self.summary.setText(self.tr("Tout est prêt : le procès-verbal peut être soumis."))
            self.summary.setStyleSheet(palette.text_css(palette.SUCCESS, bold=True))
        self.submit_button.setEnabled(not missing and not self._store.read_only)
        self.submit_button.setToolTip(
            "" if not missing else self.tr("Faites d'abord ce qui est listé ci-dessus.")
        )
        self.submit_button.setDefault(not missing)
        a11y.announce(self.summary, self.summary.text())

    def _row(self, entry: mn.Missing) -> QtWidgets.QWidget:
        box = QtWidgets.QFrame()
        box.setFrameShape(QtWidgets.QFrame.Shape.StyledPanel)
        box.setObjectName(f"missing_{entry.code}")
        line = QtWidgets.QVBoxLayout(box)
        text = QtWidgets.QLabel("• " + entry.message)
        text.setWordWrap(True)
        line.addWidget(text)
        fix = QtWidgets.QHBoxLayout()
        if entry.code == "held":
            button = QtWidgets.QPushButton(self.tr("Marquer la séance tenue"))
            button.clicked.connect(self.mark_held)
        elif entry.code == "secretary":
            self.secretary = QtWidgets.QLineEdit()
            self.secretary.setPlaceholderText(self.tr("Prénom Nom"))
            fix.addWidget(a11y.labelled(self.tr("Secrétaire de séance"), self.secretary))
            fix.addWidget(self.secretary, 1)
            button = QtWidgets.QPushButton(self.tr("Enregistrer le/la secrétaire"))
            button.clicked.connect(self.save_secretary)
            self.secretary.returnPressed.connect(self.save_secretary)
        elif entry.code == "closing_time":
            self.closing_time = TimeField(optional=True)
            fix.addWidget(a11y.labelled(self.tr("Séance levée à"), self.closing_time))
            fix.addWidget(self.closing_time)
            fix.addWidget(self.closing_time.error_label, 1)
            button = QtWidgets.QPushButton(self.tr("Enregistrer l'heure"))
            button.clicked.connect(self.save_closing_time)
            self.closing_time.returnPressed.connect(self.save_closing_time)
        else:
            button = QtWidgets.QPushButton(self.tr("Créer la prochaine séance…"))
            button.clicked.connect(self.create_next_meeting)
        button.setAutoDefault(False)
        button.setEnabled(not self._store.read_only)
        self.fix_buttons[entry.code] = button
        fix.addWidget(button)
        if entry.code in ("held", "next_meeting"):
            fix.addStretch(1)
        line.addLayout(fix)
        return box

    # -- the fixes ----------------------------------------------------------------------------
    def _minutes(self) -> mn.Minutes:
        return mn.get(self._store.db, self.minutes_id)

    def _done(self) -> None:
        self.error.setVisible(False)
        self.changed.emit()
        self.refresh()
        # The new rows show at the next turn of the event loop: the focus goes there then.
        QtCore.QTimer.singleShot(0, self, self._focus_next)  # not after the dialog is gone

    def _failed(self, error: UserError) -> None:
        self.error.setText(error.message)
        self.error.setVisible(True)

    def _focus_next(self) -> None:
        """The keyboard goes to the next thing to do (or to « Soumettre »)."""
        for widget in (self.secretary, self.closing_time):
            if widget is not None:
                widget.setFocus()
                return
        buttons = list(self.fix_buttons.values())
        (buttons[0] if buttons else self.submit_button).setFocus()

    @staticmethod
    def clock() -> dt.datetime:
        """Now, for the guard on marking a meeting held (tests give their own)."""
        return dt.datetime.now()

    def mark_held(self) -> None:
        """Marked held once the meeting has begun; the same day, after a confirmation."""
        meeting_id = self._minutes().meeting_id
        try:
            try:
                meetings.set_status(self._store, meeting_id, "held", now=self.clock())
            except meetings.ConfirmationNeeded as question:
                if not confirm(self, self.tr("Marquer tenue"), question.message, self.tr("Tenue")):
                    return
                meetings.set_status(
                    self._store, meeting_id, "held", now=self.clock(), confirmed=True
                )
        except UserError as error:
            self._failed(error)
            return
        self._done()

    def save_secretary(self) -> None:
        if self.secretary is None:
            return
        try:
            mn.update(self._store, self.minutes_id, secretary=self.secretary.text())
        except UserError as error:
            self._failed(error)
            return
        self._done()

    def save_closing_time(self) -> None:
        if self.closing_time is None or not check_fields(self.closing_time):
            return
        try:
            mn.update(self._store, self.minutes_id, closing_time=self.closing_time.value())
        except UserError as error:
            self._failed(error)
            return
        self._done()

    def create_next_meeting(self) -> None:
        from ui.dialogs.meeting import MeetingDialog

        meeting = meetings.get(self._store.db, self._minutes().meeting_id)
        dialog = MeetingDialog(self._store, body_id=meeting.body_id, parent=self)
        if dialog.exec() == QtWidgets.QDialog.DialogCode.Accepted:
            self._done()

    def submit(self) -> None:
        if self.missing() or self._store.read_only:
            self.refresh()
            return
        try:
            item_id = mn.submit(self._store, self.minutes_id)
        except UserError as error:
            self._failed(error)
            self.refresh()
            return
        self.submitted.emit(item_id)
        self.accept()
