"""Names the statistical recogniser cut short, completed from the rest of the article.

The recogniser often tags only the first words of a name it has not seen: "AEG" of "AEG Live",
"Mamadou Bemba" of "Mamadou Bemba Ndiaye". A capitalised word right after a person's or an
organisation's span belongs to the name where the article shows that it does: the longer form
comes again elsewhere in the article, or the recogniser tagged the name's last word together with
the next one elsewhere ("Bemba Ndiaye"). A single occurrence of a capitalised word after a name
("Jackson Monday", a headline running into its text) is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from dashboard.actors.ner import Entity
from dashboard.actors.shapes import name_stop_words

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
        grown.append(entity if end == entity.end else Entity(entity.start, end, entity.label, text[entity.start:end]))
    # an entity the grown one now covers (the recogniser's "Ndiaye" after "Mamadou Bemba") goes
    return [e for e in grown if not any(o is not e and o.start <= e.start and e.end <= o.end
                                        and (o.start, o.end) != (e.start, e.end) for o in grown)]
