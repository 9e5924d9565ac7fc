"""Documents page: an article with its temporal expressions and actors marked, its facts linked
to their place in the text; and the user's say over the store: delete the article, hide a fact,
correct a fact's date or status."""

import pandas as pd
import streamlit as st

from dashboard import plain
from dashboard.app import editing, markup, view
from dashboard.charts.dates import day_text

current = view.current()
documents = current.documents()
passing = current.facts()
with_facts = set(passing["doc_id"])
choices = [d for d in documents["doc_id"] if d in with_facts] or list(documents["doc_id"])
titles = dict(zip(documents["doc_id"], documents["title"]))
if not choices:
    st.info("The store holds no documents yet: add some on the Add articles page.")
    st.stop()
# ?article= names a document by its id (the links of the Timeline and the Story say
# documents?article=ID); a bound selectbox would only take its displayed title there.
asked = st.query_params.get("article")
if asked in choices and st.session_state.get("article") != asked:
    st.session_state["article"] = asked


def _show_chosen() -> None:
    st.query_params["article"] = st.session_state["article"]


doc_id = st.selectbox("Document", choices, key="article", on_change=_show_chosen, format_func=lambda d: titles.get(d, d))
doc = documents[documents["doc_id"] == doc_id].iloc[0]
published = "date unknown" if pd.isna(doc["dct"]) else f"published {day_text(doc['dct'])}"
inferred = " (inferred from the text)" if doc["dct_inferred"] else ""
# The source is the uploader's text: a link only where it is a plain http(s) address, never Markdown.
facts_line = [plain.md(part) for part in (doc["lang"], published + inferred) if part]
st.caption(" · ".join([*facts_line, *([plain.source_md(doc["source"])] if plain.neutral(doc["source"]) else []),
                       f"id {plain.md(doc_id)}"]))
left, right = st.columns([3, 2])
with left:
    spans = markup.timex_spans(current.facts_of(doc_id)) + markup.actor_spans(current.actor_mentions(doc_id))
    st.html(markup.STYLE + markup.highlight(str(doc["text"]), spans))
with right:
    mine = passing[passing["doc_id"] == doc_id]
    st.markdown(f"**{len(mine)}** facts of this document pass the filters")
    st.html(markup.STYLE + markup.fact_list(mine, link=True, limit=200))
    if editing.writable():
        every = current.facts_of(doc_id, include_hidden=True)
        with st.expander("Correct or hide a fact", icon=":material/edit:"):
            editing.fact_editor(current.store(), every, doc["dct"], key=f"edit-{doc_id}")
        with st.expander("Delete this document", icon=":material/delete:"):
            editing.delete_control(current.store(), doc_id, titles.get(doc_id, doc_id), int(doc["n_facts"]))
