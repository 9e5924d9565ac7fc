"""Entry script of the Streamlit dashboard, run by ``fact-timeline serve``.

It draws what every page shares (the filter sidebar and the count of facts passing it), then
hands over to the page the user chose. Pages live in ``screens/``, one module each.
"""

import os

import streamlit as st

from dashboard.app import access, cache, editing, url_dates
from dashboard.app.page_errors import STORE_ERRORS, show_store_error
from dashboard.app.serve import DEMO_ENV
from dashboard.app.display import display_sidebar
from dashboard.app.sidebar import filter_sidebar
from dashboard.app.view import View

# An emoji icon: a :material/...: one makes the browser fetch it from fonts.gstatic.com.
st.set_page_config(page_title="fact-timeline", page_icon="🗓️", layout="wide")

PAGES = [
    st.Page("screens/timeline.py", title="Timeline", icon=":material/timeline:", default=True),
    st.Page("screens/story.py", title="Story", icon=":material/format_list_bulleted:", url_path="story"),
    st.Page("screens/charts.py", title="Charts", icon=":material/bar_chart:", url_path="charts"),
    st.Page("screens/documents.py", title="Documents", icon=":material/article:", url_path="documents"),
    st.Page("screens/data.py", title="Data", icon=":material/table:", url_path="data"),
    st.Page("screens/actors.py", title="Actors", icon=":material/group:", url_path="actors"),
]
# Only where the dashboard may write (not with serve --read-only): see editing.writable.
ADD_PAGE = st.Page("screens/add.py", title="Add articles", icon=":material/upload_file:", url_path="add")

if not access.allowed():  # a shared dashboard: nothing of the store before the password
    st.stop()
for notice in url_dates.out_of_range(st.query_params):
    st.warning(notice, icon=":material/date_range:")
db = cache.db_path()
try:
    version = cache.version(db)
    documents = cache.documents(db, version)
    flt = filter_sidebar(cache.actor_kinds(db, version), dict(zip(documents["doc_id"], documents["title"])))
    view = View(db, version, flt)
    view = view.showing(*display_sidebar(*view.hidden_counts()))
except STORE_ERRORS as exc:
    show_store_error(exc, db)
    st.stop()
view.publish()
page = st.navigation([*PAGES, ADD_PAGE] if editing.writable() else PAGES)
editing.show_done()
if os.environ.get(DEMO_ENV):
    st.info(f"This is the **demo**: the bundled sample articles (six of them written for this project), in a store of "
            f"their own ({db}). Your own articles go into your own store: `fact-timeline ingest FILES`, then "
            "`fact-timeline serve`, which opens it.", icon=":material/science:")
try:
    passing, total = view.count(), view.total_facts()
    st.markdown(f"**{passing:,}** of {total:,} facts pass the filters", help="Filters are in the sidebar; "
                "the address bar keeps them, so this view can be bookmarked.")
    page.run()
except STORE_ERRORS as exc:
    show_store_error(exc, db)
