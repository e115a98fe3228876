"""The main window: navigation between pages, menus, the status bar and the read-only banner.

Pages get the store, never the window. Only the visible page is built at start; the others are
built the first time they are shown. Switching database closes the old store and rebuilds pages.
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ess_desk import __version__, records
from ess_desk.dates import display_datetime
from ess_desk.errors import StoreError, UserError
from ess_desk.store import Store, open_store
from ui import palette
from ui.dialogs.common import (
    confirm,
    finish_dialog,
    inform,
    show_unexpected_error,
    show_user_error,
)
from ui.qt import QCoreApplication, Qt, QtCore, QtGui, QtWidgets
from ui.settings import AppSettings

if TYPE_CHECKING:
    from ui.workers import Operation


def _db_filter() -> str:
    return QCoreApplication.translate(
        "MainWindow", "Base ESS Desk (*.sqlite *.sqlite3 *.db);;Tous les fichiers (*)"
    )


def _members_filter() -> str:
    return QCoreApplication.translate(
        "MainWindow", "Fichiers de membres (*.csv *.xlsx);;CSV (*.csv);;Excel (*.xlsx)"
    )


@dataclass(frozen=True)
class PageSpec:
    """A page of the navigation: its key (for QSettings), title, and where its class lives."""

    key: str
    title: str
    module: str
    class_name: str


def page_specs() -> list[PageSpec]:
    """Every page of the window, in navigation order."""
    return [
        PageSpec(
            "dashboard",
            QCoreApplication.translate("MainWindow", "Tableau de bord"),
            "ui.pages.dashboard",
            "DashboardPage",
        ),
        PageSpec(
            "members",
            QCoreApplication.translate("MainWindow", "Membres"),
            "ui.pages.members",
            "MembersPage",
        ),
        PageSpec(
            "bodies",
            QCoreApplication.translate("MainWindow", "Instances"),
            "ui.pages.bodies",
            "BodiesPage",
        ),
        PageSpec(
            "meetings",
            QCoreApplication.translate("MainWindow", "Séances"),
            "ui.pages.meetings",
            "MeetingsPage",
        ),
        PageSpec(
            "decisions",
            QCoreApplication.translate("MainWindow", "Décisions"),
            "ui.pages.decisions",
            "DecisionsPage",
        ),
        PageSpec(
            "actions",
            QCoreApplication.translate("MainWindow", "Actions"),
            "ui.pages.actions",
            "ActionsPage",
        ),
    ]


class RestoreDialog(QtWidgets.QDialog):
    """Choose a backup of this database (newest first) or any other ESS Desk file."""

    def __init__(self, db_path: Path, parent: QtWidgets.QWidget | None = None):
        from ess_desk.store.backup import backup_date, list_backups

        super().__init__(parent)
        self.setWindowTitle(self.tr("Restaurer une sauvegarde"))
        self.setMinimumSize(520, 360)
        self.chosen: Path | None = None
        intro = QtWidgets.QLabel(
            self.tr(
                "Choisissez la sauvegarde à remettre en place. Le contenu actuel de la base "
                "sera d'abord gardé dans une copie."
            )
        )
        intro.setWordWrap(True)
        self.list = QtWidgets.QListWidget()
        self.list.setObjectName("backups")
        self.list.setAccessibleName(self.tr("Sauvegardes"))
        for path in list_backups(db_path):
            when = backup_date(path)
            text = display_datetime(when) if when else path.name
            if "avant-" in path.stem:
                reason = path.stem.split("avant-", 1)[1].replace("-", " ")
                text += "  " + self.tr("(copie avant {reason})").format(reason=reason)
            item = QtWidgets.QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            item.setToolTip(str(path))
            self.list.addItem(item)
        if self.list.count() == 0:
            self.list.addItem(self.tr("Aucune sauvegarde automatique pour cette base."))
            self.list.item(0).setFlags(Qt.ItemFlag.NoItemFlags)
        else:
            self.list.setCurrentRow(0)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())

        other = QtWidgets.QPushButton(self.tr("Autre fichier…"))
        other.clicked.connect(self._choose_other)
        buttons = QtWidgets.QDialogButtonBox()
        self.restore_button = buttons.addButton(
            self.tr("Restaurer…"), QtWidgets.QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(self.tr("Annuler"), QtWidgets.QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        row = QtWidgets.QHBoxLayout()
        row.addWidget(other)
        row.addStretch(1)
        row.addWidget(buttons)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addLayout(row)
        finish_dialog(self)

    def _choose_other(self) -> None:
        name, _filter = QtWidgets.QFileDialog.getOpenFileName(
            self, self.tr("Restaurer depuis un fichier"), "", _db_filter()
        )
        if name:
            self.chosen = Path(name)
            super().accept()

    def accept(self) -> None:
        item = self.list.currentItem()
        value = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if not value:
            return
        self.chosen = Path(value)
        super().accept()


class MainWindow(QtWidgets.QMainWindow):
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
        self.navigation = QtWidgets.QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setAccessibleName(self.tr("Pages"))
        self.navigation.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
        navigation_font = self.navigation.font()
        navigation_font.setPointSizeF(11)
        self.navigation.setFont(navigation_font)
        navigation_palette = self.navigation.palette()
        navigation_palette.setColor(
            QtGui.QPalette.ColorRole.Base,
            navigation_palette.color(QtGui.QPalette.ColorRole.Window),
        )
        self.navigation.setPalette(navigation_palette)
        self.navigation.setSpacing(4)
        self.navigation.setContentsMargins(6, 4, 6, 4)
        self.stack = QtWidgets.QStackedWidget()
        self.stack.setObjectName("pages")
        row_height = self.navigation.fontMetrics().height() + 14
        for spec in self.specs:
            item = QtWidgets.QListWidgetItem(spec.title)
            item.setSizeHint(QtCore.QSize(0, row_height))
            self.navigation.addItem(item)
            self.stack.addWidget(QtWidgets.QWidget())  # placeholder until first shown
        # Measured in the navigation's own (larger, style-sheet) font: « Tableau de bord » must
        # fit without a scroll bar.
        self.navigation.ensurePolished()
        self.navigation.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        metrics = self.navigation.fontMetrics()
        self.navigation.setFixedWidth(
            max(
                130,
                max((metrics.horizontalAdvance(s.title) for s in self.specs), default=0) + 48,
            )
        )

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
        page_layout = QtWidgets.QVBoxLayout(page_area)
        page_layout.setContentsMargins(10, 10, 10, 4)
        page_layout.addWidget(self.stack)
        body_layout.addWidget(page_area, 1)

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
        shortcut: QtGui.QKeySequence | str | None = None,
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
                view_menu, spec.title, lambda i=i: self.navigation.setCurrentRow(i), f"Ctrl+{i + 1}"
            )
            action.setCheckable(True)
            group.addAction(action)
            self.page_actions.append(action)

        help_menu = bar.addMenu(self.tr("Aid&e"))
        self.action_about = self._action(help_menu, self.tr("À propos d'ESS Desk"), self.about)
        self.action_about.setMenuRole(QtGui.QAction.MenuRole.AboutRole)

    # -- pages -------------------------------------------------------------------------------
    def _initial_page(self) -> str:
        remembered = self.settings.last_page()
        keys = [spec.key for spec in self.specs]
        return remembered if remembered in keys else (keys[0] if keys else "")

    def page_keys(self) -> list[str]:
        return [spec.key for spec in self.specs]

    def current_page_key(self) -> str:
        row = self.navigation.currentRow()
        return self.specs[row].key if 0 <= row < len(self.specs) else ""

    def page(self, key: str) -> QtWidgets.QWidget | None:
        """The page already built for `key` (None until it was first shown)."""
        return self._pages.get(key)

    def show_page(self, key: str) -> QtWidgets.QWidget | None:
        keys = self.page_keys()
        if key not in keys:
            return None
        row = keys.index(key)
        if self.navigation.currentRow() != row:
            self.navigation.setCurrentRow(row)  # calls _show_row
        else:
            self._show_row(row)
        return self._pages.get(key)

    def open_record(self, kind: str, record_id: int) -> bool:
        """Show one record where it lives: "person", "organisation", "body", "mandate", "meeting",
        "agenda_item", "minutes" (a meeting's id), "decision" or "action". False when it is gone."""
        target = records.locate(self.store.db, kind, record_id)
        if target is None:
            return False
        if target.page == "members":
            page = self.show_page("members")
            if target.text:  # an organisation: its people, by the organisation's name
                page.search.setText(target.text)
                page.select_first()
                return True
            if not page.select_person(record_id):
                page.search.clear()
                return page.select_person(record_id)
            return True
        if target.page == "bodies":
            page = self.show_page("bodies")
            page.select_body(target.body_id)
            if kind == "mandate":
                page.select_mandate(record_id)
            return True
        if target.page == "meetings":
            page = self.show_page("meetings")
            page.select_meeting(target.meeting_id)
            view = page.open_meeting(target.meeting_id)
            if kind == "agenda_item":
                view.show_tab("agenda").select_item(record_id)
            elif kind == "minutes":
                view.show_tab("ui.pages.meeting_minutes")
            return True
        if target.page == "decisions":
            page = self.show_page("decisions")
            page.set_year(None)
            page.set_kind(None)
            page.set_body(None)
            page.apply_filters()
            page.select_decision(record_id)
            return True
        if target.page == "actions":
            page = self.show_page("actions")
            if not page.select_action(record_id):
                page.clear_filters()
                page.flush_filter()
                return page.select_action(record_id)
            return True
        return False

    def _show_row(self, row: int) -> None:
        if not 0 <= row < len(self.specs):
            return
        spec = self.specs[row]
        page = self._pages.get(spec.key)
        if page is None:
            page = self._build_page(spec)
            placeholder = self.stack.widget(row)
            self.stack.insertWidget(row, page)
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
        elif spec.key in self._stale and hasattr(page, "reload"):
            page.reload()
        self._stale.discard(spec.key)
        self.stack.setCurrentIndex(row)
        self.page_actions[row].setChecked(True)
        self._update_edit_actions()

    def _build_page(self, spec: PageSpec) -> QtWidgets.QWidget:
        page = getattr(importlib.import_module(spec.module), spec.class_name)(self.store)
        from ui import a11y

        a11y.finish(page, mnemonics=False)
        self._pages[spec.key] = page
        for splitter in page.findChildren(QtWidgets.QSplitter):
            name = splitter.objectName()
            state = self.settings.splitter_state(f"{spec.key}/{name}") if name else None
            if state is not None:
                splitter.restoreState(state)
        if hasattr(page, "selection_changed"):
            page.selection_changed.connect(self._update_edit_actions)
        for signal in ("people_changed", "actions_changed"):
            if hasattr(page, signal):
                getattr(page, signal).connect(lambda key=spec.key: self._data_changed(key))
        if hasattr(page, "open_requested"):
            page.open_requested.connect(self.open_record)
        if hasattr(page, "actions_requested"):
            page.actions_requested.connect(self.show_actions)
        if hasattr(page, "command_requested"):
            page.command_requested.connect(self.run_command)
        return page

    def show_actions(self, which: str) -> None:
        """The Actions page filtered as a dashboard section asks: "overdue" or "due_soon" (the
        dashboard's horizon, in days)."""
        from ess_desk.dashboard.overview import DUE_SOON_DAYS

        page = self.show_page("actions")
        if page is None:
            return
        page.clear_filters()
        if which == "overdue":
            page.overdue_filter.setChecked(True)
        elif which == "due_soon":
            page.due_days.setValue(DUE_SOON_DAYS)
            page.due_filter.setChecked(True)
        page.flush_filter()

    def _data_changed(self, source_key: str) -> None:
        self._stale.update(k for k in self._pages if k != source_key)

    def _focus_page_filter(self) -> None:
        """The filter field of the page shown (the Membres page's when it has none)."""
        page = self._pages.get(self.current_page_key())
        field = getattr(page, "search", None)
        if isinstance(field, QtWidgets.QLineEdit) and field.isVisible():
            field.setFocus(Qt.FocusReason.ShortcutFocusReason)
            field.selectAll()
        else:
            self._members_do("focus_search")

    def _members_do(self, method: str) -> None:
        page = self.show_page("members")
        if page is not None and hasattr(page, method):
            getattr(page, method)()

    def reload_pages(self) -> None:
        current = self.current_page_key()
        for key, page in self._pages.items():
            if key == current and hasattr(page, "reload"):
                page.reload()
            else:
                self._stale.add(key)

    def _rebuild_pages(self) -> None:
        """After switching database: every page is built again over the new store."""
        self._save_splitters()
        for row, spec in enumerate(self.specs):
            old = self._pages.pop(spec.key, None)
            if old is not None:
                placeholder = QtWidgets.QWidget()
                self.stack.insertWidget(row, placeholder)
                self.stack.removeWidget(old)
                old.deleteLater()
        self._stale.clear()
        self._show_row(self.navigation.currentRow())

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

    # -- databases ---------------------------------------------------------------------------
    def switch_database(self, path: Path) -> bool:
        """Open `path` (creating it when it does not exist) in place of the current database."""
        path = Path(path)
        if path.exists() and path.resolve() == self.store.path.resolve():
            return True
        try:
            new_store = open_store(path)
        except StoreError as exc:
            if getattr(exc, "offer", None) is not None:
                # An empty, truncated or damaged file: its newest good backup can be put back.
                from ui.app import ask_restore, restore_offered

                if ask_restore(self, exc.message) and restore_offered(self, exc):
                    return self.switch_database(path)
                return False
            show_user_error(self, exc, self.tr("Ouvrir une base"))
            return False
        old = self.store
        self.store = new_store
        old.close()  # releases its lock
        self.settings.set_last_database(new_store.path)
        self._apply_store_state()
        self._rebuild_pages()
        if getattr(self, "mail_session", None) is not None:
            self.mail_session.send_at_start()
        return True

    def new_database(self) -> None:
        name, _filter = QtWidgets.QFileDialog.getSaveFileName(
            self,
            self.tr("Nouvelle base"),
            str(self.store.path.with_name("nouvelle-base.sqlite")),
            _db_filter(),
            options=QtWidgets.QFileDialog.Option.DontConfirmOverwrite,
        )
        if not name:
            return
        path = Path(name)
        if not path.suffix:
            path = path.with_suffix(".sqlite")
        if path.exists() and path.stat().st_size > 0:
            inform(
                self,
                self.tr("Nouvelle base"),
                self.tr(
                    "Le fichier {path} existe déjà. Choisissez un autre nom, ou ouvrez-le "
                    "avec Fichier › Ouvrir…"
                ).format(path=path),
            )
            return
        self.switch_database(path)

    def open_database(self) -> None:
        name, _filter = QtWidgets.QFileDialog.getOpenFileName(
            self, self.tr("Ouvrir une base"), str(self.store.path.parent), _db_filter()
        )
        if name:
            self.switch_database(Path(name))

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

    def backup_now(self) -> Operation | None:
        """« Sauvegarder maintenant »: a copy into the backups folder, at once."""
        from ess_desk.store.backup import backup_now
        from ui.workers import Operation

        if self.store.read_only:
            return None
        store = self.store

        def done(path: Path) -> None:
            self._apply_store_state()
            self.reload_pages()
            self.statusBar().showMessage(
                self.tr("Sauvegarde faite : {path}").format(path=path), 8000
            )

        self._operation = (
            Operation(self, lambda _progress: backup_now(store))
            .success(done)
            .failure(lambda exc: self._operation_failed(exc, self.tr("Sauvegarder maintenant")))
            .run_with_progress(self.tr("Sauvegarde en cours…"))
        )
        return self._operation

    def open_demo(self, path: Path | None = None) -> Operation | None:
        """A demonstration council in a file of its own (never in the council's file), then
        opened: to try the program without a command line."""
        from ui import exporting
        from ui.workers import Operation

        if path is None:
            path = exporting.ask_save_path(
                self,
                "demo",
                self.tr("Ouvrir une démonstration"),
                self.tr("demonstration-conseil-ess.sqlite"),
                _db_filter(),
            )
        if path is None:
            return None
        if path.exists() and path.stat().st_size > 0:
            inform(
                self,
                self.tr("Ouvrir une démonstration"),
                self.tr(
                    "Le fichier {path} existe déjà : choisissez un autre nom pour la démonstration."
                ).format(path=path),
            )
            return None

        def work(_progress: object) -> Path:
            from ess_desk.demo import fill_demo

            demo = open_store(path)
            try:
                fill_demo(demo, "small")
            finally:
                demo.close()
            return path

        self._operation = (
            Operation(self, work)
            .success(lambda made: self.switch_database(made))
            .failure(lambda exc: self._operation_failed(exc, self.tr("Ouvrir une démonstration")))
            .run_with_progress(self.tr("Création du conseil de démonstration…"))
        )
        return self._operation

    def backup_copy(self) -> None:
        from ess_desk.store.backup import backup_to
        from ui.workers import Operation

        suggested = self.store.path.with_name(
            f"{self.store.path.stem}-copie-{dt.date.today():%Y-%m-%d}.sqlite"
        )
        name, _filter = QtWidgets.QFileDialog.getSaveFileName(
            self, self.tr("Sauvegarder une copie"), str(suggested), _db_filter()
        )
        if not name:
            return
        store = self.store
        self._operation = (
            Operation(self, lambda _progress: backup_to(store, Path(name)))
            .success(
                lambda dest: self.statusBar().showMessage(
                    self.tr("Copie enregistrée : {path}").format(path=dest), 8000
                )
            )
            .failure(lambda exc: self._operation_failed(exc, self.tr("Sauvegarder une copie")))
            .run_with_progress(self.tr("Copie de la base en cours…"))
        )

    def restore_backup(self) -> None:
        if self.store.read_only:
            return
        from ess_desk.store.backup import backup_date, restore
        from ui.workers import Operation

        dialog = RestoreDialog(self.store.path, self)
        if dialog.exec() != QtWidgets.QDialog.DialogCode.Accepted or dialog.chosen is None:
            return
        source = dialog.chosen
        when = backup_date(source)
        label = display_datetime(when) if when else source.name
        if not confirm(
            self,
            self.tr("Restaurer une sauvegarde"),
            self.tr(
                "Remplacer tout le contenu de la base par la sauvegarde du {date} ? "
                "Le contenu actuel sera d'abord gardé dans une copie."
            ).format(date=label),
            self.tr("Restaurer"),
        ):
            return
        store = self.store

        def done(kept: Path) -> None:
            self.reload_pages()
            self._apply_store_state()
            inform(
                self,
                self.tr("Restaurer une sauvegarde"),
                self.tr(
                    "La base a été restaurée. L'ancienne version est gardée dans {path}."
                ).format(path=kept),
            )

        self._operation = (
            Operation(self, lambda _progress: restore(store, source))
            .success(done)
            .failure(lambda exc: self._operation_failed(exc, self.tr("Restaurer une sauvegarde")))
            .run_with_progress(self.tr("Restauration en cours…"))
        )

    def _operation_failed(self, exc: Exception, what: str) -> None:
        if isinstance(exc, UserError):
            show_user_error(self, exc, what)
        else:
            show_unexpected_error(self, exc, what)

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
        """The size and place of last time, never more than the screen has (a window saved
        on a larger screen, or at another scale, comes back within this one)."""
        geometry = self.settings.window_geometry()
        screen = QtGui.QGuiApplication.primaryScreen()
        available = screen.availableGeometry() if screen is not None else None
        restored = geometry is not None and self.restoreGeometry(geometry)
        if not restored:
            if available is not None and available.width() >= 1500:
                self.resize(int(available.width() * 0.85), int(available.height() * 0.85))
            elif available is not None:  # an office laptop: all of the screen
                self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)
                self.resize(available.size() - QtCore.QSize(16, 40))
            else:
                self.resize(1280, 720)
        if available is not None:
            self.fit_to_screen(available)
        state = self.settings.window_state()
        if state is not None:
            self.restoreState(state)

    def fit_to_screen(self, available: QtCore.QRect | None = None) -> None:
        """Within the screen: smaller if wider or taller, moved back if off its edges."""
        if available is None:
            screen = self.screen() or QtGui.QGuiApplication.primaryScreen()
            if screen is None:
                return
            available = screen.availableGeometry()
        frame = self.frameGeometry()
        extra = frame.size() - self.geometry().size()
        most = available.size() - extra
        size = self.size().boundedTo(most)
        if size != self.size():
            self.resize(size)
        frame = self.frameGeometry()
        x = min(max(frame.x(), available.x()), available.right() - frame.width() + 1)
        y = min(max(frame.y(), available.y()), available.bottom() - frame.height() + 1)
        if (x, y) != (frame.x(), frame.y()):
            self.move(x, y)

    def _save_splitters(self) -> None:
        for key, page in self._pages.items():
            for splitter in page.findChildren(QtWidgets.QSplitter):
                if splitter.objectName():
                    self.settings.set_splitter_state(
                        f"{key}/{splitter.objectName()}", splitter.saveState()
                    )

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
