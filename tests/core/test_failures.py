"""The error boundary: a full disk, a read-only file or folder, a refused right, a folder given
for a file, a busy file and a failing disk are each one French sentence, exit code 1, never a
traceback; SQLite's BUSY, FULL, IOERR, READONLY and CORRUPT become the same sentences."""

from __future__ import annotations

import errno
import logging
import os
import sqlite3
import stat
import threading

import pytest

from ess_desk import failures, logs
from ess_desk.cli import main
from ess_desk.errors import StoreError
from ess_desk.failures import StorageFailure, from_os_error, from_sqlite_error, user_error_for
from ess_desk.membership import people
from ess_desk.store import open_store
from tests.faults import (
    assert_one_sentence,
    fill,
    remount,
    run_cli,
    small_council,
    small_file_system,
    sqlite_error,
)

NOTHING_CHANGED = "Rien n'a été modifié."


def _os_error(code: int, path, winerror: int | None = None) -> OSError:
    exc = OSError(code, os.strerror(code), str(path))
    if winerror is not None:
        exc.winerror = winerror  # type: ignore[attr-defined]
    return exc


@pytest.mark.parametrize(
    ("code", "kind", "words"),
    [
        (errno.ENOSPC, failures.DISK_FULL, "Le disque est plein"),
        (errno.EDQUOT, failures.DISK_FULL, "Le disque est plein"),
        (errno.EROFS, failures.READ_ONLY, "protégé en écriture"),
        (errno.EISDIR, failures.IS_FOLDER, "est un dossier, pas un fichier"),
        (errno.EBUSY, failures.BUSY, "occupé par un autre programme"),
        (errno.EIO, failures.IO, "erreur d'entrée-sortie"),
        (errno.ENOENT, failures.MISSING, "introuvable"),
    ],
)
def test_each_operating_system_refusal_is_one_sentence(tmp_path, code, kind, words):
    target = tmp_path / "sortie.pdf"
    failure = from_os_error(_os_error(code, target))
    assert failure.kind == kind
    assert words in failure.message and str(target) in failure.message
    assert NOTHING_CHANGED in failure.message
    assert "\n" not in failure.message


def test_a_windows_sharing_violation_is_a_busy_file(tmp_path):
    # Excel holding the CSV open: Windows says "permission denied" with winerror 32.
    failure = from_os_error(_os_error(errno.EACCES, tmp_path / "membres.csv", winerror=32))
    assert failure.kind == failures.BUSY
    assert "Excel" in failure.message


def test_permission_denied_says_read_only_file_or_folder_or_missing_right(tmp_path):
    locked = tmp_path / "lecture-seule.pdf"
    locked.write_text("x")
    locked.chmod(0o444)
    failure = from_os_error(_os_error(errno.EACCES, locked))
    assert (
        failure.kind == failures.READ_ONLY and "le fichier est en lecture seule" in failure.message
    )
    folder = tmp_path / "archives"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        failure = from_os_error(_os_error(errno.EACCES, folder / "pv.pdf"))
        assert failure.kind == failures.READ_ONLY
        assert f"son dossier {folder} est en lecture seule" in failure.message
    finally:
        folder.chmod(0o755)
    open_file = tmp_path / "ouvert.pdf"
    failure = from_os_error(_os_error(errno.EPERM, open_file))
    assert failure.kind == failures.PERMISSION and "Accès refusé" in failure.message


def test_a_temporary_file_is_named_by_its_folder(tmp_path):
    failure = from_os_error(_os_error(errno.ENOSPC, tmp_path / ".ess-desk-tmp-1-2-x.pdf"))
    assert f"{tmp_path} n'a pas pu" in failure.message and ".ess-desk" not in failure.message


@pytest.mark.parametrize(
    ("code", "name", "kind"),
    [
        (5, "SQLITE_BUSY", failures.BUSY),
        (6, "SQLITE_LOCKED", failures.BUSY),
        (13, "SQLITE_FULL", failures.DISK_FULL),
        (10, "SQLITE_IOERR", failures.IO),
        (1290, "SQLITE_IOERR_FSYNC", failures.IO),
        (8, "SQLITE_READONLY", failures.READ_ONLY),
        (11, "SQLITE_CORRUPT", failures.DAMAGED),
        (26, "SQLITE_NOTADB", failures.DAMAGED),
    ],
)
def test_sqlite_result_codes_become_sentences(db_path, code, name, kind):
    db_path.write_bytes(b"")
    failure = from_sqlite_error(sqlite_error(code, name, "english text"), db_path)
    assert failure is not None and failure.kind == kind
    assert "english text" not in failure.message and NOTHING_CHANGED in failure.message


