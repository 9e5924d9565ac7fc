"""Data page: the facts passing the filters as a sortable table, with downloads."""

import streamlit as st

from dashboard.app import downloads, view

current = view.current()
facts = current.facts()
COLUMNS = ["start", "end", "value", "timex_text", "status", "actors", "sentence", "title", "type",
           "granularity", "event", "dct", "lang", "doc_id", "fact_id"]
st.caption("Click a column header to sort; the sidebar's \"Text contains\" searches the sentences, "
           "and the table's own search box (top right of the table) searches every cell.")
st.dataframe(facts[[c for c in COLUMNS if c in facts.columns]], hide_index=True, width="stretch",
             key="data_table", column_config={
                 "start": st.column_config.DatetimeColumn("from", format="YYYY-MM-DD HH:mm"),
                 "end": st.column_config.DatetimeColumn("until (excl.)", format="YYYY-MM-DD HH:mm"),
                 "timex_text": "expression",
                 "actors": st.column_config.ListColumn("actors"),
                 "dct": st.column_config.DateColumn("published"),
             })
st.caption("Download the facts shown")
downloads.data_buttons(current)
