"""Named events (summits, elections) and their real dates, from ``data/temporal/events.toml``.

Two ways in: the tagger resolves expressions that name an event ("the Washington 2024
summit", "beim letzten NATO-Gipfel in Den Haag") with :func:`find_event`; the facts stage links
a plain date to the event its sentence speaks of ("die NATO in Washington für 2024 zugesagt")
with :func:`link_event`.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

from dashboard.paths import DATA_DIR
from dashboard.temporal.interval import Interval

EVENTS_FILE = DATA_DIR / "temporal" / "events.toml"
PLANNED_AHEAD = timedelta(days=2 * 365)  # how far ahead an event is known by its place alone


@dataclass(frozen=True)
class Event:
    id: str
    name: str
    kinds: tuple[str, ...]
    start: date
    end: date  # inclusive last day
    places: tuple[str, ...] = ()
    planned: bool = False

    @property
    def value(self) -> str:
        """The TIMEX3 value: the first day (TIMEX3 has no ranges; the interval keeps all days)."""
        return self.start.isoformat()

    def interval(self) -> Interval:
        start = datetime.combine(self.start, datetime.min.time())
        return Interval(start, datetime.combine(self.end, datetime.min.time()) + timedelta(days=1), "day")


@dataclass(frozen=True)
class KnowledgeBase:
    events: tuple[Event, ...]
    kind_words: dict[str, dict[str, tuple[str, ...]]]  # kind -> lang -> words
    kind_names: dict[str, str]
    generic: frozenset[str] = frozenset()  # kinds that need a place or a year ("summit")

    def by_id(self, event_id: str) -> Event | None:
        return next((e for e in self.events if e.id == event_id), None)


def _key(text: str) -> str:
    return " ".join(text.lower().replace("-", " ").split())


@lru_cache(maxsize=1)
def knowledge_base() -> KnowledgeBase:
    with EVENTS_FILE.open("rb") as handle:
        raw = tomllib.load(handle)
    kinds = raw.get("kind", {})
    events = tuple(
        Event(
            id=e["id"], name=e["name"], kinds=tuple(e["kind"]), start=e["start"], end=e["end"],
            places=tuple(e.get("places", ())), planned=bool(e.get("planned", False)),
        )
        for e in raw.get("event", [])
    )
    words = {kind: {lang: tuple(v) for lang, v in spec.items() if isinstance(v, list)} for kind, spec in kinds.items()}
    return KnowledgeBase(events, words, {k: spec.get("name", k) for k, spec in kinds.items()},
                         frozenset(k for k, spec in kinds.items() if spec.get("generic")))


def event_words(lang: str, what: str) -> dict[str, str]:
    """Word table for a language resource group: kind words -> kind id, or place names -> place key."""
    kb = knowledge_base()
    if what == "kinds":
        return {word: kind for kind, langs in kb.kind_words.items() for word in langs.get(lang, ())}
    if what == "places":
        return {place: _key(place) for event in kb.events for place in event.places}
    raise ValueError(f"unknown event word table {what!r}")


def find_event(spec: str, year: str | None = None, dct: date | None = None) -> Event | None:
    """The event an expression names. ``spec`` is ``kind[:place][:direction]``.

    With a year, the event of that year; without, the one nearest the DCT in the direction
    given (-1 the last before it, +1 the next after it), else the latest one before the DCT
    (with a place and none before it, the first after it).
    """
    kind, _, rest = spec.partition(":")
    place, _, direction_text = rest.partition(":")
    kb = knowledge_base()
    if kind in kb.generic and not place and not (year and year.isdigit()):
        return None
    matches = [e for e in kb.events if kind in e.kinds and (not place or place in map(_key, e.places))]
    if year and year.isdigit():
        matches = [e for e in matches if e.start.year == int(year)]
        return matches[0] if len(matches) == 1 else None
    if not matches or dct is None:
        return matches[0] if len(matches) == 1 else None
    direction = int(direction_text) if re.fullmatch(r"[+-]?\d", direction_text or "") else -1
    if direction > 0:
        later = [e for e in matches if e.start > dct]
        return min(later, key=lambda e: e.start) if later else None
    earlier = [e for e in matches if e.start <= dct]
    if earlier:
        return max(earlier, key=lambda e: e.start)
    # A place pins the event down: "the summit in The Hague", said before it, is the coming one,
    # if it is near enough to be planned already (a 1998 "Madrid summit" is not the one of 2022).
    coming = min(matches, key=lambda e: e.start)
    return coming if place and coming.start - dct <= PLANNED_AHEAD else None


def event_interval(event_id: str) -> Interval | None:
    event = knowledge_base().by_id(event_id)
    return event.interval() if event else None


def link_event(sentence: str, timex, lang: str = "de") -> Event | None:
    """The event a sentence speaks of when it dates it by a plain year or month.

    A fact like "wie es die NATO in Washington für 2024 zugesagt hat" names no summit, but the
    organisation, the place and the year together pick out one. An event is linked where its
    place is in the sentence, its organisation or kind is too, and the expression's interval
    contains the event's first day.
    """
    if getattr(timex, "event", ""):
        return knowledge_base().by_id(timex.event)
    interval = timex.interval() if hasattr(timex, "interval") else None
    if interval is None:
        return None
    text = _key(sentence)
    kb = knowledge_base()
    found = []
    for event in kb.events:
        start = datetime.combine(event.start, datetime.min.time())
        if not interval.start <= start < interval.end:
            continue
        if not any(re.search(rf"\b{re.escape(_key(p))}\b", text) for p in event.places):
            continue
        organisation = event.kinds[0].split("-")[0]  # nato, g7, g20 ...
        words = [w for k in event.kinds for w in kb.kind_words.get(k, {}).get(lang, ())]
        if re.search(rf"\b{re.escape(organisation)}\b", text) or any(_key(w) in text for w in words):
            found.append(event)
    return found[0] if len(found) == 1 else None
