"""Dates as offices write them: day-first (dd/mm/yyyy) or ISO, stored as ISO strings."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

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
        return _display_day(value[:10])
    return value.strftime("%d/%m/%Y")


@lru_cache(maxsize=4096)
def _display_day(iso: str) -> str:
    return dt.date.fromisoformat(iso).strftime("%d/%m/%Y")


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
    from ess_desk.i18n import language

    return _long_date(value, language())


@lru_cache(maxsize=256)  # (babel takes a third of a millisecond: a thousand reminders, one day)
def _long_date(value: dt.date, language: str) -> str:
    from babel.dates import format_date

    from ess_desk.typography import NBSP, day_of_month

    if language != "fr":
        return format_date(value, format="full", locale="en_GB")
    weekday = format_date(value, "EEEE", locale="fr_FR")
    month = format_date(value, "MMMM", locale="fr_FR")
    return f"{weekday} {day_of_month(value.day)}{NBSP}{month} {value.year}"


def long_datetime(value: dt.datetime) -> str:
    """« jeudi 10 décembre 2026 à 18 h 30 » (or its English form)."""
    from ess_desk.i18n import _

    return _("{day} à {time}").format(day=long_date(value.date()), time=clock(value))


# -- dates and times as French offices type them ---------------------------------------------
_MONTHS = {
    "janvier": 1, "janv": 1, "jan": 1, "january": 1,
    "fevrier": 2, "fevr": 2, "fev": 2, "february": 2, "feb": 2,
    "mars": 3, "mar": 3, "march": 3,
    "avril": 4, "avr": 4, "april": 4, "apr": 4,
    "mai": 5, "may": 5,
    "juin": 6, "june": 6, "jun": 6,
    "juillet": 7, "juil": 7, "july": 7, "jul": 7,
    "aout": 8, "august": 8, "aug": 8,
    "septembre": 9, "sept": 9, "sep": 9, "september": 9,
    "octobre": 10, "oct": 10, "october": 10,
    "novembre": 11, "nov": 11, "november": 11,
    "decembre": 12, "dec": 12, "december": 12,
}  # fmt: skip


def _fold(text: str) -> str:
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _full_year(year: int, digits: int) -> int:
    """« 27 » is 2027: two-digit years are this century's."""
    return 2000 + year if digits <= 2 else year


def _nearest_year(day: int, month: int, today: dt.date) -> int:
    """A day typed without its year is the nearest one: « 21/01 » typed in December is next
    January's, « 15/11 » typed in January last November's."""
    for year in (today.year, today.year + 1, today.year - 1):
        try:
            if abs((dt.date(year, month, day) - today).days) <= 183:
                return year
        except ValueError:
            break
    return today.year


def _day_month_year(text: str, today: dt.date) -> tuple[int, int, int] | None:
    import re

    folded = _fold(text).strip()
    numeric = re.fullmatch(r"(\d{1,2})\s*[/.\-]\s*(\d{1,2})(?:\s*[/.\-]\s*(\d{2}|\d{4}))?", folded)
    if numeric:
        day, month, year = numeric.groups()
        if not year:
            return int(day), int(month), _nearest_year(int(day), int(month), today)
        return int(day), int(month), _full_year(int(year), len(year))
    iso_form = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", folded)
    if iso_form:
        year, month, day = iso_form.groups()
        return int(day), int(month), int(year)
    packed = re.fullmatch(r"(\d{2})(\d{2})(\d{2}|\d{4})", folded)
    if packed:
        day, month, year = packed.groups()
        return int(day), int(month), _full_year(int(year), len(year))
    named = re.fullmatch(
        r"(?:[a-z]+\.?\s+)?(\d{1,2})(?:er)?\s+([a-z]+)\.?(?:\s+(\d{2}|\d{4}))?", folded
    )
    if named and named.group(2) in _MONTHS:
        day, month_name, year = named.groups()
        month = _MONTHS[month_name]
        if not year:
            return int(day), month, _nearest_year(int(day), month, today)
        return int(day), month, _full_year(int(year), len(year))
    return None


