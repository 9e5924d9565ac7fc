"""Actors: names, adjectives, demonyms, acronyms, role patterns, surnames, the user's own list."""

import pytest
from hypothesis import given, settings, strategies as st

from dashboard.errors import UserError
from dashboard.actors import find_actors, load_gazetteer, recognize, resolve_anaphora
from dashboard.actors.ner import Entity


def names(text, lang):
    return [m.actor.name for m in find_actors(text, lang)]


def test_german_names_adjectives_demonyms_and_acronyms_resolve_to_canonical_english():
    text = (
        "Die ukrainische Regierung und Rumänien sprachen mit der NATO; die Amerikaner schwiegen. "
        "Russlands Führung lehnte ab, die EU und die Vereinigten Staaten nicht."
    )
    assert names(text, "de") == [
        "Ukraine", "Romania", "NATO", "United States", "Russia", "European Union", "United States",
    ]


def test_english_names_adjectives_and_dotted_acronyms():
    text = "Finnish officials met U.S. envoys and the Europäische Union's partners; Ukrainians in the UK watched."
    assert names(text, "en") == ["Finland", "United States", "European Union", "Ukraine", "United Kingdom"]


def test_a_bare_s_is_a_german_genitive_but_an_english_plural_of_a_people():
    gazetteer = load_gazetteer()
    german, english = gazetteer.in_language("de"), gazetteer.in_language("en")
    assert german.lookup("Amerikas").name == "United States"
    assert german.lookup("Frankreichs").name == "France"
    assert english.lookup("Pakistanis").name == "Pakistan"
    assert english.lookup("WHOs").name == "World Health Organization"
    assert english.lookup("Americas") is None  # "the Americas" are two continents
    assert english.lookup("Frances") is None  # a given name, where English writes "France's"
    assert english.lookup("Amazons") is None
    assert english.in_language("de") is german.in_language("de")


def test_the_americas_and_frances_name_no_state_in_english():
    assert "United States" not in names("Cases rose across the Americas on Monday.", "en")
    assert names("Mexico warned the Americas.", "en") == ["Mexico"]


def test_compounds_with_a_hyphen_name_their_first_part():
    assert names("Der NATO-Gipfel und die US-Regierung und der Trump-Plan", "de") == [
        "NATO", "United States", "Donald Trump",
    ]


def test_wikidata_ids_are_given_where_certain_and_empty_otherwise():
    gazetteer = load_gazetteer()
    assert gazetteer.lookup("NATO").wikidata == "Q7184"
    assert gazetteer.lookup("Deutschland").wikidata == "Q183"
    assert gazetteer.lookup("Pete Hegseth").wikidata == ""
    assert all(a.wikidata == "" or a.wikidata.startswith("Q") for a in gazetteer.actors.values())


def test_surname_mentions_resolve_to_the_full_name():
    text = "Ruttes Worte fielen vor dem Treffen. Rutte lobte Rubio, Rubios Büro schwieg."
    assert names(text, "de") == ["Mark Rutte", "Mark Rutte", "Marco Rubio", "Marco Rubio"]


def test_role_pattern_finds_a_person_missing_from_the_gazetteer_with_role_and_country():
    text = (
        "Die finnische Außenministerin Elina Valtonen warnte im September vor Drohnen. "
        "Valtonen sagte, die Lage sei ernst. Später sprach Finnlands Präsident Alexander Stubb."
    )
    mentions = find_actors(text, "de")
    valtonen = [m for m in mentions if m.actor.name == "Elina Valtonen"]
    assert [m.how for m in valtonen] == ["role", "surname"]
    assert valtonen[0].actor.role == "Foreign Minister"
    assert valtonen[0].actor.country == "Finland"
    assert "Alexander Stubb" in [m.actor.name for m in mentions]


