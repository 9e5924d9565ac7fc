"""Timeline page: each fact (or event) a bar over its interval, in one lane per actor or per
document, with its label; the facts drawn listed below, a page at a time under period headings."""

import streamlit as st

from dashboard.app import downloads, markup, view
from dashboard.app.live_plot import live_plot

current = view.current()
lane_by = st.segmented_control("Lanes", ["actor", "document"], key="lanes", default="actor", bind="query-params",
                               format_func=lambda lane: f"one per {lane}") or "actor"
flt = current.filter
options = {"lane_by": lane_by, "date_from": flt.date_from, "date_to": flt.date_to, **current.shown}
# plotGlPixelRatio 1: any WebGL trace is drawn at screen resolution, not twice it (plotly's
# default), a quarter of the pixels to fill on every redraw; bars need no sub-pixel sharpness.
live_plot(current.figure_spec("timeline", **options), key="timeline_chart",
          config={"scrollZoom": True, "displaylogo": False, "plotGlPixelRatio": 1})
st.caption("Download the timeline")
text = downloads.export_text(current, "timeline", **current.shown)
downloads.figure_buttons(current, "timeline", f"timeline-by-{lane_by}", text, **options)

n_listed = current.list_size(**current.shown)
st.subheader(f"The {n_listed:,} facts on the timeline")
page = 1
if markup.page_count(n_listed) > 1:
    page = st.pagination(markup.page_count(n_listed), key="list_page", max_visible_pages=9)
st.html(markup.STYLE + current.fact_list(page, **current.shown))
n_apart = current.list_size(**current.shown, vague_only=True)
if n_apart:
    with st.expander(f"{n_apart:,} facts not on the timeline (vague references, no date, or dated by their report)"):
        st.html(markup.STYLE + current.fact_list(1, **current.shown, vague_only=True))
