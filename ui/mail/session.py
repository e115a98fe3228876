"""One sending session per window: the password (from the credential store, else asked once and
kept in memory until the window closes), and sending off the GUI thread on a database connection
of its own, with progress and the outbox's counts signalled back to the GUI thread."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ess_desk.mail import outbox, sending
from ess_desk.mail import settings as mail_settings
from ess_desk.store import Store, own_connection
from ui.qt import QObject, QRunnable, QThreadPool, QtWidgets, Signal


class _Signals(QObject):
    progressed = Signal(int, int)
    finished = Signal(object)


class _SendJob(QRunnable):
    def __init__(self, store: Store, password: str | None, signals: _Signals, **filters):
        super().__init__()
        self.store = store
        self.password = password
        self.signals = signals
        self.filters = filters

    def run(self) -> None:
        own = own_connection(self.store)
        try:
            report = sending.send_waiting(
                own,
                mail_settings.get(own.db),
                self.password,
                progress=lambda done, total: self.signals.progressed.emit(done, total),
                **self.filters,
            )
        except Exception as exc:  # reported to the GUI thread, never lost
            report = sending.SendReport(error=str(exc))
        finally:
            own.close()
        self.signals.finished.emit(report)


class MailSession(QObject):
    """`session.send(parent, on_done=…)`; `changed` after every sending session."""

    changed = Signal()
    progressed = Signal(int, int)

    def __init__(self, store: Callable[[], Store], parent: QObject | None = None):
        super().__init__(parent)
        self._store = store
        self._passwords: dict[str, str] = {}
        self.busy = False
        self._signals: list[_Signals] = []

    @property
    def store(self) -> Store:
        return self._store()

    def known_password(self, settings: mail_settings.MailSettings) -> str | None:
        """The password without asking: none needed, kept in the store, or typed this session."""
        if not settings.user:
            return ""
        return mail_settings.saved_password(settings) or self._passwords.get(settings.account)

    def remember(self, settings: mail_settings.MailSettings, password: str) -> None:
        self._passwords[settings.account] = password

    def ask_password(
        self, parent: QtWidgets.QWidget | None, settings: mail_settings.MailSettings
    ) -> str | None:
        """The password, asked when not known; None when the person cancels."""
        known = self.known_password(settings)
        if known is not None:
            return known
        text, ok = QtWidgets.QInputDialog.getText(
            parent,
            self.tr("Mot de passe du serveur de courriel"),
            self.tr(
                "Mot de passe de {user} sur {host} (gardé jusqu'à la fermeture de la fenêtre) :"
            ).format(user=settings.user, host=settings.host),
            QtWidgets.QLineEdit.EchoMode.Password,
        )
        if not ok:
            return None
        self.remember(settings, text)
        return text

    def counts(self) -> dict[str, int]:
        return outbox.counts(self.store.db)

    def send(
        self,
        password: str | None,
        *,
        on_done: Callable[[sending.SendReport], None] | None = None,
        ids: Iterable[int] | None = None,
        meeting_id: int | None = None,
    ) -> bool:
        """Send what waits, off the GUI thread; False when a sending session already runs."""
        if self.busy or self.store.read_only:
            return False
        self.busy = True
        signals = _Signals()
        self._signals.append(signals)  # kept alive until the job is done
        signals.progressed.connect(self.progressed)

        def finished(report: sending.SendReport) -> None:
            self.busy = False
            self._signals.remove(signals)
            if on_done is not None:
                on_done(report)
            self.changed.emit()

        signals.finished.connect(finished)
        filters: dict[str, object] = {}
        if ids is not None:
            filters["ids"] = list(ids)
        if meeting_id is not None:
            filters["meeting_id"] = meeting_id
        QThreadPool.globalInstance().start(_SendJob(self.store, password, signals, **filters))
        return True

    def send_at_start(self) -> None:
        """At start: messages left waiting go out when the password is known without asking."""
        store = self.store
        if store.read_only:
            return
        outbox.recover(store)
        settings = mail_settings.get(store.db)
        if not settings.configured or not self.counts()[outbox.WAITING]:
            self.changed.emit()
            return
        password = self.known_password(settings)
        if password is None:
            self.changed.emit()  # the status bar says a password is needed
            return
        self.send(password)


def session_for(widget: QtWidgets.QWidget, store: Store) -> MailSession:
    """The window's sending session (one per window: the password typed once), or one of its
    own for a page shown without the main window."""
    found = getattr(widget.window(), "mail_session", None)
    if isinstance(found, MailSession):
        return found
    own = getattr(widget, "_own_mail_session", None)
    if own is None:
        own = MailSession(lambda: store, widget)
        widget._own_mail_session = own  # type: ignore[attr-defined]
    return own
