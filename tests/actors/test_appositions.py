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
