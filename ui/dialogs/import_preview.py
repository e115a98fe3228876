"""The import preview: the file's columns mapped to fields, its problems, then the import itself."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ess_desk.errors import UserError
from ess_desk.exchange import members_import
from ess_desk.exchange.tabular import amended
from ess_desk.i18n import _
from ess_desk.membership import bodies
from ess_desk.store import Store
from ui import a11y, palette
from ui.dialogs.common import finish_dialog
from ui.qt import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QtCore,
    QtGui,
    QtWidgets,
    Signal,
)
from ui.widgets import HeaderedTableModel
from ui.workers import Operation

_Index = QModelIndex | QPersistentModelIndex

FIRST_ROWS = 100  # the preview shows the first rows, then every row that has a problem
MAX_PREVIEW_ROWS = 600


def _fold(text: str | None) -> str:
    return (text or "").strip().casefold()


class PreviewTableModel(QAbstractTableModel):
    """Some rows of the source file with the cells that have a problem highlighted. A cell can
    be corrected here (typed over) and a whole row left out: `amended` follows each change and
    `table()` gives the file as corrected (ess_desk.exchange.tabular.amended); the file itself
    never changes."""

    PROBLEM_BACKGROUND = palette.FILL_ERROR
    PROBLEM_FOREGROUND = palette.ERROR
    WARNING_BACKGROUND = palette.FILL_WARNING
    WARNING_FOREGROUND = palette.WARNING
    CORRECTED_BACKGROUND = palette.FILL_DONE
    amended = Signal()

    def __init__(self, source: members_import.SourceTable, parent: QObject | None = None):
        super().__init__(parent)
        self._source = source
        self._rows: list[tuple[int, list[str]]] = list(source.rows[:FIRST_ROWS])
        self._marks: dict[tuple[int, int], list[str]] = {}
        self._row_marks: dict[int, list[str]] = {}
        self._warnings: dict[tuple[int, int], list[str]] = {}  # to check, imported anyway
        self.corrections: dict[tuple[int, int], str] = {}
        self.left_out: set[int] = set()

    @property
    def shown_lines(self) -> list[int]:
        return [line for line, _values in self._rows]

    def table(self) -> members_import.SourceTable:
        """The file as the secretary corrected it: what is checked and imported."""
        return amended(self._source, self.corrections, self.left_out)

    def line(self, row: int) -> int:
        return self._rows[row][0]

    def set_left_out(self, lines: set[int], left_out: bool) -> None:
        for line in lines:
            if left_out:
                self.left_out.add(line)
            else:
                self.left_out.discard(line)
        if lines:
            self.dataChanged.emit(
                self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1)
            )
            self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, self.rowCount() - 1)
            self.amended.emit()

    def set_problems(
        self,
        problems: list[members_import.Problem],
        mapping: dict[int, str | None],
        warnings: Sequence[members_import.Problem] = (),
    ) -> None:
        """Mark the cells a problem or a warning names (by the file's header or the field's
        label)."""
        self.beginResetModel()
        headers = self._source.headers
        names: dict[str, list[int]] = {}
        for index, header in enumerate(headers):
            names.setdefault(_fold(header), []).append(index)
            key = mapping.get(index)
            if key:
                names.setdefault(_fold(key), []).append(index)
                names.setdefault(_fold(members_import.FIELDS.get(key, key)), []).append(index)
        self._marks, self._row_marks, self._warnings = {}, {}, {}
        # Lines worked on stay in view (a row left out can be taken back).
        wanted: set[int] = set(self.left_out) | {line for line, _c in self.corrections}
        for problem in problems:
            if problem.line is None:
                continue
            wanted.add(problem.line)
            columns = names.get(_fold(problem.column), []) if problem.column else []
            if columns:
                for column in dict.fromkeys(columns):
                    self._marks.setdefault((problem.line, column), []).append(problem.message)
            else:
                self._row_marks.setdefault(problem.line, []).append(problem.message)
        for warning in warnings:
            columns = names.get(_fold(warning.column), []) if warning.column else []
            if warning.line is not None and columns:
                wanted.add(warning.line)
                for column in dict.fromkeys(columns):
                    self._warnings.setdefault((warning.line, column), []).append(warning.message)
        rows = list(self._source.rows[:FIRST_ROWS])
        shown = {line for line, _v in rows}
        for line, values in self._source.rows[FIRST_ROWS:]:
            if len(rows) >= MAX_PREVIEW_ROWS:
                break
            if line in wanted and line not in shown:
                rows.append((line, values))
        self._rows = rows
        self.endResetModel()

    def is_marked(self, line: int, column: int) -> bool:
        return (
            (line, column) in self._marks
            or line in self._row_marks
            or (line, column) in self._warnings
        )

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._source.headers)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and self.line(index.row()) not in self.left_out:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        line, values = self._rows[index.row()]
        column = index.column()
        original = values[column] if column < len(values) else ""
        corrected = self.corrections.get((line, column))
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return original if corrected is None else corrected
        if line in self.left_out:
            if role == Qt.ItemDataRole.ForegroundRole:
                return palette.color(palette.MUTED)
            if role == Qt.ItemDataRole.FontRole:
                font = QtGui.QFont()
                font.setStrikeOut(True)
                return font
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.tr("Ligne laissée de côté : elle ne sera pas importée.")
            return None
        messages = self._marks.get((line, column)) or self._row_marks.get(line)
        if role == Qt.ItemDataRole.ToolTipRole:
            if corrected is not None:
                text = self.tr("Corrigé ici (dans le fichier : « {value} »)").format(value=original)
                return "\n".join([text, *(messages or [])])
            return "\n".join(messages) if messages else None
        if messages and role == Qt.ItemDataRole.BackgroundRole:
            return palette.color(self.PROBLEM_BACKGROUND)
        if messages and role == Qt.ItemDataRole.ForegroundRole:
            return palette.color(self.PROBLEM_FOREGROUND)
        if corrected is not None and role == Qt.ItemDataRole.BackgroundRole:
            return palette.color(self.CORRECTED_BACKGROUND)
        warnings = self._warnings.get((line, column))
        if warnings and role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(warnings)
        if warnings and role == Qt.ItemDataRole.BackgroundRole:
            return palette.color(self.WARNING_BACKGROUND)
        if warnings and role == Qt.ItemDataRole.ForegroundRole:
            return palette.color(self.WARNING_FOREGROUND)
        return None

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.flags() & Qt.ItemFlag.ItemIsEditable:
            return False
        line, values = self._rows[index.row()]
        column = index.column()
        text = str(value or "").strip()
        original = values[column] if column < len(values) else ""
        if text == original:
            self.corrections.pop((line, column), None)
        else:
            self.corrections[(line, column)] = text
        self.dataChanged.emit(index, index)
        self.amended.emit()
        return True

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(self._source.headers):
                return self._source.headers[section] or self.tr("(colonne {n})").format(
                    n=section + 1
                )
            return None
        if 0 <= section < len(self._rows):
            line = self._rows[section][0]
            if line in self.left_out:
                return self.tr("Ligne {n} (de côté)").format(n=line)
            return self.tr("Ligne {n}").format(n=line)
        return None


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


class MappingHeader(QtWidgets.QHeaderView):
    """A horizontal header with, under each column's title, a combo box choosing its field."""

    COMBO_MARGIN = 3

    def __init__(self, parent: QtWidgets.QWidget | None = None):
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.combos: list[QtWidgets.QComboBox] = []
        self.setDefaultAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.setSectionsClickable(False)
        self.setHighlightSections(False)
        self.sectionResized.connect(lambda *_a: self.place_combos())

    def set_combos(self, combos: list[QtWidgets.QComboBox]) -> None:
        for combo in self.combos:
            combo.deleteLater()
        self.combos = combos
        for combo in combos:
            combo.setParent(self)
            combo.show()
        self.updateGeometry()
        self.place_combos()

    def _combo_height(self) -> int:
        return max((c.sizeHint().height() for c in self.combos), default=0)

    def sizeHint(self):  # noqa: ANN201 - QSize
        hint = super().sizeHint()
        text_height = self.fontMetrics().height() + 8
        hint.setHeight(text_height + self._combo_height() + 2 * self.COMBO_MARGIN)
        return hint

    def sectionSizeFromContents(self, logical_index: int):  # noqa: ANN201 - QSize
        size = super().sectionSizeFromContents(logical_index)
        if 0 <= logical_index < len(self.combos):
            size.setWidth(max(size.width(), self.combos[logical_index].sizeHint().width() + 8))
        return size

    def updateGeometries(self) -> None:
        super().updateGeometries()
        self.place_combos()

    def place_combos(self) -> None:
        height = self._combo_height()
        top = self.height() - height - self.COMBO_MARGIN
        for index, combo in enumerate(self.combos):
            x = self.sectionViewportPosition(index)
            width = self.sectionSize(index)
            combo.setGeometry(x + 2, top, max(0, width - 4), height)


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
        try:
            self.source = members_import.read_table(self.path)
        except UserError as error:
            self.load_error = error
            self.source = None
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
            self.tr(
                "<b>Fichier :</b> {name} — {rows} ligne(s) de données, {cols} colonne(s)"
            ).format(name=self.path.name, rows=len(self.source.rows), cols=len(self.source.headers))
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

        self.preview_model = PreviewTableModel(self.source, self)
        self.preview = QtWidgets.QTableView()
        a11y.name(self.preview, self.tr("Aperçu du fichier"))
        self.header = MappingHeader(self.preview)
        self.preview.setHorizontalHeader(self.header)
        self.preview.setModel(self.preview_model)
        self.preview.setEditTriggers(
            QtWidgets.QAbstractItemView.EditTrigger.DoubleClicked
            | QtWidgets.QAbstractItemView.EditTrigger.EditKeyPressed
            | QtWidgets.QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.preview_model.amended.connect(self.replan)
        self.preview.installEventFilter(self)
        self.preview.setAlternatingRowColors(True)
        self.preview.setWordWrap(False)
        self.preview.verticalHeader().setDefaultSectionSize(24)
        self.preview.horizontalScrollBar().valueChanged.connect(
            lambda _v: self.header.place_combos()
        )
        guessed = members_import.guess_mapping(self.source.headers)
        combos = []
        for index in range(len(self.source.headers)):
            combo = QtWidgets.QComboBox()
            combo.addItem(self.tr("— ignorer —"), None)
            for key, text in members_import.FIELDS.items():
                combo.addItem(_(text), key)  # the field's name in the window's language
            combo.setCurrentIndex(max(0, combo.findData(guessed.get(index))))
            combo.setToolTip(
                self.tr("Champ d'ESS Desk pour la colonne « {header} »").format(
                    header=self.source.headers[index]
                )
            )
            a11y.name(combo, combo.toolTip())
            combo.currentIndexChanged.connect(lambda _i: self.replan())
            combos.append(combo)
        self.header.set_combos(combos)
        self.preview.resizeColumnsToContents()
        for index in range(len(combos)):
            width = self.preview.columnWidth(index)
            self.preview.setColumnWidth(index, min(max(width, 150), 320))

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

        self.leave_out_button = QtWidgets.QPushButton(self.tr("Laisser la ligne de côté"))
        self.leave_out_button.setObjectName("leave_out")
        self.leave_out_button.setToolTip(
            self.tr("La ligne choisie ne sera pas importée (Suppr) ; un second clic la reprend.")
        )
        self.leave_out_button.clicked.connect(self.toggle_left_out)
        self.preview.selectionModel().currentChanged.connect(lambda *_a: self._update_row_button())
        row_buttons = QtWidgets.QHBoxLayout()
        row_buttons.addWidget(self.leave_out_button)
        row_buttons.addStretch(1)

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
        upper = QtWidgets.QWidget()
        upper_layout = QtWidgets.QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addWidget(self.preview, 1)
        upper_layout.addLayout(row_buttons)
        splitter = QtWidgets.QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(upper)
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
        return {i: combo.currentData() for i, combo in enumerate(self.header.combos)}

    def set_mapping(self, column: int, field: str | None) -> None:
        """Map a file column to a field by hand (what choosing in its combo box does)."""
        combo = self.header.combos[column]
        combo.setCurrentIndex(max(0, combo.findData(field)))

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
        for combo in self.header.combos:
            combo.setEnabled(not busy)
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
            and event.type() == QtCore.QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            # Entrée goes to the problem's cell (never to the dialog's buttons).
            if self.problems.currentIndex().isValid():
                self._show_problem(self.problems.currentIndex())
            return True
        if (
            watched is getattr(self, "preview", None)
            and event.type() == QtCore.QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Delete
            and self.preview.state() != QtWidgets.QAbstractItemView.State.EditingState
        ):
            self.toggle_left_out()
            return True
        return super().eventFilter(watched, event)

    def current_line(self) -> int | None:
        index = self.preview.currentIndex()
        return self.preview_model.line(index.row()) if index.isValid() else None

    def toggle_left_out(self) -> None:
        """Leave the current row out of the import, or take it back."""
        line = self.current_line()
        if line is None or self.busy:
            return
        self.preview_model.set_left_out({line}, line not in self.preview_model.left_out)
        self._update_row_button()

    def correct(self, line: int, column: int, value: str) -> None:
        """Type `value` over a cell (what editing it in the table does)."""
        row = self.preview_model.shown_lines.index(line)
        self.preview_model.setData(self.preview_model.index(row, column), value)

    def _update_row_button(self) -> None:
        line = self.current_line()
        self.leave_out_button.setEnabled(line is not None and not self.busy)
        self.leave_out_button.setText(
            self.tr("Reprendre la ligne")
            if line is not None and line in self.preview_model.left_out
            else self.tr("Laisser la ligne de côté")
        )

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
        db, source = self._store.db, self.preview_model.table()
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
        current = self.preview.currentIndex()
        keep = (self.current_line(), current.column()) if current.isValid() else None
        self.problems_model.set_problems(plan.problems, plan.warnings)
        self.preview_model.set_problems(plan.problems, self.mapping(), plan.warnings)
        if keep is not None and keep[0] in self.preview_model.shown_lines:
            row = self.preview_model.shown_lines.index(keep[0])
            self.preview.setCurrentIndex(self.preview_model.index(row, keep[1]))
        self._update_row_button()
        self.problems.resizeColumnToContents(ProblemsTableModel.COLUMN)
        if plan.problems:
            self.status.setText(
                self.tr(
                    "{count} problème(s) à corriger dans le fichier (ou dans la correspondance "
                    "des colonnes) : rien ne sera importé tant qu'il en reste."
                ).format(count=len(plan.problems))
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
        worked = self._amendments()
        if worked:
            self.summary.setText(self.summary.text() + "\n" + worked)
        self.problems.setVisible(bool(plan.problems or plan.warnings))
        a11y.announce(self.status, self.status.text())

    def _amendments(self) -> str:
        """« Corrigé ici : 1 cellule · laissé de côté : ligne 3 » (the file is unchanged)."""
        parts = []
        if self.preview_model.corrections:
            parts.append(
                self.tr("Cellules corrigées ici : {n}").format(
                    n=len(self.preview_model.corrections)
                )
            )
        if self.preview_model.left_out:
            lines = ", ".join(str(n) for n in sorted(self.preview_model.left_out))
            parts.append(self.tr("Lignes laissées de côté : {lines}").format(lines=lines))
        return " · ".join(parts)

    def _show_problem(self, index: QModelIndex) -> None:
        problem = self.problems_model.problem(index.row())
        if problem.line is None or problem.line not in self.preview_model.shown_lines:
            return
        row = self.preview_model.shown_lines.index(problem.line)
        column = 0
        for c in range(self.preview_model.columnCount()):
            if self.preview_model.is_marked(problem.line, c):
                column = c
                break
        target = self.preview_model.index(row, column)
        self.preview.scrollTo(target)
        self.preview.setCurrentIndex(target)
        self.preview.setFocus()  # F2 or typing corrects it, Suppr leaves the row out

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
            self.preview_model.set_problems(problems, self.mapping())
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
