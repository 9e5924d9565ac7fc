"""The store benchmark runs end to end on small sizes (its figures come from `fact-timeline bench`)."""

from dashboard.benchmarks.store import ingest_speed, query_latency, synthetic_articles


def test_query_benchmark_reports_every_filter():
    result = query_latency(n_facts=3_000, repeat=2)
    assert result["n_facts"] == 3_000
    assert set(result["queries"]) >= {"actor", "two_actors_all_in_2024", "date_range_one_month", "text", "unfiltered"}
    assert result["queries"]["unfiltered"]["rows"] == 3_000
    assert all(q["rows"] > 0 for name, q in result["queries"].items() if name in ("actor", "date_range_one_month"))
    corrected = result["with_actor_corrections"]
    assert corrected["corrections"]["merged"] > 0 and set(corrected["queries"]) >= set(result["queries"]) - {"version"}
    assert corrected["queries"]["merged_actor"]["rows"] > 0
    assert corrected["queries"]["actor_table"]["rows"] < result["queries"]["actor_table"]["rows"]


def test_ingest_benchmark_counts_articles_and_facts():
    result = ingest_speed(n_articles=4, runs=(("local", 1),))
    run = result["runs"]["local_1"]
    assert run["failed"] == 0 and run["facts"] > 4 and run["articles_per_s"] > 0


def test_synthetic_articles_are_german_and_english_and_dated():
    docs = synthetic_articles(4)
    assert [d.lang for d in docs] == ["de", "en", "de", "en"]
    assert all(d.dct is not None and len(d.text) > 500 for d in docs)
    assert synthetic_articles(4)[0].text == docs[0].text  # reproducible
