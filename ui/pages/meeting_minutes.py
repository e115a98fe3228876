"""The « Procès-verbal » tab of a meeting: drafting by agenda item with autosave, submission,
approval at the next meeting, the frozen record with its errata, history and exports."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ess_desk.errors import UserError
from ess_desk.meetings import agenda, meetings
from ess_desk.meetings.vocabulary import ITEM_KINDS
from ess_desk.membership.vocabulary import label
from ess_desk.minutes import minutes as mn
from ess_desk.store import Store
from ui import a11y, palette
from ui.dialogs.common import (
    confirm,
    show_unexpected_error,
    show_user_error,
)
from ui.dialogs.erratum import ErratumDialog
from ui.pages.minutes_approvals import ApprovalsBox
from ui.pages.minutes_buttons import MinutesButtons
from ui.pages.minutes_editor import SummaryEditor
from ui.pages.minutes_header import MinutesHeader
from ui.pages.minutes_item import ItemPanel
from ui.pages.minutes_side import ERRATA_TAB, MinutesSidePanel
from ui.pages.minutes_texts import SectionTexts
from ui.pages.minutes_top import MinutesPlaceholder, MinutesTop
from ui.qt import Qt, QtCore, QtGui, QtWidgets, Signal
from ui.workers import Operation

if TYPE_CHECKING:
    from ui.dialogs.submit_minutes import SubmitMinutesDialog


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
        self.last_export: Path | None = None

        self._build()
        self._start_if_due()
        self.refresh()

    # -- construction ------------------------------------------------------------------------
    def _build(self) -> None:
        self.top = MinutesTop()
        self.approvals = ApprovalsBox()
        self.approvals.approved.connect(self._changed_elsewhere)

        # What shows while the meeting has no minutes yet.
        self.placeholder = MinutesPlaceholder()
        self.placeholder.start_button.clicked.connect(self.start_minutes)

        self.content = QtWidgets.QWidget()
        self._build_content(self.content)
        self.pages = QtWidgets.QStackedWidget()
        self.pages.addWidget(self.placeholder)
        self.pages.addWidget(self.content)

        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.top)
        layout.addWidget(self.approvals)
        layout.addWidget(self.pages, 1)

    def _build_content(self, content: QtWidgets.QWidget) -> None:
        self.header = MinutesHeader(self.store, self.meeting_id)
        self.header.saved.connect(self._header_saved)

        # Workflow and exports.
        self.buttons = MinutesButtons()
        self.buttons.submit_button.clicked.connect(self.submit)
        self.buttons.draft_button.clicked.connect(self.return_to_draft)
        self.buttons.erratum_button.clicked.connect(self.add_erratum)
        self.buttons.chairs_button.clicked.connect(self.open_chairs)
        self.buttons.signing_button.clicked.connect(self.open_signatures)
        self.buttons.export_chosen.connect(self.choose_export)

        # Left: the agenda items.
        self.item_list = QtWidgets.QListWidget()
        self.item_list.setObjectName("minutes_items")
        a11y.name(self.item_list, self.tr("Points de l'ordre du jour"))
        self.item_list.setWordWrap(True)
        self.item_list.setMinimumWidth(110)
        self.item_list.currentRowChanged.connect(self._item_selected)

        # Middle: the editor of the selected item, its vote and decisions; right: history, errata.
        self.item_panel = ItemPanel(self.store)
        self.item_panel.decisions_changed.connect(self._decisions_changed)
        self.item_panel.action_added.connect(self._action_added)
        self.texts = SectionTexts(self.store, self.item_panel, self)
        self.texts.typing.connect(self.top.typing)
        self.texts.saved.connect(self._texts_saved)
        self.texts.failed.connect(self.top.not_saved)
        self.side = MinutesSidePanel()

        self.splitter = QtWidgets.QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.item_list)
        self.splitter.addWidget(self.item_panel)
        self.splitter.addWidget(self.side)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 1)
        self.splitter.setSizes([210, 600, 380])
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setCollapsible(2, True)  # the history and errata fold away when narrow

        layout = QtWidgets.QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.header)
        layout.addWidget(self.buttons)
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
        self.top.show_minutes(self.store, self.meeting, self.minutes)
        self.approvals.refresh(self.store, self.meeting)
        self.texts.minutes_id = self.minutes.id if self.minutes else None
        if self.minutes is None:
            self.pages.setCurrentWidget(self.placeholder)
            self.placeholder.show_meeting(self.meeting, self.store.read_only)
            return
        self.pages.setCurrentWidget(self.content)
        self.header.show_minutes(self.minutes)
        self._refresh_items()
        self.side.show_errata(mn.errata(self.store.db, self.minutes.id))
        self.refresh_history()
        self._apply_state()

    def _refresh_items(self) -> None:
        assert self.minutes is not None
        db = self.store.db
        current_id = self.current_item_id()
        self.items = agenda.items(db, self.meeting_id)
        self.texts.load(self.minutes, self.items)
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
            editor = self.texts.editors.get(item.id)
            empty = editor is None or not editor.toPlainText().strip()
            font = entry.font()
            font.setItalic(empty)
            entry.setFont(font)
            grey = palette.color(palette.MUTED) if empty else None
            entry.setData(Qt.ItemDataRole.ForegroundRole, grey)

    def refresh_history(self) -> None:
        self.side.show_history(self.store.db, self.meeting_id)

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

    def _apply_state(self) -> None:
        editable = self.editable()
        self.texts.set_editable(editable)
        if not editable and not self.texts.has_unsaved_changes():
            self.top.clear_saved()
        self.header.set_editable(editable)
        self.buttons.apply(self.store, self.minutes)
        self.item_panel.apply_state(editable)

    # -- the selected item -------------------------------------------------------------------
    def current_item(self) -> agenda.AgendaItem | None:
        row = self.item_list.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    def current_item_id(self) -> int | None:
        item = self.current_item()
        return item.id if item else None

    def current_editor(self) -> SummaryEditor | None:
        item_id = self.current_item_id()
        return self.texts.editors.get(item_id) if item_id is not None else None

    def editor_for(self, item_id: int) -> SummaryEditor:
        return self.texts.editors[item_id]

    def select_item(self, item_id: int) -> None:
        for n, item in enumerate(self.items):
            if item.id == item_id:
                self.item_list.setCurrentRow(n)
                return

    def _item_selected(self, row: int) -> None:
        self.save_pending()
        item = self.items[row] if 0 <= row < len(self.items) else None
        self.item_panel.show_item(item, self.texts.editors[item.id] if item else None)
        self._apply_state()

    # -- autosave ----------------------------------------------------------------------------
    @property
    def editors(self) -> dict[int, SummaryEditor]:
        return self.texts.editors

    def has_unsaved_changes(self) -> bool:
        return self.texts.has_unsaved_changes()

    def save_pending(self) -> bool:
        """Write every changed section now. Returns False when something could not be saved
        (the reason is shown beside « Enregistré à … »)."""
        return self.texts.save_pending()

    def _texts_saved(self, when: str) -> None:
        self.top.saved_at(when)
        self._mark_written()
        self.refresh_history()
        self.saved.emit(when)

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
    def save_header(self) -> None:
        self.header.save()

    def _header_saved(self, minutes: mn.Minutes) -> None:
        self.minutes = minutes
        self.top.saved_at(dt.datetime.now().strftime("%H:%M:%S"))
        self.refresh_history()

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
        # Bound methods, not lambdas: a lambda would keep this tab alive from its own dialog.
        dialog.submitted.connect(self._submitted)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.submit_dialog = dialog
        dialog.open()
        return dialog

    def _changed_elsewhere(self) -> None:
        self.header.field_errors.clear()
        self.refresh()
        self.changed.emit()

    def _submitted(self, _approval_item_id: int = 0) -> None:
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

    def open_chairs(self) -> QtWidgets.QDialog:
        """Who presided (the minutes' header and their signature block follow it)."""
        from ui.dialogs.chairs import ChairsDialog

        dialog = ChairsDialog(self.store, self.meeting_id, self)
        dialog.finished.connect(self._dialog_finished)
        dialog.open()
        return dialog

    def open_signatures(self) -> QtWidgets.QDialog:
        """The signatures of the approved minutes: sign, save the signed PDF, verify a PDF."""
        from ui.dialogs.signing import SigningDialog

        dialog = SigningDialog(self.store, self.meeting_id, self)
        dialog.finished.connect(self._dialog_finished)
        dialog.open()
        return dialog

    def _dialog_finished(self, _result: int) -> None:
        self.refresh()

    def add_erratum(self) -> None:
        if self.minutes is None or not self.minutes.frozen or self.store.read_only:
            return
        dialog = ErratumDialog(self.store, self.minutes.id, self)
        if dialog.exec() == QtWidgets.QDialog.DialogCode.Accepted:
            self.side.show_errata(mn.errata(self.store.db, self.minutes.id))
            self.refresh_history()
            self.side.setCurrentIndex(ERRATA_TAB)
            self.changed.emit()

    # -- decisions ---------------------------------------------------------------------------
    def _decisions_changed(self) -> None:
        self.refresh_history()
        self._apply_state()
        self.changed.emit()

    def _action_added(self) -> None:
        self.refresh_history()
        self.changed.emit()

    # -- exports -----------------------------------------------------------------------------
    def choose_export(self, suffix: str, form: str, public: bool) -> None:
        path = self.buttons.ask_export_path(self.store, self.meeting, suffix, form, public)
        if path is not None:
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

        self.texts.busy = True
        self.buttons.export_button.setEnabled(False)
        return (
            Operation(self, work)
            .success(self._exported)
            .failure(self._export_failed)
            .run_with_progress(self.tr("Export du procès-verbal…"))
        )

    def _exported(self, path: Path) -> None:
        self.texts.busy = False
        self.buttons.export_button.setEnabled(True)
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
        self.texts.busy = False
        self.buttons.export_button.setEnabled(True)
        if isinstance(error, UserError):
            show_user_error(self, error, self.tr("Exporter le procès-verbal"))
        else:
            show_unexpected_error(self, error, self.tr("Exporter le procès-verbal"))
