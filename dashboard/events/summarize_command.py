"""The key dates of a story: the N days its articles say mattered, with what happened on each.

Days are ranked by what the articles say about them: how many point at the day with a dated
statement, how soon after it they were published, whether the pointer is in a headline or lead,
and how many were published on it. Each day comes with the K sentences that best say what
happened (one per event, the most reported first) and its sources (the articles pointing at it).
--from/--to bound the days; the other filters choose the story's facts as in the sidebar.
A jsonl line is {"date": "YYYY-MM-DD", "sentences": [...], "sources": [doc_ids], "score": ...}.

examples:
  fact-timeline summarize --db facts.duckdb --dates 10
  fact-timeline summarize --db facts.duckdb --dates 5 --sentences 1 --actor NATO --format md -o story.md
"""

from __future__ import annotations

import argparse
from pathlib import Path

from dashboard.events.command import emit, open_store
from dashboard.events.story import FORMATS, documents_by_id, render, story_dates
from dashboard.export.command import add_filter_options, fact_filter
from dashboard.paths import default_db_path


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a positive whole number")
    return value


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", type=Path, metavar="PATH", help=f"fact store (default: {default_db_path()})")
    parser.add_argument("--dates", type=_positive, required=True, metavar="N", help="how many days")
    parser.add_argument("--sentences", type=_positive, default=2, metavar="K", help="sentences per day (default: 2)")
    parser.add_argument("--format", choices=FORMATS, default="jsonl", type=str.lower, help="output format (default: jsonl)")
    parser.add_argument("--title", default="Key dates", help="heading of the md and html output")
    parser.add_argument("-o", "--output", default="-", metavar="FILE", help="file to write (default: standard output)")
    add_filter_options(parser)


def run(args: argparse.Namespace) -> int:
    store = open_store(args.db)
    dates = story_dates(store, fact_filter(args), args.dates, args.sentences)
    emit(render(dates, args.format, documents_by_id(store), args.title), args.output, f"{len(dates)} key dates")
    return 0
