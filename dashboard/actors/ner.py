"""The shipped statistical entity recogniser: people, organisations and places in running text.

One small spaCy pipeline per language lives in ``data/ner/<lang>/`` (trained by
``fact-timeline train-ner``; see :mod:`dashboard.actors.training`). It is loaded once per
process and run line by line, the same bounded pieces the sentence splitter works on, so its
cost stays linear in the text. A language without a model gets no entities: the gazetteer and
the rules still find the actors they know.
"""

from __future__ import annotations

import os
import re
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from dashboard.paths import DATA_DIR

MODELS_DIR = DATA_DIR / "ner"
WINDOW = 10_000  # the most characters the pipeline sees at once (a line is cut at a space)
_LINE = re.compile(r"[^\n]+")
_LOCK = threading.Lock()
# Anything but white space, controls and invisible format characters (zero-width, BOM, marks).
_VISIBLE = re.compile(r"[^\s\x00-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufe00-\ufe0f\ufeff]")
_BATCH = 64


@dataclass(frozen=True, slots=True)
class Entity:
    """``label`` (PER, ORG or LOC) at ``text[start:end]``."""

    start: int
    end: int
    label: str
    text: str


@dataclass(frozen=True, slots=True)
class Parse:
    """What one pass of the pipeline gives: entities and, where it has a sentence recogniser,
    the sentence spans (``None`` otherwise)."""

    entities: tuple[Entity, ...]
    sentences: tuple[tuple[int, int], ...] | None


def model_path(lang: str) -> Path:
    return MODELS_DIR / lang


def has_model(lang: str) -> bool:
    return (model_path(lang) / "config.cfg").is_file()


def model_sentences(lang: str) -> bool:
    """Whether the shipped pipeline of ``lang`` also splits the sentences (one pass instead of
    SoMaJo's second): where it was trained to and ``FACT_TIMELINE_SENTENCES`` is not ``somajo``.
    The training meta says ``sentences: true`` once its splits agreed with SoMaJo's on news
    documents it never saw (``docs/actors.md`` has the figures)."""
    if os.environ.get("FACT_TIMELINE_SENTENCES", "").strip().lower() == "somajo":
        return False
    nlp = load_model(lang)
    return nlp is not None and "senter" in nlp.pipe_names and bool(nlp.meta.get("fact_timeline", {}).get("sentences"))


def enabled() -> bool:
    """``FACT_TIMELINE_NER=off`` switches the recogniser off (gazetteer and rules only)."""
    return os.environ.get("FACT_TIMELINE_NER", "").strip().lower() not in ("off", "0", "no", "false")


@lru_cache(maxsize=None)
def load_model(lang: str):
    """The spaCy pipeline of ``lang``, or ``None`` when none ships for it (or it is switched off)."""
    if not enabled() or not has_model(lang):
        return None
    import spacy

    return spacy.load(model_path(lang))


def parse(text: str, lang: str, sentences: bool = True) -> Parse:
    """Entities (and sentence spans) of ``text``; lines are parsed apart, blank lines skipped."""
    nlp = load_model(lang)
    if nlp is None:
        return Parse((), None)
    return parse_with(nlp, text, sentences)


def parse_with(nlp, text: str, sentences: bool = True) -> Parse:
    """:func:`parse` with a given pipeline (training measures a model before it ships)."""
    pieces = list(_pieces(text))
    disable = [] if sentences else ["senter"]
    entities: list[Entity] = []
    spans: list[tuple[int, int]] = []
    with _LOCK:
        docs = nlp.pipe((text[start:end] for start, end in pieces), batch_size=_BATCH, disable=disable)
        for (offset, _), doc in zip(pieces, docs):
            for ent in doc.ents:
                entities.append(Entity(offset + ent.start_char, offset + ent.end_char, ent.label_, ent.text))
            if sentences:
                spans += _sentence_spans(doc, offset)
    return Parse(tuple(entities), tuple(spans) if sentences else None)


def _pieces(text: str):
    """(start, end) of each line with something visible, a long line cut into windows at spaces."""
    for line in _LINE.finditer(text):
        start, end = line.start(), line.end()
        if not _VISIBLE.search(text, start, end):
            continue
        while start < end:
            stop = end
            if end - start > WINDOW:
                space = text.rfind(" ", start + WINDOW // 2, start + WINDOW)
                stop = space + 1 if space > start else start + WINDOW
            if _VISIBLE.search(text, start, stop):
                yield start, stop
            start = stop


# A sentence end inside a closing quote, then the next sentence: "... them all.'' But his", '... all." But'.
_QUOTED_END = re.compile(r"""(?<=[.!?])(?:''|["”’»])(?=\s+[`"“„«]?[A-Z])""")


def _sentence_spans(doc, offset: int) -> list[tuple[int, int]]:
    """Sentence spans without surrounding spaces; a sentence of spaces only is none. A sentence
    that runs over a quote closing after its full stop ends there (the recogniser, trained on
    few such quotes, runs on). Read off the sentences' character offsets, not token by token:
    a Python loop over every token cost as much as a third of the recogniser's own time."""
    text = doc.text
    out = []
    for sent in doc.sents:
        first = _VISIBLE.search(text, sent.start_char, sent.end_char)
        if first is None:
            continue
        start, end = first.start(), sent.end_char
        while not _VISIBLE.match(text, end - 1):
            end -= 1
        for quote in _QUOTED_END.finditer(text, start, end):
            rest = text[quote.end():end]
            out.append((offset + start, offset + quote.end()))
            start = quote.end() + len(rest) - len(rest.lstrip())
        out.append((offset + start, offset + end))
    return out
