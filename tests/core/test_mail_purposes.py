"""The same sending for the reminders to action owners and the draft minutes to the members:
consent honoured, once per owner and day (per submission for the minutes)."""

from __future__ import annotations

import datetime as dt

from ess_desk.exchange import action_reminders, minutes_submission
from ess_desk.mail import outbox, sending
from ess_desk.mail import settings as mail_settings
from ess_desk.minutes import minutes as mn
from tests.core.test_actions_exports import TODAY, fill
from tests.core.test_mail_sending import configure
from tests.core.test_minutes import build_council, draft
from tests.documents import plain
from tests.smtp_server import SmtpServer


def send(store) -> sending.SendReport:
    return sending.send_waiting(store, mail_settings.get(store.db), None, timeout=10)


def test_reminders_are_sent_once_a_day_and_refusals_listed(store):
    fill(store)
    with SmtpServer() as server:
        configure(store, server)
        queued = action_reminders.queue_all(store, today=TODAY)
        assert len(queued.queued.added) == 1 and queued.without_email == ["La Ruche"]
        assert send(store).exit_code == 0
        again = action_reminders.queue_all(store, today=TODAY)
        assert again.queued.added == [] and send(store).sent == []
        store.db.execute("UPDATE people SET consent_contact = 0 WHERE email = 'zoe@ex.fr'")
        store.conn.commit()
        later = action_reminders.queue_all(store, today=TODAY + dt.timedelta(days=7))
    assert later.queued.added == [] and later.refused == ["Zoé Martin"]
    assert [r.recipients for r in server.received] == [["zoe@ex.fr"]]
    message = server.received[0].message
    assert "(en retard de 32 jours)" in plain(message.get_body(("plain",)).get_content())
    [attachment] = list(message.iter_attachments())
    assert (
        attachment.get_filename().startswith("relance-") and attachment.get_content()[:4] == b"%PDF"
    )


def test_reminder_drafts_leave_out_those_who_refused(store, tmp_path):
    fill(store)
    store.db.execute("UPDATE people SET consent_contact = 0")
    store.conn.commit()
    files = action_reminders.write_all(store.db, tmp_path / "relances", today=TODAY)
    assert files.drafts == [] and files.refused == ["Zoé Martin"]


def test_draft_minutes_go_to_the_members_once_submitted(store):
    council = build_council(store)
    for first, address in (("Hélène", "helene@exemple.fr"), ("François", "francois@exemple.fr")):
        store.db.execute(
            "UPDATE people SET email = ?, consent_contact = 1 WHERE first_name = ?",
            [address, first],
        )
    store.db.execute(
        "UPDATE people SET consent_contact = 0 WHERE first_name NOT IN ('Hélène', 'François')"
    )
    store.conn.commit()
    minutes_id = draft(store, council)
    mn.submit(store, minutes_id)
    with SmtpServer() as server:
        configure(store, server)
        queued = minutes_submission.queue_draft(store, minutes_id)
        assert len(queued.queued.added) == 2 and len(queued.by_post) >= 1
        assert send(store).exit_code == 0
        assert minutes_submission.queue_draft(store, minutes_id).queued.added == []
    assert sorted(r.recipients[0] for r in server.received) == [
        "francois@exemple.fr",
        "helene@exemple.fr",
    ]
    message = server.received[0].message
    assert message["Subject"].startswith("Projet de procès-verbal")
    [pdf] = list(message.iter_attachments())
    assert pdf.get_filename() == "projet-pv-2026-12-10.pdf"
    rows = outbox.rows(store.db, statuses=["sent"])
    assert {r.purpose for r in rows} == {"minutes"}
