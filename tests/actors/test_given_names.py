"""A common given name before a capitalised word names a person the recogniser may have missed."""

import pytest

from dashboard.actors import recognize
from dashboard.actors.gazetteer import ACTORS_DIR, read_rows


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
