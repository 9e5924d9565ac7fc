"""``fact-timeline eval --timeline DIR``: key dates against journalists' timelines."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from dashboard.store.ingest import default_workers


def configure_mode(modes, parser: argparse.ArgumentParser) -> None:
    modes.add_argument("--timeline", type=Path, metavar="DIR",
                       help="story folders (docs.jsonl + gold.json, as Timeline17) to score the key dates on")
    group = parser.add_argument_group("with --timeline")
    group.add_argument("--workers", type=int, default=default_workers(), metavar="N",
                       help="processes extracting each story's articles (default: all cores)")


def run(args: argparse.Namespace) -> int:
    from dashboard.events.keydates import SCORING
    from dashboard.events.timeline_eval import evaluate

    started = time.perf_counter()
    scores = []
    if not args.json:
        print(f"{'story':<42} {'docs':>5} {'days':>5} {'date F1':>8} {'baseline':>9}")
    for score in evaluate(args.timeline, workers=max(1, args.workers)):
        scores.append(score)
        if not args.json:
            print(f"{score.name:<42} {score.n_documents:>5} {score.n_gold:>5} {score.f1:>8.3f} {score.baseline_f1:>9.3f}", flush=True)
    mean = sum(s.f1 for s in scores) / len(scores)
    baseline = sum(s.baseline_f1 for s in scores) / len(scores)
    if args.json:
        json.dump({"timeline": str(args.timeline), "scoring": SCORING.__dict__, "stories": [s.to_dict() for s in scores],
                   "mean_date_f1": round(mean, 4), "mean_baseline_f1": round(baseline, 4)}, sys.stdout, indent=2)
        print()
    else:
        print(f"{'mean':<42} {'':>5} {'':>5} {mean:>8.3f} {baseline:>9.3f}")
        print(f"({len(scores)} stories in {time.perf_counter() - started:.0f} s; baseline: the days with the most articles)")
    return 0
