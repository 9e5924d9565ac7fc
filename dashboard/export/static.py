"""PNG, SVG and PDF of a figure through kaleido and the system's chromium.

kaleido starts a fresh browser for every image (about 3 s) unless a sync server runs; that
server is one browser per process, and it is not thread-safe: exports from two threads
(Streamlit runs each session in its own) come back with each other's images. So every export
goes through ``_LOCK`` and the server is started once, lazily, inside it. Nothing is ever
downloaded: no browser means ``ExportUnavailable``, never ``kaleido.get_chrome()``.
"""

from __future__ import annotations

import atexit
import logging
import os
import threading
from pathlib import Path

import plotly.graph_objects as go

STATIC_FORMATS = ("png", "svg", "pdf")
DEFAULT_SIZE = (1200, 700)
PNG_SCALE = 2

_LOCK = threading.Lock()
_server_browser: str | None = None  # the browser the running sync server uses


class ExportUnavailable(RuntimeError):
    """A static export cannot run here (no browser); the message says what to install."""


def find_browser() -> str | None:
    """The chromium kaleido would use: ``BROWSER_PATH`` if set, else the usual names and places."""
    from choreographer.browsers.chromium import Chromium

    path = os.environ.get("BROWSER_PATH") or Chromium.find_browser(skip_local=False)
    return path if path and Path(path).is_file() and os.access(path, os.X_OK) else None


def _no_browser_message() -> str:
    where = f"BROWSER_PATH={os.environ['BROWSER_PATH']!r} is not an executable; " if os.environ.get("BROWSER_PATH") else ""
    return (
        f"PNG, SVG and PDF export need a Chromium browser and none was found ({where}install one, "
        "e.g. 'apt-get install chromium', or set BROWSER_PATH); HTML and data exports still work"
    )


def _ensure_server() -> None:
    """Start kaleido's sync server once per process (called with ``_LOCK`` held)."""
    global _server_browser
    import kaleido

    browser = find_browser()
    if browser is None:
        raise ExportUnavailable(_no_browser_message())
    if kaleido._global_server.is_running() and browser == _server_browser:  # noqa: SLF001 - no public "is running"
        return
    kaleido.stop_sync_server(silence_warnings=True)
    # mathjax=False: its default is a CDN script, and nothing here may reach the internet.
    kaleido.start_sync_server(path=browser, mathjax=False, silence_warnings=True)
    _server_browser = browser
    atexit.register(_stop_quietly)  # runs before kaleido's own exit hook (last in, first out)


def _stop_quietly() -> None:
    """Close the browser at exit without choreographer logging a traceback for the half
    message a closing pipe leaves behind."""
    import kaleido

    logging.getLogger("choreographer").setLevel(logging.CRITICAL)
    kaleido.stop_sync_server(silence_warnings=True)


def printable(fig: go.Figure) -> dict:
    """The figure as a dict fit for paper: WebGL traces become their SVG twins (headless
    chromium often has no WebGL, and an image gains nothing from it), and range sliders and
    zoom buttons go, since nobody can click them in a PNG."""
    spec = fig.to_plotly_json()
    for trace in spec.get("data", []):
        if trace.get("type") == "scattergl":
            trace["type"] = "scatter"
    layout = spec.get("layout", {})
    layout.pop("updatemenus", None)  # zoom buttons
    top, bottom = layout.get("xaxis2"), layout.get("xaxis")
    if isinstance(top, dict) and top.get("overlaying") == "x" and isinstance(bottom, dict) and bottom.get("range"):
        # plotly can label an overlaying date axis a tick early: on paper both get the same fixed ticks
        from dashboard.charts.timeline import date_ticks

        values, texts = date_ticks(*[float(v) for v in bottom["range"]])
        for axis in (top, bottom):
            axis.update(tickmode="array", tickvals=values, ticktext=texts)
    for key, axis in spec.get("layout", {}).items():
        if key.startswith("xaxis") and isinstance(axis, dict):
            axis.pop("rangeslider", None)
            axis.pop("rangeselector", None)
    return spec


def static_bytes(fig: go.Figure, fmt: str, width: int | None = None, height: int | None = None) -> bytes:
    """The figure as PNG, SVG or PDF bytes; ``width``/``height`` in CSS pixels (layout or default)."""
    import kaleido

    if fmt not in STATIC_FORMATS:
        raise ValueError(f"static format must be one of {', '.join(STATIC_FORMATS)}, not {fmt!r}")
    layout = fig.layout
    opts = {
        "format": fmt,
        "width": width or layout.width or DEFAULT_SIZE[0],
        "height": height or layout.height or DEFAULT_SIZE[1],
        "scale": PNG_SCALE if fmt == "png" else 1,  # twice the pixels: sharp in print and on HiDPI
    }
    spec = printable(fig)
    with _LOCK:
        _ensure_server()
        try:
            return kaleido.calc_fig_sync(spec, opts=opts)
        except ExportUnavailable:
            raise
        except Exception:
            # A browser that died (or was killed) leaves a dead server: restart it once.
            kaleido.stop_sync_server(silence_warnings=True)
            _ensure_server()
            return kaleido.calc_fig_sync(spec, opts=opts)
