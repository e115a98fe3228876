"""The signatory's certificate and key: a PKCS#12 file (.p12/.pfx) with its password, or a smart
card / USB token through its PKCS#11 library (the key never leaves the card)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ess_desk.errors import UserError
from ess_desk.failures import from_os_error
from ess_desk.i18n import _

if TYPE_CHECKING:
    from asn1crypto import x509
    from pyhanko.sign.signers import Signer


@dataclass(frozen=True)
class Holder:
    """Who a certificate names, as the minutes and the verification report say it."""

    name: str
    organisation: str
    issuer: str
    not_before: str
    not_after: str


def holder_of(cert: x509.Certificate) -> Holder:
    """`cert`: an asn1crypto certificate (what pyHanko hands around)."""
    subject = cert.subject.native
    issuer = cert.issuer.native
    validity = cert["tbs_certificate"]["validity"]
    return Holder(
        name=str(subject.get("common_name") or cert.subject.human_friendly),
        organisation=str(subject.get("organization_name") or ""),
        issuer=str(issuer.get("common_name") or cert.issuer.human_friendly),
        not_before=validity["not_before"].native.date().isoformat(),
        not_after=validity["not_after"].native.date().isoformat(),
    )


def from_pkcs12(path: Path | str, password: str | None) -> Signer:
    """The signer of a PKCS#12 file; a wrong password or a file that is not one is refused with
    a sentence, never a trace."""
    from pyhanko.sign import signers

    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise from_os_error(exc, path) from exc
    try:
        signer = signers.SimpleSigner.load_pkcs12_data(
            data, other_certs=(), passphrase=password.encode("utf-8") if password else None
        )
    except (ValueError, TypeError) as exc:
        raise UserError(
            _(
                "Le certificat {path} ne s'ouvre pas : mot de passe erroné ou fichier qui n'est "
                "pas un PKCS#12 (.p12, .pfx)."
            ).format(path=path.name)
        ) from exc
    if signer is None or signer.signing_cert is None:
        raise UserError(
            _("Le fichier {path} ne contient ni certificat ni clé de signature.").format(
                path=path.name
            )
        )
    return signer


@contextlib.contextmanager
def from_pkcs11(
    library: Path | str,
    pin: str | None,
    *,
    token_label: str | None = None,
    key_label: str | None = None,
    slot: int | None = None,
) -> Iterator[Signer]:
    """The signer of a smart card or token, its session open for the time of the signature:
    `library` is the card's PKCS#11 module (.so / .dll given with the card), `key_label` the
    label of the key and of its certificate on the card."""
    from pkcs11 import PKCS11Error
    from pyhanko.config.pkcs11 import TokenCriteria
    from pyhanko.sign import pkcs11 as hanko_pkcs11

    path = Path(library)
    if not path.is_file():
        raise UserError(
            _(
                "Le module PKCS#11 {path} est introuvable : indiquez la bibliothèque fournie avec "
                "la carte ou le jeton."
            ).format(path=path)
        )
    try:
        session = hanko_pkcs11.open_pkcs11_session(
            str(path),
            slot_no=slot,
            token_criteria=TokenCriteria(label=token_label) if token_label else None,
            user_pin=pin,
        )
    except (PKCS11Error, OSError, RuntimeError) as exc:
        raise UserError(
            _(
                "La carte ou le jeton ne s'ouvre pas ({reason}) : vérifiez qu'il est branché, "
                "son nom et le code PIN."
            ).format(reason=type(exc).__name__)
        ) from exc
    try:
        probe = hanko_pkcs11.PKCS11Signer(session, key_label=key_label, cert_label=key_label)
        try:
            cert = probe.signing_cert  # read from the card now: a wrong label is said here
        except (PKCS11Error, ValueError, KeyError) as exc:
            raise UserError(
                _("Aucun certificat nommé « {label} » sur la carte ou le jeton.").format(
                    label=key_label or ""
                )
            ) from exc
        # Many cards sign an ECDSA digest computed on the computer, not the whole data (pyHanko's
        # raw mechanism); RSA cards sign the data with their own hash-then-sign mechanism.
        yield hanko_pkcs11.PKCS11Signer(
            session,
            key_label=key_label,
            cert_label=key_label,
            signing_cert=cert,
            use_raw_mechanism=cert.public_key.algorithm == "ec",
        )
    finally:
        session.close()
