"""The « Procès-verbal » tab of a meeting: drafting by agenda item with autosave, submission,
approval at the next meeting, the frozen record with its errata, history and exports."""

from __future__ import annotations

import datetime as dt
import html
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ess_desk.dates import display
from ess_desk.errors import UserError
from ess_desk.meetings import agenda, meetings, votes
from ess_desk.meetings.vocabulary import ITEM_KINDS, OUTCOMES
from ess_desk.membership.vocabulary import label
from ess_desk.minutes import decisions, history
from ess_desk.minutes import minutes as mn
from ess_desk.minutes import record as rec
from ess_desk.minutes.vocabulary import DECISION_KINDS, FORMS, MINUTES_STATUSES
from ess_desk.store import Store
from ui import a11y, fitting, palette
from ui.dialogs.common import (
    FieldErrors,
    confirm,
    documents_folder,
    error_label,
    show_unexpected_error,
    show_user_error,
)
from ui.dialogs.decision import DecisionDialog
from ui.dialogs.erratum import ErratumDialog
from ui.models_minutes import HistoryTableModel
from ui.qt import Qt, QtCore, QtGui, QTimer, QtWidgets, Signal
from ui.workers import Operation

if TYPE_CHECKING:
    from ui.dialogs.submit_minutes import SubmitMinutesDialog

# A changed section is saved this long after the last keystroke (and at once on focus change).
AUTOSAVE_MS = 2000

_STATE_PANELS = {
    "draft": palette.Panel(palette.DRAFT.fg, palette.DRAFT.bg),
    "submitted": palette.SUBMITTED,
    "approved": palette.Panel(palette.APPROVED.fg, palette.APPROVED.bg),
}
_BANNER_PANELS = {
    "approved": palette.APPROVED,
    "submitted": palette.INFO,
    "read_only": palette.NOTICE,
    "info": palette.NEUTRAL,
}
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_BULLET = re.compile(r"^\s*[-*•]\s+")


def _bold_font(widget: QtWidgets.QWidget, scale: float = 1.0) -> QtGui.QFont:
    font = QtGui.QFont(widget.font())
    font.setBold(True)
    if scale != 1.0:
        font.setPointSizeF(font.pointSizeF() * scale)
    return font


class SummaryHighlighter(QtGui.QSyntaxHighlighter):
    """Shows the little markup as it will print: **bold** in bold, list dashes in colour."""

    def __init__(self, document: QtGui.QTextDocument):
        super().__init__(document)
        self._bold = QtGui.QTextCharFormat()
        self._bold.setFontWeight(QtGui.QFont.Weight.Bold)
        self._marker = QtGui.QTextCharFormat()
        marker = palette.color(palette.MUTED)
        if marker is not None:
            self._marker.setForeground(marker)
        self._bullet = QtGui.QTextCharFormat()
        bullet = palette.color(palette.ACCENT)
        if bullet is not None:
            self._bullet.setForeground(bullet)
        self._bullet.setFontWeight(QtGui.QFont.Weight.Bold)

    def highlightBlock(self, text: str) -> None:
        bullet = _BULLET.match(text)
        if bullet:
            self.setFormat(0, bullet.end(), self._bullet)
        for match in _BOLD.finditer(text):
            self.setFormat(match.start(), match.end() - match.start(), self._bold)
            self.setFormat(match.start(), 2, self._marker)
            self.setFormat(match.end() - 2, 2, self._marker)


class SummaryEditor(QtWidgets.QPlainTextEdit):
    """The text of one agenda item: plain text, "- " lists and **bold**, its own undo stack.
    Ctrl+B makes the selection bold, Ctrl+Z / Ctrl+Y undo and redo on every platform."""

    focus_lost = Signal()

    def __init__(self, parent: QtWidgets.QWidget | None = None):
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setPlaceholderText(
            self.tr(
                "Résumé des échanges sur ce point. Laissez une ligne vide entre deux "
                "paragraphes ; commencez une ligne par « - » pour une liste ; **gras**."
            )
        )
        self.highlighter = SummaryHighlighter(self.document())

    def toggle_bold(self) -> None:
        """Wrap the selection in ** (or unwrap it); without a selection, insert a pair."""
        if self.isReadOnly():
            return
        cursor = self.textCursor()
        cursor.beginEditBlock()
        if cursor.hasSelection():
            start = cursor.selectionStart()
            text = cursor.selectedText().replace("\u2029", "\n")
            if len(text) >= 4 and text.startswith("**") and text.endswith("**"):
                inner = text[2:-2]
            else:
                inner = "**" + text + "**"
            cursor.insertText(inner)
            cursor.setPosition(start)
            cursor.setPosition(start + len(inner), QtGui.QTextCursor.MoveMode.KeepAnchor)
        else:
            cursor.insertText("****")
            cursor.movePosition(QtGui.QTextCursor.MoveOperation.Left, n=2)
        cursor.endEditBlock()
        self.setTextCursor(cursor)

    def toggle_list(self) -> None:
        """Start each selected line with "- " (or take the dashes away if all have one)."""
        if self.isReadOnly():
            return
        cursor = self.textCursor()
        document = self.document()
        first = document.findBlock(cursor.selectionStart())
        last = document.findBlock(cursor.selectionEnd())
        blocks = [first]
        while blocks[-1] != last and blocks[-1].next().isValid():
            blocks.append(blocks[-1].next())
        all_bullets = all(_BULLET.match(b.text()) for b in blocks)
        edit = QtGui.QTextCursor(document)
        edit.beginEditBlock()
        for block in blocks:
            edit.setPosition(block.position())
            if all_bullets:
                marker = _BULLET.match(block.text())
                if marker:
                    edit.setPosition(
                        block.position() + marker.end(), QtGui.QTextCursor.MoveMode.KeepAnchor
                    )
                    edit.removeSelectedText()
            elif not _BULLET.match(block.text()):
                edit.insertText("- ")
        edit.endEditBlock()

    def event(self, event: QtCore.QEvent) -> bool:
        # Ctrl+B and Ctrl+Y belong to the editor while it has the focus, whatever the window's
        # menus bind them to.
        if (
            event.type() == QtCore.QEvent.Type.ShortcutOverride
            and isinstance(event, QtGui.QKeyEvent)
            and event.modifiers() == Qt.KeyboardModifier.ControlModifier
            and event.key() in (Qt.Key.Key_B, Qt.Key.Key_Y)
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QtGui.QKeyEvent) -> None:
        control = event.modifiers() & Qt.KeyboardModifier.ControlModifier
        shift = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        if control and not shift and event.key() == Qt.Key.Key_B:
            self.toggle_bold()
            return
        if control and not shift and event.key() == Qt.Key.Key_Y:
            self.redo()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QtGui.QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.focus_lost.emit()


