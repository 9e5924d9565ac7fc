"""Benchmark suite ``tagger``: speed, growth and memory of the temporal tagger on one core.

- Throughput: MB/s of UTF-8 text and characters/s, German and English apart, on news text: the
  bundled sample articles (``data/samples``, each tagged with its own publication date, repeated
  to about 1 MB a language) and any JSONL corpus given. One warm-up pass, then the median of
  several passes.
- The same text through ``dateparser.search_dates`` (a smaller slice: it is far slower), in
  characters/s, and the tagger's speed as a multiple of it.
- Growth: one long document of 1x, 2x, 4x and 8x the size; the time ratios should be about 1,
  2, 4, 8. Adversarial inputs (runs of digits, dots, capitals, "1.1.1.", "Jahr Jahr ...", month
  names of every length) at 1x, 2x, 4x and 8x n characters: the time per character relative to
  the 1x run stays near 1 when there is no catastrophic backtracking and no quadratic step
  (a regex that backtracks, or a selection that inserts into a list, shows 2 to 8 at 8x).
- Memory: tracemalloc's peak while tagging one long document, and the resident set size while a
  large generated JSONL file streams through the tag command's own streaming function, read at
  10 %, 50 % and 100 % of the lines (flat when the stream keeps nothing).
"""

from __future__ import annotations

import gc
import json
import os
import re
import statistics
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from dashboard.paths import SAMPLES_DIR
from dashboard.temporal.command_tag import Defaults, LineError, tag_lines
from dashboard.temporal.engine import tag

LANGS = ("de", "en")
MB = 1_000_000


@dataclass(frozen=True)
class Doc:
    text: str
    dct: str | None
    lang: str


@dataclass(frozen=True)
class Sizes:
    """How much text each part of the suite uses: the default run and ``--quick``."""

    throughput_bytes: int
    repeat: int
    dateparser_chars: int
    growth_base_chars: int
    adversarial_chars: int
    memory_chars: int
    stream_lines: int


FULL = Sizes(throughput_bytes=MB, repeat=5, dateparser_chars=40_000, growth_base_chars=100_000,
             adversarial_chars=40_000, memory_chars=256_000, stream_lines=50_000)
QUICK = Sizes(throughput_bytes=200_000, repeat=3, dateparser_chars=8_000, growth_base_chars=25_000,
              adversarial_chars=10_000, memory_chars=64_000, stream_lines=5_000)

# Inputs built to make a regex engine backtrack: long runs of what date patterns are made of.
ADVERSARIAL: dict[str, Callable[[str], str]] = {
    "digits": lambda lang: "7",
    "digit groups": lambda lang: "12 ",
    "dots": lambda lang: ".",
    "capitals": lambda lang: "A",
    "capital words": lambda lang: "NATO ",
    "1.1.1.": lambda lang: "1.",
    "thousands": lambda lang: "1.000 ",
    "dashes": lambda lang: "2025-",
    "slashes": lambda lang: "1/",
    "year words": lambda lang: "Jahr " if lang == "de" else "year ",
    "month words": lambda lang: "Mai " if lang == "de" else "May ",
    "dates": lambda lang: "3. Dezember 2025 " if lang == "de" else "December 3, 2025 ",
    # Many chosen candidates of different lengths: what made the selection quadratic.
    "month names": lambda lang: ("Januar Februar März April Mai Juni Juli August September Oktober November Dezember "
                                 if lang == "de" else
                                 "January February March April May June July August September October November December "),
}
ADVERSARIAL_FACTORS = (1, 2, 4, 8)
# Inputs whose quadratic cost shows only at megabyte sizes run at a multiple of the base size
# (month names: 8x is about 1.3 MB, where a list-inserting selection took seconds).
ADVERSARIAL_SCALE = {"month names": 4}


def sample_docs(lang: str) -> list[Doc]:
    """The bundled sample articles of a language, each with its publication date."""
    docs = []
    with (SAMPLES_DIR / "manifest.jsonl").open(encoding="utf-8") as manifest:
        for line in manifest:
            if line.strip() and (entry := json.loads(line))["lang"] == lang:
                docs.append(Doc((SAMPLES_DIR / entry["file"]).read_text(encoding="utf-8"), entry.get("dct"), lang))
    return docs


def utf8_size(docs: Iterable[Doc]) -> int:
    return sum(len(d.text.encode("utf-8")) for d in docs)


