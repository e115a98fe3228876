"""Préférences: the interface language and how many automatic backups to keep."""

from __future__ import annotations

from ess_desk import council
from ess_desk.errors import UserError
from ess_desk.store import Store
from ess_desk.store.backup import KEEP_SETTING, keep_count
from ui import palette
from ui.dialogs.common import FieldErrors, error_label, finish_dialog
from ui.qt import QtWidgets
from ui.settings import AppSettings


def save_backups_keep(store: Store, count: int) -> None:
    """Write the number of backups to keep into the database (audited), where the core reads it."""
    council.save_setting(store, KEEP_SETTING, str(int(count)))


class SettingsDialog(QtWidgets.QDialog):
    """The language applies at the next start; the backups count at once (in this database too)."""

    def __init__(
        self, settings: AppSettings, store: Store | None, parent: QtWidgets.QWidget | None = None
    ):
        super().__init__(parent)
        self.settings = settings
        self.store = store
        self.language_changed = False
        self.setWindowTitle(self.tr("Préférences"))
        self.setMinimumWidth(440)

        self.general_error = error_label(self)
        self.errors = FieldErrors(self.general_error)
        self.language_combo = QtWidgets.QComboBox()
        self.language_combo.addItem("Français", "fr")
        self.language_combo.addItem("English", "en")
        self.language_combo.setCurrentIndex(
            max(0, self.language_combo.findData(settings.language()))
        )
        language_note = QtWidgets.QLabel(
            self.tr("La nouvelle langue s'applique au prochain démarrage d'ESS Desk.")
        )
        language_note.setWordWrap(True)
        language_note.setStyleSheet(palette.text_css(palette.MUTED))

        self.backups_spin = QtWidgets.QSpinBox()
        self.backups_spin.setRange(1, 365)
        self.backups_spin.setSuffix(self.tr(" sauvegardes"))
        current = keep_count(store) if store is not None else settings.backups_keep()
        self.backups_spin.setValue(current)
        backups_note = QtWidgets.QLabel(
            self.tr(
                "Une copie automatique de la base est faite à l'ouverture, au plus une par jour ; "
                "les plus anciennes au-delà de ce nombre sont effacées."
            )
        )
        backups_note.setWordWrap(True)
        backups_note.setStyleSheet(palette.text_css(palette.MUTED))

        form = QtWidgets.QFormLayout()
        form.addRow(self.tr("Langue :"), self.language_combo)
        form.addRow("", language_note)
        form.addRow(self.tr("Sauvegardes à garder :"), self.backups_spin)
        form.addRow("", self.errors.add("backups_keep", self.backups_spin))
        form.addRow("", backups_note)

        buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Ok
            | QtWidgets.QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Ok).setText(self.tr("Enregistrer"))
        buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuler"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.general_error)
        layout.addLayout(form)
        layout.addWidget(buttons)
        finish_dialog(self)

    def accept(self) -> None:
        self.errors.clear()
        count = self.backups_spin.value()
        if self.store is not None and not self.store.read_only:
            try:
                save_backups_keep(self.store, count)
            except UserError as exc:
                exc.field = exc.field or "backups_keep"
                self.errors.show(exc)
                return
        self.settings.set_backups_keep(count)
        language = str(self.language_combo.currentData())
        self.language_changed = language != self.settings.language()
        self.settings.set_language(language)
        super().accept()
