"""Who a sentence is about: people, states and organisations, each under one canonical name.

A gazetteer (``data/actors/``) maps every surface form — German and English names, adjectives
(``ukrainisch`` with its endings), demonyms (``die Amerikaner``), acronyms (``NATO``, ``USA``) —
to one :class:`Actor` with its canonical English name and, where certain, its Wikidata ID.
Matching looks tokens up in a dictionary (not one huge regex), so its cost grows with the text,
not with the size of the gazetteer.

Within a document, :func:`find_actors` adds what a list cannot know:
- people missing from the gazetteer, found by role patterns (``Außenminister Marco Rubio``,
  ``Finnlands Präsident Alexander Stubb``, ``Secretary of State ...``) and given that role and
  the state or organisation named right before the role;
- surname-only mentions (``Rutte``, ``Ruttes``) of a person named elsewhere in the document,
  the nearest earlier one first.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from dashboard.errors import UserError
from dashboard.paths import DATA_DIR

ACTORS_DIR = DATA_DIR / "actors"
KINDS = ("person", "state", "organisation")
CSV_COLUMNS = ("name", "kind", "wikidata", "country", "role", "aliases")

# A token: a dotted acronym (U.S., E.U.) or a run of word characters.
_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|\w+")
# What may stand between two tokens of one name: a space, a hyphen, an apostrophe.
_JOINER = re.compile(r"[ \t\u00a0'’-]{1,2}")
_GERMAN_ADJECTIVE_ENDINGS = ("", "e", "en", "er", "es", "em")
_WIKIDATA = re.compile(r"^Q[1-9]\d*$")


@dataclass(frozen=True, slots=True)
class Actor:
    """A person, state or organisation. ``country`` is a canonical state name (or organisation
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
class _Token:
    start: int
    end: int
    text: str


def _tokens(text: str) -> list[_Token]:
    return [_Token(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]


def _surface_forms(alias: str) -> set[str]:
    """An alias and the forms it takes in running text.

    Lowercase German adjectives in ``-isch`` take their endings (``ukrainische``,
    ``finnischen``); lowercase aliases also stand capitalised at the start of a sentence.
    """
    forms = {alias}
    if alias.islower() or alias.split("-")[-1].islower():
        if alias.endswith("isch"):
            forms = {alias + ending for ending in _GERMAN_ADJECTIVE_ENDINGS}
        forms |= {form[0].upper() + form[1:] for form in forms}
    return forms


@dataclass
class Gazetteer:
    """Actors and the token sequences that name them. Build it with :func:`load_gazetteer`."""

    actors: dict[str, Actor] = field(default_factory=dict)
    index: dict[tuple[str, ...], str] = field(default_factory=dict)
    longest: int = 1
    # Capitals that stand for their state ("Moskau warnte"): matched apart from the names,
    # since a capital is just as often only a place.
    capitals: Gazetteer | None = None

    def add(self, actor: Actor, aliases: Iterable[str] = ()) -> None:
        """Add (or enrich) an actor; the first actor to claim an alias keeps it."""
        known = self.actors.get(actor.name)
        if known is not None:
            actor = replace(
                known,
                wikidata=known.wikidata or actor.wikidata,
                country=known.country or actor.country,
                role=known.role or actor.role,
            )
        self.actors[actor.name] = actor
        self.add_aliases(actor.name, (actor.name, *aliases))

    def add_aliases(self, name: str, aliases: Iterable[str]) -> None:
        """Let ``aliases`` name the actor ``name`` too, where no other actor claims them."""
        for alias in aliases:
            for form in _surface_forms(alias.strip()):
                key = tuple(t.text for t in _tokens(form))
                if key and key not in self.index:
                    self.index[key] = name
                    self.longest = max(self.longest, len(key))

    def _get(self, key: tuple[str, ...]) -> str | None:
        """The actor name of a token sequence, also in the German genitive (Ruttes, Russlands)."""
        name = self.index.get(key)
        last = key[-1] if key else ""
        if name is None and len(last) > 2 and last.endswith("s") and last[0].isupper():
            name = self.index.get(key[:-1] + (last[:-1],))
        return name

    def lookup(self, surface: str) -> Actor | None:
        """The actor a surface form names (``"Rumänien"`` -> Romania), or ``None``."""
        name = self._get(tuple(t.text for t in _tokens(surface)))
        return self.actors.get(name) if name else None

    def match(self, text: str) -> list[Mention]:
        """Every gazetteer name in ``text``, longest first, left to right, never overlapping."""
        tokens = _tokens(text)
        mentions: list[Mention] = []
        i = 0
        while i < len(tokens):
            found = self._match_at(text, tokens, i)
            if found is None:
                i += 1
                continue
            length, name = found
            mentions.append(Mention(tokens[i].start, tokens[i + length - 1].end, self.actors[name]))
            i += length
        return mentions

    def _match_at(self, text: str, tokens: list[_Token], i: int) -> tuple[int, str] | None:
        words: list[str] = []
        candidates: list[tuple[int, str]] = []
        for j in range(i, min(i + self.longest, len(tokens))):
            if j > i and not _JOINER.fullmatch(text[tokens[j - 1].end : tokens[j].start]):
                break
            words.append(tokens[j].text)
            name = self._get(tuple(words))
            if name is not None:
                candidates.append((len(words), name))
        return candidates[-1] if candidates else None


# -- loading -----------------------------------------------------------------------------------


def _read_rows(path: Path) -> Iterable[tuple[int, dict[str, str]]]:
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            for row in reader:
                yield reader.line_num, {k.strip(): (v or "").strip() for k, v in row.items() if k}
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise UserError(f"{path}: cannot read actor list: {exc}") from exc


def _split(aliases: str) -> list[str]:
    return [a.strip() for a in aliases.split("|") if a.strip()]


def _load_countries(gazetteer: Gazetteer) -> dict[str, str]:
    """Add the states; return ISO code -> canonical name, for the ``country`` column of others."""
    extras = {row["code"]: row for _, row in _read_rows(ACTORS_DIR / "country_extras.csv")}
    names: dict[str, str] = {}
    for _, row in _read_rows(ACTORS_DIR / "countries.generated.csv"):
        extra = extras.get(row["code"], {})
        actor = Actor(row["name"], "state", wikidata=extra.get("wikidata", ""))
        gazetteer.add(actor, [*_split(row["aliases"]), *_split(extra.get("aliases", ""))])
        names[row["code"]] = row["name"]
    return names


def _load_capitals(states: Gazetteer, countries: dict[str, str]) -> Gazetteer:
    capitals = Gazetteer()
    for _, row in _read_rows(ACTORS_DIR / "capitals.csv"):
        state = states.actors[countries[row["code"]]]
        capitals.actors[state.name] = state
        capitals.add_aliases(state.name, _split(row["aliases"]))
    return capitals


def _add_csv(gazetteer: Gazetteer, path: Path, countries: dict[str, str]) -> None:
    """Add the actors of one CSV with :data:`CSV_COLUMNS` (``name`` required; ``kind`` defaults
    to person; ``country`` an ISO code or a name; ``aliases`` ``|``-separated)."""
    for line, row in _read_rows(path):
        name = row.get("name", "")
        kind = row.get("kind") or "person"
        wikidata = row.get("wikidata", "")
        if not name:
            raise UserError(f"{path}:{line}: the 'name' column is empty")
        if kind not in KINDS:
            raise UserError(f"{path}:{line}: kind {kind!r} is not one of {', '.join(KINDS)}")
        if wikidata and not _WIKIDATA.match(wikidata):
            raise UserError(f"{path}:{line}: {wikidata!r} is not a Wikidata ID like Q42")
        country = row.get("country", "")
        country = countries.get(country.upper(), country) if country else ""
        gazetteer.add(Actor(name, kind, wikidata, country, row.get("role", "")), _split(row.get("aliases", "")))


def load_gazetteer(extra_csvs: Sequence[str | Path] = ()) -> Gazetteer:
    """The shipped gazetteer plus the user's own CSV files (``fact-timeline ... --actors FILE``).

    A user's file has the columns ``name,kind,wikidata,country,role,aliases``; only ``name`` is
    required. Its entries add to the shipped ones (aliases a shipped actor already claims stay).
    """
    gazetteer = Gazetteer()
    countries = _load_countries(gazetteer)
    gazetteer.capitals = _load_capitals(gazetteer, countries)
    for name in ("organisations.csv", "people.csv"):
        _add_csv(gazetteer, ACTORS_DIR / name, countries)
    for path in extra_csvs:
        path = Path(path)
        if not path.is_file():
            raise UserError(f"{path}: actor list not found")
        _add_csv(gazetteer, path, countries)
    return gazetteer


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """The shipped gazetteer, loaded once per process."""
    return load_gazetteer()


# -- role patterns and surnames ------------------------------------------------------------------


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
    rows = [row for _, row in _read_rows(ACTORS_DIR / "roles.csv") if row["lang"] == lang]
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


def _role_mentions(text: str, lang: str, gazetteer: Gazetteer, mentions: list[Mention]) -> list[Mention]:
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


def _surname_mentions(text: str, people: list[Mention], taken: list[Mention]) -> list[Mention]:
    """Mentions of a person by surname alone (``Rutte``, ``Ruttes``), resolved to the person of
    that surname named nearest before (or else first after) in the document."""
    by_surname: dict[str, list[Mention]] = {}
    for mention in people:
        by_surname.setdefault(_surname(mention.actor), []).append(mention)
    occupied = sorted((m.start, m.end) for m in taken)
    found: list[Mention] = []
    for token in _tokens(text):
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
    rows = [row for _, row in _read_rows(ACTORS_DIR / "place_words.csv") if row["lang"] == lang]
    if not rows:
        return None
    words = frozenset(word.lower() for row in rows for word in _split(row["words"]))
    return _PlaceWords(words, rows[0].get("capitalised_word_continues_name") == "yes")


_LAST_WORD = re.compile(r"(\w+)\W{0,3}$")
_DATELINE = re.compile(r"\s*(?:[,(/]| [-–—])")


def _capital_mentions(text: str, lang: str, gazetteer: Gazetteer, taken: list[Mention]) -> list[Mention]:
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


def find_actors(text: str, lang: str, gazetteer: Gazetteer | None = None) -> list[Mention]:
    """All actor mentions in a document, sorted by position, never overlapping."""
    gazetteer = gazetteer or default_gazetteer()
    mentions = gazetteer.match(text)
    mentions += _capital_mentions(text, lang, gazetteer, mentions)
    mentions += _role_mentions(text, lang, gazetteer, mentions)
    people = sorted((m for m in mentions if m.actor.kind == "person"), key=lambda m: m.start)
    mentions += _surname_mentions(text, people, mentions)
    return sorted(mentions, key=lambda m: m.start)


# -- anaphora ------------------------------------------------------------------------------------


@lru_cache(maxsize=None)
def _anaphora(lang: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple(
        (row["refers_to"], re.compile(row["pattern"]))
        for _, row in _read_rows(ACTORS_DIR / "anaphora.csv")
        if row["lang"] == lang
    )


def resolve_anaphora(sentence: str, lang: str, earlier: Sequence[Mention]) -> list[Actor]:
    """Actors of a sentence that names none: ``die Regierung`` is the state, ``sagte er`` the
    person mentioned last before it. Only used where a sentence has no mention of its own, so a
    pronoun never displaces a name."""
    actors: list[Actor] = []
    for refers_to, pattern in _anaphora(lang):
        if not pattern.search(sentence):
            continue
        kinds = ("person",) if refers_to == "person" else ("state",)
        last = next((m.actor for m in reversed(earlier) if m.actor.kind in kinds), None)
        if last is not None and last not in actors:
            actors.append(last)
    return actors
