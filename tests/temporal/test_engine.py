"""What the tagger understands, category by category, in German and English sentences.

Every sentence is tagged against the publication date Tuesday, 2 December 2025. Each case
names the expression to look at; the test finds the one expression over it and checks its type,
value and modifier. Spans are the rule examples' business (test_rule_examples.py).
"""

import re
from datetime import date, datetime

import pytest

from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard.temporal.engine import _Taken, parse_dct, select, tag
from dashboard.temporal.interval import value_interval

DCT = "2025-12-02"

CASES = [
    # Explicit dates in every common form, months, years, seasons, quarters, halves, decades.
    ("explicit", "de", "Der Vertrag wurde am 3. Dezember 2025 unterzeichnet.", "3. Dezember 2025", "DATE", "2025-12-03", None),
    ("explicit", "de", "Die Liste trägt den Stand vom 03.12.2025.", "03.12.2025", "DATE", "2025-12-03", None),
    ("explicit", "de", "Laut Protokoll 2025-12-03 gab es keine Einwände.", "2025-12-03", "DATE", "2025-12-03", None),
    ("explicit", "de", "Im Dezember 2025 trafen sich die Minister.", "Dezember 2025", "DATE", "2025-12", None),
    ("explicit", "de", "Im Jahr 2024 wuchs die Allianz.", "2024", "DATE", "2024", None),
    ("explicit", "de", "Im Sommer 2025 tagte der Gipfel.", "Sommer 2025", "DATE", "2025-SU", None),
    ("explicit", "de", "Das Ziel gilt für das erste Quartal 2026.", "Quartal 2026", "DATE", "2026-Q1", None),
    ("explicit", "de", "In der ersten Jahreshälfte 2026 soll es fallen.", "Jahreshälfte 2026", "DATE", "2026-H1", None),
    ("explicit", "de", "In den 1990er Jahren wuchs die Allianz.", "1990er", "DATE", "199", None),
    ("explicit", "en", "The treaty was signed on Dec. 3rd, 2025.", "Dec. 3rd, 2025", "DATE", "2025-12-03", None),
    ("explicit", "en", "The treaty was signed on 12/3/2025.", "12/3/2025", "DATE", "2025-12-03", None),
    ("explicit", "en", "The treaty was signed on 3 December 2025.", "3 December 2025", "DATE", "2025-12-03", None),
    ("explicit", "en", "Ministers met in December 2025.", "December 2025", "DATE", "2025-12", None),
    ("explicit", "en", "The target applies to the first quarter of 2026.", "quarter", "DATE", "2026-Q1", None),
    ("explicit", "en", "It will happen in the second half of 2026.", "second half", "DATE", "2026-H2", None),
    ("explicit", "en", "The summit took place in the summer of 2025.", "summer", "DATE", "2025-SU", None),
    ("explicit", "en", "The alliance grew in the 1990s.", "1990s", "DATE", "199", None),
    # Weekdays and months without year: the tense of the sentence picks the last or the next one.
    ("tense", "de", "Rutte sprach am Freitag mit Stubb.", "Freitag", "DATE", "2025-11-28", None),
    ("tense", "de", "Die Minister werden am Freitag beraten.", "Freitag", "DATE", "2025-12-05", None),
    ("tense", "de", "Rutte wies am Dienstag die Bedenken zurück.", "Dienstag", "DATE", "2025-12-02", None),
    ("tense", "de", "Rumänien kündigte im Oktober den Abzug an.", "Oktober", "DATE", "2025-10", None),
    ("tense", "de", "Die Entscheidung soll im März fallen.", "März", "DATE", "2026-03", None),
    ("tense", "en", "The minister spoke with Stubb on Friday.", "Friday", "DATE", "2025-11-28", None),
    ("tense", "en", "The ministers will meet on Friday.", "Friday", "DATE", "2025-12-05", None),
    ("tense", "en", "Romania announced in October that troops would leave.", "October", "DATE", "2025-10", None),
    ("tense", "en", "The decision is expected in March.", "March", "DATE", "2026-03", None),
    # Relative expressions.
    ("relative", "de", "Er sagte, dass er morgen nicht hier sein kann.", "morgen", "DATE", "2025-12-03", None),
    ("relative", "de", "Morgen reist der Minister nach Brüssel.", "Morgen", "DATE", "2025-12-03", None),
    ("relative", "de", "Gestern reiste der Minister ab.", "Gestern", "DATE", "2025-12-01", None),
    ("relative", "de", "Heute beginnt das Treffen.", "Heute", "DATE", "2025-12-02", None),
    ("relative", "de", "Der Plan kam im vergangenen Monat.", "vergangenen Monat", "DATE", "2025-11", None),
    ("relative", "de", "Das Bündnis wird nächstes Jahr wachsen.", "nächstes Jahr", "DATE", "2026", None),
    ("relative", "de", "Letzte Woche tagte der Rat.", "Woche", "DATE", "2025-W48", None),
    ("relative", "en", "Troops left last October.", "last October", "DATE", "2025-10", None),
    ("relative", "en", "The council will meet next week.", "next week", "DATE", "2025-W50", None),
    ("relative", "en", "Finland joined two years ago.", "two years ago", "DATE", "2023", None),
    ("relative", "en", "He arrives tomorrow.", "tomorrow", "DATE", "2025-12-03", None),
    ("relative", "en", "He arrived yesterday.", "yesterday", "DATE", "2025-12-01", None),
    ("relative", "en", "Sales fell last month.", "last month", "DATE", "2025-11", None),
    # Parts of periods.
    ("parts", "de", "Die Pläne sollen Anfang 2026 bekannt werden.", "Anfang 2026", "DATE", "2026", "START"),
    ("parts", "de", "Mitte Oktober traf er Stubb.", "Mitte Oktober", "DATE", "2025-10", "MID"),
    ("parts", "de", "Ende des Jahres soll der Plan stehen.", "Ende des Jahres", "DATE", "2025", "END"),
    ("parts", "en", "Plans are expected in early 2026.", "early 2026", "DATE", "2026", "START"),
    ("parts", "en", "Plans are expected early in 2026.", "early in 2026", "DATE", "2026", "START"),
    ("parts", "en", "The talks ended in late May.", "late May", "DATE", "2025-05", "END"),
    ("parts", "en", "By the end of the year the plan will be ready.", "end of the year", "DATE", "2025", "END"),
    # Durations, sets and the present.
    ("durations", "de", "Die Verhandlungen dauerten drei Tage.", "drei Tage", "DURATION", "P3D", None),
    ("durations", "de", "Nach dem vierjährigen Krieg kam der Frieden.", "vierjährigen", "DURATION", "P4Y", None),
    ("durations", "de", "Das Land führt das Bündnis seit langem an.", "langem", "DURATION", "PXY", None),
    ("durations", "de", "Der Bericht erscheint jährlich.", "jährlich", "SET", "P1Y", None),
    ("durations", "de", "Derzeit gibt es keinen Plan.", "Derzeit", "DATE", "PRESENT_REF", None),
    ("durations", "de", "Im Moment gibt es keinen Konsens.", "Im Moment", "DATE", "PRESENT_REF", None),
    ("durations", "en", "The talks lasted three days.", "three days", "DURATION", "P3D", None),
    ("durations", "en", "Ministers meet every Monday.", "every Monday", "SET", "XXXX-WXX-1", None),
    ("durations", "en", "The report is published annually.", "annually", "SET", "P1Y", None),
    ("durations", "en", "There is currently no plan.", "currently", "DATE", "PRESENT_REF", None),
    # Times of day.
    ("time", "de", "Um 14:30 Uhr begann die Sitzung.", "14:30", "TIME", "2025-12-02T14:30", None),
    ("time", "en", "The session began at 2 p.m.", "2 p.m.", "TIME", "2025-12-02T14:00", None),
    # Feasts computed from the calendar.
    ("feasts", "de", "Zu Ostern 2026 soll es Frieden geben.", "Ostern 2026", "DATE", "2026-04-05", None),
    ("feasts", "de", "An Weihnachten wird gefeiert.", "Weihnachten", "DATE", "2025-12-25", None),
    ("feasts", "en", "Families gathered on Thanksgiving.", "Thanksgiving", "DATE", "2025-11-27", None),
    ("feasts", "en", "Peace talks could resume by Easter 2026.", "Easter 2026", "DATE", "2026-04-05", None),
]


