"""Sending for real, to an SMTP server the test starts (aiosmtpd on a free local port): every
recipient gets one message with the right attachments, the proof is recorded, the server down
leaves messages waiting, restarted they go out once; STARTTLS, TLS and authentication."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from icalendar import Calendar
from pypdf import PdfWriter

from ess_desk import council
from ess_desk.exchange import convocations
from ess_desk.mail import outbox, proof, sending
from ess_desk.mail import settings as mail_settings
from ess_desk.meetings import agenda, annexes, meetings
from ess_desk.membership import bodies, mandates, people
from tests.smtp_server import SmtpServer, make_certificate, tls_context

MEMBERS = ("Alice", "Bruno", "Chloé", "David", "Emma")


def pdf(pages: int) -> bytes:
    writer = PdfWriter()
    for _n in range(pages):
        writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def make_meeting(store, tmp_path, *, starts: str | None = None) -> int:
    council.set_letterhead(
        store,
        council_name="Conseil de l'ESS de Lille",
        signatory="Anne Roux",
        council_email="conseil@exemple.fr",
    )
    body = bodies.create_body(store, name="Conseil plénier", kind="plenary")
    for first in MEMBERS:
        pid = people.create(
            store,
            first_name=first,
            last_name="Martin",
            email=f"{first.lower().replace('é', 'e')}@exemple.fr",
            consent_contact=1,
        )
        mandates.create(store, person_id=pid, body_id=body, role="member", start_date="2026-01-01")
    refused = people.create(
        store, first_name="Rémi", last_name="Refus", email="remi@exemple.fr", consent_contact=0
    )
    mandates.create(store, person_id=refused, body_id=body, role="member", start_date="2026-01-01")
    start = starts or (dt.date.today() + dt.timedelta(days=20)).strftime("%d/%m/%Y 18:00")
    m = meetings.create(store, body_id=body, starts_at=start, place="Hôtel de ville")
    agenda.create_item(store, m, title="Budget", kind="vote")
    annex = tmp_path / "Budget.pdf"
    annex.write_bytes(pdf(2))
    annexes.attach(store, m, annex)
    return m


def configure(store, server: SmtpServer, **values) -> mail_settings.MailSettings:
    return mail_settings.save(
        store,
        host="127.0.0.1",
        port=server.port,
        security=values.pop("security", "none"),
        sender="conseil@exemple.fr",
        **values,
    )


def send(store, password=None, **kwargs) -> sending.SendReport:
    return sending.send_waiting(store, mail_settings.get(store.db), password, timeout=10, **kwargs)


def queue_convocations(store, meeting) -> outbox.Queued:
    return convocations.queue(store, convocations.prepare(store.db, meeting))


def recipients(server: SmtpServer) -> list[str]:
    return sorted(r for received in server.received for r in received.recipients)


def test_every_member_gets_one_message_and_the_proof_is_recorded(store, tmp_path):
    meeting = make_meeting(store, tmp_path)
    with SmtpServer() as server:
        configure(store, server)
        queued = queue_convocations(store, meeting)
        assert len(queued.added) == 5  # Rémi refused to be contacted: a letter instead
        report = send(store)
    assert report.exit_code == 0 and len(report.sent) == 5
    assert recipients(server) == sorted(
        f"{n.lower().replace('é', 'e')}@exemple.fr" for n in MEMBERS
    )
    rows = {r.to_addr: r for r in outbox.rows(store.db, meeting_id=meeting)}
    for received in server.received:
        message = received.message
        row = rows[received.recipients[0]]
        assert received.sender == "conseil@exemple.fr"
        assert message["Message-ID"] == row.message_id and row.status == "sent"
        assert row.server_reply.startswith("250 2.0.0 Ok: queued as TEST")
        names = [p.get_filename() for p in message.iter_attachments()]
        assert names[1:] == [
            f"ordre-du-jour-{meetings.get(store.db, meeting).day}.pdf",
            "Budget.pdf",
            "invitation.ics",
        ]
        assert [a["name"] for a in row.attachments] == names
        calendar = Calendar.from_ical(message.get_payload()[-1].get_content())
        assert calendar.walk("VTIMEZONE") and str(calendar["METHOD"]) == "REQUEST"
    # The notice waits for Rémi's letter to be posted; then its date is the last acceptance.
    assert meetings.get(store.db, meeting).notice_sent_on is None
    records = {r.name: r for r in proof.notice_records(store.db, meeting)}
    assert records["Rémi Refus"].channel == "post" and records["Rémi Refus"].status == "waiting"
    assert records["Alice Martin"].status == "sent" and records["Alice Martin"].documents
    proof.record_posted(store, meeting, dt.date.today())
    assert meetings.get(store.db, meeting).notice_sent_on == dt.date.today().isoformat()
    assert meetings.get(store.db, meeting).status == "convened"


def test_queueing_twice_sends_nothing_twice_and_a_resend_is_explicit(store, tmp_path):
    meeting = make_meeting(store, tmp_path)
    with SmtpServer() as server:
        configure(store, server)
        queue_convocations(store, meeting)
        send(store)
        again = queue_convocations(store, meeting)
        assert again.added == [] and len(again.already) == 5
        assert send(store).sent == [] and len(server.received) == 5
        first = outbox.rows(store.db, meeting_id=meeting)[0]
        new_id = outbox.resend(store, first.id, "conseil@exemple.fr")
        report = send(store)
    assert report.sent == [new_id] and len(server.messages_to(first.to_addr)) == 2
    resent = outbox.get(store.db, new_id)
    assert resent.resend_of == first.id and resent.message_id != first.message_id
    assert (
        store.db.execute(
            "SELECT COUNT(*) FROM audit_log WHERE entity = 'outbox' AND action = 'resend'"
        ).fetchone()[0]
        == 1
    )


def test_server_down_messages_wait_then_go_out_once(store, tmp_path):
    meeting = make_meeting(store, tmp_path)
    server = SmtpServer()
    configure(store, server)  # not started: nobody listens on the port
    queue_convocations(store, meeting)
    report = send(store)
    assert report.exit_code == 2 and len(report.waiting) == 5 and "ne répond pas" in report.error
    waiting = outbox.rows(store.db, meeting_id=meeting)
    assert {r.public_status for r in waiting} == {"waiting"} and all(
        r.attempts == 1 for r in waiting
    )
    with server:
        assert send(store).exit_code == 0
        assert send(store).sent == []  # nothing left
    assert len(server.received) == 5 and len(set(recipients(server))) == 5


def test_server_stopped_in_the_middle_the_rest_waits(store, tmp_path):
    meeting = make_meeting(store, tmp_path)
    server = SmtpServer()
    count = {"n": 0}

    def refuse_from_third(envelope):
        count["n"] += 1
        return "421 4.3.2 Service shutting down" if count["n"] >= 3 else None

    server.on_data = refuse_from_third
    with server:
        configure(store, server)
        queue_convocations(store, meeting)
        report = send(store)
    assert len(report.sent) == 2 and len(report.waiting) == 3 and report.exit_code == 2
    server.on_data = None
    with server:
        assert send(store).exit_code == 0
    assert len(server.received) == 5 and len(set(recipients(server))) == 5


def test_a_recipient_refused_for_good_is_failed_with_the_reply(store, tmp_path):
    meeting = make_meeting(store, tmp_path)
    server = SmtpServer()
    server.on_data = lambda env: "550 5.1.1 User unknown" if "bruno" in env.rcpt_tos[0] else None
    with server:
        configure(store, server)
        queue_convocations(store, meeting)
        report = send(store)
    assert report.exit_code == 1 and len(report.failed) == 1 and len(report.sent) == 4
    failed = outbox.get(store.db, report.failed[0])
    assert failed.status == "failed" and failed.server_reply == "550 5.1.1 User unknown"


@pytest.fixture(scope="module")
def certificate(tmp_path_factory):
    return make_certificate(tmp_path_factory.mktemp("tls"))


def test_starttls_and_login_with_the_password_in_the_credential_store(store, tmp_path, certificate):
    cert, key = certificate
    meeting = make_meeting(store, tmp_path)
    with SmtpServer(
        starttls=tls_context(cert, key), user="secretariat", password="s3cret"
    ) as server:
        settings = configure(
            store, server, security="starttls", user="secretariat", ca_file=str(cert)
        )
        assert mail_settings.save_password(settings, "s3cret")
        queue_convocations(store, meeting)
        wrong = send(store, password="nope")
        assert wrong.exit_code == 2 and "mot de passe" in wrong.error
        report = send(store, password=mail_settings.saved_password(settings))
    assert report.exit_code == 0 and len(server.received) == 5
    # The password is nowhere in the database file.
    assert b"s3cret" not in store.path.read_bytes()


def test_implicit_tls(store, tmp_path, certificate):
    cert, key = certificate
    meeting = make_meeting(store, tmp_path)
    with SmtpServer(tls=tls_context(cert, key)) as server:
        configure(store, server, security="tls", ca_file=str(cert))
        queue_convocations(store, meeting)
        assert send(store).exit_code == 0
    assert len(server.received) == 5


def test_settings_are_checked_and_the_password_never_saved_in_the_file(store):
    with pytest.raises(Exception, match="Sécurité inconnue"):
        mail_settings.save(store, host="smtp.exemple.fr", security="ssl3", sender="a@b.fr")
    with pytest.raises(Exception, match="mot de passe"):
        mail_settings.save(store, host="smtp.exemple.fr", sender="a@b.fr", password="x")
    saved = mail_settings.save(store, host="smtp.exemple.fr", security="tls", sender="a@b.fr")
    assert saved.port == 465 and saved.size_limit_mb == 10


def test_anonymisation_takes_the_person_out_of_their_messages(store, tmp_path):
    meeting = make_meeting(store, tmp_path)
    with SmtpServer() as server:
        configure(store, server)
        queue_convocations(store, meeting)
        send(store)
    row = outbox.rows(store.db, meeting_id=meeting)[0]
    letter = next(
        a for a in row.attachments if a["source"] == "part" and "convocation" in a["name"]
    )
    with store.write() as db:
        outbox.forget_person(db, row.person_id, "Personne anonymisée n°1")
    after = outbox.get(store.db, row.id)
    assert after.to_name == "Personne anonymisée n°1" and after.to_addr == ""
    assert after.message_id == row.message_id and after.status == "sent"  # the proof stays
    assert (
        store.db.execute(
            "SELECT COUNT(*) FROM mail_parts WHERE sha256 = ?", [letter["sha256"]]
        ).fetchone()[0]
        == 0
    )


def test_an_address_no_server_takes_is_reported_and_holds_nobody_back(store, tmp_path):
    meeting = make_meeting(store, tmp_path)
    store.db.execute("UPDATE people SET email = 'élodie@exemple.fr' WHERE first_name = 'Alice'")
    store.conn.commit()
    queued = queue_convocations(store, meeting)
    assert len(queued.added) == 4 and "élodie@exemple.fr" in queued.invalid[0]


@pytest.mark.parametrize(
    ("content", "mime", "name", "params"),
    [
        (bytes(range(256)) * 20_000 + b"fin", "application/pdf", "annexe-1.pdf", {}),
        (b"", "application/pdf", "vide.pdf", {}),
        (b"x" * 57, "text/calendar", "invitation.ics", {"method": "REQUEST", "charset": "utf-8"}),
        (
            b"\x00\r\n.\r\n" * 300,
            "application/pdf",
            "Convocation — Hélène Dupré d'Été, un nom qui dépasse une ligne d'en-tête.pdf",
            {},
        ),
    ],
)
def test_attachment_parts_are_the_bytes_email_writes(content, mime, name, params):
    """The base64 part encoded in one call is byte for byte what `email`'s generator writes."""
    from email.message import MIMEPart

    from ess_desk.mail.message import WIRE, base64_part

    part = MIMEPart(policy=WIRE)
    maintype, subtype = mime.split("/", 1)
    part.set_content(content, maintype=maintype, subtype=subtype, filename=name, params=params)
    expected = part.as_bytes(policy=WIRE)
    assert base64_part(content, mime, name, params) == expected
    assert expected.endswith(b"\r\n")


