"""Benchmark suite ``events`` (also part of the ``store`` suite): recomputing the events of 100,000 facts, reading them, and what
the events stage costs an ingest.

- Recompute: a store holding ``n_facts`` synthetic facts (the charts suite's generator: its
  intervals, documents and Zipf-distributed actors, with headlines drawn from a Zipf vocabulary
  so that blocks hold look-alike facts) has its events recomputed from the stored terms
  (:func:`dashboard.store.events.recluster`: candidate pairs in DuckDB, scoring, components) and
  rebuilt with the terms too (:func:`dashboard.store.events.rebuild`), median of ``repeat`` runs; then ``FactStore.events()`` unfiltered and filtered by an actor.
- Ingest with and without events: the same articles through ``FactStore.ingest`` (one worker,
  in this process) with the events stage (headlines, event maintenance on every write) and with
  it switched off, runs interleaved so both see the same machine load; the median of each.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from contextlib import contextmanager, nullcontext
from pathlib import Path
from unittest import mock

import numpy as np

from dashboard.benchmarks.store import written_store
from dashboard.store import FactFilter, FactStore
from dashboard.store import events as event_tables
from dashboard.store.connection import connect


def synthetic_event_facts(n_facts: int, seed: int = 5):
    from dashboard.benchmarks.charts import synthetic_facts

    facts = synthetic_facts(n_facts)
    rng = np.random.default_rng(seed)
    vocabulary = np.array([f"word{i:04d}" for i in range(3000)])
    weights = 1 / np.arange(1, len(vocabulary) + 1)
    picks = rng.choice(len(vocabulary), (n_facts, 7), p=weights / weights.sum())
    facts["label"] = [" ".join(vocabulary[row]) for row in picks]
    return facts


def recompute(n_facts: int = 100_000, repeat: int = 3) -> dict[str, object]:
    """Seconds to rebuild the events of ``n_facts`` facts, and to read them."""
    facts = synthetic_event_facts(n_facts)
    with written_store(facts, "events.duckdb") as (store, write_s):
        times: dict[str, list[float]] = {"recluster": [], "rebuild": []}
        for _ in range(repeat):
            with connect(store.path, read_only=False) as con:
                for name, step in (("recluster", event_tables.recluster), ("rebuild", event_tables.rebuild)):
                    started = time.perf_counter()
                    step(con)
                    times[name].append(time.perf_counter() - started)
        events = store.events()
        started = time.perf_counter()
        events = store.events()
        read_s = time.perf_counter() - started
        actor = store.actors()[3]
        started = time.perf_counter()
        filtered = store.events(FactFilter(actors=(actor,)))
        filtered_s = time.perf_counter() - started
    return {
        "n_facts": n_facts,
        "write_with_events_s": round(write_s, 2),
        "recompute_s": round(statistics.median(times["recluster"]), 2),   # from the stored terms
        "rebuild_with_terms_s": round(statistics.median(times["rebuild"]), 2),
        "n_events": len(events),
        "multi_fact_events": int((events["n_facts"] > 1).sum()),
        "read_all_events_s": round(read_s, 2),
        "read_events_of_one_actor_s": round(filtered_s, 2),
    }


@contextmanager
def _without_events():
    """Ingest as it was before the events stage: no headlines, no event maintenance."""
    with mock.patch("dashboard.store.ingest.label_facts", lambda facts: facts), \
            mock.patch.object(event_tables, "add_facts", lambda con, facts, documents: None), \
            mock.patch.object(event_tables, "blocks_of_documents", lambda con, documents: None), \
            mock.patch.object(event_tables, "is_current", lambda con: True):
        yield


def ingest_side_by_side(n_articles: int = 300, rounds: int = 3) -> dict[str, object]:
    """Articles per second with and without the events stage, interleaved runs, medians."""
    from dashboard.benchmarks.store import synthetic_articles

    docs = synthetic_articles(n_articles)
    seconds: dict[str, list[float]] = {"without_events": [], "with_events": []}
    with tempfile.TemporaryDirectory(prefix="fact-timeline-bench-") as tmp:
        for run in range(rounds):
            for name in ("without_events", "with_events"):
                store = FactStore(Path(tmp) / f"{name}-{run}.duckdb")
                context = _without_events() if name == "without_events" else nullcontext()
                with context:
                    started = time.perf_counter()
                    store.ingest(docs, workers=1, batch_size=50)
                    seconds[name].append(time.perf_counter() - started)
    medians = {name: statistics.median(values) for name, values in seconds.items()}
    return {
        "n_articles": n_articles,
        **{name: {"articles_per_s": round(n_articles / s, 1), "seconds": round(s, 2)} for name, s in medians.items()},
        "slowdown_pct": round(100 * (medians["with_events"] / medians["without_events"] - 1), 1),
        "goal_pct": 10.0,
    }


def run_events(quick: bool = False) -> dict[str, object]:
    """The ``events`` suite for ``fact-timeline bench``: 100,000 facts' events recomputed (20,000
    with ``quick``), and ingest with and without the events stage side by side in this run."""
    return {"recompute": recompute(20_000 if quick else 100_000, repeat=1 if quick else 3),
            "ingest_side_by_side": ingest_side_by_side(60 if quick else 300, rounds=2 if quick else 3)}


def summary(results: dict[str, object]) -> list[str]:
    """The suite's figures as the lines ``fact-timeline bench`` prints."""
    r, i = results["recompute"], results["ingest_side_by_side"]
    return [
        f"events of {r['n_facts']:,} facts recomputed in {r['recompute_s']} s from their stored terms, "
        f"{r['rebuild_with_terms_s']} s with the terms ({r['n_events']:,} events, "
        f"{r['multi_fact_events']:,} of several facts); read all {r['read_all_events_s']} s, one actor's {r['read_events_of_one_actor_s']} s",
        f"ingest of {i['n_articles']} articles: {i['without_events']['articles_per_s']} articles/s without events, "
        f"{i['with_events']['articles_per_s']} with ({i['slowdown_pct']:+} %, goal within {i['goal_pct']} %)",
    ]