def the(text, lang, expression, dct=DCT):
    """The one expression of ``text`` over ``expression``."""
    start = text.index(expression)
    found = tag(text, dct, lang)
    over = [t for t in found if t.start < start + len(expression) and start < t.end]
    assert len(over) == 1, f"{text!r}: expected one expression over {expression!r}, got " \
                           f"{[(t.text, t.type, t.value) for t in found]}"
    return over[0]


@pytest.mark.parametrize(("category", "lang", "text", "expression", "type_", "value", "mod"), CASES,
                         ids=[f"{c[0]}-{c[1]}-{c[3]}" for c in CASES])
def test_the_tagger_understands(category, lang, text, expression, type_, value, mod):
    timex = the(text, lang, expression)
    accepted = value if isinstance(value, tuple) else (value,)
    assert (timex.type, timex.mod) == (type_, mod), timex
    assert timex.value in accepted, timex


# TIMEX3 and the German gold standard call "vor zwei Jahren" the duration "zwei Jahren"; the date
# it points at comes with it as ``implied`` and puts the statement on the timeline.
IMPLYING_DURATIONS = [
    ("de", "Das geschah vor zwei Wochen.", "zwei Wochen", "P2W", "2025-W47"),
    ("de", "Vor zwei Jahren trat Finnland der NATO bei.", "zwei Jahren", "P2Y", "2023"),
    ("de", "Der Abzug erfolgt in drei Monaten.", "drei Monaten", "P3M", "2026-03"),
    ("en", "Troops will leave in three months.", "three months", "P3M", "2026-03"),
]


