"""Measure the product against gold: the temporal tagger (--gold), the key dates of stories
against journalists' timelines (--timeline) or the actors of fact rows (--actors).

--gold FILE_OR_DIR: TimeML or JSONL gold; strict and relaxed span P/R/F1, value and type F1
(TempEval-3), overall and per type (see --errors, --part, --narrative).
--timeline DIR: a folder of story folders (docs.jsonl + gold.json, the Timeline17 layout) or one
story; each story's articles are ingested into a temporary store, the summarizer picks the gold's
number of days within the gold's span, and date-selection F1 is printed per story and as the mean,
beside the publication-count baseline.
--actors GOLD.jsonl...: hand-annotated fact sentences (docs/gold/, format in docs/actors.md);
actor precision, recall and F1 per language and kind (see --actor-part, --actor-errors).

examples:
  fact-timeline eval --gold ../shared/corpora/tempeval3-tbaq.en.jsonl
  fact-timeline eval --timeline ../shared/corpora/timeline17-dev
  fact-timeline eval --actors docs/gold/actors-gold.de.jsonl docs/gold/actors-gold.en.jsonl
"""

from __future__ import annotations

import argparse
import importlib

# mode option -> module with configure_mode(parser) and run(args)
MODES = {"gold": "dashboard.temporal.command_eval", "timeline": "dashboard.events.timeline_command",
         "actors": "dashboard.actors.command_eval"}


def configure(parser: argparse.ArgumentParser) -> None:
    modes = parser.add_mutually_exclusive_group(required=True)
    for module in MODES.values():
        importlib.import_module(module).configure_mode(modes, parser)
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")


def run(args: argparse.Namespace) -> int:
    for option, module in MODES.items():
        if getattr(args, option, None) is not None:
            return importlib.import_module(module).run(args)
    raise AssertionError("argparse requires one mode")
