"""Download buttons for charts and data, one per format.

The files are made only when a button is clicked (Streamlit's deferred download: the button
gets a callable), so a page with a dozen buttons costs nothing until one is used, and a click
does not rerun the page.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial

import streamlit as st

from dashboard.app.view import View

FIGURE_FORMATS = ("png", "svg", "pdf", "html")
DATA_FORMATS = ("csv", "json", "parquet", "timelinejs")
MIME = {
    "png": "image/png",
    "svg": "image/svg+xml",
    "pdf": "application/pdf",
    "html": "text/html",
    "csv": "text/csv",
    "json": "application/json",
    "parquet": "application/vnd.apache.parquet",
    "timelinejs": "application/json",
}
SUFFIX = {"timelinejs": "timeline.json"}
LABEL = {"timelinejs": "TimelineJS"}


def figure_buttons(view: View, chart: str, stem: str, **options) -> None:
    """PNG, SVG, PDF and interactive HTML of one chart as the filter shows it."""
    _buttons(f"chart-{chart}", stem, FIGURE_FORMATS,
             lambda fmt: partial(view.figure_file, chart, fmt, **options))


def data_buttons(view: View, stem: str = "facts") -> None:
    """The filtered facts as CSV, JSON, Parquet and TimelineJS JSON."""
    _buttons("data", stem, DATA_FORMATS, lambda fmt: partial(view.data_file, fmt))


def _buttons(key: str, stem: str, formats: Sequence[str], maker: Callable[[str], Callable[[], bytes]]) -> None:
    columns = st.columns(len(formats))
    for column, fmt in zip(columns, formats, strict=True):
        column.download_button(
            LABEL.get(fmt, fmt.upper()),
            data=maker(fmt),
            file_name=f"{stem}.{SUFFIX.get(fmt, fmt)}",
            mime=MIME[fmt],
            key=f"download-{key}-{fmt}",
            on_click="ignore",
            icon=":material/download:",
            width="stretch",
        )
