"""What every command module of the command line shares: opening the store for a command, finding
a body by name, a progress line on the terminal."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from ess_desk.errors import UserError
from ess_desk.i18n import _

if TYPE_CHECKING:
    from sqlite_utils import Database

    from ess_desk.store import Store

Handler = Callable[[argparse.Namespace], int]
# What a command module's `register(add)` receives: `add(name, handler, help) -> parser`.
AddCommand = Callable[[str, Handler, str], argparse.ArgumentParser]


def open_for_command(args: argparse.Namespace, *, write: bool, create: bool = False) -> Store:
    """The store a subcommand works on; a command that writes refuses a read-only file.

    Only `ess-desk new` and `ess-desk demo` create a database: any other command given a path
    that names no file (a mistyped `--db`) says so instead of starting an empty council there."""
    from ess_desk.store import open_store
    from ess_desk.store.database import missing_database

    if not create and not Path(args.db).exists():
        raise missing_database(Path(args.db))
    store = open_store(args.db, auto_backup=write, create=create)
    if write and store.read_only:
        refusal = store.write_refusal()
        store.close()
        raise refusal
    return store


def command_failure(exc: BaseException, db: Path | str | None, command: str) -> UserError:
    """The command line's one boundary: any exception becomes the sentence to print. Damage met
    in the database comes with the newest backup that passes the check; a bug is written to the
    log with its traceback first."""
    from ess_desk import failures, logs

    error = failures.user_error_for(exc, db)
    if (
        isinstance(error, failures.StorageFailure)
        and error.kind == failures.DAMAGED
        and db is not None
        and error.path == Path(db)
        and getattr(error, "offer", None) is None
    ):
        from ess_desk.store.recovery import refuse_damaged

        return refuse_damaged(Path(db), failures.damaged_what(Path(db)))
    if error is not None:
        return error
    return failures.unexpected_failure(exc, logs.log_unexpected(exc, command))


def report_error(error: UserError) -> None:
    """Print a refusal on stderr: the sentence, then its list of problems, then the command that
    puts a backup back when the database is unusable."""
    print(_("Erreur : {message}").format(message=error.message), file=sys.stderr)
    for problem in error.problems:
        print(f"- {problem}", file=sys.stderr)
    hint = getattr(error, "restore_hint", None)
    if callable(hint) and hint():
        print(hint(), file=sys.stderr)


def body_id_by_name(db: Database, name: str | None) -> int | None:
    """The body named `--body NAME`, None when no name is given; a name that matches no body is
    a UserError."""
    return None if name is None else body_id_named(db, name)


def body_id_named(db: Database, name: str) -> int:
    """The body of a required `--body NAME` (or a body's own name); a name that matches no body
    is a UserError."""
    from ess_desk.membership import bodies

    body_id = bodies.find_body(db, name)
    if body_id is None:
        raise UserError(_("Aucune instance ne s'appelle « {name} ».").format(name=name))
    return body_id


def progress_line(done: int, total: int) -> None:
    """Progress of a long command, on one line of the terminal (stderr keeps stdout clean)."""
    if sys.stderr.isatty():
        print(f"\r{done}/{total}", end="" if done < total else "\n", file=sys.stderr, flush=True)
