"""The German rule splitter: sentence ends where SoMaJo puts them, by rules alone."""

import pytest

from dashboard.facts.rule_sentences import rule_spans
from dashboard.facts.sentences import split_sentences


def sentences(text):
    return [text[s:e] for s, e in rule_spans(text, 0, len(text))]


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
