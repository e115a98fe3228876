"""Opening the council's SQLite file: recognise it, lock it, migrate it, refuse what we cannot use."""

from __future__ import annotations

import contextlib
import errno
import itertools
import os
import sqlite3
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast

from ess_desk import APP_NAME
from ess_desk.errors import StoreError
from ess_desk.i18n import _
from ess_desk.store import lock as lockmod
from ess_desk.store.versions import APPLICATION_ID, MIGRATION_NAMES, MIGRATION_SET

if TYPE_CHECKING:
    from sqlite_utils import Database

Row = sqlite3.Row  # a row read by column name: see `rows`
T = TypeVar("T")

SQLITE_HEADER = b"SQLite format 3\x00"
ENV_DB = "ESS_DESK_DB"


_READS = ("SELECT", "PRAGMA")
_SAVEPOINTS = itertools.count(1)  # the names of nested transactions (LazyDatabase.atomic)


class LazyDatabase:
    """The store's sqlite-utils `Database`, brought in the first time more than a read is asked.

    Reading needs nothing but sqlite3, and importing sqlite-utils costs a fifth of the window's
    start: the queries that fill the first page run on the connection itself, and the first
    write, transaction or table call creates the real `Database` (over the same connection), to
    which everything is then handed."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self._database: Database | None = None

    @property
    def database(self) -> Database:
        if self._database is None:
            from sqlite_utils import Database

            self._database = Database(self.conn, execute_plugins=False)
        return self._database

    def execute(self, sql: str, parameters: Any = None) -> sqlite3.Cursor:
        # Inside a transaction, sqlite-utils' `execute` is the connection's own: a write there
        # (an import, a service call) needs no sqlite-utils either.
        if self._database is None and (
            self.conn.in_transaction or sql.lstrip()[:6].upper().startswith(_READS)
        ):
            return (
                self.conn.execute(sql) if parameters is None else self.conn.execute(sql, parameters)
            )
        return self.database.execute(sql, parameters)

    @contextlib.contextmanager
    def atomic(self) -> Iterator[LazyDatabase]:
        """sqlite-utils' `Database.atomic` on the connection itself: one transaction, or a
        savepoint inside the one already open, undone on any exception (a command's write then
        does not pay for importing sqlite-utils)."""
        conn = self.conn
        savepoint = f"ess_desk_{next(_SAVEPOINTS)}" if conn.in_transaction else None
        conn.execute(f"SAVEPOINT {savepoint}" if savepoint else "BEGIN")
        try:
            yield self
            conn.execute(f"RELEASE SAVEPOINT {savepoint}" if savepoint else "COMMIT")
        except BaseException:
            # A RAISE(ROLLBACK) trigger may have ended the whole transaction already.
            if conn.in_transaction and savepoint:
                conn.execute(f"ROLLBACK TO SAVEPOINT {savepoint}")
                conn.execute(f"RELEASE SAVEPOINT {savepoint}")
            elif conn.in_transaction:
                conn.execute("ROLLBACK")
            raise

    def close(self) -> None:
        self.conn.close()

    def __getitem__(self, name: str) -> Any:
        return self.database[name]

    def __getattr__(self, name: str) -> Any:
        return getattr(self.database, name)


def known_migration_names() -> list[str]:
    return list(MIGRATION_NAMES)


def default_db_path() -> Path:
    """The database used when neither --db nor ESS_DESK_DB says otherwise."""
    env = os.environ.get(ENV_DB)
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "ess-desk.sqlite"


class Store:
    """An open database file. `read_only` is True when another instance holds the lock.

    A plain class rather than a dataclass: defining a dataclass compiles its methods at import,
    about half a millisecond each for the 28 the window's start used to define."""

    __slots__ = ("path", "db", "read_only", "holder", "_lock", "last_backup", "closed")

    def __init__(
        self,
        path: Path,
        db: Database,
        read_only: bool = False,
        holder: lockmod.LockInfo | None = None,
        _lock: lockmod.LockInfo | None = None,
        last_backup: Path | None = None,
        closed: bool = False,
    ):
        self.path = path
        self.db = db
        self.read_only = read_only
        self.holder = holder
        self._lock = _lock
        self.last_backup = last_backup
        self.closed = closed

    def __repr__(self) -> str:
        return (
            f"Store(path={self.path!r}, db={self.db!r}, read_only={self.read_only!r}, "
            f"holder={self.holder!r}, last_backup={self.last_backup!r}, closed={self.closed!r})"
        )

    @property
    def conn(self) -> sqlite3.Connection:
        return self.db.conn

    def read_only_message(self) -> str:
        if self.holder is not None:
            return _(
                "Base ouverte en lecture seule : {user} l'utilise sur le poste {host} depuis le {since}."
            ).format(
                user=self.holder.user, host=self.holder.host, since=self.holder.since_display()
            )
        from ess_desk import failures

        if lockmod.lock_path(self.path).is_dir():
            return _("Base ouverte en lecture seule : un dossier porte le nom de son verrou.")
        reason = failures.why_not_writable(self.path)
        if reason == failures.READ_ONLY_DISK:
            return _(
                "Base ouverte en lecture seule : le disque qui porte le fichier est protégé en "
                "écriture."
            )
        if reason == failures.READ_ONLY_FILE:
            return _("Base ouverte en lecture seule : le fichier est en lecture seule.")
        if reason == failures.READ_ONLY_FOLDER:
            return _(
                "Base ouverte en lecture seule : son dossier {folder} est en lecture seule."
            ).format(folder=self.path.parent)
        if reason == failures.NO_RIGHT:
            return _(
                "Base ouverte en lecture seule : votre compte n'a pas le droit de la modifier."
            )
        if reason == failures.FULL_DISK:
            return _("Base ouverte en lecture seule : le disque est plein.")
        return _("Base ouverte en lecture seule : le fichier ne peut pas être modifié.")

    def write_refusal(self) -> StoreError:
        """Why this read-only store refuses a change: who holds it, or what stops the writing,
        with what to do."""
        from ess_desk import failures

        if self.holder is not None:
            return StoreError(
                _(
                    "{user} a la base ouverte sur le poste {host} depuis le {since} : pour vous, "
                    "elle est en lecture seule. Rien n'a été modifié. Recommencez quand elle aura "
                    "été fermée sur ce poste."
                ).format(
                    user=self.holder.user,
                    host=self.holder.host,
                    since=self.holder.since_display(),
                )
            )
        lock = lockmod.lock_path(self.path)
        if lock.is_dir():
            return failures.StorageFailure(
                _(
                    "La base {path} ne peut pas être modifiée : un dossier porte le nom de son "
                    "verrou ({lock}). Rien n'a été modifié. Déplacez ou renommez ce dossier (il "
                    "n'a pas été créé par ESS Desk), puis recommencez."
                ).format(path=self.path, lock=lock),
                kind=failures.IS_FOLDER,
                path=lock,
            )
        reason = failures.why_not_writable(self.path)
        if reason is None:
            return StoreError(self.read_only_message())
        return failures.read_only_failure(self.path, reason)

    def ensure_writable(self) -> None:
        if self.read_only:
            raise self.write_refusal()

    @contextlib.contextmanager
    def write(self) -> Iterator[Database]:
        """One transaction for a service function's writes and their audit entries."""
        self.ensure_writable()
        try:
            with self.db.atomic():
                yield self.db
        except sqlite3.IntegrityError as exc:
            # The schema's triggers guard the frozen record (approved minutes): their refusal
            # reaches every write path, and becomes a message here, after the rollback.
            refusal = frozen_refusal(exc)
            if refusal is None:
                raise
            raise refusal from exc
        except sqlite3.DatabaseError as exc:
            # BUSY, FULL, IOERR, READONLY, CORRUPT: a sentence, once the transaction is undone.
            failure = self.failure(exc)
            if failure is exc:
                raise
            raise failure from exc

    def failure(self, exc: sqlite3.Error) -> Exception:
        """What to raise for a SQLite error on this file: the user's sentence for the disk, the
        file system or a damaged file, else the error itself (a bug)."""
        from ess_desk.failures import from_sqlite_error

        return from_sqlite_error(exc, self.path) or exc

    def setting(self, key: str, default: str | None = None) -> str | None:
        found = row(self.conn, "SELECT value FROM settings WHERE key = ?", [key])
        return found["value"] if found else default

    def close(self) -> None:
        self.closed = True
        with contextlib.suppress(sqlite3.Error):
            self.db.close()
        if self._lock is not None:
            lockmod.release(self.path, self._lock)
            self._lock = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def frozen_refusal(exc: sqlite3.IntegrityError) -> StoreError | None:
    """The user's message for a write refused by a frozen-record trigger, else None."""
    from ess_desk.store.schema import FROZEN_ERRATUM_MESSAGE, FROZEN_MINUTES_MESSAGE

    text = str(exc)
    if text == FROZEN_ERRATUM_MESSAGE:
        return StoreError(_("Un erratum enregistré ne peut être ni modifié ni supprimé."))
    if text == FROZEN_MINUTES_MESSAGE:
        return StoreError(
            _(
                "Le procès-verbal de cette séance est approuvé : il ne peut plus être modifié "
                "(ajoutez un erratum)."
            )
        )
    return None


