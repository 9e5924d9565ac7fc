"""Key dates measured on journalists' own timelines (Timeline17 layout).

A story folder holds ``docs.jsonl`` (its articles) and ``gold.json`` (``{"dates": {day:
[sentences]}, "start", "end", "n_dates"}``). Its articles go into a temporary store through the
real ingest, the summarizer picks the gold's number of days within the gold's span, and the days
are scored by date-selection F1 (Ghalandari & Ifrim 2020), beside the publication-count baseline
(the days with the most articles).
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pandas as pd

from dashboard.errors import UserError
from dashboard.events.keydates import SCORING, Scoring, date_f1, key_dates, publication_baseline


@dataclass(frozen=True)
class StoryScore:
    name: str
    n_documents: int
    n_gold: int
    f1: float
    baseline_f1: float
    predicted: tuple[date, ...]

    def to_dict(self) -> dict:
        return {"story": self.name, "documents": self.n_documents, "gold_dates": self.n_gold,
                "date_f1": round(self.f1, 4), "baseline_f1": round(self.baseline_f1, 4),
                "predicted": [d.isoformat() for d in self.predicted]}


def story_folders(root: Path) -> list[Path]:
    """``root`` itself when it is one story, else its story subfolders, by name."""
    root = Path(root)
    if (root / "gold.json").is_file():
        return [root]
    if not root.is_dir():
        raise UserError(f"{root}: no such folder")
    found = sorted(p for p in root.iterdir() if (p / "gold.json").is_file() and (p / "docs.jsonl").is_file())
    if not found:
        raise UserError(f"{root}: no story folders (each needs docs.jsonl and gold.json)")
    return found


def read_gold(folder: Path) -> dict:
    path = folder / "gold.json"
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
        gold["days"] = sorted(date.fromisoformat(d) for d in gold["dates"])
        gold["start_day"], gold["end_day"] = date.fromisoformat(gold["start"]), date.fromisoformat(gold["end"])
        gold["n"] = int(gold.get("n_dates") or len(gold["days"]))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise UserError(f"{path}: not a timeline gold file ({exc})") from None
    return gold


def score_story(folder: Path, workers: int = 1, scoring: Scoring = SCORING, store_dir: Path | None = None) -> StoryScore:
    """Ingest one story into a temporary store and score its key dates."""
    from dashboard.facts.documents import load_documents
    from dashboard.store import FactStore

    gold = read_gold(folder)
    with tempfile.TemporaryDirectory(prefix="fact-timeline-t17-", dir=store_dir) as tmp:
        store = FactStore(Path(tmp) / "story.duckdb")
        report = store.ingest(load_documents([str(folder / "docs.jsonl")]), workers=workers)
        if report.failed:
            name, reason = report.failed[0]
            raise UserError(f"{folder / 'docs.jsonl'}: {name}: {reason}")
        facts, documents = store.facts(), store.documents()
    published = pd.Series(documents["dct"].values, index=documents["doc_id"])
    days = key_dates(facts, published, gold["n"], None, 0, gold["start_day"], gold["end_day"], scoring)
    predicted = tuple(d.date for d in days)
    baseline = publication_baseline(published, gold["n"], gold["start_day"], gold["end_day"])
    return StoryScore(folder.name, len(documents), len(gold["days"]), date_f1(predicted, gold["days"]),
                      date_f1(baseline, gold["days"]), predicted)


def evaluate(root: Path, workers: int = 1, scoring: Scoring = SCORING) -> Iterator[StoryScore]:
    for folder in story_folders(root):
        yield score_story(folder, workers, scoring)
