"""Benchmark suite ``ner``: ingest speed of the same corpus without and with the statistical
entity recogniser, side by side in one run.

Each configuration ingests the same articles through ``FactStore.ingest`` (local engine, one
worker, a fresh DuckDB store each), twice in alternation so that the two cores' other load hits
both alike; the better of the two runs counts. Configurations:

- ``before``: gazetteer and rules only, SoMaJo sentences (the product before the recogniser);
- ``after``: the shipped recogniser on, sentences as the product splits them now (by the rule
  splitter of :mod:`dashboard.facts.rule_sentences`, German and English alike).

Articles come from ``--corpus`` JSONL files (e.g. ../shared/corpora/krauts-dolomiten.de.jsonl);
without them the bundled samples and generated articles are used.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from dashboard.facts.documents import Document
from dashboard.paths import SAMPLES_DIR

CONFIGS = {"before": {"FACT_TIMELINE_NER": "off", "FACT_TIMELINE_SENTENCES": "somajo"}, "after": {}}


def _corpus_docs(paths: tuple[str, ...], limit: int) -> list[Document]:
    docs: list[Document] = []
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            for number, line in enumerate(handle):
                row = json.loads(line)
                dct = date.fromisoformat(row["dct"][:10]) if row.get("dct") else None
                docs.append(Document(doc_id=f"{Path(path).name}:{row.get('doc_id', number)}", text=row["text"],
                                     dct=dct, lang=row.get("lang", "en")))
                if len(docs) >= limit:
                    return docs
    return docs


def _default_docs(n: int) -> list[Document]:
    from dashboard.benchmarks.store import synthetic_articles
    from dashboard.facts import load_documents

    samples = [d for d in load_documents([str(SAMPLES_DIR)]) if isinstance(d, Document)]
    return samples + synthetic_articles(max(n - len(samples), 0))


@contextmanager
def _environment(values: dict[str, str]):
    from dashboard.actors import ner

    saved = {key: os.environ.get(key) for key in ("FACT_TIMELINE_NER", "FACT_TIMELINE_SENTENCES")}
    os.environ.update(values)
    for key in saved:
        if key not in values:
            os.environ.pop(key, None)
    ner.load_model.cache_clear()
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        ner.load_model.cache_clear()


def _ingest(docs: list[Document], folder: Path, name: str) -> tuple[float, int]:
    from dashboard.store import FactStore

    store = FactStore(folder / f"{name}.duckdb")
    started = time.perf_counter()
    report = store.ingest(docs, engine="local", workers=1, batch_size=50)
    return time.perf_counter() - started, report.n_facts


def sentence_agreement(docs: list[Document], lang: str = "de") -> dict[str, object]:
    """How the product's splitter of ``lang`` agrees with SoMaJo's sentence ends on ``docs``
    (precision, recall and F1 of the end offsets, SoMaJo as reference) and how long each takes."""
    from dashboard.facts import sentences

    texts = [d.text for d in docs if d.lang == lang]
    ends: dict[str, list[set[int]]] = {}
    seconds: dict[str, float] = {}
    for name, values in (("somajo", {"FACT_TIMELINE_SENTENCES": "somajo"}), ("product", {})):
        with _environment(values):
            started = time.perf_counter()
            ends[name] = [{s.end for s in sentences.split_sentences(text, lang)} for text in texts]
            seconds[name] = round(time.perf_counter() - started, 3)
    same = sum(len(a & b) for a, b in zip(ends["somajo"], ends["product"]))
    reference, found = sum(map(len, ends["somajo"])), sum(map(len, ends["product"]))
    p, r = (same / found if found else 0.0), (same / reference if reference else 0.0)
    return {"documents": len(texts), "engine": sentences.engine(lang), "precision": round(p, 4), "recall": round(r, 4),
            "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0, "seconds": seconds}


def run_ner(quick: bool = False, corpora: tuple[str, ...] = ()) -> dict[str, object]:
    """The ``ner`` suite for ``fact-timeline bench``."""
    limit = 60 if quick else 400
    docs = _corpus_docs(corpora, limit) if corpora else _default_docs(limit)
    warm = docs[:3]
    results: dict[str, dict[str, object]] = {}
    with tempfile.TemporaryDirectory(prefix="fact-timeline-bench-ner-") as tmp:
        folder = Path(tmp)
        for name, values in CONFIGS.items():  # load models and SoMaJo once before timing
            with _environment(values):
                _ingest(warm, folder, f"warm-{name}")
        for repeat in range(2):
            for name, values in CONFIGS.items():
                with _environment(values):
                    seconds, facts = _ingest(docs, folder, f"{name}-{repeat}")
                best = results.get(name)
                if best is None or seconds < best["seconds"]:
                    results[name] = {"seconds": round(seconds, 2), "articles_per_s": round(len(docs) / seconds, 1),
                                     "facts": facts}
    ratio = results["after"]["articles_per_s"] / results["before"]["articles_per_s"]
    return {"n_articles": len(docs), "chars": sum(len(d.text) for d in docs),
            "corpora": list(corpora) or ["samples + generated"], "runs": results,
            "after_vs_before": round(ratio, 3),
            "sentences_vs_somajo": {lang: sentence_agreement(docs, lang) for lang in ("de", "en")}}
