"""Facts as a TimelineJS3 JSON document (Knight Lab's storytelling timeline).

A date object carries only the parts the interval pins down: "2024" becomes ``{"year": 2024}``
and TimelineJS shows "2024", not "January 1, 2024". The end is the last unit inside the
half-open interval (a quarter ends in its third month) and is left out where it equals the
start. TimelineJS renders headline and text as HTML, so user text is escaped.
"""

from __future__ import annotations

import html
from datetime import timedelta

import pandas as pd

from dashboard.charts.frame import NO_ACTOR, list_column, placed
from dashboard.charts.lanes import document_label

GROUPINGS = ("actor", "document")
PARTS = ("year", "month", "day", "hour", "minute", "second")
_FIRST = {"month": 1, "day": 1, "hour": 0, "minute": 0, "second": 0}


def date_parts(start: pd.Timestamp, end: pd.Timestamp) -> tuple[str, ...]:
    """The date parts the interval pins down: the coarsest unit both of its ends fall on.

    [2024-01-01, 2025-01-01) -> year; a quarter or "early 2026" (January to April) -> year,
    month; a day or week -> year, month, day; a span cut mid-month -> days.
    """
    for i in range(len(PARTS) - 1):
        finer = PARTS[i + 1 :]
        if all(getattr(t, part) == _FIRST[part] for t in (start, end) for part in finer):
            return PARTS[: i + 1]
    return PARTS


def date_object(moment: pd.Timestamp, parts: tuple[str, ...]) -> dict[str, int]:
    """A TimelineJS date object with just ``parts``."""
    return {part: int(getattr(moment, part)) for part in parts}


def _display_date(fact) -> str:
    """The expression as written and its value: "Anfang 2026 (2026 START)"."""
    mod = f" {fact.mod}" if isinstance(fact.mod, str) and fact.mod else ""
    return f"{fact.timex_text} ({fact.value}{mod})"


def _group(facts: pd.DataFrame, group_by: str) -> pd.Series:
    if group_by == "document":
        return document_label(facts)
    return list_column(facts, "actors").map(lambda names: names[0] if names else NO_ACTOR)


def timelinejs_document(facts: pd.DataFrame, group_by: str = "actor", title: str | None = None) -> dict:
    """The TimelineJS ``{"title": ..., "events": [...]}`` object for the facts on the time axis.

    ``group`` is the first actor (or the document): TimelineJS puts one group per row.
    """
    if group_by not in GROUPINGS:
        raise ValueError(f"group_by must be one of {', '.join(GROUPINGS)}, not {group_by!r}")
    rows = placed(facts).sort_values(["start", "end"], kind="stable")
    rows = rows.assign(tl_group=_group(rows, group_by), tl_actors=list_column(rows, "actors"))
    events = []
    seen: dict[str, int] = {}
    for fact in rows.itertuples(index=False):
        first, after = pd.Timestamp(fact.start), pd.Timestamp(fact.end)
        parts = date_parts(first, after)
        start = date_object(first, parts)
        end = date_object(after - timedelta(microseconds=1), parts)
        base_id = str(fact.fact_id)
        seen[base_id] = seen.get(base_id, 0) + 1
        event = {
            "start_date": start,
            "text": {
                "headline": html.escape(", ".join(fact.tl_actors[:3]) or str(fact.title or fact.doc_id)),
                "text": f"<p>{html.escape(str(fact.sentence))}</p>"
                        f"<p><small>{html.escape(str(fact.title or ''))} · {html.escape(str(fact.source or ''))}</small></p>",
            },
            "display_date": html.escape(_display_date(fact)),
            "group": html.escape(str(fact.tl_group)),
            "unique_id": base_id if seen[base_id] == 1 else f"{base_id}-{seen[base_id]}",
            "autolink": False,
        }
        if end != start:
            event["end_date"] = end
        events.append(event)
    heading = title or f"{len(events)} dated facts"
    return {
        "title": {"text": {"headline": html.escape(heading), "text": "made with fact-timeline"}},
        "events": events,
    }
