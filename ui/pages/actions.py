"""The Actions page: every action across bodies, filtered, sorted or grouped by owner, with counts,
the selected action's details and timeline, exports and reminders to owners."""

from __future__ import annotations

import datetime as dt
import html
from typing import TYPE_CHECKING

from ess_desk.actions import updates
from ess_desk.actions.queries import ActionFilter, ActionRow
from ess_desk.dates import display
from ess_desk.errors import UserError
from ess_desk.store import Store
from ui import a11y, fitting, palette
from ui.columns import choose_columns
from ui.models_actions import ActionsTableModel, CountsTableModel
from ui.pages.action_filters import ActionFilterBar
from ui.pages.action_outputs import ActionOutputs
from ui.qt import QCoreApplication, QLocale, QModelIndex, Qt, QtWidgets, Signal
from ui.widgets import make_table

if TYPE_CHECKING:
    from sqlite_utils import Database


def timeline_html(db: Database, row: ActionRow) -> str:
    """The selected action as the detail panel shows it: its fields, origin, then its history
    as a dated timeline (latest at the bottom)."""
    e = html.escape
    muted = palette.text_css(palette.MUTED)
    late = ""
    if row.overdue:
        late = (
            f"<p style='{palette.text_css(palette.ERROR, bold=True)}'>"
            + e(
                QCoreApplication.translate(
                    "ActionsPage", "En retard de %n jours", "", row.days_late
                )
            )
            + "</p>"
        )
    fields = [
        (QCoreApplication.translate("ActionsPage", "Instance"), row.body),
        (
            QCoreApplication.translate("ActionsPage", "Porteur"),
            row.owner + (f" — {row.owner_email}" if row.owner_email else ""),
        ),
        (
            QCoreApplication.translate("ActionsPage", "Échéance"),
            display(row.due_date)
            if row.due_date
            else QCoreApplication.translate("ActionsPage", "sans échéance"),
        ),
        (
            QCoreApplication.translate("ActionsPage", "Statut"),
            f"{row.status_label}, {row.progress} %",
        ),
        (QCoreApplication.translate("ActionsPage", "Priorité"), row.priority_label),
        (
            QCoreApplication.translate("ActionsPage", "Thème"),
            row.theme or QCoreApplication.translate("ActionsPage", "sans thème"),
        ),
        (
            QCoreApplication.translate("ActionsPage", "Origine"),
            row.origin
            or QCoreApplication.translate("ActionsPage", "aucune (action ouverte hors séance)"),
        ),
        (QCoreApplication.translate("ActionsPage", "Créée le"), display(row.created_on)),
    ]
    if row.closed_on:
        fields.append(
            (QCoreApplication.translate("ActionsPage", "Close le"), display(row.closed_on))
        )
    table = "".join(
        f"<tr><td style='{muted} padding-right:10px'>{e(k)}</td><td>{e(v)}</td></tr>"
        for k, v in fields
    )
    description = (
        f"<p style='white-space:pre-wrap'>{e(row.description)}</p>" if row.description else ""
    )
    entries = []
    for entry in updates.timeline(db, row.id):
        meta = [x for x in (entry.author, entry.meeting_title) if x]
        where = f"<br/><span style='{muted}'>{e(' · '.join(meta))}</span>" if meta else ""
        colour = palette.text_css(palette.HEADING) if entry.kind == "created" else ""
        entries.append(
            "<tr>"
            f"<td style='white-space:nowrap;vertical-align:top;padding-right:8px;{colour}'>"
            f"<b>{e(display(entry.day))}</b></td>"
            f"<td style='vertical-align:top;{muted}'>●</td>"
            f"<td style='vertical-align:top;padding-left:6px;padding-bottom:6px'>"
            f"{e(entry.text)}{where}</td></tr>"
        )
    history_title = QCoreApplication.translate("ActionsPage", "Historique")
    number = QCoreApplication.translate("ActionsPage", "n°{n}").format(n=row.id)
    return (
        f"<h3 style='margin-bottom:2px'>{e(number)} — {e(row.title)}</h3>{late}"
        f"<table cellspacing='2'>{table}</table>{description}"
        f"<h4 style='margin-top:12px'>{e(history_title)}</h4>"
        f"<table cellspacing='0'>{''.join(entries)}</table>"
    )


