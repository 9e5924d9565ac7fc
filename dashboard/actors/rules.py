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
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

from dashboard.actors.gazetteer import ACTORS_DIR, Gazetteer, read_rows, split_aliases
from dashboard.actors.model import Actor, Mention, tokenize
from dashboard.alternation import alternation


@dataclass(frozen=True)
class _RoleRules:
    pattern: re.Pattern[str]
    roles: tuple[tuple[re.Pattern[str], str], ...]

    def role_of(self, text: str) -> str:
        return next((role for pattern, role in self.roles if pattern.fullmatch(text)), "") or next(
            (role for pattern, role in self.roles if re.fullmatch(pattern.pattern, text, re.IGNORECASE)), "")


_LOWER = "a-zäöüßáéíóúàèìòùâêîôûçñčšžłńćęąőű"
_NAME_WORD = rf"[A-ZÄÖÜÁÉÍÓÚČŠŽŁ][{_LOWER}'’-]+(?:[A-Z][{_LOWER}]+)?"  # also McHugh, DeLay
_NAME = (rf"(?:(?:[A-Z]\.\s?){{1,3}}{_NAME_WORD}"  # "P.J. Crowley"
         rf"|{_NAME_WORD}(?:\s+[A-Z]\.)?(?:\s+(?:(?:von|van|de|der|den|da|di|al|bin|ibn|dos)\s+)*{_NAME_WORD}){{1,2}})")
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
    words = re.sub(r"['’]s?$", "", name).split()  # "President Juvenal Habyarimana's plane"
    while words and (words[-1] in _NOT_NAME or words[-1].rstrip("s") in _NOT_NAME):
        words.pop()
    return " ".join(words) if len(words) >= 2 else ""


def _affiliation(text: str, role_start: int, mention: Mention) -> str:
    """The state or organisation named right before a role (``mention``, the last one ending
    before it): ``Finnlands``, ``US-``, ``finnischen``."""
    gap = text[mention.end : role_start]
    if mention.actor.kind != "person" and re.fullmatch(r"(?:['’]s)?[\s-]{0,2}", gap):
        return mention.actor.name
    return ""


class _Spans:
    """Spans of text taken by mentions, asked whether a new span overlaps one of them in
    logarithmic time (a scan of every mention per candidate grows with the square of a text).
    Spans are added in order of their start (all but the first batch, which is sorted)."""

    def __init__(self, mentions: Iterable[Mention] = ()):
        self.starts: list[int] = []
        self.reach: list[int] = []  # the largest end among the spans up to each one
        for mention in sorted(mentions, key=lambda m: m.start):
            self.add(mention)

    def add(self, mention: Mention) -> None:
        if self.starts and mention.start < self.starts[-1]:
            raise ValueError("spans are added in order of their start")
        self.starts.append(mention.start)
        self.reach.append(max(mention.end, self.reach[-1]) if self.reach else mention.end)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether a span starting before ``end`` reaches beyond ``start``."""
        before = bisect_left(self.starts, end)
        return before > 0 and self.reach[before - 1] > start


def role_mentions(text: str, lang: str, gazetteer: Gazetteer, mentions: list[Mention]) -> list[Mention]:
    rules = _role_rules(lang)
    if rules is None:
        return []
    found: list[Mention] = []
    taken, taken_now = _Spans(mentions), _Spans()
    by_end = sorted(mentions, key=lambda m: m.end)
    ends = [m.end for m in by_end]
    for match in rules.pattern.finditer(text):
        name = _clean_name(match["name"])
        start = match.start("name")
        end = start + len(name)
        if not name or taken.overlaps(start, end) or taken_now.overlaps(start, end):
            continue
        if any(gazetteer.lookup(word) is not None for word in name.split()):
            continue  # "Präsident Trump Washington": a known name, not a new person
        before = bisect_right(ends, match.start())
        country = _affiliation(text, match.start(), by_end[before - 1]) if before else ""
        actor = Actor(name, "person", country=country, role=rules.role_of(match["role"]))
        found.append(Mention(start, end, actor, "role"))
        taken_now.add(found[-1])
    return found


# The title and a look ahead at the name, so a capitalised word before the title ("Festansprache
# Sportlandesrat Luis Durnwalder") does not swallow it.
_TITLED = re.compile(rf"(?<![\w-])(?P<title>[\w-]+\.?)(?=\s+(?P<name>{_NAME})(?!\w))")


def title_mentions(text: str, gazetteer: Gazetteer, mentions: list[Mention], is_title) -> list[Mention]:
    """People named after a title or a role word the role list does not know, German compounds
    among them (``Sportlandesrat Luis Durnwalder``, ``SVP-Fraktionssprecher Ingo Dejaco``,
    ``Ex-Landesrätin Sabina Kasslatter Mur``): ``is_title`` says which words are titles
    (``data/actors/title_words.csv``). The full name is kept whatever the recogniser cut."""
    found: list[Mention] = []
    taken, taken_now = _Spans(mentions), _Spans()
    for match in _TITLED.finditer(text):
        if not match["title"][:1].isupper() or not is_title(match["title"]):
            continue
        words = list(re.finditer(r"\S+", match["name"]))
        while words and is_title(words[0].group()):  # "Foreign Minister Joe Blow": the name after the last title
            words.pop(0)
        if not words:
            continue
        start = match.start("name") + words[0].start()
        name = _clean_name(text[start:match.end("name")])
        end = start + len(name)
        if not name or taken.overlaps(start, end) or taken_now.overlaps(start, end):
            continue
        if any(gazetteer.lookup(word) is not None for word in name.split()):
            continue
        found.append(Mention(start, end, Actor(name, "person"), "name"))
        taken_now.add(found[-1])
    return found


def _surname(actor: Actor) -> str:
    return actor.name.split()[-1]


def surname_mentions(text: str, people: list[Mention], taken: list[Mention]) -> list[Mention]:
    """Mentions of a person by surname alone (``Rutte``, ``Ruttes``), resolved to the person of
    that surname named nearest before (or else first after) in the document."""
    by_surname: dict[str, list[Mention]] = {}
    for mention in people:
        by_surname.setdefault(_surname(mention.actor), []).append(mention)
    starts = {surname: [m.start for m in named] for surname, named in by_surname.items()}
    occupied = _Spans(taken)
    found: list[Mention] = []
    for token in tokenize(text):
        word = token.text
        surname = word if word in by_surname else word[:-1] if word.endswith("s") else ""
        candidates = by_surname.get(surname)
        if not candidates or occupied.overlaps(token.start, token.end):
            continue
        before = bisect_left(starts[surname], token.start)
        person = candidates[before - 1 if before else 0].actor
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


def _starts_line(text: str, offset: int) -> bool:
    """Whether only white space stands between the line's start and ``offset``; looks back over
    that white space alone, not to the line's start (which may be megabytes away)."""
    while offset > 0 and text[offset - 1] != "\n" and text[offset - 1].isspace():
        offset -= 1
    return offset == 0 or text[offset - 1] == "\n"


