"""Qt models over core queries: the Membres table and its accent-insensitive filter."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ess_desk.dates import display
from ess_desk.membership.roster import MemberRow, member_rows
from ess_desk.text import fold
from ui import palette
from ui.qt import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QtGui,
)

if TYPE_CHECKING:
    from sqlite_utils import Database

ENDING_SOON_DAYS = 90
_HAS_FILTER_CHANGE = hasattr(QSortFilterProxyModel, "beginFilterChange")

_Index = QModelIndex | QPersistentModelIndex


class MembersTableModel(QAbstractTableModel):
    """Every person with their mandates in force at a date, one row each (archived included)."""

    NAME, FIRST_NAME, ORGANISATION, BODIES, COLLEGES, ROLES, MANDATE_END, EMAIL = range(8)
    COLUMN_COUNT = 8

    SORT_ROLE = Qt.ItemDataRole.UserRole + 1
    PERSON_ID_ROLE = Qt.ItemDataRole.UserRole + 2
    ENDING_SOON_ROLE = Qt.ItemDataRole.UserRole + 3
    ARCHIVED_ROLE = Qt.ItemDataRole.UserRole + 4

    ENDING_BACKGROUND = palette.FILL_WARNING
    ENDING_FOREGROUND = palette.WARNING
    ARCHIVED_FOREGROUND = palette.MUTED

    def __init__(self, db: Database, at: dt.date | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self._db = db
        self._at = at or dt.date.today()
        self._rows: list[MemberRow] = []
        self._archived: list[bool] = []
        self._active_count = 0
        self._cells: list[tuple[str, ...]] = []
        self._sort_keys: list[tuple[str, ...]] = []
        self._search: list[str] = []
        self._days_left: list[int | None] = []
        self._italic = QtGui.QFont()
        self._italic.setItalic(True)
        self._load()

    # -- loading -----------------------------------------------------------------------------
    def _load(self) -> None:
        rows = member_rows(self._db, self._at, include_archived=True)
        limit = self._at + dt.timedelta(days=ENDING_SOON_DAYS)
        cells: list[tuple[str, ...]] = []
        keys: list[tuple[str, ...]] = []
        search: list[str] = []
        days_left: list[int | None] = []
        folded_cache: dict[str, str] = {}  # structures, instances, roles repeat from row to row

        def fold_cached(text: str) -> str:
            found = folded_cache.get(text)
            if found is None:
                found = folded_cache[text] = fold(text)
            return found

        for r in rows:
            end = display(r.next_end) if r.next_end else ""
            row_cells = (
                r.last_name,
                r.first_name,
                r.organisation,
                r.bodies,
                r.colleges,
                r.roles,
                end,
                r.email,
            )
            cells.append(row_cells)
            folded = tuple(fold_cached(c) for c in row_cells)
            # Dates sort by their ISO value; people without a mandate in force come last.
            keys.append((*folded[: self.MANDATE_END], r.next_end or "9999-12-31", folded[-1]))
            search.append("\n".join(folded))
            left: int | None = None
            if r.next_end and not r.archived:
                end_date = dt.date.fromisoformat(r.next_end)
                if end_date <= limit:
                    left = (end_date - self._at).days
            days_left.append(left)
        self._rows, self._cells, self._sort_keys = rows, cells, keys
        self._archived = [r.archived for r in rows]
        self._active_count = self._archived.count(False)
        self._search, self._days_left = search, days_left

    def reload(self) -> None:
        """Read the table again from the database (after an edit, an import, a restore)."""
        self.beginResetModel()
        self._load()
        self.endResetModel()

    def set_database(self, db: Database) -> None:
        self._db = db
        self.reload()

    # -- lookups for views and the filter ---------------------------------------------------
    @property
    def at(self) -> dt.date:
        return self._at

    def member(self, row: int) -> MemberRow:
        return self._rows[row]

    def person_id(self, row: int) -> int:
        return self._rows[row].person_id

    def row_of(self, person_id: int) -> int | None:
        for i, r in enumerate(self._rows):
            if r.person_id == person_id:
                return i
        return None

    def search_text(self, row: int) -> str:
        return self._search[row]

    def search_texts(self) -> list[str]:
        return self._search

    def archived_flags(self) -> list[bool]:
        return self._archived

    def active_count(self) -> int:
        """People not archived (the table's total when archived people are hidden)."""
        return self._active_count

    def headers(self) -> list[str]:
        return [
            self.tr("Nom", "last name"),
            self.tr("Prénom"),
            self.tr("Structure"),
            self.tr("Instance(s)"),
            self.tr("Collège(s)"),
            self.tr("Rôle(s)"),
            self.tr("Fin de mandat"),
            self.tr("Courriel"),
        ]

    # -- QAbstractTableModel -----------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < self.COLUMN_COUNT:
            if role == Qt.ItemDataRole.DisplayRole:
                return self.headers()[section]
            if role == Qt.ItemDataRole.ToolTipRole and section == self.MANDATE_END:
                return self.tr(
                    "Fin du premier mandat en cours à se terminer ; surlignée quand elle tombe "
                    "dans les {days} jours."
                ).format(days=ENDING_SOON_DAYS)
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Called for every visible cell and role at each repaint: plain ints, early returns.
        role = int(role)
        if role not in _ANSWERED_ROLES or not index.isValid():
            return None
        row, column = index.row(), index.column()
        if not (0 <= row < len(self._rows) and 0 <= column < self.COLUMN_COUNT):
            return None
        if role == _DISPLAY:
            return self._cells[row][column]
        archived = self._archived[row]
        ending = self._days_left[row] is not None
        if role == _BACKGROUND:
            return palette.color(self.ENDING_BACKGROUND) if ending else None
        if role == _FOREGROUND:
            if archived:
                return palette.color(self.ARCHIVED_FOREGROUND)
            return palette.color(self.ENDING_FOREGROUND) if ending else None
        if role == _FONT:
            return self._italic if archived else None
        if role == _SORT:
            return self._sort_keys[row][column]
        if role == _PERSON_ID:
            return self._rows[row].person_id
        if role == _ARCHIVED:
            return archived
        if role == _ENDING_SOON:
            return ending
        # Tooltip: the full text (long cells are elided), then what the colours mean.
        lines = [self._cells[row][column]] if len(self._cells[row][column]) > 18 else []
        if archived:
            lines.append(self.tr("Personne archivée"))
        elif ending:
            lines.append(self._ending_tooltip(row))
        return "\n".join(lines) or None

    def _ending_tooltip(self, row: int) -> str:
        left = self._days_left[row] or 0
        end = self._cells[row][self.MANDATE_END]
        if left == 0:
            return self.tr("Mandat se terminant aujourd'hui ({date})").format(date=end)
        if left == 1:
            return self.tr("Mandat se terminant demain ({date})").format(date=end)
        return self.tr("Mandat se terminant dans {days} jours, le {date}").format(
            days=left, date=end
        )

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort on the precomputed keys (pure Python, no call back into data() per comparison)."""
        if not 0 <= column < self.COLUMN_COUNT:
            return
        self.layoutAboutToBeChanged.emit()
        keys = self._sort_keys
        order_ = sorted(
            range(len(self._rows)),
            key=lambda i: (keys[i][column], keys[i][self.NAME], keys[i][self.FIRST_NAME]),
            reverse=order == Qt.SortOrder.DescendingOrder,
        )
        new_row_of = {old: new for new, old in enumerate(order_)}
        self._rows = [self._rows[i] for i in order_]
        self._cells = [self._cells[i] for i in order_]
        self._sort_keys = [keys[i] for i in order_]
        self._search = [self._search[i] for i in order_]
        self._days_left = [self._days_left[i] for i in order_]
        self._archived = [self._archived[i] for i in order_]
        old_indexes = self.persistentIndexList()
        new_indexes = [
            self.index(new_row_of[i.row()], i.column()) if i.isValid() else QModelIndex()
            for i in old_indexes
        ]
        self.changePersistentIndexList(old_indexes, new_indexes)
        self.layoutChanged.emit()


_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_SORT = int(MembersTableModel.SORT_ROLE)
_PERSON_ID = int(MembersTableModel.PERSON_ID_ROLE)
_ENDING_SOON = int(MembersTableModel.ENDING_SOON_ROLE)
_ARCHIVED = int(MembersTableModel.ARCHIVED_ROLE)
_ANSWERED_ROLES = frozenset(
    (
        _DISPLAY,
        _BACKGROUND,
        _FOREGROUND,
        _FONT,
        _TOOLTIP,
        _SORT,
        _PERSON_ID,
        _ENDING_SOON,
        _ARCHIVED,
    )
)


class MembersFilterProxy(QSortFilterProxyModel):
    """Filter as you type over every column, ignoring case and accents; archived people hidden
    unless asked for. Every word typed must appear somewhere in the row."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._words: list[str] = []
        self._show_archived = False
        self._accepted: list[bool] = []
        self.setSortRole(MembersTableModel.SORT_ROLE)

    def setSourceModel(self, model: MembersTableModel) -> None:  # type: ignore[override]
        old = self.sourceModel()
        if old is not None:
            old.modelReset.disconnect(self._recompute)
            old.layoutChanged.disconnect(self._recompute)
        # Connected before the base class connects its own slots, so the flags are fresh when
        # the proxy rebuilds its mapping.
        model.modelReset.connect(self._recompute)
        model.layoutChanged.connect(self._recompute)
        self._recompute_for(model)
        super().setSourceModel(model)

    def filter_text(self) -> str:
        return " ".join(self._words)

    def set_filter_text(self, text: str) -> None:
        words = fold(text).split()
        if words == self._words:
            return
        self._change_filter(lambda: setattr(self, "_words", words))

    def show_archived(self) -> bool:
        return self._show_archived

    def set_show_archived(self, show: bool) -> None:
        if show == self._show_archived:
            return
        self._change_filter(lambda: setattr(self, "_show_archived", bool(show)))

    def _change_filter(self, change: Callable[[], None]) -> None:
        if _HAS_FILTER_CHANGE:
            self.beginFilterChange()
            change()
            self._recompute()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:  # Qt before 6.9
            change()
            self._recompute()
            self.invalidateRowsFilter()

    def _recompute(self) -> None:
        model = self.sourceModel()
        if isinstance(model, MembersTableModel):
            self._recompute_for(model)

    def _recompute_for(self, model: MembersTableModel) -> None:
        # One pass in Python per keystroke; filterAcceptsRow is then a list look-up.
        words, show_archived = self._words, self._show_archived
        texts, archived = model.search_texts(), model.archived_flags()
        self._accepted = [
            (show_archived or not archived[i]) and all(w in text for w in words)
            for i, text in enumerate(texts)
        ]

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        if source_parent.isValid():
            return False
        accepted = self._accepted
        return accepted[source_row] if source_row < len(accepted) else True

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorting is done by the source model on its precomputed keys; the proxy keeps its
        order, so that filtering never re-sorts through Python comparisons."""
        model = self.sourceModel()
        if isinstance(model, MembersTableModel) and column >= 0:
            model.sort(column, order)
