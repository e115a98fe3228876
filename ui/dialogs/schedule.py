"""The yearly schedule of a body: a rule, a preview of its dates with holidays flagged, creation."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ess_desk.errors import UserError
from ess_desk.exchange import ics
from ess_desk.meetings import calendar, meetings
from ess_desk.membership import bodies
from ess_desk.store import Store
from ui import a11y, exporting, palette
from ui.datefields import DateField, DateTimeField, TimeField
from ui.dialogs.common import error_label, finish_dialog, show_user_error
from ui.fitting import FlowLayout
from ui.models_meetings import ProposedDate, ScheduleTableModel
from ui.qt import Qt, QtCore, QtWidgets

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
        editor = DateTimeField(parent=parent)
        editor.setMaximumWidth(16_777_215)
        editor.setAccessibleName(
            QtCore.QCoreApplication.translate("ScheduleDialog", "Date et heure de la séance")
        )
        return editor

    def setEditorData(self, editor, index):  # noqa: N802
        value = index.data(Qt.ItemDataRole.EditRole)
        editor.set_value(value.toPython() if isinstance(value, QtCore.QDateTime) else value)

    def setModelData(self, editor, model, index):  # noqa: N802
        if editor.check():
            model.setData(index, editor.value(), Qt.ItemDataRole.EditRole)


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
        skip_holder = QtWidgets.QWidget()
        skip_row = FlowLayout(skip_holder)
        for month, text in enumerate(months, start=1):
            box = QtWidgets.QCheckBox(text)
            box.setChecked(month == 8)
            box.toggled.connect(self._rule_from_builder)
            self.skip_boxes[month] = box
            skip_row.addWidget(box)
        self.rule = QtWidgets.QLineEdit()
        self.rule.setObjectName("rule")
        self.rule.setToolTip(
            self.tr("Règle iCalendar (RRULE) : modifiable à la main pour les cas particuliers.")
        )
        self.rule_error = error_label()

        today = dt.date.today()
        self.from_date = DateField(dt.date(year, 1, 1) if today.month > 9 else today)
        self.until_date = DateField(dt.date(self.from_date.value().year, 12, 31))
        self.time = TimeField(dt.time(18, 0))
        self.duration = QtWidgets.QSpinBox()
        self.duration.setRange(15, 12 * 60)
        self.duration.setSingleStep(15)
        self.duration.setValue(120)
        self.duration.setSuffix(self.tr(" min"))
        self.place = QtWidgets.QLineEdit()
        self.place.setPlaceholderText(self.tr("Hôtel de ville, salle du conseil"))

        rule_box = QtWidgets.QGroupBox(self.tr("Règle"))
        rule_grid = QtWidgets.QGridLayout(rule_box)
        a11y.name(self.frequency, self.tr("Fréquence"))
        a11y.name(self.ordinal, self.tr("Quel jour du mois"))
        a11y.name(self.weekday, self.tr("Jour de la semaine"))
        builder = QtWidgets.QHBoxLayout()
        builder.addWidget(self.frequency)
        builder.addWidget(self.ordinal)
        builder.addWidget(self.weekday)
        builder.addStretch(1)
        rule_grid.addLayout(builder, 0, 0, 1, 2)
        rule_grid.addWidget(QtWidgets.QLabel(self.tr("Sauf en :")), 1, 0)
        rule_grid.addWidget(skip_holder, 1, 1)
        rule_grid.addWidget(a11y.labelled(self.tr("RR&ULE :"), self.rule), 2, 0)
        rule_grid.addWidget(self.rule, 2, 1)
        rule_grid.addWidget(self.rule_error, 3, 1)
        rule_grid.setColumnStretch(1, 1)

        form = QtWidgets.QGridLayout()
        form.addWidget(a11y.labelled(self.tr("&Instance"), self.body), 0, 0)
        form.addWidget(self.body, 0, 1, 1, 3)
        form.addWidget(a11y.labelled(self.tr("D&u"), self.from_date), 1, 0)
        form.addWidget(self.from_date, 1, 1)
        form.addWidget(a11y.labelled(self.tr("&au"), self.until_date), 1, 2)
        form.addWidget(self.until_date, 1, 3)
        form.addWidget(a11y.labelled(self.tr("&Heure"), self.time), 2, 0)
        form.addWidget(self.time, 2, 1)
        form.addWidget(a11y.labelled(self.tr("Du&rée"), self.duration), 2, 2)
        form.addWidget(self.duration, 2, 3)
        form.addWidget(a11y.labelled(self.tr("&Lieu"), self.place), 3, 0)
        form.addWidget(self.place, 3, 1, 1, 3)
        errors = QtWidgets.QVBoxLayout()
        for field in (self.from_date, self.until_date, self.time):
            errors.addWidget(field.error_label)
        form.addLayout(errors, 4, 1, 1, 4)
        form.setColumnStretch(4, 1)

        self.model = ScheduleTableModel(self)
        self.preview = QtWidgets.QTableView()
        self.preview.setObjectName("schedule_preview")
        a11y.name(self.preview, self.tr("Dates proposées"))
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
        hint.setStyleSheet(palette.text_css(palette.MUTED))

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
        self.from_date.value_changed.connect(self._from_changed)
        self.rule.textEdited.connect(lambda _text: self.refresh())
        for signal in (
            self.until_date.value_changed,
            self.time.value_changed,
            self.body.currentIndexChanged,
        ):
            signal.connect(lambda *_args: self.refresh())
        self.model.dataChanged.connect(lambda *_args: self._update_summary())
        self._rule_from_builder()
        finish_dialog(self)

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
                (self.from_date.value() or dt.date.today()).month,
            )
        )
        self.refresh()

    def start(self) -> dt.datetime | None:
        day, hour = self.from_date.value(), self.time.value()
        return dt.datetime.combine(day, hour) if day is not None and hour is not None else None

    def refresh(self) -> None:
        """Recompute the dates of the rule, flagged against the body's holidays and closed days."""
        body_id = self.body.currentData()
        code = bodies.get_body(self._store.db, body_id).holiday_calendar if body_id else "FR"
        closed = meetings.closed_days(self._store.db)
        self.rule_error.setVisible(False)
        start, until = self.start(), self.until_date.value()
        try:
            if start is None or until is None:
                raise UserError(self.tr("Indiquez la période et l'heure des séances."))
            dates = calendar.schedule(
                self.rule.text(), start, until, calendar=code, closed_days=closed
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
        self.summary.setStyleSheet(palette.text_css(palette.SUCCESS, bold=True))
        self.create_button.setEnabled(False)
        self.export_button.setEnabled(True)
        self.export_button.setToolTip("")
        return True

    def export_ics(self, path: Path) -> Path:
        return ics.write_schedule(self._store.db, self.created_ids, path)

    def choose_ics(self) -> None:
        if not self.created_ids:
            return
        chosen = exporting.ask_save_path(
            self,
            "calendar",
            self.tr("Exporter le calendrier"),
            f"calendrier-{self.body.currentText()}.ics",
            self.tr("Calendrier iCalendar (*.ics)"),
        )
        if chosen is None:
            return
        try:
            path = self.export_ics(chosen)
        except (UserError, OSError) as error:
            if isinstance(error, OSError):
                error = UserError(str(error))
            show_user_error(self, error, self.tr("Exporter le calendrier"))
            return
        exporting.export_done(self, self.tr("Exporter le calendrier"), path)

    def _close(self) -> None:
        if self.created_ids:
            self.accept()
        else:
            self.reject()

    def chosen_dates(self) -> list[dt.datetime]:
        return self.model.chosen()
