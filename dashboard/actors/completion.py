"""Names the statistical recogniser cut short, completed from the rest of the article.

The recogniser often tags only the first words of a name it has not seen: "AEG" of "AEG Live",
"Mamadou Bemba" of "Mamadou Bemba Ndiaye". A capitalised word right after a person's or an
organisation's span belongs to the name where the article shows that it does: the longer form
comes again elsewhere in the article, or the recogniser tagged the name's last word together with
the next one elsewhere ("Bemba Ndiaye"). A single occurrence of a capitalised word after a name
("Jackson Monday", a headline running into its text) is left alone.

A given name right before a person's span joins it ("Mary" of "Mary Jo White" tagged "Jo
White"; ``given_names.csv``). A given name followed by a lower-case name particle and a capitalised word ("Abdullah
al-Rabeeah", "Salman bin Fahd": ``name_particles.csv``) is a person's name the recogniser may not
know at all.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from functools import lru_cache

from dashboard.actors.gazetteer import ACTORS_DIR, read_rows, split_aliases
from dashboard.actors.given_names import given_names
from dashboard.actors.ner import Entity
from dashboard.actors.shapes import name_stop_words
from dashboard.alternation import alternation

_NEXT_CAPITALISED = re.compile(r" ([A-ZÄÖÜ][a-zäöüß]+|[A-Z]{2,})(?![\w'’-]|\.\w)")
_MAX_ADDED_WORDS = 2


def _whole_word_count(text: str, phrase: str) -> int:
    return len(re.findall(rf"(?<![\w-]){re.escape(phrase)}(?![\w-])", text))


def _tagged_pairs(entities: Sequence[Entity]) -> frozenset[tuple[str, str, str]]:
    """(label, word, next word) for every pair of neighbouring words inside an entity."""
    pairs = set()
    for entity in entities:
        words = entity.text.split()
        pairs.update((entity.label, a, b) for a, b in zip(words, words[1:]))
    return frozenset(pairs)


def _starts_other_entity(entities: Sequence[Entity], start: int, label: str) -> bool:
    return any(e.start == start and e.label != label for e in entities)


_GIVEN_NAME_BEFORE = re.compile(r"(?<![\w'’.-])([A-Z][a-z]+) $")


def _given_name_start(text: str, entity: Entity) -> int:
    """Where a person's span starts once a given name right before it joins it ("Mary" of
    "Mary Jo White" tagged "Jo White"; ``given_names.csv``)."""
    match = _GIVEN_NAME_BEFORE.search(text, max(0, entity.start - 20), entity.start)
    return match.start(1) if match and match[1] in given_names() else entity.start


def completed(text: str, entities: Sequence[Entity]) -> list[Entity]:
    """``entities`` with each person's or organisation's span grown over the capitalised words
    after it that the article shows to be part of the name (see the module's docstring)."""
    pairs = _tagged_pairs(entities)
    grown: list[Entity] = []
    for entity in entities:
        end = entity.end
        if entity.label in ("PER", "ORG"):
            for _ in range(_MAX_ADDED_WORDS):
                match = _NEXT_CAPITALISED.match(text, end)
                if match is None or match[1] in name_stop_words() or _starts_other_entity(entities, match.start(1), entity.label):
                    break
                longer = text[entity.start:match.end()]
                last = text[entity.start:end].split()[-1]
                if _whole_word_count(text, longer) < 2 and (entity.label, last, match[1]) not in pairs:
                    break
                end = match.end()
        start = _given_name_start(text, entity) if entity.label == "PER" else entity.start
        if (start, end) != (entity.start, entity.end):
            entity = Entity(start, end, entity.label, text[start:end])
        grown.append(entity)
    # an entity the grown one now covers (the recogniser's "Ndiaye" after "Mamadou Bemba") goes
    return [e for e in grown if not any(o is not e and o.start <= e.start and e.end <= o.end
                                        and (o.start, o.end) != (e.start, e.end) for o in grown)]


@lru_cache(maxsize=None)
def _particle_name(lang: str) -> re.Pattern[str] | None:
    joined = {"hyphen": [], "space": []}
    for _, row in read_rows(ACTORS_DIR / "name_particles.csv"):
        if row["lang"] == lang:
            joined[row["joined"]].extend(split_aliases(row["words"]))
    if not any(joined.values()):
        return None
    hyphen, space = alternation(joined["hyphen"]), alternation(joined["space"])
    return re.compile(rf"(?<![\w'’-])[A-ZÄÖÜ][a-zäöüß]+ (?:{hyphen}-|{space} )[A-ZÄÖÜ][\w]+(?![\w-])")


def particle_names(text: str, lang: str, entities: Sequence[Entity]) -> list[Entity]:
    """``entities`` with a person for each name with a particle ("Abdullah al-Rabeeah") in place of
    the entities it overlaps; a name whose given name is a stop word ("The al-...") is none."""
    pattern = _particle_name(lang)
    if pattern is None:
        return list(entities)
    found = [m for m in pattern.finditer(text) if m.group().split()[0] not in name_stop_words()]
    if not found:
        return list(entities)
    kept = [e for e in entities if not any(m.start() < e.end and e.start < m.end() for m in found)]
    kept += [Entity(m.start(), m.end(), "PER", m.group()) for m in found]
    return sorted(kept, key=lambda e: e.start)
