"""The word lists of headlines and event matching, one TOML file per language in ``data/events/``.

Each file has the groups ``[clause]`` (what opens a clause, which verbs only report), ``[trim]``
(what a headline can lose; a language with ``subject_pronouns``
puts the subject before a verb left in front once a fronted expression went) and ``[match]`` (words too common to tell happenings apart), and
``[[examples]]`` that the tests run. A language without a file uses the English one.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache

from dashboard.paths import DATA_DIR

WORDS_DIR = DATA_DIR / "events"
FALLBACK = "en"


@dataclass(frozen=True)
class Words:
    lang: str
    openers: frozenset[str]
    bare_openers: frozenset[str]
    complementisers: frozenset[str]
    coordinators: frozenset[str]
    reporting: frozenset[str]
    prepositions: frozenset[str]
    timex_prepositions: frozenset[str]
    drop: frozenset[str]
    leading: frozenset[str]
    phrase_stops: frozenset[str]
    event_nouns: frozenset[str]
    subject_pronouns: frozenset[str]
    determiners: frozenset[str]
    reflexives: frozenset[str]
    stopwords: frozenset[str]
    concepts: dict[str, str]
    examples: tuple[dict, ...]


def languages() -> list[str]:
    """Languages with their own word file."""
    return sorted(path.stem for path in WORDS_DIR.glob("*.toml"))


@lru_cache(maxsize=None)
def words(lang: str) -> Words:
    """The word lists of ``lang`` (English ones for a language without a file)."""
    path = WORDS_DIR / f"{lang}.toml"
    if not path.exists():
        return words(FALLBACK) if lang != FALLBACK else _missing()
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    clause, trim, match = data.get("clause", {}), data.get("trim", {}), data.get("match", {})

    def group(table: dict, name: str) -> frozenset[str]:
        return frozenset(word.lower() for word in table.get(name, ()))

    return Words(
        lang=lang,
        openers=group(clause, "openers") | group(clause, "coordinators"),
        bare_openers=group(clause, "bare_openers"),
        complementisers=group(clause, "complementisers"),
        coordinators=group(clause, "coordinators"),
        reporting=group(clause, "reporting"),
        prepositions=group(trim, "prepositions"),
        timex_prepositions=group(trim, "timex_prepositions"),
        drop=group(trim, "drop"),
        leading=group(trim, "leading"),
        phrase_stops=group(trim, "phrase_stops"),
        event_nouns=group(trim, "event_nouns"),
        subject_pronouns=group(trim, "subject_pronouns"),
        determiners=group(trim, "determiners"),
        reflexives=group(trim, "reflexives"),
        stopwords=group(match, "stopwords"),
        concepts={word.lower(): concept for concept, members in match.get("concepts", {}).items() for word in members},
        examples=tuple(data.get("examples", ())),
    )


def _missing() -> Words:
    raise FileNotFoundError(f"{WORDS_DIR / (FALLBACK + '.toml')}: the English event word list is missing")
