"""Recognition with the statistical recogniser's entities: given here explicitly, so each rule
reads as an example whatever the shipped model predicts."""

import re

import pytest

from dashboard.actors import find_actors, recognize
from dashboard.actors.gazetteer import ACTORS_DIR, read_rows
from dashboard.actors.ner import Entity, has_model, parse


def ents(text, *spans):
    """Entities for each (surface, label), at the surface's first occurrence after the last one."""
    out, position = [], 0
    for surface, label in spans:
        start = text.index(surface, position)
        out.append(Entity(start, start + len(surface), label, surface))
        position = start + 1
    return out


def named(text, lang, entities):
    return [(text[m.start:m.end], m.actor.name, m.actor.kind) for m in find_actors(text, lang, entities=entities)]


def test_a_person_not_in_the_lists_takes_the_longest_full_form_for_a_later_surname():
    text = "Joschka Fischer sprach in Berlin. Später sagte Fischer, er sei zufrieden."
    found = named(text, "de", ents(text, ("Joschka Fischer", "PER"), ("Berlin", "LOC"), ("Fischer", "PER")))
    assert [(s, n) for s, n, _ in found] == [("Joschka Fischer", "Joschka Fischer"), ("Fischer", "Joschka Fischer")]


def test_titles_and_roles_before_a_name_are_no_part_of_it():
    text = "Familienlandesrätin Waltraud Deeg und President Bill Clinton sprachen."
    found = named(text, "de", ents(text, ("Familienlandesrätin Waltraud Deeg", "PER")))
    assert found[0][:2] == ("Waltraud Deeg", "Waltraud Deeg")


def test_an_organisation_holding_a_state_word_is_no_state_but_a_state_body_is_the_state():
    text = "Das Deutsche Historische Museum und die US-Regierung stritten."
    found = named(text, "de", ents(text, ("Deutsche Historische Museum", "ORG"), ("US-Regierung", "ORG")))
    assert found == [("Deutsche Historische Museum", "Deutsche Historische Museum", "organisation"),
                     ("US", "United States", "state")]


def test_unknown_organisations_get_their_kind_from_their_name():
    text = "Die Südtiroler Arbeiterpartei kritisierte die Dolar GmbH."
    found = named(text, "de", ents(text, ("Südtiroler Arbeiterpartei", "ORG"), ("Dolar GmbH", "ORG")))
    assert [k for _, _, k in found] == ["party", "company"]


def test_a_single_word_never_given_in_full_needs_two_person_tags_and_no_other():
    text = "Südtirol wuchs. Cox kam. Cox ging. In Südtirol regnete es."
    entities = ents(text, ("Südtirol", "PER"), ("Cox", "PER"), ("Cox", "PER"), ("Südtirol", "LOC"))
    assert [n for _, n, _ in named(text, "de", entities)] == ["Cox", "Cox"]


def test_a_surname_tagged_as_organisation_stays_the_person():
    text = "Boris Jelzin und Leonid Kutschma trafen sich. Kutschma lobte Jelzin."
    entities = ents(text, ("Leonid Kutschma", "PER"), ("Kutschma", "ORG"))
    assert [n for _, n, _ in named(text, "de", entities)] == ["Boris Yeltsin", "Leonid Kutschma", "Leonid Kutschma", "Boris Yeltsin"]


def test_a_single_word_beginning_a_named_organisation_is_that_organisation():
    text = "Magna International Inc. said profits fell. Magna cut its dividend."
    entities = ents(text, ("Magna International Inc.", "ORG"), ("Magna", "PER"))
    assert [(n, k) for _, n, k in named(text, "en", entities)][-1] == ("Magna International Inc.", "company")


def test_places_are_apart_and_a_region_holding_a_state_name_is_no_state():
    text = "BELFAST, Northern Ireland - Police met in Portadown and in Moscow."
    result = recognize(text, "en", entities=ents(text, ("BELFAST", "LOC"), ("Northern Ireland", "LOC"), ("Portadown", "LOC")))
    assert result.mentions == []
    assert [p.name for p in result.places] == ["BELFAST", "Northern Ireland", "Portadown", "Moscow"]


