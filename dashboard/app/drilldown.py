"""The facts behind one bar of the Timeline: a click opens them under the chart.

What is open lives in the URL (``?open=EVENT_OR_FACT_ID``), so a shared link or the browser's
Back shows the same; an event opens with every fact that states it, from every source, each
linking to its article on the Documents page.
"""

from __future__ import annotations

from urllib.parse import quote

import streamlit as st

from dashboard import plain
from dashboard.app import cache, markup
from dashboard.app.view import View

PARAM = "open"
SHOWN = 100  # facts of one event listed; a larger one says how many more


def open_item(item_id: str) -> None:
    """Open a bar's facts (from a click callback): an event id where events are drawn, else a
    fact id; :func:`show` reads it the way the Timeline draws."""
    st.query_params[PARAM] = item_id


def close() -> None:
    if PARAM in st.query_params:
        del st.query_params[PARAM]


def show(view: View, draw: str) -> None:
    """The open bar's headline, its sources and its facts, with a button that closes it."""
    item_id = st.query_params.get(PARAM)
    if not item_id:
        return
    if draw == "events":
        facts = cache.event_facts(view.db, view.version, item_id)
    else:
        every = view.facts()
        facts = every[every["fact_id"] == item_id]
    if facts.empty:  # a link to what is no longer stored, or drawn the other way
        return
    n_docs = facts["doc_id"].nunique()
    label = next((str(v) for v in facts["label"] if isinstance(v, str) and v.strip()), "")
    with st.container(border=True, key="drilldown"):
        head, button = st.columns([5, 1])
        noun = "event" if draw == "events" else "fact"
        head.markdown(f"**{plain.md(label) if label else 'This ' + noun}**: {len(facts)} {'fact' if len(facts) == 1 else 'facts'} "
                      f"from {n_docs} {'source' if n_docs == 1 else 'sources'}")
        button.button("Close", key="drilldown_close", on_click=close, icon=":material/close:", width="stretch")
        st.html(markup.STYLE + markup.fact_list(facts, limit=SHOWN))
        titles = facts.drop_duplicates("doc_id")[["doc_id", "title"]]
        st.markdown(" · ".join(
            f"[{plain.md(title or doc_id)}](documents?article={quote(str(doc_id))})"
            for doc_id, title in titles.itertuples(index=False)
        ))
