"""Signatures of the approved minutes (CGCT L. 2121-15): who signed and what the signatures say,
signing with a certificate file (PKCS#12) or a smart card (PKCS#11), saving the signed PDF, and
checking any signed PDF."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING

from ess_desk.errors import UserError
from ess_desk.minutes import minutes as mn
from ess_desk.store import Store
from ui import a11y
from ui.dialogs.common import (
    FieldErrors,
    field_with_button,
    finish_dialog,
    show_unexpected_error,
)
from ui.qt import QtWidgets

if TYPE_CHECKING:
    from ui.dialogs.signing_settings import SigningSettingsDialog


class SigningDialog(QtWidgets.QDialog):
    """`SigningDialog(store, meeting_id)`: the signed minutes of a meeting and their errata."""

    def __init__(self, store: Store, meeting_id: int, parent: QtWidgets.QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.meeting_id = meeting_id
        self.last_signed: bytes | None = None
        self.setWindowTitle(self.tr("Signatures du procès-verbal"))
        self.setMinimumWidth(560)
        self.errors = FieldErrors()

        self.state = QtWidgets.QLabel()
        self.state.setObjectName("signing_state")
        self.state.setWordWrap(True)
        self.report = QtWidgets.QPlainTextEdit()
        self.report.setObjectName("signing_report")
        self.report.setReadOnly(True)
        self.report.setMinimumHeight(110)
        a11y.name(self.report, self.tr("Vérification des signatures"))
        a11y.multiline(self.report)
        legal = QtWidgets.QLabel(
            self.tr(
                "Le procès-verbal approuvé est signé par le président de séance, puis par le "
                "secrétaire de séance (CGCT, art. L. 2121-15). Le texte approuvé ne change pas : "
                "le fichier signé est un nouveau fichier, gardé dans la base avec son empreinte."
            )
        )
        legal.setWordWrap(True)

        self.document = QtWidgets.QComboBox()
        self.document.setObjectName("signing_document")
        self.role = QtWidgets.QComboBox()
        self.role.setObjectName("signing_role")
        self.role.addItem(self.tr("Président de séance"), "president")
        self.role.addItem(self.tr("Secrétaire de séance"), "secretaire")
        self.source = QtWidgets.QComboBox()
        self.source.setObjectName("signing_source")
        self.source.addItem(self.tr("Fichier de certificat (.p12, .pfx)"), "pkcs12")
        self.source.addItem(self.tr("Carte à puce ou jeton USB (PKCS#11)"), "pkcs11")
        self.source.currentIndexChanged.connect(self._source_changed)
        self.cert_path = QtWidgets.QLineEdit()
        self.cert_path.setObjectName("signing_certificate")
        self.browse = QtWidgets.QPushButton(self.tr("Parcourir…"))
        self.browse.clicked.connect(self._browse)
        cert_row = field_with_button(self.cert_path, self.browse)
        self.secret = QtWidgets.QLineEdit()
        self.secret.setObjectName("signing_secret")
        self.secret.setEchoMode(QtWidgets.QLineEdit.EchoMode.Password)
        self.token = QtWidgets.QLineEdit()
        self.token.setObjectName("signing_token")
        self.key_label = QtWidgets.QLineEdit()
        self.key_label.setObjectName("signing_key_label")

        form = QtWidgets.QFormLayout()
        a11y.add_row(form, self.tr("Document"), self.document)
        a11y.add_row(form, self.tr("Signataire"), self.role)
        a11y.add_row(form, self.tr("Certificat"), self.source)
        self.path_label = a11y.add_row(
            form, self.tr("Fichier"), cert_row, self.errors.add("certificate", cert_row)
        )
        self.path_label.setBuddy(self.cert_path)
        self.secret_label = a11y.add_row(form, self.tr("Mot de passe"), self.secret)
        self.token_label = a11y.add_row(form, self.tr("Nom de la carte"), self.token)
        self.key_row_label = a11y.add_row(form, self.tr("Nom de la clé"), self.key_label)

        self.sign_button = QtWidgets.QPushButton(self.tr("Signer"))
        self.sign_button.setObjectName("sign_minutes")
        self.sign_button.setDefault(True)
        self.sign_button.clicked.connect(self.sign)
        self.save_button = QtWidgets.QPushButton(self.tr("Enregistrer le PDF signé…"))
        self.save_button.setObjectName("save_signed")
        self.save_button.clicked.connect(self.save_signed)
        self.verify_button = QtWidgets.QPushButton(self.tr("Vérifier un PDF…"))
        self.verify_button.setObjectName("verify_pdf")
        self.verify_button.clicked.connect(self.choose_and_verify)
        self.settings_button = QtWidgets.QPushButton(self.tr("Réglages de la signature…"))
        self.settings_button.setObjectName("signing_settings")
        self.settings_button.clicked.connect(self.open_settings)
        close = QtWidgets.QPushButton(self.tr("Fermer"))
        close.clicked.connect(self.reject)
        buttons = QtWidgets.QHBoxLayout()
        for button in (self.sign_button, self.save_button, self.verify_button):
            buttons.addWidget(button)
        buttons.addWidget(self.settings_button)
        buttons.addStretch(1)
        buttons.addWidget(close)

        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(legal)
        layout.addWidget(self.state)
        layout.addWidget(self.report, 1)
        layout.addLayout(form)
        layout.addWidget(self.errors.general)
        layout.addLayout(buttons)
        self.document.currentIndexChanged.connect(lambda _i: self.refresh_report())
        self._source_changed()
        self.refresh()
        finish_dialog(self)

    # -- state ---------------------------------------------------------------------------------
    def _minutes(self) -> mn.Minutes | None:
        minutes = mn.get_minutes(self.store.db, self.meeting_id)
        return minutes if minutes is not None and minutes.frozen else None

    def refresh(self) -> None:
        """The documents that can be signed and what their signatures say."""
        from ess_desk.signing import signed

        db = self.store.db
        minutes = self._minutes()
        current = self.document.currentData()
        self.document.blockSignals(True)
        self.document.clear()
        if minutes is not None:
            self.document.addItem(self.tr("Procès-verbal approuvé"), None)
            sheets = {d.erratum_id for d in signed.documents_of(db, minutes.id) if d.erratum_id}
            todo = {e.id for e in signed.errata_to_sign(db, minutes.id)}
            for e in mn.errata(db, minutes.id):
                if e.id in sheets | todo:
                    self.document.addItem(
                        self.tr("Feuille d'erratum du {day}").format(day=e.recorded_on), e.id
                    )
        index = self.document.findData(current)
        self.document.setCurrentIndex(max(index, 0))
        self.document.blockSignals(False)
        writable = minutes is not None and not self.store.read_only
        for widget in (self.sign_button, self.role, self.source, self.cert_path, self.secret):
            widget.setEnabled(writable)
        if minutes is None:
            self.state.setText(
                self.tr(
                    "Le procès-verbal de cette séance n'est pas encore approuvé : il se signe une "
                    "fois approuvé."
                )
            )
        self.refresh_report()

    def _document(self):
        from ess_desk.signing import signed

        minutes = self._minutes()
        if minutes is None:
            return None
        return signed.signed_document(self.store.db, minutes.id, self.document.currentData())

    def refresh_report(self) -> None:
        from ess_desk.signing import signed, verify

        if self._minutes() is None:
            self.report.setPlainText("")
            self.save_button.setEnabled(False)
            return
        document = self._document()
        role = signed.next_role(document)
        if role is not None:
            self.role.setCurrentIndex(self.role.findData(role))
        lines = []
        if document is None:
            self.state.setText(self.tr("Pas encore signé : le président de séance signe d'abord."))
        else:
            waiting = (
                self.tr("Reste à signer : {role}.").format(role=signed.role_text(role))
                if role
                else self.tr("Signé par le président et le secrétaire de séance.")
            )
            self.state.setText(f"{signed.signature_line(document)}. {waiting}")
            data = signed.content(self.store.db, document.id)
            reports = verify.verify_bytes(data, roots=self._roots())
            for n, report in enumerate(reports, start=1):
                lines.append(self.tr("Signature {n}").format(n=n))
                lines += [f"  {line}" for line in verify.describe(report, command_line=False)]
            lines.append(
                self.tr("SHA-256 du fichier signé : {digest}").format(digest=document.sha256)
            )
        self.report.setPlainText("\n".join(lines))
        self.save_button.setEnabled(document is not None)
        can_sign = role is not None and not self.store.read_only
        for widget in (
            self.sign_button,
            self.role,
            self.source,
            self.cert_path,
            self.browse,
            self.secret,
            self.token,
            self.key_label,
        ):
            widget.setEnabled(can_sign)

    def _roots(self) -> tuple:
        from ess_desk.signing import settings

        return tuple(settings.root_certificates(self.store.db))

    def open_settings(self) -> SigningSettingsDialog:
        """The timestamp server and the trusted authorities; the report is read again after."""
        from ui.dialogs.signing_settings import SigningSettingsDialog

        dialog = SigningSettingsDialog(self.store, self)
        dialog.accepted.connect(self.refresh_report)
        dialog.open()
        return dialog

    def _source_changed(self) -> None:
        card = self.source.currentData() == "pkcs11"
        self.path_label.setText(self.tr("Module PKCS#11") if card else self.tr("Fichier"))
        self.secret_label.setText(self.tr("Code PIN") if card else self.tr("Mot de passe"))
        for widget in (self.token, self.key_label, self.token_label, self.key_row_label):
            widget.setVisible(card)

    def _browse(self) -> None:
        card = self.source.currentData() == "pkcs11"
        name, _filter = QtWidgets.QFileDialog.getOpenFileName(
            self,
            self.tr("Module PKCS#11") if card else self.tr("Certificat"),
            "",
            self.tr("Bibliothèques (*.so *.dll *.dylib)")
            if card
            else self.tr("Certificats PKCS#12 (*.p12 *.pfx)"),
        )
        if name:
            self.cert_path.setText(name)

    # -- actions -------------------------------------------------------------------------------
    def _signer(self):
        from ess_desk.signing import certificates

        path = self.cert_path.text().strip()
        if not path:
            raise UserError(
                self.tr("Choisissez le certificat ou le module de la carte."), field="certificate"
            )
        if self.source.currentData() == "pkcs11":
            return certificates.from_pkcs11(
                path,
                self.secret.text() or None,
                token_label=self.token.text().strip() or None,
                key_label=self.key_label.text().strip() or None,
            )
        return contextlib.nullcontext(certificates.from_pkcs12(path, self.secret.text() or None))

    def sign(self) -> bool:
        """Sign as the chosen role; the signed file is kept and the report shown again."""
        from ess_desk.documents import minutes_pdf
        from ess_desk.signing import signed

        self.errors.clear()
        erratum_id = self.document.currentData()
        view = mn.view(self.store.db, self.meeting_id)

        def render():
            if erratum_id is not None:
                return minutes_pdf.render_erratum(view, erratum_id)
            return minutes_pdf.render(view)

        try:
            with self._signer() as signer:
                _document, data = signed.sign(
                    self.store,
                    self.meeting_id,
                    signer,
                    render,
                    role=self.role.currentData(),
                    erratum_id=erratum_id,
                )
        except UserError as error:
            self.errors.show(error)
            return False
        except Exception as exc:  # a bug: the unexpected-error dialog, never a silent failure
            show_unexpected_error(self, exc, self.tr("Signer le procès-verbal"))
            return False
        finally:
            self.secret.clear()  # a password or a PIN is never kept
        self.last_signed = data
        self.refresh()
        warning = signed.signatory_warning(self.store.db, self.meeting_id, _document)
        if warning:
            self.errors.general.setText(warning)
            self.errors.general.setVisible(True)
        return True

    def save_signed(self, path: Path | None = None) -> None:
        from ess_desk.signing import signed
        from ui.exporting import run_export

        document = self._document()
        if document is None:
            return
        data = signed.content(self.store.db, document.id)
        name = self.tr("Procès-verbal signé - {day}.pdf").format(
            day=mn.view(self.store.db, self.meeting_id).record.starts_at[:10]
        )

        def work(target: Path, _progress) -> Path:
            from ess_desk.fileio import atomic_path

            with atomic_path(target) as tmp:
                tmp.write_bytes(data)
            return target

        run_export(
            self,
            "signed-minutes",
            self.tr("Enregistrer le PDF signé"),
            name,
            self.tr("Document PDF (*.pdf)"),
            work,
            progress=self.tr("Enregistrement du PDF signé…"),
            path=path,
        )

    def choose_and_verify(self) -> None:
        name, _filter = QtWidgets.QFileDialog.getOpenFileName(
            self, self.tr("Vérifier un PDF signé"), "", self.tr("Document PDF (*.pdf)")
        )
        if name:
            self.verify_file(Path(name))

    def verify_file(self, path: Path) -> None:
        """Show what the signatures of any PDF say (one received by e-mail, one online…)."""
        from ess_desk.signing import verify

        try:
            reports = verify.verify_file(path, roots=self._roots())
        except UserError as error:
            self.errors.show(error)
            return
        lines = [self.tr("Fichier vérifié : {path}").format(path=path)]
        if not reports:
            lines.append(self.tr("Ce PDF ne porte aucune signature électronique."))
        for n, report in enumerate(reports, start=1):
            lines.append(self.tr("Signature {n}").format(n=n))
            lines += [f"  {line}" for line in verify.describe(report, command_line=False)]
        self.report.setPlainText("\n".join(lines))
