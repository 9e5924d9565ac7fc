"""References back to actors named before: a role in lower case, a kind word ("the company"),
a group ("the three countries"), a pronoun that opens a sentence naming someone else."""

from datetime import date

from dashboard.actors import find_actors
from dashboard.actors.anaphora import plural_references
from dashboard.actors.model import Actor
from dashboard.actors.ner import Entity
from dashboard.facts import Document, extract_facts


def actors_of(text, lang, contains):
    facts = extract_facts(Document("ref", text, dct=date(2025, 12, 2), lang=lang))
    [row] = facts[facts["sentence"].str.contains(contains)].to_dict("records")
    return set(row["actors"])


def test_the_president_in_lower_case_is_the_president_named_before():
    text = "President Bill Clinton spoke on Monday. Later the president said he would wait."
    found = [(text[m.start:m.end], m.actor.name) for m in find_actors(text, "en", entities=[])]
    assert found[-1] == ("president", "Bill Clinton")


def test_the_company_and_the_ministry_are_the_ones_named_before():
    text = "Magna International Inc. lost money. The Chinese Ministry of Health warned. The company and the ministry said no."
    entities = [Entity(text.index(name), text.index(name) + len(name), "ORG", name)
                for name in ("Magna International", "Chinese Ministry of Health")]
    found = [(text[m.start:m.end], m.actor.name) for m in find_actors(text, "en", entities=entities)]
    assert ("company", "Magna International Inc.") in found and ("ministry", "Chinese Ministry of Health") in found


def test_a_group_is_the_last_states_named_and_stays_that_group():
    recent = {"state": [Actor("United States", "state"), Actor("Poland", "state"), Actor("Hungary", "state"),
                        Actor("Czechia", "state")]}
    groups: dict = {}
    first = plural_references("the three countries' ministers signed", "en", recent, groups)
    assert [a.name for a in first] == ["Poland", "Hungary", "Czechia"]
    recent["state"] = recent["state"][1:] + [Actor("United States", "state")]
    later = plural_references("these three democracies joined", "en", recent, groups)
    assert [a.name for a in later] == ["Poland", "Hungary", "Czechia"]
    assert plural_references("the two nations agreed", "en", {"state": recent["state"][:1]}, {}) == []


def test_the_two_presidents_in_a_fact_row_are_both_people_named_before():
    text = ("President Boris Yeltsin met Ukrainian President Leonid Kuchma in Moscow on Friday. "
            "The two presidents signed the plan on Saturday.")
    assert {"Boris Yeltsin", "Leonid Kuchma"} <= actors_of(text, "en", "two presidents")


def test_a_pronoun_opening_a_sentence_is_the_person_named_before_whoever_the_sentence_names_after():
    text = ("Landeshauptmann Luis Durnwalder traf am Montag Pat Cox. „Cox ist kompetent“, so Durnwalder. "
            "Er habe Cox am Dienstag gefragt.")
    assert {"Luis Durnwalder", "Pat Cox"} <= actors_of(text, "de", "Er habe")


def test_an_age_for_a_name_is_the_person_named_before():
    text = "Zdenek Stybar gewann die Etappe am Montag. Der 29-Jährige setzte sich vor Peter Sagan durch."
    assert actors_of(text, "de", "29-Jährige") >= {"Zdenek Stybar"}
    text = "Neal Horsley spoke on Friday. Later the 47-year-old said he would appeal."
    assert actors_of(text, "en", "47-year-old") == {"Neal Horsley"}


def test_the_two_companies_are_both_companies_named_before():
    text = "Ratners Group PLC agreed on Monday to buy Weisfield's Inc. for $55 million. The two companies said the deal would close in December."
    assert actors_of(text, "en", "two companies") == {"Ratners Group PLC", "Weisfield's Inc."}


def test_the_insurer_is_the_company_named_before():
    text = "Brockett Insurance Ltd. refused to pay. The insurer said the policy was void."
    found = [(text[m.start:m.end], m.actor.name) for m in find_actors(text, "en", entities=[])]
    assert found[-1] == ("insurer", "Brockett Insurance Ltd.")


def test_a_pronoun_opening_a_sentence_is_the_person_the_sentence_before_opened_with():
    text = ("Tomas Brandt, who lives in Leeds, was charged with hitting Dr. Olga Marsh on Monday. "
            "He also is wanted for a theft. She was not hurt, police said.")
    assert actors_of(text, "en", "He also") == {"Tomas Brandt"}


def test_german_beide_and_die_beiden_politiker_are_the_last_two_people_named_before():
    recent = {"person": [Actor("Anna Huber", "person"), Actor("Max Gruber", "person"), Actor("Eva Lang", "person")],
              "state": [Actor("Austria", "state"), Actor("Italy", "state")]}
    assert [a.name for a in plural_references("Beide reisten danach nach Wien.", "de", recent, {})] == ["Max Gruber", "Eva Lang"]
    assert [a.name for a in plural_references("Die beiden jungen Politiker lachten.", "de", recent, {})] == ["Max Gruber", "Eva Lang"]
    assert [a.name for a in plural_references("Die beiden Länder einigten sich.", "de", recent, {})] == ["Austria", "Italy"]
    assert plural_references("Die beiden Häuser brannten.", "de", recent, {}) == []


def test_the_st_louis_company_is_the_company_named_before_but_the_maariv_newspaper_is_maariv():
    text = "Pelham Foods Inc. sold its bakeries. The St. Louis company earned $45 million. The firm of Asea Brown Boveri grew."
    found = [(text[m.start:m.end], m.actor.name) for m in find_actors(text, "en", entities=[])]
    assert ("company", "Pelham Foods Inc.") in found and not any(surface == "firm" for surface, _ in found)
    text = "The Maariv newspaper said so. Its editors agreed."
    assert [text[m.start:m.end] for m in find_actors(text, "en", entities=[])] == ["Maariv"]


def test_the_alliance_is_the_organisation_named_before_with_that_word_among_its_aliases():
    text = "Die NATO tagt in Brüssel. Rumänien lobte die von den USA geführte Allianz. The alliance will meet."
    entities = [Entity(text.index("Allianz"), text.index("Allianz") + 7, "ORG", "Allianz")]
    found = [(text[m.start:m.end], m.actor.name, m.how) for m in find_actors(text, "de", entities=entities)]
    assert ("Allianz", "NATO", "role") in found
    english = "NATO ministers met in Brussels. Poland wants to join the alliance."
    assert [(english[m.start:m.end], m.actor.name) for m in find_actors(english, "en", entities=[])][-1] == ("alliance", "NATO")


def test_a_kind_word_alone_stays_the_recogniser_s_organisation_where_none_was_named_before():
    text = "Die Allianz meldete einen Gewinn."
    entities = [Entity(text.index("Allianz"), text.index("Allianz") + 7, "ORG", "Allianz")]
    assert [(m.actor.name, m.how) for m in find_actors(text, "de", entities=entities)] == [("Allianz", "name")]
