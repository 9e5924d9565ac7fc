"""The DuckDB store: what goes in comes out with the same columns, types, lists and order."""

from datetime import date

import pandas as pd

from dashboard.facts import FACT_COLUMNS, Document, facts_frame
from dashboard.store import FactFilter, FactStore

from .conftest import documents_for, fact_row


def test_a_store_that_does_not_exist_reads_as_empty_and_is_not_created(tmp_path):
    store = FactStore(tmp_path / "none.duckdb")
    assert store.facts().empty and list(store.facts().columns) == [*FACT_COLUMNS, "corrected"]  # contract, then the store's mark
    assert store.documents().empty and store.actors() == [] and store.version() == "empty"
    assert not store.path.exists()


def test_facts_round_trip_with_types_lists_and_missing_values(store):
    facts = facts_frame([
        fact_row("a", 0, "2025-10-01", days=31, actors=("Donald Trump", "Finland")),
        fact_row("a", 1, None, actors=()),
    ])
    store.write(documents_for(facts), facts)
    back = store.facts()
    assert dict(back.dtypes.astype(str)) == {**dict(facts_frame().dtypes.astype(str)), "corrected": "bool"}
    assert back["actors"].tolist() == [["Donald Trump", "Finland"], []]
    assert back["durations"].tolist() == [[], []]
    assert back["start"].iloc[0] == pd.Timestamp("2025-10-01") and pd.isna(back["start"].iloc[1])
    assert not back["corrected"].any()  # nothing corrected yet
    pd.testing.assert_frame_equal(back.drop(columns="corrected"), facts.sort_values("start", na_position="last").reset_index(drop=True))


def test_documents_list_counts_facts_and_keeps_text(store):
    facts = facts_frame([fact_row("a", 0, "2025-10-01"), fact_row("a", 1, "2025-11-01"), fact_row("b", 0, "2024-07-10")])
    store.write([*documents_for(facts), Document("c", "No dates here.", dct=date(2025, 12, 3), lang="en")], facts)
    docs = store.documents()
    assert docs[["doc_id", "n_facts"]].values.tolist() == [["a", 2], ["b", 1], ["c", 0]]
    assert docs.set_index("doc_id").loc["c", "text"] == "No dates here."
    assert list(docs.columns) == ["doc_id", "title", "source", "dct", "dct_inferred", "lang", "text", "content_hash", "n_facts"]


def test_actors_are_listed_most_facts_first(store):
    facts = facts_frame([
        fact_row("a", 0, "2025-10-01", actors=("NATO", "Ukraine")),
        fact_row("a", 1, "2025-10-02", actors=("Ukraine",)),
        fact_row("b", 0, "2025-10-03", actors=("Mark Rutte", "Ukraine", "NATO")),
    ])
    store.write(documents_for(facts), facts)
    assert store.actors() == ["Ukraine", "NATO", "Mark Rutte"]


def test_writing_a_document_again_replaces_its_facts(store):
    first = facts_frame([fact_row("a", 0, "2025-10-01"), fact_row("a", 1, "2025-10-02"), fact_row("b", 0, "2025-10-03")])
    store.write(documents_for(first), first)
    second = facts_frame([fact_row("a", 5, "2026-01-01")])
    store.write(documents_for(second), second)
    assert sorted(store.facts()["fact_id"]) == ["a-5", "b-0"]
    assert store.documents()["doc_id"].tolist() == ["a", "b"]


def test_version_changes_with_every_write_and_removal(store):
    facts = facts_frame([fact_row("a", 0, "2025-10-01"), fact_row("b", 0, "2025-10-01")])
    versions = [store.version()]
    store.write(documents_for(facts), facts)
    versions.append(store.version())
    assert store.remove(["a", "zzz"]) == 1
    versions.append(store.version())
    assert len(set(versions)) == 3
    assert store.facts()["doc_id"].tolist() == ["b"]


def test_each_filter_field(store):
    facts = facts_frame([
        fact_row("a", 0, "2025-10-01", days=31, actors=("Donald Trump", "Finland"), status="past", sentence="Trump traf Stubb."),
        fact_row("a", 1, "2026-01-01", days=120, actors=("United States",), status="future", text="Anfang 2026"),
        fact_row("b", 0, "2024-07-09", days=3, actors=("NATO", "Ukraine"), type_="TIME"),
        fact_row("b", 1, None, actors=("NATO",), status="ongoing"),
    ])
    store.write(documents_for(facts), facts)

    def ids(**fields):
        return store.facts(FactFilter(**fields))["fact_id"].tolist()

    assert ids(actors=("NATO", "Finland")) == ["b-0", "a-0", "b-1"]
    assert ids(actors=("NATO", "Ukraine"), actor_mode="all") == ["b-0"]
    assert ids(date_from=date(2025, 10, 31)) == ["a-0", "a-1"]  # October overlaps its last day
    assert ids(date_from=date(2025, 11, 1), date_to=date(2025, 12, 31)) == []
    assert ids(date_to=date(2024, 7, 9)) == ["b-0"]
    assert ids(doc_ids=("b",)) == ["b-0", "b-1"]
    assert ids(statuses=("future", "ongoing")) == ["a-1", "b-1"]
    assert ids(types=("TIME",)) == ["b-0"]
    assert ids(text="STUBB") == ["a-0"]
    assert ids(text="anfang 2026") == ["a-1"]
    assert ids(text="50%_") == []  # LIKE wildcards are plain characters here
