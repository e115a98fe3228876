"""Qt models of the action follow-up: the Actions page's lazy table, counts, a meeting's review
list, the themes list."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from ess_desk.actions import queries, review
from ess_desk.actions import themes as themes_core
from ess_desk.actions.queries import ActionFilter, ActionRow, Counts
from ess_desk.actions.themes import Theme
from ess_desk.dates import display
from ess_desk.membership.vocabulary import label
from ess_desk.store import database
from ess_desk.typography import number
from ui import palette
from ui.qt import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QtGui,
)
from ui.widgets import HeaderedTableModel

if TYPE_CHECKING:
    from sqlite_utils import Database

_Index = QModelIndex | QPersistentModelIndex

LATE_FOREGROUND = palette.ERROR
CLOSED_FOREGROUND = palette.MUTED
GROUP_BACKGROUND = palette.FILL_GROUP
GROUP_FOREGROUND = palette.HEADING
REVIEWED_BACKGROUND = palette.FILL_DONE


# Combined alignment flags built once: combining Qt flags in Python creates enum members each
# time, which costs more than the rest of data() when a table of 30,000 rows is painted.
RIGHT = int((Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value)
CENTER = int(Qt.AlignmentFlag.AlignCenter.value)
DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
TOOLTIP = int(Qt.ItemDataRole.ToolTipRole.value)
FOREGROUND = int(Qt.ItemDataRole.ForegroundRole.value)
ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole.value)


def _bold() -> QtGui.QFont:
    font = QtGui.QFont()
    font.setBold(True)
    return font


class ActionsTableModel(HeaderedTableModel):
    """All actions that pass a filter, holding only their ids (`queries.query_ids`); the rows on
    screen are read in blocks with `queries.fetch_rows` and cached (as Anki's browser does).

    Sorting by a header re-queries with `queries.SORTS`. With grouping by owner, the ids are
    sorted by owner and a group row (« Zoé Martin — 12 actions ») opens each owner's run.
    """

    ID, TITLE, OWNER, BODY, THEME, DUE, STATUS, PROGRESS, PRIORITY, ORIGIN, LAST_UPDATE = range(11)
    COLUMN_COUNT = 11
    SORT_KEYS = {
        ID: "id",
        TITLE: "title",
        OWNER: "owner",
        BODY: "body",
        THEME: "theme",
        DUE: "due_date",
        STATUS: "status",
        PROGRESS: "progress",
        PRIORITY: "priority",
        ORIGIN: "origin",
        LAST_UPDATE: "last_update",
    }

    ACTION_ID_ROLE = Qt.ItemDataRole.UserRole + 1
    OVERDUE_ROLE = Qt.ItemDataRole.UserRole + 2
    GROUP_ROLE = Qt.ItemDataRole.UserRole + 3  # True on an owner's group row

    BLOCK = 100  # rows read at once around the one asked for
    WINDOW = 500  # ids read before the table is scrolled (when the counts are kept)
    _ROW_ROLES = frozenset(
        {DISPLAY, TOOLTIP, FOREGROUND, ALIGNMENT, int(Qt.ItemDataRole.UserRole.value) + 2}
    )

    def __init__(self, db: Database, parent: QObject | None = None, today: dt.date | None = None):
        super().__init__(parent)
        self._db = db
        self._today = today
        self._filter = ActionFilter()
        self._sort = "due_date"
        self._descending = False
        self._grouped = False
        self._ids: list[int] = []  # the actions in order (the first WINDOW until fetchMore)
        self._complete = True  # every id read
        self.counts = Counts(0, 0, {}, [])  # by status and theme, from the same query as the ids
        # What each visible row shows: an index into _ids (>= 0), or -(group number + 1).
        self._rows: list[int] = []
        self._groups: list[tuple[int, int]] = []  # (first position in _ids, size)
        self._cache: dict[int, ActionRow] = {}
        self._owners: dict[int, tuple[int | None, int | None]] | None = None
        self._bold = _bold()

    # -- loading -----------------------------------------------------------------------------
    @property
    def today(self) -> dt.date:
        return self._today or dt.date.today()

    @property
    def action_filter(self) -> ActionFilter:
        return self._filter

    @property
    def sort_key(self) -> tuple[str, bool]:
        return self._sort, self._descending

    @property
    def grouped(self) -> bool:
        return self._grouped

    def set_filter(self, filt: ActionFilter) -> None:
        self._filter = filt
        self._requery()

    def set_grouped(self, grouped: bool) -> None:
        self._grouped = grouped
        self._requery()

    def set_sort(self, key: str, descending: bool = False) -> None:
        self._sort, self._descending = key, descending
        self._requery()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self.SORT_KEYS.get(column)
        if key is not None:
            self.set_sort(key, order == Qt.SortOrder.DescendingOrder)

    def reload(self) -> None:
        """After an edit: rows are read again from the database."""
        self._cache.clear()
        self._owners = None
        self._requery()

    def forget(self, action_ids: list[int]) -> None:
        """These actions changed: read them again when next shown."""
        for action_id in action_ids:
            self._cache.pop(action_id, None)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, self.COLUMN_COUNT - 1)
            )

    def _requery(self) -> None:
        self.beginResetModel()
        sort = "owner" if self._grouped else self._sort
        descending = False if self._grouped else self._descending
        # The counts kept beside the actions (or one aggregate) and the first rows' ids only,
        # the rest read when the table is scrolled to them (fetchMore); by owner, or on words,
        # every id at once.
        self._ids, self.counts, self._complete = queries.page_ids_and_counts(
            self._db,
            self._filter,
            sort=sort,
            descending=descending,
            today=self.today,
            window=self.WINDOW,
        )
        self._groups = []
        if self._grouped:
            self._rows = self._grouped_rows()
        else:
            self._rows = list(range(len(self._ids)))
        self.endResetModel()

    def _grouped_rows(self) -> list[int]:
        # Who owns each action is read in one light query (two integers per action); the
        # group's name comes from its first row when it is shown.
        if self._owners is None:
            self._owners = {
                r["id"]: (r["owner_person_id"], r["owner_organisation_id"])
                for r in database.each_row(
                    self._db, "SELECT id, owner_person_id, owner_organisation_id FROM actions"
                )
            }
        owners = self._owners
        rows: list[int] = []
        previous: tuple[str, int] | None = None
        for position, action_id in enumerate(self._ids):
            person, organisation = owners.get(action_id, (None, None))
            key = ("person", person) if person is not None else ("organisation", organisation or 0)
            if key != previous:
                self._groups.append((position, 0))
                rows.append(-len(self._groups))
                previous = key
            first, size = self._groups[-1]
            self._groups[-1] = (first, size + 1)
            rows.append(position)
        return rows

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and not self._complete

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008, N802
        """The ids of every action that passes the filter, after the first window's."""
        if parent.isValid() or self._complete:
            return
        every = queries.query_ids(
            self._db, self._filter, sort=self._sort, descending=self._descending, today=self.today
        )
        self._complete = True
        shown = len(self._ids)
        if every[:shown] != self._ids:  # the actions changed meanwhile: listed afresh
            self.beginResetModel()
            self._ids, self._rows = every, list(range(len(every)))
            self.endResetModel()
        elif len(every) > shown:
            self.beginInsertRows(QModelIndex(), shown, len(every) - 1)
            self._ids = every
            self._rows.extend(range(shown, len(every)))
            self.endInsertRows()

    # -- lookups -----------------------------------------------------------------------------
    def action_count(self) -> int:
        """How many actions pass the filter (those not read yet included)."""
        return len(self._ids) if self._complete else self.counts.total

    def ids(self) -> list[int]:
        self.fetchMore()
        return list(self._ids)

    def is_group(self, row: int) -> bool:
        return 0 <= row < len(self._rows) and self._rows[row] < 0

    def group_rows(self) -> list[int]:
        if not self._groups:
            return []
        return [r for r, v in enumerate(self._rows) if v < 0]

    def action_id(self, row: int) -> int | None:
        if not 0 <= row < len(self._rows) or self._rows[row] < 0:
            return None
        return self._ids[self._rows[row]]

    def row_of(self, action_id: int) -> int | None:
        if action_id not in self._ids:
            self.fetchMore()  # perhaps further down, not read yet
        try:
            position = self._ids.index(action_id)
        except ValueError:
            return None
        return self._rows.index(position)

    def action_row(self, row: int) -> ActionRow | None:
        """The full row of the action shown at `row` (read with its block when not cached)."""
        if not 0 <= row < len(self._rows):
            return None
        value = self._rows[row]
        if value < 0:
            return None
        action_id = self._ids[value]
        cached = self._cache.get(action_id)
        if cached is not None:
            return cached
        start = max(0, value - self.BLOCK // 4)
        block = [i for i in self._ids[start : start + self.BLOCK] if i not in self._cache]
        for fetched in queries.fetch_rows(self._db, block, today=self.today):
            self._cache[fetched.id] = fetched
        return self._cache.get(action_id)

    def _group_text(self, group: int) -> str:
        first, size = self._groups[group]
        row = self._cache.get(self._ids[first])
        if row is None:
            found = queries.fetch_rows(self._db, [self._ids[first]], today=self.today)
            row = found[0] if found else None
            if row is not None:
                self._cache[row.id] = row
        name = ""
        if row is not None:
            name = row.owner
            if row.owner_person_id is not None and row.owner_organisation_id is not None:
                name = name.split(" (", 1)[0]
        count = self.tr("%Ln actions", "", size)
        return f"{name or self.tr('(sans porteur)')} — {count}"

    # -- Qt ----------------------------------------------------------------------------------
    def headers(self) -> list[str]:
        return [
            self.tr("N°"),
            self.tr("Action"),
            self.tr("Porteur"),
            self.tr("Instance"),
            self.tr("Thème"),
            self.tr("Échéance"),
            self.tr("Statut"),
            self.tr("Avancement"),
            self.tr("Priorité"),
            self.tr("Origine"),
            self.tr("Dernier point"),
        ]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 (Qt's names)
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self.is_group(index.row()):
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        value = self._rows[index.row()]
        column = index.column()
        if value < 0:
            return self._group_data(-value - 1, column, role)
        if role == self.ACTION_ID_ROLE:
            return self._ids[value]
        if role == self.GROUP_ROLE:
            return False
        role = int(role)
        if role not in self._ROW_ROLES:
            return None
        row = self.action_row(index.row())
        if row is None:
            return None
        if role == self.OVERDUE_ROLE:
            return row.overdue
        if role == DISPLAY:
            return self._text(row, column)
        if role == FOREGROUND:
            if row.overdue:
                return palette.color(LATE_FOREGROUND)
            return None if row.is_open else palette.color(CLOSED_FOREGROUND)
        if role == TOOLTIP:
            if row.overdue:
                return self.tr("En retard de %n jours", "", row.days_late)
            if column in (self.TITLE, self.ORIGIN, self.LAST_UPDATE):
                return self._text(row, column) or None
            return None
        if role == ALIGNMENT and column in (self.ID, self.PROGRESS):
            return RIGHT
        return None

    def _group_data(self, group: int, column: int, role: int) -> Any:
        if role == self.GROUP_ROLE:
            return True
        if role == Qt.ItemDataRole.DisplayRole and column == 0:
            return self._group_text(group)
        if role == Qt.ItemDataRole.FontRole:
            return self._bold
        if role == Qt.ItemDataRole.BackgroundRole:
            return palette.color(GROUP_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole:
            return palette.color(GROUP_FOREGROUND)
        return None

    def _text(self, row: ActionRow, column: int) -> str:
        if column == self.ID:
            return str(row.id)
        if column == self.TITLE:
            return row.title
        if column == self.OWNER:
            return row.owner
        if column == self.BODY:
            return row.body
        if column == self.THEME:
            return row.theme
        if column == self.DUE:
            if not row.due_date:
                return ""
            if row.overdue:
                return self.tr("{day} (retard : {days} j)").format(
                    day=display(row.due_date), days=number(row.days_late)
                )
            return display(row.due_date)
        if column == self.STATUS:
            return row.status_label
        if column == self.PROGRESS:
            return f"{row.progress} %"
        if column == self.PRIORITY:
            return row.priority_label
        if column == self.ORIGIN:
            return row.origin
        if column == self.LAST_UPDATE:
            return row.last_update_text
        return ""


class CountsTableModel(HeaderedTableModel):
    """How many actions pass the filter: a heading, then each status, then each theme."""

    LABEL, COUNT = range(2)
    COLUMN_COUNT = 2
    KIND_ROLE = Qt.ItemDataRole.UserRole + 1  # "heading", "total", "status" or "theme"

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._lines: list[tuple[str, str, int | None]] = []
        self._bold = _bold()

    def set_counts(self, counts: Counts) -> None:
        from ess_desk.actions import rules

        self.beginResetModel()
        lines: list[tuple[str, str, int | None]] = [
            ("total", self.tr("Actions"), counts.total),
            ("overdue", self.tr("dont en retard"), counts.overdue),
            ("heading", self.tr("Par statut"), None),
        ]
        lines += [
            ("status", label(rules.STATUSES, code), n) for code, n in counts.by_status.items()
        ]
        lines.append(("heading", self.tr("Par thème"), None))
        lines += [("theme", name, n) for _id, name, n in counts.by_theme]
        self._lines = lines
        self.endResetModel()

    def value(self, label: str) -> int | None:
        for _kind, text, n in self._lines:
            if text == label:
                return n
        return None

    def headers(self) -> list[str]:
        return [self.tr("Répartition"), self.tr("Nombre")]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._lines)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        kind, text, n = self._lines[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == self.LABEL:
                return text if kind in ("heading", "total") else f"    {text}"
            return "" if n is None else number(n)
        if role == self.KIND_ROLE:
            return kind
        if role == Qt.ItemDataRole.FontRole and kind in ("heading", "total"):
            return self._bold
        if role == Qt.ItemDataRole.ForegroundRole and kind == "overdue" and n:
            return palette.color(LATE_FOREGROUND)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == self.COUNT:
            return RIGHT
        return None


class ReviewTableModel(HeaderedTableModel):
    """A meeting's « Suivi des actions »: its body's open actions, overdue first, each with its
    last update; rows reviewed at this meeting are marked ✓. The order is kept for the whole
    pass, so that an action closed on the way does not jump to the end under the cursor."""

    DONE, ID, TITLE, OWNER, DUE, STATUS, PROGRESS, LAST_UPDATE = range(8)
    COLUMN_COUNT = 8
    ACTION_ID_ROLE = Qt.ItemDataRole.UserRole + 1
    REVIEWED_ROLE = Qt.ItemDataRole.UserRole + 2

    def __init__(
        self,
        db: Database,
        meeting_id: int,
        parent: QObject | None = None,
        today: dt.date | None = None,
    ):
        super().__init__(parent)
        self._db = db
        self.meeting_id = meeting_id
        self._today = today
        self._order: list[int] = []
        self._rows: list[ActionRow] = []
        self.reload()

    def reload(self) -> None:
        rows = review.review_list(self._db, self.meeting_id, self._today, include_closed_here=True)
        by_id = {r.id: r for r in rows}
        order = [i for i in self._order if i in by_id]
        order += [r.id for r in rows if r.id not in set(order)]
        self.beginResetModel()
        self._order = order
        self._rows = [by_id[i] for i in order]
        self.endResetModel()

    def refresh(self, action_id: int) -> None:
        """One action changed (an update recorded): read the whole list again, keeping order."""
        self.reload()

    def action_row(self, row: int) -> ActionRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, action_id: int) -> int | None:
        return self._order.index(action_id) if action_id in self._order else None

    def reviewed(self, row: int) -> bool:
        found = self.action_row(row)
        return found is not None and review.reviewed_here(found, self.meeting_id)

    def progress(self) -> tuple[int, int]:
        """(reviewed, total) of the pass."""
        return sum(review.reviewed_here(r, self.meeting_id) for r in self._rows), len(self._rows)

    def headers(self) -> list[str]:
        return [
            self.tr("Revue"),
            self.tr("N°"),
            self.tr("Action"),
            self.tr("Porteur"),
            self.tr("Échéance"),
            self.tr("Statut"),
            self.tr("Avancement"),
            self.tr("Dernier point"),
        ]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        done = review.reviewed_here(row, self.meeting_id)
        if role == self.ACTION_ID_ROLE:
            return row.id
        if role == self.REVIEWED_ROLE:
            return done
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column, done)
        if role == Qt.ItemDataRole.ForegroundRole and row.overdue:
            return palette.color(LATE_FOREGROUND)
        if role == Qt.ItemDataRole.BackgroundRole and done:
            return palette.color(REVIEWED_BACKGROUND)
        if role == Qt.ItemDataRole.ToolTipRole:
            if row.overdue:
                return self.tr("En retard de %n jours", "", row.days_late)
            if column == self.DONE and done:
                return self.tr("Revue à cette séance")
            if column in (self.TITLE, self.LAST_UPDATE):
                return self._text(row, column, done) or None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            self.DONE,
            self.ID,
            self.PROGRESS,
        ):
            return CENTER
        return None

    def _text(self, row: ActionRow, column: int, done: bool) -> str:
        if column == self.DONE:
            return "✓" if done else ""
        if column == self.ID:
            return str(row.id)
        if column == self.TITLE:
            return row.title
        if column == self.OWNER:
            return row.owner
        if column == self.DUE:
            if row.overdue:
                return self.tr("{day} (retard : {days} j)").format(
                    day=display(row.due_date), days=number(row.days_late)
                )
            return display(row.due_date) if row.due_date else ""
        if column == self.STATUS:
            return row.status_label
        if column == self.PROGRESS:
            return f"{row.progress} %"
        if column == self.LAST_UPDATE:
            return row.last_update_text
        return ""


class ThemesTableModel(HeaderedTableModel):
    """The themes list, archived ones included and marked."""

    NAME, STATE = range(2)
    COLUMN_COUNT = 2
    THEME_ID_ROLE = Qt.ItemDataRole.UserRole + 1

    def __init__(self, db: Database, parent: QObject | None = None):
        super().__init__(parent)
        self._db = db
        self._themes: list[Theme] = []
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._themes = themes_core.list_themes(self._db, include_archived=True)
        self.endResetModel()

    def theme(self, row: int) -> Theme | None:
        return self._themes[row] if 0 <= row < len(self._themes) else None

    def row_of(self, theme_id: int) -> int | None:
        for n, theme in enumerate(self._themes):
            if theme.id == theme_id:
                return n
        return None

    def ids(self) -> list[int]:
        return [t.id for t in self._themes]

    def headers(self) -> list[str]:
        return [self.tr("Thème"), self.tr("État")]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._themes)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        theme = self.theme(index.row()) if index.isValid() else None
        if theme is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == self.NAME:
                return theme.name
            return self.tr("archivé") if theme.archived else self.tr("proposé")
        if role == self.THEME_ID_ROLE:
            return theme.id
        if role == Qt.ItemDataRole.ForegroundRole and theme.archived:
            return palette.color(CLOSED_FOREGROUND)
        return None
