"""Turn articles into fact rows: one row per dated statement, with its interval, actors and status.

FILES are .txt files (optionally with front matter: ---, title:, date:, lang:, id:, ---),
.html pages, .jsonl files (one {"doc_id", "title", "url", "dct", "lang", "text"} a line),
folders (read recursively) or glob patterns. Where --dct is not given, the publication date comes
from each file's metadata, else it is inferred from the text (marked dct_inferred). Files that
cannot be read are reported by name (and line) on stderr; the others are still processed and
the exit code is 2. Facts are written as each document is done (memory holds one document's
facts, however many documents there are); Ctrl-C stops with every finished document written.

Example: fact-timeline extract article.txt --dct 2025-12-02 --lang de --format csv -o facts.csv
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Iterable, Iterator

from dashboard.errors import UserError
from dashboard.interrupts import uninterrupted
from dashboard.actors import default_gazetteer, load_gazetteer
from dashboard.facts.documents import UNDATED, Document, LoadError, load_documents
from dashboard.events.headline import label_facts
from dashboard.facts.extract import extract_facts
from dashboard.facts.output import FORMATS, FactWriter

PROG = "fact-timeline"


def add_input_options(parser: argparse.ArgumentParser) -> None:
    """The options ``extract`` and ``ingest`` share: what to read and how to read it."""
    parser.add_argument("files", nargs="+", metavar="FILES", help="files, folders or glob patterns (.txt, .html, .jsonl)")
    parser.add_argument("--dct", metavar="YYYY-MM-DD", help="publication date for every document (overrides metadata)")
    parser.add_argument("--lang", metavar="L", help="language of every document: de, en, or any dateparser locale code such as fr (explicit dates only; default: metadata, else detected)")
    parser.add_argument("--actors", metavar="CSV", action="append", default=[],
                        help="extra actors: CSV with name,kind,wikidata,country,role,aliases (repeatable)")


def report_error(error: LoadError | str) -> None:
    print(f"{PROG}: error: {error}", file=sys.stderr)


def with_notes(items: Iterable[Document | LoadError]) -> Iterator[Document | LoadError]:
    """The items unchanged, with a line on stderr for each warning of how a document was read
    (stray bytes replaced) and a note for each document without a publication date: its
    relative expressions have no anchor, and a user should know why they are missing."""
    for item in items:
        if isinstance(item, Document):
            for warning in item.warnings:
                print(f"{PROG}: warning: {warning}", file=sys.stderr)
            if item.dct is None:
                print(f"{PROG}: note: {item.source}: {UNDATED}; give one with --dct or in the metadata", file=sys.stderr)
        yield item


def configure(parser: argparse.ArgumentParser) -> None:
    add_input_options(parser)
    parser.add_argument("--format", choices=FORMATS, default="table", help="output format (default: table)")
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")


def _open_output(path: str | None):
    if not path:
        return contextlib.nullcontext(sys.stdout.buffer)
    try:
        return open(path, "wb")
    except OSError as exc:
        raise UserError(f"{path}: cannot write the output ({exc.strerror or exc})") from None


def run(args: argparse.Namespace) -> int:
    if args.format == "parquet" and not args.output:
        raise UserError("--format parquet writes binary data: give an output file with -o FILE")
    gazetteer = load_gazetteer(args.actors) if args.actors else default_gazetteer()
    documents = with_notes(load_documents(args.files, dct=args.dct, lang=args.lang))
    failures, n_docs = 0, 0
    where = args.output or "standard output"
    with _open_output(args.output) as handle:
        writer = FactWriter(handle, args.format)
        try:
            for item in documents:  # one document's facts in memory at a time, written at once
                if isinstance(item, LoadError):
                    report_error(item)
                    failures += 1
                    continue
                try:
                    facts = label_facts(extract_facts(item, gazetteer))
                except Exception as exc:  # noqa: BLE001 - report the document, go on with the others
                    report_error(f"{item.source}: extraction failed: {type(exc).__name__}: {exc}")
                    failures += 1
                    continue
                with uninterrupted():  # Ctrl-C waits until the document is written whole and counted
                    writer.write(facts)
                    n_docs += 1
        except KeyboardInterrupt:
            writer.close()
            print(f"{PROG}: interrupted: {writer.rows} facts from {n_docs} documents written to {where}; "
                  "the documents after them were not read", file=sys.stderr)
            return 130
        writer.close()
    print(f"{writer.rows} facts from {n_docs} documents; {failures} failed", file=sys.stderr)
    return 2 if failures else 0
