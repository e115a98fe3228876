"""The council's file is never overwritten, never created by mistake, and held by one writer only.

Issue 18, items 11–14 and 6–7: exports refused over the database and its companions, backups
rotated by their recorded kind, an exclusive lock written atomically, read commands that never
create a file, `restore` of the open file refused, temporary files private and swept.
"""

from __future__ import annotations

import datetime as dt
import json
import multiprocessing
import os
import shutil
import socket
import sqlite3
import stat
import sys
import time
from pathlib import Path

import pytest

from ess_desk.cli import main
from ess_desk.fileio import TEMP_PREFIX, atomic_path, temp_prefix
from ess_desk.store import backup, open_store
from ess_desk.store import lock as lockmod

posix_only = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory):
    from ess_desk.demo import fill_demo

    path = tmp_path_factory.mktemp("demo") / "modele.sqlite"
    with open_store(path) as s:
        fill_demo(s, "small")
    return path


@pytest.fixture
def council(demo_file, tmp_path):
    """A copy of the small demo under the default file name, with its meeting ids."""
    path = tmp_path / "ess-desk.sqlite"
    shutil.copy(demo_file, path)
    conn = sqlite3.connect(path)
    meeting = conn.execute(
        "SELECT id FROM meetings WHERE status = 'convened' ORDER BY starts_at LIMIT 1"
    ).fetchone()[0]
    conn.close()
    return path, meeting


def digest(path: Path) -> bytes:
    import hashlib

    return hashlib.sha256(path.read_bytes()).digest()


def run(db: Path, *args: str) -> int:
    return main(["--db", str(db), *args])


# Item 11: no command writes over the database, its journal, lock or backups -----------------


@pytest.mark.parametrize(
    "command",
    [
        ["export-pack", "{m}", "-o", "{out}.pdf"],
        ["attendance-sheet", "{m}", "-o", "{out}.pdf"],
        ["export-minutes", "{m}", "-o", "{out}.docx"],
        ["export-decisions", "-o", "{out}.xlsx"],
        ["export-actions", "-o", "{out}.csv"],
        ["export-members", "{out}.xlsx"],
        ["backup", "-o", "{out}.sqlite"],
        ["report", "-o", "{out}.pdf"],
        ["privacy", "--export", "1", "-o", "{out}.json"],
    ],
    ids=lambda c: c[0],
)
@pytest.mark.parametrize("how", ["same-name", "symbolic-link"])
def test_an_export_over_the_database_is_refused_and_the_file_kept(
    council, tmp_path, command, how, capsys
):
    """`export-pack 25 -o db.sqlite` left a PDF where the council's record was."""
    db, meeting = council
    suffix = command[-1].rsplit(".", 1)[1]
    if how == "same-name":
        target = db.with_suffix("." + suffix)
        db = db.rename(target)
    else:
        target = tmp_path / f"alias.{suffix}"
        target.symlink_to(db)
    before = digest(db)
    args = [a.format(m=meeting, out=target.with_suffix("")) for a in command]
    assert run(db, *args) == 1
    err = capsys.readouterr().err
    assert "Erreur" in err and str(target) in err and "Traceback" not in err
    assert digest(db) == before
    assert main(["--db", str(db), "check"]) == 0


def test_schedule_ics_over_the_database_is_refused_before_any_meeting_is_created(council, capsys):
    db, _meeting = council
    conn = sqlite3.connect(db)
    body = conn.execute("SELECT name FROM bodies ORDER BY id LIMIT 1").fetchone()[0]
    count = conn.execute("SELECT count(*) FROM meetings").fetchone()[0]
    conn.close()
    before = digest(db)
    code = run(
        db,
        "schedule",
        "--body",
        body,
        "--rule",
        "FREQ=MONTHLY;BYDAY=2TU",
        "--from",
        "2031-01-01",
        "--until",
        "2031-03-31",
        "--ics",
        str(db),
    )
    assert code == 1
    assert "base du conseil" in capsys.readouterr().err
    assert digest(db) == before
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM meetings").fetchone()[0] == count
    conn.close()


