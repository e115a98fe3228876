"""Backups through SQLite's online backup API: rotating daily copies, on-demand copies, restore."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
import tempfile
from pathlib import Path

from ess_desk.errors import StoreError
from ess_desk.i18n import _

DEFAULT_KEEP = 10
KEEP_SETTING = "backups_keep"
_STAMP = "%Y%m%d-%H%M%S"


def backup_dir(db_path: Path) -> Path:
    return db_path.with_name(db_path.stem + "-sauvegardes")


def list_backups(db_path: Path) -> list[Path]:
    """Automatic and pre-migration backups of this database, newest first."""
    folder = backup_dir(db_path)
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"{db_path.stem}-*.sqlite"), reverse=True)


def latest_backup(db_path: Path) -> Path | None:
    found = list_backups(db_path)
    return found[0] if found else None


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


def backup_date(backup: Path) -> dt.datetime | None:
    parts = backup.stem.split("-")
    # pre-migration copies carry a suffix after the stamp: the last stamp-shaped pair wins
    for i in range(len(parts) - 2, -1, -1):
        found = _stamp(parts[i], parts[i + 1])
        if found is not None:
            return found
    return None


def copy_database(conn: sqlite3.Connection, dest: Path) -> Path:
    """Copy a live database into `dest`, written to a temporary file first then renamed."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=".ess-desk-", suffix=".tmp", dir=dest.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        target = sqlite3.connect(tmp)
        try:
            conn.backup(target)
        finally:
            target.close()
        os.replace(tmp, dest)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return dest


def backup_to(store, dest: Path | str) -> Path:
    """`ess-desk backup -o FILE`: a consistent copy of the open database."""
    dest = Path(dest)
    if dest.resolve() == store.path.resolve():
        raise StoreError(_("La sauvegarde ne peut pas remplacer la base ouverte elle-même."))
    try:
        return copy_database(store.conn, dest)
    except (OSError, sqlite3.Error) as exc:
        from ess_desk.failures import write_failure

        raise write_failure(exc, dest) from exc


def backup_before(store, reason: str) -> Path:
    stamp = dt.datetime.now().strftime(_STAMP)
    dest = backup_dir(store.path) / f"{store.path.stem}-{stamp}-{reason}.sqlite"
    return backup_to(store, dest)


def keep_count(store) -> int:
    try:
        return max(1, int(store.setting(KEEP_SETTING, str(DEFAULT_KEEP))))
    except (TypeError, ValueError, sqlite3.Error):
        return DEFAULT_KEEP


def daily_backup(store, now: dt.datetime | None = None) -> Path | None:
    """On opening: at most one automatic backup a day, keeping the last N."""
    now = now or dt.datetime.now()
    existing = list_backups(store.path)
    for backup in existing:
        when = backup_date(backup)
        if when is not None and when.date() == now.date():
            return backup
    dest = backup_dir(store.path) / f"{store.path.stem}-{now.strftime(_STAMP)}.sqlite"
    try:
        made = copy_database(store.conn, dest)
    except (OSError, sqlite3.Error):
        # A failed automatic backup must not stop the secretary from working.
        return existing[0] if existing else None
    rotate(store.path, keep_count(store))
    return made


def rotate(db_path: Path, keep: int) -> None:
    automatic = [b for b in list_backups(db_path) if b.stem.count("-") == 2]
    for old in automatic[keep:]:
        with contextlib.suppress(OSError):
            old.unlink()


def verify_backup_file(path: Path) -> None:
    """Check a file before restoring it: ours, intact, not from a newer version."""
    from ess_desk.store.database import (
        LazyDatabase,
        _damaged,
        _too_new,
        _verify_identity,
        inspect_file,
        schema_state,
    )

    if not path.is_file():
        raise StoreError(_("Le fichier {path} n'existe pas.").format(path=path))
    inspect_file(path)
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        db = LazyDatabase(conn)
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


def restore(store, source: Path | str) -> Path:
    """Replace the open database's content with a checked backup; the current one is kept first."""
    source = Path(source)
    store.ensure_writable()
    verify_backup_file(source)
    kept = backup_before(store, "avant-restauration")
    src = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
    try:
        src.backup(store.conn)
    finally:
        src.close()
    from ess_desk.store.schema import migrations

    migrations.apply(store.db.database if hasattr(store.db, "database") else store.db)
    return kept
