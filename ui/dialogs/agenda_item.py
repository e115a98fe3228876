"""Add or edit an agenda item: title, kind, presenter (a person or free text), duration, text."""

from __future__ import annotations

from ess_desk.errors import UserError
from ess_desk.meetings import agenda
from ess_desk.meetings.vocabulary import ITEM_KINDS
from ess_desk.membership import people
from ess_desk.membership.vocabulary import label
from ess_desk.store import Store
from ui import a11y
from ui.dialogs.common import FieldErrors, error_label, finish_dialog, save_cancel_buttons
from ui.qt import QtWidgets


class AgendaItemDialog(QtWidgets.QDialog):
    """`AgendaItemDialog(store, meeting_id, item=None)`: `item_id` is set once saved."""

    def __init__(
        self,
        store: Store,
        meeting_id: int,
        item: agenda.AgendaItem | None = None,
        parent: QtWidgets.QWidget | None = None,
    ):
        super().__init__(parent)
        self._store = store
        self.meeting_id = meeting_id
        self.item_id = item.id if item else None
        self.setWindowTitle(self.tr("Modifier le point") if item else self.tr("Nouveau point"))
        self.setMinimumWidth(540)

        self.title = QtWidgets.QLineEdit(item.title if item else "")
        self.kind = QtWidgets.QComboBox()
        for key in ITEM_KINDS:
            self.kind.addItem(label(ITEM_KINDS, key), key)
        self.kind.setCurrentIndex(max(0, self.kind.findData(item.kind if item else "information")))
        self.presenter = QtWidgets.QComboBox()
        self.presenter.addItem(self.tr("(personne de la base : aucune)"), None)
        for person_id, name in people.choices(store.db, with_organisation=False):
            self.presenter.addItem(name, person_id)
        if item and item.presenter_person_id:
            self.presenter.setCurrentIndex(
                max(0, self.presenter.findData(item.presenter_person_id))
            )
        self.presenter_text = QtWidgets.QLineEdit(item.presenter_text if item else "")
        a11y.name(self.presenter_text, self.tr("Intervenant en clair"))
        self.presenter_text.setPlaceholderText(
            self.tr("ou en clair : « Service développement économique »")
        )
        self.duration = QtWidgets.QSpinBox()
        self.duration.setRange(0, 24 * 60)
        self.duration.setSingleStep(5)
        self.duration.setSuffix(self.tr(" min"))
        self.duration.setValue(item.duration_minutes if item else 15)
        self.description = QtWidgets.QPlainTextEdit(item.description if item else "")
        self.description.setMinimumHeight(90)

        self.general_error = error_label()
        self.errors = FieldErrors(self.general_error)
        form = QtWidgets.QFormLayout()
        form.setFieldGrowthPolicy(QtWidgets.QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)

        def add(text: str, field: str, widget: QtWidgets.QWidget) -> None:
            form.addRow(text, self.errors.wrap(field, widget))

        add(self.tr("Intitulé"), "title", self.title)
        add(self.tr("Type"), "kind", self.kind)
        add(self.tr("Présenté par"), "presenter_person_id", self.presenter)
        add("", "presenter_text", self.presenter_text)
        add(self.tr("Durée"), "duration_minutes", self.duration)
        add(self.tr("Description"), "description", self.description)

        self.buttons, self.save_button = save_cancel_buttons(
            self, self.tr("Enregistrer"), self.accept, writable=not store.read_only
        )
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        finish_dialog(self)

    def values(self) -> agenda.ItemFields:
        return {
            "title": self.title.text(),
            "kind": str(self.kind.currentData()),
            "presenter_person_id": self.presenter.currentData(),
            "presenter_text": self.presenter_text.text(),
            "duration_minutes": self.duration.value(),
            "description": self.description.toPlainText(),
        }

    def accept(self) -> None:
        if self._store.read_only:
            return
        try:
            if self.item_id is None:
                self.item_id = agenda.create_item(self._store, self.meeting_id, **self.values())
            else:
                agenda.update_item(self._store, self.item_id, **self.values())
        except UserError as error:
            self.errors.show(error)
            return
        super().accept()
