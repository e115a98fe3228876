"""Create or edit an action: title, owner (person and/or organisation), due date, priority,
status, progress, theme, and its origin (meeting, agenda item, decision)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from ess_desk.actions import actions, rules, themes
from ess_desk.dates import display
from ess_desk.errors import UserError
from ess_desk.meetings import agenda, meetings
from ess_desk.membership import bodies, people
from ess_desk.membership.vocabulary import label
from ess_desk.store import Store, database
from ess_desk.text import fold
from ui import a11y
from ui.datefields import DateField, check_fields
from ui.dialogs.common import FieldErrors, error_label, finish_dialog
from ui.qt import Qt, QtWidgets

if TYPE_CHECKING:
    from ess_desk.actions.actions import Action
    from ess_desk.minutes.decisions import Decision


def searchable_combo(placeholder: str) -> QtWidgets.QComboBox:
    """An editable combo whose completer finds any word of the entries, accents as typed."""
    combo = QtWidgets.QComboBox()
    combo.setEditable(True)
    combo.setInsertPolicy(QtWidgets.QComboBox.InsertPolicy.NoInsert)
    combo.setMinimumWidth(380)
    combo.lineEdit().setPlaceholderText(placeholder)
    completer = combo.completer()
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setCompletionMode(QtWidgets.QCompleter.CompletionMode.PopupCompletion)
    return combo


def combo_id(combo: QtWidgets.QComboBox) -> int | None:
    """The id chosen in a searchable combo; typed text that names no entry counts as nothing."""
    text = combo.currentText().strip()
    if not text:
        return None
    index = combo.findText(text, Qt.MatchFlag.MatchFixedString)
    if index < 0:
        return -1  # typed but not found: reported beside the field
    return combo.itemData(index)


def status_combo() -> QtWidgets.QComboBox:
    combo = QtWidgets.QComboBox()
    for code in rules.STATUSES:
        combo.addItem(label(rules.STATUSES, code), code)
    return combo


def progress_spin() -> QtWidgets.QSpinBox:
    spin = QtWidgets.QSpinBox()
    spin.setRange(0, 100)
    spin.setSingleStep(10)
    spin.setSuffix(" %")
    spin.setMaximumWidth(100)
    return spin


class ActionDialog(QtWidgets.QDialog):
    """`ActionDialog(store, action_id=None, body_id=None, meeting_id=None, item_id=None,
    decision_id=None, parent=None)`.

    A new action given an agenda item (or a decision) is created with `actions.create_from_item`
    (`create_from_decision`): the link is kept both ways. Editing goes through `actions.update`,
    which records a change of status or progress as a dated follow-up entry. A refusal is shown
    beside the field the core names; nothing is written.
    """

    def __init__(
        self,
        store: Store,
        action_id: int | None = None,
        body_id: int | None = None,
        meeting_id: int | None = None,
        item_id: int | None = None,
        decision_id: int | None = None,
        parent: QtWidgets.QWidget | None = None,
        today: dt.date | None = None,
    ):
        super().__init__(parent)
        self._store = store
        self._today = today or dt.date.today()
        self.action_id = action_id
        self.saved_id: int | None = None
        db = store.db
        current = actions.get(db, action_id) if action_id is not None else None
        if current is not None:
            body_id, meeting_id = current.body_id, current.meeting_id
            item_id, decision_id = current.item_id, current.decision_id
        decision = self._decision(decision_id)
        body_id, meeting_id, item_id = self._origin(body_id, meeting_id, item_id, decision)
        if current is not None:
            self.setWindowTitle(self.tr("Modifier l'action"))
        elif decision is not None:
            self.setWindowTitle(
                self.tr("Nouvelle action — suite à la décision {ref}").format(
                    ref=decision.reference
                )
            )
        else:
            self.setWindowTitle(self.tr("Nouvelle action"))
        self.setMinimumWidth(620)

        self.title = QtWidgets.QLineEdit()
        self.title.setPlaceholderText(self.tr("Ce qu'il faut faire, en une ligne"))
        self.description = QtWidgets.QPlainTextEdit()
        self.description.setFixedHeight(70)
        self.body = QtWidgets.QComboBox()
        for body in bodies.list_bodies(db):
            self.body.addItem(body.name, body.id)
        self.person, self.organisation = self._owner_combos(current)

        # A month after today, or after the meeting the action comes from when it is later.
        start = self._today
        if meeting_id is not None:
            start = max(start, meetings.get(db, meeting_id).day)
        self.due = DateField(start + dt.timedelta(days=30))
        self.no_due = QtWidgets.QCheckBox(self.tr("Sans échéance"))
        self.no_due.toggled.connect(lambda on: self.due.setEnabled(not on))
        due_row = QtWidgets.QWidget()
        row = QtWidgets.QHBoxLayout(due_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.due)
        row.addWidget(self.no_due)
        row.addWidget(self.due.error_label, 1)

        self.priority = QtWidgets.QComboBox()
        for code in rules.PRIORITIES:
            self.priority.addItem(label(rules.PRIORITIES, code), code)
        self.status = status_combo()
        self.progress = progress_spin()
        state_row = QtWidgets.QWidget()
        row = QtWidgets.QHBoxLayout(state_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.status)
        row.addWidget(a11y.labelled(self.tr("A&vancement"), self.progress))
        row.addWidget(self.progress)
        row.addStretch(1)
        self.comment = QtWidgets.QLineEdit()
        self.comment.setPlaceholderText(
            self.tr("Facultatif : noté dans l'historique si l'état change")
        )
        self.theme = self._theme_combo(current.theme_id if current else None)

        self.meeting = QtWidgets.QComboBox()
        self.item = QtWidgets.QComboBox()
        self.decision = QtWidgets.QComboBox()
        self.decision.setObjectName("action_decision")
        self.decision.setSizeAdjustPolicy(
            QtWidgets.QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.decision.setMinimumContentsLength(30)

        self.general = error_label()
        self.errors = FieldErrors(self.general)
        form = QtWidgets.QFormLayout()
        form.setFieldGrowthPolicy(QtWidgets.QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)

        def add(text: str, field: str | None, widget: QtWidgets.QWidget) -> QtWidgets.QLayout:
            box = QtWidgets.QWidget()
            layout = QtWidgets.QVBoxLayout(box)
            layout.setContentsMargins(0, 0, 0, 0)
            layout.setSpacing(2)
            layout.addWidget(widget)
            if field is not None:
                layout.addWidget(self.errors.add(field, widget))
            form.addRow(text, box)
            return layout

        add(self.tr("Intitulé"), "title", self.title)
        add(self.tr("Description"), "description", self.description)
        add(self.tr("Instance"), "body_id", self.body)
        add(self.tr("Porteur (personne)"), "owner_person_id", self.person)
        add(self.tr("Porteur (structure)"), "owner_organisation_id", self.organisation)
        add(self.tr("Échéance"), "due_date", due_row)
        add(self.tr("Priorité"), "priority", self.priority)
        add(self.tr("Statut"), "status", state_row).addWidget(
            self.errors.add("progress", self.progress)
        )
        add(self.tr("Commentaire"), "comment", self.comment)
        # A new action's story starts with its creation: a comment belongs to later changes.
        self.comment.setVisible(current is not None)
        holder = self.comment.parentWidget()  # the wrapper that shows the field's error
        if holder is not None:
            form.labelForField(holder).setVisible(current is not None)
        add(self.tr("Thème"), "theme_id", self.theme)

        origin = QtWidgets.QGroupBox(self.tr("Origine"))
        origin_form = QtWidgets.QFormLayout(origin)
        meeting_box = QtWidgets.QWidget()
        layout = QtWidgets.QVBoxLayout(meeting_box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.meeting)
        layout.addWidget(self.errors.add("meeting_id", self.meeting))
        item_box = QtWidgets.QWidget()
        layout = QtWidgets.QVBoxLayout(item_box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.item)
        layout.addWidget(self.errors.add("item_id", self.item))
        origin_form.addRow(self.tr("Séance"), meeting_box)
        origin_form.addRow(self.tr("Point de l'ordre du jour"), item_box)
        origin_form.addRow(self.tr("Décision"), self.decision)

        buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Save
            | QtWidgets.QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Enregistrer"))
        self.save_button.setEnabled(not store.read_only)
        if store.read_only:
            self.save_button.setToolTip(store.read_only_message())
        buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuler"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)

        main = QtWidgets.QVBoxLayout(self)
        main.addLayout(form)
        main.addWidget(origin)
        main.addWidget(self.errors.add("created_on", origin))
        main.addWidget(self.general)
        main.addWidget(buttons)

        if body_id is not None:
            self.body.setCurrentIndex(max(0, self.body.findData(body_id)))
        self._fill_meetings(meeting_id)
        self._fill_items(item_id)
        self._fill_decisions(decision_id, propose=current is None)
        self.body.currentIndexChanged.connect(lambda _i: self._fill_meetings(None))
        self.meeting.currentIndexChanged.connect(lambda _i: self._fill_items(None))
        self.item.currentIndexChanged.connect(
            lambda _i: self._fill_decisions(None, propose=self.action_id is None)
        )
        if current is not None:
            self.title.setText(current.title)
            self.description.setPlainText(current.description)
            self._select(self.person, current.owner_person_id)
            self._select(self.organisation, current.owner_organisation_id)
            if current.due_date:
                self.due.set_value(dt.date.fromisoformat(current.due_date))
            self.no_due.setChecked(not current.due_date)
            self.priority.setCurrentIndex(self.priority.findData(current.priority))
            self.status.setCurrentIndex(self.status.findData(current.status))
            self.progress.setValue(current.progress)
            self.theme.setCurrentIndex(max(0, self.theme.findData(current.theme_id)))
        else:
            self.priority.setCurrentIndex(self.priority.findData("normal"))
            self.person.setCurrentIndex(0)
            self.organisation.setCurrentIndex(0)
        self.due.setEnabled(not self.no_due.isChecked())
        finish_dialog(self)
        self.title.setFocus()

    # -- lists -------------------------------------------------------------------------------
    def _organisations(self, keep: int | None) -> list[tuple[int, str]]:
        rows = database.each_row(
            self._store.db,
            "SELECT id, name FROM organisations WHERE archived = 0 OR id IS ?",
            [keep],
        )
        return sorted(((r["id"], r["name"]) for r in rows), key=lambda r: (fold(r[1]), r[0]))

    @staticmethod
    def _select(combo: QtWidgets.QComboBox, value: Any) -> None:
        index = combo.findData(value)
        combo.setCurrentIndex(max(0, index))

    def _fill_meetings(self, keep: int | None) -> None:
        self.meeting.blockSignals(True)
        self.meeting.clear()
        self.meeting.addItem(self.tr("— aucune —"), None)
        body_id = self.body.currentData()
        if body_id is not None:
            for m in reversed(meetings.list_meetings(self._store.db, body_id=body_id)):
                self.meeting.addItem(f"{display(m.starts_at[:10])} — {m.title}", m.id)
        self.meeting.setCurrentIndex(max(0, self.meeting.findData(keep)))
        self.meeting.blockSignals(False)
        self._fill_items(None)

    def _fill_items(self, keep: int | None) -> None:
        self.item.clear()
        self.item.addItem(self.tr("— aucun —"), None)
        meeting_id = self.meeting.currentData()
        if meeting_id is not None:
            for item in agenda.items(self._store.db, meeting_id):
                self.item.addItem(f"{item.position}. {item.title}", item.id)
        self.item.setCurrentIndex(max(0, self.item.findData(keep)))
        self.item.setEnabled(meeting_id is not None)

    def _owner_combos(
        self, current: Action | None
    ) -> tuple[QtWidgets.QComboBox, QtWidgets.QComboBox]:
        """The owner's two fields: a person, or an organisation (those archived only when the
        action already names them)."""
        person = searchable_combo(self.tr("Tapez un nom pour chercher…"))
        person.addItem("", None)
        for person_id, text in people.choices(
            self._store.db, current.owner_person_id if current else None
        ):
            person.addItem(text, person_id)
        organisation = searchable_combo(self.tr("Tapez le nom d'une structure…"))
        organisation.addItem("", None)
        for org_id, name in self._organisations(current.owner_organisation_id if current else None):
            organisation.addItem(name, org_id)
        return person, organisation

    def _theme_combo(self, keep_theme: int | None) -> QtWidgets.QComboBox:
        """The themes in use, and the action's own even when it is archived."""
        combo = QtWidgets.QComboBox()
        combo.addItem(self.tr("— sans thème —"), None)
        for theme in themes.list_themes(self._store.db, include_archived=True):
            if not theme.archived or theme.id == keep_theme:
                text = theme.name if not theme.archived else f"{theme.name} (archivé)"
                combo.addItem(text, theme.id)
        return combo

    def _origin(
        self,
        body_id: int | None,
        meeting_id: int | None,
        item_id: int | None,
        decision: Decision | None,
    ) -> tuple[int | None, int | None, int | None]:
        """Where the action comes from, completed upwards: a decision gives its item, an item
        its meeting, a meeting its body."""
        db = self._store.db
        if decision is not None and item_id is None:
            item_id = decision.item_id  # an action that follows a decision: its item, its meeting
        if item_id is not None:
            item = database.row(db, "SELECT meeting_id FROM agenda_items WHERE id = ?", [item_id])
            meeting_id = item["meeting_id"] if item else meeting_id
        if meeting_id is not None and body_id is None:
            body_id = meetings.get(db, meeting_id).body_id
        return body_id, meeting_id, item_id

    def _decision(self, decision_id: int | None) -> Any:
        if decision_id is None or not actions.decisions_table_exists(self._store.db):
            return None
        from ess_desk.minutes import decisions

        try:
            return decisions.get(self._store.db, decision_id)
        except UserError:
            return None

    def _fill_decisions(self, keep: int | None, *, propose: bool) -> None:
        """The decisions of the chosen item; a new action proposes the item's only decision."""
        self.decision.clear()
        self.decision.addItem(self.tr("— aucune —"), None)
        item_id = self.item.currentData()
        found = []
        if item_id is not None and actions.decisions_table_exists(self._store.db):
            from ess_desk.minutes import decisions

            found = decisions.decisions_of_item(self._store.db, item_id)
            for d in found:
                text = d.text if len(d.text) <= 90 else d.text[:89] + "…"
                self.decision.addItem(
                    self.tr("{ref} — {text}").format(ref=d.reference, text=text), d.id
                )
                self.decision.setItemData(
                    self.decision.count() - 1, d.text, Qt.ItemDataRole.ToolTipRole
                )
        if keep is None and propose and len(found) == 1:
            keep = found[0].id
        index = self.decision.findData(keep) if keep is not None else 0
        if keep is not None and index < 0:  # a decision of another item: kept as it was
            decision = self._decision(keep)
            if decision is not None:
                self.decision.addItem(decision.reference, decision.id)
                index = self.decision.count() - 1
        self.decision.setCurrentIndex(max(0, index))
        self.decision.setEnabled(self.decision.count() > 1)

    @property
    def _decision_id(self) -> int | None:
        return self.decision.currentData()

    # -- saving ------------------------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        return {
            "title": self.title.text(),
            "description": self.description.toPlainText(),
            "body_id": self.body.currentData(),
            "owner_person_id": combo_id(self.person),
            "owner_organisation_id": combo_id(self.organisation),
            "due_date": None if self.no_due.isChecked() else self.due.value(),
            "priority": self.priority.currentData(),
            "theme_id": self.theme.currentData(),
            "meeting_id": self.meeting.currentData(),
            "item_id": self.item.currentData(),
            "decision_id": self._decision_id,
            "status": self.status.currentData(),
            "progress": self.progress.value(),
        }

    def save(self) -> None:
        if self._store.read_only:
            return
        self.errors.clear()
        if not self.no_due.isChecked() and not check_fields(self.due):
            return
        values = self.values()
        for field, combo, what in (
            ("owner_person_id", self.person, self.tr("Personne inconnue : choisissez-la")),
            ("owner_organisation_id", self.organisation, self.tr("Structure inconnue")),
        ):
            if values[field] == -1:
                self.errors.show(
                    UserError(f"{what} « {combo.currentText().strip()} ».", field=field)
                )
                return
        comment = self.comment.text().strip()
        try:
            if self.action_id is None:
                self.saved_id = self._create(values)
            else:
                if comment:
                    values["comment"] = comment
                actions.update(self._store, self.action_id, today=self._today, **values)
                self.saved_id = self.action_id
        except UserError as exc:
            self.errors.show(exc)
            return
        self.accept()

    def _create(self, values: dict[str, Any]) -> int:
        # From an agenda item or a decision, the core keeps the link both ways.
        item_id, decision_id = values.pop("item_id"), values.pop("decision_id")
        if decision_id is not None:
            if item_id is not None:
                values["item_id"] = item_id
            return actions.create_from_decision(
                self._store, decision_id, today=self._today, **values
            )
        if item_id is not None:
            return actions.create_from_item(self._store, item_id, today=self._today, **values)
        return actions.create(self._store, today=self._today, **values)
