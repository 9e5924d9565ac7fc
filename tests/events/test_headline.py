"""Headlines: the examples of the word files, and what every headline promises."""

from datetime import date

import pytest

from dashboard.events import headline, label_facts
from dashboard.events.headline import LIMIT, tokens
from dashboard.events.words import languages, words
from dashboard.facts import Document, extract_facts

EXAMPLES = [(lang, example) for lang in languages() for example in words(lang).examples]


def _spans(sentence, expressions):
    return [(sentence.index(text), sentence.index(text) + len(text)) for text in expressions]


@pytest.mark.parametrize("lang, example", EXAMPLES, ids=[f"{lang}:{ex['label'][:40]}" for lang, ex in EXAMPLES])
def test_word_file_examples(lang, example):
    spans = _spans(example["sentence"], [example["timex"], *example.get("also", [])])
    assert headline(example["sentence"], spans, lang) == example["label"]


def test_every_language_has_examples():
    assert {"de", "en"} <= set(languages())
    assert all(len(words(lang).examples) >= 5 for lang in ("de", "en"))


@pytest.mark.parametrize("lang, example", EXAMPLES)
def test_a_headline_is_short_extractive_and_without_its_expression(lang, example):
    spans = _spans(example["sentence"], [example["timex"], *example.get("also", [])])
    label = headline(example["sentence"], spans, lang)
    assert 0 < len(label) <= LIMIT
    sentence_words = {t.low.rstrip(".") for t in tokens(example["sentence"])}
    assert {t.low.rstrip(".") for t in tokens(label)} <= sentence_words | {":", ""}
    assert example["timex"] not in label


def test_german_and_english_sentences_of_an_article_get_labels():
    de = Document("de-1", "Der finnische Präsident Alexander Stubb traf am Montag in Helsinki den NATO-Generalsekretär Mark Rutte, "
                  "der ihm für die Unterstützung der Ostflanke dankte.", dct=date.fromisoformat("2025-03-12"), lang="de")
    en = Document("en-1", "Finland's President Alexander Stubb met NATO Secretary General Mark Rutte in Helsinki on Monday, "
                  "officials said.", dct=date.fromisoformat("2025-03-12"), lang="en")
    assert label_facts(extract_facts(de))["label"].tolist() == [
        "Der finnische Präsident Alexander Stubb traf den NATO-Generalsekretär Mark Rutte"]
    assert label_facts(extract_facts(en))["label"].tolist() == [
        "Finland's President Alexander Stubb met NATO Secretary General Mark Rutte"]


def test_a_title_is_its_own_headline_and_labels_are_deterministic():
    doc = Document("t-1", "Gipfel in Ankara am 7. Juli\nDie Staats- und Regierungschefs treffen sich am 7. Juli in Ankara.",
                   title="Gipfel in Ankara am 7. Juli", dct=date.fromisoformat("2026-01-10"), lang="de")
    first = label_facts(extract_facts(doc))["label"].tolist()
    assert first == label_facts(extract_facts(doc))["label"].tolist()
    assert first[0] == "Gipfel in Ankara am 7. Juli"
    assert first[1] == "Die Staats- und Regierungschefs treffen sich in Ankara"


def test_a_label_already_given_is_kept():
    facts = extract_facts(Document("k-1", "Am Montag tagte der Rat.", dct=date.fromisoformat("2025-03-12"), lang="de"))
    facts["label"] = ["Rat tagt"]
    assert label_facts(facts)["label"].tolist() == ["Rat tagt"]
