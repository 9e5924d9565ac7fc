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

from dashboard.charts.dates import plain_dates
from dashboard.charts.frame import NO_ACTOR, as_timeline_rows, list_column, on_the_axis
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


MAX_GROUPS = 10           # TimelineJS draws no navigation with many more groups: top ones, the rest in one
OTHER_GROUP = "others"
HEADLINE_CHARS = 90


def _plain(rows: pd.DataFrame, column: str) -> pd.Series:
    """A text column with missing values as empty strings."""
    return rows[column].fillna("").astype(str) if column in rows else pd.Series("", index=rows.index)


def headlines(rows: pd.DataFrame) -> pd.Series:
    """The headline of each slide: the event's or fact's label, else the sentence cut at a word
    near HEADLINE_CHARS (never an actor list, which reads as nothing)."""
    label = _plain(rows, "label").str.strip()
    sentence = _plain(rows, "sentence").str.split().str.join(" ")
    cut = sentence.map(lambda text: text if len(text) <= HEADLINE_CHARS else text[:HEADLINE_CHARS].rsplit(" ", 1)[0] + " …")
    return label.where(label != "", cut.where(cut != "", _plain(rows, "timex_text")))


def groups(rows: pd.DataFrame, group_by: str, limit: int = MAX_GROUPS) -> pd.Series:
    """The group of each slide: its first actor (or its document), the ``limit - 1`` largest
    groups by name and every other in one, since TimelineJS stops drawing its navigation
    when there are dozens of groups."""
    actors = list_column(rows, "actors")
    group = document_label(rows) if group_by == "document" else actors.map(lambda names: names[0] if names else NO_ACTOR)
    counts = group.value_counts()
    if len(counts) <= limit:
        return group.astype(str)
    top = [name for name, _ in sorted(counts.items(), key=lambda item: (-item[1], item[0]))[: limit - 1]]
    return group.where(group.isin(top), OTHER_GROUP).astype(str)


def _texts(rows: pd.DataFrame, group_by: str) -> pd.DataFrame:
    """Headline, text, display date, group and unique id of every event, escaped for HTML."""
    actors = list_column(rows, "actors").map(", ".join)
    title = _plain(rows, "title")
    ids = _plain(rows, "fact_id")
    repeat = ids.groupby(ids).cumcount()
    escape = html.escape
    who = actors.map(lambda names: f"<p><i>{escape(names)}</i></p>" if names else "")
    return pd.DataFrame({
        "headline": headlines(rows).map(escape),
        "text": "<p>" + _plain(rows, "sentence").map(escape) + "</p>" + who + "<p><small>" + title.map(escape)
                + " · " + _plain(rows, "source").map(escape) + "</small></p>",
        "display_date": plain_dates(rows).map(escape),
        "group": groups(rows, group_by).map(escape),
        "unique_id": ids.where(repeat == 0, ids + "-" + (repeat + 1).astype(str)),
    })


def slide_rows(facts: pd.DataFrame, *, show_vague: bool = False, show_reports: bool = False) -> pd.DataFrame:
    """The rows that become slides: on the time axis (as the timeline shows them), in time
    order, one per happening: rows with the same dates and headline (one statement reported by
    several articles, or a sentence with two dates of one day) are one slide."""
    rows, _, _ = on_the_axis(as_timeline_rows(facts), show_vague=show_vague, show_reports=show_reports)
    rows = rows.sort_values(["start", "end"], kind="stable")
    key = pd.DataFrame({"start": rows["start"], "end": rows["end"], "headline": headlines(rows).str.lower()})
    return rows[~key.duplicated()]


def timelinejs_document(facts: pd.DataFrame, group_by: str = "actor", title: str | None = None,
                        subtitle: str | None = None, **shown) -> dict:
    """The TimelineJS ``{"title": ..., "events": [...]}`` object for the facts (or events) on
    the time axis: a title slide saying the story and its filters, one slide per happening.
    """
    if group_by not in GROUPINGS:
        raise ValueError(f"group_by must be one of {', '.join(GROUPINGS)}, not {group_by!r}")
    rows = slide_rows(facts, **shown)
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
    about = subtitle or f"{len(events)} dated {'event' if len(events) == 1 else 'events'}, made with fact-timeline"
    return {
        "title": {"text": {"headline": html.escape(heading), "text": f"<p>{html.escape(about)}</p>"},
                  "unique_id": "title-slide"},
        "events": events,
    }


SHEET_COLUMNS = ("Year", "Month", "Day", "Time", "End Year", "End Month", "End Day", "End Time", "Display Date",
                 "Headline", "Text", "Media", "Media Credit", "Media Caption", "Media Thumbnail", "Type", "Group",
                 "Background")


def timelinejs_sheet(facts: pd.DataFrame, group_by: str = "actor", title: str | None = None,
                     subtitle: str | None = None, **shown) -> pd.DataFrame:
    """The same slides in the columns of TimelineJS's Google Sheet template (paste it into a
    copy of the template and publish): the title slide first, with Type "title"."""
    document = timelinejs_document(facts, group_by, title, subtitle, **shown)
    rows = [{"Headline": document["title"]["text"]["headline"], "Text": document["title"]["text"]["text"], "Type": "title"}]
    for event in document["events"]:
        row = {"Display Date": event["display_date"], "Headline": event["text"]["headline"],
               "Text": event["text"]["text"], "Group": event["group"]}
        for prefix, key in (("", "start_date"), ("End ", "end_date")):
            parts = event.get(key, {})
            for part in ("year", "month", "day"):
                if part in parts:
                    row[f"{prefix}{part.title()}"] = parts[part]
            if "hour" in parts:
                row[f"{prefix}Time"] = f"{parts['hour']:02d}:{parts.get('minute', 0):02d}"
        rows.append(row)
    return pd.DataFrame(rows, columns=list(SHEET_COLUMNS), dtype=object).fillna("")
