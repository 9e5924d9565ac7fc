"""The timeline: every fact a bar over its half-open interval, so "2024" is wide and a day narrow.

The width of a bar is the uncertainty of the statement. Lanes are actors (a fact naming two
actors shows in both) or documents. Up to ``DETAIL_LIMIT`` lane rows each fact is its own bar
with its own hover; above that, facts of one lane sharing status and interval become one
segment that says how many they are, so 100,000 facts stay a few thousand shapes. Those
segments are filled rectangles, all of one status in a single SVG path, with hover points that
draw nothing: a browser redraws that in a tenth of the time of a WebGL trace or an SVG element
per segment. Likewise many publication dates share one marker per bin.
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

DETAIL_LIMIT = 2_000      # lane rows drawn as one bar each; above this, aggregated segments
MAX_LANES = 30
MAX_ROWS_PER_LANE = 6     # a crowded lane grows to this many rows, then bars overlap
BINS = 1500               # aggregated: bins are no finer than 1/BINS of the first view
SEGMENT_BUDGET = 6_000    # aggregated: bins coarsen (day .. year) until segments fit this
PUBLICATION_LIMIT = 300   # publication markers; more documents share one marker per bin
BAR_HEIGHT = 0.72         # of a row, for bars and aggregated segments alike
HOVER_AT = (1 / 6, 1 / 2, 5 / 6)  # aggregated: hover points along a segment, one per third
DAY_MS = 86_400_000.0
BIN_WIDTHS = {"day": DAY_MS, "week": 7 * DAY_MS, "month": 30.436875 * DAY_MS,
              "quarter": 91.310625 * DAY_MS, "year": 365.2425 * DAY_MS}
ROW_PX = 22               # height of one row in pixels
TOP_AXIS_ROWS = 20        # a timeline with more rows shows its dates above the lanes too
TOP_AXIS_PX = 22
LABEL_CHARS = 36          # lane labels longer than this are cut
PUBLISHED = "published"
_MS = np.int64(1_000)     # microseconds per millisecond
_HOVER = "%{customdata}<extra></extra>"
_DAY = "%Y-%m-%d"


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
    starts, ends = _ms(rows["start"]), _ms(rows["end"])
    today = pd.Timestamp(today or date.today()).normalize()
    x_range = _first_view(starts, ends, today)
    view = x_range[1] - x_range[0]
    detailed = len(rows) <= detail_limit
    bin_ms = None
    if detailed:
        segments = _fact_segments(rows, starts, ends)
    else:
        segments, bin_ms = _grouped_segments(rows, starts, ends, floor_ms=view / BINS)
    segments, lane_rows = _stack_lanes(segments, lanes)
    dot_below = view / 250  # bars shorter than this get a dot to stay visible

    fig = go.Figure()
    for status in status_order(segments["status"].unique()):
        part = segments[segments["status"] == status]
        fig.add_traces(_bars(part, status, dot_below) if detailed else _bands(part, status))
    fig.add_trace(_publications(facts, floor_ms=view / BINS))
    top_axis = lane_rows.n_rows > TOP_AXIS_ROWS
    _mark_today(fig, today, x_range, above=TOP_AXIS_PX if top_axis else 0)
    _style(fig, lane_rows, len(facts) - len(on_axis), len(on_axis), bin_ms, x_range)
    if top_axis:
        _add_top_axis(fig, x_range)
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


def _fact_segments(rows: pd.DataFrame, starts: np.ndarray, ends: np.ndarray) -> pd.DataFrame:
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
        "start": starts,
        "end": ends,
        "hover": hover,
    })


def choose_bin(lanes: np.ndarray, statuses: np.ndarray, starts: np.ndarray, ends: np.ndarray,
               floor_ms: float, budget: int = SEGMENT_BUDGET) -> float:
    """The finest bin width (day, week, month, quarter, year; at least ``floor_ms``) that keeps
    the aggregated segments within ``budget``."""
    keys = pd.DataFrame({"lane": pd.factorize(lanes)[0], "status": pd.factorize(statuses)[0]})
    widths = [w for w in BIN_WIDTHS.values() if w >= floor_ms] or [max(BIN_WIDTHS.values())]
    for width in widths:
        short = (ends - starts) < width
        first = np.floor(starts / width)
        count = len(keys.assign(start=np.where(short, first, starts), end=np.where(short, -1.0, ends)).drop_duplicates())
        if count <= budget:
            return width
    return widths[-1]


def _grouped_segments(rows: pd.DataFrame, starts: np.ndarray, ends: np.ndarray, floor_ms: float) -> tuple[pd.DataFrame, float]:
    """Facts of one lane with the same status and interval as one segment with a count.

    Facts shorter than the bin width are first moved to the bin their start falls in, so ten
    years of single days make hundreds of segments, not tens of thousands; the hover then gives
    the bin's dates instead of the value. The bin is no finer than ``floor_ms`` (about a pixel
    of the first view) and coarse enough for ``SEGMENT_BUDGET``.
    """
    lanes = rows["lane"].to_numpy()
    statuses = rows["status"].fillna("unknown").astype(str).to_numpy()
    bin_ms = choose_bin(lanes, statuses, starts, ends, floor_ms)
    short = (ends - starts) < bin_ms
    first_bin = np.floor(starts / bin_ms) * bin_ms
    keyed = pd.DataFrame({
        "lane": lanes,
        "status": statuses,
        "start": np.where(short, first_bin, starts),
        "end": np.where(short, first_bin + bin_ms, ends),
        "binned": short,
        "value": rows["value"].fillna("").astype(str).to_numpy(),
    })
    groups = keyed.groupby(["lane", "status", "start", "end", "binned"], sort=False).agg(
        n=("value", "size"), value=("value", "first"),
    ).reset_index()
    span = _day_spans(groups["start"], groups["end"])
    noun = np.where(groups["n"].to_numpy() == 1, " fact", " facts")
    groups["hover"] = (
        "<b>" + groups["n"].astype(str) + noun + "</b> (" + groups["status"] + ")<br>"
        + span.where(groups["binned"], groups["value"].map(html.escape))
    )
    return groups[["lane", "status", "start", "end", "hover"]], bin_ms


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
        ticks[offset + (height - 1) / 2] = html.escape(_short(lane))
        borders.append(offset - 0.5)
        offset += height
    return segments.assign(y=y), LaneRows(ticks, offset, borders)


def _short(label: str, width: int = LABEL_CHARS) -> str:
    """A lane label cut to ``width`` characters, so a long headline does not squeeze the plot."""
    return label if len(label) <= width else label[: width - 1].rstrip() + "…"


def _bars(part: pd.DataFrame, status: str, dot_below: float) -> list[go.BaseTraceType]:
    """Bars from start to end, and a dot on each bar shorter than ``dot_below`` ms, which would
    be too thin to see (or hover) at the first zoom."""
    color = status_color(status)
    width = part["end"] - part["start"]
    bars = go.Bar(
        base=part["start"].to_numpy(), x=width.to_numpy(), y=part["y"].to_numpy(), orientation="h",
        width=BAR_HEIGHT, name=status, legendgroup=status, marker={"color": color, "line": {"width": 0}},
        customdata=part["hover"].to_numpy(), hovertemplate=_HOVER,
    )
    short = part[width < dot_below]
    dots = go.Scatter(
        x=((short["start"] + short["end"]) / 2).to_numpy(), y=short["y"].to_numpy(), mode="markers",
        marker={"color": color, "size": 7, "symbol": "diamond"}, name=status, legendgroup=status,
        showlegend=False, customdata=short["hover"].to_numpy(), hovertemplate=_HOVER,
    )
    return [bars, dots]


def _bands(part: pd.DataFrame, status: str) -> list[go.BaseTraceType]:
    """Segments as filled rectangles in one path (NaN separates them), and hover points along
    each that draw nothing.

    One path is what keeps the browser fast: a line with gaps becomes an SVG element per
    segment, and markers an element per point, while WebGL costs more to set up on every redraw
    than these few thousand rectangles cost to fill. The points sit at each third of a
    segment, so a long bar answers a hover over most of its length.
    """
    color = status_color(status)
    start, end, y = (part[column].to_numpy(dtype="float64") for column in ("start", "end", "y"))
    gap = np.full(len(part), np.nan)
    low, high = y - BAR_HEIGHT / 2, y + BAR_HEIGHT / 2
    rectangles = go.Scatter(
        x=np.column_stack([start, end, end, start, gap]).ravel(),
        y=np.column_stack([low, low, high, high, gap]).ravel(),
        mode="none", fill="toself", fillcolor=color, name=status, legendgroup=status, hoverinfo="skip",
    )
    points = go.Scatter(
        x=np.column_stack([start + (end - start) * at for at in HOVER_AT]).ravel(),
        y=np.repeat(y, len(HOVER_AT)), mode="none", name=status, legendgroup=status, showlegend=False,
        customdata=np.repeat(part["hover"].to_numpy(dtype=object), len(HOVER_AT)), hovertemplate=_HOVER,
        hoverlabel={"bgcolor": color},
    )
    return [rectangles, points]


def _publications(facts: pd.DataFrame, floor_ms: float) -> go.Scatter:
    """A marker per document at its publication date, in a row of its own above the lanes.

    Beyond ``PUBLICATION_LIMIT`` documents, those published in one bin (day .. year, no finer
    than ``floor_ms``) share a marker that says how many they are: the browser draws each
    marker as an element of its own, and thousands of them cost more than all the bars.
    """
    docs = facts[facts["dct"].notna()].drop_duplicates("doc_id").sort_values("dct", kind="stable")
    days = _ms(docs["dct"])
    if len(docs) > PUBLICATION_LIMIT:
        x, hover = _publication_bins(docs, days, floor_ms)
    else:
        inferred = docs["dct_inferred"].fillna(False).astype(bool) if "dct_inferred" in docs else False
        label = pd.to_datetime(docs["dct"]).dt.strftime(_DAY) + np.where(inferred, " (inferred)", "")
        x, hover = days, [
            f"<b>published {day}</b><br>{hover_text(title)}<br>{hover_text(source)}"
            for day, title, source in zip(label, docs["title"], docs["source"])
        ]
    return go.Scatter(
        x=x, y=np.full(len(x), -1.0), mode="markers", name="publication date",
        marker={"symbol": "triangle-down", "size": 11, "color": "#333"},
        customdata=hover, hovertemplate=_HOVER,
    )


def _publication_bins(docs: pd.DataFrame, days: np.ndarray, floor_ms: float,
                      titles_shown: int = 5) -> tuple[np.ndarray, list[str]]:
    """One marker in the middle of each bin holding publications, and its hover: how many
    documents, the bin's dates and the first titles."""
    same = np.zeros(len(days))
    width = choose_bin(same, same, days, days, floor_ms, budget=PUBLICATION_LIMIT)
    first = np.floor(days / width) * width
    bins = pd.DataFrame({"start": first, "title": docs["title"].fillna("").astype(str).to_numpy()})
    groups = bins.groupby("start", sort=True)["title"].agg(list)
    spans = _day_spans(groups.index.to_series(), groups.index.to_series() + width)
    hover = []
    for titles, span in zip(groups, spans):
        more = f"<br>… and {len(titles) - titles_shown} more" if len(titles) > titles_shown else ""
        shown = "<br>".join(hover_text(title, 60) for title in titles[:titles_shown])
        hover.append(f"<b>{len(titles)} documents published</b><br>{span}<br>{shown}{more}")
    return groups.index.to_numpy() + width / 2, hover


