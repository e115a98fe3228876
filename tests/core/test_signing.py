"""PAdES signatures of approved minutes with certificates made here: chair then secretary, each
visible in its box, validated by pyHanko; a byte changed after signing is caught; the signed file's
digest sits beside the approved text's and `ess-desk check` verifies both; a timestamp from a
local RFC 3161 server, or the local time said as such; an erratum gets its own signed sheet."""

from __future__ import annotations

import io
import os

import pytest
from pypdf import PdfReader

from ess_desk.cli import main
from ess_desk.documents import minutes_pdf
from ess_desk.errors import UserError
from ess_desk.integrity import check_council
from ess_desk.minutes import minutes as mn
from ess_desk.signing import certificates, signed, verify
from ess_desk.signing import settings as signing_settings
from tests.core.test_minutes import approved, build_council
from tests.documents import plain
from tests.signing_support import PASSWORD, make_authority, timestamp_server


@pytest.fixture(scope="module")
def authority(tmp_path_factory):
    return make_authority(tmp_path_factory.mktemp("ca"))


@pytest.fixture
def council(store):
    data = build_council(store)
    data["minutes"] = approved(store, data)
    return data


def _render(store, meeting_id):
    return lambda: minutes_pdf.render(mn.view(store.db, meeting_id))


def _sign(store, council, p12, role=None, **kw):
    signer = certificates.from_pkcs12(p12, PASSWORD)
    return signed.sign(
        store, council["first"], signer, _render(store, council["first"]), role=role, **kw
    )


def test_chair_then_secretary_two_visible_signatures_validated(store, council, authority):
    _doc, first = _sign(store, council, authority.chair_p12)
    reports = verify.verify_bytes(first, (authority.root_pem,))
    assert [(r.field, r.signer) for r in reports] == [("Signature_president", "Hélène Martin")]
    assert reports[0].ok and reports[0].trusted and reports[0].whole_file
    document, data = _sign(store, council, authority.secretary_p12)
    assert signed.signatory_warning(store.db, council["first"], document) is None
    assert document.complete and [s.role for s in document.signatures] == [
        "president",
        "secretaire",
    ]
    reports = verify.verify_bytes(data, (authority.root_pem,))
    assert [r.signer for r in reports] == ["Hélène Martin", "Marie Secrétariat"]
    chair, secretary = reports
    # The chair's signature still holds: only the secretary's signature came after it.
    assert chair.intact and chair.valid and not chair.modified_after and not chair.whole_file
    assert secretary.ok and secretary.whole_file
    assert not chair.timestamped and chair.signed_at
    # Both are visible, each in its box of the signature block.
    _pdf, boxes = minutes_pdf.render(mn.view(store.db, council["first"]))
    page = PdfReader(io.BytesIO(data)).pages[boxes["president"].page]
    widgets = {
        a.get_object()["/T"]: a.get_object()
        for a in page["/Annots"]
        if a.get_object().get("/FT") == "/Sig"
    }
    assert set(widgets) == {"Signature_president", "Signature_secretaire"}
    for role, widget in (
        ("president", widgets["Signature_president"]),
        ("secretaire", widgets["Signature_secretaire"]),
    ):
        box = boxes[role]
        assert [round(float(v)) for v in widget["/Rect"]] == [
            round(box.x1),
            round(box.y1),
            round(box.x2),
            round(box.y2),
        ]
        appearance = widget["/AP"]["/N"].get_object().get_data()
        assert len(appearance) > 100  # a drawn stamp, not an empty box
    # The stored file is the one returned, its digest beside the approved text's.
    record = signed.signed_document(store.db, council["minutes"])
    minutes = mn.get(store.db, council["minutes"])
    assert record.approved_sha256 == minutes.approved_sha256
    assert signed.content(store.db, record.id) == data
    assert check_council(store) == []


def test_the_approval_seal_is_printed_in_the_signed_minutes(store, council, authority):
    """The audit chain's entry of the approval is part of the approved text's story: the signed
    PV says it under the approval line (whole hash) and at the foot of every page."""
    entry, chain_hash = mn.approval_seal(store.db, council["minutes"])
    _sign(store, council, authority.chair_p12)
    _doc, data = _sign(store, council, authority.secretary_p12)
    pages = [plain(page.extract_text()) for page in PdfReader(io.BytesIO(data)).pages]
    text = " ".join(" ".join(pages).split())
    assert f"approbation inscrite à l'entrée n° {entry}" in text
    assert chain_hash in text.replace(" ", "")
    footer = f"Journal : entrée n° {entry} · {chain_hash[:32]}"
    assert all(footer in " ".join(page.split()) for page in pages)


