"""The shipped statistical entity recogniser: people, organisations and places in running text.

One small spaCy pipeline per language lives in ``data/ner/<lang>/`` (trained by
``fact-timeline train-ner``; see :mod:`dashboard.actors.training`). It is loaded once per
process and run line by line, the same bounded pieces the sentence splitter works on, so its
cost stays linear in the text. A language without a model gets no entities: the gazetteer and
the rules still find the actors they know.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from dashboard.paths import DATA_DIR

MODELS_DIR = DATA_DIR / "ner"
_LINE = re.compile(r"[^\n]+")
_LOCK = threading.Lock()
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


@lru_cache(maxsize=None)
def load_model(lang: str):
    """The spaCy pipeline of ``lang``, or ``None`` when none ships for it."""
    if not has_model(lang):
        return None
    import spacy

    return spacy.load(model_path(lang))


def parse(text: str, lang: str, sentences: bool = True) -> Parse:
    """Entities (and sentence spans) of ``text``; lines are parsed apart, blank lines skipped."""
    nlp = load_model(lang)
    if nlp is None:
        return Parse((), None)
    lines = [m for m in _LINE.finditer(text) if m.group().strip()]
    disable = [] if sentences else ["senter"]
    entities: list[Entity] = []
    spans: list[tuple[int, int]] = []
    with _LOCK:
        docs = nlp.pipe((m.group() for m in lines), batch_size=_BATCH, disable=disable)
        for line, doc in zip(lines, docs):
            offset = line.start()
            for ent in doc.ents:
                entities.append(Entity(offset + ent.start_char, offset + ent.end_char, ent.label_, ent.text))
            if sentences:
                spans += _sentence_spans(doc, offset)
    return Parse(tuple(entities), tuple(spans) if sentences else None)


def _sentence_spans(doc, offset: int) -> list[tuple[int, int]]:
    """Sentence spans without surrounding spaces; a sentence of spaces only is none."""
    out = []
    for sent in doc.sents:
        tokens = [t for t in sent if not t.is_space]
        if tokens:
            out.append((offset + tokens[0].idx, offset + tokens[-1].idx + len(tokens[-1].text)))
    return out
