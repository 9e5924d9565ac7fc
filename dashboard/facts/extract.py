"""One document in, its fact rows out: the pipeline from tagged text to the FACT_COLUMNS table.

A fact is a DATE or TIME expression with its sentence, its interval on the time axis, the actors
the sentence names and whether it is past, ongoing or future (``dating="expression"``). Durations
and sets ("seit vier Jahren", "jährlich") are no points on the axis and ride along on the rows of
their sentence. A sentence that names an actor but holds no such expression is a fact too: it
takes the time of the dated sentence it continues (``continued``: "Landau wird stattdessen
teilnehmen" after "Rubio wird am Mittwoch nicht teilnehmen"; see :mod:`dashboard.facts.dating`)
or else stands on its article's publication day (``report``).
Pure: the same document and gazetteer always give the same rows (fact IDs included).
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from datetime import datetime
from functools import lru_cache

import pandas as pd

from dashboard.actors import Actor, Gazetteer, Mention, Place, recognize, resolve_anaphora
from dashboard.actors.anaphora import RECENT, opens_with_pronoun, plural_references
from dashboard.actors.ner import model_sentences, parse
from dashboard.facts.dating import continues, report_interval
from dashboard.facts.documents import Document
from dashboard.facts.schema import FACT_TYPES, facts_frame
from dashboard.paths import DATA_DIR
from dashboard.facts.sentences import Sentence, engine, sentence_at, split_sentences
from dashboard.facts.sentences import _bounded as bounded_spans
from dashboard.facts.status import fact_status
from dashboard.temporal import Interval, Timex, tag
from dashboard.temporal.events import link_event


def fact_id(doc_id: str, start: int, end: int, dating: str = "expression") -> str:
    """Stable across runs and machines: the same span of the same document, the same ID.
    A sentence without an expression is keyed by its own span and its dating, so its ID never
    equals an expression's."""
    key = f"{doc_id}\0{start}\0{end}" if dating == "expression" else f"{doc_id}\0{dating}\0{start}\0{end}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


class _ActorsBySentence:
    """The actors of each sentence, asked for in document order, each with the words that first
    name it there ("" for an actor a pronoun refers to): what the Actors page shows as the forms
    an actor was found under. Linear in the mentions: those inside a sentence by binary search,
    and for anaphora ("sagte er", "die Regierung") the latest earlier mention of each kind,
    carried along instead of every earlier mention (the latest one of the kind asked for is the
    one ``resolve_anaphora`` takes)."""

    def __init__(self, mentions: Sequence[Mention], lang: str, text: str):
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self.starts = [m.start for m in self.mentions]
        self.lang, self.text = lang, text
        self.latest: dict[str, Mention] = {}
        self.recent: dict[str, list[Actor]] = {}  # the last distinct actors of each kind, for "the two countries"
        self.groups: dict[tuple[str, int], list[Actor]] = {}
        self.seen = 0
        self.subject: Mention | None = None  # the person opening the sentence before, if one did

    def __call__(self, sentence: Sentence) -> dict[Actor, str]:
        first = bisect_left(self.starts, sentence.start)
        for mention in self.mentions[self.seen : first]:
            self.latest[mention.actor.kind] = mention
            recent = self.recent.setdefault(mention.actor.kind, [])
            if mention.actor in recent:
                recent.remove(mention.actor)
            recent.append(mention.actor)
            del recent[:-RECENT]
        self.seen = max(self.seen, first)
        inside = self.mentions[first : bisect_left(self.starts, sentence.end)]
        subject, self.subject = self.subject, _opening_person(self.text, sentence, inside)
        latest = self.latest if subject is None else {**self.latest, "person": subject}  # "Kopp ... shot Dr. Slepian. He also is wanted": Kopp
        earlier = sorted(latest.values(), key=lambda m: m.start)
        plural = dict.fromkeys(plural_references(sentence.text, self.lang, self.recent, self.groups), "")
        if not inside:
            return {**dict.fromkeys(resolve_anaphora(sentence.text, self.lang, earlier), ""), **plural}
        forms: dict[Actor, str] = {}
        for mention in inside:
            forms.setdefault(mention.actor, self.text[mention.start : mention.end])
        if not any(actor.kind == "person" for actor in forms):  # "Er forderte die EU auf ...": he, and the EU
            forms.update(dict.fromkeys(resolve_anaphora(sentence.text, self.lang, earlier, only="person"), ""))
        elif opens_with_pronoun(sentence.text, self.lang):  # "..., so Durnwalder. Er habe Cox gefragt": Durnwalder
            person = latest.get("person")
            if person is not None:
                forms.setdefault(person.actor, "")
        for actor, form in plural.items():
            forms.setdefault(actor, form)
        return forms


_LOWER_WORD_OR_QUOTE = re.compile(r"(?<![\w-])[a-zäöüß]|[\"„“”«»`']")


