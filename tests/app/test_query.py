"""The filter in the URL: what a bookmarked dashboard address means."""

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from dashboard.app.query import filter_from_params, filter_to_params
from dashboard.facts.schema import FACT_TYPES, STATUSES
from dashboard.store.filters import FactFilter


def test_a_filter_becomes_readable_query_parameters():
    flt = FactFilter(actors=("Donald Trump", "NATO"), actor_mode="all", date_from=date(2025, 1, 1),
                     statuses=("future",), text="Gipfel")
    assert filter_to_params(flt) == {
        "actor": ["Donald Trump", "NATO"], "mode": ["all"], "from": ["2025-01-01"],
        "status": ["future"], "q": ["Gipfel"],
    }


def test_no_filter_is_a_bare_address():
    assert filter_to_params(FactFilter()) == {}
    assert filter_from_params({}) == FactFilter()


def test_all_without_actors_is_not_written():
    assert filter_to_params(FactFilter(actor_mode="all")) == {}


def test_a_hand_edited_address_keeps_what_it_can():
    params = {"actor": ["Mark Rutte", "Nobody", "Mark Rutte"], "mode": ["every"], "from": ["2025-13-01"],
              "to": ["2025-12-31"], "status": ["future", "maybe"], "type": ["date", "SET"], "doc": ["x"]}
    flt = filter_from_params(params, actors=["Mark Rutte", "NATO"], doc_ids=["a"])
    assert flt == FactFilter(actors=("Mark Rutte",), actor_mode="any", date_to=date(2025, 12, 31),
                             statuses=("future",), types=("DATE",))


def test_a_reversed_date_range_means_the_same_days():
    flt = filter_from_params({"from": ["2026-01-01"], "to": ["2024-01-01"]})
    assert (flt.date_from, flt.date_to) == (date(2024, 1, 1), date(2026, 1, 1))


names = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=12)
days = st.dates(min_value=date(1800, 1, 1), max_value=date(2200, 12, 31))


@st.composite
def filters(draw):
    start, end = sorted([draw(st.none() | days), draw(st.none() | days)], key=lambda d: (d is None, d))
    if start is not None and end is None and draw(st.booleans()):
        start, end = None, start
    actors = tuple(dict.fromkeys(draw(st.lists(names, max_size=3))))
    return FactFilter(
        actors=actors,
        actor_mode=draw(st.sampled_from(["any", "all"])) if actors else "any",
        date_from=start,
        date_to=end,
        doc_ids=tuple(dict.fromkeys(draw(st.lists(names, max_size=3)))),
        statuses=tuple(draw(st.lists(st.sampled_from(STATUSES), unique=True))),
        types=tuple(draw(st.lists(st.sampled_from(FACT_TYPES), unique=True))),
        text=draw(st.text(max_size=10)).strip(),
    )


@given(filters())
def test_every_filter_survives_the_round_trip_through_the_address(flt):
    assert filter_from_params(filter_to_params(flt)) == flt


@given(st.dictionaries(st.text(max_size=8), st.lists(st.text(max_size=12), max_size=3)))
def test_any_query_string_reads_as_a_filter(params):
    assert isinstance(filter_from_params(params), FactFilter)
