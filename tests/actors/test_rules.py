"""Actor rules (roles, surnames, capitals) do work that grows with the text, not its square."""

from hypothesis import given, settings, strategies as st

from dashboard.actors import Actor, Mention, find_actors
from dashboard.actors.rules import _Spans, _starts_line


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 60), st.integers(1, 8)), max_size=12), st.integers(0, 70), st.integers(1, 8))
def test_span_index_answers_overlap_as_a_scan_of_every_mention_would(spans, start, length):
    state = Actor("Romania", "state")
    mentions = [Mention(s, s + n, state) for s, n in spans]
    end = start + length
    assert _Spans(mentions).overlaps(start, end) == any(m.start < end and start < m.end for m in mentions)


def test_a_dateline_capital_is_known_without_looking_back_to_the_line_start():
    text = "Bericht.\n  Moskau, 3. März (dpa) - " + "Moskau warnte. " * 3
    assert _starts_line(text, text.index("Moskau")) and not _starts_line(text, text.index("Moskau", 20))
    assert _starts_line("Moskau", 0)


def test_a_one_line_article_finds_the_same_actors_in_every_repetition():
    """Role people, surnames, capitals and affiliations on a long line without line breaks (the
    shape that made every lookup scan the whole text): each repetition the same as the first."""
    one = ("Moskau warnte am Montag. Der finnische Präsident Alexander Stubb sprach mit NATO-Generalsekretär "
           "Mark Rutte; Stubb und Rutte einigten sich. ")
    first = [(m.start, m.actor) for m in find_actors(one, "de")]
    found = find_actors(one * 2000, "de")
    assert len(found) == 2000 * len(first)
    assert [(m.start % len(one), m.actor) for m in found[-len(first):]] == first
