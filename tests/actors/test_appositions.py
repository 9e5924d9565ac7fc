"""People referred to later by the common noun that introduced them (dashboard/actors/appositions.py)."""

from dashboard.actors import find_actors
from dashboard.actors.ner import Entity


def found(text, *names):
    entities = [Entity(text.index(n), text.index(n) + len(n), "PER", n) for n in names]
    return [(text[m.start:m.end], m.actor.name) for m in find_actors(text, "en", entities=entities)]


def test_the_noun_that_introduced_a_person_names_that_person_later():
    text = "The mayor's spokesman, Ivo Kerrigan, spoke first. Later the spokesman said the plan was dead."
    assert found(text, "Ivo Kerrigan")[-1] == ("spokesman", "Ivo Kerrigan")


def test_a_noun_after_of_or_before_a_name_introduces_nobody():
    text = ("The minister of trade Ivo Kerrigan spoke. The trade figures fell. "
            "Then the minister Olga Brandt said so.")
    assert ("trade", "Ivo Kerrigan") not in found(text, "Ivo Kerrigan", "Olga Brandt")


def test_every_occupation_row_has_an_example_whose_reference_names_its_person():
    from dashboard.actors.gazetteer import ACTORS_DIR, read_rows

    for _, row in read_rows(ACTORS_DIR / "occupation_nouns.csv"):
        found_there = [(row["example"][m.start:m.end], m.actor.name) for m in find_actors(row["example"], row["lang"])]
        assert found_there[-1][0] in row["words"].split("|") and len({n for _, n in found_there}) == 1, row["example"]


def test_an_occupation_no_one_was_introduced_by_is_the_person_named_most_often():
    text = ("Lena Marr died in June. Her doctor Ivo Kerrigan was charged. Lena Marr had debts. "
            "The singer left three children.")
    refs = [(s, n) for s, n in found(text, "Lena Marr", "Ivo Kerrigan", "Lena Marr")]
    assert refs[-1] == ("singer", "Lena Marr")