def _describe(path: Path) -> str:
    return str(path)


def inspect_file(path: Path) -> None:
    """Refuse, with one clear sentence, a file that is not a usable ESS Desk database."""
    try:
        with path.open("rb") as f:
            header = f.read(16)
    except OSError as exc:
        from ess_desk.failures import from_os_error

        raise from_os_error(exc, path) from exc
    if header and header != SQLITE_HEADER:
        raise StoreError(
            _("Le fichier {path} n'est pas une base de données ESS Desk.").format(
                path=_describe(path)
            )
        )


def _connect(path: Path, read_only: bool) -> sqlite3.Connection:
    if read_only:
        conn = sqlite3.connect(
            f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False
        )
    else:
        conn = sqlite3.connect(str(path), check_same_thread=False)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 5000")
    if not read_only:
        # A rollback journal, not WAL: the file may sit on a network drive.
        conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("PRAGMA synchronous = FULL")
    return conn


def read_only_connection(path: Path, *, threads: bool = False) -> sqlite3.Connection:
    """A connection of its own that can only read the SQLite file at `path` (a backup being
    checked, or the council's file read off the GUI thread while the window keeps its own), and
    waits for a writer instead of failing at once. `threads`: usable from another thread."""
    conn = sqlite3.connect(
        f"{Path(path).resolve().as_uri()}?mode=ro", uri=True, check_same_thread=not threads
    )
    conn.execute("PRAGMA busy_timeout = 5000")
    return conn


