"""What the signatures of a PDF say (`ess-desk verify FILE.pdf`, the minutes tab): for each, who
signed, when (timestamped by a server or the signatory's clock), whether the signed bytes are
intact, and whether the document was modified after it beyond what a later signature adds."""

from __future__ import annotations

import contextlib
import io
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ess_desk.errors import UserError
from ess_desk.failures import from_os_error
from ess_desk.i18n import _
from ess_desk.signing.certificates import holder_of

if TYPE_CHECKING:
    from asn1crypto import x509
    from pyhanko.sign.validation.pdf_embedded import EmbeddedPdfSignature


@dataclass(frozen=True)
class SignatureReport:
    field: str
    signer: str
    organisation: str
    issuer: str
    signed_at: str  # ISO, as the signature states it
    timestamped: bool  # a timestamp token (RFC 3161) vouches for the time
    timestamp_at: str
    intact: bool  # the signed bytes have not changed
    valid: bool  # … and the signature over them is the signer's
    trusted: bool  # the certificate chains to a trusted root given to the verification
    modified_after: bool  # changed after signing other than by later signatures
    whole_file: bool  # the signature covers the whole file

    @property
    def ok(self) -> bool:
        return self.intact and self.valid and not self.modified_after


def _roots(paths: tuple[Path, ...]) -> list[x509.Certificate]:
    from asn1crypto import pem, x509

    roots = []
    for path in paths:
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            raise from_os_error(exc, Path(path)) from exc
        if pem.detect(data):
            for _kind, _headers, der in pem.unarmor(data, multiple=True):
                roots.append(x509.Certificate.load(der))
        else:
            roots.append(x509.Certificate.load(data))
    return roots


def verify_bytes(
    data: bytes, trust: tuple[Path, ...] = (), roots: tuple[x509.Certificate, ...] = ()
) -> list[SignatureReport]:
    """The signatures of a PDF, in the order they were applied; a file that is not a PDF is
    refused with a sentence. Trusted: the certificates of the files `trust` and `roots`
    (asn1crypto certificates, the council's `settings.root_certificates`)."""
    from pyhanko.pdf_utils.misc import PdfReadError
    from pyhanko.pdf_utils.reader import PdfFileReader

    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        embedded = list(reader.embedded_signatures)
    except (PdfReadError, ValueError, KeyError, TypeError) as exc:
        raise UserError(_("Ce fichier n'est pas un PDF lisible.")) from exc
    trusted = [*_roots(trust), *roots]
    # Without trust roots no path to a root is ever found: pyHanko logs it with a traceback for
    # each signature, while the report says it in one sentence.
    with contextlib.nullcontext() if trusted else _quiet_validation():
        return [_report(sig, trusted) for sig in embedded]


@contextlib.contextmanager
def _quiet_validation() -> Iterator[None]:
    logger = logging.getLogger("pyhanko.sign.validation")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def _report(sig: EmbeddedPdfSignature, roots: list[x509.Certificate]) -> SignatureReport:
    from pyhanko.sign.diff_analysis import ModificationLevel
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext

    context = ValidationContext(trust_roots=roots, allow_fetching=False)
    try:
        status = validate_pdf_signature(sig, context)
    except (ValueError, KeyError, TypeError) as exc:
        raise UserError(
            _("La signature « {field} » est illisible.").format(field=sig.field_name)
        ) from exc
    holder = holder_of(status.signing_cert)
    stamp = status.timestamp_validity
    level = status.modification_level
    allowed = (
        ModificationLevel.NONE,
        ModificationLevel.LTA_UPDATES,
        ModificationLevel.FORM_FILLING,
    )
    signed_at = status.signer_reported_dt
    return SignatureReport(
        field=sig.field_name,
        signer=holder.name,
        organisation=holder.organisation,
        issuer=holder.issuer,
        signed_at=signed_at.isoformat(timespec="seconds") if signed_at else "",
        timestamped=stamp is not None,
        timestamp_at=stamp.timestamp.isoformat(timespec="seconds") if stamp else "",
        intact=bool(status.intact),
        valid=bool(status.valid),
        trusted=bool(status.trusted),
        modified_after=level is None or level not in allowed or status.docmdp_ok is False,
        whole_file=status.coverage == SignatureCoverageLevel.ENTIRE_FILE,
    )


def verify_file(
    path: Path | str, trust: tuple[Path, ...] = (), roots: tuple = ()
) -> list[SignatureReport]:
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise from_os_error(exc, path) from exc
    return verify_bytes(data, trust, roots)


def moment(value: str) -> str:
    """« 04/12/2026 à 15 h 03 (UTC+01:00) » from an ISO moment."""
    import datetime as dt

    from ess_desk.dates import clock, display

    when = dt.datetime.fromisoformat(value)
    offset = when.strftime("%z")
    zone = f" (UTC{offset[:3]}:{offset[3:]})" if offset else ""
    return _("{day} à {time}").format(day=display(when.date()), time=clock(when)) + zone


def describe(report: SignatureReport, *, command_line: bool = True) -> list[str]:
    """The lines a person reads for one signature."""
    lines = [
        _("Signataire : {name}").format(
            name=f"{report.signer} ({report.organisation})"
            if report.organisation
            else report.signer
        ),
        _("Certificat délivré par : {issuer}").format(issuer=report.issuer),
    ]
    if report.timestamped:
        lines.append(_("Horodatage RFC 3161 : {when}").format(when=moment(report.timestamp_at)))
    else:
        lines.append(
            _("Signé le {when} (heure de l'ordinateur du signataire, sans horodatage)").format(
                when=moment(report.signed_at)
            )
        )
    if report.intact and report.valid:
        lines.append(_("Signature intacte : le contenu signé n'a pas changé."))
    else:
        lines.append(_("Signature NON valable : le contenu signé a été altéré."))
    if report.modified_after:
        lines.append(_("Le document a été modifié après cette signature."))
    elif not report.whole_file:
        lines.append(_("Seules des signatures ont été ajoutées après celle-ci."))
    else:
        lines.append(_("Le document n'a pas été modifié après cette signature."))
    if report.trusted:
        lines.append(_("Certificat rattaché à une autorité de confiance."))
    else:
        lines.append(
            _(
                "Le certificat n'est rattaché à aucune autorité de confiance donnée à la "
                "vérification (option --trust)."
            )
            if command_line
            else _(
                "Le certificat n'est rattaché à aucune autorité de confiance enregistrée : "
                "ajoutez le certificat de l'autorité dans « Réglages de la signature… »."
            )
        )
    return lines
