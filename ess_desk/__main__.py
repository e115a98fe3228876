"""`python -m ess_desk`: the subcommands without a screen (`ess-desk` or `python -m ui` also open
the window)."""

import sys

from ess_desk.cli import main

sys.exit(main())
