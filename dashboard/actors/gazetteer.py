"""The gazetteer: every listed surface form of an actor, mapped to one canonical actor.

The lists in ``data/actors/`` map German and English names, adjectives (``ukrainisch`` with its
endings), demonyms (``die Amerikaner``), acronyms (``NATO``, ``USA``) to one :class:`Actor` with
its canonical English name, its kind and, where certain, its Wikidata ID; the same actor named
in both languages is one entry. Matching looks tokens up in a dictionary (not one huge regex), so
its cost grows with the text, not with the size of the gazetteer.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from dashboard.actors.model import KINDS, Actor, Mention, Token, tokenize
from dashboard.errors import UserError
from dashboard.paths import DATA_DIR

ACTORS_DIR = DATA_DIR / "actors"
CSV_COLUMNS = ("name", "kind", "wikidata", "country", "role", "aliases")

# What may stand between two tokens of one name: a space, a hyphen, an apostrophe.
_JOINER = re.compile(r"[ \t\u00a0'’-]{1,2}")
_GERMAN_ADJECTIVE_ENDINGS = ("", "e", "en", "er", "es", "em")
_WIKIDATA = re.compile(r"^Q[1-9]\d*$")


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


# Languages whose genitive appends a bare "s" to a name ("Russlands Präsident").
BARE_S_GENITIVE = frozenset({"de"})


@dataclass
class Gazetteer:
    """Actors and the token sequences that name them. Build it with :func:`load_gazetteer`."""

    actors: dict[str, Actor] = field(default_factory=dict)
    index: dict[tuple[str, ...], str] = field(default_factory=dict)
    longest: int = 1
    # Every proper prefix of a key in ``index``: a scan stops at the first word that continues
    # no name, so most words of a text cost one set lookup.
    prefixes: set[tuple[str, ...]] = field(default_factory=set)
    # Capitals that stand for their state ("Moskau warnte"): matched apart from the names,
    # since a capital is just as often only a place.
    capitals: Gazetteer | None = None
    # The lower-cased words of each actor's aliases: "allianz" of NATO's "Nordatlantische Allianz",
    # so that a kind word alone can be told to name it (dashboard.actors.rules.kind_word_names).
    alias_words: dict[str, set[str]] = field(default_factory=dict)
    # Whether any name with a bare "s" appended names it too: the German genitive ("Ruttes",
    # "Russlands", "Amerikas"). English writes "America's"; its bare "s" is a plural, of a people
    # ("Pakistanis", "New Zealanders") or an acronym short of its apostrophe ("WHOs"), never of the
    # name itself ("France": the given name "Frances"; "Amazon": "Swallows and Amazons") nor of a
    # place in "-a" ("America": "the Americas"). See :meth:`in_language`.
    genitive_s: bool = True
    # The same gazetteer read the other way (made once by :meth:`in_language`, each the other's).
    _other: Gazetteer | None = field(default=None, repr=False, compare=False)

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
                key = tuple(t.text for t in tokenize(form))
                if key and key not in self.index:
                    self.index[key] = name
                    self.alias_words.setdefault(name, set()).update(word.lower() for word in key)
                    self.longest = max(self.longest, len(key))
                    self.prefixes.update(key[:n] for n in range(1, len(key)))

    def in_language(self, lang: str) -> Gazetteer:
        """This gazetteer as text of ``lang`` reads it: the same names, sharing their tables, with
        the bare-"s" genitive only where the language writes one. Take it of a loaded gazetteer:
        names added later reach both, but ``longest`` only the one they were added to."""
        genitive_s = lang in BARE_S_GENITIVE
        if genitive_s == self.genitive_s:
            return self
        if self._other is None:
            capitals = self.capitals.in_language(lang) if self.capitals is not None else None
            self._other = replace(self, genitive_s=genitive_s, capitals=capitals, _other=self)
        return self._other

    def _get(self, key: tuple[str, ...]) -> str | None:
        """The actor name of a token sequence, also in the German genitive (Ruttes, Russlands)."""
        name = self.index.get(key)
        last = key[-1] if key else ""
        if name is None and len(last) > 2 and last.endswith("s") and last[0].isupper():
            stem = key[:-1] + (last[:-1],)
            name = self.index.get(stem)
            if name is not None and not self.genitive_s and (last[-2] == "a" or " ".join(stem) == name):
                return None
        return name

    def lookup(self, surface: str) -> Actor | None:
        """The actor a surface form names (``"Rumänien"`` -> Romania), or ``None``."""
        name = self._get(tuple(t.text for t in tokenize(surface)))
        return self.actors.get(name) if name else None

    def match(self, text: str, tokens: list[Token] | None = None) -> list[Mention]:
        """Every gazetteer name in ``text``, longest first, left to right, never overlapping;
        ``tokens`` are the text's (:func:`tokenize`) where the caller has them already."""
        tokens = tokenize(text) if tokens is None else tokens
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

    def _match_at(self, text: str, tokens: list[Token], i: int) -> tuple[int, str] | None:
        words: list[str] = []
        candidates: list[tuple[int, str]] = []
        for j in range(i, min(i + self.longest, len(tokens))):
            if j > i and not _JOINER.fullmatch(text[tokens[j - 1].end : tokens[j].start]):
                break
            words.append(tokens[j].text)
            key = tuple(words)
            name = self._get(key)
            if name is not None:
                candidates.append((len(words), name))
            if key not in self.prefixes:  # no longer name goes on with these words
                break
        return candidates[-1] if candidates else None


