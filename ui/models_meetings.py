"""Qt models of the Séances page: meetings, an agenda, attendance, guests, votes, annexes, schedules."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import partial
from typing import TYPE_CHECKING, Any

from ess_desk.dates import display, long_date
from ess_desk.errors import UserError
from ess_desk.meetings import agenda, annexes, listing, meetings, presence, votes
from ess_desk.meetings.attendance import STATUSES as ATTENDANCE_STATUSES
from ess_desk.meetings.attendance import Presence
from ess_desk.meetings.calendar import holiday_name, notice_deadline
from ess_desk.meetings.vocabulary import ITEM_KINDS, MEETING_STATUSES, OUTCOMES
from ess_desk.membership import bodies
from ess_desk.membership.vocabulary import ROLES, label
from ess_desk.store import Store, database
from ui import palette
from ui.qt import (
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QtCore,
    QtGui,
    Signal,
)
from ui.widgets import HeaderedTableModel, WindowedTableModel

if TYPE_CHECKING:
    from sqlite_utils import Database

_Index = QModelIndex | QPersistentModelIndex
_Display = Qt.ItemDataRole.DisplayRole


class _TableModel(HeaderedTableModel):
    """Shared plumbing: named columns, translatable headers, no children."""

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)  # type: ignore[attr-defined]

    def _valid(self, index: _Index) -> bool:
        return index.isValid() and 0 <= index.row() < len(self._rows)  # type: ignore[attr-defined]


def hhmm(value: dt.datetime | dt.time | None) -> str:
    return value.strftime("%H:%M") if value is not None else ""


# -- meetings list ----------------------------------------------------------------------------

ORDER_UPCOMING_FIRST, ORDER_CHRONOLOGICAL, ORDER_NEWEST_FIRST = range(3)

STATUS_COLOURS = {status: palette.Ink(pill.bg) for status, pill in palette.PILLS.items()}


_ORDERS = {
    ORDER_UPCOMING_FIRST: listing.UPCOMING_FIRST,
    ORDER_CHRONOLOGICAL: listing.CHRONOLOGICAL,
    ORDER_NEWEST_FIRST: listing.NEWEST_FIRST,
}


class MeetingsTableModel(_TableModel, WindowedTableModel):
    """Meetings with filters by body, status and year; upcoming first by default. A council's
    ten years of meetings are not all read when the page opens: the first WINDOW, and `count()`."""

    WINDOW = 300

    DATE, TIME, BODY, TITLE, PLACE, STATUS, DEADLINE = range(7)
    COLUMN_COUNT = 7

    MEETING_ID_ROLE = Qt.ItemDataRole.UserRole + 1
    SORT_ROLE = Qt.ItemDataRole.UserRole + 2
    PAST_FOREGROUND = palette.MUTED
    LATE_BACKGROUND = palette.FILL_WARNING

    def __init__(self, db: Database, parent: QObject | None = None, now: dt.datetime | None = None):
        super().__init__(parent)
        self._db = db
        self._now = now
        self._bodies: dict[int, bodies.Body] = {}
        self._deadlines: dict[int, dt.date | None] = {}
        self.body_id: int | None = None
        self.status: str | None = None
        self.year: int | None = None
        self.order = ORDER_UPCOMING_FIRST

    def now(self) -> dt.datetime:
        return self._now or dt.datetime.now().replace(second=0, microsecond=0)

    def load(
        self,
        body_id: int | None = None,
        status: str | None = None,
        year: int | None = None,
        order: int = ORDER_UPCOMING_FIRST,
    ) -> None:
        """The meetings that pass the filters, in that order: the first WINDOW of them, the rest
        when the table is scrolled to them (fetchMore), sorted on a column or looked for."""
        self.beginResetModel()
        self.body_id, self.status, self.year, self.order = body_id, status, year, order
        self._bodies = {b.id: b for b in bodies.list_bodies(self._db, include_archived=True)}
        self._deadlines = {}
        filters = listing.MeetingFilter(body_id, status, year)
        read = partial(
            listing.listed,
            self._db,
            filters,
            order=_ORDERS[order],
            now=self.now().isoformat(timespec="minutes"),
        )
        first = read(limit=self.WINDOW)
        total = listing.count(self._db, filters) if len(first) >= self.WINDOW else len(first)
        self._show(first, total, read)
        self.endResetModel()

    def reload(self) -> None:
        self.load(self.body_id, self.status, self.year, self.order)

    def meeting(self, row: int) -> meetings.MeetingRow:
        return self._rows[row]

    def row_of(self, meeting_id: int) -> int | None:
        return self._row_of_id(meeting_id)

    def headers(self) -> list[str]:
        return [
            self.tr("Date"),
            self.tr("Heure"),
            self.tr("Instance"),
            self.tr("Titre"),
            self.tr("Lieu"),
            self.tr("Statut"),
            self.tr("Convoquer avant le"),
        ]

    def deadline(self, row: meetings.MeetingRow) -> dt.date | None:
        """The notice deadline, for meetings still to convene (computed on first display)."""
        if row.status != "planned":
            return None
        if row.id not in self._deadlines:
            body = self._bodies.get(row.body_id)
            day = dt.date.fromisoformat(row.starts_at[:10])
            self._deadlines[row.id] = (
                notice_deadline(day, body.notice_clear_days, body.holiday_calendar)
                if body is not None
                else None
            )
        return self._deadlines[row.id]

    def _text(self, row: meetings.MeetingRow, column: int) -> str:
        start = dt.datetime.fromisoformat(row.starts_at)
        if column == self.DATE:
            return display(start.date())
        if column == self.TIME:
            end = dt.datetime.fromisoformat(row.ends_at) if row.ends_at else None
            return f"{hhmm(start)} – {hhmm(end)}" if end else hhmm(start)
        if column == self.BODY:
            return row.body
        if column == self.TITLE:
            return row.title
        if column == self.PLACE:
            return row.place
        if column == self.STATUS:
            return label(MEETING_STATUSES, row.status)
        if column == self.DEADLINE:
            return display(self.deadline(row))
        return ""

    def _past(self, row: meetings.MeetingRow) -> bool:
        return row.starts_at < self.now().isoformat(timespec="minutes")

    def data(self, index: _Index, role: int = _Display) -> Any:
        if not self._valid(index):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            text = self._text(row, column)
            if role == Qt.ItemDataRole.ToolTipRole and column == self.DEADLINE and text:
                return self.tr("Convocation à envoyer au plus tard le {day}").format(day=text)
            return text
        if role == self.MEETING_ID_ROLE:
            return row.id
        if role == self.SORT_ROLE:
            if column in (self.DATE, self.TIME):
                return row.starts_at
            if column == self.DEADLINE:
                deadline = self.deadline(row)
                return deadline.isoformat() if deadline else ""
            return self._text(row, column).casefold()
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == self.STATUS:
                ink = STATUS_COLOURS.get(row.status)
                return palette.color(ink) if ink else None
            if self._past(row):
                return palette.color(self.PAST_FOREGROUND)
        if role == Qt.ItemDataRole.BackgroundRole and column == self.DEADLINE:
            deadline = self.deadline(row)
            if deadline is not None and deadline < self.now().date():
                return palette.color(self.LATE_BACKGROUND)
        return None


class MeetingsProxy(QSortFilterProxyModel):
    """The meetings sorted by a column's SORT_ROLE, or in the list's own order (column -1). A
    sort by a column reads every meeting first: those not read yet belong among the first rows."""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        source = self.sourceModel()
        if column >= 0 and source is not None and source.canFetchMore(QModelIndex()):
            source.fetchMore(QModelIndex())
        super().sort(column, order)


# -- agenda -----------------------------------------------------------------------------------

AGENDA_MIME = "application/x-ess-desk-agenda-items"


class AgendaTableModel(_TableModel):
    """A meeting's agenda with computed start times; drag and drop calls `agenda.reorder`."""

    NUMBER, TIME, TITLE, KIND, PRESENTER, DURATION, ANNEXES = range(7)
    COLUMN_COUNT = 7

    ITEM_ID_ROLE = Qt.ItemDataRole.UserRole + 1

    refused = Signal(object)  # a UserError from the core
    reordered = Signal()

    def __init__(self, store: Store, meeting_id: int, parent: QObject | None = None):
        super().__init__(parent)
        self._store = store
        self.meeting_id = meeting_id
        self._rows: list[agenda.TimedItem] = []
        self.timetable: agenda.Timetable | None = None
        self.planned_end: dt.datetime | None = None
        self._presenters: dict[int, str] = {}
        self._annex_counts: dict[int, int] = {}
        self.editable = True
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        db = self._store.db
        self.timetable = agenda.meeting_timetable(db, self.meeting_id)
        self.planned_end = meetings.get(db, self.meeting_id).end
        self._rows = list(self.timetable.items)
        ids = {t.item.presenter_person_id for t in self._rows if t.item.presenter_person_id}
        self._presenters = {}
        for person_id in ids:
            row = database.row(
                db, "SELECT first_name, last_name FROM people WHERE id = ?", [person_id]
            )
            if row:
                self._presenters[person_id] = f"{row['first_name']} {row['last_name']}".strip()
        self._annex_counts = {}
        for annex in annexes.list_annexes(db, self.meeting_id):
            if annex.item_id is not None:
                self._annex_counts[annex.item_id] = self._annex_counts.get(annex.item_id, 0) + 1
        self.endResetModel()

    def item(self, row: int) -> agenda.AgendaItem:
        return self._rows[row].item

    def item_ids(self) -> list[int]:
        return [t.item.id for t in self._rows]

    def row_of(self, item_id: int) -> int | None:
        ids = self.item_ids()
        return ids.index(item_id) if item_id in ids else None

    def presenter(self, item: agenda.AgendaItem) -> str:
        if item.presenter_person_id:
            name = self._presenters.get(item.presenter_person_id, "")
            return f"{name} ({item.presenter_text})" if item.presenter_text else name
        return item.presenter_text

    def headers(self) -> list[str]:
        return [
            self.tr("N°"),
            self.tr("Horaire"),
            self.tr("Point"),
            self.tr("Type"),
            self.tr("Présenté par"),
            self.tr("Durée"),
            self.tr("Annexes"),
        ]

    def _text(self, timed: agenda.TimedItem, row: int, column: int) -> str:
        item = timed.item
        if column == self.NUMBER:
            return str(row + 1)
        if column == self.TIME:
            return f"{hhmm(timed.starts_at)} – {hhmm(timed.ends_at)}"
        if column == self.TITLE:
            return item.title
        if column == self.KIND:
            return label(ITEM_KINDS, item.kind)
        if column == self.PRESENTER:
            return self.presenter(item)
        if column == self.DURATION:
            return self.tr("{n} min").format(n=item.duration_minutes)
        if column == self.ANNEXES:
            count = self._annex_counts.get(item.id, 0)
            return str(count) if count else ""
        return ""

    def data(self, index: _Index, role: int = _Display) -> Any:
        if not self._valid(index):
            return None
        timed = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(timed, index.row(), column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.TITLE and timed.item.description:
                return timed.item.description
            return self._text(timed, index.row(), column)
        if role == self.ITEM_ID_ROLE:
            return timed.item.id
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            self.NUMBER,
            self.DURATION,
            self.ANNEXES,
        ):
            return int(Qt.AlignmentFlag.AlignCenter)
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and column == self.TIME
            and self.planned_end is not None
            and timed.ends_at > self.planned_end
        ):
            return palette.color(palette.ERROR)
        return None

    # -- drag and drop -------------------------------------------------------------------------
    def flags(self, index: _Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if not self.editable:
            return base
        if not index.isValid():
            return base | Qt.ItemFlag.ItemIsDropEnabled
        return base | Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [AGENDA_MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QtCore.QMimeData:
        mime = QtCore.QMimeData()
        ids: list[int] = []
        for index in indexes:
            if index.isValid():
                item_id = self._rows[index.row()].item.id
                if item_id not in ids:
                    ids.append(item_id)
        mime.setData(AGENDA_MIME, QtCore.QByteArray(",".join(map(str, ids)).encode("ascii")))
        return mime

    def canDropMimeData(
        self,
        data: QtCore.QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: _Index,
    ) -> bool:
        return self.editable and data.hasFormat(AGENDA_MIME)

    def dropMimeData(
        self,
        data: QtCore.QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: _Index,
    ) -> bool:
        """Move the dragged items before `row` (or before the item dropped on), then save."""
        if action == Qt.DropAction.IgnoreAction:
            return True
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        raw = bytes(data.data(AGENDA_MIME).data()).decode("ascii")
        moved = [int(v) for v in raw.split(",") if v]
        order = self.item_ids()
        if not moved or any(m not in order for m in moved):
            return False
        if row < 0:
            row = parent.row() if parent.isValid() else len(order)
        before = order[row] if row < len(order) else None
        remaining = [i for i in order if i not in moved]
        while before in moved:
            position = order.index(before) + 1
            before = order[position] if position < len(order) else None
        at = remaining.index(before) if before is not None else len(remaining)
        new_order = remaining[:at] + moved + remaining[at:]
        if new_order == order:
            return False
        try:
            agenda.reorder(self._store, self.meeting_id, new_order)
        except UserError as error:
            self.refused.emit(error)
            return False
        # Reset after the view has finished its own drop handling.
        QtCore.QTimer.singleShot(0, self._after_reorder)
        return True

    def _after_reorder(self) -> None:
        self.reload()
        self.reordered.emit()


# -- attendance -------------------------------------------------------------------------------

NEEDS_TARGET = ("represented", "replaced")


def quality(attendee: presence.Attendee) -> str:
    if attendee.role == "substitute":
        if attendee.substitute_for_name:
            return QCoreApplication.translate("MeetingModels", "Suppléant(e) de {name}").format(
                name=attendee.substitute_for_name
            )
        return QCoreApplication.translate("MeetingModels", "Suppléant(e) du collège")
    if attendee.role == "member":
        return QCoreApplication.translate("MeetingModels", "Titulaire")
    return label(ROLES, attendee.role)


class AttendanceTableModel(_TableModel):
    """The expected list with what was recorded; every edit goes through `presence.record`.

    Choosing « représenté » or « remplacé » needs a second choice (the proxy holder or the
    substitute): the status waits in `_pending` (never written) until that choice is made.
    """

    NAME, ORGANISATION, COLLEGE, QUALITY, STATUS, TARGET, ARRIVAL, DEPARTURE = range(8)
    COLUMN_COUNT = 8

    MANDATE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
    CHOICES_ROLE = Qt.ItemDataRole.UserRole + 2

    PENDING_BACKGROUND = palette.FILL_WARNING
    UNSET_FOREGROUND = palette.MUTED

    refused = Signal(object)  # a UserError from the core
    attendance_changed = Signal()
    target_needed = Signal(int)  # row whose proxy holder / substitute must now be chosen

    def __init__(self, store: Store, meeting_id: int, parent: QObject | None = None):
        super().__init__(parent)
        self._store = store
        self.meeting_id = meeting_id
        self._rows: list[presence.Attendee] = []
        self._presences: dict[int, Presence] = {}
        self._pending: dict[int, str] = {}
        self.editable = True
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._rows = presence.expected_attendees(self._store.db, self.meeting_id)
        self._load_presences()
        self._pending = {}
        self.endResetModel()

    def _load_presences(self) -> None:
        self._presences = {
            p.mandate_id: p for p in presence.presences(self._store.db, self.meeting_id)
        }

    def attendee(self, row: int) -> presence.Attendee:
        return self._rows[row]

    def row_of(self, mandate_id: int) -> int | None:
        for i, a in enumerate(self._rows):
            if a.mandate_id == mandate_id:
                return i
        return None

    def stored(self, mandate_id: int) -> Presence | None:
        return self._presences.get(mandate_id)

    def pending(self) -> dict[int, str]:
        """Statuses chosen but waiting for their proxy holder or substitute (not yet written)."""
        return dict(self._pending)

    def status_of(self, mandate_id: int) -> str | None:
        if mandate_id in self._pending:
            return self._pending[mandate_id]
        stored = self._presences.get(mandate_id)
        return stored.status if stored else None

    def headers(self) -> list[str]:
        return [
            self.tr("Nom"),
            self.tr("Structure"),
            self.tr("Collège"),
            self.tr("Qualité"),
            self.tr("Présence"),
            self.tr("Pouvoir à / remplacé par"),
            self.tr("Arrivée"),
            self.tr("Départ"),
        ]

    def _name(self, mandate_id: int | None) -> str:
        for a in self._rows:
            if a.mandate_id == mandate_id:
                return a.name
        return ""

    def target_choices(self, attendee: presence.Attendee) -> list[tuple[int, str]]:
        """Who may hold this person's proxy, or which substitute may replace them."""
        status = self.status_of(attendee.mandate_id)
        if status == "represented":
            return [
                (a.mandate_id, a.name)
                for a in self._rows
                if a.expected.voting and a.mandate_id != attendee.mandate_id
            ]
        if status == "replaced":
            return [
                (a.mandate_id, a.name)
                for a in self._rows
                if a.role == "substitute"
                and a.expected.substitute_for in (None, attendee.mandate_id)
            ]
        return []

    def _text(self, attendee: presence.Attendee, column: int) -> str:
        stored = self._presences.get(attendee.mandate_id)
        status = self.status_of(attendee.mandate_id)
        if column == self.NAME:
            return attendee.name
        if column == self.ORGANISATION:
            return attendee.organisation
        if column == self.COLLEGE:
            return attendee.college
        if column == self.QUALITY:
            return quality(attendee)
        if column == self.STATUS:
            return label(ATTENDANCE_STATUSES, status) if status else self.tr("Non renseigné")
        if column == self.TARGET:
            if attendee.mandate_id in self._pending:
                return (
                    self.tr("Choisir le mandataire…")
                    if status == "represented"
                    else self.tr("Choisir le/la suppléant(e)…")
                )
            if stored is None:
                return ""
            if stored.status == "represented":
                return self._name(stored.proxy_to)
            if stored.status == "replaced":
                return self._name(stored.replaced_by)
            return ""
        if column == self.ARRIVAL:
            return hhmm(stored.arrival) if stored else ""
        if column == self.DEPARTURE:
            return hhmm(stored.departure) if stored else ""
        return ""

    def _edit_value(self, attendee: Any, column: int) -> Any:
        """What an editor starts from: the status, the person represented or replaced by."""
        if column == self.STATUS:
            return self.status_of(attendee.mandate_id)
        if column == self.TARGET:
            stored = self._presences.get(attendee.mandate_id)
            if stored is None or attendee.mandate_id in self._pending:
                return None
            return stored.proxy_to if stored.status == "represented" else stored.replaced_by
        return self._text(attendee, column)

    def data(self, index: _Index, role: int = _Display) -> Any:
        if not self._valid(index):
            return None
        attendee = self._rows[index.row()]
        column = index.column()
        stored = self._presences.get(attendee.mandate_id)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            text = self._text(attendee, column)
            if role == Qt.ItemDataRole.ToolTipRole and column == self.STATUS and not stored:
                return self.tr("Non renseigné : compté(e) absent(e)")
            return text
        if role == Qt.ItemDataRole.EditRole:
            return self._edit_value(attendee, column)
        if role == self.CHOICES_ROLE:
            if column == self.STATUS:
                return list(ATTENDANCE_STATUSES.items())
            if column == self.TARGET:
                return self.target_choices(attendee)
            return None
        if role == self.MANDATE_ID_ROLE:
            return attendee.mandate_id
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == self.STATUS and self.status_of(attendee.mandate_id) is None:
                return palette.color(self.UNSET_FOREGROUND)
            if attendee.role == "substitute" or not attendee.expected.voting:
                return palette.color(palette.SECONDARY)
        if (
            role == Qt.ItemDataRole.BackgroundRole
            and column == self.TARGET
            and attendee.mandate_id in self._pending
        ):
            return palette.color(self.PENDING_BACKGROUND)
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if not self._valid(index) or not self.editable:
            return base
        attendee = self._rows[index.row()]
        status = self.status_of(attendee.mandate_id)
        column = index.column()
        editable = (
            column == self.STATUS
            or (column == self.TARGET and status in NEEDS_TARGET)
            or (column in (self.ARRIVAL, self.DEPARTURE) and status == "present")
        )
        return base | Qt.ItemFlag.ItemIsEditable if editable else base

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not self._valid(index) or role != Qt.ItemDataRole.EditRole or not self.editable:
            return False
        attendee = self._rows[index.row()]
        mandate_id = attendee.mandate_id
        stored = self._presences.get(mandate_id)
        column = index.column()
        values: dict[str, Any] = {
            "status": stored.status if stored else "absent",
            "proxy_to": stored.proxy_to if stored else None,
            "replaced_by": stored.replaced_by if stored else None,
            "arrival": stored.arrival if stored else None,
            "departure": stored.departure if stored else None,
        }
        if column == self.STATUS:
            status = str(value or "")
            if status == self.status_of(mandate_id):
                return False
            values["status"] = status
            if status != "present":
                values["arrival"] = values["departure"] = None
            if status in NEEDS_TARGET:
                self._pending[mandate_id] = status
                choices = self.target_choices(attendee)
                if status == "replaced" and len(choices) == 1:
                    # One substitute only (the member's own): replaced in one step.
                    values["replaced_by"] = choices[0][0]
                    return self._record(index.row(), mandate_id, values)
                self._changed_row(index.row())
                self.target_needed.emit(index.row())
                return True
        elif column == self.TARGET:
            waiting = self.status_of(mandate_id)
            if waiting not in NEEDS_TARGET or value in (None, ""):
                return False
            values["status"] = waiting
            values["proxy_to" if waiting == "represented" else "replaced_by"] = int(value)
        elif column == self.ARRIVAL:
            values["arrival"] = str(value or "").strip() or None
        elif column == self.DEPARTURE:
            values["departure"] = str(value or "").strip() or None
        else:
            return False
        return self._record(index.row(), mandate_id, values)

    def set_status(self, row: int, status: str) -> bool:
        return self.setData(self.index(row, self.STATUS), status)

    def _record(self, row: int, mandate_id: int, values: dict[str, Any]) -> bool:
        try:
            presence.record(self._store, self.meeting_id, mandate_id, **values)
        except UserError as error:
            self._pending.pop(mandate_id, None)
            self._changed_row(row)
            self.refused.emit(error)
            return False
        self._pending.pop(mandate_id, None)
        self._load_presences()
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, self.COLUMN_COUNT - 1)
            )
        self.attendance_changed.emit()
        return True

    def cancel_pending(self, row: int) -> None:
        if 0 <= row < len(self._rows) and self._rows[row].mandate_id in self._pending:
            del self._pending[self._rows[row].mandate_id]
            self._changed_row(row)

    def _changed_row(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.COLUMN_COUNT - 1))


