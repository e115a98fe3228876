"""Organisations (structures): the associations, cooperatives, mutuals… whose people sit on bodies."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Any, TypedDict, Unpack

from ess_desk import service
from ess_desk.errors import UserError
from ess_desk.i18n import _
from ess_desk.membership import validation
from ess_desk.membership.vocabulary import ORGANISATION_KINDS
from ess_desk.store import Store
from ess_desk.text import fold, name_key

if TYPE_CHECKING:
    from sqlite_utils import Database


@dataclass(frozen=True)
class Organisation:
    id: int
    name: str
    kind: str = "autre"
    siret: str | None = None
    address: str = ""
    postcode: str = ""
    city: str = ""
    website: str = ""
    email: str = ""
    phone: str = ""
    archived: int = 0

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Organisation:
        return cls(**{f.name: row[f.name] for f in fields(cls)})


class OrganisationFields(TypedDict, total=False):
    """What `create` and `update` take (as typed in a form; `clean` checks and converts)."""

    name: str
    kind: str
    siret: str | None
    address: str
    postcode: str
    city: str
    website: str
    email: str
    phone: str


EDITABLE = service.field_names(OrganisationFields)


def clean(values: Mapping[str, Any]) -> dict[str, Any]:
    """Validate an organisation's fields; raises UserError naming the first wrong field."""
    out: dict[str, Any] = {}
    out["name"] = validation.required(values.get("name"), "name", _("Nom"))
    kind = validation.clean_text(values.get("kind")) or "autre"
    if kind not in ORGANISATION_KINDS:
        raise UserError(
            _("Type de structure inconnu : « {value} ».").format(value=kind), field="kind"
        )
    out["kind"] = kind
    out["siret"] = validation.siret(values.get("siret"))
    for key in ("address", "postcode", "city", "website", "phone"):
        out[key] = validation.clean_text(values.get(key))
    out["email"] = validation.email(values.get("email"))
    return out


def same_name(db: Database, name: str, own_id: int | None = None) -> tuple[int, str] | None:
    """The organisation (id, name) that `name` designates already, other than `own_id`: names
    that differ only by case, accents, spaces or punctuation between words are one organisation
    (ess_desk.text.name_key), for this service as for the member import."""
    key = name_key(name)
    for other_id, other in db.execute(
        "SELECT id, name FROM organisations WHERE id IS NOT ? ORDER BY id", [own_id]
    ):
        if name_key(other) == key:
            return other_id, other
    return None


def _check_unique(db: Database, name: str, own_id: int | None) -> None:
    found = same_name(db, name, own_id)
    if found is None:
        return
    existing = found[1]
    if existing.casefold() == name.casefold():
        message = _("Une structure nommée « {name} » existe déjà.").format(name=existing)
    else:
        message = _(
            "La structure « {existing} » existe déjà : « {name} » n'en diffère que par les "
            "majuscules, les accents, les espaces ou la ponctuation, et désigne la même."
        ).format(existing=existing, name=name)
    raise UserError(message, field="name")


def create(store: Store, **values: Unpack[OrganisationFields]) -> int:
    service.check_fields(values, OrganisationFields, "create")
    data = clean(values)
    with store.write() as db:
        _check_unique(db, data["name"], None)
        return service.insert(db, "organisations", "organisation", data)


def update(store: Store, org_id: int, **values: Unpack[OrganisationFields]) -> None:
    service.check_fields(values, OrganisationFields, "update")
    with store.write() as db:
        current = service.require(db, "organisations", org_id, _("La structure"))
        data = clean({**{k: current[k] for k in EDITABLE}, **values})
        # A name kept as it was is not checked again: two organisations recorded before the rule
        # (« Ae » and « AÉ ») can still be edited; a new or changed name must be unique.
        if name_key(data["name"]) != name_key(current["name"]):
            _check_unique(db, data["name"], org_id)
        service.update(db, "organisations", "organisation", org_id, data)


def get(db: Database, org_id: int) -> Organisation:
    return Organisation.from_row(service.require(db, "organisations", org_id, _("La structure")))


def find_by_name(db: Database, name: str) -> int | None:
    """The organisation `name` designates (same rule as `same_name`), or None."""
    found = same_name(db, validation.clean_text(name))
    return found[0] if found else None


def list_all(db: Database, include_archived: bool = False) -> list[Organisation]:
    cursor = db.execute(
        "SELECT * FROM organisations WHERE archived = 0 OR ? ORDER BY name COLLATE NOCASE",
        [include_archived],
    )
    names = [c[0] for c in cursor.description]
    found = [Organisation.from_row(dict(zip(names, r, strict=True))) for r in cursor]
    # Accents and case ignored, as French readers expect (« Économie » among the E).
    return sorted(found, key=lambda o: (fold(o.name), o.id))
