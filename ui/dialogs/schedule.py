"""The yearly schedule of a body: a rule, a preview of its dates with holidays flagged, creation."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ess_desk.errors import UserError
from ess_desk.exchange import ics
from ess_desk.meetings import calendar, meetings
from ess_desk.membership import bodies
from ess_desk.store import Store
from ui.dialogs.common import error_label, inform, show_user_error
from ui.models_meetings import ProposedDate, ScheduleTableModel
from ui.qt import Qt, QtCore, QtWidgets
from ui.widgets import date_edit, from_qdate

FREQ_MONTHLY, FREQ_QUARTERLY = "monthly", "quarterly"
WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def build_rule(
    frequency: str, ordinal: int, weekday: str, skipped: set[int], first_month: int = 1
) -> str:
    """« chaque mois, le 2e mardi, sauf en août » → FREQ=MONTHLY;BYDAY=2TU;BYMONTH=1,…,7,9,…,12.

    A quarter counts from `first_month` (the month the schedule starts)."""
    parts = ["FREQ=MONTHLY", f"BYDAY={ordinal}{weekday}"]
    if frequency == FREQ_QUARTERLY:
        months = sorted({(first_month - 1 + 3 * k) % 12 + 1 for k in range(4)} - skipped)
        parts.append("BYMONTH=" + ",".join(map(str, months)))
    elif skipped:
        months = [m for m in range(1, 13) if m not in skipped]
        parts.append("BYMONTH=" + ",".join(map(str, months)))
    return ";".join(parts)


class _DateTimeDelegate(QtWidgets.QStyledItemDelegate):
    """Edit a proposed date in place with a French date-time field."""

    def createEditor(self, parent, option, index):  # noqa: N802 - Qt's name
        editor = QtWidgets.QDateTimeEdit(parent)
        editor.setDisplayFormat("dd/MM/yyyy HH:mm")
        editor.setCalendarPopup(True)
        return editor

    def setEditorData(self, editor, index):  # noqa: N802
        editor.setDateTime(index.data(Qt.ItemDataRole.EditRole))

    def setModelData(self, editor, model, index):  # noqa: N802
        model.setData(index, editor.dateTime(), Qt.ItemDataRole.EditRole)


class ScheduleDialog(QtWidgets.QDialog):
    """`ScheduleDialog(store, body_id=None)`: `created_ids` lists the meetings once created."""

    def __init__(
        self, store: Store, body_id: int | None = None, parent: QtWidgets.QWidget | None = None
    ):
        super().__init__(parent)
        self._store = store
        self.created_ids: list[int] = []
        self.setWindowTitle(self.tr("Calendrier annuel des séances"))
        self.resize(900, 680)
        year = dt.date.today().year + 1

        self.body = QtWidgets.QComboBox()
        for b in bodies.list_bodies(store.db):
            self.body.addItem(b.name, b.id)
        if body_id is not None and self.body.findData(body_id) >= 0:
            self.body.setCurrentIndex(self.body.findData(body_id))

        # The rule builder for the common cases.
        self.frequency = QtWidgets.QComboBox()
        self.frequency.addItem(self.tr("Chaque mois"), FREQ_MONTHLY)
        self.frequency.addItem(self.tr("Chaque trimestre"), FREQ_QUARTERLY)
        self.ordinal = QtWidgets.QComboBox()
        for value, text in [
            (1, self.tr("le 1er")),
            (2, self.tr("le 2e")),
            (3, self.tr("le 3e")),
            (4, self.tr("le 4e")),
            (-1, self.tr("le dernier")),
        ]:
            self.ordinal.addItem(text, value)
        self.ordinal.setCurrentIndex(1)
        self.weekday = QtWidgets.QComboBox()
        for code, text in zip(
            WEEKDAYS[:5],
            [self.tr("lundi"), self.tr("mardi"), self.tr("mercredi"), self.tr("jeudi")]
            + [self.tr("vendredi")],
            strict=True,
        ):
            self.weekday.addItem(text, code)
        self.weekday.setCurrentIndex(1)
        months = [
            self.tr("janv."),
            self.tr("févr."),
            self.tr("mars"),
            self.tr("avr."),
            self.tr("mai"),
            self.tr("juin"),
            self.tr("juil."),
            self.tr("août"),
            self.tr("sept."),
            self.tr("oct."),
            self.tr("nov."),
            self.tr("déc."),
        ]
        self.skip_boxes: dict[int, QtWidgets.QCheckBox] = {}
        skip_row = QtWidgets.QHBoxLayout()
        skip_row.setSpacing(6)
        for month, text in enumerate(months, start=1):
            box = QtWidgets.QCheckBox(text)
            box.setChecked(month == 8)
            box.toggled.connect(self._rule_from_builder)
            self.skip_boxes[month] = box
            skip_row.addWidget(box)
        skip_row.addStretch(1)
        self.rule = QtWidgets.QLineEdit()
        self.rule.setObjectName("rule")
        self.rule.setToolTip(
            self.tr("Règle iCalendar (RRULE) : modifiable à la main pour les cas particuliers.")
        )
        self.rule_error = error_label()

        today = dt.date.today()
        self.from_date = date_edit(dt.date(year, 1, 1) if today.month > 9 else today)
        self.until_date = date_edit(dt.date(self.from_date.date().year(), 12, 31))
        self.time = QtWidgets.QTimeEdit(QtCore.QTime(18, 0))
        self.time.setDisplayFormat("HH:mm")
        self.duration = QtWidgets.QSpinBox()
        self.duration.setRange(15, 12 * 60)
        self.duration.setSingleStep(15)
        self.duration.setValue(120)
        self.duration.setSuffix(self.tr(" min"))
        self.place = QtWidgets.QLineEdit()
        self.place.setPlaceholderText(self.tr("Hôtel de ville, salle du conseil"))

        rule_box = QtWidgets.QGroupBox(self.tr("Règle"))
        rule_grid = QtWidgets.QGridLayout(rule_box)
        builder = QtWidgets.QHBoxLayout()
        builder.addWidget(self.frequency)
        builder.addWidget(self.ordinal)
        builder.addWidget(self.weekday)
        builder.addStretch(1)
        rule_grid.addLayout(builder, 0, 0, 1, 2)
        rule_grid.addWidget(QtWidgets.QLabel(self.tr("Sauf en :")), 1, 0)
        rule_grid.addLayout(skip_row, 1, 1)
        rule_grid.addWidget(QtWidgets.QLabel(self.tr("RRULE :")), 2, 0)
        rule_grid.addWidget(self.rule, 2, 1)
        rule_grid.addWidget(self.rule_error, 3, 1)

        form = QtWidgets.QGridLayout()
        form.addWidget(QtWidgets.QLabel(self.tr("Instance")), 0, 0)
        form.addWidget(self.body, 0, 1, 1, 3)
        form.addWidget(QtWidgets.QLabel(self.tr("Du")), 1, 0)
        form.addWidget(self.from_date, 1, 1)
        form.addWidget(QtWidgets.QLabel(self.tr("au")), 1, 2)
        form.addWidget(self.until_date, 1, 3)
        form.addWidget(QtWidgets.QLabel(self.tr("Heure")), 2, 0)
        form.addWidget(self.time, 2, 1)
        form.addWidget(QtWidgets.QLabel(self.tr("Durée")), 2, 2)
        form.addWidget(self.duration, 2, 3)
        form.addWidget(QtWidgets.QLabel(self.tr("Lieu")), 3, 0)
        form.addWidget(self.place, 3, 1, 1, 3)
        form.setColumnStretch(4, 1)

        self.model = ScheduleTableModel(self)
        self.preview = QtWidgets.QTableView()
        self.preview.setObjectName("schedule_preview")
        self.preview.setModel(self.model)
        self.preview.setItemDelegateForColumn(ScheduleTableModel.DAY, _DateTimeDelegate(self))
        self.preview.setItemDelegateForColumn(ScheduleTableModel.TIME, _DateTimeDelegate(self))
        self.preview.verticalHeader().setVisible(False)
        self.preview.verticalHeader().setDefaultSectionSize(24)
        self.preview.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
        self.preview.setEditTriggers(
            QtWidgets.QAbstractItemView.EditTrigger.DoubleClicked
            | QtWidgets.QAbstractItemView.EditTrigger.EditKeyPressed
        )
        header = self.preview.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(
            ScheduleTableModel.NOTE, QtWidgets.QHeaderView.ResizeMode.Stretch
        )
        self.preview.setColumnWidth(ScheduleTableModel.INCLUDE, 60)
        self.preview.setColumnWidth(ScheduleTableModel.DAY, 230)
        self.preview.setColumnWidth(ScheduleTableModel.TIME, 70)
        self.summary = QtWidgets.QLabel()
        self.summary.setObjectName("schedule_summary")
        self.summary.setWordWrap(True)
        hint = QtWidgets.QLabel(
            self.tr(
                "Double-cliquez sur une date pour la déplacer. Les dates signalées (jour férié, "
                "fermeture du secrétariat) ne sont pas cochées tant qu'elles ne sont pas déplacées."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")

        self.buttons = QtWidgets.QDialogButtonBox()
        self.create_button = self.buttons.addButton(
            self.tr("Créer les séances"), QtWidgets.QDialogButtonBox.ButtonRole.ActionRole
        )
        self.export_button = self.buttons.addButton(
            self.tr("Exporter en .ics…"), QtWidgets.QDialogButtonBox.ButtonRole.ActionRole
        )
        close = self.buttons.addButton(
            self.tr("Fermer"), QtWidgets.QDialogButtonBox.ButtonRole.RejectRole
        )
        close.clicked.connect(self._close)
        self.create_button.clicked.connect(self.create)
        self.export_button.clicked.connect(self.choose_ics)
        self.export_button.setEnabled(False)
        self.export_button.setToolTip(self.tr("Créez d'abord les séances."))

        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(rule_box)
        layout.addWidget(self.summary)
        layout.addWidget(self.preview, 1)
        layout.addWidget(hint)
        layout.addWidget(self.buttons)

        for signal in (
            self.frequency.currentIndexChanged,
            self.ordinal.currentIndexChanged,
            self.weekday.currentIndexChanged,
        ):
            signal.connect(self._rule_from_builder)
        self.from_date.dateChanged.connect(self._from_changed)
        self.rule.textEdited.connect(lambda _text: self.refresh())
        for signal in (
            self.until_date.dateChanged,
            self.time.timeChanged,
            self.body.currentIndexChanged,
        ):
            signal.connect(lambda *_args: self.refresh())
        self.model.dataChanged.connect(lambda *_args: self._update_summary())
        self._rule_from_builder()

    # -- rule and preview ----------------------------------------------------------------------
    def _from_changed(self) -> None:
        if self.frequency.currentData() == FREQ_QUARTERLY:
            self._rule_from_builder()
        else:
            self.refresh()

    def _rule_from_builder(self) -> None:
        skipped = {m for m, box in self.skip_boxes.items() if box.isChecked()}
        self.rule.setText(
            build_rule(
                self.frequency.currentData(),
                self.ordinal.currentData(),
                self.weekday.currentData(),
                skipped,
                self.from_date.date().month(),
            )
        )
        self.refresh()

    def start(self) -> dt.datetime:
        t = self.time.time()
        return dt.datetime.combine(from_qdate(self.from_date.date()), dt.time(t.hour(), t.minute()))

    def refresh(self) -> None:
        """Recompute the dates of the rule, flagged against the body's holidays and closed days."""
        body_id = self.body.currentData()
        code = bodies.get_body(self._store.db, body_id).holiday_calendar if body_id else "FR"
        closed = meetings.closed_days(self._store.db)
        self.rule_error.setVisible(False)
        try:
            dates = calendar.schedule(
                self.rule.text(),
                self.start(),
                from_qdate(self.until_date.date()),
                calendar=code,
                closed_days=closed,
            )
        except UserError as error:
            self.rule_error.setText(error.message)
            self.rule_error.setVisible(True)
            dates = []
        self.model.load(
            [ProposedDate(d.starts_at, d.holiday, d.closed) for d in dates], code, closed
        )
        self._update_summary()

    def _update_summary(self) -> None:
        total = self.model.rowCount()
        flagged = len(self.model.flagged_rows())
        chosen = len(self.model.chosen())
        if total == 0:
            self.summary.setText(self.tr("Aucune date ne correspond à cette règle."))
        elif flagged:
            self.summary.setText(
                self.tr(
                    "{total} date(s) proposée(s), dont {flagged} signalée(s) ; "
                    "{chosen} séance(s) seront créées."
                ).format(total=total, flagged=flagged, chosen=chosen)
            )
        else:
            self.summary.setText(
                self.tr("{total} date(s) proposée(s) ; {chosen} séance(s) seront créées.").format(
                    total=total, chosen=chosen
                )
            )
        self.create_button.setEnabled(
            not self._store.read_only and chosen > 0 and not self.created_ids
        )

    # -- actions -------------------------------------------------------------------------------
    def create(self) -> bool:
        if self._store.read_only or self.created_ids:
            return False
        try:
            self.created_ids = meetings.create_schedule(
                self._store,
                self.body.currentData(),
                self.model.chosen(),
                duration_minutes=self.duration.value(),
                place=self.place.text(),
            )
        except UserError as error:
            show_user_error(self, error, self.tr("Calendrier annuel"))
            return False
        self.summary.setText(
            self.tr("{n} séance(s) créée(s) pour « {body} ».").format(
                n=len(self.created_ids), body=self.body.currentText()
            )
        )
        self.summary.setStyleSheet("color: #1e6b2e; font-weight: bold;")
        self.create_button.setEnabled(False)
        self.export_button.setEnabled(True)
        self.export_button.setToolTip("")
        return True

    def export_ics(self, path: Path) -> Path:
        return ics.write_schedule(self._store.db, self.created_ids, path)

    def choose_ics(self) -> None:
        if not self.created_ids:
            return
        name, _filter = QtWidgets.QFileDialog.getSaveFileName(
            self,
            self.tr("Exporter le calendrier"),
            f"calendrier-{self.body.currentText()}.ics",
            self.tr("Calendrier iCalendar (*.ics)"),
        )
        if not name:
            return
        try:
            path = self.export_ics(Path(name))
        except UserError as error:
            show_user_error(self, error, self.tr("Exporter le calendrier"))
            return
        inform(
            self,
            self.tr("Exporter le calendrier"),
            self.tr("Le calendrier a été enregistré dans {path}.").format(path=path),
        )

    def _close(self) -> None:
        if self.created_ids:
            self.accept()
        else:
            self.reject()

    def chosen_dates(self) -> list[dt.datetime]:
        return self.model.chosen()
