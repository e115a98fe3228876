"""Dates of meetings: notice deadlines in clear days, public holidays, yearly schedules by rule."""

from __future__ import annotations

import datetime as dt

from ess_desk.errors import UserError
from ess_desk.i18n import _
from ess_desk.meetings.public_holidays import holidays_of_year
from ess_desk.record import Record

# The body's holiday calendar setting -> whether it is Alsace-Moselle's (Good Friday and
# 26 December besides the national days).
_ALSACE_MOSELLE = {"FR": False, "FR-57": True}


def _calendar(code: str, year: int) -> dict[dt.date, str]:
    if code not in _ALSACE_MOSELLE:
        raise UserError(_("Calendrier de jours fériés inconnu : « {value} ».").format(value=code))
    return holidays_of_year(year, _ALSACE_MOSELLE[code])


def holiday_name(day: dt.date, calendar: str = "FR") -> str | None:
    """The name of the public holiday on `day` in that calendar, or None."""
    return _calendar(calendar, day.year).get(day)


def is_working_day(day: dt.date, calendar: str = "FR") -> bool:
    return day.weekday() < 5 and holiday_name(day, calendar) is None


def notice_deadline(meeting_day: dt.date, clear_days: int, calendar: str = "FR") -> dt.date:
    """The last day the notice may be sent so that `clear_days` whole days separate it from the
    meeting: neither the day it is sent nor the meeting day counts (jours francs, CGCT
    L. 2121-11 and L. 2121-12). For a meeting on day M with n clear days it is M − n − 1, whatever
    day that is: no rule moves it when it falls on a Sunday or a public holiday. `calendar` is
    not used here (see `last_working_day`, advice only) and is kept for the callers' symmetry."""
    if clear_days < 0:
        raise UserError(_("Le délai de convocation ne peut pas être négatif."))
    return meeting_day - dt.timedelta(days=clear_days + 1)


def last_working_day(day: dt.date, calendar: str = "FR") -> dt.date:
    """The last working day on or before `day` (advice for an office closed at weekends and on
    public holidays: « dernier jour ouvré avant cette date »), never a legal deadline."""
    while not is_working_day(day, calendar):
        day -= dt.timedelta(days=1)
    return day


def clear_days_between(sent: dt.date, meeting_day: dt.date) -> int:
    """How many clear days a notice sent on `sent` gives before `meeting_day`."""
    return max(0, (meeting_day - sent).days - 1)


class ScheduledDate(Record):
    """A date proposed by a schedule rule, with what makes it a doubtful choice."""

    __slots__ = _fields = ("starts_at", "holiday", "closed")
    starts_at: dt.datetime
    holiday: str | None
    closed: bool

    def __init__(
        self, starts_at: dt.datetime, holiday: str | None = None, closed: bool = False
    ) -> None:
        self.starts_at = starts_at
        self.holiday = holiday
        self.closed = closed

    @property
    def flagged(self) -> bool:
        return self.holiday is not None or self.closed


def schedule(
    rule: str,
    start: dt.datetime,
    until: dt.date,
    *,
    calendar: str = "FR",
    closed_days: frozenset[dt.date] = frozenset(),
    limit: int = 400,
) -> list[ScheduledDate]:
    """Dates from an RFC 5545 rule (e.g. "FREQ=MONTHLY;BYDAY=2TU;BYMONTH=1,2,3,4,5,6,7,9,10,11,12"),
    starting at `start` (its time of day is the meetings' time) up to `until` inclusive, each
    flagged when it falls on a public holiday of the calendar or on a day the office is closed."""
    text = rule.strip()
    if text.upper().startswith("RRULE:"):
        text = text[6:]
    try:
        from dateutil import rrule  # only schedules need it: kept off the dashboard's start

        parsed = rrule.rrulestr(text, dtstart=start, ignoretz=True)
    except (ValueError, TypeError) as exc:
        raise UserError(
            _("La règle de calendrier « {rule} » n'est pas valide : {reason}.").format(
                rule=rule, reason=exc
            ),
            field="rule",
        ) from exc
    end = dt.datetime.combine(until, dt.time(23, 59, 59))
    out: list[ScheduledDate] = []
    for occurrence in parsed.between(start, end, inc=True):
        if len(out) >= limit:
            raise UserError(
                _("La règle produit plus de {limit} séances : vérifiez-la.").format(limit=limit),
                field="rule",
            )
        day = occurrence.date()
        out.append(ScheduledDate(occurrence, holiday_name(day, calendar), day in closed_days))
    return out
