"""All actor mentions of a document: the gazetteer, the statistical recogniser and the rules.

Order matters, and each step only adds mentions that overlap none found before:

1. gazetteer names (states, listed organisations, companies, parties and people), less news
   agencies' credits in datelines (``(dpa)``);
2. organisations the recogniser finds (``ORG``): a state word inside one (``Deutsche Bank``,
   ``Deutsches Historisches Museum``) is no state, unless the name is that state's own body
   (``US-Regierung``, ``russische Armee``: data/actors/state_bodies.csv); kind from the gazetteer or
   the words of the name (:mod:`dashboard.actors.kinds`);
3. capitals standing for their state, people found by their role (``Außenminister X``);
4. people the recogniser finds (``PER``), each under the longest full form the article uses
   ("Joschka Fischer" also where it says "Fischer"), then surname-only mentions;
5. role references to a person named before (``der Außenminister``).

Places (``LOC`` not a state, and capitals named as places) are returned apart: they go into the
``places`` column, never into ``actors``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from dashboard.actors.gazetteer import ACTORS_DIR, Gazetteer, default_gazetteer, read_rows, split_aliases
from dashboard.actors.kinds import organisation_kind
from dashboard.actors.model import Actor, Mention
from dashboard.actors.ner import Entity, parse
from dashboard.actors.rules import capital_mentions, role_mentions, role_references, surname_mentions

# A news agency's credit in a dateline: "(dpa)", "(dpa/AFP)", "(Reuters) -".
_CREDIT = re.compile(r"\((?:[\w .-]+/)*$")
_CREDIT_END = re.compile(r"(?:/[\w .-]+)*\)")
# Words an entity span may start or end with that are not part of the name.
_LEADING = re.compile(r"^(?:(?:der|die|das|des|dem|den|the|Herr|Herrn|Frau|Mr|Mrs|Ms|Dr|Prof|Sir)\.?\s+)+")
_TRAILING = re.compile(r"(?:['’]s|['’])$")
_NAME_CHARS = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿĀ-ſ]")


@dataclass(frozen=True, slots=True)
class Place:
    """A city, region or landscape named at ``text[start:end]`` that does not stand for a state."""

    start: int
    end: int
    name: str


@dataclass(frozen=True)
class Recognition:
    mentions: list[Mention]
    places: list[Place]


def _is_credit(text: str, mention: Mention) -> bool:
    return bool(_CREDIT.search(text, max(0, mention.start - 30), mention.start) and _CREDIT_END.match(text, mention.end))


def _overlapping(start: int, end: int, mentions: Iterable[Mention]) -> list[Mention]:
    return [m for m in mentions if m.start < end and start < m.end]


@lru_cache(maxsize=None)
def _state_bodies(lang: str) -> frozenset[str]:
    return frozenset(w for _, row in read_rows(ACTORS_DIR / "state_bodies.csv") if row["lang"] == lang
                     for w in split_aliases(row["words"]))


def _clean(text: str, entity: Entity) -> tuple[int, int, str]:
    """The entity's span without leading articles or titles and a trailing possessive."""
    surface = entity.text
    lead = _LEADING.match(surface)
    start = entity.start + (lead.end() if lead else 0)
    end = entity.end
    trail = _TRAILING.search(text, start, end)
    if trail:
        end = trail.start()
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return start, end, text[start:end]


def _organisations(text: str, lang: str, gazetteer: Gazetteer, listed: list[Mention],
                   entities: Sequence[Entity]) -> tuple[list[Mention], list[Mention]]:
    """ORG entities as mentions; returns (listed mentions still standing, new organisations)."""
    bodies = _state_bodies(lang)
    dropped: set[int] = set()
    found: list[Mention] = []
    for entity in entities:
        if entity.label != "ORG":
            continue
        start, end, name = _clean(text, entity)
        if end - start < 2 or not _NAME_CHARS.search(name):
            continue
        inside = _overlapping(start, end, listed)
        if any(m.start < start or m.end > end or m.actor.kind != "state" for m in inside):
            continue  # a listed name the entity cuts or holds ("Trump-Regierung", "NATO-Gipfel")
        last = re.split(r"[\s-]+", name)[-1]
        if inside and last in bodies:
            continue  # "US-Regierung", "die russische Armee": the state itself
        known = gazetteer.lookup(name)
        if known is not None and known.kind == "state":
            continue
        actor = known if known is not None else Actor(name, organisation_kind(name))
        dropped.update(id(m) for m in inside)
        found.append(Mention(start, end, actor, "name"))
    return [m for m in listed if id(m) not in dropped], found


