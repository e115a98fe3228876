"""One outgoing message as bytes (RFC 5322, CRLF line ends), the same for a draft `.eml` on disk
and for the mail server.

Large attachments (the annexes, often several megabytes, sent to every member) are encoded once
and their encoded part reused for every recipient: a `PartCache` keeps them for one sending, also
in the form the SMTP DATA phase carries (`wire`), so that a server is given the same bytes over
and over without going through them again for each recipient (`compose_chunks(wired=True)`).
"""

from __future__ import annotations

import binascii
import datetime as dt
import hashlib
import re
import secrets
import struct
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from email import policy, quoprimime
from email.headerregistry import Address
from email.message import EmailMessage, MIMEPart
from email.utils import format_datetime
from functools import lru_cache

from ess_desk.mail import address_header
from ess_desk.mail.headers import body_text, check_address, file_name, header_text
from ess_desk.typography import typeset

# Lines end in CRLF on the wire and in .eml files alike (every mail client reads those).
LINE = 78  # characters at most on a header line
WIRE = policy.SMTP.clone(max_line_length=LINE)


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
            load=_Held(content) if type(content) is bytes else lambda: content,
            params=tuple(sorted(params.items())),
        )

    def describe(self) -> dict[str, object]:
        """What the proof of sending keeps of it: its name, type, size and digest."""
        return {"name": self.name, "mime": self.mime, "size": self.size, "sha256": self.sha256}


class _Held:
    """The bytes of an attachment made of them (`Attachment.of`): what `load` gives is what was
    hashed, bytes being immutable, so composing the message does not hash them again (a
    thousand reminders' PDFs)."""

    __slots__ = ("content",)

    def __init__(self, content: bytes) -> None:
        self.content = content

    def __call__(self) -> bytes:
        return self.content


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


def wire(data: bytes) -> bytes:
    """The bytes as the DATA phase of SMTP carries them: CRLF line ends, a dot doubled at the
    start of a line (RFC 5321 4.5.2). `data` starts at the start of a line."""
    if data.count(b"\n") != data.count(b"\r\n"):  # a bare line feed (composed messages have none)
        data = re.sub(rb"\r?\n", b"\r\n", data)
    if not data.endswith(b"\r\n"):
        data += b"\r\n"
    if data.startswith(b"."):
        data = b"." + data
    return data.replace(b"\r\n.", b"\r\n..")


class PartCache:
    """Encoded attachment parts, kept by content and name, for one sending session (as in a
    file, and as on the wire)."""

    SHARED = 64 * 1024  # only what is shared is worth keeping: a personal letter is not

    def __init__(self) -> None:
        self._parts: dict[tuple[str, str, str, tuple], bytes] = {}
        self._wired: dict[tuple[str, str, str, tuple], bytes] = {}

    def part(self, attachment: Attachment, *, wired: bool = False) -> bytes:
        key = (attachment.sha256, attachment.name, attachment.mime, attachment.params)
        found = self._parts.get(key)
        if found is None:
            found = _attachment_part(attachment)
            if attachment.size >= self.SHARED:
                self._parts[key] = found
        if not wired:
            return found
        if attachment.size < self.SHARED:
            return wire(found)
        on_wire = self._wired.get(key)
        if on_wire is None:
            on_wire = self._wired[key] = wire(found)
        return on_wire


def _attachment_part(attachment: Attachment) -> bytes:
    content = attachment.load()
    held = type(attachment.load) is _Held  # (hashed when the attachment was made of them)
    if not held and hashlib.sha256(content).hexdigest() != attachment.sha256:
        from ess_desk.errors import UserError
        from ess_desk.i18n import _

        raise UserError(
            _("La pièce jointe « {name} » a changé depuis la mise en file du message.").format(
                name=attachment.name
            )
        )
    return base64_part(content, attachment.mime, attachment.name, dict(attachment.params))


def base64_part(content: bytes, mime: str, name: str, params: dict[str, str]) -> bytes:
    """An attachment part: the headers `email` writes for it, then its content in base64 lines
    of 76 characters, encoded in one call (the same bytes as `email`'s generator, which goes
    line by line: a second for 20 MB of annexes)."""
    headers = None if params else _plain_part_headers(mime, name)
    if headers is None:
        part = MIMEPart(policy=WIRE)
        maintype, subtype = mime.split("/", 1)
        part.set_content(b"", maintype=maintype, subtype=subtype, filename=name, params=params)
        headers = b"".join(WIRE.fold_binary(key, value) for key, value in part.items())
    return headers + b"\r\n" + base64_lines(content)


