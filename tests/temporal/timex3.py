"""A TIMEX3 value validator for the tests: does a value parse for its type?

DATE and TIME values are ISO-like dates with X placeholders (``2025-12-03``, ``2025-W49``,
``2026-Q1``, ``2025-SU``, ``XXXX-10``, ``2025-12-03T14:30``, ``2025-12-02TMO``), decades,
centuries and millennia (``199``, ``19``, ``2``), years before the common era (``BC0490``) or
references (``PRESENT_REF``); DURATION values are ``P...`` (``P4Y``, ``PXY``, ``PT30M``,
``P2Y6M``); SET values are durations or X patterns (``XXXX-WXX-1``). Numbers must name real
calendar places: month 13, 30 February or week 54 are invalid.
"""

import re
from datetime import date

REFERENCES = {"PRESENT_REF", "PAST_REF", "FUTURE_REF"}
_DATE = re.compile(
    r"""(?P<year>\d{4}|\d{2}XX|\d{3}X|XXXX)
    (?:-(?:(?P<month>\d{2}|XX)(?:-(?P<day>\d{2}|XX))?
         |W(?P<week>\d{2}|XX)(?:-(?P<wday>[1-7]|WE|WD))?
         |Q(?P<quarter>[1-4X])
         |H(?P<half>[12X])
         |(?P<season>SP|SU|FA|WI)))?
    (?:T(?:(?P<hour>\d{2})(?::(?P<minute>\d{2})(?::(?P<second>\d{2}))?)?|MO|MI|AF|EV|NI|DT))?""",
    re.VERBOSE,
)
_PERIOD = re.compile(r"\d{1,3}|BC\d{4}")
_NUMBER = r"(?:\d+(?:\.\d+)?|X)"
_DURATION = re.compile(rf"P(?=[\dX])(?:{_NUMBER}(?:Y|M|W|D|DE|CE|ML|L|Q|HY|SP|SU|FA|WI|WE))*(?:T(?:{_NUMBER}[HMS])+)?"
                       rf"|PT(?:{_NUMBER}[HMS])+|PT(?:MO|MI|AF|EV|NI)")


def date_value_ok(value: str) -> bool:
    if value in REFERENCES or _PERIOD.fullmatch(value):
        return True
    m = _DATE.fullmatch(value)
    if not m:
        return False
    year = int(m["year"]) if m["year"].isdigit() else None
    month = int(m["month"]) if m["month"] and m["month"].isdigit() else None
    if month is not None and not 1 <= month <= 12:
        return False
    if m["day"] and m["day"].isdigit():
        if month is None or year is None:
            return 1 <= int(m["day"]) <= 31
        try:
            date(year, month, int(m["day"]))
        except ValueError:
            return False
    if m["week"] and m["week"].isdigit() and year is not None:
        try:
            date.fromisocalendar(year, int(m["week"]), 1)
        except ValueError:
            return False
    if m["hour"] and not (0 <= int(m["hour"]) <= 24 and 0 <= int(m["minute"] or 0) < 60
                          and 0 <= int(m["second"] or 0) < 60):
        return False
    return True


def duration_value_ok(value: str) -> bool:
    return bool(_DURATION.fullmatch(value))


def value_ok(type_: str, value: str) -> bool:
    """Whether ``value`` is a well-formed TIMEX3 value of ``type_``."""
    if type_ in ("DATE", "TIME"):
        return date_value_ok(value)
    if type_ == "DURATION":
        return duration_value_ok(value)
    if type_ == "SET":
        return duration_value_ok(value) or (value.startswith("XXXX") and date_value_ok(value))
    return False
