"""One meeting (séance): its header and status moves, and its tabs (agenda, notice, attendance,
votes, and the tabs other modules add through `EXTRA_TABS`)."""

from __future__ import annotations

import datetime as dt
import getpass
import importlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from ess_desk.dates import clock, display, long_date, long_datetime
from ess_desk.documents import attendance_sheet
from ess_desk.errors import UserError
from ess_desk.exchange import ics
from ess_desk.meetings import agenda, annexes, meetings, notice, presence, votes
from ess_desk.meetings.attendance import Count
from ess_desk.meetings.vocabulary import MEETING_KINDS, MEETING_STATUSES
from ess_desk.membership import bodies
from ess_desk.membership.vocabulary import MAJORITY_RULES, label
from ess_desk.store import Store
from ui import a11y, exporting, fitting, palette
from ui.columns import choose_columns
from ui.datefields import DateField, TimeField, check_fields
from ui.dialogs.agenda_item import AgendaItemDialog
from ui.dialogs.common import confirm, show_unexpected_error, show_user_error
from ui.dialogs.vote import VoteDialog
from ui.models_meetings import (
    AgendaTableModel,
    AnnexesTableModel,
    AttendanceTableModel,
    GuestsTableModel,
    VotesTableModel,
)
from ui.pages.meeting_steps import CLOSED_STATUSES, MeetingSteps
from ui.qt import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QtCore, QtGui, QtWidgets, Signal
from ui.widgets import make_table
from ui.workers import Operation

# Tabs that other modules add to a meeting: (module, class, title). Each class is built as
# `Class(store, meeting_id)` the first time its tab is shown.
EXTRA_TABS = [
    ("ui.pages.meeting_minutes", "MinutesTab", QT_TRANSLATE_NOOP("MeetingView", "Procès-verbal")),
    (
        "ui.pages.meeting_actions",
        "ActionsReviewTab",
        QT_TRANSLATE_NOOP("MeetingView", "Suivi des actions"),
    ),
    (
        "ui.pages.meeting_compliance",
        "ComplianceTab",
        QT_TRANSLATE_NOOP("MeetingView", "Régularité"),
    ),
]


def selected_row(view: QtWidgets.QAbstractItemView) -> int | None:
    rows = view.selectionModel().selectedRows() if view.selectionModel() else []
    return rows[0].row() if rows else None


def shortcut(widget: QtWidgets.QWidget, keys: str, slot: Callable[[], object]) -> QtGui.QShortcut:
    s = QtGui.QShortcut(QtGui.QKeySequence(keys), widget)
    s.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    s.activated.connect(slot)
    return s


class KeyActions(QtCore.QObject):
    """Keys a view answers itself (Ctrl+Up, Return, Delete…), caught before the view's own
    handling: unlike window shortcuts they work whenever the view has the keyboard focus."""

    def __init__(self, view: QtWidgets.QWidget, actions: dict[str, Callable[[], object]]):
        super().__init__(view)
        # Keyed by the portable text of the keys (« Ctrl+Up »), as Qt writes it.
        self._actions = {
            QtGui.QKeySequence(keys).toString(): slot for keys, slot in actions.items()
        }
        view.installEventFilter(self)

    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:  # noqa: N802
        if isinstance(event, QtGui.QKeyEvent) and event.type() == QtCore.QEvent.Type.KeyPress:
            modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            typed = QtGui.QKeySequence(QtCore.QKeyCombination(modifiers, Qt.Key(event.key())))
            slot = self._actions.get(typed.toString())
            if slot is not None:
                slot()
                return True
        return super().eventFilter(watched, event)


def quorum_text(count: Count) -> str:
    """« Quorum atteint : 12 présents + 3 représentés = 15 / 14 requis »."""
    present = (
        QCoreApplication.translate("MeetingView", "{n} présent").format(n=count.present)
        if count.present <= 1
        else QCoreApplication.translate("MeetingView", "{n} présents").format(n=count.present)
    )
    represented = (
        QCoreApplication.translate("MeetingView", "{n} représenté").format(n=count.represented)
        if count.represented <= 1
        else QCoreApplication.translate("MeetingView", "{n} représentés").format(
            n=count.represented
        )
    )
    if count.remote:
        present = QCoreApplication.translate("MeetingView", "{present} + {n} à distance").format(
            present=present, n=count.remote
        )
    head = (
        QCoreApplication.translate("MeetingView", "Quorum atteint")
        if count.reached
        else QCoreApplication.translate("MeetingView", "Quorum non atteint")
    )
    if count.waived and count.reached:
        head = QCoreApplication.translate(
            "MeetingView", "Séance reconvoquée, sans condition de quorum"
        )
    if count.counts_represented:
        return QCoreApplication.translate(
            "MeetingView", "{head} : {present} + {represented} = {counted} / {required} requis"
        ).format(
            head=head,
            present=present,
            represented=represented,
            counted=count.counted,
            required=count.required,
        )
    return QCoreApplication.translate(
        "MeetingView",
        "{head} : {present} = {counted} / {required} requis (les pouvoirs ne comptent pas)",
    ).format(head=head, present=present, counted=count.counted, required=count.required)


class _Tab(QtWidgets.QWidget):
    """A tab of the meeting: knows the meeting, whether it may still change, reloads itself."""

    changed = Signal()

    def __init__(self, store: Store, meeting_id: int, parent: QtWidgets.QWidget | None = None):
        super().__init__(parent)
        self._store = store
        self.meeting_id = meeting_id
        self._operation: Operation | None = None

    def meeting(self) -> meetings.Meeting:
        return meetings.get(self._store.db, self.meeting_id)

    def editable(self) -> bool:
        return not self._store.read_only and self.meeting().status not in CLOSED_STATUSES

    def reload(self) -> None:
        raise NotImplementedError

    def _failed(self, exc: Exception, what: str) -> None:
        if isinstance(exc, UserError):
            show_user_error(self, exc, what)
        else:
            show_unexpected_error(self, exc, what)


# -- Ordre du jour ---------------------------------------------------------------------------


