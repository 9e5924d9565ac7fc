"""Loads a language's resource folder (``data/temporal/<lang>/``) into compiled rules.

The engine knows kinds of resources, never words: a language is a folder with

* ``language.toml``: its name, how to resolve expressions with no tense cue, tense cue words;
* ``groups.toml``: named word groups (word -> normalised value) and named patterns;
* ``rules/*.toml``: extraction rules, each with a pattern over the groups, a normalisation and
  executable examples.

Which languages exist is read from the folders; a language with no folder gets a resource set
generated from dateparser's locale data (:mod:`dashboard.temporal.locale_fallback`).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from dashboard.alternation import alternation, trie_regex
from dashboard.paths import DATA_DIR

RESOURCE_DIR = DATA_DIR / "temporal"
TYPES = ("DATE", "TIME", "DURATION", "SET")
DATE_FIELDS = frozenset({
    "year", "month", "day", "week", "quarter", "half", "season", "weekday", "decade", "century",
    "hour", "minute", "second", "pod", "feast", "shift", "by", "by_dct", "dir", "anchor", "gran", "event", "weekend",
    "ampm", "century_ordinal", "millennium_ordinal", "vague_day", "since",
})
NORMS = ("text", "int", "int2", "year2", "number", "upper", "decade", "century", "bc")
DIGITS = "digits"  # the pseudo trigger group of every pattern that matches a digit
YEAR_DIGITS = "digits:year"  # a four-digit number that can be a year (1000-2099)
SMALL_DIGITS = "digits:small"  # a one- or two-digit number (days, months, hours)
_DIGIT_SAMPLES = {
    YEAR_DIGITS: ("1000", "1066", "1492", "1800", "1914", "1990", "1999", "2000", "2025", "2099"),
    SMALL_DIGITS: tuple(str(i) for i in range(100)) + tuple(f"{i:02d}" for i in range(10)),
    DIGITS: ("123", "999", "3000", "12345", "100000"),
}
# How common each trigger is, for picking the rarest requirement of a rule (words count 1 each).
_DIGIT_WEIGHT = {YEAR_DIGITS: 50, SMALL_DIGITS: 200, DIGITS: 1000}
_REF = re.compile(r"\{(=?)([a-z_][a-z0-9_]*)(?::([a-z_][a-z0-9_]*))?\}")


class ResourceError(ValueError):
    """A resource file is malformed; the message names the file and the rule or group."""


@dataclass(frozen=True)
class Group:
    """A named set of words (each with its normalised value) or a named regex pattern."""

    name: str
    regex: str
    table: dict[str, str] = field(default_factory=dict)  # lower-cased word -> value
    cased: dict[str, str] = field(default_factory=dict)  # exact word -> value
    norm: str = "text"
    triggers: tuple[str, ...] = ()  # lower-cased words that announce this group in a text
    trigger_regex: str = ""  # or a pattern that announces it ("a.m.", "p.m.")
    infix: bool = False  # triggers may start inside a word (vier-jährig)
    compound: bool = False  # triggers may begin a longer word (Dienstag-abend)

    def normalise(self, matched: str, year2_pivot: int = 2040) -> str:
        if self.table or self.cased:
            key = " ".join(matched.split())
            if key in self.cased:
                return self.cased[key]
            key = key.lower()
            if key in self.table:
                return self.table[key]
            key = key.rstrip(".")
            return self.table.get(key, self.table.get(key + ".", matched))
        return apply_norm(self.norm, matched, year2_pivot)


def apply_norm(norm: str, matched: str, year2_pivot: int = 2040) -> str:
    if norm == "int":
        digits = re.sub(r"\D", "", matched)
        return str(int(digits)) if digits else matched
    if norm == "int2":  # a day or month as TIMEX3 writes it in a pattern: "XXXX-05-01"
        digits = re.sub(r"\D", "", matched)
        return f"{int(digits):02d}" if digits else matched
    if norm == "year2":
        two = int(re.sub(r"\D", "", matched)[-2:])
        century = 2000 if 2000 + two <= year2_pivot else 1900
        return str(century + two)
    if norm == "number":
        text = matched.replace("\u202f", "").replace(" ", "")
        half = 0.5 if text.endswith(("1/2", "\u00bd")) else 0.0  # "2 1/2", "2½"
        text = text.removesuffix("1/2").removesuffix("\u00bd")
        if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", text):
            text = str(int(re.sub(r"\D", "", text)))
        text = text.replace(",", ".")
        if half:
            return f"{float(text) + half:g}" if text else "0.5"
        return text
    if norm == "upper":
        return matched.upper()
    if norm == "decade":  # "1990" -> "199"; "60" -> "196" (two digits mean the 20th century)
        digits = re.sub(r"\D", "", matched)
        return digits[:3] if len(digits) == 4 else "19" + digits[0]
    if norm == "bc":  # 490 v. Chr. is TIMEX3 "BC0490"
        return "BC" + re.sub(r"\D", "", matched).zfill(4)
    if norm == "century":  # the 18th century is 17xx: TIMEX3 "17"
        return f"{int(matched) - 1:02d}"
    return matched


@dataclass(frozen=True)
class Example:
    """An executable example: tagging ``text`` must yield ``span`` with ``value`` (and ``mod``)."""

    text: str
    span: str
    value: str
    mod: str | None = None
    dct: str | None = None


@dataclass(frozen=True, eq=False)
class Rule:
    name: str
    source: str  # file it came from, for messages
    pattern: str  # the pattern as written, with {group} references
    regex: re.Pattern[str]
    type: str
    groups: dict[str, str]  # capture alias -> group name
    triggers: frozenset[str]  # trigger groups referenced by the pattern
    value: str | None = None
    date: dict[str, str] | None = None
    mod: str | None = None
    span: str | None = None  # alias whose span is the expression (the rest is context)
    negative: bool = False
    priority: int = 0
    examples: tuple[Example, ...] = ()
    # A condition on the expression's sentence: the name of a cue set of ``language.toml``
    # (``[cues]``) that must occur in it, or with a leading "!" must not.
    sentence: str | None = None


TENSE_KINDS = {"future": 1, "past": -1, "present": 0}


@dataclass(frozen=True)
class TenseCues:
    """Words (and patterns) that tell whether a sentence speaks of the past or the future.

    ``strong`` cues (auxiliaries, finite verbs, "next", "ago") decide; ``weak`` cues (forms that
    are often but not always past, like German participles, which also follow "werden") count
    only where no strong cue is in the sentence. Each entry is (pattern, direction).
    """

    strong: tuple[tuple[re.Pattern[str], int], ...] = ()
    weak: tuple[tuple[re.Pattern[str], int], ...] = ()
    clause: re.Pattern[str] | None = None  # where a clause ends: cues in the expression's own clause count first
    # All cues in one scanner: the cue words of every kind in one trie (group "w", their kind
    # looked up by the word), then the patterns, strong ones first; group names map to
    # (direction, strong).
    scanner: re.Pattern[str] | None = None
    kinds: dict[str, tuple[int, bool]] = field(default_factory=dict)
    word_kinds: dict[str, tuple[int, bool]] = field(default_factory=dict)


@dataclass(frozen=True, eq=False)  # hashed by identity: one instance per loaded language
class Language:
    code: str
    name: str
    groups: dict[str, Group]
    rules: tuple[Rule, ...]
    tense: TenseCues
    undirected: str = "nearest"  # how a bare month or date is placed without a tense cue
    undirected_weekday: str = "nearest"  # and a bare weekday
    # Cues after which a weekday equal to the publication's is a week back: the pluperfect ("Am
    # Donnerstag hatte ...", said on a Thursday); after any other past cue it is that day ("Rutte
    # wies am Dienstag ... zurück", "said Tuesday").
    week_back_cues: frozenset[str] = frozenset()
    example_dct: str = "2025-12-02"
    generated: bool = False  # built from dateparser's locale data, not hand resources
    trigger_index: dict[str, frozenset[str]] = field(default_factory=dict)  # trigger word -> groups
    trigger_regex: re.Pattern[str] | None = None
    infixes: tuple[tuple[str, frozenset[str]], ...] = ()  # lower-case stem -> groups, found anywhere
    rules_by_group: dict[str, tuple[int, ...]] = field(default_factory=dict)
    cues: dict[str, re.Pattern[str]] = field(default_factory=dict)  # named sentence cues for rules


def available_languages() -> list[str]:
    """Languages with hand-written resources (folders under ``data/temporal``)."""
    if not RESOURCE_DIR.is_dir():
        return []
    return sorted(p.name for p in RESOURCE_DIR.iterdir() if (p / "language.toml").is_file())


def _read_toml(path: Path) -> dict:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise ResourceError(f"{path}: {exc}") from exc


def _alternation(words: list[str], cased: bool = False) -> str:
    """Words as one alternation where the longest word wins; a space matches any run of
    whitespace; ``cased`` keeps it case-sensitive inside a case-insensitive pattern."""
    group = alternation(words)
    return f"(?-i:{group})" if cased else group


def _cased_token(word: str) -> str:
    """The first word of a case-sensitive entry, as written."""
    tokens = re.findall(r"\w+", word)
    return tokens[0] if tokens else ""


def _trigger_token(word: str, stopwords: frozenset[str]) -> str:
    """The word of a multi-word entry that announces it: the first of three letters or more that is
    not a stop word ("2. Weihnachtstag" by "weihnachtstag", "Den Haag" by "haag")."""
    tokens = re.findall(r"\w+", word.lower())
    good = [t for t in tokens if len(t) >= 3 and not t.isdigit() and t not in stopwords]
    return good[0] if good else max(tokens, key=len, default="")


def build_group(name: str, spec: dict, source: str, extra_words: dict[str, str] | None = None,
                stopwords: frozenset[str] = frozenset()) -> Group:
    """A group from its TOML table: ``word = "value"`` pairs or a ``_regex`` pattern."""
    table: dict[str, str] = {}
    cased: dict[str, str] = {}
    # `_suffixes` spells inflection once for the whole group: "letzt" + e/en/er/es/em.
    suffixes = spec.get("_suffixes", [""])
    for key, value in {**(extra_words or {}), **spec}.items():
        if key.startswith("_"):
            continue
        if not isinstance(value, str):
            raise ResourceError(f"{source}: group {name!r}: value of {key!r} must be a string")
        for alternative in key.split("|"):
            alternative = " ".join(alternative.split())
            if not alternative:
                continue
            for suffix in suffixes if key in spec else [""]:
                if alternative.startswith("!"):
                    cased[alternative[1:] + suffix] = value
                else:
                    table[(alternative + suffix).lower()] = value
    norm = spec.get("_norm", "text")
    if norm not in NORMS:
        raise ResourceError(f"{source}: group {name!r}: unknown _norm {norm!r} (known: {', '.join(NORMS)})")
    if "_regex" in spec:
        if table or cased:
            raise ResourceError(f"{source}: group {name!r} has both _regex and words")
        regex = spec["_regex"]
        try:
            re.compile(regex)
        except re.error as exc:
            raise ResourceError(f"{source}: group {name!r}: bad _regex: {exc}") from exc
        triggers = tuple(w.lower() for w in spec.get("_triggers", ()))
        return Group(name, f"(?:{regex})", norm=norm, triggers=triggers, infix=bool(spec.get("_infix")),
                     trigger_regex=spec.get("_trigger_regex", ""))
    regex_parts = [_alternation(list(table))] if table else []
    if cased:
        regex_parts.append(_alternation(list(cased), cased=True))
    regex = "(?:" + "|".join(regex_parts) + ")" if regex_parts else "(?!)"
    trigger_mode = spec.get("_trigger", True)
    triggers: tuple[str, ...] = ()
    if "_triggers" in spec:
        # Chosen trigger words: every entry must contain one, or the group could go unseen.
        triggers = tuple(sorted(w.lower() for w in spec["_triggers"]))
        for word in [*table, *cased]:
            if not any(t in word.lower() for t in triggers):
                raise ResourceError(f"{source}: group {name!r}: {word!r} contains none of its _triggers")
    elif trigger_mode:
        found = {t for w in table if (t := _trigger_token(w, stopwords))}
        # Case-sensitive entries announce themselves case-sensitively: "May", not "may".
        found |= {"!" + t for w in cased if (t := _cased_token(w))}
        triggers = tuple(sorted(found))
    if spec.get("_trigger_regex"):
        triggers = ()
    return Group(name, regex, table, cased, norm, triggers, infix=spec.get("_infix", False),
                 compound=spec.get("_compound", False), trigger_regex=spec.get("_trigger_regex", ""))


def _compile_pattern(pattern: str, groups: dict[str, Group], where: str) -> tuple[str, dict[str, str], dict[str, str]]:
    """Expand ``{group}``, ``{group:alias}`` (captured) and ``{=group}`` (inline) references.

    Inline references are captured too, under internal names, so that the trigger analysis can
    see which group stands where; only the first mapping feeds normalisation.
    """
    captured: dict[str, str] = {}
    inline_refs: dict[str, str] = {}

    def expand(match: re.Match[str]) -> str:
        inline, name, alias = match.groups()
        if name not in groups:
            raise ResourceError(f"{where}: unknown group {{{name}}}")
        if inline:
            internal = f"_i{len(inline_refs)}"
            inline_refs[internal] = name
            return f"(?P<{internal}>{groups[name].regex})"
        alias = alias or name
        if alias in captured:
            raise ResourceError(f"{where}: capture {alias!r} used twice; give one an alias {{{name}:other}}")
        captured[alias] = name
        return f"(?P<{alias}>{groups[name].regex})"

    return _REF.sub(expand, pattern), captured, inline_refs


def _group_triggers(name: str, group: Group) -> set[str]:
    """What announces a group: its words or trigger pattern, or the kind of number it matches."""
    if group.trigger_regex:  # its own pattern announces it, more narrowly than any digit would
        return {name}
    found = set()
    if group.triggers:
        found.add(name)
    if re.search(r"\\d|\[0-9|\[1-9|\[12", group.regex):
        whole = re.compile(group.regex, re.IGNORECASE)
        kinds = {kind for kind, samples in _DIGIT_SAMPLES.items() if any(whole.fullmatch(x) for x in samples)}
        found |= {DIGITS} if DIGITS in kinds or not kinds else kinds
    return found


def build_rule(spec: dict, groups: dict[str, Group], source: str, priority: int, example_dct: str,
               cues: dict[str, re.Pattern[str]] | None = None) -> Rule:
    name = spec.get("name") or f"rule{priority}"
    where = f"{source}: rule {name!r}"
    unknown = set(spec) - {"name", "pattern", "type", "value", "date", "mod", "span", "negative", "examples",
                           "priority", "dct", "sentence"}
    if unknown:
        raise ResourceError(f"{where}: unknown keys {sorted(unknown)}")
    if "pattern" not in spec:
        raise ResourceError(f"{where}: no pattern")
    negative = bool(spec.get("negative", False))
    rtype = spec.get("type", "DATE")
    if rtype not in TYPES:
        raise ResourceError(f"{where}: type must be one of {TYPES}")
    if not negative and "value" not in spec and "date" not in spec:
        raise ResourceError(f"{where}: give a value or date fields")
    if "value" in spec and "date" in spec and rtype not in ("DURATION", "SET"):
        raise ResourceError(f"{where}: value and date together are for a duration and the date it implies")
    date_spec = spec.get("date")
    if date_spec is not None:
        bad = set(date_spec) - DATE_FIELDS
        if bad:
            raise ResourceError(f"{where}: unknown date fields {sorted(bad)}")
        date_spec = {k: str(v) for k, v in date_spec.items()}
    # In a pattern " ?" is optional whitespace and any other space is a run of whitespace
    # (line breaks, double spaces).
    spaced = spec["pattern"].replace(" ?", r"\s*").replace(" ", r"\s+")
    body, captured, inline_refs = _compile_pattern(spaced, groups, where)
    if leftover := re.search(r"\{[=a-z_][^}]*\}", body):
        raise ResourceError(f"{where}: {leftover.group()} is not a group reference ({{name}}, {{name:alias}}, {{=name}})")
    # Every rule stands alone as whole words: no match starts or ends inside a word.
    body = rf"(?<![\w])(?:{body})(?![\w])"
    try:
        regex = re.compile(body, re.IGNORECASE)
    except re.error as exc:
        raise ResourceError(f"{where}: bad pattern: {exc}") from exc
    by_index = {regex.groupindex[alias]: _group_triggers(name, groups[name])
                for alias, name in {**captured, **inline_refs}.items()}
    vocabulary = {name: len(group.triggers) or 5 for name, group in groups.items()}
    triggers = required_triggers(body, by_index, vocabulary)
    if not triggers:
        raise ResourceError(f"{where}: no trigger group is required by the pattern, so it could never be tried "
                            "(every match must contain a word of a trigger group or a digit)")
    span = spec.get("span")
    if span is not None and span not in regex.groupindex:
        raise ResourceError(f"{where}: span {span!r} is not a named group of the pattern")
    rule_dct = spec.get("dct", example_dct)
    examples = []
    for raw in spec.get("examples", ()):
        if isinstance(raw, dict):
            examples.append(Example(raw["text"], raw["span"], raw.get("value", ""), raw.get("mod"),
                                    raw.get("dct", rule_dct)))
        elif isinstance(raw, list) and len(raw) in (2, 3, 4):
            text, span_text, *rest = raw
            examples.append(Example(text, span_text, rest[0] if rest else "", rest[1] if len(rest) > 1 else None,
                                    rule_dct))
        else:
            raise ResourceError(f"{where}: an example is [text, span, value] or [text, span, value, mod]")
    if not examples:
        raise ResourceError(f"{where}: every rule needs at least one executable example")
    sentence = spec.get("sentence")
    if sentence is not None and (cues is None or sentence.removeprefix("!") not in cues):
        raise ResourceError(f"{where}: sentence cue {sentence!r} is not a [cues] entry of language.toml "
                            f"(known: {', '.join(sorted(cues or ())) or 'none'})")
    return Rule(
        name=name, source=source, pattern=spec["pattern"], regex=regex, type=rtype, groups=captured,
        triggers=frozenset(triggers), value=spec.get("value"), date=date_spec, mod=spec.get("mod"),
        span=span, negative=negative, priority=int(spec.get("priority", priority)), examples=tuple(examples),
        sentence=sentence,
    )


_REPEATS = ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")


def required_triggers(body: str, by_index: dict[int, set[str]],
                      vocabulary: dict[str, int] | None = None) -> frozenset[str]:
    """Trigger groups of which every match of the pattern contains at least one.

    The engine tries a rule only in windows where one of them was seen, so the set must hold
    for every possible match: optional parts and alternatives that may lack a trigger do not
    count. The smallest such set found is returned (the tighter, the fewer windows tried).
    """
    from re import _parser  # the stdlib's own regex parser: the analysis sees what re compiles

    def weight(triggers: frozenset[str]) -> int:
        return sum(_DIGIT_WEIGHT.get(t) or (vocabulary or {}).get(t, 10) for t in triggers)

    def is_digit_set(op: str, av) -> bool:
        if op == "LITERAL":
            return 48 <= av <= 57
        if op == "IN":
            return all(is_digit_set(str(o), a) or (str(o) == "CATEGORY" and str(a) == "CATEGORY_DIGIT")
                       or (str(o) == "RANGE" and 48 <= a[0] and a[1] <= 57) for o, a in av)
        return False

    def need(items) -> frozenset[str] | None:
        best: frozenset[str] | None = None
        for op, av in items:
            found = need_one(str(op), av)
            # The rarest requirement is the tightest: a few words beat many, words beat numbers.
            if found and (best is None or weight(found) < weight(best)):
                best = found
        return best

    def need_one(op: str, av) -> frozenset[str] | None:
        if op == "SUBPATTERN":
            own = by_index.get(av[0])
            return frozenset(own) if own else need(av[3])
        if op in _REPEATS:
            return need(av[2]) if av[0] >= 1 else None
        if op == "BRANCH":
            found = [need(branch) for branch in av[1]]
            return None if any(f is None for f in found) else frozenset().union(*found)
        if op == "ASSERT" and av[0] == 1:  # lookahead: its text must lie in the window too
            return need(av[1])
        if is_digit_set(op, av):
            return frozenset({DIGITS})
        return None

    return need(_parser.parse(body, re.IGNORECASE)) or frozenset()


def _cue_source(words: list[str], patterns: list[str]) -> str | None:
    """Cue words match in any case; cue patterns are case-sensitive (German verbs are lower-case)."""
    trie = trie_regex(sorted({" ".join(w.lower().split()) for w in words}))
    parts = (["(?i:" + trie + ")"] if words else []) + patterns
    return "|".join(parts) if parts else None


def _cue_regex(words: list[str], patterns: list[str]) -> re.Pattern[str] | None:
    source = _cue_source(words, patterns)
    return re.compile(r"(?<!\w)(?:" + source + r")(?!\w)") if source else None


def build_cues(spec: dict, source: str) -> dict[str, re.Pattern[str]]:
    """``[cues]``: named sets of ``words`` (any case) and ``patterns`` (case-sensitive) that a
    rule can ask of its sentence ("heute" is the present as such where the sentence contrasts
    it with the past)."""
    cues = {}
    for name, part in spec.items():
        if not isinstance(part, dict) or set(part) - {"words", "patterns"}:
            raise ResourceError(f"{source}: cue {name!r} must be a table of words and patterns")
        try:
            regex = _cue_regex(list(part.get("words", ())), list(part.get("patterns", ())))
        except re.error as exc:
            raise ResourceError(f"{source}: cue {name!r}: bad pattern: {exc}") from exc
        if regex is None:
            raise ResourceError(f"{source}: cue {name!r} has no words or patterns")
        cues[name] = regex
    return cues


def build_tense(spec: dict) -> TenseCues:
    """``[tense.<kind>]`` tables with ``words``, ``patterns`` (strong), ``weak_words`` and
    ``weak_patterns``; ``[tense] clause_breaks`` lists the words and marks that end a clause.
    Words become one trie-shaped alternation (cheap at every word start); patterns are tried as
    written."""
    strong, weak = [], []
    breaks = spec.get("clause_breaks", [])
    clause = None
    if breaks:
        words = trie_regex(sorted({" ".join(b.lower().split()) for b in breaks}))
        clause = re.compile(r"[,;:()\u2013\u2014]|\s-\s|(?<!\w)(?i:" + words + r")(?!\w)")
    for kind, part in spec.items():
        if kind == "clause_breaks":
            continue
        if kind not in TENSE_KINDS:
            raise ResourceError(f"unknown tense kind {kind!r} (known: {', '.join(TENSE_KINDS)})")
        sign = TENSE_KINDS[kind]
        if (regex := _cue_regex(list(part.get("words", ())), list(part.get("patterns", ())))) is not None:
            strong.append((regex, sign))
        if (regex := _cue_regex(list(part.get("weak_words", ())), list(part.get("weak_patterns", ())))) is not None:
            weak.append((regex, sign))
    # One scanner for a sentence: the words of all kinds in one trie (a strong word before a weak
    # one of the same spelling), then the patterns, strong before weak ("scheduled" is a future
    # word before it is a weak "-ed" form). At each place the first alternative wins.
    word_kinds: dict[str, tuple[int, bool]] = {}
    for strength, key in ((True, "words"), (False, "weak_words")):
        for kind, part in spec.items():
            if kind != "clause_breaks":
                for word in part.get(key, ()):
                    word_kinds.setdefault(" ".join(word.lower().split()), (TENSE_KINDS[kind], strength))
    sources, kinds = [], {}
    if word_kinds:
        sources.append(f"(?P<w>(?i:{trie_regex(sorted(word_kinds))}))")
    for strength, key in ((True, "patterns"), (False, "weak_patterns")):
        for kind, part in spec.items():
            if kind != "clause_breaks" and (patterns := list(part.get(key, ()))):
                name = f"c{len(kinds)}"
                kinds[name] = (TENSE_KINDS[kind], strength)
                sources.append(f"(?P<{name}>{'|'.join(patterns)})")
    scanner = re.compile(r"(?<!\w)(?:" + "|".join(sources) + r")(?!\w)") if sources else None
    return TenseCues(tuple(strong), tuple(weak), clause, scanner, kinds, word_kinds)


def finish(language: Language) -> Language:
    """Index the rules by the trigger groups they need and compile the one trigger scanner."""
    by_group: dict[str, list[int]] = {}
    for i, rule in enumerate(language.rules):
        for trigger in rule.triggers:
            by_group.setdefault(trigger, []).append(i)
    # Only groups some rule waits for are worth announcing ("Washington" names a summit's place,
    # but no rule needs a place alone).
    index: dict[str, set[str]] = {}
    kinds: dict[str, set[str]] = {"w": set(), "p": set(), "i": set(), "c": set()}
    for name, group in language.groups.items():
        if name not in by_group:
            continue
        for word in group.triggers:
            if word.startswith("!"):
                kinds["c"].add(word[1:])
                index.setdefault(word[1:].lower(), set()).add(name)
                continue
            index.setdefault(word, set()).add(name)
            kinds["i" if group.infix else "p" if group.compound else "w"].add(word)
    # One scanner for what starts at a word start: that test comes first and fails fast inside
    # words. Infixes ("jährig" in "vierjährigen") are found with str.find on the lower-cased
    # text: a regex tried at every character costs as much as all the rest of the scan.
    starts = []
    regex_triggers: dict[str, frozenset[str]] = {}
    numeric = []  # patterns that begin with a digit ("07:30", "1994-95") are tried behind one test
    for name, group in language.groups.items():
        if group.trigger_regex and name in by_group:  # a pattern that starts at a word start
            key = f"x{len(regex_triggers)}"
            regex_triggers[key] = frozenset({name})
            source = f"(?P<{key}>{group.trigger_regex})"
            (numeric if re.match(r"\(?:?\[0-9|\(\?:1\[0-9\]|\[0-9\]", group.trigger_regex) else starts).append(source)
    if numeric:
        starts.append(r"(?=[0-9])(?:" + "|".join(numeric) + ")")
    if kinds["c"]:  # case-sensitive whole words
        starts.append(r"(?P<c>(?-i:" + trie_regex(sorted(kinds["c"])) + r"))(?!\w)")
    if kinds["w"]:  # whole words
        starts.append(r"(?P<w>" + trie_regex(sorted(kinds["w"])) + r")(?!\w)")
    if kinds["p"]:  # words that may begin a compound
        starts.append(r"(?P<p>" + trie_regex(sorted(kinds["p"])) + ")")
    starts.append(r"(?P<d>\d+)")
    scanner = r"(?<!\w)(?:" + "|".join(starts) + ")"
    # The shortest infix words suffice ("jährig" finds "jährigen"); each keeps the groups of all
    # the words it stands in.
    stems = [w for w in kinds["i"] if not any(o != w and o in w for o in kinds["i"])]
    infixes = tuple((stem, frozenset(g for w in kinds["i"] if stem in w for g in index[w])) for stem in sorted(stems))
    return Language(
        **{**language.__dict__,
           "trigger_index": {**{w: frozenset(g) for w, g in index.items()}, **regex_triggers},
           "trigger_regex": re.compile(scanner, re.IGNORECASE),
           "infixes": infixes,
           "rules_by_group": {g: tuple(ids) for g, ids in by_group.items()}},
    )


def load_folder(folder: Path, code: str) -> Language:
    """A language from its resource folder."""
    settings = _read_toml(folder / "language.toml")
    from dashboard.temporal.events import event_words
    from dashboard.temporal.locale_fallback import dateparser_words

    groups: dict[str, Group] = {}
    groups_file = folder / "groups.toml"
    stopwords = frozenset(w.lower() for w in settings.get("trigger_stopwords", ()))
    for name, spec in _read_toml(groups_file).items():
        if not isinstance(spec, dict):
            raise ResourceError(f"{groups_file}: {name!r} must be a table")
        # Words a group takes from elsewhere: dateparser's locale data, the event knowledge base.
        extra = dateparser_words(code, spec["_dateparser"]) if "_dateparser" in spec else {}
        if "_events" in spec:
            extra.update(event_words(code, spec["_events"]))
        groups[name] = build_group(name, spec, str(groups_file), extra, stopwords)
    example_dct = settings.get("example_dct", "2025-12-02")
    cues = build_cues(settings.get("cues", {}), str(folder / "language.toml"))
    rules: list[Rule] = []
    seen: dict[str, str] = {}
    for path in sorted((folder / "rules").glob("*.toml")):
        for spec in _read_toml(path).get("rule", []):
            rule = build_rule(spec, groups, str(path.relative_to(folder.parent)), len(rules), example_dct, cues)
            if rule.name in seen:
                raise ResourceError(f"{path}: rule name {rule.name!r} also used in {seen[rule.name]}")
            seen[rule.name] = str(path)
            rules.append(rule)
    language = Language(
        code=code, name=settings.get("name", code), groups=groups, rules=tuple(rules),
        tense=build_tense(settings.get("tense", {})), undirected=settings.get("undirected", "nearest"),
        undirected_weekday=settings.get("undirected_weekday", settings.get("undirected", "nearest")),
        week_back_cues=frozenset(w.lower() for w in settings.get("week_back_cues", ())),
        example_dct=example_dct, cues=cues,
    )
    return finish(language)


@lru_cache(maxsize=None)
def load_language(code: str) -> Language:
    """The resources of a language: its folder, else generated from dateparser's locale data.

    Raises ``ValueError`` naming the known languages when neither exists.
    """
    code = (code or "").strip().lower().replace("_", "-")
    folder = RESOURCE_DIR / code
    if (folder / "language.toml").is_file():
        return load_folder(folder, code)
    base = code.split("-")[0]
    if base != code and (RESOURCE_DIR / base / "language.toml").is_file():
        return load_folder(RESOURCE_DIR / base, base)
    from dashboard.temporal.locale_fallback import generated_language

    language = generated_language(code)
    if language is None:
        raise ValueError(
            f"unknown language {code!r}: hand resources exist for {', '.join(available_languages())}; "
            "other languages need a dateparser locale code (e.g. fr, es, it)"
        )
    return language
