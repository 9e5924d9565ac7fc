"""TIMEX3 values as half-open intervals on one time axis: "2024" and "2024-07-10" side by side."""

from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dashboard.temporal import calendar
from dashboard.temporal.interval import Interval, value_interval
from dashboard.temporal.timex import Timex


def span(value, mod=None, anchor=None):
    interval = value_interval(value, mod, anchor)
    return interval.start, interval.end, interval.granularity


def d(*parts):
    return datetime(*parts)


@pytest.mark.parametrize(("value", "expected"), [
    ("2025-12-03", (d(2025, 12, 3), d(2025, 12, 4), "day")),
    ("2025-10", (d(2025, 10, 1), d(2025, 11, 1), "month")),
    ("2025-12", (d(2025, 12, 1), d(2026, 1, 1), "month")),
    ("2026", (d(2026, 1, 1), d(2027, 1, 1), "year")),
    ("2025-W49", (d(2025, 12, 1), d(2025, 12, 8), "week")),
    ("2025-W49-WE", (d(2025, 12, 6), d(2025, 12, 8), "week")),
    ("2026-Q1", (d(2026, 1, 1), d(2026, 4, 1), "quarter")),
    ("2025-Q4", (d(2025, 10, 1), d(2026, 1, 1), "quarter")),
    ("2025-H2", (d(2025, 7, 1), d(2026, 1, 1), "half")),
    ("2025-SU", (d(2025, 6, 1), d(2025, 9, 1), "season")),
    ("199", (d(1990, 1, 1), d(2000, 1, 1), "decade")),
    ("19", (d(1900, 1, 1), d(2000, 1, 1), "century")),
    ("2", (d(2000, 1, 1), d(3000, 1, 1), "millennium")),
    ("2025-12-03T14:30", (d(2025, 12, 3, 14, 30), d(2025, 12, 3, 14, 31), "minute")),
    ("2025-12-03T14", (d(2025, 12, 3, 14), d(2025, 12, 3, 15), "hour")),
    ("2025-12-03T24", (d(2025, 12, 4), d(2025, 12, 4, 1), "hour")),
    ("2025-12-03T24:00", (d(2025, 12, 4), d(2025, 12, 4, 0, 1), "minute")),  # "um 24 Uhr" as the tagger spells it
    ("2025-12-02TMO", (d(2025, 12, 2, 6), d(2025, 12, 2, 12), "partofday")),
    ("2025-12-02TEV", (d(2025, 12, 2, 18), d(2025, 12, 2, 22), "partofday")),
])
def test_each_granularity_is_as_wide_as_its_unit(value, expected):
    assert span(value) == expected


def test_anfang_2026_is_the_first_third_of_the_year_not_a_point():
    assert span("2026", "START") == (d(2026, 1, 1), d(2026, 5, 1), "year")
    assert span("2026", "MID") == (d(2026, 5, 1), d(2026, 9, 1), "year")
    assert span("2026", "END") == (d(2026, 9, 1), d(2027, 1, 1), "year")


def test_parts_of_a_month_are_cut_at_day_starts():
    assert span("2025-10", "START")[:2] == (d(2025, 10, 1), d(2025, 10, 11))
    assert span("2025-10", "END")[:2] == (d(2025, 10, 22), d(2025, 11, 1))


@pytest.mark.parametrize("mod", ["APPROX", "BEFORE", "AFTER", "ON_OR_AFTER", None])
def test_modifiers_that_do_not_bound_keep_the_whole_interval(mod):
    assert span("2025-10", mod) == span("2025-10")


def test_present_ref_is_the_publication_day_and_nothing_without_one():
    assert span("PRESENT_REF", anchor=date(2025, 12, 2)) == (d(2025, 12, 2), d(2025, 12, 3), "day")
    assert value_interval("PRESENT_REF") is None


@pytest.mark.parametrize("value", ["XXXX-10", "P4Y", "PXY", "PAST_REF", "2025-02-30", "2025-W54", "0000", "0",
                                   "2025-10TMO", "", "BC0490"])
def test_values_with_no_fixed_place_have_no_interval(value):
    assert value_interval(value) is None


def test_an_empty_interval_cannot_be_made():
    with pytest.raises(ValueError):
        Interval(d(2025, 1, 1), d(2025, 1, 1), "day")


def test_a_timex_gives_intervals_for_dates_and_times_only():
    date_timex = Timex(0, 11, "Anfang 2026", "DATE", "2026", "START")
    duration = Timex(0, 17, "fast vierjährigen", "DURATION", "P4Y", "LESS_THAN")
    assert date_timex.interval().start == d(2026, 1, 1)
    assert duration.interval() is None


def test_a_timex_naming_an_event_takes_the_events_days():
    summit = Timex(0, 26, "the Washington 2024 summit", "DATE", "2024-07-09", event="nato-summit-2024")
    assert span_of(summit) == (d(2024, 7, 9), d(2024, 7, 12))


def span_of(timex):
    interval = timex.interval()
    return interval.start, interval.end


UNITS = ("day", "week", "month", "quarter", "half", "season", "year", "decade", "century", "millennium")


@given(st.dates(date(1001, 1, 1), date(2998, 12, 31)), st.sampled_from(UNITS))
def test_the_period_the_calendar_names_contains_the_day_it_was_named_from(day, unit):
    """The calendar spells "the season of 15 December 2025" as 2026-WI; its interval must hold that day."""
    interval = value_interval(calendar.format_at(day, unit))
    moment = datetime.combine(day, datetime.min.time())
    assert interval is not None and interval.start <= moment < interval.end, (unit, interval)


def test_the_winter_of_a_december_day_contains_that_day():
    winter = value_interval(calendar.format_at(date(2025, 12, 15), "season"))
    assert winter.start <= d(2025, 12, 15) < winter.end
