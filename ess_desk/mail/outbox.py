"""The outbox: every message queued in the database before it is sent, with its proof once the
server has accepted it. A message is identified by an idempotency key (one per purpose, meeting
and recipient): queuing the same convocation twice is a no-op, and a resend is an explicit action
that records itself (`resend`). Nothing is lost when the program stops: a message waits until it
is accepted.

Statuses: waiting → delivering (the end of its data is being written) → sent; failed when the
server refused it for good, or when the program stopped after the end of its data was written
but before the server's answer was recorded (the server may have it: the secretariat checks,
then resends if need be).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ess_desk import audit
from ess_desk.errors import UserError
from ess_desk.i18n import _
from ess_desk.mail import message as msg
from ess_desk.mail.headers import check_address, header_text
from ess_desk.mail.settings import MailSettings
from ess_desk.store import database
from ess_desk.store.database import Row, inserted_id
from ess_desk.store.database import rows as named_rows

if TYPE_CHECKING:
    from sqlite_utils import Database

    from ess_desk.store import Store

WAITING, SENDING, DELIVERING, SENT, FAILED = "waiting", "sending", "delivering", "sent", "failed"
# What the command line and the window show: a message being sent is still waiting.
PUBLIC_STATUS = {
    WAITING: WAITING,
    SENDING: WAITING,
    DELIVERING: WAITING,
    SENT: SENT,
    FAILED: FAILED,
}
PURPOSES = ("convocation", "cancellation", "reminder", "minutes")
ANNEX, PART = "annex", "part"


@dataclass(frozen=True)
class Outgoing:
    """A message to queue. Attachments whose `source` is ANNEX are read from the meeting's
    annexes when sent (kept once in the database); the others are kept in `mail_parts`."""

    key: str
    purpose: str
    to_name: str
    to_addr: str
    subject: str
    body: str
    attachments: tuple[msg.Attachment, ...] = ()
    annex_digests: frozenset[str] = frozenset()
    meeting_id: int | None = None
    person_id: int | None = None


@dataclass(frozen=True)
class OutboxRow:
    id: int
    key: str
    purpose: str
    meeting_id: int | None
    person_id: int | None
    to_name: str
    to_addr: str
    subject: str
    status: str
    attempts: int
    queued_at: str
    last_attempt_at: str | None
    last_error: str
    sent_at: str | None
    message_id: str
    server_reply: str
    resend_of: int | None
    bounce: str
    bounce_on: str | None
    size: int
    attachments: tuple[dict[str, Any], ...]

    @property
    def public_status(self) -> str:
        return PUBLIC_STATUS.get(self.status, self.status)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "meeting_id": self.meeting_id,
            "purpose": self.purpose,
            "to": self.to_addr,
            "to_name": self.to_name,
            "subject": self.subject,
            "status": self.public_status,
            "attempts": self.attempts,
            "queued_at": self.queued_at,
            "sent_at": self.sent_at,
            "message_id": self.message_id,
            "server_reply": self.server_reply,
            "last_error": self.last_error,
            "resend_of": self.resend_of,
            "bounce": self.bounce,
            "size": self.size,
            "attachments": [
                {k: a[k] for k in ("name", "size", "sha256")} for a in self.attachments
            ],
        }


_COLUMNS = (
    "id, idempotency_key AS key, purpose, meeting_id, person_id, to_name, to_addr, subject, status, "
    "attempts, queued_at, last_attempt_at, last_error, sent_at, message_id, server_reply, "
    "resend_of, bounce, bounce_on, size, attachments"
)


def _row(r: Row) -> OutboxRow:
    values = dict(r)
    values["attachments"] = tuple(json.loads(r["attachments"] or "[]"))
    return OutboxRow(**values)


def _now() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


@dataclass
class Queued:
    """What `queue` did: the ids of the messages added, and of those already in the outbox."""

    added: list[int] = field(default_factory=list)
    already: list[int] = field(default_factory=list)
    invalid: list[str] = field(default_factory=list)  # why a message could not be queued

    @property
    def ids(self) -> list[int]:
        return self.added + self.already


def _store_parts(db: Database, item: Outgoing) -> list[dict[str, Any]]:
    described = []
    for attachment in item.attachments:
        entry = attachment.describe() | {"params": dict(attachment.params)}
        if attachment.sha256 in item.annex_digests:
            entry["source"] = ANNEX
        else:
            entry["source"] = PART
            db.execute(
                "INSERT OR IGNORE INTO mail_parts (sha256, size, content) VALUES (?, ?, ?)",
                [attachment.sha256, attachment.size, attachment.load()],
            )
        described.append(entry)
    return described


def queue(
    store: Store, items: Iterable[Outgoing], sender: str = "", resend_of: int | None = None
) -> Queued:
    """Put messages in the outbox, in one transaction; a key already there is left as it is."""
    result = Queued()
    with store.write() as db:
        for item in items:
            if item.purpose not in PURPOSES:
                raise ValueError(item.purpose)
            try:
                check_address(item.to_addr, item.to_name)
            except UserError as error:  # one wrong address never holds the others back
                result.invalid.append(error.message)
                continue
            found = database.scalar(
                db, "SELECT id FROM outbox WHERE idempotency_key = ?", [item.key]
            )
            if found is not None:
                result.already.append(found)
                continue
            described = _store_parts(db, item)
            cursor = db.execute(
                "INSERT INTO outbox (idempotency_key, purpose, meeting_id, person_id, to_name, "
                "to_addr, subject, body, attachments, size, message_id, queued_at, resend_of) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    item.key,
                    item.purpose,
                    item.meeting_id,
                    item.person_id,
                    header_text(item.to_name),
                    header_text(item.to_addr),
                    header_text(item.subject),
                    item.body,
                    json.dumps(described, ensure_ascii=False),
                    len(item.body.encode()) + msg.encoded_size(item.attachments),
                    msg.new_message_id(sender),
                    _now(),
                    resend_of,
                ],
            )
            result.added.append(inserted_id(cursor))
        if result.added:
            audit.record(
                db,
                "outbox",
                None,
                "queue",
                None,
                {"messages": len(result.added), "ids": result.added[:1] + result.added[-1:]},
            )
    return result


def rows(
    db: Database,
    *,
    meeting_id: int | None = None,
    statuses: Iterable[str] | None = None,
    purpose: str | None = None,
    ids: Iterable[int] | None = None,
) -> list[OutboxRow]:
    where, params = ["1 = 1"], []
    for column, wanted in (
        ("meeting_id", None if meeting_id is None else [meeting_id]),
        ("status", statuses),
        ("purpose", None if purpose is None else [purpose]),
        ("id", ids),
    ):
        if wanted is not None:
            values = list(wanted)
            where.append(f"{column} IN ({','.join('?' * len(values))})")
            params += values
    found = named_rows(
        db, f"SELECT {_COLUMNS} FROM outbox WHERE {' AND '.join(where)} ORDER BY id", params
    )
    return [_row(r) for r in found]


def get(db: Database, outbox_id: int) -> OutboxRow:
    found = rows(db, ids=[outbox_id])
    if not found:
        raise UserError(
            _("Le message n°{id} n'est pas dans la boîte d'envoi.").format(id=outbox_id)
        )
    return found[0]


def counts(db: Database) -> dict[str, int]:
    """Messages by public status (waiting, sent, failed), for the status bar."""
    out = {WAITING: 0, SENT: 0, FAILED: 0}
    for status, n in db.execute("SELECT status, COUNT(*) FROM outbox GROUP BY status"):
        out[PUBLIC_STATUS.get(status, status)] += n
    return out


# -- composing ---------------------------------------------------------------------------------


def attachments_of(db: Database, row: OutboxRow) -> list[msg.Attachment]:
    """The row's attachments, each read from the database only when the message is composed."""
    out = []
    for entry in row.attachments:
        table = "annexes" if entry["source"] == ANNEX else "mail_parts"
        name = entry["name"]

        def load(table: str = table, digest: str = entry["sha256"], name: str = name) -> bytes:
            found = database.scalar(
                db, f"SELECT content FROM {table} WHERE sha256 = ? LIMIT 1", [digest]
            )
            if found is None:
                raise UserError(
                    _(
                        "La pièce jointe « {name} » n'est plus dans la base (annexe retirée "
                        "depuis la mise en file ?) : renvoyez le message."
                    ).format(name=name)
                )
            return bytes(found)

        out.append(
            msg.Attachment(
                name=name,
                mime=entry["mime"],
                sha256=entry["sha256"],
                size=entry["size"],
                load=load,
                params=tuple(sorted(entry.get("params", {}).items())),
            )
        )
    return out