@contextlib.contextmanager
def reading(path: Path) -> Iterator[Database]:
    """The file at `path` through a read-only connection of its own, closed at the end: for
    work on a pool thread while the window goes on using the store's connection."""
    conn = read_only_connection(path)
    try:
        yield as_database(LazyDatabase(conn))
    finally:
        conn.close()


def as_database(db: LazyDatabase) -> Database:
    """The lazy database seen as the sqlite-utils `Database` it stands in for (it hands every
    call it does not answer itself to the real one)."""
    return cast("Database", db)


def own_connection(store: Store) -> Store:
    """The same file through a connection of its own, for writing from another thread while the
    window keeps working on its own: SQLite's file locks (and the busy timeout) keep their writes
    apart, and the instance lock stays with `store` (closing this one leaves it)."""
    return Store(path=store.path, db=as_database(LazyDatabase(_connect(store.path, False))))


def _conn(db: Database | sqlite3.Connection) -> sqlite3.Connection:
    return db if isinstance(db, sqlite3.Connection) else db.conn


def rows(
    db: Database | sqlite3.Connection,
    sql: str,
    parameters: Sequence[Any] | Mapping[str, Any] = (),
) -> list[Row]:
    """The rows a query reads, each read by column name (`r["due_date"]`), never by position:
    a column added to the SELECT leaves every reader right."""
    return list(each_row(db, sql, parameters))


def dict_rows(
    db: Database | sqlite3.Connection,
    sql: str,
    parameters: Sequence[Any] | Mapping[str, Any] = (),
) -> list[dict[str, Any]]:
    """`rows` as dicts of the columns by name, each its own to change: what `dict(r)` gives of
    each row of `rows`, made in one step (a `sqlite3.Row` finds each name by going through its
    columns: `dict(r)` of a row of 22 columns compares names 250 times). A query naming two
    columns alike is refused, as a caller's bug (`dict(r)` keeps the first, `dict` the last)."""
    cursor = _conn(db).execute(sql, parameters)
    names = [column[0] for column in cursor.description]
    if len({name.lower() for name in names}) != len(names):
        raise ValueError(f"dict_rows() needs columns named once each, not {names}")
    return [dict(zip(names, values, strict=True)) for values in cursor]


