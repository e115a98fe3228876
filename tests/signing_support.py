"""Certificates made in the tests (a small CA with `cryptography`: a root, two signatories and a
timestamp authority) and a local RFC 3161 timestamp server over pyHanko's DummyTimeStamper."""

from __future__ import annotations

import contextlib
import datetime as dt
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

PASSWORD = "sésame-2026"
NOW = dt.datetime.now(dt.UTC)


def _name(common: str, organisation: str = "Ville d'Exemple") -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "FR"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation),
            x509.NameAttribute(NameOID.COMMON_NAME, common),
        ]
    )


def _cert(subject, issuer, key, issuer_key, *, ca=False, usage=None):
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(NOW - dt.timedelta(days=1))
        .not_valid_after(NOW + dt.timedelta(days=365))
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=not ca,
                content_commitment=not ca,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=ca,
                crl_sign=ca,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
    )
    if usage is not None:
        builder = builder.add_extension(x509.ExtendedKeyUsage(usage), critical=True)
    return builder.sign(issuer_key, hashes.SHA256())


@dataclass
class Authority:
    folder: Path
    root_pem: Path
    chair_p12: Path
    secretary_p12: Path
    other_p12: Path  # a certificate from no trusted root
    tsa_cert: x509.Certificate
    tsa_key: rsa.RSAPrivateKey
    root_cert: x509.Certificate
    chair_key: ec.EllipticCurvePrivateKey
    chair_cert: x509.Certificate


def make_authority(folder: Path) -> Authority:
    folder.mkdir(parents=True, exist_ok=True)
    root_key = ec.generate_private_key(ec.SECP256R1())
    root_name = _name("Autorité de test ESS Desk")
    root = _cert(root_name, root_name, root_key, root_key, ca=True)
    root_pem = folder / "racine.pem"
    root_pem.write_bytes(root.public_bytes(serialization.Encoding.PEM))

    def person(common: str, file_name: str, issuer=root, issuer_key=root_key):
        key = ec.generate_private_key(ec.SECP256R1())
        cert = _cert(_name(common), issuer.subject, key, issuer_key)
        path = folder / file_name
        path.write_bytes(
            pkcs12.serialize_key_and_certificates(
                common.encode(),
                key,
                cert,
                [issuer],
                serialization.BestAvailableEncryption(PASSWORD.encode()),
            )
        )
        return path, key, cert

    chair_p12, chair_key, chair_cert = person("Hélène Martin", "presidente.p12")
    secretary_p12, _k, _c = person("Marie Secrétariat", "secretaire.p12")
    stranger_key = ec.generate_private_key(ec.SECP256R1())
    stranger_name = _name("Autorité inconnue", "Ailleurs")
    stranger = _cert(stranger_name, stranger_name, stranger_key, stranger_key, ca=True)
    other_p12, _k, _c = person("Inconnu", "autre.p12", stranger, stranger_key)
    # pyHanko's dummy timestamper signs with RSA only.
    tsa_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    tsa = _cert(
        _name("Horodatage de test"),
        root.subject,
        tsa_key,
        root_key,
        usage=[ExtendedKeyUsageOID.TIME_STAMPING],
    )
    return Authority(
        folder,
        root_pem,
        chair_p12,
        secretary_p12,
        other_p12,
        tsa,
        tsa_key,
        root,
        chair_key,
        chair_cert,
    )


def _asn1(cert: x509.Certificate):
    from asn1crypto import x509 as asn1_x509

    return asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))


@contextlib.contextmanager
def timestamp_server(authority: Authority) -> Iterator[str]:
    """A local RFC 3161 server on a free port of 127.0.0.1 for the time of the block; yields its
    URL. It answers with pyHanko's dummy timestamper, signed by the test authority's TSA."""
    from asn1crypto import keys, tsp
    from pyhanko.sign.timestamps import DummyTimeStamper

    key = keys.PrivateKeyInfo.load(
        authority.tsa_key.private_bytes(
            serialization.Encoding.DER,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    stamper = DummyTimeStamper(
        tsa_cert=_asn1(authority.tsa_cert),
        tsa_key=key,
        certs_to_embed=[_asn1(authority.root_cert)],
    )

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802 - http.server's name
            body = self.rfile.read(int(self.headers["Content-Length"]))
            answer = stamper.request_tsa_response(tsp.TimeStampReq.load(body)).dump()
            self.send_response(200)
            self.send_header("Content-Type", "application/timestamp-reply")
            self.send_header("Content-Length", str(len(answer)))
            self.end_headers()
            self.wfile.write(answer)

        def log_message(self, *args):  # quiet
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/tsa"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
