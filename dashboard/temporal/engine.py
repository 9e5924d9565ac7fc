"""The language-free tagging engine: find candidate spans fast, pick the best, normalise them.

Speed comes from not running every rule everywhere. One trie-shaped scanner finds the words
that can start a temporal expression (month names, units, digits ...); only the short windows
around them are searched, and only by the rules that use a group found in the window. Every
regex is linear in its input (no nested quantifiers over the same characters), so tagging time
grows linearly with the text.

Overlapping candidates are settled longest first, ties by rule order; negative rules ("5 %",
"28-Punkte-Plan") win spans so that no date rule can claim them, and then emit nothing.
"""

from __future__ import annotations

import bisect
import itertools
import re
from datetime import date, datetime
from functools import lru_cache

from dashboard.temporal import calendar
from dashboard.temporal.events import find_event
from dashboard.temporal.normalize import Context, fill, resolve_date, template_value
from dashboard.temporal.resources import DIGITS, SMALL_DIGITS, YEAR_DIGITS, Language, Rule, load_language
from dashboard.temporal.tense import TenseReader, sentence_bounds
from dashboard.temporal.timex import Timex

# Characters searched before the first and after the last trigger word of a window: rules reach
# further left of their trigger ("in den vergangenen zwei Jahren") than right of it.
_LEFT = 28
_RIGHT = 10
_NON_WORD = re.compile(r"\W")
_LEADING_DIGITS = re.compile(r"\d+")


def parse_dct(dct: str | date | datetime | None) -> date | None:
    """The document creation time as a date, from a date, a datetime or an ISO string
    (``2025-12-02``, ``2025-12-02T09:30:00+01:00``); ``ValueError`` naming the bad value."""
    if dct is None or dct == "":
        return None
    if isinstance(dct, datetime):
        return dct.date()
    if isinstance(dct, date):
        return dct
    text = str(dct).strip()
    try:
        if len(text) == 10:
            return date.fromisoformat(text)
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        raise ValueError(f"invalid date {text!r} (expected YYYY-MM-DD)") from None


_ANY_NUMBER = frozenset({DIGITS})
_YEAR_NUMBER = frozenset({DIGITS, YEAR_DIGITS})
_SMALL_NUMBER = frozenset({DIGITS, SMALL_DIGITS})


def _digit_kind(digits: str) -> frozenset[str]:
    """Which kinds of number a run of digits is: any, a possible year, a day or hour."""
    if len(digits) <= 2:
        return _SMALL_NUMBER
    if len(digits) == 4 and (digits[0] == "1" or digits[:2] == "20"):
        return _YEAR_NUMBER
    return _ANY_NUMBER


def triggers(text: str, language: Language) -> list[tuple[int, int, frozenset[str]]]:
    """Every trigger word, number and infix of a text with the groups it announces, in order."""
    index = language.trigger_index
    found = []
    for m in language.trigger_regex.finditer(text):
        kind = m.lastgroup
        if kind == "d":
            hit = _digit_kind(m.group())
        elif kind[0] == "x":  # a trigger pattern: the key names its groups
            hit = index[kind]
            if (digits := _LEADING_DIGITS.match(text, m.start())) is not None:
                hit = hit | _digit_kind(digits.group())  # "1994-95" is also the number 1994
        elif (hit := index.get(m.group(kind).lower())) is None:
            continue
        found.append((m.start(), m.end(), hit))
    if language.infixes:
        lower = text.lower()
        if len(lower) == len(text):
            for stem, hit in language.infixes:
                at = lower.find(stem)
                while at >= 0:
                    found.append((at, at + len(stem), hit))
                    at = lower.find(stem, at + 1)
        else:  # a letter whose lower case is longer ("İ") would shift the offsets: search the text
            for stem, hit in language.infixes:
                found += [(m.start(), m.end(), hit) for m in re.finditer(re.escape(stem), text, re.IGNORECASE)]
        found.sort(key=lambda t: t[0])
    return found


def windows(text: str, language: Language) -> list[tuple[int, int, frozenset[str]]]:
    """Stretches of text around trigger words, merged where they touch, with the groups found."""
    found: list[tuple[int, int, frozenset[str]]] = []
    start = end = -1
    groups: set[str] = set()
    size = len(text)
    for s, e, hit in triggers(text, language):
        if start >= 0 and s - _LEFT <= end:
            end = max(end, e + _RIGHT)
            groups |= hit
            continue
        if start >= 0:
            found.append((start, end, frozenset(groups)))
        start, end, groups = max(0, s - _LEFT), e + _RIGHT, set(hit)
    if start >= 0:
        found.append((start, end, frozenset(groups)))
    # A window must not end inside a word: the rules' final word boundary would see a false end.
    fixed = []
    for s, e, g in found:
        if e < size:
            m = _NON_WORD.search(text, e)
            e = m.start() if m else size
        fixed.append((s, min(e, size), g))
    return fixed


