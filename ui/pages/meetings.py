"""The Séances page: meetings upcoming and past with filters, and one meeting opened in place."""

from __future__ import annotations

from ess_desk.meetings import meetings
from ess_desk.meetings.vocabulary import MEETING_STATUSES
from ess_desk.membership import bodies
from ess_desk.membership.vocabulary import label
from ess_desk.store import Store
from ui import a11y
from ui.columns import choose_columns
from ui.dialogs.meeting import MeetingDialog
from ui.dialogs.schedule import ScheduleDialog
from ui.fitting import flow_row, pair, size_by_current_page
from ui.models_meetings import (
    ORDER_CHRONOLOGICAL,
    ORDER_NEWEST_FIRST,
    ORDER_UPCOMING_FIRST,
    MeetingsProxy,
    MeetingsTableModel,
)
from ui.pages.meeting import KeyActions, MeetingView, selected_row
from ui.qt import Qt, QtWidgets, Signal
from ui.widgets import make_table

M = MeetingsTableModel


class MeetingsPage(QtWidgets.QWidget):
    """`MeetingsPage(store)`: the list of meetings; `open_meeting(id)` shows one in place."""

    selection_changed = Signal()

    def __init__(self, store: Store, parent: QtWidgets.QWidget | None = None):
        super().__init__(parent)
        self._store = store
        self.view_widget: MeetingView | None = None

        # Filters.
        self.body_filter = QtWidgets.QComboBox()
        self.body_filter.setObjectName("body_filter")
        self.status_filter = QtWidgets.QComboBox()
        self.status_filter.setObjectName("status_filter")
        self.status_filter.addItem(self.tr("Tous les statuts"), None)
        for key in MEETING_STATUSES:
            self.status_filter.addItem(label(MEETING_STATUSES, key), key)
        self.year_filter = QtWidgets.QComboBox()
        self.year_filter.setObjectName("year_filter")
        self.order = QtWidgets.QComboBox()
        self.order.addItem(self.tr("À venir d'abord"), ORDER_UPCOMING_FIRST)
        self.order.addItem(self.tr("Du plus ancien au plus récent"), ORDER_CHRONOLOGICAL)
        self.order.addItem(self.tr("Du plus récent au plus ancien"), ORDER_NEWEST_FIRST)
        # One row of filters when there is room, wrapped when narrow (each caption stays with
        # its list).
        captions = []
        for text, combo in (
            (self.tr("Instance"), self.body_filter),
            (self.tr("Statut"), self.status_filter),
            (self.tr("Année"), self.year_filter),
            (self.tr("Ordre"), self.order),
        ):
            caption = QtWidgets.QLabel(text)
            caption.setBuddy(combo)
            captions.append(pair(caption, combo))
        filters = flow_row(*captions, spacing=14)

        self.model = MeetingsTableModel(store.db, self)
        self.proxy = MeetingsProxy(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(M.SORT_ROLE)
        self.table = make_table(self.proxy, M.TITLE)
        a11y.name(self.table, self.tr("Séances"))
        self.table.setObjectName("meetings")
        # Widths at first from the font, not from the contents (measuring every row would
        # compute the notice deadline of hundreds of meetings before the page shows); the place
        # goes first when narrow, then the hour, the body and the deadline; widths dragged are
        # kept (ui.columns).
        metrics = self.table.fontMetrics()
        em = metrics.horizontalAdvance("M")
        self.columns = choose_columns(
            self.table,
            "meetings",
            {
                M.DATE: (1, metrics.horizontalAdvance("00/00/0000") + em * 2),
                M.TIME: (2, metrics.horizontalAdvance("00:00 – 00:00") + em * 2),
                M.BODY: (2, 16 * em),
                M.TITLE: (1, None),
                M.PLACE: (3, 16 * em),
                M.STATUS: (1, 8 * em),
                M.DEADLINE: (2, None),
            },
            stretch=M.TITLE,
        )
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        self._keys = KeyActions(
            self.table, {"Return": self.open_selected, "Enter": self.open_selected}
        )
        self.count_label = QtWidgets.QLabel()
        self.count_label.setObjectName("meetings_count")

        self.new_button = QtWidgets.QPushButton(self.tr("Nouvelle séance"))
        self.schedule_button = QtWidgets.QPushButton(self.tr("Calendrier annuel…"))
        self.open_button = QtWidgets.QPushButton(self.tr("Ouvrir"))
        self.new_button.clicked.connect(self.new_meeting)
        self.schedule_button.clicked.connect(self.new_schedule)
        self.open_button.clicked.connect(self.open_selected)
        buttons = QtWidgets.QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.schedule_button)
        buttons.addStretch(1)
        buttons.addWidget(self.count_label)
        buttons.addSpacing(12)
        buttons.addWidget(self.open_button)

        title = QtWidgets.QLabel(self.tr("Séances"))
        title.setStyleSheet("font-weight: bold; font-size: 12pt;")
        self.list_page = QtWidgets.QWidget()
        list_layout = QtWidgets.QVBoxLayout(self.list_page)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.addWidget(title)
        list_layout.addWidget(filters)
        list_layout.addWidget(self.table, 1)
        list_layout.addLayout(buttons)

        self.stack = QtWidgets.QStackedWidget()
        self.stack.addWidget(self.list_page)
        size_by_current_page(self.stack)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

        self._fill_filters()
        for combo in (self.body_filter, self.status_filter, self.year_filter, self.order):
            combo.currentIndexChanged.connect(self._filters_changed)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._selection())
        self.proxy.modelReset.connect(self._update)
        self._filters_changed()

    # -- filters -------------------------------------------------------------------------------
    def _fill_filters(self) -> None:
        body_id = self.body_filter.currentData()
        year = self.year_filter.currentData()
        for combo in (self.body_filter, self.year_filter):
            combo.blockSignals(True)
        self.body_filter.clear()
        self.body_filter.addItem(self.tr("Toutes les instances"), None)
        for b in bodies.list_bodies(self._store.db):
            self.body_filter.addItem(b.name, b.id)
        self.year_filter.clear()
        self.year_filter.addItem(self.tr("Toutes les années"), None)
        years = meetings.years(self._store.db)
        for y in reversed(years):
            self.year_filter.addItem(str(y), y)
        for combo, value in ((self.body_filter, body_id), (self.year_filter, year)):
            index = combo.findData(value) if value is not None else 0
            combo.setCurrentIndex(max(index, 0))
            combo.blockSignals(False)

    def _filters_changed(self) -> None:
        self.model.load(
            body_id=self.body_filter.currentData(),
            status=self.status_filter.currentData(),
            year=self.year_filter.currentData(),
            order=self.order.currentData(),
        )
        self.proxy.sort(-1)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)

    def set_filters(
        self, body_id: int | None = None, status: str | None = None, year: int | None = None
    ) -> None:
        for combo, value in (
            (self.body_filter, body_id),
            (self.status_filter, status),
            (self.year_filter, year),
        ):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(combo.findData(value), 0) if value is not None else 0)
            combo.blockSignals(False)
        self._filters_changed()

    def _update(self) -> None:
        n = self.model.count()
        self.count_label.setText(self.tr("%Ln séances", "", n))
        self._selection()

    def _selection(self) -> None:
        writable = not self._store.read_only
        self.new_button.setEnabled(writable)
        self.schedule_button.setEnabled(writable)
        self.open_button.setEnabled(self.current_meeting_id() is not None)
        self.selection_changed.emit()

    def current_meeting_id(self) -> int | None:
        row = selected_row(self.table)
        return self.proxy.index(row, 0).data(M.MEETING_ID_ROLE) if row is not None else None

    def select_meeting(self, meeting_id: int) -> bool:
        row = self.model.row_of(meeting_id)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.selectRow(index.row())
        self.table.scrollTo(index)
        return True

    def reload(self) -> None:
        selected = self.current_meeting_id()
        self._fill_filters()
        self._filters_changed()
        if selected is not None:
            self.select_meeting(selected)
        if self.view_widget is not None:
            self.view_widget.refresh_header()

    # -- actions -------------------------------------------------------------------------------
    def new_meeting(self) -> None:
        if self._store.read_only:
            return
        dialog = MeetingDialog(self._store, body_id=self.body_filter.currentData(), parent=self)
        if dialog.exec() == QtWidgets.QDialog.DialogCode.Accepted and dialog.meeting_id:
            self.reload()
            self.open_meeting(dialog.meeting_id)

    def new_schedule(self) -> None:
        if self._store.read_only:
            return
        dialog = ScheduleDialog(self._store, self.body_filter.currentData(), self)
        dialog.exec()
        if dialog.created_ids:
            self.reload()

    def open_selected(self) -> None:
        meeting_id = self.current_meeting_id()
        if meeting_id is not None:
            self.open_meeting(meeting_id)

    def open_meeting(self, meeting_id: int) -> MeetingView:
        """Show one meeting in place of the list (Alt+Left or « ← Séances » comes back)."""
        self.close_meeting()
        view = MeetingView(self._store, meeting_id)
        view.back_requested.connect(self.show_list)
        view.meeting_changed.connect(lambda _id: self._list_stale())
        view.open_requested.connect(self.open_meeting)
        self.view_widget = view
        self.stack.addWidget(view)
        self.stack.setCurrentWidget(view)
        view.tabs.setFocus()
        return view

    def _list_stale(self) -> None:
        self._stale = True

    def close_meeting(self) -> None:
        if self.view_widget is not None:
            self.stack.removeWidget(self.view_widget)
            self.view_widget.deleteLater()
            self.view_widget = None

    def show_list(self) -> None:
        meeting_id = self.view_widget.meeting_id if self.view_widget is not None else None
        self.close_meeting()
        if getattr(self, "_stale", False):
            self._stale = False
            self.reload()
        self.stack.setCurrentWidget(self.list_page)
        if meeting_id is not None:
            self.select_meeting(meeting_id)
        self.table.setFocus()
