"""A chart as a file: PNG, SVG and PDF through kaleido, or one self-contained HTML page."""

from __future__ import annotations

import html
import re

import plotly.graph_objects as go

from dashboard.export.static import STATIC_FORMATS, static_bytes

FIGURE_FORMATS = (*STATIC_FORMATS, "html")
HTML_CONFIG = {"displaylogo": False, "responsive": True, "scrollZoom": True}


def html_bytes(fig: go.Figure) -> bytes:
    """An HTML page with plotly.js inlined (about 5 MB): it opens offline, from a mail attachment,
    years later, with zoom and hover intact. No script is loaded from anywhere."""
    title = fig.layout.title.text or "fact-timeline chart"
    page = fig.to_html(
        full_html=True, include_plotlyjs=True, include_mathjax=False, config=HTML_CONFIG,
        default_width="100%", default_height=f"{fig.layout.height or 700}px",
    )
    return page.replace("<head>", f"<head>\n    <title>{_plain(title)}</title>", 1).encode("utf-8")


def _plain(title: str) -> str:
    """The first line of a plotly title as page title: our tags dropped, the rest escaped."""
    first = re.split(r"<br\s*/?>", title, maxsplit=1)[0]
    return html.escape(html.unescape(re.sub(r"<[^>]*>", "", first)).strip())


def figure_bytes(fig: go.Figure, fmt: str, *, width: int | None = None, height: int | None = None) -> bytes:
    """The figure in ``fmt`` (png, svg, pdf or html).

    Static formats raise ``ExportUnavailable`` where no chromium is installed; they are safe to
    call from many threads at once (one lock serialises the browser).
    """
    fmt = fmt.lower()
    if fmt == "html":
        return html_bytes(fig)
    if fmt in STATIC_FORMATS:
        return static_bytes(fig, fmt, width=width, height=height)
    raise ValueError(f"figure format must be one of {', '.join(FIGURE_FORMATS)}, not {fmt!r}")