def each_row(
    db: Database | sqlite3.Connection,
    sql: str,
    parameters: Sequence[Any] | Mapping[str, Any] = (),
) -> Iterator[Row]:
    """`rows` one at a time, read from SQLite as they are used (a list of any size)."""
    cursor = _conn(db).cursor()
    cursor.row_factory = sqlite3.Row
    yield from cursor.execute(sql, parameters)


def row(
    db: Database | sqlite3.Connection,
    sql: str,
    parameters: Sequence[Any] | Mapping[str, Any] = (),
) -> Row | None:
    """The first row a query reads (by column name, like `rows`), or None."""
    cursor = _conn(db).cursor()
    cursor.row_factory = sqlite3.Row
    found: Row | None = cursor.execute(sql, parameters).fetchone()
    return found


def scalar(
    db: Database | sqlite3.Connection,
    sql: str,
    parameters: Sequence[Any] | Mapping[str, Any] = (),
) -> Any:
    """The one value a one-column query reads (`SELECT COUNT(*) …`, `SELECT name … WHERE id = ?`),
    or None when it reads no row: the query names its single column, so there is no position to
    get wrong. A query of more columns is a caller's bug, refused at once."""
    cursor = _conn(db).execute(sql, parameters)
    if len(cursor.description) != 1:
        raise ValueError(f"scalar() needs a query of one column, not {len(cursor.description)}")
    for (value,) in cursor:
        return value
    return None


def column(
    db: Database | sqlite3.Connection,
    sql: str,
    parameters: Sequence[Any] | Mapping[str, Any] = (),
) -> list[Any]:
    """The values of a one-column query, in its order (`SELECT id FROM … ORDER BY …`)."""
    cursor = _conn(db).execute(sql, parameters)
    if len(cursor.description) != 1:
        raise ValueError(f"column() needs a query of one column, not {len(cursor.description)}")
    return [value for (value,) in cursor]


def has_table(db: Database | sqlite3.Connection, name: str) -> bool:
    """Whether the file holds the table `name` (a migration that added it has run). Read on the
    connection itself, not through sqlite-utils: start-up calls it."""
    return (
        row(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [name]) is not None
    )


def count(
    db: Database | sqlite3.Connection,
    sql: str,
    parameters: Sequence[Any] | Mapping[str, Any] = (),
) -> int:
    """The whole number a counting query reads (`SELECT COUNT(*) …`, `SELECT MAX(id) …`): 0 when
    it reads no row or NULL."""
    return int(scalar(db, sql, parameters) or 0)


def records(
    db: Database,
    make: Callable[..., T],
    sql: str,
    parameters: Sequence[Any] | Mapping[str, Any] = (),
) -> list[T]:
    """Each row a query reads made into `make(**row)`: columns are handed to the dataclass's
    fields by name (`SELECT a.title AS item_title`), whatever their order."""
    return [make(**dict(r)) for r in rows(db, sql, parameters)]


def first_record(
    db: Database,
    make: Callable[..., T],
    sql: str,
    parameters: Sequence[Any] | Mapping[str, Any] = (),
) -> T | None:
    """The first row of a query made into `make(**row)` (see `records`), or None."""
    found = row(db, sql, parameters)
    return None if found is None else make(**dict(found))


def inserted_id(cursor: sqlite3.Cursor) -> int:
    """The id of the row the INSERT run by `cursor` has just made."""
    if cursor.lastrowid is None:  # only before any INSERT: a caller's bug
        raise RuntimeError("inserted_id() after a statement that inserted nothing")
    return cursor.lastrowid


def schema_state(db: Database) -> tuple[list[str], list[str]]:
    """(pending, unknown) migration names: unknown ones were written by a newer version."""
    found = db.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_sqlite_migrations'"
    ).fetchone()
    applied = (
        column(
            db,
            "SELECT name FROM _sqlite_migrations WHERE migration_set = ? ORDER BY rowid",
            [MIGRATION_SET],
        )
        if found
        else []
    )
    known = known_migration_names()
    unknown = [name for name in applied if name not in known]
    pending = [name for name in known if name not in applied]
    return pending, unknown


