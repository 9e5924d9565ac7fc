"""Score the temporal tagger against gold annotations (TempEval-3 measures).

Gold is JSONL with one document a line, {"doc_id", "lang", "dct", "text", "timexes": [{"start",
"end", "text", "type", "value", "mod"}]}, or TimeML: a .tml file or a folder of them. Prints
strict and relaxed span precision/recall/F1, value F1 and type F1, overall and per type.
Value F1 is relaxed F1 times the share of matched expressions with the right value.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from dashboard.temporal.evaluation import Errors, evaluate, in_part, read_gold


def configure_mode(modes, parser: argparse.ArgumentParser) -> None:
    """``--gold`` as one mode of ``fact-timeline eval`` (see :mod:`dashboard.eval_command`)."""
    modes.add_argument("--gold", type=Path, metavar="FILE_OR_DIR",
                       help="score the tagger: gold JSONL file, TimeML .tml file, or a folder of .tml/.jsonl files")
    parser = parser.add_argument_group("with --gold")
    parser.add_argument("--lang", help="language of gold documents that do not name one (TimeML files)")
    parser.add_argument("--errors", action="store_true",
                        help="also list missed expressions, spurious ones and wrong values")
    parser.add_argument("--part", choices=("all", "dev", "holdout"), default="all",
                        help="score all documents, or only the development (4/5) or held-out (1/5) part "
                             "of a fixed split by document id (default: all)")
    parser.add_argument("--narrative", action="store_true",
                        help="anchor relative expressions on the last date mentioned (history texts)")


def _row(name: str, s: dict[str, float]) -> str:
    return (f"{name:<9} {s['gold']:>6} {s['system']:>6}  {s['strict_p']:6.2f} {s['strict_r']:6.2f} "
            f"{s['strict_f1']:6.2f}  {s['relaxed_p']:6.2f} {s['relaxed_r']:6.2f} {s['relaxed_f1']:6.2f}  "
            f"{s['value_f1']:6.2f} {s['type_f1']:6.2f}")


def run(args: argparse.Namespace) -> int:
    from dashboard.temporal.engine import tag

    def tagger(text: str, dct: str | None, lang: str) -> list[dict]:
        return [t.to_dict() for t in tag(text, dct, lang, narrative=args.narrative)]

    docs = [d for d in read_gold(args.gold, args.lang) if in_part(d.doc_id, args.part)]
    errors = Errors() if args.errors else None
    started = time.perf_counter()
    totals = evaluate(docs, tagger, errors)
    elapsed = time.perf_counter() - started
    scores = {key: c.scores() for key, c in sorted(totals.items(), key=lambda kv: (kv[0] != "all", kv[0]))}
    if args.json:
        json.dump({"gold": str(args.gold), "part": args.part, "documents": len(docs), "scores": scores},
                  sys.stdout, indent=2)
        print()
    else:
        chars = sum(len(d.text) for d in docs)
        print(f"{args.gold} ({args.part}): {len(docs)} documents, {chars:,} characters, tagged in {elapsed:.2f} s")
        print(f"{'':<9} {'gold':>6} {'system':>6}  {'strict P':>6} {'R':>6} {'F1':>6}  "
              f"{'relax P':>6} {'R':>6} {'F1':>6}  {'value':>6} {'type':>6}")
        for key, s in scores.items():
            print(_row(key, s))
    if errors is not None:
        print("\nmissed (in gold, not found):")
        for doc_id, g in errors.missed:
            print(f"  {doc_id}: {g['text']!r} {g['type']} {g['value']}")
        print("\nspurious (found, not in gold):")
        for doc_id, s in errors.spurious:
            print(f"  {doc_id}: {s['text']!r} {s['type']} {s['value']}")
        print("\nwrong value (gold -> system):")
        for doc_id, g, s in errors.wrong:
            print(f"  {doc_id}: {g['text']!r} {g['value']} -> {s['text']!r} {s['value']}")
    return 0
