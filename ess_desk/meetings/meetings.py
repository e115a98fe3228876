"""Meeting records: create, edit, move through their statuses, postpone, schedule a year."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Any

from ess_desk import audit, service
from ess_desk.dates import display
from ess_desk.errors import UserError
from ess_desk.i18n import _
from ess_desk.meetings.vocabulary import (
    BODY_MEETING_KIND,
    MEETING_KINDS,
    MEETING_STATUSES,
    TRANSITIONS,
)
from ess_desk.membership import bodies, validation
from ess_desk.membership.vocabulary import label
from ess_desk.store import Store

if TYPE_CHECKING:
    from sqlite_utils import Database


@dataclass(frozen=True)
class Meeting:
    id: int
    body_id: int
    title: str
    kind: str
    starts_at: str
    ends_at: str | None = None
    place: str = ""
    video_link: str = ""
    notes: str = ""
    status: str = "planned"
    replaced_by_id: int | None = None
    notice_sent_on: str | None = None
    notice_warning: str = ""
    opening_time: str | None = None
    opening_quorum: str | None = None
    # Raised each time the meeting moves or is cancelled: calendars then take the new invitation
    # as an update of the one they hold (RFC 5545 SEQUENCE).
    ics_sequence: int = 0

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Meeting:
        return cls(**{f.name: row[f.name] for f in fields(cls)})

    @property
    def start(self) -> dt.datetime:
        return dt.datetime.fromisoformat(self.starts_at)

    @property
    def end(self) -> dt.datetime | None:
        return dt.datetime.fromisoformat(self.ends_at) if self.ends_at else None

    @property
    def day(self) -> dt.date:
        return self.start.date()


# What a calendar shows of a meeting: a change of one of them is an update of the invitation.
CALENDAR_FIELDS = ("title", "starts_at", "ends_at", "place", "video_link")

EDITABLE = ("body_id", "title", "kind", "starts_at", "ends_at", "place", "video_link", "notes")


def default_title(kind: str, day: dt.date) -> str:
    """The title of a meeting saved without one: « Bureau du 10/12/2026 »."""
    return _("{kind} du {day}").format(kind=label(MEETING_KINDS, kind), day=display(day))


def parse_datetime(value: Any, field: str) -> dt.datetime | None:
    """A date and time typed by a person: "10/12/2026 18:00" or ISO."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.replace(second=0, microsecond=0, tzinfo=None)
    text = str(value).strip()
    try:
        return dt.datetime.fromisoformat(text).replace(second=0, microsecond=0)
    except ValueError:
        pass
    from dateutil import parser

    try:
        return parser.parse(text, dayfirst=True).replace(second=0, microsecond=0, tzinfo=None)
    except (ValueError, OverflowError) as exc:
        raise UserError(
            _("« {value} » n'est pas une date et une heure (attendu : jj/mm/aaaa hh:mm).").format(
                value=text
            ),
            field=field,
        ) from exc


def clean(db: Database, values: dict[str, Any]) -> dict[str, Any]:
    body_id = values.get("body_id")
    if not body_id:
        raise UserError(_("Choisissez l'instance qui se réunit."), field="body_id")
    body = bodies.get_body(db, int(body_id))
    kind = values.get("kind") or BODY_MEETING_KIND.get(body.kind, "commission")
    if kind not in MEETING_KINDS:
        raise UserError(_("Type de séance inconnu : « {value} ».").format(value=kind), field="kind")
    start = parse_datetime(values.get("starts_at"), "starts_at")
    if start is None:
        raise UserError(_("La date et l'heure de début sont obligatoires."), field="starts_at")
    end = parse_datetime(values.get("ends_at"), "ends_at")
    if end is not None and end <= start:
        raise UserError(
            _("La fin prévue ({end}) doit suivre le début ({start}).").format(
                end=end.strftime("%d/%m/%Y %H:%M"), start=start.strftime("%d/%m/%Y %H:%M")
            ),
            field="ends_at",
        )
    title = validation.clean_text(values.get("title")) or default_title(kind, start.date())
    link = validation.clean_text(values.get("video_link"))
    if link and not link.lower().startswith(("http://", "https://")):
        raise UserError(
            _("Le lien de visioconférence doit commencer par https://."), field="video_link"
        )
    return {
        "body_id": body.id,
        "title": title,
        "kind": kind,
        "starts_at": start.isoformat(timespec="minutes"),
        "ends_at": end.isoformat(timespec="minutes") if end else None,
        "place": validation.clean_text(values.get("place")),
        "video_link": link,
        "notes": str(values.get("notes") or "").strip(),
    }


