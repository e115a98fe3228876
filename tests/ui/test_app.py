"""The application shell: start-up, the main window, read-only second instance, refused files."""

from __future__ import annotations

from pathlib import Path

from ess_desk import i18n
from ess_desk.store import open_store
from ess_desk.store.backup import keep_count
from ess_desk.store.lock import lock_path
from ui.app import install_translators, run_app
from ui.dialogs.settings_dialog import SettingsDialog
from ui.main_window import MainWindow
from ui.qt import QtWidgets
from ui.settings import AppSettings


def make_window(qtbot, store) -> MainWindow:
    window = MainWindow(store, AppSettings())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_window_opens_on_a_fresh_database(qtbot, store):
    window = make_window(qtbot, store)
    assert window.current_page_key() == "dashboard"  # the Tableau de bord comes first
    # the other pages are built the first time they are shown, not at start
    assert all(window.page(key) is None for key in window.page_keys() if key != "dashboard")
    members = window.show_page("members")
    assert members is not None and members.proxy.rowCount() == 0
    assert members.count_label.text() == "Aucune personne"
    assert window.db_label.text() == f"Base : {store.path.name}"
    assert window.banner.isHidden()
    assert not window.state_label.text().startswith("Lecture seule")
    assert window.action_new_person.isEnabled()
    assert window.action_import.isEnabled() and window.action_restore.isEnabled()
    assert not window.action_edit_person.isEnabled()  # nobody selected
    assert window.action_new_database.shortcut().toString() == "Ctrl+N"
    assert window.action_open.shortcut().toString() == "Ctrl+O"
    assert window.action_import.shortcut().toString() == "Ctrl+I"
    assert window.action_export.shortcut().toString() == "Ctrl+E"
    assert window.action_quit.shortcut().toString() == "Ctrl+Q"
    assert window.action_new_person.shortcut().toString() == "Ctrl+Shift+N"
    assert [a.shortcut().toString() for a in window.page_actions][:1] == ["Ctrl+1"]


def test_pages_are_built_lazily_and_the_edit_menu_follows_the_selection(qtbot, store, council):
    window = make_window(qtbot, store)
    members = window.show_page("members")
    assert members.proxy.rowCount() == 4
    members.select_person(council["Hélène"])
    assert window.action_edit_person.isEnabled() and window.action_archive_person.isEnabled()
    assert window.action_archive_person.text() == "Archiver"
    for key in window.page_keys():
        assert window.show_page(key) is not None
        assert window.current_page_key() == key
    assert window.show_page("members") is members  # built once


def test_window_opens_on_the_small_demo(qtbot, store):
    from ess_desk.demo import fill_demo

    fill_demo(store, "small")
    window = make_window(qtbot, store)
    members = window.show_page("members")
    assert members.proxy.rowCount() >= 50
    assert members.count_label.text().endswith("personnes")
    first = members.proxy.index(0, 0)
    members.table.selectRow(0)
    assert members.panel.title.text().endswith(first.data())
    for key in window.page_keys():
        window.show_page(key)


def test_second_instance_opens_read_only(qtbot, db_path):
    first = open_store(db_path)
    try:
        second = open_store(db_path)
        assert second.read_only
        window = make_window(qtbot, second)
        assert window.banner.isVisible()
        assert "lecture seule" in window.banner.text()
        assert window.state_label.text() == "Lecture seule — " + second.read_only_message()
        for action in (
            window.action_new_person,
            window.action_edit_person,
            window.action_archive_person,
            window.action_import,
            window.action_restore,
        ):
            assert not action.isEnabled(), action.text()
        members = window.show_page("members")
        assert not members.new_button.isEnabled()
        assert not members.edit_button.isEnabled()
        window.close()
        assert lock_path(db_path).exists()  # the read-only window never touches the lock
    finally:
        first.close()
    assert not lock_path(db_path).exists()


def test_run_app_quits_after_the_first_paint(qtbot, db_path):
    assert run_app(str(db_path), quit_after_start=True, db_given=True) == 0
    assert db_path.exists()
    assert not lock_path(db_path).exists()  # the store was closed
    assert AppSettings().last_database() == db_path.resolve()


def test_run_app_reopens_the_last_database(qtbot, tmp_path, db_path):
    AppSettings().set_last_database(db_path)
    open_store(db_path).close()
    default = tmp_path / "defaut.sqlite"
    assert run_app(str(default), quit_after_start=True, db_given=False) == 0
    assert not default.exists()


def test_refused_file_is_one_clear_sentence(qtbot, tmp_path, monkeypatch):
    bad = tmp_path / "membres.sqlite"
    bad.write_text("Nom;Prénom\nDupré;Hélène\n", encoding="utf-8")
    shown: list[str] = []

    def fake_exec(box):
        shown.append(box.text())
        return 0  # closed without choosing: no other file, the application stops

    monkeypatch.setattr(QtWidgets.QMessageBox, "exec", fake_exec)
    assert run_app(str(bad), db_given=True) == 1
    assert shown == [f"Le fichier {bad} n'est pas une base de données ESS Desk."]


