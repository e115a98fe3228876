"""The steps of a meeting, in the bar under its header: edit, convene, mark held, close, the
meeting pack, postpone, reconvene, cancel. Each button is enabled when the meeting's state allows
it and says why not when it does not; a step taken is confirmed when it cannot be undone."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from ess_desk.errors import UserError
from ess_desk.meetings import meetings, presence
from ess_desk.store import Store
from ui import exporting, fitting
from ui.dialogs.common import confirm, inform, show_user_error
from ui.dialogs.meeting import MeetingDialog, PostponeDialog
from ui.qt import QtWidgets, Signal
from ui.workers import Operation

if TYPE_CHECKING:
    pass

# Where a meeting ends: nothing about it changes any more.
CLOSED_STATUSES = ("closed", "cancelled", "postponed")


class MeetingSteps(fitting.ActionBar):
    """`MeetingSteps(store, meeting_id)`: the buttons of the meeting's steps (the last ones go
    into « … » when narrow). `changed` after a step is taken (the view reads the meeting
    again), `open_requested(meeting_id)` for the meeting that replaces this one."""

    changed = Signal()
    open_requested = Signal(int)

    def __init__(self, store: Store, meeting_id: int, parent: QtWidgets.QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("meeting_actions_bar")
        self.store = store
        self.meeting_id = meeting_id
        self.edit_button = QtWidgets.QPushButton(self.tr("Modifier…"))
        self.convene_button = QtWidgets.QPushButton(self.tr("Convoquer"))
        self.held_button = QtWidgets.QPushButton(self.tr("Marquer tenue"))
        self.close_button = QtWidgets.QPushButton(self.tr("Clore la séance"))
        self.cancel_button = QtWidgets.QPushButton(self.tr("Annuler la séance…"))
        self.postpone_button = QtWidgets.QPushButton(self.tr("Reporter…"))
        self.reconvene_button = QtWidgets.QPushButton(self.tr("Reconvoquer…"))
        self.reconvene_button.setObjectName("reconvene_button")
        self.reconvene_button.setToolTip(
            self.tr(
                "Quorum non atteint : convoquer à nouveau l'instance sur le même ordre du jour ; "
                "elle délibérera sans condition de quorum si son règlement le prévoit."
            )
        )
        self.reconvene_button.clicked.connect(self.reconvene)
        self.convene_button.setToolTip(
            self.tr("Marque la séance convoquée (l'onglet Convocation enregistre la date d'envoi).")
        )
        self.edit_button.clicked.connect(self.edit)
        self.convene_button.clicked.connect(lambda: self.move_to("convened"))
        self.held_button.clicked.connect(lambda: self.move_to("held"))
        self.close_button.clicked.connect(lambda: self.move_to("closed"))
        self.cancel_button.clicked.connect(lambda: self.move_to("cancelled"))
        self.postpone_button.clicked.connect(self.postpone)
        self.pack_button = QtWidgets.QPushButton(self.tr("Dossier de séance…"))
        self.pack_button.setObjectName("pack_button")
        self.pack_button.setToolTip(
            self.tr(
                "Un seul PDF : couverture, sommaire, convocation, ordre du jour, PV à approuver, "
                "suivi des actions, composition, émargement et annexes."
            )
        )
        self.pack_button.clicked.connect(self.make_pack)
        self.last_pack = None  # the PackResult of the last pack written from this view
        self._pack_operation: Operation | None = None

        for b in (
            self.edit_button,
            self.convene_button,
            self.held_button,
            self.close_button,
            self.pack_button,
            self.postpone_button,
            self.reconvene_button,
            self.cancel_button,
        ):
            self.add(b)

    def show_meeting(self, meeting: meetings.Meeting) -> None:
        """Each step's button is enabled when the meeting's state allows it, and says why not
        in its tooltip when it does not."""
        from ess_desk.meetings.vocabulary import TRANSITIONS

        read_only = self.store.read_only
        moves = TRANSITIONS[meeting.status]
        for button, target in (
            (self.convene_button, "convened"),
            (self.held_button, "held"),
            (self.close_button, "closed"),
            (self.cancel_button, "cancelled"),
            (self.postpone_button, "postponed"),
        ):
            allowed = target in moves and not read_only
            button.setEnabled(allowed)
            why = self._read_only_reason() if read_only else self._why_not(target, meeting.status)
            button.setToolTip(self._step_help(target) if allowed else why)
            # What can never happen again (a closed meeting convened) is not offered at all;
            # « Clore » shows, disabled, until the meeting is held: the next step to come.
            waiting = target == "closed" and meeting.status in ("planned", "convened")
            self.set_shown(button, target in moves or waiting)
        self.set_shown(self.reconvene_button, not read_only and self._may_reconvene(meeting))
        editable = not read_only and meeting.status not in CLOSED_STATUSES
        self.edit_button.setEnabled(editable)
        self.edit_button.setToolTip(
            ""
            if editable
            else (self._read_only_reason() if read_only else self._why_not("edit", meeting.status))
        )

    def _read_only_reason(self) -> str:
        return self.tr("Base ouverte en lecture seule : {message}").format(
            message=self.store.read_only_message()
        )

    def _step_help(self, target: str) -> str:
        return {
            "convened": self.tr(
                "Marque la séance convoquée (l'onglet Convocation enregistre la date d'envoi)."
            ),
            "held": self.tr(
                "La séance a eu lieu : le procès-verbal peut être soumis, et les "
                "procès-verbaux inscrits à son ordre du jour approuvés."
            ),
            "closed": self.tr("Une fois la séance close, présences et votes ne changent plus."),
            "cancelled": self.tr("La séance reste dans la liste, marquée annulée."),
            "postponed": self.tr("Une nouvelle séance est créée avec le même ordre du jour."),
        }[target]

    def _why_not(self, target: str, status: str) -> str:
        """Why a step cannot be taken from `status`."""
        if status == "closed":
            return self.tr("La séance est close : plus rien ne change.")
        if status == "cancelled":
            return self.tr("La séance est annulée.")
        if status == "postponed":
            return self.tr("La séance est reportée : voyez la nouvelle séance.")
        if target == "closed":
            return self.tr("Marquez d'abord la séance tenue.")
        if target == "convened":
            return (
                self.tr("La séance est déjà convoquée.")
                if status == "convened"
                else self.tr("La séance a déjà eu lieu.")
            )
        if target == "held":
            return self.tr("La séance est déjà marquée tenue.")
        if target in ("cancelled", "postponed"):
            return self.tr("La séance a eu lieu : elle ne peut plus être annulée ni reportée.")
        return ""

    def _may_reconvene(self, meeting: meetings.Meeting) -> bool:
        """Offered once the opening was recorded without its quorum, and not yet done."""
        if meeting.status not in ("planned", "convened", "held") or not meeting.opening_time:
            return False
        if meeting.reconvenes_meeting_id or meetings.reconvened_by(self.store.db, meeting.id):
            return False
        moment = presence.parse_time(meeting.opening_time, "opening_time")
        return not presence.quorum(self.store.db, meeting.id, moment).reached

    # -- the steps -----------------------------------------------------------------------------
    @staticmethod
    def clock() -> dt.datetime:
        """Now, for the guard on marking a meeting held (tests give their own)."""
        return dt.datetime.now()

    def edit(self) -> None:
        dialog = MeetingDialog(self.store, self.meeting_id, parent=self)
        if dialog.exec() == QtWidgets.QDialog.DialogCode.Accepted:
            self.changed.emit()

    def move_to(self, status: str, ask: bool = True) -> bool:
        questions = {
            "closed": (
                self.tr("Clore la séance"),
                self.tr("Une fois la séance close, présences et votes ne peuvent plus changer."),
                self.tr("Clore"),
                self.tr("Ne pas clore"),
            ),
            "cancelled": (
                self.tr("Annuler la séance"),
                self.tr("Annuler cette séance ? Elle restera dans la liste, marquée annulée."),
                self.tr("Annuler la séance"),
                self.tr("Garder la séance"),
            ),
        }
        if ask and status in questions and not confirm(self, *questions[status]):
            return False
        try:
            try:
                meetings.set_status(self.store, self.meeting_id, status, now=self.clock())
            except meetings.ConfirmationNeeded as question:
                if not confirm(self, self.tr("Marquer tenue"), question.message, self.tr("Tenue")):
                    return False
                meetings.set_status(
                    self.store, self.meeting_id, status, now=self.clock(), confirmed=True
                )
        except UserError as error:
            show_user_error(self, error, self.tr("Statut de la séance"))
            return False
        self.changed.emit()
        return True

    def postpone(self) -> None:
        dialog = PostponeDialog(self.store, self.meeting_id, self)
        if dialog.exec() != QtWidgets.QDialog.DialogCode.Accepted or not dialog.new_meeting_id:
            return
        self.changed.emit()
        inform(
            self,
            self.tr("Reporter la séance"),
            self.tr("La séance est reportée ; la nouvelle séance reprend son ordre du jour."),
        )
        self.open_requested.emit(dialog.new_meeting_id)

    def reconvene(self) -> None:
        from ui.dialogs.meeting import ReconveneDialog

        dialog = ReconveneDialog(self.store, self.meeting_id, self.clock().date(), self)
        if dialog.exec() != QtWidgets.QDialog.DialogCode.Accepted or not dialog.new_meeting_id:
            return
        self.changed.emit()
        self.open_requested.emit(dialog.new_meeting_id)

    # -- meeting pack --------------------------------------------------------------------------
    def make_pack(self) -> None:
        from ui.dialogs.pack import PackDialog

        dialog = PackDialog(meetings.get(self.store.db, self.meeting_id), parent=self)
        if dialog.exec() != QtWidgets.QDialog.DialogCode.Accepted:
            return
        path = exporting.ask_save_path(
            self,
            "pack",
            self.tr("Dossier de séance"),
            dialog.file_name(),
            self.tr("PDF (*.pdf)"),
        )
        if path is not None:
            self.write_pack(path, dialog.variant())

    def write_pack(self, path: Path, variant: str, skip_broken_annexes: bool = False) -> Operation:
        """Build the meeting pack off the GUI thread (through a connection of its own), then
        say where it is; a broken annex makes the window offer to build it without."""
        from ess_desk.documents import pack
        from ess_desk.store import reading

        db_path, meeting_id = self.store.path, self.meeting_id

        def work(target: Path, progress: Callable[[int, int], None]) -> pack.PackResult:
            with reading(db_path) as db:
                return pack.build(
                    db,
                    meeting_id,
                    target,
                    variant=variant,
                    skip_broken_annexes=skip_broken_annexes,
                    progress=progress,
                )

        self.pack_button.setEnabled(False)
        operation = exporting.run_export(
            self,
            "pack",
            self.tr("Dossier de séance"),
            path.name,
            "",
            work,
            progress=self.tr("Préparation du dossier de séance…"),
            path=path,
            detail=self._pack_detail,
            on_done=lambda _path, result: self._pack_written(result),
            on_failed=lambda exc: self._pack_failed(exc, path, variant),
        )
        assert operation is not None  # a path was given: nothing to cancel
        self._pack_operation = operation
        return operation

    def _pack_detail(self, result) -> str:
        if result.left_out:
            return self.tr("Annexes non jointes : {names}.").format(
                names=", ".join(result.left_out)
            )
        return ""

    def _pack_written(self, result) -> None:
        self.pack_button.setEnabled(True)
        self.last_pack = result

    def _pack_failed(self, exc: Exception, path: Path, variant: str) -> None:
        from ess_desk.documents.pack import BrokenAnnexesError

        self.pack_button.setEnabled(True)
        title = self.tr("Dossier de séance")
        if isinstance(exc, BrokenAnnexesError):
            details = "".join(f"\n• {problem}" for problem in exc.problems)
            question = self.tr(
                "{message}{details}\n\nFaire le dossier sans ces annexes ? Sa couverture "
                "indiquera lesquelles n'y sont pas."
            ).format(message=exc.message, details=details)
            if confirm(self, title, question, self.tr("Faire le dossier sans elles")):
                self.write_pack(path, variant, skip_broken_annexes=True)
        else:
            exporting.write_failed(self, exc, title)
