"""Sending mail for real: one package used by the convocations, the reminders to action owners and
the submission of draft minutes.

- `settings`: the server (host, port, security none/STARTTLS/TLS, user, sender, reply-to, size
  limit) kept in the database; the password in the system's credential store (`keyring`).
- `message`: one message as bytes (the same for an `.eml` draft and for the server); `headers`
  makes stored text safe for a header.
- `outbox`: messages queued in the database with an idempotency key, their state and proof.
- `transport` and `sending`: smtplib, one connection per session, each step committed so that a
  stop never loses a message nor sends one twice by itself.
- `proof`: per person convened, when their notice was accepted and with which documents
  (`notice_records`), and the meeting's notice date (`notice_date`).
"""
