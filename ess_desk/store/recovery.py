"""When the council's file cannot be used as it is: empty, truncated or damaged — refused, with the
newest backup that passes the check offered in its place — or waiting for a crash recovery that
needs write access.

An empty or truncated file (an interrupted copy, a synchronisation tool, a full disk) is never
taken for a new council. A damaged one is never "repaired" in place: the backup offered is put
in its place by `restore_over`, which first moves the damaged file (and any journal beside it)
into the backups folder, so that nothing is lost.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
from pathlib import Path
from typing import NamedTuple

from ess_desk.errors import StoreError
from ess_desk.failures import DAMAGED, StorageFailure
from ess_desk.i18n import _, ngettext
from ess_desk.store import database
from ess_desk.store.database import read_only_connection
from ess_desk.store.header import human_size, journal_path, truncation


def _quote(path: Path) -> str:
    text = str(path)
    if os.name == "nt":
        return f'"{text}"' if " " in text else text
    import shlex  # only for a refusal's message: kept off the window's start

    return shlex.quote(text)


class BackupOffer(NamedTuple):
    """The newest copy of a database that passes the check, and what it holds."""

    path: Path
    taken_at: dt.datetime | None
    size: int
    people: int
    meetings: int
    decisions: int
    last_change: dt.datetime | None

    def contents(self) -> str:
        people = ngettext("{n} personne", "{n} personnes", self.people).format(n=self.people)
        meetings = ngettext("{n} séance", "{n} séances", self.meetings).format(n=self.meetings)
        decisions = ngettext("{n} décision", "{n} décisions", self.decisions).format(
            n=self.decisions
        )
        return _("{people}, {meetings}, {decisions}").format(
            people=people, meetings=meetings, decisions=decisions
        )

    def describe(self) -> str:
        """One sentence: when the copy was taken, its size, what it holds, where it is."""
        from ess_desk.dates import display_datetime

        when = display_datetime(self.taken_at) if self.taken_at else self.path.name
        if self.last_change is not None:
            return _(
                "La sauvegarde la plus récente qui passe la vérification est celle du {when} "
                "({size} : {contents} ; dernière modification le {changed}) : {path}."
            ).format(
                when=when,
                size=human_size(self.size),
                contents=self.contents(),
                changed=display_datetime(self.last_change),
                path=self.path,
            )
        return _(
            "La sauvegarde la plus récente qui passe la vérification est celle du {when} "
            "({size} : {contents}) : {path}."
        ).format(when=when, size=human_size(self.size), contents=self.contents(), path=self.path)

    def command(self, db_path: Path) -> str:
        """The command line that puts this copy in the database's place."""
        return f"ess-desk --db {_quote(db_path)} restore {_quote(self.path)}"


def _count(conn: sqlite3.Connection, table: str) -> int:
    try:
        return database.count(conn, f"SELECT count(*) FROM {table}")
    except sqlite3.Error:
        return 0


def _last_change(conn: sqlite3.Connection) -> dt.datetime | None:
    try:
        last = database.scalar(conn, "SELECT max(at) FROM audit_log")
        return dt.datetime.fromisoformat(last) if last else None
    except (sqlite3.Error, ValueError):
        return None


def describe_backup(path: Path, taken_at: dt.datetime | None) -> BackupOffer:
    conn = read_only_connection(path)
    try:
        return BackupOffer(
            path=path,
            taken_at=taken_at,
            size=path.stat().st_size,
            people=_count(conn, "people"),
            meetings=_count(conn, "meetings"),
            decisions=_count(conn, "decisions"),
            last_change=_last_change(conn),
        )
    finally:
        conn.close()


def newest_good_backup(db_path: Path) -> BackupOffer | None:
    """The newest backup of `db_path` that passes the check (intact, ours, not too new)."""
    from ess_desk.store import backup as backupmod

    for info in backupmod.backups(db_path):
        try:
            if truncation(info.path) is not None:
                continue
            backupmod.verify_backup_file(info.path)
            return describe_backup(info.path, info.taken_at)
        except (StoreError, OSError, sqlite3.Error):
            continue
    return None


class DamagedDatabase(StorageFailure):
    """The database file is empty, truncated or damaged; `offer` is the copy to put back."""

    def __init__(self, message: str, *, path: Path, offer: BackupOffer | None):
        super().__init__(message, kind=DAMAGED, path=path)
        self.offer = offer

    def restore_hint(self) -> str | None:
        """What to type to put the offered copy back (the command line's last line)."""
        if self.offer is None:
            return None
        return _("Pour remettre cette sauvegarde en place : {command}").format(
            command=self.offer.command(self.path)  # type: ignore[arg-type]
        )


def _offer_sentence(path: Path, offer: BackupOffer | None) -> str:
    from ess_desk.store.backup import backup_dir

    if offer is not None:
        return offer.describe()
    return _(
        "Aucune sauvegarde de cette base qui passe la vérification n'a été trouvée dans "
        "{folder} : cherchez une copie ailleurs (clé USB, messagerie, autre poste)."
    ).format(folder=backup_dir(path))


def refuse_damaged(path: Path, what: str) -> DamagedDatabase:
    """The refusal of an unusable file: what is wrong (`what`), that nothing was changed, and
    the newest backup that passes the check (or where none was found)."""
    offer = newest_good_backup(path)
    message = " ".join((what, _("Rien n'a été modifié."), _offer_sentence(path, offer)))
    return DamagedDatabase(message, path=path, offer=offer)


