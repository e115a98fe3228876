"""The Instances page: the bodies as a tree, a body's rules, its colleges and its roster at a date."""

from __future__ import annotations

import datetime as dt

from ess_desk.membership import bodies
from ess_desk.membership.vocabulary import (
    BODY_KINDS,
    label,
)
from ess_desk.store import Store
from ui import a11y, palette
from ui.datefields import DateField
from ui.dialogs.body import BodyDialog
from ui.dialogs.college import CollegeDialog
from ui.dialogs.mandate import EndMandateDialog, MandateDialog
from ui.fitting import SideBySide, WrappingLabel, flow_row, pair
from ui.models_bodies import BODY_ID_ROLE, CollegesTableModel, RosterTableModel, bodies_tree
from ui.pages.body_rules import BodyRulesBox
from ui.qt import Qt, QtGui, QtWidgets
from ui.widgets import make_table


class BodiesPage(QtWidgets.QWidget):
    """`BodiesPage(store, parent=None)`; `reload()` after anything changed the database."""

    def __init__(self, store: Store, parent: QtWidgets.QWidget | None = None):
        super().__init__(parent)
        self._store = store
        writable = not store.read_only

        # Left: the bodies tree.
        self.tree = QtWidgets.QTreeView()
        a11y.name(self.tree, self.tr("Instances"))
        self.tree.setHeaderHidden(True)
        self.tree.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setMinimumWidth(160)
        self.new_body_button = QtWidgets.QPushButton(self.tr("Nouvelle instance"))
        self.edit_body_button = QtWidgets.QPushButton(self.tr("Modifier"))
        self.new_body_button.clicked.connect(self.new_body)
        self.edit_body_button.clicked.connect(self.edit_body)
        left = QtWidgets.QWidget()
        left_layout = QtWidgets.QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        title = QtWidgets.QLabel(self.tr("Instances"))
        title.setStyleSheet("font-weight: bold;")
        left_layout.addWidget(title)
        left_layout.addWidget(self.tree, 1)
        buttons = QtWidgets.QHBoxLayout()
        buttons.addWidget(self.new_body_button)
        buttons.addWidget(self.edit_body_button)
        left_layout.addLayout(buttons)

        # Right: the selected body.
        self.body_title = QtWidgets.QLabel()
        self.body_title.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.body_kind = QtWidgets.QLabel()
        self.body_kind.setStyleSheet(palette.text_css(palette.MUTED))

        self.rules = BodyRulesBox()
        self.rules.edit_rules_button.clicked.connect(self.edit_body)

        self.colleges_model = CollegesTableModel(store.db, self)
        self.colleges_view = make_table(
            self.colleges_model, row_height=24, stretch=CollegesTableModel.NAME
        )
        a11y.name(self.colleges_view, self.tr("Collèges"))
        for column, width in [(1, 90), (2, 110), (3, 80), (4, 80)]:
            self.colleges_view.setColumnWidth(column, width)
        self.colleges_view.doubleClicked.connect(lambda _i: self.edit_college())
        self.add_college_button = QtWidgets.QPushButton(self.tr("Ajouter un collège"))
        self.edit_college_button = QtWidgets.QPushButton(self.tr("Modifier le collège"))
        self.add_college_button.clicked.connect(self.add_college)
        self.edit_college_button.clicked.connect(self.edit_college)
        self.colleges_group = QtWidgets.QGroupBox(self.tr("Collèges"))
        colleges_layout = QtWidgets.QVBoxLayout(self.colleges_group)
        colleges_layout.addWidget(self.colleges_view)
        colleges_layout.addWidget(flow_row(self.add_college_button, self.edit_college_button))

        # Rules and colleges side by side; one above the other on a narrow screen.
        top = SideBySide(below=620)
        top.setObjectName("rules_and_colleges")
        top.add(self.rules, 3)
        top.add(self.colleges_group, 2)

        self.date = DateField(dt.date.today())
        self.date.value_changed.connect(lambda _d: self._load_body())
        self.today_button = QtWidgets.QPushButton(self.tr("Aujourd'hui"))
        self.today_button.clicked.connect(lambda: self.date.enter(dt.date.today()))
        self.seats_summary = WrappingLabel()
        self.seats_summary.setObjectName("seats_summary")
        self.seats_summary.setTextFormat(Qt.TextFormat.RichText)

        # Not sortable: each paired substitute stays right under the member they replace.
        self.roster_model = RosterTableModel(store.db, self)
        self.roster_view = make_table(
            self.roster_model, row_height=24, stretch=RosterTableModel.PAIRING
        )
        a11y.name(self.roster_view, self.tr("Composition"))
        self.roster_view.doubleClicked.connect(lambda _i: self.edit_mandate())
        self.roster_view.selectionModel().selectionChanged.connect(
            lambda *_a: self._update_buttons()
        )
        self.new_mandate_button = QtWidgets.QPushButton(self.tr("Nouveau mandat"))
        self.edit_mandate_button = QtWidgets.QPushButton(self.tr("Modifier le mandat"))
        self.end_mandate_button = QtWidgets.QPushButton(self.tr("Terminer le mandat"))
        self.new_mandate_button.clicked.connect(self.new_mandate)
        self.edit_mandate_button.clicked.connect(self.edit_mandate)
        self.end_mandate_button.clicked.connect(self.end_mandate)

        self.roster_group = QtWidgets.QGroupBox(self.tr("Composition"))
        roster_layout = QtWidgets.QVBoxLayout(self.roster_group)
        # One row when there is room, wrapped onto two on a narrow screen.
        roster_layout.addWidget(
            flow_row(
                pair(a11y.labelled(self.tr("Composition au"), self.date), self.date),
                self.today_button,
                self.date.error_label,
                self.new_mandate_button,
                self.edit_mandate_button,
                self.end_mandate_button,
            )
        )
        roster_layout.addWidget(self.seats_summary)
        roster_layout.addWidget(self.roster_view, 1)

        right = QtWidgets.QWidget()
        right_layout = QtWidgets.QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        heading = QtWidgets.QHBoxLayout()
        heading.addWidget(self.body_title)
        heading.addWidget(self.body_kind)
        heading.addStretch(1)
        right_layout.addLayout(heading)
        right_layout.addWidget(top)
        right_layout.addWidget(self.roster_group, 1)

        self.splitter = QtWidgets.QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("bodies_splitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([220, 1000])
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.splitter)

        for button in (
            self.new_body_button,
            self.edit_body_button,
            self.rules.edit_rules_button,
            self.add_college_button,
            self.edit_college_button,
            self.new_mandate_button,
            self.edit_mandate_button,
            self.end_mandate_button,
        ):
            button.setProperty("edits", True)
            if not writable:
                button.setToolTip(store.read_only_message())

        self.tree_model: QtGui.QStandardItemModel | None = None
        self.reload()

    # -- state -------------------------------------------------------------------------------
    @property
    def at(self) -> dt.date:
        return self.date.value() or dt.date.today()

    def set_date(self, day: dt.date) -> None:
        self.date.enter(day)

    def current_body_id(self) -> int | None:
        index = self.tree.currentIndex()
        return index.data(BODY_ID_ROLE) if index.isValid() else None

    def select_body(self, body_id: int) -> None:
        if self.tree_model is None:
            return
        found = self.tree_model.match(
            self.tree_model.index(0, 0),
            BODY_ID_ROLE,
            body_id,
            1,
            Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive,
        )
        if found:
            self.tree.setCurrentIndex(found[0])

    def current_mandate_id(self) -> int | None:
        rows = self.roster_view.selectionModel().selectedRows()
        if not rows:
            return None
        return rows[0].data(RosterTableModel.MANDATE_ID_ROLE)

    def current_college_id(self) -> int | None:
        rows = self.colleges_view.selectionModel().selectedRows()
        if not rows:
            return None
        return rows[0].data(CollegesTableModel.COLLEGE_ID_ROLE)

    def reload(self) -> None:
        """Read everything again, keeping the selected body when it still exists."""
        keep = self.current_body_id()
        old = self.tree_model
        self.tree_model = bodies_tree(self._store.db, self)
        self.tree.setModel(self.tree_model)
        if old is not None:
            old.deleteLater()
        self.tree.expandAll()
        if keep is not None:
            self.select_body(keep)
        if not self.tree.currentIndex().isValid() and self.tree_model.rowCount() > 0:
            self.tree.setCurrentIndex(self.tree_model.index(0, 0))
        # Connected once the body is chosen: its roster is read once, here.
        self.tree.selectionModel().currentChanged.connect(lambda _c, _p: self._load_body())
        self._load_body()

    def _load_body(self) -> None:
        body_id = self.current_body_id()
        at = self.at
        self.roster_model.load(body_id, at)
        self.colleges_model.load(body_id, at)
        if body_id is None:
            self.body_title.setText(self.tr("Aucune instance"))
            self.body_kind.setText(self.tr("Créez le conseil plénier avec « Nouvelle instance »."))
            self.rules.clear()
            self.seats_summary.clear()
            self._update_buttons()
            return
        body = bodies.get_body(self._store.db, body_id)
        self.body_title.setText(body.name)
        self.body_kind.setText(label(BODY_KINDS, body.kind))
        self.rules.show_body(body)
        self._fit_roster_columns()
        self.roster_group.setTitle(
            self.tr("Composition : %n mandats en cours", "", self.roster_model.rowCount())
        )
        lines = [self.colleges_model.summary_line(c) for c in self.colleges_model.colleges()]
        vacant = sum(c.vacant or 0 for c in self.colleges_model.colleges())
        if not lines:
            self.seats_summary.setText(self.tr("Cette instance n'a pas de collège."))
        else:
            items = "".join(
                f"<li style='{palette.text_css(palette.WARNING)}'>{line}</li>"
                if (c.vacant or 0) > 0
                else f"<li>{line}</li>"
                for line, c in zip(lines, self.colleges_model.colleges(), strict=True)
            )
            heading = (
                self.tr("%n sièges vacants à cette date", "", vacant)
                if vacant
                else self.tr("Tous les sièges sont pourvus à cette date")
            )
            self.seats_summary.setText(
                f"<b>{heading}</b><ul style='margin-top:2px; margin-bottom:0'>{items}</ul>"
            )
        self._update_buttons()

    def _fit_roster_columns(self) -> None:
        """Columns as wide as their content (within reason); the pairing column takes the rest."""
        caps = {
            RosterTableModel.COLLEGE: 200,
            RosterTableModel.ROLE: 140,
            RosterTableModel.NAME: 180,
            RosterTableModel.ORGANISATION: 190,
            RosterTableModel.START: 90,
            RosterTableModel.END: 90,
        }
        for column, cap in caps.items():
            self.roster_view.resizeColumnToContents(column)
            width = self.roster_view.columnWidth(column)
            self.roster_view.setColumnWidth(column, min(max(width + 8, 70), cap))

    def _update_buttons(self) -> None:
        writable = not self._store.read_only
        has_body = self.current_body_id() is not None
        has_mandate = self.current_mandate_id() is not None
        self.new_body_button.setEnabled(writable)
        self.edit_body_button.setEnabled(writable and has_body)
        self.rules.edit_rules_button.setEnabled(writable and has_body)
        self.add_college_button.setEnabled(writable and has_body)
        self.edit_college_button.setEnabled(writable and has_body)
        self.new_mandate_button.setEnabled(writable and has_body)
        self.edit_mandate_button.setEnabled(writable and has_mandate)
        self.end_mandate_button.setEnabled(writable and has_mandate)

    # -- actions -----------------------------------------------------------------------------
    def new_body(self) -> None:
        dialog = BodyDialog(self._store, parent_body_id=self.current_body_id(), parent=self)
        if dialog.exec() == QtWidgets.QDialog.DialogCode.Accepted:
            self.reload()
            if dialog.body_id is not None:
                self.select_body(dialog.body_id)

    def edit_body(self) -> None:
        body_id = self.current_body_id()
        if body_id is None:
            return
        if (
            BodyDialog(self._store, body_id, parent=self).exec()
            == QtWidgets.QDialog.DialogCode.Accepted
        ):
            self.reload()

    def add_college(self) -> None:
        body_id = self.current_body_id()
        if body_id is None:
            return
        if (
            CollegeDialog(self._store, body_id, parent=self).exec()
            == QtWidgets.QDialog.DialogCode.Accepted
        ):
            self._load_body()

    def edit_college(self) -> None:
        body_id, college_id = self.current_body_id(), self.current_college_id()
        if body_id is None or college_id is None or self._store.read_only:
            return
        dialog = CollegeDialog(self._store, body_id, college_id, parent=self)
        if dialog.exec() == QtWidgets.QDialog.DialogCode.Accepted:
            self._load_body()

    def new_mandate(self) -> None:
        body_id = self.current_body_id()
        if body_id is None:
            return
        dialog = MandateDialog(self._store, body_id=body_id, start=self.at, parent=self)
        if dialog.exec() == QtWidgets.QDialog.DialogCode.Accepted:
            self._load_body()

    def edit_mandate(self) -> None:
        mandate_id = self.current_mandate_id()
        if mandate_id is None or self._store.read_only:
            return
        dialog = MandateDialog(self._store, mandate_id=mandate_id, parent=self)
        if dialog.exec() == QtWidgets.QDialog.DialogCode.Accepted:
            self._load_body()

    def end_mandate(self) -> None:
        mandate_id = self.current_mandate_id()
        if mandate_id is None:
            return
        dialog = EndMandateDialog(self._store, mandate_id, self.at, parent=self)
        if dialog.exec() == QtWidgets.QDialog.DialogCode.Accepted:
            self._load_body()

    def select_mandate(self, mandate_id: int) -> bool:
        """Select a mandate's row in the roster; False when it is not in force at the date."""
        row = self.roster_model.row_of(mandate_id)
        if row is None:
            return False
        self.roster_view.selectRow(row)
        return True
