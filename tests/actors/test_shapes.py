"""Organisations the recogniser misses, found by the shape of their name (data/actors/organisation_shapes.csv)."""

import pytest

from dashboard.actors import find_actors, recognize
from dashboard.actors.gazetteer import ACTORS_DIR, read_rows
from dashboard.actors.ner import Entity
from dashboard.actors.shapes import defined_acronyms, shapes

ALL_SHAPES = [shape for lang in ("de", "en") for shape in shapes(lang)]


def _names(text, lang):
    return {m.actor.name: m.actor.kind for m in find_actors(text, lang)}


@pytest.mark.parametrize("shape", ALL_SHAPES, ids=lambda shape: f"{shape.lang}-{shape.shape}")
def test_every_shape_finds_the_name_of_its_example(shape):
    assert shape.found in _names(shape.example, shape.lang)


@pytest.mark.parametrize("row", [row for _, row in read_rows(ACTORS_DIR / "organisation_heads.csv")],
                         ids=lambda row: f"{row['lang']}-{row['means']}")
def test_every_head_row_has_an_example_that_it_decides(row):
    text = {"de": "Gestern sprach die {} zu den Leuten.", "en": "Yesterday the {} said so."}[row["lang"]].format(row["example"])
    recognition = recognize(text, row["lang"])
    names = {m.actor.name for m in recognition.mentions}
    if row["means"] == "organisation":
        assert row["example"] in names
    else:  # a place or a group of people is no actor, whatever the recogniser tagged
        assert row["example"] not in names


@pytest.mark.parametrize("row", [row for _, row in read_rows(ACTORS_DIR / "shape_stop_words.csv")], ids=lambda row: row["group"])
def test_a_stop_word_before_a_name_stays_out_of_it(row):
    text = row["example"]
    assert row["name"] in {text[m.start:m.end] for m in recognize(text, row["lang"]).mentions}


def test_a_name_before_its_acronym_is_an_organisation_and_the_acronym_names_it_later():
    text = ("Die Männerinitiative Pustertal (MIP) lud gestern ein. Ziel der MIP ist es, Männern zu helfen. "
            "Das Bruttoinlandsprodukt (BIP) wuchs.")
    assert [(s.name) for s in defined_acronyms(text, "de")] == ["Männerinitiative Pustertal"]
    named = [m.actor.name for m in find_actors(text, "de")]
    assert named.count("Männerinitiative Pustertal") == 2 and "MIP" not in named


def test_the_long_form_holds_as_many_words_as_the_acronym_has_letters():
    text = "Officers of the Neutral Nations Supervisory Commission (NNSC) left."
    assert [s.name for s in defined_acronyms(text, "en")] == ["Neutral Nations Supervisory Commission"]


def test_a_german_head_in_the_genitive_is_named_in_the_nominative():
    assert "Schweizer Kochverband" in _names("Der Präsident des Schweizer Kochverbandes sprach.", "de")


def test_a_capitalised_adjective_opening_the_sentence_makes_no_name():
    assert not {k for k in _names("Neue Kommission für alle. Sie tagte.", "de") if "Kommission" in k}


def test_a_state_before_an_english_body_stays_a_state_and_a_german_one_does_not():  # the listed body under its canonical name
    english = _names("The U.S. State Department said so.", "en")
    assert english == {"United States": "state", "US State Department": "organisation"}
    german = _names("Die Zinsen der Deutschen Bundesbank stiegen.", "de")
    assert german == {"Deutsche Bundesbank": "organisation"}


def test_states_side_by_side_make_no_organisation():
    assert _names("Der Vertrag zwischen der Sowjetunion Polen und Ungarn.", "de") == {
        "Soviet Union": "state", "Poland": "state", "Hungary": "state"}


def test_a_legal_form_ends_the_name_before_its_seat():
    assert "Hunter Environmental Services Inc." in _names("Hunter Environmental Services Inc. of Southport said.", "en")


def test_us_party_adjectives_name_the_party():
    assert _names("Democratic senators and fierce Republican opposition.", "en") == {
        "Democratic Party": "party", "Republican Party": "party"}


def test_a_company_is_later_named_without_its_legal_form_and_corporate_words():
    text = "Ratners Group PLC agreed to buy Weisfield's Inc. Ratners and Weisfield's said so. Service Corp. cut the service."
    found = [(text[m.start:m.end], m.actor.name) for m in find_actors(text, "en", entities=[])]
    assert found == [("Ratners Group PLC", "Ratners Group PLC"), ("Weisfield's Inc.", "Weisfield's Inc."),
                     ("Ratners", "Ratners Group PLC"), ("Weisfield's", "Weisfield's Inc."), ("Service Corp.", "Service Corp.")]


def test_a_listed_alias_ending_a_longer_name_names_no_listed_body():
    text = "U.S. National Security Council spokesman P.J. Crowley said in Washington."
    assert _names(text, "en") == {"United States": "state", "U.S. National Security Council": "organisation",
                                  "P.J. Crowley": "person"}


def test_the_words_of_an_upper_case_dateline_are_no_actors():
    text = "ADDIS ABABA, Ethiopia (AP)_ The Organization of African Unity said Friday it would investigate."
    assert _names(text, "en") == {"Ethiopia": "state", "Organization of African Unity": "organisation"}


def test_an_acronym_abbreviates_a_name_whose_words_give_its_letters_in_order():
    from dashboard.actors.shapes import abbreviates

    assert abbreviates("AVS", "Alpenverein Südtirol")
    assert abbreviates("VSS", "Verband der Sportvereine Südtirols")
    assert not abbreviates("AVS", "Südtiroler Alpenverein")
    assert not abbreviates("AB", "Alpenverein Südtirol Bozen")


def test_an_organisation_tag_before_a_lower_case_word_for_a_venue_is_a_place():
    text = "The band played at Leeds's Zeta arena and in the Zeta Arena again."
    start = text.index("Zeta")
    entities = [Entity(start, start + 4, "ORG", "Zeta")]
    assert [m.actor.name for m in find_actors(text, "en", entities=entities)] == []


def test_school_districts_clubs_and_faculties_are_heads_of_german_organisation_names():
    text = "Die Leiterin des Schulsprengels Auer und der Trainer vom Skiverein Vinschgau trafen sich."
    entities = [Entity(text.index("Auer"), text.index("Auer") + 4, "LOC", "Auer"),
                Entity(text.index("Vinschgau"), text.index("Vinschgau") + 9, "LOC", "Vinschgau")]
    names = {m.actor.name for m in find_actors(text, "de", entities=entities)}
    assert {"Schulsprengel Auer", "Skiverein Vinschgau"} <= names


@pytest.mark.parametrize("row", [row for _, row in read_rows(ACTORS_DIR / "place_prepositions.csv")], ids=lambda row: row["lang"])
def test_a_single_word_tagged_an_organisation_after_a_place_preposition_is_a_place(row):
    text = row["example"]
    start = text.index("Brambleton")
    entities = [Entity(start, start + len("Brambleton"), "ORG", "Brambleton")]
    assert [m.actor.name for m in find_actors(text, row["lang"], entities=entities)] == []
    assert [p.name for p in recognize(text, row["lang"], entities=entities).places] == ["Brambleton"]


def test_a_name_defining_its_acronym_in_the_genitive_is_named_in_the_nominative():
    text = "Die Gründung des Verbandes der Bergführer Tirols (VBT) jährt sich."
    names = [m.actor.name for m in find_actors(text, "de", entities=[])]
    assert names[0] == "Verband der Bergführer Tirols" and "Verbandes der Bergführer Tirols" not in names
