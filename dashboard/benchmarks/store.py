"""Benchmark suite ``store``: filtered queries over 100,000 facts, and ingest speed by engine.

- Query latency: a DuckDB store holding 100,000 synthetic facts (the charts suite's generator:
  Zipf-distributed actors, mixed granularities) answers the dashboard's kinds of filters; each is
  timed end to end as the dashboard calls it (open the file, query, build the DataFrame), the
  median of ``repeat`` runs. The goal is under 100 ms for a filtered query. The same queries
  run again after 30 merges, 30 kind changes and 10 names marked not an actor, side by side:
  what applying the user's actor corrections on every read costs.
- Ingest: articles per second through ``FactStore.ingest`` (tagging, sentences, actors, status,
  writing) for the local engine with 1 and 2 workers and the Dask engine with 1 and 2, each into
  a fresh store, on a generated corpus of German and English articles (process start-up
  included, as a user would see it).
- Events (:mod:`dashboard.benchmarks.events`): 100,000 facts' events recomputed and read, and
  ingest with and without the events stage side by side.
"""

from __future__ import annotations

import random
import statistics
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path

import pandas as pd

from dashboard.facts.documents import Document
from dashboard.store import FactFilter, FactStore

QUERY_GOAL_MS = 100.0

_DE = [
    "{person} traf am {day}. {month_de} {year} in {city} mit Vertretern der {org} zusammen.",
    "Die Regierung von {country_de} kündigte im {month_de} an, ihre Truppen an der Ostflanke zu verstärken.",
    "Anfang {next_year} soll ein neuer Gipfel der {org} stattfinden, sagte {person}.",
    "Bereits im vergangenen Jahr hatte {country_de} mehr Geld für die Verteidigung zugesagt.",
    "Am Mittwoch wollen die Außenminister in {city} über die Lage in der Ukraine beraten.",
    "Seit drei Jahren liefert {country_de} jährlich Waffen, zuletzt im {month_de}.",
]
_EN = [
    "{person} met officials of the {org} in {city} on {month_en} {day}, {year}.",
    "The government of {country_en} announced in {month_en} that it would send more troops.",
    "A new {org} summit is expected early in {next_year}, {person} said.",
    "Last year {country_en} pledged to raise defence spending.",
    "Foreign ministers will discuss Ukraine in {city} on Wednesday.",
    "For three years {country_en} has delivered weapons every year, most recently in {month_en}.",
]
_PEOPLE = ["Mark Rutte", "Donald Trump", "Marco Rubio", "Alexander Stubb", "Friedrich Merz", "Emmanuel Macron", "Keir Starmer"]
_ORGS = ["NATO", "EU", "G7", "OSZE"]
_CITIES = ["Brüssel", "Washington", "Den Haag", "Helsinki", "Bukarest", "Warschau"]
_COUNTRIES = [("Rumänien", "Romania"), ("Finnland", "Finland"), ("Polen", "Poland"), ("Kanada", "Canada"), ("Ungarn", "Hungary")]
_MONTHS_DE = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"]
_MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]


def synthetic_articles(n: int, sentences: int = 12, seed: int = 11) -> list[Document]:
    """``n`` German and English articles (about 1.2 KB each) dated across 2024-2026."""
    rng = random.Random(seed)
    docs = []
    for i in range(n):
        lang = "de" if i % 2 == 0 else "en"
        dct = date(2024, 1, 1) + timedelta(days=rng.randrange(900))
        lines = []
        for _ in range(sentences):
            when = dct - timedelta(days=rng.randrange(1, 200))
            country_de, country_en = rng.choice(_COUNTRIES)
            lines.append(rng.choice(_DE if lang == "de" else _EN).format(
                person=rng.choice(_PEOPLE), org=rng.choice(_ORGS), city=rng.choice(_CITIES),
                country_de=country_de, country_en=country_en, day=when.day, year=when.year,
                month_de=_MONTHS_DE[when.month - 1], month_en=_MONTHS_EN[when.month - 1], next_year=dct.year + 1,
            ))
        docs.append(Document(f"bench-{i:05d}", " ".join(lines), title=f"Article {i}", source="benchmark", dct=dct, lang=lang))
    return docs


@contextmanager
def written_store(facts: pd.DataFrame, name: str) -> Iterator[tuple[FactStore, float]]:
    """A store in a temporary folder holding ``facts`` (a placeholder document for each of their
    doc_ids), with the seconds the write took: what every query benchmark starts from."""
    docs = [Document(doc_id, f"Text of {doc_id}", lang="de") for doc_id in sorted(set(facts["doc_id"]))]
    with tempfile.TemporaryDirectory(prefix="fact-timeline-bench-") as tmp:
        store = FactStore(Path(tmp) / name)
        started = time.perf_counter()
        store.write(docs, facts)
        yield store, time.perf_counter() - started


def _median_ms(action, repeat: int) -> tuple[float, int]:
    times, rows = [], 0
    for _ in range(repeat):
        start = time.perf_counter()
        rows = len(action())
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), rows