def test_refused_file_with_quit_after_start_goes_to_stderr(qtbot, tmp_path, capsys):
    bad = tmp_path / "notes.sqlite"
    bad.write_bytes(b"not a database at all")
    assert run_app(str(bad), quit_after_start=True, db_given=True) == 1
    err = capsys.readouterr().err
    assert err.strip() == f"Erreur : Le fichier {bad} n'est pas une base de données ESS Desk."
    assert "Traceback" not in err


def test_switching_database_releases_the_old_lock(qtbot, store, council, tmp_path):
    window = make_window(qtbot, store)
    old_members = window.show_page("members")
    other = tmp_path / "autre.sqlite"
    assert window.switch_database(other)
    assert not lock_path(store.path).exists()
    assert lock_path(other).exists()
    assert window.store.path == other
    assert window.db_label.text() == "Base : autre.sqlite"
    members = window.page("members")
    assert members is not old_members and members.proxy.rowCount() == 0
    assert AppSettings().last_database() == other.resolve()
    window.close()
    assert not lock_path(other).exists()


def test_opening_a_refused_file_keeps_the_current_database(qtbot, store, tmp_path, monkeypatch):
    bad = tmp_path / "faux.sqlite"
    bad.write_text("bonjour", encoding="utf-8")
    shown: list[str] = []
    monkeypatch.setattr(QtWidgets.QMessageBox, "exec", lambda box: shown.append(box.text()))
    window = make_window(qtbot, store)
    assert not window.switch_database(bad)
    assert shown == [f"Le fichier {bad} n'est pas une base de données ESS Desk."]
    assert window.store is store and lock_path(store.path).exists()


def test_window_state_and_last_page_are_remembered(qtbot, store):
    window = make_window(qtbot, store)
    last = window.page_keys()[-1]
    window.show_page(last)
    # (the offscreen screen is 800×800: restoreGeometry keeps a window's width within it)
    window.resize(window.width(), 690)
    window.close()
    again = make_window(qtbot, open_store(store.path))
    assert again.current_page_key() == last
    assert again.size().height() == 690
    assert again.page("members") is None
    again.close()


def test_preferences_write_backups_keep_into_the_database(qtbot, store):
    settings = AppSettings()
    dialog = SettingsDialog(settings, store)
    qtbot.addWidget(dialog)
    dialog.backups_spin.setValue(4)
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("en"))
    dialog.accept()
    assert keep_count(store) == 4
    assert settings.backups_keep() == 4
    assert settings.language() == "en" and dialog.language_changed
    row = store.conn.execute(
        "SELECT after FROM audit_log WHERE entity = 'setting' ORDER BY id DESC"
    ).fetchone()
    assert "backups_keep" in row[0]


def test_translators_follow_the_language(qapp):
    installed = install_translators(qapp, "en")
    try:
        assert i18n.language() == "en"
        assert installed  # Qt's own dialogs (qtbase_en) at least
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)
        i18n.set_language("fr")
    french = install_translators(qapp, "fr")
    try:
        assert i18n.language() == "fr"
        assert any(Path(t.filePath()).name == "qtbase_fr.qm" for t in french)
    finally:
        for translator in french:
            qapp.removeTranslator(translator)


def test_the_ess_desk_program_opens_the_window(qtbot, db_path):
    from ui.launcher import main as launcher_main

    assert launcher_main(["--db", str(db_path), "--quit-after-start"]) == 0


def test_the_start_runs_without_the_cycle_collector_until_the_first_paint(
    qtbot, db_path, monkeypatch
):
    import gc

    from ui import app
    from ui.launcher import main as launcher_main

    seen: dict[str, bool] = {}
    original = app._FirstPaint._painted

    def painted(self) -> None:
        seen["before"] = gc.isenabled()
        original(self)
        seen["after"] = gc.isenabled()

    monkeypatch.setattr(app._FirstPaint, "_painted", painted)
    assert gc.isenabled()
    assert launcher_main(["--db", str(db_path), "--quit-after-start"]) == 0
    assert seen == {"before": False, "after": True}
    assert gc.isenabled()


def test_the_start_s_objects_are_frozen_at_the_first_paint(qtbot, db_path, monkeypatch):
    """No collection walks the start's objects after the first paint, young or full: they are
    frozen as the collector resumes (once; ui.collector)."""
    import gc

    from ui import app
    from ui.launcher import main as launcher_main

    seen: dict[str, int] = {}
    original = app._FirstPaint._painted

    def painted(self) -> None:
        seen["young before"] = len(gc.get_objects(generation=0))
        original(self)
        seen["young after"] = len(gc.get_objects(generation=0)) + len(gc.get_objects(1))
        seen["frozen after"] = gc.get_freeze_count()

    monkeypatch.setattr(app._FirstPaint, "_painted", painted)
    monkeypatch.setattr(app, "_start_aged", False)
    assert launcher_main(["--db", str(db_path), "--quit-after-start"]) == 0
    # Made with the collector paused: every object of the start is young (hundreds of thousands
    # in a new process, fewer here where the modules are loaded already), none after.
    assert seen["young before"] > 500
    assert seen["young after"] < seen["young before"] / 10
    assert seen["frozen after"] >= seen["young before"]
    assert app._start_aged and gc.isenabled()