def test_a_bug_is_not_dressed_as_a_disk_failure(db_path):
    assert from_sqlite_error(sqlite3.OperationalError("no such column: x"), db_path) is None
    assert user_error_for(ValueError("bug"), db_path) is None
    assert user_error_for(sqlite3.ProgrammingError("closed"), db_path) is None


def test_write_maps_a_real_busy_database(store):
    other = sqlite3.connect(store.path)
    other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    store.conn.execute("PRAGMA busy_timeout = 0")
    try:
        with pytest.raises(StorageFailure) as info:
            people.create(store, first_name="Anne", last_name="Martin")
        assert info.value.kind == failures.BUSY
        assert f"La base {store.path} est occupée" in info.value.message
    finally:
        other.rollback()
        other.close()
    assert store.conn.execute("SELECT count(*) FROM people").fetchone()[0] == 0


def test_write_maps_a_real_read_only_connection(db_path):
    open_store(db_path).close()
    db_path.chmod(0o444)
    try:
        with open_store(db_path, read_only=True) as s:
            s.read_only = False  # as if the lock were ours: SQLite itself refuses
            with pytest.raises(StorageFailure) as info:
                people.create(s, first_name="Anne", last_name="Martin")
    finally:
        db_path.chmod(0o644)
    assert info.value.kind == failures.READ_ONLY
    assert "le fichier est en lecture seule" in info.value.message


@pytest.mark.parametrize(
    ("code", "name", "words"),
    [
        (13, "SQLITE_FULL", "Le disque est plein"),
        (5, "SQLITE_BUSY", "occupée par un autre programme"),
        (10, "SQLITE_IOERR", "erreur d'entrée-sortie"),
        (11, "SQLITE_CORRUPT", "endommagé"),
    ],
)
def test_cli_says_a_simulated_sqlite_failure_in_one_sentence(
    db_path, monkeypatch, capsys, code, name, words
):
    open_store(db_path).close()

    def refuse(*args, **kwargs):
        raise sqlite_error(code, name, "disk I/O error")

    monkeypatch.setattr("ess_desk.search.index.rebuild", refuse)
    assert main(["--db", str(db_path), "search", "--rebuild"]) == 1
    err = capsys.readouterr().err
    assert_one_sentence(err, words, str(db_path))


def test_cli_says_a_simulated_io_error_on_an_export(db_path, tmp_path, monkeypatch, capsys):
    open_store(db_path).close()
    out = tmp_path / "membres.csv"

    def fail(*args, **kwargs):
        raise _os_error(errno.EIO, out)

    monkeypatch.setattr("ess_desk.exchange.members_export.export_roster_file", fail)
    assert main(["--db", str(db_path), "export-members", str(out)]) == 1
    assert_one_sentence(capsys.readouterr().err, "erreur d'entrée-sortie", str(out))


def test_cli_unexpected_error_is_a_sentence_and_the_traceback_is_logged(
    db_path, tmp_path, monkeypatch, capsys
):
    monkeypatch.setenv(logs.LOG_ENV, str(tmp_path / "journaux"))
    open_store(db_path).close()

    def bug(*args, **kwargs):
        raise KeyError("colonne-fantome")

    monkeypatch.setattr("ess_desk.search.index.rebuild", bug)
    assert main(["--db", str(db_path), "search", "--rebuild"]) == 1
    err = capsys.readouterr().err
    log_file = tmp_path / "journaux" / "ess-desk.log"
    assert_one_sentence(err, "erreur inattendue", "la base reste telle qu'avant", str(log_file))
    text = log_file.read_text(encoding="utf-8")
    assert "Traceback" in text and "colonne-fantome" in text and "search --rebuild" in text


def test_the_path_of_the_database_is_a_folder(tmp_path, capsys):
    folder = tmp_path / "conseil.sqlite"
    folder.mkdir()
    assert main(["--db", str(folder), "check"]) == 1
    assert_one_sentence(capsys.readouterr().err, "est un dossier")


