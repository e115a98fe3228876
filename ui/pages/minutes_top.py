"""The top of the « Procès-verbal » tab: the title, when the typing was last saved (or why it
could not be), the state of the minutes, and the banner that says what that state means
(approved and frozen, submitted and when it will be approved, read-only file); and what the tab
shows while the meeting has no minutes yet."""

from __future__ import annotations

from ess_desk.dates import display
from ess_desk.meetings import meetings
from ess_desk.membership.vocabulary import label
from ess_desk.minutes import minutes as mn
from ess_desk.minutes.vocabulary import MINUTES_STATUSES
from ess_desk.store import Store
from ess_desk.store.database import row
from ui import palette
from ui.pages.minutes_editor import bold_font
from ui.qt import Qt, QtWidgets

_STATE_PANELS = {
    "draft": palette.Panel(palette.DRAFT.fg, palette.DRAFT.bg),
    "submitted": palette.SUBMITTED,
    "approved": palette.Panel(palette.APPROVED.fg, palette.APPROVED.bg),
}
_BANNER_PANELS = {
    "approved": palette.APPROVED,
    "submitted": palette.INFO,
    "read_only": palette.NOTICE,
    "info": palette.NEUTRAL,
}


class MinutesTop(QtWidgets.QWidget):
    """Title, « Enregistré à … », the state, and the banner below them."""

    def __init__(self, parent: QtWidgets.QWidget | None = None):
        super().__init__(parent)
        self.title = QtWidgets.QLabel()
        self.title.setObjectName("minutes_title")
        self.title.setFont(bold_font(self.title, 1.2))
        self.title.setWordWrap(True)
        self.state_label = QtWidgets.QLabel()
        self.state_label.setObjectName("minutes_state")
        self.saved_label = QtWidgets.QLabel()
        self.saved_label.setObjectName("minutes_saved")
        self.saved_label.setStyleSheet(palette.text_css(palette.MUTED))
        top = QtWidgets.QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.saved_label)
        top.addWidget(self.state_label)
        self.banner = QtWidgets.QLabel()
        self.banner.setObjectName("minutes_banner")
        self.banner.setWordWrap(True)
        self.banner.setContentsMargins(10, 6, 10, 6)
        self.banner.setVisible(False)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.banner)

    def show_minutes(
        self, store: Store, meeting: meetings.Meeting, minutes: mn.Minutes | None
    ) -> None:
        """The title, the state (none before the minutes are started) and the banner."""
        self.title.setText(self.tr("Procès-verbal — {title}").format(title=meeting.title))
        self.state_label.setVisible(minutes is not None)
        if minutes is not None:
            self.state_label.setText(label(MINUTES_STATUSES, minutes.status))
            self.state_label.setStyleSheet(
                palette.panel_css(
                    _STATE_PANELS.get(minutes.status, palette.NEUTRAL),
                    "padding: 3px 10px; border-radius: 9px; font-weight: bold;",
                )
            )
        self.show_banner(store, minutes)

    def show_banner(self, store: Store, minutes: mn.Minutes | None) -> None:
        style = None
        text = ""
        if minutes is not None and minutes.status == "approved":
            text = self.tr(
                "Procès-verbal approuvé lors de la séance du {day}. Il est figé : une correction "
                "s'ajoute comme erratum, daté et motivé, imprimé à la suite du procès-verbal."
            ).format(day=display(minutes.approved_on))
            style = "approved"
        elif minutes is not None and minutes.status == "submitted":
            text = self.tr(
                "Soumis aux membres le {day} ; il sera approuvé lors de la séance du {next}. "
                "Pour le modifier encore, revenez au brouillon."
            ).format(day=display(minutes.submitted_on), next=self._approval_day(store, minutes))
            style = "submitted"
        if store.read_only:
            message = self.tr("Base ouverte en lecture seule : {message}").format(
                message=store.read_only_message()
            )
            text = f"{text}\n{message}" if text else message
            style = style or "read_only"
        self.banner.setVisible(bool(text))
        self.banner.setText(text)
        if style:
            self.banner.setStyleSheet(
                "QLabel#minutes_banner { "
                + palette.panel_css(_BANNER_PANELS[style], "border-radius: 4px;")
                + " }"
            )

    @staticmethod
    def _approval_day(store: Store, minutes: mn.Minutes) -> str:
        """The day of the meeting whose agenda approves the minutes (« … » when unknown)."""
        if minutes.approval_item_id:
            found = row(
                store.db,
                "SELECT meeting_id FROM agenda_items WHERE id = ?",
                [minutes.approval_item_id],
            )
            if found:
                return display(meetings.get(store.db, found["meeting_id"]).day)
        return "…"

    # -- « Enregistré à … » --------------------------------------------------------------------
    def typing(self) -> None:
        self.saved_label.setText(self.tr("Modifications en cours…"))
        self.saved_label.setStyleSheet(palette.text_css(palette.MUTED))

    def saved_at(self, when: str) -> None:
        self.saved_label.setText(self.tr("Enregistré à {time}").format(time=when))
        self.saved_label.setStyleSheet(palette.text_css(palette.SUCCESS))

    def not_saved(self, message: str) -> None:
        self.saved_label.setText(self.tr("Non enregistré : {message}").format(message=message))
        self.saved_label.setStyleSheet(palette.text_css(palette.ERROR, bold=True))

    def clear_saved(self) -> None:
        self.saved_label.setText("")


class MinutesPlaceholder(QtWidgets.QWidget):
    """Why there are no minutes yet, and « Commencer le procès-verbal » once they can start."""

    def __init__(self, parent: QtWidgets.QWidget | None = None):
        super().__init__(parent)
        self.placeholder_label = QtWidgets.QLabel()
        self.placeholder_label.setWordWrap(True)
        self.placeholder_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.start_button = QtWidgets.QPushButton(self.tr("Commencer le procès-verbal"))
        self.start_button.setObjectName("start_minutes")
        holder = QtWidgets.QVBoxLayout(self)
        holder.addStretch(1)
        holder.addWidget(self.placeholder_label)
        holder.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignCenter)
        holder.addStretch(2)

    def show_meeting(self, meeting: meetings.Meeting, read_only: bool) -> None:
        if meeting.status in ("cancelled", "postponed"):
            text = self.tr("Cette séance n'a pas eu lieu : elle n'a pas de procès-verbal.")
            self.start_button.setVisible(False)
        elif meeting.status not in ("held", "closed"):
            text = self.tr(
                "Le procès-verbal s'ouvre une fois la séance marquée tenue (bouton « Marquer "
                "tenue » en haut de la page, à partir de son heure de début)."
            )
            self.start_button.setVisible(True)
            self.start_button.setEnabled(False)
        else:
            text = self.tr(
                "Le procès-verbal de cette séance n'est pas encore commencé. Il se rédige "
                "d'ordinaire pendant ou après la séance."
            )
            self.start_button.setVisible(True)
            self.start_button.setEnabled(not read_only)
        self.placeholder_label.setText(text)
