"""The council's letterhead (name, address, e-mail, signatory, logo) that every document carries."""

from __future__ import annotations

from pathlib import Path

from ess_desk import council
from ess_desk.errors import UserError
from ess_desk.store import Store
from ui.dialogs.common import FieldErrors, finish_dialog, save_cancel_buttons
from ui.qt import Qt, QtGui, QtWidgets

LOGO_HEIGHT = 64


class LetterheadDialog(QtWidgets.QDialog):
    """Edit the letterhead; nothing is written until « Enregistrer », and then all at once."""

    def __init__(self, store: Store, parent: QtWidgets.QWidget | None = None):
        super().__init__(parent)
        self._store = store
        current = council.get_letterhead(store.db)
        self._logo: bytes | None = current.logo
        self.setWindowTitle(self.tr("En-tête du conseil"))
        self.setMinimumWidth(520)

        self.errors = FieldErrors()
        self.name = QtWidgets.QLineEdit(current.council_name)
        self.name.setPlaceholderText(self.tr("Conseil de l'ESS de …"))
        self.address = QtWidgets.QPlainTextEdit(current.council_address)
        self.address.setFixedHeight(70)
        self.email = QtWidgets.QLineEdit(current.council_email)
        self.signatory = QtWidgets.QLineEdit(current.signatory)
        self.signatory_title = QtWidgets.QLineEdit(current.signatory_title)
        self.siret = QtWidgets.QLineEdit(current.council_siret)
        self.siret.setObjectName("council_siret")
        self.siret.setPlaceholderText(self.tr("14 chiffres"))
        self.siret.setToolTip(
            self.tr(
                "SIRET de la collectivité dont relève le conseil : les données ouvertes des "
                "délibérations (SCDL) le demandent."
            )
        )
        self.base_url = QtWidgets.QLineEdit(current.publication_base_url)
        self.base_url.setObjectName("publication_base_url")
        self.base_url.setPlaceholderText(self.tr("https://www.exemple.fr/conseil-ess/"))
        self.base_url.setToolTip(
            self.tr(
                "Adresse où le dossier de publication sera mis en ligne : les liens vers chaque "
                "délibération (DELIB_URL) en partent."
            )
        )
        self.logo_preview = QtWidgets.QLabel()
        self.logo_preview.setMinimumHeight(LOGO_HEIGHT)
        self.logo_preview.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        choose = QtWidgets.QPushButton(self.tr("Choisir une image…"))
        choose.clicked.connect(self._choose_logo)
        self.remove_logo = QtWidgets.QPushButton(self.tr("Retirer"))
        self.remove_logo.clicked.connect(lambda: self.set_logo(None))
        logo_row = QtWidgets.QHBoxLayout()
        logo_row.setContentsMargins(0, 0, 0, 0)
        logo_row.addWidget(self.logo_preview, 1)
        logo_row.addWidget(choose)
        logo_row.addWidget(self.remove_logo)
        logo_box = QtWidgets.QWidget()
        logo_box.setLayout(logo_row)

        form = QtWidgets.QFormLayout()
        form.addRow(self.tr("Nom du conseil"), self.errors.wrap("council_name", self.name))
        form.addRow(self.tr("Adresse"), self.errors.wrap("council_address", self.address))
        form.addRow(self.tr("Courriel"), self.errors.wrap("council_email", self.email))
        form.addRow(self.tr("Signataire"), self.errors.wrap("signatory", self.signatory))
        form.addRow(
            self.tr("Qualité", "signatory's position"),
            self.errors.wrap("signatory_title", self.signatory_title),
        )
        form.addRow(self.tr("SIRET"), self.errors.wrap("council_siret", self.siret))
        form.addRow(
            self.tr("Adresse de publication"),
            self.errors.wrap("publication_base_url", self.base_url),
        )
        form.addRow(self.tr("Logo"), self.errors.wrap("logo", logo_box))

        self.buttons, self.save_button = save_cancel_buttons(
            self, self.tr("Enregistrer"), self.accept, writable=not store.read_only
        )
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.errors.general)
        layout.addWidget(self.buttons)
        self.set_logo(self._logo)
        finish_dialog(self)

    def set_logo(self, data: bytes | None) -> None:
        """Show (or clear) the logo that « Enregistrer » will keep."""
        self._logo = data or None
        pixmap = QtGui.QPixmap()
        if self._logo and pixmap.loadFromData(self._logo):
            self.logo_preview.setPixmap(
                pixmap.scaledToHeight(LOGO_HEIGHT, Qt.TransformationMode.SmoothTransformation)
            )
        else:
            self.logo_preview.setText(self.tr("Aucun logo"))
        self.remove_logo.setEnabled(self._logo is not None)

    def _choose_logo(self) -> None:
        name, _filter = QtWidgets.QFileDialog.getOpenFileName(
            self, self.tr("Logo du conseil"), "", self.tr("Images (*.png *.jpg *.jpeg)")
        )
        if name:
            self.load_logo(Path(name))

    def load_logo(self, path: Path) -> None:
        try:
            data = path.read_bytes()
        except OSError as exc:
            from ess_desk.failures import from_os_error

            self.errors.show(UserError(from_os_error(exc, path).message, field="logo"))
            return
        self.set_logo(data)

    def accept(self) -> None:
        if self._store.read_only:
            return
        self.errors.clear()
        try:
            council.set_letterhead(
                self._store,
                council_name=self.name.text(),
                council_address=self.address.toPlainText(),
                council_email=self.email.text(),
                signatory=self.signatory.text(),
                signatory_title=self.signatory_title.text(),
                council_siret=self.siret.text(),
                publication_base_url=self.base_url.text(),
                logo=self._logo or b"",
            )
        except UserError as error:
            self.errors.show(error)
            return
        super().accept()
