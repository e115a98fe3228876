"""Export the roster of a body at a date to a CSV for Excel or an XLSX file."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from pathlib import Path
from typing import Any

from ess_desk.errors import UserError
from ess_desk.exchange import members_export
from ess_desk.membership import bodies
from ess_desk.store import Store
from ui.dialogs.common import FieldErrors, documents_folder, write_footer
from ui.qt import QtWidgets
from ui.widgets import date_edit, from_qdate
from ui.workers import Operation

FORMATS = (".csv", ".xlsx")


def default_file_name(body_name: str, at: dt.date, suffix: str) -> str:
    """« composition-conseil-de-l-ess-2026-03-05.csv »: no accents, no spaces, safe everywhere."""
    plain = unicodedata.normalize("NFKD", body_name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-") or "instance"
    return f"composition-{slug}-{at.isoformat()}{suffix}"


class ExportRosterDialog(QtWidgets.QDialog):
    """`ExportRosterDialog(store, parent=None)`: body, date, format, file; writes off the GUI."""

    def __init__(self, store: Store, parent: QtWidgets.QWidget | None = None):
        super().__init__(parent)
        self._store = store
        self._exporting = False
        self._path_chosen = False
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
        self.date = date_edit(dt.date.today())
        self.format = QtWidgets.QComboBox()
        self.format.addItem(self.tr("CSV pour Excel (.csv, point-virgule, UTF-8)"), ".csv")
        self.format.addItem(self.tr("Classeur Excel (.xlsx)"), ".xlsx")
        self.file = QtWidgets.QLineEdit()
        self.file.setMinimumWidth(380)
        self.browse = QtWidgets.QPushButton(self.tr("Parcourir…"))
        self.browse.clicked.connect(self.choose_file)
        file_row = QtWidgets.QWidget()
        row = QtWidgets.QHBoxLayout(file_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.file, 1)
        row.addWidget(self.browse)

        form = QtWidgets.QFormLayout()
        form.addRow(self.tr("Instance"), self.errors.wrap("body", self.body))
        form.addRow(self.tr("Composition au"), self.errors.wrap("at", self.date))
        form.addRow(self.tr("Format"), self.errors.wrap("format", self.format))
        form.addRow(self.tr("Fichier"), self.errors.wrap("file", file_row))

        footer = write_footer(self, self.tr("Exporter"), self.export, "export_result")
        self.result_label, self.buttons = footer.result, footer.buttons
        self.export_button, self.close_button = footer.action, footer.close

        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.errors.general)
        layout.addWidget(self.result_label)
        layout.addWidget(self.buttons)

        self.body.currentIndexChanged.connect(lambda _i: self._suggest_path())
        self.date.dateChanged.connect(lambda _d: self._suggest_path())
        self.format.currentIndexChanged.connect(lambda _i: self._format_changed())
        self.file.textEdited.connect(self._file_edited)
        self._suggest_path()
        self.export_button.setEnabled(self.body.count() > 0)

    # -- the file ----------------------------------------------------------------------------
    def _folder(self) -> Path:
        return documents_folder(self.file.text())

    def _suggest_path(self) -> None:
        if self._path_chosen or self.body.count() == 0:
            return
        name = default_file_name(
            self.body.currentText(), from_qdate(self.date.date()), self.format.currentData()
        )
        self.file.setText(str(self._folder() / name))

    def _format_changed(self) -> None:
        text = self.file.text().strip()
        if text:
            self.file.setText(str(Path(text).with_suffix(self.format.currentData())))

    def _file_edited(self, text: str) -> None:
        self._path_chosen = bool(text.strip())
        suffix = Path(text.strip()).suffix.lower()
        if suffix in FORMATS:
            self.format.blockSignals(True)
            self.format.setCurrentIndex(self.format.findData(suffix))
            self.format.blockSignals(False)

    def choose_file(self) -> None:
        chosen, _filter = QtWidgets.QFileDialog.getSaveFileName(
            self,
            self.tr("Enregistrer la composition sous"),
            self.file.text(),
            self.tr("CSV pour Excel (*.csv);;Classeur Excel (*.xlsx)"),
        )
        if chosen:
            self.set_path(Path(chosen))

    def set_path(self, path: Path) -> None:
        """Choose the output file (its extension, when known, sets the format)."""
        self.file.setText(str(path))
        self._file_edited(str(path))

    def path(self) -> Path | None:
        text = self.file.text().strip()
        if not text:
            return None
        path = Path(text).expanduser()
        if path.suffix.lower() not in FORMATS:
            path = path.with_name(path.name + self.format.currentData())
        return path

    # -- export (off the GUI thread) ---------------------------------------------------------
    def export(self) -> None:
        if self._exporting:
            return
        self.errors.clear()
        self.result_label.setVisible(False)
        path = self.path()
        if path is None:
            self.errors.show(UserError(self.tr("Choisissez le fichier à écrire."), field="file"))
            return
        if not path.parent.is_dir():
            self.errors.show(
                UserError(
                    self.tr("Le dossier {folder} n'existe pas.").format(folder=path.parent),
                    field="file",
                )
            )
            return
        body_name, at, db = self.body.currentData(), from_qdate(self.date.date()), self._store.db
        self._exporting = True
        self.export_button.setEnabled(False)
        self.close_button.setEnabled(False)

        def work(_progress: Any) -> int:
            return members_export.export_roster_file(db, path, body_name=body_name, at=at)

        Operation(self, work).success(lambda count: self._exported(path, count)).failure(
            self._failed
        ).run_with_progress(self.tr("Export de la composition…"))

    def _exported(self, path: Path, count: int) -> None:
        self._exporting = False
        self.written = (path, count)
        self.export_button.setEnabled(True)
        self.close_button.setEnabled(True)
        self.result_label.setText(
            self.tr("{count} ligne(s) écrite(s) dans {path}").format(count=count, path=path)
        )
        self.result_label.setStyleSheet("color: #1b6e20; font-weight: bold;")
        self.result_label.setVisible(True)

    def _failed(self, error: Exception) -> None:
        self._exporting = False
        self.export_button.setEnabled(True)
        self.close_button.setEnabled(True)
        self.errors.show_write_failure(error, self.path())

    def reject(self) -> None:
        if not self._exporting:
            super().reject()
