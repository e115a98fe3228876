"""The council's file in trouble (issue 18, items 1–5, 7, 9): a full disk, an empty, truncated or
damaged file refused with the newest backup that passes the check, a crash recovery waiting for
write access named as such, a read-only file or a folder in the lock's place, files readable by
others, a database on a network drive."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from ess_desk.cli import main
from ess_desk.store import backup as backupmod
from ess_desk.store import header, health, network, open_store, recovery
from ess_desk.store.lock import lock_path
from tests.faults import (
    assert_one_sentence,
    fill,
    remount,
    run_cli,
    small_council,
    small_file_system,
)


def _council(path):
    return small_council(path)


def _backup(path, when="20261201-090000"):
    """A manual copy in the backups folder (as if taken on 1 December 2026)."""
    folder = backupmod.backup_dir(path)
    with open_store(path) as s:
        copy = backupmod.copy_database(
            s.conn,
            folder / f"{path.stem}-{when}-manuelle.sqlite",
            kind=backupmod.MANUAL,
            source=path,
            taken_at=dt.datetime.strptime(when, "%Y%m%d-%H%M%S"),
        )
    for other in backupmod.backups(path):
        if other.path != copy:
            other.path.unlink()  # the automatic copy of the day: the test's own copy is the newest
    return copy


# -- 1. a full disk --------------------------------------------------------------------------


def test_a_disk_with_no_space_at_all(tmp_path, capsys):
    with small_file_system(tmp_path / "disque", 1200) as disk:
        db = disk / "conseil.sqlite"
        former = _council(db)
        fill(disk)
        # The lock cannot even be written: reading still works, read-only, and says why.
        assert main(["--db", str(db), "check"]) == 0
        out = capsys.readouterr().out
        assert "Aucun problème" in out and f"Attention : Le disque de {db} est plein" in out
        assert main(["--db", str(db), "meetings"]) == 0
        capsys.readouterr()
        writes = [
            ["search", "--rebuild"],
            ["privacy", "--anonymise", str(former)],
            ["backup", "-o", str(disk / "copie.sqlite")],
            ["export-members", str(disk / "membres.csv")],
            ["schedule", "--body", "Conseil de l'ESS", "--rule", "FREQ=MONTHLY;BYDAY=2TU"]
            + ["--from", "2031-01-01", "--until", "2031-03-31"],
        ]
        for args in writes:
            assert main(["--db", str(db), *args]) == 1, args
            assert_one_sentence(capsys.readouterr().err, "Le disque est plein", "Rien n'a été")
        assert not lock_path(db).exists()


# -- 2, 3. empty, truncated, damaged: refused, with the backup that passes the check -------------


def test_an_empty_file_is_refused_with_the_newest_good_backup(db_path, capsys):
    _council(db_path)
    good = _backup(db_path)
    newer_but_damaged = backupmod.backup_dir(db_path) / f"{db_path.stem}-20261202-090000.sqlite"
    newer_but_damaged.write_bytes(good.read_bytes()[:8192])
    db_path.write_bytes(b"")
    assert main(["--db", str(db_path), "check"]) == 1
    err = capsys.readouterr().err
    assert_one_sentence(err, f"Le fichier {db_path} est vide (0 octet)", "Rien n'a été modifié")
    assert "01/12/2026 à 09:00" in err and str(good) in err
    assert "2 personnes, 0 séance, 0 décision" in err
    assert f"ess-desk --db {db_path} restore {good}" in err
    assert "Aucun problème" not in capsys.readouterr().out
    # The command it names puts the copy back, and keeps the empty file aside.
    assert main(["--db", str(db_path), "restore", str(good)]) == 0
    assert "gardé dans" in capsys.readouterr().out
    with open_store(db_path) as s:
        assert s.conn.execute("SELECT count(*) FROM people").fetchone()[0] == 2
        assert s.conn.execute("SELECT count(*) FROM sqlite_master WHERE name = '_ess_desk_backup'")
    assert list(backupmod.backup_dir(db_path).glob("*endommage*"))


def test_the_window_path_never_takes_an_empty_file_for_a_new_council(db_path):
    db_path.write_bytes(b"")
    with pytest.raises(recovery.DamagedDatabase) as info:
        open_store(db_path, create=True)
    assert info.value.offer is None
    assert "Aucune sauvegarde de cette base" in info.value.message
    assert db_path.read_bytes() == b""


def test_a_truncated_file_says_how_much_is_missing(db_path, capsys):
    _council(db_path)
    good = _backup(db_path)
    whole = db_path.read_bytes()
    db_path.write_bytes(whole[: len(whole) // 2])
    assert main(["--db", str(db_path), "meetings"]) == 1
    err = capsys.readouterr().err
    assert_one_sentence(err, f"Le fichier {db_path} est tronqué", "alors que son en-tête")
    assert str(good) in err and "restore" in err


def test_a_damaged_file_found_by_check_comes_with_the_offer(db_path, capsys):
    _council(db_path)
    good = _backup(db_path)
    data = bytearray(db_path.read_bytes())
    data[4096 * 3 : 4096 * 3 + 200] = b"\xff" * 200  # a page of a table overwritten
    db_path.write_bytes(bytes(data))
    code = main(["--db", str(db_path), "check"])
    out, err = capsys.readouterr()
    text = out + err
    assert code == 1 and ("endommagé" in text or "Intégrité" in text)
    assert str(good) in text and f"ess-desk --db {db_path} restore {good}" in text
    assert "Traceback" not in text


def test_damage_met_in_the_middle_of_a_command_comes_with_the_offer(db_path, monkeypatch, capsys):
    from tests.faults import sqlite_error

    _council(db_path)
    _backup(db_path)

    def corrupt(*args, **kwargs):
        raise sqlite_error(11, "SQLITE_CORRUPT", "database disk image is malformed")

    monkeypatch.setattr("ess_desk.search.index.rebuild", corrupt)
    assert main(["--db", str(db_path), "search", "--rebuild"]) == 1
    err = capsys.readouterr().err
    # (opening for the rebuild took the day's automatic copy: the newest that passes the check)
    assert_one_sentence(err, "est endommagé", "La sauvegarde la plus récente", "restore")


def test_restoring_over_a_damaged_file_keeps_its_journal_aside(db_path):
    _council(db_path)
    good = _backup(db_path)
    db_path.write_bytes(b"")
    journal = header.journal_path(db_path)
    journal.write_bytes(header.JOURNAL_MAGIC + b"\0" * 500)
    kept = recovery.restore_over(db_path, good)
    assert not journal.exists()  # it would otherwise be played back into the restored copy
    assert kept.with_name(kept.name + "-journal").exists()
    assert not lock_path(db_path).exists()
    with open_store(db_path) as s:
        assert s.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


# -- 4. a crash recovery waiting for write access -------------------------------------------


def _crash_mid_transaction(path):
    """What a program killed in the middle of a large write leaves: the file changed in place
    and the journal that can undo it."""
    import subprocess
    import sys

    code = (
        "import os, sqlite3\n"
        f"c = sqlite3.connect({str(path)!r})\n"
        "c.execute('PRAGMA cache_size = 1')\n"
        "c.execute('BEGIN')\n"
        "c.execute('CREATE TABLE bulk (x)')\n"
        "c.executemany('INSERT INTO bulk VALUES (?)', [('x' * 1000,)] * 2000)\n"
        "os._exit(0)\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
    assert header.hot_journal(path) is not None


def test_a_pending_recovery_with_the_lock_held_elsewhere_is_not_called_damaged(db_path, capsys):
    _council(db_path)
    _crash_mid_transaction(db_path)
    lock_path(db_path).write_text(
        json.dumps(
            {"user": "anne", "host": "poste-accueil", "pid": 4242, "since": "2026-12-04T09:15:00"}
        )
    )
    assert main(["--db", str(db_path), "meetings"]) == 1
    err = capsys.readouterr().err
    assert_one_sentence(err, f"La base {db_path} n'est pas endommagée", "journal de reprise")
    assert "anne a la base ouverte sur le poste poste-accueil depuis le 04/12/2026 à 09:15" in err
    assert "endommagé " not in err and "readonly" not in err
    lock_path(db_path).unlink()
    assert main(["--db", str(db_path), "check"]) == 0  # the recovery is made at the next opening
    assert header.hot_journal(db_path) is None


def test_a_pending_recovery_on_a_read_only_file_says_why(tmp_path):
    db = tmp_path / "conseil.sqlite"
    _council(db)
    _crash_mid_transaction(db)
    db.chmod(0o444)
    try:
        done = run_cli("--db", str(db), "meetings", home=tmp_path, without_root_rights=True)
    finally:
        db.chmod(0o600)
    assert done.returncode == 1
    assert_one_sentence(done.stderr, "n'est pas endommagée", "Or le fichier est en lecture seule")


# -- 5. read-only database, a folder in the lock's place --------------------------------------


def test_search_rebuild_on_a_read_only_file_system(tmp_path, capsys):
    with small_file_system(tmp_path / "disque", 1200) as disk:
        db = disk / "conseil.sqlite"
        _council(db)
        remount(disk, read_only=True)
        try:
            assert main(["--db", str(db), "search", "--rebuild"]) == 1
            err = capsys.readouterr().err
            assert_one_sentence(err, "protégé en écriture")
            assert main(["--db", str(db), "check"]) == 0
        finally:
            remount(disk, read_only=False)


def test_a_folder_in_the_lock_s_place(db_path, capsys):
    former = _council(db_path)
    lock_path(db_path).mkdir()
    assert main(["--db", str(db_path), "meetings"]) == 0
    for args in (["search", "--rebuild"], ["privacy", "--anonymise", str(former)]):
        assert main(["--db", str(db_path), *args]) == 1
        assert_one_sentence(capsys.readouterr().err, "un dossier porte le nom de son verrou")
    with open_store(db_path) as s:
        assert s.read_only and "nom de son verrou" in s.read_only_message()


# -- 7. private files --------------------------------------------------------------------------


def test_check_warns_when_the_database_or_its_backups_are_readable_by_others(db_path, capsys):
    _council(db_path)
    copy = _backup(db_path)
    assert main(["--db", str(db_path), "check"]) == 0
    assert "Attention" not in capsys.readouterr().out
    db_path.chmod(0o644)
    copy.chmod(0o644)
    assert main(["--db", str(db_path), "check"]) == 0
    out = capsys.readouterr().out
    assert f"Le fichier {db_path} est lisible par les autres comptes" in out
    assert f"chmod 600 {db_path}" in out
    folder = backupmod.backup_dir(db_path)
    assert f"Les sauvegardes de {folder} (le dossier ou des copies" in out
    assert f"chmod 700 {folder}" in out


# -- 9. network drives -----------------------------------------------------------------------

MOUNTINFO = """\
22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw
40 22 0:35 / /mnt/mairie rw,relatime shared:20 - cifs //srv-mairie/partage rw,vers=3.1.1
41 22 0:36 / /mnt/mairie/local\\040disque rw,relatime shared:21 - ext4 /dev/sdb1 rw
42 22 0:37 / /srv/nfs rw,relatime shared:22 - nfs4 nas:/export rw
"""


def test_network_file_systems_are_recognised_from_the_mount_table():
    mounts = network.parse_mountinfo(MOUNTINFO)
    assert network.network_mount(network.Path("/mnt/mairie/ess/conseil.sqlite"), mounts) == (
        network.NetworkDrive("SMB", "/mnt/mairie")
    )
    assert network.network_mount(network.Path("/srv/nfs/c.sqlite"), mounts).kind == "NFS"
    assert network.network_mount(network.Path("/mnt/mairie/local disque/c.sqlite"), mounts) is None
    assert network.network_mount(network.Path("/home/anne/c.sqlite"), mounts) is None
    bsd = "//anne@nas/partage on /Volumes/partage (smbfs, nodev, nosuid, mounted by anne)\n"
    assert network.network_mount(
        network.Path("/Volumes/partage/c.sqlite"), network.parse_bsd_mount(bsd)
    ) == network.NetworkDrive("SMB", "/Volumes/partage")


def test_unc_paths_are_network_shares():
    assert network.unc_share(r"\\srv-mairie\partage\ess\conseil.sqlite").kind == "SMB"
    assert network.unc_share(r"\\?\UNC\srv-mairie\partage\c.sqlite") is not None
    assert network.unc_share(r"C:\Users\anne\conseil.sqlite") is None
    assert network.unc_share(r"\\?\C:\Users\anne\conseil.sqlite") is None


def test_a_database_on_a_network_drive_keeps_its_backups_locally(db_path, monkeypatch, capsys):
    share = network.NetworkDrive("SMB", str(db_path.parent))
    monkeypatch.setattr(network, "network_drive", lambda path: share)
    folder = backupmod.backup_dir(db_path)
    assert folder.parent.name == "sauvegardes" and db_path.parent not in folder.parents
    _council(db_path)
    with open_store(db_path) as s:
        assert s.last_backup is not None and s.last_backup.parent == folder
    assert main(["--db", str(db_path), "check"]) == 0
    out = capsys.readouterr().out
    assert "est sur un lecteur réseau (SMB" in out and "Une seule personne à la fois" in out
    assert str(folder) in out
    assert health.network_warning(db_path) is not None
