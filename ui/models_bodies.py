"""Qt models of the Instances page: the bodies tree, a body's colleges, its roster at a date."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from ess_desk.dates import display
from ess_desk.membership import bodies as bodies_core
from ess_desk.membership import roster as roster_core
from ess_desk.membership.roster import CollegeSeats, RosterEntry
from ess_desk.membership.vocabulary import BODY_KINDS, ROLES, SEAT_ROLES, label
from ui import palette
from ui.qt import (
    QCoreApplication,
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

BODY_ID_ROLE = Qt.ItemDataRole.UserRole + 1


def paired_order(entries: list[RosterEntry]) -> list[tuple[RosterEntry, bool]]:
    """The roster with each paired substitute right under the member they replace.

    Returns (entry, is_paired_substitute). A substitute whose member is not in the roster at that
    date, or who serves the whole college, keeps their place in the college's order.
    """
    present = {e.mandate_id for e in entries}
    under: dict[int, list[RosterEntry]] = {}
    for e in entries:
        if e.substitute_for_id is not None and e.substitute_for_id in present:
            under.setdefault(e.substitute_for_id, []).append(e)
    out: list[tuple[RosterEntry, bool]] = []
    for e in entries:
        if e.substitute_for_id is not None and e.substitute_for_id in present:
            continue
        out.append((e, False))
        out.extend((s, True) for s in under.get(e.mandate_id, ()))
    return out


class RosterTableModel(HeaderedTableModel):
    """The mandates of a body in force at a date, member/substitute pairs side by side."""

    COLLEGE, ROLE, NAME, ORGANISATION, START, END, PAIRING = range(7)
    COLUMN_COUNT = 7

    MANDATE_ID_ROLE = Qt.ItemDataRole.UserRole + 1

    SUBSTITUTE_FOREGROUND = palette.SECONDARY

    def __init__(self, db: Database, parent: QObject | None = None):
        super().__init__(parent)
        self._db = db
        self._body_id: int | None = None
        self._at = dt.date.today()
        self._rows: list[tuple[RosterEntry, bool]] = []
        self._italic = QtGui.QFont()
        self._italic.setItalic(True)

    # -- loading -----------------------------------------------------------------------------
    def load(self, body_id: int | None, at: dt.date) -> None:
        self.beginResetModel()
        self._body_id, self._at = body_id, at
        entries = roster_core.roster(self._db, body_id, at) if body_id is not None else []
        self._rows = paired_order(entries)
        self.endResetModel()

    def reload(self) -> None:
        self.load(self._body_id, self._at)

    @property
    def at(self) -> dt.date:
        return self._at

    @property
    def body_id(self) -> int | None:
        return self._body_id

    def entry(self, row: int) -> RosterEntry:
        return self._rows[row][0]

    def row_of(self, mandate_id: int) -> int | None:
        for i, (e, _paired) in enumerate(self._rows):
            if e.mandate_id == mandate_id:
                return i
        return None

    def headers(self) -> list[str]:
        return [
            self.tr("Collège"),
            self.tr("Rôle"),
            self.tr("Nom"),
            self.tr("Structure"),
            self.tr("Début"),
            self.tr("Fin"),
            self.tr("Suppléant(e) de / Suppléant(e)s"),
        ]

    def _text(self, entry: RosterEntry, paired: bool, column: int) -> str:
        if column == self.COLLEGE:
            return entry.college or self.tr("(sans collège)")
        if column == self.ROLE:
            return label(ROLES, entry.role)
        if column == self.NAME:
            name = f"{entry.last_name.upper()} {entry.first_name}".strip()
            return f"    ↳ {name}" if paired else name
        if column == self.ORGANISATION:
            return entry.organisation
        if column == self.START:
            return display(entry.start_date)
        if column == self.END:
            return display(entry.end_date) if entry.end_date else self.tr("sans fin")
        if column == self.PAIRING:
            if entry.role == "substitute":
                # The header says "Suppléant(e) de": the cell names the member replaced.
                return entry.substitute_for_name or self.tr("(tout le collège)")
            return ", ".join(entry.substitutes)
        return ""

    # -- QAbstractTableModel -----------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        entry, paired = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(entry, paired, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.PAIRING and entry.role == "substitute" and entry.substitute_for_name:
                return self.tr("Suppléant(e) de {name}").format(name=entry.substitute_for_name)
            if column == self.PAIRING and entry.substitutes:
                return self.tr("Suppléant(e)s : {names}").format(names=", ".join(entry.substitutes))
            return self._text(entry, paired, column)
        if role == self.MANDATE_ID_ROLE:
            return entry.mandate_id
        if role == Qt.ItemDataRole.FontRole and entry.role not in SEAT_ROLES:
            return self._italic
        if role == Qt.ItemDataRole.ForegroundRole and entry.role not in SEAT_ROLES:
            return palette.color(self.SUBSTITUTE_FOREGROUND)
        return None


class CollegesTableModel(HeaderedTableModel):
    """A body's colleges with their seats, filled and vacant at a date."""

    NAME, SEATS, VOTING, FILLED, VACANT = range(5)
    COLUMN_COUNT = 5

    COLLEGE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
    FULL_BACKGROUND = palette.FILL_SUCCESS
    VACANT_BACKGROUND = palette.FILL_WARNING

    def __init__(self, db: Database, parent: QObject | None = None):
        super().__init__(parent)
        self._db = db
        self._body_id: int | None = None
        self._at = dt.date.today()
        self._rows: list[CollegeSeats] = []

    def load(self, body_id: int | None, at: dt.date) -> None:
        self.beginResetModel()
        self._body_id, self._at = body_id, at
        self._rows = roster_core.vacant_seats(self._db, body_id, at) if body_id is not None else []
        self.endResetModel()

    def reload(self) -> None:
        self.load(self._body_id, self._at)

    def college(self, row: int) -> CollegeSeats:
        return self._rows[row]

    def colleges(self) -> list[CollegeSeats]:
        return list(self._rows)

    def headers(self) -> list[str]:
        return [
            self.tr("Collège"),
            self.tr("Sièges"),
            self.tr("Voix"),
            self.tr("Occupés"),
            self.tr("Vacants"),
        ]

    def summary_line(self, seats: CollegeSeats) -> str:
        """« Collège des élus : 10 sièges, 8 occupés, 2 vacants » (French singular for 0 and 1)."""
        filled = (
            self.tr("{n} occupé").format(n=seats.filled)
            if seats.filled <= 1
            else self.tr("{n} occupés").format(n=seats.filled)
        )
        if seats.seats is None:
            return self.tr("{college} : sans limite de sièges, {filled}").format(
                college=seats.name, filled=filled
            )
        total = (
            self.tr("{n} siège").format(n=seats.seats)
            if seats.seats <= 1
            else self.tr("{n} sièges").format(n=seats.seats)
        )
        vacant = seats.vacant or 0
        free = (
            self.tr("{n} vacant").format(n=vacant)
            if vacant <= 1
            else self.tr("{n} vacants").format(n=vacant)
        )
        return self.tr("{college} : {total}, {filled}, {vacant}").format(
            college=seats.name, total=total, filled=filled, vacant=free
        )

    def _text(self, seats: CollegeSeats, column: int) -> str:
        if column == self.NAME:
            return seats.name
        if column == self.SEATS:
            return self.tr("sans limite") if seats.seats is None else str(seats.seats)
        if column == self.VOTING:
            return self.tr("Délibérative") if seats.voting else self.tr("Consultative")
        if column == self.FILLED:
            return str(seats.filled)
        if column == self.VACANT:
            return "—" if seats.vacant is None else str(seats.vacant)
        return ""

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        seats = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(seats, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.summary_line(seats)
        if role == self.COLLEGE_ID_ROLE:
            return seats.college_id
        if role == Qt.ItemDataRole.TextAlignmentRole and column != self.NAME:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.BackgroundRole and column == self.VACANT and seats.vacant:
            return palette.color(self.VACANT_BACKGROUND)
        return None


def bodies_tree(db: Database, parent: QObject | None = None) -> QtGui.QStandardItemModel:
    """The bodies as a tree: the plenary, then its bureau, commissions and groups beneath.

    A council has a few dozen bodies at most, so a standard item model built at once is enough.
    """
    model = QtGui.QStandardItemModel(parent)
    model.setHorizontalHeaderLabels([QCoreApplication.translate("BodiesTree", "Instance")])
    all_bodies = bodies_core.list_bodies(db)
    known = {b.id for b in all_bodies}
    items: dict[int, QtGui.QStandardItem] = {}
    for body in all_bodies:
        item = QtGui.QStandardItem(body.name)
        item.setEditable(False)
        item.setData(body.id, BODY_ID_ROLE)
        item.setToolTip(f"{body.name} — {label(BODY_KINDS, body.kind)}")
        if body.kind == "plenary":
            font = item.font()
            font.setBold(True)
            item.setFont(font)
        items[body.id] = item
    # list_bodies orders by kind then name, so parents never need to come first.
    for body in all_bodies:
        parent_id = body.parent_id if body.parent_id in known else None
        holder = items[parent_id] if parent_id is not None else model.invisibleRootItem()
        holder.appendRow(items[body.id])
    return model


def _tr(text: str) -> str:
    from ui.qt import QtCore

    return QtCore.QCoreApplication.translate("BodiesTree", text)