def test_open_record_shows_each_kind_where_it_lives(qtbot, store):
    from ess_desk.demo import fill_demo

    fill_demo(store, "small")
    window = make_window(qtbot, store)
    db = store.db

    def first(sql: str) -> int:
        return db.execute(sql).fetchone()[0]

    person = first("SELECT id FROM people WHERE archived = 0 ORDER BY id DESC LIMIT 1")
    assert window.open_record("person", person)
    assert window.page("members").selected_person_id() == person

    organisation = first("SELECT organisation_id FROM people WHERE organisation_id IS NOT NULL")
    assert window.open_record("organisation", organisation)
    name = first(f"SELECT name FROM organisations WHERE id = {organisation}")
    assert window.page("members").search.text() == name

    mandate, body = db.execute("SELECT id, body_id FROM mandates LIMIT 1").fetchone()
    assert window.open_record("body", body)
    assert window.page("bodies").current_body_id() == body

    item, meeting = db.execute("SELECT id, meeting_id FROM agenda_items LIMIT 1").fetchone()
    assert window.open_record("agenda_item", item)
    view = window.page("meetings").view_widget
    assert view.meeting_id == meeting
    assert view.tab("agenda").selected_item_id() == item
    assert window.open_record("minutes", meeting)
    assert window.page("meetings").view_widget.tabs.currentIndex() == (
        window.page("meetings").view_widget.tab_keys().index("ui.pages.meeting_minutes")
    )

    decision = first("SELECT id FROM decisions ORDER BY id DESC LIMIT 1")
    assert window.open_record("decision", decision)
    assert window.page("decisions").selected_id() == decision

    action = first("SELECT id FROM actions WHERE status = 'done' LIMIT 1")
    assert window.open_record("action", action)
    assert window.page("actions").selected_id() == action

    assert not window.open_record("person", 999_999)
    assert not window.open_record("nonsense", 1)


def test_the_program_ends_at_once_with_its_settings_written(tmp_path, db_path):
    """`python -m ui` (the installed program) skips the interpreter's teardown after the window
    closed: the settings must be on disk all the same, and the database lock released."""
    import os
    import subprocess
    import sys

    config = tmp_path / "config"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(config))
    done = subprocess.run(
        [sys.executable, "-m", "ui", "--db", str(db_path), "--quit-after-start"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    written = "".join(p.read_text(errors="replace") for p in config.rglob("*.conf"))
    assert str(db_path) in written
    assert not db_path.with_name(db_path.name + ".lock").exists()
    # A subcommand still ends the ordinary way, with its exit code.
    failed = subprocess.run(
        [sys.executable, "-m", "ui", "--db", str(tmp_path / "none.sqlite"), "restore", "x"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert failed.returncode == 1


def test_closing_the_window_lets_running_work_finish_first(qtbot, store):
    import threading

    from ui.workers import Operation

    window = make_window(qtbot, store)
    seen: list[bool] = []

    def work() -> None:
        threading.Event().wait(0.2)  # work still running when the window is asked to close
        seen.append(store.closed)

    Operation(window, work).run()
    window.close()
    assert seen == [False]
    assert store.closed


def test_save_now_from_the_dashboard_of_a_new_file(qtbot, store):
    window = make_window(qtbot, store)
    page = window.page("dashboard")
    assert window.backup_label.text() == "Aucune sauvegarde automatique"
    assert window.action_backup_now.shortcut().toString() == "Ctrl+S"
    with qtbot.waitSignal(page.command_requested) as asked:
        page.backup_button.click()
    assert asked.args == ["backup_now"]
    # Once written (off the GUI thread), the status bar says it.
    qtbot.waitUntil(
        lambda: window.backup_label.text().startswith("Dernière sauvegarde"), timeout=10_000
    )
    assert window.store.last_backup.exists()


def test_a_demonstration_opens_in_a_file_of_its_own(qtbot, store, tmp_path):
    window = make_window(qtbot, store)
    page = window.page("dashboard")
    assert not page.welcome_box.isHidden()
    assert "ess-desk" not in page.welcome.text()  # no command line for the secretary
    demo = tmp_path / "demo.sqlite"
    operation = window.open_demo(demo)
    with qtbot.waitSignal(operation.finished, timeout=30_000):
        pass
    assert window.store.path == demo.resolve() or window.store.path == demo
    members = window.show_page("members")
    assert members.proxy.rowCount() >= 50
    assert store.closed  # the council's own file was left as it was, and closed
