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

from dashboard.charts.dates import day_text, days_text, plain_dates
from dashboard.charts.frame import as_timeline_rows, list_column, on_the_axis
from dashboard.charts.lanes import assign_lanes, pack_labelled
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
PLOT_PX = 900             # width of the plot area the labels are fitted to (dashboard and exports)
CHAR_PX = 6.4             # average width of a character of a bar label (11 px sans serif)
LABEL_FONT = 11
BAR_LABEL_CHARS = 48      # bar labels longer than this are cut
LABEL_LIMIT = 2_500       # segments; beyond this no bar carries a label (the browser would crawl)
FEW_BARS = 10             # fewer bars than this are all shown first, whatever their spread
NEAR = 0.25               # a neighbour this share of the bulk's width away joins the bulk
CORE_SHARE = 0.8          # the first view is the shortest stretch holding this share of the bars
EDGE_COLOR = "#555"
TWIN_AXIS = "xaxis3"      # the x axis of bar labels and aggregated bands (see timeline_figure)
_TWIN_X = TWIN_AXIS.replace("axis", "")  # the same axis as a trace names it
OVERVIEW_GAP = 1 / 400    # of the whole span: bands closer than this are one bar in the range slider
OVERVIEW_COLOR = "#8a94a3"
_MS = np.int64(1_000)     # microseconds per millisecond
_HOVER = "%{customdata}<extra></extra>"


def timeline_figure(
    facts: pd.DataFrame,
    lane_by: str = "actor",
    today: date | datetime | None = None,
    *,
    max_lanes: int = MAX_LANES,
    detail_limit: int = DETAIL_LIMIT,
    show_vague: bool = False,
    show_reports: bool = False,
    date_from: date | None = None,
    date_to: date | None = None,
    labels: bool = True,
) -> go.Figure:
    """Facts (or events) as bars on a time axis, one swimlane per actor or per document.

    The first view is the densest stretch of time holding most bars (or ``date_from`` ..
    ``date_to`` where given); bars outside it are counted at the edges. Each bar carries its
    label (the event's or fact's headline, else its expression) where the label fits.
    Markers show each document's publication date (the row above the lanes) and today (a
    dashed line, where today is in the first view). Vague references (PAST_REF, ...) and
    statements dated only by their report are left out unless asked for, and counted.
    """
    if facts.empty:
        return message_figure()
    noun = "event" if "event_id" in facts.columns and "fact_id" not in facts.columns else "fact"
    facts = as_timeline_rows(facts)
    on_axis, hidden_vague, hidden_reports = on_the_axis(facts, show_vague=show_vague, show_reports=show_reports)
    if on_axis.empty:
        return message_figure(f"none of the {len(facts)} matching {noun}s has a date on the time axis"
                              + ("" if show_vague else " (vague references hidden)"))
    rows, lanes = assign_lanes(on_axis, lane_by, max_lanes)
    starts, ends = _ms(rows["start"]), _ms(rows["end"])
    today = pd.Timestamp(today or date.today()).normalize()
    item_starts, item_ends = _ms(on_axis["start"]), _ms(on_axis["end"])
    x_range = first_view(item_starts, item_ends, date_from, date_to)
    full = [float(np.floor(np.nanmin(item_starts) / DAY_MS) * DAY_MS), float(np.ceil(np.nanmax(item_ends) / DAY_MS) * DAY_MS)]
    full = [min(full[0], x_range[0]), max(full[1], x_range[1])]
    view = x_range[1] - x_range[0]
    detailed = len(rows) <= detail_limit
    bin_ms = None
    if detailed:
        segments = _fact_segments(rows, starts, ends)
    else:
        segments, bin_ms = _grouped_segments(rows, starts, ends, floor_ms=view / BINS)
    ms_per_px = view / PLOT_PX
    with_labels = labels and len(segments) <= LABEL_LIMIT
    segments, lane_rows = _stack_lanes(segments, lanes, ms_per_px if with_labels else None)
    dot_below = view / 250  # bars shorter than this get a dot to stay visible

    fig = go.Figure()
    for status in status_order(segments["status"].unique()):
        part = segments[segments["status"] == status]
        fig.add_traces(_bars(part, status, dot_below) if detailed else _bands(part, status))
    if with_labels:
        fig.add_traces(_labels(segments, ms_per_px))
    if with_labels or not detailed:
        # labels and aggregated bands sit on an invisible twin of the x axis: the range slider
        # draws only the traces of its own axis, so it neither repeats every label squeezed
        # nor redraws thousands of bands (which doubled the browser's work on every change)
        fig.update_layout(**{TWIN_AXIS: {"type": "date", "overlaying": "x", "matches": "x", "visible": False}})
    if not detailed:
        fig.add_trace(_overview(segments, full[1] - full[0], lane_rows.n_rows))
    fig.add_trace(_publications(facts, floor_ms=view / BINS))
    top_axis = lane_rows.n_rows > TOP_AXIS_ROWS
    if full[0] <= _ms_of(today) <= full[1] or x_range[0] <= _ms_of(today) <= x_range[1]:
        _mark_today(fig, today, x_range)
    edge_notes = _mark_outside(fig, item_starts, item_ends, x_range)
    _style(fig, lane_rows, hidden_vague, hidden_reports, len(on_axis), bin_ms, x_range, noun)
    _range_buttons(fig, x_range, full, _latest_publication(facts), edge_notes)
    if top_axis:
        _add_top_axis(fig, x_range)
    # lane label as drawn -> the lane's full name: what a click on a label stands for
    fig.update_layout(meta={"lane_by": lane_by, "lanes": {_short(lane): lane for lane in lanes}})
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


