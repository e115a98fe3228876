"""Small pieces shared by the pages and dialogs: date conversions, the base of the table models
with named columns and the read-only table views the pages show them in. Date and time fields:
ui.datefields."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
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


class WindowedTableModel(HeaderedTableModel):
    """A table of records (each with an `id`) read a window at a time: `_show(first, total,
    rest)` shows the first rows of `total`, `rest()` giving every row in the same order when the
    table is scrolled to them (fetchMore), or when a row further down is looked for."""

    def __init__(self, parent: QtCore.QObject | None = None):
        super().__init__(parent)
        self._rows: list[Any] = []
        self._rest: Callable[[], list[Any]] | None = None  # every row, while not all are read
        self._total = 0

    def _show(self, first: list[Any], total: int, rest: Callable[[], list[Any]] | None) -> None:
        """The rows shown (call between beginResetModel and endResetModel)."""
        self._rows = first
        self._rest = rest if total > len(first) else None
        self._total = total if self._rest is not None else len(first)

    def count(self) -> int:
        """How many rows the table lists (those not read yet included)."""
        return self._total

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and self._rest is not None

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008, N802
        if parent.isValid() or self._rest is None:
            return
        every, self._rest = self._ordered(self._rest()), None
        shown = len(self._rows)
        if [r.id for r in every[:shown]] != [r.id for r in self._rows]:
            self.beginResetModel()  # the records changed meanwhile: listed afresh
            self._rows = every
            self.endResetModel()
        elif len(every) > shown:
            self.beginInsertRows(QModelIndex(), shown, len(every) - 1)
            self._rows = every
            self.endInsertRows()
        self._total = len(self._rows)

    def _ordered(self, rows: list[Any]) -> list[Any]:
        """Every row in the table's order (they come in the order of the first window)."""
        return rows

    def _row_of_id(self, record_id: int) -> int | None:
        for _attempt in range(2):
            for i, r in enumerate(self._rows):
                if r.id == record_id:
                    return i
            if self._rest is None:
                break
            self.fetchMore()  # perhaps further down, not read yet
        return None
