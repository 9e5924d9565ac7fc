"""Headlines: the clause of a sentence that holds a temporal expression, trimmed to what a bar can
carry ("NATO-Generalsekretär Mark Rutte wies neue Bedenken zurück").

Extractive and deterministic: every word of a headline is a word of its sentence, in its order
(a reporting clause after a quote becomes "Speaker: quote"). The steps, each driven by the word
lists of :mod:`dashboard.events.words`:

1. drop a dateline ("GENEVA (Reuters) - "), brackets, relative clauses that do not hold the
   expression, a trailing attribution (", officials said");
2. split the sentence into clauses at semicolons, colons, dashes, quotes and words that open a
   clause ("dass", "that", "after"); take the clause holding the expression, joined with the
   clause it reports when it only says who spoke ("Rumänien kündigte an, dass ...");
3. remove every temporal expression of the sentence with its preposition ("am Dienstag",
   "until Thanksgiving on Thursday");
4. while longer than :data:`TARGET` characters, drop prepositional phrases from the right (a
   German one ends at its noun and its genitives, so "zurück" stays at the end); cut at a word
   with "…" only past :data:`LIMIT`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from dashboard.events.words import Words, words

TARGET = 80   # drop phrases until the headline is this short
LIMIT = 90    # and cut at a word beyond this
# numbers with separators ("3.000", "3,000"), ordinals ("7."), words (with inner hyphens and
# apostrophes), then single marks
_TOKEN = re.compile(r"\d+(?:[.,]\d{3})*(?:[.,]\d+)?\.?(?=\s|$)|\d+(?:[.,]\d+)*|\w+(?:[’'\-/]\w+)*|[^\w\s]")
_QUOTES = set("\"„“”«»")
_DASHES = {"-", "–", "—"}
_HARD = {";", ":"} | _DASHES
_DATELINE = re.compile(
    r"^\s*[A-ZÄÖÜ][A-ZÄÖÜ.'’\- ]*[A-ZÄÖÜ](?:,\s*[A-ZÄÖÜ][\w.\- ]{0,30})?\s*(?:\([^)]{0,40}\))?\s*[-–—]+\s+"
)
_GENITIVE = frozenset({"des", "der", "eines", "einer", "beider", "aller"})
_ARTICLES = frozenset({"the", "this", "that", "der", "die", "das", "den", "dem", "des"})
_CONJUNCTIONS = frozenset({"and", "or", "und", "oder", ",", "bis", "to", "sowie"})


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str

    @property
    def low(self) -> str:
        return self.text.lower()

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum()

    @property
    def capitalised(self) -> bool:
        return self.text[0].isupper()


def tokens(text: str) -> list[Token]:
    return [Token(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]


def headline(sentence: str, timex_spans: Sequence[tuple[int, int]], lang: str, own: int = 0) -> str:
    """The headline of ``sentence`` for its expression ``timex_spans[own]``.

    ``timex_spans`` are the character offsets, within the sentence, of every temporal expression
    of the sentence (all are left out of the headline); the clause is chosen around ``own``.
    """
    w = words(lang)
    toks = tokens(sentence)
    if not toks:
        return ""
    timex = [any(s < t.end and t.start < e for s, e in timex_spans) for t in toks]
    own_span = timex_spans[own] if timex_spans else (0, 0)
    anchor = next((i for i, t in enumerate(toks) if own_span[0] < t.end and t.start < own_span[1]), 0)
    keep = [True] * len(toks)
    _drop_dateline(sentence, toks, keep)
    _drop_brackets(toks, keep, anchor)
    clauses = _clauses(toks, keep, w)
    chosen = _choose(clauses, anchor, toks, timex, w)
    label = _render(_trim(chosen, toks, timex, w, lang), toks)
    if len(label.split()) < 2:   # a title that is all expression ("NATO-Gipfel in Den Haag: ...")
        label = _render(_trim([i for i in range(len(toks)) if keep[i]], toks, [False] * len(toks), w, lang), toks)
    return label


# -- step 1: what never belongs to a headline -------------------------------------------------------


def _drop_dateline(sentence: str, toks: list[Token], keep: list[bool]) -> None:
    match = _DATELINE.match(sentence)
    if match:
        for i, t in enumerate(toks):
            if t.end <= match.end():
                keep[i] = False


def _drop_brackets(toks: list[Token], keep: list[bool], anchor: int) -> None:
    depth, opened = 0, None
    for i, t in enumerate(toks):
        if t.text == "(":
            depth, opened = depth + 1, i if depth == 0 else opened
        elif t.text == ")" and depth:
            depth -= 1
            if depth == 0 and opened is not None and not opened < anchor < i:
                for j in range(opened, i + 1):
                    keep[j] = False


# -- step 2: clauses ------------------------------------------------------------------------------


@dataclass
class Clause:
    indices: list[int]
    opener: str = ""      # the word that opened it ("dass", "after"), "" for a main clause
    quote: bool = False   # inside quotation marks
    relative: bool = False
    host: "Clause | None" = None   # for a clause inside another: the one it interrupts


def _is_relative(toks: list[Token], i: int, w: Words) -> bool:
    """``toks[i]`` (after a comma) opens a relative clause: "who"/"which", or a German pronoun
    after a noun ("der Gipfel, der ...")."""
    low = toks[i].low
    if low in {"who", "which", "whose", "whom", "welche", "welcher", "welches", "deren", "dessen"}:
        return True
    if w.lang == "de" and low in {"der", "die", "das", "dem", "den"} and i >= 2:
        before = toks[i - 2]
        return before.is_word and before.capitalised and before.low not in w.reporting
    return False


def _inline_quotes(toks: list[Token], keep: list[bool]) -> set[int]:
    """Quotation marks around a few words ("an „updated and refined“ framework") that are part of
    the clause, not a quote of its own."""
    marks = [i for i, t in enumerate(toks) if keep[i] and t.text in _QUOTES]
    inline: set[int] = set()
    for a, b in zip(marks[::2], marks[1::2]):
        if sum(1 for t in toks[a + 1:b] if t.is_word) <= 4 and not any(t.text in {",", "."} for t in toks[a + 1:b]):
            inline |= {a, b}
    return inline


def _clauses(toks: list[Token], keep: list[bool], w: Words) -> list[Clause]:
    """Split the kept tokens into clauses, in order. A clause opened after a comma inside another
    ("Stoltenberg, who has led the alliance, hands over") runs to the next comma, and the words
    after that comma continue the clause it interrupted."""
    clauses: list[Clause] = []
    current = Clause([])
    clauses.append(current)
    inline = _inline_quotes(toks, keep)
    in_quote = False

    def start(clause: Clause) -> Clause:
        clauses.append(clause)
        return clause

    for i, t in enumerate(toks):
        if not keep[i]:
            continue
        if t.text in _QUOTES and i not in inline:
            in_quote = not in_quote
            current = start(Clause([], quote=in_quote))
            continue
        if t.text in _HARD and not (t.text in _DASHES and not _spaced(toks, i)):
            current = start(Clause([], quote=in_quote))
            continue
        if t.text == ",":
            nxt = _next_kept(toks, keep, i)
            if current.host is not None and (nxt is None or toks[nxt].low not in w.openers):
                current = current.host        # back to the clause it interrupted
                continue
            if nxt is not None and (_is_relative(toks, nxt, w) or toks[nxt].low in w.openers):
                low = toks[nxt].low
                embedded = low not in w.complementisers and low not in w.coordinators
                current = start(Clause([], low, in_quote, relative=_is_relative(toks, nxt, w),
                                       host=(current.host or current) if embedded else None))
                continue
            current.indices.append(i)
            continue
        if t.low in w.bare_openers and current.indices and not current.quote:
            current = start(Clause([i], t.low, in_quote))
            continue
        current.indices.append(i)
    return [c for c in clauses if any(toks[i].is_word for i in c.indices)]


def _spaced(toks: list[Token], i: int) -> bool:
    """A dash with space on both sides (a clause break), not "Staats- und" or "NATO-Gipfel"."""
    return 0 < i < len(toks) - 1 and toks[i - 1].end < toks[i].start and toks[i].end < toks[i + 1].start


def _next_kept(toks: list[Token], keep: list[bool], i: int) -> int | None:
    return next((j for j in range(i + 1, len(toks)) if keep[j]), None)


def _content(indices: Iterable[int], toks: list[Token], timex: list[bool], w: Words) -> list[int]:
    return [i for i in indices if toks[i].is_word and not timex[i] and toks[i].low not in w.stopwords
            and toks[i].low not in w.timex_prepositions and toks[i].low not in w.drop]


def _reporting_only(indices: list[int], toks: list[Token], timex: list[bool], w: Words) -> bool:
    """A clause that only says who spoke ("Rumänien kündigte im Oktober an", "officials said")."""
    spoken = _spoken(indices, toks, timex, w)
    if not any(toks[i].low in w.reporting for i in spoken):
        return False
    named = [i for i in spoken if toks[i].low not in w.reporting and toks[i].low not in w.stopwords]
    # a subject of any length that ends on its reporting verb says only who spoke too
    # ("The United States and Germany announced", "Die US-Regierung hatte angekündigt")
    return len(named) <= 2 or toks[spoken[-1]].low in w.reporting


def _spoken(indices: list[int], toks: list[Token], timex: list[bool], w: Words) -> list[int]:
    """The words of a clause, its expressions and their prepositions aside."""
    return [i for i in indices if toks[i].is_word and not timex[i] and toks[i].low not in w.timex_prepositions]


def _ends_on_reporting(indices: list[int], toks: list[Token], timex: list[bool], w: Words) -> bool:
    """The clause's last word, expressions aside, is a reporting verb: what follows is what was
    said, even where it opens like a relative clause ("Das Ministerium erklärte, die Brücke ...")."""
    spoken = _spoken(indices, toks, timex, w)
    return bool(spoken) and toks[spoken[-1]].low in w.reporting


def _choose(clauses: list[Clause], anchor: int, toks: list[Token], timex: list[bool], w: Words) -> list[int]:
    """The token indices of the headline's clause (``-1`` stands for ":", ``-2`` for ",")."""
    if not clauses:
        return []
    at = next((k for k, c in enumerate(clauses) if anchor in c.indices), None)
    if at is None:
        at = min(range(len(clauses)), key=lambda k: min(abs(i - anchor) for i in clauses[k].indices))
    clause = clauses[at]
    chosen = list(clause.indices)
    quoted_before = at > 0 and clauses[at - 1].quote and not clause.quote
    if clause.relative and clause.host is not None and chosen:
        # "The summit, which opened on Tuesday" -> "The summit opened": the antecedent for the pronoun
        antecedent = _noun_group_end([i for i in clause.host.indices if i < chosen[0]], toks, w)
        chosen = antecedent + chosen[1:] if antecedent else chosen
    if _reporting_only(chosen, toks, timex, w):
        before = clauses[at - 1] if at > 0 else None
        after = clauses[at + 1] if at + 1 < len(clauses) else None
        quote = next((c for c in reversed(clauses[:at]) if c.quote), None) or next((c for c in clauses[at + 1:] if c.quote), None)
        if quote is not None and not clause.quote:
            speaker = _speaker(chosen, toks, timex, w)
            return speaker + [-1] + quote.indices if speaker else quote.indices
        if after is not None and (not after.relative or _ends_on_reporting(chosen, toks, timex, w)):
            return _strip_trailing_attribution(chosen, toks, w) + _joined_clause(after, toks, w)
        if before is not None:   # "..., wie das Ministerium am Mittwoch mitteilte": what was said
            return before.indices
    if clause.opener in w.complementisers and at > 0:
        host = clauses[at - 1]
        if _length(host.indices + chosen, toks) <= TARGET:
            return host.indices + _joined_clause(clause, toks, w)
    words_at = [k for k, i in enumerate(chosen) if toks[i].is_word]
    if quoted_before and words_at and toks[chosen[words_at[0]]].low in w.reporting:
        chosen = chosen[words_at[0] + 1:]   # "„...“, sagte Trump bei einem Treffen" -> "Trump bei einem Treffen"
    return _strip_trailing_attribution(chosen, toks, w)