def query_latency(n_facts: int = 100_000, repeat: int = 15) -> dict[str, object]:
    """Median milliseconds of the dashboard's filters over a store of ``n_facts`` facts."""
    from dashboard.benchmarks.charts import synthetic_facts

    facts = synthetic_facts(n_facts)
    with written_store(facts, "bench.duckdb") as (store, write_s):
        top = store.actors()
        filters = {
            "actor": FactFilter(actors=(top[5],)),
            "two_actors_all_in_2024": FactFilter(actors=(top[0], top[1]), actor_mode="all", date_from=date(2024, 1, 1), date_to=date(2024, 12, 31)),
            "actor_any_future": FactFilter(actors=(top[2], top[10]), statuses=("future",)),
            "date_range_one_month": FactFilter(date_from=date(2020, 3, 1), date_to=date(2020, 3, 31)),
            "three_documents": FactFilter(doc_ids=tuple(sorted(set(facts["doc_id"]))[:3])),
            "text": FactFilter(text="actor 004,"),
        }
        results = _filter_times(store, filters, repeat)
        results["unfiltered"] = dict(zip(("median_ms", "rows"), _rounded(_median_ms(store.facts, 5))))
        results["version"] = {"median_ms": round(_median_ms(lambda: [store.version()], repeat)[0], 1)}
        results["actor_table"] = dict(zip(("median_ms", "rows"), _rounded(_median_ms(store.actor_table, 5))))
        filtered = [v["median_ms"] for k, v in results.items() if k in filters]
        corrected = _with_actor_corrections(store, top, filters, repeat)
    return {
        "n_facts": n_facts,
        "write_s": round(write_s, 2),
        "queries": results,
        "max_filtered_median_ms": max(filtered),
        "goal_ms": QUERY_GOAL_MS,
        "meets_goal": max(filtered) < QUERY_GOAL_MS,
        "with_actor_corrections": corrected,
    }


def _filter_times(store: FactStore, filters: dict[str, FactFilter], repeat: int) -> dict[str, dict]:
    results: dict[str, dict] = {}
    for name, flt in filters.items():
        ms, rows = _median_ms(lambda flt=flt: store.facts(flt), repeat)
        results[name] = {"median_ms": round(ms, 1), "rows": rows}
    return results


def _with_actor_corrections(store: FactStore, top: list[str], filters: dict[str, FactFilter], repeat: int) -> dict[str, object]:
    """The same queries once the user has corrected actors (as many as a long story gathers:
    merges, kinds, names that are not actors), side by side with the figures without them: the
    price of applying corrections on every read."""
    fix = store.actor_corrections
    rest = top[20:]
    merges, kinds, rejects = rest[: min(60, len(rest)) // 2 * 2], rest[60:90], rest[90:100]
    for source, target in zip(merges[1::2], merges[0::2]):
        fix.merge([source], into=target)
    for name in kinds:
        fix.set_kind(name, "company")
    for name in rejects:
        fix.reject(name)
    merged = {**filters, "merged_actor": FactFilter(actors=(merges[0],))} if merges else dict(filters)
    results = _filter_times(store, merged, repeat)
    results["unfiltered"] = dict(zip(("median_ms", "rows"), _rounded(_median_ms(store.facts, 5))))
    results["actor_table"] = dict(zip(("median_ms", "rows"), _rounded(_median_ms(store.actor_table, 5))))
    filtered = [v["median_ms"] for k, v in results.items() if k in merged]
    return {
        "corrections": {"merged": len(merges) // 2, "kinds": len(kinds), "not_actor": len(rejects)},
        "queries": results,
        "max_filtered_median_ms": max(filtered),
        "meets_goal": max(filtered) < QUERY_GOAL_MS,
    }


def _rounded(pair: tuple[float, int]) -> tuple[float, int]:
    return round(pair[0], 1), pair[1]


def ingest_speed(n_articles: int = 400, runs=(("local", 1), ("local", 2), ("dask", 1), ("dask", 2))) -> dict[str, object]:
    """Articles per second through ``FactStore.ingest`` for each (engine, workers) in ``runs``."""
    docs = synthetic_articles(n_articles)
    size = sum(len(d.text) for d in docs)
    results: dict[str, object] = {}
    with tempfile.TemporaryDirectory(prefix="fact-timeline-bench-") as tmp:
        for engine, workers in runs:
            store = FactStore(Path(tmp) / f"{engine}-{workers}.duckdb")
            started = time.perf_counter()
            report = store.ingest(docs, engine=engine, workers=workers, batch_size=50)
            seconds = time.perf_counter() - started
            results[f"{engine}_{workers}"] = {
                "articles_per_s": round(n_articles / seconds, 1),
                "seconds": round(seconds, 2),
                "facts": report.n_facts,
                "failed": len(report.failed),
            }
    return {"n_articles": n_articles, "chars": size, "runs": results}


def run_store() -> dict[str, object]:
    """The ``store`` suite for ``fact-timeline bench``."""
    from dashboard.benchmarks.events import ingest_side_by_side, recompute

    return {"query": query_latency(), "ingest": ingest_speed(), "events": recompute(),
            "ingest_events_side_by_side": ingest_side_by_side()}


if __name__ == "__main__":
    import json

    print(json.dumps(run_store(), indent=2))
