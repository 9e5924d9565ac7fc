"""Which way an under-specified expression points, read from the tense cues of its sentence."""

import pytest

from dashboard.temporal.resources import load_language
from dashboard.temporal.tense import TenseReader, direction, explain, sentence_bounds

PAST, PRESENT, FUTURE = -1, 0, +1


def cue_for(text, expression, lang):
    start = text.index(expression)
    return explain(text, start, start + len(expression), load_language(lang).tense)


@pytest.mark.parametrize(("lang", "text", "expression", "expected"), [
    ("de", "Rumänien kündigte im Oktober an, Truppen abzuziehen.", "Oktober", (PAST, True, "kündigte")),
    ("de", "Rubio wird am Mittwoch nicht an dem Treffen teilnehmen.", "Mittwoch", (FUTURE, True, "wird")),
    ("de", "Die Zahlen wurden im Oktober veröffentlicht.", "Oktober", (PAST, True, "wurden")),
    ("de", "Derzeit gibt es keinen Termin für den Plan vom Mittwoch.", "Mittwoch", (PRESENT, True, "Derzeit")),
    ("en", "The ministers will meet on Friday.", "Friday", (FUTURE, True, "will")),
    ("en", "The ministers met on Friday.", "Friday", (PAST, True, "met")),
    ("en", "He said that on Friday talks will resume.", "Friday", (FUTURE, True, "will")),  # his own clause; reporting verbs are weak
    # a verb right before the expression dates it, however weak: "said on Friday" is the saying
    ("en", "He said on Friday that talks will resume.", "Friday", (PAST, False, "said")),
    ("en", "The government wants the court to suspend the injunction issued Thursday.", "Thursday", (PAST, False, "issued")),
])
def test_the_nearest_strong_cue_of_the_sentence_decides(lang, text, expression, expected):
    assert cue_for(text, expression, lang) == expected


def test_a_participle_is_a_weak_cue_used_where_no_auxiliary_is_in_sight():
    assert cue_for("Die Zahlen, im Oktober gemeldet, überraschten.", "Oktober", "de")[:2] == (PAST, False)


def test_a_fronted_phrase_takes_the_tense_of_the_main_clause_after_it():
    assert cue_for("In March, the company received an order.", "March", "en")[0] == PAST


def test_a_clause_without_a_cue_borrows_the_tense_of_its_sentence_for_weekdays_only():
    # neither strong nor weak: it places "Thursday", but would turn no month or year
    assert cue_for("Turnover was 40 million, up from 30 million Thursday.", "Thursday", "en") == (PAST, None, "was")
    assert cue_for("The agency extended its deadline until Friday.", "Friday", "en") is None  # a preposition's clause


def test_the_expressions_own_clause_counts_before_the_rest_of_the_sentence():
    text = "Er sagte, dass die Minister am Freitag beraten werden."
    assert cue_for(text, "Freitag", "de")[0] == FUTURE  # "werden" in its clause, not "sagte"


@pytest.mark.parametrize("text", [
    "Die Minister wollen am Freitag über den Plan beraten.",
    "Die Verbündeten werden im Oktober auf eine Antwort warten.",
    "Die Regierung wird im März neue Gespräche starten.",
])
def test_infinitives_ending_in_ten_are_not_read_as_past_tense(text):
    expression = next(word for word in ("Freitag", "Oktober", "März") if word in text)
    assert cue_for(text, expression, "de")[0] == FUTURE


@pytest.mark.parametrize("text", ["Am Freitag reiste sie ab.", "Im Oktober löste sich das Bündnis auf."])
def test_preterites_ending_in_ste_are_past_tense(text):
    expression = next(word for word in ("Freitag", "Oktober") if word in text)
    assert cue_for(text, expression, "de")[0] == PAST


@pytest.mark.parametrize(("lang", "text", "expression"), [
    ("de", "In der Nacht zu Sonntag griffen Drohnen Kiew an.", "Sonntag"),
    ("de", "Russland schoss am Montag Raketen auf Charkiw.", "Montag"),
])
def test_strong_verbs_in_the_preterite_are_past_tense(lang, text, expression):
    assert cue_for(text, expression, lang)[:2] == (PAST, True)


def test_a_date_something_was_put_off_to_lies_ahead():
    text = "The vote, originally set for December 10, was postponed to January."
    assert cue_for(text, "December 10", "en")[0] == FUTURE and cue_for(text, "January", "en")[0] == FUTURE
    assert cue_for("Die Abstimmung wurde auf Januar verschoben.", "Januar", "de")[0] == FUTURE


def test_no_cue_in_the_sentence_leaves_the_direction_open():
    assert cue_for("Das Treffen am Mittwoch.", "Mittwoch", "de") is None


def test_cues_of_other_sentences_do_not_count():
    text = "Gestern kam er an. Am Freitag beginnt das Treffen."
    assert cue_for(text, "Freitag", "de") is None


def test_a_reader_scans_each_sentence_once_for_all_its_expressions():
    text = "Am Montag kam sie an, am Dienstag sprach sie vor dem Rat. Am Freitag wird sie zurück sein."
    reader = TenseReader(text, load_language("de").tense)
    found = [reader.direction(text.index(day), text.index(day) + len(day)) for day in ("Montag", "Dienstag", "Freitag")]
    assert found == [(PAST, True), (PAST, True), (FUTURE, True)]
    assert len(reader._sentences) == 2


def test_direction_is_explain_without_the_cue_text():
    cues = load_language("en").tense
    text = "Talks will resume in March."
    start = text.index("March")
    assert direction(text, start, start + 5, cues) == (FUTURE, True)


def test_sentence_bounds_stop_at_sentence_ends():
    text = "Erster Satz. Zweiter Satz am Freitag. Dritter."
    start = text.index("Freitag")
    left, right = sentence_bounds(text, start, start + len("Freitag"))
    assert text[left:right] == "Zweiter Satz am Freitag."