def compose(
    db: Database,
    row: OutboxRow,
    settings: MailSettings,
    *,
    draft: bool = False,
    cache: msg.PartCache | None = None,
) -> bytes:
    """The message of an outbox row, as a file holds it."""
    return b"".join(chunks(db, row, settings, draft=draft, cache=cache))


def chunks(
    db: Database,
    row: OutboxRow,
    settings: MailSettings,
    *,
    draft: bool = False,
    cache: msg.PartCache | None = None,
    wired: bool = False,
) -> list[bytes]:
    """The message of an outbox row in pieces (`message.compose_chunks`); `wired` for the
    server."""
    body = database.scalar(db, "SELECT body FROM outbox WHERE id = ?", [row.id])
    envelope = msg.Envelope(
        to_name=row.to_name,
        to_addr=row.to_addr,
        subject=row.subject,
        from_name=settings.sender_name,
        from_addr=settings.sender,
        reply_to=settings.reply_to,
        message_id=row.message_id,
    )
    return msg.compose_chunks(
        envelope, body, attachments_of(db, row), draft=draft, cache=cache, wired=wired
    )


# -- state changes, each committed at once -----------------------------------------------------


def _set(store: Store, outbox_id: int, **values: Any) -> None:
    names = ", ".join(f"{k} = ?" for k in values)
    with store.write() as db:
        db.execute(f"UPDATE outbox SET {names} WHERE id = ?", [*values.values(), outbox_id])


