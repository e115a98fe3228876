"""The window's error boundary: a full disk or a read-only file is one sentence; a bug raised in a
slot, in a worker or in a thread is logged and shown with "Détails" and "Copier"."""

from __future__ import annotations

import errno
import logging
import os
import sys
import threading

import pytest

from ess_desk import logs
from ui.failures import UnexpectedErrorDialog, WindowHooks, report_failure
from ui.qt import QtGui, QtWidgets
from ui.workers import Operation


@pytest.fixture
def log_file(tmp_path, monkeypatch):
    monkeypatch.setenv(logs.LOG_ENV, str(tmp_path / "journaux"))
    yield tmp_path / "journaux" / "ess-desk.log"
    if logs._handler is not None:
        logging.getLogger().removeHandler(logs._handler)
        logs._handler.close()
        logs._handler = None
    if logs._waiting is not None:
        logging.getLogger().removeHandler(logs._waiting)
        logs._waiting = None


@pytest.fixture
def hooks(monkeypatch, log_file):
    """The window's hooks, installed for this test only."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    installed = WindowHooks()
    installed.install()
    yield installed
    for dialog in installed.shown:
        dialog.close()


def _unexpected(hooks: WindowHooks) -> UnexpectedErrorDialog:
    assert hooks.dialog is not None
    return hooks.dialog


def test_a_full_disk_in_the_window_is_one_sentence(qtbot, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(QtWidgets.QMessageBox, "exec", lambda box: shown.append(box.text()))
    target = tmp_path / "dossier.pdf"
    report_failure(None, OSError(errno.ENOSPC, "No space left on device", str(target)), "Dossier")
    assert len(shown) == 1
    assert shown[0].startswith(f"Le disque est plein : {target} n'a pas pu être écrit.")
    assert "No space" not in shown[0]


def test_a_database_error_names_the_window_s_database(qtbot, store, monkeypatch):
    from tests.faults import sqlite_error
    from ui.main_window import MainWindow
    from ui.settings import AppSettings

    window = MainWindow(store, AppSettings())
    qtbot.addWidget(window)
    shown = []
    monkeypatch.setattr(QtWidgets.QMessageBox, "exec", lambda box: shown.append(box.text()))
    report_failure(window, sqlite_error(8, "SQLITE_READONLY", "attempt to write"), "Enregistrer")
    assert shown and str(store.path) in shown[0] and "ne peut pas être modifié" in shown[0]


def test_the_details_dialog_shows_the_traceback_and_the_log_and_copies_them(
    qtbot, log_file, monkeypatch
):
    ran = []
    monkeypatch.setattr(UnexpectedErrorDialog, "exec", lambda dialog: ran.append(dialog))
    try:
        {}["clé-absente"]
    except KeyError as exc:
        report_failure(None, exc, "Exporter les actions")
    (dialog,) = ran
    qtbot.addWidget(dialog)
    assert "« Exporter les actions » n'a pas abouti" in dialog.message.text()
    assert not dialog.details.isVisibleTo(dialog)
    qtbot.mouseClick(dialog.details_button, QtGui.Qt.MouseButton.LeftButton)
    assert dialog.details.isVisibleTo(dialog)
    details = dialog.details_text()
    assert f"Journal : {log_file}" in details
    assert "Traceback" in details and "clé-absente" in details
    qtbot.mouseClick(dialog.copy_button, QtGui.Qt.MouseButton.LeftButton)
    assert QtGui.QGuiApplication.clipboard().text() == details
    assert "clé-absente" in log_file.read_text(encoding="utf-8")


def test_an_error_raised_in_a_slot_is_logged_and_shown(qtbot, hooks, log_file):
    button = QtWidgets.QPushButton("Exporter")
    qtbot.addWidget(button)

    def slot() -> None:
        raise RuntimeError("erreur dans un slot")

    button.clicked.connect(slot)
    qtbot.mouseClick(button, QtGui.Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: hooks.dialog is not None and hooks.dialog.isVisible())
    dialog = _unexpected(hooks)
    assert "erreur dans un slot" in dialog.details_text()
    assert f"Journal : {log_file}" in dialog.details_text()
    text = log_file.read_text(encoding="utf-8")
    assert "erreur dans un slot" in text and "in slot" in text


def test_an_error_raised_in_a_worker_is_logged_and_shown(qtbot, hooks, log_file):
    parent = QtWidgets.QWidget()
    qtbot.addWidget(parent)

    def work() -> None:
        raise ValueError("erreur dans un travail de fond")

    operation = Operation(parent, work)
    with qtbot.waitSignal(operation.finished, timeout=5000):
        operation.run()
    qtbot.waitUntil(lambda: hooks.dialog is not None and hooks.dialog.isVisible())
    details = _unexpected(hooks).details_text()
    # The traceback is the worker's own, with the function that raised.
    assert "erreur dans un travail de fond" in details and "in work" in details
    assert "erreur dans un travail de fond" in log_file.read_text(encoding="utf-8")


def test_a_worker_s_failure_handled_by_a_page_is_logged_and_shown_too(qtbot, log_file, monkeypatch):
    from ui.dialogs.common import show_unexpected_error

    parent = QtWidgets.QWidget()
    qtbot.addWidget(parent)
    ran = []
    monkeypatch.setattr(UnexpectedErrorDialog, "exec", lambda dialog: ran.append(dialog))

    def work() -> None:
        raise ZeroDivisionError("division dans le travail")

    operation = Operation(parent, work).failure(
        lambda exc: show_unexpected_error(parent, exc, "Rapport")
    )
    with qtbot.waitSignal(operation.finished, timeout=5000):
        operation.run()
    (dialog,) = ran  # its parent's, closed and deleted with it (not handed to qtbot: the
    # parent may be freed by the cycle collector, with the dialog, before qtbot closes it)
    assert dialog.parent() is parent
    assert (
        "division dans le travail" in dialog.details_text() and "in work" in dialog.details_text()
    )
    assert "division dans le travail" in log_file.read_text(encoding="utf-8")


def test_an_error_in_a_plain_thread_reaches_the_window(qtbot, hooks, log_file):
    def work() -> None:
        raise OSError(errno.EPERM, os.strerror(errno.EPERM))  # no file named: a bug of ours

    thread = threading.Thread(target=work, name="préchargement")
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: bool(hooks.shown))
    assert "fil préchargement" in log_file.read_text(encoding="utf-8")


def test_errors_in_a_row_go_into_the_open_dialog(qtbot, hooks):
    for n in range(3):
        try:
            raise RuntimeError(f"erreur {n}")
        except RuntimeError as exc:
            sys.excepthook(type(exc), exc, exc.__traceback__)
    qtbot.waitUntil(lambda: hooks.dialog is not None and hooks.dialog.count == 3)
    assert len(hooks.shown) == 1
    assert all(f"erreur {n}" in hooks.dialog.details_text() for n in range(3))


def test_a_user_error_nobody_caught_is_still_a_sentence(qtbot, hooks):
    from ess_desk.errors import UserError

    try:
        raise UserError("Indiquez le nom de la personne.")
    except UserError as exc:
        sys.excepthook(type(exc), exc, exc.__traceback__)
    qtbot.waitUntil(lambda: bool(hooks.shown))
    (box,) = hooks.shown
    assert isinstance(box, QtWidgets.QMessageBox)
    assert box.text() == "Indiquez le nom de la personne."
