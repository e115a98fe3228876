"""The lock file beside the database: who holds it (user, machine, since when).

The lock is exclusive and never seen half-written: its content is written whole to a private
temporary file, which is then *linked* to the lock's name — a link fails when the name exists, so
of several programs opening the file at once exactly one gets it. A lock left by a program that no
longer runs is taken over under a short "takeover" lock, re-read first, so that two programs never
both remove a lock and both think they hold the next one.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import functools
import json
import os
import time
from collections.abc import Iterator
from pathlib import Path

from ess_desk import host_name
from ess_desk.record import Record

# A lock younger than this that cannot be read is being written by an older version (which wrote
# it in place): it is waited for, not taken over.
FRESH_SECONDS = 5.0
# A takeover lock older than this was left by a program killed in the middle of a takeover.
TAKEOVER_STALE_SECONDS = 10.0
_ATTEMPTS = 50
_WAIT = 0.02


class LockInfo(Record):
    """Who holds a lock, as its file says."""

    __slots__ = _fields = ("user", "host", "pid", "since", "token")
    user: str
    host: str
    pid: int
    since: str  # ISO timestamp, local time
    token: str

    def __init__(self, user: str, host: str, pid: int, since: str, token: str) -> None:
        self.user = user
        self.host = host
        self.pid = pid
        self.since = since
        self.token = token

    def as_json(self) -> str:
        """The lock file's text: the fields by name, in their order."""
        return json.dumps({name: getattr(self, name) for name in self._fields})

    def since_display(self) -> str:
        from ess_desk.dates import display_datetime

        try:
            return display_datetime(self.since)
        except ValueError:
            return self.since


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


def takeover_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock.takeover")


def current_user() -> str:
    """The account's name, as `getpass.getuser()` says it: the variables it reads first, in its
    order, and getpass itself only when none is set (it loads termios, a library of its own:
    0.7 ms of every opening)."""
    for name in ("LOGNAME", "USER", "LNAME", "USERNAME"):
        user = os.environ.get(name)
        if user:
            return user
    return _account_name(os.getuid() if hasattr(os, "getuid") else None)


@functools.cache
def _account_name(_uid: int | None) -> str:
    """getpass's name of the account (`_uid`'s, the cache's key), read once per process: it
    reads the password database each time (every audit entry asks: 60,000 reads, 2 s of the
    huge demo, when none of the variables is set)."""
    try:
        import getpass

        return getpass.getuser()
    except Exception:  # getuser raises various errors when no user name can be found
        return "inconnu"


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True


def _parse(text: str) -> LockInfo | None:
    try:
        data = json.loads(text)
        return LockInfo(
            user=str(data["user"]),
            host=str(data["host"]),
            pid=int(data["pid"]),
            since=str(data["since"]),
            token=str(data.get("token", "")),
        )
    except (ValueError, KeyError, TypeError):
        return None


def read_lock(db_path: Path) -> LockInfo | None:
    """Who holds the lock, or None when there is no lock or it cannot be read."""
    try:
        text = lock_path(db_path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    return _parse(text)


def is_stale(info: LockInfo) -> bool:
    """A lock is stale when it names a process of this machine that no longer runs."""
    return info.host == host_name() and not _pid_alive(info.pid)


def _age(path: Path) -> float:
    try:
        return time.time() - path.stat().st_mtime
    except OSError:
        return 0.0


def _new_info() -> LockInfo:
    return LockInfo(
        user=current_user(),
        host=host_name(),
        pid=os.getpid(),
        since=dt.datetime.now().isoformat(timespec="seconds"),
        token=os.urandom(16).hex(),
    )


def _write_private(path: Path, text: str) -> None:
    """Create `path` (which must not exist), readable by its owner only, with `text` in it."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        # Closed before it is linked, hence whole for every reader, here or over a network share
        # (close-to-open). Not forced to the disk: a lock only lives as long as its program, and
        # one left empty by a power cut reads as unreadable, which acquire() clears after
        # FRESH_SECONDS. The fsync cost every start a wait on the disk (5–30 ms on a busy one).
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
    except BaseException:
        # A full disk: the empty file made above must not stay (nor read as a lock).
        with contextlib.suppress(OSError):
            path.unlink()
        raise


def _publish(path: Path, info: LockInfo) -> None:
    """Put a complete lock file at `path`; FileExistsError when a lock is already there."""
    from ess_desk.fileio import temp_prefix

    # A temporary name the sweep recognises: a program killed here leaves nothing for good.
    tmp = path.with_name(f"{temp_prefix('verrou-')}{info.token[:8]}.tmp")
    _write_private(tmp, info.as_json())
    try:
        try:
            os.link(tmp, path)
        except FileExistsError:
            raise
        except OSError as exc:
            # File systems without hard links (FAT, some network shares). On Windows a rename
            # onto an existing name fails, which is just as atomic; elsewhere fall back to an
            # exclusive create (readers wait for a young unreadable lock, see acquire()).
            if exc.errno in (errno.EACCES, errno.EROFS, errno.ENOSPC, errno.EDQUOT):
                raise
            if os.name == "nt":
                os.rename(tmp, path)
                return
            _write_private(path, info.as_json())
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()


@contextlib.contextmanager
def _takeover(db_path: Path) -> Iterator[bool]:
    """A short exclusive section for removing a stale lock; yields False when another has it."""
    path = takeover_path(db_path)
    try:
        _write_private(path, str(os.getpid()))
    except FileExistsError:
        if _age(path) > TAKEOVER_STALE_SECONDS:
            with contextlib.suppress(OSError):
                path.unlink()
        yield False
        return
    try:
        yield True
    finally:
        with contextlib.suppress(OSError):
            path.unlink()


def _remove_if_still(db_path: Path, token: str | None) -> None:
    """Remove the lock if it is still the stale one we judged (same token, or still unreadable)."""
    with _takeover(db_path) as ours:
        if not ours:
            return
        path = lock_path(db_path)
        now = read_lock(db_path)
        if token is None:
            if now is not None or _age(path) < FRESH_SECONDS:
                return
        elif now is None or now.token != token or not is_stale(now):
            return
        with contextlib.suppress(FileNotFoundError):
            path.unlink()


def acquire(db_path: Path) -> tuple[LockInfo | None, LockInfo | None]:
    """Try to take the lock. Returns (ours, holder): ours when taken, else who holds it.

    (None, None) means the lock cannot be written at all (a read-only folder, a full disk, a
    folder in the lock's place): nobody can write the database from here."""
    path = lock_path(db_path)
    holder: LockInfo | None = None
    for _attempt in range(_ATTEMPTS):
        mine = _new_info()
        try:
            _publish(path, mine)
            return mine, None
        except FileExistsError:
            pass
        except OSError:
            return None, None
        if path.is_dir():
            return None, None
        holder = read_lock(db_path)
        if holder is None:
            if _age(path) < FRESH_SECONDS:
                time.sleep(_WAIT)  # being written in place by an older version: wait for it
                continue
            _remove_if_still(db_path, None)
            continue
        if is_stale(holder):
            _remove_if_still(db_path, holder.token)
            time.sleep(_WAIT / 4)
            continue
        return None, holder
    return None, holder if holder is not None else read_lock(db_path)


def release(db_path: Path, mine: LockInfo) -> None:
    """Remove the lock file if it is still ours."""
    holder = read_lock(db_path)
    if holder is not None and holder.token == mine.token:
        with contextlib.suppress(OSError):
            lock_path(db_path).unlink()