def test_journal_lock_backups_links_and_hard_links_are_refused(council, tmp_path, capsys):
    db, meeting = council
    with open_store(db) as s:
        made = s.last_backup
    assert made is not None and made.exists()
    before = digest(made)
    link = tmp_path / "lien.pdf"
    link.symlink_to(db)
    hard = tmp_path / "dur.pdf"
    os.link(db, hard)
    targets = [
        Path(str(db) + "-journal"),
        lockmod.lock_path(db),
        made,
        backup.backup_dir(db) / "nouveau.pdf",
        link,
        hard,
    ]
    for target in targets:
        assert run(db, "attendance-sheet", str(meeting), "-o", str(target)) == 1, target
        assert "Traceback" not in capsys.readouterr().err
    assert digest(made) == before
    assert not (backup.backup_dir(db) / "nouveau.pdf").exists()
    assert not Path(str(db) + "-journal").exists()
    assert main(["--db", str(db), "check"]) == 0


def test_links_made_after_a_first_check_are_still_refused(tmp_path):
    # The database's journal, lock and backups are looked up once for many files written in a
    # row, and again as soon as their folder changes: a link made meanwhile is seen.
    from ess_desk.errors import UserError
    from ess_desk.fileio import check_output, protect_database

    folder = tmp_path / "base"
    folder.mkdir()
    db = folder / "conseil.sqlite"
    db.write_bytes(b"")
    protect_database(db)
    elsewhere = tmp_path / "ailleurs"
    elsewhere.mkdir()
    target = elsewhere / "export.pdf"
    assert check_output(target) == target  # an ordinary export: allowed (and looked up)
    Path(str(db) + "-journal").symlink_to(target)
    with pytest.raises(UserError, match="journal ou verrou"):
        check_output(target)
    Path(str(db) + "-journal").unlink()
    assert check_output(target) == target
    backup.backup_dir(db).symlink_to(elsewhere, target_is_directory=True)
    with pytest.raises(UserError, match="sauvegardes"):
        check_output(target)


def test_an_output_folder_made_a_link_after_a_first_check_is_seen(tmp_path):
    # The real path of a folder of outputs is resolved once for many files written in it, and
    # again when the name leads to another folder: made a link to the backups, or a file in it
    # made a link to the database, it is refused.
    from ess_desk.errors import UserError
    from ess_desk.fileio import check_output, protect_database

    db = tmp_path / "conseil.sqlite"
    db.write_bytes(b"")
    protect_database(db)
    out = tmp_path / "relances"
    out.mkdir()
    for n in range(3):
        assert check_output(out / f"relance-{n}.pdf") == out / f"relance-{n}.pdf"
    (out / "relance-3.pdf").symlink_to(db)
    with pytest.raises(UserError, match="base du conseil"):
        check_output(out / "relance-3.pdf")
    out.rename(tmp_path / "relances-avant")
    backups = backup.backup_dir(db)
    backups.mkdir()
    out.symlink_to(backups, target_is_directory=True)
    with pytest.raises(UserError, match="sauvegardes"):
        check_output(out / "relance-4.pdf")


def test_convocations_into_the_backups_folder_are_refused(council, capsys):
    db, meeting = council
    with open_store(db):
        pass
    folder = backup.backup_dir(db)
    before = sorted(p.name for p in folder.iterdir())
    assert run(db, "convocations", str(meeting), "-o", str(folder)) == 1
    assert "sauvegardes" in capsys.readouterr().err
    assert sorted(p.name for p in folder.iterdir()) == before


def test_an_ordinary_export_is_still_written(council, tmp_path):
    db, meeting = council
    out = tmp_path / "feuille.pdf"
    assert run(db, "attendance-sheet", str(meeting), "-o", str(out)) == 0
    assert out.read_bytes().startswith(b"%PDF")


# Item 12: rotation by recorded kind and date, with the default file name ---------------------


def test_rotation_keeps_ten_automatic_copies_under_the_default_name(tmp_path):
    db = tmp_path / "ess-desk.sqlite"
    with open_store(db) as s:
        backup.backup_before(s, backup.BEFORE_MIGRATION)
        for day in range(1, 16):
            backup.daily_backup(s, now=dt.datetime(2020, 1, day, 8, 0, 0))
    copies = backup.backups(db)
    automatic = [b for b in copies if b.kind == backup.AUTOMATIC]
    assert len(automatic) == backup.DEFAULT_KEEP
    # the newest ten remain, and the copy of another kind is never rotated away
    assert automatic[-1].taken_at == dt.datetime(2020, 1, 6, 8, 0, 0)
    assert [b.kind for b in copies].count(backup.BEFORE_MIGRATION) == 1


