"""Personal data (RGPD) in the window: a person's file exported, people anonymised after a
confirmation, and the Revue de conservation dialog listing the people due for review."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path

from ess_desk.dates import display
from ess_desk.errors import UserError
from ess_desk.exchange import person_file as person_file_export
from ess_desk.privacy import anonymise as anon
from ess_desk.privacy import retention
from ess_desk.privacy.retention import ReviewRow
from ess_desk.store import Store
from ui import a11y, palette
from ui.dialogs.common import confirm, finish_dialog, inform, show_unexpected_error, show_user_error
from ui.qt import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QSortFilterProxyModel,
    Qt,
    QtCore,
    QTimer,
    QtWidgets,
    Signal,
)
from ui.workers import Operation


def _failed(parent: QtWidgets.QWidget | None, exc: Exception, what: str) -> None:
    if isinstance(exc, UserError):
        show_user_error(parent, exc, what)
    else:
        show_unexpected_error(parent, exc, what)


def _safe_name(text: str) -> str:
    kept = "".join(c if c.isalnum() or c in "-_" else "-" for c in text.strip())
    return "-".join(p for p in kept.split("-") if p) or "personne"


def ask_file_path(parent: QtWidgets.QWidget | None, store: Store, person_id: int) -> Path | None:
    """The file to write, PDF or JSON by its extension (PDF when none is typed)."""
    from ess_desk.membership import people

    name = people.get(store.db, person_id).full_name
    suggested = Path.home() / f"fiche-rgpd-{_safe_name(name)}.pdf"
    pdf, json_filter = (
        QCoreApplication.translate("Privacy", "PDF (*.pdf)"),
        QCoreApplication.translate("Privacy", "JSON (*.json)"),
    )
    chosen, selected = QtWidgets.QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("Privacy", "Exporter la fiche (RGPD)"),
        str(suggested),
        f"{pdf};;{json_filter}",
    )
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() not in (".pdf", ".json"):
        path = path.with_suffix(".json" if selected == json_filter else ".pdf")
    return path


def export_person_file(
    parent: QtWidgets.QWidget,
    store: Store,
    person_id: int,
    path: Path | None = None,
    on_done: Callable[[Path], None] | None = None,
) -> Operation | None:
    """Collect and write the person's file off the GUI thread (a large record takes a second).
    Without `path`, asks where to write it."""
    path = path or ask_file_path(parent, store, person_id)
    if path is None:
        return None
    what = QCoreApplication.translate("Privacy", "Exporter la fiche (RGPD)")

    def done(written: Path) -> None:
        if on_done is not None:
            on_done(written)
        window = parent.window()
        if isinstance(window, QtWidgets.QMainWindow):
            window.statusBar().showMessage(
                QCoreApplication.translate("Privacy", "Fiche personnelle écrite : {path}").format(
                    path=written
                ),
                8000,
            )

    return (
        Operation(
            parent, lambda progress: person_file_export.export(store.db, person_id, path, progress)
        )
        .success(done)
        .failure(lambda exc: _failed(parent, exc, what))
        .run_with_progress(
            QCoreApplication.translate("Privacy", "Préparation de la fiche personnelle…")
        )
    )


def confirm_anonymisation(parent: QtWidgets.QWidget | None, names: Sequence[str]) -> bool:
    """Say what anonymising does, and that it cannot be undone, before doing it."""
    if len(names) == 1:
        first = QCoreApplication.translate("Privacy", "Anonymiser {name} ?").format(name=names[0])
    else:
        shown = ", ".join(names[:8]) + (" …" if len(names) > 8 else "")
        first = QCoreApplication.translate(
            "Privacy", "Anonymiser ces {count} personnes ? ({names})"
        ).format(count=len(names), names=shown)
    text = (
        first
        + "\n\n"
        + QCoreApplication.translate(
            "Privacy",
            "Leur nom, civilité, courriel, téléphone, fonction et notes seront effacés et "
            "remplacés par « Personne anonymisée n°… » dans la fiche, les textes des séances "
            "non approuvées, les actions et le journal d'audit ; les accords seront retirés. "
            "Les procès-verbaux approuvés, archives publiques, ne changent pas.",
        )
        + "\n\n"
        + QCoreApplication.translate(
            "Privacy", "C'est irréversible : exportez d'abord la fiche si elle doit être gardée."
        )
    )
    return confirm(
        parent,
        QCoreApplication.translate("Privacy", "Anonymiser"),
        text,
        QCoreApplication.translate("Privacy", "Anonymiser définitivement"),
    )


def anonymise_people(
    parent: QtWidgets.QWidget,
    store: Store,
    person_ids: Sequence[int],
    names: Sequence[str],
    on_done: Callable[[list[anon.Anonymisation]], None] | None = None,
) -> Operation | None:
    """Confirm, then anonymise in one transaction off the GUI thread; the summary is shown."""
    if store.read_only or not person_ids or not confirm_anonymisation(parent, names):
        return None
    what = QCoreApplication.translate("Privacy", "Anonymiser")
    ids = list(person_ids)

    def done(results: list[anon.Anonymisation]) -> None:
        if on_done is not None:
            on_done(results)
        inform(parent, what, "\n\n".join("\n".join(r.summary()) for r in results))
        offer_backup_purge(parent, store, ids)

    return (
        Operation(parent, lambda _progress: anon.anonymise_many(store, ids))
        .success(done)
        .failure(lambda exc: _failed(parent, exc, what))
        .run_with_progress(QCoreApplication.translate("Privacy", "Anonymisation en cours…"))
    )


def offer_backup_purge(
    parent: QtWidgets.QWidget, store: Store, person_ids: Sequence[int]
) -> Operation | None:
    """After an anonymisation: offer to anonymise the same people in every backup, then say
    what was done and what remains where."""
    from ess_desk.privacy import backups

    copies = backups.backups_holding(store.path)
    if not copies:
        return None
    what = QCoreApplication.translate("Privacy", "Anonymiser les sauvegardes")
    if not confirm(
        parent,
        what,
        QCoreApplication.translate(
            "Privacy",
            "Les sauvegardes de {folder} ({count}) contiennent encore l'identité. Les anonymiser "
            "elles aussi, de la même façon ? Chaque copie est réécrite sur place.",
        ).format(count=len(copies), folder=copies[0].parent),
        QCoreApplication.translate("Privacy", "Anonymiser les sauvegardes"),
    ):
        return None
    ids = list(person_ids)
    path = store.path

    def work(_progress: Callable[[int, int], None]) -> list[str]:
        return backups.purge_summary(path, backups.purge_backups(path, ids))

    return (
        Operation(parent, work)
        .success(lambda lines: inform(parent, what, "\n\n".join(lines)))
        .failure(lambda exc: _failed(parent, exc, what))
        .run_with_progress(
            QCoreApplication.translate("Privacy", "Anonymisation des sauvegardes en cours…")
        )
    )


class ReviewTableModel(QAbstractTableModel):
    """The people due for review, oldest trace first."""

    NAME, ORGANISATION, MANDATE_END, LAST_SEEN, ELAPSED = range(5)
    ARCHIVED_FOREGROUND = palette.MUTED
    PERSON_ID_ROLE = Qt.ItemDataRole.UserRole + 1
    SORT_ROLE = Qt.ItemDataRole.UserRole + 2

    def __init__(self, parent: QObject | None = None, today: dt.date | None = None):
        super().__init__(parent)
        self._rows: list[ReviewRow] = []
        self._today = today or dt.date.today()

    def headers(self) -> list[str]:
        return [
            QCoreApplication.translate("Privacy", "Personne"),
            QCoreApplication.translate("Privacy", "Structure"),
            QCoreApplication.translate("Privacy", "Fin du dernier mandat"),
            QCoreApplication.translate("Privacy", "Dernière trace"),
            QCoreApplication.translate("Privacy", "Depuis"),
        ]

    def set_rows(self, rows: list[ReviewRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def _years_since(self, day: str | None) -> int | None:
        if not day:
            return None
        since = dt.date.fromisoformat(day)
        years = self._today.year - since.year
        if (self._today.month, self._today.day) < (since.month, since.day):
            years -= 1
        return years

    def row(self, n: int) -> ReviewRow:
        return self._rows[n]

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 5

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        r = self._rows[index.row()]
        column = index.column()
        if role == self.PERSON_ID_ROLE:
            return r.person_id
        if role in (Qt.ItemDataRole.DisplayRole, self.SORT_ROLE):
            sort = role == self.SORT_ROLE
            if column == self.NAME:
                return r.name.casefold() if sort else r.name
            if column == self.ORGANISATION:
                return r.organisation.casefold() if sort else r.organisation
            if column == self.MANDATE_END:
                value = r.last_mandate_end
                return (
                    (value or "")
                    if sort
                    else (
                        display(value)
                        if value
                        else QCoreApplication.translate("Privacy", "aucun mandat")
                    )
                )
            if column == self.LAST_SEEN:
                value = r.last_seen
                return (value or "") if sort else (display(value) if value else "—")
            if column == self.ELAPSED:
                years = self._years_since(r.last_seen)
                if sort:
                    return r.last_seen or ""
                if years is None:
                    return "—"
                return (
                    QCoreApplication.translate("Privacy", "1 an")
                    if years == 1
                    else QCoreApplication.translate("Privacy", "{count} ans").format(count=years)
                )
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = r.reason()
            return (
                tip + "\n" + QCoreApplication.translate("Privacy", "Fiche archivée")
                if r.archived
                else tip
            )
        if role == Qt.ItemDataRole.ForegroundRole and r.archived and column == self.NAME:
            return palette.color(self.ARCHIVED_FOREGROUND)
        no_mandate = column == self.MANDATE_END and r.last_mandate_end is None
        if role == Qt.ItemDataRole.ForegroundRole and no_mandate:
            return palette.color(palette.MUTED)
        return None


class RetentionDialog(QtWidgets.QDialog):
    """Revue de conservation (RGPD): who is due, for how long data is kept, and anonymisation
    of the chosen ones."""

    people_changed = Signal()
    SAVE_DELAY_MS = 600

    def __init__(
        self,
        store: Store,
        parent: QtWidgets.QWidget | None = None,
        today: dt.date | None = None,
    ):
        super().__init__(parent)
        self.store = store
        self.today = today or dt.date.today()
        self.changed = False
        self.operation: Operation | None = None
        self.setWindowTitle(QCoreApplication.translate("Privacy", "Revue de conservation (RGPD)"))
        self.setObjectName("retention_dialog")
        self.resize(900, 520)

        intro = QtWidgets.QLabel(
            QCoreApplication.translate(
                "Privacy",
                "Les personnes ci-dessous n'ont plus de mandat en cours ni à venir, et leur "
                "dernier lien avec le conseil (fin de mandat, point présenté, action portée) "
                "remonte à plus que la durée de conservation. Anonymisez celles dont les données "
                "n'ont plus lieu d'être gardées : leur identité est remplacée partout, sauf dans "
                "les procès-verbaux approuvés (archives publiques).",
            )
        )
        intro.setWordWrap(True)

        self.years = QtWidgets.QSpinBox()
        self.years.setObjectName("retention_years")
        self.years.setRange(1, retention.MAX_YEARS)
        self.years.setValue(retention.retention_years(store.db))
        self.years.setSuffix(QCoreApplication.translate("Privacy", " ans"))
        self.years.setEnabled(not store.read_only)
        self.years.setToolTip(
            QCoreApplication.translate(
                "Privacy", "Réglage de la base : s'applique à tous ses utilisateurs."
            )
        )
        years_row = QtWidgets.QHBoxLayout()
        years_row.addWidget(
            a11y.labelled(
                QCoreApplication.translate(
                    "Privacy", "&Durée de conservation après le dernier lien :"
                ),
                self.years,
            )
        )
        years_row.addWidget(self.years)
        years_row.addStretch(1)

        self.model = ReviewTableModel(self, today=self.today)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSortRole(ReviewTableModel.SORT_ROLE)
        self.proxy.setSourceModel(self.model)
        self.table = QtWidgets.QTableView()
        self.table.setObjectName("retention_table")
        a11y.name(
            self.table,
            QCoreApplication.translate("Privacy", "Personnes sans lien depuis la durée choisie"),
        )
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        # The longest gone first, as the core lists them.
        header.setSortIndicator(ReviewTableModel.LAST_SEEN, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        stretch = QtWidgets.QHeaderView.ResizeMode.Stretch
        header.setSectionResizeMode(ReviewTableModel.NAME, stretch)
        header.setSectionResizeMode(ReviewTableModel.ORGANISATION, stretch)
        metrics = self.fontMetrics()
        room = 5 * metrics.horizontalAdvance("n")  # padding and the sort arrow
        for column, text in enumerate(self.model.headers()):
            if column not in (ReviewTableModel.NAME, ReviewTableModel.ORGANISATION):
                sample = max(text, "00/00/0000", key=metrics.horizontalAdvance)
                self.table.setColumnWidth(column, metrics.horizontalAdvance(sample) + room)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _index: self.export_selected())

        self.count_label = QtWidgets.QLabel()
        self.count_label.setObjectName("retention_count")

        self.select_all_button = QtWidgets.QPushButton(
            QCoreApplication.translate("Privacy", "Tout sélectionner")
        )
        self.export_button = QtWidgets.QPushButton(
            QCoreApplication.translate("Privacy", "Exporter la fiche…")
        )
        self.anonymise_button = QtWidgets.QPushButton(
            QCoreApplication.translate("Privacy", "Anonymiser la sélection…")
        )
        self.anonymise_button.setObjectName("retention_anonymise")
        close = QtWidgets.QPushButton(QCoreApplication.translate("Privacy", "Fermer"))
        close.setDefault(True)
        self.select_all_button.clicked.connect(self.table.selectAll)
        self.export_button.clicked.connect(lambda: self.export_selected())
        self.anonymise_button.clicked.connect(self.anonymise_selected)
        close.clicked.connect(self.accept)
        if store.read_only:
            self.anonymise_button.setToolTip(store.read_only_message())

        buttons = QtWidgets.QHBoxLayout()
        buttons.addWidget(self.count_label, 1)
        buttons.addWidget(self.select_all_button)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.anonymise_button)
        buttons.addSpacing(12)
        buttons.addWidget(close)

        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(years_row)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(self.SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.save_years)
        self.years.valueChanged.connect(self._years_changed)
        self.reload()
        finish_dialog(self)

    # -- state -------------------------------------------------------------------------------
    def reload(self) -> None:
        rows = retention.due_for_review(self.store.db, today=self.today, years=self.years.value())
        self.model.set_rows(rows)
        if rows:
            self.count_label.setText(
                QCoreApplication.translate("Privacy", "{count} personnes à revoir").format(
                    count=len(rows)
                )
                if len(rows) > 1
                else QCoreApplication.translate("Privacy", "1 personne à revoir")
            )
        else:
            # self.tr: lupdate did not see this counted message (the window said it in French).
            self.count_label.setText(
                self.tr(
                    "Personne à revoir : aucune trace de plus de %n ans.", "", self.years.value()
                )
            )
        self._update_buttons()

    def selected_ids(self) -> list[int]:
        rows = sorted(self.table.selectionModel().selectedRows(), key=lambda i: i.row())
        return [int(i.data(ReviewTableModel.PERSON_ID_ROLE)) for i in rows]

    def selected_names(self) -> list[str]:
        rows = sorted(self.table.selectionModel().selectedRows(), key=lambda i: i.row())
        return [self.model.row(self.proxy.mapToSource(i).row()).name for i in rows]

    def select_ids(self, ids: Sequence[int]) -> None:
        selection = self.table.selectionModel()
        selection.clearSelection()
        flag = QtCore.QItemSelectionModel.SelectionFlag
        flags = flag.Select | flag.Rows
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(ReviewTableModel.PERSON_ID_ROLE) in ids:
                selection.select(index, flags)

    def _update_buttons(self, *_args: object) -> None:
        count = len(self.selected_ids())
        self.export_button.setEnabled(count == 1)
        self.anonymise_button.setEnabled(count > 0 and not self.store.read_only)
        self.select_all_button.setEnabled(self.model.rowCount() > 0)

    def _years_changed(self, _value: int) -> None:
        self.reload()
        if not self.store.read_only:
            self._save_timer.start()

    def save_years(self) -> None:
        """The period is a setting of the database (audited), saved once the spin box rests."""
        self._save_timer.stop()
        if self.store.read_only:
            return
        value = self.years.value()
        if value == retention.retention_years(self.store.db):
            return
        try:
            retention.set_retention_years(self.store, value)
        except UserError as exc:
            show_user_error(self, exc, self.windowTitle())

    def done(self, result: int) -> None:
        if self._save_timer.isActive():
            self.save_years()
        super().done(result)

    # -- actions -----------------------------------------------------------------------------
    def export_selected(self, path: Path | None = None) -> Operation | None:
        ids = self.selected_ids()
        if len(ids) != 1:
            return None
        self.operation = export_person_file(self, self.store, ids[0], path)
        return self.operation

    def anonymise_selected(self) -> Operation | None:
        ids = self.selected_ids()
        if not ids or self.store.read_only:
            return None

        def done(_results: list[anon.Anonymisation]) -> None:
            self.changed = True
            self.reload()
            self.people_changed.emit()

        self.operation = anonymise_people(self, self.store, ids, self.selected_names(), done)
        return self.operation