TEXT_BODIES = [
    "",
    "Bonjour,\n\nVoici vos actions : n° 12 à rendre le 1 décembre à 18 h 30 (40 %).\n",
    "x" * 75 + " \n" + "x" * 76 + " \n" + "x" * 77 + "\t\n" + "y" * 200,
    "= " * 60 + "\n=\n==\nfin =",
    "é" * 40 + "\r\n" + "« À »" * 30 + "\rDernière ligne 😀",
    "From here\n.\n..\n ligne qui commence par une espace\n\n\n",
    "Tabulations\tet espaces en fin   \nligne\t",
]


@pytest.mark.parametrize("text", TEXT_BODIES)
def test_the_text_part_is_the_bytes_email_writes(text):
    """The quoted-printable text part made without a message object is byte for byte what
    `email` writes for the same text."""
    from email.message import MIMEPart

    from ess_desk.mail.headers import body_text
    from ess_desk.mail.message import WIRE, _ending, _text_part
    from ess_desk.typography import typeset

    part = MIMEPart(policy=WIRE)
    part.set_content(
        typeset(body_text(text)), subtype="plain", charset="utf-8", cte="quoted-printable"
    )
    assert _text_part(text) == _ending(part.as_bytes(policy=WIRE))


@pytest.mark.parametrize(
    ("name", "address"),
    [
        ("Camille Roy", "camille.roy@exemple.fr"),
        ("Zoé Martin", "zoe@exemple.fr"),
        ("Association Tournesol", "contact@association-tournesol.org"),
        ("Entreprise d'insertion Bouture", "contact@entreprise-d-insertion-bouture.org"),
        ("J. Dupont", "j.dupont@exemple.fr"),
        ("Dupont, Jean", "jean@exemple.fr"),
        ("Colibri – petite enfance", "contact@colibri.org"),
        ("=?utf-8?q?x?=", "x@exemple.fr"),
        ("Marie  Curie", "marie@exemple.fr"),
        *[("N" * n, "a@exemple.fr") for n in range(55, 75)],  # around one line's length
        *[("Jean " + "D" * n, "jean.dupont@exemple.fr") for n in range(40, 50)],
    ],
)
def test_address_headers_are_the_bytes_email_writes(name, address):
    from email.headerregistry import Address
    from email.message import EmailMessage

    from ess_desk.mail.message import WIRE, _folded

    head = EmailMessage(policy=WIRE)
    head["To"] = Address(name, addr_spec=address)
    assert _folded.__wrapped__("To", (name, address)) == WIRE.fold_binary("To", head["To"])


