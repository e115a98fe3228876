"""The Décisions page: the register of decisions and opinions, searched and filtered as you type,
the full text of the selected one, its follow-up status, and exports (Excel, CSV, PDF)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from ess_desk.errors import UserError
from ess_desk.membership import bodies
from ess_desk.membership.vocabulary import label
from ess_desk.minutes import decisions
from ess_desk.minutes.vocabulary import DECISION_KINDS, DECISION_STATUSES
from ess_desk.store import Store
from ess_desk.text import fold
from ui import a11y, fitting
from ui.columns import choose_columns
from ui.dialogs.common import (
    confirm,
    documents_folder,
    show_unexpected_error,
    show_user_error,
)
from ui.models_minutes import DecisionsTableModel
from ui.pages.decision_panel import DecisionPanel
from ui.qt import QLocale, Qt, QtCore, QtGui, QtWidgets, Signal
from ui.widgets import make_table
from ui.workers import Operation

D = DecisionsTableModel
WINDOW = 300  # decisions read before the table is scrolled


class DecisionsPage(QtWidgets.QWidget):
    """`DecisionsPage(store)`: the register, newest first. Signals `selection_changed` and
    `exported(Path)`."""

    selection_changed = Signal()
    exported = Signal(object)
    actions_changed = Signal()  # an action was created from a decision

    def __init__(self, store: Store, parent: QtWidgets.QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.last_export: Path | None = None
        self._exporting = False

        self.search = QtWidgets.QLineEdit()
        a11y.name(self.search, self.tr("Rechercher dans les décisions"))
        self.search.setObjectName("decisions_search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(
            self.tr("Rechercher : numéro, mots du texte, point, instance…")
        )
        self.search.textChanged.connect(self.apply_filters)
        self.body = QtWidgets.QComboBox()
        a11y.name(self.body, self.tr("Instance"))
        self.body.setObjectName("decisions_body")
        self.year = QtWidgets.QComboBox()
        a11y.name(self.year, self.tr("Année"))
        self.year.setObjectName("decisions_year")
        self.kind = QtWidgets.QComboBox()
        a11y.name(self.kind, self.tr("Type de décision"))
        self.kind.setObjectName("decisions_kind")
        self.kind.addItem(self.tr("Tous les types"), None)
        for code in DECISION_KINDS:
            self.kind.addItem(label(DECISION_KINDS, code), code)
        self.status = QtWidgets.QComboBox()
        a11y.name(self.status, self.tr("Statut"))
        self.status.setObjectName("decisions_status")
        self.status.addItem(self.tr("Tous les statuts"), None)
        for code in DECISION_STATUSES:
            self.status.addItem(label(DECISION_STATUSES, code), code)
        for combo in (self.body, self.year, self.kind, self.status):
            combo.setSizeAdjustPolicy(QtWidgets.QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.currentIndexChanged.connect(self.apply_filters)
        self.count_label = QtWidgets.QLabel()
        self.count_label.setObjectName("decisions_count")

        self.export_button = QtWidgets.QToolButton()
        self.export_button.setObjectName("export_decisions")
        self.export_button.setText(self.tr("Exporter"))
        self.export_button.setPopupMode(QtWidgets.QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QtWidgets.QMenu(self.export_button)
        for text, suffix in (
            (self.tr("Classeur Excel (.xlsx)…"), ".xlsx"),
            (self.tr("CSV pour Excel (.csv)…"), ".csv"),
            (self.tr("Registre en PDF…"), ".pdf"),
        ):
            action = menu.addAction(text)
            action.triggered.connect(lambda _checked=False, s=suffix: self.choose_export(s))
        self.export_button.setMenu(menu)

        self.search.setMinimumWidth(300)
        self.body.setSizeAdjustPolicy(
            QtWidgets.QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.body.setMinimumContentsLength(18)
        filters = fitting.flow_row(
            self.search, self.body, self.year, self.kind, self.status, self.export_button
        )

        self.model = DecisionsTableModel(self)
        # The model sorts itself (a header click reaches it through the proxy): the proxy only
        # passes the rows on.
        self.proxy = QtCore.QIdentityProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.table = QtWidgets.QTableView()
        a11y.name(self.table, self.tr("Registre des décisions"))
        self.table.setObjectName("decisions_table")
        make_table(self.proxy, row_height=None, view=self.table)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(D.REFERENCE, Qt.SortOrder.DescendingOrder)
        # The text takes what is left; the columns of least use go first when the width shrinks
        # (all are in the detail panel), or by hand from the header's menu.
        self.columns = choose_columns(
            self.table,
            "decisions",
            {
                D.REFERENCE: (1, 72),
                D.TEXT: (1, 260),
                D.DATE: (2, 84),
                D.KIND: (2, 110),
                D.OUTCOME: (3, 130),
                D.BODY: (3, 160),
                D.STATUS: (4, 120),
                D.ITEM: (4, 180),
                D.MEETING: (6, 170),
            },
            stretch=D.TEXT,
            stretch_minimum=260,
        )
        self.table.selectionModel().currentRowChanged.connect(self._selected)

        # The detail panel.
        self.panel = DecisionPanel(store)
        self.panel.status_button.clicked.connect(self.change_status)
        self.panel.action_button.clicked.connect(self.new_action)
        self.status_choice, self.status_button = self.panel.status_choice, self.panel.status_button
        self.action_button = self.panel.action_button
        self.detail_title, self.details = self.panel.detail_title, self.panel.details
        self.full_text = self.panel.full_text

        splitter = QtWidgets.QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(self.panel)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([1000, 380])

        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(filters)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.count_label)

        self._fill_choices()
        self.apply_filters()

    # -- filters -----------------------------------------------------------------------------
    def _fill_choices(self) -> None:
        db = self.store.db
        chosen_body, chosen_year = self.body.currentData(), self.year.currentData()
        for combo in (self.body, self.year):
            combo.blockSignals(True)
            combo.clear()
        self.body.addItem(self.tr("Toutes les instances"), None)
        for body in bodies.list_bodies(db, include_archived=True):
            self.body.addItem(body.name, body.id)
        self.year.addItem(self.tr("Toutes les années"), None)
        for year in decisions.years(db):
            self.year.addItem(str(year), year)
        for combo, chosen in ((self.body, chosen_body), (self.year, chosen_year)):
            combo.setCurrentIndex(max(combo.findData(chosen), 0) if chosen is not None else 0)
            combo.blockSignals(False)

    def set_year(self, year: int | None) -> None:
        self.year.setCurrentIndex(max(self.year.findData(year), 0) if year is not None else 0)

    def set_kind(self, kind: str | None) -> None:
        self.kind.setCurrentIndex(max(self.kind.findData(kind), 0) if kind is not None else 0)

    def set_body(self, body_id: int | None) -> None:
        self.body.setCurrentIndex(max(self.body.findData(body_id), 0) if body_id else 0)

    def apply_filters(self) -> None:
        """Run the register's search again with the words and filters shown (as you type)."""
        selected = self.selected_id()
        db = self.store.db
        filters = {
            "body_id": self.body.currentData(),
            "year": self.year.currentData(),
            "kind": self.kind.currentData(),
            "status": self.status.currentData(),
        }
        text = self.search.text()
        if fold(text).split():  # words: looked for in every decision of the other filters
            self.model.set_rows(decisions.search(db, text=text, **filters))
        else:  # the newest first, the rest when the table is scrolled to them
            rows = decisions.search(db, limit=WINDOW, **filters)
            total = decisions.count(db, **filters) if len(rows) >= WINDOW else len(rows)
            self.model.set_rows(rows, total, lambda: decisions.search(db, **filters))
        self._update_count()
        if selected is not None:
            self.select_decision(selected)
        if self.selected_id() is None:
            self.panel.show_decision(None)

    def _update_count(self) -> None:
        count = self.model.count()
        if count == 0:
            text = self.tr("Aucune décision ne correspond à la recherche.")
        elif count == 1:
            text = self.tr("1 décision")
        else:
            text = self.tr("{count} décisions").format(count=QLocale().toString(count))
        self.count_label.setText(text)

    def reload(self) -> None:
        self._fill_choices()
        self.apply_filters()

    # -- selection ---------------------------------------------------------------------------
    def selected_id(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return index.data(D.DECISION_ID_ROLE)

    def select_decision(self, decision_id: int) -> None:
        row = self.model.row_of(decision_id)
        if row is None:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)

    def _selected(self, current: Any, _previous: Any = None) -> None:
        if current.isValid():
            source = self.proxy.mapToSource(current)
            self.panel.show_decision(self.model.decision(source.row()))
        else:
            self.panel.show_decision(None)
        self.selection_changed.emit()

    def new_action(self) -> int | None:
        """An action that follows the selected decision (its item, meeting and body filled in);
        `actions_changed` is emitted once it is saved. Returns the new action's id."""
        from ui.dialogs.action import ActionDialog

        decision_id = self.selected_id()
        if decision_id is None or self.store.read_only:
            return None
        dialog = ActionDialog(self.store, decision_id=decision_id, parent=self)
        if dialog.exec() != QtWidgets.QDialog.DialogCode.Accepted or not dialog.saved_id:
            return None
        self.actions_changed.emit()
        return dialog.saved_id

    def change_status(self) -> None:
        decision_id = self.selected_id()
        if decision_id is None or self.store.read_only:
            return
        try:
            decisions.set_status(self.store, decision_id, self.status_choice.currentData())
        except UserError as error:
            show_user_error(self, error, self.tr("Statut de la décision"))
            return
        self.apply_filters()
        self.select_decision(decision_id)

    # -- exports -----------------------------------------------------------------------------
    def _default_path(self, suffix: str) -> Path:
        year = self.year.currentData()
        name = self.tr("Registre des décisions")
        if year:
            name += f" {year}"
        else:
            name += f" {dt.date.today().isoformat()}"
        return documents_folder() / (name + suffix)

    def choose_export(self, suffix: str) -> None:
        filters = {
            ".xlsx": self.tr("Classeur Excel (*.xlsx)"),
            ".csv": self.tr("CSV pour Excel (*.csv)"),
            ".pdf": self.tr("Document PDF (*.pdf)"),
        }[suffix]
        name, _filter = QtWidgets.QFileDialog.getSaveFileName(
            self,
            self.tr("Exporter le registre des décisions"),
            str(self._default_path(suffix)),
            filters,
        )
        if name:
            path = Path(name)
            if path.suffix.lower() != suffix:
                path = path.with_name(path.name + suffix)
            self.export_to(path)

    def export_title(self) -> str:
        parts = [self.tr("Registre des décisions")]
        for combo in (self.body, self.year, self.kind, self.status):
            if combo.currentData() is not None:
                parts.append(combo.currentText())
        return " — ".join(parts)

    def export_to(self, path: Path) -> Operation:
        """Write the rows shown (filters applied) to `path`; the format follows its suffix."""
        from ess_desk.exchange import decisions_export

        # The worker gets plain values: the GUI may keep searching the database meanwhile.
        rows = self.model.rows()
        title = self.export_title()
        self._exporting = True
        self.export_button.setEnabled(False)
        return (
            Operation(self, lambda _progress: decisions_export.export(rows, path, title=title))
            .success(self._exported)
            .failure(self._export_failed)
            .run_with_progress(self.tr("Export du registre des décisions…"))
        )

    def _exported(self, path: Path) -> None:
        self._exporting = False
        self.export_button.setEnabled(True)
        self.last_export = path
        self.exported.emit(path)
        if confirm(
            self,
            self.tr("Export terminé"),
            self.tr("{count} décision(s) enregistrée(s) dans {path}.").format(
                count=self.model.count(), path=path
            ),
            self.tr("Ouvrir le fichier"),
        ):
            QtGui.QDesktopServices.openUrl(QtCore.QUrl.fromLocalFile(str(path)))

    def _export_failed(self, error: Exception) -> None:
        self._exporting = False
        self.export_button.setEnabled(True)
        if isinstance(error, UserError):
            show_user_error(self, error, self.tr("Exporter le registre"))
        else:
            show_unexpected_error(self, error, self.tr("Exporter le registre"))
