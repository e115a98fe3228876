"""One outgoing message as bytes (RFC 5322, CRLF line ends), the same for a draft `.eml` on disk
and for the mail server.

Large attachments (the annexes, often several megabytes, sent to every member) are encoded once
and their encoded part reused for every recipient: a `PartCache` keeps them for one sending.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage, MIMEPart
from email.utils import format_datetime

from ess_desk.mail.headers import body_text, check_address, file_name, header_text
from ess_desk.typography import typeset

# Lines end in CRLF on the wire and in .eml files alike (every mail client reads those).
WIRE = policy.SMTP.clone(max_line_length=78)


@dataclass(frozen=True)
class Attachment:
    """A file carried by a message. `load` gives its bytes (read when the message is composed,
    so that a queued message does not hold twenty megabytes of annexes in memory)."""

    name: str
    mime: str
    sha256: str
    size: int
    load: Callable[[], bytes] = field(repr=False, compare=False)
    params: tuple[tuple[str, str], ...] = ()

    @classmethod
    def of(cls, name: str, content: bytes, mime: str, **params: str) -> Attachment:
        return cls(
            name=file_name(name),
            mime=mime,
            sha256=hashlib.sha256(content).hexdigest(),
            size=len(content),
            load=lambda: content,
            params=tuple(sorted(params.items())),
        )

    def describe(self) -> dict[str, object]:
        """What the proof of sending keeps of it: its name, type, size and digest."""
        return {"name": self.name, "mime": self.mime, "size": self.size, "sha256": self.sha256}


@dataclass(frozen=True)
class Envelope:
    """Who sends, to whom, about what: the headers of one message."""

    to_name: str
    to_addr: str
    subject: str
    from_name: str
    from_addr: str
    reply_to: str = ""
    message_id: str = ""
    date: dt.datetime | None = None


def new_message_id(sender: str) -> str:
    """A Message-ID under the sender's domain (not the computer's name)."""
    domain = sender.rpartition("@")[2] or "ess-desk.invalid"
    return f"<{uuid.uuid4().hex}@{header_text(domain)}>"


def encoded_size(attachments: list[Attachment] | tuple[Attachment, ...]) -> int:
    """The size the attachments take in a message once encoded in base64 (4/3, plus line ends)."""
    raw = sum(a.size for a in attachments)
    return raw * 4 // 3 + raw // 57 * 2 + 1024 * len(attachments)


class PartCache:
    """Encoded attachment parts, kept by content and name, for one sending session."""

    def __init__(self) -> None:
        self._parts: dict[tuple[str, str, str, tuple], bytes] = {}

    def part(self, attachment: Attachment) -> bytes:
        key = (attachment.sha256, attachment.name, attachment.mime, attachment.params)
        found = self._parts.get(key)
        if found is None:
            found = _attachment_part(attachment)
            # Only what is shared is worth keeping: small parts (a personal letter) are not.
            if attachment.size >= 64 * 1024:
                self._parts[key] = found
        return found


def _attachment_part(attachment: Attachment) -> bytes:
    content = attachment.load()
    if hashlib.sha256(content).hexdigest() != attachment.sha256:
        from ess_desk.errors import UserError
        from ess_desk.i18n import _

        raise UserError(
            _("La pièce jointe « {name} » a changé depuis la mise en file du message.").format(
                name=attachment.name
            )
        )
    part = MIMEPart(policy=WIRE)
    maintype, subtype = attachment.mime.split("/", 1)
    part.set_content(
        content,
        maintype=maintype,
        subtype=subtype,
        filename=attachment.name,
        params=dict(attachment.params),
    )
    return _ending(part.as_bytes(policy=WIRE))


def _ending(data: bytes) -> bytes:
    return data if data.endswith(b"\r\n") else data + b"\r\n"


def _text_part(text: str) -> bytes:
    part = MIMEPart(policy=WIRE)
    part.set_content(
        typeset(body_text(text)), subtype="plain", charset="utf-8", cte="quoted-printable"
    )
    return _ending(part.as_bytes(policy=WIRE))


def compose(
    envelope: Envelope,
    body: str,
    attachments: list[Attachment] | tuple[Attachment, ...] = (),
    *,
    draft: bool = False,
    cache: PartCache | None = None,
) -> bytes:
    """The whole message. `draft` marks it for Outlook as a message to send, not a received one."""
    cache = cache or PartCache()
    head = EmailMessage(policy=WIRE)
    if envelope.from_addr:
        head["From"] = Address(
            header_text(envelope.from_name),
            addr_spec=check_address(envelope.from_addr, envelope.from_name),
        )
    head["To"] = Address(
        header_text(envelope.to_name), addr_spec=check_address(envelope.to_addr, envelope.to_name)
    )
    if envelope.reply_to:
        head["Reply-To"] = Address(addr_spec=check_address(envelope.reply_to, "Reply-To"))
    head["Subject"] = typeset(header_text(envelope.subject))
    head["Date"] = format_datetime(envelope.date or dt.datetime.now().astimezone())
    head["Message-ID"] = envelope.message_id or new_message_id(envelope.from_addr)
    if draft:
        head["X-Unsent"] = "1"
    head["MIME-Version"] = "1.0"
    boundary = f"=_ess-desk_{secrets.token_hex(12)}"
    head["Content-Type"] = f'multipart/mixed; boundary="{boundary}"'
    # The headers alone: the parts below are joined by hand, each encoded once.
    out = [b"".join(WIRE.fold_binary(name, value) for name, value in head.items()), b"\r\n"]
    delimiter = f"--{boundary}\r\n".encode("ascii")
    out += [delimiter, _text_part(body)]
    for attachment in attachments:
        out += [delimiter, cache.part(attachment)]
    out.append(f"--{boundary}--\r\n".encode("ascii"))
    return b"".join(out)