@pytest.mark.parametrize("size", [0, 1, 2, 3, 56, 57, 58, 113, 114, 115, 171, 5000, 100_003])
def test_attachments_are_encoded_as_base64_encodes_them(size):
    import base64
    import os

    from ess_desk.mail.message import base64_lines

    content = os.urandom(size)
    assert base64_lines(content) == base64.encodebytes(content).replace(b"\n", b"\r\n")


def test_attachments_of_every_count_of_lines_are_encoded_as_base64_encodes_them():
    """base64_lines cuts the whole lines by a `struct` made for their count: every count from 0
    to 60 lines, with and without a last line cut short."""
    import base64
    import os

    from ess_desk.mail.message import base64_lines

    for size in range(0, 57 * 60 + 57):
        content = os.urandom(size)
        assert base64_lines(content) == base64.encodebytes(content).replace(b"\n", b"\r\n")


@pytest.mark.parametrize("block", [1, 3, 1024])
def test_attachments_cut_block_by_block_are_encoded_as_base64_encodes_them(monkeypatch, block):
    """Lines cut `_BLOCK` at a time by one struct, the rest by another: every count of blocks
    and of lines left over, a last line cut short or not, the same lines as encodebytes'."""
    import base64
    import os

    from ess_desk.mail import message

    monkeypatch.setattr(message, "_BLOCK", block)
    for size in [*range(0, 57 * 3 * block + 58, 19 if block > 3 else 1), 57 * 2 * 1024 + 5]:
        content = os.urandom(size)
        assert message.base64_lines(content) == base64.encodebytes(content).replace(
            b"\n", b"\r\n"
        ), size


