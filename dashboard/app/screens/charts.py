"""Charts page: facts per period by status, actors by month, actors seen together, top actors.

A click on a bar of the top actors filters every page by that actor; a click on a heatmap cell
by its actor and period (the sidebar shows it, the URL keeps it, Back undoes it)."""

from functools import partial

import streamlit as st

from dashboard.app import downloads, sidebar, view
from dashboard.charts.periods import period_days

current = view.current()

period = st.segmented_control("Facts per", ["month", "quarter"], key="period", default="month",
                              bind="query-params") or "month"
CHARTS = [  # (chart name in dashboard.charts.CHARTS, file name of its downloads, does it count by period)
    (f"per-{period}", f"facts-per-{period}", True),
    ("heatmap", "actor-heatmap", True),
    ("cooccurrence", "actor-cooccurrence", False),
    ("actors", "top-actors", False),
]
CLICKABLE = {"heatmap": "Click a cell to filter by its actor and period.", "actors": "Click a bar to filter by its actor."}


def _clicked(key: str, chart: str) -> None:
    """The chart's selection (a click) as a filter: its actor, and for the heatmap its period."""
    points = st.session_state[key].selection.points if key in st.session_state else []
    point = next((p for p in points if p.get("customdata") is not None), None)
    if point is None:
        return
    actor = point["customdata"]
    actor = actor[0] if isinstance(actor, list) else actor
    days = period_days(point.get("x", "")) if chart == "heatmap" else None
    if days:
        sidebar.narrow_to_period(*days, actor=str(actor))
    else:
        sidebar.narrow_to_actor(str(actor))


text = downloads.export_text(current, "charts", **current.shown)
for chart, stem, timed in CHARTS:
    options = current.shown if timed else {}
    key = f"chart_{stem}"
    with st.container(border=True):
        clicks = {"on_select": partial(_clicked, key, chart), "selection_mode": "points"} if chart in CLICKABLE else {}
        st.plotly_chart(current.figure(chart, **options), width="stretch", key=key,
                        config={"displaylogo": False}, **clicks)
        if chart in CLICKABLE:
            st.caption(CLICKABLE[chart])
        downloads.figure_buttons(current, chart, stem, text, **options)
