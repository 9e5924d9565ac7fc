"""Organisations recognised from the shape of their name, where the statistical recogniser misses them.

A name is an organisation when it ends in (or, in German, is a compound ending in) a word for an
organisation's type and holds something that makes it a name: capitalised words before the head
("Toronto Stock Exchange", "Chinese Ministry of Health"), a complement after it ("Bank of Italy",
"Institut für Biomedizin"), a capitalised German adjective that does not open the sentence ("der
Südtiroler Landesregierung"), a place after a German head ("Männerinitiative Pustertal"). The words
are ``data/actors/organisation_heads.csv``, the shapes ``data/actors/organisation_shapes.csv``
(one regular expression each, with an example and the name it finds). A name followed by the
acronym it defines ("Verband der Sportvereine Südtirols (VSS)") is an organisation too: the
acronym's letters are found in the words before it, right to left, the first at the start of a
word (Schwartz and Hearst's test for abbreviation definitions).

The shapes also correct the recogniser: an ``ORG`` ending in a word for a place ("Black Sea") is a
place, one that is only a word for a group of people ("Catholics") is no actor. What the shapes
find replaces the recogniser's entities it covers (a ``LOC`` "Pustertal" inside "Männerinitiative
Pustertal"), never one that reaches beyond it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from dashboard.actors.gazetteer import ACTORS_DIR, Gazetteer, read_rows, split_aliases
from dashboard.actors.ner import Entity
from dashboard.alternation import alternation

MEANINGS = ("organisation", "place", "people")

@lru_cache(maxsize=1)
def name_stop_words() -> frozenset[str]:
    """Capitalised words that open no name however they are written (``shape_stop_words.csv``:
    articles, prepositions, weekdays, months, titles, number words), in either language."""
    return frozenset(word for _, row in read_rows(ACTORS_DIR / "shape_stop_words.csv") for word in split_aliases(row["words"]))


@dataclass(frozen=True)
class Shape:
    lang: str
    shape: str
    kind: str  # "" where the words of the name decide (dashboard.actors.kinds)
    pattern: re.Pattern[str]
    name: str  # the actor's name, "{name}" standing for the matched name
    example: str
    found: str
    needs: re.Pattern[str] | None = None  # what the text must hold for the shape to be tried at all


@dataclass(frozen=True)
class _Heads:
    organisation: str  # a regular expression for one head word
    place: tuple[str, ...]
    people: frozenset[str]


@lru_cache(maxsize=None)
def heads(lang: str) -> _Heads:
    path = ACTORS_DIR / "organisation_heads.csv"
    organisation: list[str] = []
    place: list[str] = []
    people: set[str] = set()
    for line, row in read_rows(path):
        if row["lang"] != lang:
            continue
        if row["means"] not in MEANINGS:
            raise ValueError(f"{path}:{line}: means {row['means']!r} is not one of {', '.join(MEANINGS)}")
        words = split_aliases(row["words"])
        if row["means"] == "organisation":
            alternatives = alternation(words)
            organisation.append(rf"(?:{alternatives})(?![\w-])" if row["match"] == "word"
                                else rf"(?=[A-ZÄÖÜ])[\w-]*(?i:{alternatives})(?![\w-])")
        elif row["means"] == "place":
            place += [w.lower() for w in words] if row["match"] == "ending" else [f" {w.lower()}" for w in words]
        else:
            people.update(words)
    return _Heads("|".join(organisation) or r"(?!)", tuple(place), frozenset(people))


def _word_patterns(lang: str) -> dict[str, str]:
    stop = alternation(name_stop_words())
    return {
        # a capitalised word or dotted acronym that is no function word ("U.S.", "ITAR-Tass", "Stock")
        "cap": rf"(?!(?:{stop})(?![\w.-]))(?:(?:[A-Z]\.){{2,}}|[A-ZÄÖÜ][\w&-]*(?:['’][A-Z][\w-]*)?)",
        # a German noun or name
        "noun": rf"(?!(?:{stop})(?![\w-]))[A-ZÄÖÜ][\w-]+",
        # a capitalised German adjective (checked not to open the sentence)
        "adj": rf"(?P<adj>(?!(?:{stop})(?![\w-]))[A-ZÄÖÜ][\w-]*(?:e|er|en|es|em))",
        "head": rf"(?:{heads(lang).organisation})",
    }


_PLACEHOLDER = re.compile(r"\{(cap|noun|adj|head)\}")


@lru_cache(maxsize=None)
def shapes(lang: str) -> tuple[Shape, ...]:
    path = ACTORS_DIR / "organisation_shapes.csv"
    words = _word_patterns(lang)
    found = []
    for line, row in read_rows(path):
        if row["lang"] != lang:
            continue
        try:
            pattern = re.compile(r"(?<![\w-])" + _PLACEHOLDER.sub(lambda m: words[m.group(1)], row["pattern"]))
        except (re.error, KeyError) as exc:
            raise ValueError(f"{path}:{line}: shape {row['shape']!r} is no pattern ({exc})") from exc
        needs = re.compile(row["needs"]) if row.get("needs") else None
        found.append(Shape(lang, row["shape"], row["kind"], pattern, row["name"], row["example"], row["found"], needs))
    return tuple(found)


@dataclass(frozen=True, slots=True)
class ShapedName:
    """An organisation at ``text[start:end]`` called ``name`` (``kind`` empty: decided by its words)."""

    start: int
    end: int
    name: str
    kind: str = ""


_LEGAL_THEN_OF = re.compile(r"((?:Inc|Corp|Co|Ltd|plc|LLC)\.?)\s+of\s")
_SENTENCE_OPEN = re.compile(r"(?:^|[.!?:;\"„“”«»]\s*|\n\s*)$")


def _opens_sentence(text: str, start: int) -> bool:
    return bool(_SENTENCE_OPEN.search(text[max(0, start - 3):start])) or start == 0


_GENITIVE = re.compile(r"(?<![\w-])([\w-]+?)(?:es|s)(?![\w-])")


def nominative(name: str, lang: str) -> str:
    """A German name with its head in the genitive ("Instituts für Biomedizin", "Schweizer
    Kochverbandes") in the nominative: the first word that is a head with "-es" or "-s"."""
    if lang != "de":
        return name
    head = heads(lang).organisation
    for stem in _GENITIVE.finditer(name):
        if re.fullmatch(head, stem.group(1)):
            return name[:stem.start()] + stem.group(1) + name[stem.end():]
        if re.fullmatch(head, stem.group()):
            break
    return name


def _is_place(text: str, start: int, end: int, entities: Sequence[Entity], gazetteer: Gazetteer) -> bool:
    word = text[start:end]
    if gazetteer.lookup(word) is not None and gazetteer.lookup(word).kind == "state":
        return True
    if gazetteer.capitals is not None and gazetteer.capitals.lookup(word) is not None:
        return True
    # tagged a place here and never anything else in the article ("Confindustria" once LOC, once PER)
    here = any(e.label == "LOC" and e.start <= start and end <= e.end for e in entities)
    return here and all(e.label == "LOC" for e in entities if word in e.text.split())


def shaped_names(text: str, lang: str, entities: Sequence[Entity], gazetteer: Gazetteer) -> list[ShapedName]:
    """Organisations by the shapes of ``organisation_shapes.csv`` and by acronyms they define,
    sorted, never overlapping (the longer first where two overlap)."""
    found: list[ShapedName] = []
    for shape in shapes(lang):
        if shape.needs is not None and not shape.needs.search(text):
            continue  # a cheap look for the legal form before the costly pattern
        for match in shape.pattern.finditer(text):
            if "adj" in shape.pattern.groupindex and match["adj"] and _opens_sentence(text, match.start("adj")):
                continue  # "Neue Regierung" at a sentence's start says nothing of a name
            if "place" in shape.pattern.groupindex and not _is_place(text, match.start("place"), match.end("place"), entities, gazetteer):
                continue
            start, end = match.span("name")
            legal = _LEGAL_THEN_OF.search(text, start, end)
            if legal:  # "Hunter Environmental Services Inc. of Southport": the place is not the name
                end = legal.start() + len(legal.group(1))
            name = shape.name.replace("{name}", nominative(text[start:end], lang))
            found.append(ShapedName(start, end, name, shape.kind))
    found += defined_acronyms(text, lang)
    chosen: list[ShapedName] = []
    for candidate in sorted(found, key=lambda s: (s.start - s.end, s.start)):
        if not any(c.start < candidate.end and candidate.start < c.end for c in chosen):
            chosen.append(candidate)
    return sorted(chosen, key=lambda s: s.start)


_ACRONYM = re.compile(r"\((?P<acronym>[A-ZÄÖÜ][A-ZÄÖÜ0-9&]{1,7})\)")
_LONG_WORD = re.compile(r"[\w&-]+|\S")
_LINKS = frozenset("für der des de di del of for and und the on".split())


def _names_place(name: str, lang: str) -> bool:
    return (" " + name.lower()).endswith(heads(lang).place)


def defined_acronyms(text: str, lang: str) -> list[ShapedName]:
    """Names followed by the acronym they define: "Männerinitiative Pustertal (MIP)",
    "Verband der Sportvereine Südtirols (VSS)". The long form is the shortest run of capitalised
    words (linked by "für", "der", "of", ...) right before the parenthesis whose letters hold the
    acronym's, right to left, its first letter opening the first word."""
    found = []
    for match in _ACRONYM.finditer(text):
        acronym = match["acronym"].lower()
        letters = [c for c in acronym if c.isalpha()]
        before = text[max(0, match.start() - 200):match.start()]
        if not before.endswith((" ", "\u00a0")) or len(letters) < 2:
            continue
        words = list(_LONG_WORD.finditer(before))
        offset = match.start() - len(before)
        chosen = None
        for first in range(len(words) - 1, max(-1, len(words) - len(letters) - 6), -1):
            run = words[first:]
            if any(not w.group()[:1].isupper() and w.group() not in _LINKS for w in run):
                break
            if run[0].group() in name_stop_words() or run[0].group()[:1].lower() != letters[0]:
                continue
            if _holds(" ".join(w.group() for w in run).lower(), letters):
                chosen = run  # the longest that holds within as many words as the acronym has letters
                if len(run) >= len(letters):
                    break
            elif chosen and len(run) > len(letters):
                break
        if chosen and len(chosen) >= 2:  # one word is a compound shortened ("Bruttoinlandsprodukt (BIP)")
            start, end = offset + chosen[0].start(), offset + chosen[-1].end()
            long_form = text[start:end]
            if not _names_place(long_form, lang) or any(re.fullmatch(heads(lang).organisation, w) for w in long_form.split()):
                found.append(ShapedName(start, end, nominative(long_form, lang)))
    return found


def abbreviates(acronym: str, name: str) -> bool:
    """``acronym`` ("AVS") shortens ``name`` ("Alpenverein Südtirol"): its letters in the name in
    order, the first the name's first, each word of the name giving one at least where the
    acronym has as many letters as the name has words."""
    letters = [c for c in acronym.lower() if c.isalpha()]
    words = [w for w in re.split(r"[\s-]+", name) if w.lower() not in _LINKS]
    if not letters or not words or words[0][:1].lower() != letters[0] or len(words) > len(letters):
        return False
    return _holds(" ".join(words).lower(), letters) and all(
        any(w[:1].lower() == c for c in letters) for w in words)


def _holds(long_form: str, letters: list[str]) -> bool:
    """Schwartz and Hearst: the letters in order, right to left, the first at a word's start."""
    position = len(long_form) - 1
    for index in range(len(letters) - 1, -1, -1):
        letter = letters[index]
        while position >= 0 and (long_form[position] != letter
                                 or (index == 0 and position > 0 and long_form[position - 1].isalnum())):
            position -= 1
        if position < 0:
            return False
        position -= 1
    return True


_LOWER_WORD_AFTER = re.compile(r"\s+([a-zäöüß]+)\b")


def _next_lower_word(text: str, end: int) -> str:
    """The lower-case word right after ``end``, if one follows ("O2" in "the O2 arena")."""
    match = _LOWER_WORD_AFTER.match(text, end)
    return match[1] if match else ""


@lru_cache(maxsize=None)
def _place_preposition(lang: str) -> re.Pattern[str] | None:
    words = [w for _, row in read_rows(ACTORS_DIR / "place_prepositions.csv") if row["lang"] == lang
             for w in split_aliases(row["words"])]
    return re.compile(rf"(?<![\w-])(?:{'|'.join(map(re.escape, words))})\s+$") if words else None


def _after_place_preposition(text: str, entity: Entity, surface: str, lang: str) -> bool:
    """A single capitalised word tagged an organisation right after "in" (``place_prepositions.csv``)
    with no word for an organisation's type ("a bakery in Cincinnati") is a place: what happens
    "in" a body is rarely said of its one-word name."""
    pattern = _place_preposition(lang)
    return (pattern is not None and " " not in surface and not surface.isupper() and len(surface) > 3
            and pattern.search(text, max(0, entity.start - 4), entity.start) is not None
            and re.fullmatch(rf"(?:{heads(lang).organisation})", surface) is None)


def _runs_on(entity: Entity, name: ShapedName) -> bool:
    """An entity that starts inside a company's shaped name and reaches beyond it ran over the
    legal form ("Ralston Purina Co. reported" tagged a place): the legal form ends the name."""
    return name.kind == "company" and name.start <= entity.start < name.end < entity.end


def corrected(text: str, lang: str, entities: Sequence[Entity], gazetteer: Gazetteer) -> tuple[list[Entity], list[ShapedName]]:
    """The recogniser's entities less those a shaped name covers, an ``ORG`` that is a place as a
    ``LOC``, an ``ORG`` that is only a group of people dropped; and the shaped names."""
    named = shaped_names(text, lang, entities, gazetteer)
    words = heads(lang)
    kept: list[Entity] = []
    for entity in entities:
        if any(s.start <= entity.start and entity.end <= s.end for s in named):
            continue
        if any(_runs_on(entity, s) for s in named):
            continue
        if entity.label == "ORG":
            surface = entity.text.strip(" ,.;:_-")
            if surface in words.people:
                continue
            if _names_place(surface, lang) or _names_place(f"{surface} {_next_lower_word(text, entity.end)}", lang) \
                    or _after_place_preposition(text, entity, surface, lang):
                entity = Entity(entity.start, entity.end, "LOC", entity.text)
        kept.append(entity)
    named = [s for s in named if not any(e.start < s.end and s.start < e.end for e in kept)]
    return kept, named
