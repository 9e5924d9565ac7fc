"""Data page: the facts passing the filters as a sortable table, with downloads."""

import streamlit as st

from dashboard.app import downloads, view
from dashboard.charts.dates import plain_dates

current = view.current()
facts = current.facts()
if len(facts):
    facts = facts.assign(when=plain_dates(facts))
COLUMNS = ["when", "timex_text", "status", "actors", "sentence", "title", "value", "start", "end", "type",
           "granularity", "dating", "event", "dct", "lang", "doc_id", "fact_id"]
st.caption("Click a column header to sort; the sidebar's \"Text contains\" searches the sentences, "
           "and the table's own search box (top right of the table) searches every cell.")
st.dataframe(facts[[c for c in COLUMNS if c in facts.columns]], hide_index=True, width="stretch",
             key="data_table", column_config={
                 "when": st.column_config.TextColumn("date", help="the date in words"),
                 "value": st.column_config.TextColumn("TIMEX3", help="the normalised value (details)"),
                 "start": st.column_config.DatetimeColumn("from", format="YYYY-MM-DD HH:mm"),
                 "end": st.column_config.DatetimeColumn("until (excl.)", format="YYYY-MM-DD HH:mm"),
                 "timex_text": "expression",
                 "actors": st.column_config.ListColumn("actors"),
                 "dct": st.column_config.DateColumn("published"),
             })
st.caption("Download the facts shown: CSV, JSON and Parquet hold every fact with its codes; TimelineJS, "
           "its sheet and the chart CSV hold what the timeline shows, one slide per happening")
text = downloads.export_text(current, "data", **current.shown)
downloads.data_buttons(current, title=text.title, subtitle=text.subtitle or None, **current.shown)