class AgendaTab(_Tab):
    def __init__(self, store: Store, meeting_id: int, parent: QtWidgets.QWidget | None = None):
        super().__init__(store, meeting_id, parent)
        self.model = AgendaTableModel(store, meeting_id, self)
        self.model.refused.connect(lambda e: show_user_error(self, e, self.tr("Ordre du jour")))
        self.model.reordered.connect(self._after_change)
        self.view = make_table(self.model, AgendaTableModel.TITLE)
        self.view.setObjectName("agenda")
        # When narrow the annexes and durations go first, then the presenter (ui.columns).
        a = AgendaTableModel
        self.columns = choose_columns(
            self.view,
            "agenda",
            {a.NUMBER: (1, None), a.TIME: (3, None), a.TITLE: (1, None), a.KIND: (2, None)}
            | {a.PRESENTER: (3, None), a.DURATION: (4, None), a.ANNEXES: (4, None)},
            stretch=a.TITLE,
        )
        a11y.name(self.view, self.tr("Ordre du jour"))
        self.view.setDragEnabled(True)
        self.view.setAcceptDrops(True)
        self.view.setDropIndicatorShown(True)
        self.view.setDragDropOverwriteMode(False)
        self.view.setDragDropMode(QtWidgets.QAbstractItemView.DragDropMode.InternalMove)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.view.doubleClicked.connect(lambda _index: self.edit_item())
        self.view.setToolTip(
            self.tr("Glisser-déposer ou Ctrl+Haut / Ctrl+Bas pour changer l'ordre des points.")
        )
        self._keys = KeyActions(
            self.view,
            {
                "Ctrl+Up": lambda: self.move_selected(-1),
                "Ctrl+Down": lambda: self.move_selected(1),
                "Return": self.edit_item,
                "Enter": self.edit_item,
                "Delete": self.delete_item,
                "Insert": self.add_item,
            },
        )

        self.timing = QtWidgets.QLabel()
        self.timing.setObjectName("agenda_timing")
        self.timing.setWordWrap(True)
        self.add_button = QtWidgets.QPushButton(self.tr("Ajouter un point…"))
        self.edit_button = QtWidgets.QPushButton(self.tr("Modifier…"))
        self.delete_button = QtWidgets.QPushButton(self.tr("Retirer"))
        self.up_button = QtWidgets.QPushButton(self.tr("Monter"))
        self.down_button = QtWidgets.QPushButton(self.tr("Descendre"))
        self.up_button.setToolTip(self.tr("Ctrl+Haut"))
        self.down_button.setToolTip(self.tr("Ctrl+Bas"))
        self.add_button.clicked.connect(self.add_item)
        self.edit_button.clicked.connect(self.edit_item)
        self.delete_button.clicked.connect(self.delete_item)
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button.clicked.connect(lambda: self.move_selected(1))
        buttons = QtWidgets.QHBoxLayout()
        for b in (self.add_button, self.edit_button, self.delete_button):
            buttons.addWidget(b)
        buttons.addSpacing(16)
        buttons.addWidget(self.up_button)
        buttons.addWidget(self.down_button)
        buttons.addStretch(1)

        # Annexes of the meeting and of its items.
        self.annexes_model = AnnexesTableModel(
            store.db,
            meeting_id,
            self,
            set_public=self.set_annex_public,
            set_for_members=self.set_annex_for_members,
        )
        self.annexes_view = make_table(self.annexes_model, AnnexesTableModel.ATTACHED_TO)
        self.annexes_view.setObjectName("annexes")
        n = AnnexesTableModel
        self.annex_columns = choose_columns(
            self.annexes_view,
            "annexes",
            {n.NAME: (1, None), n.ATTACHED_TO: (2, None), n.PAGES: (3, None), n.SIZE: (4, None)}
            | {n.PUBLIC: (1, None), n.FOR_MEMBERS: (1, None)},
            stretch=n.ATTACHED_TO,
        )
        a11y.name(self.annexes_view, self.tr("Annexes"))
        self.annexes_view.doubleClicked.connect(lambda _index: self.open_annex())
        self.annexes_view.setMinimumHeight(90)
        self.attach_meeting_button = QtWidgets.QPushButton(self.tr("Joindre à la séance…"))
        self.attach_item_button = QtWidgets.QPushButton(self.tr("Joindre au point choisi…"))
        self.open_annex_button = QtWidgets.QPushButton(self.tr("Ouvrir"))
        self.remove_annex_button = QtWidgets.QPushButton(self.tr("Retirer l'annexe"))
        self.attach_meeting_button.clicked.connect(lambda: self.choose_annex(item=False))
        self.attach_item_button.clicked.connect(lambda: self.choose_annex(item=True))
        self.open_annex_button.clicked.connect(self.open_annex)
        self.remove_annex_button.clicked.connect(self.remove_annex)
        annex_buttons = QtWidgets.QHBoxLayout()
        for b in (
            self.attach_meeting_button,
            self.attach_item_button,
            self.open_annex_button,
            self.remove_annex_button,
        ):
            annex_buttons.addWidget(b)
        annex_buttons.addStretch(1)
        annex_box = QtWidgets.QGroupBox(self.tr("Annexes (PDF)"))
        annex_layout = QtWidgets.QVBoxLayout(annex_box)
        annex_layout.addWidget(self.annexes_view)
        annex_layout.addLayout(annex_buttons)

        splitter = QtWidgets.QSplitter(Qt.Orientation.Vertical)
        splitter.setObjectName("agenda_splitter")
        top = QtWidgets.QWidget()
        top_layout = QtWidgets.QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.view, 1)
        top_layout.addWidget(self.timing)
        top_layout.addLayout(buttons)
        splitter.addWidget(top)
        splitter.addWidget(annex_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(splitter)

        self.view.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        self.annexes_view.selectionModel().selectionChanged.connect(
            lambda *_a: self._update_buttons()
        )
        self.model.modelReset.connect(self._fit)
        self.reload()

    def _fit(self) -> None:
        a = AgendaTableModel
        self.columns.fit_to_contents(
            {
                a.NUMBER: 40,
                a.TIME: 120,
                a.KIND: 220,
                a.PRESENTER: 220,
                a.DURATION: 80,
                a.ANNEXES: 80,
            }
        )

    def reload(self) -> None:
        selected = self.selected_item_id()
        self.model.reload()
        self.annexes_model.reload()
        n = AnnexesTableModel
        self.annex_columns.fit_to_contents({n.NAME: 420, n.PAGES: 80, n.SIZE: 90})
        if selected is not None:
            self.select_item(selected)
        self._update_timing()
        self._update_buttons()

    def _after_change(self) -> None:
        self._update_timing()
        self.annexes_model.reload()
        self._update_buttons()
        self.changed.emit()

    def _update_timing(self) -> None:
        table = self.model.timetable
        meeting = self.meeting()
        if table is None or not table.items:
            self.timing.setText(self.tr("L'ordre du jour est vide."))
            self.timing.setStyleSheet(palette.text_css(palette.MUTED))
        elif table.overrun_minutes:
            self.timing.setText(
                self.tr("L'ordre du jour dépasse la fin prévue de {n} min (fin à {end}).").format(
                    n=table.overrun_minutes, end=table.ends_at.strftime("%H:%M")
                )
            )
            self.timing.setStyleSheet(palette.text_css(palette.ERROR, bold=True))
        else:
            planned = meeting.end.strftime("%H:%M") if meeting.end else ""
            self.timing.setText(
                self.tr("Fin de l'ordre du jour à {end} (fin prévue : {planned}).").format(
                    end=table.ends_at.strftime("%H:%M"), planned=planned or self.tr("non fixée")
                )
            )
            self.timing.setStyleSheet(palette.text_css(palette.SUCCESS))

    def _update_buttons(self) -> None:
        editable = self.editable()
        self.model.editable = editable
        has_item = self.selected_item_id() is not None
        has_annex = selected_row(self.annexes_view) is not None
        self.add_button.setEnabled(editable)
        self.edit_button.setEnabled(editable and has_item)
        self.delete_button.setEnabled(editable and has_item)
        self.up_button.setEnabled(editable and has_item)
        self.down_button.setEnabled(editable and has_item)
        self.attach_meeting_button.setEnabled(editable)
        self.attach_item_button.setEnabled(editable and has_item)
        self.open_annex_button.setEnabled(has_annex)
        self.remove_annex_button.setEnabled(editable and has_annex)

    def selected_item_id(self) -> int | None:
        row = selected_row(self.view)
        return self.model.item(row).id if row is not None else None

    def select_item(self, item_id: int) -> None:
        row = self.model.row_of(item_id)
        if row is not None:
            self.view.selectRow(row)

    # -- items ---------------------------------------------------------------------------------
    def add_item(self) -> None:
        if not self.editable():
            return
        dialog = AgendaItemDialog(self._store, self.meeting_id, parent=self)
        if dialog.exec() == QtWidgets.QDialog.DialogCode.Accepted and dialog.item_id:
            self.reload()
            self.select_item(dialog.item_id)
            self.changed.emit()

    def edit_item(self) -> None:
        row = selected_row(self.view)
        if row is None or not self.editable():
            return
        dialog = AgendaItemDialog(self._store, self.meeting_id, self.model.item(row), self)
        if dialog.exec() == QtWidgets.QDialog.DialogCode.Accepted:
            self.reload()
            self.changed.emit()

    def delete_item(self) -> None:
        row = selected_row(self.view)
        if row is None or not self.editable():
            return
        item = self.model.item(row)
        if not confirm(
            self,
            self.tr("Retirer un point"),
            self.tr("Retirer le point « {title} » de l'ordre du jour ?").format(title=item.title),
            self.tr("Retirer"),
        ):
            return
        try:
            agenda.delete_item(self._store, item.id)
        except UserError as error:
            show_user_error(self, error, self.tr("Retirer un point"))
            return
        self.reload()
        self.changed.emit()

    def move_selected(self, offset: int) -> None:
        """Ctrl+Up / Ctrl+Down: move the selected item and keep it selected."""
        item_id = self.selected_item_id()
        if item_id is None or not self.editable():
            return
        try:
            agenda.move_item(self._store, item_id, offset)
        except UserError as error:
            show_user_error(self, error, self.tr("Ordre du jour"))
            return
        self.model.reload()
        self.select_item(item_id)
        self._after_change()

    # -- annexes -------------------------------------------------------------------------------
    def choose_annex(self, item: bool) -> None:
        item_id = self.selected_item_id() if item else None
        if item and item_id is None:
            return
        names, _filter = QtWidgets.QFileDialog.getOpenFileNames(
            self, self.tr("Joindre une annexe"), "", self.tr("Documents PDF (*.pdf);;Tous (*)")
        )
        for name in names:
            if not self.attach_file(Path(name), item_id):
                break

    def attach_file(self, path: Path, item_id: int | None = None) -> bool:
        try:
            annexes.attach(self._store, self.meeting_id, path, item_id=item_id)
        except UserError as error:
            show_user_error(self, error, self.tr("Joindre une annexe"))
            return False
        self.annexes_model.reload()
        self.model.reload()
        if item_id is not None:
            self.select_item(item_id)
        self._update_buttons()
        return True

    def set_annex_for_members(self, annex_id: int, for_members: bool) -> bool:
        """Tick « Aux membres »: the annex goes with the convocation (a working document of the
        secretariat does not)."""
        try:
            annexes.set_for_members(self._store, annex_id, for_members)
        except UserError as error:
            show_user_error(self, error, self.tr("Annexe envoyée aux membres"))
            return False
        return True

    def set_annex_public(self, annex_id: int, public: bool) -> bool:
        """Tick « Publique »: the annex goes into the public pack (else it is named there)."""
        try:
            annexes.set_public(self._store, annex_id, public)
        except UserError as error:
            show_user_error(self, error, self.tr("Annexe publique"))
            return False
        return True

    def selected_annex(self) -> annexes.Annex | None:
        row = selected_row(self.annexes_view)
        return self.annexes_model.annex(row) if row is not None else None

    def annex_file(self, annex: annexes.Annex) -> Path:
        """The annex written to a temporary folder, for the system's PDF viewer."""
        from ess_desk.fileio import atomic_path, ensure_private_folder

        # Annexes may hold personal data: a folder of this user's only (0700), files 0600.
        user = getpass.getuser() if hasattr(os, "getuid") else ""
        base = ensure_private_folder(Path(tempfile.gettempdir()) / f"ess-desk-annexes-{user}")
        folder = ensure_private_folder(base / str(annex.id))
        path = folder / annex.name
        with atomic_path(path) as tmp:
            tmp.write_bytes(annexes.content(self._store.db, annex.id))
        return path

    def open_annex(self) -> None:
        annex = self.selected_annex()
        if annex is None:
            return
        try:
            path = self.annex_file(annex)
        except (OSError, UserError) as exc:
            self._failed(exc, self.tr("Ouvrir l'annexe"))
            return
        QtGui.QDesktopServices.openUrl(QtCore.QUrl.fromLocalFile(str(path)))

    def remove_annex(self) -> None:
        annex = self.selected_annex()
        if annex is None or not self.editable():
            return
        if not confirm(
            self,
            self.tr("Retirer une annexe"),
            self.tr("Retirer l'annexe « {name} » ?").format(name=annex.name),
            self.tr("Retirer"),
        ):
            return
        try:
            annexes.detach(self._store, annex.id)
        except UserError as error:
            show_user_error(self, error, self.tr("Retirer une annexe"))
            return
        self.annexes_model.reload()
        self.model.reload()
        self._update_buttons()


# -- Convocation -----------------------------------------------------------------------------


class NoticeTab(_Tab):
    def __init__(self, store: Store, meeting_id: int, parent: QtWidgets.QWidget | None = None):
        super().__init__(store, meeting_id, parent)
        self.deadline_label = QtWidgets.QLabel()
        self.deadline_label.setObjectName("notice_deadline")
        self.deadline_label.setStyleSheet("font-size: 11pt;")
        self.deadline_label.setWordWrap(True)
        self.sent_on = DateField(dt.date.today())
        self.record_button = QtWidgets.QPushButton(self.tr("Enregistrer l'envoi"))
        self.record_button.clicked.connect(self.record_sent)
        self.sent_label = QtWidgets.QLabel()
        self.sent_label.setObjectName("notice_sent")
        self.warning_label = QtWidgets.QLabel()
        self.warning_label.setObjectName("notice_warning")
        self.warning_label.setWordWrap(True)
        self.warning_label.setStyleSheet(palette.panel_css(palette.NOTICE, "padding: 6px;"))
        sent_row = QtWidgets.QHBoxLayout()
        sent_row.addWidget(a11y.labelled(self.tr("Envoyée le"), self.sent_on))
        sent_row.addWidget(self.sent_on)
        sent_row.addWidget(self.record_button)
        sent_row.addWidget(self.sent_on.error_label, 1)
        sent_box = QtWidgets.QGroupBox(self.tr("Envoi de la convocation"))
        sent_layout = QtWidgets.QVBoxLayout(sent_box)
        sent_layout.addWidget(self.deadline_label)
        sent_layout.addLayout(sent_row)
        sent_layout.addWidget(self.sent_label)
        sent_layout.addWidget(self.warning_label)

        self.convocations_button = QtWidgets.QPushButton(self.tr("Envoyer les convocations…"))
        self.convocations_button.setObjectName("send_convocations")
        self.sheet_button = QtWidgets.QPushButton(self.tr("Feuille d'émargement (PDF)…"))
        self.ics_button = QtWidgets.QPushButton(self.tr("Séance au format .ics…"))
        self.convocations_button.clicked.connect(self.send_convocations)
        self.sheet_button.clicked.connect(self.choose_sheet_file)
        self.ics_button.clicked.connect(self.choose_ics_file)
        explain = QtWidgets.QLabel(
            self.tr(
                "Pour chaque personne convoquée : la lettre (avec le formulaire de pouvoir pour les "
                "membres votants d'une instance qui l'admet), l'ordre du jour, les annexes "
                "destinées aux membres et l'invitation d'agenda, par courriel ; les lettres à "
                "poster en un PDF, l'adresse placée pour une enveloppe à fenêtre."
            )
        )
        explain.setWordWrap(True)
        explain.setStyleSheet(palette.text_css(palette.MUTED))
        self.result_label = QtWidgets.QLabel()
        self.result_label.setObjectName("documents_result")
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        docs_box = QtWidgets.QGroupBox(self.tr("Documents"))
        docs_layout = QtWidgets.QVBoxLayout(docs_box)
        docs_layout.addWidget(explain)
        row = QtWidgets.QHBoxLayout()
        for b in (self.convocations_button, self.sheet_button, self.ics_button):
            row.addWidget(b)
        row.addStretch(1)
        docs_layout.addLayout(row)
        docs_layout.addWidget(self.result_label)

        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(sent_box)
        layout.addWidget(docs_box)
        layout.addStretch(1)
        self.reload()

    def reload(self) -> None:
        meeting = self.meeting()
        body = bodies.get_body(self._store.db, meeting.body_id)
        deadline = notice.deadline(self._store.db, self.meeting_id)
        self.deadline_label.setText(
            self.tr(
                "À envoyer au plus tard le <b>{day}</b> (%n jours francs avant la séance).",
                "",
                body.notice_clear_days,
            ).format(day=long_date(deadline))
        )
        if meeting.notice_sent_on:
            self.sent_label.setText(
                self.tr("Convocation envoyée le {day}.").format(day=display(meeting.notice_sent_on))
            )
            self.sent_on.set_value(dt.date.fromisoformat(meeting.notice_sent_on))
        else:
            self.sent_label.setText(self.tr("Aucun envoi enregistré."))
        self.warning_label.setText(meeting.notice_warning)
        self.warning_label.setVisible(bool(meeting.notice_warning))
        can_record = not self._store.read_only and meeting.status in ("planned", "convened")
        self.record_button.setEnabled(can_record)
        self.sent_on.setEnabled(can_record)
        # A cancelled meeting's button tells those convened that it is cancelled.
        self.convocations_button.setText(
            self.tr("Prévenir de l'annulation…")
            if meeting.status == "cancelled"
            else self.tr("Envoyer les convocations…")
        )
        self.convocations_button.setEnabled(meeting.status in ("planned", "convened", "cancelled"))

    def record_sent(self) -> None:
        if not check_fields(self.sent_on):
            return
        try:
            notice.record_sent(self._store, self.meeting_id, self.sent_on.value())
        except UserError as error:
            show_user_error(self, error, self.tr("Convocation"))
            return
        self.reload()
        self.changed.emit()

    # -- documents, written off the GUI thread -------------------------------------------------
    def send_convocations(self) -> QtWidgets.QDialog | None:
        from ui.mail.convocations_dialog import ConvocationsDialog
        from ui.mail.session import session_for

        try:
            dialog = ConvocationsDialog(session_for(self, self._store), self.meeting_id, self)
        except UserError as error:
            show_user_error(self, error, self.tr("Envoyer les convocations"))
            return None
        # A bound method, not a lambda: a lambda would keep this tab alive from its own dialog.
        dialog.finished.connect(self._convocations_closed)
        dialog.open()
        return dialog

    def _convocations_closed(self, _code: int) -> None:
        self.reload()
        self.changed.emit()

    def _written(self, text: str) -> None:
        self.result_label.setText(text)

    def choose_sheet_file(self) -> None:
        self.write_attendance_sheet()

    def write_attendance_sheet(self, path: Path | None = None) -> Operation | None:
        db, meeting_id = self._store.db, self.meeting_id
        self._operation = exporting.run_export(
            self,
            "attendance_sheet",
            self.tr("Feuille d'émargement"),
            f"emargement-{self.meeting().day.isoformat()}.pdf",
            self.tr("Document PDF (*.pdf)"),
            lambda target, _progress: attendance_sheet.build(db, meeting_id, target),
            progress=self.tr("Préparation de la feuille d'émargement…"),
            path=path,
            on_done=lambda written, _r: self._written(
                self.tr("Feuille d'émargement enregistrée : {path}").format(path=written)
            ),
        )
        return self._operation

    def choose_ics_file(self) -> None:
        path = exporting.ask_save_path(
            self,
            "ics",
            self.tr("Séance au format .ics"),
            f"seance-{self.meeting().day.isoformat()}.ics",
            self.tr("Calendrier iCalendar (*.ics)"),
        )
        if path is not None:
            self.write_ics(path)

    def write_ics(self, path: Path) -> None:
        try:
            written = ics.write_schedule(self._store.db, [self.meeting_id], path)
        except (UserError, OSError) as exc:
            exporting.write_failed(self, exc, self.tr("Séance au format .ics"))
            return
        self._written(self.tr("Invitation de calendrier enregistrée : {path}").format(path=written))
        exporting.export_done(self, self.tr("Séance au format .ics"), written)


# -- Présences -------------------------------------------------------------------------------


class ChoiceDelegate(QtWidgets.QStyledItemDelegate):
    """A combo box of the (value, label) pairs the model gives in its CHOICES_ROLE; a choice is
    saved as soon as it is made."""

    def __init__(self, choices_role: int, parent: QtCore.QObject | None = None):
        super().__init__(parent)
        self._role = choices_role

    def createEditor(self, parent, option, index):  # noqa: N802 - Qt's name
        combo = QtWidgets.QComboBox(parent)
        for value, text in index.data(self._role) or []:
            combo.addItem(text, value)
        combo.activated.connect(lambda _i, c=combo: self._commit(c))
        return combo

    def _commit(self, combo: QtWidgets.QComboBox) -> None:
        self.commitData.emit(combo)
        self.closeEditor.emit(combo, QtWidgets.QAbstractItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor, index):  # noqa: N802
        current = index.data(Qt.ItemDataRole.EditRole)
        position = editor.findData(current) if current is not None else -1
        editor.setCurrentIndex(position)
        if position < 0:
            QtCore.QTimer.singleShot(0, editor.showPopup)

    def setModelData(self, editor, model, index):  # noqa: N802
        if editor.currentIndex() >= 0:
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class AttendanceTab(_Tab):
    def __init__(self, store: Store, meeting_id: int, parent: QtWidgets.QWidget | None = None):
        super().__init__(store, meeting_id, parent)
        self.banner = QtWidgets.QLabel()
        self.banner.setObjectName("quorum_banner")
        self.banner.setStyleSheet(palette.panel_css(palette.GOOD))
        self.banner.setMargin(8)
        font = self.banner.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setBold(True)
        self.banner.setFont(font)
        self.problems = QtWidgets.QLabel()
        self.problems.setObjectName("quorum_problems")
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet(palette.text_css(palette.ERROR))
        self.reached = False

        self.model = AttendanceTableModel(store, meeting_id, self)
        self.model.refused.connect(self._refused)
        self.model.attendance_changed.connect(self._after_change)
        self.model.target_needed.connect(self._choose_target)
        self.view = make_table(self.model, AttendanceTableModel.ORGANISATION)
        self.view.setObjectName("attendance")
        # When narrow the times go first, then the structure and the college (ui.columns).
        t = AttendanceTableModel
        self.columns = choose_columns(
            self.view,
            "attendance",
            {t.NAME: (1, None), t.ORGANISATION: (3, None), t.COLLEGE: (3, None)}
            | {t.QUALITY: (2, None), t.STATUS: (1, None), t.TARGET: (1, None)}
            | {t.ARRIVAL: (4, None), t.DEPARTURE: (4, None)},
            stretch=t.ORGANISATION,
            stretch_minimum=120,
        )
        a11y.name(self.view, self.tr("Présences"))
        self.view.setEditTriggers(
            QtWidgets.QAbstractItemView.EditTrigger.DoubleClicked
            | QtWidgets.QAbstractItemView.EditTrigger.SelectedClicked
            | QtWidgets.QAbstractItemView.EditTrigger.EditKeyPressed
            | QtWidgets.QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.view.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectItems)
        delegate = ChoiceDelegate(AttendanceTableModel.CHOICES_ROLE, self)
        self.view.setItemDelegateForColumn(AttendanceTableModel.STATUS, delegate)
        self.view.setItemDelegateForColumn(AttendanceTableModel.TARGET, delegate)
        self.view.setToolTip(
            self.tr("Double-cliquez (ou F2) sur la présence, le pouvoir ou les heures.")
        )

        # External guests.
        self.guests_model = GuestsTableModel(store.db, meeting_id, self)
        self.guests_view = make_table(self.guests_model, GuestsTableModel.ORGANISATION)
        self.guests_view.setObjectName("guests")
        a11y.name(self.guests_view, self.tr("Invités extérieurs"))
        self.guest_name = QtWidgets.QLineEdit()
        self.guest_name.setPlaceholderText(self.tr("Nom de l'invité(e)"))
        a11y.name(self.guest_name, self.tr("Nom de l'invité(e)"))
        self.guest_organisation = QtWidgets.QLineEdit()
        self.guest_organisation.setPlaceholderText(self.tr("Structure"))
        a11y.name(self.guest_organisation, self.tr("Structure de l'invité(e)"))
        self.add_guest_button = QtWidgets.QPushButton(self.tr("Ajouter"))
        self.remove_guest_button = QtWidgets.QPushButton(self.tr("Retirer"))
        self.add_guest_button.clicked.connect(self.add_guest)
        self.guest_organisation.returnPressed.connect(self.add_guest)
        self.remove_guest_button.clicked.connect(self.remove_guest)
        guests_box = QtWidgets.QGroupBox(self.tr("Invités extérieurs (ne comptent pas)"))
        guests_layout = QtWidgets.QVBoxLayout(guests_box)
        guests_layout.addWidget(self.guests_view)
        guest_row = QtWidgets.QHBoxLayout()
        guest_row.addWidget(self.guest_name, 2)
        guest_row.addWidget(self.guest_organisation, 2)
        guest_row.addWidget(self.add_guest_button)
        guest_row.addWidget(self.remove_guest_button)
        guests_layout.addLayout(guest_row)

        # The opening of the meeting.
        self.opening_time = TimeField()
        self.opening_button = QtWidgets.QPushButton()
        self.opening_button.clicked.connect(self.record_opening)
        self.opening_time.value_changed.connect(lambda _t: self._update_opening_button())
        self.opening_label = QtWidgets.QLabel()
        self.opening_label.setObjectName("opening")
        self.opening_label.setWordWrap(True)
        opening_row = QtWidgets.QHBoxLayout()
        opening_row.addWidget(a11y.labelled(self.tr("Ouverture de la séance"), self.opening_time))
        opening_row.addWidget(self.opening_time)
        opening_row.addWidget(self.opening_button)
        opening_row.addWidget(self.opening_time.error_label)
        opening_row.addWidget(self.opening_label, 1)

        splitter = QtWidgets.QSplitter(Qt.Orientation.Vertical)
        splitter.setObjectName("attendance_splitter")
        splitter.addWidget(self.view)
        splitter.addWidget(guests_box)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.problems)
        layout.addWidget(splitter, 1)
        layout.addLayout(opening_row)
        self.guests_view.selectionModel().selectionChanged.connect(
            lambda *_a: self._update_buttons()
        )
        start = self.meeting().start
        self.opening_time.set_value(dt.time(start.hour, start.minute))
        self.reload()

    def _fit(self) -> None:
        t = AttendanceTableModel
        self.columns.fit_to_contents(
            {t.NAME: 230, t.COLLEGE: 190, t.QUALITY: 210, t.STATUS: 230, t.TARGET: 200}
            | {t.ARRIVAL: 70, t.DEPARTURE: 70},
            pad=14,
            floor=70,
        )

    def reload(self) -> None:
        self.model.reload()
        self.guests_model.reload()
        self.guests_view.setColumnWidth(GuestsTableModel.NAME, 260)
        self._fit()
        self._update_banner()
        self._update_opening()
        self._update_buttons()

    def _update_buttons(self) -> None:
        editable = self.editable()
        self.model.editable = editable
        self.add_guest_button.setEnabled(editable)
        self.guest_name.setEnabled(editable)
        self.guest_organisation.setEnabled(editable)
        self.remove_guest_button.setEnabled(editable and selected_row(self.guests_view) is not None)
        self.opening_button.setEnabled(editable)
        self.opening_time.setEnabled(editable)

    def _update_banner(self) -> None:
        count = presence.quorum(self._store.db, self.meeting_id)
        self.reached = count.reached
        text = quorum_text(count)
        changed = bool(self.banner.text()) and text != self.banner.text()
        self.banner.setText(text)
        if changed:
            # Said aloud by screen readers as it changes (a live region), assertively when the
            # quorum is lost.
            a11y.announce(self.banner, text, assertive=not count.reached)
        else:
            self.banner.setAccessibleName(text)
        self.banner.setStyleSheet(palette.panel_css(palette.GOOD if count.reached else palette.BAD))
        self.problems.setText("\n".join(f"• {p}" for p in count.problems))
        self.problems.setVisible(bool(count.problems))

    def _update_opening(self) -> None:
        meeting = self.meeting()
        if meeting.opening_time:
            self.opening_label.setText(
                self.tr("Ouverture enregistrée à {time}.").format(time=meeting.opening_time)
            )
        else:
            self.opening_label.setText("")
        self._update_opening_button()

    def _update_opening_button(self) -> None:
        hour = self.opening_time.value() or self.opening_time.last_read()
        self.opening_button.setText(
            self.tr("Enregistrer l'ouverture à {time}").format(
                time=hour.strftime("%H:%M") if hour else "…"
            )
        )

    def _after_change(self) -> None:
        self._update_banner()
        self.changed.emit()

    def _refused(self, error: UserError) -> None:
        show_user_error(self, error, self.tr("Présences"))

    def _choose_target(self, row: int) -> None:
        """The second step of « représenté » or « remplacé », said and opened at once."""
        attendee = self.model.attendee(row)
        pending = self.model.pending().get(attendee.mandate_id)
        text = (
            self.tr(
                "Choisissez le mandataire de {name} dans la colonne « Pouvoir à / remplacé par »."
            )
            if pending == "represented"
            else self.tr(
                "Choisissez le/la suppléant(e) qui remplace {name} dans la colonne "
                "« Pouvoir à / remplacé par »."
            )
        ).format(name=attendee.name)
        self.problems.setText(text)
        self.problems.setVisible(True)
        a11y.announce(self.problems, text)
        index = self.model.index(row, AttendanceTableModel.TARGET)
        QtCore.QTimer.singleShot(0, lambda: self._edit(index))

    def _edit(self, index: QtCore.QModelIndex) -> None:
        if (
            index.isValid()
            and self.view.isVisible()
            and index.flags() & Qt.ItemFlag.ItemIsEditable
            and self.model.attendee(index.row()).mandate_id in self.model.pending()
        ):
            self.view.setCurrentIndex(index)
            self.view.edit(index)

    def record_opening(self) -> None:
        if not check_fields(self.opening_time):
            return
        try:
            count = presence.record_opening(self._store, self.meeting_id, self.opening_time.value())
        except UserError as error:
            show_user_error(self, error, self.tr("Ouverture de la séance"))
            return
        self._update_opening()
        self.opening_label.setText(
            self.opening_label.text() + " " + quorum_text(count).replace(" : ", " à l'ouverture : ")
        )
        self.changed.emit()  # the header offers to reconvene when the quorum failed

    def add_guest(self) -> None:
        if not self.editable():
            return
        try:
            presence.add_guest(
                self._store,
                self.meeting_id,
                self.guest_name.text(),
                self.guest_organisation.text(),
            )
        except UserError as error:
            show_user_error(self, error, self.tr("Invités"))
            return
        self.guest_name.clear()
        self.guest_organisation.clear()
        self.guests_model.reload()
        self.guest_name.setFocus()

    def remove_guest(self) -> None:
        row = selected_row(self.guests_view)
        if row is None or not self.editable():
            return
        guest_id = self.guests_model.index(row, 0).data(GuestsTableModel.GUEST_ID_ROLE)
        try:
            presence.remove_guest(self._store, guest_id)
        except UserError as error:
            show_user_error(self, error, self.tr("Invités"))
            return
        self.guests_model.reload()
        self._update_buttons()


