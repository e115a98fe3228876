"""Bodies (instances) with their rules, and their colleges with seats."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, NamedTuple, TypedDict, Unpack

from ess_desk import service
from ess_desk.dates import display
from ess_desk.errors import UserError
from ess_desk.i18n import _, ngettext
from ess_desk.membership import rules, rulesets, validation
from ess_desk.membership.vocabulary import (
    BODY_KINDS,
    HOLIDAY_CALENDARS,
    MAJORITY_RULES,
    QUORUM_FORMULAS,
    SEAT_ROLES,
)
from ess_desk.store import Store, database

if TYPE_CHECKING:
    from fractions import Fraction

    from sqlite_utils import Database


class Body(NamedTuple):
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
    quorum_formula: str = "at_least"
    quorum_counts_remote: int = 1
    remote_allowed: int = 0
    reconvene_notice_days: int = 3
    reconvene_without_quorum: int = 1
    minutes_publish_days: int = 7
    rule_set: str = ""

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Body:
        return cls(**{name: row[name] for name in cls._fields if name in row})

    @property
    def quorum_fraction(self) -> Fraction:
        from fractions import Fraction  # not on the member import's path

        return Fraction(self.quorum_numerator, self.quorum_denominator)

    def quorum_rule(self, in_office: int | None = None) -> str:
        """The quorum rule in words: « plus de la moitié des 8 membres en exercice »."""
        half = (self.quorum_numerator, self.quorum_denominator) == (1, 2)
        fraction = f"{self.quorum_numerator}/{self.quorum_denominator}"
        if self.quorum_formula == "more_than":
            rule = _("plus de la moitié") if half else _("plus de {f}").format(f=fraction)
        else:
            rule = _("la moitié au moins") if half else _("au moins {f}").format(f=fraction)
        if in_office is None:
            return _("{rule} des membres en exercice").format(rule=rule)
        return _("{rule} des {n} membres en exercice").format(rule=rule, n=in_office)

    def source(self, rule: str) -> str:
        """The text this body's `rule` follows (« CGCT, art. L. 2121-17 »…)."""
        return rulesets.source(self.rule_set, rule)


class College(NamedTuple):
    id: int
    body_id: int
    name: str
    seats: int | None = None
    voting: int = 1

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> College:
        return cls(**{name: row[name] for name in cls._fields})


class BodyFields(TypedDict, total=False):
    """What `create_body` and `update_body` take (as typed in a form; `clean_body` checks and
    converts them)."""

    name: str
    kind: str
    parent_id: int | str | None
    quorum_numerator: int | str | None
    quorum_denominator: int | str | None
    quorum_counts_represented: bool | int
    proxies_per_holder: int | str | None
    notice_clear_days: int | str | None
    mandate_years: int | str | None
    holiday_calendar: str
    majority_rule: str
    chair_casting_vote: bool | int
    quorum_formula: str
    quorum_counts_remote: bool | int
    remote_allowed: bool | int
    reconvene_notice_days: int | str | None
    reconvene_without_quorum: bool | int
    minutes_publish_days: int | str | None
    rule_set: str | None


class CollegeFields(TypedDict, total=False):
    """What `create_college` and `update_college` take."""

    name: str
    seats: int | str | None
    voting: bool | int


BODY_EDITABLE = service.field_names(BodyFields)


def with_rule_set(values: dict[str, Any]) -> dict[str, Any]:
    """`values` with the ready-made set named by `rule_set` filled in under the values given:
    the set is a starting point, every value given beside it wins."""
    code = validation.clean_text(values.get("rule_set"))
    if not code:
        return values
    found = rulesets.RULE_SETS.get(code)
    if found is None:
        raise UserError(
            _("Jeu de règles inconnu : « {value} » ({known}).").format(
                value=code, known=", ".join(rulesets.RULE_SETS)
            ),
            field="rule_set",
        )
    given = {k: v for k, v in values.items() if v is not None}
    return {**found.values, **given}


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
            ancestor = database.scalar(db, "SELECT parent_id FROM bodies WHERE id = ?", [ancestor])
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
    out.update(_clean_law_rules(values, out))
    row = db.execute(
        "SELECT id FROM bodies WHERE name = ? COLLATE NOCASE AND id IS NOT ?", [out["name"], own_id]
    ).fetchone()
    if row:
        raise UserError(
            _("Une instance nommée « {name} » existe déjà.").format(name=out["name"]), field="name"
        )
    return out


