"""Is the database on a network drive? SQLite's own documentation warns that file locking is
unreliable on network file systems (https://www.sqlite.org/useovernet.html): councils do keep
their file on the town hall's shared drive, so the program says what that implies, and keeps its
backups on the local disk.

Recognised: UNC paths (`\\\\serveur\\partage\\…`) and mapped network drives on Windows; cifs, smb,
nfs, afp, sshfs and webdav mounts on Linux and macOS.
"""

from __future__ import annotations

import functools
import os
import sys
from pathlib import Path, PureWindowsPath

from ess_desk.record import Record

# File system types that are network shares (Linux `/proc/self/mountinfo`, macOS `mount`).
NETWORK_TYPES = {
    "cifs": "SMB",
    "smb": "SMB",
    "smb2": "SMB",
    "smb3": "SMB",
    "smbfs": "SMB",
    "nfs": "NFS",
    "nfs4": "NFS",
    "afpfs": "AFP",
    "fuse.sshfs": "SSHFS",
    "sshfs": "SSHFS",
    "davfs": "WebDAV",
    "fuse.davfs2": "WebDAV",
    "webdav": "WebDAV",
    "ncpfs": "NetWare",
    "afs": "AFS",
}
_DRIVE_REMOTE = 4  # GetDriveTypeW


class NetworkDrive(Record):
    """Where a network drive was recognised: its kind ("SMB", "NFS"…) and its mount point."""

    __slots__ = _fields = ("kind", "mount_point")
    kind: str
    mount_point: str

    def __init__(self, kind: str, mount_point: str) -> None:
        self.kind = kind
        self.mount_point = mount_point


def unc_share(path: str) -> NetworkDrive | None:
    """A Windows UNC path (`\\\\serveur\\partage\\…`), recognised from its text alone."""
    pure = PureWindowsPath(path)
    drive = pure.drive
    if drive.startswith(("\\\\", "//")) and not drive.startswith(("\\\\?\\", "\\\\.\\")):
        return NetworkDrive("SMB", drive)
    if drive.upper().startswith("\\\\?\\UNC\\"):
        return NetworkDrive("SMB", drive)
    return None


def _windows_drive(path: Path) -> NetworkDrive | None:
    found = unc_share(str(path))
    if found is not None:
        return found
    drive = PureWindowsPath(str(path)).drive
    if not drive:
        return None
    import ctypes

    kind = ctypes.windll.kernel32.GetDriveTypeW(drive + "\\")  # type: ignore[attr-defined]
    return NetworkDrive("SMB", drive) if kind == _DRIVE_REMOTE else None


def _unescape_mount(field: str) -> str:
    """Mount points in /proc escape space, tab, newline and backslash as octal."""
    for code, char in (("\\040", " "), ("\\011", "\t"), ("\\012", "\n"), ("\\134", "\\")):
        field = field.replace(code, char)
    return field


def parse_mountinfo(text: str) -> list[tuple[str, str]]:
    """(mount point, file system type) of each line of Linux's /proc/self/mountinfo."""
    mounts = []
    for line in text.splitlines():
        left, sep, right = line.partition(" - ")
        fields = left.split()
        if not sep or len(fields) < 5 or not right.split():
            continue
        mounts.append((_unescape_mount(fields[4]), right.split()[0]))
    return mounts


def parse_bsd_mount(text: str) -> list[tuple[str, str]]:
    """(mount point, type) from the output of macOS's `mount`: "SRC on POINT (TYPE, …)"."""
    mounts = []
    for line in text.splitlines():
        head, sep, options = line.rpartition(" (")
        _source, on, point = head.partition(" on ")
        if sep and on:
            mounts.append((point, options.split(",")[0].strip(" )")))
    return mounts


def _mount_table() -> list[tuple[str, str]]:
    if sys.platform.startswith("linux"):
        try:
            with open("/proc/self/mountinfo", encoding="utf-8", errors="replace") as f:
                return parse_mountinfo(f.read())
        except OSError:
            return []
    else:
        import subprocess  # off Linux only: kept off the window's start path

        try:
            done = subprocess.run(["mount"], capture_output=True, text=True, timeout=5)
        except (OSError, subprocess.SubprocessError):
            return []
        return parse_bsd_mount(done.stdout)


def network_mount(path: Path, mounts: list[tuple[str, str]]) -> NetworkDrive | None:
    """The network file system that holds `path` in a mount table, if any (the longest mount
    point that contains it decides)."""
    best: tuple[str, str] | None = None
    text = str(path)
    for point, kind in mounts:
        inside = text == point or text.startswith(point.rstrip("/") + "/")
        if inside and (best is None or len(point) > len(best[0])):
            best = (point, kind)
    if best is None:
        return None
    label = NETWORK_TYPES.get(best[1].lower())
    return NetworkDrive(label, best[0]) if label else None


@functools.lru_cache(maxsize=32)
def _detect(resolved: str) -> NetworkDrive | None:
    path = Path(resolved)
    if os.name == "nt":
        return _windows_drive(path)
    return network_mount(path, _mount_table())


def network_drive(path: Path | str) -> NetworkDrive | None:
    """The network drive the file at `path` is on, or None for a local disk."""
    try:
        resolved = os.path.realpath(path)
    except OSError:
        resolved = os.path.abspath(path)
    return _detect(resolved)


def local_backup_dir(db_path: Path) -> Path:
    """Where the backups of a database kept on a network drive go: the user's own data folder
    on this computer, one folder per database (its name, and a short digest of its full path
    so that two shares holding a file of the same name never mix their copies)."""
    import hashlib

    import platformdirs

    from ess_desk import APP_NAME

    digest = hashlib.sha256(os.path.realpath(db_path).encode("utf-8")).hexdigest()[:8]
    base = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    return base / "sauvegardes" / f"{db_path.stem}-{digest}"
