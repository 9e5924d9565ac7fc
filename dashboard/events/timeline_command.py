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
    group.add_argument("--leave-one-out", action="store_true",
                       help="also score each story unseen: the key-date weights tuned (grid search) on the other stories")
    group.add_argument("--workers", type=int, default=default_workers(), metavar="N",
                       help="processes extracting each story's articles (default: all cores)")


def run(args: argparse.Namespace) -> int:
    from dashboard.events.keydates import SCORING
    from dashboard.events.timeline_eval import evaluate

    started = time.perf_counter()
    unseen = bool(getattr(args, "leave_one_out", False))
    scores = evaluate(args.timeline, workers=max(1, args.workers), unseen=unseen)
    mean = _mean([s.f1 for s in scores])
    baseline = _mean([s.baseline_f1 for s in scores])
    if args.json:
        out = {"timeline": str(args.timeline), "scoring": SCORING.__dict__, "stories": [s.to_dict() for s in scores],
               "mean_date_f1": round(mean, 4), "mean_baseline_f1": round(baseline, 4)}
        if unseen:
            out["mean_unseen_date_f1"] = round(_mean([s.unseen.f1 for s in scores]), 4)
        json.dump(out, sys.stdout, indent=2)
        print()
        return 0
    unseen_head = f" {'unseen F1':>9}" if unseen else ""
    print(f"{'story':<42} {'docs':>5} {'days':>5} {'date F1':>8}{unseen_head} {'baseline':>9}")
    for s in scores:
        cell = f" {s.unseen.f1:>9.3f}" if unseen else ""
        print(f"{s.name:<42} {s.n_documents:>5} {s.n_gold:>5} {s.f1:>8.3f}{cell} {s.baseline_f1:>9.3f}")
    cell = f" {_mean([s.unseen.f1 for s in scores]):>9.3f}" if unseen else ""
    print(f"{'mean':<42} {'':>5} {'':>5} {mean:>8.3f}{cell} {baseline:>9.3f}")
    print(f"({len(scores)} stories in {time.perf_counter() - started:.0f} s; date F1: the shipped weights {_weights(SCORING)}, "
          "chosen on the Timeline17 development stories; baseline: the days with the most articles)")
    if unseen:
        print("unseen F1: each story scored with the weights that do best on the other stories (leave one out):")
        for s in scores:
            print(f"  {s.name}: {_weights(s.unseen.scoring)} (mean F1 {s.unseen.tuned_f1:.3f} on the others)")
    return 0


def _mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def _weights(scoring) -> str:
    return ", ".join(f"{name} {value:g}" for name, value in scoring.__dict__.items())
