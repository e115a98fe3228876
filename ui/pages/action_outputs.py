"""What the Actions page writes out: the actions shown as XLSX, CSV or the PDF follow-up table,
and the owners' reminders (a PDF and an e-mail draft each, or sent through the outbox).

`ActionOutputs` is the page's base: its methods work on the page's filter, model and store. Its
strings keep the page's translation context (« ActionsPage »)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from ess_desk.actions.queries import ActionFilter
from ess_desk.errors import UserError
from ess_desk.store import Store, reading
from ui.dialogs.common import inform, show_unexpected_error, show_user_error
from ui.models_actions import ActionsTableModel
from ui.qt import QCoreApplication, QtWidgets


class ActionOutputs(QtWidgets.QWidget):
    """Exports and reminders of the actions the page shows."""

    _store: Store
    model: ActionsTableModel
    _operation: Any = None
    last_result: str = ""

    def current_filter(self) -> ActionFilter:
        raise NotImplementedError  # the page's filter bar

    def export(self) -> None:
        name, chosen = QtWidgets.QFileDialog.getSaveFileName(
            self,
            QCoreApplication.translate("ActionsPage", "Exporter les actions"),
            str(Path.home() / f"actions-{(self.model.today):%Y-%m-%d}.xlsx"),
            QCoreApplication.translate(
                "ActionsPage",
                "Excel (*.xlsx);;CSV pour Excel (*.csv);;Tableau de suivi PDF (*.pdf)",
            ),
        )
        if not name:
            return
        path = Path(name)
        if path.suffix.lower() not in (".xlsx", ".csv", ".pdf"):
            suffix = ".pdf" if "pdf" in chosen else ".csv" if "csv" in chosen else ".xlsx"
            path = path.with_suffix(suffix)
        self.export_to(path)

    def export_to(self, path: Path) -> None:
        """Write the actions shown to `path` off the GUI thread (through a connection of its
        own), then say how many were written."""
        from ess_desk.exchange import actions_export
        from ui.workers import Operation

        filt, (sort, _descending) = self.current_filter(), self.model.sort_key
        db_path, today = self._store.path, self.model.today

        def work(_progress: Any) -> int:
            with reading(db_path) as db:
                return actions_export.export_file(db, path, filt, sort=sort, today=today)

        self._operation = (
            Operation(self, work)
            .success(
                lambda count: self._done(
                    QCoreApplication.translate("ActionsPage", "Exporter les actions"),
                    QCoreApplication.translate(
                        "ActionsPage", "{count} action(s) exportée(s) dans {path}"
                    ).format(count=count, path=path),
                )
            )
            .failure(
                lambda exc: self._failed(
                    exc, QCoreApplication.translate("ActionsPage", "Exporter les actions")
                )
            )
            .run_with_progress(QCoreApplication.translate("ActionsPage", "Export des actions…"))
        )

    def send_reminders(self) -> None:
        from ui.mail.offers import send_reminders

        send_reminders(self, self._store, self.current_filter(), self.model.today)

    def write_reminders(self) -> None:
        folder = QtWidgets.QFileDialog.getExistingDirectory(
            self,
            QCoreApplication.translate("ActionsPage", "Dossier où écrire les rappels"),
            str(Path.home()),
        )
        if folder:
            self.write_reminders_to(Path(folder))

    def write_reminders_to(self, folder: Path) -> None:
        """For each owner of a shown open action: a PDF list and an .eml draft, off the GUI
        thread."""
        from ess_desk.exchange import action_reminders
        from ui.workers import Operation

        filt, db_path, today = self.current_filter(), self._store.path, self.model.today

        def work(progress: Callable[[int, int], None]) -> Any:
            with reading(db_path) as db:
                return action_reminders.write_all(db, folder, filt, today=today, progress=progress)

        self._operation = (
            Operation(self, work)
            .success(
                lambda result: self._done(
                    QCoreApplication.translate("ActionsPage", "Rappels aux porteurs"),
                    result.summary()
                    + "\n"
                    + QCoreApplication.translate("ActionsPage", "Dossier : {path}").format(
                        path=folder
                    ),
                )
            )
            .failure(
                lambda exc: self._failed(
                    exc, QCoreApplication.translate("ActionsPage", "Rappels aux porteurs")
                )
            )
            .run_with_progress(QCoreApplication.translate("ActionsPage", "Rappels aux porteurs…"))
        )

    def _done(self, title: str, text: str) -> None:
        self.last_result = text
        inform(self, title, text)

    def _failed(self, exc: Exception, what: str) -> None:
        if isinstance(exc, UserError):
            show_user_error(self, exc, what)
        else:
            show_unexpected_error(self, exc, what)
