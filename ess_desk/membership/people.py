"""People: the members, substitutes, guests and staff of the council, with their consents."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, NamedTuple, TypedDict, Unpack

from ess_desk import service
from ess_desk.errors import UserError
from ess_desk.i18n import _, pgettext
from ess_desk.membership import validation
from ess_desk.membership.vocabulary import CIVILITIES
from ess_desk.store import Store, database
from ess_desk.text import fold

if TYPE_CHECKING:
    from sqlite_utils import Database


class Person(NamedTuple):
    id: int
    first_name: str
    last_name: str
    civility: str = ""
    email: str = ""
    phone: str = ""
    organisation_id: int | None = None
    position: str = ""
    consent_publish: int = 0
    consent_contact: int = 0
    notes: str = ""
    archived: int = 0
    address: str = ""
    postcode: str = ""
    city: str = ""

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Person:
        return cls(**{name: row[name] for name in cls._fields})

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


class PersonFields(TypedDict, total=False):
    """What `create` and `update` take (as typed in a form; `clean` checks and converts)."""

    civility: str
    first_name: str
    last_name: str
    email: str
    phone: str
    organisation_id: int | str | None
    position: str
    consent_publish: bool | int
    consent_contact: bool | int
    notes: str
    address: str
    postcode: str
    city: str


EDITABLE = service.field_names(PersonFields)

_CIVILITY_ALIASES = {
    "madame": "Mme",
    "mme": "Mme",
    "mme.": "Mme",
    "mrs": "Mme",
    "ms": "Mme",
    "monsieur": "M.",
    "m": "M.",
    "m.": "M.",
    "mr": "M.",
    "mr.": "M.",
    "mx": "Mx",
}


def normalise_civility(value: object) -> str:
    text = validation.clean_text(value)
    if not text:
        return ""
    found = _CIVILITY_ALIASES.get(text.lower())
    if found is None or found not in CIVILITIES:
        raise UserError(
            _("Civilité inconnue : « {value} » (Mme, M. ou Mx).").format(value=text),
            field="civility",
        )
    return found


def clean(db: Database, values: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {
        "civility": normalise_civility(values.get("civility")),
        "first_name": validation.required(values.get("first_name"), "first_name", _("Prénom")),
        "last_name": validation.required(
            values.get("last_name"), "last_name", pgettext("last name", "Nom")
        ),
        "email": validation.email(values.get("email")),
        "phone": validation.clean_text(values.get("phone")),
        "position": validation.clean_text(values.get("position")),
        "consent_publish": 1 if values.get("consent_publish") else 0,
        "consent_contact": 1 if values.get("consent_contact") else 0,
        "notes": str(values.get("notes") or "").strip(),
        # The postal address, for letters sent by post (street lines, then postcode and city).
        "address": validation.address_lines(values.get("address")),
        "postcode": validation.postcode(values.get("postcode")),
        "city": validation.clean_text(values.get("city")),
    }
    org_id = values.get("organisation_id")
    if org_id in ("", 0):
        org_id = None
    if org_id is not None:
        service.require(db, "organisations", int(org_id), _("La structure"))
        org_id = int(org_id)
    out["organisation_id"] = org_id
    return out


def create(store: Store, **values: Unpack[PersonFields]) -> int:
    service.check_fields(values, PersonFields, "create")
    with store.write() as db:
        return service.insert(db, "people", "person", clean(db, values))


def update(store: Store, person_id: int, **values: Unpack[PersonFields]) -> None:
    service.check_fields(values, PersonFields, "update")
    with store.write() as db:
        current = service.require(db, "people", person_id, _("La personne"))
        data = clean(db, {**{k: current[k] for k in EDITABLE}, **values})
        service.update(db, "people", "person", person_id, data)


def has_history(db: Database, person_id: int) -> bool:
    return (
        db.execute("SELECT 1 FROM mandates WHERE person_id = ? LIMIT 1", [person_id]).fetchone()
        is not None
    )


def archive(store: Store, person_id: int, archived: bool = True) -> None:
    with store.write() as db:
        service.require(db, "people", person_id, _("La personne"))
        service.update(db, "people", "person", person_id, {"archived": 1 if archived else 0})


def delete(store: Store, person_id: int) -> None:
    """Only someone with no history may be deleted; the others are archived."""
    with store.write() as db:
        service.require(db, "people", person_id, _("La personne"))
        if has_history(db, person_id):
            raise UserError(
                _("Cette personne a exercé des mandats : archivez-la plutôt que de la supprimer.")
            )
        service.delete(db, "people", "person", person_id)


def get(db: Database, person_id: int) -> Person:
    return Person.from_row(service.require(db, "people", person_id, _("La personne")))


def find(db: Database, first_name: str, last_name: str, email: str = "") -> int | None:
    """The person an import row names: same e-mail, else same first and last name."""
    if email:
        found = database.scalar(
            db, "SELECT id FROM people WHERE email = ? COLLATE NOCASE AND email != ''", [email]
        )
        if found is not None:
            return int(found)
    found = database.scalar(
        db,
        "SELECT id FROM people WHERE first_name = ? COLLATE NOCASE AND last_name = ? COLLATE NOCASE",
        [validation.clean_text(first_name), validation.clean_text(last_name)],
    )
    return None if found is None else int(found)


def choices(
    db: Database, keep: int | None = None, *, with_organisation: bool = True
) -> list[tuple[int, str]]:
    """People to pick from in a form, « NOM Prénom — Structure », by name: those not archived,
    plus `keep` (the one a record already names, even if archived since)."""
    rows = database.rows(
        db,
        """
        SELECT p.id, p.last_name, p.first_name, COALESCE(o.name, '') AS organisation
        FROM people p LEFT JOIN organisations o ON o.id = p.organisation_id
        WHERE p.archived = 0 OR p.id IS ?
        """,
        [keep],
    )
    # In the order French readers expect: accents and case ignored (GÉRARD before GUÉRIN),
    # which SQLite's NOCASE does not do.
    rows.sort(key=lambda r: (fold(r["last_name"]), fold(r["first_name"]), r["id"]))
    out = []
    for r in rows:
        text = f"{r['last_name'].upper()} {r['first_name']}".strip()
        org = r["organisation"]
        out.append((r["id"], f"{text} — {org}" if org and with_organisation else text))
    return out