def test_agency_credits_and_compounds_are_no_actors():
    text = "ROM (APA/dpa). Er wurde Stanley-Cup-Sieger."
    assert named(text, "de", ents(text, ("APA", "ORG"), ("Stanley", "PER"))) == []


def test_a_demonym_before_a_person_only_says_where_they_are_from():
    text = "Er siegte vor dem Slowaken Peter Sagan und dem finnischen Präsidenten Alexander Stubb."
    found = [n for _, n, _ in named(text, "de", ents(text, ("Peter Sagan", "PER")))]
    assert found == ["Peter Sagan", "Finland", "Alexander Stubb"]


def test_a_role_reference_names_the_person_with_that_role_named_before():
    text = "Außenminister Heinz Beispiel reiste ab. Der Außenminister sagte nichts."
    assert [(s, n) for s, n, _ in named(text, "de", [])] == [("Heinz Beispiel", "Heinz Beispiel"),
                                                             ("Außenminister", "Heinz Beispiel")]


def test_the_shipped_models_find_people_organisations_and_places():
    for lang, text, labels in (
            ("de", "Bundeskanzler Olaf Scholz traf in Paris den Chef von Siemens.", {"LOC", "ORG"}),
            ("en", "Chancellor Olaf Scholz met the head of Siemens in Paris.", {"PER", "LOC"})):
        assert has_model(lang)
        found = parse(text, lang).entities
        assert labels <= {e.label for e in found}, (lang, found)
        for entity in found:
            assert text[entity.start:entity.end] == entity.text
    assert re.search("Olaf Scholz", " ".join(m.actor.name for m in find_actors(text, "en")))


def test_a_title_the_role_list_does_not_know_still_announces_a_person_with_the_full_name():
    text = "Ex-Landesrätin Sabina Kasslatter Mur und der SVP-Fraktionssprecher Ingo Dejaco lehnten ab. Dejaco ging."
    found = named(text, "de", ents(text, ("Landesrätin Sabina Kasslatter", "PER"), ("Mur", "LOC"), ("Dejaco", "PER")))
    assert [(s, n) for s, n, k in found if k == "person"] == [("Sabina Kasslatter Mur", "Sabina Kasslatter Mur"),
                                            ("Ingo Dejaco", "Ingo Dejaco"), ("Dejaco", "Ingo Dejaco")]


def test_a_person_span_ends_before_a_sentence_end_and_starts_after_the_last_title():
    text = "Das meinte Martin Erat. Volksheld ist er. Später sprach SVP-Arbeitnehmer- Chef Christoph Gufler."
    found = named(text, "de", ents(text, ("Martin Erat. Volksheld", "PER"), ("SVP-Arbeitnehmer- Chef Christoph Gufler", "PER")))
    assert [n for _, n, k in found if k == "person"] == ["Martin Erat", "Christoph Gufler"]


def test_an_organisation_keeps_its_legal_form_and_loses_trailing_verbs_and_places():
    text = "Magna International Inc. said so. Der Brand in der Firma Dolar ausgelöst; die Firma Dolar in Vahrn."
    found = named(text, "en", ents(text, ("Magna International", "ORG")))
    assert found[0] == ("Magna International Inc.", "Magna International Inc.", "company")
    found = named(text, "de", ents(text, ("Dolar ausgelöst", "ORG"), ("Dolar in Vahrn", "ORG")))
    assert [n for _, n, _ in found] == ["Dolar", "Dolar"]


def test_a_single_word_tagged_a_person_once_counts_where_the_article_uses_it_again_as_a_name():
    text = "Cox ist kompetent, so Obermair. Er habe Cox gefragt. Der Sitz kommt vor Lampedusa. Lampedusa ist klein."
    entities = ents(text, ("Cox", "PER"), ("Lampedusa", "PER"))
    assert [n for _, n, _ in named(text, "de", entities)] == ["Cox", "Cox"]


