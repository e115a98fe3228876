"""The notice of meeting (convocation): its deadline in clear days and the record of its sending."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from ess_desk import service
from ess_desk.dates import display, parse_date
from ess_desk.errors import UserError
from ess_desk.i18n import _, ngettext
from ess_desk.meetings import meetings
from ess_desk.meetings.calendar import clear_days_between, last_working_day, notice_deadline
from ess_desk.membership import bodies

if TYPE_CHECKING:
    from sqlite_utils import Database

    from ess_desk.store import Store


def required_clear_days(body: bodies.Body, meeting: meetings.Meeting) -> int:
    """The notice the meeting needs: the body's, or the reconvening rule's for a meeting called
    again after a failed quorum (CGCT L. 2121-17: « à trois jours au moins d'intervalle »)."""
    return body.reconvene_notice_days if meeting.reconvenes_meeting_id else body.notice_clear_days


def deadline(db: Database, meeting_id: int) -> dt.date:
    """« À envoyer au plus tard le … »: the legal date M − n − 1, weekends and holidays
    included (lateness is judged by this date alone)."""
    meeting = meetings.get(db, meeting_id)
    return deadline_of(meeting, bodies.get_body(db, meeting.body_id))


def deadline_of(meeting: meetings.Meeting, body: bodies.Body) -> dt.date:
    """`deadline` of a meeting and its body already loaded."""
    return notice_deadline(meeting.day, required_clear_days(body, meeting))


def advised_day(db: Database, meeting_id: int) -> dt.date | None:
    """Advice only: the last working day before the legal deadline when the deadline falls on
    a weekend or a public holiday of the body's calendar (None when it is a working day)."""
    meeting = meetings.get(db, meeting_id)
    body = bodies.get_body(db, meeting.body_id)
    legal = notice_deadline(meeting.day, required_clear_days(body, meeting))
    working = last_working_day(legal, body.holiday_calendar)
    return working if working != legal else None


def late_message(sent: dt.date, limit: dt.date, meeting_day: dt.date, required: int) -> str:
    """What a late notice is told: the legal deadline and the clear days it actually gave."""
    given = clear_days_between(sent, meeting_day)
    return ngettext(
        "Convocation envoyée le {sent}, après la date limite légale du {limit} : elle laisse "
        "{given} jour franc avant la séance, le règlement en demande {required}.",
        "Convocation envoyée le {sent}, après la date limite légale du {limit} : elle laisse "
        "{given} jours francs avant la séance, le règlement en demande {required}.",
        given,
    ).format(
        sent=display(sent),
        limit=display(limit),
        given=given,
        required=required,
    )


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
        required = required_clear_days(body, meeting)
        limit = notice_deadline(meeting.day, required)
        # Lateness by the legal rule alone: sent on the deadline itself is on time.
        warning = late_message(day, limit, meeting.day, required) if day > limit else ""
        service.update(
            db,
            "meetings",
            "meeting",
            meeting_id,
            {"notice_sent_on": day.isoformat(), "notice_warning": warning, "status": "convened"},
        )
        return warning
