"""Names the recogniser cut short, completed from the rest of the article (dashboard/actors/completion.py),
and one name per actor named in a longer and a shorter form."""

from dashboard.actors import find_actors
from dashboard.actors.completion import completed
from dashboard.actors.ner import Entity


def ents(text, *spans):
    """Entities for each (surface, label), at the surface's first occurrence after the end of the last one."""
    out, position = [], 0
    for surface, label in spans:
        start = text.index(surface, position)
        out.append(Entity(start, start + len(surface), label, surface))
        position = start + len(surface)
    return out


def names(text, entities):
    return [(text[m.start:m.end], m.actor.name) for m in find_actors(text, "en", entities=entities)]


def test_a_capitalised_word_after_a_name_joins_it_where_the_article_repeats_the_longer_form():
    text = "The promoter Zanta Live denied it. Zanta Live was not available for comment."
    grown = completed(text, ents(text, ("Zanta", "ORG"), ("Zanta", "ORG")))
    assert [e.text for e in grown] == ["Zanta Live", "Zanta Live"]


def test_a_name_cut_before_its_last_word_is_completed_where_that_word_was_tagged_with_the_one_before():
    text = "His spokesman, Kofi Adu Mensah, spoke. Later Adu Mensah said more."
    grown = completed(text, ents(text, ("Kofi Adu", "PER"), ("Adu Mensah", "PER")))
    assert [e.text for e in grown] == ["Kofi Adu Mensah", "Adu Mensah"]


def test_a_capitalised_word_after_a_name_only_once_stays_apart():
    text = "Pat Quillan Police said the house was empty."
    assert [e.text for e in completed(text, ents(text, ("Pat Quillan", "PER")))] == ["Pat Quillan"]


def test_a_shorter_name_of_a_person_named_in_full_is_that_person():
    text = "His spokesman, Kofi Adu Mensah, spoke. Later Mr Adu Mensah said more."
    found = names(text, ents(text, ("Kofi Adu Mensah", "PER")))
    assert ("Adu Mensah", "Kofi Adu Mensah") in found


def test_the_first_word_of_an_organisation_named_in_full_is_that_organisation():
    text = "Insurer Brockett's of Leeds sued the promoter Zanta Live. Zanta took out the policy. Brockett said no."
    found = names(text, ents(text, ("Leeds", "LOC"), ("Zanta Live", "ORG"), ("Zanta", "ORG"), ("Brockett", "PER")))
    assert [n for _, n in found] == ["Brockett's of Leeds", "Zanta Live", "Zanta Live", "Brockett's of Leeds"]


def test_a_given_name_with_a_name_particle_is_a_person_the_recogniser_need_not_know():
    from dashboard.actors.gazetteer import ACTORS_DIR, read_rows

    for _, row in read_rows(ACTORS_DIR / "name_particles.csv"):
        people = [m.actor.name for m in find_actors(row["example"], row["lang"], entities=[]) if m.actor.kind == "person"]
        assert len(people) == 1 and (" al-" in people[0] or " bin " in people[0]), row["example"]


def test_a_name_particle_after_a_lower_case_word_names_no_person():
    text = "He spoke to the channel al-Arabiya on Monday."
    assert [m.actor.kind for m in find_actors(text, "en", entities=[])] == []


def test_a_given_name_alone_is_the_one_person_of_the_article_it_begins_the_name_of():
    text = "Michael Okoro won the race. Later Michael said he was tired. Sidney Okafor and Okafor Bank met."
    found = names(text, ents(text, ("Michael Okoro", "PER"), ("Michael", "PER")))
    assert found[:2] == [("Michael Okoro", "Michael Okoro"), ("Michael", "Michael Okoro")]


def test_a_given_name_right_before_a_person_tag_joins_the_name():
    text = "A statement came from Attorney Mary Jo Quillan. Quillan leads the team."
    grown = completed(text, ents(text, ("Jo Quillan", "PER")))
    assert [e.text for e in grown] == ["Mary Jo Quillan"]
