"""Facts per month or quarter, stacked by status; counted in the period where they start."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from charts.factrows import fact_frame, story_facts
from dashboard.charts import CHARTS, per_period_figure
from dashboard.charts.periods import coarsest_readable, core_span, period_columns, period_of
from dashboard.charts.style import NO_FACTS


def stacks(fig) -> dict[str, dict[str, int]]:
    """Facts per status and period (the hatched edge columns are traces of their own)."""
    counts: dict[str, dict[str, int]] = {}
    for trace in fig.data:
        into = counts.setdefault(trace.name, dict.fromkeys(trace.x, 0))
        for period, value in zip(trace.x, trace.y):
            into[period] += int(value)
    return counts


def test_months_are_a_category_axis_with_empty_months_as_gaps():
    fig = per_period_figure(story_facts(), freq="month", show_vague=True)
    assert fig.layout.xaxis.type == "category"
    months = list(fig.data[0].x)
    assert months[0] == "2024-01" and months[-1] == "2026-01" and len(months) == 25
    counts = stacks(fig)
    assert counts["past"]["2024-01"] == 1          # the Washington summit year counts in January
    assert counts["past"]["2025-10"] == 1          # Trump meets Stubb
    assert counts["future"]["2025-12"] == 1        # Rubio's absence on Wednesday
    assert counts["ongoing"]["2025-12"] == 1
    assert counts["future"]["2026-01"] == 1        # troop plans early 2026
    assert sum(counts["past"].values()) + sum(counts["future"].values()) + sum(counts["ongoing"].values()) == 7
    assert fig.layout.barmode == "stack"
    assert "1 vague or undated not counted" in fig.layout.title.text


def test_vague_references_are_left_out_of_the_periods_by_default():
    fig = per_period_figure(story_facts(), freq="month")
    assert "ongoing" not in stacks(fig) and "2 vague or undated not counted" in fig.layout.title.text


def test_quarters_are_labelled_like_2025_q4():
    counts = stacks(per_period_figure(story_facts(), freq="quarter"))
    assert counts["past"]["2025-Q4"] == 3 and counts["future"]["2026-Q1"] == 1
    assert list(counts["past"])[:2] == ["2024-Q1", "2024-Q2"]


def test_registry_names_the_cli_charts():
    assert set(CHARTS) == {"timeline", "per-month", "per-quarter", "actors", "heatmap", "cooccurrence"}
    assert "quarter" in CHARTS["per-quarter"](story_facts()).layout.title.text


def test_period_labels_for_every_frequency():
    starts = pd.Series(pd.to_datetime(["2025-10-01", "2026-02-14"]))
    assert period_of(starts, "month").tolist() == ["2025-10", "2026-02"]
    assert period_of(starts, "quarter").tolist() == ["2025-Q4", "2026-Q1"]
    assert period_of(starts, "year").tolist() == ["2025", "2026"]
    with pytest.raises(ValueError, match="freq"):
        period_of(starts, "week")


def test_long_spans_read_in_coarser_periods():
    assert coarsest_readable(pd.Series(pd.to_datetime(["2024-01-01", "2026-01-01"]))) == "month"
    assert coarsest_readable(pd.Series(pd.to_datetime(["2010-01-01", "2026-01-01"]))) == "quarter"
    assert coarsest_readable(pd.Series(pd.to_datetime(["1800-01-01", "2026-01-01"]))) == "year"


def test_a_few_far_off_facts_share_a_column_at_each_edge():
    rows = [{"value": f"2025-{m:02d}", "status": "past"} for m in range(1, 13)] * 3
    rows += [{"value": "1949", "status": "past"}, {"value": "2035", "status": "future"}]
    fig = per_period_figure(fact_frame(rows), freq="month")
    counts = stacks(fig)
    assert list(counts["past"])[0] == "before 2025-01" and list(counts["past"])[-1] == "after 2025-12"
    assert len(counts["past"]) == 14                      # the twelve months of 2025 and two edges
    assert counts["past"]["before 2025-01"] == 1 and counts["future"]["after 2025-12"] == 1
    assert sum(sum(c.values()) for c in counts.values()) == len(rows)
    hatched = [t for t in fig.data if t.marker.pattern.shape == "/"]
    assert hatched and not any(t.showlegend is not False for t in hatched)   # hatched, out of the legend
    assert all(t.y[1:-1].sum() == 0 for t in hatched)                        # only the edges


def test_the_core_span_keeps_everything_where_there_is_nothing_to_spare():
    starts = pd.Series(pd.to_datetime(["1949-04-04", "2025-10-01", "2026-01-01"]))
    assert core_span(starts) == (pd.Timestamp("1949-04-04"), pd.Timestamp("2026-01-01"))
    labels, axis, even = period_columns(starts, "year")
    assert axis[0] == "1949" and axis[-1] == "2026" and labels.tolist() == ["1949", "2025", "2026"] and even


def test_a_run_of_months_too_long_to_show_keeps_the_months_with_facts_and_says_so():
    months = pd.date_range("1990-01-01", "2020-12-01", freq="MS")
    rows = [{"value": f"{m:%Y-%m}"} for m in months[::7]] + [{"value": "1400"}]
    fig = per_period_figure(fact_frame(rows), freq="month")
    axis = list(fig.data[0].x)
    assert axis[0].startswith("before ") and "1400-01" not in axis          # the far-off year is at the edge
    assert all(count > 0 for count in pd.Series(stacks(fig)["past"]).reindex(axis).fillna(0)
               + pd.Series(stacks(fig).get("future", {})).reindex(axis).fillna(0))  # no empty month shown
    assert sum(sum(t.y) for t in fig.data) == len(rows)
    assert "only months with facts" in fig.layout.title.text


def test_the_bulk_of_the_facts_decides_how_fine_the_periods_are():
    bulk = pd.date_range("2025-01-01", periods=60, freq="W").to_series()
    assert coarsest_readable(pd.concat([bulk, pd.Series(pd.to_datetime(["1800-01-01"]))])) == "month"


def test_no_facts_says_so():
    fig = per_period_figure(story_facts().iloc[:0])
    assert not fig.data and fig.layout.annotations[0].text == NO_FACTS


values = st.builds(
    lambda y, m, d, kind: {"year": f"{y}", "month": f"{y}-{m:02d}", "day": f"{y}-{m:02d}-{d:02d}"}[kind],
    st.integers(1990, 2030), st.integers(1, 12), st.integers(1, 28), st.sampled_from(["year", "month", "day"]),
)


@given(st.lists(st.tuples(values, st.sampled_from(["past", "ongoing", "future"])), min_size=1, max_size=40),
       st.sampled_from(["month", "quarter"]))
@settings(max_examples=60, deadline=None)
def test_every_fact_is_counted_once(rows, freq):
    facts = fact_frame([{"value": v, "status": s} for v, s in rows])
    fig = per_period_figure(facts, freq=freq)
    assert sum(sum(t.y) for t in fig.data) == len(rows)
    for status, counts in stacks(fig).items():
        assert sum(counts.values()) == sum(1 for _, s in rows if s == status)


def test_a_period_label_gives_the_days_a_click_on_it_filters_by():
    from datetime import date

    from dashboard.charts.periods import period_days

    assert period_days("2025-10") == (date(2025, 10, 1), date(2025, 10, 31))
    assert period_days("2025-Q4") == (date(2025, 10, 1), date(2025, 12, 31))
    assert period_days("2024") == (date(2024, 1, 1), date(2024, 12, 31))
    assert period_days("before 2022-03") is None
