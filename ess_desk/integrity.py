"""The whole check of a council's file (`ess-desk check`): the store's own checks (integrity,
references, schema) and those of the domains that keep derived data (the digests of approved
minutes, the search index), then the tamper evidence: the audit log's hash chain, and the file
compared with its newest backup. A domain with something of its own to check adds it to
`CHECKS`."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from ess_desk.dates import display, display_datetime
from ess_desk.i18n import _, ngettext
from ess_desk.minutes.minutes import check_digests
from ess_desk.search.index import check_index
from ess_desk.signing.signed import check as check_signed_files
from ess_desk.store import Store, chain, database
from ess_desk.store.check import Check, check_store
from ess_desk.store.database import Row, read_only_connection

if TYPE_CHECKING:
    from sqlite_utils import Database

_ENTRY = "SELECT id, at, os_user, entity, entity_id, action, before, after FROM audit_log"


def _describe(row: Row) -> str:
    """An audit entry as a secretary can find it: number, moment, user, what was done to what."""
    try:
        when = display_datetime(row["at"])
    except (TypeError, ValueError):
        when = str(row["at"])
    return _("n° {id} du {when} ({user} : {action} {entity} n° {entity_id})").format(
        id=row["id"],
        when=when,
        user=row["os_user"],
        action=row["action"],
        entity=row["entity"],
        entity_id=row["entity_id"],
    )


def _entry(db: Database | sqlite3.Connection, entry_id: int) -> Row | None:
    return database.row(db, f"{_ENTRY} WHERE id = ?", [entry_id])


def check_audit_chain(db: Database) -> list[str]:
    """The audit log's chain holds: no entry changed, removed or slipped in behind the program's
    back, and only the anonymisations have blanked entries."""
    conn = db.conn
    if not chain.has_chain(conn):
        return []
    problems = []
    broken = chain.first_break(conn)
    if broken is not None:
        entry_id, why = broken
        row = _entry(db, entry_id)
        entry = _describe(row) if row else str(entry_id)
        if why == "content":
            message = _(
                "Journal des modifications : le contenu de l'entrée {entry} a été modifié hors "
                "d'ESS Desk (il ne correspond plus à son empreinte)."
            )
        elif why == "link":
            message = _(
                "Journal des modifications : une entrée a été retirée ou insérée hors d'ESS Desk "
                "juste avant l'entrée {entry} (la chaîne des empreintes est rompue à cet endroit)."
            )
        else:
            message = _(
                "Journal des modifications : l'empreinte de l'entrée {entry} a été recalculée "
                "hors d'ESS Desk."
            )
        problems.append(message.format(entry=entry))
    listed: set[int] = set()
    for after in database.column(
        conn, "SELECT after FROM audit_log WHERE action = 'anonymise' AND after IS NOT NULL"
    ):
        try:
            listed.update(int(i) for i in json.loads(after).get("redacted_entries", []))
        except (ValueError, TypeError, AttributeError):
            continue
    for row in database.each_row(conn, f"{_ENTRY} WHERE redacted = 1 ORDER BY id"):
        if row["id"] not in listed:
            problems.append(
                _(
                    "Journal des modifications : l'entrée {entry} est marquée anonymisée sans "
                    "qu'aucune anonymisation l'ait faite."
                ).format(entry=_describe(row))
            )
            break
    return problems


def _database_path(db: Database) -> Path | None:
    for r in database.each_row(db, "PRAGMA database_list"):
        if r["name"] == "main" and r["file"]:
            return Path(r["file"])
    return None


def check_against_backup(db: Database) -> list[str]:
    """The file compared with its backups: the head of the audit chain each copy recorded must
    still be in the file with the same hash, and every entry of the newest copy that passes the
    check must still be there unchanged (the first that differs is named); every minutes
    approved in that copy must read the same."""
    from ess_desk.store import backup as backupmod
    from ess_desk.store.recovery import newest_good_backup

    path = _database_path(db)
    if path is None:
        return []
    offer = newest_good_backup(path)
    compared = [offer.path] if offer is not None else []
    # The newest copy whose recorded head the file no longer holds is walked first.
    for info in backupmod.backups(path):
        head = backupmod.recorded_head(info.path)
        if head is not None and _hash_of(db.conn, head[0]) != head[1]:
            compared.insert(0, info.path)
            break
    for copy in dict.fromkeys(compared):
        problems = _compare(db.conn, copy, with_minutes=offer is not None and copy == offer.path)
        if problems:
            return problems
    return []


def _hash_of(conn: sqlite3.Connection, entry_id: int) -> str | None:
    if not chain.has_chain(conn):
        return None
    found = database.scalar(conn, "SELECT hash FROM audit_log WHERE id = ?", [entry_id])
    return None if found is None else str(found)


def _compare(conn: sqlite3.Connection, copy: Path, *, with_minutes: bool) -> list[str]:
    from ess_desk.store import backup as backupmod

    taken = backupmod.backup_date(copy)
    when = display_datetime(taken) if taken else copy.name
    try:
        other = read_only_connection(copy)
    except sqlite3.Error:
        return []
    try:
        problems = []
        head = backupmod.recorded_head(copy)
        found = _first_difference(conn, other, head[0] if head else None)
        if found is not None:
            removed, entry = found
            if removed:
                message = _(
                    "Journal des modifications : l'entrée {entry} de la sauvegarde du {when} "
                    "({backup}) a été retirée du fichier depuis, hors d'ESS Desk."
                )
            else:
                message = _(
                    "Journal des modifications : l'entrée {entry} diffère de la sauvegarde du "
                    "{when} ({backup}) : le journal a été réécrit depuis, hors d'ESS Desk."
                )
            problems.append(message.format(entry=entry, when=when, backup=copy))
        if with_minutes:
            problems += _minutes_differences(conn, other, when, copy)
        return problems
    except sqlite3.Error:
        return []
    finally:
        other.close()


def _first_difference(
    conn: sqlite3.Connection, backup: sqlite3.Connection, head: int | None
) -> tuple[bool, str] | None:
    """The first entry of the backup's log (up to the head it recorded when taken: an
    anonymisation carried into the copy since writes after it) that the file does not hold as
    it was: (removed from the file, the entry described)."""
    both = chain.has_chain(conn) and chain.has_chain(backup)
    columns = "id, at, os_user, entity, entity_id, action, before, after"
    mine_extra = ", hash, redacted" if chain.has_chain(conn) else ", NULL AS hash, 0 AS redacted"
    mine = database.each_row(conn, f"SELECT {columns}{mine_extra} FROM audit_log ORDER BY id")
    limit = head if head is not None else 2**62
    last_id = database.scalar(backup, "SELECT max(id) FROM audit_log WHERE id <= ?", [limit]) or 0
    theirs = database.each_row(
        backup,
        f"SELECT {columns}{', hash' if both else ', NULL AS hash'} FROM audit_log WHERE id <= ? "
        "ORDER BY id",
        [limit],
    )
    current = next(mine, None)
    for kept in theirs:
        while current is not None and current["id"] < kept["id"]:
            current = next(mine, None)  # an entry the backup never had: slipped in (see chain)
        if current is None or current["id"] != kept["id"]:
            return True, _describe(kept)
        if not _same_entry(current, kept, both, kept["id"] == last_id):
            return False, _describe(current)
        current = next(mine, None)
    return None


def _same(mine: Row, kept: Row, *columns: str) -> bool:
    return all(mine[c] == kept[c] for c in columns)


def _same_entry(mine: Row, kept: Row, both: bool, last: bool) -> bool:
    if both and mine["hash"] == kept["hash"]:
        return True  # the same hash: the same entry (the chain covers its content's digest)
    if _same(mine, kept, "id", "at", "os_user", "entity", "entity_id", "action") and (
        _same(mine, kept, "before", "after") or mine["redacted"]
    ):
        return True  # the same content, or blanked since by an anonymisation (listed)
    # The minutes' typing session carries on its last entry: only its moment and text change.
    return (
        last
        and _same(mine, kept, "os_user", "entity", "entity_id", "action", "before")
        and mine["entity"] == "minutes_section"
        and str(mine["at"]) >= str(kept["at"])
    )


def _minutes_differences(
    conn: sqlite3.Connection, backup: sqlite3.Connection, when: str, path: Path
) -> list[str]:
    """Approved minutes are frozen: one approved in the backup must read the same in the file."""
    query = (
        "SELECT m.id, mt.starts_at, m.approved_text, m.approved_sha256 FROM minutes m "
        "JOIN meetings mt ON mt.id = m.meeting_id WHERE m.status = 'approved'"
    )
    try:
        now = {r["id"]: r for r in database.each_row(conn, query)}
        then = database.rows(backup, query)
    except sqlite3.Error:
        return []
    problems = []
    for row in then:
        current = now.get(row["id"])
        if current is None or not _same(current, row, "approved_text", "approved_sha256"):
            problems.append(
                _(
                    "Le procès-verbal approuvé de la séance du {day} diffère de la sauvegarde du "
                    "{when} ({backup}) : il a été réécrit depuis, hors d'ESS Desk."
                ).format(day=display(str(row["starts_at"])[:10]), when=when, backup=path)
            )
    return problems


def check_derived(db: Database) -> list[str]:
    """The folded keys and the actions' counts kept for the lists (ess_desk.store.derived) still
    say what the rows hold."""
    from ess_desk.store import derived

    out: list[str] = []
    keys = derived.wrong_keys(db)
    if keys:
        out.append(
            ngettext(
                "Clés de tri des noms : {n} clé ne correspond plus à sa personne ou à sa "
                "structure (modifiée hors d'ESS Desk) ; « ess-desk search --rebuild » les "
                "recalcule.",
                "Clés de tri des noms : {n} clés ne correspondent plus à leur personne ou à leur "
                "structure (modifiées hors d'ESS Desk) ; « ess-desk search --rebuild » les "
                "recalcule.",
                keys,
            ).format(n=keys)
        )
    counts = len(derived.problems(db))
    if counts:
        out.append(
            ngettext(
                "Compteurs des actions : {n} compteur ne correspond plus aux actions (modifiées "
                "hors d'ESS Desk) ; « ess-desk search --rebuild » les recalcule.",
                "Compteurs des actions : {n} compteurs ne correspondent plus aux actions "
                "(modifiées hors d'ESS Desk) ; « ess-desk search --rebuild » les recalcule.",
                counts,
            ).format(n=counts)
        )
    from ess_desk.store import pending, seats

    lists = len(pending.problems(db)) if pending.present(db) else 0
    lists += len(seats.problems(db)) if seats.present(db) else 0
    if lists:
        out.append(
            ngettext(
                "Tableau de bord : {n} liste tenue à jour (procès-verbaux en attente, "
                "publications dues) ne correspond plus aux séances (modifiées hors d'ESS Desk) ; "
                "« ess-desk search --rebuild » la recalcule.",
                "Tableau de bord : {n} listes tenues à jour (procès-verbaux en attente, "
                "publications dues) ne correspondent plus aux séances (modifiées hors "
                "d'ESS Desk) ; « ess-desk search --rebuild » les recalcule.",
                lists,
            ).format(n=lists)
        )
    return out


# The domains' checks, run after the store's own, in this order.
CHECKS: tuple[Check, ...] = (
    check_digests,
    check_index,
    check_signed_files,
    check_derived,
    check_audit_chain,
    check_against_backup,
)


def check_council(store: Store) -> list[str]:
    """Every problem found in the file, in words a secretary can pass on; empty when all is well."""
    return check_store(store, CHECKS)