def capital_mentions(text: str, lang: str, capitals: list[Mention], taken: list[Mention]) -> list[Mention]:
    """Capitals that stand for their state: "Moskau warnte", "Washington would begin".

    Not where the text names a place ("in Moskau", "the city of Kyiv", "die Hauptstadt Kiew"),
    in a dateline at the start of a line ("Berlin, 3. März"), or where the capital begins a
    longer name ("Kiew-Reise", in English also "Washington Post"). ``capitals`` are the
    gazetteer's capital matches in ``text``.
    """
    rules = _place_words(lang)
    if rules is None:
        return []
    found: list[Mention] = []
    occupied = _Spans(taken)
    for mention in capitals:
        if occupied.overlaps(mention.start, mention.end):
            continue
        before = _LAST_WORD.search(text, max(0, mention.start - 40), mention.start)
        if before is not None and before.group(1).lower() in rules.words:
            continue
        after = text[mention.end : mention.end + 2]
        if after[:1] == "-" or (rules.capitalised_word_continues_name and after[:1] == " " and after[1:].isupper()):
            continue
        if _DATELINE.match(text, mention.end) and _starts_line(text, mention.start):
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
    if lang == "en":  # "the president", "the prime minister": English writes a role without a name in lower case
        alternatives = f"(?i:{alternatives})"
    return re.compile(rf"(?<!\w)(?:{articles})\s+(?:[\w-]+(?:e|en|er|es|em|'s)\s+)?(?P<role>{alternatives})\b(?!\s+{_NAME_WORD})")


def role_references(text: str, lang: str, mentions: list[Mention]) -> list[Mention]:
    """A role that points to the person with that role named before: ``der Außenminister`` after
    ``Außenminister Marco Rubio``. Nothing where no such person was named."""
    pattern = _reference_pattern(lang)
    rules = _role_rules(lang)
    if pattern is None or rules is None:
        return []
    by_role: dict[str, list[Mention]] = {}  # people of each role in text order (mentions never overlap)
    for mention in sorted(mentions, key=lambda m: m.start):
        if mention.actor.kind == "person" and mention.actor.role:
            by_role.setdefault(mention.actor.role, []).append(mention)
    ends = {role: [m.end for m in people] for role, people in by_role.items()}
    taken = _Spans(mentions)
    found: list[Mention] = []
    for match in pattern.finditer(text):
        start, end = match.start("role"), match.end("role")
        if taken.overlaps(start, end):
            continue
        role = rules.role_of(match["role"])
        before = bisect_right(ends.get(role, []), start)  # the people of that role named before
        if before:
            found.append(Mention(start, end, by_role[role][before - 1].actor, "role"))
    return found


