"""`ess-desk sign-minutes`, `ess-desk verify`: electronic signatures of the approved minutes."""

from __future__ import annotations

import argparse
import contextlib
import os
from pathlib import Path
from typing import TYPE_CHECKING

from ess_desk.cli.common import AddCommand, open_for_command
from ess_desk.errors import UserError
from ess_desk.i18n import _

if TYPE_CHECKING:
    from pyhanko.sign.signers import Signer

    from ess_desk.documents.minutes_pdf import Box


def _secret(variable: str | None, what: str) -> str | None:
    """A password or PIN read from an environment variable (never typed on the command line,
    where other users of the computer could read it)."""
    if not variable:
        return None
    value = os.environ.get(variable)
    if value is None:
        raise UserError(
            _("La variable d'environnement {name} ({what}) n'est pas définie.").format(
                name=variable, what=what
            )
        )
    return value


def _signer(args: argparse.Namespace) -> contextlib.AbstractContextManager[Signer]:
    from ess_desk.signing import certificates

    if args.cert and args.pkcs11:
        raise UserError(
            _("Choisissez --cert (fichier PKCS#12) ou --pkcs11 (carte, jeton), pas les deux.")
        )
    if args.cert:
        password = _secret(args.password_env, _("mot de passe du certificat"))
        return contextlib.nullcontext(certificates.from_pkcs12(args.cert, password))
    if args.pkcs11:
        pin = _secret(args.pin_env, _("code PIN"))
        return certificates.from_pkcs11(
            args.pkcs11, pin, token_label=args.token, key_label=args.key_label
        )
    raise UserError(
        _("Indiquez le certificat : --cert FICHIER.p12, ou --pkcs11 MODULE pour une carte.")
    )


def cmd_sign_minutes(args: argparse.Namespace) -> int:
    from ess_desk.documents import minutes_pdf
    from ess_desk.fileio import atomic_path
    from ess_desk.minutes import minutes as mn
    from ess_desk.signing import signed

    with open_for_command(args, write=True) as store, _signer(args) as signer:
        view = mn.view(store.db, args.meeting)

        def render() -> tuple[bytes, dict[str, Box]]:
            if args.erratum is not None:
                return minutes_pdf.render_erratum(view, args.erratum)
            return minutes_pdf.render(view)

        document, data = signed.sign(
            store, args.meeting, signer, render, role=args.role, erratum_id=args.erratum
        )
        warning = signed.signatory_warning(store.db, args.meeting, document)
    path = Path(args.output)
    with atomic_path(path) as tmp:
        tmp.write_bytes(data)
    last = document.signatures[-1]
    print(
        _("Signé par {name} ({role}) : {path}").format(
            name=last.signer, role=signed.role_text(last.role), path=path
        )
    )
    if warning:
        print(warning)
    if not last.timestamped:
        print(_("Heure de l'ordinateur, sans horodatage (aucun serveur d'horodatage joignable)."))
    waiting = signed.next_role(document)
    if waiting:
        print(_("Reste à signer : {role}.").format(role=signed.role_text(waiting)))
    print(_("SHA-256 du fichier signé : {digest}").format(digest=document.sha256))
    return 0


def _council_roots(args: argparse.Namespace) -> tuple:
    """The authorities the council trusts (window: « Réglages de la signature… ») when a
    database is named (--db or $ESS_DESK_DB): a PDF is checked against them too."""
    from ess_desk.signing import settings

    if not args.db_given or not Path(args.db).exists():
        return ()
    with open_for_command(args, write=False) as store:
        return tuple(settings.root_certificates(store.db))


def cmd_verify(args: argparse.Namespace) -> int:
    from ess_desk.signing import verify

    reports = verify.verify_file(
        args.file, tuple(Path(p) for p in args.trust or ()), _council_roots(args)
    )
    if not reports:
        print(_("Ce PDF ne porte aucune signature électronique."))
        return 1
    for n, report in enumerate(reports, start=1):
        print(_("Signature {n} ({field})").format(n=n, field=report.field))
        for line in verify.describe(report):
            print(f"  {line}")
    return 0 if all(r.ok for r in reports) else 1


def register(add: AddCommand) -> None:
    p = add(
        "sign-minutes",
        cmd_sign_minutes,
        _("signe électroniquement (PAdES) le procès-verbal approuvé d'une séance"),
    )
    p.add_argument("meeting", type=int, metavar="MEETING", help=_("numéro de la séance"))
    p.add_argument("--cert", metavar="FILE", help=_("certificat PKCS#12 (.p12, .pfx)"))
    p.add_argument(
        "--password-env",
        metavar="VAR",
        help=_("variable d'environnement qui contient le mot de passe du certificat"),
    )
    p.add_argument(
        "--pkcs11", metavar="MODULE", help=_("module PKCS#11 de la carte ou du jeton (.so, .dll)")
    )
    p.add_argument("--token", metavar="LABEL", help=_("nom de la carte ou du jeton"))
    p.add_argument("--key-label", metavar="LABEL", help=_("nom de la clé et du certificat"))
    p.add_argument("--pin-env", metavar="VAR", help=_("variable qui contient le code PIN"))
    p.add_argument(
        "--role",
        choices=["president", "secretaire"],
        help=_("qui signe (défaut : le président de séance, puis le secrétaire)"),
    )
    p.add_argument(
        "--erratum",
        type=int,
        metavar="ID",
        help=_("signe la feuille de cet erratum (enregistré après la signature du PV)"),
    )
    p.add_argument("-o", "--output", required=True, metavar="FILE", help=_("PDF signé à écrire"))

    p = add("verify", cmd_verify, _("vérifie les signatures électroniques d'un PDF"))
    p.add_argument("file", metavar="FILE.pdf", help=_("PDF signé"))
    p.add_argument(
        "--trust",
        action="append",
        metavar="CA.pem",
        help=_(
            "certificat d'autorité de confiance (répétable), en plus de celles enregistrées "
            "dans la base (--db)"
        ),
    )
