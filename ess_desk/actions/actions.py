"""Actions: create and edit them, with their owner, due date, theme and origin (meeting, item,
decision); the demo's bulk insert."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Any, TypedDict, Unpack

from ess_desk import audit, service
from ess_desk.actions import rules
from ess_desk.dates import display, parse_date
from ess_desk.errors import UserError
from ess_desk.i18n import _
from ess_desk.membership import validation
from ess_desk.store import Store, database

if TYPE_CHECKING:
    from sqlite_utils import Database

# Due dates outside these years are typing mistakes (« 2062 » for « 2026 »).
FIRST_YEAR, LAST_YEAR = 1990, 2100


@dataclass(frozen=True)
class Action:
    id: int
    body_id: int
    title: str
    description: str = ""
    owner_person_id: int | None = None
    owner_organisation_id: int | None = None
    due_date: str | None = None
    priority: str = "normal"
    status: str = "todo"
    progress: int = 0
    theme_id: int | None = None
    meeting_id: int | None = None
    item_id: int | None = None
    decision_id: int | None = None
    created_on: str = ""
    closed_on: str | None = None

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Action:
        return cls(**{f.name: row[f.name] for f in fields(cls)})

    @property
    def is_open(self) -> bool:
        return rules.is_open(self.status)

    def overdue(self, today: dt.date | None = None) -> bool:
        return rules.is_overdue(self.status, self.due_date, today or dt.date.today())


class ActionFields(TypedDict, total=False):
    """An action's fields as a form gives them (`clean` checks and converts them)."""

    body_id: int | str | None
    title: str
    description: str
    owner_person_id: int | str | None
    owner_organisation_id: int | str | None
    due_date: dt.date | str | None
    priority: int | str | None
    theme_id: int | str | None
    meeting_id: int | str | None
    item_id: int | str | None
    decision_id: int | str | None


class NewActionFields(ActionFields, total=False):
    """What `create` takes: the fields, and the state the action starts in."""

    status: str | None
    progress: int | str | None
    created_on: dt.date | str | None


class ActionChange(ActionFields, total=False):
    """What `update` takes: the fields, and a new state recorded as a dated follow-up entry."""

    status: str | None
    progress: int | str | None
    comment: str


EDITABLE = service.field_names(ActionFields)


def search_text(title: str, description: str) -> str:
    """What the free-text filter looks in, folded once at write time rather than at each search."""
    return rules.fold(f"{title} {description}")


def get(db: Database, action_id: int) -> Action:
    return Action.from_row(service.require(db, "actions", action_id, _("L'action")))


def _optional_id(value: Any, field: str) -> int | None:
    if value is None or value == "":
        return None
    try:
        return int(value)
    except (TypeError, ValueError) as exc:
        raise UserError(
            _("« {value} » n'est pas un numéro valable.").format(value=value), field=field
        ) from exc


def decisions_table_exists(db: Database) -> bool:
    return database.has_table(db, "decisions")


def _decision_origin(db: Database, decision_id: int) -> dict[str, Any]:
    """The decision's own meeting and item when the decisions table knows them."""
    if not decisions_table_exists(db):
        return {}
    row = service.require(db, "decisions", decision_id, _("La décision"))
    return {k: row[k] for k in ("meeting_id", "item_id") if row.get(k) is not None}


def check_due_date(value: Any, meeting_day: dt.date | None = None) -> dt.date | None:
    due = parse_date(value, field="due_date")
    if due is None:
        return None
    if not FIRST_YEAR <= due.year <= LAST_YEAR:
        raise UserError(
            _("L'échéance du {day} n'est pas plausible : vérifiez l'année.").format(
                day=display(due)
            ),
            field="due_date",
        )
    if meeting_day is not None and due < meeting_day:
        raise UserError(
            _("L'échéance ({due}) précède la séance d'où vient l'action ({day}).").format(
                due=display(due), day=display(meeting_day)
            ),
            field="due_date",
        )
    return due


