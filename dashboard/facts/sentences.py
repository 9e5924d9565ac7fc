"""Sentences with their character offsets, so a fact can point back into its document.

SoMaJo won the comparison on German news (it keeps ``3. Dezember``, ``Nr. 5``, ``z. B.`` and
``U.S.`` inside one sentence; see the shared RECIPES). No splitter treats a line break as a
boundary, so lines are split first: a headline or a one-line paragraph is a sentence of its own.
SoMaJo is slow to construct, so one instance per language lives for the whole process; a lock
keeps threads (Streamlit sessions) from sharing one instance mid-call.

What :func:`split_sentences` guarantees holds whatever engine splits a piece (SoMaJo today), so
the engine can be swapped behind :func:`_engine_spans`:

- **Linear time.** The engine never sees more than :data:`WINDOW` characters at once (SoMaJo
  grows faster than its input on a long line), and each character is fed to it at most twice: a
  window ends at a space, and the sentence it may have cut short is split again at the start of
  the next window.
- **Bounded sentences.** No sentence is longer than :data:`MAX_SENTENCE_CHARS`; a longer one (a
  table flattened into one line, a text without full stops) is cut at a space before the bound.
  Everything done per expression with its sentence (events, status, anaphora) is then bounded too.
  Real news sentences stay far below the bound (the longest in the TimeML corpora: under 1,000).
- **Only visible text.** A line or piece holding nothing but spaces and invisible characters
  (zero-width space, soft hyphen, BOM, direction marks, variation selectors ...) is no sentence.
- **Offsets.** ``document[s.start:s.end] == s.text``, sentences in order, disjoint, never across a
  line break, with no surrounding whitespace.
"""

from __future__ import annotations

import os
import re
import threading
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from dashboard.facts.rule_sentences import rule_spans

# language -> SoMaJo model; other languages use the English one (rules that are not German).
SOMAJO_MODELS = {"de": "de_CMC", "en": "en_PTB"}
# The most characters the engine is given at once, and the longest sentence kept whole.
WINDOW = 10_000
MAX_SENTENCE_CHARS = 2_000

# Characters that show nothing: white space, controls and Unicode's default-ignorable code points
# (DerivedCoreProperties.txt), among them U+00AD soft hyphen, U+200B-U+200F zero-width and
# direction marks, U+202A-U+202E and U+2066-U+2069 bidirectional controls, U+FEFF BOM.
INVISIBLE = (
    r"\s\x00-\x1f\x7f-\x9f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f"
    r"\u2028-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufff8"
    r"\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0000-\U000e0fff"
)
_VISIBLE = re.compile(f"[^{INVISIBLE}]")
_LINE = re.compile(r"[^\n]+")
_LOCK = threading.Lock()


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence: ``text == document[start:end]``; ``index`` counts from 0 in the document."""

    index: int
    start: int
    end: int
    text: str


@lru_cache(maxsize=None)
def _splitter(lang: str):
    from somajo import SoMaJo

    return SoMaJo(SOMAJO_MODELS.get(lang, "en_PTB"), split_sentences=True, character_offsets=True)


def _engine_spans(piece: str, lang: str) -> list[tuple[int, int]]:
    """The sentences of one piece of a line (at most WINDOW characters) as (start, end) offsets
    into the piece. The engine may return a sentence without tokens (an invisible-only piece):
    it is left out. Called with the lock held."""
    spans = []
    for tokens in _splitter(lang).tokenize_text([piece]):
        if tokens:
            spans.append((tokens[0].character_offset[0], tokens[-1].character_offset[1]))
    return spans


def _cut(text: str, start: int, limit: int) -> int:
    """Where to end a piece that starts at ``start`` and may reach ``limit``: after the last
    white space in its second half, else at ``limit`` (a text without spaces)."""
    space = max(text.rfind(" ", start + (limit - start) // 2, limit), text.rfind("\t", start + (limit - start) // 2, limit))
    return space + 1 if space > start else limit


def _line_spans(text: str, start: int, end: int, lang: str) -> Iterator[tuple[int, int]]:
    """The sentences of the line ``text[start:end]``, the engine fed one window at a time."""
    while start < end:
        stop = end if end - start <= WINDOW else _cut(text, start, start + WINDOW)
        piece = text[start:stop]
        spans = _engine_spans(piece, lang) if _VISIBLE.search(piece) else []
        if stop < end and len(spans) > 1:
            # The last sentence may go on beyond the window: split it again with what follows.
            yield from ((start + s, start + e) for s, e in spans[:-1])
            start += spans[-1][0]
        else:
            yield from ((start + s, start + e) for s, e in spans)
            start = stop


def _bounded(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """A sentence span cut into pieces of at most MAX_SENTENCE_CHARS, each trimmed of white space
    and only where it shows something."""
    while start < end:
        stop = end if end - start <= MAX_SENTENCE_CHARS else _cut(text, start, start + MAX_SENTENCE_CHARS)
        first = _VISIBLE.search(text, start, stop)
        if first is not None:
            last = stop
            while last > first.start() and not _VISIBLE.match(text, last - 1):
                last -= 1
            yield first.start(), last
        start = stop


RULE_LANGUAGES = ("de", "en")  # split by :mod:`dashboard.facts.rule_sentences` (its agreement with SoMaJo: docs/bench)


def engine(lang: str) -> str:
    """``rules`` for German (as SoMaJo splits German news, a hundred times faster), ``somajo``
    otherwise or where ``FACT_TIMELINE_SENTENCES=somajo`` asks for it."""
    if lang in RULE_LANGUAGES and os.environ.get("FACT_TIMELINE_SENTENCES", "").strip().lower() != "somajo":
        return "rules"
    return "somajo"


def split_sentences(text: str, lang: str) -> list[Sentence]:
    """The sentences of ``text`` in order; blank and invisible-only lines and surrounding spaces
    belong to none. Linear in ``len(text)``; every sentence at most MAX_SENTENCE_CHARS long."""
    spans: list[tuple[int, int]] = []
    by_rules = engine(lang) == "rules"
    with _LOCK:
        for line in _LINE.finditer(text):
            if _VISIBLE.search(text, line.start(), line.end()) is None:
                continue
            pieces = rule_spans(text, line.start(), line.end(), lang) if by_rules else _line_spans(text, line.start(), line.end(), lang)
            for start, end in pieces:
                spans.extend(_bounded(text, start, end))
    return [Sentence(i, start, end, text[start:end]) for i, (start, end) in enumerate(spans)]


def sentence_at(sentences: list[Sentence], offset: int) -> Sentence | None:
    """The sentence holding character ``offset``; for an offset between sentences the one before
    it (the first where there is none), so no expression is ever left without a sentence.
    ``None`` only when there are no sentences. A binary search: no work grows with the document."""
    if not sentences:
        return None
    index = bisect_right(sentences, offset, key=lambda s: s.start) - 1
    return sentences[max(index, 0)]
