"""Which way an under-specified expression points: the tense of its sentence, from cue words.

"im Oktober" in "Rumänien kündigte im Oktober an" is the last October; in "wird im Oktober
entscheiden" the next one. Cue words are language data (``[tense]`` in ``language.toml``); the
cue closest to the expression within its sentence decides, and no cue leaves the choice to the
language's ``undirected`` setting.
"""

from __future__ import annotations

import re

from dashboard.temporal.resources import TenseCues

_BOUNDARY = re.compile(r"[.!?;:]\s|\n")
_WINDOW = 240


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The stretch of ``text`` around ``[start, end)`` up to the nearest sentence boundaries."""
    lo = max(0, start - _WINDOW)
    left = lo
    for m in _BOUNDARY.finditer(text, lo, start):
        left = m.end()
    m = _BOUNDARY.search(text, end, min(len(text), end + _WINDOW))
    right = m.start() + 1 if m else min(len(text), end + _WINDOW)
    return left, right


def _nearest(text: str, start: int, end: int, left: int, right: int,
             cues: tuple[tuple[re.Pattern[str], int], ...]) -> tuple[int, int, str] | None:
    best: tuple[int, int, str] | None = None  # (distance, direction, cue)
    for pattern, sign in cues:
        for m in pattern.finditer(text, left, right):
            if m.start() < end and m.end() > start:
                continue  # a cue inside the expression itself says nothing about the sentence
            distance = start - m.end() if m.end() <= start else m.start() - end
            if best is None or distance < best[0]:
                best = (distance, sign, m.group())
    return best


def clause_bounds(text: str, start: int, end: int, left: int, right: int, breaks: re.Pattern[str] | None) -> tuple[int, int]:
    """The expression's own clause within its sentence: between the nearest clause breaks."""
    if breaks is None:
        return left, right
    clause_left = left
    for m in breaks.finditer(text, left, start):
        clause_left = m.end()
    m = breaks.search(text, end, right)
    return clause_left, (m.start() if m else right)


def explain(text: str, start: int, end: int, cues: TenseCues) -> tuple[int, bool, str] | None:
    """The deciding cue: (direction, strong, cue text), or None where the sentence has none.

    The expression's own clause is searched first, strong cues before weak ones; then the whole
    sentence. "..., where the Aug. 7 blasts killed 257" is past even after "she would produce".
    """
    left, right = sentence_bounds(text, start, end)
    clause = clause_bounds(text, start, end, left, right, cues.clause)
    spans = [clause] if clause == (left, right) else [clause, (left, right)]
    for lo, hi in spans:
        if found := _nearest(text, start, end, lo, hi, cues.strong):
            return found[1], True, found[2]
        if found := _nearest(text, start, end, lo, hi, cues.weak):
            return found[1], False, found[2]
    return None


def direction(text: str, start: int, end: int, cues: TenseCues) -> tuple[int, bool] | None:
    """(-1 past, +1 future or 0 present; whether a strong cue said so), None without cues."""
    found = explain(text, start, end, cues)
    return None if found is None else (found[0], found[1])
