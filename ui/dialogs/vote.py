"""Record (or correct) the vote on an agenda item: open count, roll call or secret ballot, time,
and the chair's own vote, which settles a tie by itself where the body's rules say so."""

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
from ui.dialogs.roll_call import RollCallPanel
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
        # What the chair voted: on a tie it decides by itself where the rules give a casting vote.
        self.casting_vote = QtWidgets.QComboBox()
        self.casting_vote.addItem(self.tr("Non indiqué"), None)
        self.casting_vote.addItem(self.tr("Pour"), "for")
        self.casting_vote.addItem(self.tr("Contre"), "against")
        self.casting_vote.addItem(self.tr("Abstention"), "abstention")
        chair = (current.chair_vote or current.casting_vote) if current else None
        if chair:
            self.casting_vote.setCurrentIndex(max(0, self.casting_vote.findData(chair)))
        self.casting_vote.currentIndexChanged.connect(self._update_preview)
        if not self._body.chair_casting_vote:
            self.casting_vote.setToolTip(
                self.tr("Le règlement de cette instance ne prévoit pas de voix prépondérante.")
            )
        self.kind = QtWidgets.QComboBox()
        self.kind.setObjectName("vote_kind")
        for code in votes.VOTE_KINDS:
            self.kind.addItem(label(votes.VOTE_KINDS, code), code)
        self.kind.setCurrentIndex(max(0, self.kind.findData(current.kind if current else "open")))
        self.blank = spin(current.blank if current else 0)
        self.spoilt = spin(current.spoilt if current else 0)
        self.roll_call = RollCallPanel(store, meeting.id, item.id)
        self._chairs = votes.chair_mandates(store.db, meeting)
        self.roll_call.changed.connect(self._roll_call_changed)
        self._recorded_ballots = (
            {b.mandate_id: b.choice for b in votes.ballots_of(store.db, current.id)}
            if current
            else {}
        )
        self._build_college_section(current)
        self.available = QtWidgets.QLabel()
        self.available.setWordWrap(True)
        self.preview = QtWidgets.QLabel()
        self.preview.setObjectName("vote_preview")

        self.general_error = error_label()
        self.errors = FieldErrors(self.general_error)
        form = QtWidgets.QFormLayout()

        self._rows: dict[str, QtWidgets.QWidget] = {}

        def add(text: str, field: str, widget: QtWidgets.QWidget) -> None:
            self._rows[field] = self.errors.wrap(field, widget)
            form.addRow(text, self._rows[field])

        add(self.tr("Mode de scrutin"), "kind", self.kind)
        add(self.tr("Heure du vote"), "taken_at", self.taken_at)
        form.addRow("", self.available)
        form.addRow(self.errors.wrap("ballots", self.roll_call))
        add(self.tr("Pour"), "votes_for", self.votes_for)
        add(self.tr("Contre"), "votes_against", self.votes_against)
        add(self.tr("Abstention"), "abstentions", self.abstentions)
        add(self.tr("Bulletins blancs"), "blank", self.blank)
        add(self.tr("Bulletins nuls"), "spoilt", self.spoilt)
        add(self.tr("Ne prend pas part au vote"), "not_voting", self.not_voting)
        form.addRow(self.errors.wrap("by_college", self.college_section))
        add(self.tr("Vote de la présidence"), "casting_vote", self.casting_vote)
        form.addRow(self.tr("Résultat"), self.preview)
        self._form = form

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
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()
        finish_dialog(self)

    def _kind_changed(self) -> None:
        """Roll call: the totals follow the names; secret ballot: blank and spoilt papers, no
        abstention, no casting vote (CGCT L. 2121-20: « sauf cas de scrutin secret »)."""
        kind = self.kind.currentData()
        roll_call, secret = kind == "roll_call", kind == "secret"
        self.roll_call.setVisible(roll_call)
        for field in ("blank", "spoilt"):
            self._form.setRowVisible(self._rows[field], secret)
        self._form.setRowVisible(self._rows["abstentions"], not secret)
        self.casting_vote.setEnabled(not secret and not roll_call)
        for total in self._totals().values():
            total.setReadOnly(roll_call or self.by_college.isChecked())
        if roll_call:
            self.by_college.setChecked(False)
            self.roll_call.load(self._time(), self._recorded_ballots)
        self.college_section.setVisible(not roll_call and not secret)
        self._update_preview()

    def _roll_call_changed(self) -> None:
        if self.kind.currentData() != "roll_call":
            return
        for field, total in self._totals().items():
            total.setValue(self.roll_call.totals()[field])
        # The chair's own ballot is their vote: a tie goes to it by itself.
        ballots = self.roll_call.ballots()
        for chair in self._chairs:
            if chair in ballots:
                found = self.casting_vote.findData(ballots[chair])
                self.casting_vote.setCurrentIndex(max(0, found))
                break
        self._update_preview()

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
        count = presence.quorum(
            self._store.db, self._meeting_id, self._time(), item_id=self.item.id
        )
        if hasattr(self, "kind") and self.kind.currentData() == "roll_call":
            self.roll_call.load(self._time(), self._recorded_ballots)
        quorum = (
            self.tr("quorum atteint")
            if count.reached
            else self.tr("sans quorum ({counted} / {required} requis)").format(
                counted=count.counted, required=count.required
            )
        )
        self.available.setText(
            self.tr(
                "À {time} : {n} voix présentes ou représentées (déports déduits), {quorum}."
            ).format(time=self.moment(), n=count.votes_available, quorum=quorum)
        )
        self.available.setStyleSheet("" if count.reached else palette.text_css(palette.ERROR))
        self._update_preview()

    def _time(self) -> dt.time:
        """The hour typed (the last one read while the field holds something unreadable)."""
        return self.taken_at.value() or self.taken_at.last_read() or dt.time(0, 0)

    def _update_preview(self) -> None:
        if not hasattr(self, "kind"):
            return  # still building the dialog
        secret = self.kind.currentData() == "secret"
        result = votes.decide(
            self.votes_for.value(),
            self.votes_against.value(),
            0 if secret else self.abstentions.value(),
            self._body.majority_rule,
            chair_vote=self.casting_vote.currentData(),
            casting_allowed=bool(self._body.chair_casting_vote),
            secret=secret,
            blank=self.blank.value() if secret else 0,
            spoilt=self.spoilt.value() if secret else 0,
        ).outcome
        ink = palette.SUCCESS if result == "adopted" else palette.ERROR
        self.preview.setText(label(OUTCOMES, result))
        self.preview.setStyleSheet(palette.text_css(ink, bold=True))

    def accept(self) -> None:
        if self._store.read_only or not check_fields(self.taken_at):
            return
        kind = self.kind.currentData()
        try:
            self.vote = votes.record_vote(
                self._store,
                self.item.id,
                votes_for=self.votes_for.value(),
                votes_against=self.votes_against.value(),
                abstentions=0 if kind == "secret" else self.abstentions.value(),
                not_voting=self.not_voting.value(),
                taken_at=self.moment(),
                by_college=self.college_counts(),
                chair_vote=self.casting_vote.currentData(),
                kind=kind,
                ballots=self.roll_call.ballots() if kind == "roll_call" else None,
                blank=self.blank.value() if kind == "secret" else 0,
                spoilt=self.spoilt.value() if kind == "secret" else 0,
            )
        except UserError as error:
            self.errors.show(error)
            return
        super().accept()
