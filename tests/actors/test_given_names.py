"""A common given name before a capitalised word names a person the recogniser may have missed."""

import pytest

from dashboard.actors import recognize
from dashboard.actors.gazetteer import ACTORS_DIR, read_rows
from dashboard.actors.ner import Entity


def people(text: str, lang: str) -> dict[str, str]:
    """The people recognised in ``text``: surface -> canonical name."""
    return {text[m.start:m.end]: m.actor.name for m in recognize(text, lang).mentions if m.actor.kind == "person"}


@pytest.mark.parametrize("row", [row for _, row in read_rows(ACTORS_DIR / "given_names.csv")], ids=lambda row: row["group"])
def test_every_group_of_given_names_finds_the_person_of_its_example(row):
    assert row["person"] in people(row["example"], row["lang"]).values()


@pytest.mark.parametrize("row", [row for _, row in read_rows(ACTORS_DIR / "given_name_guards.csv")], ids=lambda row: row["lang"])
def test_a_given_name_after_a_guard_word_is_no_person(row):
    assert people(row["example"], row["lang"]) == {}


def test_the_surname_later_in_the_article_is_the_same_person():
    text = "Hans Obermair, Chef der Kellerei, zeigte sich zufrieden. Obermair will im Herbst investieren."
    assert people(text, "de") == {"Hans Obermair": "Hans Obermair", "Obermair": "Hans Obermair"}


def test_two_given_names_and_a_particle_belong_to_the_name():
    assert "Franz Josef Strauß" in people("Gestern hat Franz Josef Strauß gesprochen.", "de")
    assert "Maria von Salten" in people("Gestern hat Maria von Salten gesprochen.", "de")


def test_no_person_where_the_next_word_is_no_surname_or_starts_a_compound():
    assert people("Die Hans-Obermair-Straße wird gesperrt.", "de") == {}
    assert people("Gestern kam Peter Im Park an.", "de") == {}  # "Im" opens no name


def test_a_hyphen_joins_an_english_double_surname_and_a_german_compound():
    assert "Richard Norton-Taylor" in people("Yesterday Richard Norton-Taylor wrote about it.", "en")
    assert "Hannah Arendt-Zitat" not in people("Das Hannah Arendt-Zitat stand über der Tür.", "de")


def _recognized(text: str, lang: str, entities: list[tuple[str, str]]) -> dict[str, tuple[str, str]]:
    """Mentions (surface -> canonical name, kind) where the recogniser tagged ``entities`` (surface, label),
    each at the next use of its surface after the one before it."""
    tagged, start = [], 0
    for surface, label in entities:
        start = text.index(surface, start)
        tagged.append(Entity(start, start + len(surface), label, surface))
        start += len(surface)
    return {text[m.start:m.end]: (m.actor.name, m.actor.kind) for m in recognize(text, lang, entities=tagged).mentions}


def test_a_whole_name_the_recogniser_took_for_an_organisation_or_a_place_is_a_person():
    text = "Health Secretary Nicola Sturgeon said that Susan Watts was right. Sturgeon spoke later."
    found = _recognized(text, "en", [("Nicola Sturgeon", "ORG"), ("Susan Watts", "LOC"), ("Sturgeon", "PER")])
    assert found["Nicola Sturgeon"] == ("Nicola Sturgeon", "person")
    assert found["Susan Watts"] == ("Susan Watts", "person")
    assert found["Sturgeon"] == ("Nicola Sturgeon", "person")


def test_a_name_whose_last_word_makes_it_a_company_stays_the_recognisers():
    found = _recognized("Shares of Eva Airways rose on Monday.", "en", [("Eva Airways", "ORG")])
    assert found["Eva Airways"][1] == "company"


def test_a_given_name_alone_taken_for_an_organisation_is_the_person_it_opens():
    text = "The violinist Nicola Benedetti returns to Glasgow. Nicola won the prize in 2004."
    found = _recognized(text, "en", [("Nicola Benedetti", "ORG"), ("Nicola", "ORG")])
    assert found["Nicola"] == ("Nicola Benedetti", "person")


def test_a_given_name_once_inside_a_place_still_opens_a_name():
    text = "Popular violinist Nicola Benedetti returns. In Glasgow, Nicola Benedetti makes her debut."
    found = _recognized(text, "en", [("Nicola Benedetti", "PER"), ("Nicola Benedetti", "LOC")])
    assert found["Nicola Benedetti"] == ("Nicola Benedetti", "person")


def test_a_firms_name_is_no_repeat_where_it_is_a_persons_surname():
    text = "Der Brand in der Werkshalle des Kunststoffherstellers Dolar ist geklärt. Der Besitzer Roland Dolar hatte es vermutet."
    found = _recognized(text, "de", [("Roland Dolar", "PER")])
    assert found["Dolar"] == ("Dolar", "company")
    assert found["Roland Dolar"] == ("Roland Dolar", "person")
