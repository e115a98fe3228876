"""A real SMTP server for the tests and the bench: aiosmtpd on a free local port, with or without
STARTTLS and authentication, keeping what it receives. Hooks let a test act at a precise moment
of a conversation (when a MAIL FROM or the end of a message's data arrives)."""

from __future__ import annotations

import datetime as dt
import email
import socket
import ssl
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from email import policy
from email.message import EmailMessage
from pathlib import Path

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


@dataclass
class Received:
    sender: str
    recipients: list[str]
    data: bytes

    @property
    def message(self) -> EmailMessage:
        return email.message_from_bytes(self.data, policy=policy.default)  # type: ignore[return-value]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def make_certificate(folder: Path) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1 and localhost: (certificate, key) PEM files."""
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
            ),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "smtp-cert.pem", folder / "smtp-key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


class _Handler:
    def __init__(self, server: SmtpServer):
        self.server = server

    async def handle_MAIL(self, smtp, session, envelope, address, options):  # noqa: N802
        if self.server.on_mail is not None:
            self.server.on_mail(address)
        envelope.mail_from = address
        envelope.mail_options.extend(options)
        return "250 OK"

    async def handle_DATA(self, smtp, session, envelope):  # noqa: N802
        if self.server.on_data is not None:
            answer = self.server.on_data(envelope)
            if answer:
                return answer
        with self.server.lock:
            n = len(self.server.received) + 1
            self.server.received.append(
                Received(envelope.mail_from, list(envelope.rcpt_tos), bytes(envelope.content))
            )
        return f"250 2.0.0 Ok: queued as TEST{n:04d}"


@dataclass
class SmtpServer:
    """`with SmtpServer(...) as server:` … `server.received`. Stop and start it again on the
    same port with `stop()` and `start()`."""

    port: int = field(default_factory=free_port)
    starttls: ssl.SSLContext | None = None
    tls: ssl.SSLContext | None = None  # implicit TLS (SMTPS)
    user: str = ""
    password: str = ""
    on_mail: Callable[[str], None] | None = None
    on_data: Callable[[object], str | None] | None = None
    received: list[Received] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    controller: Controller | None = None

    def _authenticate(self, server, session, envelope, mechanism, auth_data):
        ok = (
            isinstance(auth_data, LoginPassword)
            and auth_data.login.decode() == self.user
            and auth_data.password.decode() == self.password
        )
        return AuthResult(success=ok, handled=False)  # aiosmtpd answers 535 itself

    def start(self) -> SmtpServer:
        kwargs: dict[str, object] = {"data_size_limit": 0}
        if self.starttls is not None:
            kwargs["tls_context"] = self.starttls
            kwargs["require_starttls"] = True
        if self.tls is not None:
            kwargs["ssl_context"] = self.tls
        kwargs["auth_require_tls"] = self.starttls is not None
        if self.user:
            kwargs["authenticator"] = self._authenticate
            # PLAIN only: one refusal is one answer.
            kwargs["auth_exclude_mechanism"] = ["LOGIN"]
        self.controller = Controller(_Handler(self), hostname="127.0.0.1", port=self.port, **kwargs)
        self.controller.start()
        return self

    def stop(self) -> None:
        if self.controller is not None:
            self.controller.stop()
            self.controller = None

    def __enter__(self) -> SmtpServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def messages_to(self, address: str) -> list[Received]:
        with self.lock:
            return [r for r in self.received if address in r.recipients]


def tls_context(cert: Path, key: Path) -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(str(cert), str(key))
    return context
