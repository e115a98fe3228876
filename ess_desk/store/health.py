"""What `ess-desk check` and the window warn about beyond the file's own integrity: personal data
readable by other accounts, a full disk, a database on a network drive.

These are warnings, not problems: the council's record is intact, but the secretary should know
(and each warning says what to do).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from ess_desk.i18n import _


def _readable_by_others(path: Path) -> bool:
    try:
        return bool(os.stat(path).st_mode & 0o077)
    except OSError:
        return False


def _quoted(path: Path) -> str:
    import shlex

    return shlex.quote(str(path))


def permission_warnings(db_path: Path) -> list[str]:
    """The database or its backups readable (or writable) by other accounts of the computer, with
    the command that makes them private (POSIX only: on Windows the profile is private)."""
    if os.name != "posix":
        return []
    from ess_desk.store import backup as backupmod

    warnings = []
    for companion in (db_path, db_path.with_name(db_path.name + "-journal")):
        if companion.is_file() and _readable_by_others(companion):
            mode = stat.filemode(os.stat(companion).st_mode)
            warnings.append(
                _(
                    "Le fichier {path} est lisible par les autres comptes de cet ordinateur "
                    "({mode}) : les coordonnées des membres n'y sont pas protégées. Pour le "
                    "réserver à votre compte : chmod 600 {quoted}"
                ).format(path=companion, mode=mode, quoted=_quoted(companion))
            )
    folder = backupmod.backup_dir(db_path)
    if folder.is_dir():
        exposed = [b.path for b in backupmod.backups(db_path) if _readable_by_others(b.path)]
        if exposed or _readable_by_others(folder):
            warnings.append(
                _(
                    "Les sauvegardes de {folder} (le dossier ou des copies qu'il contient) sont "
                    "lisibles par les autres comptes de cet ordinateur. Pour les réserver à votre "
                    "compte : chmod 700 {quoted} && chmod 600 {quoted}/*"
                ).format(folder=folder, quoted=_quoted(folder))
            )
    return warnings


def disk_warning(db_path: Path) -> str | None:
    from ess_desk import failures

    folder = db_path.parent
    if failures._disk_is_full(folder):
        return _(
            "Le disque de {path} est plein : la base ne peut plus être modifiée ni sauvegardée. "
            "Libérez de la place sur ce disque."
        ).format(path=db_path)
    return None


def network_warning(db_path: Path) -> str | None:
    """What a database on a network drive implies, or None on a local disk."""
    from ess_desk.store import backup as backupmod
    from ess_desk.store.network import network_drive

    drive = network_drive(db_path)
    if drive is None:
        return None
    return _(
        "La base {path} est sur un lecteur réseau ({kind}, {mount}). Une seule personne à la "
        "fois peut la modifier (le verrou y veille) : les autres l'ouvrent en lecture seule. Les "
        "sauvegardes sont gardées sur le disque de ce poste : {backups}."
    ).format(
        path=db_path,
        kind=drive.kind,
        mount=drive.mount_point,
        backups=backupmod.backup_dir(db_path),
    )


def warnings(db_path: Path) -> list[str]:
    """Every warning about where and how the database is kept."""
    found = permission_warnings(db_path)
    for warning in (disk_warning(db_path), network_warning(db_path)):
        if warning is not None:
            found.append(warning)
    return found