def bar_label(rows: pd.DataFrame) -> pd.Series:
    """The words on a bar: the headline (``label``) where there is one, else the expression."""
    label = rows["label"].fillna("").astype(str).str.strip() if "label" in rows else pd.Series("", index=rows.index)
    expression = rows["timex_text"].fillna("").astype(str) if "timex_text" in rows else pd.Series("", index=rows.index)
    return label.where(label != "", expression)


def _fact_segments(rows: pd.DataFrame, starts: np.ndarray, ends: np.ndarray) -> pd.DataFrame:
    """One segment per fact and lane, with the full hover: headline, the date in words, status,
    sentence, actors, source, and a details row with the expression and its TIMEX3 value."""
    actors = list_column(rows, "actors").map(", ".join)
    when = plain_dates(rows)
    label = bar_label(rows)
    corrected = rows["corrected"].fillna(False).astype(bool) if "corrected" in rows else pd.Series(False, index=rows.index)
    count = rows["n_facts"] if "n_facts" in rows else pd.Series(0, index=rows.index)
    hover = [
        f"<b>{hover_text(head, 60)}</b><br>{hover_text(day)} ({hover_text(status)}){' · corrected by you' if fixed else ''}"
        f"{f' · {n} facts' if n and n > 1 else ''}"
        f"<br>{hover_text(sentence)}<br><i>{hover_text(who) or 'no actor'}</i>"
        f"<br>{origin}"
        f"<br><span style=\"color:#888\">{hover_text(text, 60)} = {hover_text(value)}</span>"
        for head, day, status, fixed, n, sentence, who, origin, text, value in zip(
            label, when, rows["status"], corrected, count, rows["sentence"], actors, _origins(rows),
            rows["timex_text"], rows["value"],
        )
    ]
    return pd.DataFrame({
        "lane": rows["lane"].to_numpy(),
        "status": rows["status"].fillna("unknown").astype(str).to_numpy(),
        "start": starts,
        "end": ends,
        "hover": hover,
        "label": label.to_numpy(),
        "id": rows["fact_id"].astype(str).to_numpy(),
    })


