"""Roster export: who sits on a body at a date, to CSV or XLSX with the import's French headers, so
that an export imported again gives back the same roster."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from ess_desk.dates import display
from ess_desk.errors import UserError
from ess_desk.exchange import tabular
from ess_desk.exchange.members_import import FIELDS, NO_END
from ess_desk.i18n import _
from ess_desk.membership import bodies, roster
from ess_desk.membership.vocabulary import ROLES
from ess_desk.text import name_key

if TYPE_CHECKING:
    from sqlite_utils import Database

SUFFIXES = (".csv", ".xlsx")


def _records(db: Database, body_id: int, at: dt.date) -> list[dict[str, str | dt.date]]:
    body = bodies.get_body(db, body_id)
    out: list[dict[str, str | dt.date]] = []
    for entry in roster.roster(db, body_id, at):
        out.append(
            {
                "last_name": entry.last_name,
                "first_name": entry.first_name,
                "civility": entry.civility,
                "email": entry.email,
                "phone": entry.phone,
                "address": entry.address,
                "postcode": entry.postcode,
                "city": entry.city,
                "organisation": entry.organisation,
                "position": entry.position,
                "body": body.name,
                "college": entry.college,
                # French labels, like the headers: the file reads the same whatever the UI language.
                "role": ROLES.get(entry.role, entry.role),
                "substitute_for": entry.substitute_for_name,
                "start_date": dt.date.fromisoformat(entry.start_date),
                "end_date": dt.date.fromisoformat(entry.end_date) if entry.end_date else NO_END,
            }
        )
    return out


def roster_table(db: Database, body_id: int, at: dt.date) -> tuple[list[str], list[list[str]]]:
    """The roster of a body at a date as text: the import's French headers, then one row a mandate."""
    headers = list(FIELDS.values())
    rows = [
        [display(v) if isinstance(v, dt.date) else v for v in (r[key] for key in FIELDS)]
        for r in _records(db, body_id, at)
    ]
    return headers, rows


def resolve_body(db: Database, body_name: str | None) -> int:
    """The body named (case and accents ignored), else the plenary council."""
    if body_name:
        body_id = bodies.find_body(db, body_name)
        if body_id is None:
            wanted = name_key(body_name)
            body_id = next(
                (b.id for b in bodies.list_bodies(db, True) if name_key(b.name) == wanted), None
            )
        if body_id is None:
            raise UserError(_("Aucune instance ne s'appelle « {name} ».").format(name=body_name))
        return body_id
    body_id = bodies.plenary_body(db)
    if body_id is None:
        raise UserError(
            _("La base n'a pas de conseil plénier : précisez l'instance à exporter (--body).")
        )
    return body_id


def export_roster_file(
    db: Database, path: Path, body_name: str | None = None, *, at: dt.date
) -> int:
    """Write the roster of a body at `at` to .csv or .xlsx (from the extension); rows written."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise UserError(
            _("Impossible d'exporter vers {path} : choisissez un fichier .csv ou .xlsx.").format(
                path=path
            )
        )
    body_id = resolve_body(db, body_name)
    headers = list(FIELDS.values())
    records = _records(db, body_id, at)
    rows = [[r[key] for key in FIELDS] for r in records]
    if suffix == ".csv":
        tabular.write_csv(path, headers, rows)
    else:
        body = bodies.get_body(db, body_id)
        tabular.write_xlsx(
            path,
            headers,
            rows,
            title=_("{body} au {date}").format(body=body.name, date=at.strftime("%d-%m-%Y")),
        )
    return len(rows)