def clean(db: Database, values: dict[str, Any]) -> dict[str, Any]:
    """Validate the editable fields of an action; raises UserError naming the first wrong field."""
    decision_id = _optional_id(values.get("decision_id"), "decision_id")
    item_id = _optional_id(values.get("item_id"), "item_id")
    meeting_id = _optional_id(values.get("meeting_id"), "meeting_id")
    if decision_id is not None:
        origin = _decision_origin(db, decision_id)
        item_id = item_id if item_id is not None else origin.get("item_id")
        meeting_id = meeting_id if meeting_id is not None else origin.get("meeting_id")
    if item_id is not None:
        item = service.require(db, "agenda_items", item_id, _("Le point de l'ordre du jour"))
        if meeting_id is not None and meeting_id != item["meeting_id"]:
            raise UserError(
                _("Le point choisi n'appartient pas à la séance d'origine."), field="item_id"
            )
        meeting_id = item["meeting_id"]
    meeting: dict[str, Any] | None = None
    if meeting_id is not None:
        meeting = service.require(db, "meetings", meeting_id, _("La séance"))
    body_id = _optional_id(values.get("body_id"), "body_id")
    if body_id is None and meeting is not None:
        body_id = meeting["body_id"]
    if body_id is None:
        raise UserError(_("Choisissez l'instance qui suit l'action."), field="body_id")
    service.require(db, "bodies", body_id, _("L'instance"))

    person_id = _optional_id(values.get("owner_person_id"), "owner_person_id")
    organisation_id = _optional_id(values.get("owner_organisation_id"), "owner_organisation_id")
    if person_id is None and organisation_id is None:
        raise UserError(
            _("Indiquez le porteur de l'action : une personne, une structure, ou les deux."),
            field="owner_person_id",
        )
    if person_id is not None:
        service.require(db, "people", person_id, _("La personne"))
    if organisation_id is not None:
        service.require(db, "organisations", organisation_id, _("La structure"))
    theme_id = _optional_id(values.get("theme_id"), "theme_id")
    if theme_id is not None:
        service.require(db, "action_themes", theme_id, _("Le thème"))
    meeting_day = dt.date.fromisoformat(meeting["starts_at"][:10]) if meeting else None
    due = check_due_date(values.get("due_date"), meeting_day)
    title = validation.required(values.get("title"), "title", _("Intitulé"))
    description = str(values.get("description") or "").strip()
    return {
        "body_id": body_id,
        "title": title,
        "description": description,
        "search_text": search_text(title, description),
        "owner_person_id": person_id,
        "owner_organisation_id": organisation_id,
        "due_date": due.isoformat() if due else None,
        "priority": rules.parse_priority(values.get("priority")),
        "theme_id": theme_id,
        "meeting_id": meeting_id,
        "item_id": item_id,
        "decision_id": decision_id,
    }


def _created_on(db: Database, value: Any, meeting_id: int | None, today: dt.date) -> dt.date:
    """When the action was decided: as given, else its meeting's day if past, else today."""
    day = parse_date(value, field="created_on")
    if day is None and meeting_id is not None:
        starts = database.scalar(db, "SELECT starts_at FROM meetings WHERE id = ?", [meeting_id])
        day = min(dt.date.fromisoformat(starts[:10]), today)
    day = day or today
    if day > today:
        raise UserError(
            _("Une action ne peut pas être créée à une date future ({day}).").format(
                day=display(day)
            ),
            field="created_on",
        )
    return day


def add(db: Database, values: dict[str, Any], today: dt.date | None = None) -> int:
    """Create an action inside the caller's transaction."""
    today = today or dt.date.today()
    data = clean(db, values)
    created = _created_on(db, values.get("created_on"), data["meeting_id"], today)
    status = rules.parse_status(values.get("status") or "todo")
    status, progress = rules.coherent(status, rules.parse_progress(values.get("progress")))
    data |= {
        "status": status,
        "progress": progress,
        "created_on": created.isoformat(),
        "closed_on": created.isoformat() if status in rules.CLOSED_STATUSES else None,
    }
    return service.insert(db, "actions", "action", data)


def create(store: Store, today: dt.date | None = None, **values: Unpack[NewActionFields]) -> int:
    service.check_fields(values, NewActionFields, "create")
    with store.write() as db:
        return add(db, dict(values), today)


def create_from_item(
    store: Store, item_id: int, /, today: dt.date | None = None, **values: Unpack[NewActionFields]
) -> int:
    """An action decided on an agenda item: its meeting, body and item are its origin."""
    service.check_fields(values, NewActionFields, "create_from_item")
    with store.write() as db:
        return add(db, {**values, "item_id": item_id}, today)


