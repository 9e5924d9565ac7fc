"""Charts page: facts per period by status, actors by month, actors seen together, top actors."""

import streamlit as st

from dashboard.app import downloads, view

current = view.current()

period = st.segmented_control("Facts per", ["month", "quarter"], key="charts_period", default="month") or "month"
CHARTS = [  # (chart name in dashboard.charts.CHARTS, file name of its downloads)
    (f"per-{period}", f"facts-per-{period}"),
    ("heatmap", "actor-heatmap"),
    ("cooccurrence", "actor-cooccurrence"),
    ("actors", "top-actors"),
]
for chart, stem in CHARTS:
    with st.container(border=True):
        st.plotly_chart(current.figure(chart), width="stretch", key=f"chart_{stem}", config={"displaylogo": False})
        downloads.figure_buttons(current, chart, stem)
