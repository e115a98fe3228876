"""The window and the council's file in trouble: an empty or damaged file offers "Restaurer cette
sauvegarde" at start and when switching; damage met while working offers it too; a network
drive, a full disk or files readable by others are said in the banner."""

from __future__ import annotations

import datetime as dt

from ess_desk.membership import people
from ess_desk.store import backup as backupmod
from ess_desk.store import network, open_store
from ui.app import open_initial_store
from ui.main_window import MainWindow
from ui.qt import QtWidgets
from ui.settings import AppSettings


def _council_with_backup(path):
    with open_store(path) as s:
        people.create(s, first_name="Hélène", last_name="Dupré")
        people.create(s, first_name="Marc", last_name="Lefèvre")
        copy = backupmod.copy_database(
            s.conn,
            backupmod.backup_dir(path) / f"{path.stem}-20261201-090000-manuelle.sqlite",
            kind=backupmod.MANUAL,
            source=path,
            taken_at=dt.datetime(2026, 12, 1, 9, 0),
        )
    for other in backupmod.backups(path):
        if other.path != copy:
            other.path.unlink()
    return copy


def _click(label: str, shown: list[str]):
    """A stand-in for QMessageBox.exec that records the text and clicks the button `label`."""

    def exec_(box: QtWidgets.QMessageBox) -> int:
        shown.append(box.text())
        for button in box.buttons():
            if button.text() == label:
                box.setProperty("clicked_label", label)
                button.click()
                return 0
        return 0

    return exec_


def test_an_empty_file_at_start_offers_the_backup_and_restores_it(qtbot, db_path, monkeypatch):
    good = _council_with_backup(db_path)
    db_path.write_bytes(b"")
    shown: list[str] = []
    answers = iter(["Restaurer cette sauvegarde", "Fermer"])

    def exec_(box: QtWidgets.QMessageBox) -> int:
        shown.append(box.text())
        wanted = next(answers)
        for button in box.buttons():
            if button.text() == wanted:
                button.click()
        return 0

    monkeypatch.setattr(QtWidgets.QMessageBox, "exec", exec_)
    store = open_initial_store(db_path)
    assert store is not None and store.path == db_path
    assert shown[0].startswith(f"Le fichier {db_path} est vide (0 octet)")
    assert "01/12/2026 à 09:00" in shown[0] and "2 personnes" in shown[0] and str(good) in shown[0]
    assert f"La sauvegarde {good.name} est remise en place dans {db_path}" in shown[1]
    assert store.conn.execute("SELECT count(*) FROM people").fetchone()[0] == 2
    store.close()


def test_switching_to_a_truncated_file_offers_the_backup(qtbot, store, tmp_path, monkeypatch):
    other = tmp_path / "autre.sqlite"
    _council_with_backup(other)
    whole = other.read_bytes()
    other.write_bytes(whole[: len(whole) // 3])
    window = MainWindow(store, AppSettings())
    qtbot.addWidget(window)
    shown: list[str] = []
    monkeypatch.setattr(QtWidgets.QMessageBox, "exec", _click("Annuler", shown))
    assert not window.switch_database(other)
    assert "est tronqué" in shown[0] and window.store is store
    monkeypatch.setattr(QtWidgets.QMessageBox, "exec", _click("Restaurer cette sauvegarde", shown))
    assert window.switch_database(other)
    assert window.store.path == other
    assert window.store.conn.execute("SELECT count(*) FROM people").fetchone()[0] == 2
    window.close()


def test_damage_met_while_working_offers_the_backup(qtbot, db_path, monkeypatch):
    from tests.faults import sqlite_error
    from ui.failures import report_failure

    _council_with_backup(db_path)
    window = MainWindow(open_store(db_path), AppSettings())
    qtbot.addWidget(window)
    shown: list[str] = []
    monkeypatch.setattr(QtWidgets.QMessageBox, "exec", _click("Restaurer cette sauvegarde", shown))
    report_failure(window, sqlite_error(11, "SQLITE_CORRUPT", "malformed"), "Enregistrer")
    assert shown[0].startswith(f"Le fichier {db_path} est endommagé")
    assert "La sauvegarde la plus récente qui passe la vérification" in shown[0]
    assert not window.store.closed and window.store.path == db_path
    assert list(backupmod.backup_dir(db_path).glob("*endommage*"))
    window.close()


def test_the_banner_says_the_database_is_on_a_network_drive(qtbot, store, monkeypatch):
    share = network.NetworkDrive("SMB", str(store.path.parent))
    monkeypatch.setattr(network, "network_drive", lambda path: share)
    window = MainWindow(store, AppSettings())
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.banner.isVisibleTo(window))
    text = window.banner.text()
    assert "lecteur réseau (SMB" in text and "Une seule personne à la fois" in text
    assert str(backupmod.backup_dir(store.path)) in text
