"""Where the product finds its shipped data and keeps the user's database.

The ``data/`` folder sits beside the package in the source tree (the README installs with
``pip install -e .``); ``FACT_TIMELINE_DATA`` points elsewhere for unusual layouts.
"""

from __future__ import annotations

import os
from pathlib import Path

DATA_DIR = Path(os.environ.get("FACT_TIMELINE_DATA", Path(__file__).resolve().parent.parent / "data"))
SAMPLES_DIR = DATA_DIR / "samples"


def user_data_dir() -> Path:
    """The per-user folder for the default database (XDG on Linux, the usual places elsewhere)."""
    if override := os.environ.get("FACT_TIMELINE_HOME"):
        return Path(override)
    if os.name == "nt":
        base = Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local"))
    elif os.uname().sysname == "Darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share"))
    return base / "fact-timeline"


def default_db_path() -> Path:
    return user_data_dir() / "facts.duckdb"


def demo_db_path() -> Path:
    """The demo store: the bundled sample articles, apart from the user's own store."""
    return user_data_dir() / "demo.duckdb"
