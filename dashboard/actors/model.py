"""The records of actor recognition: who (:class:`Actor`) and where in the text (:class:`Mention`)."""

from __future__ import annotations

import re
from dataclasses import dataclass

KINDS = ("person", "organisation", "company", "party", "state")

# A token: a dotted acronym (U.S., E.U.) or a run of word characters.
_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|\w+")


@dataclass(frozen=True, slots=True)
class Actor:
    """A person, organisation, company, party or state. ``country`` is a canonical state name (or organisation
    for officials of one); ``role`` what a person is (``President``)."""

    name: str
    kind: str
    wikidata: str = ""
    country: str = ""
    role: str = ""


@dataclass(frozen=True, slots=True)
class Mention:
    """``actor`` named at ``text[start:end]``; ``how`` says why: name, surname, role or anaphor."""

    start: int
    end: int
    actor: Actor
    how: str = "name"


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str


def tokenize(text: str) -> list[Token]:
    return [Token(match.start(), match.end(), match.group()) for match in _TOKEN.finditer(text)]

