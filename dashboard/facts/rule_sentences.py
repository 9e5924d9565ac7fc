"""A fast rule splitter for German news: where SoMaJo would end a sentence, found by rules alone.

SoMaJo tokenises every character of a text to find sentence ends, which was most of German
ingest time. News sentences end at ``.``, ``!``, ``?`` or ``…`` (maybe with a closing quote or
bracket) before a capital or an opening quote; the rules here say where such a mark ends no
sentence, as SoMaJo decides it:

- after an abbreviation (``z. B.``, ``Nr.``, ``Dr.``, ``Univ.-Prof.``, ``Horazstr.``:
  ``data/sentences/abbreviations.csv``), a single letter (an initial: ``Peter M. Huber``) or
  dotted letters (``U.S.``);
- after a number of at most three digits, an ordinal (``am 3. Mai``, ``zum 700. Todestag``; in a
  language with an ``ordinal`` row: German, not English, where ``on Aug. 6. This`` ends one),
  and after any number before a month name or a lower-case word; a year ends one (``2014. Die``);
- before a number but a year (``gezählt. 450.000 Euro``; ``schoss. 2014 führte er`` ends one), a lower-case word, or an author's initials in
  brackets (``Familien. (jo)``).

A mark needs white space after it, except after a lower-case word right before a capital or an
opening quote (``kritisiert.Europäische``, ``trainiert."In``), where the quote begins the next
sentence. Lines are split apart first, as :func:`dashboard.facts.split_sentences` does. Agreement
with SoMaJo on German news and the speed-up are in ``docs/bench/sentences-de.json``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from dashboard.paths import DATA_DIR

ABBREVIATIONS_PATH = DATA_DIR / "sentences" / "abbreviations.csv"

_MARK = re.compile(
    r"(?P<mark>[.!?…]+)(?P<close>(?:[\"“”»«'’)\]](?=[\s\"“”»«'’)\]]|$))*)"
    r"(?P<gap>[\s\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]+|(?<=[a-zäöüß][.!?])(?=[\"“„»]?[A-ZÄÖÜ]))(?=\S)"
)
_LAST_WORD = re.compile(r"(\S+)$")
_FIRST_WORD = re.compile(r"\S+")
_INITIAL = re.compile(r"[A-Za-zÄÖÜäöü]|(?:[A-Za-z]\.)+[A-Za-z]")
_YEAR = re.compile(r"(?:1[89]|20)\d\d(?![\d.,])")
_OPENING = "\"„“»«'‚([-–¿¡"


@lru_cache(maxsize=None)
def _resources(lang: str) -> tuple[frozenset[str], tuple[str, ...], frozenset[str], bool]:
    """(abbreviations, abbreviation endings, month names, whether a short number before a full
    stop may be an ordinal) of ``lang``: German writes ``am 3. Mai``, English ``on May 3``."""
    from dashboard.actors.gazetteer import read_rows, split_aliases

    words: set[str] = set()
    endings: list[str] = []
    months: set[str] = set()
    ordinals: set[str] = set()
    for _, row in read_rows(ABBREVIATIONS_PATH):
        if row["lang"] != lang:
            continue
        target = {"word": words.update, "ending": endings.extend, "month": months.update, "ordinal": ordinals.update}[row["match"]]
        target(split_aliases(row["words"]))
    return frozenset(words), tuple(endings), frozenset(months), bool(ordinals)


def _ends_no_sentence(before: str, after: str, mark: str, closed: bool, lang: str) -> bool:
    abbreviations, endings, months, ordinals = _resources(lang)
    if mark == ".":
        word = _LAST_WORD.search(before)
        core = word.group(1).lstrip("(\"„»“'").split("-")[-1] if word else ""
        if core in abbreviations or core.endswith(endings) or _INITIAL.fullmatch(core):
            return True
        if core.isdigit():
            following = _FIRST_WORD.match(after)
            next_word = following.group().strip("„\"") if following else ""
            if next_word in months or next_word[:1].islower() or (ordinals and len(core) <= 3 and not closed):
                return True
    first = after[:1]
    if first == "(" and after[1:2].islower():
        return True
    if _YEAR.match(after):
        return False  # "schoss. 2014 führte er": a year may open a sentence, an amount does not
    return not (first.isupper() or first in _OPENING)


def rule_spans(text: str, start: int, end: int, lang: str = "de") -> list[tuple[int, int]]:
    """Sentence spans of the line ``text[start:end]`` (no line break inside), without
    surrounding white space. Linear: one pass of one regular expression."""
    spans: list[tuple[int, int]] = []
    begin = start
    for match in _MARK.finditer(text, start, end):
        after = text[match.end():match.end() + 24]
        if _ends_no_sentence(text[max(begin, match.start() - 40):match.start()], after,
                             match["mark"], bool(match["close"]), lang):
            continue
        spans.append((begin, match.end("close")))
        begin = match.end()
    spans.append((begin, end))
    out = []
    for first, last in spans:
        piece = text[first:last]
        stripped = piece.strip()
        if stripped:
            lead = len(piece) - len(piece.lstrip())
            out.append((first + lead, first + lead + len(stripped)))
    return out
