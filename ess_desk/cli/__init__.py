"""`ess-desk [--db PATH] [SUBCOMMAND ...]`: the window without a subcommand, the main jobs without it.

The commands live in one module per area of this package (`store`, `members`, `meetings`,
`actions`, `minutes`, `documents`, `privacy`, `search`, `report`, `demo`), each with its handlers
and a `register(add)` that declares them; `common` holds what they share (`open_for_command`,
`body_id_by_name`). Nothing below the command line imports this package: the domains, documents
and exchanges are called from here, never the other way round (import-linter checks it).
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Callable, Sequence

from ess_desk import __version__
from ess_desk.i18n import _

Handler = Callable[[argparse.Namespace], int]

# The command modules, in the order their subcommands are listed by `ess-desk --help`: each has
# `register(add: ess_desk.cli.common.AddCommand) -> None`.
COMMAND_MODULES: tuple[str, ...] = tuple(
    f"ess_desk.cli.{area}"
    for area in (
        "store",
        "members",
        "bodies",
        "meetings",
        "actions",
        "minutes",
        "signing",
        "publication",
        "documents",
        "privacy",
        "search",
        "report",
        "mail",
        "demo",
    )
)


def build_parser(with_modules: bool = True, command: str | None = None) -> argparse.ArgumentParser:
    """The whole command line; without `with_modules`, only the global options: the window's
    start-up imports no command module. With `command`, the command modules up to the one that
    declares it (a command does not import the others; an unknown one gets them all, and the
    list of every subcommand in its error)."""
    parser = argparse.ArgumentParser(
        prog="ess-desk",
        description=_(
            "ESS Desk : le secrétariat d'un conseil local de l'ESS. Sans sous-commande, "
            "ouvre la fenêtre."
        ),
    )
    parser.add_argument("--version", action="version", version=f"ESS Desk {__version__}")
    parser.add_argument(
        "--db",
        metavar="PATH",
        help=_("fichier de la base (défaut : $ESS_DESK_DB, sinon le dossier de données)"),
    )
    parser.add_argument(
        "--quit-after-start",
        action="store_true",
        help=_("ouvre la fenêtre, attend qu'elle soit affichée, puis quitte (mesures)"),
    )
    sub = parser.add_subparsers(dest="command", metavar="SOUS-COMMANDE")

    def add(name: str, handler: Handler, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.add_argument("--version", action="version", version=f"ESS Desk {__version__}")
        p.set_defaults(handler=handler)
        return p

    for module in COMMAND_MODULES if with_modules else ():
        importlib.import_module(module).register(add)
        if command is not None and command in sub.choices:
            break
    return parser


def _first_word(argv: Sequence[str]) -> str | None:
    """The first token that is a subcommand or asks for help, the value of --db passed over."""
    skip = False
    for token in argv:
        if skip:
            skip = False
        elif token == "--db":
            skip = True
        elif token in ("-h", "--help") or not token.startswith("-"):
            return token
    return None


def _opens_window(argv: Sequence[str]) -> bool:
    """True when no subcommand (and no help) is asked for: the window opens."""
    return _first_word(argv) is None


def _command_asked(argv: Sequence[str]) -> str | None:
    """The subcommand `argv` names, or None (none, or the help of the whole program first)."""
    word = _first_word(argv)
    return None if word in ("-h", "--help") else word


# The options that name a file or folder a command writes.
OUTPUT_OPTIONS = ("output", "ics")


def _refuse_outputs_over_the_database(args: argparse.Namespace) -> None:
    """Before a command does anything: none of its outputs may be the database or part of it."""
    from ess_desk.fileio import check_output, protect_database

    protect_database(args.db)
    for name in OUTPUT_OPTIONS:
        value = getattr(args, name, None)
        if value:
            check_output(value)


# What opens the window: given by the launcher (ui.launcher), since the core never imports Qt.
OpenWindow = Callable[..., int]


def main(argv: Sequence[str] | None = None, open_window: OpenWindow | None = None) -> int:
    """Run a subcommand, or open the window through `open_window` when none is given."""
    argv = list(sys.argv[1:] if argv is None else argv)
    # The window's start-up does not pay for importing every command module.
    parser = build_parser(with_modules=not _opens_window(argv), command=_command_asked(argv))
    args = parser.parse_args(argv)
    args.db_given = bool(args.db or os.environ.get("ESS_DESK_DB"))
    if args.db is None:
        from ess_desk.store.database import default_db_path

        args.db = str(default_db_path())
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        if open_window is None:
            build_parser().print_help()  # with every subcommand
            return 2
        return open_window(
            db=args.db, quit_after_start=args.quit_after_start, db_given=args.db_given
        )
    from ess_desk import logs

    logs.setup_on_first_record()
    logs.quiet_unraisable()
    try:
        _refuse_outputs_over_the_database(args)
        return handler(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The output was piped into a command that stopped reading (`| head`): not an error.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except Exception as exc:
        # The one boundary: a full disk, a read-only file, a bug… is one sentence, never a
        # traceback (an unexpected error's traceback goes to the log).
        from ess_desk.cli.common import command_failure, report_error

        report_error(command_failure(exc, args.db, " ".join(["ess-desk", *argv])))
        return 1


if __name__ == "__main__":
    sys.exit(main())
