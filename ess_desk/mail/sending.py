"""A sending session: the waiting messages of the outbox go out over one connection, each one's
state committed before and after, so that a stop at any moment loses nothing and sends nothing
twice by itself (see `outbox`)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ess_desk.errors import UserError
from ess_desk.i18n import _
from ess_desk.mail import outbox
from ess_desk.mail.message import PartCache
from ess_desk.mail.settings import MailSettings
from ess_desk.mail.transport import MailError, Transport

if TYPE_CHECKING:
    from ess_desk.store import Store

Progress = Callable[[int, int], None]


@dataclass
class SendReport:
    """What a sending session did. `error`: why the server could not be used at all."""

    sent: list[int] = field(default_factory=list)
    waiting: list[int] = field(default_factory=list)
    failed: list[int] = field(default_factory=list)
    error: str = ""

    @property
    def exit_code(self) -> int:
        """0 when every message was accepted, 2 when some wait, 1 when some failed."""
        if self.failed:
            return 1
        return 2 if self.waiting else 0

    def summary(self) -> str:
        lines = [
            _(
                "Messages acceptés par le serveur : {sent} ; en attente : {waiting} ; en échec : "
                "{failed}."
            ).format(sent=len(self.sent), waiting=len(self.waiting), failed=len(self.failed))
        ]
        if self.error:
            lines.append(self.error)
        if self.waiting:
            lines.append(
                _(
                    "Les messages en attente partiront avec « Envoyer maintenant », "
                    "`ess-desk outbox --send` ou au prochain démarrage."
                )
            )
        return "\n".join(lines)


def _stop_all(
    store: Store,
    rows: Iterable[outbox.OutboxRow],
    report: SendReport,
    error: str,
    attempted: bool = False,
) -> None:
    for row in rows:
        outbox.mark_waiting(store, row.id, error, attempted=attempted)
        report.waiting.append(row.id)


def send_waiting(
    store: Store,
    settings: MailSettings,
    password: str | None,
    *,
    ids: Iterable[int] | None = None,
    meeting_id: int | None = None,
    progress: Progress | None = None,
    timeout: float | None = None,
) -> SendReport:
    """Send the waiting messages (all, or those given), in the order they were queued."""
    report = SendReport()
    pending = outbox.rows(
        store.db,
        statuses=[outbox.WAITING],
        meeting_id=meeting_id,
        ids=list(ids) if ids is not None else None,
    )
    if not pending:
        return report
    transport = Transport(settings, password, **({"timeout": timeout} if timeout else {}))
    cache = PartCache()
    meetings: set[int] = set()
    try:
        transport.connect()
    except MailError as exc:
        report.error = exc.message
        _stop_all(store, pending, report, exc.message, attempted=True)
        return report
    try:
        for n, row in enumerate(pending, start=1):
            if not _send_one(store, settings, transport, cache, row, report):
                _stop_all(store, pending[n:], report, report.error)
                break
            if row.meeting_id is not None and row.purpose == "convocation":
                meetings.add(row.meeting_id)
            if progress is not None:
                progress(n, len(pending))
    finally:
        transport.close()
    from ess_desk.mail import proof

    for meeting in sorted(meetings):
        proof.refresh_notice_date(store, meeting)
    return report


def _send_one(
    store: Store,
    settings: MailSettings,
    transport: Transport,
    cache: PartCache,
    row: outbox.OutboxRow,
    report: SendReport,
) -> bool:
    """One message; False when the connection is lost for good (the rest then waits)."""
    try:
        data = outbox.chunks(store.db, row, settings, cache=cache, wired=True)
    except UserError as exc:
        outbox.mark_failed(store, row.id, exc.message)
        report.failed.append(row.id)
        return True
    # One commit before the end of the data (from then on the server may have the message) and
    # one after its answer: a stop before the first leaves the message waiting, to be sent again.
    try:
        reply = transport.send(
            settings.sender,
            row.to_addr,
            data,
            before_end=lambda: outbox.mark_delivering(store, row),
        )
    except MailError as exc:
        if exc.after_end:
            outbox.mark_failed(store, row.id, outbox.interrupted_message())
            report.failed.append(row.id)
        elif not exc.temporary:
            outbox.mark_failed(store, row.id, exc.message, exc.reply, attempted=True)
            report.failed.append(row.id)
        else:
            outbox.mark_waiting(store, row.id, exc.message, attempted=True)
            report.waiting.append(row.id)
        if transport.smtp is None:  # the connection is gone: try once more, else stop
            try:
                transport.connect()
            except MailError as again:
                report.error = again.message
                return False
        return True
    outbox.mark_sent(store, row.id, reply)
    report.sent.append(row.id)
    return True
