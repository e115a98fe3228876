"""The activity report of a body over a year or a period: chosen here, written off the GUI thread
as a PDF where the user says, then offered to open."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from pathlib import Path
from typing import Any

from ess_desk.errors import UserError
from ess_desk.membership import bodies
from ess_desk.report.figures import MIN_YEAR, Period, default_year, resolve_period
from ess_desk.store import Store
from ui import a11y, exporting, palette
from ui.datefields import DateField, check_fields
from ui.dialogs.common import FieldErrors, action_close_buttons, finish_dialog, show_failure
from ui.qt import QtWidgets, Signal
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
    """`ActivityReportDialog(store, parent=None, today=None)`: body, calendar year or period;
    « Créer le rapport… » asks where to save it (ui.exporting), writes the PDF off the GUI
    thread, closes and says where it is, with « Ouvrir » and « Ouvrir le dossier »."""

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
        self._operation: Operation | None = None
        self.written: Path | None = None
        self.setWindowTitle(self.tr("Rapport d'activité"))
        self.errors = FieldErrors()

        self.body = QtWidgets.QComboBox()
        for body in bodies.list_bodies(store.db):
            self.body.addItem(body.name, body.id)
        plenary = bodies.plenary_body(store.db)
        if plenary is not None:
            self.body.setCurrentIndex(max(0, self.body.findData(plenary)))

        self.by_year = QtWidgets.QRadioButton(self.tr("Année &civile"))
        self.by_period = QtWidgets.QRadioButton(self.tr("&Période du"))
        # The two choices sit on two rows (two parents): a group keeps them exclusive.
        self.mode = QtWidgets.QButtonGroup(self)
        self.mode.addButton(self.by_year)
        self.mode.addButton(self.by_period)
        self.by_year.setChecked(True)
        self.year = QtWidgets.QSpinBox()
        self.year.setRange(MIN_YEAR, self._today.year)
        self.year.setValue(default_year(store.db, self.body.currentData(), self._today))
        a11y.name(self.year, self.tr("Année du rapport"))
        self.start = DateField(dt.date(self._today.year, 1, 1))
        self.end = DateField(self._today)
        a11y.name(self.start, self.tr("Premier jour de la période"))
        a11y.name(self.end, self.tr("Dernier jour de la période"))
        year_row = self._row(self.by_year, self.year)
        period_row = self._row(
            self.by_period, self.start, QtWidgets.QLabel(self.tr("au")), self.end
        )

        form = QtWidgets.QFormLayout()
        form.addRow(self.tr("&Instance"), self.errors.wrap("body", self.body))
        form.addRow(self.tr("Période couverte"), self.errors.wrap("year", year_row))
        form.addRow("", self.errors.wrap("start", period_row))
        errors = QtWidgets.QVBoxLayout()
        errors.addWidget(self.start.error_label)
        errors.addWidget(self.end.error_label)
        form.addRow("", errors)
        note = QtWidgets.QLabel(
            self.tr(
                "Le rapport est public : les personnes qui n'ont pas consenti à la publication "
                "de leur nom y sont désignées par leur qualité."
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet(palette.text_css(palette.MUTED))

        self.buttons, self.create_button, self.close_button = action_close_buttons(
            self, self.tr("Créer le rapport…"), self.create
        )

        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.errors.general)
        layout.addWidget(self.buttons)

        for radio in (self.by_year, self.by_period):
            radio.toggled.connect(lambda _on: self._mode_changed())
        self._mode_changed()
        self.create_button.setEnabled(self.body.count() > 0)
        if self.body.count() == 0:
            self.errors.show(
                UserError(self.tr("Aucune instance : créez d'abord le conseil."), field="body")
            )
        finish_dialog(self)

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

    # -- the period ---------------------------------------------------------------------------
    def period(self) -> Period:
        """The period chosen; a UserError names the field at fault."""
        if self.by_year.isChecked():
            return resolve_period(year=self.year.value(), today=self._today)
        if not check_fields(self.start, self.end):
            raise UserError(self.start.error() or self.end.error(), field="start")
        try:
            return resolve_period(start=self.start.value(), end=self.end.value(), today=self._today)
        except UserError as error:
            # Both days sit on one row: its message goes under it.
            raise UserError(error.message, field="start") from error

    # -- the report (off the GUI thread) -----------------------------------------------------
    def create(self, path: Path | None = None) -> Operation | None:
        """Ask where (unless `path` is given), then write the report off the GUI thread."""
        if self._working or self.body.count() == 0:
            return None
        self.errors.clear()
        try:
            period = self.period()
        except UserError as error:
            self.errors.show(error)
            return None
        body_id, db_path, today = self.body.currentData(), self._store.path, self._today
        if path is not None and path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")

        def work(target: Path, _progress: Any) -> Path:
            from ess_desk.documents import activity_report
            from ess_desk.store import reading

            # A connection of its own: the window keeps reading through the store's meanwhile.
            with reading(db_path) as db:
                return activity_report.build(db, body_id, period, target, today=today)

        self._set_working(True)
        self._operation = exporting.run_export(
            self.parentWidget() or self,
            "report",
            self.tr("Rapport d'activité"),
            default_file_name(self.body.currentText(), period),
            self.tr("PDF (*.pdf)"),
            work,
            progress=self.tr("Rapport d'activité en cours…"),
            path=path,
            on_done=lambda written, _result: self._created(written),
            on_failed=self._failed,
        )
        if self._operation is None:
            self._set_working(False)
        return self._operation

    def _set_working(self, working: bool) -> None:
        self._working = working
        self.create_button.setEnabled(not working)
        self.close_button.setEnabled(not working)

    def _created(self, path: Path) -> None:
        self._set_working(False)
        self.written = path
        self.created.emit(path)
        self.accept()

    def _failed(self, error: Exception) -> None:
        self._set_working(False)
        show_failure(self, self.errors, error, self.tr("Rapport d'activité"))

    def reject(self) -> None:
        if not self._working:
            super().reject()
