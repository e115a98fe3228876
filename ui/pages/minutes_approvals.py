"""The minutes of earlier meetings that this meeting approves, at the top of its « Procès-verbal »
tab: each with its state, and « Approuver… » once this meeting is held."""

from __future__ import annotations

from ess_desk.dates import display
from ess_desk.errors import UserError
from ess_desk.meetings import agenda, meetings
from ess_desk.minutes import minutes as mn
from ess_desk.store import Store
from ui import a11y
from ui.dialogs.common import confirm, show_user_error
from ui.qt import QtWidgets, Signal


class ApprovalsBox(QtWidgets.QGroupBox):
    """« Procès-verbaux à approuver lors de cette séance ». Shown when the agenda has an
    approval item or minutes are waiting for this meeting. `approved` once minutes are approved
    here (after « Approuver… » and its question)."""

    approved = Signal()

    def __init__(self, parent: QtWidgets.QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("Procès-verbaux à approuver lors de cette séance"))
        self.setObjectName("approval_box")
        self.rows = QtWidgets.QVBoxLayout(self)
        # « Approuver… » by the id of the minutes it approves.
        self.buttons: dict[int, QtWidgets.QPushButton] = {}

    def refresh(self, store: Store, meeting: meetings.Meeting) -> None:
        """Read what waits for `meeting` again (the focus stays in the box if it was there)."""
        focus = self.window().focusWidget()
        had_focus = focus is not None and self.isAncestorOf(focus)
        while self.rows.count():
            child = self.rows.takeAt(0)
            if child.widget() is not None:
                child.widget().hide()  # the focus moves on instead of vanishing with the button
                child.widget().deleteLater()
        self.buttons = {}
        try:
            self._fill(store, meeting)
        finally:
            if had_focus and not a11y.focus_first(self):
                a11y.focus_after(self)

    def _fill(self, store: Store, meeting: meetings.Meeting) -> None:
        db = store.db
        has_item = any(i.kind == mn.APPROVAL_KIND for i in agenda.items(db, meeting.id))
        pending = mn.to_approve_at(db, meeting.id)
        self.setVisible(has_item or bool(pending))
        if not pending:
            self.rows.addWidget(
                QtWidgets.QLabel(
                    self.tr("Aucun procès-verbal n'est soumis à l'approbation de cette séance.")
                )
            )
            return
        held = meeting.status in ("held", "closed")
        for other in pending:
            row = QtWidgets.QWidget()
            line = QtWidgets.QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            text = QtWidgets.QLabel(
                self.tr("Procès-verbal de la séance « {title} » — {state}").format(
                    title=meetings.get(db, other.meeting_id).title, state=self._state(other)
                )
            )
            text.setWordWrap(True)
            line.addWidget(text, 1)
            if other.status != "approved":
                line.addWidget(self._approve_button(store, other, held))
            self.rows.addWidget(row)

    def _state(self, other: mn.Minutes) -> str:
        if other.status == "approved":
            return self.tr("approuvé le {day}").format(day=display(other.approved_on))
        if other.status == "submitted":
            return self.tr("soumis aux membres le {day}").format(day=display(other.submitted_on))
        return self.tr("revenu au brouillon")

    def _approve_button(self, store: Store, other: mn.Minutes, held: bool) -> QtWidgets.QPushButton:
        button = QtWidgets.QPushButton(self.tr("Approuver…"))
        button.setObjectName(f"approve_{other.id}")
        button.setEnabled(not store.read_only and other.status == "submitted" and held)
        if not held:
            button.setToolTip(
                self.tr("L'approbation se fait une fois la séance marquée comme tenue.")
            )
        elif other.status != "submitted":
            button.setToolTip(self.tr("Ce procès-verbal est revenu au brouillon."))
        item_id = other.approval_item_id
        if item_id is not None:
            button.clicked.connect(lambda _c=False, i=item_id: self.approve(store, i))
        self.buttons[other.id] = button
        return button

    def approve(self, store: Store, item_id: int) -> None:
        """Approve the minutes that `item_id` of this meeting's agenda approves, once asked."""
        if store.read_only:
            return
        other = mn.minutes_for_item(store.db, item_id)
        day = display(meetings.get(store.db, other.meeting_id).day) if other else ""
        if not confirm(
            self,
            self.tr("Approuver le procès-verbal"),
            self.tr(
                "Approuver le procès-verbal de la séance du {day} ? Son texte sera figé et ne "
                "pourra plus être corrigé que par un erratum."
            ).format(day=day),
            self.tr("Approuver"),
        ):
            return
        try:
            mn.approve(store, item_id)
        except UserError as error:
            show_user_error(self, error, self.tr("Approuver le procès-verbal"))
            return
        self.approved.emit()
