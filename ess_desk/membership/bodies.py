"""Bodies (instances) with their rules, and their colleges with seats."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from ess_desk import service
from ess_desk.dates import display
from ess_desk.errors import UserError
from ess_desk.i18n import _, ngettext
from ess_desk.membership import rules, validation
from ess_desk.membership.vocabulary import (
    BODY_KINDS,
    HOLIDAY_CALENDARS,
    MAJORITY_RULES,
    SEAT_ROLES,
)
from ess_desk.store import Store

if TYPE_CHECKING:
    from sqlite_utils import Database


@dataclass(frozen=True)
class Body:
    id: int
    name: str
    kind: str
    parent_id: int | None = None
    quorum_numerator: int = 1
    quorum_denominator: int = 2
    quorum_counts_represented: int = 1
    proxies_per_holder: int = 1
    notice_clear_days: int = 5
    mandate_years: int = 3
    holiday_calendar: str = "FR"
    archived: int = 0
    majority_rule: str = "simple"
    chair_casting_vote: int = 0

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Body:
        return cls(**{f.name: row[f.name] for f in fields(cls)})

    @property
    def quorum_fraction(self) -> Fraction:
        return Fraction(self.quorum_numerator, self.quorum_denominator)


@dataclass(frozen=True)
class College:
    id: int
    body_id: int
    name: str
    seats: int | None = None
    voting: int = 1

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> College:
        return cls(**{f.name: row[f.name] for f in fields(cls)})


BODY_EDITABLE = (
    "name",
    "kind",
    "parent_id",
    "quorum_numerator",
    "quorum_denominator",
    "quorum_counts_represented",
    "proxies_per_holder",
    "notice_clear_days",
    "mandate_years",
    "holiday_calendar",
    "majority_rule",
    "chair_casting_vote",
)


def _int(values: dict[str, Any], key: str, label: str, minimum: int, default: int) -> int:
    raw = values.get(key, default)
    if raw is None or raw == "":
        raw = default
    try:
        number = int(raw)
    except (TypeError, ValueError) as exc:
        raise UserError(
            _("« {label} » doit être un nombre entier.").format(label=label), field=key
        ) from exc
    if number < minimum:
        raise UserError(
            _("« {label} » doit être au moins {minimum}.").format(label=label, minimum=minimum),
            field=key,
        )
    return number


def clean_body(db: Database, values: dict[str, Any], own_id: int | None) -> dict[str, Any]:
    out: dict[str, Any] = {"name": validation.required(values.get("name"), "name", _("Nom"))}
    kind = validation.clean_text(values.get("kind")) or "commission"
    if kind not in BODY_KINDS:
        raise UserError(
            _("Type d'instance inconnu : « {value} ».").format(value=kind), field="kind"
        )
    out["kind"] = kind
    parent = values.get("parent_id") or None
    if parent is not None:
        parent = int(parent)
        service.require(db, "bodies", parent, _("L'instance parente"))
        ancestor: int | None = parent
        while ancestor is not None:
            if ancestor == own_id:
                raise UserError(
                    _("Une instance ne peut pas dépendre d'elle-même."), field="parent_id"
                )
            row = db.execute("SELECT parent_id FROM bodies WHERE id = ?", [ancestor]).fetchone()
            ancestor = row[0] if row else None
    out["parent_id"] = parent
    out["quorum_numerator"] = _int(values, "quorum_numerator", _("Quorum (numérateur)"), 0, 1)
    out["quorum_denominator"] = _int(values, "quorum_denominator", _("Quorum (dénominateur)"), 1, 2)
    if out["quorum_numerator"] > out["quorum_denominator"]:
        raise UserError(
            _("Le quorum ne peut pas dépasser la totalité des membres."), field="quorum_numerator"
        )
    out["quorum_counts_represented"] = 1 if values.get("quorum_counts_represented", 1) else 0
    out["proxies_per_holder"] = _int(
        values, "proxies_per_holder", _("Pouvoirs par mandataire"), 0, 1
    )
    out["notice_clear_days"] = _int(values, "notice_clear_days", _("Délai de convocation"), 0, 5)
    out["mandate_years"] = _int(values, "mandate_years", _("Durée du mandat"), 1, 3)
    calendar = validation.clean_text(values.get("holiday_calendar")) or "FR"
    if calendar not in HOLIDAY_CALENDARS:
        raise UserError(
            _("Calendrier de jours fériés inconnu : « {value} ».").format(value=calendar),
            field="holiday_calendar",
        )
    out["holiday_calendar"] = calendar
    majority = validation.clean_text(values.get("majority_rule")) or "simple"
    if majority not in MAJORITY_RULES:
        raise UserError(
            _("Règle de majorité inconnue : « {value} ».").format(value=majority),
            field="majority_rule",
        )
    out["majority_rule"] = majority
    out["chair_casting_vote"] = 1 if values.get("chair_casting_vote") else 0
    row = db.execute(
        "SELECT id FROM bodies WHERE name = ? COLLATE NOCASE AND id IS NOT ?", [out["name"], own_id]
    ).fetchone()
    if row:
        raise UserError(
            _("Une instance nommée « {name} » existe déjà.").format(name=out["name"]), field="name"
        )
    return out


def create_body(store: Store, **values: Any) -> int:
    with store.write() as db:
        return service.insert(db, "bodies", "body", clean_body(db, values, None))


def update_body(store: Store, body_id: int, **values: Any) -> None:
    with store.write() as db:
        current = service.require(db, "bodies", body_id, _("L'instance"))
        data = clean_body(db, {**{k: current[k] for k in BODY_EDITABLE}, **values}, body_id)
        service.update(db, "bodies", "body", body_id, data)


def get_body(db: Database, body_id: int) -> Body:
    return Body.from_row(service.require(db, "bodies", body_id, _("L'instance")))


def _rows(db: Database, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    cursor = db.execute(sql, params)
    names = [c[0] for c in cursor.description]
    return [dict(zip(names, r, strict=True)) for r in cursor]


def list_bodies(db: Database, include_archived: bool = False) -> list[Body]:
    order = (
        "CASE kind WHEN 'plenary' THEN 0 WHEN 'bureau' THEN 1 WHEN 'commission' THEN 2 ELSE 3 END"
    )
    rows = _rows(
        db,
        f"SELECT * FROM bodies WHERE archived = 0 OR ? ORDER BY {order}, name COLLATE NOCASE",
        [include_archived],
    )
    return [Body.from_row(r) for r in rows]


def find_body(db: Database, name: str) -> int | None:
    row = db.execute(
        "SELECT id FROM bodies WHERE name = ? COLLATE NOCASE", [validation.clean_text(name)]
    ).fetchone()
    return row[0] if row else None


def plenary_body(db: Database) -> int | None:
    row = db.execute("SELECT id FROM bodies WHERE kind = 'plenary' ORDER BY id LIMIT 1").fetchone()
    return row[0] if row else None


# Colleges -----------------------------------------------------------------------------------


def _seats(value: Any) -> int | None:
    if value is None or value == "":
        return None
    try:
        seats = int(value)
    except (TypeError, ValueError) as exc:
        raise UserError(
            _("Le nombre de sièges doit être un nombre entier."), field="seats"
        ) from exc
    if seats < 0:
        raise UserError(_("Le nombre de sièges ne peut pas être négatif."), field="seats")
    return seats


def seat_periods(
    db: Database, college_id: int, exclude_mandate: int | None = None
) -> list[rules.Period]:
    placeholders = ", ".join("?" for _r in SEAT_ROLES)
    rows = db.execute(
        f"SELECT start_date, end_date FROM mandates WHERE college_id = ? AND id IS NOT ? "
        f"AND role IN ({placeholders})",
        [college_id, exclude_mandate, *sorted(SEAT_ROLES)],
    ).fetchall()
    return [(dt.date.fromisoformat(s), dt.date.fromisoformat(e) if e else None) for s, e in rows]


def clean_college(
    db: Database, body_id: int, values: dict[str, Any], own_id: int | None
) -> dict[str, Any]:
    service.require(db, "bodies", body_id, _("L'instance"))
    name = validation.required(values.get("name"), "name", _("Nom du collège"))
    row = db.execute(
        "SELECT id FROM colleges WHERE body_id = ? AND name = ? COLLATE NOCASE AND id IS NOT ?",
        [body_id, name, own_id],
    ).fetchone()
    if row:
        raise UserError(
            _("Cette instance a déjà un collège « {name} ».").format(name=name), field="name"
        )
    return {
        "body_id": body_id,
        "name": name,
        "seats": _seats(values.get("seats")),
        "voting": 1 if values.get("voting", 1) else 0,
    }


def create_college(store: Store, body_id: int, **values: Any) -> int:
    with store.write() as db:
        return service.insert(db, "colleges", "college", clean_college(db, body_id, values, None))


def update_college(store: Store, college_id: int, **values: Any) -> None:
    with store.write() as db:
        current = service.require(db, "colleges", college_id, _("Le collège"))
        merged = {k: current[k] for k in ("name", "seats", "voting")} | values
        data = clean_college(db, current["body_id"], merged, college_id)
        if data["seats"] is not None:
            held = rules.max_holders(seat_periods(db, college_id))
            if held > data["seats"]:
                raise UserError(
                    _(
                        "Le collège « {name} » compte déjà {held} titulaires en même temps : "
                        "il ne peut pas passer à {seats} sièges."
                    ).format(name=data["name"], held=held, seats=data["seats"]),
                    field="seats",
                )
        service.update(db, "colleges", "college", college_id, data)


def list_colleges(db: Database, body_id: int) -> list[College]:
    rows = _rows(db, "SELECT * FROM colleges WHERE body_id = ? ORDER BY id", [body_id])
    return [College.from_row(r) for r in rows]


def get_college(db: Database, college_id: int) -> College:
    return College.from_row(service.require(db, "colleges", college_id, _("Le collège")))


def find_college(db: Database, body_id: int, name: str) -> int | None:
    row = db.execute(
        "SELECT id FROM colleges WHERE body_id = ? AND name = ? COLLATE NOCASE",
        [body_id, validation.clean_text(name)],
    ).fetchone()
    return row[0] if row else None


def overflow_message(college_name: str, seats: int, overflow: rules.Overflow) -> str:
    if overflow.end is None:
        return ngettext(
            "Le collège « {college} » compte {seats} siège : ce mandat porterait le nombre de "
            "titulaires à {holders} à partir du {start}.",
            "Le collège « {college} » compte {seats} sièges : ce mandat porterait le nombre de "
            "titulaires à {holders} à partir du {start}.",
            seats,
        ).format(
            college=college_name,
            seats=seats,
            holders=overflow.holders,
            start=display(overflow.start),
        )
    return ngettext(
        "Le collège « {college} » compte {seats} siège : ce mandat porterait le nombre de "
        "titulaires à {holders} du {start} au {end}.",
        "Le collège « {college} » compte {seats} sièges : ce mandat porterait le nombre de "
        "titulaires à {holders} du {start} au {end}.",
        seats,
    ).format(
        college=college_name,
        seats=seats,
        holders=overflow.holders,
        start=display(overflow.start),
        end=display(overflow.end),
    )