def _origins(rows: pd.DataFrame) -> list[str]:
    """Where a bar comes from, for its hover: a fact's article and outlet; an event's number
    of sources and when it was first reported (an event has no one title)."""
    if "n_documents" not in rows:
        return [f"{hover_text(title)} · {hover_text(source)}" for title, source in zip(rows["title"], rows["source"])]
    first = days_text(rows["dct"]) if "dct" in rows else pd.Series("", index=rows.index)
    return [
        f"{n} {'source' if n == 1 else 'sources'}{f' · first reported {day}' if day else ''}"
        for n, day in zip(rows["n_documents"].fillna(1).astype(int), first.fillna(""))
    ]


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
        "at": np.arange(len(rows)),
    })
    groups = keyed.groupby(["lane", "status", "start", "end", "binned"], sort=False).agg(
        n=("at", "size"), at=("at", "first"),
    ).reset_index()
    # a segment reads its first fact's date and label: worded for the segments only, not every row
    firsts = rows.iloc[groups["at"].to_numpy()]
    groups["value"], groups["label"] = plain_dates(firsts).to_numpy(), bar_label(firsts).to_numpy()
    span = _day_spans(groups["start"], groups["end"])
    noun = np.where(groups["n"].to_numpy() == 1, " fact", " facts")
    groups["hover"] = (
        "<b>" + groups["n"].astype(str) + noun + "</b> (" + groups["status"] + ")<br>"
        + span.where(groups["binned"], groups["value"].map(html.escape))
    )
    more = groups["n"].to_numpy() - 1
    groups["label"] = groups["label"] + np.where(more > 0, " +" + more.astype(str), "")
    return groups[["lane", "status", "start", "end", "hover", "label"]], bin_ms


@dataclass(frozen=True)
class LaneRows:
    """Where the lanes ended up on the y axis: tick per lane label, row count, lane borders."""

    ticks: dict[float, str]
    n_rows: int
    borders: list[float]


def _stack_lanes(segments: pd.DataFrame, lanes: list[str], ms_per_px: float | None) -> tuple[pd.DataFrame, LaneRows]:
    """A y position per segment: each lane gets as many rows as its overlapping bars need.

    With ``ms_per_px`` (labels wanted) a bar's label takes room too: inside a bar wide enough
    for it, else to its right, and a label that would run into another bar of its row at the
    first view is dropped (``label_at`` "none") rather than drawn over it.
    """
    y = np.zeros(len(segments))
    at = np.full(len(segments), "none", dtype=object)
    ticks: dict[float, str] = {}
    borders: list[float] = []
    offset = 0
    lane_values = segments["lane"].to_numpy()
    start_all, end_all = segments["start"].to_numpy(), segments["end"].to_numpy()
    if ms_per_px is not None:
        text = segments["label"].map(_short_label)
        label_ms = (text.str.len().to_numpy() * CHAR_PX + 8) * ms_per_px
        inside = (end_all - start_all) >= label_ms + 4 * ms_per_px
        extent = np.where(inside, end_all, np.maximum(end_all, start_all + 7 * ms_per_px) + label_ms)
        has_text = text.str.len().to_numpy() > 0
    for lane in lanes:
        index = np.flatnonzero(lane_values == lane)
        if not len(index):
            continue
        start, end = start_all[index], end_all[index]
        if ms_per_px is None:
            rows = pack_rows_only(start, end)
        else:
            rows, fits = pack_labelled(start, end, np.where(has_text[index], extent[index], end), MAX_ROWS_PER_LANE)
            at[index] = np.where(fits & has_text[index], np.where(inside[index], "inside", "right"), "none")
        y[index] = offset + rows
        height = int(rows.max()) + 1
        ticks[offset + (height - 1) / 2] = html.escape(_short(lane), quote=False)
        borders.append(offset - 0.5)
        offset += height
    return segments.assign(y=y, label_at=at), LaneRows(ticks, offset, borders)


def pack_rows_only(start: np.ndarray, end: np.ndarray) -> np.ndarray:
    return pack_labelled(start, end, end, MAX_ROWS_PER_LANE)[0]


