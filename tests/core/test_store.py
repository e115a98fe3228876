"""The store: recognising files, pragmas, lock, migrations, backups, restore, check, audit."""

from __future__ import annotations

import datetime as dt
import json
import os
import socket
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from ess_desk.errors import StoreError
from ess_desk.integrity import CHECKS, check_council
from ess_desk.membership import people
from ess_desk.minutes.minutes import check_digests
from ess_desk.search.index import check_index
from ess_desk.signing.signed import check as check_signed_files
from ess_desk.store import backup, open_store
from ess_desk.store import lock as lockmod
from ess_desk.store.check import check_store
from ess_desk.store.schema import APPLICATION_ID, known_migration_names, migrations


def test_new_database_has_schema_and_pragmas(store):
    assert {"people", "bodies", "colleges", "mandates", "audit_log"} <= set(store.db.table_names())
    conn = store.conn
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert [m.name for m in migrations.applied(store.db)] == known_migration_names()
    assert known_migration_names()[0] == "0001_membership"


def test_default_path_comes_from_environment(monkeypatch, tmp_path):
    from ess_desk.store.database import default_db_path

    monkeypatch.setenv("ESS_DESK_DB", str(tmp_path / "x.sqlite"))
    assert default_db_path() == tmp_path / "x.sqlite"
    monkeypatch.delenv("ESS_DESK_DB")
    assert default_db_path().name == "ess-desk.sqlite"
    assert "ESS Desk" in str(default_db_path())


def test_text_file_is_refused(tmp_path):
    path = tmp_path / "membres.sqlite"
    path.write_text("Nom;Prénom\nMartin;Anne\n", encoding="utf-8")
    with pytest.raises(StoreError, match="n'est pas une base de données ESS Desk"):
        open_store(path)
    assert path.read_text(encoding="utf-8").startswith("Nom;")
    assert not lockmod.lock_path(path).exists()


def test_foreign_sqlite_file_is_refused(tmp_path):
    path = tmp_path / "autre.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="n'est pas une base de données ESS Desk"):
        open_store(path)


def test_corrupted_file_is_refused(db_path):
    s = open_store(db_path)
    people.create(s, first_name="Anne", last_name="Martin")
    s.close()
    data = bytearray(db_path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # smash the schema page after the header
    db_path.write_bytes(bytes(data))
    with pytest.raises(StoreError, match="endommagé|n'est pas une base"):
        open_store(db_path)


def test_newer_version_is_refused(db_path):
    open_store(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES (?, ?, ?)",
        ["ess_desk", "9999_from_the_future", "2030-01-01"],
    )
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="version plus récente"):
        open_store(db_path)


def test_missing_file_without_create(tmp_path):
    with pytest.raises(StoreError, match="n'existe pas"):
        open_store(tmp_path / "absent.sqlite", create=False)


def test_lock_names_holder_and_second_instance_is_read_only(db_path):
    first = open_store(db_path)
    info = json.loads(lockmod.lock_path(db_path).read_text(encoding="utf-8"))
    assert info["host"] == socket.gethostname()
    assert info["user"] == lockmod.current_user()
    assert info["pid"] == os.getpid()
    dt.datetime.fromisoformat(info["since"])
    second = open_store(db_path)
    try:
        assert second.read_only and not first.read_only
        assert lockmod.current_user() in second.read_only_message()
        with pytest.raises(StoreError, match="lecture seule"):
            people.create(second, first_name="A", last_name="B")
    finally:
        second.close()
    assert lockmod.lock_path(db_path).exists()  # the reader does not remove the writer's lock
    first.close()
    assert not lockmod.lock_path(db_path).exists()


def test_stale_lock_is_taken_over(db_path):
    open_store(db_path).close()
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    stale = {
        "user": "marie",
        "host": socket.gethostname(),
        "pid": int(dead.stdout),
        "since": "2026-01-01T09:00:00",
        "token": "x",
    }
    lockmod.lock_path(db_path).write_text(json.dumps(stale), encoding="utf-8")
    s = open_store(db_path)
    try:
        assert not s.read_only
        assert lockmod.read_lock(db_path).pid == os.getpid()
    finally:
        s.close()


