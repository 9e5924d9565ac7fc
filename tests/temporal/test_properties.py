"""Properties of the tagger that hold for any text (hypothesis).

Whatever the text, tagging never raises; expressions lie inside the text, ``text[start:end]`` is
their text, they come sorted and never overlap; every value parses for its type; every DATE or
TIME interval is non-empty. Generated dates (day, month, year in the usual spellings) and
weekdays in past and future sentences are checked against :mod:`datetime`.
"""

from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from dashboard.temporal.engine import tag
from dashboard.temporal.timex import TYPES
from .timex3 import value_ok

LANGS = ("de", "en")
# Pieces of news text that temporal rules are made of, so random texts hit the rules often.
PIECES = (
    "am", "im", "vor", "seit", "bis", "Anfang", "Mitte", "Ende", "nächsten", "vergangenen", "letzten", "Jahr",
    "Jahren", "Monat", "Woche", "Tagen", "Dienstag", "Mittwoch", "Oktober", "Dezember", "März", "Mai", "Winter",
    "Ostern", "morgen", "gestern", "heute", "derzeit", "jährlich", "vierjährigen", "Uhr", "Quartal", "Jahrhundert",
    "on", "in", "last", "next", "ago", "early", "late", "the", "of", "year", "years", "month", "week", "days",
    "Tuesday", "Friday", "October", "May", "Dec.", "spring", "summit", "NATO-Gipfel", "Washington", "Den Haag",
    "tomorrow", "yesterday", "currently", "every", "a.m.", "p.m.", "quarter", "decade", "century",
    "1", "3.", "12", "24.", "31", "2024", "2025", "2026", "1990", "1990er", "03.12.2025", "2025-12-03", "12/3/2025",
    "14:30", "3.000", "5 %", "28-Punkte-Plan", "Artikel 5", ".", ",", "-", "–", "/", "\n", "'", "\"",
)
DCTS = st.one_of(st.none(), st.dates(date(1950, 1, 1), date(2060, 12, 31)))
texts = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=6)), max_size=40).map(" ".join),
    st.lists(st.sampled_from(PIECES), max_size=40).map(lambda words: "".join(words)),
)
PROPERTY_SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check_invariants(text, found):
    previous_end = 0
    for timex in found:
        assert 0 <= timex.start < timex.end <= len(text), timex
        assert text[timex.start:timex.end] == timex.text, timex
        assert timex.start >= previous_end, f"overlapping or unsorted: {found}"
        previous_end = timex.end
        assert timex.type in TYPES, timex
        assert value_ok(timex.type, timex.value), f"{timex.value!r} is no {timex.type} value ({timex.text!r})"
        interval = timex.interval()  # raises where start >= end
        if interval is not None:
            assert interval.start < interval.end
        if timex.type not in ("DATE", "TIME"):
            assert interval is None


@PROPERTY_SETTINGS
@given(text=texts, dct=DCTS, lang=st.sampled_from(LANGS))
def test_any_text_is_tagged_without_error_into_well_formed_expressions(text, dct, lang):
    check_invariants(text, tag(text, dct, lang))


@settings(max_examples=100, deadline=None)
@given(text=st.text(max_size=200), lang=st.sampled_from(("fr", "es", "it", "nl")))
def test_languages_without_hand_resources_keep_the_same_invariants(text, lang):
    check_invariants(text, tag(text, "2025-12-02", lang))


