"""Proof of sending, per person convened: when the server accepted their convocation (or when
their letter was posted), with which Message-ID, the server's reply and the documents it carried;
and the meeting's notice date that follows from it (the day the last one was accepted).

`notice_records(db, meeting_id)` is what the compliance check reads; `notice_date` what the
publication reads."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from ess_desk.errors import UserError
from ess_desk.meetings import convening, meetings, notice
from ess_desk.meetings import record as meeting_record
from ess_desk.meetings.record import MeetingRecord
from ess_desk.store import Row, Store, rows

if TYPE_CHECKING:
    from sqlite_utils import Database

SENT, WAITING, FAILED, NONE = "sent", "waiting", "failed", "none"


def convocation_key(meeting_id: int, person_id: int, sequence: int) -> str:
    """The idempotency key of a person's convocation to a meeting as it stands (a meeting that
    moved has a new sequence, hence a new convocation)."""
    return f"convocation:{meeting_id}:{person_id}:{sequence}"


def cancellation_key(meeting_id: int, person_id: int) -> str:
    return f"cancellation:{meeting_id}:{person_id}"


@dataclass(frozen=True)
class NoticeRecord:
    """How one person convened received their convocation (the current one, after any move)."""

    person_id: int
    name: str
    capacity: str  # convening.MEMBER, CONSULTATIVE, SUBSTITUTE or GUEST
    channel: str  # convening.EMAIL or POST: how it went (or is to go)
    status: str  # SENT, WAITING, FAILED or NONE (nothing prepared yet)
    accepted_at: str | None  # ISO 8601: the server's acceptance, or the day the letter was posted
    documents: tuple[dict[str, Any], ...]  # {name, size, sha256} of each file it carried
    message_id: str = ""
    server_reply: str = ""
    bounce: str = ""
    outbox_id: int | None = None
    mandate_id: int | None = None  # the mandate they are convened in (the first of two)

    @property
    def accepted_on(self) -> dt.date | None:
        return dt.date.fromisoformat(self.accepted_at[:10]) if self.accepted_at else None

    @property
    def required(self) -> bool:
        """Guests are invited; everyone else must be convened."""
        return self.capacity != convening.GUEST

    def to_json(self) -> dict[str, Any]:
        return {
            "person_id": self.person_id,
            "name": self.name,
            "capacity": self.capacity,
            "channel": self.channel,
            "status": self.status,
            "accepted_at": self.accepted_at,
            "documents": list(self.documents),
            "message_id": self.message_id,
            "server_reply": self.server_reply,
            "bounce": self.bounce,
        }


def _email_rows(db: Database, meeting_id: int, sequence: int) -> dict[int, list[Row]]:
    out: dict[int, list[Row]] = {}
    for r in rows(
        db,
        "SELECT person_id, status, sent_at, message_id, server_reply, bounce, attachments, id, "
        "idempotency_key FROM outbox WHERE purpose = 'convocation' AND meeting_id = ? "
        "AND person_id IS NOT NULL ORDER BY id",
        [meeting_id],
    ):
        base = r["idempotency_key"].split("#", 1)[0]
        if base.rsplit(":", 1)[-1] == str(sequence):
            out.setdefault(r["person_id"], []).append(r)
    return out


def _posted_rows(db: Database, meeting_id: int, sequence: int) -> dict[int, Row]:
    return {
        r["person_id"]: r
        for r in rows(
            db,
            "SELECT person_id, posted_on, documents FROM posted_letters WHERE purpose = "
            "'convocation' AND meeting_id = ? AND sequence = ? AND person_id IS NOT NULL",
            [meeting_id, sequence],
        )
    }


def _docs(text: str) -> tuple[dict[str, Any], ...]:
    return tuple(
        {"name": d["name"], "size": d["size"], "sha256": d["sha256"]} for d in json.loads(text)
    )


def _record(who: convening.Addressee, emails: list[Row], posted: Row | None) -> NoticeRecord:
    record = NoticeRecord(
        who.person_id,
        who.name,
        who.capacity,
        who.channel,
        NONE,
        accepted_at=None,
        documents=(),
        mandate_id=who.mandate_id,
    )
    accepted = sorted((r for r in emails if r["status"] == "sent"), key=lambda r: r["sent_at"])
    if accepted:
        return _by_email(record, accepted[0], SENT, accepted[0]["sent_at"])
    if posted is not None and posted["posted_on"]:
        return _by_post(record, posted, SENT)
    if emails:
        last = emails[-1]
        return _by_email(record, last, FAILED if last["status"] == "failed" else WAITING, None)
    if posted is not None:
        return _by_post(record, posted, WAITING)
    return record


def _by_post(record: NoticeRecord, posted: Row, status: str) -> NoticeRecord:
    accepted_at = posted["posted_on"] if status == SENT else None
    return replace(
        record,
        channel=convening.POST,
        status=status,
        accepted_at=accepted_at,
        documents=_docs(posted["documents"]),
    )


def _by_email(record: NoticeRecord, r: Row, status: str, accepted_at: str | None) -> NoticeRecord:
    return replace(
        record,
        channel=convening.EMAIL,
        status=status,
        accepted_at=accepted_at,
        documents=_docs(r["attachments"]),
        message_id=r["message_id"],
        server_reply=r["server_reply"],
        bounce=r["bounce"],
        outbox_id=r["id"],
    )


def notice_records(db: Database, meeting_id: int) -> list[NoticeRecord]:
    """For each person expected at the meeting: how and when their current convocation went
    (also once the meeting is held or closed: that is when the proof is asked for)."""
    return notice_records_of(db, meeting_record.load(db, meeting_id))


def notice_records_of(db: Database, loaded: MeetingRecord) -> list[NoticeRecord]:
    """`notice_records` of a meeting already loaded."""
    meeting = loaded.meeting
    emails = _email_rows(db, meeting.id, meeting.ics_sequence)
    posted = _posted_rows(db, meeting.id, meeting.ics_sequence)
    return [
        _record(who, emails.get(who.person_id, []), posted.get(who.person_id))
        for who in convening.addressees_of(db, loaded.attendees)
    ]


def notice_date(db: Database, meeting_id: int) -> dt.date | None:
    """The day the last convocation owed was accepted (or posted); None while one is not."""
    return notice_day(notice_records(db, meeting_id))


def notice_day(found: list[NoticeRecord]) -> dt.date | None:
    """`notice_date` from the meeting's notice records already read (`notice_records_of`)."""
    records = [r for r in found if r.required]
    if not records or any(r.status != SENT for r in records):
        return None
    return max(r.accepted_on for r in records if r.accepted_on)