@lru_cache(maxsize=None)
def _organisation_references(lang: str) -> tuple[re.Pattern[str], dict[str, tuple[str, bool]]] | None:
    """``the company``, ``des Vereins``: a kind word with its article and no name after it
    (``organisation_references.csv``): word -> (kind, whether the word must be in the name)."""
    words: dict[str, tuple[str, bool]] = {}
    for _, row in read_rows(ACTORS_DIR / "organisation_references.csv"):
        if row["lang"] == lang:
            for word in split_aliases(row["words"]):
                words[word] = (row["kind"], row["in_name"] == "yes")
    if not words:
        return None
    articles = r"[Dd]er|[Dd]ie|[Dd]as|[Dd]es|[Dd]em|[Dd]en" if lang == "de" else r"[Tt]he|[Ii]ts|[Hh]is|[Hh]er"
    alternatives = alternation(words)
    # English may put a place or a state's adjective between: "the St. Louis company", "the U.S. carrier".
    # Never "the firm of Asea Brown Boveri": a name follows.
    modifiers, of = (r"(?P<modifiers>(?:[A-Z][\w.]*(?:-based)?\s+){0,2})", r"(?!\s+of\s)") if lang == "en" else ("", "")
    return re.compile(rf"(?<!\w)(?:{articles})\s+{modifiers}(?P<word>{alternatives})(?![\w-])(?!\s+[A-ZÄÖÜ\"„“]){of}"), words


def _names_other_than_a_state(match: re.Match[str], mentions: list[Mention]) -> bool:
    start, end = match.span("modifiers")
    return any(m.start < end and start < m.end and m.actor.kind != "state" for m in mentions)


class _Referents:
    """The companies, parties and organisations of a document in text order, to find the one a
    kind word refers back to."""

    def __init__(self, mentions: list[Mention], gazetteer: Gazetteer) -> None:
        self.named = sorted((m for m in mentions if m.actor.kind in ("company", "party", "organisation")), key=lambda m: m.start)
        self.ends = [m.end for m in self.named]
        self.gazetteer = gazetteer

    def before(self, start: int, word: str, kind: str, in_name: bool) -> Actor | None:
        """The last actor of ``kind`` named before ``start``; where ``in_name``, only one with
        ``word`` in its name or one of its aliases (NATO: "Nordatlantische Allianz")."""
        stem = re.sub(r"(?:['’]s|es|s)$", "", word).lower() if in_name else ""
        for mention in reversed(self.named[: bisect_right(self.ends, start)]):
            actor = mention.actor
            if actor.kind == kind and (not in_name or stem in actor.name.lower()
                                       or any(stem in w for w in self.gazetteer.alias_words.get(actor.name, ()))):
                return actor
        return None


def organisation_references(text: str, lang: str, gazetteer: Gazetteer, mentions: list[Mention]) -> list[Mention]:
    """``the company`` is the company named last before it, ``die Partei`` the party;
    ``the ministry``, ``des Verbandes`` the last organisation with that word in its name
    ("Chinese Ministry of Health", "Verband der Sportvereine Südtirols"). Nothing where none was named."""
    rules = _organisation_references(lang)
    if rules is None:
        return []
    pattern, words = rules
    referents = _Referents(mentions, gazetteer)
    taken = _Spans(mentions)
    found: list[Mention] = []
    for match in pattern.finditer(text):
        start, end = match.start("word"), match.end("word")
        if taken.overlaps(start, end) or (match.groupdict().get("modifiers") and _names_other_than_a_state(match, mentions)):
            continue  # "The Maariv newspaper", "the Democratic party": the name is the mention
        actor = referents.before(start, match["word"], *words[match["word"]])
        if actor is not None:
            found.append(Mention(start, end, actor, "role"))
    return found


@lru_cache(maxsize=None)
def _kind_words(lang: str) -> dict[str, tuple[str, bool]]:
    """The kind words of ``organisation_references.csv`` in lower case: the recogniser's tag
    may capitalise them ("Alliance")."""
    rules = _organisation_references(lang)
    return {word.lower(): rule for word, rule in rules[1].items()} if rules else {}


def kind_word_names(text: str, lang: str, gazetteer: Gazetteer, mentions: list[Mention]) -> list[Mention]:
    """An organisation the recogniser found under a kind word alone ("die von den USA geführte
    Allianz") is no organisation of that name where the article named one before with that word
    in its name or aliases (NATO): it refers back to it. Listed names stay as they are."""
    words = _kind_words(lang)
    if not words:
        return mentions

    def rule_of(mention: Mention) -> tuple[str, bool] | None:
        word = text[mention.start:mention.end]
        rule = words.get(word.lower()) if mention.how == "name" and mention.actor.name == word else None
        return rule if rule is not None and gazetteer.lookup(word) is None else None

    rules_of = [rule_of(m) for m in mentions]
    referents = _Referents([m for m, rule in zip(mentions, rules_of) if rule is None], gazetteer)
    out: list[Mention] = []
    for mention, rule in zip(mentions, rules_of):
        actor = referents.before(mention.start, text[mention.start:mention.end], *rule) if rule else None
        out.append(replace(mention, actor=actor, how="role") if actor is not None else mention)
    return out
