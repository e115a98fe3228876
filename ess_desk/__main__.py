"""`python -m ess_desk`: the same as the `ess-desk` command."""

import sys

from ess_desk.cli import main

sys.exit(main())
