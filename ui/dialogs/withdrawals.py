"""Withdrawals from an agenda item (déport): the members with a personal interest in it leave for
that item; they are neither counted nor voting on it, and no proxy goes through them."""

from __future__ import annotations

from ess_desk.errors import UserError
from ess_desk.meetings import agenda, meetings, presence
from ess_desk.membership import bodies
from ess_desk.store import Store
from ui import a11y
from ui.dialogs.common import FieldErrors, error_label, finish_dialog, save_cancel_buttons
from ui.qt import Qt, QtWidgets


class WithdrawalsDialog(QtWidgets.QDialog):
    """`WithdrawalsDialog(store, item)`: tick the members who withdraw from the item."""

    def __init__(
        self, store: Store, item: agenda.AgendaItem, parent: QtWidgets.QWidget | None = None
    ):
        super().__init__(parent)
        self._store = store
        self.item = item
        meeting = meetings.get(store.db, item.meeting_id)
        body = bodies.get_body(store.db, meeting.body_id)
        self.setWindowTitle(self.tr("Déports sur le point « {title} »").format(title=item.title))
        self.setMinimumWidth(480)
        intro = QtWidgets.QLabel(
            self.tr(
                "Un membre intéressé à l'affaire quitte la séance pour ce point et ne prend pas "
                "part au vote ({source}). Le procès-verbal le dira."
            ).format(source=body.source("withdrawal"))
        )
        intro.setWordWrap(True)
        self._before = presence.withdrawn(store.db, item.id)
        self.members = QtWidgets.QListWidget()
        a11y.name(self.members, self.tr("Membres déportés"))
        for a in presence.expected_attendees(store.db, meeting.id):
            if not a.expected.voting:
                continue
            entry = QtWidgets.QListWidgetItem(a.name)
            entry.setData(Qt.ItemDataRole.UserRole, a.mandate_id)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = a.mandate_id in self._before
            entry.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.members.addItem(entry)
        self.reason = QtWidgets.QLineEdit()
        self.reason.setPlaceholderText(self.tr("ex. administratrice de la structure concernée"))
        self.general_error = error_label()
        self.errors = FieldErrors(self.general_error)
        form = QtWidgets.QFormLayout()
        a11y.add_row(form, self.tr("&Motif (facultatif)"), self.reason)
        self.buttons, self.save_button = save_cancel_buttons(
            self, self.tr("Enregistrer"), self.accept, writable=not store.read_only
        )
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.members, 1)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        finish_dialog(self)

    def set_checked(self, mandate_id: int, checked: bool = True) -> None:
        for row in range(self.members.count()):
            entry = self.members.item(row)
            if entry.data(Qt.ItemDataRole.UserRole) == mandate_id:
                entry.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def checked(self) -> set[int]:
        return {
            self.members.item(row).data(Qt.ItemDataRole.UserRole)
            for row in range(self.members.count())
            if self.members.item(row).checkState() == Qt.CheckState.Checked
        }

    def accept(self) -> None:
        if self._store.read_only:
            return
        wanted = self.checked()
        try:
            for mandate_id in sorted(wanted - self._before):
                presence.withdraw(self._store, self.item.id, mandate_id, self.reason.text())
            for mandate_id in sorted(self._before - wanted):
                presence.withdraw(self._store, self.item.id, mandate_id, withdrawn_=False)
        except UserError as error:
            self.errors.show(error)
            return
        super().accept()
