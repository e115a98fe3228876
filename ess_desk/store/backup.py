"""Backups through SQLite's online backup API: rotating daily copies, on-demand copies, restore.

Each copy records what it is inside itself (table `_ess_desk_backup`: kind, moment, source,
version), so that rotation goes by the recorded kind and date, never by the shape of a file name
(a database named `ess-desk.sqlite` already has a hyphen). Copies made by older versions carry no
record: their kind and moment are read from their name, anchored on the database's own name.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import re
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from ess_desk.errors import StoreError
from ess_desk.i18n import _
from ess_desk.record import Record
from ess_desk.store import database
from ess_desk.store.database import read_only_connection

if TYPE_CHECKING:
    from ess_desk.store.database import Store

DEFAULT_KEEP = 10
KEEP_SETTING = "backups_keep"
_STAMP = "%Y%m%d-%H%M%S"
INFO_TABLE = "_ess_desk_backup"

# Kinds of copies, as recorded (and as the suffix of their file name).
AUTOMATIC = "automatique"
BEFORE_MIGRATION = "avant-mise-a-jour"
BEFORE_RESTORE = "avant-restauration"
MANUAL = "manuelle"


class BackupInfo(Record):
    """A copy of the database: where it is, what kind of copy, and when it was taken."""

    __slots__ = _fields = ("path", "kind", "taken_at")
    path: Path
    kind: str
    taken_at: dt.datetime | None

    def __init__(self, path: Path, kind: str, taken_at: dt.datetime | None) -> None:
        self.path = path
        self.kind = kind
        self.taken_at = taken_at


def backup_dir(db_path: Path) -> Path:
    """The backups folder: beside the database, or, for a database on a network drive, in the
    user's data folder on this computer (the copies stay on the local disk)."""
    from ess_desk.store.network import local_backup_dir, network_drive

    if network_drive(db_path) is not None:
        return local_backup_dir(db_path)
    return db_path.with_name(db_path.stem + "-sauvegardes")


def _stamp(day: str, time: str) -> dt.datetime | None:
    """The moment of a `_STAMP` ("20261128-101500"), read without strptime (slow to load)."""
    if len(day) != 8 or len(time) != 6 or not (day + time).isdigit():
        return None
    try:
        return dt.datetime(
            int(day[:4]), int(day[4:6]), int(day[6:]), int(time[:2]), int(time[2:4]), int(time[4:])
        )
    except ValueError:
        return None


def _name_date(backup: Path) -> dt.datetime | None:
    parts = backup.stem.split("-")
    # pre-migration copies carry a suffix after the stamp: the last stamp-shaped pair wins
    for i in range(len(parts) - 2, -1, -1):
        found = _stamp(parts[i], parts[i + 1])
        if found is not None:
            return found
    return None


def _legacy_info(path: Path, db_stem: str | None) -> BackupInfo | None:
    """A copy made before copies recorded their kind: `<stem>-<stamp>[-<kind>].sqlite`."""
    if db_stem is None:
        when = _name_date(path)
        return BackupInfo(path, AUTOMATIC, when) if when else None
    match = re.fullmatch(re.escape(db_stem) + r"-(\d{8})-(\d{6})(?:-(.+))?", path.stem)
    if match is None:
        return None
    when = _stamp(match.group(1), match.group(2))
    if when is None:
        return None
    return BackupInfo(path, match.group(3) or AUTOMATIC, when)


_info_cache: dict[tuple[str, int, int], BackupInfo | None] = {}

# What each copy of a folder records, kept beside them in a small file keyed like `_info_cache`
# (name, then modification time and size): every opening of the window lists the copies, and
# reading a copy's record means parsing the whole schema of a copy of the council (3–6 ms for the
# large demo, for each of the ten copies kept). An entry whose file changed is read again; the
# file is only a cache, rewritten whole when an entry was missing and ignored when unreadable.
INDEX_NAME = ".ess-desk-copies.json"
_indexes: dict[str, dict[str, list]] = {}  # folder → {name: [mtime_ns, size, kind, taken_at]}
_stale_indexes: set[str] = set()


