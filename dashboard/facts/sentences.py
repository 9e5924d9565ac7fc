"""Sentences with their character offsets, so a fact can point back into its document.

SoMaJo won the comparison on German news (it keeps ``3. Dezember``, ``Nr. 5``, ``z. B.`` and
``U.S.`` inside one sentence; see the shared RECIPES). No splitter treats a line break as a
boundary, so lines are split first: a headline or a one-line paragraph is a sentence of its own.
SoMaJo is slow to construct, so one instance per language lives for the whole process; a lock
keeps threads (Streamlit sessions) from sharing one instance mid-call.
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

# language -> SoMaJo model; other languages use the English one (rules that are not German).
SOMAJO_MODELS = {"de": "de_CMC", "en": "en_PTB"}
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


def split_sentences(text: str, lang: str) -> list[Sentence]:
    """The sentences of ``text`` in order; blank lines and surrounding spaces belong to none."""
    spans: list[tuple[int, int]] = []
    with _LOCK:
        splitter = _splitter(lang)
        for line in _LINE.finditer(text):
            if not line.group().strip():
                continue
            for tokens in splitter.tokenize_text([line.group()]):
                if not tokens:  # an invisible-only line ("\x08")
                    continue
                spans.append((line.start() + tokens[0].character_offset[0], line.start() + tokens[-1].character_offset[1]))
    return [Sentence(i, start, end, text[start:end]) for i, (start, end) in enumerate(spans)]


def sentence_at(sentences: list[Sentence], offset: int) -> Sentence | None:
    """The sentence holding character ``offset``; for an offset between sentences the one before
    it (the first where there is none), so no expression is ever left without a sentence.
    ``None`` only when there are no sentences."""
    if not sentences:
        return None
    index = bisect_right([s.start for s in sentences], offset) - 1
    return sentences[max(index, 0)]
