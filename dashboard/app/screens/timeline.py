"""Timeline page: each fact a bar over its interval, in one lane per actor or per document."""

import streamlit as st

from dashboard.app import downloads, markup, view

current = view.current()
LANES = {"actor": "actor", "document": "document"}
lane_by = st.segmented_control("Lanes", list(LANES), key="timeline_lanes", default="actor",
                               format_func=lambda lane: f"one per {lane}") or "actor"
st.plotly_chart(current.figure("timeline", lane_by=lane_by), width="stretch", key="timeline_chart",
                config={"scrollZoom": True, "displaylogo": False})
st.caption("Download the timeline")
downloads.figure_buttons(current, "timeline", f"timeline-by-{lane_by}", lane_by=lane_by)

st.subheader("Facts in view")
st.html(markup.STYLE + current.fact_list())
