"""Qt models over core queries: the Membres table and its accent-insensitive filter."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from ess_desk.membership.listing import NO_END
from ess_desk.membership.roster import MemberRow
from ess_desk.text import fold
from ui import palette
from ui.qt import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QtCore,
    QtGui,
)

if TYPE_CHECKING:
    from sqlite_utils import Database

ENDING_SOON_DAYS = 90

_Index = QModelIndex | QPersistentModelIndex


class MembersTableModel(QAbstractTableModel):
    """The people who pass the filter, with their mandates in force at a date, one row each: the
    model holds their ids only, found and sorted in SQL (`ess_desk.membership.listing`), and
    reads the rows on screen by blocks, as Anki's browser does. Standing alone it lists everyone,
    archived people included; `MembersFilterProxy` gives it the page's filter."""

    NAME, FIRST_NAME, ORGANISATION, BODIES, COLLEGES, ROLES, MANDATE_END, EMAIL = range(8)
    COLUMN_COUNT = 8
    BLOCK = 100  # rows read at once around the one asked for

    SORT_ROLE = Qt.ItemDataRole.UserRole + 1
    PERSON_ID_ROLE = Qt.ItemDataRole.UserRole + 2
    ENDING_SOON_ROLE = Qt.ItemDataRole.UserRole + 3
    ARCHIVED_ROLE = Qt.ItemDataRole.UserRole + 4

    ENDING_BACKGROUND = palette.FILL_WARNING
    ENDING_FOREGROUND = palette.WARNING
    ARCHIVED_FOREGROUND = palette.MUTED

    def __init__(
        self,
        db: Database,
        at: dt.date | None = None,
        parent: QObject | None = None,
        *,
        show_archived: bool = True,
    ):
        super().__init__(parent)
        self._db = db
        self._at = at or dt.date.today()
        self._words: tuple[str, ...] = ()
        self._show_archived = show_archived
        self._sort, self._descending = "last_name", False
        self._italic = QtGui.QFont()
        self._italic.setItalic(True)
        self._load()

    # -- loading -----------------------------------------------------------------------------
    def _load(self) -> None:
        from ess_desk.membership.listing import MemberListing

        self._listing = MemberListing(self._db, self._at)
        self._cache: dict[int, _Member] = {}
        self._query()
        # After the first order: the people not archived are counted from it when it leaves
        # them out (the page's).
        self._total, self._active_count = self._listing.counts()

    def _query(self) -> None:
        # The rows read stay cached (by id) until the next reload: a filter or a sort only
        # changes which ids are listed.
        self._ids = self._listing.ids(
            self._words, self._show_archived, self._sort, self._descending
        )
        self._rows_of: dict[int, int] | None = None

    def reload(self) -> None:
        """Read the table again from the database (after an edit, an import, a restore)."""
        self.beginResetModel()
        self._load()
        self.endResetModel()

    def set_database(self, db: Database) -> None:
        self._db = db
        self.reload()

    def set_filter(self, words: tuple[str, ...], show_archived: bool) -> None:
        """The people to list: those whose row holds every word (folded), archived ones too
        when asked."""
        if (tuple(words), bool(show_archived)) == (self._words, self._show_archived):
            return
        self.beginResetModel()
        self._words, self._show_archived = tuple(words), bool(show_archived)
        self._query()
        self.endResetModel()

    # -- lookups for views and the filter ---------------------------------------------------
    @property
    def at(self) -> dt.date:
        return self._at

    def _entry(self, row: int) -> _Member:
        person_id = self._ids[row]
        found = self._cache.get(person_id)
        if found is None:
            start = max(0, row - self.BLOCK // 4)
            block = [i for i in self._ids[start : start + self.BLOCK] if i not in self._cache]
            for member in self._listing.rows(block):
                self._cache[member.person_id] = _Member(member, self._at)
            found = self._cache.get(person_id)
            if found is None:  # gone since the ids were read: shown empty until the reload
                found = self._cache[person_id] = _Member(_gone(person_id), self._at)
        return found

    def member(self, row: int) -> MemberRow:
        return self._entry(row).row

    def person_id(self, row: int) -> int:
        return self._ids[row]

    def row_of(self, person_id: int) -> int | None:
        if self._rows_of is None:
            self._rows_of = {pid: n for n, pid in enumerate(self._ids)}
        return self._rows_of.get(person_id)

    def active_count(self) -> int:
        """People not archived (the table's total when archived people are hidden)."""
        return self._active_count

    def total_count(self) -> int:
        """Everyone, archived people included."""
        return self._total

    def headers(self) -> list[str]:
        return [
            self.tr("Nom", "last name"),
            self.tr("Prénom"),
            self.tr("Structure"),
            self.tr("Instances"),
            self.tr("Collèges"),
            self.tr("Rôles"),
            self.tr("Fin de mandat"),
            self.tr("Courriel"),
        ]

    # -- QAbstractTableModel -----------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

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
        if not (0 <= row < len(self._ids) and 0 <= column < self.COLUMN_COUNT):
            return None
        if role == _PERSON_ID:
            return self._ids[row]
        entry = self._entry(row)
        if role == _DISPLAY:
            return entry.cells[column]
        archived = entry.row.archived
        ending = entry.days_left is not None
        if role == _BACKGROUND:
            return palette.color(self.ENDING_BACKGROUND) if ending else None
        if role == _FOREGROUND:
            if archived:
                return palette.color(self.ARCHIVED_FOREGROUND)
            return palette.color(self.ENDING_FOREGROUND) if ending else None
        if role == _FONT:
            return self._italic if archived else None
        if role == _SORT:
            if column == self.MANDATE_END:
                return entry.row.next_end or NO_END
            return fold(entry.cells[column])
        if role == _ARCHIVED:
            return archived
        if role == _ENDING_SOON:
            return ending
        # Tooltip: the full text (long cells are elided), then what the colours mean.
        lines = [entry.cells[column]] if len(entry.cells[column]) > 18 else []
        if archived:
            lines.append(self.tr("Personne archivée"))
        elif ending:
            lines.append(self._ending_tooltip(entry))
        return "\n".join(lines) or None

    def _ending_tooltip(self, entry: _Member) -> str:
        left = entry.days_left or 0
        end = entry.cells[self.MANDATE_END]
        if left == 0:
            return self.tr("Mandat se terminant aujourd'hui ({date})").format(date=end)
        if left == 1:
            return self.tr("Mandat se terminant demain ({date})").format(date=end)
        return self.tr("Mandat se terminant dans {days} jours, le {date}").format(
            days=left, date=end
        )

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in SQL; the rows selected stay selected (persistent indexes follow them)."""
        if not 0 <= column < self.COLUMN_COUNT:
            return
        from ess_desk.membership.listing import SORTS

        key, descending = SORTS[column], order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self._sort, self._descending):
            return
        self.layoutAboutToBeChanged.emit()
        old_ids = self._ids
        self._sort, self._descending = key, descending
        self._query()
        row_of = self.row_of
        old_indexes = self.persistentIndexList()
        new_indexes = []
        for i in old_indexes:
            new_row = row_of(old_ids[i.row()]) if i.isValid() else None
            new_indexes.append(
                self.index(new_row, i.column()) if new_row is not None else QModelIndex()
            )
        self.changePersistentIndexList(old_indexes, new_indexes)
        self.layoutChanged.emit()


class _Member:
    """A row of the table as shown: its cells, and the days left before its mandate ends when
    that is within ENDING_SOON_DAYS (None otherwise)."""

    __slots__ = ("row", "cells", "days_left")

    def __init__(self, r: MemberRow, at: dt.date):
        self.row = r
        self.cells = r.cells()
        self.days_left: int | None = None
        if r.next_end and not r.archived:
            left = (dt.date.fromisoformat(r.next_end) - at).days
            if left <= ENDING_SOON_DAYS:
                self.days_left = left


def _gone(person_id: int) -> MemberRow:
    return MemberRow(person_id, "", "", "", "", "", "", "", None, True)


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


class MembersFilterProxy(QtCore.QIdentityProxyModel):
    """Filter as you type over every column, ignoring case and accents; archived people hidden
    unless asked for. Every word typed must appear somewhere in the row. The source model does
    the filtering and the sorting in SQL: this proxy only holds what the page asks for and hands
    it over (an identity proxy: no mapping of its own to build or to call back in Python)."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._words: tuple[str, ...] = ()
        self._show_archived = False

    def setSourceModel(self, model: MembersTableModel) -> None:  # the members' model only
        # The filter first, so that the proxy maps the rows of the filtered model once.
        model.set_filter(self._words, self._show_archived)
        self._source = model  # kept alive as long as the proxy shows it
        super().setSourceModel(model)

    def filter_text(self) -> str:
        return " ".join(self._words)

    def set_filter_text(self, text: str) -> None:
        words = tuple(fold(text).split())
        if words == self._words:
            return
        self._words = words
        self._hand_over()

    def show_archived(self) -> bool:
        return self._show_archived

    def set_show_archived(self, show: bool) -> None:
        if bool(show) == self._show_archived:
            return
        self._show_archived = bool(show)
        self._hand_over()

    def _hand_over(self) -> None:
        model = self.sourceModel()
        if isinstance(model, MembersTableModel):
            model.set_filter(self._words, self._show_archived)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorting is done by the source model in SQL; the proxy keeps its order."""
        model = self.sourceModel()
        if isinstance(model, MembersTableModel) and column >= 0:
            model.sort(column, order)
