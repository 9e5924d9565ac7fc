"""Measure the product's speed and memory: tagger throughput (MB/s on one core, beside
dateparser.search_dates on the same text), growth with input size, peak memory, fact extraction's
time per character from 100 KB to 10 MB and the extract command's memory, store queries and
ingest, chart building and export, and the dashboard's answer time in a real browser.

Each suite prints a readable summary; all figures, with the machine they were measured on
(Python, CPUs, platform, date, git commit), go to one JSON file. A suite that cannot run here
(its module is missing, no Chromium for the dashboard suite) is recorded with the reason, never
left out silently; the exit code is 1 when a suite failed.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import inspect
import json
import os
import platform
import shutil
import subprocess
import sys
import time
import traceback
from importlib import metadata
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from dashboard.errors import UserError

# Suite name -> "module:function". Each function returns a dict of figures; it may take
# ``quick`` (smaller inputs) and ``corpora`` (JSONL files of real text) when it uses them.
SUITES: dict[str, str] = {
    "tagger": "dashboard.benchmarks.tagger:run_tagger",
    "extract": "dashboard.benchmarks.extract:run_extract",
    "store": "dashboard.benchmarks.store:run_store",
    "ner": "dashboard.benchmarks.ner:run_ner",
    "events": "dashboard.benchmarks.events:run_events",
    "charts": "dashboard.benchmarks.charts:run_charts",
    "dashboard": "dashboard.benchmarks.dashboard:run_dashboard",
}
# What a suite needs from the machine beyond Python packages: executables (checked before it runs).
NEEDS_EXECUTABLE = {"dashboard": "/usr/bin/chromium", "charts": "/usr/bin/chromium"}
DEFAULT_OUTPUT = "bench-results.json"


@dataclass
class Outcome:
    """How one suite went: ``ok`` with its figures, ``skipped`` or ``failed`` with the reason."""

    status: str
    seconds: float = 0.0
    results: dict | None = None
    reason: str = ""
    summary: tuple[str, ...] = ()
    note: str = ""

    def to_dict(self) -> dict:
        out: dict[str, object] = {"status": self.status, "seconds": round(self.seconds, 2)}
        if self.reason:
            out["reason"] = self.reason
        if self.note:
            out["note"] = self.note
        if self.results is not None:
            out["results"] = self.results
        return out


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--suite", choices=[*SUITES, "all"], default="tagger",
                        help="which suite to run (default: tagger); 'all' runs every suite in turn")
    parser.add_argument("--output", "-o", default=DEFAULT_OUTPUT, metavar="FILE",
                        help=f"JSON file for all figures and the machine info (default: {DEFAULT_OUTPUT})")
    parser.add_argument("--quick", action="store_true",
                        help="smaller inputs for a quick check (the tagger suite in about 10 s; suites without a quick mode run in full)")
    parser.add_argument("--corpus", nargs="+", default=[], metavar="JSONL",
                        help="also measure the tagger on these JSONL corpora (one {lang, dct, text} a line), "
                             "e.g. ../shared/corpora/*.jsonl")


def machine_info() -> dict[str, object]:
    """Where the figures were measured, so that two result files can be compared fairly."""
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:
        usable = os.cpu_count()
    info: dict[str, object] = {
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "cpu_count": os.cpu_count(),
        "cpus_usable": usable,
        "processor": platform.processor() or platform.machine(),
        "platform": platform.platform(),
        "date": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "git_commit": git_commit(),
    }
    for package in ("fact-timeline", "dateparser", "duckdb", "streamlit"):
        try:
            info[f"{package}_version"] = metadata.version(package)
        except metadata.PackageNotFoundError:
            continue
    return info


def git_commit() -> str | None:
    """The commit of the source tree the package runs from (``+dirty`` with local changes)."""
    root = Path(__file__).resolve().parent.parent.parent
    if not shutil.which("git") or not (root / ".git").exists():
        return None
    try:
        commit = subprocess.run(["git", "-C", str(root), "rev-parse", "HEAD"], capture_output=True, text=True,
                                timeout=10, check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(root), "status", "--porcelain", "--untracked-files=no"],
                               capture_output=True, text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    return commit + ("+dirty" if dirty else "")


def load_suite(name: str):
    """(function, module, None), or (None, None, Outcome) saying why the suite cannot be loaded:
    skipped where its module does not exist yet, failed where it is broken."""
    module_name, _, function = SUITES[name].partition(":")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name == module_name:
            return None, None, Outcome("skipped", reason=f"module {module_name} does not exist yet")
        return None, None, Outcome("failed", reason=f"cannot import {module_name}: {exc}")
    except Exception as exc:  # noqa: BLE001 - a suite that does not import is a failed suite
        return None, None, Outcome("failed", reason=f"cannot import {module_name}: {type(exc).__name__}: {exc}")
    if not callable(getattr(module, function, None)):
        return None, None, Outcome("failed", reason=f"{module_name} has no function {function}()")
    return getattr(module, function), module, None


def missing_requirement(name: str) -> str:
    """Why the machine cannot run a suite (an executable or a package it needs), or ''."""
    executable = NEEDS_EXECUTABLE.get(name)
    if executable and not (os.path.exists(executable) or shutil.which(executable)):
        return f"{executable} is not installed (apt-get install chromium); this suite drives a real browser"
    if name == "dashboard" and importlib.util.find_spec("playwright") is None:
        return "the playwright package is not installed (pip install -e '.[test]')"
    return ""


def call_suite(function, quick: bool, corpora: list[str]) -> dict:
    """Call a suite with the options its signature takes."""
    parameters = inspect.signature(function).parameters
    kwargs: dict[str, object] = {}
    if "quick" in parameters:
        kwargs["quick"] = quick
    if "corpora" in parameters:
        kwargs["corpora"] = tuple(corpora)
    return function(**kwargs)


def browser_missing(exc: BaseException) -> bool:
    """Whether a suite stopped because the browser it drives is not there or does not start."""
    text = f"{type(exc).__name__}: {exc}".lower()
    return any(sign in text for sign in ("chromium", "executable doesn't exist", "browsertype.launch",
                                         "no browser", "exportunavailable"))


def run_suite(name: str, quick: bool, corpora: list[str]) -> Outcome:
    function, module, problem = load_suite(name)
    if problem is not None:
        return problem
    if reason := missing_requirement(name):
        return Outcome("skipped", reason=reason)
    began = time.perf_counter()
    try:
        results = call_suite(function, quick, corpora)
    except Exception as exc:  # noqa: BLE001 - one broken suite must not lose the others' figures
        last = traceback.extract_tb(exc.__traceback__)[-1]
        where = f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''} " \
                f"(at {Path(last.filename).name}:{last.lineno})"
        if name in NEEDS_EXECUTABLE and browser_missing(exc):
            return Outcome("skipped", time.perf_counter() - began, reason=f"the browser could not be used: {where}")
        return Outcome("failed", time.perf_counter() - began, reason=where)
    seconds = time.perf_counter() - began
    note = "no quick mode: full run" if quick and "quick" not in inspect.signature(function).parameters else ""
    describe = getattr(module, "summary", None)
    lines = tuple(describe(results)) if callable(describe) else tuple(flatten(results))
    return Outcome("ok", seconds, results, summary=lines, note=note)


def _scalar(value: object) -> bool:
    return isinstance(value, (int, float, str, bool)) or value is None


def flatten(figures: dict, prefix: str = "") -> list[str]:
    """A nested dict of figures as readable lines, for suites with no ``summary()``: a dict of
    plain figures is one line (``query.queries.actor: median_ms 47.1, rows 3146``)."""
    lines: list[str] = []
    plain = {k: v for k, v in figures.items() if _scalar(v)}
    if plain:
        lines.append(f"{prefix.rstrip('.') or 'figures'}: " + ", ".join(f"{k} {v}" for k, v in plain.items()))
    for key, value in figures.items():
        if isinstance(value, dict):
            lines += flatten(value, f"{prefix}{key}.")
    return lines


def write_results(path: Path, document: dict) -> None:
    """Write the JSON file whole or not at all (a crash mid-write keeps the previous one)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(path.name + ".partial")
        partial.write_text(json.dumps(document, indent=2, ensure_ascii=False, default=str) + "\n", encoding="utf-8")
        partial.replace(path)
    except OSError as exc:
        raise UserError(f"{path}: cannot write the results ({exc.strerror or exc})") from None


