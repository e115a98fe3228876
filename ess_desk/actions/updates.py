"""Follow-up entries (points de suivi): dated status, progress and comment, by whom and at which
meeting; the latest one sets the action's current state; the history reads as a timeline."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypedDict, Unpack

from ess_desk import service
from ess_desk.actions import actions, rules
from ess_desk.dates import display, parse_date
from ess_desk.errors import UserError
from ess_desk.i18n import _
from ess_desk.membership.vocabulary import label
from ess_desk.store import Store, database, first_record, records
from ess_desk.store.lock import current_user

if TYPE_CHECKING:
    from sqlite_utils import Database


@dataclass(frozen=True)
class Update:
    id: int
    action_id: int
    on_date: str
    recorded_at: str
    status: str
    progress: int
    comment: str
    author_person_id: int | None
    os_user: str
    meeting_id: int | None
    no_change: int
    author: str  # the person's name, else the OS user who typed it
    meeting_title: str = ""

    @property
    def status_label(self) -> str:
        return label(rules.STATUSES, self.status)


# Latest first by the day it speaks of, then by the order it was typed.
LATEST_ORDER = "ORDER BY on_date DESC, id DESC"

_SELECT = (
    "SELECT u.id, u.action_id, u.on_date, u.recorded_at, u.status, u.progress, u.comment, "
    "u.author_person_id, u.os_user, u.meeting_id, u.no_change, "
    "COALESCE(p.first_name || ' ' || p.last_name, u.os_user) AS author, "
    "COALESCE(m.title, '') AS meeting_title "
    "FROM action_updates u LEFT JOIN people p ON p.id = u.author_person_id "
    "LEFT JOIN meetings m ON m.id = u.meeting_id "
)


def history(db: Database, action_id: int) -> list[Update]:
    """An action's entries, oldest first."""
    return records(
        db, Update, _SELECT + "WHERE u.action_id = ? ORDER BY u.on_date, u.id", [action_id]
    )


def last_update(db: Database, action_id: int) -> Update | None:
    return first_record(
        db,
        Update,
        _SELECT + "WHERE u.action_id = ? ORDER BY u.on_date DESC, u.id DESC LIMIT 1",
        [action_id],
    )


def _sync(db: Database, action_id: int) -> None:
    """The action's current state is that of its latest entry (an entry typed late for an
    earlier day does not undo a newer one)."""
    row = db.execute(
        f"SELECT status, progress, on_date FROM action_updates WHERE action_id = ? {LATEST_ORDER} "
        "LIMIT 1",
        [action_id],
    ).fetchone()
    if row is None:
        return
    status, progress, on_date = row
    service.update(
        db,
        "actions",
        "action",
        action_id,
        {
            "status": status,
            "progress": progress,
            "closed_on": on_date if status in rules.CLOSED_STATUSES else None,
        },
    )


def _review_meeting(db: Database, meeting_id: int, today: dt.date) -> dt.date:
    meeting = service.require(db, "meetings", meeting_id, _("La séance"))
    day = dt.date.fromisoformat(meeting["starts_at"][:10])
    if meeting["status"] in ("cancelled", "postponed"):
        raise UserError(
            _("La séance du {day} n'a pas eu lieu : on n'y fait pas le point.").format(
                day=display(day)
            ),
            field="meeting_id",
        )
    if day > today:
        raise UserError(
            _("La séance du {day} n'a pas encore eu lieu.").format(day=display(day)),
            field="meeting_id",
        )
    return day