def read_date(text: str, *, today: dt.date | None = None, field: str | None = None) -> dt.date:
    """A date typed as French offices type it: « 21/01/2027 », « 21/1/27 », « 21.01.2027 »,
    « 21012027 », « 21/01 » (the nearest 21 January), « 21 janvier 2027 », or ISO « 2027-01-21 ».
    Anything else, or a day that does not exist, raises UserError: never a guess."""
    today = today or dt.date.today()
    parts = _day_month_year(text, today)
    if parts is None:
        raise UserError(
            _(
                "« {value} » n'est pas une date : tapez-la jour/mois/année, par exemple 21/01/2027."
            ).format(value=text.strip()),
            field=field,
        )
    day, month, year = parts
    try:
        return dt.date(year, month, day)
    except ValueError as exc:
        raise UserError(
            _("Le {value} n'existe pas : vérifiez le jour et le mois.").format(value=text.strip()),
            field=field,
        ) from exc


def read_full_date(text: str, *, field: str | None = None) -> dt.date:
    """A date that must be complete, day, month and year (a mandate's start or end): read as
    `read_date` reads it, but « 21/01 » or « 60 » is refused instead of completed."""
    import re

    # Read from two moments far apart: a date that changes was missing its year; a year of two
    # digits (« 01/01/98 ») would be guessed into the wrong century.
    first = read_date(text, today=dt.date(2000, 7, 1), field=field)
    four_digits = re.search(r"(?<!\d)\d{4}(?!\d)", text) or re.fullmatch(r"\s*\d{8}\s*", text)
    if read_date(text, today=dt.date(1980, 7, 1), field=field) != first or not four_digits:
        raise UserError(
            _(
                "« {value} » n'est pas une date complète : indiquez le jour, le mois et l'année "
                "sur quatre chiffres, par exemple 21/01/2027."
            ).format(value=text.strip()),
            field=field,
        )
    return first


def read_time(text: str, *, field: str | None = None) -> dt.time:
    """An hour typed as offices type it: « 18:00 », « 18h », « 18 h 30 », « 18h30 », « 18.30 »,
    « 18 » or « 1830 »; anything else raises UserError."""
    import re

    folded = _fold(text).strip()
    match = re.fullmatch(r"(\d{1,2})\s*(?:[:h.]\s*(\d{2})?)?\s*(?:min)?", folded) or re.fullmatch(
        r"(\d{2})(\d{2})", folded
    )
    if match:
        hour, minute = int(match.group(1)), int(match.group(2) or 0)
        if hour <= 23 and minute <= 59:
            return dt.time(hour, minute)
    raise UserError(
        _("« {value} » n'est pas une heure : tapez par exemple 18:00, 18h ou 18 h 30.").format(
            value=text.strip()
        ),
        field=field,
    )


def read_datetime(
    text: str,
    *,
    today: dt.date | None = None,
    default_time: dt.time | None = None,
    field: str | None = None,
) -> dt.datetime:
    """A date and an hour typed in one field: « 21/01/2027 18:00 », « 21/1/27 à 18h30 »,
    « 21 janvier 2027 18 h ». Without an hour, `default_time` is taken if given; else refused."""
    import re

    stripped = text.strip()
    hour = re.search(
        r"(?:^|[\sT,]+)(?:(?:à|a|at)\s+)?(\d{1,2}\s*(?:[:hH.]\s*(?:\d{2})?)?)\s*$", stripped
    )
    if hour and hour.start() > 0:
        day_text = stripped[: hour.start()].strip(" ,")
        try:
            day = read_date(day_text, today=today, field=field)
        except UserError:
            day = None  # « 21/01 » ends with digits that are not an hour: read it whole below
        if day is not None:
            return dt.datetime.combine(day, read_time(hour.group(1), field=field))
    day = read_date(stripped, today=today, field=field)
    if default_time is None:
        raise UserError(
            _("Indiquez aussi l'heure, par exemple {value} 18:00.").format(value=stripped),
            field=field,
        )
    return dt.datetime.combine(day, default_time)
