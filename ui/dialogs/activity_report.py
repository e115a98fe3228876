"""The activity report of a body over a year or a period: chosen here, written off the GUI thread
as a PDF, then opened in the system's viewer."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from pathlib import Path
from typing import Any

from ess_desk.errors import UserError
from ess_desk.membership import bodies
from ess_desk.report.figures import MIN_YEAR, Period, resolve_period
from ess_desk.store import Store
from ui.dialogs.common import FieldErrors, documents_folder, write_footer
from ui.qt import QtCore, QtGui, QtWidgets, Signal
from ui.widgets import date_edit, from_qdate
from ui.workers import Operation


def default_file_name(body_name: str, period: Period) -> str:
    """« rapport-activite-2025-conseil-de-l-ess.pdf »: no accents, no spaces, safe everywhere."""
    plain = unicodedata.normalize("NFKD", body_name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-") or "instance"
    when = (
        str(period.year)
        if period.year is not None
        else f"{period.start.isoformat()}-{period.end.isoformat()}"
    )
    return f"rapport-activite-{when}-{slug}.pdf"


class ActivityReportDialog(QtWidgets.QDialog):
    """`ActivityReportDialog(store, parent=None, today=None)`: body, calendar year or period,
    file; « Créer le rapport » writes the PDF off the GUI thread and opens it."""

    created = Signal(object)  # the Path written

    def __init__(
        self,
        store: Store,
        parent: QtWidgets.QWidget | None = None,
        today: dt.date | None = None,
    ):
        super().__init__(parent)
        self._store = store
        self._today = today or dt.date.today()
        self._working = False
        self._path_chosen = False
        self.written: Path | None = None
        self.setWindowTitle(self.tr("Rapport d'activité"))
        self.errors = FieldErrors()

        self.body = QtWidgets.QComboBox()
        for body in bodies.list_bodies(store.db):
            self.body.addItem(body.name, body.id)
        plenary = bodies.plenary_body(store.db)
        if plenary is not None:
            self.body.setCurrentIndex(max(0, self.body.findData(plenary)))

        self.by_year = QtWidgets.QRadioButton(self.tr("Année civile"))
        self.by_period = QtWidgets.QRadioButton(self.tr("Du"))
        # The two choices sit on two rows (two parents): a group keeps them exclusive.
        self.mode = QtWidgets.QButtonGroup(self)
        self.mode.addButton(self.by_year)
        self.mode.addButton(self.by_period)
        self.by_year.setChecked(True)
        self.year = QtWidgets.QSpinBox()
        self.year.setRange(MIN_YEAR, self._today.year)
        self.year.setValue(self._today.year - 1)  # the last full year
        self.start = date_edit(dt.date(self._today.year, 1, 1))
        self.end = date_edit(self._today)
        year_row = self._row(self.by_year, self.year)
        period_row = self._row(
            self.by_period,
            self.start,
            QtWidgets.QLabel(self.tr("au")),
            self.end,
        )

        self.file = QtWidgets.QLineEdit()
        self.file.setMinimumWidth(380)
        self.browse = QtWidgets.QPushButton(self.tr("Parcourir…"))
        self.browse.clicked.connect(self.choose_file)
        file_row = self._row(self.file, self.browse)
        self.open_after = QtWidgets.QCheckBox(self.tr("Ouvrir le rapport une fois créé"))
        self.open_after.setChecked(True)

        form = QtWidgets.QFormLayout()
        form.addRow(self.tr("Instance"), self.errors.wrap("body", self.body))
        form.addRow(self.tr("Période couverte"), self.errors.wrap("year", year_row))
        form.addRow("", self.errors.wrap("start", period_row))
        form.addRow(self.tr("Fichier"), self.errors.wrap("file", file_row))
        form.addRow("", self.open_after)
        note = QtWidgets.QLabel(
            self.tr(
                "Le rapport est public : les personnes qui n'ont pas consenti à la publication "
                "de leur nom y sont désignées par leur qualité."
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #5f6b6d;")

        footer = write_footer(self, self.tr("Créer le rapport"), self.create, "report_result")
        self.result_label, self.buttons = footer.result, footer.buttons
        self.create_button, self.close_button = footer.action, footer.close

        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.errors.general)
        layout.addWidget(self.result_label)
        layout.addWidget(self.buttons)

        for radio in (self.by_year, self.by_period):
            radio.toggled.connect(lambda _on: self._mode_changed())
        self.body.currentIndexChanged.connect(lambda _i: self._suggest_path())
        self.year.valueChanged.connect(lambda _v: self._suggest_path())
        self.start.dateChanged.connect(lambda _d: self._suggest_path())
        self.end.dateChanged.connect(lambda _d: self._suggest_path())
        self.file.textEdited.connect(lambda text: setattr(self, "_path_chosen", bool(text)))
        self._mode_changed()
        self.create_button.setEnabled(self.body.count() > 0)
        if self.body.count() == 0:
            self.errors.show(
                UserError(self.tr("Aucune instance : créez d'abord le conseil."), field="body")
            )

    @staticmethod
    def _row(*widgets: QtWidgets.QWidget) -> QtWidgets.QWidget:
        box = QtWidgets.QWidget()
        row = QtWidgets.QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        for widget in widgets:
            row.addWidget(widget)
        row.addStretch(1)
        return box

    def _mode_changed(self) -> None:
        yearly = self.by_year.isChecked()
        self.year.setEnabled(yearly)
        self.start.setEnabled(not yearly)
        self.end.setEnabled(not yearly)
        self._suggest_path()

    # -- the period and the file -------------------------------------------------------------
    def period(self) -> Period:
        """The period chosen; a UserError names the field at fault."""
        if self.by_year.isChecked():
            return resolve_period(year=self.year.value(), today=self._today)
        try:
            return resolve_period(
                start=from_qdate(self.start.date()),
                end=from_qdate(self.end.date()),
                today=self._today,
            )
        except UserError as error:
            # Both days sit on one row: its message goes under it.
            raise UserError(error.message, field="start") from error

    def _folder(self) -> Path:
        return documents_folder(self.file.text())

    def _suggest_path(self) -> None:
        if self._path_chosen or self.body.count() == 0:
            return
        try:
            period = self.period()
        except UserError:
            return  # said when the report is asked for
        name = default_file_name(self.body.currentText(), period)
        self.file.setText(str(self._folder() / name))

    def choose_file(self) -> None:
        chosen, _filter = QtWidgets.QFileDialog.getSaveFileName(
            self, self.tr("Enregistrer le rapport sous"), self.file.text(), self.tr("PDF (*.pdf)")
        )
        if chosen:
            self.set_path(Path(chosen))

    def set_path(self, path: Path) -> None:
        self.file.setText(str(path))
        self._path_chosen = True

    def path(self) -> Path | None:
        text = self.file.text().strip()
        if not text:
            return None
        path = Path(text).expanduser()
        return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")

    # -- the report (off the GUI thread) -----------------------------------------------------
    def create(self) -> None:
        if self._working or self.body.count() == 0:
            return
        self.errors.clear()
        self.result_label.setVisible(False)
        try:
            period = self.period()
        except UserError as error:
            self.errors.show(error)
            return
        path = self.path()
        if path is None:
            self.errors.show(UserError(self.tr("Choisissez le fichier à écrire."), field="file"))
            return
        body_id, db_path, today = self.body.currentData(), self._store.path, self._today
        self._set_working(True)

        def work(_progress: Any) -> Path:
            from ess_desk.documents import activity_report
            from ui.pages.actions import reading

            # A connection of its own: the window keeps reading through the store's meanwhile.
            with reading(db_path) as db:
                return activity_report.build(db, body_id, period, path, today=today)

        self._operation = (
            Operation(self, work)
            .success(self._created)
            .failure(self._failed)
            .run_with_progress(self.tr("Rapport d'activité en cours…"))
        )

    def _set_working(self, working: bool) -> None:
        self._working = working
        self.create_button.setEnabled(not working)
        self.close_button.setEnabled(not working)

    def _created(self, path: Path) -> None:
        self._set_working(False)
        self.written = path
        self.result_label.setText(self.tr("Rapport écrit : {path}").format(path=path))
        self.result_label.setStyleSheet("color: #1b6e20; font-weight: bold;")
        self.result_label.setVisible(True)
        self.created.emit(path)
        if self.open_after.isChecked():
            self.open_file(path)

    def open_file(self, path: Path) -> None:
        """Show the PDF in the system's viewer."""
        QtGui.QDesktopServices.openUrl(QtCore.QUrl.fromLocalFile(str(path)))

    def _failed(self, error: Exception) -> None:
        self._set_working(False)
        self.errors.show_write_failure(error, self.path())

    def reject(self) -> None:
        if not self._working:
            super().reject()
