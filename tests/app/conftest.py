"""A real DuckDB store with two short articles and hand-checked facts, for the page tests.

The facts are written as the extraction stage would write them, so these tests pin down what
the pages show for known content, whatever the tagger's current accuracy.
"""

from datetime import date, datetime

import pytest

from dashboard.app.serve import MAIN_SCRIPT
from dashboard.facts import Document, facts_frame
from dashboard.store import FactStore

GERMAN = Document(
    doc_id="nato-de",
    title="Rutte vor dem Treffen der Außenminister",
    source="tests",
    dct=date(2025, 12, 2),
    lang="de",
    text=(
        "US-Außenminister Marco Rubio wird am Mittwoch nicht an dem Treffen teilnehmen.\n"
        "Trump sprach bei einem Treffen mit dem finnischen Präsidenten Alexander Stubb im Oktober im Weißen Haus.\n"
        "Es wird erwartet, dass die Regierung ihre Truppenverlegungspläne Anfang 2026 bekannt geben wird.\n"
        "Die NATO hat der Ukraine in Washington für 2024 einen Weg zugesagt.\n"
    ),
)
ENGLISH = Document(
    doc_id="summit-en",
    title="Summit <b>news</b>",
    source="tests",
    dct=date(2024, 7, 11),
    lang="en",
    text=(
        "NATO leaders opened their summit in Washington on Tuesday.\n"
        "<script>alert('x')</script> The next summit takes place in The Hague in 2025.\n"
    ),
)
UNDATED = Document(doc_id="undated", title="Ohne Datum", lang="de", text="Ein Text ohne jedes Datum.\n")
DOCUMENTS = (GERMAN, ENGLISH, UNDATED)
# (document, expression, value, start, end, granularity, actors, status); sentence = the line
FACTS = [
    (GERMAN, "am Mittwoch", "2025-12-03", "2025-12-03", "2025-12-04", "day", ["Marco Rubio", "United States"], "future"),
    (GERMAN, "im Oktober", "2025-10", "2025-10-01", "2025-11-01", "month", ["Donald Trump", "Alexander Stubb", "Finland"], "past"),
    (GERMAN, "Anfang 2026", "2026", "2026-01-01", "2026-05-01", "year", ["United States"], "future"),
    (GERMAN, "2024", "2024", "2024-01-01", "2025-01-01", "year", ["NATO", "Ukraine"], "past"),
    (ENGLISH, "on Tuesday", "2024-07-09", "2024-07-09", "2024-07-10", "day", ["NATO"], "past"),
    (ENGLISH, "2025", "2025", "2025-01-01", "2026-01-01", "year", ["NATO", "Netherlands"], "future"),
]
KINDS = {"Marco Rubio": "person", "Donald Trump": "person", "Alexander Stubb": "person", "NATO": "organisation"}
STUBB = "Treffen mit dem finnischen Präsidenten Alexander Stubb"
RUBIO = "Marco Rubio wird am Mittwoch nicht"


def fact_row(doc, expression, value, start, end, granularity, actors, status) -> dict:
    at = doc.text.index(expression)
    line_start = doc.text.rindex("\n", 0, at) + 1 if "\n" in doc.text[:at] else 0
    line_end = doc.text.index("\n", at)
    return {
        "fact_id": f"{doc.doc_id}-{at}", "doc_id": doc.doc_id, "title": doc.title, "source": doc.source,
        "dct": datetime.combine(doc.dct, datetime.min.time()), "dct_inferred": False, "lang": doc.lang,
        "sentence_index": doc.text[:at].count("\n"), "sentence_start": line_start, "sentence_end": line_end,
        "sentence": doc.text[line_start:line_end], "timex_text": expression, "timex_start": at,
        "timex_end": at + len(expression), "type": "DATE", "value": value, "mod": "START" if "Anfang" in expression else None,
        "start": datetime.fromisoformat(start), "end": datetime.fromisoformat(end), "granularity": granularity,
        "actors": actors, "actor_ids": [""] * len(actors), "actor_kinds": [KINDS.get(a, "state") for a in actors],
        "actor_roles": [""] * len(actors), "status": status, "event": "", "durations": [],
    }


@pytest.fixture(scope="session")
def store_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("app") / "facts.duckdb"
    FactStore(path).write(list(DOCUMENTS), facts_frame([fact_row(*fact) for fact in FACTS]))
    return path


@pytest.fixture
def app(store_path, monkeypatch):
    """The dashboard's entry script under AppTest, reading the fixture store."""
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("FACT_TIMELINE_DB", str(store_path))
    return AppTest.from_file(str(MAIN_SCRIPT), default_timeout=60)