def test_english_role_patterns_with_possessive_and_title():
    text = (
        "Estonia's Prime Minister Kristen Michal spoke first. Deputy Secretary of State Jane Whitfield "
        "followed. Michal said more was needed."
    )
    found = {m.actor.name: m for m in find_actors(text, "en") if m.actor.kind == "person"}
    assert found["Kristen Michal"].actor.role == "Prime Minister"
    assert found["Kristen Michal"].actor.country == "Estonia"
    assert found["Jane Whitfield"].actor.role == "Deputy Secretary of State"
    assert [m.how for m in find_actors(text, "en") if m.actor.name == "Kristen Michal"] == ["role", "surname"]


def test_role_after_a_hyphenated_state_or_organisation_takes_it_as_affiliation():
    people = [m.actor for m in find_actors("NATO-Generalsekretärin Maria Beispiel und US-Botschafter Tom Example", "de")
              if m.actor.kind == "person"]
    assert [(p.name, p.role, p.country) for p in people] == [
        ("Maria Beispiel", "Secretary General", "NATO"),
        ("Tom Example", "Ambassador", "United States"),
    ]


def test_role_pattern_stops_before_words_that_are_not_names():
    mentions = find_actors("Außenminister Heinz Beispiel Anfang Oktober in Bonn.", "de")
    assert [m.actor.name for m in mentions] == ["Heinz Beispiel"]


def test_a_role_before_a_known_name_adds_no_new_person():
    assert names("Außenminister Marco Rubio und Präsident Trump", "de") == ["Marco Rubio", "Donald Trump"]


def named(text: str, lang: str) -> list[tuple[str, str]]:
    return [(text[m.start:m.end], m.actor.name) for m in find_actors(text, lang)]


def test_a_capital_standing_for_its_state_names_the_state():
    text = "Moskau warnte am Dienstag. Moskaus Außenminister Sergej Lawrow sagte, Kiew müsse nachgeben."
    assert named(text, "de") == [("Moskau", "Russia"), ("Moskaus", "Russia"), ("Sergej Lawrow", "Sergey Lavrov"),
                                 ("Kiew", "Ukraine")]
    assert named("Washington would begin deployments, and Beijing said nothing.", "en") == [
        ("Washington", "United States"), ("Beijing", "China")]


def test_a_capital_named_as_a_place_or_inside_a_longer_name_is_no_actor():
    assert named("Die Minister trafen sich in Washington, nach der Kiew-Reise in der Hauptstadt Berlin.", "de") == []
    assert named("The Washington Post said talks in Kyiv and the city of Moscow were calm.", "en") == [
        ("The Washington Post", "The Washington Post")]  # a company, not the state
    assert named("Berlin, 3. März 2025 (dpa) - Ein Treffen.\nKiew (AP) – Ein Angriff.", "de") == []


def test_mentions_never_overlap_and_point_into_the_text():
    text = "US-Außenminister Marco Rubio traf die EU-Kommission und Finnlands Präsidenten Alexander Stubb."
    mentions = find_actors(text, "de")
    for first, second in zip(mentions, mentions[1:]):
        assert first.end <= second.start
    assert [text[m.start : m.end] for m in mentions] == [
        "US", "Marco Rubio", "EU-Kommission", "Finnlands", "Alexander Stubb",
    ]


def test_user_csv_adds_actors_and_aliases(tmp_path):
    extra = tmp_path / "actors.csv"
    extra.write_text(
        "name,kind,wikidata,country,role,aliases\n"
        "Erika Musterfrau,person,,DE,Mayor,Musterfrau|Bürgermeisterin Musterfrau\n"
        "Baltic Defence College,organisation,,,,BALTDEFCOL\n",
        encoding="utf-8",
    )
    gazetteer = load_gazetteer([extra])
    mentions = find_actors("Musterfrau besuchte das BALTDEFCOL.", "de", gazetteer)
    assert [m.actor.name for m in mentions] == ["Erika Musterfrau", "Baltic Defence College"]
    assert mentions[0].actor.country == "Germany"