def _verify_identity(db: Database, path: Path) -> bool:
    """True for an empty file (a new database); raise for a file that is not ours."""
    app_id = scalar(db, "PRAGMA application_id")
    tables = column(db, "SELECT name FROM sqlite_master WHERE type = 'table'")
    if not tables and app_id == 0:
        return True
    if app_id != APPLICATION_ID or "_sqlite_migrations" not in tables:
        raise StoreError(
            _("Le fichier {path} n'est pas une base de données ESS Desk.").format(
                path=_describe(path)
            )
        )
    return False


def _too_new(path: Path) -> StoreError:
    return StoreError(
        _(
            "Le fichier {path} a été écrit par une version plus récente d'ESS Desk : "
            "mettez le logiciel à jour pour l'ouvrir."
        ).format(path=_describe(path))
    )


def _damaged(path: Path, exc: Exception) -> StoreError:
    return StoreError(
        _("Le fichier {path} est endommagé et ne peut pas être ouvert ({reason}).").format(
            path=_describe(path), reason=exc
        )
    )


def _unusable(
    path: Path, exc: sqlite3.DatabaseError, holder: lockmod.LockInfo | None
) -> StoreError:
    """Why a file that looked like a database could not be opened: a crash recovery waiting for
    write access (not damage), a disk or file system refusal, or damage (with the backup)."""
    from ess_desk.failures import DAMAGED, SQLITE_PENDING_RECOVERY, from_sqlite_error, sqlite_code
    from ess_desk.store import recovery
    from ess_desk.store.header import hot_journal

    journal = hot_journal(path)
    code = sqlite_code(exc) or 0
    if journal is not None and (code in SQLITE_PENDING_RECOVERY or code & 0xFF in (5, 8, 14)):
        return recovery.pending_recovery(path, journal, holder)
    failure = from_sqlite_error(exc, path)
    if failure is not None and failure.kind != DAMAGED:
        return failure
    return recovery.refuse_damaged(path, _damaged(path, exc).message)


def missing_database(path: Path) -> StoreError:
    """The sentence for a database path that names no file: never create one by mistake."""
    return StoreError(
        _(
            "Le fichier {path} n'existe pas : vérifiez le chemin donné à --db. "
            "Pour créer une nouvelle base : ess-desk new {path}"
        ).format(path=path)
    )


def _make_private(path: Path) -> None:
    """A new database is readable by its owner only; SQLite gives its journal the same mode."""
    if os.name == "posix":
        with contextlib.suppress(OSError):
            os.chmod(path, 0o600)


