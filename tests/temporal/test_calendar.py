"""Calendar arithmetic: Easter, n-th weekdays, feasts, ISO weeks, seasons, month shifts."""

from datetime import date

import pytest
from dateutil.easter import easter as dateutil_easter
from hypothesis import given
from hypothesis import strategies as st

from dashboard.temporal import calendar


@pytest.mark.parametrize(("year", "sunday"), [
    (1999, date(1999, 4, 4)), (2000, date(2000, 4, 23)), (2019, date(2019, 4, 21)), (2024, date(2024, 3, 31)),
    (2025, date(2025, 4, 20)), (2026, date(2026, 4, 5)), (2038, date(2038, 4, 25)), (2285, date(2285, 3, 22)),
])
def test_easter_sunday_of_known_years(year, sunday):
    assert calendar.easter(year) == sunday


def test_easter_agrees_with_dateutil_for_every_gregorian_year_to_3000():
    assert all(calendar.easter(year) == dateutil_easter(year) for year in range(1583, 3001))


@pytest.mark.parametrize(("what", "year", "month", "weekday", "n", "day"), [
    ("Thanksgiving", 2025, 11, 4, 4, date(2025, 11, 27)),
    ("Thanksgiving", 2024, 11, 4, 4, date(2024, 11, 28)),
    ("Memorial Day (last Monday of May)", 2025, 5, 1, -1, date(2025, 5, 26)),
    ("Mother's Day (second Sunday of May)", 2025, 5, 7, 2, date(2025, 5, 11)),
    ("Labor Day (first Monday of September)", 2025, 9, 1, 1, date(2025, 9, 1)),
    ("last Sunday of a month ending on a Sunday", 2025, 8, 7, -1, date(2025, 8, 31)),
])
def test_nth_weekday_of_a_month(what, year, month, weekday, n, day):
    assert calendar.nth_weekday(year, month, weekday, n) == day


@pytest.mark.parametrize(("code", "year", "day"), [
    ("easter", 2025, date(2025, 4, 20)),
    ("easter-2", 2025, date(2025, 4, 18)),  # Good Friday
    ("easter+49", 2025, date(2025, 6, 8)),  # Pentecost
    ("easter+39", 2026, date(2026, 5, 14)),  # Ascension
    ("12-25", 2025, date(2025, 12, 25)),
    ("nth:11:4:4", 2025, date(2025, 11, 27)),
    ("advent:1", 2025, date(2025, 11, 30)),
    ("advent:4", 2025, date(2025, 12, 21)),
    ("advent:1", 2022, date(2022, 11, 27)),  # Christmas on a Sunday: the 4th Advent is a week before
    ("advent:4", 2022, date(2022, 12, 18)),
])
def test_feast_codes_used_by_the_resources(code, year, day):
    assert calendar.feast(code, year) == day


@pytest.mark.parametrize(("day", "week"), [
    (date(2025, 12, 2), "2025-W49"),
    (date(2024, 12, 30), "2025-W01"),  # a Monday whose week belongs to the next year
    (date(2021, 1, 3), "2020-W53"),  # a Sunday still in the last year's week 53
    (date(2026, 1, 1), "2026-W01"),
])
def test_iso_weeks(day, week):
    assert calendar.format_at(day, "week") == week


@pytest.mark.parametrize(("day", "season"), [
    (date(2025, 12, 15), (2026, "WI")),  # winter spans the turn of the year, named by the year it ends
    (date(2026, 1, 15), (2026, "WI")),
    (date(2026, 2, 28), (2026, "WI")),
    (date(2026, 3, 1), (2026, "SP")),
    (date(2025, 7, 4), (2025, "SU")),
    (date(2025, 11, 30), (2025, "FA")),
])
def test_meteorological_seasons_and_the_winter_named_by_the_year_it_ends(day, season):
    assert calendar.season_of(day) == season


@pytest.mark.parametrize(("unit", "value"), [
    ("day", "2025-12-02"), ("week", "2025-W49"), ("month", "2025-12"), ("quarter", "2025-Q4"),
    ("half", "2025-H2"), ("season", "2026-WI"), ("year", "2025"), ("decade", "202"), ("century", "20"),
    ("millennium", "2"),
])
def test_every_granularity_has_one_spelling(unit, value):
    assert calendar.format_at(date(2025, 12, 2), unit) == value


def test_an_unknown_unit_is_refused():
    with pytest.raises(ValueError, match="fortnight"):
        calendar.format_at(date(2025, 12, 2), "fortnight")


@pytest.mark.parametrize(("day", "months", "expected"), [
    (date(2024, 1, 31), 1, date(2024, 2, 29)),  # clamped to the leap day
    (date(2025, 1, 31), 1, date(2025, 2, 28)),
    (date(2025, 3, 31), -1, date(2025, 2, 28)),
    (date(2025, 11, 15), 3, date(2026, 2, 15)),
    (date(2025, 1, 15), -13, date(2023, 12, 15)),
])
def test_add_months_clamps_to_the_last_day(day, months, expected):
    assert calendar.add_months(day, months) == expected


@pytest.mark.parametrize(("unit", "amount", "expected"), [
    ("day", -1, date(2025, 12, 1)), ("week", 2, date(2025, 12, 16)), ("month", -1, date(2025, 11, 2)),
    ("quarter", 1, date(2026, 3, 2)), ("half", -1, date(2025, 6, 2)), ("year", -4, date(2021, 12, 2)),
    ("decade", -1, date(2015, 12, 2)), ("century", -1, date(1925, 12, 2)),
])
def test_shift_by_units(unit, amount, expected):
    assert calendar.shift(date(2025, 12, 2), unit, amount) == expected


TUESDAY = date(2025, 12, 2)


@pytest.mark.parametrize(("weekday", "direction", "expected"), [
    (2, -1, TUESDAY), (2, +1, TUESDAY),  # "am Dienstag" in a paper of that Tuesday is that day
    (1, -1, date(2025, 12, 1)), (3, -1, date(2025, 11, 26)),
    (1, +1, date(2025, 12, 8)), (3, +1, date(2025, 12, 3)),
    (7, 0, date(2025, 12, 7)), (1, 0, date(2025, 12, 1)),  # 0: the reference's own week
])
def test_weekday_near_a_reference_in_a_direction(weekday, direction, expected):
    assert calendar.weekday_near(TUESDAY, weekday, direction) == expected


@pytest.mark.parametrize(("weekday", "expected"), [
    (3, date(2025, 12, 3)), (5, date(2025, 12, 5)), (6, date(2025, 11, 29)), (1, date(2025, 12, 1)), (2, TUESDAY),
])
def test_weekday_nearest_takes_the_closer_side(weekday, expected):
    assert calendar.weekday_nearest(TUESDAY, weekday) == expected


@given(st.dates(date(1900, 1, 1), date(2100, 12, 31)), st.integers(1, 7), st.sampled_from((-1, 0, 1)))
def test_weekday_near_lands_on_that_weekday_within_a_week(reference, weekday, direction):
    day = calendar.weekday_near(reference, weekday, direction)
    assert day.isoweekday() == weekday
    assert abs((day - reference).days) <= 6
    assert direction == 0 or (day - reference).days * direction >= 0
