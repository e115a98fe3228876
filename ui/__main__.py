"""`python -m ui`: the same as the `ess-desk` command (window, or a subcommand)."""

import sys

from ui.launcher import main

sys.exit(main())
