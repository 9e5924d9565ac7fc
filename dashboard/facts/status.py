"""Whether a dated statement lies in the past, is ongoing or is still to come.

The interval decides where it can: anything that ended before the publication day is past,
anything that starts after it is future ("Anfang 2026" in an article of December 2025), and a
period longer than a year that holds it ("im 20. Jahrhundert" in 1995) is ongoing, not future. Where
the interval holds the publication day ("this year", "im Dezember") or there is none, the words of
the clause around the expression decide: tense, modal verbs and planning cues (``soll``,
``plant``, ``wird``, ``expected to``), the cue nearest the expression first. The cues are data
(``data/facts/status_cues.csv``), one set per language.
"""

from __future__ import annotations

import csv
import re
from datetime import date, datetime, timedelta
from functools import lru_cache

from dashboard.paths import DATA_DIR
from dashboard.temporal import Interval
from dashboard.temporal.interval import day_end

CUES_PATH = DATA_DIR / "facts" / "status_cues.csv"
_CLAUSE_BREAK = re.compile(r"[,;:–—]|\s-\s")
# Values with no place on the axis but a direction.
_REF_STATUS = {"PAST_REF": "past", "FUTURE_REF": "future", "PRESENT_REF": "ongoing"}
# Periods longer than this (decades, centuries) that hold the publication day are never future.
_LONG_PERIOD = timedelta(days=366)


@lru_cache(maxsize=None)
def _cues(lang: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    with CUES_PATH.open(encoding="utf-8", newline="") as handle:
        return tuple((row["status"], re.compile(row["pattern"])) for row in csv.DictReader(handle) if row["lang"] == lang)


def _clause(sentence: str, start: int, end: int) -> tuple[int, int]:
    """The clause of ``sentence`` around ``[start, end)`` (between commas, semicolons, dashes)."""
    breaks = list(_CLAUSE_BREAK.finditer(sentence))
    left = max((m.end() for m in breaks if m.end() <= start), default=0)
    right = min((m.start() for m in breaks if m.start() >= end), default=len(sentence))
    return left, right


def cue_status(sentence: str, start: int, end: int, lang: str) -> str | None:
    """The status the words around ``sentence[start:end]`` suggest, or ``None`` without a cue.

    The clause holding the expression is read first, then the whole sentence; within it the cue
    nearest the expression wins (future before past before ongoing on a tie).
    """
    cues = _cues(lang)
    for left, right in (_clause(sentence, start, end), (0, len(sentence))):
        best: tuple[int, int, str] | None = None
        for status, pattern in cues:
            for match in pattern.finditer(sentence, left, right):
                if start <= match.start() and match.end() <= end:
                    continue  # the expression itself ("nächste Woche") is no tense cue
                distance = max(match.start() - end, start - match.end(), 0)
                candidate = (distance, ("future", "past", "ongoing").index(status), status)
                best = candidate if best is None or candidate < best else best
        if best is not None:
            return best[2]
    return None


def fact_status(
    interval: Interval | None,
    value: str,
    dct: date | None,
    sentence: str,
    start: int,
    end: int,
    lang: str,
) -> str:
    """past, ongoing or future for the expression at ``sentence[start:end]``."""
    if value in _REF_STATUS:
        return _REF_STATUS[value]
    if interval is not None and dct is not None:
        day = datetime.combine(dct, datetime.min.time())
        if interval.end <= day:
            return "past"
        if interval.start >= day_end(day):
            return "future"
    cue = cue_status(sentence, start, end, lang)
    if cue == "future" and interval is not None and dct is not None and interval.end - interval.start > _LONG_PERIOD:
        # A century or decade holding the publication day is under way, whatever is planned in it:
        # "die Aufgaben des 21. Jahrhunderts werden groß sein" (2006) speaks of an ongoing period.
        return "ongoing"
    return cue or ("ongoing" if interval is not None and dct is not None else "past")