def test_a_place_followed_by_its_people_is_no_person():
    text = "Südtirols Jugend und die Südtiroler Olympiateilnehmer jubelten in Südtirol."
    entities = ents(text, ("Südtirols Jugend", "PER"), ("Südtiroler Olympiateilnehmer", "PER"), ("Südtirol", "LOC"))
    assert [k for _, _, k in named(text, "de", entities) if k == "person"] == []


def test_a_state_word_before_a_noun_of_origin_names_no_state_but_the_state_itself_does():
    text = "Shares closed up 37 Canadian cents, a U.S. citizen said, while Canada and American troops moved."
    assert [(s, n) for s, n, _ in named(text, "en", [])] == [("Canada", "Canada"), ("American", "United States")]


def test_a_name_ending_in_a_word_for_a_state_body_or_building_is_no_person():
    text = "The Soviet Union fell. At the Harry Truman Library the ministers met."
    entities = ents(text, ("Soviet Union", "PER"), ("Harry Truman Library", "PER"))
    assert [k for _, _, k in named(text, "en", entities) if k == "person"] == []


def test_an_organisation_introduced_by_its_type_is_found_with_every_later_use_of_its_name():
    text = ("Als Symbol gilt die EU-Grenzschutzagentur Frontex. Tatsächlich begünstige Frontex die Schlepper. "
            "Der Brand brach in der Firma Dolar aus, mit dem Verein „Frauen helfen Frauen“ half man.")
    found = named(text, "de", [])
    assert [(s, k) for s, n, k in found if n != "European Union"] == [
        ("Frontex", "organisation"), ("Frontex", "organisation"), ("Dolar", "company"), ("Frauen helfen Frauen", "organisation")]


def test_a_person_span_before_a_building_word_is_no_person_nor_its_first_word_alone():
    text = "The Soviet Union broke up; Soviet troops left. At the Harry Truman Library they met."
    entities = ents(text, ("Soviet Union", "PER"), ("Soviet", "PER"), ("Harry Truman", "PER"))
    assert [k for _, _, k in named(text, "en", entities) if k == "person"] == []


def test_a_place_tag_running_over_a_legal_form_gives_way_to_the_company():
    text = "Brambleton Widgets Co. reported lower sales. Brambleton said prices fell."
    found = named(text, "en", ents(text, ("Brambleton Widgets Co. reported", "LOC")))
    assert ("Brambleton Widgets Co.", "Brambleton Widgets Co.", "company") in found
    assert recognize(text, "en", entities=ents(text, ("Brambleton Widgets Co. reported", "LOC"))).places == []


@pytest.mark.parametrize("words", ["origin_nouns.csv", "stance_prefixes.csv"])
def test_every_example_of_origin_nouns_and_stance_prefixes_names_no_state(words):

    for _, row in read_rows(ACTORS_DIR / words):
        states = [m.actor.name for m in find_actors(row["example"], row["lang"], entities=[]) if m.actor.kind == "state"]
        assert states == [], row["example"]


def test_a_state_adjective_before_a_word_for_a_company_or_medium_says_only_where_it_is_from():
    text = "The UK firm sued, a Saudi news channel reported, and British troops left."
    assert [(s, n) for s, n, _ in named(text, "en", [])] == [("British", "United Kingdom")]


def test_a_company_is_named_later_by_the_first_word_of_its_name():
    text = "Brambleton Widgets Co. reported lower sales. For the year, Brambleton earned less. First results came late."
    found = named(text, "en", [])
    assert ("Brambleton", "Brambleton Widgets Co.", "company") in found
    assert all(surface != "First" for surface, _, _ in found)


