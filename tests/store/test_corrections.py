"""The user's corrections: a fact's date or status set right, a fact hidden, a document deleted;
kept through re-ingest, applied on every read."""

import subprocess
import sys

import pytest

from dashboard.facts import load_documents
from dashboard.store import FactFilter, FactStore
from dashboard.store.corrections import CorrectionError, date_correction, status_correction

from .corpus import articles, write_jsonl


@pytest.fixture
def store(tmp_path):
    corpus = write_jsonl(tmp_path / "corpus.jsonl", articles(3))
    store = FactStore(tmp_path / "facts.duckdb")
    store.ingest(load_documents([corpus]))
    return store, corpus


def test_a_corrected_date_is_read_everywhere_marked_and_kept_on_reingest(store):
    store, corpus = store
    fact = store.facts().iloc[0]
    store.correct(date_correction(fact["fact_id"], "2030-05-17"))
    again = store.facts().set_index("fact_id").loc[fact["fact_id"]]
    assert again["value"] == "2030-05-17" and str(again["start"].date()) == "2030-05-17" and again["corrected"]
    assert again["granularity"] == "day" and again["sentence"] == fact["sentence"]
    assert fact["fact_id"] in set(store.facts(FactFilter(date_from=__import__("datetime").date(2030, 5, 1)))["fact_id"])
    assert not store.facts().set_index("fact_id").drop(index=fact["fact_id"])["corrected"].any()

    report = store.ingest(load_documents([corpus]))  # unchanged articles: nothing rewritten
    assert report.unchanged and store.facts().set_index("fact_id").loc[fact["fact_id"], "value"] == "2030-05-17"


def test_corrections_survive_an_article_replaced_with_changed_text(tmp_path):
    records = articles(1)
    store = FactStore(tmp_path / "facts.duckdb")
    store.ingest(load_documents([write_jsonl(tmp_path / "a.jsonl", records)]))
    fact_id = store.facts().iloc[0]["fact_id"]
    store.correct(status_correction(fact_id, "ongoing"))
    records[0]["text"] += " Ein weiterer Satz folgt am Freitag."
    report = store.ingest(load_documents([write_jsonl(tmp_path / "b.jsonl", records)]))
    assert report.replaced == [records[0]["doc_id"]]
    assert store.facts().set_index("fact_id").loc[fact_id, "status"] == "ongoing"


def test_status_corrections_merge_with_date_corrections_and_undo_forgets_them(store):
    store, _ = store
    fact_id = store.facts().iloc[1]["fact_id"]
    store.correct(date_correction(fact_id, "2026-Q1"))
    store.correct(status_correction(fact_id, "future"))
    row = store.facts().set_index("fact_id").loc[fact_id]
    assert (row["value"], row["status"], row["granularity"]) == ("2026-Q1", "future", "quarter")
    store.undo_correction(fact_id)
    assert not store.facts().set_index("fact_id").loc[fact_id, "corrected"]


def test_a_hidden_fact_is_gone_from_reads_until_shown_again(store):
    store, _ = store
    before = store.facts()
    fact_id = before.iloc[0]["fact_id"]
    version = store.version()
    store.hide(fact_id)
    assert store.version() != version  # every cache sees the change
    assert fact_id not in set(store.facts()["fact_id"]) and len(store.facts()) == len(before) - 1
    hidden = store.facts(include_hidden=True).set_index("fact_id")
    assert hidden.loc[fact_id, "hidden"]
    store.unhide(fact_id)
    assert fact_id in set(store.facts()["fact_id"])


def test_corrections_that_cannot_be_stored_are_refused():
    with pytest.raises(CorrectionError, match="not a date"):
        date_correction("f", "next Tuesday")
    with pytest.raises(CorrectionError, match="status"):
        status_correction("f", "maybe")


def test_deleting_a_document_drops_its_facts_and_their_corrections(store):
    store, _ = store
    doc_id = store.documents()["doc_id"].iloc[0]
    fact_id = store.facts(FactFilter(doc_ids=(doc_id,))).iloc[0]["fact_id"]
    store.hide(fact_id)
    assert store.remove([doc_id]) == 1
    assert doc_id not in set(store.documents()["doc_id"]) and doc_id not in set(store.facts()["doc_id"])
    assert fact_id not in set(store.facts(include_hidden=True)["fact_id"])


def test_a_store_written_before_corrections_existed_still_reads(tmp_path):
    import duckdb

    store = FactStore(tmp_path / "old.duckdb")
    store.ingest(load_documents([write_jsonl(tmp_path / "c.jsonl", articles(1))]))
    with duckdb.connect(str(store.path)) as con:
        con.execute("DROP TABLE fact_corrections")
    facts = store.facts()
    assert len(facts) and not facts["corrected"].any()


def delete(*args):
    return subprocess.run([sys.executable, "-m", "dashboard", "delete", *map(str, args)], capture_output=True, text=True, timeout=120)


def test_delete_command_names_what_it_did_and_what_it_could_not_find(store):
    store, _ = store
    doc_ids = list(store.documents()["doc_id"])
    done = delete(doc_ids[0], "no-such-doc", "--db", store.path)
    assert done.returncode == 2
    assert f"no document 'no-such-doc'" in done.stderr and "deleted 1 document and" in done.stderr
    assert set(store.documents()["doc_id"]) == set(doc_ids[1:])
    assert delete(doc_ids[1], "--db", store.path).returncode == 0
    missing = delete("x", "--db", store.path.parent / "missing.duckdb")
    assert missing.returncode != 0 and "no fact store at" in missing.stderr and "Traceback" not in missing.stderr
