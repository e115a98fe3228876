"""Attendance at a meeting: the expected list from mandates in force, presences, guests, quorum."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING

from ess_desk import service
from ess_desk.errors import UserError
from ess_desk.i18n import _, ngettext
from ess_desk.meetings import attendance as att
from ess_desk.meetings import meetings
from ess_desk.membership import bodies, roster, validation
from ess_desk.store import database

if TYPE_CHECKING:
    from collections.abc import Iterable

    from sqlite_utils import Database

    from ess_desk.store import Store

EXPECTED_ROLES = (
    "president",
    "co_president",
    "vice_president",
    "member",
    "substitute",
    "permanent_guest",
)


@dataclass(frozen=True)
class Attendee:
    """One row of the expected list, with what the sign-in sheet and the window show."""

    expected: att.Expected
    person_id: int
    name: str
    organisation: str
    college: str
    role: str
    substitute_for_name: str
    consent_publish: bool
    civility: str = ""  # « M. », « Mme » or empty: the minutes agree their words with it

    @property
    def mandate_id(self) -> int:
        return self.expected.mandate_id


def expected_attendees(db: Database, meeting_id: int) -> list[Attendee]:
    """Members, their substitutes and permanent guests whose mandates are in force that day."""
    meeting = meetings.get(db, meeting_id)
    return attendees_of(roster.roster(db, meeting.body_id, meeting.day))


def attendees_of(entries: Iterable[roster.RosterEntry]) -> list[Attendee]:
    """The expected list from a body's roster on the meeting's day (`roster.roster`): the
    members, substitutes and permanent guests among its mandates."""
    # (each Attendee and its Expected made with every field at once, in their order, rather
    # than through the frozen classes' __init__, one object.__setattr__ a field: a busy body's
    # 160 mandates a pack)
    new = object.__new__
    out = []
    for entry in entries:
        if entry.role not in EXPECTED_ROLES:
            continue
        name = entry.full_name
        expected = new(att.Expected)
        expected.__dict__.update(
            mandate_id=entry.mandate_id,
            name=name,
            voting=entry.voting,
            role=entry.role,
            substitute_for=entry.substitute_for_id,
            college_id=entry.college_id,
        )
        attendee = new(Attendee)
        attendee.__dict__.update(
            expected=expected,
            person_id=entry.person_id,
            name=name,
            organisation=entry.organisation,
            college=entry.college,
            role=entry.role,
            substitute_for_name=entry.substitute_for_name,
            consent_publish=entry.consent_publish,
            civility=entry.civility,
        )
        out.append(attendee)
    return out


def parse_time(value: object, field: str) -> dt.time | None:
    """An hour as offices type it (« 18:30 », « 18h30 », « 18 h 30 », « 18h »): see
    `dates.read_time`; empty gives None, anything else is refused naming the field."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.time):
        return value.replace(second=0, microsecond=0)
    from ess_desk.dates import read_time

    return read_time(str(value), field=field)


def presences(db: Database, meeting_id: int) -> list[att.Presence]:
    return [
        att.Presence(
            r["mandate_id"],
            r["status"],
            r["proxy_to_mandate_id"],
            r["replaced_by_mandate_id"],
            dt.time.fromisoformat(r["arrival"]) if r["arrival"] else None,
            dt.time.fromisoformat(r["departure"]) if r["departure"] else None,
        )
        for r in database.each_row(
            db,
            "SELECT mandate_id, status, proxy_to_mandate_id, replaced_by_mandate_id, arrival, "
            "departure FROM attendance WHERE meeting_id = ?",
            [meeting_id],
        )
    ]


