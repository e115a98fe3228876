"""The middle of the « Procès-verbal » tab: the agenda item chosen, its text's editor with the
formatting tools, the vote recorded on it, and the decisions and opinions adopted on it (added,
changed, or followed by an action)."""

from __future__ import annotations

import html
from collections.abc import Callable

from ess_desk.meetings import agenda, votes
from ess_desk.meetings.vocabulary import ITEM_KINDS, OUTCOMES
from ess_desk.membership.vocabulary import label
from ess_desk.minutes import decisions
from ess_desk.minutes import minutes as mn
from ess_desk.minutes.vocabulary import DECISION_KINDS
from ess_desk.store import Store
from ui import a11y, fitting, palette
from ui.dialogs.decision import DecisionDialog
from ui.pages.minutes_editor import SummaryEditor, bold_font
from ui.qt import Qt, QtWidgets, Signal


class ItemPanel(QtWidgets.QWidget):
    """`ItemPanel(store)`: one agenda item at a time (`show_item`), its editors held in
    `editor_stack`. `decisions_changed` after a decision is added or changed, `action_added`
    after an action follows one."""

    decisions_changed = Signal()
    action_added = Signal()

    def __init__(self, store: Store, parent: QtWidgets.QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.item: agenda.AgendaItem | None = None
        self._editable = False
        self.item_title = QtWidgets.QLabel()
        self.item_title.setObjectName("minutes_item_title")
        self.item_title.setFont(bold_font(self.item_title, 1.1))
        self.item_title.setWordWrap(True)
        self.item_info = QtWidgets.QLabel()
        self.item_info.setStyleSheet(palette.text_css(palette.MUTED))
        self.item_info.setWordWrap(True)
        self.editor_stack = QtWidgets.QStackedWidget()
        self.no_items = QtWidgets.QLabel(
            self.tr(
                "Cette séance n'a pas encore d'ordre du jour : le procès-verbal se rédige point "
                "par point, ajoutez d'abord les points de l'ordre du jour."
            )
        )
        self.no_items.setWordWrap(True)
        self.no_items.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.editor_stack.addWidget(self.no_items)
        self.vote_label = QtWidgets.QLabel()
        self.vote_label.setObjectName("minutes_vote")
        self.vote_label.setWordWrap(True)
        self.vote_label.setTextFormat(Qt.TextFormat.RichText)
        self.vote_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(6, 0, 6, 0)
        layout.addWidget(self.item_title)
        layout.addWidget(self.item_info)
        layout.addWidget(self._tools())
        layout.addWidget(self.editor_stack, 1)
        layout.addWidget(self.vote_label)
        layout.addWidget(self._decision_box())

    def _tool(self, name: str, text: str, tip: str, action: Callable) -> QtWidgets.QToolButton:
        button = QtWidgets.QToolButton()
        button.setObjectName(name)
        button.setText(text)
        button.setToolTip(tip)
        button.clicked.connect(lambda: self._with_editor(action))
        return button

    def _tools(self) -> QtWidgets.QWidget:
        self.bold_button = self._tool(
            "bold_button",
            self.tr("Gras"),
            self.tr("Mettre la sélection en gras (Ctrl+B)"),
            SummaryEditor.toggle_bold,
        )
        self.bold_button.setFont(bold_font(self.bold_button))
        self.list_button = self._tool(
            "list_button",
            self.tr("Liste"),
            self.tr("Faire des lignes sélectionnées une liste à puces"),
            SummaryEditor.toggle_list,
        )
        self.undo_button = self._tool(
            "undo_button",
            self.tr("Annuler la frappe"),
            self.tr("Annuler (Ctrl+Z)"),
            SummaryEditor.undo,
        )
        self.redo_button = self._tool(
            "redo_button", self.tr("Rétablir"), self.tr("Rétablir (Ctrl+Y)"), SummaryEditor.redo
        )
        self.format_hint = fitting.WrappingLabel(
            self.tr("**gras** · « - » en début de ligne : liste · ligne vide : paragraphe")
        )
        self.format_hint.setStyleSheet(palette.text_css(palette.MUTED))
        self.format_hint.setWordWrap(True)
        # Wrapped on a narrow screen rather than squeezed (ui.fitting.flow_row).
        return fitting.flow_row(
            self.bold_button, self.list_button, self.undo_button, self.redo_button, self.format_hint
        )

    def _decision_box(self) -> QtWidgets.QGroupBox:
        self.decision_box = QtWidgets.QGroupBox(self.tr("Décisions et avis adoptés sur ce point"))
        self.decision_list = QtWidgets.QListWidget()
        self.decision_list.setObjectName("minutes_decisions")
        a11y.name(self.decision_list, self.tr("Décisions et avis adoptés sur ce point"))
        self.decision_list.setWordWrap(True)
        self.decision_list.setMaximumHeight(120)
        self.decision_list.itemDoubleClicked.connect(lambda _item: self.edit_decision())
        self.decision_list.currentRowChanged.connect(lambda _row: self._apply_decision_state())
        self.add_decision_button = QtWidgets.QPushButton(self.tr("Ajouter…"))
        self.add_decision_button.setObjectName("add_decision")
        self.add_decision_button.clicked.connect(self.add_decision)
        self.edit_decision_button = QtWidgets.QPushButton(self.tr("Modifier…"))
        self.edit_decision_button.setObjectName("edit_decision")
        self.edit_decision_button.clicked.connect(self.edit_decision)
        self.decision_action_button = QtWidgets.QPushButton(self.tr("Nouvelle action…"))
        self.decision_action_button.setObjectName("decision_action")
        self.decision_action_button.clicked.connect(self.new_action_from_decision)
        decision_buttons = QtWidgets.QVBoxLayout()
        decision_buttons.addWidget(self.add_decision_button)
        decision_buttons.addWidget(self.edit_decision_button)
        decision_buttons.addWidget(self.decision_action_button)
        decision_buttons.addStretch(1)
        decision_row = QtWidgets.QHBoxLayout(self.decision_box)
        decision_row.addWidget(self.decision_list, 1)
        decision_row.addLayout(decision_buttons)
        return self.decision_box

    # -- what is shown -------------------------------------------------------------------------
    def editor(self) -> SummaryEditor | None:
        """The editor shown (None while the agenda is empty)."""
        current = self.editor_stack.currentWidget()
        return current if isinstance(current, SummaryEditor) else None

    def _with_editor(self, action: Callable[[SummaryEditor], object]) -> None:
        editor = self.editor()
        if editor is not None:
            action(editor)
            editor.setFocus()

    def show_item(self, item: agenda.AgendaItem | None, editor: SummaryEditor | None) -> None:
        """`item` with its `editor`; None: the agenda is empty."""
        self.item = item
        if item is None or editor is None:
            self.item = None
            self.editor_stack.setCurrentWidget(self.no_items)
            self.item_title.setText("")
            self.item_info.setText("")
            self.vote_label.setText("")
            self.decision_box.setVisible(False)
            return
        self.editor_stack.setCurrentWidget(editor)
        self.item_title.setText(f"{item.position}. {item.title}")
        info = [label(ITEM_KINDS, item.kind)]
        if item.presenter_text:
            info.append(self.tr("présenté par {name}").format(name=item.presenter_text))
        self.item_info.setText(" · ".join(info))
        self._show_vote(item)
        self.show_decisions()

    def _show_vote(self, item: agenda.AgendaItem) -> None:
        vote = votes.vote_for_item(self.store.db, item.id)
        if vote is None:
            self.vote_label.setText(
                f"<span style='{palette.text_css(palette.MUTED)}'>"
                + html.escape(self.tr("Pas de vote enregistré sur ce point."))
                + "</span>"
            )
            return
        counts = votes.counts_sentence(vote.votes_for, vote.votes_against, vote.abstentions)
        extra = []
        if vote.not_voting:
            extra.append(
                self.tr("{count} ne prenant pas part au vote").format(count=vote.not_voting)
            )
        if vote.casting_vote:
            extra.append(self.tr("voix prépondérante de la présidence"))
        if not vote.quorum_reached:
            extra.append(self.tr("quorum non atteint"))
        ink = palette.SUCCESS if vote.outcome == "adopted" else palette.ERROR
        text = (
            f"<b>{html.escape(self.tr('Vote'))}</b> : "
            + palette.span(ink, html.escape(label(OUTCOMES, vote.outcome)), bold=True)
            + f" — {html.escape(counts)}"
        )
        if extra:
            text += " — " + html.escape(", ".join(extra))
        text += (
            f" <span style='{palette.text_css(palette.MUTED)}'>("
            + html.escape(self.tr("saisi dans l'onglet des votes"))
            + ")</span>"
        )
        self.vote_label.setText(text)

    def show_decisions(self) -> None:
        """The decisions of the item shown, read again."""
        item = self.item
        if item is None:
            return
        self.decision_box.setVisible(item.kind != mn.APPROVAL_KIND)
        self.decision_list.clear()
        for d in decisions.decisions_of_item(self.store.db, item.id):
            entry = QtWidgets.QListWidgetItem(
                f"{d.reference} — {label(DECISION_KINDS, d.kind)} : {d.text}"
            )
            entry.setData(Qt.ItemDataRole.UserRole, d.id)
            self.decision_list.addItem(entry)

    # -- what can be done ----------------------------------------------------------------------
    def apply_state(self, editable: bool) -> None:
        """Written to only while the minutes are a draft (and the file writable)."""
        self._editable = editable
        self._apply_decision_state()
        self.apply_tool_state()

    def _apply_decision_state(self) -> None:
        read_only = self.store.read_only
        item = self.item
        can_decide = self._editable and item is not None and item.kind != mn.APPROVAL_KIND
        self.add_decision_button.setEnabled(can_decide)
        chosen = self.decision_list.currentItem() is not None
        self.edit_decision_button.setEnabled(can_decide and chosen)
        self.decision_action_button.setEnabled(chosen and not read_only)
        self.decision_action_button.setToolTip(
            self.tr("Base ouverte en lecture seule.")
            if read_only
            else self.tr("Choisissez d'abord une décision dans la liste.")
            if not chosen
            else self.tr("Une action de suivi de la décision choisie.")
        )

    def apply_tool_state(self) -> None:
        editor = self.editor()
        editable = self._editable and editor is not None
        self.bold_button.setEnabled(editable)
        self.list_button.setEnabled(editable)
        self.undo_button.setEnabled(editable and editor.document().isUndoAvailable())
        self.redo_button.setEnabled(editable and editor.document().isRedoAvailable())

    # -- decisions -----------------------------------------------------------------------------
    def add_decision(self) -> None:
        item = self.item
        if item is None or not self._editable:
            return
        dialog = DecisionDialog(self.store, item.id, parent=self, item_title=item.title)
        if dialog.exec() == QtWidgets.QDialog.DialogCode.Accepted:
            self._decisions_changed()

    def edit_decision(self) -> None:
        item = self.item
        entry = self.decision_list.currentItem()
        if item is None or entry is None or not self._editable:
            return
        decision_id = entry.data(Qt.ItemDataRole.UserRole)
        dialog = DecisionDialog(
            self.store, item.id, decision_id, parent=self, item_title=item.title
        )
        if dialog.exec() == QtWidgets.QDialog.DialogCode.Accepted:
            self._decisions_changed()

    def new_action_from_decision(self) -> int | None:
        """An action that follows the decision chosen (its item and meeting filled in)."""
        from ui.dialogs.action import ActionDialog

        entry = self.decision_list.currentItem()
        if entry is None or self.store.read_only:
            return None
        decision_id = entry.data(Qt.ItemDataRole.UserRole)
        dialog = ActionDialog(self.store, decision_id=decision_id, parent=self)
        if dialog.exec() != QtWidgets.QDialog.DialogCode.Accepted or not dialog.saved_id:
            return None
        self.action_added.emit()
        return dialog.saved_id

    def _decisions_changed(self) -> None:
        self.show_decisions()
        self._apply_decision_state()
        self.decisions_changed.emit()
