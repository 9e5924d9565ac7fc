"""What event matching compares: the words of a fact's headline and the actors it names.

A headline is the clause around the expression trimmed to subject, verb and object, so its words
are the ones that say which happening a fact reports. Words are lower-cased and cut to their
first :data:`STEM` letters ("meeting"/"meetings", "Treffen"/"Treffens" agree), stopwords of the
sentence's language dropped; actors are terms of their own (``@NATO``, people ``@@Mark Rutte``),
which is what lets a German and an English report of the same meeting match. Hyphenated words
count as their parts too ("NATO-Gipfel": "nato", "gipfel"), and words of a named concept group
(``[match.concepts]``: "summit", "Gipfel") as that concept ("#summit"), across languages.
"""

from __future__ import annotations

import re

from dashboard.events.words import words

STEM = 6
_WORD = re.compile(r"\w[\w'’\-]*\w|\w")


PERSON = "@@"
ACTOR = "@"
CONCEPT = "#"


def fact_terms(label: str, actors, lang: str, kinds=None) -> list[str]:
    """The distinct terms of one fact, in the order they first occur."""
    w = words(lang or "en")
    found = []
    for word in _WORD.findall(label or ""):
        low = word.lower()
        found.append(low)
        if "-" in low:
            found.extend(part for part in low.split("-") if part)
    terms = []
    for low in found:
        if low in w.stopwords or (len(low) < 3 and not low.isdigit()):
            continue
        terms.append(low[:STEM])
        if (concept := w.concepts.get(low)) is not None:
            terms.append(CONCEPT + concept)
    names = [] if actors is None else list(actors)
    kinds = [] if kinds is None else list(kinds)
    for k, name in enumerate(names):
        terms.append((PERSON if k < len(kinds) and kinds[k] == "person" else ACTOR) + name)
    return list(dict.fromkeys(terms))
