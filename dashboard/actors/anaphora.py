"""Actors of a sentence that names none: ``die Regierung`` is the state, ``sagte er`` the person."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from dashboard.actors.gazetteer import ACTORS_DIR, read_rows
from dashboard.actors.model import Actor, Mention


@lru_cache(maxsize=None)
def _anaphora(lang: str) -> tuple[tuple[str, re.Pattern[str], bool], ...]:
    return tuple(
        (row["refers_to"], re.compile(row["pattern"]), row.get("sentence_start") == "yes")
        for _, row in read_rows(ACTORS_DIR / "anaphora.csv")
        if row["lang"] == lang
    )


def opens_with_pronoun(sentence: str, lang: str) -> bool:
    """Whether a singular subject pronoun opens the sentence ("Er habe Cox gefragt", "He said"):
    it is then the person named before, whoever the sentence names after it."""
    return any(start and refers_to == "person" and pattern.search(sentence)
               for refers_to, pattern, start in _anaphora(lang))


def resolve_anaphora(sentence: str, lang: str, earlier: Sequence[Mention], only: str = "",
                     at_start: bool = False) -> list[Actor]:
    """Actors of a sentence that names none: ``die Regierung`` is the state, ``sagte er`` the
    person mentioned last before it. Only used where a sentence has no mention of its own, so a
    pronoun never displaces a name. ``only`` limits it to one kind ("person": a sentence that
    names states or organisations but no person may still have a pronoun subject);
    ``at_start`` to the pronouns that open the sentence as its subject (:func:`opens_with_pronoun`)."""
    actors: list[Actor] = []
    for refers_to, pattern, sentence_start in _anaphora(lang):
        if (only and refers_to != only) or (at_start and not sentence_start) or not pattern.search(sentence):
            continue
        kinds = ("person",) if refers_to == "person" else ("state",)
        last = next((m.actor for m in reversed(earlier) if m.actor.kind in kinds), None)
        if last is not None and last not in actors:
            actors.append(last)
    return actors



_NUMBERS = {"two": 2, "both": 2, "three": 3, "four": 4, "five": 5,
            "beiden": 2, "beide": 2, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5}
RECENT = 6  # how many distinct actors of a kind a plural reference may reach back to


@lru_cache(maxsize=None)
def _plurals(lang: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple(
        (row["kind"], re.compile(row["pattern"]))
        for _, row in read_rows(ACTORS_DIR / "plural_references.csv")
        if row["lang"] == lang
    )


def plural_references(sentence: str, lang: str, recent: dict[str, list[Actor]],
                      groups: dict[tuple[str, int], list[Actor]]) -> list[Actor]:
    """Each member of a group the sentence refers back to: "the three countries" are the three
    states named last before it ("Poland, Hungary and the Czech Republic"), "the two presidents"
    the two people; "the country" is the last state. ``recent`` holds the last distinct actors of
    each kind named before the sentence (oldest first, at most :data:`RECENT`); a group once
    formed (``groups``, by kind and number) stays the group while its members are still recent,
    so "these three democracies" after a sentence naming the United States are still the three."""
    actors: list[Actor] = []
    for kind, pattern in _plurals(lang):
        for match in pattern.finditer(sentence):
            number = _NUMBERS.get((match.groupdict().get("number") or "").lower(), 1)
            pool = recent.get(kind, [])
            group = groups.get((kind, number)) if number > 1 else None
            if group is None or not all(actor in pool for actor in group):
                if len(pool) < number:
                    continue
                group = pool[-number:]
                if number > 1:
                    groups[(kind, number)] = group
            actors += [actor for actor in group if actor not in actors]
    return actors