# -- loading -----------------------------------------------------------------------------------


def read_rows(path: Path) -> Iterable[tuple[int, dict[str, str]]]:
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            for row in reader:
                yield reader.line_num, {k.strip(): (v or "").strip() for k, v in row.items() if k}
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise UserError(f"{path}: cannot read actor list: {exc}") from exc


def split_aliases(aliases: str) -> list[str]:
    return [a.strip() for a in aliases.split("|") if a.strip()]


def _load_countries(gazetteer: Gazetteer) -> dict[str, str]:
    """Add the states; return ISO code -> canonical name, for the ``country`` column of others."""
    extras = {row["code"]: row for _, row in read_rows(ACTORS_DIR / "country_extras.csv")}
    names: dict[str, str] = {}
    for _, row in read_rows(ACTORS_DIR / "countries.generated.csv"):
        extra = extras.get(row["code"], {})
        actor = Actor(row["name"], "state", wikidata=extra.get("wikidata", ""))
        gazetteer.add(actor, [*split_aliases(row["aliases"]), *split_aliases(extra.get("aliases", ""))])
        names[row["code"]] = row["name"]
    return names


def _load_capitals(states: Gazetteer, countries: dict[str, str]) -> Gazetteer:
    capitals = Gazetteer()
    for _, row in read_rows(ACTORS_DIR / "capitals.csv"):
        state = states.actors[countries[row["code"]]]
        capitals.actors[state.name] = state
        capitals.add_aliases(state.name, split_aliases(row["aliases"]))
    return capitals


def _add_csv(gazetteer: Gazetteer, path: Path, countries: dict[str, str]) -> None:
    """Add the actors of one CSV with :data:`CSV_COLUMNS` (``name`` required; ``kind`` defaults
    to person; ``country`` an ISO code or a name; ``aliases`` ``|``-separated). A row marked
    ``not_actor`` (the user's corrections CSV, :mod:`dashboard.store.actor_csv`) adds nothing."""
    for line, row in read_rows(path):
        if row.get("not_actor", "").lower() in ("yes", "true", "1", "y", "x"):
            continue
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
        gazetteer.add(Actor(name, kind, wikidata, country, row.get("role", "")), split_aliases(row.get("aliases", "")))


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