def record(
    store: Store,
    meeting_id: int,
    mandate_id: int,
    status: str,
    *,
    proxy_to: int | None = None,
    replaced_by: int | None = None,
    arrival: object = None,
    departure: object = None,
) -> None:
    """Record one expected person's attendance; the checks that do not depend on the hour are
    made here (the holder's presence at each moment is checked when counting)."""
    if status not in att.STATUSES:
        raise UserError(_("Statut de présence inconnu : « {value} ».").format(value=status))
    arrival_t = parse_time(arrival, "arrival")
    departure_t = parse_time(departure, "departure")
    if arrival_t and departure_t and departure_t <= arrival_t:
        raise UserError(_("Le départ doit suivre l'arrivée."), field="departure")
    with store.write() as db:
        meeting = meetings.get(db, meeting_id)
        meetings.ensure_open(meeting)
        expected = {a.mandate_id: a for a in expected_attendees(db, meeting_id)}
        person = expected.get(mandate_id)
        if person is None:
            raise UserError(_("Cette personne n'est pas attendue à cette séance."))
        if status == "represented":
            holder = expected.get(proxy_to) if proxy_to else None
            if holder is None:
                raise UserError(
                    _("Choisissez à qui {name} donne pouvoir, parmi les membres convoqués.").format(
                        name=person.name
                    ),
                    field="proxy_to",
                )
            if holder.mandate_id == mandate_id:
                raise UserError(_("On ne peut pas se donner pouvoir à soi-même."), field="proxy_to")
            if not holder.expected.voting:
                raise UserError(
                    _(
                        "{holder} n'a pas de mandat avec voix délibérative dans cette instance."
                    ).format(holder=holder.name),
                    field="proxy_to",
                )
            if not person.expected.voting:
                raise UserError(
                    _(
                        "{name} n'a pas de voix délibérative : il n'y a pas de pouvoir à donner."
                    ).format(name=person.name),
                    field="status",
                )
            limit = bodies.get_body(db, meeting.body_id).proxies_per_holder
            carried = database.scalar(
                db,
                "SELECT COUNT(*) FROM attendance WHERE meeting_id = ? AND status = 'represented' "
                "AND proxy_to_mandate_id = ? AND mandate_id != ?",
                [meeting_id, holder.mandate_id, mandate_id],
            )
            if carried >= limit:
                raise UserError(
                    ngettext(
                        "{holder} porte déjà {limit} pouvoir, le maximum permis.",
                        "{holder} porte déjà {limit} pouvoirs, le maximum permis.",
                        limit,
                    ).format(holder=holder.name, limit=limit),
                    field="proxy_to",
                )
        else:
            proxy_to = None
        if status == "replaced":
            sub = expected.get(replaced_by) if replaced_by else None
            if sub is None or sub.role != "substitute":
                raise UserError(
                    _("Choisissez le/la suppléant(e) qui remplace {name}.").format(
                        name=person.name
                    ),
                    field="replaced_by",
                )
            if sub.expected.substitute_for not in (None, mandate_id):
                raise UserError(
                    _("{sub} est le/la suppléant(e) d'un autre membre.").format(sub=sub.name),
                    field="replaced_by",
                )
        else:
            replaced_by = None
        values = {
            "meeting_id": meeting_id,
            "mandate_id": mandate_id,
            "status": status,
            "proxy_to_mandate_id": proxy_to,
            "replaced_by_mandate_id": replaced_by,
            "arrival": arrival_t.isoformat(timespec="minutes") if arrival_t else None,
            "departure": departure_t.isoformat(timespec="minutes") if departure_t else None,
        }
        recorded = database.scalar(
            db,
            "SELECT id FROM attendance WHERE meeting_id = ? AND mandate_id = ?",
            [meeting_id, mandate_id],
        )
        if recorded is not None:
            service.update(db, "attendance", "attendance", recorded, values)
        else:
            service.insert(db, "attendance", "attendance", values)


def rules_for(db: Database, body_id: int) -> att.Rules:
    return rules_of(bodies.get_body(db, body_id))


def rules_of(body: bodies.Body) -> att.Rules:
    """The body's quorum and proxy rules as the count applies them."""
    return att.Rules(
        quorum=Fraction(body.quorum_numerator, body.quorum_denominator),
        counts_represented=bool(body.quorum_counts_represented),
        proxies_per_holder=body.proxies_per_holder,
        formula=body.quorum_formula,
        remote_allowed=bool(body.remote_allowed),
        counts_remote=bool(body.quorum_counts_remote),
    )


def quorum_waived(db: Database, meeting: meetings.Meeting, item_id: int | None = None) -> bool:
    """A meeting reconvened after a failed quorum deliberates without one where the body's rule
    says so (CGCT L. 2121-17, décret n° 2006-672 art. 11), on the items it takes up from the
    first meeting's agenda only: an item added since needs the quorum."""
    if not meeting.reconvenes_meeting_id:
        return False
    if not bodies.get_body(db, meeting.body_id).reconvene_without_quorum:
        return False
    if item_id is None:
        return True
    return bool(
        database.scalar(db, "SELECT taken_up_item_id FROM agenda_items WHERE id = ?", [item_id])
    )


def quorum(
    db: Database,
    meeting_id: int,
    moment: dt.time | None = None,
    item_id: int | None = None,
) -> att.Count:
    """The count at `moment` (None: everyone recorded present, as at the opening); for an item,
    the members who withdrew from it are left out."""
    meeting = meetings.get(db, meeting_id)
    expected = [a.expected for a in expected_attendees(db, meeting_id)]
    return att.count(
        expected,
        presences(db, meeting_id),
        rules_for(db, meeting.body_id),
        moment,
        withdrawn=withdrawn(db, item_id) if item_id is not None else (),
        waived=quorum_waived(db, meeting, item_id),
    )


def opening_count(
    meeting: meetings.Meeting,
    body: bodies.Body,
    attendees: Iterable[Attendee],
    recorded: Iterable[att.Presence],
) -> att.Count:
    """`quorum(db, meeting_id)` from what is already loaded: everyone recorded present, as at
    the opening, the meeting's own waiver (reconvened without quorum) applied."""
    return att.count(
        [a.expected for a in attendees],
        recorded,
        rules_of(body),
        waived=bool(meeting.reconvenes_meeting_id) and bool(body.reconvene_without_quorum),
    )


