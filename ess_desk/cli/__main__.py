"""`python -m ess_desk.cli`: the subcommands without a screen (`ess-desk` or `python -m ui` also
open the window). The command line is the top of the core: nothing below it imports it. It ends
as `ess-desk SUBCOMMAND` does (`ending.leave`)."""

from ess_desk.cli import main
from ess_desk.cli.ending import leave

leave(main())