def _index_of(folder: Path) -> dict[str, list]:
    key = str(folder)
    index = _indexes.get(key)
    if index is None:
        try:
            found = json.loads((folder / INDEX_NAME).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, ValueError):
            found = None
        index = _indexes[key] = found if isinstance(found, dict) else {}
    return index


def _indexed(path: Path, stat: os.stat_result) -> tuple[bool, BackupInfo | None]:
    """(found in the folder's index, what it says the copy records)."""
    entry = _index_of(path.parent).get(path.name)
    if not (isinstance(entry, list) and len(entry) == 4):
        return False, None
    mtime, size, kind, taken_at = entry
    if mtime != stat.st_mtime_ns or size != stat.st_size:
        return False, None
    if kind is None:
        return True, None  # no record in that copy
    try:
        return True, BackupInfo(path, str(kind), dt.datetime.fromisoformat(taken_at))
    except (TypeError, ValueError):
        return False, None


def _remember(path: Path, stat: os.stat_result, info: BackupInfo | None) -> None:
    taken_at = info.taken_at.isoformat() if info is not None and info.taken_at else None
    kind = info.kind if info is not None else None
    _index_of(path.parent)[path.name] = [stat.st_mtime_ns, stat.st_size, kind, taken_at]
    _stale_indexes.add(str(path.parent))


def _save_index(folder: Path, names: set[str]) -> None:
    """Write the folder's index again (its entries for `names`, the copies there now) if an
    entry was added; a folder that cannot be written keeps reading the copies themselves."""
    key = str(folder)
    if key not in _stale_indexes:
        return
    _stale_indexes.discard(key)
    from ess_desk.fileio import temp_prefix

    index = {name: entry for name, entry in _index_of(folder).items() if name in names}
    _indexes[key] = index
    tmp = folder / f"{temp_prefix('copies-')}.json"
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(index, f)
        os.replace(tmp, folder / INDEX_NAME)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink()


def _recorded_info(path: Path) -> tuple[bool, BackupInfo | None]:
    """(has a record, the record). A file that is not SQLite has no record."""
    try:
        stat = path.stat()
    except OSError:
        return False, None
    key = (str(path), stat.st_mtime_ns, stat.st_size)
    if key in _info_cache:
        info = _info_cache[key]
        return info is not None, info
    indexed, info = _indexed(path, stat)
    if not indexed:
        info, certain = _read_record(path)
        if certain:
            _remember(path, stat, info)
    _info_cache[key] = info
    return info is not None, info


def _read_record(path: Path) -> tuple[BackupInfo | None, bool]:
    """(what the copy at `path` records about itself, None for no record; whether that is
    known for good: not after a passing failure such as a busy file)."""
    try:
        conn = read_only_connection(path)
        try:
            row = database.row(conn, f"SELECT kind, taken_at FROM {INFO_TABLE} LIMIT 1")
        finally:
            conn.close()
    except sqlite3.Error as exc:
        return None, "no such table" in str(exc)
    if row is None:
        return None, True
    try:
        return BackupInfo(path, str(row["kind"]), dt.datetime.fromisoformat(row["taken_at"])), True
    except (TypeError, ValueError):
        return None, True


def read_backup_info(path: Path, db_path: Path | None = None) -> BackupInfo | None:
    """What a copy records about itself, else what its name says; None for a foreign file."""
    recorded, info = _recorded_info(path)
    if recorded:
        return info
    return _legacy_info(path, db_path.stem if db_path is not None else None)


def backups(db_path: Path) -> list[BackupInfo]:
    """The copies of this database in its backups folder, newest first."""
    folder = backup_dir(db_path)
    if not folder.is_dir():
        return []
    found = []
    names = set()
    for path in folder.glob("*.sqlite"):
        if path.name.startswith("."):
            continue
        names.add(path.name)
        info = read_backup_info(path, db_path)
        if info is not None:
            found.append(info)
    _save_index(folder, names)
    found.sort(key=lambda b: (b.taken_at or dt.datetime.min, b.path.name), reverse=True)
    return found


def list_backups(db_path: Path) -> list[Path]:
    """Automatic and pre-migration backups of this database, newest first."""
    return [b.path for b in backups(db_path)]


