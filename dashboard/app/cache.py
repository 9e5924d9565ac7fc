"""Every read the dashboard makes, cached on the store's version.

A Streamlit page reruns on each click; re-querying DuckDB and rebuilding figures each time would
make a filter change slow on a large store. Each function takes the store path and its
``version()`` as its first arguments, so the cache serves repeat views and misses exactly when
the content changed (an upload here, or a CLI ``ingest`` into the same file).

What pages render (counts, HTML, figures, files) is cached with ``st.cache_data``. The fact
frames behind them are held once with ``st.cache_resource`` instead: ``st.cache_data`` hands
out a fresh copy on every hit, which for 100,000 facts with list columns costs half a second a
run. Callers treat those frames as read-only.
"""

from __future__ import annotations

import os
from typing import Any

import numpy as np
import pandas as pd
import streamlit as st

from dashboard.plain import for_people
from dashboard.app.serve import DB_ENV
from dashboard.paths import default_db_path
from dashboard.store.filters import FactFilter, apply_filter

# Data exports meant for people (TimelineJS slides, chart tables) get neutral text; CSV, JSON and Parquet keep
# every character as stored.
PEOPLE_FORMATS = ("timelinejs", "timelinejs-csv", "chart-csv")
Options = tuple[tuple[str, Any], ...]  # chart keyword arguments, hashable for the cache


def db_path() -> str:
    return os.environ.get(DB_ENV) or str(default_db_path())


@st.cache_resource(show_spinner=False)
def store(db: str):
    from dashboard.store import FactStore

    return FactStore(db)


def version(db: str) -> str:
    return store(db).version()


IN_MEMORY_LIMIT = 250_000  # facts; a larger store answers every filter with a DuckDB query


@st.cache_resource(show_spinner=False, max_entries=8)
def facts(db: str, version: str, flt: FactFilter) -> pd.DataFrame:
    """The facts passing ``flt``: shared between sessions, never to be modified.

    Up to IN_MEMORY_LIMIT facts, a filter is applied in pandas to the cached frame of all facts
    (which the unfiltered first view loads anyway), two to ten times faster than a new query.
    """
    if flt == FactFilter() or _too_big(db, version):
        return store(db).facts(flt)
    return apply_filter(facts(db, version, FactFilter()), flt).reset_index(drop=True)


def _too_big(db: str, version: str) -> bool:
    """Whether the store holds more than IN_MEMORY_LIMIT facts (filters then go to DuckDB)."""
    return documents(db, version)["n_facts"].sum() > IN_MEMORY_LIMIT


@st.cache_resource(show_spinner=False, max_entries=2)
def _plain_store(db: str, version: str) -> bool:
    """Whether no stored fact holds a bidirectional control where people read it (documents
    are neutral already): then every frame read from the store is, and needs no scan."""
    every = facts(db, version, FactFilter())
    return for_people(every) is every


def _for_people(db: str, version: str, frame: pd.DataFrame) -> pd.DataFrame:
    """``for_people`` of a frame read from this store, free where the whole store is plain
    (the common case: a filter change then skips scanning tens of thousands of sentences)."""
    return frame if _plain_store(db, version) else for_people(frame)


@st.cache_data(show_spinner=False, max_entries=8)
def facts_with_hidden(db: str, version: str, doc_ids: tuple[str, ...]) -> pd.DataFrame:
    """The facts of these documents including those the user hid (``hidden`` column)."""
    return store(db).facts(FactFilter(doc_ids=doc_ids), include_hidden=True)


@st.cache_data(show_spinner=False, max_entries=64)
def fact_count(db: str, version: str, flt: FactFilter) -> int:
    return len(facts(db, version, flt))


@st.cache_data(show_spinner=False, max_entries=32)
def fact_list(db: str, version: str, flt: FactFilter, page: int = 1, show_vague: bool = False,
              show_reports: bool = False, vague_only: bool = False) -> str:
    """One page of the facts the timeline draws (or, with ``vague_only``, of those it leaves
    out) as HTML grouped by period (see markup.fact_list)."""
    from dashboard.app.markup import fact_list as html_list

    return html_list(_for_people(db, version, list_facts(db, version, flt, show_vague, show_reports, vague_only)), page=page)


