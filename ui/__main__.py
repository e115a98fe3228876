"""`python -m ui`: the same as the `ess-desk` command (window, or a subcommand)."""

from ui.launcher import run

run()
