"""The « Régularité » tab of a meeting: the compliance check, each check passing, failing or not
applicable, with its reason and the text it follows (ess_desk.meetings.compliance)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ess_desk.meetings import compliance
from ess_desk.store import Store
from ui import palette
from ui.qt import QModelIndex, QObject, Qt, QtCore, QtWidgets, Signal

_Index = QModelIndex | QtCore.QPersistentModelIndex


class ComplianceTableModel(QtCore.QAbstractTableModel):
    """The checks of one meeting: result, check, reason, source."""

    STATUS, CHECK, DETAIL, SOURCE = range(4)
    COLUMN_COUNT = 4
    CODE_ROLE = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._checks: list[compliance.Check] = []

    def set_checks(self, checks: list[compliance.Check]) -> None:
        self.beginResetModel()
        self._checks = list(checks)
        self.endResetModel()

    def checks(self) -> list[compliance.Check]:
        return list(self._checks)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._checks)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return [self.tr("Résultat"), self.tr("Vérification"), self.tr("Motif"), self.tr("Source")][
            section
        ]

    def status_text(self, status: str) -> str:
        return {
            compliance.OK: self.tr("✓ Conforme"),
            compliance.FAIL: self.tr("✗ En échec"),
            compliance.NA: self.tr("– Sans objet"),
        }[status]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._checks):
            return None
        check = self._checks[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return [self.status_text(check.status), check.title, check.detail, check.source][column]
        if role == self.CODE_ROLE:
            return check.code
        if role == Qt.ItemDataRole.ForegroundRole and column == self.STATUS:
            ink = {
                compliance.OK: palette.SUCCESS,
                compliance.FAIL: palette.ERROR,
                compliance.NA: palette.MUTED,
            }[check.status]
            return palette.color(ink)
        if role == Qt.ItemDataRole.BackgroundRole and check.status == compliance.FAIL:
            return palette.fill(palette.FILL_ERROR)
        return None


class ComplianceTab(QtWidgets.QWidget):
    """`ComplianceTab(store, meeting_id)`: the panel of checks, read again on `reload()`."""

    changed = Signal()

    def __init__(self, store: Store, meeting_id: int, parent: QtWidgets.QWidget | None = None):
        super().__init__(parent)
        self._store = store
        self.meeting_id = meeting_id
        self.summary = QtWidgets.QLabel()
        self.summary.setObjectName("compliance_summary")
        self.summary.setWordWrap(True)
        self.summary.setMargin(8)
        font = self.summary.font()
        font.setBold(True)
        self.summary.setFont(font)
        self.model = ComplianceTableModel(self)
        self.view = QtWidgets.QTableView()
        self.view.setObjectName("compliance")
        self.view.setModel(self.model)
        self.view.setAccessibleName(self.tr("Contrôle de régularité"))
        self.view.verticalHeader().setVisible(False)
        self.view.setWordWrap(True)
        self.view.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(
            ComplianceTableModel.DETAIL, QtWidgets.QHeaderView.ResizeMode.Stretch
        )
        # Each row as tall as its wrapped reason, whatever the width (the window, the scale).
        header.sectionResized.connect(lambda *_args: self.view.resizeRowsToContents())
        self.view.viewport().installEventFilter(self)
        explain = QtWidgets.QLabel(
            self.tr(
                "Chaque vérification suit le texte cité dans sa source : le jeu de règles de "
                "l'instance (décret n° 2006-672 pour une commission consultative, CGCT "
                "L. 2121-10 et suivants pour un organe délibérant) ou ses statuts."
            )
        )
        explain.setWordWrap(True)
        explain.setStyleSheet(palette.text_css(palette.MUTED))
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addWidget(explain)
        self.reload()

    @staticmethod
    def today() -> dt.date:
        """The day the checks are made (tests give their own)."""
        return dt.date.today()

    def reload(self) -> None:
        checks = compliance.check_meeting(self._store.db, self.meeting_id, self.today())
        self.model.set_checks(checks)
        failed = compliance.failing(checks)
        self.passing = not failed
        if failed:
            titles = self.tr(" ; ", "list separator").join(c.title for c in failed)
            text = self.tr("Vérifications en échec : {n} sur {total} — {titles}.").format(
                n=len(failed), total=len(checks), titles=titles
            )
            self.summary.setStyleSheet(palette.panel_css(palette.BAD))
        else:
            text = self.tr("Aucune vérification en échec : la séance est régulière à ce jour.")
            self.summary.setStyleSheet(palette.panel_css(palette.GOOD))
        self.summary.setText(text)
        self.fit_columns()
        if failed:
            # The first failing check selected and in view, its reason read out with the row.
            row = checks.index(failed[0])
            self.view.selectRow(row)
            self.view.scrollTo(self.model.index(row, ComplianceTableModel.DETAIL))

    def eventFilter(self, watched: QObject, event: QtCore.QEvent) -> bool:  # noqa: N802
        if event.type() == QtCore.QEvent.Type.Resize:
            self.fit_columns()
        return False

    def fit_columns(self) -> None:
        """The result as wide as its words; the check's title and the source at most a quarter
        and a fifth of the table (they wrap), the reason takes the rest."""
        view = self.view
        width = view.viewport().width()
        view.resizeColumnToContents(ComplianceTableModel.STATUS)
        for column, share in ((ComplianceTableModel.CHECK, 4), (ComplianceTableModel.SOURCE, 5)):
            wanted = view.sizeHintForColumn(column) + 12
            view.setColumnWidth(column, max(min(wanted, width // share), 80))
        view.resizeRowsToContents()
