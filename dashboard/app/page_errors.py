"""Store problems as one line on the page, never a traceback in the browser.

A page that cannot read its store (a truncated or corrupt file, a folder without write
permission, a file another program holds) says what went wrong with which file and what to do,
as the CLI does on stderr, and the traceback goes to the server's log only.
"""

from __future__ import annotations

import logging

import duckdb

from dashboard.errors import UserError
from dashboard.plain import md
from dashboard.store import store_error_message

# What a store can raise at a page: DuckDB's errors (corrupt file, lock, I/O), the operating
# system's (permissions, disk full), and the product's own one-line errors.
STORE_ERRORS: tuple[type[BaseException], ...] = (duckdb.Error, OSError, UserError)
_LOG = logging.getLogger("fact_timeline.dashboard")


def store_message(exc: BaseException, db: str) -> str:
    """One line naming the store, what went wrong and what to do: the line the CLI prints
    after ``fact-timeline: error:`` (:func:`dashboard.store.store_error_message`)."""
    return store_error_message(exc, db)


def show_store_error(exc: BaseException, db: str) -> None:
    """The page message for a store problem (and the traceback in the server's log)."""
    import streamlit as st

    _LOG.error("store %s: %s", db, exc, exc_info=exc)
    st.error(md(store_message(exc, db)), icon=":material/error:")
