"""People the statistical recogniser misses, found by a given name before a surname.

The shipped German model finds a name far less often where no title or role stands before it
("Hans Obermair, Chef der Kellerei", "Der Unternehmer Karl Pichler"), and a person missed once is
missed under every later surname too. A common given name (``data/actors/given_names.csv``)
followed by a capitalised word is a person's name in news in nearly every case; the exceptions are
guarded: a word before it that makes it a saint's, a place's or a storm's name
(``given_name_guards.csv``: "St. Johann", "Hurricane Helen"), a word after it that is no surname
(the stop words of the name shapes, the words that end names of bodies and places), a compound
("Hans-Obermair-Straße"), a name the gazetteer knows as no person's ("Hugo Boss"), and every span
the recogniser gave another label (its "Eva Airways" as a company stands; a given name alone it
took for a place, or a whole name it took for an organisation, gives way).

The matches are handed on as ``PER`` entities, so everything that applies to the recogniser's
people (the longest full form, surnames later in the article, places' people) applies to them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from dashboard.actors.kinds import organisation_kind
from dashboard.actors.gazetteer import ACTORS_DIR, Gazetteer, read_rows, split_aliases
from dashboard.actors.ner import Entity
from dashboard.alternation import alternation

_PARTICLES = ("von der", "von", "van der", "van", "de la", "de", "di", "del", "della", "da", "zu", "dos", "bin", "ibn", "al")
_SURNAME = r"[A-ZÄÖÜÀ-ÖØ-Þ][\w'’]+"


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    return frozenset(name for _, row in read_rows(ACTORS_DIR / "given_names.csv") for name in split_aliases(row["names"]))


@lru_cache(maxsize=None)
def _guards(lang: str) -> tuple[frozenset[str], bool]:
    """Words before a given name that make it no person's, and whether a surname may be
    double-barrelled ("Norton-Taylor"; in German a hyphen joins a compound: "Arendt-Zitat")."""
    rows = [row for _, row in read_rows(ACTORS_DIR / "given_name_guards.csv") if row["lang"] == lang]
    return (frozenset(word for row in rows for word in split_aliases(row["before"])),
            any(row["hyphenated_surnames"] == "yes" for row in rows))


@lru_cache(maxsize=None)
def _pattern(lang: str) -> re.Pattern[str]:
    given = alternation(given_names())
    surname = rf"{_SURNAME}(?:-{_SURNAME})?" if _guards(lang)[1] else _SURNAME
    return re.compile(
        rf"(?<![\w.’'-])(?P<given>{given})(?: {given})?(?: [A-Z]\.)?(?: {alternation(_PARTICLES)})? (?P<surname>{surname})(?![\w-])")


_WORD_BEFORE = re.compile(r"(\S+) $")


def _stands(entity: Entity, match: re.Match[str]) -> bool:
    """Whether the recogniser's own reading of part of a given-name match stands: a longer name,
    or another label over part of it. The German model takes some given names alone for places
    ("Dorothea" of "Dorothea Wierer"), the English one many a whole name for an organisation or a
    place ("Nicola Sturgeon", "Susan Watts"): those give way, unless the name's last word makes it
    a company or a party ("Eva Airways"). A place such as "Vittorio Veneto" is lost with them:
    over the news corpora, one of every six or so whole names tagged so."""
    if entity.start < match.start() or entity.end > match.end():
        return True
    if entity.label == "PER" or entity.start != match.start():
        return entity.label != "PER"
    if entity.end <= match.end("given"):
        return False
    return entity.end != match.end() or organisation_kind(match.group()) != "organisation"


def given_name_entities(text: str, lang: str, entities: Sequence[Entity], gazetteer: Gazetteer,
                        not_surnames: frozenset[str]) -> list[Entity]:
    """``entities`` with a ``PER`` entity for each given name and surname they do not cover; a
    recogniser's ``PER`` inside such a name ("Obermair" of "Hans Obermair") gives way to it.
    ``not_surnames``: words that end no person's name in ``lang``."""
    found: list[Entity] = []
    guards = _guards(lang)[0]
    for match in _pattern(lang).finditer(text):
        start, end = match.span()
        before = _WORD_BEFORE.search(text, max(0, start - 30), start)
        surname = match["surname"]
        if (before and before.group(1) in guards) or surname in not_surnames or surname in given_names():
            continue
        known = gazetteer.lookup(surname) or gazetteer.lookup(match.group())
        if known is not None and known.kind != "person":
            continue
        overlapping = [e for e in entities if e.start < end and start < e.end]
        if any(_stands(e, match) for e in overlapping):
            continue
        found.append(Entity(start, end, "PER", match.group()))
    if not found:
        return list(entities)
    inside = {(e.start, e.end) for f in found for e in entities if f.start <= e.start and e.end <= f.end}
    firsts = {match_text.split()[0] for match_text in (f.text for f in found)}
    kept = [_as_person(e) if e.label == "ORG" and e.text in firsts else e for e in entities if (e.start, e.end) not in inside]
    return sorted(kept + found, key=lambda e: e.start)


def _as_person(entity: Entity) -> Entity:
    """A given name alone that the recogniser took for an organisation, where the article names a
    person by it ("Nicola won" after "Nicola Benedetti"): that person, as the given name alone is
    taken for one person's elsewhere."""
    return Entity(entity.start, entity.end, "PER", entity.text)
