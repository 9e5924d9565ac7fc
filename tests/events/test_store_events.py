"""Events in a real DuckDB store: one event per happening, across articles and languages."""

from datetime import date

import duckdb
import pytest

from dashboard.events import EVENT_COLUMNS
from dashboard.facts import Document
from dashboard.store import FactFilter, FactStore

from .articles import MONDAY, RUBIO, STUBB_DE, STUBB_EN, STUBB_EN_LATER, ZELENSKY


@pytest.fixture
def store(tmp_path):
    return FactStore(tmp_path / "events.duckdb", timeout=20)


def _event_of(events, doc_id):
    return events[events["doc_ids"].map(lambda ids: doc_id in ids)]


def test_events_have_the_contract_columns_and_dtypes(store):
    store.ingest([STUBB_EN, RUBIO])
    events = store.events()
    assert list(events.columns) == list(EVENT_COLUMNS)
    for name, dtype in EVENT_COLUMNS.items():
        if dtype != "object":
            assert str(events[name].dtype) == dtype, name
    assert all(isinstance(v, list) for v in events["fact_ids"])
    assert store.events(FactFilter(actors=("Nobody",))).empty


def test_two_articles_reporting_the_same_meeting_are_one_event_with_two_sources(store):
    store.ingest([STUBB_EN, STUBB_DE])
    events = store.events()
    assert len(events) == 1
    event = events.iloc[0]
    assert event["n_documents"] == 2 and event["n_facts"] == 2
    assert sorted(event["doc_ids"]) == ["stubb-de", "stubb-en"]
    assert {"Donald Trump", "Alexander Stubb"} <= set(event["actors"])
    assert event["start"] == event["first_reported"] - (MONDAY - date(2025, 3, 10))
    assert len(event["actor_kinds"]) == len(event["actors"])
    assert event["label"]


def test_a_later_report_of_the_same_meeting_joins_it_and_its_dates_say_so(store):
    store.ingest([STUBB_EN, STUBB_DE])
    store.ingest([STUBB_EN_LATER])
    event = _event_of(store.events(), "stubb-en-2").iloc[0]
    assert event["n_documents"] == 3
    assert str(event["first_reported"].date()) == "2025-03-11" and str(event["last_reported"].date()) == "2025-03-14"
    assert event["doc_ids"][-1] == "stubb-en-2"  # earliest report first


def test_two_different_meetings_on_the_same_day_stay_two(store):
    store.ingest([STUBB_EN, RUBIO, ZELENSKY])
    events = store.events()
    assert len(events) == 3
    assert (events["start"] == events["start"].iloc[0]).all()
    assert (events["n_documents"] == 1).all()


def test_events_follow_every_ingest_and_removal(store):
    store.ingest([STUBB_EN])
    assert store.events()["n_documents"].tolist() == [1]
    store.ingest([STUBB_DE])
    assert store.events()["n_documents"].tolist() == [2]
    changed = Document("stubb-de", "Am Montag traf Rubio in Riad den saudischen Kronprinzen.", title="Rubio", dct=MONDAY, lang="de")
    store.ingest([changed])  # the German article now reports another meeting
    assert sorted(store.events()["n_documents"].tolist()) == [1, 1]
    store.remove(["stubb-de"])
    events = store.events()
    assert events["doc_ids"].tolist() == [["stubb-en"]]


def test_filters_keep_whole_events_and_event_facts_drill_down(store):
    store.ingest([STUBB_EN, STUBB_DE, RUBIO])
    german = store.events(FactFilter(doc_ids=("stubb-de",)))
    assert len(german) == 1 and german.iloc[0]["n_documents"] == 2
    facts = store.event_facts(german.iloc[0]["event_id"])
    assert sorted(facts["doc_id"]) == ["stubb-de", "stubb-en"]
    assert facts["fact_id"].tolist() == german.iloc[0]["fact_ids"]


def test_report_dated_facts_are_never_merged_with_dated_happenings(store):
    store.ingest([STUBB_EN])
    facts = store.facts()
    report = facts.copy()
    report["fact_id"], report["doc_id"], report["dating"] = "r1", "report-doc", "report"
    report["start"] = report["start"] + (MONDAY - date(2025, 3, 10)) * 0
    store.write([Document("report-doc", "x", dct=MONDAY, lang="en")], report)
    events = store.events()
    assert len(events) == 2
    assert sorted(events["dating"]) == ["expression", "report"]


def test_a_store_written_before_events_gets_them_on_the_next_write(store, tmp_path):
    store.ingest([STUBB_EN, STUBB_DE])
    with duckdb.connect(str(store.path)) as con:  # what an older version left behind
        con.execute("DROP TABLE event_members")
        con.execute("DROP TABLE event_terms")
        con.execute("DELETE FROM meta WHERE key = 'events'")
    assert store.events()["n_facts"].tolist() == [1, 1]  # readable before: one event per fact
    store.ingest([RUBIO])
    assert sorted(store.events()["n_documents"].tolist()) == [1, 2]


def test_events_follow_actor_renames_and_merges(store):
    store.ingest([STUBB_EN, STUBB_DE, RUBIO])
    store.actor_corrections.rename("Alexander Stubb", "President Stubb")
    event = _event_of(store.events(), "stubb-en").iloc[0]
    assert "President Stubb" in event["actors"] and "Alexander Stubb" not in event["actors"]
    assert len(store.events(FactFilter(actors=("President Stubb",)))) == 1
    store.actor_corrections.merge(["Marco Rubio"], into="Donald Trump")
    rubio = _event_of(store.events(), "rubio").iloc[0]
    assert "Donald Trump" in rubio["actors"] and "Marco Rubio" not in rubio["actors"]
    assert len(store.events(FactFilter(actors=("Donald Trump",)))) == 2


def test_a_hidden_fact_leaves_its_event_and_an_event_of_hidden_facts_goes(store):
    store.ingest([STUBB_EN, STUBB_DE, RUBIO])
    stubb = _event_of(store.events(), "stubb-en").iloc[0]
    store.hide(stubb["fact_ids"][0])
    left = _event_of(store.events(), stubb["doc_ids"][1]).iloc[0]
    assert (left["n_facts"], left["n_documents"]) == (1, 1)
    assert left["doc_ids"] == [stubb["doc_ids"][1]]
    rubio = _event_of(store.events(), "rubio").iloc[0]
    store.hide(rubio["fact_ids"][0])
    assert _event_of(store.events(), "rubio").empty
    store.unhide(rubio["fact_ids"][0])
    assert len(_event_of(store.events(), "rubio")) == 1
