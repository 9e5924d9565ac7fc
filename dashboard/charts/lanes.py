"""Swimlanes of the timeline: which lane a fact sits in, and rows inside a lane so bars do not hide each other."""

from __future__ import annotations

import heapq
import html

import numpy as np
import pandas as pd

from dashboard.charts.frame import NO_ACTOR, explode_actors, top_values

LANE_KINDS = ("actor", "document")


def document_label(facts: pd.DataFrame) -> pd.Series:
    """A document's title (entities such as ``&quot;`` decoded: pages escape it once, when they
    show it), or its id where it has none or the title is shared by another document."""
    title = facts["title"].fillna("").astype(str).map(html.unescape).str.strip() if "title" in facts else pd.Series("", index=facts.index)
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
    # once per lane: an actor named twice, or two actors folded into "other", is one bar
    rows = rows[~pd.MultiIndex.from_arrays([rows.index, rows["lane"]]).duplicated()]
    return rows, order


def pack_labelled(start: np.ndarray, end: np.ndarray, extent: np.ndarray, max_rows: int) -> tuple[np.ndarray, np.ndarray]:
    """Rows as :func:`pack_rows`, where each interval with its label takes ``start .. extent``
    (``extent >= end``); returns the rows and whether each label has its room.

    Where every row is taken, an interval goes to the row that frees up first and its label
    is dropped, so labels never run over another bar of their row.
    """
    rows = np.zeros(len(start), dtype=np.int64)
    fits = np.zeros(len(start), dtype=bool)
    free: list[tuple[object, int]] = []  # (end of what the row holds so far, row)
    last: dict[int, int] = {}  # row -> the interval placed in it last
    used = 0
    for i in np.argsort(start, kind="stable"):
        if free and free[0][0] <= start[i]:
            _, row = heapq.heappop(free)
            fits[i], reach = True, extent[i]
        elif used < max_rows:
            row, used = used, used + 1
            fits[i], reach = True, extent[i]
        else:  # every row taken: overlap where it must, and no label runs over this bar
            _, row = heapq.heappop(free)
            before = last[row]
            if fits[before] and extent[before] > start[i]:
                fits[before] = False
            reach = max(end[i], end[before])
        rows[i] = row
        last[row] = i
        heapq.heappush(free, (reach, row))
    return rows, fits


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
