"""Worker processes for the long exports (a reminder to each of a thousand owners): started afresh
(« spawn », on every system: never a copy of the running process, which may be the window's, with
Qt and an open database), given what the documents depend on in the process that starts them.

The functions they run are top-level functions of an importable module (Windows and macOS start
every worker by importing them); a frozen program lets them start through
`multiprocessing.freeze_support()` (see `ui.launcher.run`)."""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

# Two processes write: the one that starts the worker, and the worker (an office PC has two cores
# or more, and a third process would mostly wait its turn).
WRITERS = 2


def cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # (not on Windows and macOS)
        return os.cpu_count() or 1


@dataclass(frozen=True)
class Settings:
    """What a worker takes from the process that starts it: the language of the documents, the
    databases that no file may be written over (`fileio.protect_database`), and reportlab's
    invariant mode (the same bytes on every run: the tests compare files)."""

    language: str
    protected: frozenset[Path]
    invariant: int

    @classmethod
    def here(cls) -> Settings:
        from reportlab import rl_config

        from ess_desk.fileio import protected_databases
        from ess_desk.i18n import language

        return cls(language(), protected_databases(), int(rl_config.invariant))

    def apply(self) -> None:
        from reportlab import rl_config

        from ess_desk.fileio import protect_database
        from ess_desk.i18n import set_language

        set_language(self.language)
        for db in self.protected:
            protect_database(db)
        rl_config.invariant = self.invariant


def _start(settings: Settings) -> None:
    import atexit
    import gc

    settings.apply()
    # A worker's end is waited for by the process that shuts the pool down: the interpreter's
    # last collections went through everything the worker made (its caches of cells, lines and
    # fonts: the reminders' worker, 0.2 s). Frozen when it exits, that is left to the system
    # with the process's memory; its exit functions still run, its files are closed already.
    atexit.register(gc.freeze)


def pool(workers: int = WRITERS - 1) -> ProcessPoolExecutor:
    """Worker processes started afresh, each set up as this process is (`Settings`)."""
    import multiprocessing

    return ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_start,
        initargs=(Settings.here(),),
    )


class WorkerTraceback(Exception):
    """Where an exception given back by a worker process was raised there (its traceback, as
    text): the cause of that exception in this process, for the log."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


def sendable(exc: BaseException) -> tuple[BaseException, str]:
    """An exception caught in a worker, to give back to the process that started it, with its
    traceback: itself when it survives the journey (a UserError does, with its sentence), else an
    exception of the same message that does."""
    import pickle
    import traceback

    text = "".join(traceback.format_exception(exc))
    try:
        pickle.loads(pickle.dumps(exc))
    except Exception:
        from ess_desk.errors import UserError

        return (
            UserError(str(exc)) if isinstance(exc, UserError) else RuntimeError(repr(exc))
        ), text
    return exc, text


def received(exc: BaseException, text: str) -> BaseException:
    """An exception given back by a worker (`sendable`), its traceback there as its cause."""
    exc.__cause__ = WorkerTraceback(text)
    return exc