def test_an_output_that_is_a_folder(db_path, tmp_path, capsys):
    open_store(db_path).close()
    for command, name in (("backup", "copie.sqlite"), ("export-actions", "actions.csv")):
        out = tmp_path / name
        out.mkdir()
        assert main(["--db", str(db_path), command, "-o", str(out)]) == 1
        assert_one_sentence(capsys.readouterr().err, f"{out} est un dossier")


# -- on a real small file system ------------------------------------------------------------


@pytest.fixture
def small_disk(tmp_path):
    with small_file_system(tmp_path / "disque", 1200) as folder:
        yield folder


def _council_on(folder):
    path = folder / "conseil.sqlite"
    return path, small_council(path)


def test_a_full_disk_with_a_little_space_left(small_disk, tmp_path, capsys):
    db, former = _council_on(small_disk)
    fill(small_disk, leave_kb=8)
    before = db.read_bytes()
    cases = [
        ["search", "--rebuild"],
        ["privacy", "--anonymise", str(former)],
        ["schedule", "--body", "Conseil de l'ESS", "--rule", "FREQ=MONTHLY;BYDAY=2TU"]
        + ["--from", "2031-01-01", "--until", "2031-12-31", "--keep-flagged"],
        ["backup", "-o", str(small_disk / "copie.sqlite")],
        ["export-members", str(small_disk / "membres.xlsx")],
    ]
    for args in cases:
        code = main(["--db", str(db), *args])
        err = capsys.readouterr().err
        assert code == 1, args
        assert_one_sentence(err, "Le disque est plein", "Rien n'a été modifié")
    assert db.read_bytes() == before


def test_a_read_only_file_system(small_disk, capsys):
    db, _former = _council_on(small_disk)
    remount(small_disk, read_only=True)
    try:
        assert main(["--db", str(db), "search", "--rebuild"]) == 1
        err = capsys.readouterr().err
        assert_one_sentence(err, "protégé en écriture")
        assert main(["--db", str(db), "export-members", str(small_disk / "m.csv")]) == 1
        assert_one_sentence(capsys.readouterr().err, "protégé en écriture", "m.csv")
    finally:
        remount(small_disk, read_only=False)


def test_a_read_only_file_and_folder_without_root_rights(tmp_path):
    db, _former = _council_on(tmp_path)
    out_folder = tmp_path / "archives"
    out_folder.mkdir()
    out_folder.chmod(0o555)
    db.chmod(0o444)
    try:
        export = run_cli(
            "--db", str(db), "export-members", str(out_folder / "m.csv"),
            home=tmp_path, without_root_rights=True,
        )  # fmt: skip
        rebuild = run_cli(
            "--db", str(db), "search", "--rebuild", home=tmp_path, without_root_rights=True
        )
    finally:
        out_folder.chmod(0o755)
        db.chmod(0o644)
    assert export.returncode == 1
    assert_one_sentence(export.stderr, f"son dossier {out_folder} est en lecture seule")
    assert rebuild.returncode == 1
    assert_one_sentence(rebuild.stderr, f"{db} ne peut pas être modifié", "lecture seule")


def test_an_unreadable_database_without_root_rights(tmp_path):
    db = tmp_path / "conseil.sqlite"
    open_store(db).close()
    db.chmod(0o000)
    try:
        done = run_cli("--db", str(db), "check", home=tmp_path, without_root_rights=True)
    finally:
        db.chmod(0o644)
    assert done.returncode == 1
    assert_one_sentence(done.stderr, "Accès refusé", str(db))


# -- the log ------------------------------------------------------------------------------


@pytest.fixture
def log_folder(tmp_path, monkeypatch):
    folder = tmp_path / "etat" / "ESS Desk" / "log"
    monkeypatch.setenv(logs.LOG_ENV, str(folder))
    yield folder
    if logs._handler is not None:
        logging.getLogger().removeHandler(logs._handler)
        logs._handler.close()
        logs._handler = None
    if logs._waiting is not None:
        logging.getLogger().removeHandler(logs._waiting)
        logs._waiting = None


