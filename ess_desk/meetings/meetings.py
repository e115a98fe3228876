"""Meeting records: create, edit, move through their statuses, postpone, schedule a year."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Any, TypedDict, Unpack

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
from ess_desk.store import Store, database

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
    reconvenes_meeting_id: int | None = None  # the meeting whose quorum failed
    # Raised each time the meeting moves or is cancelled: calendars then take the new invitation
    # as an update of the one they hold (RFC 5545 SEQUENCE).
    ics_sequence: int = 0

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Meeting:
        return cls(**{f.name: row[f.name] for f in fields(cls) if f.name in row})

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


class MeetingFields(TypedDict, total=False):
    """What `create` and `update` take (as typed in a form; `clean` checks and converts them)."""

    body_id: int | str | None
    title: str
    kind: str | None
    starts_at: dt.datetime | str | None
    ends_at: dt.datetime | str | None
    place: str
    video_link: str
    notes: str


EDITABLE = service.field_names(MeetingFields)


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


def create(store: Store, **values: Unpack[MeetingFields]) -> int:
    service.check_fields(values, MeetingFields, "create")
    with store.write() as db:
        return add(db, dict(values))


def update(store: Store, meeting_id: int, **values: Unpack[MeetingFields]) -> None:
    service.check_fields(values, MeetingFields, "update")
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


class ConfirmationNeeded(UserError):
    """A move that is allowed but deserves a second look: ask, then call again confirmed."""


def _check_can_hold(meeting: Meeting, now: dt.datetime, confirmed: bool) -> None:
    """A meeting is marked held once it has begun; the same day, after a confirmation."""
    if meeting.start > now:
        raise UserError(
            _(
                "La séance commence le {when} : elle ne peut pas être marquée tenue avant son "
                "heure de début."
            ).format(when=meeting.start.strftime("%d/%m/%Y %H:%M")),
            field="status",
        )
    if meeting.day == now.date() and not confirmed:
        raise ConfirmationNeeded(
            _(
                "La séance a commencé aujourd'hui à {time}. La marquer tenue ? Les votes et le "
                "procès-verbal pourront alors être saisis."
            ).format(time=meeting.start.strftime("%H:%M")),
            field="status",
        )


def set_status(
    store: Store,
    meeting_id: int,
    status: str,
    *,
    now: dt.datetime | None = None,
    confirmed: bool = False,
) -> None:
    """Move a meeting to its next status; a move the lifecycle does not allow is refused, and a
    meeting is marked held only once it has begun (`now`: the clock, for tests and the demo)."""
    with store.write() as db:
        values = status_values(get(db, meeting_id), status, now=now, confirmed=confirmed)
        service.update(db, "meetings", "meeting", meeting_id, values)


def status_values(
    current: Meeting, status: str, *, now: dt.datetime | None = None, confirmed: bool = False
) -> dict[str, Any]:
    """What `set_status` writes to move `current` to `status`, once the move is checked (a
    `UserError` when the lifecycle does not allow it): the status, and for a cancellation the
    calendar's next sequence number."""
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
    if status == "held":
        _check_can_hold(current, now or dt.datetime.now(), confirmed)
    values: dict[str, Any] = {"status": status}
    if status == "cancelled":
        values["ics_sequence"] = current.ics_sequence + 1
    return values


def _copy_agenda(db: Database, from_id: int, to_id: int, taken_up: bool) -> None:
    """The agenda of one meeting copied to another (`taken_up`: each item names its original)."""
    db.execute(
        "INSERT INTO agenda_items (meeting_id, position, title, kind, presenter_person_id, "
        "presenter_text, duration_minutes, description, taken_up_item_id) "
        "SELECT ?, position, title, kind, presenter_person_id, presenter_text, "
        f"duration_minutes, description, {'id' if taken_up else 'NULL'} FROM agenda_items "
        "WHERE meeting_id = ? ORDER BY position",
        [to_id, from_id],
    )
    if not taken_up:
        return
    # Minutes awaiting approval on the first meeting's agenda are approved at the new one.
    for minutes_id, item_id in db.execute(
        "SELECT mi.id, i.id FROM minutes mi JOIN agenda_items o ON o.id = mi.approval_item_id "
        "JOIN agenda_items i ON i.taken_up_item_id = o.id WHERE o.meeting_id = ? "
        "AND i.meeting_id = ? AND mi.status != 'approved'",
        [from_id, to_id],
    ).fetchall():
        service.update(db, "minutes", "minutes", minutes_id, {"approval_item_id": item_id})


def reconvened_by(db: Database, meeting_id: int) -> Meeting | None:
    """The meeting called again after this one's quorum failed, if any."""
    found = database.scalar(
        db,
        "SELECT id FROM meetings WHERE reconvenes_meeting_id = ? ORDER BY id LIMIT 1",
        [meeting_id],
    )
    return None if found is None else get(db, found)


