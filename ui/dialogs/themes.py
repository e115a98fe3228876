"""Edit the list of action themes: add, rename, archive or bring back, delete if unused, reorder."""

from __future__ import annotations

from ess_desk.actions import themes
from ess_desk.errors import UserError
from ess_desk.store import Store
from ui import a11y
from ui.dialogs.common import confirm, finish_dialog, show_user_error
from ui.models_actions import ThemesTableModel
from ui.qt import QtWidgets


class ThemesDialog(QtWidgets.QDialog):
    """`ThemesDialog(store, parent=None)`; `changed` is True once anything was saved."""

    def __init__(self, store: Store, parent: QtWidgets.QWidget | None = None):
        super().__init__(parent)
        self._store = store
        self.changed = False
        self.setWindowTitle(self.tr("Thèmes des actions"))
        self.setMinimumSize(620, 440)
        intro = QtWidgets.QLabel(
            self.tr(
                "Les thèmes classent les actions. Un thème archivé n'est plus proposé, mais les "
                "actions qu'il classe le gardent."
            )
        )
        intro.setWordWrap(True)
        self.model = ThemesTableModel(store.db, self)
        self.view = QtWidgets.QTableView()
        a11y.name(self.view, self.tr("Thèmes"))
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setVisible(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QtWidgets.QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QtWidgets.QHeaderView.ResizeMode.ResizeToContents)
        self.view.doubleClicked.connect(lambda _i: self.rename())
        self.view.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())

        self.add_button = QtWidgets.QPushButton(self.tr("Ajouter…"))
        self.rename_button = QtWidgets.QPushButton(self.tr("Renommer…"))
        self.archive_button = QtWidgets.QPushButton(self.tr("Archiver"))
        self.delete_button = QtWidgets.QPushButton(self.tr("Supprimer"))
        self.up_button = QtWidgets.QPushButton(self.tr("Monter"))
        self.down_button = QtWidgets.QPushButton(self.tr("Descendre"))
        self.add_button.clicked.connect(self.add)
        self.rename_button.clicked.connect(self.rename)
        self.archive_button.clicked.connect(self.toggle_archive)
        self.delete_button.clicked.connect(self.delete)
        self.up_button.clicked.connect(lambda: self.move(-1))
        self.down_button.clicked.connect(lambda: self.move(1))
        side = QtWidgets.QVBoxLayout()
        for button in (
            self.add_button,
            self.rename_button,
            self.archive_button,
            self.delete_button,
            self.up_button,
            self.down_button,
        ):
            side.addWidget(button)
            if store.read_only:
                button.setToolTip(store.read_only_message())
        side.addStretch(1)
        close = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Close)
        close.button(QtWidgets.QDialogButtonBox.StandardButton.Close).setText(self.tr("Fermer"))
        close.rejected.connect(self.reject)
        middle = QtWidgets.QHBoxLayout()
        middle.addWidget(self.view, 1)
        middle.addLayout(side)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(middle, 1)
        layout.addWidget(close)
        self._update_buttons()
        finish_dialog(self)

    def selected_id(self) -> int | None:
        index = self.view.currentIndex()
        theme = self.model.theme(index.row()) if index.isValid() else None
        return theme.id if theme is not None else None

    def select(self, theme_id: int) -> None:
        row = self.model.row_of(theme_id)
        if row is not None:
            self.view.selectRow(row)

    def _update_buttons(self) -> None:
        writable = not self._store.read_only
        theme_id = self.selected_id()
        selected = theme_id is not None
        self.add_button.setEnabled(writable)
        for button in (self.rename_button, self.archive_button, self.delete_button):
            button.setEnabled(writable and selected)
        row = self.model.row_of(theme_id) if theme_id is not None else None
        self.up_button.setEnabled(writable and row is not None and row > 0)
        self.down_button.setEnabled(
            writable and row is not None and row < self.model.rowCount() - 1
        )
        theme = self.model.theme(row) if row is not None else None
        self.archive_button.setText(
            self.tr("Réactiver") if theme is not None and theme.archived else self.tr("Archiver")
        )

    def _run(self, work, keep: int | None) -> bool:
        try:
            result = work()
        except UserError as exc:
            show_user_error(self, exc, self.tr("Thèmes des actions"))
            return False
        self.changed = True
        self.model.reload()
        chosen = result if isinstance(result, int) and keep is None else keep
        if chosen is not None:
            self.select(chosen)
        self._update_buttons()
        return True

    def _ask_name(self, title: str, current: str = "") -> str | None:
        text, ok = QtWidgets.QInputDialog.getText(
            self, title, self.tr("Nom du thème :"), text=current
        )
        return text if ok else None

    def add(self) -> None:
        name = self._ask_name(self.tr("Nouveau thème"))
        if name is not None:
            self._run(lambda: themes.create(self._store, name), None)

    def rename(self) -> None:
        theme_id = self.selected_id()
        if theme_id is None or self._store.read_only:
            return
        name = self._ask_name(
            self.tr("Renommer le thème"), themes.get(self._store.db, theme_id).name
        )
        if name is not None:
            self._run(lambda: themes.rename(self._store, theme_id, name), theme_id)

    def toggle_archive(self) -> None:
        theme_id = self.selected_id()
        if theme_id is None:
            return
        archived = bool(themes.get(self._store.db, theme_id).archived)
        self._run(lambda: themes.archive(self._store, theme_id, not archived), theme_id)

    def delete(self) -> None:
        theme_id = self.selected_id()
        if theme_id is None:
            return
        name = themes.get(self._store.db, theme_id).name
        if confirm(
            self,
            self.tr("Supprimer le thème"),
            self.tr("Supprimer le thème « {name} » ?").format(name=name),
            self.tr("Supprimer"),
        ):
            self._run(lambda: themes.delete(self._store, theme_id), None)

    def move(self, offset: int) -> None:
        theme_id = self.selected_id()
        if theme_id is None:
            return
        ids = self.model.ids()
        row = ids.index(theme_id)
        target = row + offset
        if not 0 <= target < len(ids):
            return
        ids[row], ids[target] = ids[target], ids[row]
        self._run(lambda: themes.reorder(self._store, ids), theme_id)
