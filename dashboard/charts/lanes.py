"""Swimlanes of the timeline: which lane a fact sits in, and rows inside a lane so bars do not hide each other."""

from __future__ import annotations

import heapq

import numpy as np
import pandas as pd

from dashboard.charts.frame import NO_ACTOR, explode_actors, top_values

LANE_KINDS = ("actor", "document")


def document_label(facts: pd.DataFrame) -> pd.Series:
    """A document's title, or its id where it has none or the title is shared by another document."""
    title = facts["title"].fillna("").astype(str).str.strip() if "title" in facts else pd.Series("", index=facts.index)
    doc_id = facts["doc_id"].astype(str)
    docs_per_title = doc_id.groupby(title).transform("nunique")
    label = title.where(docs_per_title == 1, title + " [" + doc_id + "]")
    return label.where(title != "", doc_id)


def assign_lanes(facts: pd.DataFrame, lane_by: str, max_lanes: int) -> tuple[pd.DataFrame, list[str]]:
    """Rows with a ``lane`` column and the lane order, top lane first.

    Actor lanes repeat a fact in each of its actors' lanes and come most facts first; document
    lanes come in order of publication. Beyond ``max_lanes`` the smallest lanes are merged into
    one "other" lane, because hundreds of lanes are unreadable.
    """
    if lane_by not in LANE_KINDS:
        raise ValueError(f"lane_by must be one of {', '.join(LANE_KINDS)}, not {lane_by!r}")
    if lane_by == "actor":
        rows = explode_actors(facts, keep_unnamed=True).rename(columns={"actor": "lane"})
        named = rows.loc[rows["lane"] != NO_ACTOR, "lane"]
        order = top_values(named, len(named))
        noun = "actors"
    else:
        rows = facts.assign(lane=document_label(facts))
        firsts = rows.sort_values(["dct", "lane"], na_position="last").drop_duplicates("lane")
        order = firsts["lane"].tolist()
        noun = "documents"
    if len(order) > max_lanes:
        kept, merged = order[: max_lanes - 1], order[max_lanes - 1 :]
        other = f"{len(merged)} other {noun}"
        rows["lane"] = rows["lane"].where(rows["lane"].isin(kept) | rows["lane"].eq(NO_ACTOR), other)
        order = [*kept, other]
    if (rows["lane"] == NO_ACTOR).any():
        order.append(NO_ACTOR)
    return rows, order


def pack_rows(start: np.ndarray, end: np.ndarray, max_rows: int) -> np.ndarray:
    """Row index per interval so that intervals in one row do not overlap (first fit by start).

    When ``max_rows`` are all taken the interval goes to the row that frees up first, so a
    crowded lane stays bounded in height and overlaps only where it has to.
    """
    rows = np.zeros(len(start), dtype=np.int64)
    free: list[tuple[object, int]] = []  # (end of the last interval in the row, row)
    used = 0
    for i in np.argsort(start, kind="stable"):
        if free and free[0][0] <= start[i]:
            _, row = heapq.heappop(free)
        elif used < max_rows:
            row, used = used, used + 1
        else:
            _, row = heapq.heappop(free)
        rows[i] = row
        heapq.heappush(free, (end[i], row))
    return rows
