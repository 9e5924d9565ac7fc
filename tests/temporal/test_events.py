"""Named events: the knowledge base of summits and elections, and how expressions reach it."""

from datetime import date, datetime

import pytest

from dashboard.temporal.engine import tag
from dashboard.temporal.events import event_interval, event_words, find_event, knowledge_base, link_event

DCT = date(2025, 12, 2)


def test_every_event_ends_on_or_after_its_first_day_and_has_known_kinds():
    kb = knowledge_base()
    assert len(kb.events) >= 20
    for event in kb.events:
        assert event.start <= event.end, event.id
        assert event.kinds and all(kind in kb.kind_words for kind in event.kinds), event.id


def test_event_ids_are_unique_and_every_kind_has_german_and_english_words():
    kb = knowledge_base()
    ids = [event.id for event in kb.events]
    assert len(ids) == len(set(ids))
    for kind, words in kb.kind_words.items():
        assert words.get("de") and words.get("en"), kind


def test_the_nato_summits_of_washington_and_the_hague_have_their_real_dates():
    assert (find_event("nato-summit", "2024").start, find_event("nato-summit", "2024").end) == (
        date(2024, 7, 9), date(2024, 7, 11))
    hague = find_event("nato-summit:the hague")
    assert hague.id == "nato-summit-2025" and (hague.start, hague.end) == (date(2025, 6, 24), date(2025, 6, 25))


def test_without_a_year_the_last_or_next_event_from_the_publication_date():
    assert find_event("nato-summit::-1", None, DCT).id == "nato-summit-2025"  # "der letzte NATO-Gipfel"
    assert find_event("nato-summit::1", None, DCT).id == "nato-summit-2026"  # "der nächste NATO-Gipfel"
    assert find_event("nato-summit", "1999") is None


def test_a_place_named_before_its_only_event_means_the_coming_one():
    before = date(2025, 5, 14)
    assert find_event("summit:the hague", None, before).id == "nato-summit-2025"
    assert find_event("nato-summit", None, date(2024, 7, 1)).id != "nato-summit-2024"  # no place: the last one
    assert find_event("summit:madrid", None, date(1998, 5, 1)) is None  # 2022 is no plan of 1998
    spans = [(t.text, t.value) for t in tag("Allies meet ahead of the summit in The Hague.", before, "en")]
    assert spans == [("the summit in The Hague", "2025-06-24")]


def test_an_events_interval_covers_all_its_days():
    interval = event_interval("nato-summit-2024")
    assert (interval.start, interval.end, interval.granularity) == (datetime(2024, 7, 9), datetime(2024, 7, 12), "day")
    assert event_interval("no-such-event") is None


def test_kind_and_place_words_feed_the_language_resources():
    assert event_words("de", "kinds")["NATO-Gipfel"] == "nato-summit"
    assert event_words("en", "places")["The Hague"] == "the hague"
    with pytest.raises(ValueError):
        event_words("de", "colours")


def test_link_event_finds_the_summit_a_plain_year_speaks_of():
    sentence = "wie es die NATO in Washington für 2024 zugesagt hat"
    [year] = tag(sentence, DCT, "de")
    assert year.value == "2024"
    assert link_event(sentence, year, "de").id == "nato-summit-2024"


def test_link_event_needs_the_organisation_or_kind_as_well_as_the_place():
    sentence = "Die EU traf sich 2024 in Washington."
    [year] = tag(sentence, DCT, "de")
    assert link_event(sentence, year, "de") is None


@pytest.mark.parametrize(("lang", "text", "span", "event"), [
    ("en", "Leaders met at the Washington 2024 summit.", "the Washington 2024 summit", "nato-summit-2024"),
    ("de", "Beim NATO-Gipfel 2024 wurde das beschlossen.", "NATO-Gipfel 2024", "nato-summit-2024"),
    ("de", "Beim nächsten NATO-Gipfel in Ankara soll es fallen.", "nächsten NATO-Gipfel in Ankara", "nato-summit-2026"),
    ("en", "Allies agreed at the NATO summit in Vilnius.", "the NATO summit in Vilnius", "nato-summit-2023"),
    ("de", "Die Bundestagswahl 2025 brachte einen Wechsel.", "Bundestagswahl 2025", "de-election-2025"),
    ("en", "After the 2024 US presidential election, talks stalled.", "the 2024 US presidential election",
     "us-election-2024"),
])
def test_expressions_naming_an_event_take_its_dates(lang, text, span, event):
    [timex] = tag(text, DCT, lang)
    assert (timex.text, timex.event) == (span, event)
    kb_event = knowledge_base().by_id(event)
    assert timex.value == kb_event.start.isoformat()
    assert link_event(text, timex, lang) == kb_event  # a tagged event links to itself
