"""The main window: navigation between pages, menus, the status bar and the read-only banner.

Pages get the store, never the window. Only the visible page is built at start; the others are
built the first time they are shown. Switching database closes the old store and rebuilds pages.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from ess_desk import __version__
from ess_desk.dates import display_datetime
from ess_desk.store import Store
from ui import fitting, palette
from ui.dialogs.common import (
    inform,
)
from ui.qt import QCoreApplication, Qt, QtCore, QtGui, QtWidgets
from ui.settings import AppSettings
from ui.window_files import CouncilFiles
from ui.window_pages import page_specs

if TYPE_CHECKING:
    pass


def _members_filter() -> str:
    return QCoreApplication.translate(
        "MainWindow", "Fichiers de membres (*.csv *.xlsx);;CSV (*.csv);;Excel (*.xlsx)"
    )


class MainWindow(CouncilFiles):
    def __init__(self, store: Store, settings: AppSettings | None = None):
        super().__init__()
        self.store = store
        self.settings = settings or AppSettings()
        self.specs = page_specs()
        self._pages: dict[str, QtWidgets.QWidget] = {}
        self._stale: set[str] = set()
        self._operation = None
        self.setWindowTitle("ESS Desk")

        self.banner = QtWidgets.QLabel()
        self.banner.setObjectName("read_only_banner")
        self.banner.setWordWrap(True)
        # Palettes and fonts rather than style sheets: a style sheet puts every widget under it
        # through Qt's style-sheet engine, a noticeable part of the window's start.
        self.banner.setMargin(8)
        palette.set_panel_palette(self.banner, palette.NOTICE)
        self._build_navigation()

        body = QtWidgets.QWidget()
        body_layout = QtWidgets.QHBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.setSpacing(0)
        body_layout.addWidget(self.navigation)
        line = QtWidgets.QFrame()
        line.setFrameShape(QtWidgets.QFrame.Shape.VLine)
        line.setFrameShadow(QtWidgets.QFrame.Shadow.Sunken)
        body_layout.addWidget(line)
        page_area = QtWidgets.QWidget()
        page_layout = fitting.PageLayout(page_area)
        page_layout.setContentsMargins(10, 10, 10, 4)
        page_layout.addWidget(self.stack)
        # On a screen smaller than a page needs (1366×768 at 150 %: 910×512 points), the page
        # scrolls instead of the window growing past the screen's edges; from 1280×720 on,
        # nothing scrolls (tests/ui/test_fit.py).
        self.page_scroll = fitting.page_scroll(page_area)
        body_layout.addWidget(self.page_scroll, 1)

        central = QtWidgets.QWidget()
        central.setObjectName("central")
        central_layout = QtWidgets.QVBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.setSpacing(0)
        central_layout.addWidget(self.banner)
        central_layout.addWidget(body, 1)
        self.setCentralWidget(central)

        self.db_label = QtWidgets.QLabel()
        self.db_label.setObjectName("status_database")
        self.state_label = QtWidgets.QLabel()
        self.state_label.setObjectName("status_state")
        self.state_label.setContentsMargins(16, 0, 0, 0)
        self.backup_label = QtWidgets.QLabel()
        self.backup_label.setObjectName("status_backup")
        self.statusBar().addWidget(self.db_label)
        self.statusBar().addWidget(self.state_label, 1)
        self.statusBar().addPermanentWidget(self.backup_label)

        from ui.search import GlobalSearch, corner_widget

        self.search = GlobalSearch(self, lambda: self.store, self.open_record)
        self._build_menus()
        self.menuBar().setCornerWidget(
            corner_widget(self.search, self.menuBar()), Qt.Corner.TopRightCorner
        )
        self.navigation.currentRowChanged.connect(self._show_row)
        self._restore_window()
        self._apply_store_state()
        self.show_page(self._initial_page())
        # The outbox comes once the window is up: start-up pays nothing for the mail machinery.
        QtCore.QTimer.singleShot(300, self, self._start_mail)

    # -- menus -------------------------------------------------------------------------------
    def _action(
        self,
        menu: QtWidgets.QMenu,
        text: str,
        slot: Callable[[], object],
        shortcut: QtGui.QKeySequence | QtGui.QKeySequence.StandardKey | str | None = None,
    ) -> QtGui.QAction:
        action = QtGui.QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QtGui.QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&Fichier"))
        self.action_new_database = self._action(
            file_menu, self.tr("Nouvelle base…"), self.new_database, "Ctrl+N"
        )
        self.action_open = self._action(file_menu, self.tr("Ouvrir…"), self.open_database, "Ctrl+O")
        file_menu.addSeparator()
        self.action_backup_now = self._action(
            file_menu, self.tr("Sauvegarder maintenant"), self.backup_now, "Ctrl+S"
        )
        self.action_backup = self._action(
            file_menu, self.tr("Sauvegarder une copie…"), self.backup_copy, "Ctrl+Shift+S"
        )
        self.action_restore = self._action(
            file_menu, self.tr("Restaurer une sauvegarde…"), self.restore_backup
        )
        file_menu.addSeparator()
        self.action_import = self._action(
            file_menu, self.tr("Importer des membres…"), self.import_members, "Ctrl+I"
        )
        self.action_export = self._action(
            file_menu, self.tr("Exporter la composition…"), self.export_roster, "Ctrl+E"
        )
        self.action_retention = self._action(
            file_menu, self.tr("Revue de conservation (RGPD)…"), self.retention_review
        )
        self.action_activity_report = self._action(
            file_menu, self.tr("Rapport d'activité…"), self.activity_report
        )
        self.action_publication = self._action(file_menu, self.tr("Publication…"), self.publication)
        file_menu.addSeparator()
        self.action_letterhead = self._action(
            file_menu, self.tr("En-tête du conseil…"), self.edit_letterhead
        )
        self.action_mail_settings = self._action(
            file_menu, self.tr("Envoi des courriels…"), self.mail_settings
        )
        self.action_outbox = self._action(file_menu, self.tr("Boîte d'envoi…"), self.open_outbox)
        self.action_preferences = self._action(
            file_menu, self.tr("Préférences…"), self.preferences, "Ctrl+,"
        )
        self.action_preferences.setMenuRole(QtGui.QAction.MenuRole.PreferencesRole)
        file_menu.addSeparator()
        self.action_quit = self._action(file_menu, self.tr("Quitter"), self.close, "Ctrl+Q")
        self.action_quit.setMenuRole(QtGui.QAction.MenuRole.QuitRole)

        edit_menu = bar.addMenu(self.tr("É&dition"))
        self.action_new_person = self._action(
            edit_menu,
            self.tr("Nouvelle personne…"),
            lambda: self._members_do("new_person"),
            "Ctrl+Shift+N",
        )
        self.action_edit_person = self._action(
            edit_menu, self.tr("Modifier…"), lambda: self._members_do("edit_selected"), "Ctrl+M"
        )
        self.action_archive_person = self._action(
            edit_menu, self.tr("Archiver"), lambda: self._members_do("toggle_archive_selected")
        )
        edit_menu.addSeparator()
        # Ctrl+F searches everything (the field of the menu bar); the page's own filter keeps
        # Ctrl+Shift+F.
        self.action_search = self._action(
            edit_menu,
            self.tr("Rechercher partout…"),
            self.search.activate,
            QtGui.QKeySequence.StandardKey.Find,
        )
        self.action_search.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.action_find = self._action(
            edit_menu, self.tr("Filtrer la liste"), self._focus_page_filter, "Ctrl+Shift+F"
        )
        self.edit_actions = [
            self.action_new_person,
            self.action_edit_person,
            self.action_archive_person,
        ]

        view_menu = bar.addMenu(self.tr("&Affichage"))
        self.page_actions: list[QtGui.QAction] = []
        group = QtGui.QActionGroup(self)
        for i, spec in enumerate(self.specs):
            action = self._action(
                view_menu, spec.title, partial(self.go_to_page, i), f"Ctrl+{i + 1}"
            )
            action.setCheckable(True)
            group.addAction(action)
            self.page_actions.append(action)

        help_menu = bar.addMenu(self.tr("Aid&e"))
        self.action_about = self._action(help_menu, self.tr("À propos d'ESS Desk"), self.about)
        self.action_about.setMenuRole(QtGui.QAction.MenuRole.AboutRole)

    # -- pages -------------------------------------------------------------------------------
    # -- state shown to the user -------------------------------------------------------------
    def _apply_store_state(self) -> None:
        from ess_desk.store.backup import backup_date

        store = self.store
        self.setWindowTitle(f"{store.path.name} — ESS Desk")
        self.db_label.setText(self.tr("Base : {name}").format(name=store.path.name))
        self.db_label.setToolTip(str(store.path))
        if store.read_only:
            message = store.read_only_message()
            self.state_label.setText(self.tr("Lecture seule — {message}").format(message=message))
            self.banner.setText(
                self.tr(
                    "{message} Vous pouvez consulter les données mais pas les modifier."
                ).format(message=message)
            )
            self.banner.setVisible(True)
        else:
            self.state_label.setText(self.tr("Modifications enregistrées au fur et à mesure"))
            self.banner.setVisible(False)
        # Where the file is kept (network drive, full disk, readable by others): said once the
        # window shows, off the start-up path.
        QtCore.QTimer.singleShot(0, self, self.show_storage_warnings)
        when = backup_date(store.last_backup) if store.last_backup else None
        if when is not None:
            self.backup_label.setText(
                self.tr("Dernière sauvegarde : {date}").format(date=display_datetime(when))
            )
            self.backup_label.setToolTip(str(store.last_backup))
        else:
            self.backup_label.setText(self.tr("Aucune sauvegarde automatique"))
            self.backup_label.setToolTip("")
        writable = not store.read_only
        for action in (self.action_restore, self.action_import, self.action_backup_now):
            action.setEnabled(writable)
        self._update_edit_actions()

    def show_storage_warnings(self) -> None:
        """Add to the banner what `ess-desk check` warns about where the file is kept."""
        from ess_desk.store.health import warnings

        if self.store.closed:
            return
        found = warnings(self.store.path)
        if not found:
            return
        lines = [self.banner.text()] if self.banner.isVisible() else []
        self.banner.setText("\n".join(lines + found))
        self.banner.setVisible(True)

    def _update_edit_actions(self) -> None:
        writable = not self.store.read_only
        members = self._pages.get("members")
        has_members = members is not None and hasattr(members, "edit_state")
        selected, archived = members.edit_state() if has_members else (False, False)
        self.action_new_person.setEnabled(writable and "members" in self.page_keys())
        self.action_edit_person.setEnabled(writable and selected)
        self.action_archive_person.setEnabled(writable and selected)
        self.action_archive_person.setText(
            self.tr("Réactiver") if archived else self.tr("Archiver")
        )
        self.action_find.setEnabled("members" in self.page_keys())

    def run_command(self, name: str) -> None:
        """What a page asks the window to do (the dashboard's first steps and backup)."""
        commands: dict[str, Callable[[], object]] = {
            "letterhead": self.edit_letterhead,
            "new_body": lambda: self._page_do("bodies", "new_body"),
            "import": self.import_members,
            "demo": self.open_demo,
            "backup_now": self.backup_now,
        }
        commands[name]()

    def _page_do(self, key: str, method: str) -> None:
        page = self.show_page(key)
        if page is not None and hasattr(page, method):
            getattr(page, method)()

    # -- exchanges ---------------------------------------------------------------------------
    def import_members(self) -> None:
        if self.store.read_only:
            return
        from ui.dialogs.import_preview import ImportPreviewDialog

        name, _filter = QtWidgets.QFileDialog.getOpenFileName(
            self, self.tr("Importer des membres"), "", _members_filter()
        )
        if not name:
            return
        dialog = ImportPreviewDialog(self.store, Path(name), self)
        if dialog.exec() == QtWidgets.QDialog.DialogCode.Accepted:
            self.reload_pages()

    def export_roster(self) -> None:
        from ui.dialogs.export_roster import ExportRosterDialog

        ExportRosterDialog(self.store, self).exec()

    def retention_review(self) -> None:
        from ui.dialogs.privacy import RetentionDialog

        dialog = RetentionDialog(self.store, self)
        dialog.people_changed.connect(self.reload_pages)
        dialog.exec()

    def activity_report(self) -> None:
        from ui.dialogs.activity_report import ActivityReportDialog

        ActivityReportDialog(self.store, self).exec()

    def publication(self) -> None:
        from ui.dialogs.publication import PublicationDialog

        PublicationDialog(self.store, self).exec()
        self.reload_pages()  # the dashboard's deadlines

    # -- mail --------------------------------------------------------------------------------
    def _start_mail(self) -> None:
        """The sending session, the outbox in the status bar, and what waits sent at start."""
        from ui.mail.outbox_view import OutboxButton
        from ui.mail.session import MailSession

        if self.store.closed:  # the window closed before its outbox came
            return
        if getattr(self, "mail_session", None) is None:
            self.mail_session = MailSession(lambda: self.store, self)
            self.outbox_button = OutboxButton(self.mail_session, self)
            self.statusBar().addPermanentWidget(self.outbox_button)
        self.mail_session.send_at_start()

    def mail_settings(self) -> None:
        from ui.mail.session import session_for
        from ui.mail.settings_dialog import MailSettingsDialog

        MailSettingsDialog(session_for(self, self.store), self).exec()

    def open_outbox(self) -> None:
        from ui.mail.outbox_view import OutboxDialog
        from ui.mail.session import session_for

        OutboxDialog(session_for(self, self.store), self).exec()

    def edit_letterhead(self) -> None:
        from ui.dialogs.letterhead import LetterheadDialog

        LetterheadDialog(self.store, self).exec()

    def preferences(self) -> None:
        from ui.dialogs.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.settings, self.store, self)
        if dialog.exec() == QtWidgets.QDialog.DialogCode.Accepted and dialog.language_changed:
            inform(
                self,
                self.tr("Préférences"),
                self.tr("La nouvelle langue s'appliquera au prochain démarrage d'ESS Desk."),
            )

    def about(self) -> None:
        QtWidgets.QMessageBox.about(
            self,
            self.tr("À propos d'ESS Desk"),
            self.tr(
                "<h3>ESS Desk {version}</h3>"
                "<p>Le secrétariat d'un conseil local de l'économie sociale et solidaire : "
                "membres, instances, séances, décisions et suivi des actions, hors ligne, "
                "dans un seul fichier.</p>"
                "<p>Base ouverte : {path}</p>"
            ).format(version=__version__, path=self.store.path),
        )

    # -- window state ------------------------------------------------------------------------
    def _restore_window(self) -> None:
        fitting.restore_window(self, self.settings.window_geometry(), self.settings.window_state())

    def fit_to_screen(self, available: QtCore.QRect | None = None) -> None:
        """Within the screen: smaller if wider or taller, moved back if off its edges."""
        fitting.fit_to_screen(self, available)

    def save_state(self) -> None:
        self.settings.set_window_geometry(self.saveGeometry())
        self.settings.set_window_state(self.saveState())
        self.settings.set_last_page(self.current_page_key())
        self._save_splitters()
        self.settings.sync()

    def showEvent(self, event: QtGui.QShowEvent) -> None:
        super().showEvent(event)
        if not getattr(self, "_fitted", False):
            self._fitted = True
            # The frame is known once shown: within the screen, frame included.
            QtCore.QTimer.singleShot(0, self.fit_to_screen)

    def closeEvent(self, event: QtGui.QCloseEvent) -> None:
        # Work still running off the GUI thread (an import, an export, a pack) finishes before
        # the database closes: it is never cut halfway.
        QtCore.QThreadPool.globalInstance().waitForDone()
        self.save_state()
        self.store.close()
        super().closeEvent(event)