def test_trusted_authorities_and_timestamp_server_are_council_settings(
    store, council, authority, tmp_path, db_path, capsys
):
    _doc, data = _sign(store, council, authority.chair_p12)
    assert not verify.verify_bytes(data, roots=())[0].trusted
    (root,) = signing_settings.certificates_of_file(authority.root_pem)
    assert root.name and root.not_after and len(root.sha256) == 64
    signing_settings.save(store, timestamp_url="", roots=[root, root])  # kept once
    assert [r.sha256 for r in signing_settings.trusted_roots(store.db)] == [root.sha256]
    roots = tuple(signing_settings.root_certificates(store.db))
    report = verify.verify_bytes(data, roots=roots)[0]
    assert report.trusted
    assert "Certificat rattaché à une autorité de confiance." in verify.describe(report)
    # The command line checks against the council's authorities when a database is named.
    out = tmp_path / "pv.pdf"
    out.write_bytes(data)
    assert main(["--db", str(db_path), "verify", str(out)]) == 0
    assert "Certificat rattaché à une autorité de confiance." in capsys.readouterr().out
    signing_settings.save(store, timestamp_url="", roots=[])
    assert signing_settings.trusted_roots(store.db) == []
    assert not verify.verify_bytes(data, roots=tuple(signing_settings.root_certificates(store.db)))[
        0
    ].trusted
    not_a_certificate = tmp_path / "racine.pem"
    not_a_certificate.write_text("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n")
    with pytest.raises(UserError, match="« racine.pem » n'est pas un certificat"):
        signing_settings.certificates_of_file(not_a_certificate)
    # The timestamp server: an http(s) address or nothing; tried before it is relied on.
    with pytest.raises(UserError, match="serveur d'horodatage"):
        signing_settings.save(store, timestamp_url="ftp://horodatage.example", roots=[root])
    assert signing_settings.trusted_roots(store.db) == []  # nothing half-written
    with timestamp_server(authority) as url:
        assert "a répondu" in signing_settings.try_timestamp_server(url)
        signing_settings.save(store, timestamp_url=f"  {url} ", roots=[root])
    assert signed.timestamp_url(store.db) == url
    with pytest.raises(UserError, match="n'a pas répondu"):
        signing_settings.try_timestamp_server(url)


def test_a_byte_changed_after_signing_is_caught(store, council, authority):
    _sign(store, council, authority.chair_p12)
    _doc, data = _sign(store, council, authority.secretary_p12)
    # A byte inside a signed stream: the signed content no longer matches.
    at = data.index(b"stream", 2000) + 40
    altered = data[:at] + bytes([data[at] ^ 0x01]) + data[at + 1 :]
    reports = verify.verify_bytes(altered, (authority.root_pem,))
    assert reports and not any(r.intact for r in reports)
    assert "Signature NON valable : le contenu signé a été altéré." in verify.describe(reports[0])
    # Content appended after the signatures (an incremental update that is not a signature).
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer = IncrementalPdfFileWriter(io.BytesIO(data))
    writer.root["/PageMode"] = writer.root.get("/PageMode", "/UseNone").__class__("/UseOutlines")
    writer.update_root()
    out = io.BytesIO()
    writer.write(out)
    reports = verify.verify_bytes(out.getvalue(), (authority.root_pem,))
    assert all(r.intact for r in reports)


def test_check_finds_a_changed_signed_file(store, council, authority):
    _sign(store, council, authority.chair_p12)
    with store.write() as db:
        db.execute("UPDATE signed_documents SET content = CAST(content || x'00' AS BLOB)")
    problems = check_council(store)
    assert any("ne correspond plus à son empreinte SHA-256" in p for p in problems)


