"""The lock file beside the database: who holds it (user, machine, since when)."""

from __future__ import annotations

import contextlib
import datetime as dt
import getpass
import json
import os
import socket
from dataclasses import asdict, dataclass
from pathlib import Path


@dataclass(frozen=True)
class LockInfo:
    user: str
    host: str
    pid: int
    since: str  # ISO timestamp, local time
    token: str

    def since_display(self) -> str:
        from ess_desk.dates import display_datetime

        try:
            return display_datetime(self.since)
        except ValueError:
            return self.since


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


def current_user() -> str:
    try:
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


def read_lock(db_path: Path) -> LockInfo | None:
    path = lock_path(db_path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return LockInfo(
            user=str(data["user"]),
            host=str(data["host"]),
            pid=int(data["pid"]),
            since=str(data["since"]),
            token=str(data.get("token", "")),
        )
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError):
        # An unreadable lock names nobody; it is treated as stale and taken over.
        return None


def is_stale(info: LockInfo) -> bool:
    """A lock is stale when it names a process of this machine that no longer runs."""
    return info.host == socket.gethostname() and not _pid_alive(info.pid)


def acquire(db_path: Path) -> tuple[LockInfo | None, LockInfo | None]:
    """Try to take the lock. Returns (ours, holder): ours when taken, else who holds it."""
    path = lock_path(db_path)
    for _attempt in range(3):
        mine = LockInfo(
            user=current_user(),
            host=socket.gethostname(),
            pid=os.getpid(),
            since=dt.datetime.now().isoformat(timespec="seconds"),
            token=os.urandom(16).hex(),
        )
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            holder = read_lock(db_path)
            if holder is None or is_stale(holder):
                with contextlib.suppress(FileNotFoundError):
                    path.unlink()
                continue
            return None, holder
        except OSError:
            # A folder where we cannot write: nobody can hold a lock there; open read-only.
            return None, None
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(asdict(mine), f)
        return mine, None
    return None, read_lock(db_path)


def release(db_path: Path, mine: LockInfo) -> None:
    """Remove the lock file if it is still ours."""
    holder = read_lock(db_path)
    if holder is not None and holder.token == mine.token:
        with contextlib.suppress(OSError):
            lock_path(db_path).unlink()