def get(db: Database, meeting_id: int) -> Meeting:
    return Meeting.from_row(service.require(db, "meetings", meeting_id, _("La séance")))


def add(db: Database, values: dict[str, Any]) -> int:
    return service.insert(db, "meetings", "meeting", clean(db, values))


def create(store: Store, **values: Any) -> int:
    with store.write() as db:
        return add(db, values)


def update(store: Store, meeting_id: int, **values: Any) -> None:
    with store.write() as db:
        current = get(db, meeting_id)
        if current.status in ("closed", "cancelled", "postponed"):
            raise UserError(
                _("La séance est {status} : elle ne peut plus être modifiée.").format(
                    status=label(MEETING_STATUSES, current.status).lower()
                )
            )
        merged = {k: getattr(current, k) for k in EDITABLE} | values
        data = clean(db, merged)
        if any(data[k] != getattr(current, k) for k in CALENDAR_FIELDS):
            data["ics_sequence"] = current.ics_sequence + 1
        service.update(db, "meetings", "meeting", meeting_id, data)


def set_status(store: Store, meeting_id: int, status: str) -> None:
    """Move a meeting to its next status; a move the lifecycle does not allow is refused."""
    with store.write() as db:
        current = get(db, meeting_id)
        if status not in MEETING_STATUSES:
            raise UserError(_("Statut inconnu : « {value} ».").format(value=status))
        if status == "postponed":
            raise UserError(_("Pour reporter une séance, indiquez la date de la nouvelle séance."))
        if status not in TRANSITIONS[current.status]:
            raise UserError(
                _("Une séance « {old} » ne peut pas passer à « {new} ».").format(
                    old=label(MEETING_STATUSES, current.status),
                    new=label(MEETING_STATUSES, status),
                ),
                field="status",
            )
        values: dict[str, Any] = {"status": status}
        if status == "cancelled":
            values["ics_sequence"] = current.ics_sequence + 1
        service.update(db, "meetings", "meeting", meeting_id, values)


def postpone(store: Store, meeting_id: int, new_start: Any, new_end: Any = None) -> int:
    """Postpone a meeting: a new meeting takes its place with the same agenda, linked to it."""
    with store.write() as db:
        current = get(db, meeting_id)
        if "postponed" not in TRANSITIONS[current.status]:
            raise UserError(
                _("Une séance « {old} » ne peut pas être reportée.").format(
                    old=label(MEETING_STATUSES, current.status)
                )
            )
        start = parse_datetime(new_start, "starts_at")
        if start is None:
            raise UserError(_("Indiquez la date de la nouvelle séance."), field="starts_at")
        end = parse_datetime(new_end, "ends_at")
        if end is None and current.end is not None:
            end = start + (current.end - current.start)
        values = {k: getattr(current, k) for k in EDITABLE} | {
            "starts_at": start,
            "ends_at": end,
            "title": current.title,
        }
        new_id = add(db, values)
        db.execute(
            "INSERT INTO agenda_items (meeting_id, position, title, kind, presenter_person_id, "
            "presenter_text, duration_minutes, description) "
            "SELECT ?, position, title, kind, presenter_person_id, presenter_text, "
            "duration_minutes, description FROM agenda_items WHERE meeting_id = ? ORDER BY position",
            [new_id, meeting_id],
        )
        service.update(
            db, "meetings", "meeting", meeting_id, {"status": "postponed", "replaced_by_id": new_id}
        )
        return new_id