def test_a_copy_records_its_kind_whatever_its_name(tmp_path, store):
    copy = backup.backup_to(store, tmp_path / "ess-desk-20200101-080000.sqlite")
    info = backup.read_backup_info(copy, tmp_path / "ess-desk.sqlite")
    assert info is not None and info.kind == backup.MANUAL
    # a copy renamed by hand keeps what it is
    moved = copy.rename(tmp_path / "copie du lundi.sqlite")
    assert backup.read_backup_info(moved).kind == backup.MANUAL


def test_old_copies_without_record_are_read_by_the_database_name(tmp_path):
    db = tmp_path / "ess-desk.sqlite"
    folder = backup.backup_dir(db)
    folder.mkdir()
    for day in range(1, 14):
        conn = sqlite3.connect(folder / f"ess-desk-202001{day:02d}-080000.sqlite")
        conn.execute("CREATE TABLE t (x)")
        conn.close()
    (folder / "ess-desk-20200101-080000-avant-mise-a-jour.sqlite").write_bytes(b"")
    (folder / "notes-20200101-080000.sqlite").write_bytes(b"")  # not ours: never touched
    backup.rotate(db, 10)
    names = sorted(p.name for p in folder.iterdir())
    assert len([n for n in names if n.count("-") == 3]) == 10
    assert "ess-desk-20200101-080000-avant-mise-a-jour.sqlite" in names
    assert "notes-20200101-080000.sqlite" in names


def _forget_in_process(monkeypatch) -> None:
    """As a new program would start: nothing read yet in this process."""
    monkeypatch.setattr(backup, "_info_cache", {})
    monkeypatch.setattr(backup, "_indexes", {})


def test_the_copies_records_are_read_once_then_from_the_folders_index(tmp_path, monkeypatch):
    db = tmp_path / "ess-desk.sqlite"
    with open_store(db) as s:
        backup.backup_before(s, backup.BEFORE_MIGRATION)
        for day in (1, 2):
            backup.daily_backup(s, now=dt.datetime(2020, 1, day, 8, 0, 0))
    folder = backup.backup_dir(db)
    (folder / "notes-20200101-080000.sqlite").write_bytes(b"")  # not ours: no record
    _forget_in_process(monkeypatch)
    first = backup.backups(db)
    index = json.loads((folder / backup.INDEX_NAME).read_text(encoding="utf-8"))
    assert set(index) == {p.name for p in folder.glob("*.sqlite")}
    assert stat.S_IMODE((folder / backup.INDEX_NAME).stat().st_mode) == 0o600
    # the next program reads no copy to list them
    _forget_in_process(monkeypatch)

    def no_copy_opened(path, **_kw):
        raise AssertionError(f"{path} opened")

    monkeypatch.setattr(backup, "read_only_connection", no_copy_opened)
    assert backup.backups(db) == first
    assert [b.kind for b in first].count(backup.AUTOMATIC) == 2


def test_a_copy_just_made_is_listed_without_being_opened_again(tmp_path, monkeypatch):
    """The day's copy, a copy before a migration and one taken on demand are known from what
    was written into them: the rotation that follows, and the next program through the
    folder's index, list them without opening them, as a reading of each would have."""
    db = tmp_path / "ess-desk.sqlite"
    opened: list[Path] = []
    real = backup.read_only_connection

    def counted(path, **kw):
        opened.append(Path(path))
        return real(path, **kw)

    with open_store(db) as s:
        _forget_in_process(monkeypatch)
        monkeypatch.setattr(backup, "read_only_connection", counted)
        made = [
            backup.daily_backup(s, now=dt.datetime(2020, 1, 1, 8, 0, 0, 123456)),
            backup.backup_before(s, backup.BEFORE_MIGRATION),
            backup.backup_now(s, now=dt.datetime(2020, 1, 2, 9, 30, 15, 999999)),
        ]
        listed = backup.backups(db)
    assert opened == []
    monkeypatch.setattr(backup, "read_only_connection", real)
    _forget_in_process(monkeypatch)
    (folder_index := backup.backup_dir(db) / backup.INDEX_NAME).unlink()
    assert not folder_index.exists()
    assert backup.backups(db) == listed  # each copy read this time
    assert sorted(b.path for b in listed) == sorted(made)
    assert {b.taken_at for b in listed} >= {
        dt.datetime(2020, 1, 1, 8, 0, 0),
        dt.datetime(2020, 1, 2, 9, 30, 15),
    }


