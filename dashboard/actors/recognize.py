"""All actor mentions of a document: the gazetteer, the statistical recogniser and the rules.

Order matters, and each step only adds mentions that overlap none found before:

1. gazetteer names (states, listed organisations, companies, parties and people), less news
   agencies' credits in datelines (``(dpa)``);
2. organisations the recogniser finds (``ORG``): a state word inside one (``Deutsche Bank``,
   ``Deutsches Historisches Museum``) is no state, unless the name is that state's own body
   (``US-Regierung``, ``russische Armee``: data/actors/state_bodies.csv); kind from the gazetteer or
   the words of the name (:mod:`dashboard.actors.kinds`);
3. capitals standing for their state, people found by their role (``Außenminister X``);
4. people the recogniser finds (``PER``), each under the longest full form the article uses
   ("Joschka Fischer" also where it says "Fischer"), then surname-only mentions;
5. role references to a person named before (``der Außenminister``).

Places (``LOC`` not a state, and capitals named as places) are returned apart: they go into the
``places`` column, never into ``actors``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from dashboard.actors.appositions import apposition_references
from dashboard.actors.completion import completed, particle_names
from dashboard.actors.gazetteer import ACTORS_DIR, Gazetteer, default_gazetteer, read_rows, split_aliases
from dashboard.actors.kinds import organisation_kind
from dashboard.actors.model import Actor, Mention, tokenize
from dashboard.actors.ner import Entity, parse
from dashboard.actors.rules import (_Spans, capital_mentions, kind_word_names, organisation_references, role_mentions, role_references,
                                    surname_mentions, title_mentions)
from dashboard.actors.given_names import given_name_entities, given_names
from dashboard.actors.governments import government_mentions
from dashboard.actors.shapes import ShapedName, abbreviates, corrected, nominative, name_stop_words
from dashboard.alternation import alternation

# A news agency's credit in a dateline: "(dpa)", "(dpa/AFP)", "(Reuters) -".
_CREDIT = re.compile(r"\((?:[\w .-]+/)*$")
_CREDIT_END = re.compile(r"(?:/[\w .-]+)*\)")
# Words an entity span may start with that are not part of the name.
_LEADING = re.compile(r"^(?:(?:der|die|das|des|dem|den|the|The)\s+)+")
_TRAILING = re.compile(r"(?:['’]s|['’])$")
_NAME_CHARS = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿĀ-ſ]")


@dataclass(frozen=True, slots=True)
class Place:
    """A city, region or landscape named at ``text[start:end]`` that does not stand for a state."""

    start: int
    end: int
    name: str


@dataclass(frozen=True)
class Recognition:
    mentions: list[Mention]
    places: list[Place]


def _is_credit(text: str, mention: Mention | Entity) -> bool:
    return bool(_CREDIT.search(text, max(0, mention.start - 30), mention.start) and _CREDIT_END.match(text, mention.end))


def _in_compound(text: str, end: int) -> bool:
    """A name that is the first part of a compound ("Stanley-Cup-Sieger", "Confindustria-Experten")."""
    return text[end:end + 1] == "-" and text[end + 1:end + 2].isalpha()


def _overlapping(start: int, end: int, mentions: Iterable[Mention]) -> list[Mention]:
    return [m for m in mentions if m.start < end and start < m.end]


@lru_cache(maxsize=None)
def _state_bodies(lang: str) -> frozenset[str]:
    return frozenset(w for _, row in read_rows(ACTORS_DIR / "state_bodies.csv") if row["lang"] == lang
                     for w in split_aliases(row["words"]))


@lru_cache(maxsize=None)
def _titles(lang: str) -> tuple[frozenset[str], tuple[str, ...]]:
    """Title and role words that lead a name ("Landesrätin Waltraud Deeg", "President Clinton"):
    whole words, and word endings (German compounds: "Familienlandesrätin")."""
    words: set[str] = set()
    endings: list[str] = []
    for _, row in read_rows(ACTORS_DIR / "title_words.csv"):
        if row["lang"] == lang:
            (words.update if row["match"] == "word" else endings.extend)(split_aliases(row["words"]))
    return frozenset(words), tuple(endings)


def _is_title(word: str, lang: str) -> bool:
    words, endings = _titles(lang)
    word = word.rstrip(".")
    last = word.split("-")[-1]
    return word in words or last in words or (len(last) > 3 and last.lower().endswith(endings))


def _is_office(word: str, lang: str) -> bool:
    """A title or role word for sure: a listed word, or a compound of a listed ending after a
    stem of three letters at least ("Landesrat", "Stürmer" of "NHL-Stürmer"), not a name that
    happens to end so ("Erat")."""
    words, endings = _titles(lang)
    last = word.rstrip(".").split("-")[-1]
    return last in words or any(last.lower().endswith(e) and len(last) - len(e) >= 3 for e in endings)


_WORD = re.compile(r"\S+")
# A full stop after a word of two letters or more, then a capital: a sentence ends inside the span.
_SENTENCE_END = re.compile(r"(?<=\w\w)\.\s+(?=[A-ZÄÖÜ])")
# Lower-case words at the end of an organisation's span ("Dolar ausgelöst") and a place after a
# preposition ("Dolar in Vahrn") are not part of its name.
_ORG_TAIL = re.compile(r"(?:\s+(?:in|im|aus|bei)\s+\S+|(?:\s+[a-zäöüß][\w-]*)+)$")
# A legal form right after an organisation's span belongs to its name ("Magna International Inc.").
_LEGAL_FORM = re.compile(r",?\s+(?:Inc\.|Corp\.|Co\.|Ltd\.|Inc|Corp|Ltd|LLC|plc|PLC|AG|GmbH|SE|KG|S\.p\.A\.|SpA|N\.V\.|S\.A\.)(?!\w)")


def _person_span(text: str, start: int, end: int, lang: str) -> tuple[int, int]:
    """A person's name within a PER span: after the last title or role word ("SVP-Arbeitnehmer-
    Chef Christoph Gufler") and before a sentence end the recogniser ran over ("Martin Erat.
    Volksheld")."""
    stop = _SENTENCE_END.search(text, start, end)
    if stop:
        end = stop.start()
    words = list(_WORD.finditer(text, start, end))
    for index in range(len(words) - 2, -1, -1):
        word = words[index].group()
        if _is_title(word, lang) or word.endswith("-"):
            return words[index + 1].start(), end
    return start, end