def repeated(docs: Sequence[Doc], size: int) -> list[Doc]:
    """``docs`` over and over until they hold at least ``size`` bytes of UTF-8 text."""
    one = utf8_size(docs)
    return list(docs) * max(1, -(-size // one)) if one else []


def prefix(docs: Iterable[Doc], chars: int) -> list[Doc]:
    """The first documents holding about ``chars`` characters (the last one cut)."""
    out, left = [], chars
    for doc in docs:
        if left <= 0:
            break
        out.append(Doc(doc.text[:left], doc.dct, doc.lang))
        left -= len(doc.text)
    return out


def corpus_docs(path: Path, limit: int) -> dict[str, list[Doc]]:
    """Documents of a JSONL corpus by language, up to ``limit`` bytes a language; bad lines skipped."""
    by_lang: dict[str, list[Doc]] = {}
    sizes: dict[str, int] = {}
    with path.open(encoding="utf-8", errors="replace") as handle:
        for line in handle:
            try:
                raw = json.loads(line)
                doc = Doc(raw["text"], raw.get("dct"), raw["lang"])
            except (json.JSONDecodeError, KeyError, TypeError):
                continue
            if sizes.get(doc.lang, 0) < limit:
                by_lang.setdefault(doc.lang, []).append(doc)
                sizes[doc.lang] = sizes.get(doc.lang, 0) + len(doc.text.encode("utf-8"))
    return by_lang


# CPU seconds of this process, not wall time: tagging and dateparser are single-threaded, and on
# a machine shared with other jobs wall time counts their turns too (a 0.4 ms input at 1x then
# shows a "growth" of 6 at 4x that is only the neighbours' load).
clock = time.process_time


def timed(action: Callable[[], object], repeat: int) -> list[float]:
    """CPU seconds of each of ``repeat`` runs, with the garbage collector kept out of the timings."""
    times = []
    for _ in range(repeat):
        gc.collect()
        gc.disable()
        try:
            began = clock()
            action()
            times.append(clock() - began)
        finally:
            gc.enable()
    return times


def tag_all(docs: Sequence[Doc]) -> int:
    return sum(len(tag(d.text, d.dct, d.lang)) for d in docs)


def throughput(docs: Sequence[Doc], repeat: int) -> dict[str, object]:
    """Median speed of tagging ``docs`` one by one, as the tag command does, after a warm-up."""
    tag_all(docs[: max(1, len(docs) // 10)])
    found: list[int] = []
    times = timed(lambda: found.append(tag_all(docs)), repeat)
    seconds = statistics.median(times)
    size, chars = utf8_size(docs), sum(len(d.text) for d in docs)
    return {
        "documents": len(docs), "bytes": size, "chars": chars, "expressions": found[0],
        "runs_s": [round(t, 4) for t in times], "median_s": round(seconds, 4),
        "mb_per_s": round(size / seconds / MB, 3), "chars_per_s": round(chars / seconds),
    }


def dateparser_speed(docs: Sequence[Doc], repeat: int = 1) -> dict[str, object]:
    """``dateparser.search_dates`` over the same documents, each anchored on its date."""
    from dateparser.search import search_dates

    def search(doc: Doc) -> int:
        settings = {"RELATIVE_BASE": datetime.fromisoformat(doc.dct)} if doc.dct else {}
        return len(search_dates(doc.text, languages=[doc.lang], settings=settings) or [])

    search(Doc("am 3. Dezember 2025 und morgen" if docs[0].lang == "de" else "on December 3, 2025", None,
               docs[0].lang))  # loads the language's data
    found = sum(search(d) for d in docs)
    seconds = statistics.median(timed(lambda: [search(d) for d in docs], repeat))
    chars = sum(len(d.text) for d in docs)
    return {"chars": chars, "dates_found": found, "median_s": round(seconds, 4),
            "chars_per_s": round(chars / seconds), "mb_per_s": round(utf8_size(docs) / seconds / MB, 4)}


def one_document(docs: Sequence[Doc], chars: int) -> Doc:
    """One long document of about ``chars`` characters made of ``docs``, dated as the first."""
    text = "\n\n".join(d.text for d in docs)
    times = -(-chars // max(1, len(text)))
    return Doc(("\n\n".join([text] * times))[:chars], docs[0].dct, docs[0].lang)


def calls_for(action: Callable[[], object], at_least: float = 0.01) -> int:
    """How many calls of ``action`` take ``at_least`` seconds: one timing of a sub-millisecond
    call is mostly clock noise, so fast inputs are timed over several calls."""
    calls = 1
    while True:
        began = clock()
        for _ in range(calls):
            action()
        if clock() - began >= at_least or calls >= 1_000:
            return calls
        calls *= 4


def fastest_interleaved(actions: dict[object, Callable[[], object]], repeat: int) -> dict[object, float]:
    """Seconds per call of each action, the fastest of ``repeat`` rounds, the actions taking
    turns, so that a busy spell of the machine slows every size alike instead of one."""
    calls = {key: calls_for(action) for key, action in actions.items()}
    best: dict[object, float] = {}
    for _ in range(repeat):
        for key, action in actions.items():
            seconds = timed(lambda action=action, n=calls[key]: [action() for _ in range(n)], 1)[0] / calls[key]
            best[key] = min(best.get(key, float("inf")), seconds)
    return best


def growth(doc: Doc, repeat: int, factors: Sequence[int] = (1, 2, 4, 8)) -> dict[str, object]:
    """Time for 1x, 2x, 4x and 8x the document; linear growth gives ``per_size`` near 1
    everywhere (the time per character relative to the 1x run)."""
    texts = {factor: "\n\n".join([doc.text] * factor) for factor in factors}
    seconds = fastest_interleaved(
        {factor: (lambda text=text: tag(text, doc.dct, doc.lang)) for factor, text in texts.items()}, repeat)
    base = seconds[factors[0]]
    return {
        "base_chars": len(doc.text),
        "seconds": {f"{f}x": round(s, 4) for f, s in seconds.items()},
        "ratio": {f"{f}x": round(s / base, 2) for f, s in seconds.items()},
        "per_size": {f"{f}x": round(s / base / f, 2) for f, s in seconds.items()},
        "chars_per_s_8x": round(len(texts[factors[-1]]) / seconds[factors[-1]]),
    }


def adversarial(lang: str, chars: int, repeat: int, factors: Sequence[int] = ADVERSARIAL_FACTORS) -> dict[str, object]:
    """Each adversarial input at 1x, 2x, 4x and 8x ``chars`` characters: the time per character
    relative to the 1x run (``per_size``) should stay near 1 (linear); quadratic work shows the
    factor itself at 8x."""
    tag("", None, lang)
    results = {}
    for name, unit in ADVERSARIAL.items():
        piece, size = unit(lang), chars * ADVERSARIAL_SCALE.get(name, 1)
        texts = {f: (piece * (f * size // len(piece) + 1))[: f * size] for f in factors}
        times = fastest_interleaved({f: (lambda text=text: tag(text, "2025-12-02", lang)) for f, text in texts.items()},
                                    repeat)
        base = max(times[factors[0]], 1e-6)
        results[name] = {
            "chars_per_s": round(len(texts[factors[-1]]) / times[factors[-1]]),
            "seconds": {f"{f}x": round(t, 4) for f, t in times.items()},
            "per_size": {f"{f}x": round(times[f] / base / f, 2) for f in factors},
        }
    last = f"{factors[-1]}x"
    worst = max(r["per_size"][last] for r in results.values())
    return {"chars": chars, "factors": list(factors), "inputs": results, f"worst_per_size_{last}": worst,
            "linear": worst < 1.5}


def peak_memory(doc: Doc) -> dict[str, object]:
    """tracemalloc's peak while tagging one long document (the text itself not counted)."""
    tag(doc.text[:1000], doc.dct, doc.lang)  # resources loaded and compiled before measuring
    gc.collect()
    tracemalloc.start()
    try:
        found = tag(doc.text, doc.dct, doc.lang)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return {"chars": len(doc.text), "expressions": len(found), "peak_mb": round(peak / MB, 2),
            "peak_bytes_per_char": round(peak / len(doc.text), 1)}


def rss_bytes() -> int | None:
    """Resident set size of this process now (Linux /proc; psutil elsewhere when installed)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        pass
    try:
        import psutil
    except ImportError:
        return None
    return psutil.Process().memory_info().rss


def write_stream_input(path: Path, lines: int) -> int:
    """A JSONL file of ``lines`` short German and English documents made from the samples'
    sentences, dated across 2024-2026; returns its size in bytes."""
    sentences = {lang: [s for d in sample_docs(lang) for s in re.split(r"(?<=[.!?])\s+", d.text) if len(s) > 40]
                 for lang in LANGS}
    first = date(2024, 1, 1)
    with path.open("w", encoding="utf-8") as out:
        for i in range(lines):
            lang = LANGS[i % 2]
            pool = sentences[lang]
            text = " ".join(pool[(i * 7 + k) % len(pool)] for k in range(2))
            dct = (first + timedelta(days=i % 900)).isoformat()
            out.write(json.dumps({"doc_id": f"stream-{i:06d}", "lang": lang, "dct": dct, "text": text},
                                 ensure_ascii=False) + "\n")
    return path.stat().st_size


def streaming_memory(lines: int) -> dict[str, object]:
    """RSS while ``lines`` JSONL documents stream through the tag command's streaming function."""
    with tempfile.TemporaryDirectory(prefix="fact-timeline-bench-") as tmp:
        source = Path(tmp) / "stream.jsonl"
        size = write_stream_input(source, lines)
        marks = {max(1, lines * p // 100): f"{p}%" for p in (10, 50, 100)}
        rss: dict[str, float | None] = {}
        gc.collect()
        before = rss_bytes()
        written = failed = 0
        began = time.perf_counter()
        with source.open("rb") as handle, open(os.devnull, "w", encoding="utf-8") as sink:
            for number, result in enumerate(tag_lines(handle, str(source), Defaults()), 1):
                if isinstance(result, LineError):
                    failed += 1
                else:
                    sink.write(result + "\n")
                    written += 1
                if number in marks:
                    now = rss_bytes()
                    rss[marks[number]] = round(now / MB, 1) if now is not None else None
        seconds = time.perf_counter() - began
    known = [v for v in rss.values() if v is not None]
    return {
        "lines": lines, "bytes": size, "written": written, "failed": failed, "seconds": round(seconds, 2),
        "mb_per_s": round(size / seconds / MB, 3),
        "rss_mb_before": round(before / MB, 1) if before is not None else None,
        "rss_mb": rss,
        "rss_growth_10_to_100_mb": round(known[-1] - known[0], 1) if len(known) == 3 else None,
    }


def language_figures(docs: list[Doc], sizes: Sizes) -> dict[str, object]:
    """Tagger and dateparser on the same documents of one language, and their ratio."""
    tagger = throughput(docs, sizes.repeat)
    dp = dateparser_speed(prefix(docs, sizes.dateparser_chars))
    return {"tagger": tagger, "dateparser": dp,
            "speedup_vs_dateparser": round(tagger["chars_per_s"] / dp["chars_per_s"], 1)}


def run_tagger(quick: bool = False, corpora: Sequence[str | Path] = ()) -> dict[str, object]:
    """The ``tagger`` suite for ``fact-timeline bench`` (``quick``: smaller inputs, about 30 s)."""
    sizes = QUICK if quick else FULL
    result: dict[str, object] = {"quick": quick, "sizes": sizes.__dict__}
    samples = {lang: sample_docs(lang) for lang in LANGS}
    result["samples"] = {lang: language_figures(repeated(samples[lang], sizes.throughput_bytes), sizes)
                         for lang in LANGS}
    for path in map(Path, corpora):
        for lang, docs in corpus_docs(path, sizes.throughput_bytes).items():
            result.setdefault("corpora", {})[f"{path.name}:{lang}"] = language_figures(docs, sizes)
    result["growth"] = {lang: growth(one_document(samples[lang], sizes.growth_base_chars), 3) for lang in LANGS}
    result["adversarial"] = {lang: adversarial(lang, sizes.adversarial_chars, 2 if quick else 3) for lang in LANGS}
    result["memory"] = {lang: peak_memory(one_document(samples[lang], sizes.memory_chars)) for lang in LANGS}
    result["streaming"] = streaming_memory(sizes.stream_lines)
    return result


def summary(result: dict) -> list[str]:
    """The suite's figures as readable lines for the bench command's summary."""
    lines = []
    for group in ("samples", "corpora"):
        for name, figures in result.get(group, {}).items():
            t, dp = figures["tagger"], figures["dateparser"]
            lines.append(f"{group} {name}: tagger {t['mb_per_s']:.2f} MB/s ({t['chars_per_s']:,} chars/s, "
                         f"{t['documents']} docs, {t['bytes'] / MB:.2f} MB); dateparser.search_dates "
                         f"{dp['chars_per_s']:,} chars/s -> {figures['speedup_vs_dateparser']}x")
    for lang, g in result.get("growth", {}).items():
        lines.append(f"growth {lang}: time ratio 1x/2x/4x/8x = {' / '.join(map(str, g['ratio'].values()))} "
                     f"(base {g['base_chars']:,} chars)")
    for lang, a in result.get("adversarial", {}).items():
        last = f"{a['factors'][-1]}x"
        worst = max(a["inputs"].items(), key=lambda kv: kv[1]["per_size"][last])
        slowest = min(a["inputs"].items(), key=lambda kv: kv[1]["chars_per_s"])
        lines.append(f"adversarial {lang}: time per character at 1x/2x/4x/8x, worst "
                     f"{' / '.join(map(str, worst[1]['per_size'].values()))} ({worst[0]}), slowest "
                     f"{slowest[1]['chars_per_s']:,} chars/s ({slowest[0]}); linear: {a['linear']}")
    for lang, m in result.get("memory", {}).items():
        lines.append(f"memory {lang}: tracemalloc peak {m['peak_mb']} MB tagging {m['chars']:,} chars")
    if s := result.get("streaming"):
        rss = ", ".join(f"{k} {v} MB" for k, v in s["rss_mb"].items())
        lines.append(f"streaming {s['lines']:,} lines ({s['bytes'] / MB:.1f} MB, {s['mb_per_s']} MB/s): RSS {rss}")
    return lines


if __name__ == "__main__":
    import sys

    print(json.dumps(run_tagger(quick="--quick" in sys.argv), indent=2))
