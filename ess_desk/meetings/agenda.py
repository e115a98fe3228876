"""The agenda (ordre du jour): ordered items, their timings, and whether the meeting overruns."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Any, TypedDict, Unpack

from ess_desk import audit, service
from ess_desk.errors import UserError
from ess_desk.i18n import _
from ess_desk.meetings import meetings
from ess_desk.meetings.vocabulary import ITEM_KINDS
from ess_desk.membership import validation
from ess_desk.store import Store, database

if TYPE_CHECKING:
    from sqlite_utils import Database


@dataclass(frozen=True)
class AgendaItem:
    id: int
    meeting_id: int
    position: int
    title: str
    kind: str = "information"
    presenter_person_id: int | None = None
    presenter_text: str = ""
    duration_minutes: int = 15
    description: str = ""

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> AgendaItem:
        return cls(**{f.name: row[f.name] for f in fields(cls)})


@dataclass(frozen=True)
class TimedItem:
    item: AgendaItem
    starts_at: dt.datetime
    ends_at: dt.datetime


@dataclass(frozen=True)
class Timetable:
    items: list[TimedItem]
    ends_at: dt.datetime
    overrun_minutes: int  # how far past the planned end the agenda runs (0 when it fits)


def timetable(
    items: list[AgendaItem], start: dt.datetime, planned_end: dt.datetime | None
) -> Timetable:
    """Each item's start from the meeting's start and the durations before it."""
    timed: list[TimedItem] = []
    clock = start
    for item in items:
        end = clock + dt.timedelta(minutes=item.duration_minutes)
        timed.append(TimedItem(item, clock, end))
        clock = end
    overrun = 0
    if planned_end is not None and clock > planned_end:
        overrun = int((clock - planned_end).total_seconds() // 60)
    return Timetable(timed, clock, overrun)


class ItemFields(TypedDict, total=False):
    """What `create_item` and `update_item` take (`clean` checks and converts)."""

    title: str
    kind: str
    presenter_person_id: int | None
    presenter_text: str
    duration_minutes: int | str | None
    description: str


EDITABLE = service.field_names(ItemFields)


def _editable_meeting(db: Database, meeting_id: int) -> meetings.Meeting:
    meeting = meetings.get(db, meeting_id)
    if meeting.status in ("closed", "cancelled", "postponed"):
        meetings.ensure_open(meeting)
    return meeting


def clean(db: Database, values: Mapping[str, Any]) -> dict[str, Any]:
    kind = values.get("kind") or "information"
    if kind not in ITEM_KINDS:
        raise UserError(_("Type de point inconnu : « {value} ».").format(value=kind), field="kind")
    presenter = values.get("presenter_person_id") or None
    if presenter is not None:
        service.require(db, "people", int(presenter), _("La personne"))
        presenter = int(presenter)
    try:
        duration = int(values.get("duration_minutes", 15) or 0)
    except (TypeError, ValueError) as exc:
        raise UserError(
            _("La durée doit être un nombre de minutes."), field="duration_minutes"
        ) from exc
    if not 0 <= duration <= 24 * 60:
        raise UserError(
            _("La durée doit être comprise entre 0 et 1 440 minutes."), field="duration_minutes"
        )
    return {
        "title": validation.required(values.get("title"), "title", _("Intitulé")),
        "kind": kind,
        "presenter_person_id": presenter,
        "presenter_text": validation.clean_text(values.get("presenter_text")),
        "duration_minutes": duration,
        "description": str(values.get("description") or "").strip(),
    }


def items(db: Database, meeting_id: int) -> list[AgendaItem]:
    cursor = db.execute(
        "SELECT * FROM agenda_items WHERE meeting_id = ? ORDER BY position, id", [meeting_id]
    )
    names = [c[0] for c in cursor.description]
    return [AgendaItem.from_row(dict(zip(names, r, strict=True))) for r in cursor]


def add_item(db: Database, meeting_id: int, values: Mapping[str, Any]) -> int:
    """Append an item inside the caller's transaction."""
    return service.insert(db, "agenda_items", "agenda_item", item_values(db, meeting_id, values))