def earliest_reconvening(db: Database, meeting_id: int, today: dt.date) -> dt.datetime:
    """The first legal start of the reconvened meeting if its notice goes out `today`: the
    reconvening rule's clear days after today, at the first meeting's hour."""
    current = get(db, meeting_id)
    body = bodies.get_body(db, current.body_id)
    day = today + dt.timedelta(days=body.reconvene_notice_days + 1)
    return dt.datetime.combine(day, current.start.time())


def reconvene(store: Store, meeting_id: int, new_start: Any, new_end: Any = None) -> int:
    """After a failed quorum, call the meeting again: a new meeting with the same agenda (its
    items name those they take up), linked to the first, which deliberates without quorum where
    the body's rule says so (CGCT L. 2121-17, décret n° 2006-672 art. 11). The first meeting is
    marked held: it took place and recorded that it could not deliberate."""
    from ess_desk.meetings import presence

    with store.write() as db:
        current = get(db, meeting_id)
        ensure_open(current)
        if current.reconvenes_meeting_id:
            raise UserError(
                _(
                    "Cette séance a déjà été reconvoquée après un quorum non atteint : elle "
                    "délibère sans condition de quorum."
                )
            )
        if reconvened_by(db, meeting_id) is not None:
            raise UserError(_("Une nouvelle séance a déjà été convoquée après celle-ci."))
        count = presence.quorum(db, meeting_id, presence.parse_time(current.opening_time, "t"))
        if count.reached:
            raise UserError(
                _(
                    "Le quorum est atteint ({counted} / {required}) : il n'y a pas lieu de "
                    "reconvoquer la séance."
                ).format(counted=count.counted, required=count.required)
            )
        start = parse_datetime(new_start, "starts_at")
        if start is None:
            raise UserError(_("Indiquez la date de la nouvelle séance."), field="starts_at")
        if start <= current.start:
            raise UserError(
                _("La nouvelle séance doit suivre celle du {day}.").format(
                    day=display(current.day)
                ),
                field="starts_at",
            )
        end = parse_datetime(new_end, "ends_at")
        if end is None and current.end is not None:
            end = start + (current.end - current.start)
        title = _("{title} — nouvelle convocation du {day}").format(
            title=current.title, day=display(start.date())
        )
        values = {k: getattr(current, k) for k in EDITABLE} | {
            "starts_at": start,
            "ends_at": end,
            "title": title,
        }
        new_id = add(db, values)
        service.update(db, "meetings", "meeting", new_id, {"reconvenes_meeting_id": meeting_id})
        _copy_agenda(db, meeting_id, new_id, taken_up=True)
        if current.status != "held":
            service.update(db, "meetings", "meeting", meeting_id, {"status": "held"})
        return new_id


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


def ensure_held(meeting: Meeting, what: str) -> None:
    """Votes, minutes and approvals belong to a meeting that took place: refused before."""
    if meeting.status not in ("held", "closed"):
        raise UserError(
            _(
                "{what} ne s'enregistre que pour une séance tenue : la séance du {day} est "
                "« {status} ». Marquez-la tenue une fois ouverte."
            ).format(
                what=what,
                day=display(meeting.day),
                status=label(MEETING_STATUSES, meeting.status).lower(),
            )
        )


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
    where: list[str] = ["1 = 1"]
    params: list[int | str] = []
    if body_id is not None:
        where.append("m.body_id = ?")
        params.append(body_id)
    if status is not None:
        where.append("m.status = ?")
        params.append(status)
    if year is not None:
        where.append("m.starts_at >= ? AND m.starts_at < ?")
        params += [f"{year:04d}-01-01", f"{year + 1:04d}-01-01"]
    return database.records(
        db,
        MeetingRow,
        "SELECT m.id, m.body_id, b.name AS body, m.title, m.kind, m.starts_at, m.ends_at, m.place, "
        f"m.status FROM meetings m JOIN bodies b ON b.id = m.body_id WHERE {' AND '.join(where)} "
        "ORDER BY m.starts_at, b.name",
        params,
    )


def years(db: Database) -> list[int]:
    """The years that have meetings, in order (for the year filter), without reading them."""
    return [
        int(year)
        for year in database.column(
            db, "SELECT DISTINCT substr(starts_at, 1, 4) AS year FROM meetings ORDER BY year"
        )
    ]


def next_meeting_of_body(db: Database, meeting_id: int) -> Meeting | None:
    """The next meeting of the same body that is not cancelled or postponed."""
    current = get(db, meeting_id)
    found = database.scalar(
        db,
        "SELECT id FROM meetings WHERE body_id = ? AND starts_at > ? "
        "AND status NOT IN ('cancelled', 'postponed') ORDER BY starts_at LIMIT 1",
        [current.body_id, current.starts_at],
    )
    return None if found is None else get(db, found)


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
        dt.date.fromisoformat(day) for day in database.column(db, "SELECT day FROM closed_days")
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