def test_a_changed_copy_is_read_again_and_a_broken_index_ignored(tmp_path, monkeypatch):
    db = tmp_path / "ess-desk.sqlite"
    with open_store(db) as s:
        backup.daily_backup(s, now=dt.datetime(2020, 1, 1, 8, 0, 0))
    folder = backup.backup_dir(db)
    (copy,) = folder.glob("*.sqlite")
    _forget_in_process(monkeypatch)
    assert backup.backups(db)[0].kind == backup.AUTOMATIC
    # the copy is now another kind of copy (as a restore could leave it): read again
    conn = sqlite3.connect(copy)
    conn.execute(f"UPDATE {backup.INFO_TABLE} SET kind = ?", [backup.MANUAL])
    conn.commit()
    conn.close()
    os.utime(copy, ns=(time.time_ns(), time.time_ns() + 5_000_000_000))
    _forget_in_process(monkeypatch)
    assert backup.backups(db)[0].kind == backup.MANUAL
    (folder / backup.INDEX_NAME).write_text("{not json", encoding="utf-8")
    _forget_in_process(monkeypatch)
    assert backup.backups(db)[0].kind == backup.MANUAL
    assert json.loads((folder / backup.INDEX_NAME).read_text(encoding="utf-8"))


def test_restore_leaves_no_trace_of_the_copy_record(store, tmp_path):
    copy = backup.backup_to(store, tmp_path / "copie.sqlite")
    backup.restore(store, copy)
    tables = [r[0] for r in store.conn.execute("SELECT name FROM sqlite_master")]
    assert backup.INFO_TABLE not in tables


# Item 13: the lock is exclusive and never read half-written ---------------------------------


def _contender(db: str, barrier, results, release) -> None:
    barrier.wait()
    mine, _holder = lockmod.acquire(Path(db))
    results.put(mine is not None)
    release.wait(10)
    if mine is not None:
        lockmod.release(Path(db), mine)


def _rounds(db: Path, *, rounds: int, contenders: int, stale: bool) -> list[int]:
    ctx = multiprocessing.get_context("fork")
    winners = []
    for _round in range(rounds):
        if stale:
            dead = {"user": "x", "host": socket.gethostname(), "pid": 2**22 + 7}
            dead |= {"since": "2020-01-01T00:00:00", "token": "old"}
            lockmod.lock_path(db).write_text(json.dumps(dead), encoding="utf-8")
        barrier, results, release = ctx.Barrier(contenders), ctx.Queue(), ctx.Event()
        procs = [
            ctx.Process(target=_contender, args=(str(db), barrier, results, release))
            for _ in range(contenders)
        ]
        for p in procs:
            p.start()
        got = [results.get(timeout=30) for _ in procs]
        release.set()
        for p in procs:
            p.join(30)
        winners.append(sum(got))
        assert not lockmod.lock_path(db).exists()
    return winners


@pytest.mark.skipif(sys.platform == "win32", reason="fork")
@pytest.mark.parametrize("stale", [False, True], ids=["free", "stale-lock"])
def test_of_many_programs_opening_at_once_exactly_one_writes(tmp_path, stale):
    db = tmp_path / "ess-desk.sqlite"
    assert _rounds(db, rounds=8, contenders=6, stale=stale) == [1] * 8


def test_a_young_unreadable_lock_is_waited_for_and_an_old_one_taken_over(tmp_path):
    db = tmp_path / "c.sqlite"
    path = lockmod.lock_path(db)
    path.write_text("", encoding="utf-8")  # an older version writing its lock in place
    mine, holder = lockmod.acquire(db)
    assert mine is None  # not taken over while it may still be being written
    old = time.time() - 60
    os.utime(path, (old, old))
    mine, holder = lockmod.acquire(db)
    assert mine is not None and holder is None
    assert lockmod.read_lock(db).token == mine.token


def test_a_takeover_left_by_a_killed_program_does_not_block_for_ever(tmp_path):
    db = tmp_path / "c.sqlite"
    dead = {"user": "x", "host": socket.gethostname(), "pid": 2**22 + 7}
    dead |= {"since": "2020-01-01T00:00:00", "token": "old"}
    lockmod.lock_path(db).write_text(json.dumps(dead), encoding="utf-8")
    takeover = lockmod.takeover_path(db)
    takeover.write_text("1", encoding="utf-8")
    old = time.time() - 60
    os.utime(takeover, (old, old))
    mine, _holder = lockmod.acquire(db)
    assert mine is not None