def ensure_open(meeting: Meeting) -> None:
    """Attendance and votes of a closed meeting can no longer change."""
    if meeting.status == "closed":
        raise UserError(
            _("La séance du {day} est close : présences et votes ne peuvent plus changer.").format(
                day=display(meeting.day)
            )
        )
    if meeting.status in ("cancelled", "postponed"):
        raise UserError(
            _("La séance du {day} est {status}.").format(
                day=display(meeting.day), status=label(MEETING_STATUSES, meeting.status).lower()
            )
        )


@dataclass(frozen=True)
class MeetingRow:
    id: int
    body_id: int
    body: str
    title: str
    kind: str
    starts_at: str
    ends_at: str | None
    place: str
    status: str


def list_meetings(
    db: Database,
    body_id: int | None = None,
    status: str | None = None,
    year: int | None = None,
) -> list[MeetingRow]:
    """Meetings by start, with optional filters by body, status and year."""
    where, params = ["1 = 1"], []
    if body_id is not None:
        where.append("m.body_id = ?")
        params.append(body_id)
    if status is not None:
        where.append("m.status = ?")
        params.append(status)
    if year is not None:
        where.append("m.starts_at >= ? AND m.starts_at < ?")
        params += [f"{year:04d}-01-01", f"{year + 1:04d}-01-01"]
    rows = db.execute(
        "SELECT m.id, m.body_id, b.name, m.title, m.kind, m.starts_at, m.ends_at, m.place, "
        f"m.status FROM meetings m JOIN bodies b ON b.id = m.body_id WHERE {' AND '.join(where)} "
        "ORDER BY m.starts_at, b.name",
        params,
    ).fetchall()
    return [MeetingRow(*r) for r in rows]


def years(db: Database) -> list[int]:
    """The years that have meetings, in order (for the year filter), without reading them."""
    return [
        int(r[0])
        for r in db.execute(
            "SELECT DISTINCT substr(starts_at, 1, 4) FROM meetings ORDER BY 1"
        ).fetchall()
    ]


def next_meeting_of_body(db: Database, meeting_id: int) -> Meeting | None:
    """The next meeting of the same body that is not cancelled or postponed."""
    current = get(db, meeting_id)
    row = db.execute(
        "SELECT id FROM meetings WHERE body_id = ? AND starts_at > ? "
        "AND status NOT IN ('cancelled', 'postponed') ORDER BY starts_at LIMIT 1",
        [current.body_id, current.starts_at],
    ).fetchone()
    return get(db, row[0]) if row else None


def create_schedule(
    store: Store,
    body_id: int,
    starts: list[dt.datetime],
    duration_minutes: int = 120,
    place: str = "",
    kind: str | None = None,
) -> list[int]:
    """Create the meetings of a schedule (dates already reviewed by the secretariat) at once."""
    if not starts:
        raise UserError(_("Aucune date à créer."))
    if duration_minutes <= 0:
        raise UserError(_("La durée d'une séance doit être positive."), field="duration")
    with store.write() as db:
        return [
            add(
                db,
                {
                    "body_id": body_id,
                    "kind": kind,
                    "starts_at": start,
                    "ends_at": start + dt.timedelta(minutes=duration_minutes),
                    "place": place,
                },
            )
            for start in starts
        ]


def closed_days(db: Database) -> frozenset[dt.date]:
    return frozenset(
        dt.date.fromisoformat(r[0]) for r in db.execute("SELECT day FROM closed_days").fetchall()
    )


def set_closed_day(store: Store, day: dt.date, reason: str = "", closed: bool = True) -> None:
    """Mark a day the secretariat is closed (schedules flag meetings on it)."""
    with store.write() as db:
        if closed:
            db.execute(
                "INSERT OR REPLACE INTO closed_days (day, reason) VALUES (?, ?)",
                [day.isoformat(), validation.clean_text(reason)],
            )
            audit.record(db, "closed_day", None, "create", None, {"day": day.isoformat()})
        else:
            db.execute("DELETE FROM closed_days WHERE day = ?", [day.isoformat()])
            audit.record(db, "closed_day", None, "delete", {"day": day.isoformat()}, None)
