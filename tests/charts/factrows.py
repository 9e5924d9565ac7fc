"""Fact frames for chart and export tests, built the way extraction builds them.

Intervals come from the real ``value_interval`` so a "2024" fact is a year wide here as it is in
the product. ``story_facts()`` is a small realistic story around the NATO foreign ministers'
meeting of December 2025; ``fact_frame(rows)`` fills in every other column of FACT_COLUMNS.
"""

from __future__ import annotations

import hashlib
from datetime import date

import pandas as pd

from dashboard.facts.schema import facts_frame
from dashboard.temporal.interval import value_interval

DCT = date(2025, 12, 2)
NATO_DOC = "nato-foreign-ministers"
STUBB_DOC = "trump-stubb"


def fact_frame(rows: list[dict]) -> pd.DataFrame:
    """A frame with exactly FACT_COLUMNS and their dtypes (through the schema's own ``facts_frame``);
    each row needs at least a ``value``, list columns other than ``actors`` stay aligned and empty."""
    return facts_frame([_fact(row) for row in rows])


def _fact(row: dict) -> dict:
    dct = row.get("dct", DCT)
    interval = value_interval(row["value"], row.get("mod"), dct)
    doc_id = row.get("doc_id", NATO_DOC)
    sentence = row.get("sentence", f"Something happened {row['value']}.")
    timex_text = row.get("timex_text", row["value"])
    timex_start = sentence.find(timex_text) if timex_text in sentence else 0
    fact = {
        "doc_id": doc_id,
        "title": row.get("title", {NATO_DOC: "NATO-Außenminister treffen sich ohne Rubio",
                                   STUBB_DOC: "Trump meets Stubb"}.get(doc_id, doc_id)),
        "source": row.get("source", f"data/samples/{doc_id}.txt"),
        "dct": pd.Timestamp(dct) if dct else pd.NaT,
        "dct_inferred": row.get("dct_inferred", False),
        "lang": row.get("lang", "de"),
        "sentence_index": row.get("sentence_index", 0),
        "sentence_start": 0,
        "sentence_end": len(sentence),
        "sentence": sentence,
        "timex_text": timex_text,
        "timex_start": timex_start,
        "timex_end": timex_start + len(timex_text),
        "type": row.get("type", "DATE"),
        "value": row["value"],
        "mod": row.get("mod"),
        "start": pd.Timestamp(interval.start) if interval else pd.NaT,
        "end": pd.Timestamp(interval.end) if interval else pd.NaT,
        "granularity": interval.granularity if interval else None,
        "actors": list(row.get("actors", [])),
        "actor_ids": ["" for _ in row.get("actors", [])],
        "actor_kinds": ["" for _ in row.get("actors", [])],
        "actor_roles": ["" for _ in row.get("actors", [])],
        "status": row.get("status", "past"),
        "event": row.get("event", ""),
        "durations": [],
    }
    key = f"{doc_id}:{fact['timex_start']}:{sentence}"
    fact["fact_id"] = hashlib.sha1(key.encode()).hexdigest()[:16]
    return fact


STORY = [
    {"value": "2024", "timex_text": "2024", "status": "past", "actors": ["NATO", "Joe Biden"],
     "sentence": "Beim NATO-Gipfel in Washington 2024 sagten die Verbündeten der Ukraine weitere Hilfe zu.",
     "event": "NATO summit 2024 (Washington)", "sentence_index": 14},
    {"value": "2025-10", "timex_text": "October", "status": "past", "lang": "en", "doc_id": STUBB_DOC,
     "dct": date(2025, 10, 21), "actors": ["Donald Trump", "Alexander Stubb"],
     "sentence": "Donald Trump met Finnish President Alexander Stubb at the White House in October."},
    {"value": "2026", "mod": "START", "timex_text": "Anfang 2026", "status": "future",
     "actors": ["United States", "NATO"], "sentence_index": 20,
     "sentence": "Die USA wollen Anfang 2026 ihre Truppenpläne für Europa vorlegen."},
    {"value": "2025-12-03", "timex_text": "am Mittwoch", "status": "future", "actors": ["Marco Rubio"],
     "sentence_index": 2,
     "sentence": "US-Außenminister Marco Rubio wird am Mittwoch nicht an dem Treffen teilnehmen."},
    {"value": "2025-12-02", "timex_text": "am Dienstag", "status": "past", "actors": ["Mark Rutte"],
     "sentence_index": 1,
     "sentence": "NATO-Generalsekretär Mark Rutte wies am Dienstag neue Bedenken zurück."},
    {"value": "2025-11", "timex_text": "im vergangenen Monat", "status": "past",
     "actors": ["Donald Trump"], "sentence_index": 3,
     "sentence": "Trumps 28-Punkte-Vorschlag hatte die Verbündeten im vergangenen Monat bestürzt."},
    {"value": "PRESENT_REF", "timex_text": "derzeit", "status": "ongoing", "actors": ["Mark Rutte", "NATO"],
     "sentence_index": 8, "sentence": "Rutte sagte, die NATO sei derzeit geeint."},
    {"value": "PAST_REF", "timex_text": "früher", "status": "past", "actors": [], "sentence_index": 9,
     "sentence": "Früher war das anders."},
]


def story_facts() -> pd.DataFrame:
    """Eight facts from two documents: a year, a month, START of a year, days, and one off the axis."""
    return fact_frame(STORY)