def _joined_clause(clause: Clause, toks: list[Token], w: Words) -> list[int]:
    """A clause appended to the one it completes: English drops "that", German keeps ", dass"."""
    indices = [i for i in clause.indices if toks[i].text != ","]
    if w.lang == "en":
        return indices[1:] if indices and toks[indices[0]].low in w.complementisers else indices
    return [-2] + indices


def _noun_group_end(indices: list[int], toks: list[Token], w: Words) -> list[int]:
    """The noun group at the end of ``indices``, from its article ("the summit", "Viktor Orban")."""
    tail = [i for i in indices if toks[i].is_word][-4:]
    for k in range(len(tail) - 1, -1, -1):
        if toks[tail[k]].low in {"the", "a", "an", "der", "die", "das", "ein", "eine", "den", "dem"}:
            return tail[k:]
    names = []
    for i in reversed(tail):
        if not toks[i].capitalised or toks[i].low in w.prepositions:
            break
        names.insert(0, i)
    return names


def _speaker(indices: list[int], toks: list[Token], timex: list[bool], w: Words) -> list[int]:
    """The words of an attribution clause that name the speaker ("Zelensky" of "Zelensky said")."""
    return [i for i in indices if toks[i].is_word and not timex[i] and toks[i].low not in w.reporting
            and toks[i].low not in w.timex_prepositions and toks[i].low not in w.stopwords]