@lru_cache(maxsize=4096)
def _rules_for(language: Language, groups: frozenset[str]) -> tuple[tuple[Rule, ...], tuple[Rule, ...]]:
    """The (positive, negative) rules that need one of the trigger groups seen in a window."""
    ids: set[int] = set()
    for group in groups:
        ids.update(language.rules_by_group.get(group, ()))
    rules = [language.rules[i] for i in sorted(ids)]
    return tuple(r for r in rules if not r.negative), tuple(r for r in rules if r.negative)


def candidates(text: str, language: Language) -> list[tuple[int, int, Rule, re.Match[str]]]:
    """Every match of every rule that could apply, window by window. Negative rules only run
    where a positive rule found something: they exist to veto, and most windows need none."""
    found = []
    for start, end, groups in windows(text, language):
        positive, negative = _rules_for(language, groups)
        before = len(found)
        for rules in (positive, negative):
            for rule in rules:
                for m in rule.regex.finditer(text, start, end):
                    if m.end() > m.start():
                        s, e = m.span(rule.span) if rule.span else m.span()
                        if rule.sentence is None or _sentence_holds(text, s, e, rule.sentence, language):
                            found.append((s, e, rule, m))
            if len(found) == before:
                break
    return found


def _sentence_holds(text: str, start: int, end: int, condition: str, language: Language) -> bool:
    """Whether the sentence around ``[start, end)`` has the rule's cue ("!cue": has it not)."""
    left, right = sentence_bounds(text, start, end)
    found = language.cues[condition.removeprefix("!")].search(text, left, right) is not None
    return found != condition.startswith("!")