def test_a_german_state_adjective_names_the_state_only_before_its_bodies_or_office_holders():
    text = ("Die italienische Regierung und der österreichische Außenminister trafen sich. "
            "Ein italienischer Gemeinderat und die schweizerische Grenzregion feiern, auf Deutsch gesungen.")
    found = named(text, "de", [])
    assert [(s, n) for s, n, k in found if k == "state"] == [("italienische", "Italy"), ("österreichische", "Austria")]


def test_an_acronym_the_article_does_not_define_is_the_organisation_named_in_full_before():
    text = "Der Bergsteigerverband Tirol lud ein. Später schrieb der BVT, die Pässe seien voll."
    found = named(text, "de", ents(text, ("Bergsteigerverband Tirol", "ORG"), ("BVT", "ORG")))
    assert [(s, n) for s, n, _ in found] == [("Bergsteigerverband Tirol", "Bergsteigerverband Tirol"),
                                             ("BVT", "Bergsteigerverband Tirol")]


def test_a_person_tag_ending_in_a_title_names_an_office_not_a_person():
    text = "Mit Brunecks Bürgermeister Anton Mair sprach auch Peter Erat."
    found = named(text, "de", ents(text, ("Brunecks Bürgermeister", "PER"), ("Anton Mair", "PER"), ("Peter Erat", "PER")))
    assert [n for _, n, k in found if k == "person"] == ["Anton Mair", "Peter Erat"]


def test_a_state_adjective_after_a_stance_prefix_names_no_state_but_one_alone_does():
    text = "Pro-British towns were bombed, and British troops arrived."
    assert [(s, n) for s, n, _ in named(text, "en", [])] == [("British", "United Kingdom")]


def test_a_party_joined_to_a_word_for_its_wing_names_the_wing_as_a_party():
    text = "Die SVP-Arbeitnehmer stellten sich gegen die SVP. Den SVP-Arbeitnehmern fehlt ein Chef."
    found = named(text, "de", [])
    assert [(s, n, k) for s, n, k in found] == [
        ("SVP-Arbeitnehmer", "SVP-Arbeitnehmer", "party"), ("SVP", "South Tyrolean People's Party", "party"),
        ("SVP-Arbeitnehmern", "SVP-Arbeitnehmer", "party")]


def test_every_row_of_party_wings_names_the_wing_of_its_example():

    for _, row in read_rows(ACTORS_DIR / "party_wings.csv"):
        kinds = [(m.actor.name.split("-")[-1], m.actor.kind) for m in find_actors(row["example"], row["lang"], entities=[])]
        assert (row["wing"], "party") in kinds, row["example"]


def test_an_organisation_the_article_introduced_counts_as_the_first_part_of_a_compound():
    text = "Der Industriellenverband Confindustria warnte. Die Confindustria-Experten rechnen mit weniger."
    found = named(text, "de", [])
    assert [s for s, n, _ in found if n == "Confindustria"] == ["Confindustria", "Confindustria"]


def test_a_counted_demonym_is_people_of_that_origin_but_a_counted_adjective_is_the_state():

    for _, row in read_rows(ACTORS_DIR / "counted_words.csv"):
        assert [m for m in find_actors(row["example"], row["lang"], entities=[]) if m.actor.kind == "state"] == []
    text = "Eleven people, none of them Americans, died; two American soldiers were hurt."
    assert [(s, n) for s, n, _ in named(text, "en", [])] == [("American", "United States")]


def test_a_company_s_first_word_inside_another_name_is_no_short_use():
    text = "Brambleton Widgets Co. reported lower sales. Brambleton Park stayed closed. Brambleton said so."
    found = [(s, n) for s, n, _ in named(text, "en", [])]
    assert found == [("Brambleton Widgets Co.", "Brambleton Widgets Co."), ("Brambleton", "Brambleton Widgets Co.")]


def test_a_body_named_with_its_state_in_front_names_the_state_too():
    text = "The U.S. State Department said the U.S. Senate would not vote."
    found = [(text[m.start:m.end], m.actor.name) for m in recognize(text, "en").mentions]
    assert found == [("U.S.", "United States"), ("State Department", "US State Department"),
                     ("U.S.", "United States"), ("Senate", "US Senate")]


