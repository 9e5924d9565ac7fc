"""Dates as a reader says them: "Oct 2025", "early 2026", "winter 2024/25", "the 20th century".

TIMEX3 values ("2024-WI", "2024-W27", "18", "PAST_REF") are exact but a reader cannot decode
them; every place a person reads a date (hover, lists, tables, bar labels, TimelineJS, the
chart-ready CSV) goes through :func:`plain_date`. The values themselves stay in the data exports
and in a details row. The words are the dashboard's language (English).

    plain_date("2024-WI")                       -> "winter 2023/24"
    plain_date("2026", mod="START")             -> "early 2026"
    plain_date("PAST_REF", dct=date(2025, 12, 2)) -> "recently (before 2 Dec 2025)"
    plain_dates(facts)                          -> one string per row, vectorised over distinct values
"""

from __future__ import annotations

import re
from datetime import date, datetime

import numpy as np
import pandas as pd

from dashboard.temporal.interval import base_interval

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December")
SEASON_NAMES = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}
PART_OF_DAY = {"MO": "morning", "MI": "midday", "AF": "afternoon", "EV": "evening", "NI": "night", "DT": "daytime"}
# mod -> how it reads before a year or month ("early 2026"); others read as a prefix word
PART_WORDS = {"START": "early", "EARLY": "early", "MID": "mid", "END": "late", "LATE": "late"}
BOUND_WORDS = {
    "APPROX": "around", "BEFORE": "before", "AFTER": "after", "ON_OR_BEFORE": "by", "ON_OR_AFTER": "from",
    "LESS_THAN": "less than", "MORE_THAN": "more than", "EQUAL_OR_LESS": "at most", "EQUAL_OR_MORE": "at least",
}
VAGUE_VALUES = ("PAST_REF", "PRESENT_REF", "FUTURE_REF")
UNDATED = "undated"
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2})(?::(\d{2}))?(?::\d{2})?|T(MO|MI|AF|EV|NI|DT))?$")
_PARTIAL = re.compile(r"^XXXX-(\d{2})(?:-(\d{2}))?$")