@pytest.mark.parametrize(
    "content, message",
    [
        ("name,kind\n,person\n", ".csv:2: the 'name' column is empty"),
        ("name,kind\nX,planet\n", ".csv:2: kind 'planet'"),
        ("name,wikidata\nX,42\n", ".csv:2: '42' is not a Wikidata ID"),
    ],
)
def test_a_bad_user_csv_is_a_user_error_naming_file_and_line(tmp_path, content, message):
    extra = tmp_path / "bad.csv"
    extra.write_text(content, encoding="utf-8")
    with pytest.raises(UserError, match=message) as info:
        load_gazetteer([extra])
    assert str(extra) in str(info.value)


def test_a_missing_user_csv_is_a_user_error(tmp_path):
    with pytest.raises(UserError, match="not found"):
        load_gazetteer([tmp_path / "nope.csv"])


def test_anaphora_only_names_the_last_state_or_speaker():
    earlier = find_actors("Rumänien meldete den Abzug der Vereinigten Staaten. Rutte sprach.", "de")
    assert [a.name for a in resolve_anaphora("Es wird erwartet, dass die Regierung Pläne vorlegt.", "de", earlier)] == ["United States"]
    assert [a.name for a in resolve_anaphora('"Wir sind bereit", sagte er.', "de", earlier)] == ["Mark Rutte"]
    assert resolve_anaphora("Das Wetter war schön.", "de", earlier) == []
    english = find_actors("Canada welcomed Prime Minister Mark Carney.", "en")
    assert [a.name for a in resolve_anaphora("He said the government would act.", "en", english)] == ["Canada", "Mark Carney"]


WORDS = st.sampled_from(["NATO", "Rutte", "Ruttes", "Präsident", "Außenminister", "Finnlands", "Jane", "Doe", "Doe's", "U.S.", "-", " ", "'", "\n", "x"])


@settings(max_examples=80, deadline=None)
@given(st.lists(WORDS, max_size=25).map(" ".join) | st.text(max_size=80), st.sampled_from(["de", "en"]))
def test_mentions_are_sorted_disjoint_spans_of_the_text(text, lang):
    mentions = find_actors(text, lang)
    previous = 0
    for mention in mentions:
        assert previous <= mention.start < mention.end <= len(text)
        previous = mention.end


def test_seed_people_are_found_by_role_and_surname_even_without_a_people_list():
    from dashboard.actors import Gazetteer, default_gazetteer
    from dashboard.paths import SAMPLES_DIR

    shipped = default_gazetteer()
    states_and_organisations = Gazetteer()
    for key, name in shipped.index.items():
        actor = shipped.actors[name]
        if actor.kind != "person":
            states_and_organisations.add(actor, [" ".join(key)])
    text = (SAMPLES_DIR / "nato-foreign-ministers.de.txt").read_text(encoding="utf-8")
    mentions = find_actors(text, "de", states_and_organisations)
    people = {m.actor.name: m.actor for m in mentions if m.actor.kind == "person"}
    assert (people["Marco Rubio"].role, people["Marco Rubio"].country) == ("Foreign Minister", "United States")
    assert (people["Alexander Stubb"].role, people["Alexander Stubb"].country) == ("President", "Finland")
    assert (people["Mark Rutte"].role, people["Mark Rutte"].country) == ("Secretary General", "NATO")
    assert people["Christopher Landau"].role == "Deputy Foreign Minister"
    by_surname = [text[m.start : m.end] for m in mentions if m.how == "surname" and m.actor.name == "Marco Rubio"]
    assert by_surname == ["Rubios", "Rubio", "Rubio"]
    assert [m.how for m in mentions if m.actor.name == "Mark Rutte"][:2] == ["surname", "role"]  # "Ruttes" before the full name


def test_a_listed_company_named_in_a_persons_name_gives_way_to_the_person():
    text = "The engineer John Ericsson built the ship; Ericsson later sold its phone business."
    tagged = [Entity(text.index("John Ericsson"), text.index("John Ericsson") + len("John Ericsson"), "PER", "John Ericsson")]
    found = {text[m.start:m.end]: (m.actor.name, m.actor.kind) for m in recognize(text, "en", entities=tagged).mentions}
    assert found["John Ericsson"] == ("John Ericsson", "person")
    assert ("Ericsson", "company") in found.values()
