"""Choose the backup to put back in place of the council's file (newest first), or any other
ESS Desk file."""

from __future__ import annotations

from pathlib import Path

from ess_desk.dates import display_datetime
from ui.dialogs.common import database_files_filter, finish_dialog
from ui.qt import Qt, QtWidgets


class RestoreDialog(QtWidgets.QDialog):
    """Choose a backup of this database (newest first) or any other ESS Desk file."""

    def __init__(self, db_path: Path, parent: QtWidgets.QWidget | None = None):
        from ess_desk.store.backup import backup_date, list_backups

        super().__init__(parent)
        self.setWindowTitle(self.tr("Restaurer une sauvegarde"))
        self.setMinimumSize(520, 360)
        self.chosen: Path | None = None
        intro = QtWidgets.QLabel(
            self.tr(
                "Choisissez la sauvegarde à remettre en place. Le contenu actuel de la base "
                "sera d'abord gardé dans une copie."
            )
        )
        intro.setWordWrap(True)
        self.list = QtWidgets.QListWidget()
        self.list.setObjectName("backups")
        self.list.setAccessibleName(self.tr("Sauvegardes"))
        for path in list_backups(db_path):
            when = backup_date(path)
            text = display_datetime(when) if when else path.name
            if "avant-" in path.stem:
                reason = path.stem.split("avant-", 1)[1].replace("-", " ")
                text += "  " + self.tr("(copie avant {reason})").format(reason=reason)
            item = QtWidgets.QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            item.setToolTip(str(path))
            self.list.addItem(item)
        if self.list.count() == 0:
            self.list.addItem(self.tr("Aucune sauvegarde automatique pour cette base."))
            self.list.item(0).setFlags(Qt.ItemFlag.NoItemFlags)
        else:
            self.list.setCurrentRow(0)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())

        other = QtWidgets.QPushButton(self.tr("Autre fichier…"))
        other.clicked.connect(self._choose_other)
        buttons = QtWidgets.QDialogButtonBox()
        self.restore_button = buttons.addButton(
            self.tr("Restaurer…"), QtWidgets.QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(self.tr("Annuler"), QtWidgets.QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        row = QtWidgets.QHBoxLayout()
        row.addWidget(other)
        row.addStretch(1)
        row.addWidget(buttons)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addLayout(row)
        finish_dialog(self)

    def _choose_other(self) -> None:
        name, _filter = QtWidgets.QFileDialog.getOpenFileName(
            self, self.tr("Restaurer depuis un fichier"), "", database_files_filter()
        )
        if name:
            self.chosen = Path(name)
            super().accept()

    def accept(self) -> None:
        item = self.list.currentItem()
        value = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if not value:
            return
        self.chosen = Path(value)
        super().accept()
