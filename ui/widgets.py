"""Small pieces shared by the pages and dialogs: date conversions and the base of the table
models with named columns. Date and time fields: ui.datefields."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ui.qt import QAbstractTableModel, QDate, QModelIndex, QPersistentModelIndex, Qt

_Index = QModelIndex | QPersistentModelIndex


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


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