def test_a_company_named_with_a_state_word_names_no_state():
    assert [m.actor.name for m in recognize("Die Deutsche Bank meldete Gewinne.", "de").mentions] == ["Deutsche Bank"]


def test_listed_banks_agencies_and_companies_keep_their_kind_under_a_short_name():
    text = "Goldman Sachs analyst Jan Hatzius said the Fed would wait; the FBI declined to comment."
    found = {m.actor.name: m.actor.kind for m in recognize(text, "en").mentions}
    assert found["Goldman Sachs"] == "company" and found["Jan Hatzius"] == "person"
    assert found["Federal Reserve"] == "organisation" and found["Federal Bureau of Investigation"] == "organisation"


def test_a_listed_surname_gives_way_to_someone_else_the_article_names_in_full():
    text = "Homeland Security Secretary Janet Napolitano spoke on Monday. Napolitano said the border stays open."
    found = named(text, "en", ents(text, ("Janet Napolitano", "PER")))
    assert [n for _, n, _ in found] == ["Janet Napolitano", "Janet Napolitano"]
    text = "Präsident Napolitano unterschrieb. Napolitano reiste dann ab."
    assert {n for _, n, _ in named(text, "de", [])} == {"Giorgio Napolitano"}


def test_a_given_name_the_recogniser_took_for_a_place_still_opens_a_person():
    text = "Dorothea Pichler, Biathletin des Jahres, kochte Fisch."
    assert named(text, "de", ents(text, ("Dorothea", "LOC"))) == [("Dorothea Pichler", "Dorothea Pichler", "person")]


def test_an_adverb_or_pronoun_opening_a_sentence_is_no_actor_whatever_the_recogniser_says():
    text = 'Der Verband lobte den Plan. "Irgendwo muss man anfangen", sagte Anna Pichler. Meanwhile it rained.'
    entities = ents(text, ("Irgendwo", "ORG"), ("Anna Pichler", "PER"), ("Meanwhile", "PER"))
    assert [n for _, n, _ in named(text, "de", entities)] == ["Anna Pichler"]


@pytest.mark.parametrize("row", [row for _, row in read_rows(ACTORS_DIR / "not_actors.csv")], ids=lambda row: row["group"])
def test_the_name_of_a_thing_is_no_actor_whatever_the_recogniser_says(row):
    text = row["example"]
    for label in ("ORG", "PER"):
        found = named(text, "en", ents(text, (row["word"], label)))
        assert not any(surface == row["word"] for surface, _, _ in found), (label, found)
    javascript = "To play this content JavaScript must be turned on."  # a company's shape, not tagged
    assert named(javascript, "en", []) == []


def test_a_common_word_opening_a_sentence_is_no_organisation_where_the_article_writes_it_in_lower_case():
    text = "Rescuers pulled two people from the rubble. The rescuers said more were alive. Apple said no."
    found = named(text, "en", ents(text, ("Rescuers", "ORG"), ("Apple", "ORG")))
    assert [n for _, n, _ in found] == ["Apple"]
    transcript = "Thomas said the vote was close. Thomas left. pierre thomas, CNN, Washington."
    entities = ents(transcript, ("Thomas", "PER"), ("Thomas", "PER"))
    assert [n for _, n, _ in named(transcript, "en", entities)][:2] == ["Thomas", "Thomas"]


def test_a_state_named_in_the_german_genitive_before_a_person_takes_part_but_a_demonym_only_says_origin():
    text = "Finnlands Aleksander Barkov traf zweimal. Der Finne Teuvo Teräväinen traf einmal."
    found = named(text, "de", ents(text, ("Aleksander Barkov", "PER"), ("Teuvo Teräväinen", "PER")))
    assert [n for _, n, _ in found] == ["Finland", "Aleksander Barkov", "Teuvo Teräväinen"]
