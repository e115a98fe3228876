"""The connection to the council's mail server (smtplib): no encryption, STARTTLS or TLS, with a
login when a user name is set; one connection carries a whole sending session.

The end of a message's data (the final « . ») is what makes the server take it. `send` calls
`before_end` just before writing it, so that the outbox can record the moment after which the
message may have been accepted: a program stopped before it sends the message again, one stopped
after it leaves the message for the secretariat to check, never sending it twice by itself.
"""

from __future__ import annotations

import contextlib
import smtplib
import socket
import ssl
from collections.abc import Callable, Iterator, Sequence

from ess_desk.errors import UserError
from ess_desk.i18n import _
from ess_desk.mail.message import wire
from ess_desk.mail.settings import MailSettings

TIMEOUT = 60  # seconds without an answer before the server is taken as unreachable
SMALL = 64 * 1024  # pieces of a message under this size are written together


class MailError(UserError):
    """The server could not be used for this message or at all. `temporary` errors leave the
    message waiting (the server is down, busy, or the password is wrong); permanent ones (an
    address the server refuses) mark it failed."""

    def __init__(self, message: str, *, temporary: bool, reply: str = "", after_end: bool = False):
        super().__init__(message)
        self.temporary = temporary
        self.reply = reply
        self.after_end = after_end


def _reply(code: int, text: bytes | str) -> str:
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    return " ".join(f"{code} {text}".split())


def _refused(code: int, text: bytes | str, what: str) -> MailError:
    reply = _reply(code, text)
    return MailError(
        _("Le serveur a refusé {what} : {reply}").format(what=what, reply=reply),
        temporary=400 <= code < 500,
        reply=reply,
    )


def _no_delay(smtp: smtplib.SMTP) -> None:
    """Small writes go at once (TCP_NODELAY). An SMTP client writes a command, then waits for
    the answer; and the end of a message (« . ») follows megabytes of data: held back until the
    server acknowledges what came before (Nagle), which servers delay, each message waited
    for tens of milliseconds (measured: 30 ms a message on the local bench)."""
    if smtp.sock is not None:
        with contextlib.suppress(OSError):
            smtp.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)


def _batched(chunks: Sequence[bytes]) -> Iterator[bytes]:
    """The pieces of a message with the small ones joined (headers, boundaries, a letter), the
    large ones (the annexes shared by every message) given as they are, never copied."""
    pending: list[bytes] = []
    for chunk in chunks:
        if len(chunk) < SMALL:
            pending.append(chunk)
            continue
        if pending:
            yield b"".join(pending)
            pending = []
        yield chunk
    if pending:
        yield b"".join(pending)


class Transport:
    """`with Transport(settings, password) as t: t.send(sender, to, data, before_end)`."""

    def __init__(
        self, settings: MailSettings, password: str | None = None, timeout: float = TIMEOUT
    ):
        self.settings = settings
        self.password = password
        self.timeout = timeout
        self.smtp: smtplib.SMTP | None = None

    def _context(self) -> ssl.SSLContext:
        context = ssl.create_default_context()
        if self.settings.ca_file:
            context.load_verify_locations(cafile=self.settings.ca_file)
        return context

    def connect(self) -> None:
        s = self.settings
        if not s.configured:
            raise MailError(
                _("Configurez d'abord l'envoi des courriels (serveur et adresse d'expédition)."),
                temporary=True,
            )
        if s.user and not self.password:
            raise MailError(
                _(
                    "Le mot de passe du compte {user} sur {host} est nécessaire pour envoyer."
                ).format(user=s.user, host=s.host),
                temporary=True,
            )
        where = f"{s.host}:{s.port}"
        try:
            if s.security == "tls":
                smtp: smtplib.SMTP = smtplib.SMTP_SSL(
                    s.host, s.port, timeout=self.timeout, context=self._context()
                )
            else:
                smtp = smtplib.SMTP(s.host, s.port, timeout=self.timeout)
            self.smtp = smtp
            _no_delay(smtp)
            smtp.ehlo()
            if s.security == "starttls":
                if not smtp.has_extn("starttls"):
                    raise MailError(
                        _("Le serveur {where} ne propose pas STARTTLS.").format(where=where),
                        temporary=True,
                    )
                smtp.starttls(context=self._context())
                smtp.ehlo()
            if s.user:
                smtp.login(s.user, self.password or "")
        except smtplib.SMTPAuthenticationError as exc:
            self.close()
            raise MailError(
                _("Le serveur {where} a refusé l'identifiant ou le mot de passe ({reply}).").format(
                    where=where, reply=_reply(exc.smtp_code, exc.smtp_error)
                ),
                temporary=True,
            ) from exc
        except ssl.SSLError as exc:
            self.close()
            raise MailError(
                _("Connexion chiffrée impossible avec {where} : {reason}").format(
                    where=where, reason=exc.reason or exc
                ),
                temporary=True,
            ) from exc
        except (OSError, smtplib.SMTPException) as exc:
            self.close()
            if isinstance(exc, MailError):
                raise
            raise MailError(
                _("Le serveur de courriel {where} ne répond pas ({reason}).").format(
                    where=where, reason=getattr(exc, "strerror", None) or exc
                ),
                temporary=True,
            ) from exc

    def send(
        self,
        sender: str,
        recipient: str,
        data: bytes | Sequence[bytes],
        before_end: Callable[[], None] = lambda: None,
    ) -> str:
        """Send one message; returns the server's reply line once it has accepted it. `data`:
        the message's bytes, or its pieces already in the DATA phase's form
        (`message.compose_chunks(wired=True)`), sent one after the other without being joined."""
        chunks = [wire(data)] if isinstance(data, bytes) else data
        if self.smtp is None:
            self.connect()
        smtp = self.smtp
        assert smtp is not None
        try:
            code, text = smtp.mail(sender)
            if code != 250:
                raise _refused(code, text, _("l'expéditeur {addr}").format(addr=sender))
            code, text = smtp.rcpt(recipient)
            if code not in (250, 251):
                raise _refused(code, text, _("le destinataire {addr}").format(addr=recipient))
            smtp.putcmd("data")
            code, text = smtp.getreply()
            if code != 354:
                raise _refused(code, text, _("le message"))
            for chunk in _batched(chunks):
                smtp.send(chunk)
        except MailError:
            self._reset()
            raise
        except (OSError, smtplib.SMTPException) as exc:
            self.close()
            raise MailError(
                _("La connexion au serveur de courriel a été perdue ({reason}).").format(
                    reason=getattr(exc, "strerror", None) or exc
                ),
                temporary=True,
            ) from exc
        before_end()
        try:
            smtp.send(b".\r\n")
            code, text = smtp.getreply()
        except (OSError, smtplib.SMTPException) as exc:
            self.close()
            raise MailError(
                _(
                    "La connexion a été perdue à la fin de l'envoi : le serveur a peut-être reçu "
                    "le message."
                ),
                temporary=False,
                after_end=True,
            ) from exc
        if code != 250:
            raise _refused(code, text, _("le message"))
        return _reply(code, text)

    def _reset(self) -> None:
        try:
            if self.smtp is not None:
                self.smtp.rset()
        except (OSError, smtplib.SMTPException):
            self.close()

    def close(self) -> None:
        smtp, self.smtp = self.smtp, None
        if smtp is None:
            return
        try:
            smtp.quit()
        except (OSError, smtplib.SMTPException):
            with contextlib.suppress(OSError):
                smtp.close()

    def __enter__(self) -> Transport:
        self.connect()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