def _organisation_end(text: str, start: int, end: int) -> int:
    tail = _ORG_TAIL.search(text, start, end)
    return tail.start() if tail and tail.start() > start else end


def _clean(text: str, entity: Entity, lang: str = "") -> tuple[int, int, str]:
    """The entity's span without leading articles, titles and roles and a trailing possessive."""
    surface = entity.text
    lead = _LEADING.match(surface)
    start = entity.start + (lead.end() if lead else 0)
    end = entity.end
    while lang:
        word = re.match(r"\S+", text[start:end])
        rest = text[start + word.end():end] if word else ""
        if word is None or not rest.strip() or not _is_title(word.group(), lang):
            break
        start += word.end() + len(rest) - len(rest.lstrip())
    if lang and entity.label == "PER":
        start, end = _person_span(text, start, end, lang)
    elif lang and entity.label == "ORG":
        end = _organisation_end(text, start, end)
    trail = _TRAILING.search(text, start, end)
    if trail:
        end = trail.start()
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return start, end, text[start:end]


def _person_surnames(text: str, lang: str, gazetteer: Gazetteer, listed: list[Mention],
                     entities: Sequence[Entity]) -> frozenset[str]:
    """Surnames of the people named in full in the document (by the lists or the recogniser)."""
    names = [m.actor.name for m in listed if m.actor.kind == "person"]
    names += [_clean(text, e, lang)[2] for e in entities if e.label == "PER"]
    return frozenset(n.split()[-1] for n in names if len(n.split()) >= 2)


def _organisations(text: str, lang: str, gazetteer: Gazetteer, listed: list[Mention],
                   entities: Sequence[Entity], shaped_names: Sequence[ShapedName] = ()) -> tuple[list[Mention], list[Mention]]:
    """ORG entities and names of an organisation's shape (:mod:`dashboard.actors.shapes`) as
    mentions; returns (listed mentions still standing, new organisations)."""
    bodies = _state_bodies(lang)
    surnames = _person_surnames(text, lang, gazetteer, listed, entities)
    dropped: set[int] = set()
    found: list[Mention] = []
    for entity in entities:
        if entity.label != "ORG" or _is_credit(text, entity) or _in_compound(text, entity.end) \
                or _is_dateline(text, entity):
            continue
        start, end, name = _clean(text, entity, lang)
        legal = _LEGAL_FORM.match(text, end)
        if legal:
            end = legal.end()
            name = text[start:end]
        if end - start < 2 or not _NAME_CHARS.search(name) or name.split()[-1] in surnames:
            continue  # "Yeltsin" tagged ORG where the article names Boris Yeltsin
        inside = _overlapping(start, end, listed)
        if any(m.start < start or m.end > end or m.actor.kind != "state" for m in inside):
            continue  # a listed name the entity cuts or holds ("Trump-Regierung", "NATO-Gipfel")
        last = re.split(r"[\s-]+", name)[-1]
        if inside and last in bodies:
            continue  # "US-Regierung", "die russische Armee": the state itself
        known = gazetteer.lookup(name)
        if known is not None and known.kind == "state":
            continue
        name = name if known is not None else nominative(name, lang)  # "des Verbandes der X": "Verband der X"
        actor = known if known is not None else Actor(name, organisation_kind(name))
        dropped.update(id(m) for m in inside)
        found.append(Mention(start, end, actor, "name"))
    for shaped in shaped_names:
        mention = _shaped(text, lang, gazetteer, listed, shaped, bodies)
        if mention is not None:
            dropped.update(id(m) for m in _overlapping(shaped.start, shaped.end, listed)
                           if lang != "en" or _ends_name(m, shaped))
            found.append(mention)
    return [m for m in listed if id(m) not in dropped], _one_name_per_organisation(text, found)


def _shaped(text: str, lang: str, gazetteer: Gazetteer, listed: list[Mention], shaped: ShapedName,
            bodies: frozenset[str]) -> Mention | None:
    """An organisation found by the shape of its name, unless the lists know better: a listed
    name it cuts or holds other than a state's, a state's own body ("Russische Regierung"), a
    state's name. A state word before an English name stays a state ("U.S. State Department",
    "Chinese Ministry of Health" also name the United States, China); inside a German one it is
    none ("Deutschen Bundesbank")."""
    overlapping = _overlapping(shaped.start, shaped.end, listed)
    inside = [m for m in overlapping if not _ends_name(m, shaped)]
    ends = [m for m in overlapping if _ends_name(m, shaped)]
    if ends and not text[shaped.start:ends[0].start].strip(" -") or ends and inside and \
            not text[max(m.end for m in inside):ends[0].start].strip(" -"):
        return None  # "Libyan World Court": a state's word before a listed name leaves that name listed
    spaced = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", shaped.name)
    if spaced != shaped.name and gazetteer.lookup(spaced) is not None:
        return None  # "UnitedStates": a listed name written as one word
    if any(m.start < shaped.start or m.end > shaped.end or m.actor.kind != "state" for m in inside):
        return None
    if inside and re.split(r"[\s-]+", shaped.name)[-1] in bodies:
        return None
    if inside and all(any(m.start <= w.start() and w.end() <= m.end for m in inside)
                      for w in re.compile(r"[^\s-]+").finditer(text, shaped.start, shaped.end)):
        return None  # "Sowjetunion Polen": states side by side, no organisation
    known = gazetteer.lookup(shaped.name)
    if known is not None and known.kind == "state":
        return None
    actor = known if known is not None else Actor(shaped.name, shaped.kind or organisation_kind(shaped.name))
    start, end = shaped.start, shaped.end
    if lang == "en" and inside:  # the organisation's mention leaves the state's words to the state
        if inside[0].start == start:
            start = max(m.end for m in inside if m.start == start)
        else:
            end = inside[0].start
        part = text[start:end]
        start, end = start + len(part) - len(part.lstrip(" -")), end - (len(part) - len(part.rstrip(" -")))
        if start >= end or any(m.start < end and start < m.end for m in inside):
            return None
    return Mention(start, end, actor, "name")