MONTHS_DE = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
             "November", "Dezember")
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December")
ABBREVIATIONS_DE = ("Jan.", "Feb.", "März", "Apr.", "Mai", "Jun.", "Jul.", "Aug.", "Sept.", "Okt.", "Nov.", "Dez.")
ABBREVIATIONS_EN = ("Jan.", "Feb.", "March", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.")
WEEKDAYS_DE = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")
WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
SPELLINGS = {
    "de": [
        lambda d: f"{d.day}. {MONTHS_DE[d.month - 1]} {d.year}",
        lambda d: f"{d.day:02d}.{d.month:02d}.{d.year}",
        lambda d: f"{d.day}.{d.month}.{d.year}",
        lambda d: d.isoformat(),
        lambda d: f"{d.day}. {ABBREVIATIONS_DE[d.month - 1]} {d.year}",
        lambda d: f"{WEEKDAYS_DE[d.weekday()]}, {d.day}. {MONTHS_DE[d.month - 1]} {d.year}",
    ],
    "en": [
        lambda d: f"{MONTHS_EN[d.month - 1]} {d.day}, {d.year}",
        lambda d: f"{d.day} {MONTHS_EN[d.month - 1]} {d.year}",
        lambda d: f"{d.month}/{d.day}/{d.year}",
        lambda d: d.isoformat(),
        lambda d: f"{ABBREVIATIONS_EN[d.month - 1]} {ordinal(d.day)}, {d.year}",
        lambda d: f"{WEEKDAYS_EN[d.weekday()]}, {MONTHS_EN[d.month - 1]} {d.day}, {d.year}",
    ],
}


def ordinal(n):
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"

FRAMES = {"de": "Das Abkommen wurde am {} in Brüssel unterzeichnet.",
          "en": "The agreement was signed in Brussels on {}."}


def only_expression(text, dct, lang):
    found = tag(text, dct, lang)
    assert len(found) == 1, f"{text!r}: {[(t.text, t.value) for t in found]}"
    return found[0]


@settings(max_examples=200, deadline=None)
@given(day=st.dates(date(1900, 1, 1), date(2099, 12, 31)), dct=st.dates(date(2000, 1, 1), date(2030, 12, 31)),
       lang=st.sampled_from(LANGS), spelling=st.integers(0, 5))
def test_explicit_dates_in_every_spelling_normalise_to_that_day(day, dct, lang, spelling):
    written = SPELLINGS[lang][spelling](day)
    timex = only_expression(FRAMES[lang].format(written), dct, lang)
    assert (timex.text, timex.type, timex.value) == (written, "DATE", day.isoformat())


@settings(max_examples=100, deadline=None)
@given(month=st.integers(1, 12), year=st.integers(1900, 2099), lang=st.sampled_from(LANGS))
def test_month_and_year_normalise_to_that_month(month, year, lang):
    name = (MONTHS_DE if lang == "de" else MONTHS_EN)[month - 1]
    timex = only_expression(f"{name} {year}", "2025-12-02", lang)
    assert timex.value == f"{year}-{month:02d}"
    interval = timex.interval()
    assert interval.start.date() == date(year, month, 1)
    assert (interval.end - timedelta(days=1)).month == month


TENSED = {
    ("weekday", "de", -1): "Die Ministerin sprach am {} mit ihrem Amtskollegen.",
    ("weekday", "de", +1): "Die Ministerin wird am {} mit ihrem Amtskollegen sprechen.",
    ("weekday", "en", -1): "The minister spoke with her counterpart on {}.",
    ("weekday", "en", +1): "The minister will speak with her counterpart on {}.",
    ("month", "de", -1): "Rumänien kündigte im {} einen Truppenabzug an.",
    ("month", "de", +1): "Rumänien wird im {} über den Truppenabzug entscheiden.",
    ("month", "en", -1): "Romania announced a troop withdrawal in {}.",
    ("month", "en", +1): "Romania will decide on the troop withdrawal in {}.",
}
NAMES = {("weekday", "de"): WEEKDAYS_DE, ("weekday", "en"): WEEKDAYS_EN,
         ("month", "de"): MONTHS_DE, ("month", "en"): MONTHS_EN}


def steps_from(dct, unit, value):
    """The weekday (or month) a value names and how many days (or months) it lies from the DCT."""
    if unit == "weekday":
        day = date.fromisoformat(value)
        return day.isoweekday(), (day - dct).days
    year, month = map(int, value.split("-"))
    return month, (year - dct.year) * 12 + month - dct.month


@settings(max_examples=300, deadline=None)
@given(dct=st.dates(date(2000, 1, 1), date(2030, 12, 31)), unit=st.sampled_from(("weekday", "month")),
       number=st.integers(1, 12), lang=st.sampled_from(LANGS), tense=st.sampled_from((-1, +1)))
def test_weekdays_and_months_are_the_last_one_in_the_past_tense_and_the_next_one_in_the_future(
        dct, unit, number, lang, tense):
    names = NAMES[unit, lang]
    number = (number - 1) % len(names) + 1
    timex = only_expression(TENSED[unit, lang, tense].format(names[number - 1]), dct, lang)
    found, steps = steps_from(dct, unit, timex.value)
    within = len(names) - 1  # six days, eleven months
    assert found == number
    assert (-within <= steps <= 0) if tense < 0 else (0 <= steps <= within), f"{timex.value} from {dct}"


AGO = {"de": "Das Treffen fand vor {} Tagen statt.", "en": "The meeting took place {} days ago."}


@pytest.mark.parametrize("lang", LANGS)
@settings(max_examples=50, deadline=None)
@given(days=st.integers(2, 60), dct=st.dates(date(2000, 1, 1), date(2030, 12, 31)))
def test_days_ago_count_back_from_the_publication_date(days, dct, lang):
    timex = only_expression(AGO[lang].format(days), dct, lang)
    day = (dct - timedelta(days=days)).isoformat()
    if lang == "de":  # "vor 3 Tagen" is the duration "3 Tagen" implying that day (German gold)
        assert (timex.type, timex.value, timex.implied) == ("DURATION", f"P{days}D", day)
    else:
        assert (timex.type, timex.value) == ("DATE", day)


@pytest.mark.parametrize(("type_", "value"), [
    ("DATE", "2025-12-03"), ("DATE", "2025-W49"), ("DATE", "2026-Q1"), ("DATE", "2025-SU"), ("DATE", "XXXX-10"),
    ("DATE", "199"), ("DATE", "BC0490"), ("DATE", "PRESENT_REF"), ("TIME", "2025-12-03T14:30"),
    ("TIME", "2025-12-02TMO"), ("DURATION", "P4Y"), ("DURATION", "PXY"), ("DURATION", "PT30M"),
    ("DURATION", "P2Y6M"), ("SET", "P1W"), ("SET", "XXXX-WXX-1"),
])
def test_the_value_validator_accepts_timex3_values(type_, value):
    assert value_ok(type_, value)


@pytest.mark.parametrize(("type_", "value"), [
    ("DATE", "2025-13"), ("DATE", "2025-02-30"), ("DATE", "2025-W54"), ("DATE", "P4Y"), ("DATE", "2025-X-X"),
    ("TIME", "2025-12-03T25:00"), ("DURATION", "2025"), ("DURATION", "P"), ("SET", "2025-12-03"), ("DATE", ""),
])
def test_the_value_validator_rejects_what_is_not(type_, value):
    assert not value_ok(type_, value)
