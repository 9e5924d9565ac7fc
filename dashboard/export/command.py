"""Write a chart or the filtered facts of a fact store to a file.

Charts: --format png, svg, pdf (need a Chromium browser) or html (self-contained, works
offline). Data: csv, json, parquet or timelinejs (TimelineJS3 JSON); data formats ignore
--chart. Without --format the file name's ending decides (.png, .csv, .timeline.json, ...).
Filters combine like the dashboard's sidebar: --actor keeps facts naming any (or, with
--actor-mode all, every) given actor; --from/--to keep facts whose interval overlaps the range
(YYYY, YYYY-MM or YYYY-MM-DD).

examples:
  fact-timeline export --chart timeline --actor "Donald Trump" -o trump.png
  fact-timeline export --format csv --from 2025-10 --to 2025-12 --status future -o planned.csv
"""

from __future__ import annotations

import argparse
import calendar
import os
import re
import sys
import tempfile
from datetime import date
from pathlib import Path

from dashboard.charts import CHARTS
from dashboard.errors import UserError
from dashboard.export import DATA_FORMATS, FIGURE_FORMATS, FORMATS, ExportUnavailable, data_bytes, figure_bytes
from dashboard.facts.schema import FACT_TYPES, STATUSES
from dashboard.paths import default_db_path
from dashboard.store.filters import FactFilter

# file ending -> format, longest first so ".timeline.json" wins over ".json"
SUFFIX_FORMATS = {
    ".timeline.json": "timelinejs", ".timelinejs": "timelinejs", ".htm": "html",
    ".timeline.csv": "timelinejs-csv", ".chart.csv": "chart-csv",
    **{f".{fmt}": fmt for fmt in FORMATS if fmt not in ("timelinejs", "timelinejs-csv", "chart-csv")},
}
_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--chart", choices=list(CHARTS), default="timeline", help="which chart (default: timeline)")
    parser.add_argument("--format", choices=FORMATS, type=str.lower,
                        help="file format (default: from the ending of -o)")
    parser.add_argument("-o", "--output", required=True, metavar="FILE", help="file to write ('-' for standard output)")
    parser.add_argument("--db", type=Path, metavar="PATH", help=f"fact store (default: {default_db_path()})")
    parser.add_argument("--lane-by", choices=("actor", "document"), default="actor",
                        help="timeline lanes, and the group of TimelineJS events (default: actor)")
    words = parser.add_argument_group("words on the chart (defaults say the filters, the period and the sources)")
    words.add_argument("--title", help="title (default e.g. 'Facts naming Donald Trump, Oct 2025 – Jan 2026')")
    words.add_argument("--subtitle", help="subtitle (default: what the chart draws)")
    words.add_argument("--note", help="note below the chart (default: what is left out)")
    words.add_argument("--source-line", dest="source_line", help="source line (default: articles, outlets, date)")
    parser.add_argument("--show-vague", action="store_true",
                        help="draw vague references (PAST_REF, PRESENT_REF, FUTURE_REF) on time charts too")
    parser.add_argument("--show-reports", action="store_true",
                        help="draw statements dated only by their article's publication day too")
    parser.add_argument("--width", type=int, help="image width in pixels (png, svg, pdf)")
    parser.add_argument("--height", type=int, help="image height in pixels (png, svg, pdf)")
    add_filter_options(parser)


def add_filter_options(parser: argparse.ArgumentParser) -> None:
    """The sidebar's filters as options (shared by every command that reads the store)."""
    filters = parser.add_argument_group("filters (as in the dashboard's sidebar)")
    filters.add_argument("--actor", action="extend", nargs="+", default=[], metavar="NAME", help="actor name(s)")
    filters.add_argument("--actor-mode", choices=("any", "all"), default="any",
                         help="keep facts naming any (default) or all of the actors")
    filters.add_argument("--from", dest="date_from", type=parse_first_day,
                         metavar="DATE", help="keep facts that end on or after DATE")
    filters.add_argument("--to", dest="date_to", type=parse_last_day,
                         metavar="DATE", help="keep facts that start on or before DATE")
    filters.add_argument("--doc", action="extend", nargs="+", default=[], metavar="ID", help="document id(s)")
    filters.add_argument("--status", action="extend", nargs="+", default=[], choices=STATUSES, metavar="S",
                         help=f"status(es): {', '.join(STATUSES)}")
    filters.add_argument("--type", action="extend", nargs="+", default=[], choices=FACT_TYPES, metavar="T",
                         type=str.upper, help=f"expression type(s): {', '.join(FACT_TYPES)}")
    filters.add_argument("--text", default="", help="text the sentence or expression contains")


def parse_first_day(text: str) -> date:
    return parse_day(text, last=False)


