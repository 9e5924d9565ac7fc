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


@pytest.mark.parametrize("flt", FILTERS, ids=str)
def test_filtered_events_cut_from_every_event_are_the_store_s(store_path, flt, monkeypatch):
    db = str(store_path)
    version = cache.version(db)
    expected = FactStore(store_path).events(flt)
    columns = ["event_id", "label", "n_facts", "n_documents", "fact_ids", "doc_ids", "actors", "status"]
    in_memory = cache.events(db, version, flt)
    assert in_memory[columns].to_dict("records") == expected[columns].to_dict("records")
    assert expected.empty or set(in_memory["title"]) <= set(cache.documents(db, version)["title"])
    monkeypatch.setattr(cache, "IN_MEMORY_LIMIT", 0)  # the store's own query
    by_query = cache.events.__wrapped__(db, version, flt)
    assert by_query[columns].to_dict("records") == expected[columns].to_dict("records")