def latest_backup(db_path: Path) -> Path | None:
    found = list_backups(db_path)
    return found[0] if found else None


def backup_date(backup: Path) -> dt.datetime | None:
    """When a copy was taken: as recorded inside it, else as its name says."""
    recorded, info = _recorded_info(backup)
    if recorded and info is not None:
        return info.taken_at
    return _name_date(backup)


def _record(target: sqlite3.Connection, kind: str, taken_at: dt.datetime, source: Path) -> None:
    from ess_desk import __version__
    from ess_desk.store import chain

    # The head of the audit chain as it is in the copy: `check` compares the database with it.
    head = chain.head(target) if _has_audit_log(target) else None
    target.execute(f"DROP TABLE IF EXISTS {INFO_TABLE}")
    target.execute(
        f"CREATE TABLE {INFO_TABLE} (kind TEXT NOT NULL, taken_at TEXT NOT NULL, "
        "source TEXT NOT NULL, version TEXT NOT NULL, audit_id INTEGER, audit_hash TEXT)"
    )
    target.execute(
        f"INSERT INTO {INFO_TABLE} VALUES (?, ?, ?, ?, ?, ?)",
        [
            kind,
            taken_at.isoformat(timespec="seconds"),
            str(source),
            __version__,
            head[0] if head else None,
            head[1] if head else None,
        ],
    )
    target.commit()


def _has_audit_log(conn: sqlite3.Connection) -> bool:
    return (
        conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_log'"
        ).fetchone()
        is not None
    )


def recorded_head(path: Path) -> tuple[int, str] | None:
    """The head of the audit chain a copy recorded when it was taken (None for older copies)."""
    try:
        conn = read_only_connection(path)
        try:
            row = database.row(conn, f"SELECT audit_id, audit_hash FROM {INFO_TABLE} LIMIT 1")
        finally:
            conn.close()
    except sqlite3.Error:
        return None
    if row is None or row["audit_id"] is None:
        return None
    return int(row["audit_id"]), str(row["audit_hash"])


def copy_database(
    conn: sqlite3.Connection,
    dest: Path,
    *,
    kind: str = MANUAL,
    source: Path | None = None,
    taken_at: dt.datetime | None = None,
) -> Path:
    """Copy a live database into `dest` (private), through a temporary file renamed when whole."""
    from ess_desk.fileio import ensure_private_folder, private_temp

    ensure_private_folder(dest.parent)
    tmp = private_temp(dest.parent, "sauvegarde-", suffix=".tmp")
    try:
        target = sqlite3.connect(tmp)
        try:
            conn.backup(target)
            _record(target, kind, taken_at or dt.datetime.now(), source or Path(""))
        finally:
            target.close()
        os.replace(tmp, dest)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return dest


def _write_failure(dest: Path, exc: OSError | sqlite3.Error) -> StoreError:
    from ess_desk.failures import write_failure

    return write_failure(exc, dest)


def backup_to(store: Store, dest: Path | str) -> Path:
    """`ess-desk backup -o FILE`: a consistent copy of the open database, never over it."""
    from ess_desk.errors import UserError
    from ess_desk.fileio import check_output

    dest = Path(dest)
    try:
        check_output(dest)
    except UserError as exc:
        raise StoreError(exc.message) from exc
    try:
        return copy_database(store.conn, dest, kind=MANUAL, source=store.path)
    except (OSError, sqlite3.Error) as exc:
        raise _write_failure(dest, exc) from exc


def _own_backup(store: Store, kind: str, now: dt.datetime | None = None) -> Path:
    """A copy of the kind given into the database's backups folder."""
    now = now or dt.datetime.now()
    suffix = "" if kind == AUTOMATIC else f"-{kind}"
    dest = backup_dir(store.path) / f"{store.path.stem}-{now.strftime(_STAMP)}{suffix}.sqlite"
    try:
        made = copy_database(store.conn, dest, kind=kind, source=store.path, taken_at=now)
        stat = made.stat()
    except (OSError, sqlite3.Error) as exc:
        raise _write_failure(dest, exc) from exc
    # What the copy records, known without opening it again when the copies are next listed
    # (the rotation that follows: parsing the copy's schema, 3 ms for a new council). As read
    # back: the moment to the second.
    info = BackupInfo(made, kind, dt.datetime.fromisoformat(now.isoformat(timespec="seconds")))
    _info_cache[(str(made), stat.st_mtime_ns, stat.st_size)] = info
    _remember(made, stat, info)
    return made