def test_a_large_attachment_keeps_no_struct_of_its_size(monkeypatch):
    """The structs made (and kept) to cut lines are of `_BLOCK` lines at most, whatever the
    attachment's size (one for a 6 MB annex's 105,000 lines would keep 3.4 MB), and give the
    same lines."""
    import base64
    import os
    import struct

    from ess_desk.mail import message

    made: list[int] = []
    real = struct.Struct

    def recorded(layout: str) -> struct.Struct:
        made.append(layout.count("s"))
        return real(layout)

    monkeypatch.setattr(message.struct, "Struct", recorded)
    message._lines.cache_clear()
    content = os.urandom(6_000_000 + 1234)
    assert message.base64_lines(content) == base64.encodebytes(content).replace(b"\n", b"\r\n")
    assert made and max(made) <= message._BLOCK
    message._lines.cache_clear()


def test_an_attachment_made_of_bytes_is_not_hashed_again_and_a_changed_one_is_refused():
    """Bytes cannot change once the attachment is made of them: composing does not hash them
    again, and writes the same part as for an attachment read back and checked. Contents that
    can change (a bytearray), or read back by `load`, are checked against their digest."""
    import hashlib

    from ess_desk.errors import UserError
    from ess_desk.mail.message import Attachment, _attachment_part

    content = bytes(range(256)) * 300
    held = Attachment.of("relance.pdf", content, "application/pdf")
    read_back = Attachment(
        "relance.pdf",
        "application/pdf",
        hashlib.sha256(content).hexdigest(),
        len(content),
        lambda: content,
    )
    assert _attachment_part(held) == _attachment_part(read_back)
    changing = bytearray(content)
    changed = Attachment.of("relance.pdf", changing, "application/pdf")  # type: ignore[arg-type]
    changing[0] ^= 1
    with pytest.raises(UserError, match="changé"):
        _attachment_part(changed)
    swapped = Attachment(
        "relance.pdf", "application/pdf", held.sha256, len(content), lambda: bytes(changing)
    )
    with pytest.raises(UserError, match="changé"):
        _attachment_part(swapped)