def test_order_roles_and_unapproved_minutes_are_refused(store, council, authority):
    with pytest.raises(UserError, match="signe d'abord"):
        _sign(store, council, authority.secretary_p12, role="secretaire")
    _sign(store, council, authority.chair_p12)
    with pytest.raises(UserError, match="a déjà signé"):
        _sign(store, council, authority.chair_p12, role="president")
    _sign(store, council, authority.secretary_p12)
    with pytest.raises(UserError, match="erratum"):
        _sign(store, council, authority.chair_p12)
    signer = certificates.from_pkcs12(authority.chair_p12, PASSWORD)
    with pytest.raises(UserError, match="approuvé"):
        signed.sign(store, council["second"], signer, _render(store, council["second"]))
    with pytest.raises(UserError, match="mot de passe"):
        certificates.from_pkcs12(authority.chair_p12, "faux")


def test_timestamp_from_a_local_server_or_local_time_stated(store, council, authority):
    with timestamp_server(authority) as url:
        signing_settings.save(store, timestamp_url=url, roots=[])
        _doc, data = _sign(store, council, authority.chair_p12)
    report = verify.verify_bytes(data, (authority.root_pem,))[0]
    assert report.timestamped and report.timestamp_at and report.ok
    assert any(line.startswith("Horodatage RFC 3161") for line in verify.describe(report))
    # The server has stopped: the secretary's signature carries the local time, said as such.
    document, data = _sign(store, council, authority.secretary_p12)
    assert [s.timestamped for s in document.signatures] == [True, False]
    report = verify.verify_bytes(data, (authority.root_pem,))[1]
    assert not report.timestamped
    assert "sans horodatage" in " ".join(verify.describe(report))


def test_untrusted_certificate_is_said(store, council, authority):
    document, data = _sign(store, council, authority.other_p12)
    warning = signed.signatory_warning(store.db, council["first"], document)
    assert "au nom de Inconnu" in warning and "Hélène Martin" in warning
    report = verify.verify_bytes(data, (authority.root_pem,))[0]
    assert report.intact and report.valid and not report.trusted
    assert "autorité de confiance" in verify.describe(report)[-1]


def test_erratum_after_signature_gets_its_own_signed_sheet(store, council, authority):
    _sign(store, council, authority.chair_p12)
    _doc, signed_pv = _sign(store, council, authority.secretary_p12)
    erratum = mn.add_erratum(
        store, council["minutes"], "Coquille", "Lire « tiers-lieux ».", recorded_on="2027-02-20"
    )
    assert [e.id for e in signed.errata_to_sign(store.db, council["minutes"])] == [erratum]
    view = mn.view(store.db, council["first"])
    render = lambda: minutes_pdf.render_erratum(view, erratum)  # noqa: E731
    for p12 in (authority.chair_p12, authority.secretary_p12):
        signer = certificates.from_pkcs12(p12, PASSWORD)
        sheet, data = signed.sign(store, council["first"], signer, render, erratum_id=erratum)
    assert sheet.complete and sheet.erratum_id == erratum
    assert [r.signer for r in verify.verify_bytes(data)] == ["Hélène Martin", "Marie Secrétariat"]
    assert "Lire « tiers-lieux »" in plain(
        " ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
    )
    # The signed minutes themselves were not signed again.
    assert (
        signed.content(store.db, signed.signed_document(store.db, council["minutes"]).id)
        == signed_pv
    )
    assert signed.errata_to_sign(store.db, council["minutes"]) == []


def test_command_line_signs_and_verifies(
    store, council, authority, db_path, tmp_path, capsys, monkeypatch
):
    store.close()
    monkeypatch.setenv("PV_PASSWORD", PASSWORD)
    out = tmp_path / "pv-signe.pdf"
    base = [
        "--db",
        str(db_path),
        "sign-minutes",
        str(council["first"]),
        "--password-env",
        "PV_PASSWORD",
    ]
    assert main([*base, "--cert", str(authority.chair_p12), "-o", str(out)]) == 0
    assert (
        main(
            [*base, "--cert", str(authority.secretary_p12), "--role", "secretaire", "-o", str(out)]
        )
        == 0
    )
    capsys.readouterr()
    assert main(["verify", str(out), "--trust", str(authority.root_pem)]) == 0
    text = capsys.readouterr().out
    assert text.count("Signature intacte") == 2 and "Marie Secrétariat" in text
    data = bytearray(out.read_bytes())
    at = bytes(data).index(b"stream", 2000) + 40
    data[at] ^= 1
    out.write_bytes(bytes(data))
    assert main(["verify", str(out)]) == 1
    assert "NON valable" in capsys.readouterr().out
    assert os.environ["PV_PASSWORD"] == PASSWORD
