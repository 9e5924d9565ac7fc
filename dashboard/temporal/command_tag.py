"""Find and normalise temporal expressions (TIMEX3) in JSONL documents, one document a line.

Each input line is {"doc_id", "lang", "dct", "text"}; each output line is the same object with
"timexes": [{"start", "end", "text", "type", "value", "mod"}] added (offsets are characters of
"text"). Relative expressions ("am Dienstag", "last October") are anchored on the line's "dct",
an ISO date; --lang and --dct fill in lines that lack them. A bad line (not JSON, no text, an
invalid DCT, an unknown language) is reported on stderr with its line number and the others are
still tagged; the exit code is then 1. --text tags one string and prints a table instead.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, TextIO

from dashboard.errors import UserError, json_error

STDIO = "-"
_SNIFF = 8192  # bytes looked at to tell a binary file from text


@dataclass(frozen=True)
class LineError:
    """One input line that could not be tagged, named the way an editor jumps to it."""

    source: str
    number: int
    message: str

    def __str__(self) -> str:
        return f"{self.source}:{self.number}: {self.message}"


@dataclass(frozen=True)
class Defaults:
    """What a line gets where it lacks a field; ``narrative`` anchors on the dates the text names."""

    lang: str | None = None
    dct: str | None = None
    narrative: bool = False


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--input", "-i", default=STDIO, metavar="FILE",
                        help="JSONL documents to tag ('-' for standard input, the default)")
    parser.add_argument("--output", "-o", default=STDIO, metavar="FILE",
                        help="where the tagged JSONL goes ('-' for standard output, the default)")
    parser.add_argument("--lang", metavar="CODE",
                        help="language of lines without \"lang\" (de, en, or any dateparser locale code such as fr)")
    parser.add_argument("--dct", metavar="YYYY-MM-DD",
                        help="publication date of lines without \"dct\"; without one, relative expressions are "
                             "anchored on the last date the text names or keep X placeholders (XXXX-10)")
    parser.add_argument("--narrative", action="store_true",
                        help="anchor relative expressions on the last date mentioned even where a DCT is known "
                             "(history texts)")
    parser.add_argument("--text", metavar="TEXT",
                        help="tag this one string and print a table (span, type, value, mod, interval) "
                             "instead of reading JSONL")


def tag_record(record: object, defaults: Defaults) -> dict:
    """The record with its ``timexes``; ``ValueError`` with a one-line reason where it cannot be tagged."""
    from dashboard.temporal.engine import tag

    if not isinstance(record, dict):
        raise ValueError(f"expected a JSON object, got {type(record).__name__}")
    text = record.get("text")
    if text is None:
        raise ValueError('no "text" field')
    if not isinstance(text, str):
        raise ValueError(f'"text" must be a string, got {type(text).__name__}')
    lang = record.get("lang") or defaults.lang
    if not lang:
        raise ValueError('no "lang" field and no --lang default')
    if not isinstance(lang, str):
        raise ValueError(f'"lang" must be a string, got {type(lang).__name__}')
    dct = record.get("dct") or defaults.dct
    if dct is not None and not isinstance(dct, str):
        raise ValueError(f'invalid DCT {dct!r}: expected an ISO date string such as "2025-12-02"')
    timexes = tag(text, dct, lang, narrative=defaults.narrative)
    return {**record, "timexes": [t.to_dict() for t in timexes]}


def _decode(raw: bytes, number: int) -> str:
    try:
        return raw.decode("utf-8-sig" if number == 1 else "utf-8")
    except UnicodeDecodeError as exc:
        raise ValueError(f"not UTF-8 text (byte 0x{raw[exc.start]:02x} at column {exc.start + 1})") from None


def tag_lines(lines: Iterable[bytes | str], source: str, defaults: Defaults = Defaults()) -> Iterator[str | LineError]:
    """Tag JSONL line by line: each line gives its output line (no newline) or a :class:`LineError`.

    Lazy, so memory stays flat however long the input; blank lines are skipped. A failure of the
    tagger itself on one line is reported like bad input, so one document cannot stop a corpus.
    """
    for number, raw in enumerate(lines, 1):
        try:
            line = _decode(raw, number) if isinstance(raw, bytes) else raw
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(json_error(exc)) from None
            yield json.dumps(tag_record(record, defaults), ensure_ascii=False)
        except ValueError as exc:
            yield LineError(source, number, str(exc))
        except Exception as exc:  # noqa: BLE001 - a tagger bug on one document; the rest go on
            yield LineError(source, number, f"could not tag this line ({type(exc).__name__}: {exc})")


def _open_input(name: str, stack: ExitStack) -> BinaryIO:
    if name == STDIO:
        return sys.stdin.buffer
    path = Path(name)
    if path.is_dir():
        raise UserError(f"{name}: is a folder; give a JSONL file")
    try:
        return stack.enter_context(path.open("rb"))
    except OSError as exc:
        raise UserError(f"{name}: cannot read ({exc.strerror or exc})") from None


def _utf8_stdout() -> TextIO:
    """Standard output as UTF-8 whatever the locale says: JSONL is UTF-8 by definition."""
    if hasattr(sys.stdout, "reconfigure") and (sys.stdout.encoding or "").lower().replace("-", "") != "utf8":
        sys.stdout.reconfigure(encoding="utf-8")
    return sys.stdout


def _open_output(name: str, stack: ExitStack) -> TextIO:
    if name == STDIO:
        return _utf8_stdout()
    try:
        return stack.enter_context(Path(name).open("w", encoding="utf-8"))
    except OSError as exc:
        raise UserError(f"{name}: cannot write ({exc.strerror or exc})") from None


def _refuse_binary(handle: BinaryIO, source: str) -> None:
    """A file with NUL bytes is not JSONL text: one line saying so beats an error for every line."""
    head = handle.peek(_SNIFF)[:_SNIFF] if hasattr(handle, "peek") else b""
    if b"\x00" in head:
        raise UserError(f"{source}: binary data, not JSONL text (one JSON object a line, UTF-8)")


def _check_defaults(defaults: Defaults) -> None:
    """Bad --lang or --dct would fail every line: say so once, before reading anything."""
    from dashboard.temporal.engine import parse_dct
    from dashboard.temporal.resources import load_language

    try:
        parse_dct(defaults.dct)
        if defaults.lang:
            load_language(defaults.lang)
    except ValueError as exc:
        raise UserError(f"--lang/--dct: {exc}") from None


def tag_stream(source: str, target: str, defaults: Defaults, errors: TextIO) -> tuple[int, int]:
    """Tag the JSONL file ``source`` into ``target`` ('-' for stdio); (lines written, lines failed)."""
    written = failed = 0
    if STDIO not in (source, target) and Path(source).resolve() == Path(target).resolve():
        raise UserError(f"{target}: the output would overwrite the input; write to another file")
    with ExitStack() as stack:
        handle = _open_input(source, stack)
        name = "<stdin>" if source == STDIO else source
        _refuse_binary(handle, name)
        out = _open_output(target, stack)
        for result in tag_lines(handle, name, defaults):
            if isinstance(result, LineError):
                failed += 1
                print(f"fact-timeline: {result}", file=errors, flush=True)
            else:
                out.write(result + "\n")
                written += 1
        out.flush()
    return written, failed


def format_table(text: str, dct: str | None, lang: str, narrative: bool = False) -> str:
    """A readable table of the expressions in one string, with each DATE/TIME's interval."""
    from dashboard.temporal.engine import tag

    timexes = tag(text, dct, lang, narrative=narrative)
    if not timexes:
        return "no temporal expressions found"
    rows = [("span", "text", "type", "value", "mod", "interval")]
    for t in timexes:
        interval = t.interval()
        shown = (f"{interval.start:%Y-%m-%d %H:%M} .. {interval.end:%Y-%m-%d %H:%M} ({interval.granularity})"
                 .replace(" 00:00", "") if interval else "")
        rows.append((f"{t.start}-{t.end}", t.text, t.type, t.value, t.mod or "", shown))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join("  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip() for row in rows)


def run(args: argparse.Namespace) -> int:
    defaults = Defaults(lang=args.lang, dct=args.dct, narrative=args.narrative)
    _check_defaults(defaults)
    if args.text is not None:
        if not args.lang:
            raise UserError("--text needs --lang (de, en, or a dateparser locale code such as fr)")
        print(format_table(args.text, args.dct, args.lang, args.narrative), file=_utf8_stdout())
        return 0
    written, failed = tag_stream(args.input, args.output, defaults, sys.stderr)
    if failed:
        print(f"fact-timeline: {failed} of {written + failed} lines could not be tagged", file=sys.stderr)
        return 1
    return 0