_COUNT_FIELDS = tuple(f.name for f in dataclasses.fields(att.Count))


def count_as_json(count: att.Count) -> str:
    """The count as the meeting's opening and its votes keep it: its fields (`dataclasses.asdict`
    without its deep copies: a count holds numbers, texts and their dicts and lists), the voters'
    mandates as text keys, the count and whether the quorum is reached."""
    data = {name: getattr(count, name) for name in _COUNT_FIELDS}
    data["voters"] = {str(k): v for k, v in count.voters.items()}
    data["cast_by"] = {str(k): v for k, v in count.cast_by.items()}
    data["counted"] = count.counted
    data["reached"] = count.reached
    return json.dumps(data, ensure_ascii=False)


# -- withdrawals (déport) ------------------------------------------------------------------------


def withdrawn(db: Database, item_id: int) -> set[int]:
    """The mandates withdrawn from an agenda item."""
    return set(
        database.column(db, "SELECT mandate_id FROM withdrawals WHERE item_id = ?", [item_id])
    )


def withdrawals_of_meeting(db: Database, meeting_id: int) -> dict[int, set[int]]:
    """Agenda item -> the mandates withdrawn from it."""
    out: dict[int, set[int]] = {}
    for item_id, mandate_id in db.execute(
        "SELECT item_id, mandate_id FROM withdrawals WHERE meeting_id = ? ORDER BY id",
        [meeting_id],
    ):
        out.setdefault(item_id, set()).add(mandate_id)
    return out


def withdraw(
    store: Store, item_id: int, mandate_id: int, reason: str = "", withdrawn_: bool = True
) -> None:
    """Record that a member withdraws from an item for a personal interest (déport, CGCT
    L. 2131-11, décret n° 2006-672 art. 13): for that item they are neither present nor voting
    and no proxy goes through them. `withdrawn_=False` takes the withdrawal back."""
    with store.write() as db:
        item = service.require(db, "agenda_items", item_id, _("Le point"))
        meeting = meetings.get(db, item["meeting_id"])
        meetings.ensure_open(meeting)
        expected = {a.mandate_id: a for a in expected_attendees(db, meeting.id)}
        person = expected.get(mandate_id)
        if person is None:
            raise UserError(_("Cette personne n'est pas attendue à cette séance."))
        recorded = database.scalar(
            db,
            "SELECT id FROM withdrawals WHERE item_id = ? AND mandate_id = ?",
            [item_id, mandate_id],
        )
        if not withdrawn_:
            if recorded is not None:
                service.delete(db, "withdrawals", "withdrawal", recorded)
            return
        if db.execute("SELECT 1 FROM votes WHERE item_id = ?", [item_id]).fetchone():
            raise UserError(
                _(
                    "Le vote sur ce point est déjà enregistré : le déport de {name} se note "
                    "avant le vote."
                ).format(name=person.name)
            )
        values = {"reason": validation.clean_text(reason)}
        if recorded is not None:
            service.update(db, "withdrawals", "withdrawal", recorded, values)
        else:
            service.insert(
                db,
                "withdrawals",
                "withdrawal",
                values | {"meeting_id": meeting.id, "item_id": item_id, "mandate_id": mandate_id},
            )


def record_opening(store: Store, meeting_id: int, opening: object) -> att.Count:
    """The quorum at the opening of the meeting, recorded with the meeting."""
    at = parse_time(opening, "opening_time")
    if at is None:
        raise UserError(_("Indiquez l'heure d'ouverture de la séance."), field="opening_time")
    with store.write() as db:
        meetings.ensure_open(meetings.get(db, meeting_id))
        result = quorum(db, meeting_id, at)
        service.update(
            db,
            "meetings",
            "meeting",
            meeting_id,
            {
                "opening_time": at.isoformat(timespec="minutes"),
                "opening_quorum": count_as_json(result),
            },
        )
        return result


def add_guest(store: Store, meeting_id: int, name: str, organisation: str = "") -> int:
    """An external guest: recorded apart, never counted."""
    with store.write() as db:
        meetings.ensure_open(meetings.get(db, meeting_id))
        return service.insert(
            db,
            "guests",
            "guest",
            {
                "meeting_id": meeting_id,
                "name": validation.required(name, "name", _("Nom de l'invité(e)")),
                "organisation": validation.clean_text(organisation),
            },
        )


def remove_guest(store: Store, guest_id: int) -> None:
    with store.write() as db:
        row = service.require(db, "guests", guest_id, _("L'invité(e)"))
        meetings.ensure_open(meetings.get(db, row["meeting_id"]))
        service.delete(db, "guests", "guest", guest_id)


def guests(db: Database, meeting_id: int) -> list[tuple[int, str, str]]:
    return [
        (guest_id, name, organisation)
        for guest_id, name, organisation in db.execute(
            "SELECT id, name, organisation FROM guests WHERE meeting_id = ? ORDER BY id",
            [meeting_id],
        )
    ]
