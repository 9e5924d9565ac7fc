"""TIMEX3 values as half-open time intervals, so "2024" and "2024-07-10" share one axis.

The width of the interval is the uncertainty of the expression: a year is a year wide, a day a
day wide. ``mod`` narrows it (START, MID and END take the first, middle and last third) and
leaves it as it is where the modifier does not bound it (APPROX, BEFORE, AFTER, ...).
Values with no fixed place on the axis (durations, sets, ``PAST_REF``, ``XXXX-10``) have none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

# Part-of-day codes -> (start hour, length in hours)
PART_OF_DAY = {"MO": (6, 6), "MI": (11, 2), "AF": (12, 6), "EV": (18, 4), "NI": (22, 8), "DT": (8, 10)}
# Seasons, meteorological: start month and the year offset of that month.
SEASONS = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}

GRANULARITIES = (
    "millennium", "century", "decade", "year", "half", "quarter", "season", "month", "week",
    "day", "partofday", "hour", "minute", "second",
)

_DATE_RE = re.compile(
    r"""^(?P<year>\d{4})
    (?:-(?:(?P<month>\d{2})(?:-(?P<day>\d{2}))?
         |W(?P<week>\d{2})(?P<weekend>-WE)?
         |Q(?P<quarter>[1-4])
         |H(?P<half>[12])
         |(?P<season>SP|SU|FA|WI)))?
    (?:T(?:(?P<hour>\d{2})(?::(?P<minute>\d{2})(?::(?P<second>\d{2}))?)?|(?P<pod>MO|MI|AF|EV|NI|DT)))?$""",
    re.VERBOSE,
)
_PERIOD_RE = re.compile(r"^(?P<digits>\d{1,3})$")


@dataclass(frozen=True, slots=True)
class Interval:
    """A half-open interval ``[start, end)`` and the granularity the expression was stated in."""

    start: datetime
    end: datetime
    granularity: str

    def __post_init__(self) -> None:
        if not self.start < self.end:
            raise ValueError(f"empty interval {self.start} .. {self.end}")


def _add_months(year: int, month: int, months: int) -> datetime:
    index = year * 12 + (month - 1) + months
    return datetime(index // 12, index % 12 + 1, 1)


def base_interval(value: str) -> Interval | None:
    """The interval of a DATE or TIME value without modifier, or ``None`` where it has none."""
    if m := _PERIOD_RE.match(value):
        digits = m["digits"]
        width = {1: 1000, 2: 100, 3: 10}[len(digits)]
        first = int(digits) * width
        if first == 0:
            return None  # year 0 does not exist in the proleptic Gregorian calendar
        name = {1000: "millennium", 100: "century", 10: "decade"}[width]
        try:
            return Interval(datetime(first, 1, 1), datetime(first + width, 1, 1), name)
        except ValueError:
            return None
    m = _DATE_RE.match(value)
    if not m:
        return None
    try:
        year = int(m["year"])
        if year == 0:
            return None
        if m["month"]:
            month = int(m["month"])
            if m["day"]:
                day = datetime(year, month, int(m["day"]))
                return _time_of_day(day, m) or Interval(day, day_end(day), "day")
            if m["hour"] or m["pod"]:
                return None  # a time of day needs a day
            return Interval(datetime(year, month, 1), _add_months(year, month, 1), "month")
        if m["hour"] or m["pod"]:
            return None
        if m["week"]:
            monday = datetime.combine(date.fromisocalendar(year, int(m["week"]), 1), datetime.min.time())
            if m["weekend"]:
                return Interval(monday + timedelta(days=5), monday + timedelta(days=7), "week")
            return Interval(monday, monday + timedelta(days=7), "week")
        if m["quarter"]:
            first = 3 * (int(m["quarter"]) - 1) + 1
            return Interval(datetime(year, first, 1), _add_months(year, first, 3), "quarter")
        if m["half"]:
            first = 6 * (int(m["half"]) - 1) + 1
            return Interval(datetime(year, first, 1), _add_months(year, first, 6), "half")
        if m["season"]:  # winter is named by the year it ends in: 2026-WI begins in December 2025
            first = SEASONS[m["season"]]
            begin = year - 1 if m["season"] == "WI" else year
            return Interval(datetime(begin, first, 1), _add_months(begin, first, 3), "season")
        return Interval(datetime(year, 1, 1), datetime(year + 1, 1, 1), "year")
    except (ValueError, OverflowError):  # 2025-02-30, week 54, year beyond 9999, the day after 9999-12-31 ...
        return None


def day_end(day: datetime) -> datetime:
    """The midnight after ``day``; for 9999-12-31, which has no next day, the last moment there is."""
    return day + timedelta(days=1) if day.date() < date.max else datetime.max


def _time_of_day(day: datetime, m: re.Match[str]) -> Interval | None:
    if m["pod"]:
        hour, length = PART_OF_DAY[m["pod"]]
        start = day + timedelta(hours=hour)
        return Interval(start, start + timedelta(hours=length), "partofday")
    if not m["hour"]:
        return None
    hour = int(m["hour"])
    if hour == 24:  # midnight at the end of the day: the first moment of the next
        if int(m["minute"] or 0) or int(m["second"] or 0):
            return None
        start = day + timedelta(days=1)
        return Interval(start, start + timedelta(minutes=1 if m["minute"] else 60), "minute" if m["minute"] else "hour")
    start = day.replace(hour=hour, minute=int(m["minute"] or 0), second=int(m["second"] or 0))
    step, name = (
        (timedelta(seconds=1), "second") if m["second"]
        else (timedelta(minutes=1), "minute") if m["minute"]
        else (timedelta(hours=1), "hour")
    )
    return Interval(start, start + step, name)


def _round(moment: datetime, width: timedelta) -> datetime:
    """A cut point moved to the nearest month start (wide intervals) or day start (a month or so)."""
    if width >= timedelta(days=55):
        first = moment.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
        following = datetime(first.year + first.month // 12, first.month % 12 + 1, 1)
        return following if moment - first >= following - moment else first
    if width >= timedelta(days=3):
        day = datetime.combine(moment.date(), datetime.min.time())
        return day + timedelta(days=1) if moment - day >= timedelta(hours=12) else day
    return moment


def _part(interval: Interval, index: int) -> Interval:
    """One third of an interval (0 = start, 1 = middle, 2 = end): "Anfang 2026" is January to April."""
    width = interval.end - interval.start
    third = width / 3
    start = interval.start if index == 0 else _round(interval.start + third * index, width)
    end = interval.end if index == 2 else _round(interval.start + third * (index + 1), width)
    return Interval(start, end, interval.granularity)


MOD_PART = {"START": 0, "EARLY": 0, "MID": 1, "END": 2, "LATE": 2}


def value_interval(value: str, mod: str | None = None, anchor: date | None = None) -> Interval | None:
    """The interval a TIMEX3 DATE/TIME value (with its modifier) covers, or ``None``.

    ``PRESENT_REF`` is placed on the anchor day (the publication date) when one is given.
    """
    if value == "PRESENT_REF":
        if anchor is None:
            return None
        start = datetime.combine(anchor, datetime.min.time())
        return Interval(start, start + timedelta(days=1), "day")
    interval = base_interval(value)
    if interval is None or mod not in MOD_PART:
        return interval
    return _part(interval, MOD_PART[mod])
