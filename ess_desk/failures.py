"""What went wrong outside the program, as one French sentence: the disk, the file system, a
lock, the SQLite file.

Every failure a secretary can meet that is not a bug of ours (a full disk, a read-only file or
folder, an account without the right, a path that is a folder, a file another program holds, a
failing disk) becomes a `StorageFailure`: what happened, that nothing was changed, and what to
do, in one message. The command line and the window both pass any exception through
`user_error_for` before deciding whether it is a sentence to show or a bug to report.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path

from ess_desk.errors import StoreError, UserError
from ess_desk.i18n import _

# Kinds of failure (`StorageFailure.kind`): tests and callers branch on them, never on wording.
DISK_FULL = "disk_full"
READ_ONLY = "read_only"
PERMISSION = "permission"
IS_FOLDER = "is_folder"
BUSY = "busy"
IO = "io"
DAMAGED = "damaged"
MISSING = "missing"
OTHER = "other"

_DISK_FULL_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}
_BUSY_ERRNOS = {errno.EBUSY, errno.ETXTBSY, errno.EAGAIN, errno.EDEADLK}
_IO_ERRNOS = {errno.EIO, errno.ENXIO, errno.ENODEV, errno.ESTALE}
if hasattr(errno, "EREMOTEIO"):
    _IO_ERRNOS.add(errno.EREMOTEIO)
# Windows: a file another program has open (Excel, an antivirus, a synchronisation tool).
_WINDOWS_BUSY = {32, 33}  # ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION
_WINDOWS_READ_ONLY = {19}  # ERROR_WRITE_PROTECT

# SQLite's primary result codes (the low byte of the extended code Python reports).
_SQLITE_PERM, _SQLITE_BUSY, _SQLITE_LOCKED = 3, 5, 6
_SQLITE_READONLY, _SQLITE_IOERR, _SQLITE_CORRUPT = 8, 10, 11
_SQLITE_FULL, _SQLITE_CANTOPEN, _SQLITE_NOTADB = 13, 14, 26
_SQLITE_AUTH = 23
# READONLY_RECOVERY, READONLY_ROLLBACK: a crash left a journal that needs write access to finish.
SQLITE_PENDING_RECOVERY = {264, 776}

# The reasons `why_not_writable` gives (each a key for its full sentence in `read_only_failure`).
READ_ONLY_DISK = "disk"
READ_ONLY_FILE = "file"
READ_ONLY_FOLDER = "folder"
NO_RIGHT = "right"
FULL_DISK = "full"
# Temporary files (ours and SQLite's) are named after their folder in messages, not by their name.
_TEMPORARY_PREFIXES = (".ess-desk-",)


class StorageFailure(StoreError):
    """The disk, the file system or the database file refused: not the user's input, not a bug.

    `kind` is one of the constants above; `path` the file concerned when known."""

    def __init__(self, message: str, *, kind: str, path: Path | None = None):
        super().__init__(message)
        self.kind = kind
        self.path = path


def _about(path: Path, kind: str, message: str) -> StorageFailure:
    """A failure about the file at `path`: its sentence (with `{path}`) and its kind."""
    return StorageFailure(message.format(path=path), kind=kind, path=path)


def _mode_denies_writing(path: Path) -> bool:
    try:
        return not os.stat(path).st_mode & 0o222
    except OSError:
        return False


def _unreadable(path: Path) -> bool:
    try:
        return path.is_file() and (
            not os.stat(path).st_mode & 0o444 or not os.access(path, os.R_OK)
        )
    except OSError:
        return False


def _on_read_only_file_system(path: Path) -> bool:
    statvfs = getattr(os, "statvfs", None)
    if statvfs is None:
        return False
    for candidate in (path, *path.parents):
        try:
            return bool(statvfs(candidate).f_flag & os.ST_RDONLY)
        except OSError:
            continue
    return False


def why_not_writable(path: Path) -> str | None:
    """Why `path` cannot be written, as a French clause, or None when nothing says so."""
    if _on_read_only_file_system(path):
        return READ_ONLY_DISK
    if path.exists() and _mode_denies_writing(path):
        return READ_ONLY_FILE
    folder = path.parent if not path.is_dir() else path
    if folder.exists() and _mode_denies_writing(folder):
        return READ_ONLY_FOLDER
    if path.exists() and not os.access(path, os.W_OK):
        return NO_RIGHT
    if folder.exists() and not os.access(folder, os.W_OK):
        return NO_RIGHT
    if _disk_is_full(folder):
        return FULL_DISK
    return None


def _disk_is_full(folder: Path) -> bool:
    statvfs = getattr(os, "statvfs", None)
    try:
        if statvfs is not None:
            found = statvfs(folder)
            return found.f_bavail * found.f_frsize < 4096
        import shutil

        return shutil.disk_usage(folder).free < 4096
    except OSError:
        return False


def read_only_failure(path: Path, reason: str | None = None) -> StorageFailure:
    """The file cannot be written: the sentence that says why, and what to do about it."""
    reason = reason or why_not_writable(path) or READ_ONLY_FILE
    if reason == READ_ONLY_DISK:
        message = _(
            "{path} ne peut pas être modifié : le disque qui le porte est protégé en écriture "
            "(clé USB verrouillée, CD, partage en lecture seule). Rien n'a été modifié. Copiez le "
            "fichier sur un disque où vous pouvez écrire, ou retirez la protection, puis "
            "recommencez."
        )
    elif reason == READ_ONLY_FOLDER:
        message = _(
            "{path} ne peut pas être modifié : son dossier {folder} est en lecture seule. Rien "
            "n'a été modifié. Choisissez un dossier où vous pouvez écrire, ou demandez l'accès à "
            "la personne qui gère ce poste, puis recommencez."
        )
    elif reason == NO_RIGHT:
        return permission_failure(path)
    elif reason == FULL_DISK:
        return disk_full_failure(path)
    else:
        message = _(
            "{path} ne peut pas être modifié : le fichier est en lecture seule. Rien n'a été "
            "modifié. Retirez la lecture seule dans les propriétés du fichier (ou demandez-le à "
            "la personne qui gère ce poste), puis recommencez."
        )
    folder = path.parent if not path.is_dir() else path
    return StorageFailure(message.format(path=path, folder=folder), kind=READ_ONLY, path=path)


def permission_failure(path: Path) -> StorageFailure:
    return _about(
        path,
        PERMISSION,
        _(
            "Accès refusé à {path} : votre compte n'a pas le droit de l'ouvrir ou de le modifier. "
            "Rien n'a été modifié. Demandez l'accès à la personne qui gère ce poste ou ce partage, "
            "ou choisissez un autre emplacement, puis recommencez."
        ),
    )


def disk_full_failure(path: Path | None) -> StorageFailure:
    if path is None:
        message = _(
            "Le disque est plein. Rien n'a été modifié. Libérez de la place sur ce disque "
            "(corbeille, gros fichiers inutiles), puis recommencez."
        )
    else:
        message = _(
            "Le disque est plein : {path} n'a pas pu être écrit. Rien n'a été modifié. Libérez "
            "de la place sur ce disque (corbeille, gros fichiers inutiles) ou choisissez un autre "
            "emplacement, puis recommencez."
        ).format(path=path)
    return StorageFailure(message, kind=DISK_FULL, path=path)


def folder_failure(path: Path) -> StorageFailure:
    return _about(
        path,
        IS_FOLDER,
        _(
            "{path} est un dossier, pas un fichier. Rien n'a été modifié. Indiquez le nom d'un "
            "fichier (dans ce dossier ou ailleurs), puis recommencez."
        ),
    )


def busy_failure(path: Path) -> StorageFailure:
    return _about(
        path,
        BUSY,
        _(
            "{path} est occupé par un autre programme ou un autre poste en ce moment. Rien n'a été "
            "modifié. Fermez le programme qui s'en sert (Excel, un outil de synchronisation…) ou "
            "attendez un instant, puis recommencez."
        ),
    )


def io_failure(path: Path) -> StorageFailure:
    return _about(
        path,
        IO,
        _(
            "Le disque n'a pas pu lire ou écrire {path} (erreur d'entrée-sortie). Rien n'a été "
            "modifié. Vérifiez que le disque, la clé USB ou le lecteur réseau est bien branché, "
            "puis recommencez ; si l'erreur revient, faites vérifier le disque."
        ),
    )


def missing_failure(path: Path) -> StorageFailure:
    return _about(
        path,
        MISSING,
        _(
            "{path} est introuvable (le fichier ou l'un de ses dossiers n'existe pas). Rien n'a "
            "été modifié. Vérifiez le nom et le dossier, puis recommencez."
        ),
    )


def damaged_what(path: Path) -> str:
    """The first sentence of the refusal of a damaged database (`store.recovery` adds the rest:
    that nothing was changed, and the backup to put back)."""
    return _("Le fichier {path} est endommagé : SQLite n'a pas pu le lire.").format(path=path)


def damaged_failure(path: Path) -> StorageFailure:
    message = " ".join(
        (
            damaged_what(path),
            _("Rien n'a été modifié."),
            _("Restaurez la dernière sauvegarde qui passe la vérification."),
        )
    )
    return StorageFailure(message, kind=DAMAGED, path=path)


def from_os_error(exc: OSError, path: Path | str | None = None) -> StorageFailure:
    """The sentence for an operating system refusal on `path` (else the path the error names)."""
    # A rename names its destination second: that is the file the user asked for.
    named = next((p for p in (path, exc.filename2, exc.filename) if p is not None), None)
    where = Path(os.fsdecode(named)) if named is not None else None
    if where is not None and where.name.startswith(_TEMPORARY_PREFIXES):
        where = where.parent
    code = exc.errno
    winerror = getattr(exc, "winerror", None)
    if code in _DISK_FULL_ERRNOS:
        return disk_full_failure(where)
    if where is None:
        return _other(exc, None)
    if isinstance(exc, IsADirectoryError) or code == errno.EISDIR:
        return folder_failure(where)
    if code == errno.EROFS or winerror in _WINDOWS_READ_ONLY:
        return read_only_failure(where, READ_ONLY_DISK)
    if winerror in _WINDOWS_BUSY or code in _BUSY_ERRNOS:
        return busy_failure(where)
    if isinstance(exc, PermissionError) or code in (errno.EACCES, errno.EPERM):
        if _unreadable(where):
            return permission_failure(where)
        return read_only_failure(where, why_not_writable(where) or NO_RIGHT)
    if code in _IO_ERRNOS:
        return io_failure(where)
    if isinstance(exc, FileNotFoundError) or code in (errno.ENOENT, errno.ENOTDIR):
        return missing_failure(where)
    return _other(exc, where)


def _other(exc: OSError, where: Path | None) -> StorageFailure:
    reason = exc.strerror or exc
    if where is None:
        message = _(
            "Le système a refusé l'opération : {reason}. Rien n'a été modifié. Vérifiez le "
            "fichier et son dossier, puis recommencez."
        ).format(reason=reason)
    else:
        message = _(
            "Impossible d'accéder à {path} : {reason}. Rien n'a été modifié. Vérifiez le fichier "
            "et son dossier, puis recommencez."
        ).format(path=where, reason=reason)
    return StorageFailure(message, kind=OTHER, path=where)


def sqlite_code(exc: sqlite3.Error) -> int | None:
    """SQLite's extended result code of an error (None for errors raised by Python itself)."""
    return getattr(exc, "sqlite_errorcode", None)


