"""« Envoyer les convocations » : who receives what and how (e-mail, post, refused contact), the
size of each e-mail with the two offers when it passes the limit, the warning when the deadline
has passed, a progress bar; the files in a folder named after the meeting in the user's
Documents, « Ouvrir le dossier » at the end, the proof of sending and the letters posted."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from ess_desk.dates import display, long_date
from ess_desk.errors import UserError
from ess_desk.exchange import convocations
from ess_desk.mail import outbox, proof, sending
from ess_desk.mail import settings as mail_settings
from ess_desk.meetings import convening
from ess_desk.store import own_connection
from ui import exporting, palette
from ui.datefields import DateField, check_fields
from ui.dialogs.common import confirm, finish_dialog, show_user_error
from ui.mail.session import MailSession
from ui.qt import QLocale, QModelIndex, QObject, QRunnable, Qt, QThreadPool, QtWidgets, Signal
from ui.widgets import HeaderedTableModel


class RecipientsModel(HeaderedTableModel):
    COLUMN_COUNT = 4

    def __init__(self, people: list[convening.Addressee], parent=None):
        super().__init__(parent)
        self.people = people

    def headers(self) -> list[str]:
        return [self.tr("Nom"), self.tr("Qualité"), self.tr("Envoi"), self.tr("Adresse")]

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.people)

    def capacity(self, who: convening.Addressee) -> str:
        return {
            convening.MEMBER: self.tr("membre"),
            convening.CONSULTATIVE: self.tr("voix consultative"),
            convening.SUBSTITUTE: self.tr("suppléant(e)"),
            convening.GUEST: self.tr("invité(e)"),
        }[who.capacity]

    def channel(self, who: convening.Addressee) -> str:
        if who.channel == convening.EMAIL:
            return self.tr("courriel")
        if who.why_post == convening.REFUSED:
            return self.tr("courrier (refus d'être contacté par courriel)")
        return self.tr("courrier")

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        who = self.people[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            address = who.email if who.channel == convening.EMAIL else " — ".join(who.postal[1:])
            if who.channel == convening.POST and not who.postal:
                address = self.tr("SANS ADRESSE POSTALE")
            return [who.name, self.capacity(who), self.channel(who), address][index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and who.channel == convening.POST:
            return palette.color(palette.WARNING) if not who.postal else None
        return None


class _Signals(QObject):
    progressed = Signal(int, int)
    finished = Signal(object)


class _Job(QRunnable):
    """The whole work on a connection of its own: queue, letters to post, sending."""

    def __init__(self, store, work, signals: _Signals):
        super().__init__()
        self.store, self.work, self.signals = store, work, signals

    def run(self) -> None:
        own = own_connection(self.store)
        try:
            result: object = self.work(own, lambda d, t: self.signals.progressed.emit(d, t))
        except UserError as error:
            result = error
        except Exception as exc:  # reported on the GUI thread, never lost
            result = exc
        finally:
            own.close()
        self.signals.finished.emit(result)


class ConvocationsDialog(QtWidgets.QDialog):
    def __init__(
        self,
        session: MailSession,
        meeting_id: int,
        parent: QtWidgets.QWidget | None = None,
        today: dt.date | None = None,
    ):
        super().__init__(parent)
        self.session = session
        self.meeting_id = meeting_id
        self.today = today or dt.date.today()
        self.folder: Path | None = None
        self._signals: _Signals | None = None
        self.setWindowTitle(self.tr("Envoyer les convocations"))
        self.resize(900, 620)
        self.plan = convocations.prepare(self.store.db, meeting_id, today=self.today)
        conv = self.plan.conv

        self.heading = QtWidgets.QLabel()
        self.heading.setWordWrap(True)
        self.late = QtWidgets.QLabel(conv.late_warning())
        self.late.setObjectName("convocations_late")
        self.late.setWordWrap(True)
        self.late.setStyleSheet(palette.panel_css(palette.NOTICE, "padding: 6px;"))
        self.late.setVisible(conv.late and not self.plan.cancelled)
        self.model = RecipientsModel(list(conv.addressees), self)
        self.table = QtWidgets.QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.resizeColumnsToContents()
        self.table.setAccessibleName(self.tr("Destinataires de la convocation"))
        self.size_label = QtWidgets.QLabel()
        self.size_label.setObjectName("convocations_size")
        self.size_label.setWordWrap(True)
        self.mode_box = QtWidgets.QGroupBox(
            self.tr("Courriel trop lourd : que faire des annexes ?")
        )
        self.mode_merge = QtWidgets.QRadioButton(self.tr("Les joindre en un seul PDF"))
        self.mode_link = QtWidgets.QRadioButton(
            self.tr("Laisser les plus grosses de côté ; la lettre dit où les trouver :")
        )
        self.mode_attach = QtWidgets.QRadioButton(self.tr("Tout joindre quand même"))
        self.mode_link.setChecked(True)
        self.location = QtWidgets.QLineEdit(self.plan.location)
        self.location.setAccessibleName(self.tr("Où trouver les annexes laissées de côté"))
        mode_layout = QtWidgets.QVBoxLayout(self.mode_box)
        for widget in (self.mode_merge, self.mode_link, self.location, self.mode_attach):
            mode_layout.addWidget(widget)
        for radio in (self.mode_merge, self.mode_link, self.mode_attach):
            radio.toggled.connect(self._mode_changed)
        self.mode_box.setVisible(self.plan.over_limit and bool(self.plan.email))
        self.progress = QtWidgets.QProgressBar()
        self.progress.setVisible(False)
        self.result_label = QtWidgets.QLabel()
        self.result_label.setObjectName("convocations_result")
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.posted_on = DateField(self.today)
        self.posted_button = QtWidgets.QPushButton(self.tr("Enregistrer"))
        self.posted_button.clicked.connect(self.record_posted)
        posted_row = QtWidgets.QHBoxLayout()
        posted_label = QtWidgets.QLabel(self.tr("&Lettres postées le"))
        posted_label.setBuddy(self.posted_on)
        posted_row.addWidget(posted_label)
        posted_row.addWidget(self.posted_on)
        posted_row.addWidget(self.posted_button)
        posted_row.addStretch(1)
        self.posted_widget = QtWidgets.QWidget()
        self.posted_widget.setLayout(posted_row)
        self.posted_widget.setVisible(bool(self.plan.post))

        self.send_button = QtWidgets.QPushButton(
            self.tr("Envoyer l'annulation") if self.plan.cancelled else self.tr("Envoyer")
        )
        self.send_button.setDefault(True)
        self.files_button = QtWidgets.QPushButton(self.tr("Écrire les fichiers seulement"))
        self.folder_button = QtWidgets.QPushButton(self.tr("Ouvrir le dossier"))
        self.folder_button.setEnabled(False)
        self.proof_button = QtWidgets.QPushButton(self.tr("Preuve d'envoi (PDF)"))
        close = QtWidgets.QPushButton(self.tr("Fermer"))
        self.send_button.clicked.connect(self.send)
        self.files_button.clicked.connect(self.write_files)
        self.folder_button.clicked.connect(self.open_folder)
        self.proof_button.clicked.connect(self.write_proof)
        close.clicked.connect(self.accept)
        writable = not self.store.read_only
        self.send_button.setEnabled(writable)
        self.posted_button.setEnabled(writable)
        buttons = QtWidgets.QHBoxLayout()
        for b in (self.send_button, self.files_button, self.folder_button, self.proof_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(close)

        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.late)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.size_label)
        layout.addWidget(self.mode_box)
        layout.addWidget(self.posted_widget)
        layout.addWidget(self.progress)
        layout.addWidget(self.result_label)
        layout.addLayout(buttons)
        self._describe()
        finish_dialog(self)

    def open_folder(self) -> None:
        if self.folder is not None:
            exporting.open_path(self, self.folder)

    @property
    def store(self):
        return self.session.store

    def mode(self) -> str:
        if not self.mode_box.isVisible() and not self.plan.over_limit:
            return convocations.ATTACH
        if self.mode_merge.isChecked():
            return convocations.MERGE
        if self.mode_link.isChecked():
            return convocations.LINK
        return convocations.ATTACH

    def _mode_changed(self) -> None:
        self.location.setEnabled(self.mode_link.isChecked())

    def _describe(self) -> None:
        conv = self.plan.conv
        email, post = len(self.plan.email), len(self.plan.post)
        refused = sum(1 for a in self.plan.post if a.why_post == convening.REFUSED)
        self.heading.setText(
            self.tr(
                "<b>{body} — {title}</b><br/>Lettres datées du {day} ; date limite d'envoi : "
                "{deadline}.<br/>Par courriel : {email} ; par courrier : {post} (dont {refused} "
                "refus d'être contacté par courriel)."
            ).format(
                body=conv.body.name,
                title=conv.meeting.title,
                day=long_date(conv.letter_date),
                deadline=display(conv.deadline),
                email=email,
                post=post,
                refused=refused,
            )
        )
        mb = self.plan.message_size / 1024 / 1024
        limit = self.plan.size_limit / 1024 / 1024
        text = self.tr("Chaque courriel : {size} Mo (limite : {limit} Mo).").format(
            # The window's locale writes the decimal mark: « 0,1 Mo », « 0.1 MB ».
            size=QLocale().toString(mb, "f", 1),
            limit=QLocale().toString(limit, "f", 0),
        )
        missing = [a.name for a in conv.without_address()]
        if missing:
            text += " " + self.tr("Lettres sans adresse postale : {names}.").format(
                names=", ".join(missing)
            )
        self.size_label.setText(text)

    # -- work off the GUI thread -------------------------------------------------------------
    def _run(self, work, done) -> None:
        self._signals = signals = _Signals()
        signals.progressed.connect(self._progressed)
        signals.finished.connect(lambda result: self._finished(result, done))
        for b in (self.send_button, self.files_button):
            b.setEnabled(False)
        self.progress.setVisible(True)
        self.progress.setRange(0, 0)
        self.session.busy = True
        QThreadPool.globalInstance().start(_Job(self.store, work, signals))

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _finished(self, result: object, done) -> None:
        self.session.busy = False
        self.progress.setVisible(False)
        self.send_button.setEnabled(not self.store.read_only)
        self.files_button.setEnabled(True)
        self.session.changed.emit()
        if isinstance(result, UserError):
            show_user_error(self, result, self.windowTitle())
            return
        if isinstance(result, Exception):
            from ui.dialogs.common import show_unexpected_error

            show_unexpected_error(self, result, self.windowTitle())
            return
        done(result)

    def _confirm_late(self) -> bool:
        if not self.plan.conv.late or self.plan.cancelled:
            return True
        return confirm(
            self,
            self.tr("Convocations hors délai"),
            self.plan.conv.late_warning()
            + "\n\n"
            + self.tr("Produire les convocations quand même ?"),
            self.tr("Continuer"),
        )

    def write_files(self) -> None:
        if not self._confirm_late():
            return
        mode, location, today = self.mode(), self.location.text(), self.today
        meeting_id = self.meeting_id
        folder = convocations.meeting_folder(self.plan.conv)

        def work(own, progress):
            plan = convocations.prepare(
                own.db, meeting_id, mode=mode, location=location, today=today
            )
            return convocations.write_files(own.db, plan, folder, progress=progress)

        self._run(work, self._files_written)

    def _files_written(self, files: convocations.ConvocationFiles) -> None:
        self.folder = files.folder
        self.folder_button.setEnabled(True)
        self.result_label.setText(files.summary())

    def send(self) -> None:
        settings = mail_settings.get(self.store.db)
        if self.plan.email and not settings.configured:
            self.result_label.setText(
                self.tr("Configurez d'abord l'envoi des courriels : Fichier › Envoi des courriels…")
            )
            return
        if not self._confirm_late():
            return
        password = self.session.ask_password(self, settings) if self.plan.email else ""
        if password is None:
            return
        mode, location, today = self.mode(), self.location.text(), self.today
        meeting_id = self.meeting_id
        folder = convocations.meeting_folder(self.plan.conv)
        if location and mode == convocations.LINK:
            mail_settings.save_annex_location(self.store, location)

        def work(own, progress):
            outbox.recover(own)
            plan = convocations.prepare(
                own.db, meeting_id, mode=mode, location=location, today=today
            )
            convocations.queue(own, plan, progress=progress)
            files = None
            if plan.post:
                files = convocations.write_files(own.db, plan.only_post(), folder)
            report = sending.send_waiting(
                own, mail_settings.get(own.db), password, meeting_id=meeting_id, progress=progress
            )
            return report, files

        self._run(work, self._sent)

    def _sent(self, result) -> None:
        report, files = result
        lines = [report.summary()]
        if files is not None:
            self.folder = files.folder
            self.folder_button.setEnabled(True)
            lines.append(files.summary())
        self.result_label.setText("\n".join(lines))

    def record_posted(self) -> None:
        if not check_fields(self.posted_on):
            return
        try:
            count = proof.record_posted(self.store, self.meeting_id, self.posted_on.value())
        except UserError as error:
            show_user_error(self, error, self.windowTitle())
            return
        self.result_label.setText(
            self.tr("Lettres enregistrées comme postées : {n}.").format(n=count)
        )
        self.session.changed.emit()

    def write_proof(self) -> None:
        from ess_desk.documents import sending_proof

        folder = convocations.meeting_folder(self.plan.conv)
        path = folder / f"preuve-envoi-{self.plan.conv.meeting.day.isoformat()}.pdf"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            sending_proof.build(self.store.db, self.meeting_id, path)
        except (UserError, OSError) as error:
            show_user_error(self, UserError(str(error)), self.windowTitle())
            return
        self.folder = folder
        self.folder_button.setEnabled(True)
        self.result_label.setText(self.tr("Preuve d'envoi écrite : {path}").format(path=path))
        exporting.open_path(self, path)
