"""Create or edit a meeting (séance), and postpone one to a new date."""

from __future__ import annotations

import datetime as dt

from ess_desk.errors import UserError
from ess_desk.meetings import meetings
from ess_desk.meetings.vocabulary import BODY_MEETING_KIND, MEETING_KINDS
from ess_desk.membership import bodies
from ess_desk.membership.vocabulary import label
from ess_desk.store import Store
from ui import a11y
from ui.datefields import DateTimeField, check_fields
from ui.dialogs.common import FieldErrors, error_label, finish_dialog, save_cancel_buttons
from ui.qt import QtWidgets


def _next_evening() -> dt.datetime:
    day = dt.date.today() + dt.timedelta(days=14)
    return dt.datetime.combine(day, dt.time(18, 0))


class MeetingDialog(QtWidgets.QDialog):
    """`MeetingDialog(store, meeting_id=None, body_id=None)`: `meeting_id` is set once saved."""

    def __init__(
        self,
        store: Store,
        meeting_id: int | None = None,
        body_id: int | None = None,
        parent: QtWidgets.QWidget | None = None,
    ):
        super().__init__(parent)
        self._store = store
        self.meeting_id = meeting_id
        current = meetings.get(store.db, meeting_id) if meeting_id is not None else None
        self.setWindowTitle(
            self.tr("Modifier la séance") if current else self.tr("Nouvelle séance")
        )
        self.setMinimumWidth(560)

        self.body = QtWidgets.QComboBox()
        for b in bodies.list_bodies(store.db):
            self.body.addItem(b.name, b.id)
        chosen = current.body_id if current else body_id
        if chosen is not None and self.body.findData(chosen) >= 0:
            self.body.setCurrentIndex(self.body.findData(chosen))
        self.kind = QtWidgets.QComboBox()
        for key in MEETING_KINDS:
            self.kind.addItem(label(MEETING_KINDS, key), key)
        self.title = QtWidgets.QLineEdit(current.title if current else "")
        start = current.start if current else _next_evening()
        end = (current.end if current else None) or start + dt.timedelta(hours=2)
        self.starts_at = DateTimeField(start)
        self.ends_at = DateTimeField(end)
        self.place = QtWidgets.QLineEdit(current.place if current else "")
        self.place.setPlaceholderText(self.tr("Hôtel de ville, salle du conseil"))
        self.video_link = QtWidgets.QLineEdit(current.video_link if current else "")
        self.video_link.setPlaceholderText("https://")
        self.notes = QtWidgets.QPlainTextEdit(current.notes if current else "")
        self.notes.setFixedHeight(70)
        if current is not None:
            self.kind.setCurrentIndex(max(0, self.kind.findData(current.kind)))
        else:
            self._default_kind()
        self.body.currentIndexChanged.connect(self._default_kind)
        self.body.currentIndexChanged.connect(self._title_hint)
        self.kind.currentIndexChanged.connect(self._title_hint)
        self.starts_at.value_changed.connect(self._keep_duration)
        self.starts_at.value_changed.connect(self._title_hint)
        self._duration = end - start
        self.ends_at.value_changed.connect(self._duration_changed)
        self._title_hint()

        self.general_error = error_label()
        self.errors = FieldErrors(self.general_error)
        form = QtWidgets.QFormLayout()
        form.setFieldGrowthPolicy(QtWidgets.QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)

        def add(text: str, field: str, widget: QtWidgets.QWidget) -> None:
            form.addRow(text, self.errors.wrap(field, widget))

        add(self.tr("&Instance"), "body_id", self.body)
        add(self.tr("&Type de séance"), "kind", self.kind)
        add(self.tr("Ti&tre"), "title", self.title)
        a11y.add_row(form, self.tr("&Début"), self.starts_at, beside=self.starts_at.error_label)
        a11y.add_row(form, self.tr("&Fin prévue"), self.ends_at, beside=self.ends_at.error_label)
        self.errors.attach("starts_at", self.starts_at, self.starts_at.error_label)
        self.errors.attach("ends_at", self.ends_at, self.ends_at.error_label)
        add(self.tr("&Lieu"), "place", self.place)
        add(self.tr("Lien de &visioconférence"), "video_link", self.video_link)
        add(self.tr("&Notes"), "notes", self.notes)

        self.buttons, self.save_button = save_cancel_buttons(
            self, self.tr("Enregistrer"), self.accept, writable=not store.read_only
        )
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        finish_dialog(self)

    def _title_hint(self) -> None:
        """The title given when none is typed, as the core will write it."""
        start = self.starts_at.value()
        kind = self.kind.currentData()
        if start is None or kind is None:
            return
        title = meetings.default_title(kind, start.date())
        self.title.setPlaceholderText(self.tr("Par défaut : « {title} »").format(title=title))

    def _duration_changed(self, end: dt.datetime | None) -> None:
        start = self.starts_at.value()
        if start is not None and end is not None:
            self._duration = end - start

    def _default_kind(self) -> None:
        body_id = self.body.currentData()
        if body_id is None:
            return
        kind = BODY_MEETING_KIND.get(bodies.get_body(self._store.db, body_id).kind, "commission")
        self.kind.setCurrentIndex(max(0, self.kind.findData(kind)))

    def _keep_duration(self, start: dt.datetime | None) -> None:
        """Moving the start moves the planned end with it, keeping the duration."""
        if start is not None:
            self.ends_at.set_value(start + self._duration)

    def values(self) -> meetings.MeetingFields:
        return {
            "body_id": self.body.currentData(),
            "kind": self.kind.currentData(),
            "title": self.title.text(),
            "starts_at": self.starts_at.value(),
            "ends_at": self.ends_at.value(),
            "place": self.place.text(),
            "video_link": self.video_link.text(),
            "notes": self.notes.toPlainText(),
        }

    def accept(self) -> None:
        if self._store.read_only or not check_fields(self.starts_at, self.ends_at):
            return
        try:
            if self.meeting_id is None:
                self.meeting_id = meetings.create(self._store, **self.values())
            else:
                meetings.update(self._store, self.meeting_id, **self.values())
        except UserError as error:
            self.errors.show(error)
            return
        super().accept()


