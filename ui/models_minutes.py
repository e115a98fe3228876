"""Qt models over the minutes core: the decision register and a meeting's history."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from ess_desk.dates import display
from ess_desk.minutes.decisions import DecisionRow
from ess_desk.minutes.history import HistoryEntry
from ui.qt import QModelIndex, QObject, QPersistentModelIndex, Qt
from ui.widgets import HeaderedTableModel, WindowedTableModel

_Index = QModelIndex | QPersistentModelIndex
_DISPLAY = Qt.ItemDataRole.DisplayRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole


def _one_line(text: str, limit: int = 120) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


class DecisionsTableModel(WindowedTableModel):
    """The rows of the decision register as `decisions.search` returns them (newest first),
    in the order asked for with `sort`: the model sorts itself on one key per row (a sorting
    proxy asks `data()` for both sides of every comparison: 70,000 calls for 5,000 decisions),
    and keeps that order when the rows change."""

    REFERENCE, DATE, BODY, MEETING, ITEM, KIND, TEXT, OUTCOME, STATUS = range(9)
    COLUMN_COUNT = 9

    DECISION_ID_ROLE = Qt.ItemDataRole.UserRole + 1
    SORT_ROLE = Qt.ItemDataRole.UserRole + 2
    REGISTER_ORDER = (REFERENCE, True)  # newest first: the order `decisions.search` reads in

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._order: tuple[int, bool] | None = None  # (column, descending) once sorted

    def set_rows(
        self,
        rows: list[DecisionRow],
        total: int | None = None,
        rest: Callable[[], list[DecisionRow]] | None = None,
    ) -> None:
        """The rows to show. `rows` may be only the first of the register's `total` (newest
        first), `rest()` giving them all when the table is scrolled to them (fetchMore), sorted
        on another column, looked for or exported."""
        self.beginResetModel()
        if total is None or rest is None or len(rows) >= total:
            total, rest = len(rows), None
        elif self._order not in (None, self.REGISTER_ORDER):
            rows, total, rest = rest(), None, None  # another order needs every row
        self._show(self._sorted(list(rows)), len(rows) if total is None else total, rest)
        self.endResetModel()

    def _ordered(self, rows: list[DecisionRow]) -> list[DecisionRow]:
        return self._sorted(rows)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by a column's SORT_ROLE value; equal rows keep the register's order (as a
        stable sort does both ways). Persistent indexes (the selection) follow their rows."""
        if not 0 <= column < self.COLUMN_COUNT:
            return
        if (column, order == Qt.SortOrder.DescendingOrder) != self.REGISTER_ORDER:
            self.fetchMore()
        self.layoutAboutToBeChanged.emit()
        before = [r.id for r in self._rows]
        self._order = (column, order == Qt.SortOrder.DescendingOrder)
        self._rows = self._sorted(self._rows)
        row_of = {r.id: n for n, r in enumerate(self._rows)}
        old = self.persistentIndexList()
        self.changePersistentIndexList(
            old, [self.index(row_of[before[i.row()]], i.column()) for i in old]
        )
        self.layoutChanged.emit()

    def _sorted(self, rows: list[DecisionRow]) -> list[DecisionRow]:
        if self._order is None:
            return rows
        column, descending = self._order
        return sorted(rows, key=lambda r: self._sort_value(r, column), reverse=descending)

    def rows(self) -> list[DecisionRow]:
        self.fetchMore()
        return list(self._rows)

    def decision(self, row: int) -> DecisionRow:
        return self._rows[row]

    def row_of(self, decision_id: int) -> int | None:
        return self._row_of_id(decision_id)

    def headers(self) -> list[str]:
        return [
            self.tr("Numéro"),
            self.tr("Date"),
            self.tr("Instance"),
            self.tr("Séance"),
            self.tr("Point"),
            self.tr("Type"),
            self.tr("Texte"),
            self.tr("Résultat du vote"),
            self.tr("Statut"),
        ]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def _cell(self, r: DecisionRow, column: int) -> str:
        if column == self.REFERENCE:
            return r.reference
        if column == self.DATE:
            return display(r.meeting_date)
        if column == self.BODY:
            return r.body
        if column == self.MEETING:
            return r.meeting_title
        if column == self.ITEM:
            return r.item_title
        if column == self.KIND:
            return r.kind_label
        if column == self.TEXT:
            return _one_line(r.text)
        if column == self.OUTCOME:
            return r.outcome_label
        return r.status_label

    def data(self, index: _Index, role: int = _DISPLAY) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if not (0 <= row < len(self._rows) and 0 <= column < self.COLUMN_COUNT):
            return None
        r = self._rows[row]
        if role == _DISPLAY:
            return self._cell(r, column)
        if role == _TOOLTIP:
            return r.text if column == self.TEXT else None
        if role == self.DECISION_ID_ROLE:
            return r.id
        if role == self.SORT_ROLE:
            return self._sort_value(r, column)
        return None

    def _sort_value(self, r: DecisionRow, column: int) -> str:
        if column == self.REFERENCE:
            return f"{r.year:04d}-{r.number:06d}"
        if column == self.DATE:
            return r.meeting_date
        return self._cell(r, column).casefold()


class HistoryTableModel(HeaderedTableModel):
    """A meeting's audited changes, newest first: when, who, what."""

    WHEN, WHO, WHAT = range(3)
    COLUMN_COUNT = 3

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._entries: list[HistoryEntry] = []

    def set_entries(self, entries: list[HistoryEntry]) -> None:
        self.beginResetModel()
        self._entries = list(reversed(entries))
        self.endResetModel()

    def entry(self, row: int) -> HistoryEntry:
        return self._entries[row]

    def headers(self) -> list[str]:
        return [self.tr("Quand"), self.tr("Qui"), self.tr("Changement")]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    @staticmethod
    def details(entry: HistoryEntry) -> str:
        """Every field changed, one per line (« champ : avant → après »)."""
        return "\n".join(
            "{} : {} → {}".format(c.label, *c.shown()) for c in entry.changes if c.visible
        )

    @staticmethod
    def when(entry: HistoryEntry) -> str:
        try:
            return dt.datetime.fromisoformat(entry.at).strftime("%d/%m/%Y %H:%M")
        except (TypeError, ValueError):
            return str(entry.at)

    def data(self, index: _Index, role: int = _DISPLAY) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if not (0 <= row < len(self._entries) and 0 <= column < self.COLUMN_COUNT):
            return None
        entry = self._entries[row]
        if role == _DISPLAY:
            if column == self.WHEN:
                return self.when(entry)
            if column == self.WHO:
                return entry.user
            return entry.what
        if role == _TOOLTIP and column == self.WHAT:
            return "\n".join(filter(None, [entry.what, self.details(entry)]))
        return None
