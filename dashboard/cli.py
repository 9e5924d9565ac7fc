"""The ``fact-timeline`` command: one subcommand per thing the dashboard does.

Each subcommand lives in the package of its stage, as a module with ``configure(parser)`` and
``run(args) -> int``. Only the module of the subcommand being run is imported, so
``fact-timeline tag`` does not pay for Streamlit and ``serve`` does not pay for the tagger.
With no arguments the command opens the dashboard on the bundled sample (``serve``).
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from dashboard import __version__
from dashboard.errors import UserError

PROG = "fact-timeline"

# name -> (module implementing it, one-line summary shown by `fact-timeline --help`)
COMMANDS: dict[str, tuple[str, str]] = {
    "serve": ("dashboard.app.serve", "open the Streamlit dashboard (the default with no arguments)"),
    "tag": ("dashboard.temporal.command_tag", "find and normalise temporal expressions in JSONL documents"),
    "extract": ("dashboard.facts.command", "turn articles into fact rows (jsonl, csv, parquet or a table)"),
    "ingest": ("dashboard.store.command", "add articles to the DuckDB fact store"),
    "actors": ("dashboard.store.actor_command", "list and correct actors: merge, rename, alias, kind, reject, CSV"),
    "delete": ("dashboard.store.delete_command", "delete documents and their facts from the fact store"),
    "export": ("dashboard.export.command", "write a chart or the filtered facts to a file"),
    "events": ("dashboard.events.command", "list the events (facts that state the same happening) of the store"),
    "summarize": ("dashboard.events.summarize_command", "the key dates of a story, with sentences and sources"),
    "eval": ("dashboard.eval_command", "score the tagger (--gold), key dates (--timeline) or actors (--actors) against gold"),
    "train-ner": ("dashboard.actors.training", "train the shipped German and English entity models from the NER corpora"),
    "bench": ("dashboard.benchmarks.command", "measure tagger throughput, store queries and ingest speed"),
}


def _top_parser() -> argparse.ArgumentParser:
    lines = "\n".join(f"  {name:<9} {summary}" for name, (_, summary) in COMMANDS.items())
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Turn dated statements in news articles into a fact table, timelines and charts.",
        epilog=f"commands:\n{lines}\n\nRun '{PROG} COMMAND --help' for the options of a command.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    parser.add_argument("--debug", action="store_true", help="show full tracebacks on errors")
    parser.add_argument("command", nargs="?", choices=list(COMMANDS), metavar="COMMAND")
    return parser


def _command_parser(name: str):
    module = importlib.import_module(COMMANDS[name][0])
    parser = argparse.ArgumentParser(
        prog=f"{PROG} {name}",
        description=(module.__doc__ or COMMANDS[name][1]).strip(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--debug", action="store_true", help="show full tracebacks on errors")
    module.configure(parser)
    return module, parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in argv or bool(os.environ.get("FACT_TIMELINE_DEBUG"))
    # The command is the first word that is not a global option.
    index = next((i for i, a in enumerate(argv) if not a.startswith("-")), None)
    if index is None:
        if any(a in ("-h", "--help", "--version") for a in argv):
            _top_parser().parse_args(argv)
            return 0
        name, rest = "serve", [a for a in argv if a != "--debug"]
    else:
        name, rest = argv[index], argv[:index] + argv[index + 1 :]
        if name not in COMMANDS:
            _top_parser().parse_args(argv)  # prints the usage and the valid commands, exits 2
    try:
        module, parser = _command_parser(name)
        args = parser.parse_args(rest)
        return int(module.run(args) or 0)
    except UserError as exc:
        if debug:
            raise
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # noqa: BLE001 - the last guard before a traceback reaches a user
        if debug:
            raise
        print(f"{PROG}: error: {type(exc).__name__}: {exc} (run with --debug for details)", file=sys.stderr)
        return 1
