"""The events benchmark runs end to end on small sizes (its figures come from
`fact-timeline bench --suite events`)."""

from dashboard.benchmarks.events import ingest_side_by_side, recompute, summary


def test_recompute_groups_look_alike_facts_into_events():
    result = recompute(n_facts=2_000, repeat=1)
    assert result["n_facts"] == 2_000
    assert 0 < result["n_events"] < 2_000 and result["multi_fact_events"] > 0
    assert result["recompute_s"] > 0


def test_ingest_is_timed_with_and_without_events_and_summarised():
    side = ingest_side_by_side(n_articles=4, rounds=1)
    assert side["with_events"]["articles_per_s"] > 0 and side["without_events"]["articles_per_s"] > 0
    lines = summary({"recompute": recompute(n_facts=500, repeat=1), "ingest_side_by_side": side})
    assert lines[0].startswith("events of 500 facts recomputed in") and "without events" in lines[1]