def list_facts(db: str, version: str, flt: FactFilter, show_vague: bool, show_reports: bool,
               vague_only: bool = False) -> pd.DataFrame:
    from dashboard.charts.frame import on_the_axis

    every = facts(db, version, flt)
    shown, _, _ = on_the_axis(every, show_vague=show_vague, show_reports=show_reports)
    return every.drop(index=shown.index) if vague_only else shown


@st.cache_data(show_spinner=False, max_entries=32)
def hidden_counts(db: str, version: str, flt: FactFilter) -> tuple[int, int]:
    """(vague or undated facts, facts dated only by their report) passing ``flt``: what the
    time charts leave out by default."""
    from dashboard.charts.frame import on_the_axis

    _, vague, reports = on_the_axis(facts(db, version, flt))
    return vague, reports


@st.cache_data(show_spinner=False, max_entries=32)
def chart_text(db: str, version: str, flt: FactFilter, show_vague: bool = False, show_reports: bool = False):
    """The default title, note and source line of a published chart of these facts."""
    from dashboard.export.captions import default_text

    titles = dict(zip(documents(db, version)["doc_id"], documents(db, version)["title"]))
    return default_text(flt, _for_people(db, version, facts(db, version, flt)), titles=titles, show_vague=show_vague, show_reports=show_reports)


@st.cache_resource(show_spinner=False, max_entries=2)
def documents(db: str, version: str) -> pd.DataFrame:
    """Every stored document with its text: shared, never to be modified. Titles and sources
    are neutral (plain.for_people); the text is as written."""
    return for_people(store(db).documents())


@st.cache_data(show_spinner=False, max_entries=4)
def actor_table(db: str, version: str) -> pd.DataFrame:
    """Every actor after the user's corrections, most facts first (see FactStore.actor_table)."""
    return store(db).actor_table()


def actors(db: str, version: str) -> list[str]:
    return actor_table(db, version)["name"].tolist()


def actor_kinds(db: str, version: str) -> dict[str, str]:
    """Actor name -> kind, most facts first: what the sidebar groups its actor filter by."""
    table = actor_table(db, version)
    return dict(zip(table["name"], table["kind"]))


@st.cache_data(show_spinner=False, max_entries=4)
def rejected_actors(db: str, version: str) -> pd.DataFrame:
    return store(db).actor_corrections.rejected()


@st.cache_data(show_spinner=False, max_entries=4)
def actor_corrections_csv(db: str, version: str) -> bytes:
    """The user's actor corrections as the ``--actors`` CSV (UTF-8 with a BOM, for spreadsheets)."""
    return store(db).actor_corrections.to_csv().encode("utf-8-sig")


@st.cache_data(show_spinner=False, max_entries=16)
def actor_mentions(db: str, version: str, doc_id: str) -> list[tuple[int, int, str]]:
    """Where the actors of one document are named: (start, end, name as corrected by the user;
    names marked not an actor left out)."""
    from dashboard.actors import find_actors

    docs = documents(db, version)
    doc = docs[docs["doc_id"] == doc_id].iloc[0]
    resolve = store(db).actor_corrections.resolver()
    found = ((m.start, m.end, resolve(m.actor.name)) for m in find_actors(str(doc["text"]), str(doc["lang"])))
    return [(start, end, name) for start, end, name in found if name is not None]


