"""Add articles page: upload files or paste text; the facts are extracted, stored and shown."""

import streamlit as st

from dashboard.app import adding, view

LANGUAGES = {"": "detect from the text", "de": "German", "en": "English"}
RESULT = "_last_added"

current = view.current()


def show(result: adding.Added) -> None:
    for problem in result.problems:
        st.error(problem, icon=":material/error:")
    for note in result.notes:
        st.warning(note, icon=":material/event_busy:")
    if result.documents:
        st.success(f"Added {len(result.documents)} article(s): {', '.join(result.documents.values())}. "
                   f"{result.summary}", icon=":material/check_circle:")
        new = current.facts_of(*result.documents)
        st.markdown(f"**{len(new)}** facts found in them:")
        st.dataframe(new[["value", "timex_text", "status", "actors", "sentence", "title"]], hide_index=True,
                     width="stretch", key="added_facts")
    elif not result.problems:
        st.info(result.summary)


def remember(result: adding.Added) -> None:
    """Keep the outcome for the rerun that follows, which shows the new counts everywhere."""
    st.session_state[RESULT] = result
    st.rerun()


if RESULT in st.session_state:
    show(st.session_state.pop(RESULT))

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
            remember(adding.add_files(current.store(), [(f.name, f.getvalue()) for f in files],
                                      dct, lang or None))

with paste_tab, st.form("paste_form"):
    title = st.text_input("Title", key="paste_title")
    text = st.text_area("Article text", height=240, key="paste_text")
    left, right = st.columns(2)
    dct = left.date_input("Publication date", value=None, key="paste_dct")
    lang = right.selectbox("Language", list(LANGUAGES), format_func=LANGUAGES.get, key="paste_lang")
    if st.form_submit_button("Store the text", type="primary"):
        remember(adding.add_text(current.store(), text, title, dct, lang or None))
