"""A leader's government names the leader's state as well as the leader."""

import pytest

from dashboard.actors import find_actors


@pytest.mark.parametrize("text, lang, expected", [
    ("The Clinton administration said no.", "en", [("Clinton", "Bill Clinton"), ("administration", "United States")]),
    ("Die Trump-Regierung hat dies ausgeschlossen.", "de", [("Trump", "Donald Trump"), ("Regierung", "United States")]),
    ("Die Regierung Renzi hat die Steuer gesenkt.", "de", [("Regierung", "Italy"), ("Renzi", "Matteo Renzi")]),
])
def test_a_leaders_government_is_the_leaders_state(text, lang, expected):
    assert [(text[m.start:m.end], m.actor.name) for m in find_actors(text, lang, entities=[])] == expected


def test_someone_without_a_known_state_lends_none():
    text = "The Obermair administration said no."
    assert all(m.actor.kind != "state" for m in find_actors(text, "en", entities=[]))


def test_every_row_of_leader_governments_names_a_state_in_its_example():
    from dashboard.actors.gazetteer import ACTORS_DIR, read_rows

    for _, row in read_rows(ACTORS_DIR / "leader_governments.csv"):
        found = find_actors(row["example"], row["lang"], entities=[])
        assert any(m.actor.kind == "state" and m.how == "role" for m in found), row["example"]
