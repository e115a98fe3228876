"""Fichier › Publication…: the publication folder of a body for a period (lists of decisions,
signed minutes, register, SCDL open data, index.html), and what is still to post or publish."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from ess_desk.errors import UserError
from ess_desk.membership import bodies
from ess_desk.store import Store
from ui import a11y, exporting, palette
from ui.datefields import DateField, check_fields
from ui.dialogs.common import FieldErrors, action_close_buttons, finish_dialog, show_failure
from ui.qt import QtWidgets, Signal
from ui.workers import Operation


class PublicationDialog(QtWidgets.QDialog):
    """`PublicationDialog(store)`: choose the body and the period, then the folder."""

    published = Signal(object)  # the folder written

    def __init__(
        self, store: Store, parent: QtWidgets.QWidget | None = None, today: dt.date | None = None
    ):
        super().__init__(parent)
        self._store = store
        self._today = today or dt.date.today()
        self._working = False
        self.written: Path | None = None
        self.setWindowTitle(self.tr("Publication"))
        self.errors = FieldErrors()

        self.body = QtWidgets.QComboBox()
        self.body.setObjectName("publication_body")
        for body in bodies.list_bodies(store.db):
            self.body.addItem(body.name, body.id)
        plenary = bodies.plenary_body(store.db)
        if plenary is not None:
            self.body.setCurrentIndex(max(0, self.body.findData(plenary)))
        self.start = DateField(dt.date(self._today.year, 1, 1))
        self.end = DateField(dt.date(self._today.year, 12, 31))
        a11y.name(self.start, self.tr("Premier jour de la période"))
        a11y.name(self.end, self.tr("Dernier jour de la période"))
        period = QtWidgets.QWidget()
        row = QtWidgets.QHBoxLayout(period)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.start)
        row.addWidget(QtWidgets.QLabel(self.tr("au")))
        row.addWidget(self.end)
        row.addStretch(1)

        form = QtWidgets.QFormLayout()
        a11y.add_row(form, self.tr("Instance"), self.body, self.errors.add("body", self.body))
        label = a11y.add_row(form, self.tr("Période du"), period, self.errors.add("to", period))
        label.setBuddy(self.start)
        dates = QtWidgets.QVBoxLayout()
        dates.addWidget(self.start.error_label)
        dates.addWidget(self.end.error_label)
        form.addRow("", dates)

        note = QtWidgets.QLabel(
            self.tr(
                "Le dossier se met en ligne tel quel : pour chaque séance, la liste des "
                "délibérations (CGCT, art. L. 2121-25) et le procès-verbal signé (art. "
                "L. 2121-15), le registre de la période, les données ouvertes au format SCDL "
                "« Délibérations » et une page index.html. Seules les personnes qui y ont "
                "consenti sont nommées ; aucune coordonnée n'y figure. Le SIRET et l'adresse de "
                "publication se règlent dans Fichier › En-tête."
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet(palette.text_css(palette.MUTED))

        self.pending = QtWidgets.QListWidget()
        self.pending.setObjectName("publication_pending")
        self.pending.setWordWrap(True)
        self.pending.setMaximumHeight(140)
        a11y.name(self.pending, self.tr("Publications à faire"))
        self.body.currentIndexChanged.connect(lambda _i: self.refresh_pending())

        self.buttons, self.publish_button, self.close_button = action_close_buttons(
            self, self.tr("Choisir le dossier et publier…"), self.publish_to
        )
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(QtWidgets.QLabel(self.tr("À afficher, signer ou publier :")))
        layout.addWidget(self.pending)
        layout.addWidget(self.errors.general)
        layout.addWidget(self.buttons)
        self.refresh_pending()
        finish_dialog(self)

    def refresh_pending(self) -> None:
        from ess_desk.publication import deadlines

        self.pending.clear()
        body = self.body.currentText()
        for d in deadlines.pending(self._store.db, self._today):
            if d.body == body:
                self.pending.addItem(f"{d.describe()} — {d.status_text()}")
        if self.pending.count() == 0:
            self.pending.addItem(self.tr("Rien en attente pour cette instance."))

    def publish_to(self, path: Path | None = None) -> Operation | None:
        """Ask for the folder (unless `path` is given), make it off the GUI thread, then record
        what was published."""
        if self._working or self.body.count() == 0:
            return None
        self.errors.clear()
        if not check_fields(self.start, self.end):
            return None
        body_id, db_path = self.body.currentData(), self._store.path
        start, end = self.start.value(), self.end.value()

        def work(target: Path, _progress: Any):
            from ess_desk.exchange import publication_folder
            from ess_desk.store import reading

            with reading(db_path) as db:
                built = publication_folder.build(db, body_id, start, end)
            publication_folder.write(built, target)
            return built

        self._working = True
        self.publish_button.setEnabled(False)
        operation = exporting.run_export(
            self.parentWidget() or self,
            "publication",
            self.tr("Dossier de publication"),
            "",
            "",
            work,
            progress=self.tr("Dossier de publication en cours…"),
            path=path,
            on_done=self._done,
            on_failed=self._failed,
            folder=True,
        )
        if operation is None:
            self._working = False
            self.publish_button.setEnabled(True)
        return operation

    def _done(self, folder: Path, built: Any) -> None:
        from ess_desk.publication import deadlines

        self._working = False
        self.publish_button.setEnabled(True)
        try:
            deadlines.record_published(self._store, built.published, self._today)
        except UserError as error:
            self.errors.show(error)
        self.written = folder
        self.refresh_pending()
        self.published.emit(folder)

    def _failed(self, error: Exception) -> None:
        self._working = False
        self.publish_button.setEnabled(True)
        show_failure(self, self.errors, error, self.tr("Dossier de publication"))

    def reject(self) -> None:
        if not self._working:
            super().reject()
