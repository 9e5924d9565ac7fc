"""The filter sidebar shared by every page, kept in step with the URL query string.

On a session's first run the widgets start from the query string (a bookmarked view opens as it
was saved), and again after the browser's Back or Forward (so Back undoes a filter change);
otherwise the widgets lead and every run writes the filter back to the URL, one history entry
per change. A click on a chart (a lane, a bar, a heatmap cell) narrows the filter through
:func:`narrow_to_actor` and its siblings, from the chart's callback.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date

import streamlit as st

from dashboard.app import actor_filter, url
from dashboard.app.query import KEYS, filter_from_params, filter_to_params
from dashboard.facts.schema import FACT_TYPES, STATUSES
from dashboard.store.filters import FactFilter

# FactFilter field -> widget key in st.session_state ("filter_actors" holds the selection of all
# the actor groups, see actor_filter.py)
WIDGETS = {field: f"filter_{field}" for field in KEYS}
_SEEDED = "_filters_seeded"
_ACTORS_SET = "_filter_actors_set"
_ACTOR_NAMES = "_filter_actor_names"  # the actors the filter offers, for the click callbacks  # "filter_actors" was just set (URL, clear): it leads the groups
EARLIEST, LATEST = date(1800, 1, 1), date(2200, 12, 31)
MODE_LABELS = {"any": "any of them", "all": "all of them"}


def filter_sidebar(actors: Mapping[str, str] | Sequence[str], documents: Mapping[str, str]) -> FactFilter:
    """Draw the filters; ``actors`` maps each actor to its kind (most facts first; a plain list
    of names also works), ``documents`` doc_id to title. Returns the filter they set."""
    state = st.session_state
    kinds = actor_filter.as_kinds(actors)
    state[_ACTOR_NAMES] = list(kinds)
    if not state.get(_SEEDED) or url.is_history_navigation():  # a new session, or Back/Forward
        _seed(filter_from_params(url.params(), actors=kinds, doc_ids=documents))
        state[_SEEDED] = True
    if not state.pop(_ACTORS_SET, False):
        state[WIDGETS["actors"]] = actor_filter.chosen(state, kinds)
    # Options can shrink when a document is replaced: drop selections that no longer exist.
    for field, options in (("actors", kinds), ("doc_ids", documents)):
        known = set(options)
        state[WIDGETS[field]] = [v for v in state[WIDGETS[field]] if v in known]
    actor_filter.place(state, state[WIDGETS["actors"]], kinds)

    with st.sidebar:
        st.header("Filters")
        st.subheader("Actors")
        actor_filter.draw(kinds)
        st.radio("Facts naming", list(MODE_LABELS), key=WIDGETS["actor_mode"],
                 format_func=MODE_LABELS.get, horizontal=True)
        left, right = st.columns(2)
        left.date_input("From", key=WIDGETS["date_from"], min_value=EARLIEST, max_value=LATEST)
        right.date_input("To", key=WIDGETS["date_to"], min_value=EARLIEST, max_value=LATEST)
        st.multiselect("Documents", list(documents), key=WIDGETS["doc_ids"],
                       format_func=lambda doc_id: documents.get(doc_id, doc_id), placeholder="all documents")
        st.multiselect("Status", list(STATUSES), key=WIDGETS["statuses"], placeholder="any status")
        st.multiselect("Type", list(FACT_TYPES), key=WIDGETS["types"], placeholder="any type")
        st.text_input("Text contains", key=WIDGETS["text"], placeholder="words in the sentence")
        st.button("Clear filters", on_click=_seed, args=(FactFilter(),), width="stretch")

    flt = filter_from_params(filter_to_params(_from_widgets()))  # normalised like a URL
    _write_url(flt)
    return flt


def narrow_to_actor(actor: str) -> None:
    """Filter every page by one actor (from a click callback: a lane, a chart's bar or cell);
    the other filters stay. Unknown names ("12 other actors") change nothing."""
    if actor in _known_actors():
        _seed(replace(_from_widgets(), actors=(actor,), actor_mode="any"))


def narrow_to_document(label: str, titles: Mapping[str, str]) -> None:
    """Filter every page by the document whose lane ``label`` was clicked (its title, or
    "title [doc_id]" where titles repeat, or its id)."""
    plain = {doc_id: html.unescape(str(title or "")).strip() for doc_id, title in titles.items()}
    doc_ids = [d for d, title in plain.items() if label in (title, d, f"{title} [{d}]")]
    if len(doc_ids) == 1:
        _seed(replace(_from_widgets(), doc_ids=(doc_ids[0],)))


def narrow_to_period(date_from: date, date_to: date, actor: str | None = None) -> None:
    """Filter every page by a period (and an actor): a heatmap cell's month and row."""
    flt = replace(_from_widgets(), date_from=date_from, date_to=date_to)
    if actor in _known_actors():
        flt = replace(flt, actors=(actor,), actor_mode="any")
    _seed(flt)


def _known_actors() -> set[str]:
    return set(st.session_state.get(_ACTOR_NAMES, ()))


def _seed(flt: FactFilter) -> None:
    for field, key in WIDGETS.items():
        value = getattr(flt, field)
        st.session_state[key] = list(value) if isinstance(value, tuple) else value
    st.session_state[_ACTORS_SET] = True


def _from_widgets() -> FactFilter:
    state = st.session_state
    return FactFilter(**{
        field: tuple(state[key]) if isinstance(state[key], list) else state[key]
        for field, key in WIDGETS.items()
    })


def _write_url(flt: FactFilter) -> None:
    """Put the filter into the query string, leaving other parameters (a page's own) alone,
    in one message: a filter change is one step of the browser's history."""
    url.set_params(filter_to_params(flt), KEYS.values())