class MinutesTab(QtWidgets.QWidget):
    """`MinutesTab(store, meeting_id)`: the minutes of one meeting.

    Signals: `changed` after anything is written (the agenda of the next meeting may have
    changed too), `saved(str)` with the time of each autosave, `exported(Path)`."""

    changed = Signal()
    saved = Signal(str)
    exported = Signal(object)

    def __init__(self, store: Store, meeting_id: int, parent: QtWidgets.QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.meeting_id = meeting_id
        self.minutes: mn.Minutes | None = None
        self.items: list[agenda.AgendaItem] = []
        self.editors: dict[int, SummaryEditor] = {}
        self._dirty: set[int] = set()
        self._loading = False
        self._busy = False
        self.last_export: Path | None = None
        self.last_save_error: str | None = None

        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(AUTOSAVE_MS)
        self._autosave.timeout.connect(self.save_pending)

        self._build()
        self._start_if_due()
        self.refresh()

    # -- construction ------------------------------------------------------------------------
    def _build(self) -> None:
        self.title = QtWidgets.QLabel()
        self.title.setObjectName("minutes_title")
        self.title.setFont(_bold_font(self.title, 1.2))
        self.title.setWordWrap(True)
        self.state_label = QtWidgets.QLabel()
        self.state_label.setObjectName("minutes_state")
        self.saved_label = QtWidgets.QLabel()
        self.saved_label.setObjectName("minutes_saved")
        self.saved_label.setStyleSheet(palette.text_css(palette.MUTED))
        top = QtWidgets.QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.saved_label)
        top.addWidget(self.state_label)

        self.banner = QtWidgets.QLabel()
        self.banner.setObjectName("minutes_banner")
        self.banner.setWordWrap(True)
        self.banner.setContentsMargins(10, 6, 10, 6)
        self.banner.setVisible(False)

        self.approval_box = QtWidgets.QGroupBox(
            self.tr("Procès-verbaux à approuver lors de cette séance")
        )
        self.approval_box.setObjectName("approval_box")
        self.approval_layout = QtWidgets.QVBoxLayout(self.approval_box)
        self.approve_buttons: dict[int, QtWidgets.QPushButton] = {}

        # The placeholder shown while the minutes of a future meeting are not started.
        self.placeholder = QtWidgets.QWidget()
        self.placeholder_label = QtWidgets.QLabel()
        self.placeholder_label.setWordWrap(True)
        self.placeholder_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.start_button = QtWidgets.QPushButton(self.tr("Commencer le procès-verbal"))
        self.start_button.setObjectName("start_minutes")
        self.start_button.clicked.connect(self.start_minutes)
        holder = QtWidgets.QVBoxLayout(self.placeholder)
        holder.addStretch(1)
        holder.addWidget(self.placeholder_label)
        holder.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignCenter)
        holder.addStretch(2)

        self.content = QtWidgets.QWidget()
        self._build_content(self.content)
        self.pages = QtWidgets.QStackedWidget()
        self.pages.addWidget(self.placeholder)
        self.pages.addWidget(self.content)

        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.banner)
        layout.addWidget(self.approval_box)
        layout.addWidget(self.pages, 1)

    def _build_content(self, content: QtWidgets.QWidget) -> None:
        # Header: what comes from the record, and the two fields typed here.
        self.record_line = QtWidgets.QLabel()
        self.record_line.setObjectName("minutes_record_line")
        self.record_line.setWordWrap(True)
        self.record_line.setTextFormat(Qt.TextFormat.RichText)
        self.secretary = QtWidgets.QLineEdit()
        self.secretary.setObjectName("minutes_secretary")
        self.secretary.setPlaceholderText(self.tr("Prénom Nom"))
        self.secretary.setMinimumWidth(150)
        self.closing_time = QtWidgets.QLineEdit()
        self.closing_time.setObjectName("minutes_closing_time")
        self.closing_time.setPlaceholderText(self.tr("hh:mm"))
        self.closing_time.setMaximumWidth(90)
        self.secretary.editingFinished.connect(self._save_secretary)
        self.closing_time.editingFinished.connect(self._save_closing_time)
        self.header_general = error_label()
        self.field_errors = FieldErrors(self.header_general)
        fields = QtWidgets.QGridLayout()
        fields.addWidget(a11y.labelled(self.tr("Secrétaire de séance"), self.secretary), 0, 0)
        fields.addWidget(self.secretary, 0, 1)
        fields.addWidget(a11y.labelled(self.tr("Séance levée à"), self.closing_time), 0, 2)
        fields.addWidget(self.closing_time, 0, 3)
        fields.addWidget(self.field_errors.add("secretary", self.secretary), 1, 1)
        fields.addWidget(self.field_errors.add("closing_time", self.closing_time), 1, 2, 1, 3)
        fields.setColumnStretch(1, 2)
        fields.setColumnStretch(4, 3)

        # Workflow and exports.
        self.submit_button = QtWidgets.QPushButton(self.tr("Soumettre aux membres…"))
        self.submit_button.setObjectName("submit_minutes")
        self.submit_button.setToolTip(
            self.tr(
                "Inscrit l'approbation du procès-verbal à l'ordre du jour de la prochaine séance "
                "de l'instance."
            )
        )
        self.submit_button.clicked.connect(self.submit)
        self.draft_button = QtWidgets.QPushButton(self.tr("Revenir au brouillon"))
        self.draft_button.setObjectName("return_to_draft")
        self.draft_button.clicked.connect(self.return_to_draft)
        self.erratum_button = QtWidgets.QPushButton(self.tr("Ajouter un erratum…"))
        self.erratum_button.setObjectName("add_erratum")
        self.erratum_button.clicked.connect(self.add_erratum)
        self.chairs_button = QtWidgets.QPushButton(self.tr("Présidence…"))
        self.chairs_button.setObjectName("minutes_chairs")
        self.chairs_button.setToolTip(
            self.tr("Qui a présidé la séance, et qui a pris la présidence en cours de séance")
        )
        self.chairs_button.clicked.connect(self.open_chairs)
        self.signing_button = QtWidgets.QPushButton(self.tr("Signatures…"))
        self.signing_button.setObjectName("minutes_signatures")
        self.signing_button.setToolTip(
            self.tr(
                "Signer électroniquement le procès-verbal approuvé (président puis secrétaire de "
                "séance) et vérifier ses signatures"
            )
        )
        self.signing_button.clicked.connect(self.open_signatures)
        self.export_button = QtWidgets.QToolButton()
        self.export_button.setObjectName("export_minutes")
        self.export_button.setText(self.tr("Exporter"))
        self.export_button.setPopupMode(QtWidgets.QToolButton.ToolButtonPopupMode.InstantPopup)
        self.export_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        menu = QtWidgets.QMenu(self.export_button)
        for text, suffix, form, public in (
            (self.tr("Procès-verbal (PDF)…"), ".pdf", "pv", False),
            (self.tr("Procès-verbal public (PDF)…"), ".pdf", "pv", True),
            (self.tr("Relevé de décisions (PDF)…"), ".pdf", "releve", False),
            (self.tr("Relevé de décisions public (PDF)…"), ".pdf", "releve", True),
            (None, "", "", False),
            (self.tr("Procès-verbal (Word)…"), ".docx", "pv", False),
            (self.tr("Procès-verbal public (Word)…"), ".docx", "pv", True),
            (self.tr("Relevé de décisions (Word)…"), ".docx", "releve", False),
        ):
            if text is None:
                menu.addSeparator()
                continue
            action = menu.addAction(text)
            action.triggered.connect(
                lambda _checked=False, s=suffix, f=form, p=public: self.choose_export(s, f, p)
            )
        self.export_button.setMenu(menu)
        buttons = QtWidgets.QHBoxLayout()
        buttons.addWidget(self.submit_button)
        buttons.addWidget(self.draft_button)
        buttons.addWidget(self.erratum_button)
        buttons.addWidget(self.chairs_button)
        buttons.addWidget(self.signing_button)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)

        # Left: the agenda items.
        self.item_list = QtWidgets.QListWidget()
        self.item_list.setObjectName("minutes_items")
        a11y.name(self.item_list, self.tr("Points de l'ordre du jour"))
        self.item_list.setWordWrap(True)
        self.item_list.setMinimumWidth(110)
        self.item_list.currentRowChanged.connect(self._item_selected)

        # Middle: the editor of the selected item, its vote and decisions.
        self.item_title = QtWidgets.QLabel()
        self.item_title.setObjectName("minutes_item_title")
        self.item_title.setFont(_bold_font(self.item_title, 1.1))
        self.item_title.setWordWrap(True)
        self.item_info = QtWidgets.QLabel()
        self.item_info.setStyleSheet(palette.text_css(palette.MUTED))
        self.item_info.setWordWrap(True)
        self.bold_button = QtWidgets.QToolButton()
        self.bold_button.setObjectName("bold_button")
        self.bold_button.setText(self.tr("Gras"))
        self.bold_button.setFont(_bold_font(self.bold_button))
        self.bold_button.setToolTip(self.tr("Mettre la sélection en gras (Ctrl+B)"))
        self.bold_button.clicked.connect(lambda: self._with_editor(SummaryEditor.toggle_bold))
        self.list_button = QtWidgets.QToolButton()
        self.list_button.setObjectName("list_button")
        self.list_button.setText(self.tr("Liste"))
        self.list_button.setToolTip(self.tr("Faire des lignes sélectionnées une liste à puces"))
        self.list_button.clicked.connect(lambda: self._with_editor(SummaryEditor.toggle_list))
        self.undo_button = QtWidgets.QToolButton()
        self.undo_button.setObjectName("undo_button")
        self.undo_button.setText(self.tr("Annuler la frappe"))
        self.undo_button.setToolTip(self.tr("Annuler (Ctrl+Z)"))
        self.undo_button.clicked.connect(lambda: self._with_editor(SummaryEditor.undo))
        self.redo_button = QtWidgets.QToolButton()
        self.redo_button.setObjectName("redo_button")
        self.redo_button.setText(self.tr("Rétablir"))
        self.redo_button.setToolTip(self.tr("Rétablir (Ctrl+Y)"))
        self.redo_button.clicked.connect(lambda: self._with_editor(SummaryEditor.redo))
        self.format_hint = fitting.WrappingLabel(
            self.tr("**gras** · « - » en début de ligne : liste · ligne vide : paragraphe")
        )
        self.format_hint.setStyleSheet(palette.text_css(palette.MUTED))
        self.format_hint.setWordWrap(True)
        # Wrapped on a narrow screen rather than squeezed (ui.fitting.flow_row).
        tools = fitting.flow_row(
            self.bold_button, self.list_button, self.undo_button, self.redo_button, self.format_hint
        )

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

        self.decision_box = QtWidgets.QGroupBox(self.tr("Décisions et avis adoptés sur ce point"))
        self.decision_list = QtWidgets.QListWidget()
        self.decision_list.setObjectName("minutes_decisions")
        a11y.name(self.decision_list, self.tr("Décisions et avis adoptés sur ce point"))
        self.decision_list.setWordWrap(True)
        self.decision_list.setMaximumHeight(120)
        self.decision_list.itemDoubleClicked.connect(lambda _item: self.edit_decision())
        self.decision_list.currentRowChanged.connect(lambda _row: self._apply_state())
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

        middle = QtWidgets.QWidget()
        middle_layout = QtWidgets.QVBoxLayout(middle)
        middle_layout.setContentsMargins(6, 0, 6, 0)
        middle_layout.addWidget(self.item_title)
        middle_layout.addWidget(self.item_info)
        middle_layout.addWidget(tools)
        middle_layout.addWidget(self.editor_stack, 1)
        middle_layout.addWidget(self.vote_label)
        middle_layout.addWidget(self.decision_box)

        # Right: history and errata.
        self.history_model = HistoryTableModel(self)
        self.history_view = QtWidgets.QTableView()
        self.history_view.setObjectName("minutes_history")
        a11y.name(self.history_view, self.tr("Historique du procès-verbal"))
        self.history_view.setModel(self.history_model)
        self.history_view.setWordWrap(False)
        self.history_view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.history_view.setAlternatingRowColors(True)
        self.history_view.verticalHeader().setVisible(False)
        self.history_view.setSelectionBehavior(
            QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows
        )
        self.history_view.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.history_view.horizontalHeader()
        header.setSectionResizeMode(
            HistoryTableModel.WHEN, QtWidgets.QHeaderView.ResizeMode.ResizeToContents
        )
        header.setSectionResizeMode(
            HistoryTableModel.WHO, QtWidgets.QHeaderView.ResizeMode.ResizeToContents
        )
        header.setStretchLastSection(True)
        self.history_view.selectionModel().currentRowChanged.connect(self._history_selected)
        self.history_details = QtWidgets.QLabel()
        self.history_details.setObjectName("minutes_history_details")
        self.history_details.setWordWrap(True)
        self.history_details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.history_details.setStyleSheet(palette.text_css(palette.MUTED))
        self.history_details.setMinimumHeight(60)
        self.history_details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        history_panel = QtWidgets.QWidget()
        history_layout = QtWidgets.QVBoxLayout(history_panel)
        history_layout.setContentsMargins(0, 0, 0, 0)
        history_layout.addWidget(self.history_view, 1)
        history_layout.addWidget(self.history_details)
        self.errata_list = QtWidgets.QListWidget()
        self.errata_list.setObjectName("minutes_errata")
        a11y.name(self.errata_list, self.tr("Errata"))
        self.errata_list.setWordWrap(True)
        self.errata_list.setAlternatingRowColors(True)
        self.side = QtWidgets.QTabWidget()
        self.side.setObjectName("minutes_side")
        self.side.addTab(history_panel, self.tr("Historique"))
        self.side.addTab(self.errata_list, self.tr("Errata"))
        self.side.setMinimumWidth(170)

        self.splitter = QtWidgets.QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.item_list)
        self.splitter.addWidget(middle)
        self.splitter.addWidget(self.side)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 1)
        self.splitter.setSizes([210, 600, 380])
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setCollapsible(2, True)  # the history and errata fold away when narrow

        layout = QtWidgets.QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.record_line)
        layout.addLayout(fields)
        layout.addWidget(self.header_general)
        layout.addLayout(buttons)
        layout.addWidget(self.splitter, 1)

    # -- loading -------------------------------------------------------------------------------
    def _start_if_due(self) -> None:
        """Minutes are started on their own once the meeting is marked held; before, there are
        no minutes (the placeholder says why)."""
        db = self.store.db
        if mn.get_minutes(db, self.meeting_id) is not None or self.store.read_only:
            return
        meeting = meetings.get(db, self.meeting_id)
        if meeting.status in ("cancelled", "postponed"):
            return
        if meeting.status in ("held", "closed"):
            mn.start(self.store, self.meeting_id)

    def start_minutes(self) -> None:
        try:
            mn.start(self.store, self.meeting_id)
        except UserError as error:
            show_user_error(self, error, self.tr("Procès-verbal"))
            return
        self.refresh()
        self.changed.emit()

    def refresh(self) -> None:
        """Read the minutes, the agenda and their state again (the editors keep their undo
        history when their text has not changed)."""
        db = self.store.db
        self.meeting = meetings.get(db, self.meeting_id)
        self.minutes = mn.get_minutes(db, self.meeting_id)
        self.title.setText(self.tr("Procès-verbal — {title}").format(title=self.meeting.title))
        self._refresh_approvals()
        if self.minutes is None:
            self.pages.setCurrentWidget(self.placeholder)
            self._show_placeholder()
            self.state_label.setVisible(False)
            self._apply_banner()
            return
        self.pages.setCurrentWidget(self.content)
        self.state_label.setVisible(True)
        self._refresh_header()
        self._refresh_items()
        self._refresh_errata()
        self.refresh_history()
        self._apply_banner()
        self._apply_state()

    def _show_placeholder(self) -> None:
        if self.meeting.status in ("cancelled", "postponed"):
            text = self.tr("Cette séance n'a pas eu lieu : elle n'a pas de procès-verbal.")
            self.start_button.setVisible(False)
        elif self.meeting.status not in ("held", "closed"):
            text = self.tr(
                "Le procès-verbal s'ouvre une fois la séance marquée tenue (bouton « Marquer "
                "tenue » en haut de la page, à partir de son heure de début)."
            )
            self.start_button.setVisible(True)
            self.start_button.setEnabled(False)
        else:
            text = self.tr(
                "Le procès-verbal de cette séance n'est pas encore commencé. Il se rédige "
                "d'ordinaire pendant ou après la séance."
            )
            self.start_button.setVisible(True)
            self.start_button.setEnabled(not self.store.read_only)
        self.placeholder_label.setText(text)

    def _refresh_header(self) -> None:
        assert self.minutes is not None
        minutes = self.minutes
        status = minutes.status
        self.state_label.setText(label(MINUTES_STATUSES, status))
        self.state_label.setStyleSheet(
            palette.panel_css(
                _STATE_PANELS.get(status, palette.NEUTRAL),
                "padding: 3px 10px; border-radius: 9px; font-weight: bold;",
            )
        )
        self._set_field(self.secretary, minutes.secretary or "")
        self._set_field(self.closing_time, minutes.closing_time or "")
        content = (
            mn.approved_record(self.store.db, minutes)
            if minutes.frozen
            else rec.compose(self.store.db, self.meeting_id, minutes.secretary, None)
        )
        a = content.attendance
        parts = []
        if content.chair:
            parts.append(
                self.tr("Présidence : {names}").format(
                    names=", ".join(html.escape(c.name) for c in content.chair)
                )
            )
        if content.place:
            parts.append(self.tr("Lieu : {place}").format(place=html.escape(content.place)))
        if content.opening_time:
            parts.append(self.tr("Ouverture : {time}").format(time=content.opening_time))
        parts.append(
            self.tr(
                "Membres en exercice : {in_office} · présents : {present} · représentés : "
                "{represented}"
            ).format(
                present=a.present_count, represented=a.represented_count, in_office=a.in_office
            )
        )
        if a.required:
            parts.append(
                self.tr("quorum ({required}) atteint").format(required=a.required)
                if a.reached
                else self.tr("quorum ({required}) non atteint").format(required=a.required)
            )
        self.record_line.setText(
            " · ".join(parts)
            + f"<br><span style='{palette.text_css(palette.MUTED)}'>"
            + html.escape(
                self.tr(
                    "L'en-tête et la liste des présents viennent de la séance : ils ne se "
                    "retapent pas ici."
                )
            )
            + "</span>"
        )

    @staticmethod
    def _set_field(field: QtWidgets.QLineEdit, value: str) -> None:
        if field.text() != value:
            field.blockSignals(True)
            field.setText(value)
            field.blockSignals(False)

    def _refresh_items(self) -> None:
        assert self.minutes is not None
        db = self.store.db
        current_id = self.current_item_id()
        self.items = agenda.items(db, self.meeting_id)
        texts = mn.section_texts(db, self.minutes.id)
        if self.minutes.frozen:
            snapshot = mn.approved_record(db, self.minutes)
            texts = {s.item_id: s.summary for s in snapshot.sections}
        self._loading = True
        try:
            for item_id in list(self.editors):
                if item_id not in {i.id for i in self.items}:
                    editor = self.editors.pop(item_id)
                    self.editor_stack.removeWidget(editor)
                    editor.deleteLater()
                    self._dirty.discard(item_id)
            for item in self.items:
                editor = self.editors.get(item.id)
                if editor is None:
                    editor = SummaryEditor()
                    editor.setObjectName(f"summary_{item.id}")
                    a11y.name(
                        editor,
                        self.tr("Texte du point {number}. {title}").format(
                            number=item.position, title=item.title
                        ),
                    )
                    editor.textChanged.connect(lambda i=item.id: self._text_changed(i))
                    editor.focus_lost.connect(self.save_pending)
                    editor.undoAvailable.connect(lambda _a: self._apply_tool_state())
                    editor.redoAvailable.connect(lambda _a: self._apply_tool_state())
                    self.editors[item.id] = editor
                    self.editor_stack.addWidget(editor)
                    editor.setPlainText(texts.get(item.id, ""))
                    editor.document().clearUndoRedoStacks()
                elif item.id not in self._dirty and editor.toPlainText() != texts.get(item.id, ""):
                    editor.setPlainText(texts.get(item.id, ""))
        finally:
            self._loading = False
        self.item_list.blockSignals(True)
        self.item_list.clear()
        for item in self.items:
            entry = QtWidgets.QListWidgetItem(f"{item.position}. {item.title}")
            entry.setData(Qt.ItemDataRole.UserRole, item.id)
            entry.setToolTip(label(ITEM_KINDS, item.kind))
            self.item_list.addItem(entry)
        self._mark_written()
        row = next((n for n, i in enumerate(self.items) if i.id == current_id), 0)
        self.item_list.setCurrentRow(row if self.items else -1)
        self.item_list.blockSignals(False)
        self._item_selected(self.item_list.currentRow())

    def _mark_written(self) -> None:
        """Items without any text yet are shown in grey italics."""
        for n, item in enumerate(self.items):
            entry = self.item_list.item(n)
            if entry is None:
                continue
            editor = self.editors.get(item.id)
            empty = editor is None or not editor.toPlainText().strip()
            font = entry.font()
            font.setItalic(empty)
            entry.setFont(font)
            grey = palette.color(palette.MUTED) if empty else None
            entry.setData(Qt.ItemDataRole.ForegroundRole, grey)

    def _refresh_approvals(self) -> None:
        """The approval of earlier minutes on this meeting's agenda."""
        db = self.store.db
        focus = self.window().focusWidget()
        had_focus = focus is not None and self.approval_box.isAncestorOf(focus)
        while self.approval_layout.count():
            child = self.approval_layout.takeAt(0)
            if child.widget() is not None:
                child.widget().hide()  # the focus moves on instead of vanishing with the button
                child.widget().deleteLater()
        self.approve_buttons = {}
        try:
            self._fill_approvals(db)
        finally:
            if had_focus and not a11y.focus_first(self.approval_box):
                a11y.focus_after(self.approval_box)

    def _fill_approvals(self, db: Any) -> None:
        has_item = any(i.kind == mn.APPROVAL_KIND for i in agenda.items(db, self.meeting_id))
        pending = mn.to_approve_at(db, self.meeting_id)
        self.approval_box.setVisible(has_item or bool(pending))
        if not pending:
            self.approval_layout.addWidget(
                QtWidgets.QLabel(
                    self.tr("Aucun procès-verbal n'est soumis à l'approbation de cette séance.")
                )
            )
            return
        held = self.meeting.status in ("held", "closed")
        for other in pending:
            meeting = meetings.get(db, other.meeting_id)
            row = QtWidgets.QWidget()
            line = QtWidgets.QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            if other.status == "approved":
                state = self.tr("approuvé le {day}").format(day=display(other.approved_on))
            elif other.status == "submitted":
                state = self.tr("soumis aux membres le {day}").format(
                    day=display(other.submitted_on)
                )
            else:
                state = self.tr("revenu au brouillon")
            text = QtWidgets.QLabel(
                self.tr("Procès-verbal de la séance « {title} » — {state}").format(
                    title=meeting.title, state=state
                )
            )
            text.setWordWrap(True)
            line.addWidget(text, 1)
            if other.status != "approved":
                button = QtWidgets.QPushButton(self.tr("Approuver…"))
                button.setObjectName(f"approve_{other.id}")
                button.setEnabled(not self.store.read_only and other.status == "submitted" and held)
                if not held:
                    button.setToolTip(
                        self.tr("L'approbation se fait une fois la séance marquée comme tenue.")
                    )
                elif other.status != "submitted":
                    button.setToolTip(self.tr("Ce procès-verbal est revenu au brouillon."))
                item_id = other.approval_item_id
                button.clicked.connect(lambda _c=False, i=item_id: self.approve(i))
                self.approve_buttons[other.id] = button
                line.addWidget(button)
            self.approval_layout.addWidget(row)

    def _refresh_errata(self) -> None:
        self.errata_list.clear()
        corrections = mn.errata(self.store.db, self.minutes.id) if self.minutes else []
        for e in corrections:
            entry = QtWidgets.QListWidgetItem(
                self.tr("Erratum du {day} — {reason}\n{text}").format(
                    day=display(e.recorded_on), reason=e.reason, text=e.text
                )
            )
            self.errata_list.addItem(entry)
        if not corrections:
            entry = QtWidgets.QListWidgetItem(self.tr("Aucun erratum."))
            entry.setFlags(Qt.ItemFlag.NoItemFlags)
            self.errata_list.addItem(entry)
        self.side.setTabText(
            1,
            self.tr("Errata ({count})").format(count=len(corrections))
            if corrections
            else self.tr("Errata"),
        )

    def refresh_history(self) -> None:
        self.history_model.set_entries(history.meeting_history(self.store.db, self.meeting_id))
        self.history_details.setText(
            self.tr("Choisissez une ligne pour voir le détail du changement.")
        )

    def _history_selected(self, current: Any, _previous: Any = None) -> None:
        if not current.isValid():
            return
        entry = self.history_model.entry(current.row())
        self.history_details.setText(
            "\n".join(filter(None, [entry.what, HistoryTableModel.details(entry)]))
        )

    def reload(self) -> None:
        """What the meeting's other tabs and header call after a change (the meeting held:
        « Approuver… » can be clicked at once)."""
        self.refresh()

    # -- state -------------------------------------------------------------------------------
    def editable(self) -> bool:
        """Only a draft is written to, and never from a read-only window."""
        return (
            self.minutes is not None and self.minutes.status == "draft" and not self.store.read_only
        )

    def _apply_banner(self) -> None:
        minutes = self.minutes
        style = None
        text = ""
        if minutes is not None and minutes.status == "approved":
            text = self.tr(
                "Procès-verbal approuvé lors de la séance du {day}. Il est figé : une correction "
                "s'ajoute comme erratum, daté et motivé, imprimé à la suite du procès-verbal."
            ).format(day=display(minutes.approved_on))
            style = "approved"
        elif minutes is not None and minutes.status == "submitted":
            where = ""
            if minutes.approval_item_id:
                row = self.store.db.execute(
                    "SELECT meeting_id FROM agenda_items WHERE id = ?", [minutes.approval_item_id]
                ).fetchone()
                if row:
                    following = meetings.get(self.store.db, row[0])
                    where = display(following.day)
            text = self.tr(
                "Soumis aux membres le {day} ; il sera approuvé lors de la séance du {next}. "
                "Pour le modifier encore, revenez au brouillon."
            ).format(day=display(minutes.submitted_on), next=where or "…")
            style = "submitted"
        if self.store.read_only:
            message = self.tr("Base ouverte en lecture seule : {message}").format(
                message=self.store.read_only_message()
            )
            text = f"{text}\n{message}" if text else message
            style = style or "read_only"
        self.banner.setVisible(bool(text))
        self.banner.setText(text)
        if style:
            self.banner.setStyleSheet(
                "QLabel#minutes_banner { "
                + palette.panel_css(_BANNER_PANELS[style], "border-radius: 4px;")
                + " }"
            )

    def _apply_state(self) -> None:
        editable = self.editable()
        writable = not self.store.read_only and self.minutes is not None
        status = self.minutes.status if self.minutes else None
        for editor in self.editors.values():
            editor.setReadOnly(not editable)
            read_only = palette.color(palette.FILL_READ_ONLY)
            editor.setStyleSheet(
                ""
                if editable or read_only is None
                else f"QPlainTextEdit {{ background: {read_only.name()}; }}"
            )
        if not editable and not self._dirty:
            self.saved_label.setText("")
        self.secretary.setReadOnly(not editable)
        self.closing_time.setReadOnly(not editable)
        self.submit_button.setEnabled(writable and status == "draft")
        self.submit_button.setToolTip(self._submit_tooltip(status))
        self.draft_button.setEnabled(writable and status == "submitted")
        self.draft_button.setVisible(status != "approved")
        self.erratum_button.setEnabled(writable and status == "approved")
        self.erratum_button.setVisible(status == "approved")
        self.signing_button.setVisible(status == "approved")
        self.chairs_button.setVisible(status != "approved")
        self.chairs_button.setEnabled(writable and status == "draft")
        self.submit_button.setVisible(status != "approved")
        item = self.current_item()
        can_decide = editable and item is not None and item.kind != mn.APPROVAL_KIND
        self.add_decision_button.setEnabled(can_decide)
        chosen = self.decision_list.currentItem() is not None
        self.edit_decision_button.setEnabled(can_decide and chosen)
        self.decision_action_button.setEnabled(chosen and not self.store.read_only)
        self.decision_action_button.setToolTip(
            self.tr("Base ouverte en lecture seule.")
            if self.store.read_only
            else self.tr("Choisissez d'abord une décision dans la liste.")
            if not chosen
            else self.tr("Une action de suivi de la décision choisie.")
        )
        self._apply_tool_state()

    def _submit_tooltip(self, status: str | None) -> str:
        """Why « Soumettre » waits, or what it will do."""
        if self.store.read_only:
            return self.tr("Base ouverte en lecture seule.")
        if status != "draft" or self.minutes is None:
            return self.tr("Seul un brouillon se soumet.")
        missing = mn.submission_missing(self.store.db, self.minutes.id)
        if missing:
            return self.tr("Avant de soumettre : {list}").format(
                list=" ".join(f"• {m.message}" for m in missing)
            )
        return self.tr(
            "Inscrit l'approbation du procès-verbal à l'ordre du jour de la prochaine séance "
            "de l'instance."
        )

    def _apply_tool_state(self) -> None:
        editor = self.current_editor()
        editable = self.editable() and editor is not None
        self.bold_button.setEnabled(editable)
        self.list_button.setEnabled(editable)
        self.undo_button.setEnabled(editable and editor.document().isUndoAvailable())
        self.redo_button.setEnabled(editable and editor.document().isRedoAvailable())

    # -- the selected item -------------------------------------------------------------------
    def current_item(self) -> agenda.AgendaItem | None:
        row = self.item_list.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    def current_item_id(self) -> int | None:
        item = self.current_item()
        return item.id if item else None

    def current_editor(self) -> SummaryEditor | None:
        item_id = self.current_item_id()
        return self.editors.get(item_id) if item_id is not None else None

    def editor_for(self, item_id: int) -> SummaryEditor:
        return self.editors[item_id]

    def select_item(self, item_id: int) -> None:
        for n, item in enumerate(self.items):
            if item.id == item_id:
                self.item_list.setCurrentRow(n)
                return

    def _with_editor(self, action: Any) -> None:
        editor = self.current_editor()
        if editor is not None:
            action(editor)
            editor.setFocus()

    def _item_selected(self, row: int) -> None:
        self.save_pending()
        item = self.items[row] if 0 <= row < len(self.items) else None
        if item is None:
            self.editor_stack.setCurrentWidget(self.no_items)
            self.item_title.setText("")
            self.item_info.setText("")
            self.vote_label.setText("")
            self.decision_box.setVisible(False)
            self._apply_state()
            return
        self.editor_stack.setCurrentWidget(self.editors[item.id])
        self.item_title.setText(f"{item.position}. {item.title}")
        info = [label(ITEM_KINDS, item.kind)]
        if item.presenter_text:
            info.append(self.tr("présenté par {name}").format(name=item.presenter_text))
        self.item_info.setText(" · ".join(info))
        self._show_vote(item)
        self._show_decisions(item)
        self._apply_state()

    def _show_vote(self, item: agenda.AgendaItem) -> None:
        vote = votes.vote_for_item(self.store.db, item.id)
        if vote is None:
            self.vote_label.setText(
                f"<span style='{palette.text_css(palette.MUTED)}'>"
                + html.escape(self.tr("Pas de vote enregistré sur ce point."))
                + "</span>"
            )
            return
        counts = self.tr(
            "{votes_for} pour, {votes_against} contre, %n abstentions", "", vote.abstentions
        ).format(votes_for=vote.votes_for, votes_against=vote.votes_against)
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

    def _show_decisions(self, item: agenda.AgendaItem) -> None:
        self.decision_box.setVisible(item.kind != mn.APPROVAL_KIND)
        self.decision_list.clear()
        for d in decisions.decisions_of_item(self.store.db, item.id):
            entry = QtWidgets.QListWidgetItem(
                f"{d.reference} — {label(DECISION_KINDS, d.kind)} : {d.text}"
            )
            entry.setData(Qt.ItemDataRole.UserRole, d.id)
            self.decision_list.addItem(entry)

    # -- autosave ----------------------------------------------------------------------------
    def _text_changed(self, item_id: int) -> None:
        if self._loading or not self.editable():
            return
        self._dirty.add(item_id)
        self.saved_label.setText(self.tr("Modifications en cours…"))
        self.saved_label.setStyleSheet(palette.text_css(palette.MUTED))
        self._autosave.start()

    def has_unsaved_changes(self) -> bool:
        return bool(self._dirty)

    def save_pending(self) -> bool:
        """Write every changed section now. Returns False when something could not be saved
        (the reason is shown beside « Enregistré à … »)."""
        if not self._dirty or self.minutes is None:
            return True
        if self._busy:  # an export reads the database on another thread: save right after it
            self._autosave.start()
            return True
        self._autosave.stop()
        for item_id in sorted(self._dirty):
            editor = self.editors.get(item_id)
            if editor is None:
                self._dirty.discard(item_id)
                continue
            try:
                mn.save_section(self.store, self.minutes.id, item_id, editor.toPlainText())
            except UserError as error:
                self.last_save_error = error.message
                self.saved_label.setText(
                    self.tr("Non enregistré : {message}").format(message=error.message)
                )
                self.saved_label.setStyleSheet(palette.text_css(palette.ERROR, bold=True))
                return False
            self._dirty.discard(item_id)
        self.last_save_error = None
        when = dt.datetime.now().strftime("%H:%M:%S")
        self.saved_label.setText(self.tr("Enregistré à {time}").format(time=when))
        self.saved_label.setStyleSheet(palette.text_css(palette.SUCCESS))
        self._mark_written()
        self.refresh_history()
        self.saved.emit(when)
        return True

    def flush(self) -> bool:
        """Save what is typed before the tab or the window goes away."""
        return self.save_pending()

    def hideEvent(self, event: QtGui.QHideEvent) -> None:
        self.save_pending()
        super().hideEvent(event)

    def closeEvent(self, event: QtGui.QCloseEvent) -> None:
        self.save_pending()
        super().closeEvent(event)

    # -- header fields -----------------------------------------------------------------------
    def _save_field(self, name: str, widget: QtWidgets.QLineEdit) -> None:
        if not self.editable() or self.minutes is None:
            return
        if widget.text().strip() == (getattr(self.minutes, name) or ""):
            return
        try:
            mn.update(self.store, self.minutes.id, **{name: widget.text()})
        except UserError as error:
            self.field_errors.show(error if error.field else UserError(error.message, name))
            return
        self.field_errors.clear()
        self.minutes = mn.get(self.store.db, self.minutes.id)
        self._set_field(widget, getattr(self.minutes, name) or "")
        self.saved_label.setText(
            self.tr("Enregistré à {time}").format(time=dt.datetime.now().strftime("%H:%M:%S"))
        )
        self.saved_label.setStyleSheet(palette.text_css(palette.SUCCESS))
        self.refresh_history()

    def _save_secretary(self) -> None:
        self._save_field("secretary", self.secretary)

    def _save_closing_time(self) -> None:
        self._save_field("closing_time", self.closing_time)

    def save_header(self) -> None:
        self._save_secretary()
        self._save_closing_time()

    # -- workflow ----------------------------------------------------------------------------
    def submit(self) -> SubmitMinutesDialog | None:
        """Save what is typed, then the submission dialog: what is still missing, all at once,
        each with its fix, and « Soumettre » once nothing is (it is also the confirmation)."""
        from ui.dialogs.submit_minutes import SubmitMinutesDialog

        if self.minutes is None or not self.editable():
            return None
        self.save_header()
        if not self.save_pending():
            return None
        dialog = SubmitMinutesDialog(self.store, self.minutes.id, self)
        dialog.changed.connect(self._changed_elsewhere)
        dialog.submitted.connect(lambda _item: self._submitted())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.submit_dialog = dialog
        dialog.open()
        return dialog

    def _changed_elsewhere(self) -> None:
        self.field_errors.clear()
        self.refresh()
        self.changed.emit()

    def _submitted(self) -> None:
        """Once submitted (not at each fix made in the dialog): the draft offered by e-mail."""
        self._changed_elsewhere()
        from ui.mail.offers import offer_draft_minutes

        if self.minutes is not None:
            offer_draft_minutes(self, self.store, self.minutes.id)

    def return_to_draft(self) -> None:
        if self.minutes is None or self.store.read_only:
            return
        try:
            mn.return_to_draft(self.store, self.minutes.id)
        except UserError as error:
            show_user_error(self, error, self.tr("Revenir au brouillon"))
            return
        self.refresh()
        self.changed.emit()

    def approve(self, item_id: int | None) -> None:
        if item_id is None or self.store.read_only:
            return
        other = mn.minutes_for_item(self.store.db, item_id)
        day = display(meetings.get(self.store.db, other.meeting_id).day) if other else ""
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
            mn.approve(self.store, item_id)
        except UserError as error:
            show_user_error(self, error, self.tr("Approuver le procès-verbal"))
            return
        self.refresh()
        self.changed.emit()

    def open_chairs(self) -> QtWidgets.QDialog:
        """Who presided (the minutes' header and their signature block follow it)."""
        from ui.dialogs.chairs import ChairsDialog

        dialog = ChairsDialog(self.store, self.meeting_id, self)
        dialog.finished.connect(lambda _result: self.refresh())
        dialog.open()
        return dialog

    def open_signatures(self) -> QtWidgets.QDialog:
        """The signatures of the approved minutes: sign, save the signed PDF, verify a PDF."""
        from ui.dialogs.signing import SigningDialog

        dialog = SigningDialog(self.store, self.meeting_id, self)
        dialog.finished.connect(lambda _result: self.refresh())
        dialog.open()
        return dialog

    def add_erratum(self) -> None:
        if self.minutes is None or not self.minutes.frozen or self.store.read_only:
            return
        dialog = ErratumDialog(self.store, self.minutes.id, self)
        if dialog.exec() == QtWidgets.QDialog.DialogCode.Accepted:
            self._refresh_errata()
            self.refresh_history()
            self.side.setCurrentIndex(1)
            self.changed.emit()

    # -- decisions ---------------------------------------------------------------------------
    def add_decision(self) -> None:
        item = self.current_item()
        if item is None or not self.editable():
            return
        dialog = DecisionDialog(self.store, item.id, parent=self, item_title=item.title)
        if dialog.exec() == QtWidgets.QDialog.DialogCode.Accepted:
            self._decisions_changed(item)

    def edit_decision(self) -> None:
        item = self.current_item()
        entry = self.decision_list.currentItem()
        if item is None or entry is None or not self.editable():
            return
        decision_id = entry.data(Qt.ItemDataRole.UserRole)
        dialog = DecisionDialog(
            self.store, item.id, decision_id, parent=self, item_title=item.title
        )
        if dialog.exec() == QtWidgets.QDialog.DialogCode.Accepted:
            self._decisions_changed(item)

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
        self.refresh_history()
        self.changed.emit()
        return dialog.saved_id

    def _decisions_changed(self, item: agenda.AgendaItem) -> None:
        self._show_decisions(item)
        self.refresh_history()
        self._apply_state()
        self.changed.emit()

    # -- exports -----------------------------------------------------------------------------
    def _default_file_name(self, suffix: str, form: str, public: bool) -> str:
        body = self.store.db.execute(
            "SELECT name FROM bodies WHERE id = ?", [self.meeting.body_id]
        ).fetchone()
        name = f"{label(FORMS, form)} - {body[0] if body else ''} - {self.meeting.day.isoformat()}"
        if public:
            name += " " + self.tr("(public)")
        name = re.sub(r'[\\/:*?"<>|]', "-", name)
        return str(documents_folder() / (name + suffix))

    def choose_export(self, suffix: str, form: str, public: bool) -> None:
        if suffix == ".pdf":
            filters = self.tr("Document PDF (*.pdf)")
        else:
            filters = self.tr("Document Word (*.docx)")
        name, _filter = QtWidgets.QFileDialog.getSaveFileName(
            self,
            self.tr("Exporter le procès-verbal"),
            self._default_file_name(suffix, form, public),
            filters,
        )
        if name:
            path = Path(name)
            if path.suffix.lower() != suffix:
                path = path.with_name(path.name + suffix)
            self.export_to(path, form=form, public=public)

    def export_to(self, path: Path, *, form: str = "pv", public: bool = False) -> Operation:
        """Write the minutes to `path` (.pdf or .docx) off the GUI thread; `exported` follows."""
        self.save_pending()
        self.save_header()
        db, meeting_id = self.store.db, self.meeting_id

        def work(_progress: Any) -> Path:
            if path.suffix.lower() == ".docx":
                from ess_desk.exchange import minutes_docx

                return minutes_docx.write(db, meeting_id, path, public=public, form=form)
            from ess_desk.documents import minutes_pdf

            return minutes_pdf.build(db, meeting_id, path, public=public, form=form)

        self._busy = True
        self.export_button.setEnabled(False)
        return (
            Operation(self, work)
            .success(self._exported)
            .failure(self._export_failed)
            .run_with_progress(self.tr("Export du procès-verbal…"))
        )

    def _exported(self, path: Path) -> None:
        self._busy = False
        self.export_button.setEnabled(True)
        self.last_export = path
        self.exported.emit(path)
        if confirm(
            self,
            self.tr("Export terminé"),
            self.tr("Le procès-verbal a été enregistré dans {path}.").format(path=path),
            self.tr("Ouvrir le fichier"),
        ):
            QtGui.QDesktopServices.openUrl(QtCore.QUrl.fromLocalFile(str(path)))

    def _export_failed(self, error: Exception) -> None:
        self._busy = False
        self.export_button.setEnabled(True)
        if isinstance(error, UserError):
            show_user_error(self, error, self.tr("Exporter le procès-verbal"))
        else:
            show_unexpected_error(self, error, self.tr("Exporter le procès-verbal"))
