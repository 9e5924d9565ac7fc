"""Who the facts are about: top actors, actor x period heatmap, actor co-occurrence.

A fact naming two actors counts for each of them, as in the timeline's actor lanes.
"""

from __future__ import annotations

import html
import math

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dashboard.charts.frame import explode_actors, on_the_axis, top_values
from dashboard.charts.periods import coarsest_readable, period_columns
from dashboard.charts.style import TEMPLATE, category_axis, message_figure, status_color, status_order

NO_ACTORS = "no matching fact names an actor"


def _named(facts: pd.DataFrame) -> pd.DataFrame | None:
    """One row per (fact, actor), or None when there is nothing to draw."""
    if facts.empty:
        return None
    rows = explode_actors(facts)
    return rows if len(rows) else None


def _labels(names: list[str]) -> list[str]:
    """Actor names as axis labels: escaped, since plotly renders a subset of HTML in labels."""
    return [html.escape(name) for name in names]


def top_actors_figure(facts: pd.DataFrame, n: int = 15) -> go.Figure:
    """The ``n`` actors named in most facts, bars stacked by status."""
    if facts.empty:
        return message_figure()
    rows = _named(facts)
    if rows is None:
        return message_figure(NO_ACTORS)
    top = top_values(rows["actor"], n)
    counts = pd.crosstab(rows["actor"], rows["status"].fillna("unknown")).reindex(top)
    labels = _labels(top)
    fig = go.Figure()
    for status in status_order(counts.columns):
        fig.add_bar(
            y=labels, x=counts[status].to_numpy(), orientation="h", name=status,
            marker_color=status_color(status), hovertemplate=f"%{{y}}: %{{x}} {status} facts<extra></extra>",
            customdata=top,  # the full names: what a click on a bar filters by
        )
    fig.update_layout(
        template=TEMPLATE, barmode="stack", title=f"Top {len(top)} actors by number of facts",
        height=max(320, 120 + 26 * len(top)), xaxis_title="facts",
        legend={"orientation": "h", "y": 1.02, "yanchor": "bottom", "x": 1, "xanchor": "right"},
    )
    category_axis(fig, "yaxis", autorange="reversed", automargin=True)
    return fig


def actor_heatmap_figure(facts: pd.DataFrame, n: int = 25, freq: str | None = None, *, show_vague: bool = False,
                         show_reports: bool = False) -> go.Figure:
    """Facts per actor and month (quarter or year where the facts span too long for months);
    like the period charts, without vague references unless asked for."""
    if facts.empty:
        return message_figure()
    rows = _named(on_the_axis(facts, show_vague=show_vague, show_reports=show_reports)[0])
    if rows is None:
        return message_figure(NO_ACTORS + " and has a date on the time axis")
    freq = freq or coarsest_readable(rows["start"])
    top = top_values(rows["actor"], n)
    rows = rows[rows["actor"].isin(top)]
    columns, axis, _ = period_columns(rows["start"], freq)
    counts = pd.crosstab(rows["actor"], columns).reindex(index=top, columns=axis, fill_value=0)
    fig = go.Figure(go.Heatmap(
        z=counts.to_numpy(), x=axis, y=_labels(top), colorscale="Blues", xgap=1, ygap=1,
        colorbar={"title": "facts", "dtick": max(1, math.ceil(counts.to_numpy().max() / 5))},
        hoverinfo="skip",
    ))
    fig.add_trace(_cells(counts, axis, top))
    fig.update_layout(
        template=TEMPLATE, title=f"Facts per actor and {freq} (by the {freq} a fact starts in)",
        height=max(320, 140 + 24 * len(top)),
    )
    category_axis(fig, "xaxis")
    category_axis(fig, "yaxis", autorange="reversed", automargin=True)
    return fig


def _cells(counts: pd.DataFrame, axis: list[str], top: list[str]) -> go.Scatter:
    """A point that draws nothing on each heatmap cell, with its hover and the cell's actor as
    ``customdata``: plotly selects no heatmap cell on a click, but it does select these, so a
    click on a cell can filter by its actor and period."""
    z = counts.to_numpy()
    rows, columns = np.nonzero(z >= 0)
    labels = _labels(top)
    return go.Scatter(
        x=[axis[c] for c in columns], y=[labels[r] for r in rows], mode="markers",
        marker={"symbol": "square", "size": 16, "opacity": 0}, showlegend=False, name="cells",
        customdata=[top[r] for r in rows], text=[str(z[r, c]) for r, c in zip(rows, columns)],
        hovertemplate="%{y}, %{x}: %{text} facts<extra></extra>",
    )


def cooccurrence_matrix(facts: pd.DataFrame, n: int = 20) -> pd.DataFrame:
    """Actor x actor: the number of facts naming both (diagonal: facts naming the actor)."""
    rows = _named(facts)
    if rows is None:
        return pd.DataFrame(dtype="int64")
    top = top_values(rows["actor"], n)
    rows = rows[rows["actor"].isin(top)]
    position = {name: i for i, name in enumerate(top)}
    fact_index = pd.factorize(rows.index)[0]
    member = np.zeros((fact_index.max() + 1, len(top)), dtype=np.int64)
    member[fact_index, rows["actor"].map(position).to_numpy()] = 1
    return pd.DataFrame(member.T @ member, index=top, columns=top)


def cooccurrence_figure(facts: pd.DataFrame, n: int = 20) -> go.Figure:
    """How often two actors are named in the same fact, for the ``n`` most named actors."""
    if facts.empty:
        return message_figure()
    matrix = cooccurrence_matrix(facts, n)
    if len(matrix) < 2:
        return message_figure("fewer than two actors are named in the matching facts")
    shared = matrix.to_numpy().astype(float)
    np.fill_diagonal(shared, np.nan)  # an actor's own count would drown the colour scale
    labels = _labels(list(matrix.index))
    numbers = len(labels) <= 15  # cell numbers stay readable up to about this size
    fig = go.Figure(go.Heatmap(
        z=shared, x=labels, y=labels, colorscale="Purples", xgap=1, ygap=1, hoverongaps=False,
        colorbar={"title": "facts"}, hovertemplate="%{y} with %{x}: %{z} facts<extra></extra>",
        texttemplate="%{z}" if numbers else None,
    ))
    fig.update_layout(
        template=TEMPLATE, title=f"Actors named in the same fact (top {len(labels)})",
        height=max(380, 160 + 26 * len(labels)), width=None,
    )
    category_axis(fig, "xaxis", tickangle=-40)
    category_axis(fig, "yaxis", autorange="reversed", automargin=True)
    return fig