_NAME_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789éèàçïôœÉß'-–&!#漢😀"


@settings(max_examples=500, deadline=None)
@given(
    words=st.lists(
        st.text(alphabet=_NAME_LETTERS, min_size=1, max_size=40), min_size=1, max_size=7
    ),
    local=st.from_regex(r"[a-z0-9_+-]{1,30}(\.[a-z0-9_+-]{1,10}){0,2}", fullmatch=True),
    domain=st.from_regex(r"[a-z0-9-]{1,30}(\.[a-z0-9-]{1,12}){0,3}", fullmatch=True),
)
def test_address_headers_of_names_with_accents_are_the_bytes_email_writes(words, local, domain):
    """A name of words with accents, of every length around the folding: written without
    `email`'s parser (ess_desk.mail.address_header), the bytes `email` writes."""
    import sys
    from email.headerregistry import Address
    from email.message import EmailMessage

    from ess_desk.mail import address_header
    from ess_desk.mail.message import WIRE

    name, address = " ".join(words), f"{local}@{domain}"
    mine = address_header.folded("To", name, address, 78)
    assert (mine is not None) == (sys.version_info[:2] == (3, 11))  # (the folding it follows)
    head = EmailMessage(policy=WIRE)
    head["To"] = Address(name, addr_spec=address)
    assert mine in (None, WIRE.fold_binary("To", head["To"]))


@settings(max_examples=300, deadline=None)
@given(
    when=st.datetimes(min_value=dt.datetime(1900, 1, 1), max_value=dt.datetime(9999, 12, 31)),
    offset=st.one_of(st.none(), st.integers(min_value=-23 * 60, max_value=23 * 60)),
    domain=st.from_regex(r"[a-z0-9-]{1,20}(\.[a-z0-9-]{1,12}){0,4}", fullmatch=True),
)
def test_headers_new_in_each_message_are_the_bytes_email_writes(when, offset, domain):
    """The date, the Message-ID and the boundary are written without `email` when they are in
    the form `compose` makes them: the same bytes as `email` writes (or `email` writes them)."""
    import secrets
    from email.message import EmailMessage
    from email.utils import format_datetime

    from ess_desk.mail.message import WIRE, _header, new_message_id

    if offset is not None:
        when = when.replace(tzinfo=dt.timezone(dt.timedelta(minutes=offset)))
    values = {
        "Date": format_datetime(when),
        "Message-ID": new_message_id(f"conseil@{domain}"),
        "Content-Type": f'multipart/mixed; boundary="=_ess-desk_{secrets.token_hex(12)}"',
    }
    for name, value in values.items():
        head = EmailMessage(policy=WIRE)
        head[name] = value
        assert _header(name, value) == WIRE.fold_binary(name, head[name]), (name, value)


