"""The `ess-desk` program: the core's command line, with the window when no subcommand is given."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

_window_ran = False


def open_window(**options: object) -> int:
    global _window_ran
    import gc

    # The start makes a few hundred thousand objects (modules, Qt's wrappers and enumerations,
    # the first page) and next to no garbage: Python's cycle collector walking them again and
    # again was about a twentieth of it. It is paused until the window's first paint
    # (ui.app._FirstPaint resumes it), and in any case when the window is gone.
    gc.disable()
    try:
        from ui.system_check import refuse_start_if_missing

        # A desktop without the libraries Qt's display plugin needs: a sentence, not a core dump.
        if refuse_start_if_missing():
            return 1
        # Imported only when the window is wanted: subcommands never load Qt.
        from ui.app import run_app

        _window_ran = True
        return run_app(**options)  # type: ignore[arg-type]
    finally:
        gc.enable()


def window_options(argv: Sequence[str]) -> dict[str, object] | None:
    """The window's options when `argv` asks for the window alone (`--db PATH`,
    `--quit-after-start`); None for anything else (a subcommand, --help, --version, an unknown or
    incomplete option), which the command line then reads and checks. The window's start thus
    does not pay for the command line's parser and its translated help (about 10 ms)."""
    db: str | None = None
    quit_after_start = False
    tokens = iter(argv)
    for token in tokens:
        if token == "--quit-after-start":
            quit_after_start = True
        elif token == "--db":
            db = next(tokens, None)
            if not db:
                return None
        elif token.startswith("--db=") and len(token) > len("--db="):
            db = token[len("--db=") :]
        else:
            return None
    db_given = bool(db or os.environ.get("ESS_DESK_DB"))
    if db is None:
        from ess_desk.store.database import default_db_path

        db = str(default_db_path())
    return {"db": db, "quit_after_start": quit_after_start, "db_given": db_given}


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    options = window_options(argv)
    if options is not None:
        return open_window(**options)
    from ess_desk.cli import main as cli_main

    return cli_main(argv, open_window=open_window)


def run() -> None:
    """The program itself (`ess-desk`, `python -m ui`). Once the window has closed, its database
    closed and its settings written, the process ends at once instead of letting the interpreter
    take apart one by one the thousands of Qt wrappers it still holds: that teardown only costs
    time at exit, and some PySide6 versions crash in it."""
    if getattr(sys, "frozen", False) and any("multiprocessing" in a for a in sys.argv[1:]):
        # The installed program started again as a worker process (the reminders' files are
        # written by two, started afresh: `ess_desk.exchange.worker_processes`), or as
        # multiprocessing's helper: it does that work and ends there, never opening the window.
        import multiprocessing

        multiprocessing.freeze_support()
    code = main()
    # (how a command ends, shared with `python -m ess_desk.cli`: read once the window or the
    # command is done, off the start path)
    from ess_desk.cli.ending import flushed, leave

    if _window_ran:
        flushed()
        os._exit(code)
    leave(code)


if __name__ == "__main__":
    run()
