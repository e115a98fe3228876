"""Qt model of the dashboard's participation table (its lines are `ui.lines.LinesWidget`s)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ess_desk.i18n import language
from ui.qt import QModelIndex, QPersistentModelIndex, Qt
from ui.widgets import HeaderedTableModel

if TYPE_CHECKING:  # the participation figures load with their tab, not at start
    from ess_desk.dashboard.participation import ParticipationRow

_Index = QModelIndex | QPersistentModelIndex


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
