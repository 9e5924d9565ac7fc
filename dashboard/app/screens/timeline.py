"""Timeline page: each fact a bar over its interval, in one lane per actor or per document."""

import streamlit as st

from dashboard.app import downloads, markup, view
from dashboard.app.live_plot import live_plot

current = view.current()
lane_by = st.segmented_control("Lanes", ["actor", "document"], key="timeline_lanes", default="actor",
                               format_func=lambda lane: f"one per {lane}") or "actor"
# plotGlPixelRatio 1: any WebGL trace is drawn at screen resolution, not twice it (plotly's
# default), a quarter of the pixels to fill on every redraw; bars need no sub-pixel sharpness.
live_plot(current.figure_spec("timeline", lane_by=lane_by), key="timeline_chart",
          config={"scrollZoom": True, "displaylogo": False, "plotGlPixelRatio": 1})
st.caption("Download the timeline")
downloads.figure_buttons(current, "timeline", f"timeline-by-{lane_by}", lane_by=lane_by)

st.subheader("Facts in view")
st.html(markup.STYLE + current.fact_list())