def _ends_name(mention: Mention, shaped: ShapedName) -> bool:
    """A listed organisation whose alias only ends a longer name: "Security Council" in "U.S.
    National Security Council", "Democratic Party" in "Social Democratic Party" name another."""
    return mention.actor.kind != "state" and shaped.start < mention.start and mention.end == shaped.end


@lru_cache(maxsize=None)
def _organisation_nouns(lang: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(kind, pattern) per row of ``organisation_nouns.csv``: a word ending in an organisation's
    type ("Grenzschutzagentur", "Kunststoffherstellers") and the name after it, quoted or not."""
    rules = []
    for _, row in read_rows(ACTORS_DIR / "organisation_nouns.csv"):
        if row["lang"] == lang:
            endings = "|".join(re.escape(e) for e in split_aliases(row["endings"]))
            rules.append((row["kind"], re.compile(
                rf"(?<![\w-])[\w-]*(?i:{endings})\s+(?:[„\"“](?P<quoted>[^\"“”„\n]{{2,40}})[\"“”]"
                rf"|(?P<name>[A-ZÄÖÜ][\w&-]+(?:\s+[A-ZÄÖÜ][\w&-]+){{0,2}}))")))
    return tuple(rules)


def _named_by_noun(text: str, lang: str, gazetteer: Gazetteer, taken: list[Mention]) -> list[Mention]:
    """Organisations the text introduces by their type ("die EU-Grenzschutzagentur Frontex", "der
    Industriellenverband Confindustria", "im Fall der Firma Dolar", "der Verein „Frauen helfen
    Frauen“"): the name after the noun, of the noun's kind."""
    found: list[Mention] = []
    for kind, pattern in _organisation_nouns(lang):
        for match in pattern.finditer(text):
            group = "quoted" if match["quoted"] else "name"
            start, end = match.start(group), match.end(group)
            name = text[start:end].strip()
            if len(name) < 2 or _in_compound(text, end) or _overlapping(start, end, taken + found):
                continue
            if gazetteer.lookup(name) is not None or (group == "name" and name.split()[0] in _NOT_NAME_START):
                continue
            found.append(Mention(start, end, Actor(name, kind), "name"))
    return found


# Capitalised words that begin a clause, not a name ("des Vereins Die Mitglieder ...").
_NOT_NAME_START = frozenset("Der Die Das Den Dem Des Ein Eine Er Sie Es Wir Ich Und Im In Am An Auf Mit Für".split())


# Words that end a company's full name and that later mentions leave out ("Ratners Group PLC" is
# later "Ratners", "Magna International Inc." "Magna").
_CORPORATE_TAIL = re.compile(r"(?:,?\s+(?:Inc\.?|Corp\.?|Co\.?|Ltd\.?|PLC|plc|LLC|AG|GmbH|SE|S\.A\.|N\.V\.|Group|Holdings?|International|Gruppe))$")


def _short_forms(actor: Actor, lower_words: frozenset[str]) -> list[str]:
    """The shorter names a company goes by later in the article: its name less the legal form
    and the corporate words at its end, and its first word where that is a name ("Ralston" of
    "Ralston Purina Co.", "Lloyd's" of "Lloyd's of London"). A single word the article also uses in lower case
    (``lower_words``: "Service" of "Service Corp.", "service") is too common to stand for it."""
    if actor.kind != "company":
        return []
    forms = []
    name = actor.name
    while (tail := _CORPORATE_TAIL.search(name)) and tail.start() > 0:
        name = name[:tail.start()]
        if " " not in name and (len(name) < 3 or name.lower() in lower_words):
            break
        forms.append(name)
    first = actor.name.split()[0]
    if " " in actor.name and len(first) >= 4 and first.lower() not in lower_words and first not in name_stop_words() \
            and not first.isupper():
        forms.append(first)  # "Ralston" for "Ralston Purina Co.", "Lloyd's" for "Lloyd's of London"
    return forms


_LOWER_WORD = re.compile(r"(?<![\w-])[a-zäöüß][\w-]*")


_NAME_GOES_ON = re.compile(r" [A-ZÄÖÜ][a-zäöüß]")


def _repeats(text: str, taken: list[Mention], named: list[Mention], entities: Sequence[Entity]) -> list[Mention]:
    """Every later use of an organisation's name the article has introduced ("Frontex" after "die
    EU-Grenzschutzagentur Frontex"), as the recogniser may tag it once only. Whole words or the
    first part of a German compound noun ("Frontex-Einsatz"); never the surname of a person's name
    opened by a given name (``entities``' PER: "der Besitzer Roland Dolar" of the firm Dolar)."""
    actors = {m.actor.name: m.actor for m in named if len(m.actor.name) >= 3}
    if any(m.actor.kind == "company" for m in named):
        lower_words = frozenset(_LOWER_WORD.findall(text))
        for mention in named:
            for short in _short_forms(mention.actor, lower_words):
                actors.setdefault(short, mention.actor)
    full_names = {m.actor.name for m in named}
    candidates: list[tuple[int, int, str]] = []
    for name in actors:  # str.find per name: no pattern to compile for every article
        start = text.find(name)
        while start >= 0:
            end = start + len(name)
            # a short form's one word that another name goes on from ("Cape" of "Cape Argus" in "Cape Town")
            in_other_name = name not in full_names and " " not in name and _NAME_GOES_ON.match(text, end)
            if not in_other_name and not _WORD_CHAR.match(text, start - 1 if start else len(text)) and (
                    not _WORD_CHAR.match(text, end) or _opens_german_compound(text, end)):
                candidates.append((start, -end, name))
            start = text.find(name, start + 1)
    occupied = _Spans(taken)
    # every word after the given name of a person's name ("Delco Electronics" tagged PER opens with none)
    surnames = _Spans([Mention(e.start + e.text.index(" "), e.end, None, "name")
                       for e in entities if e.label == "PER" and " " in e.text and e.text.split(" ", 1)[0] in given_names()])
    found: list[Mention] = []
    reach = -1
    for start, minus_end, name in sorted(candidates):  # leftmost first, the longest there
        if start >= reach:  # taken by the name, as a match of one pattern of all names would be
            reach = -minus_end
            if not occupied.overlaps(start, reach) and not surnames.overlaps(start, start + 1):
                found.append(Mention(start, reach, actors[name], "name"))
    return found


_WORD_CHAR = re.compile(r"[\w-]")
# A hyphen and a capitalised noun after a name: a German compound naming it ("Confindustria-Experten").
_GERMAN_COMPOUND = re.compile(r"-\s?[A-ZÄÖÜ][a-zäöüß]")


def _opens_german_compound(text: str, end: int) -> bool:
    """A name the article introduced, as the first part of a compound noun ("die Confindustria-
    Experten", "NHL-Stürmer", "Sparkassen- Zentrale" split over a line), still names it."""
    return bool(_GERMAN_COMPOUND.match(text, end))


_ACRONYM_AFTER = re.compile(r"\s*\((?P<acronym>[A-ZÄÖÜ][A-ZÄÖÜ0-9&-]{1,7})\)")


def _one_name_per_organisation(text: str, found: list[Mention]) -> list[Mention]:
    """One name for an organisation the article names in several forms: the nominative for a
    German genitive ("des Verbandes der Sportvereine" is "Verband der Sportvereine" where the
    article also says so), the full name for the acronym it introduces ("Männerinitiative
    Pustertal (MIP)", later "MIP")."""
    names = {m.actor.name for m in found}
    canonical: dict[str, Actor] = {}
    for mention in sorted(found, key=lambda m: m.start):
        first, _, rest = mention.actor.name.partition(" ")
        for cut in ("es", "s"):
            stem = first[: -len(cut)]
            if rest and first.endswith(cut) and f"{stem} {rest}" in names:
                canonical[mention.actor.name] = next(m.actor for m in found if m.actor.name == f"{stem} {rest}")
        acronym = _ACRONYM_AFTER.match(text, mention.end)
        if acronym and " " in mention.actor.name:
            canonical.setdefault(acronym["acronym"], canonical.get(mention.actor.name, mention.actor))
    for mention in sorted(found, key=lambda m: m.start):
        if mention.actor.name not in canonical and _ACRONYM_WORD.fullmatch(mention.actor.name):
            spelled = _spelled_out(mention.actor.name, [m for m in found if m.start < mention.start])
            if spelled is not None:
                canonical[mention.actor.name] = canonical.get(spelled.name, spelled)
    return [replace(m, actor=canonical.get(m.actor.name, m.actor)) for m in found]


_ACRONYM_WORD = re.compile(r"[A-ZÄÖÜ]{2,6}")


def _spelled_out(acronym: str, before: list[Mention]) -> Actor | None:
    """The organisation named in full before that an acronym abbreviates without the article
    defining it ("der Alpenverein Südtirol ... der AVS"): its letters in order in the full name,
    the first opening it (:func:`dashboard.actors.shapes.abbreviates`); the nearest such name."""
    for mention in sorted(before, key=lambda m: m.start, reverse=True):
        name = mention.actor.name
        if mention.actor.kind != "state" and name != acronym and (" " in name or len(name) > 2 * len(acronym)) \
                and abbreviates(acronym, name):
            return mention.actor
    return None


@lru_cache(maxsize=None)
def _party_wings(lang: str) -> dict[str, str]:
    """Each form of a word for a party's wing (party_wings.csv: "Arbeitnehmern") and the wing's name."""
    return {form: row["wing"] for _, row in read_rows(ACTORS_DIR / "party_wings.csv") if row["lang"] == lang
            for form in split_aliases(row["forms"])}


_COMPOUND_PART = re.compile(r"-([A-ZÄÖÜ][\wäöüß]*)")


def _wings(text: str, lang: str, listed: list[Mention]) -> list[Mention]:
    """A party's name joined to a word for one of its wings ("die SVP-Arbeitnehmer", "den
    SVP-Arbeitnehmern", "der SPD-Jugend") names that wing, a party of its own, not the party."""
    wings = _party_wings(lang)
    kept = []
    for mention in listed:
        part = _COMPOUND_PART.match(text, mention.end) if mention.actor.kind == "party" else None
        if part and part.group(1) in wings:
            name = f"{text[mention.start:mention.end]}-{wings[part.group(1)]}"
            mention = Mention(mention.start, part.end(), Actor(name, "party"), "name")
        kept.append(mention)
    return kept


def _is_dateline(text: str, entity: Entity) -> bool:
    """The place a report was filed from, first on its line before the agency: "ROM (APA)."."""
    line_start = text.rfind("\n", 0, entity.start) + 1
    before = text[line_start:entity.start]
    opening = not before.strip() or (len(before) < 40 and before.isupper() and entity.text.isupper())  # "ADDIS ABABA"
    return opening and bool(re.match(r"\s*(?:,[^(\n]{0,40})?\s*\(", text[entity.end:]))


def _regions(text: str, listed: list[Mention], entities: Sequence[Entity]) -> list[Mention]:
    """A place whose name holds a state's ("Northern Ireland", "New Mexico") names no state."""
    dropped: set[int] = set()
    for entity in entities:
        if entity.label != "LOC":
            continue
        start, end, _ = _clean(text, entity)
        for m in _overlapping(start, end, listed):
            if m.actor.kind == "state" and start <= m.start and m.end <= end and (start, end) != (m.start, m.end) \
                    and text[m.start:m.end][:1].isupper():
                dropped.add(id(m))
    return [m for m in listed if id(m) not in dropped]


_BETWEEN_ORIGIN_AND_NAME = re.compile(r"\s+(?:[a-zäöüß]*[A-ZÄÖÜ]?[a-zäöüß]+\s+)?$")


def _origins(text: str, lang: str, gazetteer: Gazetteer, mentions: list[Mention]) -> list[Mention]:
    """A state adjective or demonym right before a person, maybe with a noun between, only says
    where the person is from ("der Belgier Kenneth von Bilsen", "Martins tschechischer
    Teamkollege Zdenek Stybar"): no state takes part. A role between keeps it ("der finnische
    Präsident Alexander Stubb"): people found by their role are no such person. So does the
    state's own name, in English or in the German genitive ("Finnlands Aleksander Barkov")."""
    ordered = sorted(mentions, key=lambda m: m.start)
    dropped: set[int] = set()
    for first, second in zip(ordered, ordered[1:]):
        if first.actor.kind != "state" or second.actor.kind != "person" or second.how == "role":
            continue
        surface = text[first.start:first.end]
        genitive = lang == "de" and surface.endswith("s") and gazetteer.lookup(surface[:-1]) == first.actor
        if surface == first.actor.name or surface.isupper() or genitive:
            continue  # the state's own name or acronym ("Russlands Präsident" is found by role)
        if second.actor.role and second.how != "surname":
            continue
        if _BETWEEN_ORIGIN_AND_NAME.fullmatch(text, first.end, second.start):
            dropped.add(id(first))
    return [m for m in mentions if id(m) not in dropped]


@lru_cache(maxsize=None)
def _origin_nouns(lang: str) -> tuple[frozenset[str], tuple[str, ...]]:
    words: set[str] = set()
    endings: list[str] = []
    for _, row in read_rows(ACTORS_DIR / "origin_nouns.csv"):
        if row["lang"] == lang:
            (words.update if row["match"] == "word" else endings.extend)(w.lower() for w in split_aliases(row["words"]))
    return frozenset(words), tuple(endings)


_NEXT_WORD = re.compile(r"\s*(\$|[\w-]+)")


def _word_after(text: str, end: int) -> str:
    after = _NEXT_WORD.match(text, end)
    return after.group(1) if after else ""


@lru_cache(maxsize=None)
def _stance_prefix(lang: str) -> re.Pattern[str]:
    """A prefix that makes a state's adjective a stance ("pro-British", ``stance_prefixes.csv``)."""
    words = [w for _, row in read_rows(ACTORS_DIR / "stance_prefixes.csv") if row["lang"] == lang
             for w in split_aliases(row["words"])]
    return re.compile(rf"(?<![\w-]){alternation(words)}-$", re.IGNORECASE)


@lru_cache(maxsize=None)
def _counted(lang: str) -> re.Pattern[str]:
    """A number or count word right before a demonym ("12 Americans", ``counted_words.csv``)."""
    words = [w for _, row in read_rows(ACTORS_DIR / "counted_words.csv") if row["lang"] == lang
             for w in split_aliases(row["words"])]
    return re.compile(rf"(?:(?<![\w.,])\d[\d,]*|(?<![\w-])(?i:{alternation(words, space=' ')}))\s+$")


def _origin_nouns_after(text: str, lang: str, mentions: list[Mention]) -> list[Mention]:
    """A state's adjective, demonym or acronym before a noun that only says where a thing or a
    person comes from ("Canadian dollars", "a U.S. citizen", "US media", "des italienischen
    Wirtschaftsmagazins", origin_nouns.csv) names no state taking part. The state's own name
    ("Canada") always counts."""
    words, endings = _origin_nouns(lang)
    kept = []
    for mention in mentions:
        if mention.actor.kind == "state" and text[mention.start:mention.end] != mention.actor.name:
            if _stance_prefix(lang).search(text, max(0, mention.start - 6), mention.start):
                continue  # "pro-British towns", "anti-American protests": a stance, not the state
            if text[mention.end - 1] == "s" and _counted(lang).search(text, max(0, mention.start - 16), mention.start):
                continue  # "12 Americans", "none of them Americans": people counted, not the state
            noun = _word_after(text, mention.end)
            if lang == "en" and noun[:1].isupper():
                noun = ""  # a name follows: "U.S. National Security Council" names the state's body
            noun = noun.lower()
            if noun in words or (len(noun) > 5 and noun.endswith(endings)):
                continue
        kept.append(mention)
    return kept


# A German state adjective as the gazetteer matches it: lowercase ("italienischen"), or a
# language's name ("auf Deutsch", "in Italienisch").
_GERMAN_ADJECTIVE = re.compile(r"[a-zäöü][\w-]*|[A-ZÄÖÜ][\w-]*isch|Deutsch")


@lru_cache(maxsize=None)
def _state_adjective_nouns(lang: str) -> tuple[str, ...]:
    """Endings of the nouns after which a state adjective names the state (state_adjective_nouns.csv)."""
    return tuple(w.lower() for _, row in read_rows(ACTORS_DIR / "state_adjective_nouns.csv") if row["lang"] == lang
                 for w in split_aliases(row["endings"]))


def _adjectives_of_state_bodies(text: str, lang: str, mentions: list[Mention]) -> list[Mention]:
    """A German state adjective names the state only where one of the state's bodies or office
    holders follows ("die italienische Regierung", "der ungarische Außenminister",
    state_adjective_nouns.csv): before any other noun it says origin, language or
    language group ("ein italienischer Pfarrgemeinderat", "im schweizerischen Grenzgebiet",
    "deutscher und italienischer Rat"), and a language's name ("auf Deutsch") never is the state."""
    if lang != "de":
        return mentions
    endings = _state_adjective_nouns(lang)
    kept = []
    for mention in mentions:
        surface = text[mention.start:mention.end]
        if mention.actor.kind == "state" and surface != mention.actor.name and _GERMAN_ADJECTIVE.fullmatch(surface):
            noun = _word_after(text, mention.end).split("-")[-1].lower()
            if surface[:1].isupper() or not noun.endswith(endings):
                continue
        kept.append(mention)
    return kept


def _surname_key(word: str, surnames: dict[str, Actor]) -> str | None:
    if word in surnames:
        return word
    if word.endswith("s") and word[:-1] in surnames:
        return word[:-1]
    return None


@lru_cache(maxsize=None)
def _determiners(lang: str) -> frozenset[str]:
    """Words before which a capitalised word is a thing or a place, not a person ("vor
    Lampedusa", "a Protestant"): determiners and prepositions (``determiner_words.csv``) and the
    words that announce a place (``place_words.csv``)."""
    words = set()
    for name in ("determiner_words.csv", "place_words.csv"):
        for _, row in read_rows(ACTORS_DIR / name):
            if row["lang"] == lang:
                words.update(w.lower() for w in split_aliases(row["words"]))
    return frozenset(words)


@lru_cache(maxsize=None)
def _not_person_words(lang: str) -> frozenset[str]:
    """Words that end the names of states, bodies, buildings and places, never a person's name
    (``not_person_words.csv``)."""
    return frozenset(w for _, row in read_rows(ACTORS_DIR / "not_person_words.csv") if row["lang"] == lang
                     for w in split_aliases(row["words"]))


@lru_cache(maxsize=None)
def _not_surnames(lang: str) -> frozenset[str]:
    """Capitalised words that never end a person's name after a given name: words that open no
    name, words that end the names of bodies and places, words that announce a place."""
    places = {w for _, row in read_rows(ACTORS_DIR / "place_words.csv") if row["lang"] == lang
              for w in split_aliases(row["words"]) if w[:1].isupper()}
    return name_stop_words() | _not_person_words(lang) | places


def _name_uses(text: str, lang: str) -> Counter[str]:
    """How often each capitalised word is used as a name could be: never after a determiner or
    preposition and never first on a line before an agency credit (a dateline's place). A word
    once used otherwise counts 0."""
    determiners = _determiners(lang)
    uses: Counter[str] = Counter()
    spoiled: set[str] = set()
    previous = None
    for token in tokenize(text):
        if token.text[:1].isupper():
            gap = text[previous.end:token.start] if previous is not None else "\n"
            after_determiner = previous is not None and gap.isspace() and previous.text.lower() in determiners
            dateline = "\n" in gap and re.match(r"\s*\(", text[token.end:token.end + 3])
            if after_determiner or dateline:
                spoiled.add(token.text)
            else:
                uses[token.text] += 1
        previous = token
    for word in spoiled:
        uses[word] = 0
    return uses


def _place_word(word: str, labels: dict[str, set[str]], gazetteer: Gazetteer) -> bool:
    """A place's genitive or adjective ("Südtirols", "Südtiroler") by the article's own LOC tags
    or the gazetteer's states."""
    for stem in (word, word[:-1] if word.endswith("s") else "", word[:-2] if word.endswith("er") else ""):
        if stem and ("LOC" in labels.get(stem, ()) or getattr(gazetteer.lookup(stem), "kind", "") == "state"):
            return True
    return False


def _people(text: str, lang: str, gazetteer: Gazetteer, taken: list[Mention], entities: Sequence[Entity]) -> list[Mention]:
    """PER entities as people: a listed name is its listed person; a single word is the person
    of that surname named in full in the article (nearest before, else first after); a full
    name takes the longest form of it the article uses.

    A single word the article never gives in full is kept only where the recogniser calls it a
    person at least twice and never anything else ("Cox ... sagte Cox"); once alone it is too
    often a place or a word ("Südtirol", "Sportidol"). A single word that begins an organisation
    the article names ("Magna" for "Magna International Inc.") is that organisation.
    """
    candidates: list[tuple[int, int, str]] = []
    labels: dict[str, set[str]] = {}
    per_count: dict[str, int] = {}
    org_heads: dict[str, Actor] = {}
    for mention in taken:
        if mention.actor.kind not in ("person", "state") and " " in mention.actor.name:
            org_heads.setdefault(_TRAILING.sub("", mention.actor.name.split()[0]), mention.actor)
    for entity in entities:
        start, end, name = _clean(text, entity, lang)
        for word in name.split():
            labels.setdefault(word.rstrip("s") if word.endswith("s") and len(word) > 3 else word, set()).add(entity.label)
        if entity.label != "PER" or _in_compound(text, entity.end):
            continue
        if len(name) < 2 or not _NAME_CHARS.search(name) or _overlapping(start, end, taken):
            continue
        candidates.append((start, end, name))
        if " " not in name:
            per_count[name] = per_count.get(name, 0) + 1
    # "Südtirols Jugend", "Südtiroler Olympiateilnehmer": a place's people, no person; a given name
    # the recogniser once put inside a place ("Nicola Benedetti" tagged LOC) opens a name still
    candidates = [c for c in candidates if " " not in c[2] or c[2].split()[0] in given_names()
                  or not _place_word(c[2].split()[0], labels, gazetteer)]
    # "Bozens Bürgermeister", "der neue Landesrat": a span ending in a title or role names the office, no name
    candidates = [c for c in candidates if " " not in c[2] or not _is_office(c[2].split()[-1], lang)]
    heads = _not_person_words(lang)  # "Soviet Union", "Harry Truman Library": a state or a building, no person
    not_people = {c[2].split()[0] for c in candidates if heads.intersection(c[2].split())}
    # the first word of a state's name in this article ("Soviet" of "Soviet Union")
    not_people.update(text[m.start:m.end].split()[0] for m in taken if m.actor.kind == "state" and " " in text[m.start:m.end])
    candidates = [c for c in candidates if not heads.intersection(c[2].split()) and c[2] not in not_people
                  and _word_after(text, c[1]) not in heads]
    occurrences = _name_uses(text, lang) if per_count else Counter()
    full: dict[str, Actor] = {}  # surname -> the longest full form named so far
    for mention in taken:
        if mention.actor.kind == "person" and " " in mention.actor.name:
            full.setdefault(mention.actor.name.split()[-1], mention.actor)
    for _, _, name in candidates:
        words = name.split()
        if len(words) >= 2 and gazetteer.lookup(name) is None:
            known = full.get(words[-1])
            if known is None or (len(name) > len(known.name) and set(known.name.split()) <= set(words)):
                full[words[-1]] = Actor(name, "person")
    found: list[Mention] = []
    for start, end, name in candidates:
        known = gazetteer.lookup(name)
        if known is not None and known.kind != "person":
            continue
        words = name.split()
        key = _surname_key(words[-1], full)
        if known is not None:
            actor = known
        elif key is not None and (len(words) == 1 or set(words[:-1]) <= set(full[key].name.split())):
            actor = full[key]
        elif len(words) == 1 and name in org_heads:
            found.append(Mention(start, end, org_heads[name], "surname"))
            continue
        elif len(words) == 1 and (per_count.get(name, 0) + (occurrences[name] > 1) < 2
                                  or labels.get(name, {"PER"}) - {"PER"}):
            continue
        else:
            actor = Actor(name, "person")
        found.append(Mention(start, end, actor, "name" if len(words) > 1 else "surname"))
    return found


def _places(text: str, entities: Sequence[Entity], mentions: list[Mention], gazetteer: Gazetteer,
            capitals: list[Mention]) -> list[Place]:
    places: list[Place] = []
    for entity in entities:
        if entity.label != "LOC":
            continue
        start, end, name = _clean(text, entity)
        if len(name) < 2 or _overlapping(start, end, mentions) or gazetteer.lookup(name) is not None \
                or _is_credit(text, entity):
            continue
        places.append(Place(start, end, name))
    for capital in capitals:  # capitals that did not stand for their state
        if not _overlapping(capital.start, capital.end, mentions) and not any(
                p.start < capital.end and capital.start < p.end for p in places):
            places.append(Place(capital.start, capital.end, text[capital.start:capital.end]))
    return sorted(places, key=lambda p: p.start)


def _single_people(mentions: list[Mention]) -> dict[str, Actor]:
    return {m.actor.name: m.actor for m in mentions if m.actor.kind == "person" and " " not in m.actor.name}


def _full_forms(mentions: list[Mention]) -> list[Mention]:
    """One name for an actor the article names in a longer and a shorter form, whichever rules
    found them: a person's name of two or more words that ends the longer name of one person
    ("Mr Bemba Ndiaye" after "Mamadou Bemba Ndiaye"), a given name alone that begins the name of
    one person ("Michael" for Michael Jackson; ``given_names.csv``), an organisation's single
    word that begins the longer name of one organisation ("AEG" beside "AEG Live", "Lloyd" of
    "Lloyd's of London")."""
    people = {m.actor.name: m.actor for m in mentions if m.actor.kind == "person" and " " in m.actor.name}
    bodies = {m.actor.name: m.actor for m in mentions if m.actor.kind not in ("person", "state")}
    longer: dict[str, Actor] = {}
    for name in people:
        holders = [a for other, a in people.items() if len(other) > len(name) and other.endswith(" " + name)]
        if len(holders) == 1:
            longer[name] = holders[0]
    for name in [n for n in _single_people(mentions) if n in given_names()]:
        holders = {a.name: a for other, a in people.items() if other.split()[0] == name}
        if len(holders) == 1:
            longer[name] = next(iter(holders.values()))  # "Michael" where the article names Michael Jackson
    for name in bodies:
        holders = [a for other, a in bodies.items()
                   if " " not in name and " " in other and _TRAILING.sub("", other.split()[0]) == name]
        if len(holders) == 1:
            longer[name] = holders[0]
    return [replace(m, actor=longer[m.actor.name]) if m.actor.name in longer else m for m in mentions]


def _yielding_aliases(text: str, lang: str, gazetteer: Gazetteer, listed: list[Mention],
                      entities: Sequence[Entity]) -> list[Mention]:
    """A listed person's or company's one-word name that ends a longer name the recogniser found,
    opened by a given name ("Napolitano" of "Janet Napolitano" where the list knows Giorgio
    Napolitano, "Clinton" of "Hillary Clinton", the firm "Ericsson" in "John Ericsson"), names
    someone else: the listed mention gives way to the article's name."""
    names_ending: dict[int, list[tuple[int, str]]] = {}
    for start, end, name in (_clean(text, e, lang) for e in entities if e.label == "PER"):
        if name.split() and name.split()[0] in given_names():
            names_ending.setdefault(end, []).append((start, name))
    out = []
    for mention in listed:
        surface = text[mention.start:mention.end]
        inside = mention.actor.kind in ("person", "company") and " " not in surface and text[mention.start - 1:mention.start] == " " and any(
            start < mention.start and gazetteer.lookup(name) is not mention.actor
            for start, name in names_ending.get(mention.end, ()))
        if not inside:
            out.append(mention)
    return out


def _article_people_first(text: str, mentions: list[Mention]) -> list[Mention]:
    """A listed person's one-word alias ("Napolitano") where the article names someone else of that
    surname in full and never the listed person: the article's person ("Janet Napolitano")."""
    full = {m.actor.name for m in mentions if " " in text[m.start:m.end].strip()}
    by_surname: dict[str, dict[str, Actor]] = {}
    for m in mentions:
        if m.actor.kind == "person" and m.actor.name in full:
            by_surname.setdefault(m.actor.name.split()[-1], {})[m.actor.name] = m.actor
    out = []
    for mention in mentions:
        surface = text[mention.start:mention.end]
        holders = [a for name, a in by_surname.get(surface, {}).items() if name != mention.actor.name]
        if (mention.actor.kind == "person" and " " not in surface and len(holders) == 1
                and mention.actor.name not in full):
            mention = replace(mention, actor=holders[0], how="surname")
        out.append(mention)
    return out


def _unified(mentions: list[Mention]) -> list[Mention]:
    """One actor per name in a document: the first that knows a role or country stands for all."""
    best: dict[str, Actor] = {}
    for mention in sorted(mentions, key=lambda m: m.start):
        known = best.get(mention.actor.name)
        if known is None or (not (known.role or known.country) and (mention.actor.role or mention.actor.country)):
            best[mention.actor.name] = mention.actor
    return sorted((replace(m, actor=best[m.actor.name]) for m in mentions), key=lambda m: m.start)


# The first word of a body's name and what joins it to the rest: "U.S. " of "U.S. Senate", "US-" of "US-Senat".
_FIRST_WORD = re.compile(r"(\S+?)(?:-|\s+)(?=\w)")


def _state_prefixed(text: str, gazetteer: Gazetteer, listed: list[Mention]) -> list[Mention]:
    """A listed body named with its own state's acronym in front ("U.S. Senate", "US-Kongress")
    names that state too: the acronym becomes a mention of the state, the rest the body's. Only
    for bodies of that state, and never a state word inside a name ("Deutsche Bundesbank",
    like the company Deutsche Bank, names no state)."""
    out: list[Mention] = []
    for mention in listed:
        first = _FIRST_WORD.match(text, mention.start, mention.end)
        acronym = first is not None and first.group(1).replace(".", "").isupper()  # not "Deutsche" of "Deutsche Bundesbank"
        state = gazetteer.lookup(first.group(1)) if acronym and mention.actor.kind == "organisation" and mention.actor.country else None
        if state is None or state.kind != "state" or state.name != mention.actor.country:
            out.append(mention)
            continue
        out.append(Mention(mention.start, mention.start + len(first.group(1)), state, "acronym"))
        out.append(replace(mention, start=first.end()))
    return out


@lru_cache(maxsize=1)
def _not_actor_words() -> frozenset[str]:
    """Names of things, never of actors (``not_actors.csv``: software, diseases, drugs)."""
    return frozenset(w for _, row in read_rows(ACTORS_DIR / "not_actors.csv") for w in split_aliases(row["words"]))


@lru_cache(maxsize=1)
def _no_name_words() -> frozenset[str]:
    return name_stop_words() | _not_actor_words()


def _not_stop_words(entities: Sequence[Entity]) -> list[Entity]:
    """The recogniser's entities less those that are one word opening no name, a capitalised
    adverb or pronoun first in a sentence ("Irgendwo muss man anfangen." tagged ORG), or the
    name of a thing ("the latest Flash player", "zwei Kilogramm Marihuana")."""
    stop = _no_name_words()
    return [e for e in entities if e.text.strip(" ,.;:!?\"'„“”‚‘’»«") not in stop]


_SENTENCE_START = re.compile(r"(?:^|[.!?:;\n]\s*|[\"„“”»«]\s*)$")


def _common_words_first(text: str, entities: Sequence[Entity]) -> list[Entity]:
    """The recogniser's entities less a single word opening a sentence that the article also
    writes in lower case ("Rescuers pulled more people alive" beside "the rescuers"): a common
    word capitalised only by where it stands. Never a person's: transcripts write sign-offs in
    lower case ("pierre thomas, CNN")."""
    lower: set[str] | None = None
    kept: list[Entity] = []
    for entity in entities:
        word = entity.text.strip()
        if entity.label != "PER" and word.isalpha() and word[:1].isupper() and word[1:].islower() \
                and _SENTENCE_START.search(text, max(0, entity.start - 3), entity.start):
            if lower is None:
                lower = {m.group() for m in re.finditer(r"(?<=\s)[a-zäöüß]+(?=[\s,;:!?]|\.\s)", text)}
            if word.lower() in lower:
                continue
        kept.append(entity)
    return kept


def recognize(text: str, lang: str, gazetteer: Gazetteer | None = None,
              entities: Sequence[Entity] | None = None) -> Recognition:
    """Actor mentions (sorted, never overlapping) and places of one document.

    ``entities`` are the recogniser's; by default the shipped model of ``lang`` is run.
    """
    gazetteer = (gazetteer or default_gazetteer()).in_language(lang)
    if entities is None:
        entities = parse(text, lang, sentences=False).entities
    entities = _common_words_first(text, _not_stop_words(entities))
    entities = particle_names(text, lang, entities)
    entities = given_name_entities(text, lang, entities, gazetteer, _not_surnames(lang))
    entities = completed(text, entities)
    tokens = tokenize(text)
    capitals = gazetteer.capitals.match(text, tokens) if gazetteer.capitals is not None else []
    listed = [m for m in gazetteer.match(text, tokens) if not (m.actor.kind == "company" and _is_credit(text, m))]
    listed = _yielding_aliases(text, lang, gazetteer, listed, entities)
    listed = _state_prefixed(text, gazetteer, listed)
    entities, shaped = corrected(text, lang, entities, gazetteer)
    shaped = [s for s in shaped if s.name not in _not_actor_words()]  # "JavaScript" has a company's shape
    listed = _wings(text, lang, listed)
    listed, organisations = _organisations(text, lang, gazetteer, listed, entities, shaped)
    organisations += _named_by_noun(text, lang, gazetteer, sorted(listed + organisations, key=lambda m: m.start))
    organisations += _repeats(text, sorted(listed + organisations, key=lambda m: m.start),
                              [m for m in organisations if m.how == "name"], entities)
    listed = _regions(text, listed, entities)
    mentions = sorted(listed + organisations, key=lambda m: m.start)  # the rules read them in text order
    mentions += capital_mentions(text, lang, capitals, mentions)
    mentions += role_mentions(text, lang, gazetteer, mentions)
    mentions += title_mentions(text, gazetteer, sorted(mentions, key=lambda m: m.start), lambda word: _is_title(word, lang) and word.lower() not in _determiners(lang))
    mentions += _people(text, lang, gazetteer, mentions, entities)
    people = sorted((m for m in mentions if m.actor.kind == "person"), key=lambda m: m.start)
    mentions += surname_mentions(text, people, mentions)
    mentions += role_references(text, lang, mentions)
    mentions += apposition_references(text, lang, mentions)
    mentions += organisation_references(text, lang, gazetteer, mentions)
    mentions = kind_word_names(text, lang, gazetteer, mentions)
    mentions += government_mentions(text, lang, gazetteer, mentions)
    mentions = _unified(_article_people_first(text, _full_forms(_adjectives_of_state_bodies(text, lang, _origin_nouns_after(text, lang, _origins(text, lang, gazetteer, mentions))))))
    return Recognition(mentions, _places(text, entities, mentions, gazetteer, capitals))


def find_actors(text: str, lang: str, gazetteer: Gazetteer | None = None,
                entities: Sequence[Entity] | None = None) -> list[Mention]:
    """All actor mentions in a document, sorted by position, never overlapping."""
    return recognize(text, lang, gazetteer, entities).mentions
