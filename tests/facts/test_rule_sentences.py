"""The rule splitter of German and English: sentence ends where SoMaJo puts them, by rules alone."""

import pytest

from dashboard.facts.rule_sentences import rule_spans
from dashboard.facts.sentences import split_sentences


def sentences(text, lang="de"):
    return [text[s:e] for s, e in rule_spans(text, 0, len(text), lang)]


@pytest.mark.parametrize("text, expected", [
    ("Er starb im Jahr 2014. Die Familie trauert.", ["Er starb im Jahr 2014.", "Die Familie trauert."]),
    ("Er kam am 3. Mai. Dann ging er.", ["Er kam am 3. Mai.", "Dann ging er."]),
    ("Zum 700. Todestag kam Univ.-Prof. Dr. Klaus Huber.", ["Zum 700. Todestag kam Univ.-Prof. Dr. Klaus Huber."]),
    ("Im Pfarrzentrum, Horazstr. 18, z.B. heute.", ["Im Pfarrzentrum, Horazstr. 18, z.B. heute."]),
    ("Es wurde gezählt. 450.000 Euro waren es.", ["Es wurde gezählt. 450.000 Euro waren es."]),
    ("Es gibt viele Familien. (jo)", ["Es gibt viele Familien. (jo)"]),
    ("Sie wurden kritisiert.Europäische Agenturen schweigen.", ["Sie wurden kritisiert.", "Europäische Agenturen schweigen."]),
    ('Wir haben zu wenig trainiert."In den Kategorien', ["Wir haben zu wenig trainiert.", '"In den Kategorien']),
    ('„Das ist gut“, sagte er. „Wirklich?“ Ja!', ["„Das ist gut“, sagte er.", "„Wirklich?“", "Ja!"]),
    ("Peter M. Huber und die U.S. Army kamen.", ["Peter M. Huber und die U.S. Army kamen."]),
])
def test_where_a_german_sentence_ends(text, expected):
    assert sentences(text) == expected


def test_german_text_is_split_by_the_rules_unless_somajo_is_asked_for(monkeypatch):
    text = "Es war ein formeller Akt. Absehbar ist das.\nNeue Zeile."
    assert [s.text for s in split_sentences(text, "de")] == ["Es war ein formeller Akt.", "Absehbar ist das.", "Neue Zeile."]
    monkeypatch.setenv("FACT_TIMELINE_SENTENCES", "somajo")
    assert [s.text for s in split_sentences(text, "de")] == ["Es war ein formeller Akt. Absehbar ist das.", "Neue Zeile."]


@pytest.mark.parametrize("text, expected", [
    ("The dividend is payable Jan. 2 to holders of record Dec. 15. The company said so.",
     ["The dividend is payable Jan. 2 to holders of record Dec. 15.", "The company said so."]),
    ("Gov. George W. Bush met Sen. Edward M. Kennedy in Ft. Worth.", ["Gov. George W. Bush met Sen. Edward M. Kennedy in Ft. Worth."]),
    ("He said: ``We have solved them all.'' But his statement had no details.",
     ["He said: ``We have solved them all.''", "But his statement had no details."]),
    ("Ranger Industries Inc. and the U.S. Navy agreed.", ["Ranger Industries Inc. and the U.S. Navy agreed."]),
    ("Dunkin' is based in Randolph, Mass. Cara is not.", ["Dunkin' is based in Randolph, Mass.", "Cara is not."]),
])
def test_where_an_english_sentence_ends(text, expected):
    assert sentences(text, "en") == expected


def test_english_text_is_split_by_the_rules_too():
    text = "Mr. Gore called on Israel. Ms. Sanders was hit.\nNew line."
    assert [s.text for s in split_sentences(text, "en")] == ["Mr. Gore called on Israel.", "Ms. Sanders was hit.", "New line."]


def test_every_abbreviation_row_example_stays_one_sentence():
    from dashboard.actors.gazetteer import read_rows
    from dashboard.facts.rule_sentences import ABBREVIATIONS_PATH

    for _, row in read_rows(ABBREVIATIONS_PATH):
        assert len(sentences(row["example"], row["lang"])) == 1, row["example"]
