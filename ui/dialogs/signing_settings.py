"""Réglages de la signature: the timestamp server (RFC 3161) and the authorities whose
certificates are trusted when signatures are verified, kept in the council's file."""

from __future__ import annotations

from pathlib import Path

from ess_desk.dates import display
from ess_desk.errors import UserError
from ess_desk.store import Store
from ui import a11y, palette
from ui.dialogs.common import (
    FieldErrors,
    field_with_button,
    finish_dialog,
    show_unexpected_error,
)
from ui.qt import QtCore, QtWidgets
from ui.workers import Operation


class SigningSettingsDialog(QtWidgets.QDialog):
    """`SigningSettingsDialog(store)`: nothing is written until « Enregistrer »."""

    def __init__(self, store: Store, parent: QtWidgets.QWidget | None = None):
        from ess_desk.signing import settings

        super().__init__(parent)
        self.store = store
        self.roots = settings.trusted_roots(store.db)
        self.trying: Operation | None = None
        self.setWindowTitle(self.tr("Réglages de la signature"))
        self.setMinimumWidth(520)
        self.errors = FieldErrors()

        self.url = QtWidgets.QLineEdit(settings.timestamp_url(store.db))
        self.url.setObjectName("timestamp_url")
        self.url.setPlaceholderText("https://")
        self.try_button = QtWidgets.QPushButton(self.tr("Essayer le serveur"))
        self.try_button.setObjectName("try_timestamp")
        self.try_button.clicked.connect(self.try_server)
        url_row = field_with_button(self.url, self.try_button)
        self.try_result = QtWidgets.QLabel()
        self.try_result.setObjectName("timestamp_result")
        self.try_result.setWordWrap(True)
        stamp_note = self._note(
            self.tr(
                "Avec un serveur d'horodatage (RFC 3161, fourni par votre prestataire de "
                "certificats), chaque signature porte l'heure certifiée par ce serveur. Sans "
                "serveur, ou s'il ne répond pas, la signature porte l'heure de l'ordinateur, "
                "indiquée comme telle."
            )
        )

        self.list = QtWidgets.QListWidget()
        self.list.setObjectName("trust_roots")
        self.list.setWordWrap(True)
        self.list.setMinimumHeight(70)
        self.list.setMaximumHeight(130)
        a11y.name(self.list, self.tr("Autorités de confiance"))
        add = QtWidgets.QPushButton(self.tr("Ajouter un certificat…"))
        add.setObjectName("add_trust_root")
        add.clicked.connect(self.choose_certificates)
        self.remove_button = QtWidgets.QPushButton(self.tr("Retirer"))
        self.remove_button.setObjectName("remove_trust_root")
        self.remove_button.clicked.connect(self.remove_selected)
        self.list.currentRowChanged.connect(lambda _r: self._selection_changed())
        list_buttons = QtWidgets.QHBoxLayout()
        list_buttons.addWidget(add)
        list_buttons.addWidget(self.remove_button)
        list_buttons.addStretch(1)
        trust_note = self._note(
            self.tr(
                "Les signatures sont vérifiées avec ces autorités : ajoutez le certificat de "
                "l'autorité qui a délivré les certificats du président et du secrétaire (fichier "
                ".pem, .crt, .cer ou .der, fourni par le prestataire). Sans autorité, la "
                "vérification dit que l'identité du signataire n'a pas été rapprochée."
            )
        )

        form = QtWidgets.QFormLayout()
        a11y.add_row(
            form,
            self.tr("Serveur d'horodatage"),
            url_row,
            self.errors.add("timestamp_url", self.url),
        ).setBuddy(self.url)
        form.addRow("", self.try_result)
        self._form = form
        self._say("")  # the row shows once the server has been tried
        form.addRow("", stamp_note)
        trust_box = QtWidgets.QWidget()
        trust_layout = QtWidgets.QVBoxLayout(trust_box)
        trust_layout.setContentsMargins(0, 0, 0, 0)
        trust_layout.addWidget(self.list)
        trust_layout.addLayout(list_buttons)
        a11y.add_row(
            form,
            self.tr("Autorités de confiance"),
            trust_box,
            self.errors.add("trust_roots", self.list),
        ).setBuddy(self.list)
        form.addRow("", trust_note)

        buttons = QtWidgets.QDialogButtonBox()
        self.save_button = buttons.addButton(
            self.tr("Enregistrer"), QtWidgets.QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setObjectName("save_signing_settings")
        buttons.addButton(self.tr("Annuler"), QtWidgets.QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.save_button.setEnabled(not store.read_only)

        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.errors.general)
        layout.addWidget(buttons)
        self._fill()
        finish_dialog(self)

    @staticmethod
    def _note(text: str) -> QtWidgets.QLabel:
        label = QtWidgets.QLabel(text)
        label.setWordWrap(True)
        label.setStyleSheet(palette.text_css(palette.MUTED))
        return label

    def _fill(self) -> None:
        self.list.clear()
        for root in self.roots:
            who = f"{root.name} ({root.organisation})" if root.organisation else root.name
            item = QtWidgets.QListWidgetItem(
                self.tr("{who} — valable jusqu'au {day} — SHA-256 {digest}…").format(
                    who=who, day=display(root.not_after), digest=root.sha256[:16]
                )
            )
            item.setData(QtCore.Qt.ItemDataRole.UserRole, root.sha256)
            self.list.addItem(item)
        if not self.roots:
            item = QtWidgets.QListWidgetItem(self.tr("Aucune autorité enregistrée."))
            item.setFlags(QtCore.Qt.ItemFlag.NoItemFlags)
            self.list.addItem(item)
        self._selection_changed()

    def _say(self, text: str) -> None:
        self.try_result.setText(text)
        self._form.setRowVisible(self.try_result, bool(text))

    def _selection_changed(self) -> None:
        item = self.list.currentItem()
        chosen = item is not None and item.data(QtCore.Qt.ItemDataRole.UserRole) is not None
        self.remove_button.setEnabled(chosen)

    # -- actions -------------------------------------------------------------------------------
    def choose_certificates(self) -> None:
        name, _filter = QtWidgets.QFileDialog.getOpenFileName(
            self,
            self.tr("Certificat d'une autorité de confiance"),
            "",
            self.tr("Certificats (*.pem *.crt *.cer *.der);;Tous les fichiers (*)"),
        )
        if name:
            self.add_certificates(Path(name))

    def add_certificates(self, path: Path) -> int:
        """Add the certificates of a file to the list (saved with « Enregistrer »); how many
        were new."""
        from ess_desk.signing import settings

        self.errors.clear()
        try:
            found = settings.certificates_of_file(path)
        except UserError as error:
            self.errors.show(error)
            return 0
        known = {root.sha256 for root in self.roots}
        new = [root for root in found if root.sha256 not in known]
        self.roots += new
        self._fill()
        if not new:
            self.errors.show(
                UserError(self.tr("Ces certificats sont déjà dans la liste."), field="trust_roots")
            )
        return len(new)

    def remove_selected(self) -> None:
        item = self.list.currentItem()
        digest = item.data(QtCore.Qt.ItemDataRole.UserRole) if item is not None else None
        if digest is None:
            return
        self.roots = [root for root in self.roots if root.sha256 != digest]
        self._fill()

    def try_server(self) -> Operation:
        """Ask the server for a test timestamp off the GUI thread (it may take seconds)."""
        from ess_desk.signing import settings

        self.errors.clear()
        url = self.url.text()
        self.try_button.setEnabled(False)
        self._say(self.tr("Demande d'un horodatage d'essai…"))
        operation = Operation(self, lambda: settings.try_timestamp_server(url))
        operation.success(self._tried).failure(self._not_tried)
        self.trying = operation.run()
        return operation

    def _tried(self, answer: str) -> None:
        self.try_button.setEnabled(True)
        self._say(answer)
        a11y.announce(self.try_result, answer)

    def _not_tried(self, error: Exception) -> None:
        self.try_button.setEnabled(True)
        self._say("")
        if isinstance(error, UserError):
            self.errors.show(error)
        else:
            show_unexpected_error(self, error, self.tr("Essayer le serveur"))

    def save(self) -> bool:
        from ess_desk.signing import settings

        self.errors.clear()
        try:
            settings.save(self.store, timestamp_url=self.url.text(), roots=self.roots)
        except UserError as error:
            self.errors.show(error)
            return False
        self.accept()
        return True
