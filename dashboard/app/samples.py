"""The bundled sample corpus: data/samples/manifest.jsonl names each article file with its title,
language and publication date, so the dashboard opens on dated facts without any input.
"""

from __future__ import annotations

from pathlib import Path

from dashboard.paths import SAMPLES_DIR

MANIFEST = "manifest.jsonl"


def ingest_samples(db: Path, folder: Path = SAMPLES_DIR) -> str:
    """Put the samples into the store at ``db`` (a no-op once they are there); returns the
    store's report, one more line per article that failed."""
    from dashboard.facts import load_documents
    from dashboard.store import FactStore

    report = FactStore(db).ingest(load_documents(folder / MANIFEST))
    return "\n".join([f"samples: {report.summary()}", *(f"  {name}: {why}" for name, why in report.failed)])
