"""Charts page: facts per period by status, actors by month, actors seen together, top actors."""

import streamlit as st

from dashboard.app import downloads, view

current = view.current()

period = st.segmented_control("Facts per", ["month", "quarter"], key="period", default="month",
                              bind="query-params") or "month"
CHARTS = [  # (chart name in dashboard.charts.CHARTS, file name of its downloads, does it count by period)
    (f"per-{period}", f"facts-per-{period}", True),
    ("heatmap", "actor-heatmap", True),
    ("cooccurrence", "actor-cooccurrence", False),
    ("actors", "top-actors", False),
]
text = downloads.export_text(current, "charts", **current.shown)
for chart, stem, timed in CHARTS:
    options = current.shown if timed else {}
    with st.container(border=True):
        st.plotly_chart(current.figure(chart, **options), width="stretch", key=f"chart_{stem}",
                        config={"displaylogo": False})
        downloads.figure_buttons(current, chart, stem, text, **options)