def _day_spans(starts: pd.Series, ends: pd.Series) -> pd.Series:
    """"first day – last day" of half-open intervals given in milliseconds."""
    return (pd.to_datetime(starts, unit="ms").dt.strftime(_DAY) + " – "
            + pd.to_datetime(ends - 1, unit="ms").dt.strftime(_DAY))


def _first_view(starts: np.ndarray, ends: np.ndarray, today: pd.Timestamp) -> list[float]:
    """The x range shown first: all bars, or the 2nd to 98th percentile where a few outliers
    (a "19th century") would squash the rest to a third of the width; stretched to today where
    that costs at most half the width again."""
    low, high = float(np.nanmin(starts)), float(np.nanmax(ends))
    core_low = float(np.nanquantile(starts, 0.02, method="higher"))
    core_high = float(np.nanquantile(ends, 0.98, method="lower"))
    if core_low < core_high and core_high - core_low < (high - low) / 3:
        low, high = core_low, core_high
    now = _ms_of(today)
    span = max(high - low, DAY_MS)
    if high < now <= high + span / 2:
        high = now
    elif low - span / 2 <= now < low:
        low = now
    pad = max((high - low) * 0.04, DAY_MS)
    return [low - pad, high + pad]


def _mark_today(fig: go.Figure, day: pd.Timestamp, x_range: list[float], above: int = 0) -> None:
    """A dashed line at today, labelled on the side facing the middle of the first view, so
    the label is never cut off where today is the view's right (or left) edge; ``above``
    lifts the label over the dates of a top axis."""
    x = _ms_of(day)
    fig.add_shape(type="line", x0=x, x1=x, xref="x", y0=0, y1=1, yref="paper",
                  line={"color": "#c0392b", "width": 1.5, "dash": "dash"})
    side = "right" if x > (x_range[0] + x_range[1]) / 2 else "left"
    fig.add_annotation(x=x, y=1, xref="x", yref="paper", text=f"today {day:%Y-%m-%d}", showarrow=False,
                       xanchor=side, yanchor="bottom", yshift=above, font={"color": "#c0392b", "size": 11})


