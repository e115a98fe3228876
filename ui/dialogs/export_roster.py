"""Export the roster of a body at a date to a CSV for Excel or an XLSX file."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from pathlib import Path
from typing import Any

from ess_desk.exchange import members_export
from ess_desk.membership import bodies
from ess_desk.store import Store
from ui import a11y, exporting
from ui.datefields import DateField, check_fields
from ui.dialogs.common import FieldErrors, action_close_buttons, finish_dialog, show_failure
from ui.qt import QtWidgets
from ui.workers import Operation

FORMATS = (".csv", ".xlsx")


def default_file_name(body_name: str, at: dt.date, suffix: str) -> str:
    """« composition-conseil-de-l-ess-2026-03-05.csv »: no accents, no spaces, safe everywhere."""
    plain = unicodedata.normalize("NFKD", body_name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-") or "instance"
    return f"composition-{slug}-{at.isoformat()}{suffix}"


class ExportRosterDialog(QtWidgets.QDialog):
    """`ExportRosterDialog(store, parent=None)`: body, date, format; « Exporter… » asks where
    (ui.exporting), writes off the GUI thread, closes and says where the file is."""

    def __init__(self, store: Store, parent: QtWidgets.QWidget | None = None):
        super().__init__(parent)
        self._store = store
        self._exporting = False
        self._operation: Operation | None = None
        self.written: tuple[Path, int] | None = None
        self.setWindowTitle(self.tr("Exporter la composition d'une instance"))
        self.errors = FieldErrors()

        self.body = QtWidgets.QComboBox()
        for body in bodies.list_bodies(store.db):
            self.body.addItem(body.name, body.name)
        plenary = bodies.plenary_body(store.db)
        if plenary is not None:
            self.body.setCurrentIndex(
                max(0, self.body.findData(bodies.get_body(store.db, plenary).name))
            )
        self.date = DateField(dt.date.today())
        self.format = QtWidgets.QComboBox()
        self.format.addItem(self.tr("CSV pour Excel (.csv, point-virgule, UTF-8)"), ".csv")
        self.format.addItem(self.tr("Classeur Excel (.xlsx)"), ".xlsx")

        form = QtWidgets.QFormLayout()
        form.addRow(self.tr("&Instance"), self.errors.wrap("body", self.body))
        a11y.add_row(form, self.tr("&Composition au"), self.date, beside=self.date.error_label)
        self.errors.attach("at", self.date, self.date.error_label)
        form.addRow(self.tr("&Format"), self.errors.wrap("format", self.format))

        self.buttons, self.export_button, self.close_button = action_close_buttons(
            self, self.tr("Exporter…"), self.export
        )

        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.errors.general)
        layout.addWidget(self.buttons)
        self.export_button.setEnabled(self.body.count() > 0)
        finish_dialog(self)

    def file_name(self) -> str:
        at = self.date.value() or dt.date.today()
        return default_file_name(self.body.currentText(), at, self.format.currentData())

    # -- export (off the GUI thread) ---------------------------------------------------------
    def export(self, path: Path | None = None) -> Operation | None:
        """Ask where (unless `path` is given), then write the roster off the GUI thread."""
        if self._exporting or not check_fields(self.date):
            return None
        self.errors.clear()
        suffix = self.format.currentData()
        if path is not None and path.suffix.lower() not in FORMATS:
            path = path.with_name(path.name + suffix)
        body_name, at, db = self.body.currentData(), self.date.value(), self._store.db
        filters = (
            self.tr("CSV pour Excel (*.csv)")
            if suffix == ".csv"
            else self.tr("Classeur Excel (*.xlsx)")
        )

        def work(target: Path, _progress: Any) -> int:
            return members_export.export_roster_file(db, target, body_name=body_name, at=at)

        self._set_exporting(True)
        self._operation = exporting.run_export(
            self.parentWidget() or self,
            "roster",
            self.tr("Exporter la composition"),
            self.file_name(),
            filters,
            work,
            progress=self.tr("Export de la composition…"),
            path=path,
            detail=lambda count: self.tr("Lignes écrites : {count}.").format(count=count),
            on_done=self._exported,
            on_failed=self._failed,
        )
        if self._operation is None:
            self._set_exporting(False)
        return self._operation

    def _set_exporting(self, exporting_now: bool) -> None:
        self._exporting = exporting_now
        self.export_button.setEnabled(not exporting_now)
        self.close_button.setEnabled(not exporting_now)

    def _exported(self, path: Path, count: int) -> None:
        self._set_exporting(False)
        self.written = (path, count)
        self.accept()

    def _failed(self, error: Exception) -> None:
        self._set_exporting(False)
        show_failure(self, self.errors, error, self.tr("Exporter la composition"))

    def reject(self) -> None:
        if not self._exporting:
            super().reject()
