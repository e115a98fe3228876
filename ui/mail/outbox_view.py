"""The outbox in the window: a button in the status bar that says what waits (and opens the
outbox), and the outbox dialog: every message with its state and proof, « Envoyer maintenant »,
« Renvoyer », « Retirer » and « Noter un retour »."""

from __future__ import annotations

from typing import Any

from ess_desk.dates import display_datetime
from ess_desk.errors import UserError
from ess_desk.mail import outbox, sending
from ess_desk.mail import settings as mail_settings
from ui.dialogs.common import finish_dialog, show_user_error
from ui.mail.session import MailSession
from ui.qt import QModelIndex, Qt, QtWidgets
from ui.widgets import HeaderedTableModel


class OutboxButton(QtWidgets.QPushButton):
    """« Boîte d'envoi : 3 en attente » in the status bar; hidden while the outbox holds nothing
    to do."""

    def __init__(self, session: MailSession, parent: QtWidgets.QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("status_outbox")
        self.setFlat(True)
        self.session = session
        self.sending: tuple[int, int] | None = None
        session.changed.connect(self.refresh)
        session.progressed.connect(self._progress)
        self.clicked.connect(self.open_outbox)
        self.refresh()

    def _progress(self, done: int, total: int) -> None:
        self.sending = (done, total) if done < total else None
        self.refresh()

    def refresh(self) -> None:
        if self.session.store.closed:
            return
        if self.session.busy and self.sending:
            self.setText(
                self.tr("Envoi des courriels… {done} / {total}").format(
                    done=self.sending[0], total=self.sending[1]
                )
            )
            self.setVisible(True)
            return
        counts = self.session.counts()
        waiting, failed = counts[outbox.WAITING], counts[outbox.FAILED]
        parts = []
        if waiting:
            parts.append(self.tr("{n} en attente").format(n=waiting))
        if failed:
            parts.append(self.tr("{n} en échec").format(n=failed))
        self.setText(self.tr("Boîte d'envoi : {state}").format(state=", ".join(parts)))
        self.setVisible(bool(parts))

    def open_outbox(self) -> None:
        OutboxDialog(self.session, self.window()).exec()


class OutboxModel(HeaderedTableModel):
    COLUMN_COUNT = 6

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[outbox.OutboxRow] = []

    def headers(self) -> list[str]:
        return [
            self.tr("Mis en file"),
            self.tr("État"),
            self.tr("Envoyé le"),
            self.tr("Destinataire"),
            self.tr("Objet"),
            self.tr("Réponse du serveur ou erreur"),
        ]

    def load(self, rows: list[outbox.OutboxRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def status_label(self, row: outbox.OutboxRow) -> str:
        return {
            "waiting": self.tr("en attente"),
            "sent": self.tr("envoyé"),
            "failed": self.tr("en échec"),
        }[row.public_status]

    def _reply(self, row: outbox.OutboxRow) -> str:
        text = row.server_reply if row.status == "sent" else row.last_error
        if row.bounce:
            return self.tr("{reply} — retour : {bounce}").format(reply=text, bounce=row.bounce)
        return text

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return [
                display_datetime(row.queued_at[:19]),
                self.status_label(row) + (f" ({row.attempts})" if row.attempts > 1 else ""),
                display_datetime(row.sent_at[:19]) if row.sent_at else "",
                f"{row.to_name} <{row.to_addr}>",
                row.subject,
                self._reply(row),
            ][index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.message_id
        return None


class OutboxDialog(QtWidgets.QDialog):
    def __init__(self, session: MailSession, parent: QtWidgets.QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Boîte d'envoi"))
        self.resize(1000, 480)
        self.model = OutboxModel(self)
        self.table = QtWidgets.QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setAccessibleName(self.tr("Messages de la boîte d'envoi"))
        self.show_all = QtWidgets.QCheckBox(self.tr("Afficher aussi les messages envoyés"))
        self.show_all.toggled.connect(self.reload)
        self.state = QtWidgets.QLabel()
        self.state.setObjectName("outbox_state")
        self.state.setWordWrap(True)
        self.send_button = QtWidgets.QPushButton(self.tr("Envoyer maintenant"))
        self.resend_button = QtWidgets.QPushButton(self.tr("Renvoyer"))
        self.cancel_button = QtWidgets.QPushButton(self.tr("Retirer"))
        self.bounce_button = QtWidgets.QPushButton(self.tr("Noter un retour…"))
        self.send_button.clicked.connect(self.send_now)
        self.resend_button.clicked.connect(self.resend)
        self.cancel_button.clicked.connect(self.take_out)
        self.bounce_button.clicked.connect(self.note_bounce)
        close = QtWidgets.QPushButton(self.tr("Fermer"))
        close.clicked.connect(self.accept)
        buttons = QtWidgets.QHBoxLayout()
        for b in (self.send_button, self.resend_button, self.cancel_button, self.bounce_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.show_all)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.state)
        layout.addLayout(buttons)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        session.changed.connect(self.reload)
        self.reload()
        finish_dialog(self)

    def reload(self) -> None:
        statuses = (
            None if self.show_all.isChecked() else ["waiting", "sending", "delivering", "failed"]
        )
        self.model.load(outbox.rows(self.session.store.db, statuses=statuses))
        self.table.resizeColumnsToContents()
        self._update_buttons()

    def selected(self) -> outbox.OutboxRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        row = self.selected()
        writable = not self.session.store.read_only and not self.session.busy
        counts = self.session.counts()
        self.send_button.setEnabled(writable and counts[outbox.WAITING] > 0)
        self.resend_button.setEnabled(
            writable and row is not None and row.status in ("sent", "failed")
        )
        self.cancel_button.setEnabled(writable and row is not None and row.status == "waiting")
        self.bounce_button.setEnabled(writable and row is not None and row.status == "sent")

    def send_now(self) -> None:
        settings = mail_settings.get(self.session.store.db)
        if not settings.configured:
            self.state.setText(
                self.tr("Configurez d'abord l'envoi : Fichier › Envoi des courriels…")
            )
            return
        password = self.session.ask_password(self, settings)
        if password is None:
            return
        self.state.setText(self.tr("Envoi en cours…"))
        self.session.send(password, on_done=self._sent)
        self._update_buttons()

    def _sent(self, report: sending.SendReport) -> None:
        self.state.setText(report.summary())

    def _do(self, action, title: str) -> None:
        try:
            action()
        except UserError as error:
            show_user_error(self, error, title)
        self.reload()
        self.session.changed.emit()

    def resend(self) -> None:
        row = self.selected()
        if row is not None:
            sender = mail_settings.get(self.session.store.db).sender
            self._do(lambda: outbox.resend(self.session.store, row.id, sender), self.tr("Renvoyer"))

    def take_out(self) -> None:
        row = self.selected()
        if row is not None:
            self._do(lambda: outbox.cancel(self.session.store, row.id), self.tr("Retirer"))

    def note_bounce(self) -> None:
        row = self.selected()
        if row is None:
            return
        text, ok = QtWidgets.QInputDialog.getText(
            self,
            self.tr("Noter un retour"),
            self.tr("Message de non-distribution reçu pour {to} (vide pour l'effacer) :").format(
                to=row.to_addr
            ),
            text=row.bounce,
        )
        if ok:
            self._do(
                lambda: outbox.record_bounce(self.session.store, row.id, text),
                self.tr("Noter un retour"),
            )
