"""Real faults for tests: a small file system that fills up or turns read-only, a process that
has lost root's right to ignore file permissions, the command line run as a user would.

A tmpfs of a few hundred KB needs root (CI runs as root); `setpriv` drops root's
CAP_DAC_OVERRIDE so that a read-only file really refuses. Where neither is possible the tests
that need them say so with `pytest.skip`, and their simulated twins (an `OSError` or a SQLite
error raised at the same call) still run.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def can_mount() -> bool:
    return (
        os.name == "posix"
        and hasattr(os, "geteuid")
        and os.geteuid() == 0
        and bool(shutil.which("mount"))
    )


@contextlib.contextmanager
def small_file_system(folder: Path, size_kb: int) -> Iterator[Path]:
    """A tmpfs of `size_kb` mounted on `folder` for the time of the block."""
    if not can_mount():
        pytest.skip("monter un petit système de fichiers demande les droits root")
    folder.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size_kb}k,mode=0755", "tmpfs", str(folder)],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        pytest.skip(f"tmpfs impossible ici : {done.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)


def remount(folder: Path, *, read_only: bool) -> None:
    option = "remount,ro" if read_only else "remount,rw"
    subprocess.run(["mount", "-o", option, str(folder)], check=True, capture_output=True)


def fill(folder: Path, leave_kb: int = 0) -> Path:
    """Fill the file system of `folder` until it refuses, then give back `leave_kb`."""
    filler = folder / "remplissage.bin"
    block = b"\0" * 4096
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    try:
        while True:
            os.write(fd, block)
    except OSError as exc:
        assert exc.errno == errno.ENOSPC
    finally:
        os.close(fd)
    if leave_kb:
        size = filler.stat().st_size
        os.truncate(filler, max(0, size - leave_kb * 1024))
    return filler


def can_drop_root_rights() -> bool:
    return can_mount() and bool(shutil.which("setpriv"))


def run_cli(
    *args: str, home: Path, without_root_rights: bool = False, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    """`ess-desk ARGS` in its own process, as the user runs it (stdout, stderr, exit code)."""
    command = [sys.executable, "-m", "ess_desk.cli", *args]
    if without_root_rights:
        if not can_drop_root_rights():
            pytest.skip("retirer à root le droit d'ignorer les permissions demande setpriv")
        command = ["setpriv", "--bounding-set=-dac_override,-dac_read_search,-fowner", *command]
    env = dict(os.environ)
    env.update(
        HOME=str(home),
        XDG_DATA_HOME=str(home / "data"),
        XDG_STATE_HOME=str(home / "state"),
        PYTHONPATH=str(ROOT),
        ESS_DESK_LOG_DIR=str(home / "log"),
    )
    env.pop("ESS_DESK_DB", None)
    return subprocess.run(
        command, capture_output=True, text=True, env=env, cwd=str(ROOT), timeout=timeout
    )


def sqlite_error(code: int, name: str, text: str) -> sqlite3.OperationalError:
    """The error SQLite raises with the result code `code`, for a simulated failure."""
    exc = sqlite3.OperationalError(text)
    exc.sqlite_errorcode = code  # type: ignore[attr-defined]
    exc.sqlite_errorname = name  # type: ignore[attr-defined]
    return exc


def assert_one_sentence(stderr: str, *fragments: str) -> None:
    """A refusal as the user reads it: one line, French, no traceback, naming what it must."""
    assert "Traceback" not in stderr, stderr
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert lines and lines[0].startswith("Erreur : "), stderr
    for fragment in fragments:
        assert fragment in stderr, f"{fragment!r} absent de : {stderr}"


def small_council(path: Path) -> int:
    """A small council in a new database at `path`: a plenary with a college, a member with a
    mandate and a former member (to anonymise). Returns the former member's id."""
    import datetime as dt

    from ess_desk.membership import bodies, mandates, people
    from ess_desk.store import open_store

    with open_store(path) as s:
        plenary = bodies.create_body(s, name="Conseil de l'ESS", kind="plenary")
        college = bodies.create_college(s, plenary, name="Structures", seats=5)
        member = people.create(s, first_name="Hélène", last_name="Dupré", email="h@example.org")
        mandates.create(
            s, person_id=member, body_id=plenary, college_id=college, role="member",
            start_date=dt.date(2024, 1, 1), end_date=dt.date(2030, 1, 1),
        )  # fmt: skip
        return people.create(s, first_name="Odile", last_name="Ancienne")