def mark_delivering(store: Store, row: OutboxRow) -> None:
    """The end of the message's data is about to be written: from now on the server may have
    it (one attempt more)."""
    with store.write() as db:
        db.execute(
            "UPDATE outbox SET status = ?, attempts = attempts + 1, last_attempt_at = ? "
            "WHERE id = ?",
            [DELIVERING, _now(), row.id],
        )


def mark_sent(store: Store, outbox_id: int, reply: str) -> None:
    _set(store, outbox_id, status=SENT, sent_at=_now(), server_reply=reply, last_error="")


def mark_waiting(store: Store, outbox_id: int, error: str, *, attempted: bool = False) -> None:
    """Back to waiting; `attempted` when the server was tried for it and could not be used."""
    if attempted:
        with store.write() as db:
            db.execute(
                "UPDATE outbox SET status = ?, last_error = ?, attempts = attempts + 1, "
                "last_attempt_at = ? WHERE id = ?",
                [WAITING, error, _now(), outbox_id],
            )
        return
    _set(store, outbox_id, status=WAITING, last_error=error)


def mark_failed(
    store: Store, outbox_id: int, error: str, reply: str = "", *, attempted: bool = False
) -> None:
    if attempted:
        with store.write() as db:
            db.execute(
                "UPDATE outbox SET attempts = attempts + 1, last_attempt_at = ? WHERE id = ?",
                [_now(), outbox_id],
            )
    _set(store, outbox_id, status=FAILED, last_error=error, server_reply=reply)


def interrupted_message() -> str:
    return _(
        "Envoi interrompu après la transmission complète du message : le serveur l'a peut-être "
        "reçu. Vérifiez auprès du destinataire, puis renvoyez-le si besoin."
    )


def recover(store: Store) -> int:
    """After a program stopped mid-sending: a message whose data was not finished waits again
    (the server dropped it); one whose end was written is failed, for the secretariat to check,
    never sent twice by itself. Returns how many messages were in either state."""
    if store.read_only:
        return 0
    with store.write() as db:
        waiting = db.execute(
            "UPDATE outbox SET status = ?, last_error = ? WHERE status = ?",
            [WAITING, _("Envoi interrompu avant la fin : le message sera renvoyé."), SENDING],
        ).rowcount
        failed = db.execute(
            "UPDATE outbox SET status = ?, last_error = ? WHERE status = ?",
            [FAILED, interrupted_message(), DELIVERING],
        ).rowcount
    return waiting + failed


