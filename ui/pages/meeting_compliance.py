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
        if failed:
            text = self.tr("Vérifications en échec : {n} sur {total}.").format(
                n=len(failed), total=len(checks)
            )
            self.summary.setStyleSheet(palette.panel_css(palette.BAD))
        else:
            text = self.tr("Aucune vérification en échec : la séance est régulière à ce jour.")
            self.summary.setStyleSheet(palette.panel_css(palette.GOOD))
        self.summary.setText(text)
        self.passing = not failed
        for column in (ComplianceTableModel.STATUS, ComplianceTableModel.CHECK):
            self.view.resizeColumnToContents(column)
        self.view.setColumnWidth(ComplianceTableModel.SOURCE, 220)
        self.view.resizeRowsToContents()