def day_text(day: date | datetime | pd.Timestamp) -> str:
    """ "2 Dec 2025" (no leading zero, short month, as newspapers write it)."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _with_mod(text: str, mod: str | None, *, part_ok: bool = True) -> str:
    if not mod:
        return text
    if mod in PART_WORDS and part_ok:
        word = PART_WORDS[mod]
        return f"mid-{text}" if word == "mid" and text[:1].isdigit() else f"{word} {text}"
    if mod in BOUND_WORDS:
        return f"{BOUND_WORDS[mod]} {text}"
    return text


def _vague(value: str, dct: date | None) -> str:
    anchor = f" ({day_text(dct)})" if dct else ""
    if value == "PAST_REF":
        return f"recently (before {day_text(dct)})" if dct else "in the past"
    if value == "FUTURE_REF":
        return f"in future (after {day_text(dct)})" if dct else "in future"
    return f"now{anchor}"


def plain_date(value: object, mod: object = None, dct: object = None) -> str:
    """The date a TIMEX3 value (with its ``mod``) names, as a reader would say it.

    ``dct`` (the publication date) anchors the vague references: PAST_REF reads "recently
    (before 2 Dec 2025)". A value with no place in time reads "undated", or the part it does
    pin down ("October, year unknown").
    """
    text = "" if value is None or value != value else str(value).strip()
    mod_text = None if mod is None or mod != mod or not str(mod) else str(mod)
    anchor = None if dct is None or dct != dct or pd.isna(dct) else pd.Timestamp(dct).date()
    if not text:
        return UNDATED
    if text in VAGUE_VALUES:
        return _vague(text, anchor)
    if m := _DAY.match(text):
        try:
            day = date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return text
        out = day_text(day)
        if m[6]:
            out += f", {PART_OF_DAY[m[6]]}"
        elif m[4]:
            out += f", {m[4]}:{m[5] or '00'}"
        return _with_mod(out, mod_text, part_ok=False)
    if m := _PARTIAL.match(text):
        month = MONTH_NAMES[int(m[1]) - 1] if 1 <= int(m[1]) <= 12 else m[1]
        return f"{int(m[2])} {month}, year unknown" if m[2] else f"{month}, year unknown"
    interval = base_interval(text)
    if interval is None:
        return UNDATED
    start, gran = interval.start, interval.granularity
    if gran == "week":
        weekend = text.endswith("-WE")
        return _with_mod(f"{'weekend' if weekend else 'week'} of {day_text(start)}", mod_text, part_ok=False)
    if gran == "month":
        return _with_mod(f"{MONTHS[start.month - 1]} {start.year}", mod_text)
    if gran == "quarter":
        last = MONTHS[start.month + 1]
        return _with_mod(f"{MONTHS[start.month - 1]}–{last} {start.year}", mod_text)
    if gran == "half":
        return _with_mod(f"{'first' if start.month == 1 else 'second'} half of {start.year}", mod_text, part_ok=False)
    if gran == "season":
        season = text.rsplit("-", 1)[1]
        name = SEASON_NAMES[season]
        label = f"{name} {start.year}/{(start.year + 1) % 100:02d}" if season == "WI" else f"{name} {start.year}"
        return _with_mod(label, mod_text)
    if gran == "year":
        return _with_mod(str(start.year), mod_text)
    if gran == "decade":
        return _with_mod(f"the {start.year}s", mod_text)
    if gran == "century":
        return _with_mod(f"the {_ordinal(start.year // 100 + 1)} century", mod_text)
    if gran == "millennium":
        return _with_mod(f"the {_ordinal(start.year // 1000 + 1)} millennium", mod_text)
    return text


def plain_dates(frame: pd.DataFrame) -> pd.Series:
    """``plain_date`` of every row of a fact (or event) frame, computed once per distinct
    (value, mod, publication day), so 100,000 rows cost a few thousand calls."""
    if frame.empty:
        return pd.Series([], index=frame.index, dtype=object)
    value = frame["value"].fillna("").astype(str) if "value" in frame else pd.Series("", index=frame.index)
    mod = frame["mod"].fillna("").astype(str) if "mod" in frame else pd.Series("", index=frame.index)
    anchor_column = "dct" if "dct" in frame else ("first_reported" if "first_reported" in frame else None)
    if anchor_column is None:
        anchor = pd.Series("", index=frame.index)
    else:
        stamps = pd.to_datetime(frame[anchor_column])
        # only the vague references read their anchor: the others share one key per value
        anchor = stamps.dt.strftime("%Y-%m-%d").where(value.isin(VAGUE_VALUES) & stamps.notna(), "")
    keys = pd.DataFrame({"value": value, "mod": mod, "anchor": anchor})
    # groups numbered in order of first appearance, the order drop_duplicates keeps them in
    codes = keys.groupby(["value", "mod", "anchor"], sort=False).ngroup().to_numpy()
    words = np.array([
        plain_date(v, m or None, date.fromisoformat(a) if a else None)
        for v, m, a in keys.drop_duplicates().itertuples(index=False)
    ], dtype=object)
    return pd.Series(words[codes], index=frame.index, dtype=object)


def days_text(moments: pd.Series) -> pd.Series:
    """``day_text`` of a column of datetimes, vectorised ("" where missing)."""
    stamps = pd.to_datetime(pd.Series(moments))
    month = stamps.dt.month.map(lambda m: MONTHS[int(m) - 1] if m == m else "")
    text = stamps.dt.day.astype("Int64").astype(str) + " " + month + " " + stamps.dt.year.astype("Int64").astype(str)
    return text.where(stamps.notna(), "").reset_index(drop=True).set_axis(pd.Series(moments).index)


def span_text(start: object, end: object) -> str:
    """A half-open interval as days: "3 Dec 2025" or "1 Jan 2024 – 31 Dec 2024"."""
    if start is None or end is None or pd.isna(start) or pd.isna(end):
        return UNDATED
    first, last = pd.Timestamp(start), pd.Timestamp(end) - pd.Timedelta(microseconds=1)
    if first.normalize() == last.normalize():
        return day_text(first)
    return f"{day_text(first)} – {day_text(last)}"
