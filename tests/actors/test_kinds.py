"""Companies and parties: from the gazetteer where listed, else from the words of their name."""

import pytest

from dashboard.actors import KINDS, find_actors
from dashboard.actors.kinds import kind_rules, organisation_kind


@pytest.mark.parametrize("rule", kind_rules(), ids=lambda rule: rule.example)
def test_every_kind_rule_has_an_example_that_it_decides(rule):
    assert organisation_kind(rule.example) == rule.kind


@pytest.mark.parametrize("name, kind", [
    ("Deutsches Historisches Museum", "organisation"),
    ("Amnesty International", "organisation"),
    ("Labour Party", "party"),
    ("U.S. Steel Corp.", "company"),
])
def test_names_without_a_company_or_party_word_are_organisations(name, kind):
    assert organisation_kind(name) == kind


def test_listed_companies_and_parties_carry_their_kind():
    found = {m.actor.name: m.actor.kind for m in find_actors("Die SPD, die Deutsche Bank und VW stritten mit den Republikanern.", "de")}
    assert found == {"Social Democratic Party of Germany": "party", "Deutsche Bank": "company",
                     "Volkswagen": "company", "Republican Party": "party"}
    assert set(KINDS) == {"person", "organisation", "company", "party", "state"}


def test_a_state_word_inside_a_listed_company_is_no_state():
    kinds = [m.actor.kind for m in find_actors("Die Deutsche Bank meldete Gewinne.", "de")]
    assert kinds == ["company"]