def _clean_law_rules(values: dict[str, Any], out: dict[str, Any]) -> dict[str, Any]:
    """The rules of the second round: quorum formula and who counts, remote participation,
    reconvening after a failed quorum, minutes' signature and publication, the rule set."""
    rules: dict[str, Any] = {}
    formula = validation.clean_text(values.get("quorum_formula")) or "at_least"
    if formula not in QUORUM_FORMULAS:
        raise UserError(
            _("Formule de quorum inconnue : « {value} » (at_least ou more_than).").format(
                value=formula
            ),
            field="quorum_formula",
        )
    if formula == "more_than" and out["quorum_numerator"] >= out["quorum_denominator"]:
        raise UserError(
            _(
                "« Plus de » la totalité des membres n'est jamais atteint : choisissez « au moins »."
            ),
            field="quorum_formula",
        )
    rules["quorum_formula"] = formula
    for flag, default in (
        ("quorum_counts_remote", 1),
        ("remote_allowed", 0),
        ("reconvene_without_quorum", 1),
    ):
        rules[flag] = 1 if values.get(flag, default) else 0
    rules["reconvene_notice_days"] = _int(
        values, "reconvene_notice_days", _("Délai de la nouvelle convocation"), 0, 3
    )
    rules["minutes_publish_days"] = _int(
        values, "minutes_publish_days", _("Délai de signature et de publication du PV"), 0, 7
    )
    code = validation.clean_text(values.get("rule_set"))
    if code and code not in rulesets.RULE_SETS:
        raise UserError(
            _("Jeu de règles inconnu : « {value} » ({known}).").format(
                value=code, known=", ".join(rulesets.RULE_SETS)
            ),
            field="rule_set",
        )
    rules["rule_set"] = code
    return rules


def create_body(store: Store, **values: Unpack[BodyFields]) -> int:
    service.check_fields(values, BodyFields, "create_body")
    with store.write() as db:
        data = clean_body(db, with_rule_set(dict(values)), None)
        return service.insert(db, "bodies", "body", data)


def update_body(store: Store, body_id: int, **values: Unpack[BodyFields]) -> None:
    """Change a body; `rule_set` given with no other rule resets the rules to that set."""
    service.check_fields(values, BodyFields, "update_body")
    with store.write() as db:
        current = service.require(db, "bodies", body_id, _("L'instance"))
        merged = {**{k: current[k] for k in BODY_EDITABLE if k in current}}
        if values.get("rule_set") and values.get("rule_set") != current.get("rule_set"):
            merged = {k: v for k, v in merged.items() if k not in rulesets.RULE_FIELDS}
        data = clean_body(db, with_rule_set({**merged, **values}), body_id)
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
    found = database.scalar(
        db, "SELECT id FROM bodies WHERE name = ? COLLATE NOCASE", [validation.clean_text(name)]
    )
    return None if found is None else int(found)


def plenary_body(db: Database) -> int | None:
    found = database.scalar(db, "SELECT id FROM bodies WHERE kind = 'plenary' ORDER BY id LIMIT 1")
    return None if found is None else int(found)


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


def create_college(store: Store, body_id: int, **values: Unpack[CollegeFields]) -> int:
    service.check_fields(values, CollegeFields, "create_college")
    with store.write() as db:
        data = clean_college(db, body_id, dict(values), None)
        return service.insert(db, "colleges", "college", data)


def update_college(store: Store, college_id: int, **values: Unpack[CollegeFields]) -> None:
    service.check_fields(values, CollegeFields, "update_college")
    with store.write() as db:
        current = service.require(db, "colleges", college_id, _("Le collège"))
        merged = {k: current[k] for k in ("name", "seats", "voting")} | values
        data = clean_college(db, current["body_id"], merged, college_id)
        if data["seats"] is not None:
            held = rules.max_holders(seat_periods(db, college_id))
            if held > data["seats"]:
                raise UserError(
                    ngettext(
                        "Le collège « {name} » compte déjà {held} titulaires en même temps : "
                        "il ne peut pas passer à {seats} siège.",
                        "Le collège « {name} » compte déjà {held} titulaires en même temps : "
                        "il ne peut pas passer à {seats} sièges.",
                        data["seats"],
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
    found = database.scalar(
        db,
        "SELECT id FROM colleges WHERE body_id = ? AND name = ? COLLATE NOCASE",
        [body_id, validation.clean_text(name)],
    )
    return None if found is None else int(found)


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
