"""Languages without hand resources: explicit dates from dateparser's locale data."""

import pytest

from dashboard.temporal.engine import tag
from dashboard.temporal.locale_fallback import dateparser_words, generated_language

DCT = "2025-12-02"


@pytest.mark.parametrize(("lang", "text", "span", "value"), [
    ("fr", "Le sommet a eu lieu le 3 décembre 2025.", "3 décembre 2025", "2025-12-03"),
    ("es", "La cumbre fue el 3 de diciembre de 2025.", "3 de diciembre de 2025", "2025-12-03"),
    ("it", "Il vertice si è tenuto il 3 dicembre 2025.", "3 dicembre 2025", "2025-12-03"),
    ("nl", "De top vond plaats op 3 december 2025.", "3 december 2025", "2025-12-03"),
    ("pl", "Szczyt odbył się 3 grudnia 2025.", "3 grudnia 2025", "2025-12-03"),
    ("fr", "Les ministres se sont réunis en décembre 2025.", "décembre 2025", "2025-12"),
    ("es", "Los ministros se reunieron en diciembre de 2025.", "diciembre de 2025", "2025-12"),
    ("fr", "Le document est daté du 2025-12-03.", "2025-12-03", "2025-12-03"),
    ("fr", "Le ministre est arrivé hier.", "hier", "2025-12-01"),
    ("es", "El ministro llegó ayer.", "ayer", "2025-12-01"),
])
def test_every_dateparser_language_gets_explicit_dates(lang, text, span, value):
    assert [(t.text, t.value) for t in tag(text, DCT, lang)] == [(span, value)]


@pytest.mark.parametrize(("lang", "text"), [
    ("fr", "Il nage dans la mer."),  # "mer." abbreviates mercredi, "la mer" is the sea
    ("fr", "Le jeu commence."),
    ("es", "El mar está tranquilo."),
    ("it", "Il mar Mediterraneo è calmo."),
])
def test_weekday_abbreviations_alone_are_ordinary_words(lang, text):
    assert tag(text, DCT, lang) == []


def test_month_and_weekday_names_come_from_the_locale_data():
    assert dateparser_words("fr", "months")["décembre"] == "12"
    assert dateparser_words("de", "weekdays")["dienstag"] == "2"
    with pytest.raises(ValueError):
        dateparser_words("fr", "seasons")


def test_a_code_dateparser_does_not_know_gives_no_language():
    assert generated_language("xx") is None
    assert generated_language("../etc") is None
