"""Which way an under-specified expression points: the tense of its sentence, from cue words.

"im Oktober" in "Rumänien kündigte im Oktober an" is the last October; in "wird im Oktober
entscheiden" the next one. Cue words are language data (``[tense]`` in ``language.toml``); the
cue closest to the expression within its sentence decides, and no cue leaves the choice to the
language's ``undirected`` setting.
"""

from __future__ import annotations

import bisect
import re

from dashboard.temporal.resources import TenseCues

_BOUNDARY = re.compile(r"[.!?;:][\"'\u201c\u201d\u201e\u00bb\u00ab)]*\s|\n")
_WINDOW = 240
_ADJACENT = re.compile(r"\s+(?:on\s+)?")


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The stretch of ``text`` around ``[start, end)`` up to the nearest sentence boundaries."""
    lo = max(0, start - _WINDOW)
    left = lo
    for m in _BOUNDARY.finditer(text, lo, start):
        left = m.end()
    m = _BOUNDARY.search(text, end, min(len(text), end + _WINDOW))
    right = m.start() + 1 if m else min(len(text), end + _WINDOW)
    return left, right


Cue = tuple[int, int, int, bool, str]  # start, end, direction, strong, text


class TenseReader:
    """Reads the tense around expressions of one text; each sentence is scanned for cues once."""

    def __init__(self, text: str, cues: TenseCues) -> None:
        self.text = text
        self.cues = cues
        self._sentences: dict[tuple[int, int], tuple[list[Cue], list[tuple[int, int]]]] = {}
        self._cuts: list[int] | None = None

    def sentence(self, start: int) -> tuple[int, int]:
        """The sentence around a position. Sentences longer than two windows are cut into
        windows at fixed places, so that all expressions in one share its scan."""
        if self._cuts is None:
            marks = [0, *(m.end() for m in _BOUNDARY.finditer(self.text)), len(self.text)]
            cuts = []
            for lo, hi in zip(marks, marks[1:]):
                cuts.extend(range(lo, hi - _WINDOW, 2 * _WINDOW) if hi - lo > 2 * _WINDOW else [lo])
            self._cuts = [*cuts, len(self.text)]
        i = bisect.bisect_right(self._cuts, start) - 1
        return self._cuts[max(i, 0)], self._cuts[min(i + 1, len(self._cuts) - 1)]

    def _scan(self, left: int, right: int) -> tuple[list[Cue], list[tuple[int, int]]]:
        key = (left, right)
        if key not in self._sentences:
            kinds = self.cues.kinds
            words = self.cues.word_kinds
            found: list[Cue] = [(m.start(), m.end(),
                                 *(words[" ".join(m.group().lower().split())] if m.lastgroup == "w" else kinds[m.lastgroup]),
                                 m.group())
                                for m in self.cues.scanner.finditer(self.text, left, right)] if self.cues.scanner else []
            breaks = [m.span() for m in self.cues.clause.finditer(self.text, left, right)] if self.cues.clause else []
            self._sentences[key] = (found, breaks)
        return self._sentences[key]

    def explain(self, start: int, end: int) -> tuple[int, bool | None, str] | None:
        """The deciding cue: (direction, strong, cue text), or None where the sentence has none;
        strong is None for a cue borrowed from another clause (a weekday's only).

        The expression's own clause is searched first, strong cues before weak ones, then the
        clause and the rest of the sentence after it. "..., where the Aug. 7 blasts killed 257" is
        past after "she would produce"; "In March, the company received" is past.
        """
        left, right = self.sentence(start)
        right = max(right, end)
        found, breaks = self._scan(left, right)
        # A verb right before the expression dates it, before any other cue of the sentence: "the
        # injunction issued Thursday" in "The government wants the court to suspend the
        # injunction issued Thursday" (its strength stays: a weak one turns no year).
        for s, e, sign, strong, cue in found:
            if e <= start and start - e <= 4 and _ADJACENT.fullmatch(self.text, e, start):
                return sign, strong, cue
        clause = (max((e for s, e in breaks if e <= start), default=left),
                  min((s for s, e in breaks if s >= end), default=right))
        # Then the rest of the sentence after the clause: a fronted "In March," takes the tense of
        # the main clause that follows; what came before belongs to other clauses, unless nothing
        # from the clause on has a cue: a clause without a verb takes the tense of the sentence
        # ("Volume was 840 million shares, up from 443 million Thursday"). Borrowed, it is neither
        # strong nor weak (``None``): it may place a weekday, but no month or year.
        # A break word right before the expression is its preposition ("extended its deadline until
        # Tuesday"), which points its own way: nothing is borrowed there.
        passes = [clause] if clause[1] == right else [clause, (clause[0], right)]
        if clause[0] > left and not (self.text[clause[0] - 1].isalpha() and not self.text[clause[0]:start].strip()):
            passes.append((left, right))
        for lo, hi in passes:
            for strong in (True, False):
                best: tuple[int, int, str] | None = None
                for s, e, sign, is_strong, cue in found:
                    if is_strong != strong or s < lo or e > hi or (s < end and e > start):
                        continue  # another strength, outside the span, or inside the expression itself
                    distance = start - e if e <= start else s - end
                    if best is None or distance < best[0]:
                        best = (distance, sign, cue)
                if best is not None:
                    return best[1], strong if lo >= clause[0] else None, best[2]
        return None

    def direction(self, start: int, end: int) -> tuple[int, bool | None] | None:
        """(-1 past, +1 future or 0 present; whether a strong cue said so), None without cues."""
        found = self.explain(start, end)
        return None if found is None else (found[0], found[1])


def explain(text: str, start: int, end: int, cues: TenseCues) -> tuple[int, bool | None, str] | None:
    """The deciding cue for one expression (see :meth:`TenseReader.explain`)."""
    return TenseReader(text, cues).explain(start, end)


def direction(text: str, start: int, end: int, cues: TenseCues) -> tuple[int, bool | None] | None:
    """The direction for one expression (see :meth:`TenseReader.direction`)."""
    return TenseReader(text, cues).direction(start, end)
