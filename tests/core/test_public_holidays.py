"""French public holidays computed by ESS Desk are those of the `holidays` library's calendar."""

from __future__ import annotations

import datetime as dt

import holidays
import pytest

from ess_desk.meetings import calendar
from ess_desk.meetings.public_holidays import easter_sunday, holidays_of_year


@pytest.mark.parametrize("alsace_moselle", [False, True])
def test_same_days_and_names_as_the_holidays_library(alsace_moselle: bool) -> None:
    subdivision = "57" if alsace_moselle else None
    for year in range(1975, 2101):
        expected = holidays.France(years=year, subdiv=subdivision, language="fr")
        assert holidays_of_year(year, alsace_moselle) == dict(sorted(expected.items())), year


def test_easter_dates() -> None:
    assert easter_sunday(2026) == dt.date(2026, 4, 5)
    assert easter_sunday(2008) == dt.date(2008, 3, 23)
    assert easter_sunday(2038) == dt.date(2038, 4, 25)  # the latest possible
    assert easter_sunday(2285) == dt.date(2285, 3, 22)  # the earliest possible


def test_two_holidays_on_one_day_are_named_together() -> None:
    assert calendar.holiday_name(dt.date(2008, 5, 1)) == "Ascension; Fête du Travail"
    assert calendar.holiday_name(dt.date(2006, 6, 5)) is None  # journée de solidarité
    assert calendar.holiday_name(dt.date(2026, 12, 26), "FR-57") == "Saint-Étienne"
    assert calendar.holiday_name(dt.date(2026, 12, 26), "FR") is None
