"""Default words for a published chart: what the filter shows, over which period, from what.

    text = default_text(flt, facts, documents)   # ChartText
    text.title   -> "Facts naming Donald Trump, Oct 2025 – Jan 2026"
    text.source  -> "Source: 7 articles (reuters.com, spiegel.de); fact-timeline, 2 Dec 2025"

The user edits them in the dashboard or with ``--title``/``--subtitle``/``--note``/``--source-line``
on ``fact-timeline export``; these are what stands there before anyone does.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from urllib.parse import urlsplit

import numpy as np
import pandas as pd

from dashboard.charts.dates import MONTHS, day_text
from dashboard.charts.frame import on_the_axis
from dashboard.charts.text import ChartText
from dashboard.store.filters import FactFilter

STATUS_WORDS = {"past": "past", "ongoing": "ongoing", "future": "planned or expected"}
MAX_OUTLETS = 3


def _names(names: Sequence[str], joiner: str) -> str:
    names = list(names)
    if len(names) <= 1:
        return "".join(names)
    if len(names) > 4:
        return f"{', '.join(names[:3])} {joiner} {len(names) - 3} more"
    return f"{', '.join(names[:-1])} {joiner} {names[-1]}"


def _month(day: pd.Timestamp) -> str:
    return f"{MONTHS[day.month - 1]} {day.year}"


def period_words(start: pd.Timestamp, end: pd.Timestamp) -> str:
    """ "Oct 2025 – Jan 2026", "2025", "1995 – 2013": as fine as the span needs."""
    last = end - pd.Timedelta(microseconds=1)
    if start.year == last.year and start.month == 1 and last.month == 12 and (end - start).days > 300:
        return str(start.year)
    if (last - start).days > 5 * 366:
        return f"{start.year} – {last.year}"
    first, final = _month(start), _month(last)
    return first if first == final else f"{first} – {final}"


def story_period(facts: pd.DataFrame, flt: FactFilter | None = None) -> str:
    """The period a chart shows: the filter's dates where given, else where the bulk of the
    dated facts lies (the timeline's first view)."""
    from dashboard.charts.timeline import first_view

    flt = flt or FactFilter()
    shown, _, _ = on_the_axis(facts) if len(facts) else (facts, 0, 0)
    if flt.date_from and flt.date_to:
        return period_words(pd.Timestamp(flt.date_from), pd.Timestamp(flt.date_to) + pd.Timedelta(days=1))
    if shown.empty:
        return ""
    to_ms = lambda values: pd.to_datetime(values).astype("datetime64[ms]").to_numpy().astype("int64").astype(float)
    low, high = first_view(to_ms(shown["start"]), to_ms(shown["end"]), flt.date_from, flt.date_to)
    # the view has a margin; the words name the bars' own span within it
    starts, ends = to_ms(shown["start"]), to_ms(shown["end"])
    inside = (ends > low) & (starts < high)
    low, high = max(low, float(np.min(starts[inside]))), min(high, float(np.max(ends[inside])))
    return period_words(pd.Timestamp(low, unit="ms"), pd.Timestamp(high, unit="ms"))


def filter_words(flt: FactFilter | None, noun: str = "facts", titles: dict[str, str] | None = None) -> str:
    """The filter as a phrase: "Planned or expected facts naming Donald Trump or NATO"."""
    flt = flt or FactFilter()
    words = noun
    if flt.statuses:
        words = f"{_names([STATUS_WORDS.get(s, s) for s in flt.statuses], 'or')} {noun}"
    if flt.actors:
        words += f" naming {_names(list(flt.actors), 'and' if flt.actor_mode == 'all' else 'or')}"
    if flt.text:
        words += f" that mention “{flt.text}”"
    if flt.doc_ids:
        named = [(titles or {}).get(d, d) for d in flt.doc_ids]
        words += f" from “{named[0]}”" if len(named) == 1 else f" from {len(named)} documents"
    if flt.types == ("TIME",):
        words += " with a time of day"
    return words[:1].upper() + words[1:]


def outlets(sources: Sequence[str]) -> list[str]:
    """Where articles come from, most articles first: a URL's host (without www.), else the
    source as given."""
    names: list[str] = []
    for source in sources:
        text = str(source or "").strip()
        if not text:
            continue
        host = urlsplit(text).netloc if "://" in text else ""
        names.append(host.removeprefix("www.") if host else text)
    counts = pd.Series(names, dtype=object).value_counts()
    return [name for name, _ in sorted(counts.items(), key=lambda item: (-item[1], item[0]))]


def source_line(facts: pd.DataFrame, today: date | None = None) -> str:
    """ "Source: 7 articles (reuters.com, spiegel.de and 2 more); fact-timeline, 2 Dec 2025"."""
    today = today or date.today()
    if "doc_id" in facts and len(facts):
        docs = facts.drop_duplicates("doc_id")
        n = len(docs)
        where = outlets(docs["source"].tolist()) if "source" in docs else []
    elif "doc_ids" in facts and len(facts):
        n, where = len({d for ids in facts["doc_ids"] for d in ids}), []
    else:
        n, where = 0, []
    shown = [w if len(w) <= 40 else w[:39] + "…" for w in where[:MAX_OUTLETS]]
    if len(where) > MAX_OUTLETS:
        shown.append(f"{len(where) - MAX_OUTLETS} more")
    outlet_words = f" ({', '.join(shown)})" if shown else ""
    return f"Source: {n} article{'s' if n != 1 else ''}{outlet_words}; fact-timeline, {day_text(today)}"


def hidden_note(facts: pd.DataFrame, show_vague: bool = False, show_reports: bool = False) -> str:
    """What the time charts leave out, in words ("" where nothing)."""
    if facts.empty:
        return ""
    _, vague, reports = on_the_axis(facts, show_vague=show_vague, show_reports=show_reports)
    parts = []
    if vague:
        parts.append(f"{vague} vague or undated reference{'s' if vague != 1 else ''} (“recently”, “now”) left out")
    if reports:
        parts.append(f"{reports} statement{'s' if reports != 1 else ''} dated only by the report left out")
    return "; ".join(parts) + ("." if parts else "")


def default_text(flt: FactFilter | None, facts: pd.DataFrame, *, noun: str = "facts",
                 titles: dict[str, str] | None = None, today: date | None = None,
                 show_vague: bool = False, show_reports: bool = False) -> ChartText:
    """Title, note and source a chart of ``facts`` (passing ``flt``) carries by default; the
    subtitle stays the chart's own."""
    period = story_period(facts, flt)
    title = filter_words(flt, noun, titles) + (f", {period}" if period else "")
    return ChartText(title=title, note=hidden_note(facts, show_vague, show_reports),
                     source=source_line(facts, today))
