"""Dates as offices write them: day-first (dd/mm/yyyy) or ISO, stored as ISO strings."""

from __future__ import annotations

import datetime as dt

from ess_desk.errors import UserError
from ess_desk.i18n import _


def parse_date(value: str | dt.date | None, *, field: str | None = None) -> dt.date | None:
    """Read a date typed by a person; empty gives None, nonsense raises UserError naming the field."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    if not text:
        return None
    from dateutil import parser  # here, not at start-up: the window starts without it

    try:
        # ISO first: dateutil's day-first parsing would read 2026-01-02 as 1 February.
        return parser.isoparse(text).date()
    except ValueError:
        pass
    try:
        default = dt.datetime(2000, 1, 1)
        parsed = parser.parse(text, dayfirst=True, default=default)
    except (ValueError, OverflowError) as exc:
        raise UserError(
            _("« {value} » n'est pas une date (attendu : jj/mm/aaaa).").format(value=text),
            field=field,
        ) from exc
    return parsed.date()


def iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


def display(value: str | dt.date | None) -> str:
    """A date as French readers expect it: 05/03/2026."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        value = dt.date.fromisoformat(value[:10])
    return value.strftime("%d/%m/%Y")


def display_datetime(value: str | dt.datetime | None) -> str:
    """A moment as the status bar and lists show it: « 05/03/2026 à 18:30 » (or « at »)."""
    from ess_desk.i18n import _

    if value is None or value == "":
        return ""
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    return _("{day} à {time}").format(day=value.strftime("%d/%m/%Y"), time=value.strftime("%H:%M"))


def clock(value: dt.time | dt.datetime) -> str:
    """« 18 h 30 », « 18 h » (or « 18:30 » in English), no-break spaces inside: one way to
    write a time of day in every document."""
    from ess_desk.typography import time_of_day

    return time_of_day(value)


def add_years(start: dt.date, years: int) -> dt.date:
    """The day before the same date `years` later: a 3-year mandate from 1/1/2026 ends 31/12/2028."""
    from dateutil.relativedelta import relativedelta

    return start + relativedelta(years=years) - dt.timedelta(days=1)


def long_date(value: dt.date) -> str:
    """« jeudi 10 décembre 2026 », « mardi 1er décembre 2026 » (the first of a month as an
    ordinal, a no-break space between the day and its month) in the current language."""
    from babel.dates import format_date

    from ess_desk.i18n import language
    from ess_desk.typography import NBSP, day_of_month

    if language() != "fr":
        return format_date(value, format="full", locale="en_GB")
    weekday = format_date(value, "EEEE", locale="fr_FR")
    month = format_date(value, "MMMM", locale="fr_FR")
    return f"{weekday} {day_of_month(value.day)}{NBSP}{month} {value.year}"


def long_datetime(value: dt.datetime) -> str:
    """« jeudi 10 décembre 2026 à 18 h 30 » (or its English form)."""
    from ess_desk.i18n import _

    return _("{day} à {time}").format(day=long_date(value.date()), time=clock(value))
