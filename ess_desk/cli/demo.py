"""`ess-desk demo`: fill a database with a realistic demonstration council."""

from __future__ import annotations

import argparse

from ess_desk.cli.common import AddCommand, open_for_command, progress_line
from ess_desk.i18n import _


def cmd_demo(args: argparse.Namespace) -> int:
    from ess_desk.demo import fill_demo

    with open_for_command(args, write=True, create=True) as store:
        summary = fill_demo(store, size=args.size, seed=args.seed, progress=progress_line)
    print(summary)
    return 0


def register(add: AddCommand) -> None:
    p = add("demo", cmd_demo, _("remplit la base avec un conseil de démonstration"))
    p.add_argument(
        "--size", choices=["small", "large", "huge"], default="small", help=_("taille du conseil")
    )
    p.add_argument("--seed", type=int, default=2026, help=_("graine (même graine, même conseil)"))
