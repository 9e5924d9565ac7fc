"""``fact-timeline eval --actors GOLD.jsonl``: actor precision, recall and F1 per language and kind."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from dashboard.actors.evaluation import PARTS, evaluate, read_gold


def configure_mode(modes, parser) -> None:
    """``--actors`` as one mode of ``fact-timeline eval`` (see :mod:`dashboard.eval_command`)."""
    modes.add_argument("--actors", nargs="+", metavar="GOLD_JSONL",
                       help="score the actors of fact rows against actor gold (e.g. docs/gold/actors-gold.*.jsonl)")
    group = parser.add_argument_group("with --actors")
    group.add_argument("--corpora", default="../shared/corpora", type=Path, metavar="DIR",
                       help="folder the gold's corpus files are in (default: ../shared/corpora)")
    group.add_argument("--actor-part", choices=PARTS, default="dev",
                       help="which gold documents to score: dev (default), test (held out: look rarely) or all")
    group.add_argument("--actor-errors", action="store_true", help="also list missed and spurious actors per sentence")


def run(args: argparse.Namespace) -> int:
    gold = read_gold(args.actors)
    started = time.perf_counter()
    report = evaluate(gold, args.corpora, args.actor_part)
    elapsed = time.perf_counter() - started
    scores = report.scores()
    if args.json:
        json.dump({"gold": [str(p) for p in args.actors], "part": args.actor_part, "documents": report.documents,
                   "sentences": report.sentences, "scores": scores}, sys.stdout, indent=2)
        print()
    else:
        print(f"actor gold ({args.actor_part}): {report.documents} documents, {report.sentences} sentences, "
              f"extracted in {elapsed:.1f} s")
        if report.mismatched:
            print(f"warning: {report.mismatched} gold sentences do not match the corpus text (sha1)")
        print(f"{'lang':<5} {'kind':<13} {'gold':>5} {'system':>6} {'P':>6} {'R':>6} {'F1':>6}")
        for lang, kinds in scores.items():
            for kind, s in sorted(kinds.items(), key=lambda kv: (kv[0] != "all", kv[0])):
                print(f"{lang:<5} {kind:<13} {s['gold']:>5} {s['system']:>6} {s['precision']:6.3f} {s['recall']:6.3f} {s['f1']:6.3f}")
    if args.actor_errors:
        for doc_id, sentence, what, actor in report.errors:
            print(f"{what:<8} {actor:<40} {doc_id}: {sentence[:140]!r}")
    return 0