def parse_last_day(text: str) -> date:
    return parse_day(text, last=True)


def parse_day(text: str, *, last: bool) -> date:
    """YYYY, YYYY-MM or YYYY-MM-DD as a day: the first day of the span, or with ``last`` the last."""
    m = _DATE.match(text.strip())
    try:
        if not m:
            raise ValueError
        year, month, day = int(m[1]), int(m[2] or (12 if last else 1)), m[3]
        if day is None:
            return date(year, month, calendar.monthrange(year, month)[1] if last else 1)
        return date(year, month, int(day))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)") from None


def output_format(args: argparse.Namespace) -> str:
    if args.format:
        return args.format
    name = args.output.lower()
    for suffix, fmt in sorted(SUFFIX_FORMATS.items(), key=lambda item: -len(item[0])):
        if name.endswith(suffix):
            return fmt
    raise UserError(f"cannot tell the format from {args.output!r}: add --format ({', '.join(FORMATS)})")


def fact_filter(args: argparse.Namespace) -> FactFilter:
    if args.date_from and args.date_to and args.date_from > args.date_to:
        raise UserError(f"--from {args.date_from} is after --to {args.date_to}")
    return FactFilter(
        actors=tuple(args.actor), actor_mode=args.actor_mode, date_from=args.date_from, date_to=args.date_to,
        doc_ids=tuple(args.doc), statuses=tuple(args.status), types=tuple(args.type), text=args.text,
    )


def load_facts(db: Path, flt: FactFilter):
    """The filtered facts; a missing, unreadable or empty store is the user's one-line error."""
    if not db.is_file():
        raise UserError(f"no fact store at {db}: add articles first with 'fact-timeline ingest FILE --db {db}'")
    from dashboard.store import FactStore

    try:
        store = FactStore(db)
        facts = store.facts(flt)
        if facts.empty and store.facts(FactFilter()).empty:
            raise UserError(f"the fact store {db} holds no facts: add articles with 'fact-timeline ingest FILE --db {db}'")
    except UserError:
        raise
    except Exception as exc:  # noqa: BLE001 - DuckDB's errors name the file badly or not at all
        raise UserError(f"cannot read the fact store {db}: {exc}".splitlines()[0]) from exc
    return facts


def chart_text(facts, args: argparse.Namespace):
    """The title, subtitle, note and source line: the defaults for these facts and filters,
    with whatever the user gave on the command line instead."""
    from dashboard.charts.text import ChartText
    from dashboard.export.captions import default_text

    default = default_text(fact_filter(args), facts, show_vague=args.show_vague, show_reports=args.show_reports)
    given = ChartText(title=args.title or "", subtitle=args.subtitle or "", note=args.note or "",
                      source=args.source_line or "")
    return default.merged(given)


TIME_CHARTS = ("timeline", "per-month", "per-quarter", "heatmap")


def render(facts, fmt: str, args: argparse.Namespace) -> bytes:
    from dashboard.charts.text import with_text

    shown = {"show_vague": args.show_vague, "show_reports": args.show_reports}
    text = chart_text(facts, args)
    if fmt in DATA_FORMATS:
        return data_bytes(facts, fmt, group_by=args.lane_by, title=text.title, subtitle=args.subtitle, **shown)
    chart = CHARTS[args.chart]
    options = shown if args.chart in TIME_CHARTS else {}
    if args.chart == "timeline":
        options |= {"lane_by": args.lane_by, "date_from": args.date_from, "date_to": args.date_to}
    fig = with_text(chart(facts, **options), text)
    try:
        return figure_bytes(fig, fmt, width=args.width, height=args.height)
    except ExportUnavailable as exc:
        raise UserError(str(exc)) from None


def write_atomically(path: Path, payload: bytes) -> None:
    """Write beside the target and rename, so a failed export never leaves half a file."""
    folder = path.parent
    if not folder.is_dir():
        raise UserError(f"cannot write {path}: the folder {folder} does not exist")
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=folder)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(payload)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def run(args: argparse.Namespace) -> int:
    fmt = output_format(args)
    db = args.db or default_db_path()
    facts = load_facts(Path(db), fact_filter(args))
    payload = render(facts, fmt, args)
    what = fmt if fmt in DATA_FORMATS else f"{args.chart} chart as {fmt}"
    if args.output == "-":
        sys.stdout.buffer.write(payload)
        sys.stdout.buffer.flush()
    else:
        write_atomically(Path(args.output), payload)
        print(f"wrote {args.output}: {what}, {len(facts)} facts, {len(payload):,} bytes", file=sys.stderr)
    if facts.empty:
        print("note: no facts match the filters", file=sys.stderr)
    return 0