class GuestsTableModel(_TableModel):
    """External guests of a meeting: recorded apart, never counted."""

    NAME, ORGANISATION = range(2)
    COLUMN_COUNT = 2
    GUEST_ID_ROLE = Qt.ItemDataRole.UserRole + 1

    def __init__(self, db: Database, meeting_id: int, parent: QObject | None = None):
        super().__init__(parent)
        self._db = db
        self.meeting_id = meeting_id
        self._rows: list[tuple[int, str, str]] = []
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._rows = presence.guests(self._db, self.meeting_id)
        self.endResetModel()

    def headers(self) -> list[str]:
        return [self.tr("Invité(e) extérieur(e)"), self.tr("Structure")]

    def data(self, index: _Index, role: int = _Display) -> Any:
        if not self._valid(index):
            return None
        guest_id, name, organisation = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return name if index.column() == self.NAME else organisation
        if role == self.GUEST_ID_ROLE:
            return guest_id
        return None


# -- votes ------------------------------------------------------------------------------------


class VotesTableModel(_TableModel):
    """The items that call for a vote, with the vote recorded on each."""

    ITEM, FOR, AGAINST, ABSTENTIONS, NOT_VOTING, TIME, CASTING, OUTCOME, QUORUM = range(9)
    COLUMN_COUNT = 9

    ITEM_ID_ROLE = Qt.ItemDataRole.UserRole + 1
    ADOPTED = palette.SUCCESS
    REJECTED = palette.ERROR
    NO_QUORUM_BACKGROUND = palette.FILL_ERROR

    def __init__(self, db: Database, meeting_id: int, parent: QObject | None = None):
        super().__init__(parent)
        self._db = db
        self.meeting_id = meeting_id
        self._rows: list[tuple[int, agenda.AgendaItem, votes.Vote | None]] = []
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        items = agenda.items(self._db, self.meeting_id)
        self._rows = [
            (n, item, votes.vote_for_item(self._db, item.id))
            for n, item in enumerate(items, start=1)
            if item.kind in votes.VOTED_KINDS
        ]
        self.endResetModel()

    def item(self, row: int) -> agenda.AgendaItem:
        return self._rows[row][1]

    def vote(self, row: int) -> votes.Vote | None:
        return self._rows[row][2]

    def row_of(self, item_id: int) -> int | None:
        for i, (_n, item, _vote) in enumerate(self._rows):
            if item.id == item_id:
                return i
        return None

    def headers(self) -> list[str]:
        return [
            self.tr("Point"),
            self.tr("Pour"),
            self.tr("Contre"),
            self.tr("Abstention"),
            self.tr("Ne prend pas part"),
            self.tr("Heure"),
            self.tr("Voix prépondérante"),
            self.tr("Résultat"),
            self.tr("Quorum"),
        ]

    def outcome_text(self, vote: votes.Vote) -> str:
        return label(OUTCOMES, vote.outcome)

    def _text(self, n: int, item: agenda.AgendaItem, vote: votes.Vote | None, column: int) -> str:
        if column == self.ITEM:
            return f"{n}. {item.title}"
        if vote is None:
            return self.tr("Non voté") if column == self.OUTCOME else ""
        if column == self.FOR:
            return str(vote.votes_for)
        if column == self.AGAINST:
            return str(vote.votes_against)
        if column == self.ABSTENTIONS:
            return str(vote.abstentions)
        if column == self.NOT_VOTING:
            return str(vote.not_voting)
        if column == self.TIME:
            return vote.taken_at or ""
        if column == self.CASTING:
            return {"for": self.tr("Pour"), "against": self.tr("Contre")}.get(
                vote.casting_vote or "", ""
            )
        if column == self.OUTCOME:
            return self.outcome_text(vote)
        if column == self.QUORUM:
            return self.tr("Atteint") if vote.quorum_reached else self.tr("Sans quorum")
        return ""

    def data(self, index: _Index, role: int = _Display) -> Any:
        if not self._valid(index):
            return None
        n, item, vote = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(n, item, vote, column)
        if role == self.ITEM_ID_ROLE:
            return item.id
        if role == Qt.ItemDataRole.TextAlignmentRole and column != self.ITEM:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ForegroundRole and vote is not None and column == self.OUTCOME:
            return palette.color(self.ADOPTED if vote.outcome == "adopted" else self.REJECTED)
        if role == Qt.ItemDataRole.ForegroundRole and vote is None and column == self.OUTCOME:
            return palette.color(palette.MUTED)
        if role == Qt.ItemDataRole.FontRole and vote is not None and column == self.OUTCOME:
            font = QtGui.QFont()
            font.setBold(True)
            return font
        if (
            role == Qt.ItemDataRole.BackgroundRole
            and vote is not None
            and not vote.quorum_reached
            and column == self.QUORUM
        ):
            return palette.color(self.NO_QUORUM_BACKGROUND)
        return None


