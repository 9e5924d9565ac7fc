"""Fixtures for the store tests: fact rows made by hand, and a store file in a temp folder."""

import random
from datetime import date, datetime, timedelta

import pytest

from dashboard.facts import Document, facts_frame
from dashboard.store import FactStore

ACTOR_POOL = ("Donald Trump", "Mark Rutte", "NATO", "Ukraine", "Finland", "Alexander Stubb")
WORDS = ("Gipfel", "summit", "Treffen", "meeting", "Truppen", "troops", "Plan", "plan", "Oktober")


def fact_row(doc_id, index, start=None, days=1, actors=(), status="past", type_="DATE", sentence="Ein Satz.", text="heute"):
    """One fact row with the fields a test cares about; the rest plausible."""
    begin = datetime.fromisoformat(start) if start else None
    return {
        "fact_id": f"{doc_id}-{index}", "doc_id": doc_id, "title": f"Title {doc_id}", "source": f"{doc_id}.txt",
        "dct": datetime(2025, 12, 2), "dct_inferred": False, "lang": "de", "sentence_index": index,
        "sentence_start": index * 100, "sentence_end": index * 100 + len(sentence), "sentence": sentence,
        "timex_text": text, "timex_start": index * 100, "timex_end": index * 100 + len(text), "type": type_,
        "value": start[:10] if start else "PRESENT_REF", "mod": None,
        "start": begin, "end": begin + timedelta(days=days) if begin else None,
        "granularity": "day" if start else None, "actors": list(actors),
        "actor_ids": ["" for _ in actors], "actor_kinds": ["person" for _ in actors],
        "actor_roles": ["" for _ in actors], "status": status, "event": None, "durations": [],
    }


def random_facts(n, seed=7):
    rng = random.Random(seed)
    rows = []
    for i in range(n):
        doc_id = f"d{i % 7}"
        start = None if rng.random() < 0.1 else (date(2024, 1, 1) + timedelta(days=rng.randrange(900))).isoformat()
        rows.append(fact_row(
            doc_id, i, start, days=rng.choice([1, 7, 30, 365]),
            actors=rng.sample(ACTOR_POOL, rng.randrange(4)),
            status=rng.choice(["past", "ongoing", "future"]), type_=rng.choice(["DATE", "TIME"]),
            sentence=" ".join(rng.choice(WORDS) for _ in range(5)) + ".", text=rng.choice(WORDS),
        ))
    return facts_frame(rows)


def documents_for(facts):
    return [Document(doc_id, f"Text of {doc_id}.", title=f"Title {doc_id}", source=f"{doc_id}.txt", dct=date(2025, 12, 2), lang="de")
            for doc_id in sorted(set(facts["doc_id"]))]


@pytest.fixture
def store(tmp_path):
    return FactStore(tmp_path / "facts.duckdb", timeout=20)