def test_the_log_is_private_and_rotates_private(log_folder):
    path = logs.setup()
    assert path == log_folder / "ess-desk.log"
    logs.log.info("première ligne")
    assert stat.S_IMODE(log_folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    logs._handler.maxBytes = 200
    for n in range(10):
        logs.log.info("ligne %d %s", n, "x" * 80)
    rotated = sorted(log_folder.glob("ess-desk.log*"))
    assert len(rotated) == 1 + logs.BACKUP_COUNT
    assert {stat.S_IMODE(p.stat().st_mode) for p in rotated} == {0o600}


def test_the_default_log_folder_is_the_user_s(monkeypatch, tmp_path):
    monkeypatch.delenv(logs.LOG_ENV, raising=False)
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    assert logs.log_file().parent.is_relative_to(tmp_path / "state")


def test_a_log_that_cannot_be_written_never_stops_the_program(log_folder, capsys):
    log_folder.parent.mkdir(parents=True)
    log_folder.write_text("un fichier à la place du dossier")
    assert logs.setup() is None
    logs.log.error("perdu")
    assert capsys.readouterr().err == ""


def test_the_command_line_s_log_is_opened_by_its_first_record(log_folder):
    """`setup_on_first_record` (what the command line does) makes no folder and no file; the
    first record opens the file, takes the waiting handler's place among the root's handlers
    and is written once, as is every record after it, and every other handler sees it once."""
    root = logging.getLogger()
    seen: list[str] = []

    class Listening(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            seen.append(record.getMessage())

    logs.setup_on_first_record()
    listening = Listening(logging.INFO)
    root.addHandler(listening)
    try:
        waiting = logs._waiting
        assert waiting is not None and waiting in root.handlers
        place = root.handlers.index(waiting)
        assert not log_folder.exists() and logs._handler is None
        logs.log.info("première ligne")
        assert logs._handler is not None and root.handlers[place] is logs._handler
        assert waiting not in root.handlers and logs._waiting is None
        logs.log.info("deuxième ligne")
        logs.setup_on_first_record()  # again: nothing changes
        assert root.handlers.count(logs._handler) == 1
    finally:
        root.removeHandler(listening)
    text = (log_folder / "ess-desk.log").read_text(encoding="utf-8")
    assert text.count("première ligne") == 1 and text.count("deuxième ligne") == 1
    assert seen == ["première ligne", "deuxième ligne"]
    assert stat.S_IMODE(log_folder.stat().st_mode) == 0o700


def test_a_command_that_logs_nothing_loads_no_log_machinery(log_folder):
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from ess_desk import logs\n"
        "logs.setup_on_first_record()\n"
        "print(sorted({'logging.handlers', 'platformdirs'} & set(sys.modules)))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
    assert not log_folder.exists()


def test_a_first_record_that_finds_no_folder_leaves_no_handler(log_folder, monkeypatch):
    log_folder.parent.mkdir(parents=True)
    log_folder.write_text("un fichier à la place du dossier")
    said: list[str] = []
    monkeypatch.setattr(logging.lastResort, "handle", lambda r: said.append(r.getMessage()))
    root = logging.getLogger()
    monkeypatch.setattr(root, "handlers", [])  # no other handler (pytest's are set aside)
    logs.setup_on_first_record()
    logs.log.warning("premier avertissement")  # the one the waiting handler had
    assert root.handlers == [] and logs._waiting is None and logs._handler is None
    logs.log.info("perdu")
    logs.log.warning("deuxième avertissement")  # as when `setup` had failed at once
    assert said == ["premier avertissement", "deuxième avertissement"]


def test_hooks_log_uncaught_errors_of_any_thread(log_folder, monkeypatch):
    monkeypatch.setattr("sys.excepthook", None)
    monkeypatch.setattr(threading, "excepthook", None)
    reported = []
    logs.install_hooks(lambda exc, where: reported.append((str(exc), where)))
    try:
        raise RuntimeError("dans le fil principal")
    except RuntimeError as exc:
        import sys

        sys.excepthook(type(exc), exc, exc.__traceback__)

    def work():
        raise ValueError("dans un fil de travail")

    thread = threading.Thread(target=work, name="travail")
    thread.start()
    thread.join()
    text = (log_folder / "ess-desk.log").read_text(encoding="utf-8")
    assert "dans le fil principal" in text and "dans un fil de travail" in text
    assert text.count("Traceback") == 2
    assert reported == [("dans le fil principal", "main"), ("dans un fil de travail", "travail")]


def test_store_errors_keep_their_type():
    assert issubclass(StorageFailure, StoreError)