def backup_before(store: Store, reason: str) -> Path:
    return _own_backup(store, reason)


def keep_count(store: Store) -> int:
    try:
        return max(1, int(store.setting(KEEP_SETTING) or DEFAULT_KEEP))
    except (TypeError, ValueError, sqlite3.Error):
        return DEFAULT_KEEP


def daily_backup(store: Store, now: dt.datetime | None = None) -> Path | None:
    """On opening: at most one automatic backup a day, keeping the last N."""
    now = now or dt.datetime.now()
    existing = backups(store.path)
    for backup in existing:
        if backup.kind == AUTOMATIC and backup.taken_at and backup.taken_at.date() == now.date():
            return backup.path
    try:
        made = _own_backup(store, AUTOMATIC, now)
    except StoreError:
        # A failed automatic backup must not stop the secretary from working.
        return existing[0].path if existing else None
    rotate(store.path, keep_count(store))
    return made


def backup_now(store: Store, now: dt.datetime | None = None) -> Path:
    """« Sauvegarder maintenant »: a copy taken at once into the backups folder, as the
    automatic ones are (and rotated with them), whatever was already taken today."""
    made = _own_backup(store, AUTOMATIC, now)
    rotate(store.path, keep_count(store))
    store.last_backup = made
    return made


def rotate(db_path: Path, keep: int) -> None:
    """Keep the `keep` newest automatic copies; copies of other kinds are never removed here."""
    automatic = [b for b in backups(db_path) if b.kind == AUTOMATIC]
    for old in automatic[keep:]:
        with contextlib.suppress(OSError):
            old.path.unlink()


def verify_backup_file(path: Path) -> None:
    """Check a file before restoring it: ours, intact, not from a newer version."""
    from ess_desk.store.database import (
        LazyDatabase,
        _damaged,
        _too_new,
        _verify_identity,
        as_database,
        inspect_file,
        read_only_connection,
        schema_state,
    )

    if not path.is_file():
        raise StoreError(_("Le fichier {path} n'existe pas.").format(path=path))
    inspect_file(path)
    conn = read_only_connection(path)
    try:
        db = as_database(LazyDatabase(conn))
        try:
            if _verify_identity(db, path):
                raise StoreError(
                    _("Le fichier {path} n'est pas une base de données ESS Desk.").format(path=path)
                )
            result = conn.execute("PRAGMA integrity_check").fetchall()
            if result != [("ok",)]:
                raise _damaged(path, Exception(result[0][0]))
            _pending, unknown = schema_state(db)
            if unknown:
                raise _too_new(path)
        except sqlite3.DatabaseError as exc:
            raise _damaged(path, exc) from exc
    finally:
        conn.close()


def _is_open_database(store: Store, source: Path) -> bool:
    from ess_desk.fileio import _real, _same_file

    return _real(source) == _real(store.path) or _same_file(source, store.path)


def restore(store: Store, source: Path | str) -> Path:
    """Replace the open database's content with a checked backup; the current one is kept first."""
    source = Path(source)
    store.ensure_writable()
    if _is_open_database(store, source):
        raise StoreError(
            _(
                "{path} est la base ouverte elle-même : choisissez une sauvegarde à restaurer "
                "(dans {folder})."
            ).format(path=source, folder=backup_dir(store.path))
        )
    verify_backup_file(source)
    kept = backup_before(store, BEFORE_RESTORE)
    src = read_only_connection(source)
    try:
        src.backup(store.conn)
    finally:
        src.close()
    # The copy's record of itself is not part of the council's data.
    store.conn.execute(f"DROP TABLE IF EXISTS {INFO_TABLE}")
    store.conn.commit()
    from ess_desk.store.schema import migrations

    migrations.apply(store.db.database if hasattr(store.db, "database") else store.db)
    return kept
