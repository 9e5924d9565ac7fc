"""What every page shows: one version of the store seen through the sidebar's filter.

The entry script builds the View once per run and publishes it; pages take it with
:func:`current` and ask it for facts, figures and files, all served from the cache.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

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
    show_vague: bool = False
    show_reports: bool = False

    @property
    def shown(self) -> dict[str, bool]:
        """The display toggles as chart and export options."""
        return {"show_vague": self.show_vague, "show_reports": self.show_reports}

    def facts(self) -> pd.DataFrame:
        return cache.facts(self.db, self.version, self.filter)

    def count(self) -> int:
        return cache.fact_count(self.db, self.version, self.filter)

    def fact_list(self, page: int = 1, show_vague: bool = False, show_reports: bool = False,
                  vague_only: bool = False) -> str:
        return cache.fact_list(self.db, self.version, self.filter, page, show_vague, show_reports, vague_only)

    def list_size(self, show_vague: bool = False, show_reports: bool = False, vague_only: bool = False) -> int:
        return len(cache.list_facts(self.db, self.version, self.filter, show_vague, show_reports, vague_only))

    def hidden_counts(self) -> tuple[int, int]:
        return cache.hidden_counts(self.db, self.version, self.filter)

    def chart_text(self, show_vague: bool = False, show_reports: bool = False):
        return cache.chart_text(self.db, self.version, self.filter, show_vague, show_reports)

    def documents(self) -> pd.DataFrame:
        return cache.documents(self.db, self.version)

    def facts_of(self, *doc_ids: str, include_hidden: bool = False) -> pd.DataFrame:
        """Every fact of these documents, whatever the filter (to mark a whole article, or to
        show what an upload added); with ``include_hidden`` also those the user hid."""
        if include_hidden:
            return cache.facts_with_hidden(self.db, self.version, doc_ids)
        return cache.facts(self.db, self.version, FactFilter(doc_ids=doc_ids))

    def store(self):
        return cache.store(self.db)

    def actor_table(self) -> pd.DataFrame:
        """Every actor after the user's corrections (name, kind, n_facts, n_documents, wikidata,
        role, forms, aliases, corrected), whatever the filter."""
        return cache.actor_table(self.db, self.version)

    def rejected_actors(self) -> pd.DataFrame:
        return cache.rejected_actors(self.db, self.version)

    def actor_corrections_csv(self) -> bytes:
        return cache.actor_corrections_csv(self.db, self.version)

    def actor_mentions(self, doc_id: str) -> list[tuple[int, int, str]]:
        return cache.actor_mentions(self.db, self.version, doc_id)

    def figure(self, chart: str, **options):
        return cache.figure(self.db, self.version, self.filter, chart, tuple(sorted(options.items())))

    def figure_spec(self, chart: str, **options) -> str:
        return cache.figure_spec(self.db, self.version, self.filter, chart, tuple(sorted(options.items())))

    def figure_file(self, chart: str, fmt: str, text=None, **options) -> bytes:
        return cache.figure_file(self.db, self.version, self.filter, chart, tuple(sorted(options.items())), fmt, text)

    def data_file(self, fmt: str, **options) -> bytes:
        return cache.data_file(self.db, self.version, self.filter, fmt, tuple(sorted(options.items())))

    def total_facts(self) -> int:
        return int(self.documents()["n_facts"].sum())

    def showing(self, show_vague: bool, show_reports: bool) -> View:
        return replace(self, show_vague=show_vague, show_reports=show_reports)

    def publish(self) -> None:
        st.session_state[_STATE_KEY] = self


def current() -> View:
    return st.session_state[_STATE_KEY]