def from_sqlite_error(exc: sqlite3.Error, path: Path | str | None = None) -> StorageFailure | None:
    """The sentence for SQLite's BUSY, FULL, IOERR, READONLY, CORRUPT… on the database at
    `path`; None for an error that is a bug of ours (a wrong statement, a constraint)."""
    code = sqlite_code(exc)
    if code is None:
        return None
    where = Path(path) if path is not None else None
    primary = code & 0xFF
    if primary == _SQLITE_FULL:
        return disk_full_failure(where)
    if where is None:
        return None
    if primary in (_SQLITE_BUSY, _SQLITE_LOCKED):
        return database_busy_failure(where)
    if primary == _SQLITE_IOERR:
        return io_failure(where)
    if primary in (_SQLITE_CORRUPT, _SQLITE_NOTADB):
        return damaged_failure(where)
    if primary == _SQLITE_READONLY:
        return read_only_failure(where)
    if primary in (_SQLITE_PERM, _SQLITE_AUTH):
        return permission_failure(where)
    if primary == _SQLITE_CANTOPEN:
        reason = why_not_writable(where)
        return read_only_failure(where, reason) if reason else missing_failure(where)
    return None


def database_busy_failure(path: Path) -> StorageFailure:
    return _about(
        path,
        BUSY,
        _(
            "La base {path} est occupée par un autre programme en ce moment. Rien n'a été "
            "modifié. Attendez un instant puis recommencez ; si cela dure, fermez les autres "
            "programmes ou postes qui l'ont ouverte."
        ),
    )


