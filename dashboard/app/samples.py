"""The bundled sample corpus: data/samples/manifest.jsonl names each article file with its title,
language and publication date, so the dashboard opens on dated facts without any input.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from dashboard.errors import UserError
from dashboard.paths import SAMPLES_DIR

MANIFEST = "manifest.jsonl"


@dataclass(frozen=True)
class SampleEntry:
    """One manifest line. ``illustrative`` marks articles written for the project, not news."""

    doc_id: str
    file: str
    title: str
    lang: str
    dct: date
    source: str
    illustrative: bool


def read_manifest(folder: Path = SAMPLES_DIR) -> list[SampleEntry]:
    path = folder / MANIFEST
    entries = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            record["dct"] = date.fromisoformat(record["dct"])
            entries.append(SampleEntry(**record))
        except (ValueError, KeyError, TypeError) as exc:
            raise UserError(f"{path}:{number}: bad manifest line ({exc})") from exc
    return entries


def sample_documents(folder: Path = SAMPLES_DIR) -> list:
    """The sample articles as documents ready for the store."""
    from dashboard.facts import Document

    return [
        Document(
            doc_id=entry.doc_id,
            text=(folder / entry.file).read_text(encoding="utf-8"),
            title=entry.title,
            source=entry.source,
            dct=entry.dct,
            dct_inferred=False,
            lang=entry.lang,
        )
        for entry in read_manifest(folder)
    ]


def ingest_samples(db: Path, folder: Path = SAMPLES_DIR) -> str:
    """Put the samples into the store at ``db``; returns the store's report, one line per failure."""
    from dashboard.store import FactStore

    report = FactStore(db).ingest(sample_documents(folder))
    return "\n".join([f"samples: {report.summary()}", *(f"  {name}: {why}" for name, why in report.failed)])
