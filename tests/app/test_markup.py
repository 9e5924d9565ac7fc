"""Article text as HTML: marked where facts and actors are, and never a way to inject markup."""

import html
import re
from html.parser import HTMLParser

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from dashboard.app.markup import Span, fact_anchor, fact_list, highlight

TEXT = "Trump traf Stubb im Oktober.\nRubio fehlt am Mittwoch."


def unmarked(markup: str) -> str:
    """The text a reader sees: tags removed, entities decoded, paragraphs as lines."""
    return html.unescape(re.sub(r"<[^>]+>", "", markup.replace("</p><p>", "\n")))


def test_expressions_and_actors_are_marked_and_facts_anchored():
    out = highlight(TEXT, [Span(17, 27, "timex", "2025-10 (past)", fact_anchor("f1")), Span(0, 5, "actor", "Donald Trump")])
    assert '<mark class="ft-timex" title="2025-10 (past)" id="fact-f1">im Oktober</mark>' in out
    assert '<mark class="ft-actor" title="Donald Trump">Trump</mark>' in out
    assert out.count("<p>") == 2


def test_markup_in_an_article_is_shown_as_text():
    text = 'Am Montag <script>alert("x")</script> <img src=x onerror=alert(1)> & "mehr"'
    out = highlight(text, [Span(0, 9, "timex", '"><script>', 'x" onclick="evil')])
    assert "<script>" not in out and "<img" not in out and 'onclick="' not in out
    assert "&lt;script&gt;" in out
    assert unmarked(out) == text


def test_overlapping_spans_keep_the_expression():
    out = highlight("Gipfel in Den Haag 2025", [Span(10, 18, "actor", "The Hague"), Span(10, 23, "timex", "2025")])
    assert out.count("<mark") == 1 and 'class="ft-timex"' in out


def test_a_line_break_in_a_label_stays_inside_its_attribute():
    out = highlight("am Montag", [Span(3, 9, "timex", "2025-12-01\n(past)", "fact-\n1")])
    assert out.count("<p>") == 1 and 'title="2025-12-01&#10;(past)"' in out


def test_spans_outside_the_text_are_left_out():
    assert "<mark" not in highlight("kurz", [Span(2, 99, "timex"), Span(3, 3, "actor")])


def well_nested(markup: str) -> bool:
    stack, ok = [], [True]

    class Checker(HTMLParser):
        def handle_starttag(self, tag, attrs):
            stack.append(tag)

        def handle_endtag(self, tag):
            ok[0] = ok[0] and bool(stack) and stack.pop() == tag

    Checker().feed(markup)
    return ok[0] and not stack


spans = st.builds(Span, st.integers(-3, 60), st.integers(-3, 60), st.sampled_from(["timex", "actor"]),
                  st.text(max_size=5), st.text(max_size=5))


@given(st.text(alphabet=st.sampled_from("ab <>&\"'\n"), max_size=50) | st.text(max_size=50), st.lists(spans, max_size=6))
def test_any_text_with_any_spans_reads_back_unchanged(text, marks):
    out = highlight(text, marks)
    expected = "\n".join(line for line in text.split("\n") if line.strip())
    assert unmarked(out) == expected
    assert well_nested(out)
    assert "<" not in re.sub(r'</?(div|p|mark)( [a-z]+="[^"<>]*")*>', "", out)


def test_fact_list_links_each_fact_to_its_place_in_time_order():
    facts = pd.DataFrame({
        "fact_id": ["b", "a"], "doc_id": ["d", "d"], "start": pd.to_datetime(["2025-12-03", "2025-10-01"]),
        "timex_start": [40, 17], "timex_text": ["am Mittwoch", "im Oktober"], "value": ["2025-12-03", "2025-10"],
        "status": ["future", "past"], "sentence": ["Rubio fehlt <b>am Mittwoch</b>.", "Trump traf Stubb im Oktober."],
        "title": ["T", "T"],
    })
    out = fact_list(facts, link=True)
    assert out.index('href="#fact-a"') < out.index('href="#fact-b"')
    assert "&lt;b&gt;am Mittwoch&lt;/b&gt;" in out
    assert "page" not in fact_list(facts, limit=2) and "page 1 of 2" in fact_list(facts, limit=1)
    assert "im Oktober" not in fact_list(facts, limit=1, page=2) and "am Mittwoch" in fact_list(facts, limit=1, page=2)


def test_fact_list_groups_by_period_and_reads_dates_in_words():
    facts = pd.DataFrame({
        "fact_id": ["a", "b", "c"], "doc_id": ["d"] * 3, "start": pd.to_datetime(["2025-10-01", "2025-10-20", "2025-12-03"]),
        "timex_start": [1, 2, 3], "timex_text": ["im Oktober", "am 20. Oktober", "am Mittwoch"],
        "value": ["2025-10", "2025-10-20", "2025-12-03"], "status": ["past"] * 3, "sentence": ["s"] * 3, "title": ["T"] * 3,
    })
    out = fact_list(facts)
    assert re.findall(r'<h4 class="ft-period">([^<]+)</h4>', out) == ["Oct 2025", "Dec 2025"]
    assert ">20 Oct 2025<" in out and "2025-10-20" not in out
