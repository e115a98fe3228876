"""Start the window: the QApplication, its translators, the database to open, the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from ess_desk import APP_NAME, __version__, i18n
from ess_desk.errors import StoreError
from ess_desk.resources import resource
from ess_desk.store import Store, default_db_path, open_store
from ui.dialogs.common import database_files_filter
from ui.qt import (
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QLocale,
    QObject,
    QTimer,
    QTranslator,
    QtWidgets,
)
from ui.settings import APPLICATION, ORGANISATION, AppSettings


def install_translators(app: QtWidgets.QApplication, language: str) -> list[QTranslator]:
    """Our catalogue and Qt's own, for its dialogs. French is the source language: its catalogue
    (ess_desk_fr.qm) holds only the plural forms of counted words (« 1 jour », « 2 jours »)."""
    language = "en" if language == "en" else "fr"
    i18n.set_language(language)
    QLocale.setDefault(QLocale("en_GB" if language == "en" else "fr_FR"))
    installed: list[QTranslator] = []
    candidates = [
        (f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
        (f"ess_desk_{language}", str(resource("translations"))),
    ]
    for name, folder in candidates:
        translator = QTranslator(app)
        if translator.load(name, folder) and app.installTranslator(translator):
            installed.append(translator)
        else:
            translator.deleteLater()
    return installed


class _FirstPaint(QObject):
    """Once the main window has really been painted: Python's cycle collector resumes (the start
    runs without it, see `ui.launcher.open_window`) and, with `quit`, the event loop ends with
    0. The collector also resumes after RESUME_MS if no paint came (a window started minimised)."""

    RESUME_MS = 3000

    def __init__(self, app: QtWidgets.QApplication, window: QtWidgets.QMainWindow, quit: bool):
        super().__init__(window)  # kept alive by the window
        self._app = app
        self._quit = quit
        self._watched = [window, window.centralWidget()]
        self.painted = False
        for widget in self._watched:
            widget.installEventFilter(self)
        QTimer.singleShot(self.RESUME_MS, self, resume_collector)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.painted and event.type() == QEvent.Type.Paint:
            self.painted = True
            QTimer.singleShot(0, self, self._painted)
        return False

    def _painted(self) -> None:
        for widget in self._watched:
            widget.removeEventFilter(self)
        resume_collector()
        if self._quit:
            self._app.exit(0)


def resume_collector() -> None:
    """Python's cycle collector on again (paused while the window starts).

    What the start made (modules, classes, Qt's wrappers and enumerations, the first page) lives
    as long as the window: it is frozen (`ui.collector.frozen_at_start`, a move of a list), so
    that no later pass walks it, young or full. Otherwise the first young collection after the
    first paint walked every object of the start, its few hundred thousand, to free a few hundred
    (about 7 ms), and every full pass after it walked them again (30–50 ms, inside whatever the
    user was doing: a keystroke in a filter)."""
    global _start_aged
    import gc

    if not _start_aged and not gc.isenabled():
        from ui import collector

        _start_aged = True
        collector.frozen_at_start()
    gc.enable()


_start_aged = False  # the start's objects were frozen (once)


def _warning_box(parent: QtWidgets.QWidget | None, message: str) -> QtWidgets.QMessageBox:
    box = QtWidgets.QMessageBox(parent)
    box.setIcon(QtWidgets.QMessageBox.Icon.Warning)
    box.setWindowTitle(APP_NAME)
    box.setText(message)
    return box


def _ask_recovery(message: str, can_restore: bool = False) -> str:
    """After a refused file: "restore" the backup the message offers (an empty, truncated or
    damaged file), "open" another, create a "new" one, or "quit"."""
    box = _warning_box(None, message)
    if can_restore:
        box.setInformativeText(
            QCoreApplication.translate(
                "Application",
                "Vous pouvez remettre en place cette sauvegarde (le fichier actuel est gardé à "
                "part), ouvrir un autre fichier ou créer une nouvelle base.",
            )
        )
    else:
        box.setInformativeText(
            QCoreApplication.translate(
                "Application", "Vous pouvez ouvrir un autre fichier ou créer une nouvelle base."
            )
        )
    restore_button = None
    if can_restore:
        restore_button = box.addButton(
            QCoreApplication.translate("Application", "Restaurer cette sauvegarde"),
            QtWidgets.QMessageBox.ButtonRole.AcceptRole,
        )
    open_button = box.addButton(
        QCoreApplication.translate("Application", "Ouvrir un autre fichier…"),
        QtWidgets.QMessageBox.ButtonRole.AcceptRole,
    )
    new_button = box.addButton(
        QCoreApplication.translate("Application", "Créer une nouvelle base…"),
        QtWidgets.QMessageBox.ButtonRole.ActionRole,
    )
    box.addButton(
        QCoreApplication.translate("Application", "Quitter"),
        QtWidgets.QMessageBox.ButtonRole.RejectRole,
    )
    box.setDefaultButton(restore_button or open_button)
    box.exec()
    clicked = box.clickedButton()
    if restore_button is not None and clicked is restore_button:
        return "restore"
    if clicked is open_button:
        return "open"
    if clicked is new_button:
        return "new"
    return "quit"


def ask_restore(parent: QtWidgets.QWidget | None, message: str) -> bool:
    """A refused file with a backup to offer: True when the user chooses to put it back."""
    box = _warning_box(parent, message)
    box.setInformativeText(
        QCoreApplication.translate(
            "Application",
            "Vous pouvez remettre en place cette sauvegarde (le fichier actuel est gardé à part).",
        )
    )
    restore_button = box.addButton(
        QCoreApplication.translate("Application", "Restaurer cette sauvegarde"),
        QtWidgets.QMessageBox.ButtonRole.AcceptRole,
    )
    box.addButton(
        QCoreApplication.translate("Application", "Annuler"),
        QtWidgets.QMessageBox.ButtonRole.RejectRole,
    )
    box.setDefaultButton(restore_button)
    box.exec()
    return box.clickedButton() is restore_button


def restore_offered(parent: QtWidgets.QWidget | None, error: StoreError) -> bool:
    """Put back the backup a refusal offers (the unusable file is kept aside), and say where the
    old file went. False when it could not be done (the reason is shown)."""
    from ess_desk.store.recovery import restore_over
    from ui.dialogs.common import inform
    from ui.failures import report_failure

    offer = getattr(error, "offer", None)
    path = getattr(error, "path", None)
    if offer is None or path is None:
        return False
    try:
        kept = restore_over(path, offer.path)
    except Exception as exc:  # the boundary: a sentence, or the details of a bug
        report_failure(parent, exc, QCoreApplication.translate("Application", "Restaurer"))
        return False
    inform(
        parent,
        QCoreApplication.translate("Application", "Sauvegarde remise en place"),
        QCoreApplication.translate(
            "Application",
            "La sauvegarde {backup} est remise en place dans {path}. Le fichier inutilisable est "
            "gardé à part : {kept}.",
        ).format(backup=offer.path.name, path=path, kept=kept),
    )
    return True


def open_initial_store(path: Path, quit_after_start: bool = False) -> Store | None:
    """Open `path`; a refused file is explained in one sentence and another can be chosen."""
    while True:
        try:
            return open_store(path)
        except StoreError as exc:
            if quit_after_start:
                print(
                    QCoreApplication.translate("Application", "Erreur : {message}").format(
                        message=exc.message
                    ),
                    file=sys.stderr,
                )
                return None
            choice = _ask_recovery(exc.message, getattr(exc, "offer", None) is not None)
            if choice == "restore":
                restore_offered(None, exc)
                continue
        if choice == "open":
            name, _filter = QtWidgets.QFileDialog.getOpenFileName(
                None,
                QCoreApplication.translate("Application", "Ouvrir une base"),
                str(path.parent),
                database_files_filter(),
            )
        elif choice == "new":
            name, _filter = QtWidgets.QFileDialog.getSaveFileName(
                None,
                QCoreApplication.translate("Application", "Nouvelle base"),
                str(path.with_name("nouvelle-base.sqlite")),
                database_files_filter(),
                options=QtWidgets.QFileDialog.Option.DontConfirmOverwrite,
            )
        else:
            return None
        if name:
            # An existing file chosen as "new" is opened by open_store, never overwritten.
            path = Path(name)
            if choice == "new" and not path.suffix:
                path = path.with_suffix(".sqlite")


def choose_database(db: str | None, db_given: bool, settings: AppSettings) -> Path:
    """The file given (--db / ESS_DESK_DB), else the last one used if still there, else the
    default one."""
    if db_given and db:
        return Path(db).expanduser()
    last = settings.last_database()
    if last is not None and last.is_file():
        return last
    return Path(db).expanduser() if db else default_db_path()


def _warm_up() -> None:
    """Once the window shows, import in the background what later pages need and is slow to
    load (the holiday calendars: about 0.3 s), so that opening them feels instant."""
    import importlib
    import threading

    def load() -> None:
        from ess_desk import logs

        logs.setup()
        logs.log.info("ESS Desk %s : fenêtre ouverte", __version__)
        for name in ("ess_desk.meetings.calendar", "reportlab.platypus"):
            importlib.import_module(name)

    threading.Thread(target=load, name="warm-up", daemon=True).start()


def run_app(db: str | None, quit_after_start: bool = False, db_given: bool = False) -> int:
    """The window, from `ess-desk` without a subcommand. Returns the process exit code."""
    from ui.qt import QCoreApplication

    QCoreApplication.setOrganizationName(ORGANISATION)
    QCoreApplication.setApplicationName(APPLICATION)
    QCoreApplication.setApplicationVersion(__version__)
    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication(sys.argv[:1])
    assert isinstance(app, QtWidgets.QApplication)
    from ui.failures import install_window_hooks

    # Every error nobody caught, in a slot or a thread, is logged then shown: never lost.
    install_window_hooks()
    settings = AppSettings()
    from ui import focus, palette

    palette.apply(app)  # a readable selection, unless the system's high contrast rules
    focus.install(app)  # a visible ring on the control that has the keyboard
    translators = install_translators(app, settings.language())
    try:
        store = open_initial_store(choose_database(db, db_given, settings), quit_after_start)
        if store is None:
            return 1
        from ui.main_window import MainWindow

        settings.set_last_database(store.path)
        window = MainWindow(store, settings)
        _FirstPaint(app, window, quit=quit_after_start)
        window.show()
        if not quit_after_start:
            QTimer.singleShot(500, _warm_up)
        code = app.exec()
        if window.isVisible():
            window.close()  # saves the window state and releases the database lock
        window.store.close()
        window.settings.sync()
        window.deleteLater()
        return code
    finally:
        resume_collector()
        for translator in translators:
            app.removeTranslator(translator)