class _NewMeetingDialog(QtWidgets.QDialog):
    """A new meeting in place of this one, at a date the secretary confirms: `create(start)`
    makes it, `new_meeting_id` holds it once accepted."""

    def __init__(
        self,
        store: Store,
        meeting_id: int,
        texts: tuple[str, str, str, str],
        start: dt.datetime,
        parent: QtWidgets.QWidget | None = None,
    ):
        super().__init__(parent)
        self._store = store
        self.meeting_id = meeting_id
        self.new_meeting_id: int | None = None
        title, explanation, field_label, action = texts
        self.setWindowTitle(title)
        self.setMinimumWidth(480)
        intro = QtWidgets.QLabel(explanation)
        intro.setWordWrap(True)
        self.starts_at = DateTimeField(start)
        self.general_error = error_label()
        self.errors = FieldErrors(self.general_error)
        form = QtWidgets.QFormLayout()
        a11y.add_row(form, field_label, self.starts_at, beside=self.starts_at.error_label)
        self.errors.attach("starts_at", self.starts_at, self.starts_at.error_label)
        self.buttons, self.action_button = save_cancel_buttons(
            self, action, self.accept, writable=not store.read_only
        )
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        finish_dialog(self)

    def create(self, start: dt.datetime) -> int:
        raise NotImplementedError

    def accept(self) -> None:
        if self._store.read_only or not check_fields(self.starts_at):
            return
        try:
            self.new_meeting_id = self.create(self.starts_at.value())
        except UserError as error:
            self.errors.show(error)
            return
        super().accept()


class PostponeDialog(_NewMeetingDialog):
    """Postpone a meeting: a new meeting takes its place with the same agenda (`new_meeting_id`)."""

    def __init__(self, store: Store, meeting_id: int, parent: QtWidgets.QWidget | None = None):
        meeting = meetings.get(store.db, meeting_id)
        texts = (
            self.tr("Reporter la séance"),
            self.tr(
                "La séance « {title} » sera marquée reportée. Une nouvelle séance est créée à la "
                "date choisie, avec le même ordre du jour."
            ).format(title=meeting.title),
            self.tr("&Nouvelle date"),
            self.tr("Reporter"),
        )
        super().__init__(store, meeting_id, texts, meeting.start + dt.timedelta(days=7), parent)
        self.postpone_button = self.action_button

    def create(self, start: dt.datetime) -> int:
        return meetings.postpone(self._store, self.meeting_id, start)


class ReconveneDialog(_NewMeetingDialog):
    """After a failed quorum: a new meeting on the same agenda, at the earliest legal date by
    default (the reconvening rule's clear days after today); `new_meeting_id` once created."""

    def __init__(
        self,
        store: Store,
        meeting_id: int,
        today: dt.date | None = None,
        parent: QtWidgets.QWidget | None = None,
    ):
        from ess_desk.membership import bodies

        today = today or dt.date.today()
        meeting = meetings.get(store.db, meeting_id)
        body = bodies.get_body(store.db, meeting.body_id)
        earliest = meetings.earliest_reconvening(store.db, meeting_id, today)
        without = (
            self.tr("elle délibérera sans condition de quorum sur les points repris")
            if body.reconvene_without_quorum
            else self.tr("le quorum restera exigé (règlement de l'instance)")
        )
        texts = (
            self.tr("Reconvoquer l'instance"),
            self.tr(
                "Le quorum n'est pas atteint à la séance « {title} ». Une nouvelle séance est "
                "convoquée sur le même ordre du jour ; {without} ({source}). Convocation à "
                "envoyer au moins {days} jours francs avant : au plus tôt le {day} si elle part "
                "aujourd'hui."
            ).format(
                title=meeting.title,
                without=without,
                source=body.source("reconvene"),
                days=body.reconvene_notice_days,
                day=earliest.strftime("%d/%m/%Y"),
            ),
            self.tr("&Nouvelle séance le"),
            self.tr("Reconvoquer"),
        )
        super().__init__(store, meeting_id, texts, earliest, parent)
        self.reconvene_button = self.action_button

    def create(self, start: dt.datetime) -> int:
        return meetings.reconvene(self._store, self.meeting_id, start)
