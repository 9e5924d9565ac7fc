"""Readers for the openly licensed NER corpora the shipped models are trained on.

Each reader yields :class:`Sentence` records (tokens, whether a space follows each, and one
BIO tag per token over PER/ORG/LOC only: the kinds the product turns into actors and places).
Other classes (GermEval's OTH, -deriv and -part; wikigold's MISC; WNUT's product and
creative-work) become O. Where a corpus has no sentence breaks (Europeana), it is cut at
sentence-final punctuation into pieces of bounded length.

Every corpus is split the same way on every run: a sentence belongs to the held-out tenth when
``crc32(corpus + ":" + its number) % 10 == 0``, so reported held-out figures are reproducible
and never trained on.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

LABELS = ("PER", "ORG", "LOC")
_NO_SPACE_BEFORE = frozenset(",.;:!?)]}»“'’%")
_NO_SPACE_AFTER = frozenset("([{„»«\"")
_MAX_PIECE = 60  # tokens of an unbroken corpus before a cut even without a full stop
_WNUT = {"person": "PER", "location": "LOC", "group": "ORG", "corporation": "ORG"}


@dataclass(frozen=True)
class Sentence:
    corpus: str
    number: int
    words: tuple[str, ...]
    spaces: tuple[bool, ...]
    tags: tuple[str, ...]

    @property
    def held_out(self) -> bool:
        return zlib.crc32(f"{self.corpus}:{self.number}".encode()) % 10 == 0


@dataclass(frozen=True)
class Corpus:
    """One training corpus: where it is, its language, its licence (for the NOTICE) and its reader."""

    name: str
    lang: str
    path: str
    licence: str
    reader: str


CORPORA = (
    Corpus("germeval2014", "de", "germeval2014", "CC BY 4.0", "germeval"),
    Corpus("europeana_newspapers_de", "de", "europeana_newspapers_de", "CC0 1.0", "europeana"),
    Corpus("hipe2022_de_newseye_sonar", "de", "hipe2022_de_newseye_sonar", "CC BY 4.0", "hipe"),
    Corpus("wikigold", "en", "wikigold", "CC BY 4.0", "conll"),
    Corpus("btc", "en", "btc", "CC BY 4.0", "conll"),
    Corpus("wnut17", "en", "wnut17", "CC BY 4.0", "wnut"),
)


def _tag(raw: str, mapping: dict[str, str] | None = None) -> str:
    """``B-PER``/``I-LOC``/... over :data:`LABELS`; anything else is O."""
    if len(raw) < 3 or raw[1] != "-" or raw[0] not in "BI":
        return "O"
    label = raw[2:]
    label = mapping.get(label, "") if mapping is not None else label
    return f"{raw[0]}-{label}" if label in LABELS else "O"


def _bio(tags: list[str]) -> tuple[str, ...]:
    """Repair IO tagging (wikigold) and stray I- after O into proper BIO."""
    fixed: list[str] = []
    for i, tag in enumerate(tags):
        if tag.startswith("I-") and (i == 0 or fixed[-1] == "O" or fixed[-1][2:] != tag[2:]):
            tag = "B-" + tag[2:]
        fixed.append(tag)
    return tuple(fixed)


def _spaces(words: list[str]) -> tuple[bool, ...]:
    """Whether a space follows each token, guessed from punctuation (the corpora do not say)."""
    out = []
    for i, word in enumerate(words):
        following = words[i + 1] if i + 1 < len(words) else ""
        out.append(bool(following) and word not in _NO_SPACE_AFTER and following[:1] not in _NO_SPACE_BEFORE)
    return tuple(out)


def _blocks(lines: Iterable[str]) -> Iterator[list[list[str]]]:
    """Blank-line separated blocks of tab- or space-separated columns; ``#`` lines are comments."""
    block: list[list[str]] = []
    for line in lines:
        line = line.rstrip("\n")
        if not line.strip():
            if block:
                yield block
            block = []
        elif not line.startswith("#") and not line.startswith("-DOCSTART-"):
            block.append(line.split("\t") if "\t" in line else line.split(" "))
    if block:
        yield block


