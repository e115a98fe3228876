"""Mandates: a person on a body, in a college, with a role, between two dates, and their rules."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Any, TypedDict, Unpack

from ess_desk import service
from ess_desk.dates import add_years, display, iso, parse_date
from ess_desk.errors import UserError
from ess_desk.i18n import _
from ess_desk.membership import bodies, rules
from ess_desk.membership.vocabulary import ROLES, SEAT_ROLES
from ess_desk.store import Store

if TYPE_CHECKING:
    from sqlite_utils import Database


@dataclass(frozen=True)
class Mandate:
    id: int
    person_id: int
    body_id: int
    college_id: int | None
    role: str
    start_date: str
    end_date: str | None = None
    substitute_for_id: int | None = None
    notes: str = ""

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Mandate:
        return cls(**{f.name: row[f.name] for f in fields(cls)})

    @property
    def period(self) -> rules.Period:
        return (
            dt.date.fromisoformat(self.start_date),
            dt.date.fromisoformat(self.end_date) if self.end_date else None,
        )


class MandateFields(TypedDict, total=False):
    """What `create` and `update` take (as typed in a form; `clean` checks and converts)."""

    person_id: int | None
    body_id: int | None
    college_id: int | None
    role: str
    start_date: str | dt.date | None
    end_date: str | dt.date | None
    substitute_for_id: int | None
    notes: str


EDITABLE = service.field_names(MandateFields)


def _period(row: tuple[str, str | None]) -> rules.Period:
    return (dt.date.fromisoformat(row[0]), dt.date.fromisoformat(row[1]) if row[1] else None)


def clean(db: Database, values: Mapping[str, Any], own_id: int | None) -> dict[str, Any]:
    """Validate a mandate against every rule; raises UserError naming the field at fault."""
    person_id = values.get("person_id")
    if not person_id:
        raise UserError(_("Choisissez la personne qui exerce ce mandat."), field="person_id")
    person = service.require(db, "people", int(person_id), _("La personne"))
    body_id = values.get("body_id")
    if not body_id:
        raise UserError(_("Choisissez l'instance de ce mandat."), field="body_id")
    body = bodies.get_body(db, int(body_id))
    role = values.get("role") or "member"
    if role not in ROLES:
        raise UserError(_("Rôle inconnu : « {value} ».").format(value=role), field="role")
    start, end = _dates(values)
    substitute_for = values.get("substitute_for_id") or None
    college_id = values.get("college_id") or None
    if substitute_for is not None:
        substitute_for, college_id = _pairing(
            db, int(substitute_for), college_id, role, body, person["id"], (start, end), own_id
        )
    college = _college(db, college_id, body, role)
    _check_no_overlap(db, person, body, (start, end), own_id)
    if college is not None and role in SEAT_ROLES and college.seats is not None:
        overflow = rules.seat_overflow(
            bodies.seat_periods(db, college.id, exclude_mandate=own_id), (start, end), college.seats
        )
        if overflow is not None:
            raise UserError(
                bodies.overflow_message(college.name, college.seats, overflow), field="college_id"
            )
    return {
        "person_id": person["id"],
        "body_id": body.id,
        "college_id": college.id if college is not None else None,
        "role": role,
        "start_date": iso(start),
        "end_date": iso(end),
        "substitute_for_id": substitute_for,
        "notes": str(values.get("notes") or "").strip(),
    }


def _dates(values: Mapping[str, Any]) -> rules.Period:
    start = parse_date(values.get("start_date"), field="start_date")
    if start is None:
        raise UserError(_("La date de début du mandat est obligatoire."), field="start_date")
    end = parse_date(values.get("end_date"), field="end_date")
    if end is not None and end < start:
        raise UserError(
            _("La fin du mandat ({end}) précède son début ({start}).").format(
                end=display(end), start=display(start)
            ),
            field="end_date",
        )
    return start, end


def _pairing(
    db: Database,
    substitute_for: int,
    college_id: Any,
    role: str,
    body: bodies.Body,
    person_id: int,
    period: rules.Period,
    own_id: int | None,
) -> tuple[int, Any]:
    """A substitute's holder checked (a seat holder of the same body, another person, without
    another substitute over the period); returns it with the college the substitute sits in."""
    if role != "substitute":
        raise UserError(
            _("Seul un(e) suppléant(e) peut être rattaché(e) à un titulaire."),
            field="substitute_for_id",
        )
    paired = service.require(db, "mandates", substitute_for, _("Le mandat du titulaire"))
    if paired["body_id"] != body.id or paired["role"] not in SEAT_ROLES:
        raise UserError(
            _("Le titulaire remplacé doit siéger comme titulaire dans la même instance."),
            field="substitute_for_id",
        )
    if paired["person_id"] == person_id:
        raise UserError(
            _("Une personne ne peut pas être sa propre suppléante."), field="substitute_for_id"
        )
    if college_id is None:
        college_id = paired["college_id"]
    elif paired["college_id"] is not None and int(college_id) != paired["college_id"]:
        raise UserError(
            _("Le suppléant siège dans le collège du titulaire qu'il remplace."),
            field="college_id",
        )
    others = db.execute(
        "SELECT start_date, end_date FROM mandates WHERE substitute_for_id = ? AND id IS NOT ?",
        [substitute_for, own_id],
    ).fetchall()
    if any(rules.overlaps(_period(o), period) for o in others):
        raise UserError(
            _("Ce titulaire a déjà un(e) suppléant(e) sur cette période."),
            field="substitute_for_id",
        )
    return substitute_for, college_id


def _college(db: Database, college_id: Any, body: bodies.Body, role: str) -> bodies.College | None:
    """The mandate's college, of its body; required for a seat or a substitute when the body
    has colleges."""
    if college_id is not None:
        college = bodies.get_college(db, int(college_id))
        if college.body_id != body.id:
            raise UserError(
                _("Le collège « {college} » n'appartient pas à l'instance « {body} ».").format(
                    college=college.name, body=body.name
                ),
                field="college_id",
            )
        return college
    if role in SEAT_ROLES or role == "substitute":
        has_colleges = db.execute(
            "SELECT 1 FROM colleges WHERE body_id = ? LIMIT 1", [body.id]
        ).fetchone()
        if has_colleges:
            raise UserError(_("Choisissez le collège de ce mandat."), field="college_id")
    return None


def _check_no_overlap(
    db: Database,
    person: Mapping[str, Any],
    body: bodies.Body,
    period: rules.Period,
    own_id: int | None,
) -> None:
    """One person holds one mandate at a time in a body."""
    clash = db.execute(
        "SELECT start_date, end_date FROM mandates WHERE person_id = ? AND body_id = ? AND id IS NOT ?",
        [person["id"], body.id, own_id],
    ).fetchall()
    for other in clash:
        other_period = _period(other)
        if rules.overlaps(other_period, period):
            raise UserError(
                _(
                    "{name} a déjà un mandat dans « {body} » qui chevauche cette période "
                    "({start} – {end})."
                ).format(
                    name=f"{person['first_name']} {person['last_name']}",
                    body=body.name,
                    start=display(other_period[0]),
                    end=display(other_period[1]) if other_period[1] else _("sans fin"),
                ),
                field="start_date",
            )


def default_end(db: Database, body_id: int, start: dt.date) -> dt.date:
    """The end a new mandate gets from its body's default mandate length."""
    return add_years(start, bodies.get_body(db, body_id).mandate_years)