def _surname_key(word: str, surnames: dict[str, Actor]) -> str | None:
    if word in surnames:
        return word
    if word.endswith("s") and word[:-1] in surnames:
        return word[:-1]
    return None


def _people(text: str, gazetteer: Gazetteer, taken: list[Mention], entities: Sequence[Entity]) -> list[Mention]:
    """PER entities as people: a listed name is its listed person; a single word is the person
    of that surname named in full in the article (nearest before, else first after); a full
    name takes the longest form of it the article uses."""
    candidates: list[tuple[int, int, str]] = []
    for entity in entities:
        if entity.label != "PER":
            continue
        start, end, name = _clean(text, entity)
        if len(name) < 2 or not _NAME_CHARS.search(name) or _overlapping(start, end, taken):
            continue
        candidates.append((start, end, name))
    full: dict[str, Actor] = {}  # surname -> the longest full form named so far
    for mention in taken:
        if mention.actor.kind == "person" and " " in mention.actor.name:
            full.setdefault(mention.actor.name.split()[-1], mention.actor)
    for _, _, name in candidates:
        words = name.split()
        if len(words) >= 2 and gazetteer.lookup(name) is None:
            known = full.get(words[-1])
            if known is None or (len(name) > len(known.name) and set(known.name.split()) <= set(words)):
                full[words[-1]] = Actor(name, "person")
    found: list[Mention] = []
    for start, end, name in candidates:
        known = gazetteer.lookup(name)
        if known is not None and known.kind != "person":
            continue
        words = name.split()
        key = _surname_key(words[-1], full)
        if known is not None:
            actor = known
        elif key is not None and (len(words) == 1 or set(words[:-1]) <= set(full[key].name.split())):
            actor = full[key]
        else:
            actor = Actor(name, "person")
        found.append(Mention(start, end, actor, "name" if len(words) > 1 else "surname"))
    return found


def _places(text: str, entities: Sequence[Entity], mentions: list[Mention], gazetteer: Gazetteer) -> list[Place]:
    places: list[Place] = []
    for entity in entities:
        if entity.label != "LOC":
            continue
        start, end, name = _clean(text, entity)
        if len(name) < 2 or _overlapping(start, end, mentions) or gazetteer.lookup(name) is not None:
            continue
        places.append(Place(start, end, name))
    if gazetteer.capitals is not None:  # capitals that did not stand for their state
        for capital in gazetteer.capitals.match(text):
            if not _overlapping(capital.start, capital.end, mentions) and not any(
                    p.start < capital.end and capital.start < p.end for p in places):
                places.append(Place(capital.start, capital.end, text[capital.start:capital.end]))
    return sorted(places, key=lambda p: p.start)


def _unified(mentions: list[Mention]) -> list[Mention]:
    """One actor per name in a document: the first that knows a role or country stands for all."""
    best: dict[str, Actor] = {}
    for mention in sorted(mentions, key=lambda m: m.start):
        known = best.get(mention.actor.name)
        if known is None or (not (known.role or known.country) and (mention.actor.role or mention.actor.country)):
            best[mention.actor.name] = mention.actor
    return sorted((replace(m, actor=best[m.actor.name]) for m in mentions), key=lambda m: m.start)


def recognize(text: str, lang: str, gazetteer: Gazetteer | None = None,
              entities: Sequence[Entity] | None = None) -> Recognition:
    """Actor mentions (sorted, never overlapping) and places of one document.

    ``entities`` are the recogniser's; by default the shipped model of ``lang`` is run.
    """
    gazetteer = gazetteer or default_gazetteer()
    if entities is None:
        entities = parse(text, lang, sentences=False).entities
    listed = [m for m in gazetteer.match(text) if not (m.actor.kind == "company" and _is_credit(text, m))]
    listed, organisations = _organisations(text, lang, gazetteer, listed, entities)
    mentions = listed + organisations
    mentions += capital_mentions(text, lang, gazetteer, mentions)
    mentions += role_mentions(text, lang, gazetteer, mentions)
    mentions += _people(text, gazetteer, mentions, entities)
    people = sorted((m for m in mentions if m.actor.kind == "person"), key=lambda m: m.start)
    mentions += surname_mentions(text, people, mentions)
    mentions += role_references(text, lang, mentions)
    mentions = _unified(mentions)
    return Recognition(mentions, _places(text, entities, mentions, gazetteer))


def find_actors(text: str, lang: str, gazetteer: Gazetteer | None = None,
                entities: Sequence[Entity] | None = None) -> list[Mention]:
    """All actor mentions in a document, sorted by position, never overlapping."""
    return recognize(text, lang, gazetteer, entities).mentions
