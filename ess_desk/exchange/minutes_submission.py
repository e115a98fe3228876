"""The draft minutes sent to the members once submitted for approval: the PDF marked « PROJET »,
one message per member through the outbox (once per submission), those without an address or who
refused to be contacted listed for a letter."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ess_desk.dates import display
from ess_desk.errors import UserError
from ess_desk.i18n import _
from ess_desk.mail import message as msg
from ess_desk.mail import outbox
from ess_desk.meetings import convening, meetings
from ess_desk.meetings import record as meeting_record
from ess_desk.minutes import minutes as mn

if TYPE_CHECKING:
    from sqlite_utils import Database

    from ess_desk.store import Store


@dataclass
class QueuedDraft:
    queued: outbox.Queued
    by_post: list[str] = field(default_factory=list)


def draft_pdf(db: Database, meeting_id: int) -> bytes:
    from ess_desk.documents import minutes_pdf

    with tempfile.TemporaryDirectory(prefix="ess-desk-pv-") as folder:
        return minutes_pdf.build(db, meeting_id, Path(folder) / "pv.pdf").read_bytes()


def queue_draft(store: Store, minutes_id: int) -> QueuedDraft:
    """Queue the submitted draft for every person expected at the meeting it records."""
    from ess_desk.mail import settings as mail_settings

    db = store.db
    minutes = mn.get(db, minutes_id)
    if minutes.status != "submitted":
        raise UserError(_("Seul un procès-verbal soumis pour approbation s'envoie aux membres."))
    loaded = meeting_record.load(db, minutes.meeting_id)
    meeting, body, letterhead = loaded.meeting, loaded.body, loaded.letterhead
    following = meetings.next_meeting_of_body(db, meeting.id)
    people = convening.addressees_of(db, loaded.attendees)
    result = QueuedDraft(outbox.Queued())
    pdf = msg.Attachment.of(
        _("projet-pv-{day}.pdf").format(day=meeting.day.isoformat()),
        draft_pdf(db, meeting.id),
        "application/pdf",
    )
    subject = _("Projet de procès-verbal — {body}, séance du {day}").format(
        body=body.name, day=display(meeting.day)
    )
    items = []
    for who in people:
        if who.channel != convening.EMAIL:
            result.by_post.append(who.name)
            continue
        text = _(
            "Bonjour,\n\nVous trouverez ci-joint le projet de procès-verbal de la séance de "
            "l'instance « {body} » du {day}. Il sera soumis à votre approbation lors de la "
            "séance du {next}. Vos remarques sont les bienvenues d'ici là, en réponse à ce "
            "message.\n\nBien cordialement,\n\n{sign}\n{org}"
        ).format(
            body=body.name,
            day=display(meeting.day),
            next=display(following.day) if following else "…",
            sign=letterhead.signatory,
            org=letterhead.name,
        )
        items.append(
            outbox.Outgoing(
                key=f"minutes:{minutes_id}:{who.person_id}:{minutes.submitted_on}",
                purpose="minutes",
                to_name=who.name,
                to_addr=who.email,
                subject=subject,
                body=text,
                attachments=(pdf,),
                meeting_id=meeting.id,
                person_id=who.person_id,
            )
        )
    result.queued = outbox.queue(store, items, sender=mail_settings.get(db).sender)
    return result
