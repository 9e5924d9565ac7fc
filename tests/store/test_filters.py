"""The same filter in DuckDB and in pandas gives the same rows (hypothesis over random filters)."""

from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from dashboard.store import FactFilter, apply_filter

from .conftest import ACTOR_POOL, WORDS, documents_for, random_facts

FACTS = random_facts(400)


@pytest.fixture(scope="module")
def filled(tmp_path_factory):
    from dashboard.store import FactStore

    store = FactStore(tmp_path_factory.mktemp("filters") / "facts.duckdb")
    store.write(documents_for(FACTS), FACTS)
    return store


days = st.dates(min_value=date(2023, 12, 1), max_value=date(2026, 8, 1))
filters = st.builds(
    FactFilter,
    actors=st.lists(st.sampled_from(ACTOR_POOL + ("Nobody",)), max_size=3, unique=True).map(tuple),
    actor_mode=st.sampled_from(["any", "all"]),
    date_from=st.none() | days,
    date_to=st.none() | days,
    doc_ids=st.lists(st.sampled_from([f"d{i}" for i in range(8)]), max_size=3, unique=True).map(tuple),
    statuses=st.lists(st.sampled_from(["past", "ongoing", "future"]), max_size=2, unique=True).map(tuple),
    types=st.lists(st.sampled_from(["DATE", "TIME"]), max_size=1).map(tuple),
    text=st.sampled_from(("",) + WORDS + ("GIPFEL", "mee", "zz")),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(flt=filters)
def test_store_query_and_apply_filter_agree(filled, flt):
    in_store = set(filled.facts(flt)["fact_id"])
    in_pandas = set(apply_filter(FACTS, flt)["fact_id"])
    assert in_store == in_pandas


def test_no_filter_keeps_everything():
    assert len(apply_filter(FACTS, None)) == len(FACTS) == len(apply_filter(FACTS, FactFilter()))


def test_date_range_is_inclusive_of_both_days():
    one_day = FACTS[FACTS["granularity"].notna()].iloc[[0]]
    first = one_day["start"].iloc[0].date()
    last = (one_day["end"].iloc[0] - timedelta(microseconds=1)).date()
    assert len(apply_filter(one_day, FactFilter(date_from=last, date_to=last))) == 1
    assert len(apply_filter(one_day, FactFilter(date_from=first, date_to=first))) == 1
    assert len(apply_filter(one_day, FactFilter(date_to=first - timedelta(days=1)))) == 0
