"""Record (or correct) the vote on an agenda item: counts, time, the chair's casting vote."""

from __future__ import annotations

import datetime as dt

from ess_desk.errors import UserError
from ess_desk.meetings import agenda, meetings, presence, votes
from ess_desk.meetings.vocabulary import OUTCOMES
from ess_desk.membership import bodies
from ess_desk.membership.vocabulary import label
from ess_desk.store import Store
from ui import palette
from ui.datefields import TimeField, check_fields
from ui.dialogs.common import FieldErrors, error_label, finish_dialog, save_cancel_buttons
from ui.qt import QtWidgets

COUNT_FIELDS = ("votes_for", "votes_against", "abstentions", "not_voting")


class VoteDialog(QtWidgets.QDialog):
    """`VoteDialog(store, item)`: `vote` holds the recorded vote once saved."""

    def __init__(
        self, store: Store, item: agenda.AgendaItem, parent: QtWidgets.QWidget | None = None
    ):
        super().__init__(parent)
        self._store = store
        self.item = item
        self.vote: votes.Vote | None = None
        meeting = meetings.get(store.db, item.meeting_id)
        self._meeting_id = meeting.id
        self._body = bodies.get_body(store.db, meeting.body_id)
        current = votes.vote_for_item(store.db, item.id)
        self.setWindowTitle(self.tr("Vote sur le point « {title} »").format(title=item.title))
        self.setMinimumWidth(480)

        def spin(value: int) -> QtWidgets.QSpinBox:
            box = QtWidgets.QSpinBox()
            box.setRange(0, 9999)
            box.setValue(value)
            box.valueChanged.connect(self._update_preview)
            return box

        self.votes_for = spin(current.votes_for if current else 0)
        self.votes_against = spin(current.votes_against if current else 0)
        self.abstentions = spin(current.abstentions if current else 0)
        self.not_voting = spin(current.not_voting if current else 0)
        if current and current.taken_at:
            hour, minute = (int(x) for x in current.taken_at.split(":"))
        else:
            hour, minute = meeting.start.hour, meeting.start.minute
        self.taken_at = TimeField(dt.time(hour, minute))
        self.taken_at.value_changed.connect(lambda _t: self._update_available())
        self.casting_vote = QtWidgets.QComboBox()
        self.casting_vote.addItem(self.tr("Aucune"), None)
        self.casting_vote.addItem(self.tr("Pour"), "for")
        self.casting_vote.addItem(self.tr("Contre"), "against")
        if current and current.casting_vote:
            self.casting_vote.setCurrentIndex(self.casting_vote.findData(current.casting_vote))
        self.casting_vote.currentIndexChanged.connect(self._update_preview)
        self.casting_vote.setEnabled(bool(self._body.chair_casting_vote))
        if not self._body.chair_casting_vote:
            self.casting_vote.setToolTip(
                self.tr("Le règlement de cette instance ne prévoit pas de voix prépondérante.")
            )
        self._build_college_section(current)
        self.available = QtWidgets.QLabel()
        self.available.setWordWrap(True)
        self.preview = QtWidgets.QLabel()
        self.preview.setObjectName("vote_preview")

        self.general_error = error_label()
        self.errors = FieldErrors(self.general_error)
        form = QtWidgets.QFormLayout()

        def add(text: str, field: str, widget: QtWidgets.QWidget) -> None:
            form.addRow(text, self.errors.wrap(field, widget))

        add(self.tr("Heure du vote"), "taken_at", self.taken_at)
        form.addRow("", self.available)
        add(self.tr("Pour"), "votes_for", self.votes_for)
        add(self.tr("Contre"), "votes_against", self.votes_against)
        add(self.tr("Abstention"), "abstentions", self.abstentions)
        add(self.tr("Ne prend pas part au vote"), "not_voting", self.not_voting)
        form.addRow(self.errors.wrap("by_college", self.college_section))
        add(self.tr("Voix prépondérante"), "casting_vote", self.casting_vote)
        form.addRow(self.tr("Résultat"), self.preview)

        self.buttons, self.save_button = save_cancel_buttons(
            self, self.tr("Enregistrer le vote"), self.accept, writable=not store.read_only
        )
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        self._update_available()
        self.by_college.setChecked(bool(current and current.by_college))
        self._set_detailed(self.by_college.isChecked())
        self.by_college.toggled.connect(self._set_detailed)
        finish_dialog(self)

    def _build_college_section(self, current: votes.Vote | None) -> None:
        """« Voix par collège »: one row of four counts per voting college of the body (plus any
        college named in the recorded vote that no longer votes or exists, so nothing is lost)."""
        names = [c.name for c in bodies.list_colleges(self._store.db, self._body.id) if c.voting]
        recorded = (current.by_college if current else None) or {}
        names += [name for name in recorded if name not in names]
        self.college_section = QtWidgets.QGroupBox(self.tr("Voix par collège"))
        self.by_college = QtWidgets.QCheckBox(self.tr("Détailler par collège"))
        if not names:
            self.by_college.setEnabled(False)
            self.by_college.setToolTip(self.tr("Cette instance n'a pas de collège votant."))
        self.college_grid = QtWidgets.QWidget()
        grid = QtWidgets.QGridLayout(self.college_grid)
        grid.setContentsMargins(0, 0, 0, 0)
        headers = [
            self.tr("Collège"),
            self.tr("Pour"),
            self.tr("Contre"),
            self.tr("Abstention"),
            self.tr("Ne prend pas part"),
        ]
        for column, text in enumerate(headers):
            grid.addWidget(QtWidgets.QLabel(text), 0, column)
        self.college_spins: dict[str, dict[str, QtWidgets.QSpinBox]] = {}
        for row, name in enumerate(names, start=1):
            grid.addWidget(QtWidgets.QLabel(name), row, 0)
            counts = recorded.get(name, {})
            boxes = {}
            for column, field in enumerate(COUNT_FIELDS, start=1):
                box = QtWidgets.QSpinBox()
                box.setRange(0, 9999)
                box.setValue(int(counts.get(field, 0) or 0))
                box.setAccessibleName(f"{name} — {headers[column]}")
                box.valueChanged.connect(self._sum_colleges)
                grid.addWidget(box, row, column)
                boxes[field] = box
            self.college_spins[name] = boxes
        section = QtWidgets.QVBoxLayout(self.college_section)
        section.addWidget(self.by_college)
        section.addWidget(self.college_grid)

    def _totals(self) -> dict[str, QtWidgets.QSpinBox]:
        return {
            "votes_for": self.votes_for,
            "votes_against": self.votes_against,
            "abstentions": self.abstentions,
            "not_voting": self.not_voting,
        }

    def _set_detailed(self, detailed: bool) -> None:
        """Checked: the totals follow the grid and cannot be typed; unchecked: typed freely."""
        if detailed and len(self.college_spins) == 1:
            (boxes,) = self.college_spins.values()
            if not any(box.value() for box in boxes.values()):
                for field, total in self._totals().items():
                    boxes[field].setValue(total.value())
        self.college_grid.setVisible(detailed)
        for total in self._totals().values():
            total.setReadOnly(detailed)
            total.setButtonSymbols(
                QtWidgets.QAbstractSpinBox.ButtonSymbols.NoButtons
                if detailed
                else QtWidgets.QAbstractSpinBox.ButtonSymbols.UpDownArrows
            )
        self._sum_colleges()

    def _sum_colleges(self) -> None:
        if not self.by_college.isChecked():
            return
        for field, total in self._totals().items():
            total.setValue(sum(boxes[field].value() for boxes in self.college_spins.values()))

    def college_counts(self) -> dict[str, dict[str, int]] | None:
        """The counts by college to record, or None when the vote is not detailed."""
        if not self.by_college.isChecked():
            return None
        return {
            name: {field: box.value() for field, box in boxes.items()}
            for name, boxes in self.college_spins.items()
        }

    def moment(self) -> str:
        return self._time().strftime("%H:%M")

    def _update_available(self) -> None:
        count = presence.quorum(self._store.db, self._meeting_id, self._time())
        quorum = (
            self.tr("quorum atteint")
            if count.reached
            else self.tr("sans quorum ({counted} / {required} requis)").format(
                counted=count.counted, required=count.required
            )
        )
        self.available.setText(
            self.tr("À {time} : {n} voix présentes ou représentées, {quorum}.").format(
                time=self.moment(), n=count.votes_available, quorum=quorum
            )
        )
        self.available.setStyleSheet("" if count.reached else palette.text_css(palette.ERROR))
        self._update_preview()

    def _time(self) -> dt.time:
        """The hour typed (the last one read while the field holds something unreadable)."""
        return self.taken_at.value() or self.taken_at.last_read() or dt.time(0, 0)

    def _update_preview(self) -> None:
        result = votes.outcome(
            self.votes_for.value(),
            self.votes_against.value(),
            self.abstentions.value(),
            self._body.majority_rule,
            self.casting_vote.currentData(),
        )
        ink = palette.SUCCESS if result == "adopted" else palette.ERROR
        self.preview.setText(label(OUTCOMES, result))
        self.preview.setStyleSheet(palette.text_css(ink, bold=True))

    def accept(self) -> None:
        if self._store.read_only or not check_fields(self.taken_at):
            return
        try:
            self.vote = votes.record_vote(
                self._store,
                self.item.id,
                votes_for=self.votes_for.value(),
                votes_against=self.votes_against.value(),
                abstentions=self.abstentions.value(),
                not_voting=self.not_voting.value(),
                taken_at=self.moment(),
                by_college=self.college_counts(),
                casting_vote=self.casting_vote.currentData(),
            )
        except UserError as error:
            self.errors.show(error)
            return
        super().accept()
