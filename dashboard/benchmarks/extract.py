"""Benchmark suite ``extract``: fact extraction stays linear in the document, and the extract
command's memory stays flat however many documents it reads.

- Growth: one article of 100 KB, 1 MB and 10 MB on a single line (the shape that was quadratic:
  a text pasted without line breaks), made of the bundled German sample articles. Each size is
  extracted whole (tagging, sentences, actors, fact rows) and the microseconds per character are
  reported for the whole and for each stage; linear extraction keeps them flat across sizes
  (``per_char_ratio``: the largest size's time per character over the smallest's).
- Memory: ``fact-timeline extract`` run as its own process on generated JSONL files of n and 4n
  documents, its peak resident set size taken from the kernel (``wait4``) and sampled while it
  runs: flat when the command keeps one document's facts at a time.
"""

from __future__ import annotations

import gc
import os
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from dashboard.benchmarks.tagger import MB, sample_docs, write_stream_input

# Stages of extract_facts, timed by wrapping the functions it calls (module attribute names).
STAGES = ("tag", "split_sentences", "find_actors")


@dataclass(frozen=True)
class Sizes:
    growth_chars: tuple[int, ...]
    memory_lines: tuple[int, ...]


FULL = Sizes(growth_chars=(100_000, 1_000_000, 10_000_000), memory_lines=(5_000, 20_000))
QUICK = Sizes(growth_chars=(20_000, 100_000, 400_000), memory_lines=(500, 2_000))


def one_line_article(chars: int) -> tuple[str, date]:
    """The German samples joined on one line and repeated to ``chars`` characters, dated as the
    first sample."""
    docs = sample_docs("de")
    line = " ".join(" ".join(d.text.split()) for d in docs) + " "
    return (line * (chars // len(line) + 1))[:chars], date.fromisoformat(docs[0].dct)


@contextmanager
def stage_timer(module, names: Sequence[str]) -> Iterator[dict[str, float]]:
    """Seconds spent in each named function of ``module`` while the block runs (the functions are
    wrapped for its duration; a name the module does not have is left out)."""
    spent: dict[str, float] = {}
    originals = {name: getattr(module, name) for name in names if callable(getattr(module, name, None))}

    def wrapped(name: str, function: Callable) -> Callable:
        def timed(*args, **kwargs):
            began = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                spent[name] = spent.get(name, 0.0) + time.perf_counter() - began
        return timed

    for name, function in originals.items():
        setattr(module, name, wrapped(name, function))
    try:
        yield spent
    finally:
        for name, function in originals.items():
            setattr(module, name, function)


def extraction_growth(sizes: Sequence[int]) -> dict[str, object]:
    from dashboard.facts import extract as extract_module
    from dashboard.facts.documents import Document

    warm, dct = one_line_article(5_000)
    extract_module.extract_facts(Document("warm-up", warm, dct=dct, lang="de"))
    by_size: dict[str, dict[str, object]] = {}
    for chars in sizes:
        text, dct = one_line_article(chars)
        doc = Document(f"one-line-{chars}", text, dct=dct, lang="de")
        gc.collect()
        with stage_timer(extract_module, STAGES) as spent:
            began = time.perf_counter()
            facts = extract_module.extract_facts(doc)
            seconds = time.perf_counter() - began
        stages = {**spent, "rows": seconds - sum(spent.values())}
        by_size[label(chars)] = {
            "chars": chars, "facts": len(facts), "seconds": round(seconds, 2),
            "us_per_char": round(seconds / chars * 1e6, 2),
            "stage_us_per_char": {name: round(s / chars * 1e6, 2) for name, s in stages.items()},
        }
    first, last = by_size[label(sizes[0])], by_size[label(sizes[-1])]
    return {"sizes": by_size, "per_char_ratio": round(last["us_per_char"] / first["us_per_char"], 2)}


def label(chars: int) -> str:
    return f"{chars / MB:g} MB" if chars >= MB else f"{chars // 1000} KB"


def _sample_rss(pid: int, samples: list[int], done: threading.Event) -> None:
    while not done.wait(0.2):
        try:
            with open(f"/proc/{pid}/status", encoding="ascii") as status:
                rss = next(line for line in status if line.startswith("VmRSS:"))
            samples.append(int(rss.split()[1]) * 1024)
        except (OSError, StopIteration, ValueError):
            return


def extract_command_memory(lines: int, folder: Path) -> dict[str, object]:
    """Peak RSS of ``fact-timeline extract`` over a JSONL file of ``lines`` documents."""
    source, output = folder / f"docs-{lines}.jsonl", folder / f"facts-{lines}.jsonl"
    size = write_stream_input(source, lines)
    command = [sys.executable, "-m", "dashboard", "extract", str(source), "--format", "jsonl", "-o", str(output)]
    began = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    samples: list[int] = []
    done = threading.Event()
    sampler = threading.Thread(target=_sample_rss, args=(process.pid, samples, done), daemon=True)
    sampler.start()
    stderr = process.stderr.read().decode("utf-8", "replace")
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    done.set()
    sampler.join()
    seconds = time.perf_counter() - began
    if process.returncode not in (0, 2):
        raise RuntimeError(f"extract exited {process.returncode}: {stderr.strip().splitlines()[-1:]}")
    with output.open(encoding="utf-8") as facts:
        rows = sum(1 for _ in facts)
    quarter = samples[len(samples) // 4] if samples else None
    return {
        "documents": lines, "bytes": size, "facts": rows, "seconds": round(seconds, 1),
        "peak_rss_mb": round(usage.ru_maxrss * 1024 / MB, 1),  # Linux reports kilobytes
        "rss_mb_at_quarter_time": round(quarter / MB, 1) if quarter else None,
        "rss_mb_at_end": round(samples[-1] / MB, 1) if samples else None,
    }


def run_extract(quick: bool = False) -> dict[str, object]:
    """The ``extract`` suite for ``fact-timeline bench``."""
    sizes = QUICK if quick else FULL
    result: dict[str, object] = {"quick": quick, "growth": extraction_growth(sizes.growth_chars)}
    with tempfile.TemporaryDirectory(prefix="fact-timeline-bench-") as tmp:
        memory = {str(n): extract_command_memory(n, Path(tmp)) for n in sizes.memory_lines}
    peaks = [m["peak_rss_mb"] for m in memory.values()]
    result["memory"] = {"runs": memory, "peak_growth_mb": round(peaks[-1] - peaks[0], 1)}
    return result


def summary(result: dict) -> list[str]:
    growth = result["growth"]
    lines = [f"one-line article {name}: {g['us_per_char']} us/char ({g['seconds']} s, {g['facts']} facts; "
             + ", ".join(f"{stage} {us}" for stage, us in g["stage_us_per_char"].items()) + ")"
             for name, g in growth["sizes"].items()]
    lines.append(f"time per character, largest over smallest: {growth['per_char_ratio']} (1 = linear)")
    for n, m in result["memory"]["runs"].items():
        lines.append(f"extract command, {int(n):,} documents ({m['bytes'] / MB:.1f} MB, {m['facts']:,} facts, "
                     f"{m['seconds']} s): peak RSS {m['peak_rss_mb']} MB")
    lines.append(f"peak RSS growth from {min(map(int, result['memory']['runs'])):,} to "
                 f"{max(map(int, result['memory']['runs'])):,} documents: {result['memory']['peak_growth_mb']} MB")
    return lines
