"""Extraction: the seed article's key facts, and German and English texts of our own."""

from datetime import date, datetime
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings, strategies as st

from dashboard.facts import STATUSES, Document, extract_facts, facts_frame, load_documents
from dashboard.paths import SAMPLES_DIR

SEED = SAMPLES_DIR / "nato-foreign-ministers.de.txt"
TEXTS = Path(__file__).parent / "texts"
DCT = "2025-12-02"


def extract(path, lang):
    [doc] = load_documents([path], dct=DCT, lang=lang)
    return doc, extract_facts(doc)


@pytest.fixture(scope="module")
def seed():
    return extract(SEED, "de")


def fact(facts, words, value):
    """The one fact whose sentence contains ``words`` and whose value starts with ``value``."""
    rows = facts[facts["sentence"].str.contains(words, regex=False) & facts["value"].str.startswith(value)]
    assert len(rows) == 1, facts[["sentence", "timex_text", "value"]].to_string()
    return rows.iloc[0]


def interval(row):
    return row["start"].date(), row["end"].date()


@pytest.mark.parametrize(
    "words, value, days, actors, status",
    [
        ("in Washington", "2024", (date(2024, 7, 9), date(2024, 7, 12)), {"NATO", "Ukraine"}, "past"),
        ("Stubb", "2025-10", (date(2025, 10, 1), date(2025, 11, 1)), {"Donald Trump", "Alexander Stubb", "Finland"}, "past"),
        ("Rumänien kündigte", "2025-10", (date(2025, 10, 1), date(2025, 11, 1)), {"Romania", "United States"}, "past"),
        ("wird am Mittwoch", "2025-12-03", (date(2025, 12, 3), date(2025, 12, 4)), {"Marco Rubio", "United States"}, "future"),
    ],
    ids=["washington-summit-2024", "trump-meets-stubb", "romania-troop-cut", "rubio-absent-wednesday"],
)
def test_seed_key_facts_have_their_interval_actors_and_status(seed, words, value, days, actors, status):
    row = fact(seed[1], words, value)
    assert interval(row) == days
    assert actors <= set(row["actors"])
    assert row["status"] == status


def test_seed_washington_date_is_linked_to_the_summit(seed):
    row = fact(seed[1], "in Washington", "2024")
    assert row["event"] == "NATO summit 2024 (Washington)" and row["granularity"] == "day"


def test_seed_stubb_is_found_with_his_role_and_country(seed):
    row = fact(seed[1], "Stubb", "2025-10")
    assert dict(zip(row["actors"], row["actor_roles"]))["Alexander Stubb"] == "President, Finland"


def test_seed_troop_plans_early_2026_are_future(seed):
    _, facts = seed
    row = fact(facts, "Truppenverlegungspläne", "2026")
    assert row["mod"] == "START"
    start, end = interval(row)
    assert start == date(2026, 1, 1) and date(2026, 3, 1) <= end <= date(2026, 7, 1)
    assert row["status"] == "future"
    assert row["actors"] == ["United States"]  # "die Regierung": the state named just before


def test_seed_last_month_is_past_and_carries_the_duration_of_its_sentence(seed):
    _, facts = seed
    row = fact(facts, "im vergangenen Monat", "2025-11")
    assert row["status"] == "past"
    assert "Donald Trump" in row["actors"] and "Marco Rubio" in row["actors"]  # "Rubios" -> Marco Rubio
    assert any(d.endswith("=P4Y") for d in row["durations"])


def test_seed_rows_point_into_the_document_and_have_the_contract_types(seed):
    doc, facts = seed
    assert len(facts) >= 8
    assert dict(facts.dtypes.astype(str)) == dict(facts_frame().dtypes.astype(str))
    for row in facts.itertuples():
        assert doc.text[row.timex_start : row.timex_end] == row.timex_text
        assert doc.text[row.sentence_start : row.sentence_end] == row.sentence
        assert row.sentence_start <= row.timex_start < row.sentence_end
        assert len(row.actors) == len(row.actor_ids) == len(row.actor_kinds) == len(row.actor_roles)
    assert facts["fact_id"].is_unique
    assert set(facts["type"]) <= {"DATE", "TIME"} and set(facts["status"]) <= set(STATUSES)
    assert facts["timex_start"].is_monotonic_increasing


def test_extraction_is_deterministic(seed):
    doc, facts = seed
    pd.testing.assert_frame_equal(extract_facts(doc), facts)


def test_german_text_of_our_own():
    _, facts = extract(TEXTS / "ostflanke.de.txt", "de")
    thursday = fact(facts, "reist am Donnerstag", "2025-12-04")
    assert thursday["status"] == "future"
    assert {"Friedrich Merz", "Donald Tusk", "Poland"} <= set(thursday["actors"])
    september = fact(facts, "Valtonen hatte", "2025-09")
    assert september["status"] == "past" and {"Elina Valtonen", "Finland", "Russia"} <= set(september["actors"])
    assert dict(zip(september["actors"], september["actor_roles"]))["Elina Valtonen"] == "Foreign Minister, Finland"
    november = fact(facts, "Valtonen sagte", "2025-11-28")
    assert november["status"] == "past" and november["actors"] == ["Elina Valtonen"]  # surname only
    brigade = fact(facts, "Brigade in Litauen", "2027")
    assert brigade["status"] == "future" and {"Bundeswehr", "Lithuania"} <= set(brigade["actors"])
    october = fact(facts, "zuletzt im Oktober", "2025-10")
    assert any(d.endswith("=P3Y") for d in october["durations"])


