"""The Actions page's filter bar: body, status, theme, owner, overdue, due within n days and the
words searched, wrapping onto a second line rather than widening the window.

`changed` is emitted after each change, a typed text only after a pause of DEBOUNCE_MS; the page
then re-queries (`current()` is the filter shown). Its strings keep the page's translation
context (« ActionsPage »)."""

from __future__ import annotations

from ess_desk.actions import rules, themes
from ess_desk.actions.queries import ActionFilter
from ess_desk.membership import bodies
from ess_desk.membership.vocabulary import label
from ess_desk.store import Store
from ui import a11y, fitting
from ui.qt import QCoreApplication, Qt, QTimer, QtWidgets, Signal

OPEN = "__open__"  # the status filter « Ouvertes » (à faire, en cours, reporté)
DEBOUNCE_MS = 150


class ActionFilterBar(QtWidgets.QWidget):
    changed = Signal()

    def __init__(self, store: Store, parent: QtWidgets.QWidget | None = None):
        super().__init__(parent)
        self._store = store
        self.body_filter = QtWidgets.QComboBox()
        a11y.name(self.body_filter, QCoreApplication.translate("ActionsPage", "Instance"))
        self.body_filter.setMinimumWidth(180)
        self.status_filter = QtWidgets.QComboBox()
        a11y.name(self.status_filter, QCoreApplication.translate("ActionsPage", "Statut"))
        self.status_filter.addItem(
            QCoreApplication.translate("ActionsPage", "Tous les statuts"), None
        )
        self.status_filter.addItem(QCoreApplication.translate("ActionsPage", "Ouvertes"), OPEN)
        for code in rules.STATUSES:
            self.status_filter.addItem(label(rules.STATUSES, code), code)
        self.theme_filter = QtWidgets.QComboBox()
        a11y.name(self.theme_filter, QCoreApplication.translate("ActionsPage", "Thème"))
        self.theme_filter.setMinimumWidth(200)
        self.theme_filter.setMaximumWidth(320)
        self.owner_filter = QtWidgets.QLineEdit()
        a11y.name(self.owner_filter, QCoreApplication.translate("ActionsPage", "Porteur"))
        self.owner_filter.setPlaceholderText(QCoreApplication.translate("ActionsPage", "Porteur…"))
        self.owner_filter.setClearButtonEnabled(True)
        self.overdue_filter = QtWidgets.QCheckBox(
            QCoreApplication.translate("ActionsPage", "En retard")
        )
        self.due_filter = QtWidgets.QCheckBox(
            QCoreApplication.translate("ActionsPage", "Échéance sous")
        )
        self.due_days = QtWidgets.QSpinBox()
        a11y.name(
            self.due_days,
            QCoreApplication.translate("ActionsPage", "Échéance sous combien de jours"),
        )
        self.due_days.setRange(0, 3650)
        self.due_days.setValue(30)
        self.due_days.setSuffix(QCoreApplication.translate("ActionsPage", " jours"))
        self.due_days.setEnabled(False)
        self.search = QtWidgets.QLineEdit()
        a11y.name(
            self.search, QCoreApplication.translate("ActionsPage", "Rechercher dans les actions")
        )
        self.search.setPlaceholderText(
            QCoreApplication.translate("ActionsPage", "Rechercher (intitulé, porteur, thème…)")
        )
        self.search.setClearButtonEnabled(True)
        self.clear_button = QtWidgets.QPushButton(
            QCoreApplication.translate("ActionsPage", "Effacer les filtres")
        )
        self.fill_lists()
        self._connect()

        # The filters wrap onto a second line rather than widen the window.
        for combo in (self.body_filter, self.theme_filter):
            combo.setSizeAdjustPolicy(
                QtWidgets.QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(16)
        self.search.setMinimumWidth(260)
        self.owner_filter.setMinimumWidth(150)
        self.owner_filter.setMaximumWidth(200)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(
            fitting.flow_row(
                self.search,
                self.body_filter,
                self.status_filter,
                self.theme_filter,
                self.owner_filter,
                self.overdue_filter,
                fitting.pair(self.due_filter, self.due_days),
                self.clear_button,
            )
        )

    def _connect(self) -> None:
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self.changed.emit)
        for combo in (self.body_filter, self.status_filter, self.theme_filter):
            combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        for check in (self.overdue_filter, self.due_filter):
            check.toggled.connect(lambda _on: self.changed.emit())
        self.due_filter.toggled.connect(self.due_days.setEnabled)
        self.due_days.valueChanged.connect(lambda _v: self._debounce.start())
        self.owner_filter.textChanged.connect(lambda _t: self._debounce.start())
        self.search.textChanged.connect(lambda _t: self._debounce.start())

    def fill_lists(self) -> None:
        """The bodies and themes offered, the choice made kept (after a change elsewhere)."""
        db = self._store.db
        for combo in (self.body_filter, self.theme_filter):
            combo.blockSignals(True)
        keep_body, keep_theme = self.body_filter.currentData(), self.theme_filter.currentData()
        self.body_filter.clear()
        self.body_filter.addItem(
            QCoreApplication.translate("ActionsPage", "Toutes les instances"), None
        )
        for body in bodies.list_bodies(db, include_archived=True):
            self.body_filter.addItem(body.name, body.id)
        self.theme_filter.clear()
        self.theme_filter.addItem(
            QCoreApplication.translate("ActionsPage", "Tous les thèmes"), None
        )
        for theme in themes.list_themes(db, include_archived=True):
            self.theme_filter.addItem(theme.name, theme.id)
            self.theme_filter.setItemData(
                self.theme_filter.count() - 1, theme.name, Qt.ItemDataRole.ToolTipRole
            )
        self.body_filter.setCurrentIndex(max(0, self.body_filter.findData(keep_body)))
        self.theme_filter.setCurrentIndex(max(0, self.theme_filter.findData(keep_theme)))
        for combo in (self.body_filter, self.theme_filter):
            combo.blockSignals(False)

    def current(self) -> ActionFilter:
        status = self.status_filter.currentData()
        statuses: frozenset[str] = frozenset()
        if status == OPEN:
            statuses = rules.OPEN_STATUSES
        elif status is not None:
            statuses = frozenset({status})
        return ActionFilter(
            body_id=self.body_filter.currentData(),
            owner=self.owner_filter.text(),
            statuses=statuses,
            theme_id=self.theme_filter.currentData(),
            overdue=self.overdue_filter.isChecked(),
            due_within_days=self.due_days.value() if self.due_filter.isChecked() else None,
            text=self.search.text(),
        )

    def waiting(self) -> bool:
        """A typed filter still in its pause."""
        return self._debounce.isActive()

    def stop_waiting(self) -> None:
        self._debounce.stop()

    def clear(self) -> None:
        """Every filter back to « tout », without a signal: the page queries once after."""
        widgets = (
            self.search,
            self.owner_filter,
            self.body_filter,
            self.status_filter,
            self.theme_filter,
            self.overdue_filter,
            self.due_filter,
        )
        for widget in widgets:
            widget.blockSignals(True)
        self.search.clear()
        self.owner_filter.clear()
        for combo in (self.body_filter, self.status_filter, self.theme_filter):
            combo.setCurrentIndex(0)
        self.overdue_filter.setChecked(False)
        self.due_filter.setChecked(False)
        self.due_days.setEnabled(False)
        for widget in widgets:
            widget.blockSignals(False)
