"""The roll call of a vote (scrutin public): each voter of the moment and what they voted, the
votes cast through a proxy or by a substitute named as such; withdrawn members are not called."""

from __future__ import annotations

import datetime as dt

from ess_desk.meetings import presence, votes
from ess_desk.membership.vocabulary import label
from ess_desk.store import Store
from ui.qt import QtWidgets, Signal


class RollCallPanel(QtWidgets.QGroupBox):
    """One choice per member who votes at `moment` on the item; `ballots()` reads them."""

    changed = Signal()

    def __init__(self, store: Store, meeting_id: int, item_id: int, parent=None):
        super().__init__(parent)
        self.setTitle(self.tr("Appel nominal"))
        self._store = store
        self._meeting_id = meeting_id
        self._item_id = item_id
        self.choices: dict[int, QtWidgets.QComboBox] = {}
        self._grid_host = QtWidgets.QWidget()
        # One row per voter: their names are the combo boxes' names, not Alt+letter labels
        # (a bureau has more voters than the alphabet has letters).
        self._grid_host.setProperty("rows_of_records", True)
        self._grid = QtWidgets.QFormLayout(self._grid_host)
        scroll = QtWidgets.QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self._grid_host)
        scroll.setMinimumHeight(160)
        self.all_for = QtWidgets.QPushButton(self.tr("Tous « pour »"))
        self.all_for.clicked.connect(lambda: self.set_all("for"))
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.all_for)
        layout.addWidget(scroll)

    def load(self, moment: dt.time, recorded: dict[int, str]) -> None:
        """The voters at `moment`, each with their recorded choice (« pour » when none)."""
        db = self._store.db
        kept = {m: box.currentData() for m, box in self.choices.items()}
        while self._grid.rowCount():
            self._grid.removeRow(0)
        self.choices = {}
        count = presence.quorum(db, self._meeting_id, moment, item_id=self._item_id)
        names = {a.mandate_id: a.name for a in presence.expected_attendees(db, self._meeting_id)}
        for member in sorted(count.cast_by, key=lambda m: names.get(m, "")):
            by = count.cast_by[member]
            text = names.get(member, "?")
            if by != member:
                text = self.tr("{member} (vote exprimé par {holder})").format(
                    member=text, holder=names.get(by, "?")
                )
            box = QtWidgets.QComboBox()
            for code in votes.CHOICES:
                box.addItem(label(votes.CHOICES, code), code)
            choice = kept.get(member) or recorded.get(member) or "for"
            box.setCurrentIndex(max(0, box.findData(choice)))
            box.currentIndexChanged.connect(lambda _i: self.changed.emit())
            box.setAccessibleName(text)
            self._grid.addRow(text, box)
            self.choices[member] = box
        self.changed.emit()

    def set_all(self, choice: str) -> None:
        for box in self.choices.values():
            box.setCurrentIndex(box.findData(choice))

    def set_choice(self, mandate_id: int, choice: str) -> None:
        self.choices[mandate_id].setCurrentIndex(self.choices[mandate_id].findData(choice))

    def ballots(self) -> dict[int, str]:
        return {m: box.currentData() for m, box in self.choices.items()}

    def totals(self) -> dict[str, int]:
        key = {"for": "votes_for", "against": "votes_against", "abstention": "abstentions"}
        out = {"votes_for": 0, "votes_against": 0, "abstentions": 0, "not_voting": 0}
        for choice in self.ballots().values():
            out[key.get(choice, "not_voting")] += 1
        return out
