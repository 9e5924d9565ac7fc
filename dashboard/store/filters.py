"""What a user can filter facts by: one record shared by the store, the dashboard and the CLI."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

import pandas as pd

from dashboard.temporal.interval import day_end


@dataclass(frozen=True)
class FactFilter:
    """Filter facts. Empty fields do not filter.

    ``actors`` with ``actor_mode`` "any" keeps facts naming at least one of them, "all" facts
    naming every one. ``date_from``/``date_to`` (inclusive days) keep facts whose interval
    overlaps that range. ``text`` is a case-insensitive substring of sentence or expression.
    """

    actors: tuple[str, ...] = ()
    actor_mode: Literal["any", "all"] = "any"
    date_from: date | None = None
    date_to: date | None = None
    doc_ids: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    text: str = ""


def _day(value: date) -> datetime:
    return datetime.combine(value, datetime.min.time())


def filter_sql(flt: FactFilter | None) -> tuple[str, dict[str, object]]:
    """The WHERE clause (``"TRUE"`` when nothing filters) and its named parameters for DuckDB."""
    if flt is None:
        return "TRUE", {}
    clauses: list[str] = []
    params: dict[str, object] = {}
    if flt.actors:
        function = "list_has_all" if flt.actor_mode == "all" else "list_has_any"
        clauses.append(f"{function}(actors, $actors)")
        params["actors"] = list(flt.actors)
    if flt.date_from is not None:
        clauses.append('"end" > $date_from')
        params["date_from"] = _day(flt.date_from)
    if flt.date_to is not None:
        clauses.append('"start" < $date_to')
        params["date_to"] = day_end(_day(flt.date_to))
    for column, values in (("doc_id", flt.doc_ids), ("status", flt.statuses), ("type", flt.types)):
        if values:
            clauses.append(f"list_contains(${column}s, {column})")
            params[f"{column}s"] = list(values)
    if flt.text:
        clauses.append("(contains(lower(sentence), $text) OR contains(lower(timex_text), $text))")
        params["text"] = flt.text.lower()
    return (" AND ".join(clauses) or "TRUE"), params


def apply_filter(df: pd.DataFrame, flt: FactFilter | None) -> pd.DataFrame:
    """The rows of a FACT_COLUMNS frame that pass ``flt``: the store's query, done in pandas.

    For frames already in memory (an upload not yet stored, a cached query). Same semantics as
    :meth:`FactStore.facts`; a test checks the two agree on random filters.
    """
    if flt is None or df.empty:
        return df
    keep = pd.Series(True, index=df.index)
    if flt.actors:
        wanted = set(flt.actors)
        test = wanted.issubset if flt.actor_mode == "all" else (lambda names: not wanted.isdisjoint(names))
        keep &= df["actors"].map(lambda names: bool(test(set(names))) if names is not None else False).astype(bool)
    if flt.date_from is not None:
        keep &= (df["end"] > _day(flt.date_from)).fillna(False).astype(bool)
    if flt.date_to is not None:
        keep &= (df["start"] < day_end(_day(flt.date_to))).fillna(False).astype(bool)
    for column, values in (("doc_id", flt.doc_ids), ("status", flt.statuses), ("type", flt.types)):
        if values:
            keep &= df[column].isin(values).fillna(False).astype(bool)
    if flt.text:
        needle = flt.text.lower()
        hit = df["sentence"].str.lower().str.contains(needle, regex=False) | df["timex_text"].str.lower().str.contains(needle, regex=False)
        keep &= hit.fillna(False).astype(bool)
    return df[keep]
