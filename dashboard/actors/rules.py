"""What a list cannot know: people found by their role, surnames, capitals standing for a state.

- people missing from the gazetteer, found by role patterns (``Außenminister Marco Rubio``,
  ``Finnlands Präsident Alexander Stubb``, ``Secretary of State ...``) and given that role and
  the state or organisation named right before the role;
- surname-only mentions (``Rutte``, ``Ruttes``) of a person named elsewhere in the document,
  the nearest earlier one first;
- capitals that stand for their state (``Moskau warnte``), not where they name a place.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

from dashboard.actors.gazetteer import ACTORS_DIR, Gazetteer, read_rows, split_aliases
from dashboard.actors.model import Actor, Mention, tokenize


@dataclass(frozen=True)
class _RoleRules:
    pattern: re.Pattern[str]
    roles: tuple[tuple[re.Pattern[str], str], ...]

    def role_of(self, text: str) -> str:
        return next((role for pattern, role in self.roles if pattern.fullmatch(text)), "")


_NAME_WORD = r"[A-ZÄÖÜÁÉÍÓÚČŠŽŁ][a-zäöüßáéíóúàèìòùâêîôûçñčšžłńćęąőű'’-]+"
_NAME = rf"{_NAME_WORD}(?:\s+(?:(?:von|van|de|der|den|da|di|al|bin|ibn|dos)\s+)*{_NAME_WORD}){{1,2}}"
# Capitalised words that follow a name but are not part of it.
_NOT_NAME = frozenset(
    """Januar Februar März April Mai Juni Juli August September Oktober November Dezember
    January February March June July October December Montag Dienstag Mittwoch Donnerstag Freitag
    Samstag Sonntag Monday Tuesday Wednesday Thursday Friday Saturday Sunday Anfang Mitte Ende
    Beginn Jahr Jahres Woche Monat Im In Am An Auf Bei Nach Vor Der Die Das Den Dem Des Und Er Sie
    Es Ein Eine The And On At In For With Said He She It""".split()
)


@lru_cache(maxsize=None)
def _role_rules(lang: str) -> _RoleRules | None:
    rows = [row for _, row in read_rows(ACTORS_DIR / "roles.csv") if row["lang"] == lang]
    if not rows:
        return None
    # File order: where two roles start at the same place, the more specific one comes first.
    alternatives = "|".join(f"(?:{row['pattern']})" for row in rows)
    pattern = re.compile(rf"(?<!\w)(?P<role>{alternatives})\s+(?P<name>{_NAME})")
    roles = tuple((re.compile(row["pattern"]), row["role"]) for row in rows)
    return _RoleRules(pattern, roles)


def _clean_name(name: str) -> str:
    words = name.split()
    while words and (words[-1] in _NOT_NAME or words[-1].rstrip("s") in _NOT_NAME):
        words.pop()
    return " ".join(words) if len(words) >= 2 else ""


def _affiliation(text: str, role_start: int, mentions: list[Mention]) -> str:
    """The state or organisation named right before a role: ``Finnlands``, ``US-``, ``finnischen``."""
    for mention in reversed(mentions):
        if mention.end > role_start:
            continue
        gap = text[mention.end : role_start]
        if mention.actor.kind != "person" and re.fullmatch(r"(?:['’]s)?[\s-]{0,2}", gap):
            return mention.actor.name
        break
    return ""


def _overlaps(start: int, end: int, mentions: Iterable[Mention]) -> bool:
    return any(m.start < end and start < m.end for m in mentions)


def role_mentions(text: str, lang: str, gazetteer: Gazetteer, mentions: list[Mention]) -> list[Mention]:
    rules = _role_rules(lang)
    if rules is None:
        return []
    found: list[Mention] = []
    for match in rules.pattern.finditer(text):
        name = _clean_name(match["name"])
        start = match.start("name")
        end = start + len(name)
        if not name or _overlaps(start, end, mentions) or _overlaps(start, end, found):
            continue
        if any(gazetteer.lookup(word) is not None for word in name.split()):
            continue  # "Präsident Trump Washington": a known name, not a new person
        actor = Actor(name, "person", country=_affiliation(text, match.start(), mentions), role=rules.role_of(match["role"]))
        found.append(Mention(start, end, actor, "role"))
    return found


def _surname(actor: Actor) -> str:
    return actor.name.split()[-1]


def surname_mentions(text: str, people: list[Mention], taken: list[Mention]) -> list[Mention]:
    """Mentions of a person by surname alone (``Rutte``, ``Ruttes``), resolved to the person of
    that surname named nearest before (or else first after) in the document."""
    by_surname: dict[str, list[Mention]] = {}
    for mention in people:
        by_surname.setdefault(_surname(mention.actor), []).append(mention)
    occupied = sorted((m.start, m.end) for m in taken)
    found: list[Mention] = []
    for token in tokenize(text):
        word = token.text
        candidates = by_surname.get(word) or (by_surname.get(word[:-1]) if word.endswith("s") else None)
        if not candidates or any(s < token.end and token.start < e for s, e in occupied):
            continue
        before = [m for m in candidates if m.start < token.start]
        person = (before[-1] if before else candidates[0]).actor
        found.append(Mention(token.start, token.end, person, "surname"))
    return found


@dataclass(frozen=True)
class _PlaceWords:
    words: frozenset[str]
    capitalised_word_continues_name: bool


@lru_cache(maxsize=None)
def _place_words(lang: str) -> _PlaceWords | None:
    rows = [row for _, row in read_rows(ACTORS_DIR / "place_words.csv") if row["lang"] == lang]
    if not rows:
        return None
    words = frozenset(word.lower() for row in rows for word in split_aliases(row["words"]))
    return _PlaceWords(words, rows[0].get("capitalised_word_continues_name") == "yes")


_LAST_WORD = re.compile(r"(\w+)\W{0,3}$")
_DATELINE = re.compile(r"\s*(?:[,(/]| [-–—])")


def capital_mentions(text: str, lang: str, gazetteer: Gazetteer, taken: list[Mention]) -> list[Mention]:
    """Capitals that stand for their state: "Moskau warnte", "Washington would begin".

    Not where the text names a place ("in Moskau", "the city of Kyiv", "die Hauptstadt Kiew"),
    in a dateline at the start of a line ("Berlin, 3. März"), or where the capital begins a
    longer name ("Kiew-Reise", in English also "Washington Post").
    """
    rules = _place_words(lang)
    if rules is None or gazetteer.capitals is None:
        return []
    found: list[Mention] = []
    for mention in gazetteer.capitals.match(text):
        if _overlaps(mention.start, mention.end, taken):
            continue
        before = _LAST_WORD.search(text, max(0, mention.start - 40), mention.start)
        if before is not None and before.group(1).lower() in rules.words:
            continue
        after = text[mention.end : mention.end + 2]
        if after[:1] == "-" or (rules.capitalised_word_continues_name and after[:1] == " " and after[1:].isupper()):
            continue
        if _DATELINE.match(text, mention.end) and not text[text.rfind("\n", 0, mention.start) + 1 : mention.start].strip():
            continue  # "Berlin, 3. März (dpa) -": where the report was filed
        found.append(replace(mention, how="capital"))
    return found



@lru_cache(maxsize=None)
def _reference_pattern(lang: str) -> re.Pattern[str] | None:
    """A role with its article and no name after it: ``der Außenminister``, ``the Prime Minister``."""
    rules = _role_rules(lang)
    if rules is None:
        return None
    articles = r"[Dd]er|[Dd]ie|[Dd]es|[Dd]em|[Dd]en" if lang == "de" else r"the|The"
    alternatives = "|".join(f"(?:{pattern.pattern})" for pattern, _ in rules.roles)
    return re.compile(rf"(?<!\w)(?:{articles})\s+(?:[\w-]+(?:e|en|er|es|em|'s)\s+)?(?P<role>{alternatives})\b(?!\s+{_NAME_WORD})")


def role_references(text: str, lang: str, mentions: list[Mention]) -> list[Mention]:
    """A role that points to the person with that role named before: ``der Außenminister`` after
    ``Außenminister Marco Rubio``. Nothing where no such person was named."""
    pattern = _reference_pattern(lang)
    rules = _role_rules(lang)
    if pattern is None or rules is None:
        return []
    people = sorted((m for m in mentions if m.actor.kind == "person" and m.actor.role), key=lambda m: m.start)
    found: list[Mention] = []
    for match in pattern.finditer(text):
        start, end = match.start("role"), match.end("role")
        if _overlaps(start, end, mentions):
            continue
        role = rules.role_of(match["role"])
        earlier = [m for m in people if m.end <= start and m.actor.role == role]
        if earlier:
            found.append(Mention(start, end, earlier[-1].actor, "role"))
    return found
