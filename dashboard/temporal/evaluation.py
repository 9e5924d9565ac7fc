"""Scoring a tagger against gold TIMEX3 annotations, with the TempEval-3 definitions.

Strict span matches need equal offsets, relaxed ones any overlap (each gold and system
expression used once). Value F1 and type F1 are the relaxed F1 times the share of relaxed
matches whose value (type) is right, as in TempEval-3. Gold comes as JSONL (the format of
``fact-timeline tag`` output) or as a folder of TimeML ``.tml`` files.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from dashboard.errors import UserError


@dataclass
class GoldDoc:
    doc_id: str
    lang: str
    dct: str | None
    text: str
    timexes: list[dict]


@dataclass
class Counts:
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0
    type: int = 0

    def add(self, other: "Counts") -> None:
        for name in ("gold", "system", "strict", "relaxed", "value", "type"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def scores(self) -> dict[str, float]:
        def f1(hits: int) -> float:
            return 200.0 * hits / (self.gold + self.system) if self.gold + self.system else 0.0

        return {
            "gold": self.gold,
            "system": self.system,
            "strict_p": 100.0 * self.strict / self.system if self.system else 0.0,
            "strict_r": 100.0 * self.strict / self.gold if self.gold else 0.0,
            "strict_f1": f1(self.strict),
            "relaxed_p": 100.0 * self.relaxed / self.system if self.system else 0.0,
            "relaxed_r": 100.0 * self.relaxed / self.gold if self.gold else 0.0,
            "relaxed_f1": f1(self.relaxed),
            "value_f1": f1(self.value),
            "type_f1": f1(self.type),
            "value_accuracy": 100.0 * self.value / self.relaxed if self.relaxed else 0.0,
        }


@dataclass
class Errors:
    missed: list[tuple[str, dict]] = field(default_factory=list)
    spurious: list[tuple[str, dict]] = field(default_factory=list)
    wrong: list[tuple[str, dict, dict]] = field(default_factory=list)


def match(gold: list[dict], system: list[dict]) -> list[tuple[int, int]]:
    """One-to-one pairs of overlapping expressions, exact spans first, then in text order."""
    pairs: list[tuple[int, int]] = []
    used_s: set[int] = set()
    used_g: set[int] = set()
    by_span = {(s["start"], s["end"]): i for i, s in enumerate(system)}
    for gi, g in enumerate(gold):
        si = by_span.get((g["start"], g["end"]))
        if si is not None and si not in used_s:
            pairs.append((gi, si))
            used_s.add(si)
            used_g.add(gi)
    for gi, g in enumerate(gold):
        if gi in used_g:
            continue
        for si, s in enumerate(system):
            if si not in used_s and s["start"] < g["end"] and g["start"] < s["end"]:
                pairs.append((gi, si))
                used_s.add(si)
                break
    return pairs


def score_doc(doc_id: str, gold: list[dict], system: list[dict], errors: Errors | None = None) -> dict[str, Counts]:
    """Counts overall ("all") and per gold/system type for one document."""
    counts: dict[str, Counts] = {"all": Counts(gold=len(gold), system=len(system))}
    for g in gold:
        counts.setdefault(g["type"], Counts()).gold += 1
    for s in system:
        counts.setdefault(s["type"], Counts()).system += 1
    pairs = match(gold, system)
    for gi, si in pairs:
        g, s = gold[gi], system[si]
        strict = g["start"] == s["start"] and g["end"] == s["end"]
        value_ok = str(g.get("value")) == str(s.get("value"))
        type_ok = g["type"] == s["type"]
        for key in {"all", g["type"]} if type_ok else {"all"}:
            c = counts[key]
            c.relaxed += 1
            c.strict += strict
            c.value += value_ok
            c.type += type_ok
        if errors is not None and not value_ok:
            errors.wrong.append((doc_id, g, s))
    if errors is not None:
        matched_g = {gi for gi, _ in pairs}
        matched_s = {si for _, si in pairs}
        errors.missed += [(doc_id, g) for i, g in enumerate(gold) if i not in matched_g]
        errors.spurious += [(doc_id, s) for i, s in enumerate(system) if i not in matched_s]
    return counts


def in_part(doc_id: str, part: str) -> bool:
    """A fixed split of any corpus: one document in five (by a hash of its id) is held out."""
    if part == "all":
        return True
    held_out = zlib.crc32(doc_id.encode("utf-8")) % 5 == 0
    return held_out if part == "holdout" else not held_out


def read_jsonl_gold(path: Path, lang: str | None) -> Iterator[GoldDoc]:
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                raw = json.loads(line)
                yield GoldDoc(str(raw["doc_id"]), raw.get("lang") or lang or "en", raw.get("dct"), raw["text"],
                              list(raw.get("timexes", [])))
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                raise UserError(f"{path}:{number}: not a gold document ({type(exc).__name__}: {exc})") from None


def read_timeml(path: Path, lang: str | None) -> GoldDoc:
    """A TimeML document: the TEXT element's character data with its TIMEX3 offsets, the DCT."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise UserError(f"{path}: not well-formed TimeML ({exc})") from None
    dct = None
    for timex in root.iter("TIMEX3"):
        if timex.get("functionInDocument") == "CREATION_TIME":
            dct = timex.get("value")
            break
    text_el = root.find(".//TEXT")
    if text_el is None:
        raise UserError(f"{path}: no TEXT element")
    parts: list[str] = []
    timexes: list[dict] = []

    def walk(el: ET.Element) -> None:
        start = sum(map(len, parts))
        if el.text:
            parts.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)
        if el.tag == "TIMEX3":
            end = sum(map(len, parts))
            timexes.append({"start": start, "end": end, "text": "".join(parts)[start:end],
                            "type": el.get("type", "DATE"), "value": el.get("value"), "mod": el.get("mod")})

    walk(text_el)
    timexes.sort(key=lambda t: t["start"])
    return GoldDoc(path.stem, lang or "en", dct, "".join(parts), timexes)


def read_gold(path: Path, lang: str | None = None) -> Iterator[GoldDoc]:
    """Gold documents from a JSONL file, a ``.tml`` file, or a folder of them."""
    if not path.exists():
        raise UserError(f"{path}: no such file or folder")
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.suffix in (".tml", ".jsonl"))
        if not files:
            raise UserError(f"{path}: no .tml or .jsonl files in this folder")
        for file in files:
            yield from read_gold(file, lang)
    elif path.suffix == ".tml":
        yield read_timeml(path, lang)
    else:
        yield from read_jsonl_gold(path, lang)


def evaluate(docs: Iterable[GoldDoc], tagger, errors: Errors | None = None) -> dict[str, Counts]:
    """Tag every document with ``tagger(text, dct, lang) -> list[dict]`` and add up the counts."""
    totals: dict[str, Counts] = {}
    for doc in docs:
        system = tagger(doc.text, doc.dct, doc.lang)
        for key, c in score_doc(doc.doc_id, doc.timexes, system, errors).items():
            totals.setdefault(key, Counts()).add(c)
    return totals
