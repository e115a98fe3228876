"""Record or correct a decision adopted on an agenda item: its kind (avis, recommandation,
décision) and its words."""

from __future__ import annotations

from ess_desk.errors import UserError
from ess_desk.membership.vocabulary import label
from ess_desk.minutes import decisions
from ess_desk.minutes.vocabulary import DECISION_KINDS
from ess_desk.store import Store
from ui.dialogs.common import FieldErrors, error_label, finish_dialog, save_cancel_buttons
from ui.qt import QtWidgets


class DecisionDialog(QtWidgets.QDialog):
    """`DecisionDialog(store, item_id, decision_id=None, parent=None)`; `decision_id` once saved.

    Saving calls `decisions.add_decision` (a new number of the year) or `update_decision`."""

    def __init__(
        self,
        store: Store,
        item_id: int,
        decision_id: int | None = None,
        parent: QtWidgets.QWidget | None = None,
        item_title: str = "",
    ):
        super().__init__(parent)
        self._store = store
        self.item_id = item_id
        self.decision_id = decision_id
        current = decisions.get(store.db, decision_id) if decision_id is not None else None
        if current is None:
            self.setWindowTitle(self.tr("Nouvelle décision"))
        else:
            self.setWindowTitle(self.tr("Décision {reference}").format(reference=current.reference))
        self.setMinimumWidth(520)

        intro = QtWidgets.QLabel(
            self.tr("Point : {title}").format(title=item_title) if item_title else ""
        )
        intro.setWordWrap(True)
        intro.setVisible(bool(item_title))

        self.kind = QtWidgets.QComboBox()
        self.kind.setObjectName("decision_kind")
        for code in DECISION_KINDS:
            self.kind.addItem(label(DECISION_KINDS, code), code)
        self.text = QtWidgets.QPlainTextEdit()
        self.text.setObjectName("decision_text")
        self.text.setTabChangesFocus(True)
        self.text.setPlaceholderText(
            self.tr("Par exemple : Le bureau émet un avis favorable au projet…")
        )
        self.text.setMinimumHeight(140)

        self.general = error_label()
        self.errors = FieldErrors(self.general)
        form = QtWidgets.QFormLayout()
        form.addRow(self.tr("Nature"), self.kind)
        form.addRow("", self.errors.add("kind", self.kind))
        form.addRow(self.tr("Texte adopté"), self.text)
        form.addRow("", self.errors.add("text", self.text))
        if current is not None:
            self.kind.setCurrentIndex(max(self.kind.findData(current.kind), 0))
            self.text.setPlainText(current.text)
        else:
            self.kind.setCurrentIndex(max(self.kind.findData("opinion"), 0))

        self.buttons, self.save_button = save_cancel_buttons(
            self, self.tr("Enregistrer"), self.save, writable=not store.read_only
        )

        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.general)
        layout.addWidget(self.buttons)
        finish_dialog(self)

    def save(self) -> None:
        self.errors.clear()
        kind, words = self.kind.currentData(), self.text.toPlainText()
        try:
            if self.decision_id is None:
                self.decision_id = decisions.add_decision(self._store, self.item_id, kind, words)
            else:
                decisions.update_decision(self._store, self.decision_id, kind=kind, text=words)
        except UserError as error:
            self.errors.show(error)
            return
        self.accept()
