"""Add an erratum to approved minutes: a dated correction with its reason, never a rewrite."""

from __future__ import annotations

import datetime as dt

from ess_desk.dates import display
from ess_desk.errors import UserError
from ess_desk.minutes import minutes as mn
from ess_desk.store import Store
from ui.datefields import DateField, check_fields
from ui.dialogs.common import FieldErrors, error_label, finish_dialog, save_cancel_buttons
from ui.qt import QtWidgets


class ErratumDialog(QtWidgets.QDialog):
    """`ErratumDialog(store, minutes_id, parent=None)`; `erratum_id` once saved
    (through `minutes.add_erratum`)."""

    def __init__(self, store: Store, minutes_id: int, parent: QtWidgets.QWidget | None = None):
        super().__init__(parent)
        self._store = store
        self.minutes_id = minutes_id
        self.erratum_id: int | None = None
        self.setWindowTitle(self.tr("Ajouter un erratum"))
        self.setMinimumWidth(540)
        minutes = mn.get(store.db, minutes_id)

        intro = QtWidgets.QLabel(
            self.tr(
                "Le procès-verbal approuvé le {day} ne peut plus être réécrit. L'erratum est "
                "daté, garde son motif, et sera imprimé à la suite du procès-verbal."
            ).format(day=display(minutes.approved_on))
        )
        intro.setWordWrap(True)

        # Never before the approval (a meeting dated ahead of the computer's clock, for example).
        day = dt.date.today()
        if minutes.approved_on and minutes.approved_on > day.isoformat():
            day = dt.date.fromisoformat(minutes.approved_on)
        self.recorded_on = DateField(day)
        self.recorded_on.setObjectName("erratum_date")
        self.reason = QtWidgets.QLineEdit()
        self.reason.setObjectName("erratum_reason")
        self.reason.setPlaceholderText(self.tr("Par exemple : erreur sur le nom d'un présent"))
        self.text = QtWidgets.QPlainTextEdit()
        self.text.setObjectName("erratum_text")
        self.text.setTabChangesFocus(True)
        self.text.setPlaceholderText(
            self.tr("Par exemple : Au point 2, lire « Mme Martin » au lieu de « Mme Martine ».")
        )
        self.text.setMinimumHeight(120)

        self.general = error_label()
        self.errors = FieldErrors(self.general)
        form = QtWidgets.QFormLayout()
        form.addRow(self.tr("&Date"), self.errors.wrap("recorded_on", self.recorded_on))
        form.addRow(self.tr("&Motif"), self.reason)
        form.addRow("", self.errors.add("reason", self.reason))
        form.addRow(self.tr("&Correction"), self.text)
        form.addRow("", self.errors.add("text", self.text))

        self.buttons, self.save_button = save_cancel_buttons(
            self, self.tr("Ajouter l'erratum"), self.save, writable=not store.read_only
        )

        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.general)
        layout.addWidget(self.buttons)
        finish_dialog(self)

    def save(self) -> None:
        self.errors.clear()
        if not check_fields(self.recorded_on):
            return
        try:
            self.erratum_id = mn.add_erratum(
                self._store,
                self.minutes_id,
                self.reason.text(),
                self.text.toPlainText(),
                recorded_on=self.recorded_on.value(),
            )
        except UserError as error:
            self.errors.show(error)
            return
        self.accept()
