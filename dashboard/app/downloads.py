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
from dashboard.export import DATA_FORMATS, FIGURE_FORMATS, MIME_TYPES, suggested_name
from dashboard.export.static import STATIC_FORMATS, find_browser

LABEL = {"timelinejs": "TimelineJS"}
NO_BROWSER = ("PNG, SVG and PDF downloads need Chromium, which is not installed here "
              "(`apt-get install chromium`); the interactive HTML works without it.")


def figure_buttons(view: View, chart: str, stem: str, **options) -> None:
    """PNG, SVG, PDF and interactive HTML of one chart as the filter shows it."""
    formats = FIGURE_FORMATS if _browser() else tuple(f for f in FIGURE_FORMATS if f not in STATIC_FORMATS)
    _buttons(f"chart-{stem}", stem, formats, lambda fmt: partial(view.figure_file, chart, fmt, **options))
    if formats != FIGURE_FORMATS:
        st.caption(NO_BROWSER)


def data_buttons(view: View, stem: str = "facts") -> None:
    """The filtered facts as CSV, JSON, Parquet and TimelineJS JSON."""
    _buttons("data", stem, DATA_FORMATS, lambda fmt: partial(view.data_file, fmt))


@st.cache_resource(show_spinner=False)
def _browser() -> str | None:
    return find_browser()


def _buttons(key: str, stem: str, formats: Sequence[str], maker: Callable[[str], Callable[[], bytes]]) -> None:
    columns = st.columns(len(FIGURE_FORMATS))
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
        )
