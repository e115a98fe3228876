"""Create, edit or end a mandate: a person on a body, in a college, with a role, between dates."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ess_desk.dates import display
from ess_desk.errors import UserError
from ess_desk.membership import bodies, mandates, people
from ess_desk.membership import roster as roster_core
from ess_desk.membership.vocabulary import ROLES, SEAT_ROLES, label
from ess_desk.store import Store, database
from ui.datefields import DateField, check_fields
from ui.dialogs.common import FieldErrors, finish_dialog
from ui.qt import QCoreApplication, Qt, QtWidgets


def _save_buttons(dialog: QtWidgets.QDialog, writable: bool) -> QtWidgets.QDialogButtonBox:
    buttons = QtWidgets.QDialogButtonBox(
        QtWidgets.QDialogButtonBox.StandardButton.Save
        | QtWidgets.QDialogButtonBox.StandardButton.Cancel
    )
    save = buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Save)
    save.setText(QCoreApplication.translate("Dialogs", "Enregistrer"))
    save.setEnabled(writable)
    buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Cancel).setText(
        QCoreApplication.translate("Dialogs", "Annuler")
    )
    buttons.rejected.connect(dialog.reject)
    return buttons


class MandateDialog(QtWidgets.QDialog):
    """`MandateDialog(store, body_id=None, mandate_id=None, start=None, parent=None)`.

    Saves through `mandates.create` / `mandates.update`; a refusal is shown beside the field the
    core names (the seat overflow beside the college) and nothing is written.
    """

    def __init__(
        self,
        store: Store,
        body_id: int | None = None,
        mandate_id: int | None = None,
        start: dt.date | None = None,
        parent: QtWidgets.QWidget | None = None,
    ):
        super().__init__(parent)
        self._store = store
        self.mandate_id = mandate_id
        self._end_touched = mandate_id is not None
        self._filling = True
        current = mandates.get(store.db, mandate_id) if mandate_id is not None else None
        if current is not None:
            body_id = current.body_id
        self.setWindowTitle(
            self.tr("Nouveau mandat") if current is None else self.tr("Modifier le mandat")
        )
        self.errors = FieldErrors()

        self.person = QtWidgets.QComboBox()
        self.person.setEditable(True)
        self.person.setInsertPolicy(QtWidgets.QComboBox.InsertPolicy.NoInsert)
        self.person.setMinimumWidth(360)
        self.person.lineEdit().setPlaceholderText(self.tr("Tapez un nom pour chercher…"))
        for person_id, text in people.choices(
            self._store.db, current.person_id if current else None
        ):
            self.person.addItem(text, person_id)
        completer = self.person.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QtWidgets.QCompleter.CompletionMode.PopupCompletion)

        self.body = QtWidgets.QComboBox()
        for body in bodies.list_bodies(store.db):
            self.body.addItem(body.name, body.id)
        self.college = QtWidgets.QComboBox()
        self.role = QtWidgets.QComboBox()
        for code in ROLES:
            self.role.addItem(label(ROLES, code), code)
        self.start = DateField(start or dt.date.today())
        self.end = DateField(start or dt.date.today())
        self.no_end = QtWidgets.QCheckBox(self.tr("Sans date de fin"))
        end_row = QtWidgets.QWidget()
        row = QtWidgets.QHBoxLayout(end_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.end)
        row.addWidget(self.no_end)
        row.addStretch(1)
        self.substitute_for = QtWidgets.QComboBox()
        self.substitute_for_label = QtWidgets.QLabel(self.tr("&Suppléant(e) de"))
        self.notes = QtWidgets.QLineEdit()

        form = QtWidgets.QFormLayout()
        form.addRow(self.tr("Personne"), self.errors.wrap("person_id", self.person))
        form.addRow(self.tr("Instance"), self.errors.wrap("body_id", self.body))
        form.addRow(self.tr("Rôle"), self.errors.wrap("role", self.role))
        form.addRow(self.tr("Collège"), self.errors.wrap("college_id", self.college))
        self._substitute_box = self.errors.wrap("substitute_for_id", self.substitute_for)
        form.addRow(self.substitute_for_label, self._substitute_box)
        form.addRow(self.tr("Début"), self.errors.wrap("start_date", self.start))
        form.addRow(self.tr("Fin"), self.errors.wrap("end_date", end_row))
        form.addRow(self.tr("Notes"), self.errors.wrap("notes", self.notes))

        self.buttons = _save_buttons(self, not store.read_only)
        self.buttons.accepted.connect(self.save)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.errors.general)
        layout.addWidget(self.buttons)

        if body_id is not None:
            self.body.setCurrentIndex(max(0, self.body.findData(body_id)))
        if current is not None:
            self.person.setCurrentIndex(max(0, self.person.findData(current.person_id)))
            self.role.setCurrentIndex(max(0, self.role.findData(current.role)))
            self.start.set_value(dt.date.fromisoformat(current.start_date))
            if current.end_date:
                self.end.set_value(dt.date.fromisoformat(current.end_date))
            self.no_end.setChecked(current.end_date is None)
            self.notes.setText(current.notes)
        else:
            self.person.setCurrentIndex(-1)
            self.role.setCurrentIndex(self.role.findData("member"))
        self._fill_colleges(current.college_id if current else None)
        self._fill_substitutes(current.substitute_for_id if current else None)
        self._filling = False
        self._update_default_end()
        self.end.setEnabled(not self.no_end.isChecked())

        self.body.currentIndexChanged.connect(self._body_changed)
        self.role.currentIndexChanged.connect(lambda _i: self._fill_substitutes())
        self.start.value_changed.connect(self._start_changed)
        self.end.value_changed.connect(self._end_edited)
        self.no_end.toggled.connect(self._no_end_toggled)
        finish_dialog(self)

    # -- choices -----------------------------------------------------------------------------
    def _fill_colleges(self, keep: int | None = None) -> None:
        keep = keep if keep is not None else self.college.currentData()
        self.college.clear()
        self.college.addItem(self.tr("— sans collège —"), None)
        body_id = self.body.currentData()
        if body_id is not None:
            for college in bodies.list_colleges(self._store.db, body_id):
                seats = (
                    self.tr("sans limite")
                    if college.seats is None
                    else self.tr("{n} sièges").format(n=college.seats)
                )
                self.college.addItem(f"{college.name} ({seats})", college.id)
        index = self.college.findData(keep) if keep is not None else -1
        self.college.setCurrentIndex(
            index if index >= 0 else (1 if self.college.count() > 1 else 0)
        )

    def _fill_substitutes(self, keep: int | None = None) -> None:
        """The seat holders of the body in force at the start date, for a substitute only."""
        is_substitute = self.role.currentData() == "substitute"
        self.substitute_for_label.setVisible(is_substitute)
        self._substitute_box.setVisible(is_substitute)
        keep = keep if keep is not None else self.substitute_for.currentData()
        self.substitute_for.clear()
        self.substitute_for.addItem(self.tr("— personne : suppléant(e) du collège —"), None)
        body_id = self.body.currentData()
        if not is_substitute or body_id is None:
            return
        at = self.start.value() or dt.date.today()
        for entry in roster_core.roster(self._store.db, body_id, at):
            if entry.role in SEAT_ROLES and entry.mandate_id != self.mandate_id:
                college = f" ({entry.college})" if entry.college else ""
                self.substitute_for.addItem(
                    f"{entry.last_name.upper()} {entry.first_name}{college}", entry.mandate_id
                )
        if keep is not None and self.substitute_for.findData(keep) < 0:
            paired = mandates.get(self._store.db, keep)
            self.substitute_for.addItem(
                self.tr("Mandat n°{id} (du {start})").format(
                    id=paired.id, start=display(paired.start_date)
                ),
                paired.id,
            )
        self.substitute_for.setCurrentIndex(max(0, self.substitute_for.findData(keep)))

    # -- reactions ---------------------------------------------------------------------------
    def _body_changed(self) -> None:
        self._fill_colleges()
        self._fill_substitutes()
        self._update_default_end()

    def _start_changed(self, *_args: object) -> None:
        self._fill_substitutes()
        self._update_default_end()

    def _end_edited(self, *_args: object) -> None:
        if not self._filling:
            self._end_touched = True

    def _no_end_toggled(self, checked: bool) -> None:
        self.end.setEnabled(not checked)
        self._end_touched = True

    def _update_default_end(self) -> None:
        """A new mandate ends after the body's default length, until the user sets the end."""
        body_id, start = self.body.currentData(), self.start.value()
        if self._end_touched or body_id is None or start is None:
            return
        end = mandates.default_end(self._store.db, body_id, start)
        self._filling = True
        self.end.set_value(end)
        self._filling = False

    # -- saving ------------------------------------------------------------------------------
    def _person_id(self) -> int | None:
        text = self.person.currentText().strip()
        index = self.person.findText(text, Qt.MatchFlag.MatchFixedString)
        return self.person.itemData(index) if index >= 0 and text else None

    def values(self) -> dict[str, Any]:
        is_substitute = self.role.currentData() == "substitute"
        return {
            "person_id": self._person_id(),
            "body_id": self.body.currentData(),
            "college_id": self.college.currentData(),
            "role": self.role.currentData(),
            "start_date": self.start.value(),
            "end_date": None if self.no_end.isChecked() else self.end.value(),
            "substitute_for_id": self.substitute_for.currentData() if is_substitute else None,
            "notes": self.notes.text(),
        }

    def save(self) -> None:
        self.errors.clear()
        fields = [self.start] if self.no_end.isChecked() else [self.start, self.end]
        if not check_fields(*fields):
            return
        try:
            if self.mandate_id is None:
                self.mandate_id = mandates.create(self._store, **self.values())
            else:
                mandates.update(self._store, self.mandate_id, **self.values())
        except UserError as error:
            self.errors.show(error)
            return
        self.accept()