@pytest.mark.parametrize(("lang", "text", "expression", "value", "implied"), IMPLYING_DURATIONS)
def test_a_duration_from_the_publication_date_implies_a_date(lang, text, expression, value, implied):
    timex = the(text, lang, expression)
    assert (timex.type, timex.value, timex.implied) == ("DURATION", value, implied)
    assert timex.dated and timex.interval() == value_interval(implied)


NOT_DATES = [
    ("de", "Der 28-Punkte-Plan liegt vor."), ("de", "Die Staaten geben 5 % für Verteidigung aus."),
    ("de", "Die Allianz hat 32 Mitglieder."), ("de", "Bis zu 3.000 Soldaten ziehen ab."),
    ("de", "Artikel 5 gilt weiter."), ("de", "Das Paket kostet 2.025 Euro."),
    ("de", "Rund 2000 Soldaten sind stationiert."), ("de", "Erreichbar unter Tel. 030 1234 5678."),
    ("de", "Die Resolution 2231 bleibt in Kraft."), ("de", "Er wohnt in der Hauptstraße 2024."),
    ("en", "The 28-point plan is on the table."), ("en", "Allies spend 5 percent on defence."),
    ("en", "The alliance has 32 members."), ("en", "Up to 3,000 troops will leave."),
    ("en", "Article 5 still applies."), ("en", "The package costs $2,025."),
    ("en", "About 2000 soldiers are stationed there."), ("en", "Call 202 555 0143 for details."),
    ("en", "Resolution 2231 remains in force."), ("en", "The F-35 jets arrived."),
    ("en", "He lives at 2024 Main Street."),
]


@pytest.mark.parametrize(("lang", "text"), NOT_DATES, ids=[t for _, t in NOT_DATES])
def test_numbers_that_are_not_dates_stay_untagged(lang, text):
    assert tag(text, DCT, lang) == []


@pytest.mark.parametrize(("lang", "text", "count"), [
    ("de", "Die Zahl der Anträge stieg im Oktober auf 2024.", "2024"),
    ("en", "The number of applications rose to 2024 in October.", "2024"),
])
def test_a_bare_number_after_a_count_verb_is_no_year(lang, text, count):
    start = text.index(count)
    assert [t.text for t in tag(text, DCT, lang) if t.start < start + 4 and start < t.end] == []


