"""All actor mentions of a document: the gazetteer first, then what the rules add."""

from __future__ import annotations

import re

from dashboard.actors.gazetteer import Gazetteer, default_gazetteer
from dashboard.actors.model import Mention
from dashboard.actors.rules import capital_mentions, role_mentions, surname_mentions

# A news agency's credit in a dateline: "(dpa)", "(dpa/AFP)", "(Reuters) -".
_CREDIT = re.compile(r"\((?:[\w .-]+/)*$")
_CREDIT_END = re.compile(r"(?:/[\w .-]+)*\)")


def _is_credit(text: str, mention: Mention) -> bool:
    return bool(_CREDIT.search(text, max(0, mention.start - 30), mention.start) and _CREDIT_END.match(text, mention.end))


def find_actors(text: str, lang: str, gazetteer: Gazetteer | None = None) -> list[Mention]:
    """All actor mentions in a document, sorted by position, never overlapping."""
    gazetteer = gazetteer or default_gazetteer()
    mentions = [m for m in gazetteer.match(text) if not (m.actor.kind == "company" and _is_credit(text, m))]
    mentions += capital_mentions(text, lang, gazetteer, mentions)
    mentions += role_mentions(text, lang, gazetteer, mentions)
    people = sorted((m for m in mentions if m.actor.kind == "person"), key=lambda m: m.start)
    mentions += surname_mentions(text, people, mentions)
    return sorted(mentions, key=lambda m: m.start)

