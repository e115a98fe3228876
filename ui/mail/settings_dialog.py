"""Fichier › Envoi des courriels… : the council's mail server. The password goes to the system's
credential store (never to the database); with no store on the computer, the dialog says it will
be asked once per session."""

from __future__ import annotations

from ess_desk.errors import UserError
from ess_desk.mail import settings as mail_settings
from ess_desk.mail.transport import Transport
from ui.dialogs.common import FieldErrors, finish_dialog, save_cancel_buttons
from ui.mail.session import MailSession
from ui.qt import QtWidgets


class MailSettingsDialog(QtWidgets.QDialog):
    def __init__(self, session: MailSession, parent: QtWidgets.QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Envoi des courriels"))
        current = mail_settings.get(session.store.db)
        self.host = QtWidgets.QLineEdit(current.host)
        self.host.setPlaceholderText("smtp.exemple.fr")
        self.port = QtWidgets.QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(current.port)
        self.security = QtWidgets.QComboBox()
        for code, text in (
            ("starttls", self.tr("STARTTLS (port 587, recommandé)")),
            ("tls", self.tr("TLS (port 465)")),
            ("none", self.tr("Aucun chiffrement (port 25)")),
        ):
            self.security.addItem(text, code)
        self.security.setCurrentIndex(max(0, self.security.findData(current.security)))
        self.security.currentIndexChanged.connect(self._default_port)
        self.user = QtWidgets.QLineEdit(current.user)
        self.password = QtWidgets.QLineEdit(self.session.known_password(current) or "")
        self.password.setEchoMode(QtWidgets.QLineEdit.EchoMode.Password)
        self.keep = QtWidgets.QCheckBox(
            self.tr("Garder le mot de passe dans le trousseau du système")
        )
        has_store = mail_settings.credential_store_available()
        self.keep.setChecked(has_store)
        self.keep.setEnabled(has_store)
        store_note = QtWidgets.QLabel(
            self.tr("Le mot de passe n'est jamais enregistré dans la base du conseil.")
            if has_store
            else self.tr(
                "Aucun trousseau de mots de passe sur ce poste : le mot de passe sera demandé "
                "une fois à chaque ouverture d'ESS Desk."
            )
        )
        store_note.setWordWrap(True)
        self.sender_field = QtWidgets.QLineEdit(current.sender)
        self.sender_name = QtWidgets.QLineEdit(current.sender_name)
        self.reply_to = QtWidgets.QLineEdit(current.reply_to)
        self.size_limit = QtWidgets.QSpinBox()
        self.size_limit.setRange(1, 100)
        self.size_limit.setSuffix(" Mo")
        self.size_limit.setValue(current.size_limit_mb)
        self.ca_file = QtWidgets.QLineEdit(current.ca_file)
        self.ca_file.setPlaceholderText(self.tr("(facultatif) certificat d'une autorité interne"))
        self.test_result = QtWidgets.QLabel()
        self.test_result.setObjectName("mail_test_result")
        self.test_result.setWordWrap(True)
        test_button = QtWidgets.QPushButton(self.tr("Tester la connexion"))
        test_button.clicked.connect(self.test_connection)
        self.errors = FieldErrors()
        form = QtWidgets.QFormLayout()
        form.addRow(self.tr("Serveur"), self.errors.wrap("host", self.host))
        form.addRow(self.tr("Sécurité"), self.security)
        form.addRow(self.tr("Port"), self.errors.wrap("port", self.port))
        form.addRow(self.tr("Identifiant"), self.user)
        form.addRow(self.tr("Mot de passe"), self.password)
        form.addRow("", self.keep)
        form.addRow("", store_note)
        form.addRow(self.tr("Adresse d'expédition"), self.errors.wrap("sender", self.sender_field))
        form.addRow(self.tr("Nom de l'expéditeur"), self.sender_name)
        form.addRow(self.tr("Réponses à"), self.errors.wrap("reply_to", self.reply_to))
        form.addRow(self.tr("Taille maximale d'un courriel"), self.size_limit)
        form.addRow(self.tr("Certificat"), self.errors.wrap("ca_file", self.ca_file))
        buttons, _save = save_cancel_buttons(
            self, self.tr("Enregistrer"), self.save, writable=not session.store.read_only
        )
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.errors.general)
        layout.addLayout(form)
        row = QtWidgets.QHBoxLayout()
        row.addWidget(test_button)
        row.addWidget(self.test_result, 1)
        layout.addLayout(row)
        layout.addWidget(buttons)
        finish_dialog(self)

    def _default_port(self) -> None:
        if self.port.value() in mail_settings.DEFAULT_PORTS.values():
            self.port.setValue(mail_settings.DEFAULT_PORTS[self.security.currentData()])

    def values(self) -> mail_settings.MailFields:
        return {
            "host": self.host.text(),
            "port": self.port.value(),
            "security": str(self.security.currentData()),
            "user": self.user.text(),
            "sender": self.sender_field.text(),
            "sender_name": self.sender_name.text(),
            "reply_to": self.reply_to.text(),
            "size_limit_mb": self.size_limit.value(),
            "ca_file": self.ca_file.text(),
        }

    def save(self) -> None:
        try:
            settings = mail_settings.save(self.session.store, **self.values())
        except UserError as error:
            self.errors.show(error)
            return
        password = self.password.text()
        if settings.user and password:
            self.session.remember(settings, password)
            if self.keep.isChecked():
                mail_settings.save_password(settings, password)
        self.accept()

    def test_connection(self) -> None:
        try:
            settings = mail_settings.clean(self.values(), mail_settings.get(self.session.store.db))
            with Transport(settings, self.password.text(), timeout=15):
                pass
        except UserError as error:
            self.test_result.setText(error.message)
            return
        self.test_result.setText(self.tr("Connexion réussie."))