def test_lock_of_another_machine_is_respected(db_path):
    open_store(db_path).close()
    other = {
        "user": "marie",
        "host": "poste-accueil",
        "pid": 1,
        "since": "2026-11-28T09:00:00",
        "token": "x",
    }
    lockmod.lock_path(db_path).write_text(json.dumps(other), encoding="utf-8")
    s = open_store(db_path)
    try:
        assert s.read_only
        assert "marie" in s.read_only_message() and "poste-accueil" in s.read_only_message()
        assert "28/11/2026" in s.read_only_message()
    finally:
        s.close()


def test_daily_backup_once_a_day_and_rotation(db_path):
    open_store(db_path).close()  # creation: nothing to back up yet
    assert backup.list_backups(db_path) == []
    s = open_store(db_path)
    first = s.last_backup
    assert first is not None and first.exists()
    s.close()
    s = open_store(db_path)
    assert backup.list_backups(db_path) == [first]  # at most one a day
    for day in range(1, 15):
        backup.daily_backup(s, now=dt.datetime(2020, 1, day, 8, 0, 0))
    s.close()
    automatic = [b for b in backup.list_backups(db_path) if b.stem.count("-") == 2]
    assert len(automatic) == backup.DEFAULT_KEEP
    assert first in automatic  # the newest ones are kept


def test_backup_now_takes_a_copy_whatever_today_holds(db_path):
    open_store(db_path).close()
    s = open_store(db_path)
    try:
        first = s.last_backup  # today's automatic copy
        made = backup.backup_now(s, now=dt.datetime.now() + dt.timedelta(seconds=5))
        assert made != first and made.exists() and s.last_backup == made
        assert backup.read_backup_info(made).kind == backup.AUTOMATIC
        assert set(backup.list_backups(db_path)) == {first, made}
    finally:
        s.close()


def test_backup_keep_setting(store):
    with store.write() as db:
        db.execute("INSERT INTO settings (key, value) VALUES ('backups_keep', '3')")
    for day in range(1, 8):
        backup.daily_backup(store, now=dt.datetime(2020, 1, day))
    automatic = [b for b in backup.list_backups(store.path) if b.stem.count("-") == 2]
    assert len(automatic) == 3


def test_backup_and_restore_round_trip(store, tmp_path):
    people.create(store, first_name="Anne", last_name="Martin")
    copy = backup.backup_to(store, tmp_path / "copie.sqlite")
    people.create(store, first_name="Paul", last_name="Durand")
    kept = backup.restore(store, copy)
    names = [r[0] for r in store.conn.execute("SELECT last_name FROM people")]
    assert names == ["Martin"]
    kept_conn = sqlite3.connect(kept)
    assert kept_conn.execute("SELECT COUNT(*) FROM people").fetchone()[0] == 2
    kept_conn.close()


def test_restore_refuses_a_bad_file_and_keeps_data(store, tmp_path):
    people.create(store, first_name="Anne", last_name="Martin")
    bad = tmp_path / "faux.sqlite"
    bad.write_bytes(b"not a database at all")
    with pytest.raises(StoreError, match="n'est pas une base"):
        backup.restore(store, bad)
    assert store.conn.execute("SELECT COUNT(*) FROM people").fetchone()[0] == 1
    assert backup.list_backups(store.path) == []  # nothing kept: nothing was touched


def test_migration_takes_a_backup_first(db_path, monkeypatch):
    open_store(db_path).close()
    from ess_desk.store import schema

    extra = schema.Migrations(schema.MIGRATION_SET)
    for m in schema.migrations._migrations:
        extra._migrations.append(m)

    @extra(name="0002_test_column")
    def _add(db):
        db.execute("ALTER TABLE people ADD COLUMN test_column TEXT")

    monkeypatch.setattr(schema, "migrations", extra)
    monkeypatch.setattr(
        "ess_desk.store.database.known_migration_names", lambda: [m.name for m in extra._migrations]
    )
    s = open_store(db_path)
    try:
        assert "test_column" in s.db["people"].columns_dict
        saved = [b for b in backup.list_backups(db_path) if "avant-mise-a-jour" in b.name]
        assert len(saved) == 1
        old = sqlite3.connect(saved[0])
        assert "test_column" not in [r[1] for r in old.execute("PRAGMA table_info(people)")]
        old.close()
    finally:
        s.close()