# -- Votes -----------------------------------------------------------------------------------


class VotesTab(_Tab):
    def __init__(self, store: Store, meeting_id: int, parent: QtWidgets.QWidget | None = None):
        super().__init__(store, meeting_id, parent)
        self.rule_label = QtWidgets.QLabel()
        self.rule_label.setWordWrap(True)
        self.rule_label.setStyleSheet(palette.text_css(palette.MUTED))
        self.model = VotesTableModel(store.db, meeting_id, self)
        self.view = make_table(self.model, VotesTableModel.ITEM)
        self.view.setObjectName("votes")
        # When narrow the time and the casting vote go first, then the quorum (ui.columns).
        v = VotesTableModel
        self.columns = choose_columns(
            self.view,
            "votes",
            {v.ITEM: (1, None), v.FOR: (1, None), v.AGAINST: (1, None), v.ABSTENTIONS: (1, None)}
            | {v.NOT_VOTING: (2, None), v.TIME: (3, None), v.CASTING: (3, None)}
            | {v.OUTCOME: (1, None), v.QUORUM: (2, None)},
            stretch=v.ITEM,
        )
        a11y.name(self.view, self.tr("Points soumis au vote"))
        self.view.doubleClicked.connect(lambda _index: self.record_vote())
        self._keys = KeyActions(self.view, {"Return": self.record_vote, "Enter": self.record_vote})
        self.record_button = QtWidgets.QPushButton(self.tr("Enregistrer le vote…"))
        self.record_button.clicked.connect(self.record_vote)
        self.withdraw_button = QtWidgets.QPushButton(self.tr("Déports…"))
        self.withdraw_button.setObjectName("withdraw_button")
        self.withdraw_button.setToolTip(
            self.tr("Noter les membres intéressés qui quittent la séance pour ce point.")
        )
        self.withdraw_button.clicked.connect(self.withdraw)
        self.detail = QtWidgets.QLabel()
        self.detail.setObjectName("vote_detail")
        self.detail.setWordWrap(True)
        self.empty = QtWidgets.QLabel(
            self.tr(
                "Aucun point de type « Avis / vote » ou « Approbation du procès-verbal » "
                "à l'ordre du jour."
            )
        )
        self.empty.setStyleSheet(palette.text_css(palette.MUTED))
        row = QtWidgets.QHBoxLayout()
        row.addWidget(self.record_button)
        row.addWidget(self.withdraw_button)
        row.addStretch(1)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.rule_label)
        layout.addWidget(self.empty)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.detail)
        layout.addLayout(row)
        self.view.selectionModel().selectionChanged.connect(lambda *_a: self._update())
        self.reload()

    def reload(self) -> None:
        selected = selected_row(self.view)
        item_id = self.model.item(selected).id if selected is not None else None
        self.model.reload()
        self.columns.fit_to_contents(
            {column: 400 for column in range(1, VotesTableModel.COLUMN_COUNT)}
        )
        row = self.model.row_of(item_id) if item_id is not None else None
        if row is not None:
            self.view.selectRow(row)
        elif self.model.rowCount():
            self.view.selectRow(0)
        body = bodies.get_body(self._store.db, self.meeting().body_id)
        casting = (
            self.tr("la présidence a voix prépondérante en cas d'égalité")
            if body.chair_casting_vote
            else self.tr("pas de voix prépondérante")
        )
        self.rule_label.setText(
            self.tr("Règle de majorité : {rule} ; {casting}.").format(
                rule=label(MAJORITY_RULES, body.majority_rule).lower(), casting=casting
            )
        )
        self.empty.setVisible(self.model.rowCount() == 0)
        self._update()

    def _update(self) -> None:
        row = selected_row(self.view)
        self.record_button.setEnabled(self.editable() and row is not None)
        self.withdraw_button.setEnabled(self.editable() and row is not None)
        vote = self.model.vote(row) if row is not None else None
        if vote is None:
            self.detail.setText("")
            return
        quorum = vote.quorum
        flag = (
            self.tr("quorum atteint ({counted} / {required})")
            if vote.quorum_reached
            else self.tr("vote sans quorum ({counted} / {required} requis)")
        ).format(counted=quorum.get("counted", 0), required=quorum.get("required", 0))
        colour = palette.html_colour(
            palette.SUCCESS if vote.outcome == "adopted" else palette.ERROR
        )
        counts = votes.counts_sentence(vote.votes_for, vote.votes_against, vote.abstentions)
        self.detail.setText(
            self.tr(
                "<b style='color:{colour}'>{outcome}</b> — {counts}, {nppp} ne prennent pas part "
                "; {flag}."
            ).format(
                colour=colour,
                outcome=self.model.outcome_text(vote),
                counts=counts,
                nppp=vote.not_voting,
                flag=flag,
            )
        )

    def withdraw(self) -> None:
        from ui.dialogs.withdrawals import WithdrawalsDialog

        row = selected_row(self.view)
        if row is None or not self.editable():
            return
        dialog = WithdrawalsDialog(self._store, self.model.item(row), self)
        if dialog.exec() == QtWidgets.QDialog.DialogCode.Accepted:
            self.reload()
            self.changed.emit()

    def record_vote(self) -> None:
        row = selected_row(self.view)
        if row is None or not self.editable():
            return
        dialog = VoteDialog(self._store, self.model.item(row), self)
        if dialog.exec() == QtWidgets.QDialog.DialogCode.Accepted:
            self.reload()
            self.changed.emit()


