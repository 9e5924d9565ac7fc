"""A plotly figure that Streamlit updates in place instead of drawing anew.

``st.plotly_chart`` gives its element an id derived from the figure, so every filter change
unmounts the old plot and builds a new one from scratch; on a large timeline that
costs the browser one to two seconds. This component keeps one frame for the whole session and
hands it each new figure, which it draws with ``Plotly.react`` (see plotly_frame/index.html).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Callable
from functools import cache, partial
from pathlib import Path

import plotly
import streamlit as st
import streamlit.components.v1 as components

FRAME_DIR = Path(__file__).resolve().parent / "plotly_frame"
PLOTLY_JS = Path(plotly.__file__).resolve().parent / "package_data" / "plotly.min.js"


def live_plot(spec: str, key: str, config: dict | None = None,
              on_click: Callable[[dict], None] | None = None) -> None:
    """Show the figure ``spec`` (``fig.to_json()``); the frame is known by ``key`` across reruns.

    ``on_click`` is called (before the rerun, as a widget callback) with what was clicked:
    ``{"kind": "bar", "id": ...}`` (the bar's id: an event or fact id) or ``{"kind": "lane",
    "lane": ...}`` (a lane label, by the full name in the figure's ``layout.meta.lanes``).
    """
    revision = hashlib.sha1(spec.encode("utf-8")).hexdigest()[:16]
    callback = None if on_click is None else partial(_clicked, key, on_click)
    _component()(spec=spec, config=json.dumps(config or {}), revision=revision, key=key, default=None,
                 on_change=callback)


def _clicked(key: str, on_click: Callable[[dict], None]) -> None:
    value = st.session_state.get(key)
    if isinstance(value, dict) and value.get("kind") in ("bar", "lane"):
        on_click(value)


@cache
def _component():
    return components.declare_component("plotly_frame", path=str(_served_folder()))


def _served_folder(base: Path | None = None) -> Path:
    """The frame with plotly.js beside it, in a folder of its own (Streamlit serves a component
    from one folder). Named after the contents, so versions never mix; written atomically."""
    page = (FRAME_DIR / "index.html").read_bytes()
    digest = hashlib.sha1(page + plotly.__version__.encode()).hexdigest()[:12]
    folder = Path(base or tempfile.gettempdir()) / f"fact-timeline-plotly-frame-{digest}"
    if not all((folder / name).is_file() for name in ("index.html", "plotly.min.js")):
        staging = Path(tempfile.mkdtemp(prefix=folder.name + "-", dir=folder.parent))
        (staging / "index.html").write_bytes(page)
        shutil.copyfile(PLOTLY_JS, staging / "plotly.min.js")
        shutil.rmtree(folder, ignore_errors=True)  # a folder left incomplete
        try:
            os.replace(staging, folder)
        except OSError:  # another process got there first
            shutil.rmtree(staging, ignore_errors=True)
    return folder
