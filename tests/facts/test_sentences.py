"""Sentence splitting: abbreviations and dates stay inside, lines are boundaries, offsets hold."""

from hypothesis import given, settings, strategies as st

from dashboard.facts.sentences import sentence_at, split_sentences


def texts(text, lang):
    return [s.text for s in split_sentences(text, lang)]


def test_german_dates_and_abbreviations_stay_inside_one_sentence():
    text = (
        "Die Minister treffen sich am 3. Dezember in Brüssel. Laut Beschluss Nr. 5 gilt z. B. "
        "auch die U.S. Army als Partner. Danach reist die Delegation weiter."
    )
    assert texts(text, "de") == [
        "Die Minister treffen sich am 3. Dezember in Brüssel.",
        "Laut Beschluss Nr. 5 gilt z. B. auch die U.S. Army als Partner.",
        "Danach reist die Delegation weiter.",
    ]


def test_english_abbreviations_stay_inside_one_sentence():
    text = "The U.S. delegation arrived on Dec. 3, 2025. Mr. Landau spoke first. He left at 5 p.m. on Friday."
    assert texts(text, "en") == [
        "The U.S. delegation arrived on Dec. 3, 2025.",
        "Mr. Landau spoke first.",
        "He left at 5 p.m. on Friday.",
    ]


def test_headlines_and_lines_are_sentences_of_their_own():
    text = "Gipfel in Den Haag\nDie Staats- und Regierungschefs kamen im Juni zusammen\n\nZwischenzeile\nEnde."
    assert texts(text, "de") == [
        "Gipfel in Den Haag",
        "Die Staats- und Regierungschefs kamen im Juni zusammen",
        "Zwischenzeile",
        "Ende.",
    ]


def test_offsets_point_into_the_document_and_sentence_at_finds_them():
    text = "  Erster Satz hier.  Zweiter Satz dort.\nDritter."
    sentences = split_sentences(text, "de")
    assert [text[s.start : s.end] for s in sentences] == [s.text for s in sentences]
    assert [s.index for s in sentences] == [0, 1, 2]
    assert sentence_at(sentences, text.index("dort")).index == 1
    assert sentence_at(sentences, text.index("Dritter")).index == 2
    assert sentence_at(sentences, 0).index == 0  # leading spaces: the nearest sentence
    assert sentence_at(sentences, text.index("  Zweiter") + 1).index == 0  # between two: the one before
    assert sentence_at([], 5) is None


def test_empty_text_has_no_sentences():
    assert split_sentences("", "de") == []
    assert split_sentences(" \n\n ", "en") == []


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aZ .,!?\n3-\"'Äß")), max_size=120), st.sampled_from(["de", "en"]))
def test_spans_are_ordered_disjoint_and_match_the_text(text, lang):
    sentences = split_sentences(text, lang)
    previous_end = 0
    for sentence in sentences:
        assert previous_end <= sentence.start < sentence.end <= len(text)
        assert text[sentence.start : sentence.end] == sentence.text
        previous_end = sentence.end
