"""What the time charts show besides the filter: vague references and report-dated statements.

PAST_REF, PRESENT_REF, FUTURE_REF ("früher", "jetzt", "ehemalige") and facts without an
interval stay in the data but are off the timeline and the period charts unless the reader
asks for them; so are statements dated only by their article's publication day. Both toggles
live in the sidebar, under the filters, and in the URL (``?vague=true``), so a shared view
shows the same bars.
"""

from __future__ import annotations

import streamlit as st

VAGUE_KEY, REPORTS_KEY = "vague", "reports"


def display_sidebar(hidden_vague: int, hidden_reports: int) -> tuple[bool, bool]:
    """Draw the two toggles with how many facts each one hides; returns (show_vague, show_reports)."""
    with st.sidebar:
        st.subheader("Time charts")
        vague = st.toggle("Show vague references", key=VAGUE_KEY, bind="query-params",
                          help="“recently”, “now”, “former” and facts without a place in time (PAST_REF, "
                               "PRESENT_REF, FUTURE_REF): kept in the data, left off the timeline and period charts")
        if not vague:
            st.caption(f"{hidden_vague:,} vague or undated facts hidden" if hidden_vague else "no vague facts match")
        reports = st.toggle("Show statements dated by their report", key=REPORTS_KEY, bind="query-params",
                            help="Sentences without a date of their own, placed on their article's publication "
                                 "day: when something was said, not when it happened")
        if not reports and hidden_reports:
            st.caption(f"{hidden_reports:,} statements dated only by their report hidden")
    return bool(vague), bool(reports)
