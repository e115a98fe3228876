"""The compliance check reads the proof of sending: convocations queued and sent for real to an
SMTP server the test starts, letters posted, then the meeting held — who was convened, when the
server accepted each message (or the letter was posted), which documents went with it."""

from __future__ import annotations

import datetime as dt
import hashlib

from ess_desk.mail import outbox, proof
from ess_desk.meetings import compliance, meetings
from tests.core.test_mail_sending import configure, make_meeting, queue_convocations, send
from tests.smtp_server import SmtpServer


def hold(store, meeting_id: int) -> None:
    start = meetings.get(store.db, meeting_id).start
    meetings.set_status(store, meeting_id, "held", now=start + dt.timedelta(days=1))


def checks(store, meeting_id: int, today: dt.date | None = None) -> dict[str, compliance.Check]:
    return {c.code: c for c in compliance.check_meeting(store.db, meeting_id, today)}


def annex_digest(store, meeting_id: int) -> str:
    content = store.db.execute(
        "SELECT content FROM annexes WHERE meeting_id = ?", [meeting_id]
    ).fetchone()[0]
    return hashlib.sha256(content).hexdigest()


def test_sent_and_posted_convocations_prove_the_notice_and_its_documents(store, tmp_path):
    meeting = make_meeting(store, tmp_path)
    # Before anything is prepared, the documents of each sending are unknown.
    assert checks(store, meeting)["notice_documents"].status == compliance.NA
    with SmtpServer() as server:
        configure(store, server)
        queue_convocations(store, meeting)
        assert send(store).exit_code == 0
    today = dt.date.today()
    proof.record_posted(store, meeting, today)  # Rémi refused e-mail: his letter is posted
    hold(store, meeting)
    # Held: the proof still answers (it is asked for after the meeting).
    records = {r.name: r for r in proof.notice_records(store.db, meeting)}
    assert records["Alice Martin"].status == proof.SENT and records["Alice Martin"].mandate_id
    result = checks(store, meeting)
    on_time = result["notice_on_time"]
    assert on_time.status == compliance.OK, on_time.detail
    assert "aux 6 personnes attendues" in on_time.detail
    assert "5 courriels acceptés par le serveur et 1 lettre postée" in on_time.detail
    documents = result["notice_documents"]
    assert documents.status == compliance.OK, documents.detail
    day = meetings.get(store.db, meeting).day.isoformat()
    assert f"ordre-du-jour-{day}.pdf (" in documents.detail
    assert (
        "Budget.pdf (" in documents.detail and annex_digest(store, meeting)[:12] in documents.detail
    )
    # Each e-mail's own letter and calendar invitation (5 × 2), the posted letter carries none.
    assert "10 documents nominatifs" in documents.detail
    receipts = compliance.notice_receipts(store.db, meeting)
    assert all(r.traced and r.accepted_on == today for r in receipts)
    assert {r.channel for r in receipts} == {"email", "post"}


def test_a_refused_message_and_a_letter_not_posted_fail_the_notice(store, tmp_path):
    meeting = make_meeting(store, tmp_path)
    server = SmtpServer()
    server.on_data = lambda env: "550 5.1.1 User unknown" if "bruno" in env.rcpt_tos[0] else None
    with server:
        configure(store, server)
        queue_convocations(store, meeting)
        send(store)
    deadline = compliance.notice.deadline(store.db, meeting)
    result = checks(store, meeting, today=deadline + dt.timedelta(days=1))
    on_time = result["notice_on_time"]
    assert on_time.status == compliance.FAIL
    assert "Bruno Martin (envoi en échec)" in on_time.detail
    assert "Rémi Refus (en attente d'envoi)" in on_time.detail
    # Those the server accepted carried their documents.
    assert result["notice_documents"].status == compliance.OK


def test_a_convocation_sent_without_any_document_fails(store, tmp_path):
    meeting = make_meeting(store, tmp_path)
    m = meetings.get(store.db, meeting)
    alice = store.db.execute("SELECT id FROM people WHERE first_name = 'Alice'").fetchone()[0]
    with SmtpServer() as server:
        configure(store, server)
        outbox.queue(
            store,
            [
                outbox.Outgoing(
                    key=proof.convocation_key(meeting, alice, m.ics_sequence),
                    purpose="convocation",
                    to_name="Alice Martin",
                    to_addr="alice@exemple.fr",
                    subject="Convocation",
                    body="Venez.",
                    meeting_id=meeting,
                    person_id=alice,
                )
            ],
        )
        assert send(store).exit_code == 0
    documents = checks(store, meeting)["notice_documents"]
    assert documents.status == compliance.FAIL
    assert documents.detail == "Convocation envoyée sans document à : Alice Martin."
