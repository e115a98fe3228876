"""Writing files: never over the council's database, never half-written, never readable by others.

Every file the program writes goes through `atomic_path`: it is written to a private temporary
file beside its final name (prefix `TEMP_PREFIX`, so that a program killed mid-way leaves nothing
that `sweep_temporary_files` cannot recognise), then renamed. Before anything is written, the
final name is checked against every database this process has opened: the database itself, its
journal, its lock and its backups folder are refused with a sentence.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
import time
import zlib
from collections.abc import Iterator
from pathlib import Path

from ess_desk import host_name
from ess_desk.errors import UserError
from ess_desk.i18n import _

# Every temporary file of ESS Desk starts with this, then the machine, then the process id.
TEMP_PREFIX = ".ess-desk-tmp-"
# SQLite's own files beside a database, by suffix of the database's name.
_SQLITE_COMPANIONS = ("-journal", "-wal", "-shm")
_protected: set[Path] = set()


def _real(path: Path | str) -> Path:
    """The path with links resolved and, where the file system ignores case, case folded. The
    real path of its folder is remembered (a thousand files written in a folder resolve it once;
    one `stat` checks that the name still leads to the same folder); the file's own name is
    resolved when it is a link."""
    return _real_and_there(path)[0]


def _real_and_there(path: Path | str) -> tuple[Path, bool | None]:
    """`_real`, and whether something is there under that name (links followed) when the look
    at the name told it (None: not known, the name being a link)."""
    text = os.fspath(path)
    folder, name = os.path.split(text)
    if not folder or name in ("", ".", ".."):
        return _resolved(text), None
    there: bool | None
    try:
        there = not stat.S_ISLNK(os.lstat(text).st_mode)
        if not there:
            return _resolved(text), None
    except (FileNotFoundError, NotADirectoryError):
        there = False  # (not there yet: its name is its own)
    except OSError:
        there = None  # (its name is its own; whether it is there, `Path.exists` says)
    try:
        st = os.stat(folder)
    except OSError:
        return _resolved(text), None
    known = _FOLDERS.get(folder)
    if known is None or known[:2] != (st.st_dev, st.st_ino):
        if len(_FOLDERS) >= 64:  # bounded
            _FOLDERS.clear()
        known = _FOLDERS[folder] = (st.st_dev, st.st_ino, str(_resolved(folder)))
    return Path(os.path.join(known[2], os.path.normcase(name))), there


def _resolved(path: str) -> Path:
    return Path(os.path.normcase(os.path.realpath(path)))


# The real path of each folder `_real` resolved, with the device and inode it was then.
_FOLDERS: dict[str, tuple[int, int, str]] = {}


def protect_database(db_path: Path | str) -> None:
    """Remember an opened database: no export of this process may ever write over it."""
    _protected.add(_real(db_path))


def protected_databases() -> frozenset[Path]:
    return frozenset(_protected)


def _protected_reason(target: Path) -> str | None:
    """Why writing `target` would destroy part of an opened database, or None."""
    real, there = _real_and_there(target)
    for db in _protected:
        if there is None:
            there = target.exists()
        if real == db or (there and db.exists() and _same_file(target, db)):
            return _(
                "{path} est le fichier de la base du conseil : ESS Desk n'écrit jamais par-dessus. "
                "Choisissez un autre nom de fichier."
            ).format(path=target)
        companions, backups, backups_real = _database_files(db)
        if real in companions:
            return _(
                "{path} est un fichier de travail de la base du conseil (journal ou verrou) : "
                "ESS Desk n'écrit jamais par-dessus. Choisissez un autre nom de fichier."
            ).format(path=target)
        if real == backups_real or str(real).startswith(os.path.join(backups_real, "")):
            return _(
                "{path} est dans le dossier des sauvegardes de la base ({folder}) : ESS Desk n'y "
                "écrit que ses propres sauvegardes. Choisissez un autre dossier."
            ).format(path=target, folder=backups)
    return None


# What `_database_files` found for each database, with the state of the folders it depends on.
_DATABASE_FILES: dict[Path, tuple[tuple, tuple[frozenset[Path], Path, Path]]] = {}


def _folder_state(folder: Path) -> tuple:
    """What changes when an entry of `folder` is added, removed, renamed or made a link, or when
    the folder itself is replaced (a mount, a link)."""
    try:
        st = os.stat(folder)
    except OSError:
        return ()
    return (st.st_dev, st.st_ino, st.st_mtime_ns, st.st_ctime_ns)


def _database_files(db: Path) -> tuple[frozenset[Path], Path, Path]:
    """The real paths of a database's journal, lock and takeover files, its backups folder and
    that folder's real path: looked up again only when the folders holding them changed (a
    thousand files written in a row check them once, not once per file)."""
    from ess_desk.store.backup import backup_dir
    from ess_desk.store.lock import lock_path, takeover_path

    known = _DATABASE_FILES.get(db)
    if known is not None:
        state, found = known
        if state == _folders_state(db, found[1]):
            return found
    backups = backup_dir(db)
    state = _folders_state(db, backups)  # (before looking)
    companions = [Path(str(db) + suffix) for suffix in _SQLITE_COMPANIONS]
    companions += [lock_path(db), takeover_path(db)]
    found = (frozenset(_real(c) for c in companions), backups, _real(backups))
    _DATABASE_FILES[db] = (state, found)
    return found


def _folders_state(db: Path, backups: Path) -> tuple:
    """The state of the database's folder and of its backups' folder (looked at once when they
    are the same folder: the backups beside the database)."""
    here = _folder_state(db.parent)
    return (here, None) if backups.parent == db.parent else (here, _folder_state(backups.parent))


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def check_output(target: Path | str) -> Path:
    """Refuse, with a sentence, an output path that is a database of ours or part of one."""
    target = Path(target)
    reason = _protected_reason(target)
    if reason is not None:
        raise UserError(reason)
    return target


def _host_tag() -> str:
    return f"{zlib.crc32(host_name().encode()):08x}"


def temp_prefix(name: str = "") -> str:
    """The start of a temporary file's name: recognisable, with its machine and process."""
    return f"{TEMP_PREFIX}{_host_tag()}-{os.getpid()}-{name}"