def _opening_person(text: str, sentence: Sentence, inside: Sequence[Mention]) -> Mention | None:
    """The person a sentence opens with, before any lower-case word and outside a quote ("Kopp, who
    is from Vermont, was indicted in the death of Dr. Barnet Slepian"; not Cox in "„Cox ist
    kompetent“, so Durnwalder"): the subject a pronoun opening the next sentence refers to more
    likely than the person named last."""
    person = next((m for m in inside if m.actor.kind == "person"), None)
    if person is None or _LOWER_WORD_OR_QUOTE.search(text, sentence.start, person.start):
        return None
    return person


def _sentence_places(sentence: Sentence, places: Sequence[Place]) -> list[str]:
    return list(dict.fromkeys(p.name for p in places if sentence.start <= p.start < sentence.end))


def _role(actor: Actor) -> str:
    return ", ".join(part for part in (actor.role, actor.country) if part) if actor.kind == "person" else ""


def _event_and_interval(timex: Timex, sentence: Sentence, lang: str) -> tuple[str, Interval | None]:
    """The named event a date belongs to ("für 2024" of the Washington summit sentence) narrows
    its interval to the event's real days."""
    event = link_event(sentence.text, timex, lang)
    if event is None:
        return "", timex.interval()
    return event.name, event.interval()


def _base_row(doc: Document, dct: datetime | None, sentence: Sentence, actors: dict[Actor, str], places: list[str]) -> dict:
    return {
        "doc_id": doc.doc_id,
        "title": doc.title,
        "source": doc.source,
        "dct": dct,
        "dct_inferred": doc.dct_inferred,
        "lang": doc.lang,
        "sentence_index": sentence.index,
        "sentence_start": sentence.start,
        "sentence_end": sentence.end,
        "sentence": sentence.text,
        "actors": [a.name for a in actors],
        "actor_ids": [a.wikidata for a in actors],
        "actor_kinds": [a.kind for a in actors],
        "actor_roles": [_role(a) for a in actors],
        "actor_forms": list(actors.values()),
        "places": places,
    }


def _undated_row(doc: Document, base: dict, sentence: Sentence, source: dict | None, durations: list[str]) -> dict:
    """A sentence without its own expression: the time of the row it continues, or its article's day."""
    dating = "continued" if source is not None else "report"
    row = {**base, "fact_id": fact_id(doc.doc_id, sentence.start, sentence.end, dating),
           "timex_text": "", "timex_start": sentence.start, "timex_end": sentence.start, "durations": durations,
           "dating": dating}
    if source is not None:
        interval = Interval(source["start"], source["end"], source["granularity"]) if source["start"] is not None else None
        row.update({key: source[key] for key in ("type", "value", "mod", "start", "end", "granularity", "event")})
    else:
        interval = report_interval(doc.dct)
        row.update({"type": "DATE", "value": doc.dct.isoformat() if doc.dct else "", "mod": None, "event": None,
                    "start": interval.start if interval else None, "end": interval.end if interval else None,
                    "granularity": interval.granularity if interval else None})
    row["status"] = fact_status(interval, row["value"], doc.dct, sentence.text, 0, 0, doc.lang)
    return row


def extract_facts(doc: Document, gazetteer: Gazetteer | None = None, timexes: Iterable[Timex] | None = None) -> pd.DataFrame:
    """The fact rows of one document (FACT_COLUMNS): one row per DATE/TIME expression, and one
    per sentence without one that names an actor (``dating`` continued or report).

    ``timexes`` defaults to tagging the document; pass them when they are already at hand.
    """
    timexes = list(tag(doc.text, doc.dct, doc.lang) if timexes is None else timexes)
    # The rule splitter, where a language has one, agrees with SoMaJo better than the model's
    # sentence recogniser and costs next to nothing; the model splits only the other languages.
    one_pass = engine(doc.lang) != "rules" and model_sentences(doc.lang)
    parsed = parse(doc.text, doc.lang, sentences=one_pass)
    if parsed.sentences is not None:  # the splitter's guarantee holds here too: no sentence over its bound
        spans = [piece for span in parsed.sentences for piece in bounded_spans(doc.text, *span)]
        sentences = [Sentence(i, start, end, doc.text[start:end]) for i, (start, end) in enumerate(spans)]
    else:
        sentences = split_sentences(doc.text, doc.lang)
    recognition = recognize(doc.text, doc.lang, gazetteer, entities=parsed.entities)
    sentence_actors = _ActorsBySentence(recognition.mentions, doc.lang, doc.text)
    by_sentence: dict[int, list[Timex]] = {}
    for timex in timexes:
        if (sentence := sentence_at(sentences, timex.start)) is not None:
            by_sentence.setdefault(sentence.index, []).append(timex)
    dct = datetime.combine(doc.dct, datetime.min.time()) if doc.dct else None
    rows = []
    dated: dict[int, tuple[str, str]] = {}  # sentence index -> (subject, text) of sentences with a time
    first_row: dict[int, dict] = {}
    for sentence in sentences:
        found = by_sentence.get(sentence.index, [])
        actors = sentence_actors(sentence)
        base = _base_row(doc, dct, sentence, actors, _sentence_places(sentence, recognition.places))
        # A duration that implies a date ("vor zwei Jahren" = 2023) is a dated statement too.
        durations = [f"{t.text}={t.value}" for t in found if not t.dated]
        subject = next(iter(actors)).name if actors else ""
        expressions = [t for t in found if t.dated]
        if not expressions:
            if not actors:
                continue
            source = continues(sentence.index, sentence.text, subject, doc.lang, dated)
            row = _undated_row(doc, base, sentence, first_row.get(source) if source is not None else None, durations)
            rows.append(row)
            if row["dating"] == "continued":
                dated[sentence.index] = (subject, sentence.text)
                first_row[sentence.index] = row
            continue
        dated[sentence.index] = (subject, sentence.text)
        for timex in expressions:
            event, interval = _event_and_interval(timex, sentence, doc.lang)
            local_start, local_end = timex.start - sentence.start, timex.end - sentence.start
            rows.append({
                **base,
                "fact_id": fact_id(doc.doc_id, timex.start, timex.end),
                "timex_text": timex.text,
                "timex_start": timex.start,
                "timex_end": timex.end,
                "type": timex.type if timex.type in FACT_TYPES else "DATE",
                "value": timex.value if timex.type in FACT_TYPES else timex.implied,
                "mod": timex.mod,
                "start": interval.start if interval else None,
                "end": interval.end if interval else None,
                "granularity": interval.granularity if interval else None,
                "status": fact_status(interval, timex.value, doc.dct, sentence.text, local_start, local_end, doc.lang),
                "event": event or None,
                "durations": durations,
                "dating": "expression",
            })
            first_row.setdefault(sentence.index, rows[-1])
    rows.sort(key=lambda row: (row["timex_start"], row["dating"] != "expression"))
    return facts_frame(_one_per_interval(rows, doc.text, doc.lang))