# Item 14: read commands never create; restore refuses the open file; no copies left ---------


@pytest.mark.parametrize(
    "command",
    [
        ["check"],
        ["meetings"],
        ["decisions"],
        ["actions"],
        ["search", "coop"],
        ["quorum", "1"],
        ["export-members", "{out}"],
        ["backup", "-o", "{out}"],
        ["import-members", "{out}", "--dry-run"],
    ],
    ids=lambda c: c[0],
)
def test_a_mistyped_db_is_named_and_never_created(tmp_path, command, capsys):
    typo = tmp_path / "conseill.sqlite"
    out = str(tmp_path / "sortie.csv")
    assert main(["--db", str(typo), *[a.format(out=out) for a in command]]) == 1
    err = capsys.readouterr().err
    assert "n'existe pas" in err and "ess-desk new" in err
    assert not typo.exists()


def test_new_creates_once_and_never_overwrites(tmp_path, capsys):
    db = tmp_path / "neuf.sqlite"
    assert main(["new", str(db)]) == 0
    assert main(["--db", str(db), "check"]) == 0
    before = digest(db)
    assert main(["new", str(db)]) == 1
    assert "existe déjà" in capsys.readouterr().err
    assert digest(db) == before


def test_restore_of_the_open_database_is_refused_at_once(council, capsys):
    db, _meeting = council
    started = time.monotonic()
    assert run(db, "restore", str(db)) == 1
    assert time.monotonic() - started < 10
    assert "base ouverte elle-même" in capsys.readouterr().err
    assert main(["--db", str(db), "check"]) == 0


def _fake_temp(folder: Path, pid: int, age: float = 0.0) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / (temp_prefix("sauvegarde-").replace(str(os.getpid()), str(pid)) + "x.tmp")
    path.write_bytes(b"copie complete de la base")
    if age:
        then = time.time() - age
        os.utime(path, (then, then))
    return path


def test_temporary_files_of_killed_programs_are_swept_at_the_next_opening(tmp_path):
    db = tmp_path / "ess-desk.sqlite"
    with open_store(db):
        pass
    dead_here = _fake_temp(tmp_path, 2**22 + 11)
    dead_backups = _fake_temp(backup.backup_dir(db), 2**22 + 13)
    alive = _fake_temp(tmp_path, os.getpid())
    other_machine = tmp_path / f"{TEMP_PREFIX}ffffffff-12-y.pdf"
    other_machine.write_bytes(b"x")
    with open_store(db):
        pass
    assert not dead_here.exists() and not dead_backups.exists()
    assert alive.exists() and other_machine.exists()
    then = time.time() - 2 * 24 * 3600
    os.utime(other_machine, (then, then))
    with open_store(db):
        pass
    assert not other_machine.exists()


def test_a_failed_export_leaves_no_temporary_file(tmp_path):
    target = tmp_path / "rapport.pdf"
    with pytest.raises(RuntimeError), atomic_path(target) as tmp:
        tmp.write_bytes(b"%PDF-1.7 partial")
        raise RuntimeError("interrompu")
    assert list(tmp_path.iterdir()) == []


# Item 7 (files created by the store): private on POSIX -------------------------------------


@posix_only
def test_database_lock_backups_and_temporary_files_are_private(tmp_path):
    db = tmp_path / "donnees" / "ess-desk.sqlite"
    seen = {}
    with open_store(db) as s:
        seen["lock"] = stat.S_IMODE(lockmod.lock_path(db).stat().st_mode)
        with s.write() as w:
            w.execute("INSERT INTO settings (key, value) VALUES ('k', 'v')")
        copy = backup.backup_before(s, backup.BEFORE_MIGRATION)
        seen["backup"] = stat.S_IMODE(copy.stat().st_mode)
        with atomic_path(tmp_path / "export.pdf") as tmp:
            seen["temp"] = stat.S_IMODE(tmp.stat().st_mode)
    seen["database"] = stat.S_IMODE(db.stat().st_mode)
    seen["folder"] = stat.S_IMODE(db.parent.stat().st_mode)
    seen["backups folder"] = stat.S_IMODE(backup.backup_dir(db).stat().st_mode)
    assert seen == {
        "lock": 0o600,
        "backup": 0o600,
        "temp": 0o600,
        "database": 0o600,
        "folder": 0o700,
        "backups folder": 0o700,
    }
