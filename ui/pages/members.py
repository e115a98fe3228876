"""The Membres page: the searchable table of people, and the selected person's details and history."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ess_desk import audit
from ess_desk.dates import display
from ess_desk.errors import UserError
from ess_desk.membership.roster import person_mandates
from ess_desk.membership.vocabulary import ROLES, label
from ess_desk.store import Store, database
from ui import a11y, fitting, palette
from ui.columns import choose_columns
from ui.dialogs.common import confirm, show_user_error
from ui.models import MembersFilterProxy, MembersTableModel
from ui.qt import QCoreApplication, QLocale, QModelIndex, Qt, QtWidgets, Signal

if TYPE_CHECKING:
    from ui.workers import Operation

_HISTORY_CONTEXT = "PersonHistory"


def _field_names() -> dict[str, str]:
    return {
        "civility": QCoreApplication.translate("PersonHistory", "civilité"),
        "first_name": QCoreApplication.translate("PersonHistory", "prénom"),
        "last_name": QCoreApplication.translate("PersonHistory", "nom"),
        "email": QCoreApplication.translate("PersonHistory", "courriel"),
        "phone": QCoreApplication.translate("PersonHistory", "téléphone"),
        "organisation_id": QCoreApplication.translate("PersonHistory", "structure"),
        "position": QCoreApplication.translate("PersonHistory", "fonction"),
        "consent_publish": QCoreApplication.translate("PersonHistory", "accord de publication"),
        "consent_contact": QCoreApplication.translate(
            "PersonHistory", "accord pour être contacté(e)"
        ),
        "notes": QCoreApplication.translate("PersonHistory", "notes"),
    }


def _value_text(field: str, value: Any, organisation_name: Callable[[int], str]) -> str:
    if value is None or value == "":
        return QCoreApplication.translate("PersonHistory", "vide")
    if field in ("consent_publish", "consent_contact"):
        return (
            QCoreApplication.translate("PersonHistory", "oui")
            if value
            else QCoreApplication.translate("PersonHistory", "non")
        )
    if field == "organisation_id":
        return organisation_name(int(value))
    text = " ".join(str(value).split())
    return text if len(text) <= 40 else text[:39] + "…"


def describe_change(entry: dict[str, Any], organisation_name: Callable[[int], str]) -> str:
    """One audit entry as a secretary reads it:
    "28/11/2026 14:02 — marie : courriel modifié (ancien → nouveau)"."""
    try:
        when = dt.datetime.fromisoformat(entry["at"]).strftime("%d/%m/%Y %H:%M")
    except (TypeError, ValueError):
        when = str(entry.get("at", ""))
    who = entry.get("os_user") or "?"
    action = entry.get("action")
    before, after = entry.get("before") or {}, entry.get("after") or {}
    if action == "create":
        what = QCoreApplication.translate("PersonHistory", "fiche créée")
    elif action == "delete":
        what = QCoreApplication.translate("PersonHistory", "fiche supprimée")
    elif action == "anonymise":
        what = QCoreApplication.translate("PersonHistory", "fiche anonymisée (RGPD)")
    else:
        parts: list[str] = []
        if before.get("archived") != after.get("archived") and "archived" in after:
            parts.append(
                QCoreApplication.translate("PersonHistory", "fiche archivée")
                if after["archived"]
                else QCoreApplication.translate("PersonHistory", "fiche réactivée")
            )
        names = _field_names()
        for field, name in names.items():
            if field in after and before.get(field) != after.get(field):
                parts.append(
                    QCoreApplication.translate(
                        "PersonHistory", "{field} modifié ({old} → {new})"
                    ).format(
                        field=name,
                        old=_value_text(field, before.get(field), organisation_name),
                        new=_value_text(field, after.get(field), organisation_name),
                    )
                )
        what = (
            " ; ".join(parts)
            if parts
            else QCoreApplication.translate("PersonHistory", "fiche enregistrée sans changement")
        )
    return f"{when} — {who} : {what}"


def format_count(shown: int, total: int) -> str:
    locale = QLocale()
    if total == 0:
        return QCoreApplication.translate("PersonHistory", "Aucune personne")
    if shown == total:
        if total == 1:
            return QCoreApplication.translate("PersonHistory", "1 personne")
        return QCoreApplication.translate("PersonHistory", "{count} personnes").format(
            count=locale.toString(total)
        )
    return QCoreApplication.translate("PersonHistory", "{shown} sur {total} personnes").format(
        shown=locale.toString(shown), total=locale.toString(total)
    )


class PersonPanel(QtWidgets.QWidget):
    """The side panel: who the selected person is, their mandates, and the history of their record."""

    def __init__(self, store: Store, parent: QtWidgets.QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.setMinimumWidth(200)
        self.title = QtWidgets.QLabel()
        self.title.setObjectName("person_title")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.details = QtWidgets.QLabel()
        self.details.setObjectName("person_details")
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mandates = QtWidgets.QListWidget()
        a11y.name(self.mandates, self.tr("Mandats de la personne"))
        self.mandates.setObjectName("person_mandates")
        self.mandates.setWordWrap(True)
        self.mandates.setAlternatingRowColors(True)
        self.history = QtWidgets.QListWidget()
        a11y.name(self.history, self.tr("Historique de la personne"))
        self.history.setObjectName("person_history")
        self.history.setWordWrap(True)
        self.history.setAlternatingRowColors(True)

        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(8, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.details)
        layout.addWidget(self._section(self.tr("Mandats")))
        layout.addWidget(self.mandates, 2)
        layout.addWidget(self._section(self.tr("Historique de la fiche")))
        layout.addWidget(self.history, 3)
        self.show_person(None)

    def _section(self, text: str) -> QtWidgets.QLabel:
        section = QtWidgets.QLabel(text)
        font = section.font()
        font.setBold(True)
        section.setFont(font)
        return section

    def show_person(self, person_id: int | None) -> None:
        self.mandates.clear()
        self.history.clear()
        if person_id is None:
            self.title.setText(self.tr("Aucune personne sélectionnée"))
            self.details.setText(
                self.tr("Choisissez une personne dans la liste pour voir sa fiche.")
            )
            return
        from ess_desk.membership import organisations, people

        db = self.store.db
        person = people.get(db, person_id)
        org_name = ""
        if person.organisation_id is not None:
            org_name = organisations.get(db, person.organisation_id).name
        title = " ".join(p for p in (person.civility, person.first_name, person.last_name) if p)
        if person.archived:
            title += " " + self.tr("(archivée)")
        self.title.setText(title)

        def row(name: str, value: str) -> str:
            shown = (
                html.escape(value) if value else f"<i>{html.escape(self.tr('non renseigné'))}</i>"
            )
            return (
                f"<tr><td style='{palette.text_css(palette.MUTED)} padding-right:8px'>"
                f"{html.escape(name)}</td>"
                f"<td>{shown}</td></tr>"
            )

        yes, no = self.tr("oui"), self.tr("non")
        rows = [
            row(self.tr("Structure"), org_name),
            row(self.tr("Fonction"), person.position),
            row(self.tr("Courriel"), person.email),
            row(self.tr("Téléphone"), person.phone),
            row(self.tr("Nom publiable"), yes if person.consent_publish else no),
            row(self.tr("Accord de contact"), yes if person.consent_contact else no),
        ]
        if person.notes:
            rows.append(row(self.tr("Notes"), person.notes))
        self.details.setText("<table>" + "".join(rows) + "</table>")

        today = dt.date.today().isoformat()
        grey = palette.color(MembersTableModel.ARCHIVED_FOREGROUND)
        for m in person_mandates(db, person_id):
            role = label(ROLES, m.role)
            if m.substitute_for_name:
                role = self.tr("{role} de {name}").format(role=role, name=m.substitute_for_name)
            first = f"{m.body} — {role}"
            if m.end_date:
                period = self.tr("du {start} au {end}").format(
                    start=display(m.start_date), end=display(m.end_date)
                )
            else:
                period = self.tr("depuis le {start}").format(start=display(m.start_date))
            second = f"{m.college} · {period}" if m.college else period
            item = QtWidgets.QListWidgetItem(f"{first}\n{second}")
            if m.end_date and m.end_date < today:
                if grey is not None:
                    item.setForeground(grey)
                item.setToolTip(self.tr("Mandat terminé"))
            self.mandates.addItem(item)
        if self.mandates.count() == 0:
            self.mandates.addItem(self.tr("Aucun mandat"))

        names: dict[int, str] = {}

        def organisation_name(org_id: int) -> str:
            if org_id not in names:
                found = database.row(db, "SELECT name FROM organisations WHERE id = ?", [org_id])
                names[org_id] = found["name"] if found else self.tr("n°{n}").format(n=org_id)
            return names[org_id]

        for entry in reversed(audit.history(db, "person", person_id)):
            self.history.addItem(describe_change(entry, organisation_name))


class MembersPage(QtWidgets.QWidget):
    """Search field, table, buttons and the side panel; it gets the store, never the window."""

    selection_changed = Signal()
    people_changed = Signal()

    def __init__(self, store: Store, parent: QtWidgets.QWidget | None = None):
        super().__init__(parent)
        self.store = store
        # Archived people hidden from the first query on, as the proxy asks.
        self.model = MembersTableModel(store.db, parent=self, show_archived=False)
        self.proxy = MembersFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        # A filter or a reload reads the list again: the person selected stays selected when
        # they are still in it (as a filter over the rows kept them).
        self._kept_selection: int | None = None
        self.proxy.modelAboutToBeReset.connect(self._before_reset)
        self.proxy.modelReset.connect(self._after_reset)

        self.search = QtWidgets.QLineEdit()
        a11y.name(self.search, self.tr("Filtrer les membres"))
        self.search.setObjectName("members_search")
        self.search.setPlaceholderText(
            self.tr("Rechercher un nom, une structure, une instance, un courriel…")
        )
        self.search.setClearButtonEnabled(True)
        # The search keeps room to type; the buttons give way (into « … ») first.
        self.search.setMinimumWidth(self.fontMetrics().horizontalAdvance("n") * 24)
        self.search.textChanged.connect(self.proxy.set_filter_text)
        self.show_archived = QtWidgets.QCheckBox(self.tr("Afficher les personnes archivées"))
        self.show_archived.toggled.connect(self.proxy.set_show_archived)

        self.new_button = QtWidgets.QPushButton(self.tr("Nouvelle personne…"))
        self.edit_button = QtWidgets.QPushButton(self.tr("Modifier…"))
        self.archive_button = QtWidgets.QPushButton(self.tr("Archiver"))
        self.new_button.clicked.connect(self.new_person)
        self.edit_button.clicked.connect(self.edit_selected)
        self.archive_button.clicked.connect(self.toggle_archive_selected)
        # Personal data (RGPD): the access request's file and anonymisation of the selected person.
        self.privacy_button = QtWidgets.QPushButton(self.tr("Données personnelles"))
        self.privacy_button.setObjectName("members_privacy")
        privacy_menu = QtWidgets.QMenu(self.privacy_button)
        self.export_file_action = privacy_menu.addAction(self.tr("Exporter la fiche (RGPD)…"))
        self.export_file_action.triggered.connect(
            lambda _checked=False: self.export_selected_file()
        )
        self.anonymise_action = privacy_menu.addAction(self.tr("Anonymiser…"))
        self.anonymise_action.triggered.connect(lambda _checked=False: self.anonymise_selected())
        self.privacy_button.setMenu(privacy_menu)
        self._privacy_operation: Operation | None = None

        self.table = QtWidgets.QTableView()
        a11y.name(self.table, self.tr("Membres"))
        self.table.setObjectName("members_table")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self._set_column_widths()
        header.setSortIndicator(MembersTableModel.NAME, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

        self.count_label = QtWidgets.QLabel()
        self.count_label.setObjectName("members_count")
        self.legend = fitting.WrappingLabel(
            self.tr("Surligné : mandat se terminant dans les 90 jours")
        )
        self.legend.setStyleSheet(
            palette.panel_css(
                palette.Panel(
                    MembersTableModel.ENDING_FOREGROUND.hex, MembersTableModel.ENDING_BACKGROUND.hex
                ),
                "padding: 1px 6px;",
            )
        )
        for signal in (
            self.proxy.modelReset,
            self.proxy.layoutChanged,
            self.proxy.rowsInserted,
            self.proxy.rowsRemoved,
        ):
            signal.connect(self._update_count)

        self.panel = PersonPanel(store)

        # The buttons that the width cannot hold go into the « … » menu (fitting.ActionBar).
        self.buttons = fitting.ActionBar()
        self.buttons.setObjectName("members_buttons")
        self.buttons.setSizePolicy(
            QtWidgets.QSizePolicy.Policy.Preferred, QtWidgets.QSizePolicy.Policy.Fixed
        )
        for button in (self.new_button, self.edit_button, self.archive_button, self.privacy_button):
            self.buttons.add(button)
        top = QtWidgets.QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.show_archived)
        top.addSpacing(12)
        top.addWidget(self.buttons)

        left = QtWidgets.QWidget()
        left_layout = QtWidgets.QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table)
        bottom = QtWidgets.QHBoxLayout()
        bottom.addWidget(self.count_label)
        bottom.addStretch(1)
        bottom.addWidget(self.legend)
        left_layout.addLayout(bottom)

        self.splitter = QtWidgets.QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("members_splitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.panel)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([1000, 290])

        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)

        if store.read_only:
            reason = store.read_only_message()
            for button in (self.new_button, self.edit_button, self.archive_button):
                button.setToolTip(reason)
        self._update_count()
        self._update_buttons()

    def _set_column_widths(self) -> None:
        """Widths at first from the font (measuring 2,000 rows would slow the start), the
        structure taking what is left. When the table is narrow the e-mail goes first, then the
        colleges, the instances and the roles (the person's pane at the right shows them all);
        the name, first name and end of mandate stay. Widths dragged and columns unticked in
        the header's menu are kept (ui.columns). Full texts are in the tooltips."""
        metrics = self.fontMetrics()
        char = metrics.horizontalAdvance("n")
        m = MembersTableModel
        # column: (priority, width in characters); 1 = always shown
        chars = {
            m.NAME: (1, 11),
            m.FIRST_NAME: (1, 9),
            m.ORGANISATION: (1, 0),
            m.BODIES: (3, 18),
            m.COLLEGES: (4, 13),
            m.ROLES: (2, 16),
            m.MANDATE_END: (1, 9),
            m.EMAIL: (5, 22),
        }
        headers = self.model.headers()
        columns: dict[int, tuple[int, int | None]] = {
            # Room for the header text and the sort arrow.
            column: (priority, max(n * char, metrics.horizontalAdvance(headers[column]) + 4 * char))
            for column, (priority, n) in chars.items()
        }
        columns[m.ORGANISATION] = (1, None)
        self.table.horizontalHeader().setMinimumSectionSize(6 * char)
        self.columns = choose_columns(
            self.table,
            "members",
            columns,
            stretch=m.ORGANISATION,
            minimum=6 * char,
            stretch_minimum=14 * char,
        )

    # -- state -------------------------------------------------------------------------------
    def selected_person_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return int(rows[0].data(MembersTableModel.PERSON_ID_ROLE))

    def selected_is_archived(self) -> bool:
        rows = self.table.selectionModel().selectedRows()
        return bool(rows and rows[0].data(MembersTableModel.ARCHIVED_ROLE))

    def select_person(self, person_id: int) -> bool:
        row = self.model.row_of(person_id)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return False
        self.table.selectRow(index.row())
        self.table.scrollTo(index)
        return True

    def reload(self) -> None:
        selected = self.selected_person_id()
        self.model.reload()
        if selected is None or not self.select_person(selected):
            self.panel.show_person(None)
            self._update_buttons()

    def _update_count(self, *_args: object) -> None:
        self.count_label.setText(format_count(self.proxy.rowCount(), self._visible_total()))

    def _visible_total(self) -> int:
        if self.proxy.show_archived():
            return self.model.total_count()
        return self.model.active_count()

    def _before_reset(self) -> None:
        self._kept_selection = self.selected_person_id()

    def _after_reset(self) -> None:
        kept, self._kept_selection = self._kept_selection, None
        if kept is None:
            return
        row = self.model.row_of(kept)
        index = self.proxy.mapFromSource(self.model.index(row, 0)) if row is not None else None
        if index is not None and index.isValid():
            self.table.selectRow(index.row())
        else:  # filtered out: nothing is selected any more
            self._selection_changed()

    def _update_buttons(self) -> None:
        writable = not self.store.read_only
        has_selection = self.selected_person_id() is not None
        self.new_button.setEnabled(writable)
        self.edit_button.setEnabled(writable and has_selection)
        self.archive_button.setEnabled(writable and has_selection)
        self.archive_button.setText(
            self.tr("Réactiver") if self.selected_is_archived() else self.tr("Archiver")
        )
        self.privacy_button.setEnabled(has_selection)
        self.export_file_action.setEnabled(has_selection)
        self.anonymise_action.setEnabled(writable and has_selection and not self._anonymised())

    def _selection_changed(self, *_args: object) -> None:
        self.panel.show_person(self.selected_person_id())
        self._update_buttons()
        self.selection_changed.emit()

    # -- actions -----------------------------------------------------------------------------
    def new_person(self) -> None:
        if self.store.read_only:
            return
        from ui.dialogs.person import PersonDialog

        dialog = PersonDialog(self.store, None, self)
        if dialog.exec() == QtWidgets.QDialog.DialogCode.Accepted and dialog.person_id:
            self.search.clear()
            self.model.reload()
            self.select_person(dialog.person_id)
            self.people_changed.emit()

    def edit_selected(self) -> None:
        person_id = self.selected_person_id()
        if person_id is None or self.store.read_only:
            return
        from ui.dialogs.person import PersonDialog

        dialog = PersonDialog(self.store, person_id, self)
        if dialog.exec() == QtWidgets.QDialog.DialogCode.Accepted:
            self.reload()
            self.people_changed.emit()

    def toggle_archive_selected(self) -> None:
        person_id = self.selected_person_id()
        if person_id is None or self.store.read_only:
            return
        from ess_desk.membership import people

        archived = self.selected_is_archived()
        name = people.get(self.store.db, person_id).full_name
        if archived:
            ok = confirm(
                self,
                self.tr("Réactiver"),
                self.tr("Réactiver la fiche de {name} ?").format(name=name),
                self.tr("Réactiver"),
            )
        else:
            ok = confirm(
                self,
                self.tr("Archiver"),
                self.tr(
                    "Archiver la fiche de {name} ? Elle n'apparaîtra plus dans la liste "
                    "(cochez « Afficher les personnes archivées » pour la retrouver) ; "
                    "ses mandats et son historique sont conservés."
                ).format(name=name),
                self.tr("Archiver"),
            )
        if not ok:
            return
        try:
            people.archive(self.store, person_id, not archived)
        except UserError as exc:
            show_user_error(self, exc)
            return
        self.reload()
        self.people_changed.emit()

    def _anonymised(self) -> bool:
        from ess_desk.privacy.person_file import is_anonymised

        person_id = self.selected_person_id()
        return person_id is not None and is_anonymised(self.store.db, person_id)

    def export_selected_file(self, path=None):
        """Write the selected person's whole file (RGPD access request), PDF or JSON."""
        person_id = self.selected_person_id()
        if person_id is None:
            return None
        from ui.dialogs.privacy import export_person_file

        self._privacy_operation = export_person_file(self, self.store, person_id, path)
        return self._privacy_operation

    def anonymise_selected(self):
        """Anonymise the selected person after a confirmation that says it is irreversible."""
        person_id = self.selected_person_id()
        if person_id is None or self.store.read_only:
            return None
        from ess_desk.membership import people
        from ui.dialogs.privacy import anonymise_people

        def done(_results: object) -> None:
            self.reload()
            self.people_changed.emit()

        name = people.get(self.store.db, person_id).full_name
        self._privacy_operation = anonymise_people(self, self.store, [person_id], [name], done)
        return self._privacy_operation

    def edit_state(self) -> tuple[bool, bool]:
        """(a person is selected, that person is archived): what the window's Édition menu needs."""
        return self.selected_person_id() is not None, self.selected_is_archived()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def select_first(self) -> None:
        if self.proxy.rowCount() > 0:
            self.table.selectRow(0)

    def current_index(self) -> QModelIndex:
        return self.table.currentIndex()