def _short_label(label: object) -> str:
    text = "" if label is None or label != label else " ".join(str(label).split())
    return _short(text, BAR_LABEL_CHARS)


def _labels(segments: pd.DataFrame, ms_per_px: float) -> list[go.BaseTraceType]:
    """The bar labels as text: white inside a bar wide enough, dark to the right of a short one.
    Real text in the SVG, so exports carry it and a reader can search it."""
    traces = []
    for where, color in (("inside", "white"), ("right", "#1b1f24")):
        part = segments[segments["label_at"] == where]
        if part.empty:
            continue
        x = part["start"].to_numpy() + 3 * ms_per_px if where == "inside" else (
            np.maximum(part["end"].to_numpy(), part["start"].to_numpy() + 5 * ms_per_px) + 2 * ms_per_px)
        traces.append(go.Scatter(
            x=x, y=part["y"].to_numpy(), mode="text", text=[html.escape(_short_label(t), quote=False) for t in part["label"]],
            textposition="middle right", textfont={"size": LABEL_FONT, "color": color},
            hoverinfo="skip", showlegend=False, name=f"labels {where}", xaxis=_TWIN_X,
        ))
    return traces


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
        customdata=part["hover"].to_numpy(), hovertemplate=_HOVER, ids=part["id"].to_numpy(),
    )
    short = part[width < dot_below]
    dots = go.Scatter(
        x=((short["start"] + short["end"]) / 2).to_numpy(), y=short["y"].to_numpy(), mode="markers",
        marker={"color": color, "size": 7, "symbol": "diamond"}, name=status, legendgroup=status,
        showlegend=False, customdata=short["hover"].to_numpy(), hovertemplate=_HOVER, ids=short["id"].to_numpy(),
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
    x_path, y_path = _rectangles(start, end, y - BAR_HEIGHT / 2, y + BAR_HEIGHT / 2)
    rectangles = go.Scatter(
        x=x_path, y=y_path,
        mode="none", fill="toself", fillcolor=color, name=status, legendgroup=status, hoverinfo="skip",
        xaxis=_TWIN_X,
    )
    points = go.Scatter(
        x=np.column_stack([start + (end - start) * at for at in HOVER_AT]).ravel(),
        y=np.repeat(y, len(HOVER_AT)), mode="none", name=status, legendgroup=status, showlegend=False,
        customdata=np.repeat(part["hover"].to_numpy(dtype=object), len(HOVER_AT)), hovertemplate=_HOVER,
        hoverlabel={"bgcolor": color},
    )
    return [rectangles, points]


def _overview(segments: pd.DataFrame, span_ms: float, n_rows: int) -> go.Scatter:
    """What the range slider shows of aggregated bands: each row's bands merged where they are
    closer than OVERVIEW_GAP of the whole span, in one grey path (a few hundred rectangles
    instead of thousands). It lies below the lanes, out of the plot's fixed y range, and the
    slider's own y range (set in _style) shows just it."""
    rows = segments.sort_values(["y", "start"], kind="stable")
    y, start, end = (rows[column].to_numpy(dtype="float64") for column in ("y", "start", "end"))
    reach = rows.groupby("y", sort=False)["end"].cummax().to_numpy(dtype="float64")
    row_starts = np.r_[True, y[1:] != y[:-1]]
    new = row_starts | (start > np.r_[-np.inf, reach[:-1]] + span_ms * OVERVIEW_GAP)
    group = np.cumsum(new)
    merged = pd.DataFrame({"y": y, "start": start, "end": end}).groupby(group).agg(
        y=("y", "first"), start=("start", "min"), end=("end", "max"))
    low = merged["y"].to_numpy() + n_rows + 1 - BAR_HEIGHT / 2
    x_path, y_path = _rectangles(merged["start"].to_numpy(), merged["end"].to_numpy(), low, low + BAR_HEIGHT)
    return go.Scatter(
        x=x_path, y=y_path, mode="none", fill="toself", fillcolor=OVERVIEW_COLOR, hoverinfo="skip", showlegend=False, name="overview",
    )


def _rectangles(start: np.ndarray, end: np.ndarray, low: np.ndarray, high: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The x and y of one filled path of rectangles, a NaN between them (see _bands)."""
    gap = np.full(len(start), np.nan)
    return (np.column_stack([start, end, end, start, gap]).ravel(),
            np.column_stack([low, low, high, high, gap]).ravel())


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
        label = days_text(docs["dct"]) + np.where(inferred, " (inferred)", "")
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
    return days_text(pd.to_datetime(starts, unit="ms")) + " – " + days_text(pd.to_datetime(ends - 1, unit="ms"))


def first_view(starts: np.ndarray, ends: np.ndarray, date_from: date | None = None,
               date_to: date | None = None, share: float = CORE_SHARE) -> list[float]:
    """The x range shown first, in milliseconds: ``date_from`` .. ``date_to`` (inclusive days)
    where the filter gives them, else the shortest stretch holding ``share`` of the bars'
    middles (so a "20th century" or a "2100" never squeezes a story of two years into a
    sliver), widened to hold those bars whole, with a margin."""
    middles = np.sort((starts + ends) / 2)
    keep = max(1, int(np.ceil(len(middles) * share)))
    widths = middles[keep - 1:] - middles[: len(middles) - keep + 1]
    first, last = int(np.argmin(widths)), int(np.argmin(widths)) + keep - 1
    # the bulk takes in its neighbours while they are near (a quarter of its width away), so an
    # even spread stays whole and only the far-off facts are left out
    while True:
        reach = (middles[last] - middles[first]) * NEAR + DAY_MS
        if first > 0 and middles[first] - middles[first - 1] <= reach:
            first -= 1
        elif last < len(middles) - 1 and middles[last + 1] - middles[last] <= reach:
            last += 1
        else:
            break
    low_mid, high_mid = middles[first], middles[last]
    inside = ((starts + ends) / 2 >= low_mid) & ((starts + ends) / 2 <= high_mid)
    low, high = float(np.min(starts[inside])), float(np.max(ends[inside]))
    all_low, all_high = float(np.min(starts)), float(np.max(ends))
    if len(middles) < FEW_BARS or (high - low) * 3 > all_high - all_low:
        low, high = all_low, all_high  # no far outliers to leave out: show every bar
    span = high - low
    # a bar as long as the whole bulk (one "2025" among days of 2025) is held whole; a century is not
    if span <= 0:
        span = DAY_MS
    pad = max(span * 0.04, DAY_MS)
    low, high = low - pad, high + pad
    if date_from is not None:
        low = _ms_of(pd.Timestamp(date_from))
    if date_to is not None:
        high = _ms_of(pd.Timestamp(date_to) + pd.Timedelta(days=1))
    if high <= low:
        high = low + DAY_MS
    # whole days: plotly labels a top axis over an unaligned range a tick early ("Dec 2024"
    # above "Jan 2025"); the live frame keeps the two in step after zooms as well
    return [float(np.floor(low / DAY_MS) * DAY_MS), float(np.ceil(high / DAY_MS) * DAY_MS)]


def _mark_outside(fig: go.Figure, starts: np.ndarray, ends: np.ndarray, x_range: list[float]) -> list[int]:
    """How many bars lie wholly before and after the first view, and how far, written at the
    edges of the plot; returns the indices of those annotations (the range buttons hide them)."""
    notes = []
    before, after = ends <= x_range[0], starts >= x_range[1]
    for mask, side, arrow in ((before, "left", "◀"), (after, "right", "▶")):
        n = int(mask.sum())
        if not n:
            continue
        far = float(starts[mask].min()) if side == "left" else float(ends[mask].max()) - 1
        year = pd.Timestamp(far, unit="ms").year
        words = f"{n} earlier (back to {year})" if side == "left" else f"{n} later (up to {year})"
        text = f"{arrow} {words}" if side == "left" else f"{words} {arrow}"
        fig.add_annotation(x=0 if side == "left" else 1, y=0, xref="paper", yref="paper", text=text,
                           showarrow=False, xanchor=side, yanchor="bottom", bgcolor="rgba(255,255,255,0.85)",
                           font={"size": 11, "color": EDGE_COLOR}, name=f"outside-{side}")
        notes.append(len(fig.layout.annotations) - 1)
    return notes


def _latest_publication(facts: pd.DataFrame) -> float | None:
    dct = facts["dct"].dropna() if "dct" in facts else pd.Series([], dtype="datetime64[us]")
    return None if dct.empty else _ms_of(pd.Timestamp(dct.max()) + pd.Timedelta(days=1))


def _range_buttons(fig: go.Figure, x_range: list[float], full: list[float], latest: float | None,
                   edge_notes: list[int]) -> None:
    """Zoom buttons with ranges fixed here: 1m .. 5y end at the latest publication date (where
    it is in the first view, else at the view's end), never at the data's far end, which
    plotly's own range selector counts from; "story" is the first view, "all" every bar."""
    anchor = latest if latest is not None and x_range[0] <= latest <= x_range[1] + 31 * DAY_MS else x_range[1]
    anchor = float(np.ceil(anchor / DAY_MS) * DAY_MS)
    end = pd.Timestamp(anchor, unit="ms")
    spans = {"1m": pd.DateOffset(months=1), "6m": pd.DateOffset(months=6), "1y": pd.DateOffset(years=1),
             "5y": pd.DateOffset(years=5)}
    pad = 2 * DAY_MS

    def button(label: str, low: float, high: float, notes_visible: bool) -> dict:
        args = {"xaxis.range": [low, high], "xaxis.autorange": False}
        args.update({f"annotations[{i}].visible": notes_visible for i in edge_notes})
        return {"label": label, "method": "relayout", "args": [args]}

    buttons = [button("story", *x_range, True)]
    buttons += [button(label, _ms_of((end - offset).normalize()), anchor + pad, True) for label, offset in spans.items()]
    margin = np.ceil((full[1] - full[0]) * 0.02 / DAY_MS) * DAY_MS
    buttons.append(button("all", full[0] - margin, full[1] + margin, False))
    fig.update_layout(updatemenus=[{
        "type": "buttons", "direction": "left", "showactive": False, "buttons": buttons,
        "x": 0, "xanchor": "left", "y": 1.0, "yanchor": "bottom", "pad": {"b": 4},
        "font": {"size": 11}, "bgcolor": "#f1f4f8", "bordercolor": "#c8d0da",
    }])


def _mark_today(fig: go.Figure, day: pd.Timestamp, x_range: list[float]) -> None:
    """A dashed line at today, labelled at its foot on the side facing the middle of the
    first view, so the label is never cut off where today is the view's right (or left) edge."""
    x = _ms_of(day)
    fig.add_shape(type="line", x0=x, x1=x, xref="x", y0=0, y1=1, yref="paper",
                  line={"color": "#c0392b", "width": 1.5, "dash": "dash"})
    side = "right" if x > (x_range[0] + x_range[1]) / 2 else "left"
    fig.add_annotation(x=x, y=0, xref="x", yref="paper", text=f"today, {day_text(day)}", showarrow=False,
                       xanchor=side, yanchor="bottom", xshift=3 if side == "left" else -3,
                       font={"color": "#c0392b", "size": 11}, name="today")


TICK_STEPS_MONTHS = (1, 2, 3, 6, 12, 24, 60, 120, 240, 600, 1200)


def date_ticks(low_ms: float, high_ms: float, most: int = 12) -> tuple[list[float], list[str]]:
    """Gridlines at whole months or years across ``[low_ms, high_ms]`` and their labels
    ("Jan 2025", or "2025" from a year's step on): fixed ticks for a printed timeline, where
    both axes must read the same and nobody zooms."""
    low, high = pd.Timestamp(low_ms, unit="ms"), pd.Timestamp(high_ms, unit="ms")
    months = (high.year - low.year) * 12 + high.month - low.month + 1
    step = next((m for m in TICK_STEPS_MONTHS if months / m <= most), TICK_STEPS_MONTHS[-1])
    first = low.year * 12 + low.month - 1
    first += (-first) % step
    values, texts = [], []
    for index in range(first, high.year * 12 + high.month, step):
        tick = pd.Timestamp(year=index // 12, month=index % 12 + 1, day=1)
        if low <= tick <= high:
            values.append(_ms_of(tick))
            texts.append(str(tick.year) if step >= 12 else f"{day_text(tick).split(' ', 1)[1]}")
    return values, texts


def _add_top_axis(fig: go.Figure, x_range: list[float]) -> None:
    """Dates above the lanes as well as below, for a timeline taller than a screen: a second
    x axis that follows the first through every zoom. Plotly draws an axis only for a trace,
    so one point that draws nothing holds it."""
    fig.add_trace(go.Scatter(x=[x_range[0]], y=[-1.0], xaxis="x2", mode="none", hoverinfo="skip", showlegend=False))
    fig.update_layout(
        xaxis2={"type": "date", "overlaying": "x", "side": "top", "matches": "x", "showgrid": False},
        margin={"t": fig.layout.margin.t + TOP_AXIS_PX},
    )


def _style(fig: go.Figure, lanes: LaneRows, hidden_vague: int, hidden_reports: int, shown: int,
           bin_ms: float | None, x_range: list[float], noun: str = "fact") -> None:
    """Layout; ``bin_ms`` is the bin width where facts were aggregated, None where each is a bar."""
    hidden = []
    if hidden_vague:
        hidden.append(f"{hidden_vague} vague or undated hidden")
    if hidden_reports:
        hidden.append(f"{hidden_reports} dated only by their report hidden")
    note = f" ({'; '.join(hidden)})" if hidden else ""
    unit = next((name for name, width in BIN_WIDTHS.items() if width == bin_ms), "")
    how = "" if bin_ms is None else (
        f" · facts sharing lane, status and interval drawn as one bar; facts under a {unit} binned by {unit}"
    )
    # the lane borders as one path across the plot: plotly validates (and deep-copies) every
    # shape on each assignment, which for thirty lanes cost more than drawing all the bars
    borders = [{"type": "path", "xref": "paper", "yref": "y", "layer": "below", "line": {"color": "#d0d0d0", "width": 1},
                "path": " ".join(f"M0,{y:g} L1,{y:g}" for y in lanes.borders)}] if lanes.borders else []
    fig.layout.shapes = [*fig.layout.shapes, *borders]
    fig.update_layout(
        template=TEMPLATE,
        title={"text": f"{shown} {noun if shown == 1 else noun + 's'} on the timeline{note}<br><sup>bar width = what the text pins down{how}</sup>"},
        barmode="overlay",
        hovermode="closest",
        height=min(max(200 + ROW_PX * (lanes.n_rows + 1), 360), 2400),
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "x": 1, "xanchor": "right"},
        margin={"l": 10, "r": 10, "t": 110, "b": 10},
        xaxis={
            "type": "date", "range": x_range, "autorange": False,
            # aggregated: the slider shows the overview lying below the lanes (see _overview)
            "rangeslider": {"visible": True, "thickness": 0.06, **({} if bin_ms is None else {
                "yaxis": {"rangemode": "fixed", "range": [2 * lanes.n_rows + 0.5, lanes.n_rows + 0.5]}})},
        },
        yaxis={
            "tickvals": [-1.0, *lanes.ticks], "ticktext": [PUBLISHED, *lanes.ticks.values()],
            # fixed, top to bottom: autorange would pad a tall chart with rows of empty space
            "range": [lanes.n_rows - 0.5, -1.7], "automargin": True, "zeroline": False, "showgrid": False,
        },
    )