def _add_top_axis(fig: go.Figure, x_range: list[float]) -> None:
    """Dates above the lanes as well as below, for a timeline taller than a screen: a second
    x axis that follows the first through every zoom. Plotly draws an axis only for a trace,
    so one point that draws nothing holds it."""
    fig.add_trace(go.Scatter(x=[x_range[0]], y=[-1.0], xaxis="x2", mode="none", hoverinfo="skip", showlegend=False))
    fig.update_layout(
        xaxis2={"type": "date", "overlaying": "x", "side": "top", "matches": "x", "showgrid": False},
        margin={"t": fig.layout.margin.t + TOP_AXIS_PX},
    )


def _style(fig: go.Figure, lanes: LaneRows, unplaced: int, shown: int, bin_ms: float | None,
           x_range: list[float]) -> None:
    """Layout; ``bin_ms`` is the bin width where facts were aggregated, None where each is a bar."""
    note = f" ({unplaced} without a place on the axis not shown)" if unplaced else ""
    unit = next((name for name, width in BIN_WIDTHS.items() if width == bin_ms), "")
    how = "" if bin_ms is None else (
        f" · facts sharing lane, status and interval drawn as one bar; facts under a {unit} binned by {unit}"
    )
    borders = [
        {"type": "line", "x0": 0, "x1": 1, "xref": "paper", "y0": y, "y1": y, "yref": "y",
         "line": {"color": "#d0d0d0", "width": 1}, "layer": "below"}
        for y in lanes.borders
    ]
    # one assignment: add_shape copies every shape so far, which is quadratic in lanes
    fig.layout.shapes = [*fig.layout.shapes, *borders]
    fig.update_layout(
        template=TEMPLATE,
        title={"text": f"{shown} {'fact' if shown == 1 else 'facts'} on the timeline{note}<br><sup>bar width = what the text pins down{how}</sup>"},
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
            # fixed, top to bottom: autorange would pad a tall chart with rows of empty space
            "range": [lanes.n_rows - 0.5, -1.7], "automargin": True, "zeroline": False, "showgrid": False,
        },
    )
