"""« Suivi des actions » of a meeting: its body's open actions, overdue first, gone through in one
pass with the keyboard, an update (or « sans changement ») recorded for each."""

from __future__ import annotations

import datetime as dt

from ess_desk.actions import review
from ess_desk.dates import display
from ess_desk.errors import UserError
from ess_desk.meetings import agenda, meetings
from ess_desk.store import Store
from ui import a11y, fitting, palette
from ui.columns import choose_columns
from ui.dialogs.action import progress_spin, status_combo
from ui.dialogs.common import error_label, inform
from ui.models_actions import ReviewTableModel
from ui.qt import QEvent, QModelIndex, QObject, Qt, QtGui, QtWidgets, Signal

RECORD_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class ActionsReviewTab(QtWidgets.QWidget):
    """`ActionsReviewTab(store, meeting_id, parent=None)`: the tab « Suivi des actions » of a
    meeting.

    The current row's status, progress and comment are edited under the table. Enter records
    them (`review.record_review`) and moves to the next action; Ctrl+Espace, or Alt+S on the
    « Sans changement » button, records « pas de changement » (`review.record_no_change`) and
    moves on. `actions_changed` is emitted after each entry.
    """

    actions_changed = Signal()

    def __init__(
        self,
        store: Store,
        meeting_id: int,
        parent: QtWidgets.QWidget | None = None,
        today: dt.date | None = None,
    ):
        super().__init__(parent)
        self._store = store
        self._today = today
        self.meeting_id = meeting_id
        self._meeting = meetings.get(store.db, meeting_id)
        writable = not store.read_only

        title = fitting.WrappingLabel(
            self.tr("Suivi des actions — {meeting}").format(meeting=self._meeting.title)
        )
        title.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.progress_label = QtWidgets.QLabel()
        self.progress_label.setObjectName("review_progress")
        self.progress_bar = QtWidgets.QProgressBar()
        self.progress_bar.setMaximumWidth(220)
        self.progress_bar.setTextVisible(False)
        heading = QtWidgets.QHBoxLayout()
        heading.addWidget(title, 1)
        heading.addWidget(self.progress_label)
        heading.addWidget(self.progress_bar)
        hint = fitting.WrappingLabel(
            self.tr(
                "Les actions ouvertes de l'instance, les plus en retard d'abord. ↑ ↓ pour "
                "choisir, Tab pour aller au statut, à l'avancement et au commentaire ; "
                "Entrée enregistre et passe à la suivante ; Ctrl+Espace : sans changement."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet(palette.text_css(palette.MUTED))

        self.model = ReviewTableModel(store.db, meeting_id, self, today=today)
        self.view = QtWidgets.QTableView()
        a11y.name(self.view, self.tr("Actions à passer en revue"))
        self.view.setObjectName("review_table")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(24)
        header = self.view.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        # When narrow the last update goes first, then the number and the owner (ui.columns).
        m = ReviewTableModel
        self.columns = choose_columns(
            self.view,
            "review",
            {m.DONE: (1, 50), m.ID: (3, 50), m.TITLE: (1, None), m.OWNER: (2, 200)}
            | {m.DUE: (1, 190), m.STATUS: (1, 85), m.PROGRESS: (2, 90), m.LAST_UPDATE: (4, 220)},
            stretch=m.TITLE,
        )
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)

        # The inline editor of the current row.
        self.editor = QtWidgets.QGroupBox()
        self.editor.setObjectName("review_editor")
        self.current_title = fitting.WrappingLabel()
        self.current_title.setStyleSheet("font-weight: bold;")
        self.last_update = fitting.WrappingLabel()
        self.last_update.setStyleSheet(palette.text_css(palette.MUTED))
        self.status = status_combo()
        a11y.name(self.status, self.tr("Statut"))
        self.progress = progress_spin()
        a11y.name(self.progress, self.tr("Avancement"))
        self.comment = QtWidgets.QLineEdit()
        a11y.name(self.comment, self.tr("Commentaire"))
        self.comment.setPlaceholderText(self.tr("Ce qui a été dit en séance (facultatif)"))
        self.record_button = QtWidgets.QPushButton(self.tr("Enregistrer (Entrée)"))
        self.no_change_button = QtWidgets.QPushButton(self.tr("&Sans changement (Ctrl+Espace)"))
        self.record_button.setAutoDefault(False)
        self.no_change_button.setAutoDefault(False)
        self.record_button.clicked.connect(self.record_current)
        self.no_change_button.clicked.connect(self.record_no_change)
        self.error = error_label()
        self.error.setObjectName("review_error")
        self.comment.setMinimumWidth(240)
        # The fields wrap onto a second line when the window is narrow.
        fields = fitting.flow_row(
            fitting.pair(a11y.labelled(self.tr("Statut"), self.status), self.status),
            fitting.pair(a11y.labelled(self.tr("Avancement"), self.progress), self.progress),
            fitting.pair(a11y.labelled(self.tr("Commentaire"), self.comment), self.comment),
            self.record_button,
            self.no_change_button,
        )
        editor_layout = QtWidgets.QVBoxLayout(self.editor)
        editor_layout.addWidget(self.current_title)
        editor_layout.addWidget(self.last_update)
        editor_layout.addWidget(fields)
        editor_layout.addWidget(self.error)

        self.from_item_button = QtWidgets.QPushButton(self.tr("Nouvelle action depuis un point…"))
        self.from_item_button.clicked.connect(self.new_action_from_item)
        bottom = QtWidgets.QHBoxLayout()
        bottom.addWidget(self.from_item_button)
        bottom.addStretch(1)

        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(heading)
        layout.addWidget(hint)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.editor)
        layout.addLayout(bottom)

        for widget in (self.view, self.status, self.progress, self.comment):
            widget.installEventFilter(self)
        shortcut = QtGui.QShortcut(QtGui.QKeySequence("Ctrl+Space"), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.record_no_change)

        for button in (self.record_button, self.no_change_button, self.from_item_button):
            button.setProperty("edits", True)
            button.setEnabled(writable)
            if not writable:
                button.setToolTip(store.read_only_message())
        for widget in (self.status, self.progress, self.comment):
            widget.setEnabled(writable)

        self._update_progress()
        if self.model.rowCount():
            self.view.selectRow(self._first_to_review())
        else:
            self._current_changed(QModelIndex(), QModelIndex())

    # -- keyboard ----------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.KeyPress:
            key_event: QtGui.QKeyEvent = event  # type: ignore[assignment]
            key = key_event.key()
            modifiers = key_event.modifiers()
            if key == Qt.Key.Key_Space and modifiers & Qt.KeyboardModifier.ControlModifier:
                self.record_no_change()
                return True
            if key in RECORD_KEYS and not (
                watched is self.status and self.status.view().isVisible()
            ):
                self.record_current()
                return True
        return super().eventFilter(watched, event)

    # -- state -------------------------------------------------------------------------------
    def current_row(self) -> int:
        index = self.view.currentIndex()
        return index.row() if index.isValid() else -1

    def current_action_id(self) -> int | None:
        row = self.model.action_row(self.current_row())
        return row.id if row is not None else None

    def _first_to_review(self) -> int:
        for row in range(self.model.rowCount()):
            if not self.model.reviewed(row):
                return row
        return 0

    def _update_progress(self) -> None:
        done, total = self.model.progress()
        self.progress_label.setText(
            self.tr("{done} / {total} revues").format(done=done, total=total)
        )
        self.progress_bar.setMaximum(max(total, 1))
        self.progress_bar.setValue(done)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.error.setVisible(False)
        row = self.model.action_row(current.row()) if current.isValid() else None
        self.editor.setEnabled(row is not None)
        if row is None:
            self.current_title.setText(
                self.tr("Aucune action ouverte pour cette instance à la date de la séance.")
            )
            self.last_update.clear()
            return
        self.editor.setTitle(
            self.tr("Action {n} sur {total}").format(
                n=current.row() + 1, total=self.model.rowCount()
            )
        )
        late = self.tr(" — en retard de %n jours", "", row.days_late) if row.overdue else ""
        number = self.tr("n°{n}").format(n=row.id)
        self.current_title.setText(f"{number} — {row.title} ({row.owner}){late}")
        self.current_title.setStyleSheet(
            palette.text_css(palette.ERROR if row.overdue else None, bold=True)
        )
        self.last_update.setText(
            self.tr("Dernier point : {text}").format(text=row.last_update_text)
            if row.last_update_text
            else self.tr("Pas encore de point de suivi.")
        )
        self.status.setCurrentIndex(self.status.findData(row.status))
        self.progress.setValue(row.progress)
        self.comment.clear()

    # -- recording ---------------------------------------------------------------------------
    def record_current(self) -> bool:
        """Record the editor's status, progress and comment for the current action, then move
        to the next one. Returns False when the core refused (its message is shown)."""
        action_id = self.current_action_id()
        if action_id is None or self._store.read_only:
            return False
        try:
            review.record_review(
                self._store,
                self.meeting_id,
                action_id,
                status=self.status.currentData(),
                progress=self.progress.value(),
                comment=self.comment.text(),
                today=self._today,
            )
        except UserError as exc:
            self._refused(exc)
            return False
        self._recorded(action_id)
        return True

    def record_no_change(self) -> bool:
        """« Sans changement » for the current action (a comment typed is kept), then next."""
        action_id = self.current_action_id()
        if action_id is None or self._store.read_only:
            return False
        try:
            if self.comment.text().strip():
                # A remark without a change of state is still « pas de changement ».
                row = self.model.action_row(self.current_row())
                assert row is not None
                review.record_review(
                    self._store,
                    self.meeting_id,
                    action_id,
                    status=row.status,
                    progress=row.progress,
                    comment=self.comment.text(),
                    today=self._today,
                )
            else:
                review.record_no_change(
                    self._store, self.meeting_id, [action_id], today=self._today
                )
        except UserError as exc:
            self._refused(exc)
            return False
        self._recorded(action_id)
        return True

    def _refused(self, exc: UserError) -> None:
        self.error.setText(exc.message)
        self.error.setVisible(True)
        if exc.field == "progress":
            self.progress.setFocus()

    def _recorded(self, action_id: int) -> None:
        row = self.model.row_of(action_id)
        focus = QtWidgets.QApplication.focusWidget()
        self.model.reload()
        self._update_progress()
        next_row = min((row if row is not None else 0) + 1, self.model.rowCount() - 1)
        self.view.selectRow(max(next_row, 0))
        self.view.scrollTo(self.model.index(max(next_row, 0), 0))
        if focus is not None and focus.isVisible():
            focus.setFocus()
        done, total = self.model.progress()
        if done == total and total:
            self.current_title.setText(
                self.tr("Toutes les actions ont été revues à cette séance.")
                + "  "
                + self.current_title.text()
            )
        self.actions_changed.emit()

    # -- new action ----------------------------------------------------------------------------
    def new_action_from_item(self) -> None:
        if self._store.read_only:
            return
        items = agenda.items(self._store.db, self.meeting_id)
        if not items:
            inform(
                self,
                self.tr("Nouvelle action"),
                self.tr("L'ordre du jour de cette séance n'a pas encore de point."),
            )
            return
        labels = [f"{item.position}. {item.title}" for item in items]
        choice, ok = QtWidgets.QInputDialog.getItem(
            self,
            self.tr("Nouvelle action depuis un point"),
            self.tr("Point de l'ordre du jour du {day} :").format(day=display(self._meeting.day)),
            labels,
            0,
            False,
        )
        if ok and choice in labels:
            self.open_action_dialog(items[labels.index(choice)].id)

    def open_action_dialog(self, item_id: int) -> int | None:
        """The action dialog with this agenda item as origin; the new action's id once saved."""
        from ui.dialogs.action import ActionDialog

        dialog = ActionDialog(self._store, item_id=item_id, parent=self, today=self._today)
        if dialog.exec() != QtWidgets.QDialog.DialogCode.Accepted:
            return None
        self.reload()
        self.actions_changed.emit()
        return dialog.saved_id

    def reload(self) -> None:
        keep = self.current_action_id()
        self.model.reload()
        self._update_progress()
        row = self.model.row_of(keep) if keep is not None else None
        if self.model.rowCount():
            self.view.selectRow(row if row is not None else self._first_to_review())
