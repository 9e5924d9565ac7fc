"""Charts and fact tables as files: what the dashboard's download buttons and ``fact-timeline export`` write.

    from dashboard.export import figure_bytes, data_bytes, ExportUnavailable

    png = figure_bytes(fig, "png")                  # or "svg", "pdf", "html"; width=/height= optional
    csv = data_bytes(facts, "csv")                  # or "json", "parquet", "timelinejs"
    tl = data_bytes(facts, "timelinejs", group_by="document")

- ``figure_bytes(fig, fmt, *, width=None, height=None) -> bytes``: PNG/SVG/PDF through kaleido
  and the system chromium (one browser per process, started on first use, about 3 s; then
  0.2-0.3 s an image); every static export holds one process-wide lock, so concurrent
  Streamlit sessions never get each other's images. No browser: ``ExportUnavailable`` whose
  message says what to install (show it as is). HTML: one self-contained page with plotly.js
  inlined (about 5 MB), works offline.
- ``data_bytes(facts, fmt, *, group_by="actor", title=None, subtitle=None, show_vague=False)
  -> bytes``: CSV (UTF-8 with BOM, lists joined by "; ", formula-injection safe), JSON (array of
  records), Parquet (schema types): every row with its TIMEX codes; and what a reader sees:
  TimelineJS3 JSON (a title slide, headlines from labels, dates at the fact's granularity, at
  most ten groups, no duplicate slides), ``timelinejs-csv`` (TimelineJS's Google Sheet
  template columns) and ``chart-csv`` (start, inclusive end, label, text, group, source, url
  for Datawrapper and Flourish). Facts or events (``EVENT_COLUMNS``) alike.
- ``ChartText`` / ``with_text(fig, text)`` (``dashboard.charts.text``) and
  ``default_text(flt, facts)`` (``dashboard.export.captions``): a chart's title, subtitle, note
  and source line, by default saying the filters, the period and the articles.
- ``FIGURE_FORMATS``, ``STATIC_FORMATS`` (the ones needing a browser), ``DATA_FORMATS``,
  ``FORMATS``; ``MIME_TYPES`` and ``suggested_name(...)`` for download buttons;
  ``find_browser()`` -> the chromium path or None (to hide PNG/SVG/PDF buttons up front).
"""

from __future__ import annotations

from dashboard.export.data import DATA_FORMATS, data_bytes
from dashboard.export.figures import FIGURE_FORMATS, figure_bytes
from dashboard.export.static import STATIC_FORMATS, ExportUnavailable, find_browser

FORMATS = (*FIGURE_FORMATS, *DATA_FORMATS)
MIME_TYPES = {
    "png": "image/png",
    "svg": "image/svg+xml",
    "pdf": "application/pdf",
    "html": "text/html",
    "csv": "text/csv",
    "json": "application/json",
    "parquet": "application/vnd.apache.parquet",
    "timelinejs": "application/json",
    "timelinejs-csv": "text/csv",
    "chart-csv": "text/csv",
}
_SUFFIXES = {"timelinejs": "timeline.json", "timelinejs-csv": "timeline.csv", "chart-csv": "chart.csv"}


def suggested_name(stem: str, fmt: str) -> str:
    """A file name for a download: ``suggested_name("timeline", "timelinejs")`` -> ``timeline.timeline.json``."""
    return f"{stem}.{_SUFFIXES.get(fmt, fmt)}"


__all__ = [
    "DATA_FORMATS",
    "FIGURE_FORMATS",
    "FORMATS",
    "MIME_TYPES",
    "STATIC_FORMATS",
    "ExportUnavailable",
    "data_bytes",
    "figure_bytes",
    "find_browser",
    "suggested_name",
]