def create_from_decision(
    store: Store,
    decision_id: int,
    /,
    today: dt.date | None = None,
    **values: Unpack[NewActionFields],
) -> int:
    """An action that follows a decision (and the decision's meeting and item when known)."""
    service.check_fields(values, NewActionFields, "create_from_decision")
    with store.write() as db:
        return add(db, {**values, "decision_id": decision_id}, today)


def update(
    store: Store, action_id: int, today: dt.date | None = None, **values: Unpack[ActionChange]
) -> None:
    """Edit an action. A change of status or progress is recorded as a dated follow-up entry,
    so that the timeline tells the whole story."""
    from ess_desk.actions import updates

    service.check_fields(values, ActionChange, "update")
    state_keys = {"status", "progress", "comment"}
    fields: dict[str, Any] = dict(values)
    state = {k: fields.pop(k) for k in list(fields) if k in state_keys}
    with store.write() as db:
        current = get(db, action_id)
        merged = {k: getattr(current, k) for k in EDITABLE} | fields
        service.update(db, "actions", "action", action_id, clean(db, merged))
        status = state.get("status")
        progress = state.get("progress")
        new_status = rules.parse_status(status) if status not in (None, "") else current.status
        new_progress = (
            rules.parse_progress(progress) if progress not in (None, "") else current.progress
        )
        if (new_status, new_progress) != (current.status, current.progress) or state.get("comment"):
            updates.add(
                db,
                action_id,
                status=status,
                progress=progress,
                comment=state.get("comment", ""),
                today=today,
            )


def delete(store: Store, action_id: int) -> None:
    """Remove an action entered by mistake, with its follow-up entries."""
    with store.write() as db:
        get(db, action_id)
        for (update_id,) in db.execute(
            "SELECT id FROM action_updates WHERE action_id = ?", [action_id]
        ).fetchall():
            service.delete(db, "action_updates", "action_update", update_id)
        service.delete(db, "actions", "action", action_id)


# --- the demo's and the benchmark's bulk insert -------------------------------------------------

ACTION_COLUMNS = (
    "body_id",
    "title",
    "description",
    "owner_person_id",
    "owner_organisation_id",
    "due_date",
    "priority",
    "status",
    "progress",
    "theme_id",
    "meeting_id",
    "item_id",
    "decision_id",
    "created_on",
    "closed_on",
    "search_text",
)
UPDATE_COLUMNS = (
    "action_id",
    "on_date",
    "recorded_at",
    "status",
    "progress",
    "comment",
    "author_person_id",
    "os_user",
    "meeting_id",
    "no_change",
)


def bulk_insert(db: Database, actions: Iterable[dict[str, Any]]) -> tuple[int, int]:
    """Insert many actions with their updates at once (demo, benchmark), in the caller's
    transaction, with one audit entry for the lot.

    Each action is a dict with the keys of ACTION_COLUMNS (body_id, title, owner and created_on
    required; the rest optional) and an optional "updates" list of dicts with on_date, status,
    progress, comment, meeting_id, author_person_id. The action's status, progress and
    closed_on come from its latest update, as `updates.add` would set them. References are
    checked by the foreign keys; statuses, progress and dates by the same rules as one by one.
    """
    from ess_desk.store.lock import current_user

    os_user = current_user()
    now = dt.datetime.now().isoformat(timespec="seconds")
    from ess_desk.store.bulk import indexed_in_bulk

    with indexed_in_bulk(db, "actions", "action_updates"):
        n_actions, n_updates = _insert_actions(db, actions, os_user, now)
    audit.record(
        db, "action", None, "bulk_create", None, {"actions": n_actions, "updates": n_updates}
    )
    return n_actions, n_updates