def base64_lines(content: bytes) -> bytes:
    """`base64.encodebytes` with CRLF line ends (76 characters a line, for 57 bytes), from one
    encoding of the whole (encodebytes encodes line by line: a fifth slower), cut in lines by
    `struct` unpackings (`_lines`: slicing them one by one cost half as much as the encoding),
    a block of `_BLOCK` lines at a time (a struct takes some 32 bytes a line: one made for the
    whole of a 20 MB annex, kept, would hold 11 MB)."""
    encoded = binascii.b2a_base64(content, newline=False)
    if not encoded:
        return b""
    blocks, rest = divmod(len(encoded) // 76, _BLOCK)
    lines: list[bytes] = []
    if blocks:
        for block in _lines(_BLOCK).iter_unpack(memoryview(encoded)[: blocks * _BLOCK * 76]):
            lines += block
    cut = blocks * _BLOCK * 76
    if rest:
        lines += _lines(rest).unpack_from(encoded, cut)
        cut += rest * 76
    if len(encoded) > cut:
        lines.append(encoded[cut:])
    lines.append(b"")
    return b"\r\n".join(lines)


# The most lines one struct cuts (57 KB of an attachment's bytes).
_BLOCK = 1024


@lru_cache(maxsize=64)
def _lines(count: int) -> struct.Struct:
    """What cuts `count` whole lines of base64 (76 characters each) off the start of a text."""
    return struct.Struct("76s" * count)


_PLAIN_MIME = re.compile(r"[a-z]+/[a-z0-9.+-]+")
_PLAIN_FILE_NAME = re.compile(r"[A-Za-z0-9._-]+")


def _plain_part_headers(mime: str, name: str) -> bytes | None:
    """The headers `email` writes for an attachment part whose type is plain and whose file name
    is of letters, digits, dots, dashes and underscores, short enough to be quoted whole (the
    reminders' PDFs: a thousand names); None for any other (`email` writes those)."""
    if not (_PLAIN_MIME.fullmatch(mime) and _PLAIN_FILE_NAME.fullmatch(name)):
        return None
    disposition = f'Content-Disposition: attachment; filename="{name}"'
    if len(disposition) > LINE:
        if len(f' filename="{name}"') >= LINE:
            return None  # (cut in numbered pieces, RFC 2231)
        disposition = f'Content-Disposition: attachment;\r\n filename="{name}"'
    head = f"Content-Type: {mime}\r\nContent-Transfer-Encoding: base64\r\n{disposition}\r\n"
    return head.encode("ascii")


def _ending(data: bytes) -> bytes:
    return data if data.endswith(b"\r\n") else data + b"\r\n"


def _text_part(text: str) -> bytes:
    """The message's text in quoted-printable: the bytes `email` writes for
    `set_content(text, subtype="plain", charset="utf-8", cte="quoted-printable")` (its headers
    are always the same: made once; its body encoded as `email` encodes it, without building a
    message for it: a thousand reminders in a row)."""
    lines = typeset(body_text(text)).encode("utf-8").splitlines()
    encoded = quoprimime.body_encode((b"\n".join(lines) + b"\n").decode("latin-1"), LINE)
    return _ending(_text_headers() + b"\r\n" + encoded.replace("\n", "\r\n").encode("ascii"))


@lru_cache(maxsize=1)
def _text_headers() -> bytes:
    part = MIMEPart(policy=WIRE)
    part.set_content("", subtype="plain", charset="utf-8", cte="quoted-printable")
    return b"".join(WIRE.fold_binary(key, value) for key, value in part.items())


def compose(
    envelope: Envelope,
    body: str,
    attachments: list[Attachment] | tuple[Attachment, ...] = (),
    *,
    draft: bool = False,
    cache: PartCache | None = None,
) -> bytes:
    """The whole message. `draft` marks it for Outlook as a message to send, not a received one."""
    return b"".join(compose_chunks(envelope, body, attachments, draft=draft, cache=cache))


def compose_chunks(
    envelope: Envelope,
    body: str,
    attachments: list[Attachment] | tuple[Attachment, ...] = (),
    *,
    draft: bool = False,
    cache: PartCache | None = None,
    wired: bool = False,
) -> list[bytes]:
    """The message in pieces, each starting at the start of a line and ending with CRLF (the
    shared attachments are the cache's own bytes, never copied); `wired`: each piece as the SMTP
    DATA phase carries it (`wire`), the shared ones prepared once for the whole sending."""
    cache = cache or PartCache()
    on_wire = wire if wired else _same
    # Each header as `email` folds it, in this order (see `_folded`); an address as its name
    # and its address.
    head: list[tuple[str, str | tuple[str, str]]] = []
    if envelope.from_addr:
        sender = check_address(envelope.from_addr, envelope.from_name)
        head.append(("From", (header_text(envelope.from_name), sender)))
    to = check_address(envelope.to_addr, envelope.to_name)
    head.append(("To", (header_text(envelope.to_name), to)))
    if envelope.reply_to:
        head.append(("Reply-To", ("", check_address(envelope.reply_to, "Reply-To"))))
    head.append(("Subject", typeset(header_text(envelope.subject))))
    head.append(("Date", format_datetime(envelope.date or dt.datetime.now().astimezone())))
    head.append(("Message-ID", envelope.message_id or new_message_id(envelope.from_addr)))
    if draft:
        head.append(("X-Unsent", "1"))
    head.append(("MIME-Version", "1.0"))
    boundary = f"=_ess-desk_{secrets.token_hex(12)}"
    head.append(("Content-Type", f'multipart/mixed; boundary="{boundary}"'))
    # The headers alone: the parts below are joined by hand, each encoded once.
    headers = b"".join(_header(name, value) for name, value in head)
    delimiter = f"--{boundary}\r\n".encode("ascii")  # never starts with a dot
    out = [on_wire(headers + b"\r\n"), delimiter, on_wire(_text_part(body))]
    for attachment in attachments:
        out += [delimiter, cache.part(attachment, wired=wired)]
    out.append(f"--{boundary}--\r\n".encode("ascii"))
    return out


# A name of plain words (RFC 5322 atoms) and an address of plain words: `email` writes them as
# they are when the header fits on one line.
_PLAIN_NAME = re.compile(r"[A-Za-z0-9!#$%&'*+/?^_`{|}~-]+(?: [A-Za-z0-9!#$%&'*+/?^_`{|}~-]+)*")
_PLAIN_ADDRESS = re.compile(
    r"[A-Za-z0-9!#$%&'*+/?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/?^_`{|}~-]+)*"
    r"@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*"
)


# The headers of every message whose value is new each time (its date, its own Message-ID, its
# parts' boundary), when they are in the form `compose_chunks` makes them: `email` writes them
# as they are (one line, nothing to encode), after parsing them again (two thirds of what
# folding the headers of a thousand reminders cost).
_AS_THEY_ARE = {
    "Date": re.compile(
        r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d "
        r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d\d:\d\d:\d\d [+-]\d{4}"
    ),
    "Message-ID": re.compile(r"<[0-9a-f]{32}@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*>"),
    "Content-Type": re.compile(r'multipart/mixed; boundary="=_ess-desk_[0-9a-f]{24}"'),
}


def _header(name: str, value: str | tuple[str, str]) -> bytes:
    """One header as `email` writes it: those of every message kept (`_folded`), those new in
    each message (the recipient, the date, the Message-ID, the boundary) not, so that they do not
    push the others out of the cache."""
    if name == "To":
        return _folded.__wrapped__(name, value)
    plain = _AS_THEY_ARE.get(name)
    if plain is not None:
        assert isinstance(value, str)
        if len(name) + 2 + len(value) <= LINE and plain.fullmatch(value):
            return f"{name}: {value}\r\n".encode("ascii")
        return _folded.__wrapped__(name, value)
    return _folded(name, value)


@lru_cache(maxsize=256)
def _folded(name: str, value: str | tuple[str, str]) -> bytes:
    """One header as `email` writes it (an address given as its name and address), remembered:
    the sender and the subject are the same in every message of a sending, and folding a name
    with accents takes `email` a millisecond and a half. A name and an address of plain words
    on one line are written as `email` writes them, without it (a thousand reminders)."""
    if not isinstance(value, str) and value[0]:
        line = f"{name}: {value[0]} <{value[1]}>"
        if (
            len(line) <= LINE
            and _PLAIN_NAME.fullmatch(value[0])
            and _PLAIN_ADDRESS.fullmatch(value[1])
        ):
            return line.encode("ascii") + b"\r\n"
        known = address_header.folded(name, value[0], value[1], LINE)  # (names with accents)
        if known is not None:
            return known
    head = EmailMessage(policy=WIRE)
    head[name] = value if isinstance(value, str) else Address(value[0], addr_spec=value[1])
    return WIRE.fold_binary(name, head[name])


def _same(data: bytes) -> bytes:
    return data
