"""Who presided the meeting and who took the chair when it changed (CGCT L. 2121-14 and
L. 2121-15: the procès-verbal names the chair of the meeting, who signs it)."""

from __future__ import annotations

from ess_desk.errors import UserError
from ess_desk.meetings import chairs, presence
from ess_desk.store import Store
from ui import a11y
from ui.datefields import TimeField
from ui.dialogs.common import FieldErrors, finish_dialog
from ui.qt import Qt, QtWidgets


class ChairsDialog(QtWidgets.QDialog):
    """`ChairsDialog(store, meeting_id)`: the chair at the opening and each change after it."""

    def __init__(self, store: Store, meeting_id: int, parent: QtWidgets.QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.meeting_id = meeting_id
        self.setWindowTitle(self.tr("Présidence de la séance"))
        self.errors = FieldErrors()
        note = QtWidgets.QLabel(
            self.tr(
                "Sans indication, le procès-verbal nomme le président ou les co-présidents "
                "présents à l'ouverture. Indiquez qui a présidé s'il en va autrement, et qui a "
                "pris la présidence en cours de séance (heure laissée vide : dès l'ouverture)."
            )
        )
        note.setWordWrap(True)
        self.turns = QtWidgets.QListWidget()
        self.turns.setObjectName("chair_turns")
        a11y.name(self.turns, self.tr("Présidences enregistrées"))
        self.person = QtWidgets.QComboBox()
        self.person.setObjectName("chair_person")
        seen = set()
        for a in presence.expected_attendees(store.db, meeting_id):
            if a.role != "permanent_guest" and a.person_id not in seen:
                seen.add(a.person_id)
                self.person.addItem(a.name, a.person_id)
        self.from_time = TimeField(optional=True)
        self.reason = QtWidgets.QLineEdit()
        self.reason.setObjectName("chair_reason")
        self.reason.setPlaceholderText(self.tr("par exemple : départ du président"))
        form = QtWidgets.QFormLayout()
        a11y.add_row(
            form, self.tr("Membre"), self.person, self.errors.add("person_id", self.person)
        )
        a11y.add_row(form, self.tr("À partir de"), self.from_time, self.from_time.error_label)
        self.errors.attach("from_time", self.from_time, self.from_time.error_label)
        a11y.add_row(form, self.tr("Motif"), self.reason)
        self.add_button = QtWidgets.QPushButton(self.tr("Enregistrer la présidence"))
        self.add_button.setObjectName("add_chair")
        self.add_button.clicked.connect(self.add_turn)
        self.remove_button = QtWidgets.QPushButton(self.tr("Retirer"))
        self.remove_button.setObjectName("remove_chair")
        self.remove_button.clicked.connect(self.remove_turn)
        close = QtWidgets.QPushButton(self.tr("Fermer"))
        close.clicked.connect(self.accept)
        buttons = QtWidgets.QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.turns)
        layout.addLayout(form)
        layout.addWidget(self.errors.general)
        layout.addLayout(buttons)
        writable = not store.read_only
        for widget in (self.add_button, self.remove_button, self.person, self.reason):
            widget.setEnabled(writable)
        self.refresh()
        finish_dialog(self)

    def refresh(self) -> None:
        self.turns.clear()
        for turn in chairs.turns(self.store.db, self.meeting_id):
            when = (
                self.tr("dès l'ouverture")
                if turn.from_time is None
                else self.tr("à partir de {time}").format(time=turn.from_time)
            )
            text = f"{turn.name} — {when}" + (f" ({turn.reason})" if turn.reason else "")
            item = QtWidgets.QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, turn.id)
            self.turns.addItem(item)
        self.remove_button.setEnabled(self.turns.count() > 0 and not self.store.read_only)

    def add_turn(self) -> bool:
        self.errors.clear()
        if not self.from_time.check():
            return False
        try:
            chairs.set_chair(
                self.store,
                self.meeting_id,
                self.person.currentData(),
                self.from_time.value(),
                self.reason.text(),
            )
        except UserError as error:
            self.errors.show(error)
            return False
        self.reason.clear()
        self.refresh()
        return True

    def remove_turn(self) -> None:
        item = self.turns.currentItem() or self.turns.item(self.turns.count() - 1)
        if item is None:
            return
        try:
            chairs.remove(self.store, item.data(Qt.ItemDataRole.UserRole))
        except UserError as error:
            self.errors.show(error)
            return
        self.refresh()
