"""Dates in the address bar that the date filters cannot hold.

The sidebar's date fields span 1800-2200 (``sidebar.EARLIEST``/``LATEST``); Streamlit raises
when a field starts outside its range, so ``?from=1799-12-31`` would replace the page with an
error. The entry script drops such a limit from the URL before the sidebar reads it, and says so.
"""

from __future__ import annotations

from collections.abc import MutableMapping
from datetime import date

from dashboard.app.query import KEYS
from dashboard.app.sidebar import EARLIEST, LATEST

LIMITS = {KEYS["date_from"]: "from", KEYS["date_to"]: "to"}


def out_of_range(params: MutableMapping[str, str]) -> list[str]:
    """Remove the ``from``/``to`` dates outside EARLIEST..LATEST from ``params`` (Streamlit's
    ``st.query_params``); returns one notice per limit removed."""
    notices = []
    for key, word in LIMITS.items():
        text = params.get(key)
        try:
            day = date.fromisoformat(text) if text else None
        except ValueError:
            continue  # unreadable: the query reader drops it already
        if day is not None and not EARLIEST <= day <= LATEST:
            del params[key]
            notices.append(f"The link's date filter “{word} {day.isoformat()}” is outside "
                           f"{EARLIEST.year}-{LATEST.year}, the range the dashboard covers; it is left out.")
    return notices
