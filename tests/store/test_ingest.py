"""Ingest: idempotent by content hash, replaces changed text, reports failures, engines agree."""

import json

import pandas as pd
import pytest

from dashboard.facts import Document, LoadError, load_documents
from dashboard.store import FactStore

from .corpus import articles, write_jsonl


def sorted_facts(store):
    return store.facts().sort_values("fact_id").reset_index(drop=True)


@pytest.fixture
def corpus(tmp_path):
    return write_jsonl(tmp_path / "corpus.jsonl", articles(6))


def test_ingest_is_idempotent_and_replaces_changed_documents(store, corpus):
    first = store.ingest(load_documents([corpus]))
    assert (len(first.added), len(first.unchanged), first.failed) == (6, 0, [])
    assert first.n_facts == len(store.facts()) > 12
    version = store.version()

    again = store.ingest(load_documents([corpus]))
    assert (again.added, again.replaced, len(again.unchanged), again.n_facts) == ([], [], 6, 0)
    assert store.version() == version

    records = articles(6)
    records[1]["text"] = "Rutte met Stubb in Helsinki on 4 February 2025."
    write_jsonl(corpus, records)
    changed = store.ingest(load_documents([corpus]))
    assert (changed.replaced, len(changed.unchanged)) == (["a0001"], 5)
    assert store.facts()[lambda f: f["doc_id"] == "a0001"]["sentence"].tolist() == ["Rutte met Stubb in Helsinki on 4 February 2025."]
    assert store.version() != version
    assert changed.summary() == "6 documents: 0 added, 1 replaced, 5 unchanged, 0 failed; 1 facts stored"


def test_failures_are_named_and_the_rest_goes_in(store):
    good = Document("good", "Die NATO tagte am 1. Dezember 2025.", dct=None, lang="de")
    broken = Document("broken", "Am 1. Dezember 2025.", lang="tlh")  # no resources for this language
    report = store.ingest([LoadError("x.jsonl", "not valid JSON", 3), good, broken])
    assert report.added == ["good"]
    assert report.failed[0] == ("x.jsonl:3", "not valid JSON")
    assert report.failed[1][0] == "broken" and "extraction failed" in report.failed[1][1]
    assert not report.ok
    assert store.documents()["doc_id"].tolist() == ["good"]


def test_the_same_content_under_another_id_is_not_stored_twice(store):
    text = "Die NATO tagte am 1. Dezember 2025."
    report = store.ingest([Document("one", text, lang="de"), Document("two", text, lang="de")])
    assert (report.added, report.unchanged) == (["one"], ["two"])


@pytest.mark.parametrize("engine, workers", [("local", 2), ("dask", 2)])
def test_parallel_engines_store_the_same_facts_as_one_process(tmp_path, corpus, engine, workers):
    serial, parallel = FactStore(tmp_path / "serial.duckdb"), FactStore(tmp_path / f"{engine}.duckdb")
    serial.ingest(load_documents([corpus]), workers=1)
    report = parallel.ingest(load_documents([corpus]), workers=workers, engine=engine, batch_size=4)
    assert len(report.added) == 6 and report.ok
    pd.testing.assert_frame_equal(sorted_facts(parallel), sorted_facts(serial))
    assert parallel.documents()["n_facts"].tolist() == serial.documents()["n_facts"].tolist()


def test_dask_engine_reports_a_failing_document_by_name(store):
    docs = [Document("ok", "Die NATO tagte am 1. Dezember 2025.", lang="de"), Document("bad", "1. Dezember 2025", lang="tlh")]
    report = store.ingest(docs, engine="dask", workers=1)
    assert report.added == ["ok"] and [name for name, _ in report.failed] == ["bad"]


def test_dask_engine_on_a_distributed_cluster(store, corpus):
    import distributed

    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None) as cluster:
        report = store.ingest(load_documents([corpus]), engine="dask", scheduler=cluster.scheduler_address)
    assert len(report.added) == 6 and report.n_facts == len(store.facts())


def test_user_actor_list_reaches_the_workers(tmp_path, store):
    actors = tmp_path / "actors.csv"
    actors.write_text("name,kind,aliases\nErika Musterfrau,person,Musterfrau\n", encoding="utf-8")
    docs = [Document(f"m{i}", f"Musterfrau sprach am {i + 1}. Dezember 2025.", lang="de") for i in range(3)]
    store.ingest(docs, workers=2, actors_csv=[actors])
    assert store.actors() == ["Erika Musterfrau"]
