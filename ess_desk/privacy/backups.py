"""After an anonymisation, the backups: each copy in the database's backups folder is rewritten in
place through the same anonymisation, so that the person's identity stays nowhere ESS Desk keeps
it — and what remains elsewhere is said plainly.

A copy is opened directly (no lock of the council's file, no backup of the backup); an older copy
is first brought to the current schema. A copy keeps the head of the audit chain it recorded when
taken: `check` compares the file with the entries up to it.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ess_desk.dates import display_datetime
from ess_desk.errors import UserError
from ess_desk.i18n import _, ngettext
from ess_desk.privacy import anonymise
from ess_desk.privacy.person_file import is_anonymised
from ess_desk.store import backup as backupmod
from ess_desk.store.database import LazyDatabase, Store, as_database, schema_state

if TYPE_CHECKING:
    from sqlite_utils import Database

PURGED = "purged"
ABSENT = "absent"  # the copy does not hold the person (taken before the card was made)
ALREADY = "already"  # anonymised in the copy already
REFUSED = "refused"  # the copy cannot be anonymised (a mandate running in it, too new…)


@dataclass(frozen=True)
class BackupPurge:
    """What became of one copy."""

    path: Path
    taken_at: dt.datetime | None
    outcome: str
    detail: str = ""

    def when(self) -> str:
        return display_datetime(self.taken_at) if self.taken_at else self.path.name


def backups_holding(db_path: Path) -> list[Path]:
    """The copies in the backups folder (newest first)."""
    return [b.path for b in backupmod.backups(db_path)]


def _exists(db: Database, person_id: int) -> bool:
    return db.execute("SELECT 1 FROM people WHERE id = ?", [person_id]).fetchone() is not None


def _purge_one(path: Path, person_ids: list[int], taken_at: dt.datetime | None) -> BackupPurge:
    from ess_desk.store import lock as lockmod

    mine, holder = lockmod.acquire(path)
    if mine is None:
        return BackupPurge(path, taken_at, REFUSED, _("la copie est ouverte ailleurs"))
    conn = sqlite3.connect(str(path))
    try:
        lazy = LazyDatabase(conn)
        store = Store(path=path, db=as_database(lazy))
        pending, unknown = schema_state(store.db)
        if unknown:
            return BackupPurge(
                path, taken_at, REFUSED, _("copie écrite par une version plus récente")
            )
        if pending:
            from ess_desk.store.schema import migrations

            migrations.apply(lazy.database)
        present = [p for p in person_ids if _exists(store.db, p)]
        to_do = [p for p in present if not is_anonymised(store.db, p)]
        if not present:
            return BackupPurge(path, taken_at, ABSENT)
        if not to_do:
            return BackupPurge(path, taken_at, ALREADY)
        # The copy keeps the head it recorded when taken: the entries up to it keep their hash
        # (blanked, not rewritten), and the anonymisation's own entry comes after it.
        anonymise.anonymise_many(store, to_do)
        return BackupPurge(path, taken_at, PURGED)
    except UserError as exc:
        return BackupPurge(path, taken_at, REFUSED, exc.message)
    except sqlite3.DatabaseError as exc:
        return BackupPurge(path, taken_at, REFUSED, str(exc))
    finally:
        conn.close()
        lockmod.release(path, mine)


def purge_backups(db_path: Path, person_ids: list[int]) -> list[BackupPurge]:
    """Anonymise these people in every copy of the backups folder of `db_path`, copy by copy
    (each in its own transaction: a copy that refuses leaves the others done)."""
    ids = list(dict.fromkeys(int(i) for i in person_ids))
    return [_purge_one(b.path, ids, b.taken_at) for b in backupmod.backups(db_path)]


def purge_summary(db_path: Path, results: list[BackupPurge]) -> list[str]:
    """What the purge did, copy by copy where it failed, and what remains where."""
    folder = backupmod.backup_dir(db_path)
    done = sum(1 for r in results if r.outcome in (PURGED, ALREADY))
    absent = sum(1 for r in results if r.outcome == ABSENT)
    lines = []
    if not results:
        lines.append(_("Aucune sauvegarde dans {folder}.").format(folder=folder))
    elif done:
        lines.append(
            ngettext(
                "{count} sauvegarde de {folder} est anonymisée elle aussi.",
                "{count} sauvegardes de {folder} sont anonymisées elles aussi.",
                done,
            ).format(count=done, folder=folder)
        )
    if absent:
        lines.append(
            ngettext(
                "{count} sauvegarde plus ancienne ne contenait pas la personne.",
                "{count} sauvegardes plus anciennes ne contenaient pas la personne.",
                absent,
            ).format(count=absent)
        )
    for r in results:
        if r.outcome == REFUSED:
            lines.append(
                _(
                    "La sauvegarde du {when} ({path}) n'a pas pu être anonymisée ({reason}) : elle "
                    "contient encore l'identité ; supprimez-la si elle ne sert plus."
                ).format(when=r.when(), path=r.path, reason=r.detail)
            )
    kept = sorted(folder.glob("*.garde")) if folder.is_dir() else []
    if kept:
        lines.append(
            _(
                "Fichiers endommagés gardés à part dans {folder} (illisibles par ESS Desk, non "
                "anonymisés) : {names}. Supprimez-les s'ils ne servent plus."
            ).format(folder=folder, names=", ".join(p.name for p in kept))
        )
    lines.append(
        _(
            "Restent hors d'atteinte d'ESS Desk : les copies faites à la main (exports, "
            "courriels, clés USB, autres dossiers) et, dans la base, les procès-verbaux approuvés "
            "et les annexes PDF signalés plus haut."
        )
    )
    return lines
