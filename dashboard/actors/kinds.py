"""Whether an organisation not in the lists is a company, a party or another organisation.

Decided from its name alone, by the words of ``data/actors/organisation_kinds.csv``: a legal form
or trade word at the end (``Volkswagen AG``, ``Deutsche Bank``, ``Washington Post``), a compound
ending (``Commerzbank``), a party word anywhere (``Südtiroler Volkspartei``, ``Labour Party``).
The gazetteer's own kind always wins over this guess.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from dashboard.actors.gazetteer import ACTORS_DIR, read_rows, split_aliases
from dashboard.actors.model import tokenize

MATCHES = ("last_word", "any_word", "word_ending")


@dataclass(frozen=True)
class KindRule:
    kind: str
    match: str
    words: frozenset[str]
    example: str

    def applies(self, words: list[str]) -> bool:
        if not words:
            return False
        if self.match == "last_word":
            return words[-1] in self.words
        if self.match == "any_word":
            return any(word in self.words for word in words)
        return any(word.lower().endswith(ending) and word.lower() != ending for word in words for ending in self.words)


@lru_cache(maxsize=1)
def kind_rules() -> tuple[KindRule, ...]:
    """The rules in file order; the first that applies decides."""
    path = ACTORS_DIR / "organisation_kinds.csv"
    rules = []
    for line, row in read_rows(path):
        if row["match"] not in MATCHES:
            raise ValueError(f"{path}:{line}: match {row['match']!r} is not one of {', '.join(MATCHES)}")
        words = [w.rstrip(".") for w in split_aliases(row["words"])]
        rules.append(KindRule(row["kind"], row["match"], frozenset(words), row["example"]))
    return tuple(rules)


@lru_cache(maxsize=16_384)
def organisation_kind(name: str) -> str:
    """``company``, ``party`` or ``organisation`` for an organisation's name (cached: the same
    names come up in article after article)."""
    words = [t.text.rstrip(".") for t in tokenize(name)]
    return next((rule.kind for rule in kind_rules() if rule.applies(words)), "organisation")