def _strip_trailing_attribution(indices: list[int], toks: list[Token], w: Words) -> list[int]:
    """"..., officials said" and "..., sagte Rutte" at the end of a clause go."""
    commas = [k for k, i in enumerate(indices) if toks[i].text == ","]
    if commas:
        tail = indices[commas[-1] + 1:]
        if 0 < len(tail) <= 4 and any(toks[i].low in w.reporting for i in tail):
            return indices[:commas[-1]]
    return indices


# -- steps 3 and 4: trimming ----------------------------------------------------------------------


def _trim(chosen: list[int], toks: list[Token], timex: list[bool], w: Words, lang: str) -> list[int]:
    """The headline's items: expressions, their prepositions and filler words out, then phrases
    dropped until it is short enough."""
    timex = _removable_timex(toks, timex, w)
    gone = _timex_words(chosen, toks, timex, w)
    items = [i for i in chosen if i < 0 or not (timex[i] or i in gone or toks[i].low in w.drop)]
    items = _drop_dangling(items, toks, w)
    if items and items[0] >= 0 and any(i >= 0 and timex[i] for i in chosen[:chosen.index(items[0])]):
        items = _front_subject(items, toks, w)
    while _length(items, toks) > TARGET:
        shorter = _drop_tail_segment(items, toks, timex, w) or _drop_last_phrase(items, toks, w, lang)
        if shorter is None:
            break
        items = shorter
    return items


