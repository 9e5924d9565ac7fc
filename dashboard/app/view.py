"""What every page shows: one version of the store seen through the sidebar's filter.

The entry script builds the View once per run and publishes it; pages take it with
:func:`current` and ask it for facts, figures and files, all served from the cache.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import streamlit as st

from dashboard.app import cache
from dashboard.store.filters import FactFilter

_STATE_KEY = "_fact_timeline_view"


@dataclass(frozen=True)
class View:
    db: str
    version: str
    filter: FactFilter

    def facts(self) -> pd.DataFrame:
        return cache.facts(self.db, self.version, self.filter)

    def count(self) -> int:
        return cache.fact_count(self.db, self.version, self.filter)

    def fact_list(self) -> str:
        return cache.fact_list(self.db, self.version, self.filter)

    def documents(self) -> pd.DataFrame:
        return cache.documents(self.db, self.version)

    def facts_of(self, *doc_ids: str) -> pd.DataFrame:
        """Every fact of these documents, whatever the filter (to mark a whole article, or to
        show what an upload added)."""
        return cache.facts(self.db, self.version, FactFilter(doc_ids=doc_ids))

    def store(self):
        return cache.store(self.db)

    def actor_mentions(self, doc_id: str) -> list[tuple[int, int, str]]:
        return cache.actor_mentions(self.db, self.version, doc_id)

    def figure(self, chart: str, **options):
        return cache.figure(self.db, self.version, self.filter, chart, tuple(sorted(options.items())))

    def figure_spec(self, chart: str, **options) -> str:
        return cache.figure_spec(self.db, self.version, self.filter, chart, tuple(sorted(options.items())))

    def figure_file(self, chart: str, fmt: str, **options) -> bytes:
        return cache.figure_file(self.db, self.version, self.filter, chart, tuple(sorted(options.items())), fmt)

    def data_file(self, fmt: str) -> bytes:
        return cache.data_file(self.db, self.version, self.filter, fmt)

    def total_facts(self) -> int:
        return int(self.documents()["n_facts"].sum())

    def publish(self) -> None:
        st.session_state[_STATE_KEY] = self


def current() -> View:
    return st.session_state[_STATE_KEY]
