"""The log a secretariat sends to whoever helps it: a private, rotating file in the user's log
folder, and the hooks that write there every error nobody caught.

The file (`ess-desk.log`, at most five of 1 MB) lives in the platform's user log folder
(Linux `~/.local/state/ESS Desk/log`, Windows `%LOCALAPPDATA%\\ESS Desk\\Logs`, macOS
`~/Library/Logs/ESS Desk`), or in `$ESS_DESK_LOG_DIR`. The folder is created readable by its
owner only (0700) and every log file 0600: a log may name the council's files and members.
Logging never stops the program: a full disk or a folder that cannot be created only loses
the log.
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from ess_desk import APP_NAME, __version__

LOG_ENV = "ESS_DESK_LOG_DIR"
LOG_NAME = "ess-desk.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 4
FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"

log = logging.getLogger("ess_desk")


def log_folder() -> Path:
    env = os.environ.get(LOG_ENV)
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def log_file() -> Path:
    return log_folder() / LOG_NAME


def _private_handler(path: Path) -> logging.FileHandler:
    """A rotating file handler whose files are created 0600 and whose failures stay silent
    (logging.handlers is brought in here: socket, pickle and queue are not the window's start's
    business)."""
    from logging.handlers import RotatingFileHandler

    class PrivateRotatingFileHandler(RotatingFileHandler):
        def _open(self) -> io.TextIOWrapper:
            fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
            with contextlib.suppress(OSError):
                os.chmod(self.baseFilename, 0o600)
            return os.fdopen(fd, "a", encoding=self.encoding or "utf-8", errors=self.errors)

        def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 (logging's name)
            # A full disk, a removed folder: the log is lost, the program goes on without a word.
            return

    return PrivateRotatingFileHandler(
        path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8", delay=True
    )


_handler: logging.FileHandler | None = None
_setup_lock = threading.Lock()


class _OnFirstRecord(logging.Handler):
    """Stands on the root logger for the private file's handler until a record comes: the
    first one sets the file up (`setup`, which puts the file's handler in this one's place) and
    is handed to it. A command that logs nothing neither looks for the log folder nor imports
    `logging.handlers` (with `socket`, `pickle` and `queue`) and `platformdirs`."""

    def __init__(self, level: int) -> None:
        super().__init__(level)
        self.wanted = level

    def handle(self, record: logging.LogRecord) -> bool:
        setup(self.wanted)
        handler = _handler
        if handler is not None:
            if record.levelno >= handler.level:
                handler.handle(record)
        else:
            # The folder cannot be made: as when `setup` found that at once, Python's last
            # resort says the warnings on stderr.
            last = logging.lastResort
            if (
                not logging.getLogger().handlers
                and last is not None
                and record.levelno >= last.level
            ):
                last.handle(record)
        return True


_waiting: _OnFirstRecord | None = None


def setup_on_first_record(level: int = logging.INFO) -> None:
    """`setup`, but the file is looked for, created and opened only when the first record comes
    (what the command line does: most commands log nothing). Safe to call again."""
    global _waiting
    if _handler is not None:
        setup(level)  # already open (a second command in the same process): as setup does
        return
    with _setup_lock:
        if _handler is not None or _waiting is not None:
            return
        _waiting = _OnFirstRecord(level)
        root = logging.getLogger()
        root.addHandler(_waiting)
        if root.level == logging.NOTSET or root.level > level:
            root.setLevel(level)


def _install(root: logging.Logger, handler: logging.FileHandler) -> None:
    """Put the file's handler on the root logger: in the place of the one waiting for the first
    record if there is one (the same place in the list, so that a record being handed round the
    root's handlers reaches each of them once), else after the others."""
    global _waiting
    waiting, _waiting = _waiting, None
    if waiting is not None and waiting in root.handlers:
        root.handlers[root.handlers.index(waiting)] = handler
    else:
        root.addHandler(handler)


def _forget_waiting(root: logging.Logger) -> None:
    global _waiting
    if _waiting is not None:
        root.removeHandler(_waiting)
        _waiting = None


def _private_folder(folder: Path) -> None:
    """Create the folder, and those of its parents that are missing, readable by us only."""
    missing = [folder, *(p for p in folder.parents if not p.exists())]
    for part in reversed([p for p in missing if not p.exists()]):
        part.mkdir(mode=0o700, exist_ok=True)
    if not folder.is_dir():
        raise NotADirectoryError(str(folder))
    with contextlib.suppress(OSError):
        if folder.stat().st_mode & 0o077:
            os.chmod(folder, 0o700)


def setup(level: int = logging.INFO) -> Path | None:
    """Send the program's log records to the private file; returns its path, or None when the
    folder cannot be made (the program then runs without a log). Safe to call again."""
    global _handler
    with _setup_lock:
        path = log_file()
        if _handler is not None and Path(_handler.baseFilename) == path.absolute():
            return path
        root = logging.getLogger()
        try:
            _private_folder(path.parent)
            handler = _private_handler(path)
        except OSError:
            _forget_waiting(root)
            return None
        handler.setFormatter(logging.Formatter(FORMAT))
        handler.setLevel(level)
        if _handler is not None:
            root.removeHandler(_handler)
            _handler.close()
        _install(root, handler)
        if root.level == logging.NOTSET or root.level > level:
            root.setLevel(level)
        _handler = handler
        return path


def current_log_file() -> Path | None:
    """The file the log goes to (set up on demand), or None when there is none."""
    return setup()


def describe_exception(exc: BaseException) -> str:
    """The whole traceback of an exception, as text (for the log and the window's details)."""
    text = getattr(exc, "__traceback_text__", None)
    if text:
        return str(text)
    return "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))


def log_unexpected(exc: BaseException, where: str) -> Path | None:
    """Write an error nobody expected, with its traceback; returns the log's path."""
    path = setup()
    log.error(
        "Erreur inattendue (%s), ESS Desk %s, Python %s :\n%s",
        where,
        __version__,
        sys.version.split()[0],
        describe_exception(exc).rstrip(),
    )
    return path


# What the window does with an uncaught error once it is logged (shows the dialog); the command
# line has none: its boundary reports the errors of its commands itself.
Reporter = Callable[[BaseException, str], None]


def install_hooks(report: Reporter | None = None) -> None:
    """`sys.excepthook` and `threading.excepthook`: log every uncaught error, then `report` it."""

    def excepthook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        if exc.__traceback__ is None and tb is not None:
            exc = exc.with_traceback(tb)
        log_unexpected(exc, "fil principal")
        if report is not None:
            report(exc, "main")

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None or issubclass(args.exc_type, SystemExit):
            return
        exc = args.exc_value
        name = args.thread.name if args.thread is not None else "?"
        log_unexpected(exc, f"fil {name}")
        if report is not None:
            report(exc, name)

    sys.excepthook = excepthook
    threading.excepthook = thread_hook
    quiet_unraisable()


def quiet_unraisable() -> None:
    """An error Python cannot raise (a file closed by the collector on a full disk, after the
    failure was already told as a sentence) goes to the log, never to the terminal."""

    def hook(unraisable) -> None:  # type: ignore[no-untyped-def]
        exc = unraisable.exc_value
        if exc is not None:
            setup()
            log.warning(
                "Erreur ignorée (%s) : %s",
                getattr(unraisable, "err_msg", None) or "",
                describe_exception(exc).rstrip(),
            )

    sys.unraisablehook = hook