class _Spans:
    """Sorted spans answering "does a longer one contain [start, end)?" in logarithmic time."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self.reach = list(itertools.accumulate((e for _, e in self.spans), max))  # furthest end so far

    def contain(self, start: int, end: int) -> bool:
        before = bisect.bisect_left(self.spans, (start, -1))  # spans starting before ``start``
        if before and self.reach[before - 1] >= end:
            return True
        at = bisect.bisect_right(self.spans, (start, float("inf")))  # and those starting at it
        return at > before and self.spans[at - 1][1] > end


def select(found: list[tuple[int, int, Rule, re.Match[str]]]):
    """Non-overlapping candidates: longest first (of the whole match), then rule order, each as
    ``(start, end, rule, match, fallbacks)``: the other rules that matched exactly that span,
    in rank order, which the normaliser tries where the first cannot resolve its expression.

    Negative rules veto the candidates that lie inside their span and are shorter ("2000" in
    "2000 Soldaten"); a candidate reaching beyond a negative span ("Juni 1941" before
    "1941 Trotz ...") is not vetoed.
    """
    negatives = [(c[0], c[1]) for c in found if c[2].negative and not c[2].span]
    exact = [(c[0], c[1]) for c in found if c[2].negative and c[2].span]
    if exact:
        # A negative rule with a span vetoes exactly that part ("2024" in "stieg auf 2024"),
        # equal spans included, and leaves its context ("im Oktober") alone.
        found = [c for c in found if not any(s <= c[0] and c[1] <= e for s, e in exact)]
    if negatives:
        vetoes = _Spans(negatives)
        # A candidate is judged by all it matched, context included: "Seit 2014" is not inside
        # the count "2014 Präsident" though its expression "2014" is.
        found = [c for c in found if not c[2].negative and not vetoes.contain(c[3].start(), c[3].end())]
    ranked = sorted(found, key=_rank)
    chosen = []
    fallbacks: dict[tuple[int, int], list] = {}
    if len(ranked) > _FEW:
        take = _Taken(sorted({c[0] for c in ranked})).take
        for s, e, rule, m in ranked:
            if (same := fallbacks.get((s, e))) is not None:
                same.append((rule, m))  # a fallback for the same span, in rank order
            elif e > s and take(s, e):
                fallbacks[s, e] = same = []
                chosen.append((s, e, rule, m, same))
        chosen.sort(key=_start)
        return chosen
    starts: list[int] = []  # few candidates: two sorted lists, inserted into
    ends: list[int] = []
    for s, e, rule, m in ranked:
        if (same := fallbacks.get((s, e))) is not None:
            same.append((rule, m))
            continue
        i = bisect.bisect_right(starts, s)
        if e <= s or (i and ends[i - 1] > s) or (i < len(starts) and starts[i] < e):
            continue
        starts.insert(i, s)
        ends.insert(i, e)
        fallbacks[s, e] = same = []
        chosen.append((s, e, rule, m, same))
    chosen.sort(key=_start)
    return chosen


def _rank(c) -> tuple:
    m = c[3]
    return (m.start() - m.end(), c[0] - c[1], c[2].priority, c[0])


def _start(c) -> int:
    return c[0]


_FEW = 256  # below this many candidates a sorted list is faster than the tree, and not quadratic yet


class _Taken:
    """Disjoint chosen spans, asked "does [start, end) overlap one?" in logarithmic time.

    Chosen spans never overlap, so only the one starting last before ``end`` can reach into
    ``[start, end)``. A Fenwick tree over the possible start positions keeps, for every prefix
    of them, the latest one taken: a query and an insertion cost O(log n) each, where inserting
    into a sorted list would move O(n) entries (quadratic on a megabyte of month names).
    """

    def __init__(self, starts: list[int]) -> None:
        self.starts = starts
        self.tree = [-1] * len(starts)  # prefix maxima of taken start indices
        self.end_at: dict[int, int] = {}  # taken start -> its end

    def take(self, start: int, end: int) -> bool:
        """Take ``[start, end)`` unless it overlaps a span taken before; whether it was taken."""
        tree = self.tree
        i = bisect.bisect_left(self.starts, end) - 1  # the last start position before ``end``
        latest = -1
        while i >= 0:
            if tree[i] > latest:
                latest = tree[i]
            i = (i & (i + 1)) - 1
        if latest >= 0 and self.end_at[self.starts[latest]] > start:
            return False
        index = bisect.bisect_left(self.starts, start)
        self.end_at[start] = end
        i = index
        while i < len(tree):
            if tree[i] < index:
                tree[i] = index
            i |= i + 1
        return True


def _values(rule: Rule, m: re.Match[str], language: Language, pivot: int) -> dict[str, str]:
    values = {}
    for alias, group_name in rule.groups.items():
        matched = m.group(alias)
        if matched is not None:
            values[alias] = language.groups[group_name].normalise(matched, pivot)
    return values


def normalise(text: str, chosen, language: Language, ctx: Context) -> list[Timex]:
    """The TIMEX3 value of each chosen span: its rule's, else the first fallback rule's that
    resolves (a rule may decline: "Abends" is a time of the day just named only where one was)."""
    out = []
    tense = TenseReader(text, language.tense)
    quotes = _Quotes(text)
    for s, e, rule, m, fallbacks in chosen:
        ctx.here = s
        for rule, m in ((rule, m), *fallbacks):
            if (timex := _normalise_one(text, s, e, rule, m, language, ctx, tense, quotes)) is not None:
                out.append(timex)
                break
    return out


# Quotations: “…”, „…“, "…", «…», »…« (one paragraph at most)
_QUOTE = re.compile(r'"[^"\n]{1,400}"|\u201c[^\u201c\u201d\n]{1,400}\u201d|\u201e[^\u201c\u201e\n]{1,400}\u201c'
                    r'|\u00ab[^\u00ab\u00bb\n]{1,400}\u00bb|\u00bb[^\u00ab\u00bb\n]{1,400}\u00ab')
_TOLD_AGO = 7  # days: a quote told of a date further back than this speaks from that date
_DATED_FIELDS = ("year", "month", "day", "shift", "feast", "season", "quarter", "half", "week", "weekend", "event",
                 "decade", "century", "dir")


class _Quotes:
    """The quotations of a text, found once and only when an expression asks."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.spans: list[tuple[int, int]] | None = None

    def inside(self, start: int, end: int) -> bool:
        if self.spans is None:
            self.spans = [m.span() for m in _QUOTE.finditer(self.text)]
        i = bisect.bisect_right(self.spans, (start, float("inf"))) - 1
        return i >= 0 and self.spans[i][0] < start and end < self.spans[i][1]


