"""The notice of meeting (convocation): its deadline in clear days and the record of its sending."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from ess_desk import service
from ess_desk.dates import display, parse_date
from ess_desk.errors import UserError
from ess_desk.i18n import _, ngettext
from ess_desk.meetings import meetings
from ess_desk.meetings.calendar import clear_days_between, notice_deadline
from ess_desk.membership import bodies

if TYPE_CHECKING:
    from sqlite_utils import Database

    from ess_desk.store import Store


def deadline(db: Database, meeting_id: int) -> dt.date:
    """« À envoyer au plus tard le … », from the body's notice rule and holiday calendar."""
    meeting = meetings.get(db, meeting_id)
    body = bodies.get_body(db, meeting.body_id)
    return notice_deadline(meeting.day, body.notice_clear_days, body.holiday_calendar)


def record_sent(store: Store, meeting_id: int, sent_on: str | dt.date | None) -> str:
    """Record the day the notice went out; a late notice is accepted with a warning kept with the
    meeting (the secretariat may have good reasons, the minutes will mention it). Returns the
    warning, empty when the notice was on time."""
    day = parse_date(sent_on, field="notice_sent_on")
    if day is None:
        raise UserError(_("Indiquez la date d'envoi de la convocation."), field="notice_sent_on")
    with store.write() as db:
        meeting = meetings.get(db, meeting_id)
        if meeting.status not in ("planned", "convened"):
            raise UserError(_("La convocation ne peut plus être enregistrée pour cette séance."))
        if day > meeting.day:
            raise UserError(
                _("La convocation ne peut pas être envoyée après la séance."),
                field="notice_sent_on",
            )
        body = bodies.get_body(db, meeting.body_id)
        limit = notice_deadline(meeting.day, body.notice_clear_days, body.holiday_calendar)
        warning = ""
        if day > limit:
            given = clear_days_between(day, meeting.day)
            warning = ngettext(
                "Convocation envoyée le {sent}, après la date limite du {limit} : "
                "{given} jour franc au lieu de {required}.",
                "Convocation envoyée le {sent}, après la date limite du {limit} : "
                "{given} jours francs au lieu de {required}.",
                given,
            ).format(
                sent=display(day),
                limit=display(limit),
                given=given,
                required=body.notice_clear_days,
            )
        service.update(
            db,
            "meetings",
            "meeting",
            meeting_id,
            {"notice_sent_on": day.isoformat(), "notice_warning": warning, "status": "convened"},
        )
        return warning
