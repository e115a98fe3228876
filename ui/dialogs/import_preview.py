"""The import preview: the file's columns mapped to fields, its problems, then the import itself."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ess_desk.errors import UserError
from ess_desk.exchange import members_import
from ess_desk.membership import bodies
from ess_desk.store import Store
from ui import a11y, palette
from ui.dialogs.common import finish_dialog
from ui.dialogs.import_table import FilePreview
from ui.qt import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QtCore,
    QtGui,
    QtWidgets,
)
from ui.widgets import HeaderedTableModel
from ui.workers import Operation

_Index = QModelIndex | QPersistentModelIndex


class ProblemsTableModel(HeaderedTableModel):
    """The problems of a planned import (line, column, reason), then its warnings: points to
    check that do not stop the import (« À vérifier : … »)."""

    LINE, COLUMN, MESSAGE = range(3)
    COLUMN_COUNT = 3

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._problems: list[members_import.Problem] = []
        self._first_warning = 0

    def set_problems(
        self,
        problems: list[members_import.Problem],
        warnings: Sequence[members_import.Problem] = (),
    ) -> None:
        self.beginResetModel()
        self._problems = [*problems, *warnings]
        self._first_warning = len(problems)
        self.endResetModel()

    def is_warning(self, row: int) -> bool:
        return row >= self._first_warning

    def problem(self, row: int) -> members_import.Problem:
        return self._problems[row]

    def headers(self) -> list[str]:
        return [self.tr("Ligne"), self.tr("Colonne"), self.tr("Problème")]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._problems)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._problems):
            return None
        problem = self._problems[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if index.column() == self.LINE:
                return "" if problem.line is None else str(problem.line)
            if index.column() == self.COLUMN:
                return problem.column or ""
            if index.column() == self.MESSAGE:
                if self.is_warning(index.row()):
                    return self.tr("À vérifier : {message}").format(message=problem.message)
                return problem.message
        if role == Qt.ItemDataRole.ForegroundRole and self.is_warning(index.row()):
            return palette.color(palette.WARNING)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == self.LINE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class ImportPreviewDialog(QtWidgets.QDialog):
    """`ImportPreviewDialog(store, path, parent=None)`: `exec()` returns Accepted once imported.

    A file that cannot be read is said in one message naming it, and `exec()` then returns
    Rejected without showing the preview. `ImportPreviewDialog.open_file` raises the UserError
    instead, for callers that prefer to show it themselves.
    """

    def __init__(self, store: Store, path: Path, parent: QtWidgets.QWidget | None = None):
        super().__init__(parent)
        self._store = store
        self.path = Path(path)
        self.plan: members_import.ImportPlan | None = None
        self.import_result: Any = None
        self.load_error: UserError | None = None
        self._planning = False
        self._replan_wanted = False
        self._importing = False
        self.setWindowTitle(self.tr("Importer des membres — {name}").format(name=self.path.name))
        self.resize(1100, 720)
        self.source: members_import.SourceTable | None = None
        try:
            self.source = members_import.read_table(self.path)
        except UserError as error:
            self.load_error = error
            return
        self._build()
        self.replan()

    @classmethod
    def open_file(
        cls, store: Store, path: Path, parent: QtWidgets.QWidget | None = None
    ) -> ImportPreviewDialog:
        dialog = cls(store, path, parent)
        if dialog.load_error is not None:
            error = dialog.load_error
            dialog.deleteLater()
            raise error
        return dialog

    # -- layout ------------------------------------------------------------------------------
    def _build(self) -> None:
        assert self.source is not None
        file_label = QtWidgets.QLabel(
            self.tr("<b>Fichier :</b> {name} — {rows}, {cols}").format(
                name=self.path.name,
                rows=self.tr("%n lignes de données", "", len(self.source.rows)),
                cols=self.tr("%n colonnes", "", len(self.source.headers)),
            )
        )
        file_label.setToolTip(str(self.path))
        explain = QtWidgets.QLabel(
            self.tr(
                "Vérifiez à quel champ correspond chaque colonne du fichier (liste sous chaque "
                "titre). Une cellule se corrige ici (double-clic, F2 ou en tapant), une ligne se "
                "laisse de côté (Suppr) ; tout est vérifié de nouveau aussitôt. Rien n'est écrit "
                "tant que vous n'avez pas cliqué sur « Importer », et le fichier reste tel quel."
            )
        )
        explain.setWordWrap(True)

        self.body = QtWidgets.QComboBox()
        self.body.addItem(self.tr("— choisir —"), None)
        for body in bodies.list_bodies(self._store.db):
            self.body.addItem(body.name, body.name)
        plenary = bodies.plenary_body(self._store.db)
        if plenary is not None:
            self.body.setCurrentIndex(
                max(0, self.body.findData(bodies.get_body(self._store.db, plenary).name))
            )
        self.body.currentIndexChanged.connect(lambda _i: self.replan())
        body_row = QtWidgets.QHBoxLayout()
        body_row.addWidget(
            a11y.labelled(self.tr("&Instance des lignes sans colonne Instance :"), self.body)
        )
        body_row.addWidget(self.body)
        body_row.addStretch(1)

        self.table = FilePreview(self.source)
        self.table.changed.connect(self.replan)

        self.problems_model = ProblemsTableModel(self)
        self.problems = QtWidgets.QTableView()
        a11y.name(self.problems, self.tr("Problèmes trouvés"))
        self.problems.setModel(self.problems_model)
        self.problems.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.problems.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
        self.problems.verticalHeader().setVisible(False)
        self.problems.verticalHeader().setDefaultSectionSize(22)
        self.problems.setColumnWidth(ProblemsTableModel.LINE, 60)
        self.problems.setColumnWidth(ProblemsTableModel.COLUMN, 170)
        self.problems.horizontalHeader().setStretchLastSection(True)
        self.problems.horizontalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        )
        self.problems.clicked.connect(self._show_problem)
        self.problems.installEventFilter(self)  # Entrée: to the problem's cell

        self.status = QtWidgets.QLabel()
        self.status.setObjectName("import_status")
        self.status.setWordWrap(True)
        self.summary = QtWidgets.QLabel()
        self.summary.setObjectName("import_summary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.buttons = QtWidgets.QDialogButtonBox()
        self.import_button = self.buttons.addButton(
            self.tr("Importer"), QtWidgets.QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button = self.buttons.addButton(
            self.tr("Annuler"), QtWidgets.QDialogButtonBox.ButtonRole.RejectRole
        )
        self.import_button.setEnabled(False)
        self.buttons.accepted.connect(self.start_import)
        self.buttons.rejected.connect(self.reject)

        lower = QtWidgets.QWidget()
        lower_layout = QtWidgets.QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.status)
        lower_layout.addWidget(self.problems, 1)
        lower_layout.addWidget(self.summary)
        splitter = QtWidgets.QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(file_label)
        layout.addWidget(explain)
        layout.addLayout(body_row)
        layout.addWidget(splitter, 1)
        if self._store.read_only:
            notice = QtWidgets.QLabel(self._store.read_only_message())
            notice.setWordWrap(True)
            notice.setStyleSheet(palette.text_css(palette.ERROR))
            layout.addWidget(notice)
        layout.addWidget(self.buttons)
        finish_dialog(self)

    # -- state -------------------------------------------------------------------------------
    def mapping(self) -> dict[int, str | None]:
        return self.table.mapping()

    def set_mapping(self, column: int, field: str | None) -> None:
        """Map a file column to a field by hand (what choosing in its combo box does)."""
        self.table.set_mapping(column, field)

    def body_name(self) -> str | None:
        return self.body.currentData()

    @property
    def busy(self) -> bool:
        return self._planning or self._importing

    def exec(self) -> int:
        if self.load_error is not None:
            self._say_unreadable()
            return int(QtWidgets.QDialog.DialogCode.Rejected)
        return super().exec()

    def _say_unreadable(self) -> None:
        assert self.load_error is not None
        QtWidgets.QMessageBox.warning(
            self.parentWidget(),
            self.tr("Import impossible"),
            self.tr("Le fichier {name} ne peut pas être lu.\n\n{reason}").format(
                name=self.path.name, reason=self.load_error.message
            ),
        )

    def _set_busy_controls(self) -> None:
        busy = self.busy
        self.table.set_busy(busy)
        self.body.setEnabled(not busy)
        can_import = (
            not busy
            and self.plan is not None
            and not self.plan.problems
            and not self._store.read_only
        )
        self.import_button.setEnabled(can_import)
        self.cancel_button.setEnabled(not self._importing)

    # -- corrections -------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QtCore.QEvent) -> bool:  # noqa: N802
        if (
            watched is getattr(self, "problems", None)
            and isinstance(event, QtGui.QKeyEvent)
            and event.type() == QtCore.QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            # Entrée goes to the problem's cell (never to the dialog's buttons).
            if self.problems.currentIndex().isValid():
                self._show_problem(self.problems.currentIndex())
            return True
        return super().eventFilter(watched, event)

    # -- planning (off the GUI thread) -------------------------------------------------------
    def replan(self) -> None:
        """Check the whole file again with the current mapping; nothing is written."""
        if self._planning:
            self._replan_wanted = True
            return
        self._planning = True
        self._replan_wanted = False
        self.plan = None
        self.status.setText(self.tr("Vérification du fichier en cours…"))
        self._set_busy_controls()
        db, source = self._store.db, self.table.preview_model.table()
        mapping, body_name = self.mapping(), self.body_name()

        def work(_progress: Any) -> members_import.ImportPlan:
            return members_import.plan_import(db, source, body_name=body_name, mapping=mapping)

        Operation(self, work).success(self._planned).failure(self._plan_failed).run_with_progress(
            self.tr("Vérification de {name}…").format(name=self.path.name)
        )

    def _planned(self, plan: members_import.ImportPlan) -> None:
        self._planning = False
        if self._replan_wanted:
            self.replan()
            return
        self.plan = plan
        self._show_plan(plan)
        self._set_busy_controls()

    def _plan_failed(self, error: Exception) -> None:
        self._planning = False
        if self._replan_wanted:
            self.replan()
            return
        self.plan = None
        problems = getattr(error, "problems", None) or []
        message = error.message if isinstance(error, UserError) else str(error)
        self.problems_model.set_problems(problems)
        self.status.setText(
            self.tr("Le fichier ne peut pas être vérifié : {reason}").format(reason=message)
        )
        self.status.setStyleSheet(palette.text_css(palette.ERROR, bold=True))
        self.summary.clear()
        self._set_busy_controls()

    def _show_plan(self, plan: members_import.ImportPlan) -> None:
        self.problems_model.set_problems(plan.problems, plan.warnings)
        self.table.show_problems(plan.problems, plan.warnings)
        self.problems.resizeColumnToContents(ProblemsTableModel.COLUMN)
        if plan.problems:
            self.status.setText(
                self.tr(
                    "%n problèmes à corriger dans le fichier (ou dans la correspondance "
                    "des colonnes) : rien ne sera importé tant qu'il en reste.",
                    "",
                    len(plan.problems),
                )
            )
            self.status.setStyleSheet(palette.text_css(palette.ERROR, bold=True))
            self.summary.setText(self.tr("Si ces problèmes étaient corrigés : ") + plan.summary())
        elif plan.warnings:
            if len(plan.warnings) == 1:
                text = self.tr(
                    "Aucun problème : le fichier peut être importé. Un point à vérifier "
                    "ci-dessous (il n'empêche pas l'import)."
                )
            else:
                text = self.tr(
                    "Aucun problème : le fichier peut être importé. {count} points à vérifier "
                    "ci-dessous (ils n'empêchent pas l'import)."
                ).format(count=len(plan.warnings))
            self.status.setText(text)
            self.status.setStyleSheet(palette.text_css(palette.WARNING, bold=True))
            self.summary.setText(plan.summary())
        else:
            self.status.setText(self.tr("Aucun problème : le fichier peut être importé."))
            self.status.setStyleSheet(palette.text_css(palette.SUCCESS, bold=True))
            self.summary.setText(plan.summary())
        worked = self.table.amendments()
        if worked:
            self.summary.setText(self.summary.text() + "\n" + worked)
        self.problems.setVisible(bool(plan.problems or plan.warnings))
        a11y.announce(self.status, self.status.text())

    def _show_problem(self, index: QModelIndex) -> None:
        self.table.go_to(self.problems_model.problem(index.row()))

    # -- importing (off the GUI thread) ------------------------------------------------------
    def start_import(self) -> None:
        plan = self.plan
        if plan is None or plan.problems or self._store.read_only or self.busy:
            return
        self._importing = True
        self._set_busy_controls()
        self.status.setText(self.tr("Import en cours…"))
        store = self._store

        def work(progress: Any) -> Any:
            return members_import.apply_import(store, plan, progress=progress)

        Operation(self, work).success(self._imported).failure(
            self._import_failed
        ).run_with_progress(self.tr("Import de {name}…").format(name=self.path.name))

    def _imported(self, result: Any) -> None:
        self._importing = False
        self.import_result = result
        self.accept()

    def _import_failed(self, error: Exception) -> None:
        self._importing = False
        if not isinstance(error, UserError):
            error = UserError(
                self.tr("L'import a échoué, rien n'a été écrit : {reason}").format(reason=error)
            )
        problems = list(error.problems)
        self.status.setText(error.message)
        self.status.setStyleSheet(palette.text_css(palette.ERROR, bold=True))
        if problems:
            self.problems_model.set_problems(problems)
            self.table.show_problems(problems)
            self.problems.setVisible(True)
        self.plan = None
        self._set_busy_controls()
        self.import_button.setEnabled(False)

    def reject(self) -> None:
        if self._importing:
            return  # the transaction must finish (or roll back) before the dialog goes
        super().reject()

    def done(self, result: int) -> None:
        if self._importing and result != int(QtWidgets.QDialog.DialogCode.Accepted):
            return
        super().done(result)
