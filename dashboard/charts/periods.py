"""Counting facts per calendar period: the bars of "facts per month" and the columns of the heatmap.

A fact counts once, in the period where its interval starts: "2026" counts in January 2026.
Counting it in every month it overlaps would make one vague statement outweigh twelve precise
ones.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.charts.frame import placed
from dashboard.charts.style import TEMPLATE, category_axis, message_figure, status_color, status_order

FREQS = {"month": "M", "quarter": "Q", "year": "Y"}
MAX_PERIODS = 240  # a longer run of periods shows only the periods that have facts


def period_of(starts: pd.Series, freq: str) -> pd.Series:
    """The period label of each start: "2025-10", "2025-Q4" or "2025" (vectorised: 100,000 starts)."""
    if freq not in FREQS:
        raise ValueError(f"freq must be one of {', '.join(FREQS)}, not {freq!r}")
    stamps = pd.to_datetime(starts)
    year = stamps.dt.year.astype(str).str.zfill(4)
    if freq == "year":
        return year
    if freq == "quarter":
        return year + "-Q" + stamps.dt.quarter.astype(str)
    return year + "-" + stamps.dt.month.astype(str).str.zfill(2)


def _label(period: pd.Period, freq: str) -> str:
    """The label ``period_of`` gives the starts inside ``period``."""
    if freq == "year":
        return f"{period.year:04d}"
    if freq == "quarter":
        return f"{period.year:04d}-Q{period.quarter}"
    return f"{period.year:04d}-{period.month:02d}"


def period_axis(starts: pd.Series, freq: str) -> list[str]:
    """Every period from the first to the last start, so empty periods show as gaps, unless the
    run is so long that it would bury the data; then only the periods that occur."""
    periods = pd.to_datetime(starts).dt.to_period(FREQS[freq])
    full = pd.period_range(periods.min(), periods.max(), freq=FREQS[freq])
    chosen = full if len(full) <= MAX_PERIODS else pd.PeriodIndex(sorted(periods.unique()))
    return [_label(p, freq) for p in chosen]


def coarsest_readable(starts: pd.Series, limit: int = 72) -> str:
    """Month where the facts span at most ``limit`` months, else quarter, else year."""
    for freq in ("month", "quarter"):
        periods = pd.to_datetime(starts).dt.to_period(FREQS[freq])
        if (periods.max() - periods.min()).n < limit:
            return freq
    return "year"


def per_period_figure(facts: pd.DataFrame, freq: str = "month") -> go.Figure:
    """Facts per month or quarter, stacked by status (past, ongoing, future)."""
    if freq not in FREQS:
        raise ValueError(f"freq must be one of {', '.join(FREQS)}, not {freq!r}")
    if facts.empty:
        return message_figure()
    on_axis = placed(facts)
    if on_axis.empty:
        return message_figure(f"none of the {len(facts)} matching facts has a date on the time axis")
    counts = pd.crosstab(period_of(on_axis["start"], freq), on_axis["status"].fillna("unknown"))
    axis = period_axis(on_axis["start"], freq)
    counts = counts.reindex(axis, fill_value=0)
    fig = go.Figure()
    for status in status_order(counts.columns):
        fig.add_bar(
            x=axis, y=counts[status].to_numpy(), name=status, marker_color=status_color(status),
            hovertemplate=f"%{{x}}: %{{y}} {status} facts<extra></extra>",
        )
    unplaced = len(facts) - len(on_axis)
    note = f" ({unplaced} without a date not counted)" if unplaced else ""
    fig.update_layout(
        template=TEMPLATE, barmode="stack", bargap=0.15, height=420,
        title=f"Facts per {freq}, by the {freq} they start in{note}",
        yaxis_title="facts", legend={"orientation": "h", "y": 1.02, "yanchor": "bottom", "x": 1, "xanchor": "right"},
    )
    category_axis(fig, "xaxis", categoryorder="array", categoryarray=axis)
    return fig
