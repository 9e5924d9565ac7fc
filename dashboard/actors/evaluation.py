"""Score the actors of fact rows against hand-annotated gold, sentence by sentence.

The gold (``docs/gold/actors-gold.<lang>.jsonl``, format in ``docs/actors.md``) holds no corpus
text: each line points at one sentence of a corpus document by character offsets
(``corpus``, ``doc_id``, ``sentence_start``, ``sentence_end``, ``sentence_sha1``) and lists the
distinct actors a journalist would filter by (``name``, ``kind``, ``how``) and the ``places``.
The text is read from the shared corpora folder at run time and the documents are run through
the product's own extraction (:func:`dashboard.facts.extract_facts`).

The system's actors of a gold sentence are the actors of every fact row whose sentence overlaps
it (sentence splits may differ a little). An actor counts as found when its name is the gold
name or names the same actor in the gazetteer (an alias: "USA" for "United States"), compared
without case. Precision and recall are counted per language and per kind (the gold kind for
recall, the system's kind for precision), micro-averaged.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from dashboard.actors.gazetteer import Gazetteer, default_gazetteer
from dashboard.errors import UserError

PARTS = ("dev", "test", "all")


@dataclass(frozen=True)
class GoldSentence:
    corpus: str
    doc_id: str
    lang: str
    part: str
    start: int
    end: int
    sha1: str
    actors: tuple[tuple[str, str], ...]  # (name, kind)
    places: tuple[str, ...]


@dataclass
class Counts:
    tp: int = 0
    gold: int = 0
    system: int = 0
    tp_system: int = 0  # system actors that matched (differs from tp only per kind)

    def scores(self) -> dict[str, float | int]:
        p = self.tp_system / self.system if self.system else 0.0
        r = self.tp / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"gold": self.gold, "system": self.system, "precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


@dataclass
class Report:
    counts: dict[tuple[str, str], Counts] = field(default_factory=lambda: defaultdict(Counts))
    errors: list[tuple[str, str, str, str]] = field(default_factory=list)  # doc, sentence, missed|spurious, actor
    sentences: int = 0
    documents: int = 0
    mismatched: int = 0

    def scores(self) -> dict[str, dict[str, dict[str, float | int]]]:
        out: dict[str, dict[str, dict[str, float | int]]] = {}
        for (lang, kind), counts in sorted(self.counts.items()):
            out.setdefault(lang, {})[kind] = counts.scores()
        return out


def read_gold(paths: Iterable[str | Path]) -> list[GoldSentence]:
    """Gold sentences from JSONL files; a bad line is a :class:`UserError` naming file and line."""
    sentences = []
    for path in map(Path, paths):
        if not path.is_file():
            raise UserError(f"{path}: actor gold not found")
        with path.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                    sentences.append(GoldSentence(
                        row["corpus"], row["doc_id"], row["lang"], row.get("part", "dev"),
                        int(row["sentence_start"]), int(row["sentence_end"]), row.get("sentence_sha1", ""),
                        tuple((a["name"], a["kind"]) for a in row["actors"]), tuple(row.get("places", ())),
                    ))
                except (ValueError, KeyError, TypeError) as exc:
                    raise UserError(f"{path}:{number}: not an actor gold line ({exc})") from exc
    return sentences


def _documents(corpora: Path, needed: dict[str, set[str]]) -> Iterator[dict]:
    for corpus, ids in needed.items():
        path = corpora / corpus
        if not path.is_file():
            raise UserError(f"{path}: corpus of the actor gold not found (pass --corpora)")
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                doc = json.loads(line)
                if doc["doc_id"] in ids:
                    yield {**doc, "corpus": corpus}


def _key(name: str, gazetteer: Gazetteer) -> str:
    actor = gazetteer.lookup(name)
    return (actor.name if actor is not None else " ".join(name.split())).casefold()


def evaluate(gold: list[GoldSentence], corpora: Path, part: str = "dev", gazetteer: Gazetteer | None = None,
             extract=None) -> Report:
    """Run extraction over the gold's documents of ``part`` and count found, missed and spurious actors."""
    from dashboard.facts import Document, extract_facts

    gazetteer = gazetteer or default_gazetteer()
    extract = extract or extract_facts
    chosen = [g for g in gold if part == "all" or g.part == part]
    needed: dict[str, set[str]] = defaultdict(set)
    for g in chosen:
        needed[g.corpus].add(g.doc_id)
    by_doc: dict[tuple[str, str], list[GoldSentence]] = defaultdict(list)
    for g in chosen:
        by_doc[(g.corpus, g.doc_id)].append(g)
    report = Report()
    for doc in _documents(corpora, needed):
        sentences = by_doc.pop((doc["corpus"], doc["doc_id"]), [])
        if not sentences:
            continue
        report.documents += 1
        dct = date.fromisoformat(doc["dct"][:10]) if doc.get("dct") else None
        facts = extract(Document(doc_id=doc["doc_id"], text=doc["text"], dct=dct, lang=doc["lang"]))
        rows = list(zip(facts["sentence_start"], facts["sentence_end"], facts["actors"], facts["actor_kinds"]))
        for g in sentences:
            text = doc["text"][g.start:g.end]
            if g.sha1 and hashlib.sha1(text.encode("utf-8")).hexdigest()[: len(g.sha1)] != g.sha1:
                report.mismatched += 1
            report.sentences += 1
            system: dict[str, tuple[str, str]] = {}
            for start, end, names, kinds in rows:
                if start < g.end and g.start < end:
                    for name, kind in zip(names, kinds):
                        system.setdefault(_key(name, gazetteer), (name, kind))
            wanted = {_key(name, gazetteer): (name, kind) for name, kind in g.actors}
            _count(report, g, text, wanted, system)
    if by_doc:
        missing = ", ".join(sorted(doc_id for _, doc_id in by_doc)[:5])
        raise UserError(f"gold documents not found in their corpora: {missing}")
    return report


def _count(report: Report, g: GoldSentence, text: str, wanted: dict, system: dict) -> None:
    for lang in (g.lang, "all"):
        for key, (name, kind) in wanted.items():
            for bucket in (kind, "all"):
                counts = report.counts[(lang, bucket)]
                counts.gold += 1
                counts.tp += key in system
        for key, (name, kind) in system.items():
            for bucket in (kind, "all"):
                counts = report.counts[(lang, bucket)]
                counts.system += 1
                counts.tp_system += key in wanted
    for key, (name, kind) in wanted.items():
        if key not in system:
            report.errors.append((g.doc_id, text, "missed", f"{name} ({kind})"))
    for key, (name, kind) in system.items():
        if key not in wanted:
            report.errors.append((g.doc_id, text, "spurious", f"{name} ({kind})"))
