"""Word lists become one regex in which the longest listed word wins."""

import re

from dashboard.alternation import alternation, trie_regex


def test_the_longest_word_wins_over_a_word_it_starts_with():
    pattern = re.compile(alternation(["Bank", "Bankhaus", "Vereinigte", "Vereinigte Staaten"]))
    assert pattern.match("Bankhaus Meyer").group() == "Bankhaus"
    assert pattern.match("Bank of Spain").group() == "Bank"
    assert pattern.match("Vereinigte Staaten").group() == "Vereinigte Staaten"


def test_a_space_in_a_word_matches_a_line_break_and_special_characters_are_literal():
    pattern = re.compile(alternation(["Vereinigte Staaten", "U.S.", "C++"]) + r"\Z")
    assert pattern.match("Vereinigte\n  Staaten")
    assert pattern.match("U.S.") and not pattern.match("UxSx")
    assert pattern.match("C++")


def test_no_words_never_match_and_a_word_list_needs_no_group_around_it():
    assert re.search(alternation([]), "anything") is None
    assert re.search(alternation(["  "]), "anything") is None
    assert re.fullmatch(f"x{trie_regex(['a', 'ab'])}", "xab")


def test_a_word_list_may_keep_its_spaces_literal():
    pattern = re.compile(alternation(["pop star", "of them"], space=" ") + r"\Z")
    assert pattern.match("pop star") and not pattern.match("pop\nstar")
