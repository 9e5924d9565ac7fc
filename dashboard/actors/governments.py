"""A leader's government is the leader's state: "the Clinton administration", "die Regierung
Renzi", "die Trump-Regierung" name the United States or Italy as well as the person, as a
journalist filtering by the state expects (GUIDELINES: a government reference is its state).

The words and where they stand (after the name, or before it) are data:
``data/actors/leader_governments.csv``. Only people whose state is known (the gazetteer's, or a
role pattern's) lend it; the word becomes a mention of the state, the name stays the person's.
"""

from __future__ import annotations

import re
from functools import lru_cache

from dashboard.actors.gazetteer import ACTORS_DIR, Gazetteer, read_rows, split_aliases
from dashboard.actors.model import Mention
from dashboard.actors.rules import _Spans
from dashboard.alternation import alternation


@lru_cache(maxsize=None)
def _patterns(lang: str) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """(words after a name, words before a name) of ``lang``, each anchored where it must stand."""
    words: dict[str, list[str]] = {"after": [], "before": []}
    for _, row in read_rows(ACTORS_DIR / "leader_governments.csv"):
        if row["lang"] == lang:
            words[row["position"]] += split_aliases(row["words"])
    after = re.compile(rf"(?:'s)?\s?(?P<word>{alternation(words['after'])})(?![\w-])") if words["after"] else None
    before = re.compile(rf"(?<![\w-])(?P<word>{alternation(words['before'])})\s+$") if words["before"] else None
    return after, before


def government_mentions(text: str, lang: str, gazetteer: Gazetteer, mentions: list[Mention]) -> list[Mention]:
    """The state of each person named with a word for their government; never over a mention."""
    after, before = _patterns(lang)
    taken = _Spans(mentions)
    seen: list[tuple[int, int]] = []  # the few spans found here (a word between two people is one)
    found: list[Mention] = []
    for mention in mentions:
        if mention.actor.kind != "person" or not mention.actor.country:
            continue
        state = gazetteer.lookup(mention.actor.country)
        if state is None or state.kind != "state":
            continue
        match = after.match(text, mention.end) if after else None
        if match is None and before is not None:
            match = before.search(text, max(0, mention.start - 20), mention.start)
        if match is None:
            continue
        start, end = match.span("word")
        if text[start] == "-":
            start += 1
        if not taken.overlaps(start, end) and not any(s < end and start < e for s, e in seen):
            found.append(Mention(start, end, state, "role"))
            seen.append((start, end))
    return found