def add(
    db: Database,
    action_id: int,
    *,
    status: Any = None,
    progress: Any = None,
    comment: str = "",
    on_date: Any = None,
    meeting_id: int | None = None,
    author_person_id: int | None = None,
    today: dt.date | None = None,
) -> int:
    """Record a follow-up entry inside the caller's transaction and return its id.

    Status and progress left out keep their current values. The entry is dated `on_date`,
    else the day of the meeting it was reviewed at, else today.
    """
    today = today or dt.date.today()
    action = actions.get(db, action_id)
    meeting_day = _review_meeting(db, meeting_id, today) if meeting_id is not None else None
    day = parse_date(on_date, field="on_date") or meeting_day or today
    if day > today:
        raise UserError(
            _("Un point de suivi ne peut pas être daté du futur ({day}).").format(day=display(day)),
            field="on_date",
        )
    if day.isoformat() < action.created_on:
        raise UserError(
            _("Le point de suivi ({day}) précède la création de l'action ({created}).").format(
                day=display(day), created=display(action.created_on)
            ),
            field="on_date",
        )
    new_status = rules.parse_status(status) if status not in (None, "") else action.status
    if progress in (None, ""):
        if rules.is_open(new_status) and action.progress >= 100:
            raise UserError(
                _("L'action rouverte ne peut pas rester à 100 % : indiquez son avancement."),
                field="progress",
            )
        new_progress = action.progress
    else:
        new_progress = rules.parse_progress(progress)
    new_status, new_progress = rules.coherent(new_status, new_progress)
    if author_person_id is not None:
        service.require(db, "people", author_person_id, _("La personne"))
    update_id = service.insert(
        db,
        "action_updates",
        "action_update",
        {
            "action_id": action_id,
            "on_date": day.isoformat(),
            "recorded_at": dt.datetime.now().isoformat(timespec="seconds"),
            "status": new_status,
            "progress": new_progress,
            "comment": str(comment or "").strip(),
            "author_person_id": author_person_id,
            "os_user": current_user(),
            "meeting_id": meeting_id,
            "no_change": int((new_status, new_progress) == (action.status, action.progress)),
        },
    )
    _sync(db, action_id)
    return update_id


class UpdateFields(TypedDict, total=False):
    """What `record` takes: the keywords of `add`."""

    status: Any
    progress: Any
    comment: str
    on_date: Any
    meeting_id: int | None
    author_person_id: int | None
    today: dt.date | None


def record(store: Store, action_id: int, **values: Unpack[UpdateFields]) -> int:
    """Record a follow-up entry (status, progress, comment, on_date, meeting_id,
    author_person_id, today) in its own transaction."""
    service.check_fields(values, UpdateFields, "record")
    with store.write() as db:
        return add(db, action_id, **values)


def record_no_change(
    store: Store,
    action_ids: Iterable[int],
    *,
    meeting_id: int | None = None,
    comment: str = "",
    author_person_id: int | None = None,
    today: dt.date | None = None,
) -> list[int]:
    """« Pas de changement » for each action: the review is dated, its state stays as it is."""
    with store.write() as db:
        return [
            add(
                db,
                action_id,
                comment=comment,
                meeting_id=meeting_id,
                author_person_id=author_person_id,
                today=today,
            )
            for action_id in action_ids
        ]


@dataclass(frozen=True)
class TimelineEntry:
    """One line of an action's history as the secretariat reads it."""

    day: str
    kind: str  # "created" or "update"
    text: str
    status: str
    progress: int
    author: str = ""
    meeting_title: str = ""
    update_id: int | None = None


def timeline(db: Database, action_id: int) -> list[TimelineEntry]:
    """Creation first, then every follow-up entry by date: what happened, when, by whom."""
    action = actions.get(db, action_id)
    origin = ""
    if action.meeting_id is not None:
        found = database.row(db, "SELECT title FROM meetings WHERE id = ?", [action.meeting_id])
        origin = found["title"] if found else ""
    entries_so_far = history(db, action_id)
    initial = _initial_state(db, action, bool(entries_so_far))
    entries = [
        TimelineEntry(
            day=action.created_on,
            kind="created",
            text=_("Action créée : {title}").format(title=action.title),
            status=initial[0],
            progress=initial[1],
            meeting_title=origin,
        )
    ]
    previous = initial
    for u in entries_so_far:
        if u.no_change:
            text = _("Pas de changement")
        elif u.status != previous[0]:
            text = _("{status}, {progress} %").format(status=u.status_label, progress=u.progress)
        else:
            text = _("Avancement : {progress} %").format(progress=u.progress)
        if u.comment:
            text = f"{text} — {u.comment}"
        entries.append(
            TimelineEntry(
                day=u.on_date,
                kind="update",
                text=text,
                status=u.status,
                progress=u.progress,
                author=u.author,
                meeting_title=u.meeting_title,
                update_id=u.id,
            )
        )
        previous = (u.status, u.progress)
    return entries


def _initial_state(db: Database, action: actions.Action, has_updates: bool) -> tuple[str, int]:
    """The state the action was created in: its audit entry knows it (a bulk insert does not)."""
    if not has_updates:
        return action.status, action.progress
    row = database.row(
        db,
        "SELECT json_extract(after, '$.status') AS status, "
        "json_extract(after, '$.progress') AS progress "
        "FROM audit_log WHERE entity = 'action' AND entity_id = ? AND action = 'create' "
        "ORDER BY id LIMIT 1",
        [action.id],
    )
    if row is None or row["status"] is None:
        return "todo", 0
    return str(row["status"]), int(row["progress"] or 0)
