"""Dates and hours typed the way French offices type them: read exactly, or refused with a
sentence; never a silent guess."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ess_desk import i18n
from ess_desk.dates import read_date, read_datetime, read_time
from ess_desk.errors import UserError

TODAY = dt.date(2026, 12, 10)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("21/01/2027", dt.date(2027, 1, 21)),
        ("21/1/27", dt.date(2027, 1, 21)),
        (" 21/01/2027 ", dt.date(2027, 1, 21)),
        ("21.01.2027", dt.date(2027, 1, 21)),
        ("21-01-2027", dt.date(2027, 1, 21)),
        ("21012027", dt.date(2027, 1, 21)),
        ("210127", dt.date(2027, 1, 21)),
        ("2027-01-21", dt.date(2027, 1, 21)),
        ("21 janvier 2027", dt.date(2027, 1, 21)),
        ("jeudi 21 janvier 2027", dt.date(2027, 1, 21)),
        ("1er mars 2027", dt.date(2027, 3, 1)),
        ("3 févr. 2027", dt.date(2027, 2, 3)),
        ("15 AOÛT 2027", dt.date(2027, 8, 15)),
        # Without a year: the nearest such day (typed on 10 December 2026).
        ("21/01", dt.date(2027, 1, 21)),
        ("15/11", dt.date(2026, 11, 15)),
        ("21 janvier", dt.date(2027, 1, 21)),
    ],
)
def test_dates_typed_in_office_forms(typed, expected):
    assert read_date(typed, today=TODAY) == expected


@pytest.mark.parametrize(
    "typed", ["", "abc", "21/13/2027", "32/01/2027", "29/02/2027", "21/01/202", "2027/01/21x"]
)
def test_what_is_not_a_date_is_refused_with_the_field_named(typed):
    with pytest.raises(UserError) as caught:
        read_date(typed, today=TODAY, field="starts_at")
    assert caught.value.field == "starts_at"
    assert "21/01/2027" in caught.value.message or "n'existe pas" in caught.value.message


def test_a_day_that_does_not_exist_is_named():
    with pytest.raises(UserError, match="Le 29/02/2027 n'existe pas"):
        read_date("29/02/2027", today=TODAY)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("18:00", dt.time(18, 0)),
        ("18h", dt.time(18, 0)),
        ("18 h", dt.time(18, 0)),
        ("18 h 30", dt.time(18, 30)),
        ("18h30", dt.time(18, 30)),
        ("18H30", dt.time(18, 30)),
        ("18.30", dt.time(18, 30)),
        ("9h", dt.time(9, 0)),
        ("18", dt.time(18, 0)),
        ("1830", dt.time(18, 30)),
        ("0:05", dt.time(0, 5)),
    ],
)
def test_hours_typed_in_office_forms(typed, expected):
    assert read_time(typed) == expected


@pytest.mark.parametrize("typed", ["24:00", "18:75", "18h3", "x", "", "18:00:00"])
def test_what_is_not_an_hour_is_refused(typed):
    with pytest.raises(UserError, match="n'est pas une heure"):
        read_time(typed, field="closing_time")


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("21/01/2027 18:00", dt.datetime(2027, 1, 21, 18, 0)),
        ("21/1/27 18h", dt.datetime(2027, 1, 21, 18, 0)),
        ("21/01/2027 à 18 h 30", dt.datetime(2027, 1, 21, 18, 30)),
        ("21/01/2027, 18h30", dt.datetime(2027, 1, 21, 18, 30)),
        ("21 janvier 2027 18 h", dt.datetime(2027, 1, 21, 18, 0)),
        ("21/01 18h", dt.datetime(2027, 1, 21, 18, 0)),
        ("2027-01-21T18:00", dt.datetime(2027, 1, 21, 18, 0)),
    ],
)
def test_date_and_hour_in_one_field(typed, expected):
    assert read_datetime(typed, today=TODAY) == expected


def test_a_date_without_hour_keeps_the_hour_given_or_asks_for_one():
    assert read_datetime("21/01/2027", today=TODAY, default_time=dt.time(18, 0)) == dt.datetime(
        2027, 1, 21, 18, 0
    )
    with pytest.raises(UserError, match="Indiquez aussi l'heure"):
        read_datetime("21/01/2027", today=TODAY)
    with pytest.raises(UserError, match="n'est pas une heure"):
        read_datetime("21/01/2027 25:00", today=TODAY)


@settings(derandomize=True, max_examples=200)
@given(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2099, 12, 31)), st.times())
def test_what_the_field_shows_reads_back_the_same(day, moment):
    """Whatever the field displays (dd/mm/yyyy HH:MM, d/m/yy) is read back unchanged."""
    moment = moment.replace(second=0, microsecond=0)
    shown = f"{day:%d/%m/%Y} {moment:%H:%M}"
    assert read_datetime(shown, today=TODAY) == dt.datetime.combine(day, moment)
    short = f"{day.day}/{day.month}/{day:%y}"
    assert read_date(short, today=TODAY) == day


def test_messages_in_english():
    i18n.set_language("en")
    try:
        with pytest.raises(UserError, match="is not a date"):
            read_date("abc")
        with pytest.raises(UserError, match="is not a time"):
            read_time("abc")
    finally:
        i18n.set_language("fr")
