"""French public holidays (jours fériés) of a year, computed here in a few microseconds.

The list is article L3133-1 of the Code du travail: 1 January, Easter Monday, 1 May, 8 May,
Ascension, Whit Monday, 14 July, 15 August, 1 November, 11 November, 25 December; Alsace-Moselle
adds Good Friday and 26 December (article L3134-13). Whit Monday was the "journée de solidarité"
instead of a public holiday from 2005 to 2007 (loi n° 2004-626), until loi n° 2008-351.
8 May is a public holiday again since 1982 (loi n° 81-893).

The names and dates are those of the `holidays` library's `France` calendar (a test compares both
over more than a century); that library is still used for years before 1982, whose rules changed
often, but it is not loaded otherwise: importing it takes about 0.3 s and 17 MiB, which the
dashboard paid at start-up for the notice deadlines of the coming meetings.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

FIRST_YEAR = 1982  # from 1982 on the rules below hold as they are
SOLIDARITY_DAY_YEARS = frozenset({2005, 2006, 2007})  # Whit Monday worked (loi n° 2004-626)


def easter_sunday(year: int) -> dt.date:
    """Easter Sunday in the Gregorian calendar (the anonymous algorithm, Meeus/Jones/Butcher)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month, day = divmod(h + ell - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


@lru_cache(maxsize=256)
def holidays_of_year(year: int, alsace_moselle: bool = False) -> dict[dt.date, str]:
    """{date: French name} of the year's public holidays; two on one day are named together,
    in alphabetical order, separated by "; " (as in 2008: "Ascension; Fête du Travail")."""
    if year < FIRST_YEAR:
        return _from_library(year, alsace_moselle)
    easter = easter_sunday(year)
    days: list[tuple[dt.date, str]] = [
        (dt.date(year, 1, 1), "Jour de l'an"),
        (easter + dt.timedelta(days=1), "Lundi de Pâques"),
        (dt.date(year, 5, 1), "Fête du Travail"),
        (dt.date(year, 5, 8), "Fête de la Victoire"),
        (easter + dt.timedelta(days=39), "Ascension"),
        (dt.date(year, 7, 14), "Fête nationale"),
        (dt.date(year, 8, 15), "Assomption"),
        (dt.date(year, 11, 1), "Toussaint"),
        (dt.date(year, 11, 11), "Armistice"),
        (dt.date(year, 12, 25), "Noël"),
    ]
    if year not in SOLIDARITY_DAY_YEARS:
        days.append((easter + dt.timedelta(days=50), "Lundi de Pentecôte"))
    if alsace_moselle:
        days.append((easter - dt.timedelta(days=2), "Vendredi saint"))
        days.append((dt.date(year, 12, 26), "Saint-Étienne"))
    named: dict[dt.date, set[str]] = {}
    for day, name in days:
        named.setdefault(day, set()).add(name)
    return {day: "; ".join(sorted(names)) for day, names in sorted(named.items())}


def _from_library(year: int, alsace_moselle: bool) -> dict[dt.date, str]:
    from holidays.countries.france import France

    calendar = France(years=year, subdiv="57" if alsace_moselle else None, language="fr")
    return dict(sorted(calendar.items()))
