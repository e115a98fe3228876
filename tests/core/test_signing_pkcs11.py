"""Signing with a smart card or USB token through PKCS#11, tested on SoftHSM2 (Debian's software
token, installed by .ci/run): the chair's key and certificate are put on a fresh token, and the
signature made with the card's key verifies like the PKCS#12 one. Real cards differ by their own
module (.so/.dll) only; no hardware is used here."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest
from cryptography.hazmat.primitives import serialization

from ess_desk.documents import minutes_pdf
from ess_desk.errors import UserError
from ess_desk.minutes import minutes as mn
from ess_desk.signing import certificates, signed, verify
from tests.core.test_minutes import approved, build_council
from tests.signing_support import make_authority

MODULE = "/usr/lib/softhsm/libsofthsm2.so"
PIN = "2468"


@pytest.fixture(scope="module")
def token(tmp_path_factory):
    """A SoftHSM2 token holding the chair's key and certificate (label « presidente »)."""
    import pkcs11
    from pkcs11 import Attribute, ObjectClass
    from pkcs11.util.ec import decode_ec_private_key
    from pkcs11.util.x509 import decode_x509_certificate

    assert shutil.which("softhsm2-util") and os.path.exists(MODULE), "softhsm2 (see .ci/run)"
    folder = tmp_path_factory.mktemp("softhsm")
    (folder / "tokens").mkdir()
    conf = folder / "softhsm2.conf"
    conf.write_text(f"directories.tokendir = {folder / 'tokens'}\nobjectstore.backend = file\n")
    os.environ["SOFTHSM2_CONF"] = str(conf)  # read when the module is first loaded
    subprocess.run(
        [
            "softhsm2-util",
            "--init-token",
            "--free",
            "--label",
            "ess-desk",
            "--pin",
            PIN,
            "--so-pin",
            "13579",
        ],
        check=True,
        capture_output=True,
    )
    authority = make_authority(folder / "ca")
    key_der = authority.chair_key.private_bytes(
        serialization.Encoding.DER,
        serialization.PrivateFormat.TraditionalOpenSSL,
        serialization.NoEncryption(),
    )
    cert_der = authority.chair_cert.public_bytes(serialization.Encoding.DER)
    lib = pkcs11.lib(MODULE)
    with lib.get_token(token_label="ess-desk").open(rw=True, user_pin=PIN) as session:
        key = decode_ec_private_key(key_der)
        key.update(
            {
                Attribute.LABEL: "presidente",
                Attribute.ID: b"\x01",
                Attribute.TOKEN: True,
                Attribute.SIGN: True,
                Attribute.PRIVATE: True,
                Attribute.SENSITIVE: True,
            }
        )
        session.create_object(key)
        cert = decode_x509_certificate(cert_der)
        cert.update(
            {
                Attribute.LABEL: "presidente",
                Attribute.ID: b"\x01",
                Attribute.TOKEN: True,
                Attribute.CLASS: ObjectClass.CERTIFICATE,
            }
        )
        session.create_object(cert)
    yield authority
    os.environ.pop("SOFTHSM2_CONF", None)


def test_card_signs_the_minutes_like_a_certificate_file(store, token):
    council = build_council(store)
    approved(store, council)
    view = mn.view(store.db, council["first"])
    with certificates.from_pkcs11(
        MODULE, PIN, token_label="ess-desk", key_label="presidente"
    ) as signer:
        document, data = signed.sign(
            store, council["first"], signer, lambda: minutes_pdf.render(view)
        )
    assert [s.signer for s in document.signatures] == ["Hélène Martin"]
    report = verify.verify_bytes(data, (token.root_pem,))[0]
    assert report.ok and report.trusted and report.signer == "Hélène Martin"


def test_card_errors_are_sentences(store, token):
    cases = [
        ("code PIN", MODULE, "0000", "presidente"),
        ("« absente »", MODULE, PIN, "absente"),
        ("introuvable", "/nulle/part/module.so", PIN, None),
    ]
    for message, module, pin, label in cases:
        opening = certificates.from_pkcs11(module, pin, token_label="ess-desk", key_label=label)
        with pytest.raises(UserError, match=message), opening:
            pass
