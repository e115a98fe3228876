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
from ess_desk.membership import bodies, checker, rules
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
    """Validate a mandate against every rule; raises UserError naming the field at fault.
    The rules between mandates are those of `checker` (the import's too)."""
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
    college = _college(db, values.get("college_id") or None, body)
    ledger = _ledger(db, person["id"], body.id, own_id)
    holder_name = ""
    if substitute_for is not None:
        substitute_for = int(substitute_for)
        holder_name = _holder(db, ledger, substitute_for, role, body, own_id)
    if college is not None and role in SEAT_ROLES:
        ledger.seats[college.id] = bodies.seat_periods(db, college.id, exclude_mandate=own_id)
    verdict = ledger.problems(
        checker.Candidate(
            person=person["id"],
            person_name=f"{person['first_name']} {person['last_name']}",
            body=body.id,
            body_name=body.name,
            role=role,
            period=(start, end),
            college=college.id if college is not None else None,
            college_name=college.name if college is not None else "",
            seats=college.seats if college is not None else None,
            body_has_colleges=_has_colleges(db, body.id),
            holder=substitute_for,
            holder_name=holder_name,
        )
    )
    if not verdict.accepted:
        raise UserError(verdict.problems[0].message, field=verdict.problems[0].field)
    return {
        "person_id": person["id"],
        "body_id": body.id,
        "college_id": verdict.college,
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


def _college(db: Database, college_id: Any, body: bodies.Body) -> bodies.College | None:
    """The college given, which must be one of the body's."""
    if college_id is None:
        return None
    college = bodies.get_college(db, int(college_id))
    if college.body_id != body.id:
        raise UserError(
            _("Le collège « {college} » n'appartient pas à l'instance « {body} ».").format(
                college=college.name, body=body.name
            ),
            field="college_id",
        )
    return college


def _has_colleges(db: Database, body_id: int) -> bool:
    found = db.execute("SELECT 1 FROM colleges WHERE body_id = ? LIMIT 1", [body_id]).fetchone()
    return found is not None


def _ledger(db: Database, person_id: int, body_id: int, own_id: int | None) -> checker.Ledger:
    """The person's other mandates in the body, for the checker."""
    ledger = checker.Ledger()
    for other in db.execute(
        "SELECT start_date, end_date FROM mandates WHERE person_id = ? AND body_id = ? "
        "AND id IS NOT ?",
        [person_id, body_id, own_id],
    ).fetchall():
        ledger.periods.setdefault((body_id, person_id), []).append((_period(other), None))
    return ledger


def _holder(
    db: Database,
    ledger: checker.Ledger,
    substitute_for: int,
    role: str,
    body: bodies.Body,
    own_id: int | None,
) -> str:
    """The seat mandate a substitute stands in for, put in the ledger with its other
    substitutes; returns its holder's name. Only a substitute has one, and it must be a seat of
    the same body."""
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
    college_id = paired["college_id"]
    ledger.holders[substitute_for] = checker.Holder(
        person=paired["person_id"],
        college=college_id,
        college_name=bodies.get_college(db, college_id).name if college_id is not None else "",
        period=_period((paired["start_date"], paired["end_date"])),
    )
    ledger.substitutes[substitute_for] = [
        _period(o)
        for o in db.execute(
            "SELECT start_date, end_date FROM mandates WHERE substitute_for_id = ? AND id IS NOT ?",
            [substitute_for, own_id],
        ).fetchall()
    ]
    holder = service.require(db, "people", paired["person_id"], _("La personne"))
    return f"{holder['first_name']} {holder['last_name']}"


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
