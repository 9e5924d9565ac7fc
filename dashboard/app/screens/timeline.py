"""Timeline page: each event (or, with ``?draw=facts``, each fact) a bar over its interval, in
one lane per actor or per document, with its label; a click on a bar opens the facts behind
it, a click on a lane's label filters every page by that actor or document; the facts drawn
are listed below, a page at a time under period headings."""

import streamlit as st

from dashboard.app import downloads, drilldown, markup, sidebar, view
from dashboard.app.live_plot import live_plot

DRAW_LABELS = {"events": "events (one bar per happening)", "facts": "facts (one bar per statement)"}

current = view.current()
left, right = st.columns(2)
with left:
    lane_by = st.segmented_control("Lanes", ["actor", "document"], key="lanes", default="actor", bind="query-params",
                                   format_func=lambda lane: f"one per {lane}") or "actor"
with right:
    draw = st.segmented_control("Draw", list(DRAW_LABELS), key="draw", default="events", bind="query-params",
                                format_func=DRAW_LABELS.get,
                                help="An event is what several facts (in one article or many) say happened: "
                                     "one bar, its headline and how many sources tell it") or "events"
flt = current.filter
options = {"lane_by": lane_by, "date_from": flt.date_from, "date_to": flt.date_to, "draw": draw, **current.shown}
documents = current.documents()


def _clicked(value: dict) -> None:
    if value["kind"] == "bar":
        drilldown.open_item(value["id"])
    elif lane_by == "actor":
        sidebar.narrow_to_actor(value["lane"])
    else:
        sidebar.narrow_to_document(value["lane"], dict(zip(documents["doc_id"], documents["title"])))


# plotGlPixelRatio 1: any WebGL trace is drawn at screen resolution, not twice it (plotly's
# default), a quarter of the pixels to fill on every redraw; bars need no sub-pixel sharpness.
live_plot(current.figure_spec("timeline", **options), key="timeline_chart", on_click=_clicked,
          config={"scrollZoom": True, "displaylogo": False, "plotGlPixelRatio": 1})
st.caption("Click a bar for the facts behind it; click a lane's name to filter every page by it.")
drilldown.show(current, draw)
st.caption("Download the timeline")
text = downloads.export_text(current, "timeline", **current.shown)
downloads.figure_buttons(current, "timeline", f"timeline-{draw}-by-{lane_by}", text, **options)

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