def _read_lines(path: Path) -> Iterator[str]:
    with path.open(encoding="utf-8", errors="replace") as handle:
        yield from handle


def _germeval(root: Path) -> Iterator[tuple[list[str], list[str], list[bool] | None]]:
    for name in ("NER-de-dev.tsv", "NER-de-test.tsv"):
        for block in _blocks(_read_lines(root / name)):
            rows = [r for r in block if len(r) >= 3]
            yield [r[1] for r in rows], [_tag(r[2]) for r in rows], None


def _conll(root: Path) -> Iterator[tuple[list[str], list[str], list[bool] | None]]:
    for path in sorted((root / "CONLL-format" / "data").glob("*.conll*")):
        for block in _blocks(_read_lines(path)):
            rows = [r for r in block if len(r) >= 2 and r[0]]
            yield [r[0] for r in rows], [_tag(r[-1]) for r in rows], None


def _wnut(root: Path) -> Iterator[tuple[list[str], list[str], list[bool] | None]]:
    for name in ("wnut17train.conll", "emerging.dev.conll", "emerging.test.annotated"):
        for block in _blocks(_read_lines(root / name)):
            rows = [r for r in block if len(r) >= 2 and r[0]]
            yield [r[0] for r in rows], [_tag(r[-1], _WNUT) for r in rows], None


def _pieces(words: list[str], tags: list[str]) -> Iterator[tuple[list[str], list[str], list[bool] | None]]:
    """Cut an unbroken token stream after sentence-final punctuation outside an entity."""
    start = 0
    for i, word in enumerate(words):
        outside = i + 1 >= len(tags) or not tags[i + 1].startswith("I-")
        if outside and (word in {".", "!", "?"} and i - start >= 5 or i - start >= _MAX_PIECE):
            yield words[start : i + 1], tags[start : i + 1], None
            start = i + 1
    if start < len(words):
        yield words[start:], tags[start:], None


def _europeana(root: Path) -> Iterator[tuple[list[str], list[str], list[bool] | None]]:
    for path in sorted(root.glob("*/*.bio")):
        words: list[str] = []
        tags: list[str] = []
        for line in _read_lines(path):
            parts = line.split()
            if len(parts) == 2:  # the sbb file has malformed lines: skip them
                words.append(parts[0])
                tags.append(_tag(parts[1]))
        yield from _pieces(words, tags)


def _hipe(root: Path) -> Iterator[tuple[list[str], list[str], list[bool] | None]]:
    for path in sorted((root / "data").glob("*/*/de/*.tsv")):
        words: list[str] = []
        tags: list[str] = []
        spaces: list[bool] = []
        for line in _read_lines(path):
            parts = line.rstrip("\n").split("\t")
            if line.startswith("#") or len(parts) < 10 or parts[0] == "TOKEN":
                continue
            words.append(parts[0])
            tags.append(_tag(parts[1]))
            spaces.append("NoSpaceAfter" not in parts[9])
            if "EndOfSentence" in parts[9]:
                yield words, tags, spaces
                words, tags, spaces = [], [], []
        if words:
            yield words, tags, spaces


_READERS = {"germeval": _germeval, "conll": _conll, "wnut": _wnut, "europeana": _europeana, "hipe": _hipe}


def read_corpus(corpus: Corpus, root: Path) -> Iterator[Sentence]:
    """The sentences of one corpus under ``root`` (the shared ``corpora/ner`` folder)."""
    folder = root / corpus.path
    number = 0
    for words, tags, spaces in _READERS[corpus.reader](folder):
        if not words:
            continue
        yield Sentence(corpus.name, number, tuple(words), tuple(spaces) if spaces else _spaces(words), _bio(tags))
        number += 1


def corpora_for(lang: str) -> tuple[Corpus, ...]:
    return tuple(c for c in CORPORA if c.lang == lang)
