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


# -- guarantees that hold whatever engine splits a piece (see the module docstring) -----------

import pytest  # noqa: E402

from dashboard.facts import sentences as sentences_module  # noqa: E402
from dashboard.facts.sentences import MAX_SENTENCE_CHARS, WINDOW  # noqa: E402

INVISIBLE_CHARACTERS = {
    "zero-width space": "\u200b", "soft hyphen": "\u00ad", "byte order mark": "\ufeff",
    "left-to-right mark": "\u200e", "right-to-left mark": "\u200f", "word joiner": "\u2060",
    "right-to-left override": "\u202e", "variation selector": "\ufe0f", "Hangul filler": "\u3164",
    "delete control": "\x7f", "combining grapheme joiner": "\u034f", "language tag": "\U000e0001",
}


@pytest.mark.parametrize("name", INVISIBLE_CHARACTERS)
def test_a_line_holding_only_an_invisible_character_is_no_sentence(name):
    ch = INVISIBLE_CHARACTERS[name]
    for text in (f"Am Montag kam er.\n{ch}\nAm Dienstag ging er.", f"{ch}\nAm Dienstag ging er.",
                 f"Am Montag kam er.\n {ch}{ch} \t", ch, f"{ch}\n{ch}"):
        found = split_sentences(text, "de")
        assert [s.text for s in found] == [t for t in ("Am Montag kam er.", "Am Dienstag ging er.") if t in text]
        assert [text[s.start : s.end] for s in found] == [s.text for s in found]


def test_invisible_characters_inside_a_sentence_keep_the_offsets():
    text = "\ufeffDer Außen\u00administer kam am 3. Dezember.\u200b Dann\u200e ging er."
    found = split_sentences(text, "de")
    assert [s.text for s in found] == ["Der Außen\u00administer kam am 3. Dezember.", "Dann\u200e ging er."]
    assert [text[s.start : s.end] for s in found] == [s.text for s in found]


def test_a_long_line_is_split_the_same_across_window_seams(monkeypatch):
    monkeypatch.setenv("FACT_TIMELINE_SENTENCES", "somajo")  # SoMaJo's windows (the rule splitter needs none)
    text = " ".join(f"Am {day}. Dezember traf sich der Rat zum {day}. Mal in Brüssel." for day in range(1, 29)) * 4
    whole = [(s.start, s.end) for s in split_sentences(text, "de")]
    monkeypatch.setattr(sentences_module, "WINDOW", 300)
    assert [(s.start, s.end) for s in split_sentences(text, "de")] == whole


class RecordingEngine:
    """An engine that ends a sentence after every '. ', and records what it was given."""

    def __init__(self):
        self.pieces: list[int] = []

    def __call__(self, piece, lang):
        self.pieces.append(len(piece))
        spans, start = [], 0
        while (stop := piece.find(". ", start)) >= 0:
            spans.append((start, stop + 1))
            start = stop + 2
        return spans + ([(start, len(piece))] if piece[start:].strip() else [])


def test_a_ten_megabyte_one_line_article_is_fed_to_the_engine_in_bounded_windows(monkeypatch):
    monkeypatch.setenv("FACT_TIMELINE_SENTENCES", "somajo")
    engine = RecordingEngine()
    monkeypatch.setattr(sentences_module, "_engine_spans", engine)
    text = "Die Minister trafen sich im Dezember in Brüssel und berieten dort lange. " * 150_000  # 10.9 MB
    found = split_sentences(text, "de")
    assert len(found) == 150_000
    assert max(engine.pieces) <= WINDOW
    assert sum(engine.pieces) <= 2 * len(text)  # every character given to the engine at most twice


@pytest.mark.parametrize("word", ["Verhandlung ", "x" * 30_000, "Jahr\u200b "])
def test_an_over_long_sentence_is_cut_at_the_bound_and_loses_no_text(word):
    text = "Am 3. Dezember " + word * max(1, 30_000 // len(word))
    found = split_sentences(text, "de")
    assert len(found) > 1 and all(len(s.text) <= MAX_SENTENCE_CHARS for s in found)
    assert "".join(s.text for s in found).replace(" ", "").replace("\u200b", "") == \
        text.replace(" ", "").replace("\u200b", "")
    assert all(s.text == s.text.strip() for s in found)


def test_sentence_at_finds_the_sentence_of_every_offset():
    text = "Erster Satz. Zweiter Satz.\n\nDritter Satz."
    found = split_sentences(text, "de")
    for offset in range(len(text)):
        expected = max((s for s in found if s.start <= offset), key=lambda s: s.start, default=found[0])
        assert sentence_at(found, offset) == expected


@settings(max_examples=80, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aZ .!\n3-Äß") + list(INVISIBLE_CHARACTERS.values())), max_size=160),
       st.sampled_from(["de", "en"]))
def test_sentences_show_something_never_cross_a_line_and_cover_every_visible_character(text, lang):
    found = split_sentences(text, lang)
    covered = set()
    for sentence in found:
        assert sentences_module._VISIBLE.search(sentence.text)
        assert "\n" not in sentence.text and sentence.text == sentence.text.strip()
        covered.update(range(sentence.start, sentence.end))
    visible = {m.start() for m in sentences_module._VISIBLE.finditer(text)}
    assert visible <= covered