# -- the meeting view ------------------------------------------------------------------------


class MeetingView(QtWidgets.QWidget):
    """`MeetingView(store, meeting_id)`: the header with the status moves, and the tabs.

    Signals: `back_requested` (return to the list), `meeting_changed(meeting_id)` (the list
    should reload), `open_requested(meeting_id)` (show another meeting: the postponed one's
    replacement)."""

    back_requested = Signal()
    meeting_changed = Signal(int)
    open_requested = Signal(int)

    def __init__(self, store: Store, meeting_id: int, parent: QtWidgets.QWidget | None = None):
        super().__init__(parent)
        self._store = store
        self.meeting_id = meeting_id

        self.back_button = QtWidgets.QPushButton(self.tr("← Séances"))
        self.back_button.setToolTip(self.tr("Retour à la liste des séances (Alt+Gauche)"))
        self.back_button.clicked.connect(self.back_requested.emit)
        shortcut(self, "Alt+Left", self.back_requested.emit)
        self.title_label = QtWidgets.QLabel()
        self.title_label.setObjectName("meeting_title")
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title_label.setFont(font)
        self.title_label.setWordWrap(True)
        self.status_label = QtWidgets.QLabel()
        self.status_label.setObjectName("meeting_status")
        self.when_label = QtWidgets.QLabel()
        self.when_label.setWordWrap(True)  # a long body name and date on two lines when narrow
        self.place_label = QtWidgets.QLabel()
        self.place_label.setOpenExternalLinks(True)
        self.place_label.setWordWrap(True)
        self.replaced_label = QtWidgets.QLabel()
        self.replaced_label.linkActivated.connect(
            lambda link: self.open_requested.emit(int(link.split(":", 1)[1]))
        )

        self.steps = MeetingSteps(store, meeting_id)
        self.steps.changed.connect(self._step_taken)
        self.steps.open_requested.connect(self.open_requested)

        top = QtWidgets.QHBoxLayout()
        top.addWidget(self.back_button)
        top.addSpacing(8)
        top.addWidget(self.title_label, 1)
        top.addWidget(self.status_label)
        info = QtWidgets.QVBoxLayout()
        info.setSpacing(2)
        info.addWidget(self.when_label)
        info.addWidget(self.place_label)
        info.addWidget(self.replaced_label)
        self.tabs = QtWidgets.QTabWidget()
        fitting.size_by_current_page(self.tabs)
        self.tabs.setObjectName("meeting_tabs")
        a11y.name(self.tabs, self.tr("Onglets de la séance"))
        self._factories: list[tuple[str, Callable[[], QtWidgets.QWidget]]] = [
            ("agenda", lambda: AgendaTab(store, meeting_id)),
            ("notice", lambda: NoticeTab(store, meeting_id)),
            ("attendance", lambda: AttendanceTab(store, meeting_id)),
            ("votes", lambda: VotesTab(store, meeting_id)),
        ]
        titles = [
            self.tr("Ordre du jour"),
            self.tr("Convocation"),
            self.tr("Présences"),
            self.tr("Votes"),
        ]
        for module, class_name, title in EXTRA_TABS:
            self._factories.append((module, self._extra_factory(module, class_name)))
            titles.append(QCoreApplication.translate("MeetingView", str(title)))
        self._built: dict[str, QtWidgets.QWidget] = {}
        for title in titles:
            self.tabs.addTab(QtWidgets.QWidget(), title)
        self.tabs.currentChanged.connect(self._show_tab)

        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(info)
        layout.addWidget(self.steps)
        layout.addWidget(self.tabs, 1)
        self.refresh_header()
        self._show_tab(0)

    def _extra_factory(self, module: str, class_name: str) -> Callable[[], QtWidgets.QWidget]:
        def build() -> QtWidgets.QWidget:
            try:
                cls = getattr(importlib.import_module(module), class_name)
                return cls(self._store, self.meeting_id)
            except (ImportError, AttributeError) as exc:
                placeholder = QtWidgets.QLabel(
                    self.tr("Cet onglet n'a pas pu être chargé : {reason}").format(reason=exc)
                )
                placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
                return placeholder

        return build

    # -- tabs ----------------------------------------------------------------------------------
    def tab_keys(self) -> list[str]:
        return [key for key, _factory in self._factories]

    def tab(self, key: str) -> QtWidgets.QWidget:
        """The tab for `key` ("agenda", "notice", "attendance", "votes" or an extra module),
        built if it was not yet."""
        index = self.tab_keys().index(key)
        if key not in self._built:
            widget = self._factories[index][1]()
            a11y.finish(widget, mnemonics=False)
            self._built[key] = widget
            current = self.tabs.currentIndex()
            self.tabs.blockSignals(True)
            title = self.tabs.tabText(index)
            placeholder = self.tabs.widget(index)
            self.tabs.removeTab(index)
            self.tabs.insertTab(index, widget, title)
            placeholder.deleteLater()
            self.tabs.setCurrentIndex(current)
            self.tabs.blockSignals(False)
            changed = getattr(widget, "changed", None)
            if changed is not None:
                changed.connect(self._tab_changed)
        return self._built[key]

    def show_tab(self, key: str) -> QtWidgets.QWidget:
        widget = self.tab(key)
        self.tabs.setCurrentIndex(self.tab_keys().index(key))
        return widget

    def _show_tab(self, index: int) -> None:
        if not 0 <= index < len(self._factories):
            return
        key = self._factories[index][0]
        fresh = key not in self._built
        focus = QtWidgets.QApplication.focusWidget()
        focus_in_tabs = focus is not None and self.tabs.isAncestorOf(focus)
        widget = self.tab(key)
        if not fresh and hasattr(widget, "reload"):
            widget.reload()  # another tab may have changed what this one shows
        if fresh and focus_in_tabs:
            # Ctrl+Tab gave the focus to the empty page this tab replaced: it goes to the tab's
            # first control, as for a tab already built, instead of falling out of the view.
            a11y.focus_first(widget, fallback=self.tabs.tabBar())

    def _tab_changed(self) -> None:
        self.refresh_header()
        self.meeting_changed.emit(self.meeting_id)

    # -- header --------------------------------------------------------------------------------
    def meeting(self) -> meetings.Meeting:
        return meetings.get(self._store.db, self.meeting_id)

    def refresh_header(self) -> None:
        meeting = self.meeting()
        body = bodies.get_body(self._store.db, meeting.body_id)
        self.title_label.setText(meeting.title)
        pill = palette.PILLS.get(meeting.status, palette.PILLS["closed"])
        self.status_label.setText(label(MEETING_STATUSES, meeting.status))
        self.status_label.setStyleSheet(
            palette.panel_css(pill, "border-radius: 4px; padding: 3px 10px; font-weight: bold;")
        )
        end = f" – {clock(meeting.end)}" if meeting.end else ""
        self.when_label.setText(
            self.tr("{body} · {kind} · {when}{end}").format(
                body=body.name,
                kind=label(MEETING_KINDS, meeting.kind),
                when=long_datetime(meeting.start),
                end=end,
            )
        )
        parts = []
        if meeting.place:
            parts.append(self.tr("Lieu : {place}").format(place=meeting.place.replace("<", "&lt;")))
        if meeting.video_link:
            link = meeting.video_link.replace('"', "%22")
            parts.append(
                self.tr("Visioconférence : {link}").format(link=f'<a href="{link}">{link}</a>')
            )
        self.place_label.setText(" · ".join(parts) or self.tr("Lieu à préciser"))
        if meeting.replaced_by_id:
            self.replaced_label.setText(
                self.tr("Reportée : <a href='meeting:{id}'>voir la nouvelle séance</a>").format(
                    id=meeting.replaced_by_id
                )
            )
        self.replaced_label.setVisible(bool(meeting.replaced_by_id))
        self.steps.show_meeting(meeting)

    def _reload_tabs(self) -> None:
        for widget in self._built.values():
            if hasattr(widget, "reload"):
                widget.reload()

    def _step_taken(self) -> None:
        self.refresh_header()
        self._reload_tabs()
        self.meeting_changed.emit(self.meeting_id)
