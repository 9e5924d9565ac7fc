"""Add articles page: upload files or paste text; the facts are extracted, stored and shown.

An article whose id is stored with other content is not replaced at once: the page lists such
articles and asks (replace them, store only the new ones, or store nothing).
"""

import streamlit as st

from dashboard import plain
from dashboard.app import adding, editing, view

LANGUAGES = {"": "detect from the text", "de": "German", "en": "English"}
RESULT = "_last_added"
PENDING = "_add_pending"  # (documents, problems) waiting for the user's answer about replacing

if not editing.writable():  # served --read-only: the navigation leaves this page out as well
    st.info("This dashboard is read-only: articles are added where the store is served writable, "
            "or with `fact-timeline ingest`.", icon=":material/lock:")
    st.stop()

current = view.current()


def show(result: adding.Added) -> None:
    for problem in result.problems:
        st.error(plain.md(problem), icon=":material/error:")
    for note in result.notes:
        st.warning(plain.md(note), icon=":material/event_busy:")
    if result.documents:
        st.success("  \n".join(result.messages(plain.md)), icon=":material/check_circle:")
        new = current.facts_of(*result.documents)
        st.markdown(f"**{len(new):,}** facts found in them:")
        st.dataframe(plain.for_people(new[["value", "timex_text", "status", "actors", "sentence", "title"]]),
                     hide_index=True, width="stretch", key="added_facts")
    elif result.unchanged:
        st.info("  \n".join(result.messages(plain.md)), icon=":material/info:")
    elif not result.problems:
        st.info(result.summary)


def remember(result: adding.Added) -> None:
    """Keep the outcome for the rerun that follows, which shows the new counts everywhere."""
    st.session_state[RESULT] = result
    st.rerun()


def store_or_ask(docs, problems) -> None:
    """Store at once, unless some articles would replace stored ones with other content."""
    if adding.replacing(current.store(), docs):
        st.session_state[PENDING] = (docs, problems)
        st.rerun()
    remember(adding.store_documents(current.store(), docs, problems))


def ask_about_replacing(docs, problems) -> None:
    clashes = adding.replacing(current.store(), docs)
    ids = {doc.doc_id for doc in clashes}
    names = plain.few(f"{doc.title or doc.doc_id} (id {doc.doc_id})" for doc in clashes)
    one = len(clashes) == 1
    st.warning(f"{'This article has' if one else f'These {len(clashes):,} articles have'} the id of a stored "
               f"document with other text: {plain.md(names)}. Storing {'it' if one else 'them'} replaces the stored "
               f"{'one' if one else 'ones'} and {'its' if one else 'their'} facts.", icon=":material/warning:")
    replace, keep, cancel = st.columns(3)
    if replace.button("Replace", type="primary", key="add-replace", icon=":material/swap_horiz:"):
        st.session_state.pop(PENDING, None)
        remember(adding.store_documents(current.store(), docs, problems))
    others = [doc for doc in docs if doc.doc_id not in ids]
    if keep.button("Keep the stored ones", key="add-keep", disabled=not others and not problems,
                   help="store only the articles that replace nothing"):
        st.session_state.pop(PENDING, None)
        remember(adding.store_documents(current.store(), others, problems))
    if cancel.button("Cancel", key="add-cancel"):
        st.session_state.pop(PENDING, None)
        st.rerun()


if RESULT in st.session_state:
    show(st.session_state.pop(RESULT))
if PENDING in st.session_state:
    ask_about_replacing(*st.session_state[PENDING])

upload_tab, paste_tab = st.tabs(["Upload files", "Paste text"])
with upload_tab, st.form("upload_form", clear_on_submit=True):
    files = st.file_uploader("Articles (.txt with optional front matter, .html, .jsonl with one article a line)",
                             type=list(adding.UPLOAD_TYPES), accept_multiple_files=True, key="upload_files")
    left, right = st.columns(2)
    dct = left.date_input("Publication date (when the files do not say)", value=None, key="upload_dct")
    lang = right.selectbox("Language", list(LANGUAGES), format_func=LANGUAGES.get, key="upload_lang")
    if st.form_submit_button("Store the files", type="primary"):
        if not files:
            st.warning("Choose at least one file first.")
        else:
            store_or_ask(*adding.read_files([(f.name, f.getvalue()) for f in files], dct, lang or None))

with paste_tab, st.form("paste_form"):
    title = st.text_input("Title", key="paste_title")
    text = st.text_area("Article text", height=240, key="paste_text")
    left, right = st.columns(2)
    dct = left.date_input("Publication date", value=None, key="paste_dct")
    lang = right.selectbox("Language", list(LANGUAGES), format_func=LANGUAGES.get, key="paste_lang")
    if st.form_submit_button("Store the text", type="primary"):
        store_or_ask(*adding.read_text(text, title, dct, lang or None))
