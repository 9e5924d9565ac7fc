"""The controls that change the store from the dashboard: delete a document, hide a fact,
correct a fact's date or status. Each calls one store method and reruns, so every page (and
every cache, keyed on the store's version) shows the change at once. Hidden where the
dashboard is read-only."""

from __future__ import annotations

import os

import pandas as pd
import streamlit as st

from dashboard.app.serve import READ_ONLY_ENV
from dashboard.charts.dates import plain_date
from dashboard.facts.schema import STATUSES
from dashboard.plain import md, neutral
from dashboard.store.corrections import CorrectionError, date_correction, status_correction

DONE = "_edit_done"


def writable() -> bool:
    """Whether this dashboard may change its store (not where it is served read-only)."""
    return os.environ.get(READ_ONLY_ENV, "").lower() not in ("1", "true", "yes")


def show_done() -> None:
    """The outcome of the last change, once, after the rerun it caused."""
    if message := st.session_state.pop(DONE, None):
        st.success(message, icon=":material/check_circle:")


def _done(message: str) -> None:
    st.session_state[DONE] = message
    st.rerun()


def delete_control(store, doc_id: str, title: str, n_facts: int) -> None:
    """Delete one document and its facts, after the user ticks that they mean it."""
    st.write(f"Removes “{md(title)}” and its {n_facts} facts (and your corrections of them) from the store. "
             "Adding the article again brings its facts back.")
    sure = st.checkbox("Yes, delete this document", key=f"delete-sure-{doc_id}")
    if st.button("Delete document", key=f"delete-{doc_id}", type="primary", disabled=not sure,
                 icon=":material/delete:"):
        store.remove([doc_id])
        _done(f"Deleted “{md(title)}” and its {n_facts} facts.")


def _fact_words(row) -> str:
    hidden = " [hidden]" if bool(getattr(row, "hidden", False)) else ""
    fixed = " [corrected]" if bool(getattr(row, "corrected", False)) else ""
    sentence = str(row.sentence)
    return neutral(f"{row.timex_text} · {plain_date(row.value, row.mod, row.dct)}{fixed}{hidden} · {sentence[:70]}")


def fact_editor(store, facts: pd.DataFrame, dct, key: str) -> None:
    """Pick a fact of the document; hide or show it, set its date (a TIMEX3 value) or status,
    or undo every correction of it."""
    if facts.empty:
        st.caption("This document has no facts.")
        return
    rows = {row.fact_id: row for row in facts.itertuples(index=False)}
    fact_id = st.selectbox("Fact", list(rows), key=f"{key}-fact", format_func=lambda f: _fact_words(rows[f]))
    row = rows[fact_id]
    st.caption(f"Extracted as “{md(row.timex_text)}” = {md(row.value)} ({row.status}); dates are TIMEX3 values: "
               "2025-10-03, 2025-10, 2025-W27, 2026-Q1, 2026")
    left, right = st.columns(2)
    value = left.text_input("Date", value=str(row.value or ""), key=f"{key}-value-{fact_id}")
    status = right.selectbox("Status", list(STATUSES), index=list(STATUSES).index(row.status) if row.status in STATUSES else 0,
                             key=f"{key}-status-{fact_id}")
    save, hide, undo = st.columns(3)
    if save.button("Save correction", key=f"{key}-save-{fact_id}", icon=":material/save:"):
        try:
            if value.strip() and value.strip() != str(row.value):
                store.correct(date_correction(fact_id, value, None if pd.isna(dct) else pd.Timestamp(dct).date()))
            if status != row.status:
                store.correct(status_correction(fact_id, status))
        except CorrectionError as exc:
            st.error(str(exc))
        else:
            _done(f"Corrected “{md(row.timex_text)}”: {md(plain_date(value, None, dct))}, {status}.")
    hidden = bool(getattr(row, "hidden", False))
    if hide.button("Show again" if hidden else "Hide this fact", key=f"{key}-hide-{fact_id}",
                   icon=":material/visibility:" if hidden else ":material/visibility_off:"):
        (store.unhide if hidden else store.hide)(fact_id)
        _done(f"“{md(row.timex_text)}” is {'shown again' if hidden else 'hidden from every page and export'}.")
    if undo.button("Undo corrections", key=f"{key}-undo-{fact_id}", icon=":material/undo:",
                   disabled=not (bool(getattr(row, "corrected", False)) or hidden)):
        store.undo_correction(fact_id)
        _done(f"“{md(row.timex_text)}” reads as extracted again.")