def test_this_winter_contains_the_publication_date():
    winter = the("In diesem Winter wird es kalt.", "de", "Winter", dct="2025-12-15")
    interval = winter.interval()
    assert interval.start <= datetime(2025, 12, 15) < interval.end, (winter.value, interval)


def test_midnight_as_24_uhr_has_an_interval():
    timex = the("Die Frist endet am 3. Dezember 2025 um 24 Uhr.", "de", "24 Uhr")
    assert timex.type == "TIME" and timex.interval() is not None, timex


def test_without_a_dct_open_fields_stay_x_or_follow_the_text():
    assert the("Im Oktober kam die Einheit.", "de", "Oktober", dct=None).value == "XXXX-10"
    assert the("Am 3. Oktober 1990 kam die Einheit, im November folgte die Wahl.", "de", "November",
               dct=None).value == "1990-11"


def test_a_narrative_text_anchors_on_the_dates_it_names():
    text = "Im Jahr 1990 fiel die Entscheidung. Im Oktober kam die Einheit."
    assert the(text, "de", "Oktober").value == "2025-10"
    narrative = [t for t in tag(text, DCT, "de", narrative=True) if t.text.endswith("Oktober")]
    assert [t.value for t in narrative] == ["1990-10"]


def test_empty_text_gives_no_expressions():
    assert tag("", DCT, "de") == [] and tag("", None, "en") == []


def test_dcts_are_iso_dates_strings_dates_or_datetimes():
    assert parse_dct("2025-12-02") == parse_dct(date(2025, 12, 2)) == parse_dct(datetime(2025, 12, 2, 9, 30))
    assert parse_dct("2025-12-02T09:30:00Z") == date(2025, 12, 2)
    assert parse_dct(None) is None and parse_dct("") is None


@pytest.mark.parametrize("dct", ["2025-13-45", "02.12.2025", "yesterday", "2025-02-30"])
def test_an_invalid_dct_is_a_value_error_naming_it(dct):
    with pytest.raises(ValueError, match=f"invalid date '{dct}'"):
        tag("am Dienstag", dct, "de")


def test_an_unknown_language_is_a_value_error_even_for_empty_text():
    with pytest.raises(ValueError, match="unknown language"):
        tag("", DCT, "xx")


def reference_selection(spans):
    """Greedy selection the slow, obvious way: take a span unless it overlaps one taken before."""
    taken = []
    for start, end in spans:
        if all(end <= s or e <= start for s, e in taken):
            taken.append((start, end))
    return taken


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 60), st.integers(1, 12)), max_size=40))
def test_the_selection_takes_what_the_obvious_greedy_one_takes(pairs):
    spans = [(start, start + length) for start, length in pairs]
    taken = _Taken(sorted({s for s, _ in spans}))
    assert [(s, e) for s, e in spans if taken.take(s, e)] == reference_selection(spans)


def test_the_longest_candidate_wins_its_overlaps_in_a_run_of_month_names():
    text = "January February March April May June July August September October November December " * 50
    found = tag(text, DCT, "en")
    assert len(found) == 600
    assert [t.text for t in found[:12]] == text.split()[:12]
    assert all(t.type == "DATE" and t.rule == "en-month" for t in found)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 60), st.integers(1, 12)), min_size=1, max_size=600))
def test_few_and_many_candidates_are_selected_alike(pairs):
    """Below a few hundred candidates the selection uses sorted lists, above it the tree."""
    from dashboard.temporal.resources import load_language

    rule = next(r for r in load_language("en").rules if not r.negative)
    text = "x" * 80
    found = [(s, s + n, rule, re.match(".{%d}" % n, text[s:])) for s, n in pairs]
    chosen = [(c[0], c[1]) for c in select(found)]
    ranked = sorted(found, key=lambda c: (-(c[1] - c[0]), c[0]))
    assert sorted(chosen) == sorted(reference_selection([(c[0], c[1]) for c in ranked]))
