"""Small pieces shared by the pages and dialogs: date conversions, the base of the table models
with named columns and the read-only table views the pages show them in. Date and time fields:
ui.datefields."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ui.qt import (
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QtCore,
    QtWidgets,
)

_Index = QModelIndex | QPersistentModelIndex


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


def make_table(
    model: QtCore.QAbstractItemModel,
    stretch: int | None = None,
    *,
    row_height: int | None = 26,
    view: QtWidgets.QTableView | None = None,
) -> QtWidgets.QTableView:
    """A read-only table of whole rows, one selected at a time, left-aligned headers without
    grid lines of their own; `stretch`: the column that takes the width left; `row_height`: rows
    of that fixed height (None: Qt's own); `view`: set up this view rather than a new one."""
    view = view if view is not None else QtWidgets.QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    if row_height is not None:
        view.verticalHeader().setDefaultSectionSize(row_height)
    view.setWordWrap(False)
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    if stretch is not None:
        header.setStretchLastSection(False)
        header.setSectionResizeMode(stretch, QtWidgets.QHeaderView.ResizeMode.Stretch)
    return view


class HeaderedTableModel(QAbstractTableModel):
    """A flat table model of COLUMN_COUNT columns whose horizontal headers are `headers()`,
    which subclasses provide (translated there, with their own `tr` context)."""

    COLUMN_COUNT = 0

    def headers(self) -> list[str]:
        raise NotImplementedError

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < self.COLUMN_COUNT
        ):
            return self.headers()[section]
        return None
