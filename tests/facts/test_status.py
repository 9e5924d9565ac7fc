"""Status: the interval against the publication date first, then tense, modal and planning cues."""

from datetime import date, datetime

import pytest

from dashboard.facts.status import cue_status, fact_status
from dashboard.temporal import Interval

DCT = date(2025, 12, 2)


def status(sentence, expression, interval, value="X", lang="de", dct=DCT):
    start = sentence.index(expression)
    return fact_status(interval, value, dct, sentence, start, start + len(expression), lang)


def days(first, last_exclusive, granularity="day"):
    return Interval(datetime.fromisoformat(first), datetime.fromisoformat(last_exclusive), granularity)


def test_an_interval_before_the_publication_day_is_past_even_in_a_future_clause():
    sentence = "Rumänien kündigte im Oktober an, dass die USA ihre Truppen reduzieren werden."
    assert status(sentence, "im Oktober", days("2025-10-01", "2025-11-01", "month")) == "past"


def test_an_interval_after_the_publication_day_is_future():
    sentence = "Es wird erwartet, dass die Regierung ihre Pläne Anfang 2026 bekannt geben wird."
    assert status(sentence, "Anfang 2026", days("2026-01-01", "2026-05-02", "year")) == "future"


@pytest.mark.parametrize(
    "sentence, expression, lang, expected",
    [
        ("Die Regierung plant in diesem Jahr noch eine Reform.", "in diesem Jahr", "de", "future"),
        ("Die Regierung soll in diesem Jahr noch entscheiden.", "in diesem Jahr", "de", "future"),
        ("In diesem Jahr hat die Regierung drei Gesetze beschlossen.", "In diesem Jahr", "de", "past"),
        ("In diesem Jahr wuchs die Wirtschaft, sagte sie.", "In diesem Jahr", "de", "past"),
        ("Derzeit verhandeln die Parteien in diesem Jahr weiter.", "in diesem Jahr", "de", "ongoing"),
        ("The ministry is expected to publish its plan this year.", "this year", "en", "future"),
        ("This year the alliance agreed on a new target.", "This year", "en", "past"),
        ("This year, talks continue in Geneva.", "This year", "en", "ongoing"),
    ],
)
def test_an_interval_holding_the_publication_day_is_decided_by_cues(sentence, expression, lang, expected):
    year = days("2025-01-01", "2026-01-01", "year")
    assert status(sentence, expression, year, lang=lang) == expected


def test_the_cue_of_the_expressions_own_clause_wins():
    sentence = "Sie sagte gestern, die Regierung werde im Dezember entscheiden."
    assert cue_status(sentence, sentence.index("im Dezember"), sentence.index("im Dezember") + 11, "de") == "future"


def test_reference_values_have_their_own_direction():
    assert status("Im Moment gibt es keinen Konsens.", "Im Moment", None, value="PRESENT_REF") == "ongoing"
    assert status("Früher war alles anders.", "Früher", None, value="PAST_REF") == "past"
    assert status("In Zukunft soll alles anders werden.", "In Zukunft", None, value="FUTURE_REF") == "future"


def test_without_a_publication_date_the_cues_decide():
    assert status("The summit will take place in 2030.", "2030", days("2030-01-01", "2031-01-01"), lang="en", dct=None) == "future"
    assert status("The treaty was signed in 1990.", "1990", days("1990-01-01", "1991-01-01"), lang="en", dct=None) == "past"


@pytest.mark.parametrize(
    "sentence, expression, expected",
    [
        # perfect tense with an inseparable participle, the expression inside the verb frame
        ("Die Minister haben sich am Mittwoch in Brüssel darauf verständigt, mehr auszugeben.", "am Mittwoch", "past"),
        # a clause-final weak past in a subordinate clause outweighs "werden" of the main clause
        ("Die Truppen werden abgezogen, wie das Ministerium am Mittwoch mitteilte.", "am Mittwoch", "past"),
        # a zu-infinitive after an announcement: planned
        ("Die Regierung hatte angekündigt, ihren Bericht Anfang des Jahres vorzulegen.", "Anfang des Jahres", "future"),
    ],
)
def test_german_tense_forms_on_the_publication_day(sentence, expression, expected):
    around_dct = days("2025-12-01", "2025-12-08", "week")
    assert status(sentence, expression, around_dct) == expected


@pytest.mark.parametrize(
    "sentence, expression, dct, first, last",
    [
        ("Im 20. Jahrhundert wird die Stadt weiter wachsen.", "20. Jahrhundert", date(1995, 5, 10), "1900-01-01", "2000-01-01"),
        ("Die Aufgaben des 21. Jahrhunderts werden groß sein.", "des 21. Jahrhunderts", date(2006, 3, 1), "2000-01-01", "2100-01-01"),
    ],
)
def test_a_long_period_holding_the_publication_date_is_ongoing_not_future(sentence, expression, dct, first, last):
    century = days(first, last, "century")
    assert status(sentence, expression, century, dct=dct) == "ongoing"


def test_a_long_period_told_of_in_the_past_stays_past():
    sentence = "Im 20. Jahrhundert wurde viel gebaut."
    assert status(sentence, "20. Jahrhundert", days("1900-01-01", "2000-01-01", "century"), dct=date(1995, 5, 10)) == "past"


def facts_of(text, dct, lang):
    from dashboard.facts import document_from_text, extract_facts

    return extract_facts(document_from_text(text, dct=dct, lang=lang))


@pytest.mark.parametrize("text, dct, expression, value", [
    ("Im 20. Jahrhundert wird die Stadt weiter wachsen.", "1995-05-10", "20. Jahrhundert", "19"),
    ("Die Aufgaben des 21. Jahrhunderts werden groß sein.", "2006-03-01", "des 21. Jahrhunderts", "20"),
])
def test_a_century_holding_the_publication_date_is_an_ongoing_fact(text, dct, expression, value):
    facts = facts_of(text, dct, "de")
    assert facts[["timex_text", "value", "status"]].values.tolist() == [[expression, value, "ongoing"]]


def test_a_present_tense_weekday_points_ahead():
    facts = facts_of("Talks resume on Monday.", "2019-05-08", "en")  # a Wednesday: nearest would be 6 May
    assert list(facts["value"]) == ["2019-05-13"]
    assert list(facts["status"]) == ["future"]


def test_the_worst_in_a_decade_is_a_duration_back_not_the_next_decade():
    from dashboard.temporal import tag

    found = tag("It was the worst drought in a decade.", "2023-05-10", "en")
    assert [(t.text, t.type, t.value, t.implied) for t in found] == [("a decade", "DURATION", "P10Y", "")]
    assert facts_of("It was the worst drought in a decade.", "2023-05-10", "en").empty


def test_that_day_after_a_year_only_antecedent_is_no_first_of_january():
    text = "Geplant war die Brücke seit 1970. An diesem Tag kamen tausende Besucher."
    facts = facts_of(text, "2019-05-10", "de")
    row = facts[facts["timex_text"] == "diesem Tag"].iloc[0]
    assert row["value"] == "2019-05-10"
    text = "Die Brücke wurde am 3. Juni 1985 eröffnet. Geplant war sie seit 1970. An diesem Tag kamen tausende Besucher."
    facts = facts_of(text, "2019-05-10", "de")
    row = facts[facts["timex_text"] == "diesem Tag"].iloc[0]
    assert (row["value"], row["status"]) == ("1985-06-03", "past")
