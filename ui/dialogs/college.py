"""Create or edit a college of a body: its name, its seats, voting or consultative."""

from __future__ import annotations

from typing import Any

from ess_desk.errors import UserError
from ess_desk.membership import bodies
from ess_desk.store import Store
from ui import a11y
from ui.dialogs.common import FieldErrors, finish_dialog
from ui.qt import QtWidgets


class CollegeDialog(QtWidgets.QDialog):
    """`CollegeDialog(store, body_id, college_id=None, parent=None)`; `college_id` once saved."""

    def __init__(
        self,
        store: Store,
        body_id: int,
        college_id: int | None = None,
        parent: QtWidgets.QWidget | None = None,
    ):
        super().__init__(parent)
        self._store = store
        self.body_id = body_id
        self.college_id = college_id
        body = bodies.get_body(store.db, body_id)
        self.setWindowTitle(
            self.tr("Nouveau collège — {body}").format(body=body.name)
            if college_id is None
            else self.tr("Modifier le collège — {body}").format(body=body.name)
        )
        self.errors = FieldErrors()

        self.name = QtWidgets.QLineEdit()
        self.name.setMinimumWidth(300)
        self.limited = QtWidgets.QCheckBox(self.tr("Nombre de sièges limité à"))
        self.seats = QtWidgets.QSpinBox()
        self.seats.setRange(0, 999)
        self.seats.setValue(1)
        a11y.name(self.seats, self.tr("Nombre de sièges"))
        seats_row = QtWidgets.QWidget()
        row = QtWidgets.QHBoxLayout(seats_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.limited)
        row.addWidget(self.seats)
        row.addStretch(1)
        self.limited.toggled.connect(self.seats.setEnabled)

        self.voting = QtWidgets.QRadioButton(self.tr("Délibérative : ses membres votent"))
        self.consultative = QtWidgets.QRadioButton(self.tr("Consultative : sans droit de vote"))
        voice = QtWidgets.QWidget()
        column = QtWidgets.QVBoxLayout(voice)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.voting)
        column.addWidget(self.consultative)

        form = QtWidgets.QFormLayout()
        form.addRow(self.tr("Nom du collège"), self.errors.wrap("name", self.name))
        form.addRow(self.tr("Sièges"), self.errors.wrap("seats", seats_row))
        form.addRow(self.tr("Voix"), self.errors.wrap("voting", voice))

        self.buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Save
            | QtWidgets.QDialogButtonBox.StandardButton.Cancel
        )
        save = self.buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Save)
        save.setText(self.tr("Enregistrer"))
        save.setEnabled(not store.read_only)
        self.buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Cancel).setText(
            self.tr("Annuler")
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.errors.general)
        layout.addWidget(self.buttons)

        college = bodies.get_college(store.db, college_id) if college_id is not None else None
        self.name.setText(college.name if college else "")
        has_limit = college is None or college.seats is not None
        self.limited.setChecked(has_limit)
        self.seats.setEnabled(has_limit)
        if college is not None and college.seats is not None:
            self.seats.setValue(college.seats)
        (self.voting if college is None or college.voting else self.consultative).setChecked(True)
        finish_dialog(self)

    def values(self) -> dict[str, Any]:
        return {
            "name": self.name.text(),
            "seats": self.seats.value() if self.limited.isChecked() else None,
            "voting": self.voting.isChecked(),
        }

    def save(self) -> None:
        self.errors.clear()
        try:
            if self.college_id is None:
                self.college_id = bodies.create_college(self._store, self.body_id, **self.values())
            else:
                bodies.update_college(self._store, self.college_id, **self.values())
        except UserError as error:
            self.errors.show(error)
            return
        self.accept()