def private_temp(folder: Path, name: str = "", suffix: str = "") -> Path:
    """Create an empty private (0600) temporary file in `folder` and return its path."""
    fd, tmp = tempfile.mkstemp(prefix=temp_prefix(name), suffix=suffix, dir=folder)
    os.close(fd)
    return Path(tmp)


def _pid_alive(pid: int) -> bool:
    from ess_desk.store.lock import _pid_alive as alive

    return alive(pid)


def sweep_temporary_files(folder: Path, *, older_than: float = 0.0) -> list[Path]:
    """Remove what killed programs left in `folder`: temporary files of processes of this machine
    that no longer run, and those of other machines older than a day. Returns what was removed."""
    removed: list[Path] = []
    try:
        # A plain listing, not Path.glob: the pattern machinery (fnmatch, a regular expression
        # compiled per call) was most of this, at every opening of the window (twice).
        with os.scandir(folder) as entries:
            candidates = [folder / e.name for e in entries if e.name.startswith(TEMP_PREFIX)]
    except OSError:
        return removed
    host = _host_tag()
    now = time.time()
    for path in candidates:
        rest = path.name[len(TEMP_PREFIX) :].split("-", 2)
        try:
            age = now - path.stat().st_mtime
        except OSError:
            continue
        if age < older_than:
            continue
        if len(rest) >= 2 and rest[0] == host and rest[1].isdigit():
            stale = not _pid_alive(int(rest[1]))
        else:
            stale = age > 24 * 3600
        if stale and path.is_file():
            with contextlib.suppress(OSError):
                path.unlink()
                removed.append(path)
    return removed


def _cannot_write(final: Path, exc: OSError) -> UserError:
    from ess_desk.failures import from_os_error

    return from_os_error(exc, final)


@contextlib.contextmanager
def atomic_path(final: Path | str) -> Iterator[Path]:
    """Yield a private temporary path beside `final`; on success it is renamed to `final`."""
    final = check_output(final)
    try:
        ensure_folder(final.parent)
        tmp = private_temp(final.parent, suffix=final.suffix)
    except OSError as exc:
        raise _cannot_write(final, exc) from exc
    try:
        yield tmp
        check_output(final)  # a database opened meanwhile under that name is still refused
        os.replace(tmp, final)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise _cannot_write(final, exc) from exc
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def ensure_folder(folder: Path | str) -> Path:
    """Create a folder (and its parents) for files to be written, or say why it cannot be."""
    folder = check_output(folder)
    if os.path.isdir(folder):
        return folder  # (what mkdir would find: a thousand files written in one folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError as exc:
        raise UserError(
            _("Impossible de créer le dossier {path} : un fichier porte déjà ce nom.").format(
                path=folder
            )
        ) from exc
    except OSError as exc:
        from ess_desk.failures import from_os_error

        raise from_os_error(exc, folder) from exc
    return folder


def ensure_private_folder(folder: Path | str) -> Path:
    """Like `ensure_folder`, the last folder created readable by its owner only (0700)."""
    folder = Path(folder)
    if not folder.is_dir():
        ensure_folder(folder.parent)
        try:
            folder.mkdir(mode=0o700, exist_ok=True)
        except OSError:
            ensure_folder(folder)  # says why
    return folder
