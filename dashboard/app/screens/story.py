"""Story page: the key dates of the filtered facts as a vertical timeline, each day with the
sentences that say what happened and links to its articles; downloadable as Markdown and HTML."""

from urllib.parse import quote

import streamlit as st

from dashboard.app import view
from dashboard.app.cache import story
from dashboard.events.story import render, story_fragment

current = view.current()
documents = current.documents()
left, middle, right = st.columns([1, 1, 3])
n_dates = left.number_input("Key dates", min_value=1, max_value=100, value=10, step=1, key="story_dates")
n_sentences = middle.number_input("Sentences per day", min_value=1, max_value=10, value=2, step=1, key="story_sentences")
title = right.text_input("Title", value="Key dates", key="story_title")
dates = story(current.db, current.version, current.filter, int(n_dates), int(n_sentences))
if not dates:
    st.info("No day is dated by the facts passing the filters: widen the filters or add articles.")
    st.stop()
sources = {d: {"title": t or d, "source": s or ""} for d, t, s in zip(documents["doc_id"], documents["title"], documents["source"])}
st.caption("Days ranked by what the articles say about them: how many point at the day, and how many "
           "appeared on it. Each source opens on the Documents page.")
st.html(story_fragment(dates, sources, lambda doc_id: f"documents?doc={quote(doc_id)}"))
one, two = st.columns(2)
one.download_button("Markdown", render(dates, "md", sources, title), file_name="story.md", mime="text/markdown")
two.download_button("HTML", render(dates, "html", sources, title), file_name="story.html", mime="text/html")
