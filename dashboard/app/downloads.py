"""Download buttons for charts and data, one per format.

The files are made only when a button is clicked (Streamlit's deferred download: the button
gets a callable), so a page with a dozen buttons costs nothing until one is used, and a click
does not rerun the page.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from functools import partial

import streamlit as st

from dashboard.app.view import View
from dashboard.charts.text import ChartText
from dashboard.export import DATA_FORMATS, FIGURE_FORMATS, MIME_TYPES, suggested_name
from dashboard.export.static import STATIC_FORMATS, find_browser

LABEL = {"timelinejs": "TimelineJS", "timelinejs-csv": "TimelineJS sheet", "chart-csv": "Chart CSV"}
HELP = {
    "timelinejs": "TimelineJS 3 JSON: a title slide, one slide per happening, at most ten groups",
    "timelinejs-csv": "The columns of TimelineJS's Google Sheet template: paste into a copy of it",
    "chart-csv": "start, inclusive end, label, text, group, source, url: for Datawrapper and Flourish",
    "csv": "Every fact with its TIMEX3 codes", "png": "Twice the pixels, for print",
}
NO_BROWSER = ("PNG, SVG and PDF downloads need Chromium, which is not installed here "
              "(`apt-get install chromium`); the interactive HTML works without it.")


def export_text(view: View, key: str, *, show_vague: bool = False, show_reports: bool = False) -> ChartText:
    """The words an export carries, editable: title, subtitle, note and source line, which
    start as what the filters show (and start again when the filters change)."""
    default = view.chart_text(show_vague, show_reports)
    tag = hashlib.sha1(repr(default).encode()).hexdigest()[:8]
    with st.expander("Title, note and source of the downloads", icon=":material/edit_note:"):
        title = st.text_input("Title", value=default.title, key=f"text-{key}-title-{tag}")
        subtitle = st.text_input("Subtitle", value="", key=f"text-{key}-subtitle-{tag}",
                                 placeholder="the chart's own (what it draws)")
        note = st.text_input("Note", value=default.note, key=f"text-{key}-note-{tag}")
        source = st.text_input("Source line", value=default.source, key=f"text-{key}-source-{tag}")
    return ChartText(title=title, subtitle=subtitle, note=note, source=source)


def figure_buttons(view: View, chart: str, stem: str, text: ChartText | None = None, **options) -> None:
    """PNG, SVG, PDF and interactive HTML of one chart as the filter shows it, with ``text``."""
    formats = FIGURE_FORMATS if _browser() else tuple(f for f in FIGURE_FORMATS if f not in STATIC_FORMATS)
    _buttons(f"chart-{stem}", stem, formats, lambda fmt: partial(view.figure_file, chart, fmt, text, **options))
    if formats != FIGURE_FORMATS:
        st.caption(NO_BROWSER)


def data_buttons(view: View, stem: str = "facts", draw: str = "events", **options) -> None:
    """The filtered facts as CSV, JSON, Parquet (every row and code), and as TimelineJS JSON,
    its Google Sheet and the chart-ready CSV (what a reader sees: one slide per event with
    ``draw="events"``, as the Timeline draws them; ``options`` such as ``title`` and
    ``show_vague`` apply to those)."""
    whole = ("csv", "json", "parquet")
    reader = {**options, "draw": draw}
    _buttons("data", stem, DATA_FORMATS, lambda fmt: partial(view.data_file, fmt, **({} if fmt in whole else reader)))


@st.cache_resource(show_spinner=False)
def _browser() -> str | None:
    return find_browser()


def _buttons(key: str, stem: str, formats: Sequence[str], maker: Callable[[str], Callable[[], bytes]]) -> None:
    columns = st.columns(max(len(FIGURE_FORMATS), len(formats)))
    for column, fmt in zip(columns, formats, strict=False):
        column.download_button(
            LABEL.get(fmt, fmt.upper()),
            data=maker(fmt),
            file_name=suggested_name(stem, fmt),
            mime=MIME_TYPES[fmt],
            key=f"download-{key}-{fmt}",
            on_click="ignore",
            icon=":material/download:",
            width="stretch",
            help=HELP.get(fmt),
        )
