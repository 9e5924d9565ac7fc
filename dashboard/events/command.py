"""List the events of a fact store: facts that state the same happening, one row each.

An event passes the filters when one of its facts does; its columns describe all its facts
(sources, actors, counts, the first and latest report). Columns: event_id, start, end,
granularity, label, actors, actor_kinds, status, n_facts, n_documents, first_reported,
last_reported, fact_ids, doc_ids, sentence, lang, timex_text, value, dating. Statements dated
only by their report carry dating "report".

examples:
  fact-timeline events --db facts.duckdb --actor NATO --from 2025-06 --to 2025-07
  fact-timeline events --db facts.duckdb --format csv -o events.csv
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from dashboard.errors import UserError
from dashboard.export.command import add_filter_options, fact_filter, load_facts, write_atomically
from dashboard.facts.output import facts_bytes
from dashboard.paths import default_db_path
from dashboard.store.filters import FactFilter

FORMATS = ("jsonl", "csv", "parquet")


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", type=Path, metavar="PATH", help=f"fact store (default: {default_db_path()})")
    parser.add_argument("--format", choices=FORMATS, default="jsonl", type=str.lower, help="output format (default: jsonl)")
    parser.add_argument("-o", "--output", default="-", metavar="FILE", help="file to write (default: standard output)")
    add_filter_options(parser)


def open_store(db: Path | None):
    """The store at ``db``; a missing, unreadable or empty one is the user's one-line error."""
    from dashboard.store import FactStore

    path = Path(db or default_db_path())
    load_facts(path, FactFilter(doc_ids=("",)))  # checks the file as export does, reading no fact
    return FactStore(path)


def emit(payload: bytes, output: str, what: str) -> None:
    """Write to standard output or, atomically, to a file (and say so on standard error)."""
    if output == "-":
        sys.stdout.buffer.write(payload)
        sys.stdout.buffer.flush()
    else:
        write_atomically(Path(output), payload)
        print(f"wrote {output}: {what}, {len(payload):,} bytes", file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    if args.format == "parquet" and args.output == "-" and sys.stdout.isatty():
        raise UserError("parquet is binary: write it to a file with -o FILE")
    store = open_store(args.db)
    events = store.events(fact_filter(args))
    emit(facts_bytes(events, args.format), args.output, f"{len(events)} events")
    if events.empty:
        print("note: no events match the filters", file=sys.stderr)
    return 0