@st.cache_resource(show_spinner=False, max_entries=8)
def events(db: str, version: str, flt: FactFilter) -> pd.DataFrame:
    """The events with a fact passing ``flt`` (EVENT_COLUMNS, and the ``title`` and ``source`` of
    the article that first reported each, for lanes per document): shared, never to be modified.

    An event passes when one of its facts does and is described by all of them, so a filtered
    list is the unfiltered one (which the first view loads anyway) cut to the events of the
    facts passing: up to IN_MEMORY_LIMIT facts that is taken in memory, ten times faster than
    the store's query, which groups every matching event's facts again.
    """
    if flt != FactFilter() and not _too_big(db, version):
        rows = event_row_of_fact(db, version).reindex(facts(db, version, flt)["fact_id"]).dropna()
        return events(db, version, FactFilter()).take(np.unique(rows.to_numpy(dtype="int64"))).reset_index(drop=True)
    found = store(db).events(flt)
    docs = documents(db, version).set_index("doc_id")
    first = found["doc_ids"].map(lambda ids: ids[0] if len(ids) else "")
    return found.assign(title=first.map(docs["title"]).fillna(""), source=first.map(docs["source"]).fillna(""))


@st.cache_resource(show_spinner=False, max_entries=2)
def event_row_of_fact(db: str, version: str) -> pd.Series:
    """fact_id -> the row of its event in the unfiltered events, for every fact the dashboard
    shows. Rows, not event ids: taking sorted row numbers keeps the events' order and costs a
    fifth of matching 20,000 event ids against 50,000 strings."""
    ids = events(db, version, FactFilter())["fact_ids"].reset_index(drop=True).explode().dropna()
    return pd.Series(ids.index.to_numpy(dtype="int64"), index=ids.to_numpy())


@st.cache_data(show_spinner=False, max_entries=16)
def event_facts(db: str, version: str, event_id: str) -> pd.DataFrame:
    """The facts of one event, earliest report first: what a click on its bar opens."""
    return store(db).event_facts(event_id)


def drawn(db: str, version: str, flt: FactFilter, draw: str = "facts") -> pd.DataFrame:
    """What a time chart draws: the events (``draw="events"``) or the facts passing ``flt``."""
    return events(db, version, flt) if draw == "events" else facts(db, version, flt)


@st.cache_data(show_spinner=False, max_entries=64)
def figure(db: str, version: str, flt: FactFilter, chart: str, options: Options = ()):
    """A chart of the filtered facts; an option ``draw="events"`` draws their events instead."""
    from dashboard.charts import CHARTS

    kwargs = dict(options)
    return CHARTS[chart](_for_people(db, version, drawn(db, version, flt, kwargs.pop("draw", "facts"))), **kwargs)


@st.cache_data(show_spinner=False, max_entries=32)
def figure_spec(db: str, version: str, flt: FactFilter, chart: str, options: Options = ()) -> str:
    """The figure as plotly JSON, for the live plot frame."""
    return figure(db, version, flt, chart, options).to_json()


@st.cache_data(show_spinner=False, max_entries=32)
def figure_file(db: str, version: str, flt: FactFilter, chart: str, options: Options, fmt: str, text=None) -> bytes:
    """The chart as a file, with its title, subtitle, note and source line (a ChartText)."""
    from dashboard.charts.text import with_text
    from dashboard.export import figure_bytes

    return figure_bytes(with_text(figure(db, version, flt, chart, options), text), fmt)


@st.cache_data(show_spinner=False, max_entries=16)
def data_file(db: str, version: str, flt: FactFilter, fmt: str, options: Options = ()) -> bytes:
    """The filtered facts in ``fmt``; ``draw="events"`` makes the reader's files (TimelineJS,
    its sheet, the chart CSV) one slide per event."""
    from dashboard.export import data_bytes

    kwargs = dict(options)
    rows = drawn(db, version, flt, kwargs.pop("draw", "facts"))
    return data_bytes(_for_people(db, version, rows) if fmt in PEOPLE_FORMATS else rows, fmt, **kwargs)


@st.cache_data(show_spinner=False, max_entries=16)
def story(db: str, version: str, flt: FactFilter, n_dates: int, n_sentences: int) -> list:
    """The key dates of the filtered facts (:func:`dashboard.events.story.story_dates`)."""
    from dashboard.events.story import story_dates

    return story_dates(store(db), flt, n_dates, n_sentences)