def _front_subject(items: list[int], toks: list[Token], w: Words) -> list[int]:
    """A German clause whose fronted expression went starts with its finite verb ("kündigte
    Rumänien den Abzug an"): its subject goes in front ("Rumänien kündigte den Abzug an").
    The verb is the lowercase word left in front (German nouns are capitalised); the subject is
    the noun group after it (and after a reflexive or one prepositional phrase), or a pronoun.
    Without a subject found the words stay as they are."""
    if not w.subject_pronouns or toks[items[0]].capitalised or not toks[items[0]].is_word:
        return items
    verb, k = items[:1], 1
    if k < len(items) and items[k] >= 0 and toks[items[k]].low in w.reflexives:
        verb, k = items[:2], 2
    between: list[int] = []
    if k < len(items) and items[k] >= 0 and toks[items[k]].low in w.prepositions:
        end = _noun_group(items, k + 1, toks, w)
        if end is None:
            return items
        between, k = items[k:end], end
    if k < len(items) and items[k] >= 0 and toks[items[k]].low in w.subject_pronouns:
        end: int | None = k + 1
    else:
        end = _noun_group(items, k, toks, w)
    if end is None:
        return items
    return items[k:end] + verb + between + items[end:]


def _noun_group(items: list[int], k: int, toks: list[Token], w: Words) -> int | None:
    """Where the German noun group starting at ``items[k]`` ends (exclusive): determiner,
    lowercase adjectives, capitalised words, then genitives and "und" with another noun group
    ("die Außenminister der NATO", "Trump und Putin"); ``None`` when no noun comes."""
    def word(at: int) -> Token | None:
        return toks[items[at]] if at < len(items) and items[at] >= 0 and toks[items[at]].is_word else None

    if (t := word(k)) is not None and (t.low in w.determiners or t.text[0].isdigit()):
        k += 1
    while (t := word(k)) is not None and not t.capitalised and t.low not in w.prepositions | w.phrase_stops | w.determiners:
        k += 1
    if (t := word(k)) is None or not t.capitalised:
        return None
    while (t := word(k)) is not None and t.capitalised:
        k += 1
    if (t := word(k)) is not None and (t.low in _GENITIVE or t.low == "und"):
        end = _noun_group(items, k + 1, toks, w)
        return end if end is not None else k
    return k


