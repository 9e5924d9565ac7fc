"""Facts as a TimelineJS3 JSON document (Knight Lab's storytelling timeline).

A date object carries only the parts the interval pins down: "2024" becomes ``{"year": 2024}``
and TimelineJS shows "2024", not "January 1, 2024". The end is the last unit inside the
half-open interval (a quarter ends in its third month) and is left out where it equals the
start. TimelineJS renders headline and text as HTML, so user text is escaped.
"""

from __future__ import annotations

import html

import numpy as np
import pandas as pd

from dashboard.charts.frame import NO_ACTOR, list_column, placed
from dashboard.charts.lanes import document_label

GROUPINGS = ("actor", "document")
PARTS = ("year", "month", "day", "hour", "minute", "second")


def part_counts(start: pd.Series, end: pd.Series) -> np.ndarray:
    """How many date parts each interval pins down: the coarsest unit both ends fall on.

    [2024-01-01, 2025-01-01) -> 1 (year); a quarter or "early 2026" (January to April) -> 2
    (year, month); a day or week -> 3; a span cut mid-month -> 3 as well; an hour -> 4.
    """
    on = {}
    for name, first in (("month", 1), ("day", 1), ("hour", 0), ("minute", 0), ("second", 0)):
        on[name] = (getattr(start.dt, name) == first).to_numpy() & (getattr(end.dt, name) == first).to_numpy()
    second = on["second"]
    minute = second & on["minute"]
    hour = minute & on["hour"]
    day = hour & on["day"]
    month = day & on["month"]
    return np.select([month, day, hour, minute, second], [1, 2, 3, 4, 5], 6)


def _date_parts(moments: pd.Series) -> np.ndarray:
    """year .. second of each moment, one row per moment."""
    return np.column_stack([getattr(moments.dt, part).to_numpy() for part in PARTS]).astype(int)


def _plain(rows: pd.DataFrame, column: str) -> pd.Series:
    """A text column with missing values as empty strings."""
    return rows[column].fillna("").astype(str)


def _texts(rows: pd.DataFrame, group_by: str) -> pd.DataFrame:
    """Headline, text, display date, group and unique id of every event, escaped for HTML."""
    actors = list_column(rows, "actors")
    title = _plain(rows, "title")
    mod = _plain(rows, "mod")
    display = _plain(rows, "timex_text") + " (" + _plain(rows, "value") + mod.where(mod == "", " " + mod) + ")"
    group = document_label(rows) if group_by == "document" else actors.map(lambda names: names[0] if names else NO_ACTOR)
    ids = _plain(rows, "fact_id")
    repeat = ids.groupby(ids).cumcount()
    escape = html.escape
    return pd.DataFrame({
        "headline": actors.map(lambda names: ", ".join(names[:3])).where(actors.map(bool), title.where(title != "", _plain(rows, "doc_id"))).map(escape),
        "text": "<p>" + _plain(rows, "sentence").map(escape) + "</p><p><small>" + title.map(escape) + " · "
                + _plain(rows, "source").map(escape) + "</small></p>",
        "display_date": display.map(escape),
        "group": group.astype(str).map(escape),
        "unique_id": ids.where(repeat == 0, ids + "-" + (repeat + 1).astype(str)),
    })


def timelinejs_document(facts: pd.DataFrame, group_by: str = "actor", title: str | None = None) -> dict:
    """The TimelineJS ``{"title": ..., "events": [...]}`` object for the facts on the time axis.

    ``group`` is the first actor (or the document): TimelineJS puts one group per row.
    """
    if group_by not in GROUPINGS:
        raise ValueError(f"group_by must be one of {', '.join(GROUPINGS)}, not {group_by!r}")
    rows = placed(facts).sort_values(["start", "end"], kind="stable")
    start, after = pd.to_datetime(rows["start"]), pd.to_datetime(rows["end"])
    counts = part_counts(start, after)
    firsts = _date_parts(start)
    lasts = _date_parts(after - pd.Timedelta(microseconds=1))  # the last unit inside [start, end)
    texts = _texts(rows, group_by)
    events = []
    for n, first, last, text in zip(counts, firsts.tolist(), lasts.tolist(), texts.itertuples(index=False)):
        start_date = dict(zip(PARTS[:n], first[:n]))
        end_date = dict(zip(PARTS[:n], last[:n]))
        event = {
            "start_date": start_date,
            "text": {"headline": text.headline, "text": text.text},
            "display_date": text.display_date,
            "group": text.group,
            "unique_id": text.unique_id,
            "autolink": False,
        }
        if end_date != start_date:
            event["end_date"] = end_date
        events.append(event)
    heading = title or f"{len(events)} dated facts"
    return {
        "title": {"text": {"headline": html.escape(heading), "text": "made with fact-timeline"}},
        "events": events,
    }
