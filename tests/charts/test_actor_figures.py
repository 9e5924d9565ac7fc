"""Top actors, actor x month heatmap and co-occurrence: a fact naming two actors counts for both."""

from __future__ import annotations

import html

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from charts.factrows import fact_frame, story_facts
from dashboard.charts import CHARTS, actor_heatmap_figure, cooccurrence_figure, top_actors_figure
from dashboard.charts.actors import cooccurrence_matrix
from dashboard.charts.style import NO_FACTS


def test_top_actors_counts_each_fact_for_each_actor_stacked_by_status():
    fig = top_actors_figure(story_facts(), n=3)
    assert fig.layout.yaxis.type == "category"
    totals: dict[str, int] = {}
    for trace in fig.data:
        for actor, count in zip(trace.y, trace.x):
            totals[actor] = totals.get(actor, 0) + (0 if np.isnan(count) else int(count))
    assert totals == {"NATO": 3, "Donald Trump": 2, "Mark Rutte": 2}
    assert list(fig.data[0].y) == ["NATO", "Donald Trump", "Mark Rutte"]  # most facts first


def test_actor_names_that_look_like_numbers_stay_labels():
    facts = fact_frame([{"value": "2025-10", "actors": ["2024"]}, {"value": "2025-11", "actors": ["1999", "2024"]}])
    for fig in (top_actors_figure(facts), actor_heatmap_figure(facts), cooccurrence_figure(facts)):
        assert fig.layout.yaxis.type == "category"
    assert actor_heatmap_figure(facts).layout.xaxis.type == "category"  # "2025-10" is a label, not a date


def test_heatmap_is_actor_by_month():
    fig = actor_heatmap_figure(story_facts(), show_vague=True)
    heat = fig.data[0]
    z = dict(zip(heat.y, (dict(zip(heat.x, row)) for row in heat.z)))
    assert z["Donald Trump"]["2025-10"] == 1 and z["Donald Trump"]["2025-11"] == 1
    assert z["NATO"]["2024-01"] == 1 and z["NATO"]["2026-01"] == 1 and z["NATO"]["2025-12"] == 1
    assert heat.x[0] == "2024-01" and heat.x[-1] == "2026-01"
    assert int(np.sum(heat.z)) == 11  # (fact, actor) pairs with a date


def test_heatmap_switches_to_years_over_long_spans():
    facts = fact_frame([{"value": "1990", "actors": ["NATO"]}, {"value": "2025-10", "actors": ["NATO"]}])
    fig = actor_heatmap_figure(facts)
    assert "year" in fig.layout.title.text and fig.data[0].x[0] == "1990"


def test_cooccurrence_counts_facts_naming_both():
    matrix = cooccurrence_matrix(story_facts())
    assert matrix.loc["Donald Trump", "Alexander Stubb"] == matrix.loc["Alexander Stubb", "Donald Trump"] == 1
    assert matrix.loc["NATO", "Mark Rutte"] == 1 and matrix.loc["Marco Rubio", "NATO"] == 0
    assert matrix.loc["NATO", "NATO"] == 3
    fig = cooccurrence_figure(story_facts())
    z = np.asarray(fig.data[0].z, dtype=float)
    assert np.isnan(np.diag(z)).all() and np.allclose(np.nan_to_num(z), np.nan_to_num(z).T)


def test_cooccurrence_needs_two_actors():
    fig = cooccurrence_figure(fact_frame([{"value": "2025", "actors": ["NATO"]}]))
    assert not fig.data and "two actors" in fig.layout.annotations[0].text


def test_actor_names_are_escaped_in_labels():
    facts = fact_frame([{"value": "2025", "actors": ["<b>Bold</b>", "NATO"]}])
    assert "&lt;b&gt;Bold&lt;/b&gt;" in top_actors_figure(facts).data[0].y


def test_empty_and_actorless_facts_say_why():
    for chart in (top_actors_figure, actor_heatmap_figure, cooccurrence_figure):
        assert chart(story_facts().iloc[:0]).layout.annotations[0].text == NO_FACTS
        assert "actor" in chart(fact_frame([{"value": "2025", "actors": []}])).layout.annotations[0].text


@given(st.lists(st.fixed_dictionaries({
    "value": st.sampled_from(["2024", "2025-10", "2025-Q4", "2025-12-03", "19", "PAST_REF"]),
    "actors": st.lists(st.sampled_from(["Donald Trump", "NATO", "Mark Rutte", "2024"]), max_size=3, unique=True),
    "status": st.sampled_from(["past", "ongoing", "future"]),
}), max_size=15))
@settings(max_examples=20, deadline=None)
def test_every_chart_draws_any_facts_and_counts_each_actor_once_per_fact(rows):
    facts = fact_frame(rows)
    for name, chart in CHARTS.items():
        assert chart(facts).layout is not None, name
    named = sum(len(r["actors"]) for r in rows)
    counted = sum(sum(0 if np.isnan(x) else x for x in t.x) for t in top_actors_figure(facts).data)
    assert counted == named


def test_heatmap_cells_and_top_actor_bars_carry_the_actor_a_click_filters_by():
    facts = story_facts()
    heatmap = actor_heatmap_figure(facts, show_vague=True)
    cells = next(t for t in heatmap.data if t.name == "cells")
    assert set(cells.customdata) <= {a for actors in facts["actors"] for a in actors}
    assert len(cells.x) == len(heatmap.data[0].x) * len(heatmap.data[0].y)
    top = top_actors_figure(facts)
    assert all(list(bar.customdata) == [html.unescape(y) for y in bar.y] for bar in top.data)
