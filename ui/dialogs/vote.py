"""Record (or correct) the vote on an agenda item: counts, time, the chair's casting vote."""

from __future__ import annotations

import datetime as dt

from ess_desk.errors import UserError
from ess_desk.meetings import agenda, meetings, presence, votes
from ess_desk.meetings.vocabulary import OUTCOMES
from ess_desk.membership import bodies
from ess_desk.membership.vocabulary import label
from ess_desk.store import Store
from ui.dialogs.common import FieldErrors, error_label, save_cancel_buttons
from ui.qt import QtCore, QtWidgets


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
        self.taken_at = QtWidgets.QTimeEdit()
        self.taken_at.setDisplayFormat("HH:mm")
        if current and current.taken_at:
            hour, minute = (int(x) for x in current.taken_at.split(":"))
        else:
            hour, minute = meeting.start.hour, meeting.start.minute
        self.taken_at.setTime(QtCore.QTime(hour, minute))
        self.taken_at.timeChanged.connect(self._update_available)
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

    def moment(self) -> str:
        return self.taken_at.time().toString("HH:mm")

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
        self.available.setStyleSheet("" if count.reached else "color: #a01818;")
        self._update_preview()

    def _time(self) -> dt.time:
        t = self.taken_at.time()
        return dt.time(t.hour(), t.minute())

    def _update_preview(self) -> None:
        result = votes.outcome(
            self.votes_for.value(),
            self.votes_against.value(),
            self.abstentions.value(),
            self._body.majority_rule,
            self.casting_vote.currentData(),
        )
        colour = "#1e6b2e" if result == "adopted" else "#a01818"
        self.preview.setText(label(OUTCOMES, result))
        self.preview.setStyleSheet(f"font-weight: bold; color: {colour};")

    def accept(self) -> None:
        if self._store.read_only:
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
                casting_vote=self.casting_vote.currentData(),
            )
        except UserError as error:
            self.errors.show(error)
            return
        super().accept()
