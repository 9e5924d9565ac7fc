"""Charts page: facts per period by status, actors by month, actors seen together, top actors."""

import streamlit as st

from dashboard.app import downloads, view

current = view.current()

period = st.segmented_control("Facts per", ["month", "quarter"], key="charts_period", default="month") or "month"
CHARTS = [
    (f"per-{period}", f"Facts per {period}, by status", f"facts-per-{period}"),
    ("heatmap", "Actors by month", "actor-heatmap"),
    ("cooccurrence", "Actors named together", "actor-cooccurrence"),
    ("actors", "Top actors", "top-actors"),
]
for chart, title, stem in CHARTS:
    with st.container(border=True):
        st.subheader(title)
        st.plotly_chart(current.figure(chart), width="stretch", key=f"chart_{stem}",
                        config={"displaylogo": False})
        downloads.figure_buttons(current, chart, stem)
