"""Calendar arithmetic the normaliser needs: shifting by units, ISO weeks, feasts.

Pure functions on :class:`datetime.date`; every TIMEX3 granularity has one formatter here so
that resolved values are spelled the same way whatever rule produced them.
"""

from __future__ import annotations

from datetime import date, timedelta

UNITS = ("millennium", "century", "decade", "year", "half", "quarter", "season", "month", "week", "day")
SEASON_ORDER = ("WI", "SP", "SU", "FA")  # within a year: YYYY-WI begins in December of YYYY-1


def add_months(day: date, months: int) -> date:
    """``day`` moved by whole months, clamped to the month's last day (31 Jan + 1 month = 28/29 Feb)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(day.day, days_in_month(year, month)))


def days_in_month(year: int, month: int) -> int:
    if month == 12:
        return 31
    return (date(year, month + 1, 1) - date(year, month, 1)).days


def shift(day: date, unit: str, amount: int) -> date:
    """``day`` moved by ``amount`` units; the result is then formatted at that unit's granularity."""
    if unit == "day":
        return day + timedelta(days=amount)
    if unit == "week":
        return day + timedelta(weeks=amount)
    months = {"month": 1, "quarter": 3, "season": 3, "half": 6, "year": 12, "decade": 120,
              "century": 1200, "millennium": 12000}[unit]
    return add_months(day, months * amount)


def season_of(day: date) -> tuple[int, str]:
    """The (year, code) of the meteorological season of a day.

    Winter spans the turn of the year and is named by the year it ends in, as HeidelTime and the
    TimeML corpora name it: 2025-12-15 and 2026-02-01 both lie in "2026-WI", as the interval of
    that value says.
    """
    if day.month == 12:
        return day.year + 1, "WI"
    return day.year, SEASON_ORDER[day.month // 3]


def season_start(year: int, code: str) -> date:
    if code == "WI":
        return date(year - 1, 12, 1)
    return date(year, {"SP": 3, "SU": 6, "FA": 9}[code], 1)


def _season(day: date) -> str:
    year, code = season_of(day)
    return f"{year:04d}-{code}"


# unit -> the TIMEX3 spelling of the unit-sized period containing a day
_FORMATS = {
    "day": date.isoformat,
    "week": lambda d: "{:04d}-W{:02d}".format(*d.isocalendar()[:2]),
    "month": lambda d: f"{d.year:04d}-{d.month:02d}",
    "quarter": lambda d: f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}",
    "half": lambda d: f"{d.year:04d}-H{(d.month - 1) // 6 + 1}",
    "season": _season,
    "year": lambda d: f"{d.year:04d}",
    "decade": lambda d: f"{d.year // 10:03d}",
    "century": lambda d: f"{d.year // 100:02d}",
    "millennium": lambda d: f"{d.year // 1000}",
}


def format_at(day: date, unit: str) -> str:
    """The TIMEX3 value of the ``unit``-sized period that contains ``day``."""
    try:
        return _FORMATS[unit](day)
    except KeyError:
        raise ValueError(f"unknown unit {unit!r}") from None


def weekday_near(reference: date, weekday: int, direction: int) -> date:
    """The day with ISO ``weekday`` (1 = Monday) nearest ``reference`` in ``direction``.

    -1: the last one on or before the reference, +1: the next one on or after it, 0: the one in
    the reference's own week. A news report dated Tuesday saying "on Tuesday" means that day.
    """
    delta = weekday - reference.isoweekday()
    if direction < 0:
        return reference + timedelta(days=delta if delta <= 0 else delta - 7)
    if direction > 0:
        return reference + timedelta(days=delta if delta >= 0 else delta + 7)
    return reference + timedelta(days=delta)


def weekday_nearest(reference: date, weekday: int) -> date:
    """The day with ISO ``weekday`` closest to ``reference`` (ties go to the past, as news reports)."""
    back = weekday_near(reference, weekday, -1)
    forward = weekday_near(reference, weekday, +1)
    return forward if (forward - reference) < (reference - back) else back


def easter(year: int) -> date:
    """Gregorian Easter Sunday (the anonymous Gregorian algorithm, "Meeus/Jones/Butcher")."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return date(year, month, day + 1)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The ``n``-th ISO ``weekday`` of a month; ``n = -1`` is the last one (US holidays are defined so)."""
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (n - 1))
    last = date(year, month, days_in_month(year, month))
    return last - timedelta(days=(last.isoweekday() - weekday) % 7 + 7 * (-n - 1))


def feast(name: str, year: int) -> date:
    """The date of a feast in ``year``. Names are the codes used by the language resources.

    ``easter+N`` (days after Easter Sunday: Pentecost is ``easter+49``), ``MM-DD`` (fixed),
    ``nth:MM:W:N`` (N-th ISO weekday W of month MM, N = -1 for the last: Thanksgiving ``nth:11:4:4``),
    ``advent:N`` (the N-th Sunday of Advent).
    """
    if name.startswith("easter"):
        offset = int(name[len("easter"):] or 0)
        return easter(year) + timedelta(days=offset)
    if name.startswith("nth:"):
        _, month, weekday, n = name.split(":")
        return nth_weekday(year, int(month), int(weekday), int(n))
    if name.startswith("advent:"):
        christmas = date(year, 12, 25)
        fourth = christmas - timedelta(days=christmas.isoweekday() % 7 or 7)
        return fourth - timedelta(weeks=4 - int(name.split(":")[1]))
    month, day = name.split("-")
    return date(year, int(month), int(day))
