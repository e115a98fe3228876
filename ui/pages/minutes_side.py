"""The side panel of the « Procès-verbal » tab: the meeting's history (who changed what, and
when, with the detail of the line chosen) and the errata of the approved minutes."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ess_desk.dates import display
from ess_desk.minutes import history
from ess_desk.minutes import minutes as mn
from ui import a11y, palette
from ui.models_minutes import HistoryTableModel
from ui.qt import Qt, QtWidgets

HISTORY_TAB, ERRATA_TAB = range(2)


class MinutesSidePanel(QtWidgets.QTabWidget):
    """Two tabs beside the items: « Historique » and « Errata »."""

    def __init__(self, parent: QtWidgets.QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("minutes_side")
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
        self.addTab(history_panel, self.tr("Historique"))
        self.addTab(self.errata_list, self.tr("Errata"))
        self.setMinimumWidth(170)

    def show_history(self, db: Any, meeting_id: int) -> None:
        """The meeting's audited changes, newest first; no line chosen yet."""
        self.history_model.set_entries(history.meeting_history(db, meeting_id))
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

    def show_errata(self, corrections: Sequence[mn.Erratum]) -> None:
        """The errata of the minutes, oldest first; their count in the tab's title."""
        self.errata_list.clear()
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
        self.setTabText(
            ERRATA_TAB,
            self.tr("Errata ({count})").format(count=len(corrections))
            if corrections
            else self.tr("Errata"),
        )