def _insert_actions(
    db: Database, actions: Iterable[dict[str, Any]], os_user: str, now: str
) -> tuple[int, int]:
    """The actions and their updates written in batches; (actions, updates) written."""
    n_actions = n_updates = 0
    # Ids given here: the updates of a batch refer to its actions.
    next_id = database.scalar(db, "SELECT COALESCE(MAX(id), 0) + 1 FROM actions")
    pending_actions: list[tuple] = []
    pending_updates: list[tuple] = []
    # What the rules made of each day, status and progress met (a few thousand values, met a
    # million times in the huge demo).
    days: dict[str, str] = {}
    statuses: dict[str, str] = {}
    progresses: dict[int, int] = {}
    for n, values in enumerate(actions, start=1):
        where = _("action n°{n} du lot").format(n=n)
        try:
            row = _bulk_action_row(values)
            entries = sorted(values.get("updates") or (), key=lambda u: str(u["on_date"]))
            last_status, last_progress = row["status"], row["progress"]
            update_rows = []
            for entry in entries:
                on_date = _parsed(days, _iso_day, entry["on_date"], str)
                if on_date < row["created_on"]:
                    raise UserError(_("un point de suivi précède la création de l'action"))
                status, progress = rules.coherent(
                    _parsed(statuses, rules.parse_status, entry.get("status") or last_status, str),
                    _parsed(
                        progresses, rules.parse_progress, entry.get("progress", last_progress), int
                    ),
                )
                update_rows.append(
                    (
                        on_date,
                        entry.get("recorded_at") or now,
                        status,
                        progress,
                        str(entry.get("comment") or ""),
                        entry.get("author_person_id"),
                        os_user,
                        entry.get("meeting_id"),
                        1 if (status, progress) == (last_status, last_progress) else 0,
                    )
                )
                last_status, last_progress = status, progress
                row["closed_on"] = on_date if status in rules.CLOSED_STATUSES else None
            row["status"], row["progress"] = last_status, last_progress
        except (KeyError, ValueError, UserError) as exc:
            raise UserError(
                _("Lot d'actions refusé ({where}) : {reason}.").format(where=where, reason=exc)
            ) from exc
        action_id, next_id = next_id, next_id + 1
        pending_actions.append((action_id, *(row[c] for c in ACTION_COLUMNS)))
        pending_updates.extend((action_id, *u) for u in update_rows)
        n_actions += 1
        n_updates += len(update_rows)
        if len(pending_updates) >= 10_000:
            _write_batch(db, pending_actions, pending_updates)
    _write_batch(db, pending_actions, pending_updates)
    return n_actions, n_updates


def _parsed(kept: dict[Any, Any], parse: Callable[[Any], Any], value: Any, kind: type) -> Any:
    """`parse(value)`, kept in `kept` for the values of type `kind` (others, and what it
    refuses, are parsed each time)."""
    if type(value) is not kind:
        return parse(value)
    found = kept.get(value)
    if found is None:
        found = kept[value] = parse(value)
    return found


def _iso_day(value: Any) -> str:
    return dt.date.fromisoformat(str(value)[:10]).isoformat()


def _write_batch(db: Database, actions: list[tuple], updates: list[tuple]) -> None:
    """The actions then their updates (which refer to them), and the lists emptied: one prepared
    statement each (the search index follows at the end, see bulk_insert)."""
    for table, columns, rows in (
        ("actions", ("id", *ACTION_COLUMNS), actions),
        ("action_updates", UPDATE_COLUMNS, updates),
    ):
        if rows:
            db.conn.executemany(
                f"INSERT INTO [{table}] ({', '.join(columns)}) "
                f"VALUES ({', '.join('?' for _c in columns)})",
                rows,
            )
    actions.clear()
    updates.clear()


def _bulk_action_row(values: dict[str, Any]) -> dict[str, Any]:
    title = validation.clean_text(values["title"])
    if not title:
        raise UserError(_("intitulé vide"))
    if values.get("owner_person_id") is None and values.get("owner_organisation_id") is None:
        raise UserError(_("pas de porteur"))
    status, progress = rules.coherent(
        rules.parse_status(values.get("status") or "todo"),
        rules.parse_progress(values.get("progress")),
    )
    created = dt.date.fromisoformat(str(values["created_on"])[:10]).isoformat()
    due = values.get("due_date")
    description = str(values.get("description") or "")
    return {
        "body_id": int(values["body_id"]),
        "title": title,
        "description": description,
        "search_text": search_text(title, description),
        "owner_person_id": values.get("owner_person_id"),
        "owner_organisation_id": values.get("owner_organisation_id"),
        "due_date": dt.date.fromisoformat(str(due)[:10]).isoformat() if due else None,
        "priority": rules.parse_priority(values.get("priority")),
        "status": status,
        "progress": progress,
        "theme_id": values.get("theme_id"),
        "meeting_id": values.get("meeting_id"),
        "item_id": values.get("item_id"),
        "decision_id": values.get("decision_id"),
        "created_on": created,
        "closed_on": created if status in rules.CLOSED_STATUSES else None,
    }