def _removable_timex(toks: list[Token], timex: list[bool], w: Words) -> list[bool]:
    """An expression that names an event ("the summit in Washington") stays in the headline."""
    out = list(timex)
    k = 0
    while k < len(toks):
        if not timex[k]:
            k += 1
            continue
        end = k
        while end + 1 < len(toks) and timex[end + 1]:
            end += 1
        if any(_stem_in(toks[j].low, w.event_nouns) for j in range(k, end + 1)):
            for j in range(k, end + 1):
                out[j] = False
        k = end + 1
    return out


def _stem_in(word: str, nouns: frozenset[str]) -> bool:
    return any(part in nouns for part in word.split("-")) or any(word.endswith(n) for n in nouns if len(n) > 4)


def _timex_words(chosen: list[int], toks: list[Token], timex: list[bool], w: Words) -> set[int]:
    """The words in front of a removed expression that belong to it: its preposition ("am",
    "on the", "until") and a conjunction between two expressions ("am 7. und 8. Juli")."""
    gone: set[int] = set()
    real = [i for i in chosen if i >= 0]
    position = {i: k for k, i in enumerate(real)}
    for i in real:
        if not timex[i] or (i > 0 and timex[i - 1]):
            continue
        k = position[i] - 1
        run = []
        while k >= 0 and toks[real[k]].low in w.timex_prepositions | _ARTICLES:
            run.append(real[k])
            k -= 1
        while run and toks[run[-1]].low in _ARTICLES:   # an article only goes with its preposition
            run.pop()
        gone.update(run)
        k -= 0
        if k >= 1 and toks[real[k]].low in _CONJUNCTIONS and timex[real[k - 1]]:
            gone.add(real[k])
    return gone


def _drop_dangling(items: list[int], toks: list[Token], w: Words) -> list[int]:
    """No headline starts with "and"/"dass" or ends with a comma or a preposition."""
    while items and (items[0] < 0 or not toks[items[0]].is_word and toks[items[0]].text not in _QUOTES or toks[items[0]].low in w.leading):
        items = items[1:]
    while items and (items[-1] < 0 or not toks[items[-1]].is_word and toks[items[-1]].text not in _QUOTES | {")", "%"}
                     or toks[items[-1]].low in w.prepositions | _CONJUNCTIONS | _ARTICLES and not _particle(items[-1], toks, w)):
        items = items[:-1]
    return items


def _particle(i: int, toks: list[Token], w: Words) -> bool:
    """A German separable verb particle ("kündigte ... an"): a preposition ending its clause."""
    return w.lang == "de" and toks[i].low in w.prepositions and (i + 1 == len(toks) or not toks[i + 1].is_word)


def _drop_tail_segment(items: list[int], toks: list[Token], timex: list[bool], w: Words) -> list[int] | None:
    """", the first direct talks since 2022" at the end of a long headline goes first, but never
    what was said after who said it ("Das Pentagon erklärte, die Truppen würden ...")."""
    commas = [k for k, i in enumerate(items) if i >= 0 and toks[i].text == ","]
    if not commas:
        return None
    head = items[:commas[-1]]
    if sum(1 for i in head if i >= 0 and toks[i].is_word) < 3 or _reporting_only(
            [i for i in head if i >= 0], toks, timex, w):
        return None
    return head


def _phrases(items: list[int], toks: list[Token], w: Words, lang: str) -> list[tuple[int, int]]:
    """(first, last) positions in ``items`` of each prepositional phrase after the first word."""
    found = []
    k = 1
    while k < len(items):
        if items[k] < 0 or toks[items[k]].low not in w.prepositions:
            k += 1
            continue
        first = k
        while k + 1 < len(items) and items[k + 1] >= 0 and toks[items[k + 1]].low in w.prepositions:
            k += 1
        last = _phrase_end(items, k + 1, toks, w, lang)
        if last is not None:
            found.append((first, last))
            k = last + 1
        else:
            k += 1
    return found


