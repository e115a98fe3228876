"""Who presided a meeting, and who took the chair when it changed during the meeting (the
procès-verbal names « le président de séance », CGCT L. 2121-15; a president who leaves or who is
concerned by an item hands the chair over, L. 2121-14)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ess_desk import service
from ess_desk.errors import UserError
from ess_desk.i18n import _
from ess_desk.meetings import meetings, presence
from ess_desk.membership import validation
from ess_desk.store import database

if TYPE_CHECKING:
    from sqlite_utils import Database

    from ess_desk.store import Store

ENTITY = "meeting_chair"


@dataclass(frozen=True)
class ChairTurn:
    id: int
    meeting_id: int
    person_id: int
    name: str
    from_time: str | None  # None: from the opening
    reason: str


def turns(db: Database, meeting_id: int) -> list[ChairTurn]:
    """The turns recorded for a meeting, the opening's first, then by time."""
    return database.records(
        db,
        ChairTurn,
        "SELECT c.id, c.meeting_id, c.person_id, p.first_name || ' ' || p.last_name AS name, "
        "c.from_time, c.reason FROM meeting_chairs c JOIN people p ON p.id = c.person_id "
        "WHERE c.meeting_id = ? ORDER BY c.from_time IS NOT NULL, c.from_time, c.id",
        [meeting_id],
    )


def _check_time(meeting: meetings.Meeting, value: Any) -> str | None:
    moment = presence.parse_time(value, "from_time")
    if moment is None:
        return None
    text = moment.isoformat(timespec="minutes")
    opening = meeting.opening_time or meeting.start.time().isoformat(timespec="minutes")
    if text <= opening:
        raise UserError(
            _(
                "Un changement de présidence se situe après l'ouverture de la séance ({opening}) : "
                "laissez l'heure vide pour la présidence à l'ouverture."
            ).format(opening=opening),
            field="from_time",
        )
    return text


def set_chair(
    store: Store, meeting_id: int, person_id: int, from_time: Any = None, reason: str = ""
) -> int:
    """Record who presides from `from_time` (None: from the opening, replacing any earlier
    record of the opening's chair). The person must be expected at the meeting as a member."""
    with store.write() as db:
        meeting = meetings.get(db, meeting_id)
        meetings.ensure_open(meeting)
        members = {
            a.person_id: a
            for a in presence.expected_attendees(db, meeting_id)
            if a.role != "permanent_guest"
        }
        if person_id not in members:
            raise UserError(
                _("Seul un membre de l'instance attendu à cette séance peut la présider."),
                field="person_id",
            )
        when = _check_time(meeting, from_time)
        values = {
            "meeting_id": meeting_id,
            "person_id": person_id,
            "from_time": when,
            "reason": validation.clean_text(reason),
        }
        same = database.scalar(
            db,
            "SELECT id FROM meeting_chairs WHERE meeting_id = ? AND from_time IS ?",
            [meeting_id, when],
        )
        if same is not None:
            service.update(db, "meeting_chairs", ENTITY, same, values)
            return int(same)
        return service.insert(db, "meeting_chairs", ENTITY, values)


def remove(store: Store, turn_id: int) -> None:
    with store.write() as db:
        row = service.require(db, "meeting_chairs", turn_id, _("La présidence de séance"))
        meetings.ensure_open(meetings.get(db, row["meeting_id"]))
        service.delete(db, "meeting_chairs", ENTITY, turn_id)
