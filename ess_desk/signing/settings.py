"""The council's signing settings, kept in its file so that every computer of the secretariat
verifies and timestamps the same way: the RFC 3161 timestamp server, and the certificates of the
authorities trusted when a signature is verified (the roots of the certification chains of the
chair's and the secretary's certificates: the council's qualified provider, a ministry's…).

The trusted certificates are kept whole (PEM text) rather than as a path to a file: the database
moves from computer to computer, a path does not."""

from __future__ import annotations

import asyncio
import base64
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from ess_desk.council import get_setting, set_setting
from ess_desk.errors import UserError
from ess_desk.failures import from_os_error
from ess_desk.i18n import _
from ess_desk.signing.certificates import holder_of

if TYPE_CHECKING:
    from sqlite_utils import Database

    from ess_desk.store import Store

TIMESTAMP_SETTING = "timestamp_url"
TRUST_SETTING = "signature_trust_roots"
MAX_CERTIFICATE_FILE = 1_000_000  # a bundle of a few hundred roots fits; anything larger is not one


@dataclass(frozen=True)
class TrustedRoot:
    """A trusted certificate as the window lists it."""

    name: str
    organisation: str
    not_after: str  # ISO day
    sha256: str  # of the DER bytes: what identifies it
    der: bytes


def timestamp_url(db: Database) -> str:
    return get_setting(db, TIMESTAMP_SETTING)


def checked_timestamp_url(text: str) -> str:
    """An http(s) address, or "" for no server (the signatory's clock, stated as such)."""
    text = text.strip()
    if not text:
        return ""
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.netloc or any(c.isspace() for c in text):
        raise UserError(
            _(
                "« {value} » n'est pas l'adresse d'un serveur d'horodatage (http://… ou https://…)."
            ).format(value=text),
            field="timestamp_url",
        )
    return text


def try_timestamp_server(url: str) -> str:
    """Ask the server for a timestamp of a test digest: its name and the time it gave, or a
    UserError saying why it did not answer."""
    from pyhanko.sign.timestamps import HTTPTimeStamper, TimestampRequestError

    from ess_desk.signing.pades import TIMESTAMP_TIMEOUT
    from ess_desk.signing.verify import moment

    url = checked_timestamp_url(url)
    if not url:
        raise UserError(_("Indiquez l'adresse du serveur d'horodatage."), field="timestamp_url")
    stamper = HTTPTimeStamper(url, timeout=TIMESTAMP_TIMEOUT)
    try:
        token = asyncio.run(stamper.async_dummy_response("sha256"))
    except (TimestampRequestError, OSError, ValueError) as exc:
        raise UserError(
            _("Le serveur d'horodatage {url} n'a pas répondu comme il faut : {reason}").format(
                url=url, reason=exc
            ),
            field="timestamp_url",
        ) from exc
    info = token["content"]["encap_content_info"]["content"].parsed
    when = info["gen_time"].native
    return _("Le serveur d'horodatage a répondu : {when}.").format(
        when=moment(when.isoformat(timespec="seconds"))
    )


def _stored(db: Database) -> list[bytes]:
    text = get_setting(db, TRUST_SETTING)
    return _certificates_in(text.encode("ascii"), "") if text else []


def _certificates_in(data: bytes, name: str) -> list[bytes]:
    """The DER certificates of a PEM bundle or of one DER certificate; anything else refused."""
    from asn1crypto import pem, x509

    try:
        if pem.detect(data):
            ders = [
                der
                for kind, _headers, der in pem.unarmor(data, multiple=True)
                if kind == "CERTIFICATE"
            ]
        else:
            ders = [data]
        for der in ders:
            x509.Certificate.load(der).native  # parses every field, or raises  # noqa: B018
    except (ValueError, TypeError, KeyError) as exc:
        raise UserError(
            _("« {name} » n'est pas un certificat (fichier .pem, .crt, .cer ou .der).").format(
                name=name
            ),
            field="trust_roots",
        ) from exc
    if not ders:
        raise UserError(
            _("« {name} » ne contient aucun certificat.").format(name=name), field="trust_roots"
        )
    return ders


def _root(der: bytes) -> TrustedRoot:
    from asn1crypto import x509

    holder = holder_of(x509.Certificate.load(der))
    return TrustedRoot(
        holder.name, holder.organisation, holder.not_after, hashlib.sha256(der).hexdigest(), der
    )


def trusted_roots(db: Database) -> list[TrustedRoot]:
    return [_root(der) for der in _stored(db)]


def root_certificates(db: Database) -> list:
    """The trusted certificates as pyHanko's validation takes them."""
    from asn1crypto import x509

    return [x509.Certificate.load(der) for der in _stored(db)]


def _pem(ders: list[bytes]) -> str:
    blocks = []
    for der in ders:
        body = base64.encodebytes(der).decode("ascii").replace("\n", "")
        lines = [body[i : i + 64] for i in range(0, len(body), 64)]
        blocks.append(
            "\n".join(["-----BEGIN CERTIFICATE-----", *lines, "-----END CERTIFICATE-----"])
        )
    return "\n".join(blocks) + ("\n" if blocks else "")


def certificates_of_file(path: Path | str) -> list[TrustedRoot]:
    """The certificates of a file (.pem bundle, .crt, .cer, .der), to trust; anything else is
    refused with a sentence naming the file."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_CERTIFICATE_FILE:
            raise UserError(
                _("« {name} » est trop gros pour un fichier de certificats.").format(
                    name=path.name
                ),
                field="trust_roots",
            )
        data = path.read_bytes()
    except OSError as exc:
        raise from_os_error(exc, path) from exc
    return [_root(der) for der in _certificates_in(data, path.name)]


def save(store: Store, *, timestamp_url: str, roots: Sequence[TrustedRoot]) -> None:
    """Record both settings at once (each certificate once, in the order given)."""
    url = checked_timestamp_url(timestamp_url)
    ders = list({root.sha256: root.der for root in roots}.values())
    with store.write() as db:
        set_setting(db, TIMESTAMP_SETTING, url)
        set_setting(db, TRUST_SETTING, _pem(ders))