class ActionsPage(ActionOutputs):
    """`ActionsPage(store, parent=None)`; `reload()` after anything changed the database.

    The table model holds only the ids that pass the filter; each filter change re-queries them
    (`queries.query_ids`) and the counts (`queries.counts`) — on body, status and theme alone, the
    counts kept beside the actions and the first ids, the rest when scrolled to; text fields wait
    150 ms after the last keystroke.
    """

    selection_changed = Signal()

    def __init__(
        self, store: Store, parent: QtWidgets.QWidget | None = None, today: dt.date | None = None
    ):
        super().__init__(parent)
        self._store = store
        self._today = today
        self._operation = None
        writable = not store.read_only

        # -- filters --
        self.filter_bar = ActionFilterBar(store, self)
        self.filter_bar.changed.connect(self.apply_filter)
        bar = self.filter_bar
        self.body_filter, self.status_filter, self.theme_filter = (
            bar.body_filter,
            bar.status_filter,
            bar.theme_filter,
        )
        self.owner_filter, self.overdue_filter, self.search = (
            bar.owner_filter,
            bar.overdue_filter,
            bar.search,
        )
        self.due_filter, self.due_days, self.clear_button = (
            bar.due_filter,
            bar.due_days,
            bar.clear_button,
        )
        self.clear_button.clicked.connect(self.clear_filters)
        self.group_toggle = QtWidgets.QCheckBox(self.tr("Regrouper par porteur"))
        self.group_toggle.toggled.connect(self._set_grouped)

        # -- buttons --
        self.new_button = QtWidgets.QPushButton(self.tr("Nouvelle action"))
        self.edit_button = QtWidgets.QPushButton(self.tr("Modifier"))
        self.update_button = QtWidgets.QPushButton(self.tr("Nouvelle mise à jour"))
        self.themes_button = QtWidgets.QPushButton(self.tr("Thèmes…"))
        self.export_button = QtWidgets.QPushButton(self.tr("Exporter…"))
        self.reminders_button = QtWidgets.QPushButton(self.tr("Rappels aux porteurs…"))
        self.send_reminders_button = QtWidgets.QPushButton(self.tr("Envoyer les rappels…"))
        self.send_reminders_button.setToolTip(
            self.tr("Un courriel à chaque porteur d'actions ouvertes, par la boîte d'envoi")
        )
        self.send_reminders_button.clicked.connect(self.send_reminders)
        self.new_button.clicked.connect(self.new_action)
        self.edit_button.clicked.connect(self.edit_action)
        self.update_button.clicked.connect(self.new_update)
        self.themes_button.clicked.connect(self.edit_themes)
        self.export_button.clicked.connect(self.export)
        self.reminders_button.clicked.connect(self.write_reminders)
        self.export_button.setToolTip(
            self.tr("Les actions affichées, vers Excel (.xlsx), CSV ou le tableau de suivi PDF")
        )
        self.reminders_button.setToolTip(
            self.tr(
                "Pour chaque porteur : sa liste d'actions ouvertes en PDF et un brouillon de courriel"
            )
        )
        for button in (self.new_button, self.edit_button, self.update_button):
            button.setProperty("edits", True)
            if not writable:
                button.setToolTip(store.read_only_message())
        buttons = fitting.ActionBar()
        buttons.setObjectName("actions_buttons")
        for button in (self.new_button, self.edit_button, self.update_button):
            buttons.add(button)
        buttons.add_widget(self.group_toggle)
        buttons.add_stretch()
        for button in (
            self.export_button,
            self.reminders_button,
            self.send_reminders_button,
            self.themes_button,
        ):
            buttons.add(button)
        self.buttons = buttons

        # -- table --
        self.model = ActionsTableModel(store.db, self, today=today)
        self.view = QtWidgets.QTableView()
        a11y.name(self.view, self.tr("Actions"))
        self.view.setObjectName("actions_table")
        make_table(self.model, row_height=24, view=self.view)
        # Fixed row heights: the view never measures 30,000 rows.
        self.view.verticalHeader().setSectionResizeMode(QtWidgets.QHeaderView.ResizeMode.Fixed)
        header = self.view.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(ActionsTableModel.DUE, Qt.SortOrder.AscendingOrder)
        header.sortIndicatorChanged.connect(self._sort_changed)
        header.setStretchLastSection(True)
        m = ActionsTableModel
        # The columns a secretary needs first stay (priority 1); the others go as the width
        # shrinks (all of them are in the detail pane), or by hand from the header's menu.
        self.columns = choose_columns(
            self.view,
            "actions",
            {
                m.TITLE: (1, 330),
                m.DUE: (1, 170),
                m.STATUS: (1, 90),
                m.OWNER: (2, 210),
                m.PROGRESS: (2, 90),
                m.ID: (3, 60),
                m.BODY: (3, 170),
                m.PRIORITY: (4, 80),
                m.THEME: (4, 190),
                m.ORIGIN: (5, 260),
                m.LAST_UPDATE: (5, None),
            },
            stretch=m.TITLE,
        )
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        self.view.selectionModel().selectionChanged.connect(lambda *_a: self._selection_moved())
        self.view.doubleClicked.connect(lambda _i: self.edit_action())
        self.model.modelReset.connect(self._after_reset)
        self.summary = QtWidgets.QLabel()
        self.summary.setObjectName("actions_summary")

        # -- side panel: detail and counts --
        self.detail = QtWidgets.QTextBrowser()
        self.detail.setObjectName("action_detail")
        self.detail.setOpenLinks(False)
        self.counts_model = CountsTableModel(self)
        self.counts_view = QtWidgets.QTableView()
        a11y.name(self.counts_view, self.tr("Répartition des actions affichées"))
        self.counts_view.setModel(self.counts_model)
        self.counts_view.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.NoSelection)
        self.counts_view.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.counts_view.verticalHeader().setVisible(False)
        self.counts_view.verticalHeader().setDefaultSectionSize(20)
        self.counts_view.setShowGrid(False)
        self.counts_view.horizontalHeader().setSectionResizeMode(
            0, QtWidgets.QHeaderView.ResizeMode.Stretch
        )
        self.counts_view.horizontalHeader().setSectionResizeMode(
            1, QtWidgets.QHeaderView.ResizeMode.ResizeToContents
        )
        side = QtWidgets.QSplitter(Qt.Orientation.Vertical)
        side.setObjectName("actions_side_splitter")
        detail_box = QtWidgets.QGroupBox(self.tr("Action sélectionnée"))
        QtWidgets.QVBoxLayout(detail_box).addWidget(self.detail)
        counts_box = QtWidgets.QGroupBox(self.tr("Répartition des actions affichées"))
        QtWidgets.QVBoxLayout(counts_box).addWidget(self.counts_view)
        side.addWidget(detail_box)
        side.addWidget(counts_box)
        side.setSizes([430, 340])

        left = QtWidgets.QWidget()
        left_layout = QtWidgets.QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.view, 1)
        left_layout.addWidget(self.summary)
        self.splitter = QtWidgets.QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("actions_splitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(side)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setSizes([1000, 400])
        # On a narrow screen the detail pane goes under the list, which keeps its columns.
        fitting.turn_when_narrow(self.splitter, 760, first_height=240)

        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.filter_bar)
        layout.addWidget(buttons)
        layout.addWidget(self.splitter, 1)

        self.apply_filter()

    # -- filter ------------------------------------------------------------------------------
    def current_filter(self) -> ActionFilter:
        return self.filter_bar.current()

    def flush_filter(self) -> None:
        """Apply now a filter still waiting for its typing pause (the debounce), if any."""
        if self.filter_bar.waiting():
            self.apply_filter()

    def apply_filter(self) -> None:
        """Query the ids and counts for the filter now shown (what each change ends in)."""
        self.filter_bar.stop_waiting()
        keep = self.selected_id()
        filt = self.current_filter()
        try:
            self.model.set_filter(filt)
            counts = self.model.counts
        except UserError as exc:
            self.summary.setText(exc.message)
            return
        self.counts_model.set_counts(counts)
        shown = self.model.action_count()
        text = (
            self.tr("%Ln actions affichées", "", shown)
            if shown
            else self.tr("Aucune action ne correspond à ces critères.")
        )
        if counts.overdue:
            # Grouped by the locale as the count shown is (« 152 420 en retard »).
            overdue = QLocale().toString(counts.overdue)
            text += " — " + self.tr("{count} en retard").format(count=overdue)
        self.summary.setText(text)
        if keep is not None:
            self.select_action(keep)

    def clear_filters(self) -> None:
        """Every filter back to « tout », queried once."""
        self.filter_bar.clear()
        self.apply_filter()

    def _sort_changed(self, column: int, order: Qt.SortOrder) -> None:
        if self.group_toggle.isChecked():
            return
        self.model.sort(column, order)

    def _set_grouped(self, grouped: bool) -> None:
        header = self.view.horizontalHeader()
        header.blockSignals(True)
        if grouped:
            header.setSortIndicator(ActionsTableModel.OWNER, Qt.SortOrder.AscendingOrder)
        else:
            key, descending = self.model.sort_key
            column = next(
                (c for c, k in ActionsTableModel.SORT_KEYS.items() if k == key),
                ActionsTableModel.DUE,
            )
            header.setSortIndicator(
                column,
                Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder,
            )
        header.blockSignals(False)
        keep = self.selected_id()
        self.model.set_grouped(grouped)
        if keep is not None:
            self.select_action(keep)

    def _after_reset(self) -> None:
        self.view.clearSpans()
        for row in self.model.group_rows():
            self.view.setSpan(row, 0, 1, ActionsTableModel.COLUMN_COUNT)
        self._show_detail()
        self.selection_changed.emit()
        self._update_buttons()

    # -- selection ---------------------------------------------------------------------------
    def selected_id(self) -> int | None:
        index = self.view.currentIndex()
        if not index.isValid() or not self.view.selectionModel().isRowSelected(index.row()):
            return None
        return self.model.action_id(index.row())

    def select_action(self, action_id: int) -> bool:
        row = self.model.row_of(action_id)
        if row is None:
            return False
        self.view.selectRow(row)
        self.view.scrollTo(self.model.index(row, 0))
        return True

    def _current_changed(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_detail()
        self._selection_moved()

    def _selection_moved(self) -> None:
        self._update_buttons()
        self.selection_changed.emit()

    def _show_detail(self) -> None:
        index = self.view.currentIndex()
        row = self.model.action_row(index.row()) if index.isValid() else None
        if row is None:
            self.detail.setHtml(
                f"<p style='{palette.text_css(palette.MUTED)}'>"
                + html.escape(
                    self.tr("Choisissez une action pour voir son détail et son historique.")
                )
                + "</p>"
            )
            return
        self.detail.setHtml(timeline_html(self._store.db, row))

    def _update_buttons(self) -> None:
        writable = not self._store.read_only
        selected = self.selected_id() is not None
        self.new_button.setEnabled(writable)
        self.edit_button.setEnabled(writable and selected)
        self.update_button.setEnabled(writable and selected)

    def edit_state(self) -> tuple[bool, bool]:
        return self.selected_id() is not None, False

    # -- reload ------------------------------------------------------------------------------
    def reload(self) -> None:
        keep = self.selected_id()
        self.filter_bar.fill_lists()
        self.model.reload()
        self.apply_filter()
        if keep is not None:
            self.select_action(keep)

    # -- edits -------------------------------------------------------------------------------
    def new_action(self) -> None:
        if self._store.read_only:
            return
        from ui.dialogs.action import ActionDialog

        dialog = ActionDialog(
            self._store, body_id=self.body_filter.currentData(), parent=self, today=self._today
        )
        if dialog.exec() == QtWidgets.QDialog.DialogCode.Accepted and dialog.saved_id:
            self.reload()
            self.select_action(dialog.saved_id)

    def edit_action(self) -> None:
        action_id = self.selected_id()
        if action_id is None or self._store.read_only:
            return
        from ui.dialogs.action import ActionDialog

        dialog = ActionDialog(self._store, action_id=action_id, parent=self, today=self._today)
        if dialog.exec() == QtWidgets.QDialog.DialogCode.Accepted:
            self.reload()
            self.select_action(action_id)

    def new_update(self) -> None:
        action_id = self.selected_id()
        if action_id is None or self._store.read_only:
            return
        from ui.dialogs.action_update import ActionUpdateDialog

        dialog = ActionUpdateDialog(self._store, action_id, parent=self, today=self._today)
        if dialog.exec() == QtWidgets.QDialog.DialogCode.Accepted:
            self.reload()
            self.select_action(action_id)

    def edit_themes(self) -> None:
        from ui.dialogs.themes import ThemesDialog

        dialog = ThemesDialog(self._store, self)
        dialog.exec()
        if dialog.changed:
            self.reload()