def _told(fields: dict[str, str | None], ctx: Context, s: int, e: int, quotes: _Quotes) -> str | None:
    """A weekday or clock time inside a quotation the text places well before its publication
    ('He vanished last summer. "Meet me Friday at 6 PM," his note said.') speaks from the narrated
    moment: the day told of where one was named, else a weekday of an unknown week (XXXX-WXX-5)."""
    weekday = fields.get("weekday")
    if not (weekday or fields.get("hour") or fields.get("pod")):
        return None
    if ctx.dct is None or ctx.last is None or ctx.narrative or (ctx.dct - ctx.last).days <= _TOLD_AGO:
        return None
    if any(fields.get(k) for k in _DATED_FIELDS) or not quotes.inside(s, e):
        return None
    suffix = ""
    if fields.get("hour") or fields.get("pod"):
        suffix = resolve_date({k: v for k, v in fields.items() if k in ("hour", "minute", "second", "pod", "ampm")},
                              Context(dct=ctx.last), None)[0][10:]
    if ctx.last_gran == "day":
        day = calendar.weekday_near(ctx.last, int(weekday), 1) if weekday else ctx.last
        if weekday:
            ctx.remember(day, "day", e)  # "am Freitag um 18 Uhr": the clock time is that Friday's
        return day.isoformat() + suffix
    return (f"XXXX-WXX-{weekday}" if weekday else "XXXX-XX-XX") + suffix


def _normalise_one(text: str, s: int, e: int, rule: Rule, m: re.Match[str], language: Language, ctx: Context,
                   tense: TenseReader, quotes: _Quotes) -> Timex | None:
    values = _values(rule, m, language, ctx.year2_pivot)
    mod = fill(rule.mod, values) if rule.mod else None
    event = implied = ""
    try:
        if rule.value is not None:
            value = template_value(rule.value, values)
            if rule.date is not None:  # a duration that also implies a date ("vor zwei Jahren")
                try:
                    implied = resolve_date({k: fill(v, values) for k, v in rule.date.items()}, ctx, None)[0]
                except ValueError:
                    implied = ""
        else:
            fields = {k: fill(v, values) for k, v in rule.date.items()}
            if fields.get("event"):
                found = find_event(fields["event"], fields.get("year"), ctx.dct)
                if found is not None:
                    event, value = found.id, found.value
                elif fields.get("year"):  # "the 2024 summit" the knowledge base cannot tell
                    value = fields["year"]
                else:
                    return None
            elif (told := _told(fields, ctx, s, e, quotes)) is not None:
                value = told
            else:
                needs_direction = fields.get("dir") is None and not fields.get("year") and (
                    not fields.get("shift") or fields.get("anchor") == "recent")
                direction, strong = None, False
                # A history text is told in the past tense throughout: there the tense says
                # nothing, and open dates go to the nearest occurrence around the last date.
                ctx.same_weekday_back = False
                if needs_direction and ctx.dct is not None and not ctx.narrative:
                    found = tense.explain(s, e)
                    if found is not None and (found[1] is not None or fields.get("weekday")):
                        direction, strong, cue = found
                        strong = bool(strong)
                        ctx.same_weekday_back = cue.lower() in language.week_back_cues
                    else:
                        default = language.undirected_weekday if fields.get("weekday") else language.undirected
                        direction = {"past": -1, "future": 1}.get(default)
                value, remembered, gran = resolve_date(fields, ctx, direction, strong)
                if remembered is not None and not fields.get("anchor") and not rule.value:
                    ctx.remember(remembered, gran, e, named=bool(fields.get("year")))
    except (ValueError, OverflowError):
        return None
    if not value:
        return None
    return Timex(s, e, text[s:e], rule.type, value, mod or None, rule.name, ctx.dct, event, implied)


def tag(text: str, dct: str | date | datetime | None = None, lang: str = "de", *, narrative: bool = False) -> list[Timex]:
    """Find and normalise every temporal expression of ``text``.

    ``dct`` anchors relative expressions (an ISO date string, date or datetime); without one,
    expressions that need an anchor are resolved against the last date the text mentions, or
    keep ``X`` placeholders (``XXXX-10``). ``narrative`` anchors on the last date mentioned
    even where a DCT is known (history texts). Raises ``ValueError`` for an invalid DCT or an
    unknown language; any text, including empty and binary-looking text, is accepted.
    """
    anchor = parse_dct(dct)
    language = load_language(lang)
    if not text:
        return []
    pivot = (anchor.year if anchor else datetime.now().year) + 10
    ctx = Context(dct=anchor, narrative=narrative or anchor is None, year2_pivot=pivot)
    return normalise(text, select(candidates(text, language)), language, ctx)