def user_error_for(exc: BaseException, path: Path | str | None = None) -> UserError | None:
    """The user's sentence for any exception, or None when it is a bug to report as such.

    `path` is the database (or file) the work was on, for errors that name none (SQLite's)."""
    if isinstance(exc, UserError):
        return exc
    if isinstance(exc, OSError):
        named = exc.filename is not None or exc.filename2 is not None
        return from_os_error(exc, None if named else path)
    if isinstance(exc, sqlite3.Error):
        return from_sqlite_error(exc, path)
    if isinstance(exc, MemoryError):
        return StorageFailure(
            _(
                "La mémoire de l'ordinateur ne suffit pas pour ce travail. Rien n'a été modifié. "
                "Fermez d'autres programmes, puis recommencez."
            ),
            kind=OTHER,
        )
    return None


def unexpected_failure(exc: BaseException, log_path: Path | None) -> UserError:
    """A bug of ours, told as such: what happened, that a write in progress was undone, where the
    technical detail is kept."""
    detail = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    if log_path is not None:
        message = _(
            "ESS Desk s'est arrêté sur une erreur inattendue ({detail}). Une écriture en cours est "
            "annulée en entier : la base reste telle qu'avant. Le détail technique est dans le "
            "journal {log} : joignez-le à votre demande d'aide."
        ).format(detail=detail, log=log_path)
    else:
        message = _(
            "ESS Desk s'est arrêté sur une erreur inattendue ({detail}). Une écriture en cours est "
            "annulée en entier : la base reste telle qu'avant. Signalez-la à la personne qui vous "
            "aide, avec la commande lancée."
        ).format(detail=detail)
    return UserError(message)


def write_failure(exc: OSError | sqlite3.Error, path: Path | str) -> StorageFailure:
    """Why the file at `path` could not be written, whoever refused (the system or SQLite)."""
    if isinstance(exc, sqlite3.Error):
        found = from_sqlite_error(exc, path)
        if found is not None:
            return found
        return _other(OSError(errno.EIO, str(exc)), Path(path))
    return from_os_error(exc, path)
