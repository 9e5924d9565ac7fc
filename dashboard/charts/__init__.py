"""Plotly figures of a fact table: pure functions from a DataFrame to a ``go.Figure``.

Every function takes a DataFrame with the columns of ``dashboard.facts.schema.FACT_COLUMNS``
(already filtered: filtering is the store's job) and returns a figure; none of them reads files,
caches or touches Streamlit, so pages, the CLI and tests call them alike. An empty frame gives
a figure that says "no facts match" instead of raising.

    from dashboard.charts import CHARTS, timeline_figure

    fig = timeline_figure(facts, lane_by="actor")       # or "document"; today=date(...) for tests
    fig = CHARTS["per-month"](facts)                     # what `fact-timeline export --chart` uses

- ``timeline_figure(facts, lane_by="actor"|"document", today=None)``: each fact a bar over its
  half-open interval ``[start, end)`` (a year wide, a day narrow), coloured by status, one lane
  per actor (a fact with two actors is in both lanes) or per document; hover with sentence,
  expression, value and source; a marker per document's publication date, a line for today,
  range slider and zoom buttons. Above ``DETAIL_LIMIT`` lane rows, facts sharing lane, status
  and interval merge into one filled segment (100,000 facts stay fast).
- ``per_period_figure(facts, freq="month"|"quarter")``: facts per period, stacked by status.
- ``actor_heatmap_figure(facts, n=25)``: actor x month (quarter/year over long spans).
- ``cooccurrence_figure(facts, n=20)``: how often two actors are named in the same fact.
- ``top_actors_figure(facts, n=15)``: actors named in most facts, stacked by status.
- ``CHARTS``: CLI name -> function of the facts alone (``timeline``, ``per-month``,
  ``per-quarter``, ``actors``, ``heatmap``, ``cooccurrence``).
- ``STATUS_COLORS``: status -> colour, for legends elsewhere in the app.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import pandas as pd
import plotly.graph_objects as go

from dashboard.charts.actors import actor_heatmap_figure, cooccurrence_figure, top_actors_figure
from dashboard.charts.periods import per_period_figure
from dashboard.charts.style import NO_FACTS, STATUS_COLORS, message_figure
from dashboard.charts.timeline import DETAIL_LIMIT, timeline_figure

CHARTS: dict[str, Callable[[pd.DataFrame], go.Figure]] = {
    "timeline": timeline_figure,
    "per-month": partial(per_period_figure, freq="month"),
    "per-quarter": partial(per_period_figure, freq="quarter"),
    "actors": top_actors_figure,
    "heatmap": actor_heatmap_figure,
    "cooccurrence": cooccurrence_figure,
}

__all__ = [
    "CHARTS",
    "DETAIL_LIMIT",
    "NO_FACTS",
    "STATUS_COLORS",
    "actor_heatmap_figure",
    "cooccurrence_figure",
    "message_figure",
    "per_period_figure",
    "timeline_figure",
    "top_actors_figure",
]