def offer_lines(path: Path) -> list[str]:
    """For `check` on a damaged file: the backup to put back, and the command that does it."""
    offer = newest_good_backup(path)
    lines = [_offer_sentence(path, offer)]
    if offer is not None:
        lines.append(
            _("Pour remettre cette sauvegarde en place : {command}").format(
                command=offer.command(path)
            )
        )
    return lines


class PendingRecovery(StorageFailure):
    """A crash left a journal to play back, and this program cannot write the file to do it."""


def pending_recovery(path: Path, journal: Path, holder: object | None) -> PendingRecovery:
    """Not damaged: the recovery SQLite must make is waiting for write access, and why."""
    from ess_desk import failures

    what = _(
        "La base {path} n'est pas endommagée : un travail a été interrompu (arrêt brutal du "
        "programme ou de l'ordinateur) et a laissé un journal de reprise ({journal}) ; pour "
        "remettre la base dans son dernier état enregistré, ESS Desk doit pouvoir écrire dans "
        "le fichier."
    ).format(path=path, journal=journal.name)
    if holder is not None:
        why = _(
            "Or {user} a la base ouverte sur le poste {host} depuis le {since}. Rien n'a été "
            "modifié. Demandez-lui de fermer ESS Desk : la reprise se fera d'elle-même à "
            "l'ouverture suivante."
        ).format(
            user=getattr(holder, "user", "?"),
            host=getattr(holder, "host", "?"),
            since=holder.since_display() if hasattr(holder, "since_display") else "?",
        )
        return PendingRecovery(f"{what} {why}", kind=failures.BUSY, path=path)
    reason = failures.why_not_writable(path)
    whys = {
        failures.READ_ONLY_DISK: _(
            "Or le disque qui porte le fichier est protégé en écriture. Rien n'a été modifié. "
            "Copiez le fichier et son journal ensemble sur un disque où vous pouvez écrire, "
            "puis ouvrez la copie."
        ),
        failures.READ_ONLY_FILE: _(
            "Or le fichier est en lecture seule. Rien n'a été modifié. Retirez la lecture seule "
            "dans ses propriétés, puis rouvrez la base."
        ),
        failures.READ_ONLY_FOLDER: _(
            "Or son dossier est en lecture seule. Rien n'a été modifié. Demandez l'accès en "
            "écriture à ce dossier, puis rouvrez la base."
        ),
        failures.NO_RIGHT: _(
            "Or votre compte n'a pas le droit de modifier ce fichier. Rien n'a été modifié. "
            "Demandez ce droit à la personne qui gère ce poste, puis rouvrez la base."
        ),
        failures.FULL_DISK: _(
            "Or le disque est plein. Rien n'a été modifié. Libérez de la place sur ce disque, "
            "puis rouvrez la base."
        ),
    }
    why = whys.get(
        reason or "",
        _(
            "Or ESS Desk n'a pas pu prendre la main sur le fichier. Rien n'a été modifié. "
            "Fermez les autres programmes qui l'ont ouvert, puis rouvrez la base."
        ),
    )
    return PendingRecovery(f"{what} {why}", kind=failures.READ_ONLY, path=path)


def set_aside(path: Path) -> Path:
    """Keep a copy of an unusable database (and move a journal beside it) in its backups folder,
    under a name that says what it is; returns where it went. The file itself stays in place
    until `restore_over` replaces it in one rename: a program killed in between leaves the
    unusable file where it was, never no file at all."""
    import shutil

    from ess_desk.fileio import ensure_private_folder
    from ess_desk.store.backup import backup_dir

    folder = ensure_private_folder(backup_dir(path))
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    # Not a `.sqlite`: the backups list must never offer this file back.
    kept = folder / f"{path.stem}-{stamp}-endommage{path.suffix or '.sqlite'}.garde"
    try:
        os.link(path, kept)
    except OSError:
        shutil.copy2(path, kept)
    journal = journal_path(path)
    if journal.exists():
        # Moved, not copied: left beside the restored file, SQLite would play it back into it.
        os.replace(journal, kept.with_name(kept.name + "-journal"))
    return kept


def restore_over(path: Path, source: Path) -> Path:
    """Put the backup `source` in the place of the unusable database `path` (empty, truncated,
    damaged): the damaged file is kept aside first. Returns where it was kept."""
    from ess_desk.fileio import private_temp
    from ess_desk.store import lock as lockmod
    from ess_desk.store.backup import INFO_TABLE, verify_backup_file

    verify_backup_file(source)
    mine, holder = lockmod.acquire(path)
    if mine is None:
        from ess_desk.failures import read_only_failure

        if holder is not None:
            raise StoreError(
                _(
                    "{user} a la base ouverte sur le poste {host} depuis le {since} : elle ne "
                    "peut pas être remplacée maintenant. Rien n'a été modifié."
                ).format(user=holder.user, host=holder.host, since=holder.since_display())
            )
        raise read_only_failure(path)
    try:
        tmp = private_temp(path.parent, "restauration-", suffix=".tmp")
        try:
            src = read_only_connection(source)
            target = sqlite3.connect(tmp)
            try:
                src.backup(target)
                target.execute(f"DROP TABLE IF EXISTS {INFO_TABLE}")
                target.commit()
            finally:
                target.close()
                src.close()
            kept = set_aside(path) if path.exists() else path
            os.replace(tmp, path)
        finally:
            with contextlib.suppress(OSError):
                tmp.unlink()
            with contextlib.suppress(OSError):
                journal_path(tmp).unlink()
    finally:
        lockmod.release(path, mine)
    return kept