def test_the_wire_form_doubles_leading_dots_and_ends_lines_in_crlf():
    from ess_desk.mail.message import wire

    assert wire(b".a\r\nb\n.c") == b"..a\r\nb\r\n..c\r\n"
    assert wire(b"a\r\n..b\r\n") == b"a\r\n...b\r\n"


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("retard de 3\u202f512\u00a0jours\n\tfin", "retard de 3\u202f512\u00a0jours\n\tfin"),
        ("3\u202f512\u00a0j\x07 et\u200b fin\u2028suite", "3\u202f512\u00a0j et fin\nsuite"),
        ("a\r\nb\rc\u00ad", "a\nb\nc"),
    ],
)
def test_a_body_keeps_its_typographic_spaces_and_drops_controls(typed, kept):
    from ess_desk.mail.headers import body_text

    assert body_text(typed) == kept


@pytest.mark.parametrize("mime", ["application/pdf", "text/calendar", "application/vnd.ms-excel"])
def test_plain_attachment_headers_are_the_bytes_email_writes(mime):
    """An attachment part whose headers are written without a message object (a plain file
    name, as the reminders' PDFs have) is byte for byte what `email` writes, at every length
    around the folding of its file name."""
    import base64
    from email.message import MIMEPart

    from ess_desk.mail.message import WIRE, base64_part

    content = bytes(range(256)) * 3
    names = ["a.pdf", "relance-2026-12-05-zoe-martin-p12.pdf", "x", "-.pdf", "un nom.pdf"]
    names += ["n" * size + ".pdf" for size in range(30, 80)]
    for name in names:
        part = MIMEPart(policy=WIRE)
        maintype, subtype = mime.split("/")
        part.set_content(b"", maintype=maintype, subtype=subtype, filename=name)
        headers = b"".join(WIRE.fold_binary(key, value) for key, value in part.items())
        expected = headers + b"\r\n" + base64.encodebytes(content).replace(b"\n", b"\r\n")
        assert base64_part(content, mime, name, {}) == expected, name


_ATEXT = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+/=?^_`{|}~-"


@settings(max_examples=300)
@given(
    st.text(alphabet=_ATEXT + '.@ "()<>[]:;,\\é', min_size=0, max_size=24)
    | st.builds(
        "{}@{}".format,
        st.from_regex(
            r"[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*", fullmatch=True
        ),
        st.from_regex(r"[a-zA-Z0-9-]+(\.[a-zA-Z0-9-]+)*", fullmatch=True),
    )
    | st.builds(
        "{}@{}".format,
        st.text(alphabet='ab9=.-:" é', min_size=0, max_size=6),
        st.text(alphabet="ab9-.:_[] ", min_size=0, max_size=6),
    )
)
@example("jean.dupont@example.org")
@example("a@b.")
@example("a@b:")
@example(".a@b")
@example("a..b@c")
def test_a_plain_address_is_checked_as_email_reads_it(text):
    """An address of plain words is taken as it is, without `email`'s parser: only where the
    parser reads it whole as a user and a domain; any other gives what it gave before (the
    address, or the same exception)."""
    from email.headerregistry import Address

    from ess_desk.mail import headers

    if headers._PLAIN_ADDRESS.fullmatch(text):
        parsed = Address(addr_spec=text)
        assert parsed.username and parsed.domain and parsed.addr_spec == text

    def outcome() -> object:
        try:
            return headers.check_address(text, "X")
        except Exception as exc:
            return type(exc), str(exc)

    now = outcome()
    plain = headers._PLAIN_ADDRESS
    headers._PLAIN_ADDRESS = re.compile(r"(?!)")  # (every address through the parser)
    try:
        assert outcome() == now
    finally:
        headers._PLAIN_ADDRESS = plain