def item_values(db: Database, meeting_id: int, values: Mapping[str, Any]) -> dict[str, Any]:
    """The row `add_item` writes at the end of the meeting's agenda, its rules checked."""
    return items_values(db, meeting_id, [values])[0]


def items_values(
    db: Database, meeting_id: int, many: Sequence[Mapping[str, Any]]
) -> list[dict[str, Any]]:
    """The rows `add_item` writes for these items added one after the other at the end of the
    meeting's agenda, their rules checked (the meeting once: adding an item leaves it as it
    was)."""
    _editable_meeting(db, meeting_id)
    position = database.scalar(
        db,
        "SELECT COALESCE(MAX(position), 0) + 1 FROM agenda_items WHERE meeting_id = ?",
        [meeting_id],
    )
    return [
        clean(db, values) | {"meeting_id": meeting_id, "position": position + n}
        for n, values in enumerate(many)
    ]


def create_item(store: Store, meeting_id: int, **values: Unpack[ItemFields]) -> int:
    service.check_fields(values, ItemFields, "create_item")
    with store.write() as db:
        return add_item(db, meeting_id, values)


def update_item(store: Store, item_id: int, **values: Unpack[ItemFields]) -> None:
    service.check_fields(values, ItemFields, "update_item")
    with store.write() as db:
        current = service.require(db, "agenda_items", item_id, _("Le point"))
        _editable_meeting(db, current["meeting_id"])
        data = clean(db, {k: current[k] for k in EDITABLE} | values)
        service.update(db, "agenda_items", "agenda_item", item_id, data)


def delete_item(store: Store, item_id: int) -> None:
    with store.write() as db:
        current = service.require(db, "agenda_items", item_id, _("Le point"))
        _editable_meeting(db, current["meeting_id"])
        if db.execute("SELECT 1 FROM votes WHERE item_id = ?", [item_id]).fetchone():
            raise UserError(
                _("Un vote a été enregistré sur ce point : il ne peut pas être retiré.")
            )
        if db.execute("SELECT 1 FROM decisions WHERE item_id = ?", [item_id]).fetchone():
            raise UserError(
                _("Une décision du registre vient de ce point : il ne peut pas être retiré.")
            )
        service.delete(db, "agenda_items", "agenda_item", item_id)
        _renumber(db, current["meeting_id"], [i.id for i in items(db, current["meeting_id"])])


def _renumber(db: Database, meeting_id: int, ordered: list[int]) -> None:
    for position, item_id in enumerate(ordered, start=1):
        db.execute(
            "UPDATE agenda_items SET position = ? WHERE id = ? AND meeting_id = ?",
            [position, item_id, meeting_id],
        )


def reorder(store: Store, meeting_id: int, ordered_ids: list[int]) -> None:
    """Put the items in the given order (drag and drop, or keyboard moves)."""
    with store.write() as db:
        _editable_meeting(db, meeting_id)
        current = [i.id for i in items(db, meeting_id)]
        if sorted(current) != sorted(ordered_ids):
            raise UserError(_("L'ordre du jour a changé entre-temps : rechargez la séance."))
        before = {"order": current}
        _renumber(db, meeting_id, ordered_ids)
        audit.record(db, "agenda", meeting_id, "reorder", before, {"order": list(ordered_ids)})


def move_item(store: Store, item_id: int, offset: int) -> None:
    """Move an item up (negative offset) or down the agenda."""
    meeting_id = database.scalar(
        store.conn, "SELECT meeting_id FROM agenda_items WHERE id = ?", [item_id]
    )
    if meeting_id is None:
        raise UserError(_("Le point n°{id} n'existe pas.").format(id=item_id))
    order = [i.id for i in items(store.db, meeting_id)]
    index = order.index(item_id)
    target = max(0, min(len(order) - 1, index + offset))
    order.insert(target, order.pop(index))
    reorder(store, meeting_id, order)


def meeting_timetable(db: Database, meeting_id: int) -> Timetable:
    meeting = meetings.get(db, meeting_id)
    return timetable(items(db, meeting_id), meeting.start, meeting.end)
