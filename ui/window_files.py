"""What the main window does with the council's file: open another one or a new one, make a
demonstration council, back it up now or to a copy, and put a backup back in its place; each
long step off the GUI thread.

`CouncilFiles` is a base of `MainWindow`, between its pages and the window itself."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ess_desk.dates import display_datetime
from ess_desk.errors import StoreError, UserError
from ess_desk.store import open_store
from ui.dialogs.common import (
    confirm,
    database_files_filter,
    inform,
    show_unexpected_error,
    show_user_error,
)
from ui.qt import QtWidgets
from ui.window_pages import WindowPages

if TYPE_CHECKING:
    from ui.workers import Operation


class CouncilFiles(WindowPages):
    """Opening, creating, backing up and restoring the council's file."""

    _operation: Any = None
    mail_session: Any = None

    def _apply_store_state(self) -> None:
        raise NotImplementedError  # the window's title, status bar and banner

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
            database_files_filter(),
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
            self, self.tr("Ouvrir une base"), str(self.store.path.parent), database_files_filter()
        )
        if name:
            self.switch_database(Path(name))

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
                database_files_filter(),
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
            self, self.tr("Sauvegarder une copie"), str(suggested), database_files_filter()
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
        from ui.dialogs.restore import RestoreDialog
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
