"""`ess-desk check`: integrity, foreign keys and schema state, as a list of problems."""

from __future__ import annotations

import sqlite3

from ess_desk.i18n import _
from ess_desk.store.database import Store, schema_state


def check_store(store: Store) -> list[str]:
    """Every problem found, in words a secretary can pass on; an empty list means all is well."""
    problems: list[str] = []
    conn = store.conn
    try:
        for (line,) in conn.execute("PRAGMA integrity_check"):
            if line != "ok":
                problems.append(_("Intégrité : {detail}").format(detail=line))
        for table, rowid, parent, _fk in conn.execute("PRAGMA foreign_key_check"):
            problems.append(
                _("Référence brisée : {table} ligne {rowid} renvoie à {parent} inexistant.").format(
                    table=table, rowid=rowid, parent=parent
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
        from ess_desk.minutes.minutes import check_digests  # the store does not import domains

        problems += check_digests(store.db)
        from ess_desk.search.index import check_index

        problems += check_index(store.db)
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
