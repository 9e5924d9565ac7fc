"""People referred to later by the word that introduced them.

News introduces a person the lists do not know by a common noun right before the name
("spokesman Chris Roslan", "Mr Wade's spokesman, Mamadou Bemba Ndiaye", "televangelist Pat
Robertson") and later calls them by that noun alone ("the spokesman said"). The noun is learnt
from the article, not from a list: a lower-case word before a person's name, and later the same
word after "the" with no name after it names the person it introduced last.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from dashboard.actors.model import Mention
from dashboard.actors.rules import _Spans

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


def apposition_references(text: str, lang: str, mentions: list[Mention]) -> list[Mention]:
    """``the spokesman`` after ``spokesman Chris Roslan``: the person that word introduced last
    before it. Nothing where the word introduced nobody or a name follows it."""
    article = _ARTICLE.get(lang)
    if article is None:
        return []
    people = sorted((m for m in mentions if m.actor.kind == "person"), key=lambda m: m.start)
    nouns = _introducing_nouns(text, people)
    if not nouns:
        return []
    pattern = re.compile(rf"(?<!\w){article}\s+(?P<noun>{'|'.join(map(re.escape, nouns))})(?![\w-])(?!\s+[A-Z])")
    taken = _Spans(mentions)
    found: list[Mention] = []
    for match in pattern.finditer(text):
        start, end = match.span("noun")
        introduced = nouns[match["noun"]]
        before = bisect_right([m.end for m in introduced], start)
        if before and not taken.overlaps(start, end):
            found.append(Mention(start, end, introduced[before - 1].actor, "role"))
    return found
