"""`ess-desk check`: integrity, foreign keys and schema state, as a list of problems.

The store knows nothing of the domains: the checks that read their tables (the digests of
approved minutes, the search index) are handed in by the caller (`ess_desk.integrity`)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from ess_desk.i18n import _
from ess_desk.store import database
from ess_desk.store.database import Store, schema_state

if TYPE_CHECKING:
    from sqlite_utils import Database

# A check of some part of the file: the problems it finds, in words; an empty list when all is well.
Check = Callable[["Database"], list[str]]


def check_store(store: Store, extra_checks: Iterable[Check] = ()) -> list[str]:
    """Every problem found, in words a secretary can pass on; an empty list means all is well.
    The `extra_checks` run after the store's own, and a file too damaged to read is one problem
    whichever check meets it."""
    problems: list[str] = []
    conn = store.conn
    try:
        for line in database.column(conn, "PRAGMA integrity_check"):
            if line != "ok":
                problems.append(_("Intégrité : {detail}").format(detail=line))
        for broken in database.each_row(conn, "PRAGMA foreign_key_check"):
            problems.append(
                _("Référence brisée : {table} ligne {rowid} renvoie à {parent} inexistant.").format(
                    table=broken["table"], rowid=broken["rowid"], parent=broken["parent"]
                )
            )
        pending, unknown = schema_state(store.db)
        for name in pending:
            problems.append(
                _("Schéma : la mise à jour {name} n'est pas appliquée.").format(name=name)
            )
        for name in unknown:
            problems.append(
                _("Schéma : la mise à jour {name} vient d'une version plus récente.").format(
                    name=name
                )
            )
        for check in extra_checks:
            problems += check(store.db)
    except sqlite3.DatabaseError as exc:
        problems.append(_("Le fichier est endommagé : {reason}").format(reason=exc))
    return problems


def is_damage(problem: str) -> bool:
    """True for a problem that says the file itself is damaged (a backup is then offered)."""
    prefixes = (
        _("Intégrité : {detail}").format(detail=""),
        _("Le fichier est endommagé : {reason}").format(reason=""),
    )
    return problem.startswith(prefixes)