def add(db: Database, values: Mapping[str, Any]) -> int:
    """Validate and insert inside the caller's transaction (used by imports)."""
    return service.insert(db, "mandates", "mandate", clean(db, values, None))


def create(store: Store, **values: Unpack[MandateFields]) -> int:
    service.check_fields(values, MandateFields, "create")
    with store.write() as db:
        return add(db, values)


def update(store: Store, mandate_id: int, **values: Unpack[MandateFields]) -> None:
    service.check_fields(values, MandateFields, "update")
    with store.write() as db:
        current = service.require(db, "mandates", mandate_id, _("Le mandat"))
        data = clean(db, {**{k: current[k] for k in EDITABLE}, **values}, mandate_id)
        service.update(db, "mandates", "mandate", mandate_id, data)


def end(store: Store, mandate_id: int, end_date: dt.date | str) -> None:
    update(store, mandate_id, end_date=end_date)


def delete(store: Store, mandate_id: int) -> None:
    with store.write() as db:
        service.require(db, "mandates", mandate_id, _("Le mandat"))
        if db.execute(
            "SELECT 1 FROM mandates WHERE substitute_for_id = ? LIMIT 1", [mandate_id]
        ).fetchone():
            raise UserError(_("Ce mandat a un(e) suppléant(e) rattaché(e) : détachez-le d'abord."))
        service.delete(db, "mandates", "mandate", mandate_id)


def get(db: Database, mandate_id: int) -> Mandate:
    return Mandate.from_row(service.require(db, "mandates", mandate_id, _("Le mandat")))
