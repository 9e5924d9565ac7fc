"""Statements without a date: continued from the dated sentence before, or reported on the day."""

import csv
from datetime import date

import pytest

from dashboard.facts import Document, extract_facts, load_documents
from dashboard.facts.dating import CONTINUATIONS_PATH, has_connective
from dashboard.paths import SAMPLES_DIR

SEED = SAMPLES_DIR / "nato-foreign-ministers.de.txt"


@pytest.fixture(scope="module")
def seed():
    [doc] = load_documents([SEED], dct="2025-12-02", lang="de")
    return extract_facts(doc)


def test_the_seed_articles_undated_statements_name_landau_hungary_slovakia_and_russia(seed):
    undated = seed[seed["dating"] != "expression"]
    named = {name for actors in undated["actors"] for name in actors}
    assert {"Christopher Landau", "Hungary", "Slovakia", "Russia"} <= named


def test_landau_attends_instead_on_wednesday_the_time_of_the_sentence_he_continues(seed):
    [landau] = seed[seed["sentence"].str.contains("Landau wird stattdessen")].to_dict("records")
    assert landau["dating"] == "continued"
    assert landau["value"] == "2025-12-03" and landau["status"] == "future"
    assert landau["timex_text"] == "" and landau["actors"] == ["Christopher Landau"]


def test_a_statement_with_no_connective_is_reported_on_the_publication_day(seed):
    [row] = seed[seed["sentence"].str.contains("Ungarn und die Slowakei")].to_dict("records")
    assert row["dating"] == "report"
    assert (row["value"], row["granularity"]) == ("2025-12-02", "day")
    assert (row["start"].date(), row["end"].date()) == (date(2025, 12, 2), date(2025, 12, 3))
    assert {"Hungary", "Slovakia"} <= set(row["actors"])


def test_dated_facts_keep_their_actors(seed):
    dated = seed[seed["dating"] == "expression"]
    named = {name for actors in dated["actors"] for name in actors}
    assert {"Donald Trump", "Alexander Stubb", "Mark Rutte", "Marco Rubio", "NATO", "Romania", "United States"} <= named


def test_undated_fact_ids_never_collide_with_expression_facts(seed):
    assert seed["fact_id"].is_unique
    assert set(seed["dating"]) == {"expression", "continued", "report"}


def test_a_sentence_naming_no_actor_and_no_date_is_no_fact():
    doc = Document(doc_id="d", text="Das Wetter war schön. Rumänien protestierte.", dct=date(2025, 3, 1), lang="de")
    facts = extract_facts(doc)
    assert facts["sentence"].tolist() == ["Rumänien protestierte."]
    assert facts["dating"].tolist() == ["report"]


def test_a_document_without_a_date_reports_without_a_time():
    doc = Document(doc_id="d", text="Romania protested.", dct=None, lang="en")
    [row] = extract_facts(doc).to_dict("records")
    assert row["dating"] == "report" and row["value"] == "" and row["start"] is None or row["start"] != row["start"]


def test_same_subject_and_tense_right_after_a_dated_sentence_continues_it():
    text = "Rumänien protestierte am 3. März gegen den Abzug. Rumänien forderte Gespräche."
    facts = extract_facts(Document(doc_id="d", text=text, dct=date(2025, 3, 10), lang="de"))
    assert facts["dating"].tolist() == ["expression", "continued"]
    assert facts["value"].tolist() == ["2025-03-03", "2025-03-03"]


def _examples():
    with CONTINUATIONS_PATH.open(encoding="utf-8", newline="") as handle:
        return [(row["lang"], row["example"]) for row in csv.DictReader(handle)]


@pytest.mark.parametrize("lang, example", _examples())
def test_every_connective_row_has_an_example_it_finds(lang, example):
    assert has_connective(example, lang)
