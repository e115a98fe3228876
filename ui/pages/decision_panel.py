"""The Decisions page's side panel: the decision chosen in the register (its reference, body,
meeting, item, vote, follow-up status and minutes), its whole text, and the controls that change
its status or open an action that follows it (the page connects them)."""

from __future__ import annotations

import html

from ess_desk.dates import display
from ess_desk.membership.vocabulary import label
from ess_desk.minutes import decisions
from ess_desk.minutes.vocabulary import DECISION_STATUSES, MINUTES_STATUSES
from ess_desk.store import Store
from ui import a11y, palette
from ui.qt import Qt, QtWidgets


class DecisionPanel(QtWidgets.QWidget):
    """`DecisionPanel(store)`; `show_decision(row)` with the register's row, or None."""

    def __init__(self, store: Store, parent: QtWidgets.QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.setMinimumWidth(300)
        self.detail_title = QtWidgets.QLabel()
        self.detail_title.setObjectName("decision_title")
        font = self.detail_title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.detail_title.setFont(font)
        self.detail_title.setWordWrap(True)
        self.details = QtWidgets.QLabel()
        self.details.setObjectName("decision_details")
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.full_text = QtWidgets.QPlainTextEdit()
        a11y.name(self.full_text, self.tr("Texte de la décision"))
        self.full_text.setObjectName("decision_text")
        self.full_text.setReadOnly(True)
        self.status_choice = QtWidgets.QComboBox()
        a11y.name(self.status_choice, self.tr("Nouveau statut de la décision"))
        self.status_choice.setObjectName("decision_status_choice")
        for code in DECISION_STATUSES:
            self.status_choice.addItem(label(DECISION_STATUSES, code), code)
        self.status_button = QtWidgets.QPushButton(self.tr("Changer le statut"))
        self.status_button.setObjectName("decision_status_button")
        status_row = QtWidgets.QHBoxLayout()
        status_row.addWidget(a11y.labelled(self.tr("Suivi :"), self.status_choice))
        status_row.addWidget(self.status_choice, 1)
        status_row.addWidget(self.status_button)
        self.action_button = QtWidgets.QPushButton(self.tr("Nouvelle action…"))
        self.action_button.setObjectName("decision_action_button")
        self.action_button.setToolTip(
            self.tr("Une action de suivi de cette décision (son point et sa séance d'origine).")
        )
        action_row = QtWidgets.QHBoxLayout()
        action_row.addWidget(self.action_button)
        action_row.addStretch(1)
        self.status_note = QtWidgets.QLabel(
            self.tr(
                "Le texte d'une décision ne se modifie que dans le procès-verbal de sa séance, "
                "tant qu'il est en brouillon ; son statut de suivi évolue à tout moment."
            )
        )
        self.status_note.setWordWrap(True)
        self.status_note.setStyleSheet(palette.text_css(palette.MUTED))

        side = QtWidgets.QVBoxLayout(self)
        side.setContentsMargins(8, 0, 0, 0)
        side.addWidget(self.detail_title)
        side.addWidget(self.details)
        side.addWidget(a11y.labelled(self.tr("Texte adopté"), self.full_text))
        side.addWidget(self.full_text, 1)
        side.addLayout(status_row)
        side.addWidget(self.status_note)
        side.addLayout(action_row)

    def show_decision(self, row: decisions.DecisionRow | None) -> None:
        writable = not self.store.read_only
        self.status_choice.setEnabled(row is not None and writable)
        self.status_button.setEnabled(row is not None and writable)
        self.action_button.setEnabled(row is not None and writable)
        self.action_button.setToolTip(
            self.store.read_only_message()
            if not writable
            else self.tr("Choisissez d'abord une décision.")
            if row is None
            else self.tr(
                "Une action de suivi de cette décision (son point et sa séance d'origine)."
            )
        )
        if row is None:
            self.detail_title.setText(self.tr("Aucune décision sélectionnée"))
            self.details.setText(
                html.escape(self.tr("Choisissez une décision pour lire son texte entier."))
            )
            self.full_text.setPlainText("")
            return
        self.detail_title.setText(
            self.tr("{kind} {reference}").format(kind=row.kind_label, reference=row.reference)
        )

        def line(name: str, value: str) -> str:
            return (
                f"<tr><td style='{palette.text_css(palette.MUTED)} padding-right:8px'>"
                f"{html.escape(name)}</td>"
                f"<td>{html.escape(value)}</td></tr>"
            )

        minutes_state = (
            label(MINUTES_STATUSES, row.minutes_status)
            if row.minutes_status
            else self.tr("non commencé")
        )
        self.details.setText(
            "<table>"
            + line(self.tr("Instance"), row.body)
            + line(self.tr("Séance"), f"{row.meeting_title} ({display(row.meeting_date)})")
            + line(self.tr("Point"), row.item_title)
            + line(self.tr("Vote"), row.outcome_label)
            + line(self.tr("Statut"), row.status_label)
            + line(self.tr("Procès-verbal"), minutes_state)
            + "</table>"
        )
        self.full_text.setPlainText(row.text)
        self.status_choice.setCurrentIndex(max(self.status_choice.findData(row.status), 0))
