"""The person dialog (create or edit a member) and the small dialog that creates an organisation."""

from __future__ import annotations

from ess_desk.errors import UserError
from ess_desk.membership import organisations, people
from ess_desk.membership.vocabulary import CIVILITIES, ORGANISATION_KINDS, label
from ess_desk.store import Store
from ui.dialogs.common import FieldErrors, error_label, finish_dialog
from ui.qt import QCoreApplication, Qt, QtWidgets


def _buttons(dialog: QtWidgets.QDialog, ok_text: str) -> QtWidgets.QDialogButtonBox:
    buttons = QtWidgets.QDialogButtonBox(
        QtWidgets.QDialogButtonBox.StandardButton.Ok
        | QtWidgets.QDialogButtonBox.StandardButton.Cancel
    )
    buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Cancel).setText(
        QCoreApplication.translate("Dialogs", "Annuler")
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class OrganisationDialog(QtWidgets.QDialog):
    """Create a structure (name, kind, SIRET) without leaving the person dialog."""

    def __init__(self, store: Store, name: str = "", parent: QtWidgets.QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.organisation_id: int | None = None
        self.setWindowTitle(self.tr("Nouvelle structure"))
        self.setMinimumWidth(460)

        self.general_error = error_label(self)
        self.errors = FieldErrors(self.general_error)
        self.name_edit = QtWidgets.QLineEdit(name)
        self.kind_combo = QtWidgets.QComboBox()
        for code in ORGANISATION_KINDS:
            self.kind_combo.addItem(label(ORGANISATION_KINDS, code), code)
        self.kind_combo.setCurrentIndex(self.kind_combo.findData("association"))
        self.siret_edit = QtWidgets.QLineEdit()
        self.siret_edit.setPlaceholderText(self.tr("14 chiffres, facultatif"))

        form = QtWidgets.QFormLayout()
        form.addRow(self.tr("Nom :"), self.errors.wrap("name", self.name_edit))
        form.addRow(self.tr("Type :"), self.errors.wrap("kind", self.kind_combo))
        form.addRow(self.tr("SIRET :"), self.errors.wrap("siret", self.siret_edit))
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.general_error)
        layout.addLayout(form)
        layout.addWidget(_buttons(self, self.tr("Créer la structure")))
        finish_dialog(self)

    def values(self) -> organisations.OrganisationFields:
        return {
            "name": self.name_edit.text(),
            "kind": self.kind_combo.currentData(),
            "siret": self.siret_edit.text(),
        }

    def accept(self) -> None:
        self.errors.clear()
        try:
            self.organisation_id = organisations.create(self.store, **self.values())
        except UserError as exc:
            self.errors.show(exc)
            return
        super().accept()


class PersonDialog(QtWidgets.QDialog):
    """Create a person (`person_id=None`) or edit one. A refused value is shown in red beside its
    field, the focus goes there, and nothing is written."""

    def __init__(
        self, store: Store, person_id: int | None = None, parent: QtWidgets.QWidget | None = None
    ):
        super().__init__(parent)
        self.store = store
        self.person_id = person_id
        self.setWindowTitle(
            self.tr("Nouvelle personne") if person_id is None else self.tr("Modifier la personne")
        )
        self.setMinimumWidth(560)

        self.general_error = error_label(self)
        self.general_error.setObjectName("error_general")
        self.errors = FieldErrors(self.general_error)

        self.civility_combo = QtWidgets.QComboBox()
        for code in CIVILITIES:
            self.civility_combo.addItem(code or self.tr("—"), code)
        self.first_name_edit = QtWidgets.QLineEdit()
        self.last_name_edit = QtWidgets.QLineEdit()
        self.email_edit = QtWidgets.QLineEdit()
        self.email_edit.setPlaceholderText(self.tr("prenom.nom@exemple.fr"))
        self.phone_edit = QtWidgets.QLineEdit()
        self.organisation_combo = QtWidgets.QComboBox()
        self.organisation_combo.setEditable(True)
        self.organisation_combo.setInsertPolicy(QtWidgets.QComboBox.InsertPolicy.NoInsert)
        self.organisation_combo.lineEdit().setPlaceholderText(
            self.tr("Tapez quelques lettres du nom de la structure")
        )
        self.new_organisation_button = QtWidgets.QPushButton(self.tr("Nouvelle structure…"))
        self.new_organisation_button.clicked.connect(self.create_organisation)
        self.position_edit = QtWidgets.QLineEdit()
        self.position_edit.setPlaceholderText(
            self.tr("ex. directrice, trésorier, chargée de mission")
        )
        # The postal address, for letters sent by post (else the organisation's is used).
        self.address_edit = QtWidgets.QPlainTextEdit()
        self.address_edit.setTabChangesFocus(True)
        self.address_edit.setFixedHeight(48)
        self.address_edit.setPlaceholderText(self.tr("numéro et rue (si autre que la structure)"))
        self.postcode_edit = QtWidgets.QLineEdit()
        self.postcode_edit.setMaximumWidth(90)
        self.city_edit = QtWidgets.QLineEdit()
        # One label for two fields: each says which one it is to a screen reader.
        self.postcode_edit.setAccessibleName(self.tr("Code postal"))
        self.city_edit.setAccessibleName(self.tr("Ville"))
        self.consent_publish_check = QtWidgets.QCheckBox(
            self.tr("Accepte que son nom soit publié (comptes rendus, site)")
        )
        self.consent_contact_check = QtWidgets.QCheckBox(
            self.tr("Accepte d'être contacté(e) par le secrétariat")
        )
        self.notes_edit = QtWidgets.QPlainTextEdit()
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setFixedHeight(80)

        organisation_row = QtWidgets.QWidget()
        org_layout = QtWidgets.QHBoxLayout(organisation_row)
        org_layout.setContentsMargins(0, 0, 0, 0)
        org_layout.addWidget(self.organisation_combo, 1)
        org_layout.addWidget(self.new_organisation_button)
        org_box = QtWidgets.QWidget()
        org_box_layout = QtWidgets.QVBoxLayout(org_box)
        org_box_layout.setContentsMargins(0, 0, 0, 0)
        org_box_layout.setSpacing(2)
        org_box_layout.addWidget(organisation_row)
        org_box_layout.addWidget(self.errors.add("organisation_id", self.organisation_combo))

        consents = QtWidgets.QWidget()
        consents_layout = QtWidgets.QVBoxLayout(consents)
        consents_layout.setContentsMargins(0, 0, 0, 0)
        consents_layout.addWidget(self.consent_publish_check)
        consents_layout.addWidget(self.consent_contact_check)
        consents_layout.addWidget(self.errors.add("consent_publish", self.consent_publish_check))

        form = QtWidgets.QFormLayout()
        form.setRowWrapPolicy(QtWidgets.QFormLayout.RowWrapPolicy.DontWrapRows)
        form.addRow(self.tr("Civilité :"), self.errors.wrap("civility", self.civility_combo))
        form.addRow(self.tr("Prénom :"), self.errors.wrap("first_name", self.first_name_edit))
        form.addRow(self.tr("Nom :"), self.errors.wrap("last_name", self.last_name_edit))
        form.addRow(self.tr("Courriel :"), self.errors.wrap("email", self.email_edit))
        form.addRow(self.tr("Téléphone :"), self.errors.wrap("phone", self.phone_edit))
        form.addRow(self.tr("Structure :"), org_box)
        form.addRow(self.tr("Fonction :"), self.errors.wrap("position", self.position_edit))
        form.addRow(self.tr("Adresse postale :"), self.errors.wrap("address", self.address_edit))
        town = QtWidgets.QWidget()
        town_layout = QtWidgets.QHBoxLayout(town)
        town_layout.setContentsMargins(0, 0, 0, 0)
        town_layout.addWidget(self.postcode_edit)
        town_layout.addWidget(self.city_edit, 1)
        town_box = QtWidgets.QWidget()
        town_box_layout = QtWidgets.QVBoxLayout(town_box)
        town_box_layout.setContentsMargins(0, 0, 0, 0)
        town_box_layout.setSpacing(2)
        town_box_layout.addWidget(town)
        town_box_layout.addWidget(self.errors.add("postcode", self.postcode_edit))
        form.addRow(self.tr("Code postal et ville :"), town_box)
        form.addRow(self.tr("Consentements :"), consents)
        form.addRow(self.tr("Notes :"), self.errors.wrap("notes", self.notes_edit))

        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.general_error)
        layout.addLayout(form)
        layout.addWidget(_buttons(self, self.tr("Enregistrer")))

        self._load_organisations()
        if person_id is not None:
            self._load_person(person_id)
        finish_dialog(self)
        self.first_name_edit.setFocus()

    # -- loading -----------------------------------------------------------------------------
    def _load_organisations(self, select_id: int | None = None) -> None:
        combo = self.organisation_combo
        combo.clear()
        combo.addItem("", None)
        for org in organisations.list_all(self.store.db):
            combo.addItem(org.name, org.id)
        completer = QtWidgets.QCompleter(combo.model(), combo)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QtWidgets.QCompleter.CompletionMode.PopupCompletion)
        combo.setCompleter(completer)
        self._select_organisation(select_id)

    def _select_organisation(self, org_id: int | None) -> None:
        combo = self.organisation_combo
        index = combo.findData(org_id) if org_id is not None else 0
        if index < 0 and org_id is not None:
            # An archived structure is not in the list but stays the person's own.
            org = organisations.get(self.store.db, org_id)
            combo.addItem(org.name, org.id)
            index = combo.count() - 1
        combo.setCurrentIndex(max(index, 0))

    def _load_person(self, person_id: int) -> None:
        person = people.get(self.store.db, person_id)
        self.civility_combo.setCurrentIndex(max(0, self.civility_combo.findData(person.civility)))
        self.first_name_edit.setText(person.first_name)
        self.last_name_edit.setText(person.last_name)
        self.email_edit.setText(person.email)
        self.phone_edit.setText(person.phone)
        self._select_organisation(person.organisation_id)
        self.position_edit.setText(person.position)
        self.consent_publish_check.setChecked(bool(person.consent_publish))
        self.consent_contact_check.setChecked(bool(person.consent_contact))
        self.notes_edit.setPlainText(person.notes)
        self.address_edit.setPlainText(person.address)
        self.postcode_edit.setText(person.postcode)
        self.city_edit.setText(person.city)

    # -- organisation ------------------------------------------------------------------------
    def organisation_id(self) -> int | None:
        """The structure chosen; raises UserError when the text names no known structure."""
        combo = self.organisation_combo
        text = combo.currentText().strip()
        if not text:
            return None
        for i in range(combo.count()):
            if combo.itemText(i).casefold() == text.casefold():
                return combo.itemData(i)
        raise UserError(
            self.tr(
                "Aucune structure ne s'appelle « {name} » : choisissez-la dans la liste "
                "ou créez-la avec « Nouvelle structure… »."
            ).format(name=text),
            field="organisation_id",
        )

    def create_organisation(self) -> None:
        typed = self.organisation_combo.currentText().strip()
        known = self.organisation_combo.findText(typed, Qt.MatchFlag.MatchFixedString) > 0
        dialog = OrganisationDialog(self.store, "" if known else typed, self)
        if dialog.exec() == QtWidgets.QDialog.DialogCode.Accepted:
            self._load_organisations(select_id=dialog.organisation_id)

    # -- saving ------------------------------------------------------------------------------
    def values(self) -> people.PersonFields:
        return {
            "civility": self.civility_combo.currentData() or "",
            "first_name": self.first_name_edit.text(),
            "last_name": self.last_name_edit.text(),
            "email": self.email_edit.text(),
            "phone": self.phone_edit.text(),
            "organisation_id": self.organisation_id(),
            "position": self.position_edit.text(),
            "consent_publish": self.consent_publish_check.isChecked(),
            "consent_contact": self.consent_contact_check.isChecked(),
            "notes": self.notes_edit.toPlainText(),
            "address": self.address_edit.toPlainText(),
            "postcode": self.postcode_edit.text(),
            "city": self.city_edit.text(),
        }

    def accept(self) -> None:
        self.errors.clear()
        try:
            values = self.values()
            if self.person_id is None:
                self.person_id = people.create(self.store, **values)
            else:
                people.update(self.store, self.person_id, **values)
        except UserError as exc:
            self.errors.show(exc)
            return
        super().accept()
