"""The dashboard's cached reads give what the store's own queries give."""

from datetime import date

import pytest

from dashboard.app import cache
from dashboard.store import FactFilter, FactStore

FILTERS = [
    FactFilter(),
    FactFilter(actors=("NATO",)),
    FactFilter(actors=("Donald Trump", "Marco Rubio"), actor_mode="any"),
    FactFilter(actors=("Donald Trump", "Alexander Stubb"), actor_mode="all"),
    FactFilter(date_from=date(2025, 11, 1), date_to=date(2025, 12, 31)),
    FactFilter(doc_ids=("summit-en",), statuses=("future",)),
    FactFilter(types=("TIME",)),
    FactFilter(text="weißen haus"),
]


@pytest.mark.parametrize("flt", FILTERS, ids=str)
def test_filtered_in_memory_or_by_query_the_facts_are_the_store_s(store_path, flt, monkeypatch):
    db = str(store_path)
    version = cache.version(db)
    expected = FactStore(store_path).facts(flt)["fact_id"].tolist()
    assert cache.facts(db, version, flt)["fact_id"].tolist() == expected
    monkeypatch.setattr(cache, "IN_MEMORY_LIMIT", 0)  # every filter a DuckDB query
    assert cache.facts.__wrapped__(db, version, flt)["fact_id"].tolist() == expected
    assert cache.fact_count.__wrapped__(db, version, flt) == len(expected)
