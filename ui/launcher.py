"""The `ess-desk` program: the core's command line, with the window when no subcommand is given."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def open_window(**options: object) -> int:
    # Imported only when the window is wanted: subcommands never load Qt.
    from ui.app import run_app

    return run_app(**options)  # type: ignore[arg-type]


def main(argv: Sequence[str] | None = None) -> int:
    from ess_desk.cli import main as cli_main

    return cli_main(argv, open_window=open_window)


if __name__ == "__main__":
    sys.exit(main())
