"""The `ess-desk` program: the core's command line, with the window when no subcommand is given."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

_window_ran = False


def open_window(**options: object) -> int:
    global _window_ran
    # Imported only when the window is wanted: subcommands never load Qt.
    from ui.app import run_app

    _window_ran = True
    return run_app(**options)  # type: ignore[arg-type]


def main(argv: Sequence[str] | None = None) -> int:
    from ess_desk.cli import main as cli_main

    return cli_main(argv, open_window=open_window)


def run() -> None:
    """The program itself (`ess-desk`, `python -m ui`). Once the window has closed, its database
    closed and its settings written, the process ends at once instead of letting the interpreter
    take apart one by one the thousands of Qt wrappers it still holds: that teardown only costs
    time at exit, and some PySide6 versions crash in it."""
    code = main()
    if _window_ran:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    sys.exit(code)


if __name__ == "__main__":
    run()
