"""Action themes: an editable list, seeded with the ten usual recommendations for an ESS policy."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ess_desk import service
from ess_desk.errors import UserError
from ess_desk.i18n import _, ngettext
from ess_desk.membership import validation
from ess_desk.store import Store, database, records

if TYPE_CHECKING:
    from sqlite_utils import Database


@dataclass(frozen=True)
class Theme:
    id: int
    name: str
    position: int
    archived: int = 0


def list_themes(db: Database, include_archived: bool = False) -> list[Theme]:
    where = "" if include_archived else "WHERE archived = 0"
    return records(
        db,
        Theme,
        f"SELECT id, name, position, archived FROM action_themes {where} ORDER BY position, id",
    )


def get(db: Database, theme_id: int) -> Theme:
    row = service.require(db, "action_themes", theme_id, _("Le thème"))
    return Theme(row["id"], row["name"], row["position"], row["archived"])


def find(db: Database, name: str) -> int | None:
    found = database.scalar(
        db,
        "SELECT id FROM action_themes WHERE name = ? COLLATE NOCASE",
        [validation.clean_text(name)],
    )
    return None if found is None else int(found)


def _clean_name(db: Database, name: object, own_id: int | None) -> str:
    text = validation.required(name, "name", _("Thème"))
    other = find(db, text)
    if other is not None and other != own_id:
        raise UserError(_("Le thème « {name} » existe déjà.").format(name=text), field="name")
    return text


def create(store: Store, name: str) -> int:
    with store.write() as db:
        position = database.scalar(db, "SELECT COALESCE(MAX(position), 0) + 1 FROM action_themes")
        return service.insert(
            db,
            "action_themes",
            "action_theme",
            {"name": _clean_name(db, name, None), "position": position},
        )


def rename(store: Store, theme_id: int, name: str) -> None:
    with store.write() as db:
        get(db, theme_id)
        service.update(
            db, "action_themes", "action_theme", theme_id, {"name": _clean_name(db, name, theme_id)}
        )


def archive(store: Store, theme_id: int, archived: bool = True) -> None:
    """An archived theme is no longer offered; the actions filed under it keep it."""
    with store.write() as db:
        get(db, theme_id)
        service.update(
            db, "action_themes", "action_theme", theme_id, {"archived": 1 if archived else 0}
        )


def delete(store: Store, theme_id: int) -> None:
    with store.write() as db:
        theme = get(db, theme_id)
        used = database.count(db, "SELECT COUNT(*) FROM actions WHERE theme_id = ?", [theme_id])
        if used:
            raise UserError(
                ngettext(
                    "Le thème « {name} » classe {count} action : archivez-le plutôt que de "
                    "le supprimer.",
                    "Le thème « {name} » classe {count} actions : archivez-le plutôt que de "
                    "le supprimer.",
                    used,
                ).format(name=theme.name, count=used)
            )
        service.delete(db, "action_themes", "action_theme", theme_id)


def reorder(store: Store, ordered_ids: list[int]) -> None:
    """Put the themes in the order given (every theme, archived ones included, exactly once)."""
    with store.write() as db:
        existing = {t.id for t in list_themes(db, include_archived=True)}
        if sorted(ordered_ids) != sorted(existing):
            raise UserError(_("Le nouvel ordre doit citer chaque thème une fois."))
        for position, theme_id in enumerate(ordered_ids, start=1):
            service.update(db, "action_themes", "action_theme", theme_id, {"position": position})