def test_english_text_of_our_own():
    _, facts = extract(TEXTS / "baltic.en.txt", "en")
    monday = fact(facts, "on Monday", "2025-12-01")
    assert monday["status"] == "past"
    assert {"Kristen Michal", "Estonia"} <= set(monday["actors"])
    march = fact(facts, "first units", "2026-03")
    assert march["status"] == "future" and march["actors"] == ["Kristen Michal"]
    last_week = fact(facts, "last week", "2025-W48")
    assert last_week["status"] == "past" and {"Marco Rubio", "United States", "Ukraine"} <= set(last_week["actors"])
    early = fact(facts, "sanctions package", "2026")
    assert early["status"] == "future" and early["actors"] == ["European Union"]


def test_a_document_without_dates_has_no_facts():
    doc = Document("none", "Die Minister beraten. Niemand weiß, wann.", dct=date(2025, 12, 2), lang="de")
    facts = extract_facts(doc)
    assert facts.empty and list(facts.columns) == list(facts_frame().columns)


@settings(max_examples=25, deadline=None)
@given(st.text(max_size=200), st.sampled_from(["de", "en"]), st.none() | st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31)))
def test_extraction_never_raises_and_rows_stay_consistent(text, lang, dct):
    doc = Document("h", text, dct=dct, lang=lang)
    facts = extract_facts(doc)
    for row in facts.itertuples():
        assert text[row.timex_start : row.timex_end] == row.timex_text
        assert row.status in STATUSES
        assert pd.isna(row.start) or row.start < row.end


@pytest.mark.parametrize("dct", [date(2025, 11, 24), date(2025, 11, 20), date(2025, 11, 26)])
def test_until_thanksgiving_on_thursday_is_one_fact(dct):
    doc = Document("tg", "Trump had initially given Kyiv until Thanksgiving on Thursday to accept the plan.", dct=dct, lang="en")
    facts = extract_facts(doc)
    assert len(facts) == 1
    fact = facts.iloc[0]
    assert fact["timex_text"] == "Thanksgiving on Thursday"
    assert fact["value"] == "2025-11-27" and fact["granularity"] == "day"
    assert doc.text[fact["timex_start"]:fact["timex_end"]] == fact["timex_text"]


def test_one_fact_per_sentence_and_interval_but_two_days_stay_two():
    doc = Document("wd", "Am Mittwoch, 3. Dezember, beraten die Minister; am Donnerstag reisen sie ab.", dct=date(2025, 12, 1), lang="de")
    facts = extract_facts(doc)
    assert facts["value"].tolist() == ["2025-12-03", "2025-12-04"]
    assert facts["timex_text"].tolist()[0].startswith("Mittwoch")


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["Rutte", "Rumänien", "die NATO", "die Regierung", "sagte er", "Stubb",
                                 "im Mai", "am 3. Dezember 2025", "Präsident Alexander Stubb", "Er traf Rutte"]), max_size=14),
       st.randoms(use_true_random=False))
def test_sentence_actors_are_those_inside_or_the_latest_earlier_ones_for_an_anaphor(words, rnd):
    """The linear lookup of a sentence's actors gives what scanning every mention gives: those
    inside, plus the person a pronoun refers to where the sentence names no person or opens with it."""
    from dashboard.actors import find_actors, resolve_anaphora
    from dashboard.actors.anaphora import opens_with_pronoun
    from dashboard.facts.extract import _ActorsBySentence, _opening_person
    from dashboard.facts.sentences import split_sentences

    text = " ".join(word + rnd.choice([" ", ". ", ".\n"]) for word in words)
    mentions = find_actors(text, "de")
    lookup = _ActorsBySentence(mentions, "de", text)
    subject = None
    for sentence in split_sentences(text, "de"):
        inside = [m for m in mentions if sentence.start <= m.start < sentence.end]
        earlier = [m for m in mentions if m.start < sentence.start]
        if subject is not None:  # the person opening the sentence before stands last for a pronoun
            earlier = [m for m in earlier if m is not subject] + [subject]
        subject = _opening_person(text, sentence, inside)
        if inside:
            expected: dict = {}
            for m in inside:
                expected.setdefault(m.actor, text[m.start : m.end])
            if not any(actor.kind == "person" for actor in expected):
                expected.update(dict.fromkeys(resolve_anaphora(sentence.text, "de", earlier, only="person"), ""))
            elif opens_with_pronoun(sentence.text, "de"):  # "Er traf Rutte": he, the person named last before
                for actor in resolve_anaphora(sentence.text, "de", earlier, only="person", at_start=True):
                    expected.setdefault(actor, "")
        else:
            expected = dict.fromkeys(resolve_anaphora(sentence.text, "de", earlier), "")
        assert list(lookup(sentence).items()) == list(expected.items())


@pytest.mark.parametrize("lang, text", [("de", "Heute tagt die NATO in Brüssel."), ("en", "Today NATO meets in Brussels.")])
def test_today_on_the_last_day_there_is_is_a_fact_of_that_day(lang, text):
    """A DCT of 9999-12-31 (a CMS's "never expires" put into the date field) once raised
    OverflowError: the day after it cannot be written. The day ends at the last moment there is."""
    facts = extract_facts(Document("far", text, dct=date(9999, 12, 31), lang=lang))
    [fact] = facts.to_dict("records")
    assert (fact["value"], fact["status"], fact["granularity"]) == ("9999-12-31", "ongoing", "day")
    assert fact["start"] == datetime(9999, 12, 31) and fact["end"] == datetime.max
