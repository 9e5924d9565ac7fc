"""Store problems as one line on the page, never a traceback in the browser.

A page that cannot read its store (a truncated or corrupt file, a folder without write
permission, a file another program holds) says what went wrong with which file and what to do,
as the CLI does on stderr, and the traceback goes to the server's log only.
"""

from __future__ import annotations

import logging

import duckdb

from dashboard.errors import UserError

# What a store can raise at a page: DuckDB's errors (corrupt file, lock, I/O), the operating
# system's (permissions, disk full), and the product's own one-line errors.
STORE_ERRORS: tuple[type[BaseException], ...] = (duckdb.Error, OSError, UserError)
_LOG = logging.getLogger("fact_timeline.dashboard")


def store_message(exc: BaseException, db: str) -> str:
    """One line naming the store, what went wrong and what to do (the line the CLI prints)."""
    try:
        from dashboard.store import store_error_message
    except ImportError:  # until the store's own helper lands (helper relcli, issue 14)
        return _own_message(exc, db)
    return store_error_message(exc, db)


def _own_message(exc: BaseException, db: str) -> str:
    if isinstance(exc, UserError):
        return str(exc)
    first = " ".join(str(exc).split()) or type(exc).__name__
    if isinstance(exc, PermissionError) or "permission denied" in first.lower() or "read-only" in first.lower():
        advice = "serve a store in a folder you may write to, or serve this one with --read-only"
    elif "lock" in first.lower():
        advice = "another program holds it (a running ingest or dashboard): wait for it or stop it"
    else:
        advice = ("the file is damaged or not a fact store: restore it from a backup, or ingest the articles "
                  "again into a new store (--db NEW.duckdb)")
    return f"{db}: cannot use the store ({first[:300]}); {advice}"


def show_store_error(exc: BaseException, db: str) -> None:
    """The page message for a store problem (and the traceback in the server's log)."""
    import streamlit as st

    _LOG.error("store %s: %s", db, exc, exc_info=exc)
    st.error(store_message(exc, db), icon=":material/error:")
