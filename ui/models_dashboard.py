"""Qt models of the dashboard: the short lines of a section, and the participation table."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from ess_desk.i18n import language
from ui import palette
from ui.qt import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from ui.widgets import HeaderedTableModel

if TYPE_CHECKING:  # the participation figures load with their tab, not at start
    from ess_desk.dashboard.participation import ParticipationRow

_Index = QModelIndex | QPersistentModelIndex

LATE = "late"  # red state: what is past its time
LATE_LINE = "late_line"  # the whole line red: an alarm among lines that are fine
WARNING = "warning"  # amber: what will soon be
MUTED = "muted"  # grey: fine, for the record
NORMAL = ""

TONES = {
    LATE: palette.ERROR,
    LATE_LINE: palette.ERROR,
    WARNING: palette.WARNING,
    MUTED: palette.MUTED,
}
SECOND_LINE = palette.MUTED  # the detail under a cell's first line


class Line(NamedTuple):
    """One line of a dashboard section: the record it opens and the cells it shows. A cell may
    hold two lines ("first\\nsecond"): the second is a muted detail. `tone` colours the last line
    of cell `toned` (the state), or the whole line for LATE_LINE."""

    kind: str  # a kind of `MainWindow.open_record`
    record_id: int
    cells: tuple[str, ...]
    tone: str = NORMAL
    tooltip: str = ""
    toned: int = -1  # the cell whose last line carries the tone (-1: the last cell)


# Roles as plain ints, taken once: comparing `role` with a Python enum member in each call of
# data() (a thousand calls at the first paint) cost about a millisecond of the start.
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)


class LinesModel(QAbstractTableModel):
    """The few lines of one section (at most a dozen: a plain list is enough)."""

    KIND_ROLE = Qt.ItemDataRole.UserRole + 1
    ID_ROLE = Qt.ItemDataRole.UserRole + 2
    TONE_ROLE = Qt.ItemDataRole.UserRole + 3
    ALL_TONED_ROLE = Qt.ItemDataRole.UserRole + 4  # True: every line of the cell in the tone
    RIGHT = int((Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value)

    def __init__(self, columns: int, parent: Any = None, right_aligned: int | None = None):
        super().__init__(parent)
        self._columns = columns
        self._right = right_aligned
        self._lines: list[Line] = []

    def set_lines(self, lines: Sequence[Line]) -> None:
        self.beginResetModel()
        self._lines = list(lines)
        self.endResetModel()

    def line(self, row: int) -> Line:
        return self._lines[row]

    def two_lines(self) -> bool:
        return any("\n" in cell for line in self._lines for cell in line.cells)

    def right_aligned(self, column: int) -> bool:
        return column == self._right

    def text(self, row: int, column: int) -> str:
        """What cell (row, column) shows: one line, or two separated by "\n"."""
        cells = self._lines[row].cells
        return cells[column] if column < len(cells) else ""

    def tone(self, row: int, column: int) -> tuple[Any, bool] | None:
        """(colour, bold) of the cell's last line (None: the system's text colour), or None when
        the cell is not toned."""
        line = self._lines[row]
        toned = line.toned % self._columns
        if line.tone == LATE_LINE or (column == toned and line.tone in TONES):
            colour = palette.color(TONES[line.tone])
            return colour, column == toned and line.tone in (LATE, LATE_LINE)
        return None

    def all_toned(self, row: int) -> bool:
        return self._lines[row].tone == LATE_LINE

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._columns

    def data(self, index: _Index, role: int = _DISPLAY) -> Any:
        if not index.isValid():
            return None
        row = index.row()
        column = index.column()
        if role == _DISPLAY:
            return self.text(row, column)
        if role == _TOOLTIP:
            return self._lines[row].tooltip or None
        if role == self.TONE_ROLE:  # (colour, bold) of the cell's last line, or None
            return self.tone(row, column)
        if role == self.ALL_TONED_ROLE:
            return self.all_toned(row)
        if role == _ALIGNMENT and column == self._right:
            return self.RIGHT
        if role == self.KIND_ROLE:
            return self._lines[row].kind
        if role == self.ID_ROLE:
            return self._lines[row].record_id
        return None


class ParticipationModel(HeaderedTableModel):
    """The participation table: one row per member, organisation or college, with its tally."""

    NAME, DETAIL, EXPECTED, PRESENT, REPRESENTED, REPLACED, EXCUSED, ABSENT, RATE = range(9)
    COLUMN_COUNT = 9
    SORT_ROLE = Qt.ItemDataRole.UserRole + 1
    RATE_ROLE = Qt.ItemDataRole.UserRole + 2  # the rate from 0 to 1 (None: nobody expected)
    RIGHT = int((Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value)

    def __init__(self, parent: Any = None):
        super().__init__(parent)
        self._rows: list[ParticipationRow] = []
        self._detail_header = ""

    def headers(self) -> list[str]:
        return [
            self.tr("Nom"),
            self._detail_header,
            self.tr("Attendus"),
            self.tr("Présents"),
            self.tr("Représentés"),
            self.tr("Remplacés"),
            self.tr("Excusés"),
            self.tr("Absents"),
            self.tr("Taux"),
        ]

    def header_tooltips(self) -> dict[int, str]:
        return {
            self.EXPECTED: self.tr("Présences attendues : une par séance tenue et par siège"),
            self.REPRESENTED: self.tr("Représenté(e) par un pouvoir donné à un autre membre"),
            self.REPLACED: self.tr("Remplacé(e) par son suppléant, présent à sa place"),
            self.RATE: self.tr("(présents + représentés + remplacés) ÷ attendus"),
        }

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return self.header_tooltips().get(section)
        return super().headerData(section, orientation, role)

    def set_rows(self, rows: list[ParticipationRow], detail_header: str) -> None:
        self.beginResetModel()
        self._rows = rows
        self._detail_header = detail_header
        self.endResetModel()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.COLUMN_COUNT - 1)

    def row_at(self, row: int) -> ParticipationRow:
        return self._rows[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def _value(self, row: ParticipationRow, column: int) -> Any:
        t = row.tally
        return {
            self.NAME: row.label,
            self.DETAIL: row.detail,
            self.EXPECTED: t.expected,
            self.PRESENT: t.present,
            self.REPRESENTED: t.represented,
            self.REPLACED: t.replaced,
            self.EXCUSED: t.excused,
            self.ABSENT: t.absent,
            self.RATE: t.rate,
        }[column]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            value = self._value(row, column)
            if column == self.RATE:
                return format_rate(value)
            return value
        if role == self.SORT_ROLE:
            value = self._value(row, column)
            if column == self.RATE:
                return -1.0 if value is None else value
            return value.casefold() if isinstance(value, str) else value
        if role == self.RATE_ROLE:
            return row.tally.rate
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= self.EXPECTED:
            return self.RIGHT
        return None


def format_rate(rate: float | None) -> str:
    """« 81,5 % » in French (decimal comma, narrow space), « 81.5% » in English; « — » when
    nobody was expected."""
    if rate is None:
        return "—"
    text = f"{rate * 100:.1f}"
    return text.replace(".", ",") + "\u202f%" if language() == "fr" else text + "%"
