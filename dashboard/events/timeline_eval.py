"""Key dates measured on journalists' own timelines (Timeline17 layout).

A story folder holds ``docs.jsonl`` (its articles) and ``gold.json`` (``{"dates": {day:
[sentences]}, "start", "end", "n_dates"}``). Its articles go into a temporary store through the
real ingest, the summarizer picks the gold's number of days within the gold's span, and the days
are scored by date-selection F1 (Ghalandari & Ifrim 2020), beside the publication-count baseline
(the days with the most articles). ``--leave-one-out`` adds the honest figure for a story the
summarizer has not seen: the weights are chosen by grid search on the other stories, then the
left-out story is scored with them.
"""

from __future__ import annotations

import itertools
import json
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd

from dashboard.errors import UserError
from dashboard.events.keydates import (SCORING, Scoring, article_weights, best_days, date_f1, day_totals, pointers,
                                       publication_baseline, publications)


@dataclass(frozen=True)
class StoryScore:
    name: str
    n_documents: int
    n_gold: int
    f1: float
    baseline_f1: float
    predicted: tuple[date, ...]
    unseen: "Fold | None" = None

    def to_dict(self) -> dict:
        out = {"story": self.name, "documents": self.n_documents, "gold_dates": self.n_gold,
               "date_f1": round(self.f1, 4), "baseline_f1": round(self.baseline_f1, 4),
               "predicted": [d.isoformat() for d in self.predicted]}
        if self.unseen is not None:
            out["unseen_date_f1"] = round(self.unseen.f1, 4)
            out["unseen_scoring"] = self.unseen.scoring.__dict__
        return out


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


@dataclass(frozen=True)
class StoryData:
    """What scoring a story's key dates needs, from one ingest: its pointers and publications."""

    name: str
    n_documents: int
    gold: dict
    points: pd.DataFrame
    per_day: pd.Series
    published: pd.Series


def load_story(folder: Path, workers: int = 1, store_dir: Path | None = None) -> StoryData:
    """Ingest one story into a temporary store (the real ingest) and keep what scoring needs."""
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
    return StoryData(folder.name, len(documents), gold, pointers(facts), publications(published), published)


def predict(story: StoryData, scoring: Scoring = SCORING) -> tuple[date, ...]:
    """The story's key dates (the gold's number of days, within its span) under ``scoring``."""
    totals = day_totals(article_weights(story.points, scoring), story.per_day, scoring)
    days = best_days(totals, story.gold["n"], story.gold["start_day"], story.gold["end_day"])
    return tuple(sorted(d.date() for d in days))


def score_story(story: StoryData, scoring: Scoring = SCORING, unseen: "Fold | None" = None) -> StoryScore:
    gold = story.gold
    predicted = predict(story, scoring)
    baseline = publication_baseline(story.published, gold["n"], gold["start_day"], gold["end_day"])
    return StoryScore(story.name, story.n_documents, len(gold["days"]), date_f1(predicted, gold["days"]),
                      date_f1(baseline, gold["days"]), predicted, unseen)


# The weights leave-one-out chooses among; on a tie the first in grid order wins (not the
# shipped weights, which were chosen on all the stories).
GRID_VALUES = {
    "decay": (1.0, 0.99, 0.97, 0.9),
    "future": (0.0, 0.3, 0.6, 1.0),
    "lead_bonus": (0.0, 0.5, 1.0),
    "burst": (0.0, 0.1, 0.2, 0.5, 1.0),
}


def grid() -> list[Scoring]:
    """Every combination of :data:`GRID_VALUES`."""
    return [Scoring(**dict(zip(GRID_VALUES, values))) for values in itertools.product(*GRID_VALUES.values())]


@dataclass(frozen=True)
class Fold:
    """One story scored unseen: the weights tuned on the other stories, and its F1 under them."""

    scoring: Scoring
    f1: float
    tuned_f1: float   # the mean F1 of the other stories under those weights


def leave_one_out(stories: list[StoryData], candidates: list[Scoring] | None = None) -> dict[str, Fold]:
    """For each story: the weights with the best mean date F1 on the *other* stories (grid
    search), and the story's F1 under them: the figure for a story the summarizer has not seen."""
    candidates = candidates or grid()
    table = np.array([[date_f1(predict(story, c), story.gold["days"]) for story in stories] for c in candidates])
    folds = {}
    for j, story in enumerate(stories):
        others = np.delete(table, j, axis=1).mean(axis=1) if len(stories) > 1 else table[:, j]
        best = int(np.argmax(others))  # the first best in grid order
        folds[story.name] = Fold(candidates[best], float(table[best, j]), float(others[best]))
    return folds


def evaluate(root: Path, workers: int = 1, scoring: Scoring = SCORING, unseen: bool = False) -> list[StoryScore]:
    """Every story under ``root`` scored with ``scoring`` (and, with ``unseen``, left out of the
    tuning in turn, see :func:`leave_one_out`)."""
    stories = [load_story(folder, workers) for folder in story_folders(root)]
    folds = leave_one_out(stories) if unseen else {}
    return [score_story(story, scoring, folds.get(story.name)) for story in stories]