def run(args: argparse.Namespace) -> int:
    for corpus in args.corpus:
        if not Path(corpus).is_file():
            raise UserError(f"{corpus}: no such corpus file (JSONL with lang, dct and text a line)")
    output = Path(args.output)
    if output.is_dir():
        raise UserError(f"{output}: is a folder; give a file name for the JSON results")
    names = list(SUITES) if args.suite == "all" else [args.suite]
    document: dict[str, object] = {"machine": machine_info(), "quick": args.quick, "corpora": args.corpus,
                                   "suites": {}}
    failed = False
    for name in names:
        print(f"== {name} ...", file=sys.stderr, flush=True)
        outcome = run_suite(name, args.quick, args.corpus)
        document["suites"][name] = outcome.to_dict()
        if outcome.status == "ok":
            print(f"== {name} ({outcome.seconds:.1f} s{'; ' + outcome.note if outcome.note else ''})")
            for line in outcome.summary:
                print(f"  {line}")
        else:
            print(f"== {name}: {outcome.status.upper()}: {outcome.reason}")
            failed |= outcome.status == "failed"
        sys.stdout.flush()
        write_results(output, document)  # after each suite, so a long run keeps what it measured
    info = document["machine"]
    print(f"figures written to {output} (Python {info['python']}, {info['cpus_usable']} CPUs, "
          f"commit {info['git_commit'] or 'unknown'})")
    return 1 if failed else 0
