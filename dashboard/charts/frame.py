"""Reading fact frames the same way whether they come from extraction, DuckDB or a test.

The store hands list columns back as numpy arrays and a missing list as ``pd.NA`` (so
``if row.actors:`` raises); extraction hands back Python lists. Charts and exports go through
these helpers so they never care which one they got.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

NO_ACTOR = "(no actor)"


def as_list(value: object) -> list[str]:
    """A list cell as a list of non-empty strings; missing, NA and scalars handled."""
    if value is None or value is pd.NA:
        return []
    if isinstance(value, str):
        return [value] if value else []
    if isinstance(value, float) and np.isnan(value):
        return []
    if isinstance(value, Iterable):
        return [str(v) for v in value if v is not None and v is not pd.NA and str(v)]
    return [str(value)]


def list_column(facts: pd.DataFrame, column: str) -> pd.Series:
    """A list column with every cell a Python list (empty where missing)."""
    if column not in facts.columns:
        return pd.Series([[] for _ in range(len(facts))], index=facts.index, dtype=object)
    return facts[column].map(as_list).astype(object)


def placed(facts: pd.DataFrame) -> pd.DataFrame:
    """The facts that have a place on the time axis (a start and an end)."""
    if facts.empty:
        return facts
    return facts[facts["start"].notna() & facts["end"].notna()]


def explode_actors(facts: pd.DataFrame, *, keep_unnamed: bool = False) -> pd.DataFrame:
    """One row per (fact, actor): a fact naming two actors counts for both.

    The result has an ``actor`` column; facts naming nobody are dropped, or kept under
    ``NO_ACTOR`` with ``keep_unnamed``. ``explode`` takes lists and numpy arrays alike and
    is some ten times faster than normalising 100,000 cells one by one.
    """
    source = facts["actors"] if "actors" in facts.columns else pd.Series(None, index=facts.index, dtype=object)
    rows = facts.assign(actor=source).explode("actor")
    named = rows["actor"].notna() & rows["actor"].astype(str).ne("")
    if keep_unnamed:
        rows["actor"] = rows["actor"].where(named, NO_ACTOR)
    else:
        rows = rows[named]
    return rows.astype({"actor": "str"})


def top_values(values: pd.Series, n: int) -> list[str]:
    """The ``n`` most frequent values, most frequent first; ties broken alphabetically."""
    counts = values.value_counts()
    order = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return [name for name, _ in order[:n]]


VAGUE_VALUES = ("PAST_REF", "PRESENT_REF", "FUTURE_REF")


def is_vague(facts: pd.DataFrame) -> pd.Series:
    """Rows that name no time a reader could place: PAST_REF, PRESENT_REF, FUTURE_REF ("jetzt",
    "ehemalige", "früher") and rows without an interval. They stay in the data, off the axis."""
    if facts.empty:
        return pd.Series(False, index=facts.index, dtype=bool)
    value = facts["value"].fillna("").astype(str) if "value" in facts else pd.Series("", index=facts.index)
    return (value.isin(VAGUE_VALUES) | facts["start"].isna() | facts["end"].isna()).astype(bool)


def is_report(facts: pd.DataFrame) -> pd.Series:
    """Rows dated only by their article's publication day (``dating == "report"``): when a thing
    was said, not when it happened, so never to be drawn as a dated event."""
    if facts.empty or "dating" not in facts:
        return pd.Series(False, index=facts.index, dtype=bool)
    return facts["dating"].fillna("").astype(str).eq("report")


def on_the_axis(facts: pd.DataFrame, *, show_vague: bool = False, show_reports: bool = False) -> tuple[pd.DataFrame, int, int]:
    """The rows a time chart draws, and how many vague and report rows it leaves out.

    With ``show_vague`` the vague references that do have an interval (PRESENT_REF on its
    publication day) are drawn too; rows without an interval never are.
    """
    vague, report = is_vague(facts), is_report(facts)
    unplaced = facts["start"].isna() | facts["end"].isna() if len(facts) else vague
    keep = ~unplaced & (~vague | show_vague) & (~report | show_reports)
    hidden_vague = int((vague & ~keep).sum())
    hidden_reports = int((report & ~vague & ~keep).sum())
    return facts[keep], hidden_vague, hidden_reports


# what an event row lacks of a fact row, and how the timeline fills it
_EVENT_DEFAULTS = {"title": "", "source": "", "mod": "", "type": "DATE", "dct_inferred": False, "sentence": ""}


def as_timeline_rows(items: pd.DataFrame) -> pd.DataFrame:
    """Facts as they are, or events (``EVENT_COLUMNS``: ``event_id``, ``doc_ids``,
    ``first_reported``, ...) in the columns the time charts read: ``fact_id`` is the event id,
    ``doc_id`` its first document, ``dct`` when it was first reported. Charts and exports take
    either through here, so they follow the events contract without knowing its package."""
    if "event_id" not in items.columns or "fact_id" in items.columns:
        return items
    out = items.copy()
    out["fact_id"] = out["event_id"].astype(str)
    # the first of each list (lists and numpy arrays alike), "" where there is none
    out["doc_id"] = out["doc_ids"].str.get(0).fillna("").astype(str) if "doc_ids" in out else ""
    out["dct"] = pd.to_datetime(out["first_reported"]) if "first_reported" in out else pd.NaT
    for name, default in _EVENT_DEFAULTS.items():
        if name not in out:
            out[name] = default
    return out
