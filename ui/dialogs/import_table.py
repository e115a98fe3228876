"""The member import's file shown as a table: each column under the field it is mapped to
(a list in its header), every cell correctable, every line that can be left out; the first lines,
then every line with a problem or a point to check."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ess_desk.exchange import members_import
from ess_desk.exchange.tabular import amended
from ess_desk.i18n import _
from ui import a11y, palette
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
        problems: Sequence[members_import.Problem],
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


class FilePreview(QtWidgets.QWidget):
    """`FilePreview(source)`: the table, its mapping and « Laisser la ligne de côté ».
    `changed` after a cell is corrected, a line left out or taken back, or a column mapped
    otherwise (the dialog checks the file again)."""

    changed = Signal()

    def __init__(self, source: members_import.SourceTable, parent: QtWidgets.QWidget | None = None):
        super().__init__(parent)
        self.busy = False
        self.preview_model = PreviewTableModel(source, self)
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
        self.preview_model.amended.connect(self.changed)
        self.preview.installEventFilter(self)
        self.preview.setAlternatingRowColors(True)
        self.preview.setWordWrap(False)
        self.preview.verticalHeader().setDefaultSectionSize(24)
        self.preview.horizontalScrollBar().valueChanged.connect(
            lambda _v: self.header.place_combos()
        )
        self.header.set_combos(self._combos(source))
        self.preview.resizeColumnsToContents()
        for index in range(len(source.headers)):
            width = self.preview.columnWidth(index)
            self.preview.setColumnWidth(index, min(max(width, 150), 320))
        self.leave_out_button = QtWidgets.QPushButton(self.tr("Laisser la ligne de côté"))
        self.leave_out_button.setObjectName("leave_out")
        self.leave_out_button.setToolTip(
            self.tr("La ligne choisie ne sera pas importée (Suppr) ; un second clic la reprend.")
        )
        self.leave_out_button.clicked.connect(self.toggle_left_out)
        self.preview.selectionModel().currentChanged.connect(lambda *_a: self.update_row_button())
        row_buttons = QtWidgets.QHBoxLayout()
        row_buttons.addWidget(self.leave_out_button)
        row_buttons.addStretch(1)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.preview, 1)
        layout.addLayout(row_buttons)

    def _combos(self, source: members_import.SourceTable) -> list[QtWidgets.QComboBox]:
        """A field chooser for each column, set to the field its title suggests."""
        guessed = members_import.guess_mapping(source.headers)
        combos = []
        for index in range(len(source.headers)):
            combo = QtWidgets.QComboBox()
            combo.addItem(self.tr("— ignorer —"), None)
            for key, text in members_import.FIELDS.items():
                combo.addItem(_(text), key)  # the field's name in the window's language
            combo.setCurrentIndex(max(0, combo.findData(guessed.get(index))))
            combo.setToolTip(
                self.tr("Champ d'ESS Desk pour la colonne « {header} »").format(
                    header=source.headers[index]
                )
            )
            a11y.name(combo, combo.toolTip())
            combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
            combos.append(combo)
        return combos

    def mapping(self) -> dict[int, str | None]:
        return {i: combo.currentData() for i, combo in enumerate(self.header.combos)}

    def set_mapping(self, column: int, field: str | None) -> None:
        """Map a file column to a field by hand (what choosing in its combo box does)."""
        combo = self.header.combos[column]
        combo.setCurrentIndex(max(0, combo.findData(field)))

    def set_busy(self, busy: bool) -> None:
        """Nothing changes while the file is checked or imported."""
        self.busy = busy
        for combo in self.header.combos:
            combo.setEnabled(not busy)
        self.update_row_button()

    def eventFilter(self, watched: QObject, event: QtCore.QEvent) -> bool:  # noqa: N802
        if (
            watched is self.preview
            and isinstance(event, QtGui.QKeyEvent)
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
        self.update_row_button()

    def correct(self, line: int, column: int, value: str) -> None:
        """Type `value` over a cell (what editing it in the table does)."""
        row = self.preview_model.shown_lines.index(line)
        self.preview_model.setData(self.preview_model.index(row, column), value)

    def update_row_button(self) -> None:
        line = self.current_line()
        self.leave_out_button.setEnabled(line is not None and not self.busy)
        self.leave_out_button.setText(
            self.tr("Reprendre la ligne")
            if line is not None and line in self.preview_model.left_out
            else self.tr("Laisser la ligne de côté")
        )

    def show_problems(
        self,
        problems: Sequence[members_import.Problem],
        warnings: Sequence[members_import.Problem] = (),
    ) -> None:
        """Mark the cells of `problems` and `warnings`; the cell chosen stays chosen."""
        current = self.preview.currentIndex()
        keep = (self.current_line(), current.column()) if current.isValid() else None
        self.preview_model.set_problems(problems, self.mapping(), warnings)
        if keep is not None and keep[0] in self.preview_model.shown_lines:
            row = self.preview_model.shown_lines.index(keep[0])
            self.preview.setCurrentIndex(self.preview_model.index(row, keep[1]))
        self.update_row_button()

    def go_to(self, problem: members_import.Problem) -> None:
        """The cell of `problem` chosen, with the focus: F2 or typing corrects it."""
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

    def amendments(self) -> str:
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
