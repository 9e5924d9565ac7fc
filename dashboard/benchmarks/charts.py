"""Benchmark suite ``charts``: figure building and exports over a large synthetic fact table.

The facts are made up but shaped like a news corpus: a few actors named very often and a long
tail (Zipf), mostly days, then months and years, a few centuries; several actors per fact now
and then. Times are wall-clock seconds on this machine, best of ``repeat`` runs.
"""

from __future__ import annotations

import time
from collections.abc import Callable
import numpy as np
import pandas as pd

from dashboard.facts.schema import facts_frame

GRANULARITIES = {"day": 0.5, "month": 0.22, "year": 0.15, "week": 0.06, "quarter": 0.05, "century": 0.02}


def synthetic_facts(n: int = 100_000, *, n_docs: int = 2_000, n_actors: int = 300, seed: int = 7) -> pd.DataFrame:
    """``n`` fact rows with FACT_COLUMNS spread over 2015-2027, reproducible by ``seed``."""
    rng = np.random.default_rng(seed)
    doc = rng.integers(0, n_docs, n)
    dct = pd.Timestamp("2015-01-01") + pd.to_timedelta(rng.integers(0, 11 * 365, n_docs), unit="D")
    offset = pd.to_timedelta(rng.normal(0, 200, n).astype(int), unit="D")
    day = (dct[doc] + offset).normalize()
    gran = rng.choice(list(GRANULARITIES), n, p=list(GRANULARITIES.values()))
    start = pd.Series(day)
    start = start.where(gran != "month", start.dt.to_period("M").dt.start_time)
    start = start.where(gran != "quarter", start.dt.to_period("Q").dt.start_time)
    start = start.where(gran != "year", start.dt.to_period("Y").dt.start_time)
    start = start.where(gran != "week", start - pd.to_timedelta(start.dt.day_of_week, unit="D"))
    start = start.where(gran != "century", pd.Timestamp("1900-01-01"))
    end = start + pd.to_timedelta(1, unit="D")
    end = end.where(gran != "week", start + pd.to_timedelta(7, unit="D"))
    for name, months in (("month", 1), ("quarter", 3), ("year", 12), ("century", 1200)):
        shifted = (start.dt.to_period("M") + months).dt.start_time
        end = end.where(gran != name, shifted)
    names = np.array([f"Actor {i:03d}" for i in range(n_actors)])
    weights = 1 / np.arange(1, n_actors + 1)
    first = rng.choice(n_actors, n, p=weights / weights.sum())
    second = rng.choice(n_actors, n, p=weights / weights.sum())
    two = rng.random(n) < 0.3
    none = rng.random(n) < 0.05
    actors = [
        [] if nobody else ([names[a], names[b]] if pair and a != b else [names[a]])
        for a, b, pair, nobody in zip(first, second, two, none)
    ]
    published = pd.Series(dct[doc])
    status = np.select([end <= published, start > published], ["past", "future"], "ongoing")
    sentence = [f"Synthetic sentence {i} about {', '.join(a) or 'nobody'}." for i, a in enumerate(actors)]
    frame = pd.DataFrame({
        "fact_id": [f"f{i:07d}" for i in range(n)],
        "doc_id": [f"doc-{d:05d}" for d in doc],
        "title": [f"Article {d}" for d in doc],
        "source": [f"corpus/doc-{d:05d}.txt" for d in doc],
        "dct": dct[doc],
        "dct_inferred": False,
        "lang": "de",
        "sentence_index": rng.integers(0, 40, n),
        "sentence_start": 0,
        "sentence_end": [len(s) for s in sentence],
        "sentence": sentence,
        "timex_text": gran,
        "timex_start": 0,
        "timex_end": 3,
        "type": "DATE",
        "value": start.dt.strftime("%Y-%m-%d").to_numpy(),
        "start": start.to_numpy(),
        "end": end.to_numpy(),
        "granularity": gran,
        "actors": actors,
        "actor_ids": [[""] * len(a) for a in actors],
        "status": status,
        "event": "",
    })
    return facts_frame(frame)


def best_of(action: Callable[[], object], repeat: int = 3) -> float:
    """The fastest of ``repeat`` runs in seconds (the others include warm-up and noise)."""
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        action()
        times.append(time.perf_counter() - began)
    return round(min(times), 4)


def run_charts(n: int = 100_000, repeat: int = 3) -> dict:
    """Seconds to build each chart and each export over ``n`` facts; sizes of the results."""
    from dashboard.charts import CHARTS, timeline_figure
    from dashboard.export import data_bytes, figure_bytes

    facts = synthetic_facts(n)
    result: dict[str, object] = {"facts": n}
    figures = {}
    for name, chart in CHARTS.items():
        figures[name] = chart(facts)
        result[f"build_{name}_s"] = best_of(lambda chart=chart: chart(facts), repeat)
    result["build_timeline_by_document_s"] = best_of(lambda: timeline_figure(facts, lane_by="document"), repeat)
    timeline = figures["timeline"]
    result["timeline_traces"] = len(timeline.data)
    result["timeline_json_bytes"] = len(timeline.to_json())
    result["timeline_to_json_s"] = best_of(timeline.to_json, repeat)
    figure_bytes(figures["per-month"], "png")  # starts the browser once; not part of the timings
    for fmt in ("png", "svg", "pdf", "html"):
        result[f"export_timeline_{fmt}_s"] = best_of(lambda fmt=fmt: figure_bytes(timeline, fmt), repeat)
    result["export_per_month_png_s"] = best_of(lambda: figure_bytes(figures["per-month"], "png"), repeat)
    for fmt in ("csv", "json", "parquet", "timelinejs"):
        payload = data_bytes(facts, fmt)
        result[f"export_{fmt}_s"] = best_of(lambda fmt=fmt: data_bytes(facts, fmt), repeat)
        result[f"export_{fmt}_bytes"] = len(payload)
    return result