def refresh_notice_date(store: Store, meeting_id: int) -> dt.date | None:
    """Record the meeting's notice date once every convocation owed has been accepted; the late
    warning follows the body's rule (see `notice.record_sent`)."""
    day = notice_date(store.db, meeting_id)
    meeting = meetings.get(store.db, meeting_id)
    if day is None or meeting.status not in ("planned", "convened"):
        return None
    if meeting.notice_sent_on == day.isoformat() and meeting.status == "convened":
        return day
    try:
        notice.record_sent(store, meeting_id, day)
    except UserError:
        return None  # a notice after the meeting: the records say it, the date stays unset
    return day


def record_posted(store: Store, meeting_id: int, day: str | dt.date | None) -> int:
    """The letters prepared for posting were posted that day. Returns how many."""
    from ess_desk.dates import parse_date
    from ess_desk.i18n import _

    posted_on = parse_date(day, field="posted_on")
    if posted_on is None:
        raise UserError(_("Indiquez le jour où les lettres ont été postées."), field="posted_on")
    with store.write() as db:
        meeting = meetings.get(db, meeting_id)
        if posted_on > meeting.day:
            raise UserError(
                _("Les lettres ne peuvent pas être postées après la séance."), field="posted_on"
            )
        count = db.execute(
            "UPDATE posted_letters SET posted_on = ? WHERE meeting_id = ? AND sequence = ? "
            "AND posted_on IS NULL",
            [posted_on.isoformat(), meeting_id, meeting.ics_sequence],
        ).rowcount
        from ess_desk import audit

        audit.record(
            db,
            "posted_letters",
            meeting_id,
            "posted",
            None,
            {"posted_on": posted_on.isoformat(), "letters": count},
        )
    refresh_notice_date(store, meeting_id)
    return count
