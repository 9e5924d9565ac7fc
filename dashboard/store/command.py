"""Add articles to the DuckDB fact store (created on first use).

FILES are read as by `fact-timeline extract` (.txt with optional front matter, .html, .jsonl,
folders, globs). Ingest is idempotent: a document already stored with the same content is
skipped, one whose text changed replaces the stored one (said on stderr: "replaced ID (text changed)"). A document that cannot be read or
extracted is reported by name and the others still go in; the exit code is 0 only when all went
in. Extraction uses all cores (--workers) or, with --engine dask (extra 'scale'), Dask over
Parquet partitions, on a cluster given by --scheduler. A running dashboard may read the same
store meanwhile.

Example: fact-timeline ingest articles/ --db facts.duckdb
"""

from __future__ import annotations

import argparse
import sys

from dashboard.facts.command import add_input_options, with_notes, report_error
from dashboard.facts.documents import load_documents
from dashboard.paths import default_db_path
from dashboard.store.ingest import ENGINES, IngestInterrupted, IngestReport, default_workers
from dashboard.store.store import FactStore


# Replacements named one a line up to this many; a re-ingest of a changed corpus says the rest as a count.
_SHOWN = 50


def configure(parser: argparse.ArgumentParser) -> None:
    add_input_options(parser)
    parser.add_argument("--db", metavar="PATH", help=f"the DuckDB file (default: {default_db_path()})")
    parser.add_argument("--engine", choices=ENGINES, default="local", help="local process pool (default) or dask")
    parser.add_argument("--workers", type=int, metavar="N", default=default_workers(),
                        help="processes extracting in parallel (default: all cores)")
    parser.add_argument("--scheduler", metavar="ADDRESS", help="with --engine dask: a Dask scheduler, e.g. tcp://host:8786")
    parser.add_argument("--batch-size", type=int, metavar="N", default=200,
                        help="documents per write (default 200; smaller lets a dashboard read in between more often)")


def _show_progress(report) -> None:
    """One line, rewritten after each batch, while a long ingest runs in a terminal."""
    print(f"\r{report.summary()} so far", end="", file=sys.stderr, flush=True)


def run(args: argparse.Namespace) -> int:
    store = FactStore(args.db)
    stopped: IngestInterrupted | None = None
    try:
        report = _ingest(store, args)
    except IngestInterrupted as stop:  # Ctrl-C: every stored document is whole; say which are in
        report, stopped = stop.report, stop
    if sys.stderr.isatty():
        print(file=sys.stderr)
    _say_what_happened(report)
    if stopped is not None:
        print(f"fact-timeline: {stopped.summary()} in {store.path}", file=sys.stderr)
        return 130
    print(f"{report.summary()} in {store.path}", file=sys.stderr)
    return 0 if report.ok else 2


def _ingest(store: FactStore, args: argparse.Namespace) -> IngestReport:
    return store.ingest(
        with_notes(load_documents(args.files, dct=args.dct, lang=args.lang)),
        workers=args.workers,
        engine=args.engine,
        actors_csv=args.actors,
        scheduler=args.scheduler,
        batch_size=max(1, args.batch_size),
        progress=_show_progress if sys.stderr.isatty() else None,
    )


def _say_what_happened(report: IngestReport) -> None:
    """A line for each replaced and each failed document (before the summary)."""
    replacements = report.replacements()
    for line in replacements[:_SHOWN]:
        print(f"fact-timeline: note: {line}", file=sys.stderr)
    if len(replacements) > _SHOWN:
        print(f"fact-timeline: note: and {len(replacements) - _SHOWN} more replaced", file=sys.stderr)
    for name, reason in report.failed:
        report_error(f"{name}: {reason}")