# -- explicit actions of the secretariat ---------------------------------------------------------


def resend(store: Store, outbox_id: int, sender: str = "") -> int:
    """Queue the same message again, under a new Message-ID, recorded as a resend of the first
    (in the outbox and the audit log). Returns the new message's id."""
    with store.write() as db:
        row = get(db, outbox_id)
        if row.status in (SENDING, DELIVERING):
            raise UserError(_("Ce message est en cours d'envoi."))
        if row.status == WAITING:
            raise UserError(
                _("Ce message attend déjà son envoi : utilisez « Envoyer maintenant ».")
            )
        n = database.scalar(
            db, "SELECT COUNT(*) FROM outbox WHERE idempotency_key LIKE ?", [f"{row.key}#%"]
        )
        body = database.row(db, "SELECT body, attachments FROM outbox WHERE id = ?", [row.id])
        assert body is not None  # `get` found the message
        cursor = db.execute(
            "INSERT INTO outbox (idempotency_key, purpose, meeting_id, person_id, to_name, "
            "to_addr, subject, body, attachments, size, message_id, queued_at, resend_of) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                f"{row.key}#renvoi-{n + 1}",
                row.purpose,
                row.meeting_id,
                row.person_id,
                row.to_name,
                row.to_addr,
                row.subject,
                body["body"],
                body["attachments"],
                row.size,
                msg.new_message_id(sender),
                _now(),
                row.id,
            ],
        )
        new_id = inserted_id(cursor)
        audit.record(
            db, "outbox", new_id, "resend", {"id": row.id, "status": row.status}, {"id": new_id}
        )
        return new_id


def record_bounce(store: Store, outbox_id: int, text: str, day: dt.date | None = None) -> None:
    """A bounce (non-delivery report) the secretariat received, recorded by hand."""
    text = header_text(text)
    with store.write() as db:
        row = get(db, outbox_id)
        on = (day or dt.date.today()).isoformat() if text else None
        db.execute("UPDATE outbox SET bounce = ?, bounce_on = ? WHERE id = ?", [text, on, row.id])
        audit.record(
            db, "outbox", row.id, "bounce", {"bounce": row.bounce}, {"bounce": text, "on": on}
        )


def cancel(store: Store, outbox_id: int) -> None:
    """Take a waiting message out of the outbox (it will not be sent; recorded as failed)."""
    with store.write() as db:
        row = get(db, outbox_id)
        if row.status != WAITING:
            raise UserError(_("Seul un message en attente peut être retiré de la boîte d'envoi."))
        db.execute(
            "UPDATE outbox SET status = ?, last_error = ? WHERE id = ?",
            [FAILED, _("Retiré de la boîte d'envoi par le secrétariat."), row.id],
        )
        audit.record(db, "outbox", row.id, "cancel", {"status": WAITING}, {"status": FAILED})


def forget_person(db: Database, person_id: int, label: str) -> int:
    """Anonymisation: the person's name and address leave their messages (subject and proof
    stay), and the letters kept for them (which name them) are deleted."""
    digests = {
        entry["sha256"]
        for (text,) in db.execute("SELECT attachments FROM outbox WHERE person_id = ?", [person_id])
        for entry in json.loads(text or "[]")
        if entry.get("source") == PART
    }
    changed = db.execute(
        "UPDATE outbox SET to_name = ?, to_addr = '', body = '' WHERE person_id = ?",
        [label, person_id],
    ).rowcount
    db.execute(
        "UPDATE posted_letters SET name = ?, address = '' WHERE person_id = ?", [label, person_id]
    )
    for digest in digests:
        shared = db.execute(
            "SELECT 1 FROM outbox WHERE attachments LIKE ? AND (person_id IS NULL "
            "OR person_id != ?) LIMIT 1",
            [f'%"{digest}"%', person_id],
        ).fetchone()
        if shared is None:
            db.execute("DELETE FROM mail_parts WHERE sha256 = ?", [digest])
    return changed
