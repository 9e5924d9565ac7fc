"""The timeline: every fact a bar over its half-open interval, so "2024" is wide and a day narrow.

The width of a bar is the uncertainty of the statement. Lanes are actors (a fact naming two
actors shows in both) or documents. Up to ``DETAIL_LIMIT`` lane rows each fact is its own bar
with its own hover; above that, facts of one lane sharing status and interval become one
WebGL segment that says how many they are, so 100,000 facts stay a few thousand shapes.
Times on the axis are milliseconds since the epoch: a date axis reads them as dates, and
numeric arrays travel to the browser as compact typed arrays instead of date strings.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import date, datetime

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dashboard.charts.frame import list_column, placed
from dashboard.charts.lanes import assign_lanes, pack_rows
from dashboard.charts.style import TEMPLATE, hover_text, message_figure, status_color, status_order

DETAIL_LIMIT = 2_000      # lane rows drawn as one bar each; above this, aggregated WebGL segments
MAX_LANES = 30
MAX_ROWS_PER_LANE = 6     # a crowded lane grows to this many rows, then bars overlap
ROW_PX = 22               # height of one row in pixels
PUBLISHED = "published"
_MS = np.int64(1_000)     # microseconds per millisecond
_HOVER = "%{customdata}<extra></extra>"


def timeline_figure(
    facts: pd.DataFrame,
    lane_by: str = "actor",
    today: date | datetime | None = None,
    *,
    max_lanes: int = MAX_LANES,
    detail_limit: int = DETAIL_LIMIT,
) -> go.Figure:
    """Facts as bars on a time axis, one swimlane per actor or per document.

    Markers show each document's publication date (the row above the lanes) and today (a
    dashed line). The x axis has a range slider and zoom buttons; the first view leaves out
    the far outliers (a "19th century" fact) which the "all" button brings back.
    """
    if facts.empty:
        return message_figure()
    on_axis = placed(facts)
    if on_axis.empty:
        return message_figure(f"none of the {len(facts)} matching facts has a date on the time axis")
    rows, lanes = assign_lanes(on_axis, lane_by, max_lanes)
    detailed = len(rows) <= detail_limit
    segments = _fact_segments(rows) if detailed else _grouped_segments(rows)
    segments, lane_rows = _stack_lanes(segments, lanes)

    today = pd.Timestamp(today or date.today()).normalize()
    x_range = _first_view(segments, today)
    dot_below = (x_range[1] - x_range[0]) / 250  # bars shorter than this get a dot to stay visible

    fig = go.Figure()
    for status in status_order(segments["status"].unique()):
        part = segments[segments["status"] == status]
        fig.add_traces(_bars(part, status, dot_below) if detailed else _webgl_segments(part, status))
    fig.add_trace(_publications(facts))
    _mark_today(fig, today)
    _style(fig, lane_rows, len(facts) - len(on_axis), len(on_axis), detailed, x_range)
    return fig


def _ms(values: pd.Series) -> np.ndarray:
    """Datetimes as float milliseconds since the epoch (NaN where missing)."""
    stamps = pd.to_datetime(values).astype("datetime64[us]")
    out = stamps.to_numpy().astype("int64").astype("float64") / _MS
    out[stamps.isna().to_numpy()] = np.nan
    return out


def _ms_of(stamp: pd.Timestamp) -> float:
    """One timestamp as milliseconds since the epoch (any unit, any year pandas can hold)."""
    return float(stamp.asm8.astype("datetime64[ms]").astype("int64"))


def _fact_segments(rows: pd.DataFrame) -> pd.DataFrame:
    """One segment per fact and lane, with the full hover: sentence, expression, value, source."""
    actors = list_column(rows, "actors").map(", ".join)
    hover = [
        f"<b>{hover_text(text, 60)}</b> → {hover_text(value)} ({hover_text(gran)}, {hover_text(status)})"
        f"<br>{hover_text(sentence)}<br><i>{hover_text(who) or 'no actor'}</i>"
        f"<br>{hover_text(title)} · {hover_text(source)}"
        for text, value, gran, status, sentence, who, title, source in zip(
            rows["timex_text"], rows["value"], rows["granularity"], rows["status"],
            rows["sentence"], actors, rows["title"], rows["source"],
        )
    ]
    return pd.DataFrame({
        "lane": rows["lane"].to_numpy(),
        "status": rows["status"].fillna("unknown").astype(str).to_numpy(),
        "start": _ms(rows["start"]),
        "end": _ms(rows["end"]),
        "hover": hover,
    })


def _grouped_segments(rows: pd.DataFrame) -> pd.DataFrame:
    """Facts of one lane with the same status and interval as one segment with a count."""
    keyed = pd.DataFrame({
        "lane": rows["lane"].to_numpy(),
        "status": rows["status"].fillna("unknown").astype(str).to_numpy(),
        "start": _ms(rows["start"]),
        "end": _ms(rows["end"]),
        "value": rows["value"].fillna("").astype(str).to_numpy(),
        "sentence": rows["sentence"].fillna("").astype(str).str.slice(0, 140).to_numpy(),
    })
    groups = keyed.groupby(["lane", "status", "start", "end"], sort=False).agg(
        n=("value", "size"), value=("value", "first"), sentence=("sentence", "first"),
    ).reset_index()
    noun = np.where(groups["n"].to_numpy() == 1, "fact", "facts")
    groups["hover"] = (
        "<b>" + groups["n"].astype(str) + " " + noun + "</b> · " + groups["value"].map(html.escape)
        + " (" + groups["status"] + ")<br>" + groups["lane"].map(html.escape)
        + "<br>e.g. " + groups["sentence"].map(html.escape)
    )
    return groups[["lane", "status", "start", "end", "hover"]]


@dataclass(frozen=True)
class LaneRows:
    """Where the lanes ended up on the y axis: tick per lane label, row count, lane borders."""

    ticks: dict[float, str]
    n_rows: int
    borders: list[float]


def _stack_lanes(segments: pd.DataFrame, lanes: list[str]) -> tuple[pd.DataFrame, LaneRows]:
    """A y position per segment: each lane gets as many rows as its overlapping bars need."""
    y = np.zeros(len(segments))
    ticks: dict[float, str] = {}
    borders: list[float] = []
    offset = 0
    lane_values = segments["lane"].to_numpy()
    for lane in lanes:
        index = np.flatnonzero(lane_values == lane)
        if not len(index):
            continue
        rows = pack_rows(segments["start"].to_numpy()[index], segments["end"].to_numpy()[index], MAX_ROWS_PER_LANE)
        y[index] = offset + rows
        height = int(rows.max()) + 1
        ticks[offset + (height - 1) / 2] = html.escape(lane)
        borders.append(offset - 0.5)
        offset += height
    return segments.assign(y=y), LaneRows(ticks, offset, borders)


def _bars(part: pd.DataFrame, status: str, dot_below: float) -> list[go.BaseTraceType]:
    """Bars from start to end, and a dot on each bar shorter than ``dot_below`` ms, which would
    be too thin to see (or hover) at the first zoom."""
    color = status_color(status)
    width = part["end"] - part["start"]
    bars = go.Bar(
        base=part["start"].to_numpy(), x=width.to_numpy(), y=part["y"].to_numpy(), orientation="h",
        width=0.72, name=status, legendgroup=status, marker={"color": color, "line": {"width": 0}},
        customdata=part["hover"].to_numpy(), hovertemplate=_HOVER,
    )
    short = part[width < dot_below]
    dots = go.Scatter(
        x=((short["start"] + short["end"]) / 2).to_numpy(), y=short["y"].to_numpy(), mode="markers",
        marker={"color": color, "size": 7, "symbol": "diamond"}, name=status, legendgroup=status,
        showlegend=False, customdata=short["hover"].to_numpy(), hovertemplate=_HOVER,
    )
    return [bars, dots]


def _webgl_segments(part: pd.DataFrame, status: str) -> list[go.BaseTraceType]:
    """Thick WebGL line segments (NaN breaks the line between them) and a hover point at each middle."""
    color = status_color(status)
    gap = np.full(len(part), np.nan)
    x = np.column_stack([part["start"], part["end"], gap]).ravel()
    y = np.column_stack([part["y"], part["y"], gap]).ravel()
    lines = go.Scattergl(
        x=x, y=y, mode="lines", line={"color": color, "width": ROW_PX * 0.6}, name=status,
        legendgroup=status, hoverinfo="skip",
    )
    middles = go.Scattergl(
        x=((part["start"] + part["end"]) / 2).to_numpy(), y=part["y"].to_numpy(), mode="markers",
        marker={"color": color, "size": 5}, name=status, legendgroup=status, showlegend=False,
        customdata=part["hover"].to_numpy(), hovertemplate=_HOVER,
    )
    return [lines, middles]


def _publications(facts: pd.DataFrame) -> go.Scatter:
    """A marker per document at its publication date, in a row of its own above the lanes."""
    docs = facts[facts["dct"].notna()].drop_duplicates("doc_id")
    inferred = docs["dct_inferred"].fillna(False).astype(bool) if "dct_inferred" in docs else False
    label = pd.to_datetime(docs["dct"]).dt.strftime("%Y-%m-%d") + np.where(inferred, " (inferred)", "")
    hover = [
        f"<b>published {day}</b><br>{hover_text(title)}<br>{hover_text(source)}"
        for day, title, source in zip(label, docs["title"], docs["source"])
    ]
    return go.Scatter(
        x=_ms(docs["dct"]), y=np.full(len(docs), -1.0), mode="markers", name="publication date",
        marker={"symbol": "triangle-down", "size": 11, "color": "#333"},
        customdata=hover, hovertemplate=_HOVER,
    )


def _first_view(segments: pd.DataFrame, today: pd.Timestamp) -> list[float]:
    """The x range shown first: all bars, or the 2nd to 98th percentile where a few outliers
    (a "19th century") would squash the rest to a third of the width; stretched to today where
    that costs at most half the width again."""
    low, high = float(np.nanmin(segments["start"])), float(np.nanmax(segments["end"]))
    core_low = float(np.nanquantile(segments["start"], 0.02, method="higher"))
    core_high = float(np.nanquantile(segments["end"], 0.98, method="lower"))
    if core_low < core_high and core_high - core_low < (high - low) / 3:
        low, high = core_low, core_high
    now = _ms_of(today)
    span = max(high - low, 86_400_000.0)
    if high < now <= high + span / 2:
        high = now
    elif low - span / 2 <= now < low:
        low = now
    pad = max((high - low) * 0.04, 86_400_000.0)
    return [low - pad, high + pad]


def _mark_today(fig: go.Figure, day: pd.Timestamp) -> None:
    x = _ms_of(day)
    fig.add_shape(type="line", x0=x, x1=x, xref="x", y0=0, y1=1, yref="paper",
                  line={"color": "#c0392b", "width": 1.5, "dash": "dash"})
    fig.add_annotation(x=x, y=1, xref="x", yref="paper", text=f"today {day:%Y-%m-%d}", showarrow=False,
                       yanchor="bottom", font={"color": "#c0392b", "size": 11})


def _style(fig: go.Figure, lanes: LaneRows, unplaced: int, shown: int, detailed: bool,
           x_range: list[float]) -> None:
    note = f" ({unplaced} without a place on the axis not shown)" if unplaced else ""
    how = "" if detailed else " · facts with the same lane, status and interval drawn as one bar"
    for y in lanes.borders:
        fig.add_shape(type="line", x0=0, x1=1, xref="paper", y0=y, y1=y, yref="y",
                      line={"color": "#d0d0d0", "width": 1}, layer="below")
    fig.update_layout(
        template=TEMPLATE,
        title={"text": f"{shown} facts on the timeline{note}<br><sup>bar width = what the text pins down{how}</sup>"},
        barmode="overlay",
        hovermode="closest",
        height=min(max(200 + ROW_PX * (lanes.n_rows + 1), 360), 2400),
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.06, "x": 1, "xanchor": "right"},
        margin={"l": 10, "r": 10, "t": 90, "b": 10},
        xaxis={
            "type": "date", "range": x_range,
            "rangeslider": {"visible": True, "thickness": 0.06},
            "rangeselector": {"buttons": [
                {"count": 1, "label": "1m", "step": "month", "stepmode": "backward"},
                {"count": 6, "label": "6m", "step": "month", "stepmode": "backward"},
                {"count": 1, "label": "1y", "step": "year", "stepmode": "backward"},
                {"count": 5, "label": "5y", "step": "year", "stepmode": "backward"},
                {"step": "all", "label": "all"},
            ]},
        },
        yaxis={
            "tickvals": [-1.0, *lanes.ticks], "ticktext": [PUBLISHED, *lanes.ticks.values()],
            "autorange": "reversed", "automargin": True, "zeroline": False, "showgrid": False,
        },
    )
