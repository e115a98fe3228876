"""Organisations (structures): the associations, cooperatives, mutuals… whose people sit on bodies."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Any

from ess_desk import service
from ess_desk.errors import UserError
from ess_desk.i18n import _
from ess_desk.membership import validation
from ess_desk.membership.vocabulary import ORGANISATION_KINDS
from ess_desk.store import Store

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


EDITABLE = ("name", "kind", "siret", "address", "postcode", "city", "website", "email", "phone")


def clean(values: dict[str, Any]) -> dict[str, Any]:
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


def _check_unique(db: Database, name: str, own_id: int | None) -> None:
    row = db.execute(
        "SELECT id FROM organisations WHERE name = ? COLLATE NOCASE AND id IS NOT ?", [name, own_id]
    ).fetchone()
    if row:
        raise UserError(
            _("Une structure nommée « {name} » existe déjà.").format(name=name), field="name"
        )


def create(store: Store, **values: Any) -> int:
    data = clean(values)
    with store.write() as db:
        _check_unique(db, data["name"], None)
        return service.insert(db, "organisations", "organisation", data)


def update(store: Store, org_id: int, **values: Any) -> None:
    with store.write() as db:
        current = service.require(db, "organisations", org_id, _("La structure"))
        data = clean({**{k: current[k] for k in EDITABLE}, **values})
        _check_unique(db, data["name"], org_id)
        service.update(db, "organisations", "organisation", org_id, data)


def get(db: Database, org_id: int) -> Organisation:
    return Organisation.from_row(service.require(db, "organisations", org_id, _("La structure")))


def find_by_name(db: Database, name: str) -> int | None:
    row = db.execute(
        "SELECT id FROM organisations WHERE name = ? COLLATE NOCASE", [validation.clean_text(name)]
    ).fetchone()
    return row[0] if row else None


def list_all(db: Database, include_archived: bool = False) -> list[Organisation]:
    cursor = db.execute(
        "SELECT * FROM organisations WHERE archived = 0 OR ? ORDER BY name COLLATE NOCASE",
        [include_archived],
    )
    names = [c[0] for c in cursor.description]
    return [Organisation.from_row(dict(zip(names, r, strict=True))) for r in cursor]
