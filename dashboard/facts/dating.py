"""Where a sentence without its own date takes its time from.

A sentence that names an actor but holds no DATE or TIME expression still states something. It
*continues* a dated sentence when the text says so: a connective ties it to the statement before
("stattdessen", "dabei", "instead": ``data/facts/continuations.csv``), looked for among the last
:data:`CONNECTIVE_REACH` sentences, or it follows a dated sentence directly with the same subject
and the same tense ("Rutte lobte am Dienstag ... Rutte sagte ..."). Then it takes that sentence's
time. Otherwise it is a *report*: it stands on its article's publication day, which says when it
was reported, not when it happened.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime, timedelta
from functools import lru_cache

from dashboard.alternation import alternation
from dashboard.paths import DATA_DIR
from dashboard.temporal import Interval
from dashboard.temporal.interval import day_end

CONTINUATIONS_PATH = DATA_DIR / "facts" / "continuations.csv"
CONNECTIVE_REACH = 3  # sentences back a connective may reach for the statement it continues


@lru_cache(maxsize=None)
def _connective(lang: str) -> re.Pattern[str] | None:
    import csv

    with CONTINUATIONS_PATH.open(encoding="utf-8", newline="") as handle:
        words = [w.strip() for row in csv.DictReader(handle) if row["lang"] == lang for w in row["words"].split("|") if w.strip()]
    if not words:
        return None
    alternatives = alternation(words)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def has_connective(sentence: str, lang: str) -> bool:
    pattern = _connective(lang)
    return bool(pattern and pattern.search(sentence))


def continues(index: int, sentence: str, subject: str, lang: str, dated: Mapping[int, tuple[str, str]]) -> int | None:
    """The index of the dated sentence that sentence ``index`` continues, or ``None``.

    ``dated`` maps the index of every sentence with a time (its own or continued) to its subject
    (first actor's name) and its text; ``subject`` is this sentence's first actor.
    """
    if has_connective(sentence, lang):
        for back in range(index - 1, max(index - 1 - CONNECTIVE_REACH, -1), -1):
            if back in dated:
                return back
        return None
    previous = dated.get(index - 1)
    if previous is None or not subject or previous[0] != subject:
        return None
    tense = _tense(sentence, lang)
    return index - 1 if tense is not None and tense == _tense(previous[1], lang) else None


def _tense(sentence: str, lang: str) -> int | None:
    """-1 past, 0 present, +1 future by the tagger's tense cues (the first clause first)."""
    from dashboard.temporal.resources import load_language
    from dashboard.temporal.tense import TenseReader

    try:
        cues = load_language(lang).tense
    except ValueError:  # a language without resources has no tense to compare
        return None
    found = TenseReader(sentence, cues).direction(0, 0)
    return None if found is None else found[0]


def report_interval(dct: date | None) -> Interval | None:
    """The publication day as an interval (``None`` for a document without a date)."""
    if dct is None:
        return None
    day = datetime.combine(dct, datetime.min.time())
    return Interval(day, day_end(day), "day")