_APPOSITION_GAP = 6  # "Thanksgiving on Thursday", "Mittwoch, 3. Dezember": one date said twice
_APPOSITION_WORDS = ("", "on", "am", "at", "den", "the", "this")


@lru_cache(maxsize=None)
def _weekdays(lang: str) -> dict[str, int]:
    """Weekday name (lower case) -> ISO weekday, from the tagger's word groups of ``lang``."""
    path = DATA_DIR / "temporal" / lang / "groups.toml"
    if not path.exists():
        return {}
    group = tomllib.loads(path.read_text(encoding="utf-8")).get("weekday", {})
    return {name.lower(): int(day) for names, day in group.items() if not names.startswith("_")
            for name in names.split("|")}


def _same_day_said_twice(first: dict, row: dict, lang: str) -> bool:
    """A weekday in apposition to a date of that weekday ("Thanksgiving on Thursday")."""
    for date_row, day_row in ((first, row), (row, first)):
        weekday = _weekdays(lang).get(day_row["timex_text"].lower())
        start = date_row["start"]
        if weekday and date_row["granularity"] == "day" and start is not None and start.isoweekday() == weekday:
            return True
    return False


def _one_per_interval(rows: list[dict], text: str, lang: str) -> list[dict]:
    """One fact per sentence and interval: "until Thanksgiving on Thursday" names one day twice,
    and two rows with the same sentence and the same interval would be the same fact. When the
    two expressions stand side by side, the fact's expression covers both."""
    kept: list[dict] = []
    seen: dict[tuple, dict] = {}
    for row in rows:
        previous = kept[-1] if kept else None
        if (previous is not None and previous["sentence_index"] == row["sentence_index"]
                and row["timex_start"] - previous["timex_end"] <= _APPOSITION_GAP
                and text[previous["timex_end"]:row["timex_start"]].strip(" ,").lower() in _APPOSITION_WORDS
                and (_interval(previous) == _interval(row) or _same_day_said_twice(previous, row, lang))):
            if _weekdays(lang).get(previous["timex_text"].lower()):  # the date, not the weekday, dates it
                for name in ("value", "start", "end", "granularity", "status", "event", "mod", "type"):
                    previous[name] = row[name]
            previous["timex_end"] = row["timex_end"]
            previous["timex_text"] = text[previous["timex_start"]:previous["timex_end"]]
            previous["fact_id"] = fact_id(previous["doc_id"], previous["timex_start"], previous["timex_end"])
            continue
        key = (row["sentence_index"], *_interval(row))
        if row["start"] is not None and key in seen:
            continue   # the same sentence dates the same interval again: no second fact
        seen[key] = row
        kept.append(row)
    return kept


def _interval(row: dict) -> tuple:
    return row["start"], row["end"], row["granularity"], row["value"]


def extract_many(docs: Iterable[Document], gazetteer: Gazetteer | None = None) -> pd.DataFrame:
    """The fact rows of several documents in one table."""
    frames = [extract_facts(doc, gazetteer) for doc in docs]
    frames = [f for f in frames if len(f)]
    return pd.concat(frames, ignore_index=True) if frames else facts_frame()
