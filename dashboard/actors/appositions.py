"""People referred to later by the word that introduced them.

News introduces a person the lists do not know by a common noun right before the name
("spokesman Chris Roslan", "Mr Wade's spokesman, Mamadou Bemba Ndiaye", "televangelist Pat
Robertson") and later calls them by that noun alone ("the spokesman said"). The noun is learnt
from the article, not from a list: a lower-case word before a person's name, and later the same
word after "the" with no name after it names the person it introduced last. A word for an
occupation the article did not introduce anyone by ("the singer", ``occupation_nouns.csv``) names
the person the article has named most often before it: the one the story is about.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from functools import lru_cache

from dashboard.actors.gazetteer import ACTORS_DIR, read_rows, split_aliases
from dashboard.actors.model import Actor, Mention
from dashboard.actors.rules import _Spans
from dashboard.alternation import alternation

_NOUN_BEFORE = re.compile(r"(?<![\w'’-])(?<!\bof )([a-z]{4,})(?:,)?\s+$")  # not "secretary of state X"
_ARTICLE = {"en": r"[Tt]he", "de": r"(?!)"}  # German titles before names are roles already (roles.csv)
_NOT_NOUNS = frozenset("said says told with from about that than when where which while after before "
                       "under over into onto like unlike including against between among".split())


def _introducing_nouns(text: str, people: list[Mention]) -> dict[str, list[Mention]]:
    """noun -> the people it introduced, in text order."""
    nouns: dict[str, list[Mention]] = {}
    for mention in people:
        if " " not in mention.actor.name:
            continue  # a full name is introduced; a surname alone is named again
        match = _NOUN_BEFORE.search(text, max(0, mention.start - 40), mention.start)
        if match and match[1] not in _NOT_NOUNS:
            nouns.setdefault(match[1], []).append(mention)
    return nouns


@lru_cache(maxsize=None)
def _occupations(lang: str) -> frozenset[str]:
    return frozenset(w for _, row in read_rows(ACTORS_DIR / "occupation_nouns.csv") if row["lang"] == lang
                     for w in split_aliases(row["words"]))


def _most_named_before(people: list[Mention], position: int) -> Actor | None:
    """The person named most often before ``position`` (the later one of a tie)."""
    counts = Counter(m.actor for m in people if m.end <= position)
    if not counts:
        return None
    latest = {m.actor: m.start for m in people if m.end <= position}
    return max(counts, key=lambda actor: (counts[actor], latest[actor]))


def apposition_references(text: str, lang: str, mentions: list[Mention]) -> list[Mention]:
    """``the spokesman`` after ``spokesman Chris Roslan``: the person that word introduced last
    before it; ``the singer`` where no one was introduced so: the person named most often before.
    Nothing where no one fits or a name follows the word."""
    article = _ARTICLE.get(lang)
    if article is None:
        return []
    people = sorted((m for m in mentions if m.actor.kind == "person"), key=lambda m: m.start)
    nouns = _introducing_nouns(text, people)
    words = set(nouns) | _occupations(lang)
    if not words or not people:
        return []
    pattern = re.compile(rf"(?<!\w){article}\s+(?P<noun>{alternation(words, space=' ')})(?![\w-])(?!\s+[A-Z])")
    taken = _Spans(mentions)
    found: list[Mention] = []
    for match in pattern.finditer(text):
        start, end = match.span("noun")
        if taken.overlaps(start, end):
            continue
        actor = None
        if match["noun"] in nouns:
            introduced = nouns[match["noun"]]
            before = bisect_right([m.end for m in introduced], start)
            actor = introduced[before - 1].actor if before else None
        elif match["noun"] in _occupations(lang):
            actor = _most_named_before(people, start)
        if actor is not None:
            found.append(Mention(start, end, actor, "role"))
    return found