def test_check_finds_broken_references(store):
    assert check_council(store) == []
    store.conn.execute("PRAGMA foreign_keys = OFF")
    store.conn.execute(
        "INSERT INTO people (first_name, last_name, organisation_id) VALUES ('A', 'B', 999)"
    )
    store.conn.commit()
    problems = check_council(store)
    assert len(problems) == 1 and "organisations" in problems[0]


def test_the_store_check_runs_the_checks_its_caller_hands_in(store):
    """The store knows no domain: what else to check comes from the caller, in order, and a file
    too damaged to read is one sentence whichever check meets it."""
    seen = []

    def first(db):
        seen.append(db)
        return ["premier"]

    def broken(db):
        raise sqlite3.DatabaseError("database disk image is malformed")

    assert check_store(store) == []
    assert check_store(store, [first, lambda db: ["second"]]) == ["premier", "second"]
    assert seen == [store.db]
    assert check_store(store, [first, broken]) == [
        "premier",
        "Le fichier est endommagé : database disk image is malformed",
    ]
    assert (check_digests, check_index) == CHECKS[:2]  # then the audit chain and the backup
    assert check_signed_files in CHECKS


def test_audit_log_records_every_change(store):
    pid = people.create(store, first_name="Anne", last_name="Martin", email="anne@exemple.fr")
    people.update(store, pid, email="anne.martin@exemple.fr")
    rows = store.conn.execute(
        "SELECT entity, entity_id, action, before, after, os_user FROM audit_log ORDER BY id"
    ).fetchall()
    assert [(r[0], r[1], r[2]) for r in rows] == [
        ("person", pid, "create"),
        ("person", pid, "update"),
    ]
    before, after = json.loads(rows[1][3]), json.loads(rows[1][4])
    assert before["email"] == "anne@exemple.fr" and after["email"] == "anne.martin@exemple.fr"
    assert rows[1][5] == lockmod.current_user()


def test_failed_write_leaves_no_audit_entry(store):
    from ess_desk.errors import UserError

    with pytest.raises(UserError):
        people.create(store, first_name="Anne", last_name="Martin", email="pas-un-courriel")
    assert store.conn.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0] == 0
    assert store.conn.execute("SELECT COUNT(*) FROM people").fetchone()[0] == 0


def test_the_light_list_of_migrations_is_the_schema_s():
    from ess_desk.store.versions import MIGRATION_NAMES

    assert list(MIGRATION_NAMES) == known_migration_names()


