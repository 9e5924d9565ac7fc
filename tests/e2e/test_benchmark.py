"""The dashboard benchmark runs end to end on a small store (its figures are not judged here)."""

from dashboard.benchmarks.dashboard import run_dashboard, synthetic_store
from dashboard.store import FactStore


def test_the_synthetic_store_holds_what_was_asked(tmp_path):
    synthetic_store(tmp_path / "facts.duckdb", n_facts=3_000, n_docs=50)
    store = FactStore(tmp_path / "facts.duckdb")
    facts = store.facts()
    assert len(facts) == 3_000 and len(store.documents()) <= 50
    assert (facts["end"] > facts["start"]).all() and facts["actors"].map(len).min() >= 1
    assert store.actors()[0] == "Donald Trump"  # the most frequent, as weighted


def test_run_dashboard_measures_every_filter_change():
    result = run_dashboard(n_facts=1_000, repeats=1)
    assert result["facts"] == 1_000
    for key in ("filter_change_s", "back_to_all_facts_s", "filter_change_cached_s"):
        assert all(seconds > 0 for seconds in result[key]["runs"])
    assert result["first_page_s"] > 0 and isinstance(result["meets_goal"], bool)
    every = result["every_change_s"]
    assert len(every["runs"]) == 6 and every["min"] <= every["median"] <= every["p95"] <= every["max"]
    assert result["timeline_draws"].endswith("events on the timeline")