# -- annexes ----------------------------------------------------------------------------------


def size_text(size: int) -> str:
    if size < 1024 * 1024:
        return QCoreApplication.translate("MeetingModels", "{n} Ko").format(
            n=max(1, round(size / 1024))
        )
    return QCoreApplication.translate("MeetingModels", "{n} Mo").format(
        n=f"{size / (1024 * 1024):.1f}".replace(".", ",")
    )


class AnnexesTableModel(_TableModel):
    """The PDF annexes of a meeting and of its items; « Publique » is a box to tick when
    `set_public(annex_id, public)` is given (the public pack holds only those ticked)."""

    NAME, ATTACHED_TO, PAGES, SIZE, PUBLIC, FOR_MEMBERS = range(6)
    COLUMN_COUNT = 6
    ANNEX_ID_ROLE = Qt.ItemDataRole.UserRole + 1

    def __init__(
        self,
        db: Database,
        meeting_id: int,
        parent: QObject | None = None,
        set_public: Callable[[int, bool], bool] | None = None,
        set_for_members: Callable[[int, bool], bool] | None = None,
    ):
        super().__init__(parent)
        self._db = db
        self.meeting_id = meeting_id
        self._set_public = set_public
        # The ticked columns: which field of the annex each shows, and how a tick is saved.
        self._ticks: dict[int, tuple[str, Callable[[int, bool], bool] | None]] = {
            self.PUBLIC: ("public", set_public),
            self.FOR_MEMBERS: ("for_members", set_for_members),
        }
        self._rows: list[annexes.Annex] = []
        self._items: dict[int, tuple[int, str]] = {}
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._rows = annexes.list_annexes(self._db, self.meeting_id)
        self._items = {
            item.id: (n, item.title)
            for n, item in enumerate(agenda.items(self._db, self.meeting_id), start=1)
        }
        self.endResetModel()

    def annex(self, row: int) -> annexes.Annex:
        return self._rows[row]

    def headers(self) -> list[str]:
        return [
            self.tr("Annexe"),
            self.tr("Jointe à"),
            self.tr("Pages"),
            self.tr("Taille"),
            self.tr("Publique"),
            self.tr("Aux membres"),
        ]

    def _text(self, annex: annexes.Annex, column: int) -> str:
        if column == self.NAME:
            return annex.name
        if column == self.ATTACHED_TO:
            if annex.item_id is None or annex.item_id not in self._items:
                return self.tr("La séance")
            n, title = self._items[annex.item_id]
            return self.tr("Point {n} : {title}").format(n=n, title=title)
        if column == self.PAGES:
            return str(annex.pages)
        if column == self.SIZE:
            return size_text(annex.size)
        if column in self._ticks:
            return self.tr("oui") if getattr(annex, self._ticks[column][0]) else self.tr("non")
        return ""

    def flags(self, index: _Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        tick = self._ticks.get(index.column())
        if tick is not None and tick[1] is not None:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        field, setter = self._ticks.get(index.column(), ("", None))
        if not self._valid(index) or role != Qt.ItemDataRole.CheckStateRole or setter is None:
            return False
        ticked = Qt.CheckState(value) == Qt.CheckState.Checked
        if not setter(self._rows[index.row()].id, ticked):
            return False
        row = self._rows[index.row()]
        self._rows[index.row()] = (
            replace(row, public=ticked) if field == "public" else replace(row, for_members=ticked)
        )
        self.dataChanged.emit(index, index)
        return True

    def data(self, index: _Index, role: int = _Display) -> Any:
        if not self._valid(index):
            return None
        annex = self._rows[index.row()]
        if role == Qt.ItemDataRole.CheckStateRole and index.column() in self._ticks:
            ticked = getattr(annex, self._ticks[index.column()][0])
            return Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == self.PUBLIC:
            return self.tr(
                "Cochée, l'annexe va dans le dossier public ; sinon il la cite par son titre."
            )
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == self.FOR_MEMBERS:
            return self.tr(
                "Cochée, l'annexe part avec la convocation (courriel et courrier) ; sinon elle "
                "reste un document du secrétariat."
            )
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(annex, index.column())
        if role == self.ANNEX_ID_ROLE:
            return annex.id
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (self.PAGES, self.SIZE):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


# -- yearly schedule preview -----------------------------------------------------------------


@dataclass
class ProposedDate:
    starts_at: dt.datetime
    holiday: str | None = None
    closed: bool = False
    include: bool = True
    moved: bool = False

    @property
    def flagged(self) -> bool:
        return self.holiday is not None or self.closed


class ScheduleTableModel(_TableModel):
    """The dates a schedule rule proposes; flagged dates are unticked until moved."""

    INCLUDE, DAY, TIME, NOTE = range(4)
    COLUMN_COUNT = 4

    FLAGGED_BACKGROUND = palette.FILL_FLAGGED
    FLAGGED_FOREGROUND = palette.WARNING

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._rows: list[ProposedDate] = []
        self._calendar = "FR"
        self._closed: frozenset[dt.date] = frozenset()

    def load(
        self,
        dates: list[ProposedDate],
        calendar: str = "FR",
        closed_days: frozenset[dt.date] = frozenset(),
    ) -> None:
        self.beginResetModel()
        self._rows = dates
        self._calendar, self._closed = calendar, closed_days
        for d in self._rows:
            d.include = not d.flagged
        self.endResetModel()

    def date(self, row: int) -> ProposedDate:
        return self._rows[row]

    def chosen(self) -> list[dt.datetime]:
        return sorted(d.starts_at for d in self._rows if d.include)

    def flagged_rows(self) -> list[int]:
        return [i for i, d in enumerate(self._rows) if d.flagged]

    def headers(self) -> list[str]:
        return [self.tr("Créer"), self.tr("Date"), self.tr("Heure"), self.tr("Remarque")]

    def note(self, d: ProposedDate) -> str:
        if d.holiday:
            return self.tr("Jour férié : {name}").format(name=d.holiday)
        if d.closed:
            return self.tr("Secrétariat fermé ce jour-là")
        if d.moved:
            return self.tr("Date déplacée")
        return ""

    def data(self, index: _Index, role: int = _Display) -> Any:
        if not self._valid(index):
            return None
        d = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.CheckStateRole and column == self.INCLUDE:
            return Qt.CheckState.Checked if d.include else Qt.CheckState.Unchecked
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == self.DAY:
                return long_date(d.starts_at.date())
            if column == self.TIME:
                return hhmm(d.starts_at)
            if column == self.NOTE:
                return self.note(d)
            return None
        if role == Qt.ItemDataRole.EditRole and column in (self.DAY, self.TIME):
            return QtCore.QDateTime(
                QtCore.QDate(d.starts_at.year, d.starts_at.month, d.starts_at.day),
                QtCore.QTime(d.starts_at.hour, d.starts_at.minute),
            )
        if role == Qt.ItemDataRole.BackgroundRole and d.flagged:
            return palette.color(self.FLAGGED_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole and d.flagged and column == self.NOTE:
            return palette.color(self.FLAGGED_FOREGROUND)
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if not self._valid(index):
            return base
        if index.column() == self.INCLUDE:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        if index.column() in (self.DAY, self.TIME):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not self._valid(index):
            return False
        d = self._rows[index.row()]
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == self.INCLUDE:
            d.include = Qt.CheckState(value) == Qt.CheckState.Checked
            self.dataChanged.emit(index, index)
            return True
        if role == Qt.ItemDataRole.EditRole and index.column() in (self.DAY, self.TIME):
            if isinstance(value, QtCore.QDateTime):
                value = value.toPython()
            if not isinstance(value, dt.datetime):
                return False
            self.move(index.row(), value)
            return True
        return False

    def move(self, row: int, starts_at: dt.datetime) -> None:
        """Move a proposed date; it is flagged again against holidays and closed days."""
        d = self._rows[row]
        starts_at = starts_at.replace(second=0, microsecond=0, tzinfo=None)
        if starts_at == d.starts_at:
            return
        d.starts_at = starts_at
        d.moved = True
        d.holiday = holiday_name(starts_at.date(), self._calendar)
        d.closed = starts_at.date() in self._closed
        d.include = not d.flagged
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.COLUMN_COUNT - 1))