def test_opening_and_reading_leave_sqlite_utils_unloaded(tmp_path):
    """The window's start reads through sqlite3 alone (sqlite-utils costs a fifth of it)."""
    import subprocess
    import sys

    path = tmp_path / "conseil.sqlite"
    open_store(path).close()
    code = (
        "import sys\n"
        "from ess_desk.store import open_store\n"
        f"store = open_store({str(path)!r})\n"
        "store.db.execute('SELECT COUNT(*) FROM people').fetchone()\n"
        "assert 'sqlite_utils' not in sys.modules, 'chargé à la lecture'\n"
        "with store.write() as db:\n"
        "    db['settings'].insert({'key': 'k', 'value': 'v'})\n"
        "assert 'sqlite_utils' in sys.modules\n"
        "assert store.setting('k') == 'v'\n"
        "store.close()\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_a_write_on_the_lazy_database_is_one_transaction_or_nothing(tmp_path):
    """`LazyDatabase.atomic` (sqlite-utils' `atomic` on the connection itself): committed at the
    end, undone whole on an exception, and a write inside a write is a savepoint undone alone."""
    from ess_desk.store.database import LazyDatabase

    store = open_store(tmp_path / "conseil.sqlite")
    lazy = store.db
    assert isinstance(lazy, LazyDatabase) and lazy._database is None

    def keys() -> list[str]:
        found = store.conn.execute("SELECT key FROM settings WHERE length(key) = 1 ORDER BY key")
        return [r[0] for r in found]

    with store.write() as db:
        db.execute("INSERT INTO settings (key, value) VALUES ('a', '1')")
    assert keys() == ["a"] and not store.conn.in_transaction
    with pytest.raises(ValueError), store.write() as db:
        db.execute("INSERT INTO settings (key, value) VALUES ('b', '2')")
        raise ValueError
    assert keys() == ["a"] and not store.conn.in_transaction
    with store.write() as db:
        db.execute("INSERT INTO settings (key, value) VALUES ('c', '3')")
        with pytest.raises(ValueError), store.write() as inner:
            inner.execute("INSERT INTO settings (key, value) VALUES ('d', '4')")
            raise ValueError
        with store.write() as inner:
            inner.execute("INSERT INTO settings (key, value) VALUES ('e', '5')")
    assert keys() == ["a", "c", "e"] and not store.conn.in_transaction
    assert lazy._database is None  # none of it needed sqlite-utils
    store.close()


def test_importing_members_leaves_sqlite_utils_unloaded(tmp_path):
    """A command's write needs sqlite3 alone (importing sqlite-utils was 5 % of an import's time):
    the transaction, the rows, their audit entries and the search index written in bulk."""
    import subprocess
    import sys

    from ess_desk.membership import bodies

    path = tmp_path / "conseil.sqlite"
    with open_store(path) as store:
        bodies.create_body(store, name="Conseil", kind="plenary")
    members = tmp_path / "membres.csv"
    members.write_text("Nom;Prénom;Début de mandat\nMartin;Anne;01/01/2026\n", encoding="utf-8")
    code = (
        "import sys\n"
        "from ess_desk.cli import main\n"
        f"assert main(['--db', {str(path)!r}, 'import-members', {str(members)!r}]) == 0\n"
        "assert 'sqlite_utils' not in sys.modules, 'chargé pour écrire'\n"
        # Nor what the import's path no longer needs (bench/NOTES.md, perf21): its records are
        # NamedTuples and plain classes, and the support log opens at its first record.
        "unwanted = {'dataclasses', 'fractions', 'logging.handlers', 'platformdirs'}\n"
        "assert not unwanted & set(sys.modules), sorted(unwanted & set(sys.modules))\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
    with open_store(path) as store:
        assert store.conn.execute("SELECT last_name FROM people").fetchall() == [("Martin",)]
        found = store.conn.execute(
            "SELECT rowid FROM search_people WHERE search_people MATCH 'anne'"
        )
        assert found.fetchall() == [(1,)]


def test_backup_date_reads_the_stamp_of_every_kind_of_copy():
    when = dt.datetime(2026, 11, 28, 10, 15, 0)
    assert backup.backup_date(Path("conseil-20261128-101500.sqlite")) == when
    assert backup.backup_date(Path("conseil-20261128-101500-avant-mise-a-jour.sqlite")) == when
    assert backup.backup_date(Path("mon-conseil-2026-20261128-101500.sqlite")) == when
    assert backup.backup_date(Path("conseil-20261399-101500.sqlite")) is None
    assert backup.backup_date(Path("conseil.sqlite")) is None


def test_the_account_name_is_getpass_s_read_once(monkeypatch):
    """Without LOGNAME, USER, LNAME or USERNAME, current_user is getpass's name of the account,
    which it reads once per process; a variable set is taken first, as getpass takes it."""
    import getpass

    for name in ("LOGNAME", "USER", "LNAME", "USERNAME"):
        monkeypatch.delenv(name, raising=False)
    assert lockmod.current_user() == getpass.getuser()
    calls = []
    monkeypatch.setattr(getpass, "getuser", lambda: calls.append(1) or "autre")
    assert lockmod.current_user() == lockmod.current_user()
    assert calls == []  # read already
    monkeypatch.setenv("USER", "camille")
    assert lockmod.current_user() == "camille"