def _sync_folder(folder: Path) -> None:
    """Make a new name in `folder` durable (POSIX): a power cut cannot take the link back."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _publish_new(tmp: Path, path: Path) -> None:
    """Give the complete new database in `tmp` its name `path`, never over an existing file."""
    try:
        os.link(tmp, path)
    except FileExistsError:
        return  # made meanwhile by another program: opened and inspected like any file
    except OSError as exc:
        # File systems without hard links (FAT, some network shares): a rename, which Windows
        # refuses over an existing name, and which we make only when the name is still free.
        if exc.errno in (errno.EACCES, errno.EROFS, errno.ENOSPC, errno.EDQUOT, errno.EPERM):
            raise
        if path.exists():
            return
        os.rename(tmp, path)
    _sync_folder(path.parent)


def _create_whole(path: Path) -> None:
    """Make a new database complete (every migration applied) in a private temporary file beside
    `path`, then link it in. A program killed at any moment leaves no database at all or a
    complete empty council: never an empty or half-migrated file, which the next opening would
    refuse as damaged or as not an ESS Desk file (issue 18, `make faults`)."""
    from ess_desk.fileio import private_temp
    from ess_desk.store.schema import migrations

    try:
        tmp = private_temp(path.parent, "nouvelle-base-", suffix=".sqlite")
    except OSError as exc:
        from ess_desk.failures import from_os_error

        raise from_os_error(exc, path) from exc
    try:
        conn = _connect(tmp, read_only=False)
        try:
            migrations.apply(LazyDatabase(conn).database)
        finally:
            conn.close()
        _publish_new(tmp, path)
    except sqlite3.Error as exc:
        from ess_desk.failures import from_sqlite_error

        raise (from_sqlite_error(exc, path) or exc) from exc
    except OSError as exc:
        from ess_desk.failures import from_os_error

        raise from_os_error(exc, path) from exc
    finally:
        for leftover in (tmp, tmp.with_name(tmp.name + "-journal")):
            with contextlib.suppress(OSError):
                leftover.unlink()


def _sweep(path: Path) -> None:
    """Remove what programs killed mid-way left beside the database and in its backups folder."""
    from ess_desk.fileio import sweep_temporary_files
    from ess_desk.store.backup import backup_dir

    sweep_temporary_files(path.parent)
    sweep_temporary_files(backup_dir(path))


def open_store(
    path: Path | str | None = None,
    *,
    create: bool = True,
    read_only: bool = False,
    auto_backup: bool = True,
) -> Store:
    """Open (or create) the database file, taking the lock or falling back to read-only."""
    path = Path(path) if path is not None else default_db_path()
    exists = _check_place(path, create=create, read_only=read_only)
    from ess_desk.fileio import protect_database

    # From here on, no export of this process may write over this file or its companions.
    protect_database(path)

    mine: lockmod.LockInfo | None = None
    holder: lockmod.LockInfo | None = None
    if not read_only:
        mine, holder = lockmod.acquire(path)
        if mine is None:
            if not exists:
                raise StoreError(
                    _(
                        "Impossible de créer {path} : le dossier n'est pas accessible en écriture."
                    ).format(path=path)
                )
            read_only = True
    conn = None
    try:
        if not exists:
            _create_whole(path)
        try:
            conn = _connect(path, read_only)
            if not exists:
                _make_private(path)
            lazy = LazyDatabase(conn)
            db = as_database(lazy)
            is_new = _verify_identity(db, path)
            pending, unknown = ([], []) if is_new else schema_state(db)
        except sqlite3.DatabaseError as exc:
            raise _unusable(path, exc, holder) from exc
        if unknown:
            raise _too_new(path)
        store = Store(path=path, db=db, read_only=read_only, holder=holder, _lock=mine)
        if mine is not None:
            _sweep(path)
        _bring_up_to_date(store, lazy, is_new, bool(pending), auto_backup=auto_backup and exists)
        return store
    except BaseException:
        if conn is not None:
            conn.close()
        if mine is not None:
            lockmod.release(path, mine)
        raise


def _check_place(path: Path, *, create: bool, read_only: bool) -> bool:
    """Whether the file exists, once its place is checked: an existing file must be a whole
    SQLite file, a new one needs its folder (made private) and leave to be created."""
    exists = path.exists()
    if exists and path.is_dir():
        raise StoreError(
            _("{path} est un dossier, pas une base de données ESS Desk.").format(path=path)
        )
    if exists:
        from ess_desk.store.header import truncation

        inspect_file(path)
        # An empty or truncated file is an accident (a copy cut short, a full disk), never a
        # new council: refused, with the newest backup that passes the check.
        cut = truncation(path)
        if cut is not None:
            from ess_desk.store import recovery

            raise recovery.refuse_damaged(path, cut)
    elif not create or read_only:
        raise StoreError(_("Le fichier {path} n'existe pas.").format(path=_describe(path)))
    else:
        try:
            if not path.parent.is_dir():
                path.parent.parent.mkdir(parents=True, exist_ok=True)
                path.parent.mkdir(mode=0o700, exist_ok=True)
        except OSError as exc:
            from ess_desk.failures import from_os_error

            raise from_os_error(exc, path.parent) from exc
    return exists


def _bring_up_to_date(
    store: Store, lazy: LazyDatabase, is_new: bool, pending: bool, *, auto_backup: bool
) -> None:
    """Migrate a new or older file (a copy of an older one first), else take the day's backup;
    `store.last_backup` says the newest copy either way."""
    from ess_desk.store import backup as backupmod

    if is_new or pending:
        if store.read_only:
            raise StoreError(
                _(
                    "Le fichier {path} doit être mis à jour, mais il est ouvert en lecture seule."
                ).format(path=_describe(store.path))
            )
        if not is_new:
            # A copy of the file as it was, before any migration touches it.
            backupmod.backup_before(store, "avant-mise-a-jour")
        from ess_desk.store.schema import migrations

        migrations.apply(lazy.database)
    elif auto_backup and not store.read_only:
        store.last_backup = backupmod.daily_backup(store)
    if store.last_backup is None:
        store.last_backup = backupmod.latest_backup(store.path)


__all__ = ["Store", "open_store", "default_db_path", "schema_state", "MIGRATION_SET"]
