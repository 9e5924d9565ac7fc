"""Counting facts per calendar period: the bars of "facts per month" and the columns of the heatmap.

A fact counts once, in the period where its interval starts: "2026" counts in January 2026.
Counting it in every month it overlaps would make one vague statement outweigh twelve precise
ones.
"""

from __future__ import annotations

import math
import re
from datetime import date

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dashboard.charts.frame import on_the_axis
from dashboard.charts.style import TEMPLATE, category_axis, message_figure, status_color, status_order

FREQS = {"month": "M", "quarter": "Q", "year": "Y"}
MAX_PERIODS = 240  # a longer run of periods shows only the periods that have facts
CORE_SHARE = 0.9  # the share of facts that decides the span of a period axis


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


def period_days(label: str) -> tuple[date, date] | None:
    """The first and last day of a period label ("2025-10", "2025-Q4", "2025"), None for an
    edge column ("before 2022-03") or anything else: what a click on a column filters by."""
    text = str(label).strip()
    if match := re.fullmatch(r"(\d{4})-Q([1-4])", text):
        period = pd.Period(year=int(match[1]), quarter=int(match[2]), freq="Q")
    elif re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", text):
        period = pd.Period(text, freq="M")
    elif re.fullmatch(r"\d{4}", text):
        period = pd.Period(text, freq="Y")
    else:
        return None
    return period.start_time.date(), period.end_time.date()


def core_span(starts: pd.Series) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The shortest stretch of time holding ``CORE_SHARE`` of the starts.

    One "1949" and one "2035" among facts about 2025 would otherwise stretch every period axis
    until the rest is a sliver; the shortest window drops far-off facts on whichever side
    they are, and none where there are too few to spare.
    """
    values = np.sort(pd.to_datetime(starts).to_numpy())
    keep = max(1, math.ceil(len(values) * CORE_SHARE))
    widths = values[keep - 1:] - values[: len(values) - keep + 1]
    first = int(np.argmin(widths))
    return pd.Timestamp(values[first]), pd.Timestamp(values[first + keep - 1])


def period_columns(starts: pd.Series, freq: str) -> tuple[pd.Series, list[str], bool]:
    """The column of each start, the columns in order, and whether they are evenly spaced.

    Every period from the first start to the last, so empty periods show as gaps. Where a few
    far-off facts stretch that run to more than twice the periods of the rest, those before
    and after share a column at each edge ("before 2022-03"), so every fact still counts.
    Where even the rest is too long a run to read, only the periods that occur are shown, and
    the spacing is no longer even.
    """
    code = FREQS[freq]
    periods = pd.to_datetime(starts).dt.to_period(code)
    labels = period_of(starts, freq)
    low, high = periods.min(), periods.max()
    edges: tuple[list[str], list[str]] = ([], [])
    core_low, core_high = (stamp.to_period(code) for stamp in core_span(starts))
    if ((core_high - core_low).n + 1) * 2 < (high - low).n + 1:
        low, high = core_low, core_high
        before, after = f"before {_label(low, freq)}", f"after {_label(high, freq)}"
        early, late = (periods < low).to_numpy(), (periods > high).to_numpy()
        labels = labels.mask(early, before).mask(late, after)
        edges = ([before] * bool(early.any()), [after] * bool(late.any()))
    run = pd.period_range(low, high, freq=code)
    even = len(run) <= MAX_PERIODS
    inner = run if even else pd.PeriodIndex(sorted(periods[(periods >= low) & (periods <= high)].unique()))
    return labels, [*edges[0], *(_label(p, freq) for p in inner), *edges[1]], even


def coarsest_readable(starts: pd.Series, limit: int = 72) -> str:
    """Month where the bulk of the facts (``core_span``) spans at most ``limit`` months, else
    quarter, else year."""
    low, high = core_span(starts)
    for freq in ("month", "quarter"):
        if (high.to_period(FREQS[freq]) - low.to_period(FREQS[freq])).n < limit:
            return freq
    return "year"


def per_period_figure(facts: pd.DataFrame, freq: str = "month", *, show_vague: bool = False,
                      show_reports: bool = False) -> go.Figure:
    """Facts per month or quarter, stacked by status (past, ongoing, future); vague references
    and statements dated only by their report are left out unless asked for, and counted."""
    if freq not in FREQS:
        raise ValueError(f"freq must be one of {', '.join(FREQS)}, not {freq!r}")
    if facts.empty:
        return message_figure()
    on_axis, hidden_vague, hidden_reports = on_the_axis(facts, show_vague=show_vague, show_reports=show_reports)
    if on_axis.empty:
        return message_figure(f"none of the {len(facts)} matching facts has a date on the time axis")
    columns, axis, even = period_columns(on_axis["start"], freq)
    counts = pd.crosstab(columns, on_axis["status"].fillna("unknown")).reindex(axis, fill_value=0)
    edge = np.array([label.startswith(("before ", "after ")) for label in axis])
    fig = go.Figure()
    for status in status_order(counts.columns):
        values = counts[status].to_numpy()
        marker = {"color": status_color(status)}
        hover = f"%{{x}}: %{{y}} {status} facts<extra></extra>"
        fig.add_bar(x=axis, y=np.where(edge, 0, values), name=status, legendgroup=status, marker=marker, hovertemplate=hover)
        if edge.any():  # the edge columns gather many periods: hatched, so they read as such
            fig.add_bar(x=axis, y=np.where(edge, values, 0), name=status, legendgroup=status, showlegend=False,
                        marker=marker | {"pattern": {"shape": "/", "fillmode": "overlay", "fgcolor": "white"}},
                        hovertemplate=hover)
    left_out = [f"{hidden_vague} vague or undated"] * bool(hidden_vague) + [f"{hidden_reports} dated only by their report"] * bool(hidden_reports)
    note = f" ({' and '.join(left_out)} not counted)" if left_out else ""
    fig.update_layout(
        template=TEMPLATE, barmode="stack", bargap=0.15, height=420,
        title=f"Facts per {freq}, by the {freq} they start in{note}"
              + ("" if even else f"<br><sup>too many {freq}s to show them all: only {freq}s with facts</sup>"),
        yaxis_title="facts", legend={"orientation": "h", "y": 1.02, "yanchor": "bottom", "x": 1, "xanchor": "right"},
    )
    category_axis(fig, "xaxis", categoryorder="array", categoryarray=axis)
    return fig