def _phrase_end(items: list[int], k: int, toks: list[Token], w: Words, lang: str) -> int | None:
    """Where a prepositional phrase starting before ``items[k]`` ends (``None``: it is no phrase)."""
    def word(at: int) -> Token | None:
        return toks[items[at]] if at < len(items) and items[at] >= 0 and toks[items[at]].is_word else None

    if lang == "de":
        # to its noun (German nouns are capitalised; "Weißen Haus" is one), then its genitives
        noun = None
        while (t := word(k)) is not None and t.low not in w.phrase_stops:
            if t.capitalised:
                while (n := word(k + 1)) is not None and n.capitalised:
                    k += 1
                noun = k
                if (g := word(k + 1)) is not None and g.low in _GENITIVE:
                    k += 2
                    continue
                return noun
            k += 1
        return noun
    last = None
    step = 0
    while step < 6 and (t := word(k + step)) is not None:
        if t.low in _CONJUNCTIONS and (n := word(k + step + 1)) is not None and n.capitalised:
            step += 1        # "by Washington and Moscow"
            continue
        if t.low in w.prepositions or t.low in w.phrase_stops:
            break
        last = k + step
        step += 1
    return last


def _drop_last_phrase(items: list[int], toks: list[Token], w: Words, lang: str) -> list[int] | None:
    phrases = _phrases(items, toks, w, lang)
    if not phrases:
        return None
    first, last = phrases[-1]
    shorter = _drop_dangling(items[:first] + items[last + 1:], toks, w)
    return shorter if len(shorter) >= 2 else None


def _length(items: list[int], toks: list[Token]) -> int:
    return sum(len(toks[i].text) + 1 if i >= 0 else 2 for i in items)


def _render(items: list[int], toks: list[Token]) -> str:
    """The items as text, spaced as in the sentence (no space where the sentence has none)."""
    text = ""
    previous = None
    for i in items:
        if i < 0:
            text += ":" if i == -1 else ","
            previous = None
            continue
        t = toks[i]
        glued = previous is not None and i == previous + 1 and toks[previous].end == t.start
        attach = t.text in {",", ".", ";", ":", ")", "%", "?", "!"} and previous is not None
        text += t.text if glued or attach or not text else " " + t.text
        previous = i
    if items and items[-1] == len(toks) - 1 and toks[-1].text[-1] == "." and toks[-1].text[0].isdigit():
        text = text[:-1]   # "in 2027." at the end of the sentence: the full stop, not an ordinal
    text = _balance_quotes(text.strip(" ,;:-–—"))
    if len(text) > LIMIT:
        cut = text.rfind(" ", 0, LIMIT - 1)
        text = text[: cut if cut > 0 else LIMIT - 1].rstrip(" ,;:") + "…"
    return text[:1].upper() + text[1:]


def _balance_quotes(text: str) -> str:
    if sum(text.count(q) for q in _QUOTES) % 2:
        for q in _QUOTES:
            text = text.replace(q, "")
    return text


def label_facts(facts):
    """``facts`` (FACT_COLUMNS) with ``label`` filled: each fact's headline, every expression of
    its sentence left out. Rows that already have a label keep it."""
    if facts.empty:
        return facts
    spans: dict[tuple[str, int], list[tuple[int, int]]] = {}
    starts = facts["sentence_start"].tolist()
    keys = list(zip(facts["doc_id"].tolist(), starts))
    local = [(int(s) - int(b), int(e) - int(b)) for s, e, b in zip(facts["timex_start"], facts["timex_end"], starts)]
    for key, span in zip(keys, local):
        if span[1] > span[0]:
            spans.setdefault(key, []).append(span)
    labels = []
    for key, span, sentence, lang, old, title, index in zip(keys, local, facts["sentence"], facts["lang"], facts["label"],
                                                           facts["title"], facts["sentence_index"]):
        if old:
            labels.append(old)
            continue
        if index == 0 and sentence and sentence == title and len(sentence) <= LIMIT:
            labels.append(sentence.strip())   # the article's own headline
            continue
        sentence_spans = spans.get(key, [])
        own = sentence_spans.index(span) if span in sentence_spans else 0
        labels.append(headline(sentence or "", sentence_spans if span in sentence_spans else [span, *sentence_spans], lang or "en", own))
    out = facts.copy()
    out["label"] = labels
    return out