class EndMandateDialog(QtWidgets.QDialog):
    """Ask the last day of a mandate and write it with `mandates.end`."""

    def __init__(
        self,
        store: Store,
        mandate_id: int,
        day: dt.date | None = None,
        parent: QtWidgets.QWidget | None = None,
    ):
        super().__init__(parent)
        self._store = store
        self.mandate_id = mandate_id
        mandate = mandates.get(store.db, mandate_id)
        person = database.scalar(
            store.db,
            "SELECT first_name || ' ' || last_name FROM people WHERE id = ?",
            [mandate.person_id],
        )
        self.setWindowTitle(self.tr("Terminer le mandat"))
        self.errors = FieldErrors()
        intro = QtWidgets.QLabel(
            self.tr("Mandat de {person} ({role}), commencé le {start}.").format(
                person=person, role=label(ROLES, mandate.role), start=display(mandate.start_date)
            )
        )
        intro.setWordWrap(True)
        self.end = DateField(day or dt.date.today())
        form = QtWidgets.QFormLayout()
        form.addRow(self.tr("Dernier jour du mandat"), self.errors.wrap("end_date", self.end))
        self.buttons = _save_buttons(self, not store.read_only)
        self.buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Save).setText(
            self.tr("Terminer le mandat")
        )
        self.buttons.accepted.connect(self.save)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.errors.general)
        layout.addWidget(self.buttons)
        finish_dialog(self)

    def save(self) -> None:
        self.errors.clear()
        if not check_fields(self.end):
            return
        try:
            mandates.end(self._store, self.mandate_id, self.end.value())
        except UserError as error:
            if error.field not in ("end_date",):
                error = UserError(error.message, field="end_date")
            self.errors.show(error)
            return
        self.accept()
