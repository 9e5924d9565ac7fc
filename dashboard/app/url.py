"""The address bar as the view's history: one entry per change, and Back restores it.

Streamlit 1.67 pushes a browser history entry for each query-string message a run sends, and
on Back/Forward reruns the page with that entry's query string (``is_history_navigation``):
widgets bound with ``bind="query-params"`` (lanes, draw, period, article, vague) then take
their values from it by themselves. The sidebar's filter is not one bound widget (the actor
list is split by kind but is one ``?actor=``), so it asks :func:`is_history_navigation` and
reseeds itself from the URL; and it writes all its keys with :func:`set_params` in one message,
so a change of several keys (Clear filters) is one step back, not several.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import streamlit as st


def params() -> dict[str, list[str]]:
    """The query string as it is now, every key with all its values."""
    return {key: st.query_params.get_all(key) for key in st.query_params}


def set_params(wanted: Mapping[str, list[str]], keys: Iterable[str]) -> None:
    """Make the ``keys`` of the query string what ``wanted`` says (absent where it has none),
    leaving every other key alone, with one message to the browser: one history entry."""
    current = params()
    changed = {key: values for key, values in wanted.items() if current.get(key) != list(values)}
    dropped = [key for key in keys if key not in wanted and key in current]
    if not changed and not dropped:
        return
    quiet = bool(dropped) and _discard_quietly(dropped)
    if dropped and not quiet:
        for key in dropped:
            del st.query_params[key]  # a message each, where this Streamlit lacks the quiet way
    if changed or quiet:
        st.query_params.update(changed)  # sends the whole query string, once


def _discard_quietly(keys: list[str]) -> bool:
    """Remove keys from Streamlit's copy of the query string without telling the browser yet
    (the next update sends the whole string). False where this Streamlit lacks the means."""
    try:
        from streamlit.runtime.state.session_state_proxy import get_session_state

        with get_session_state().query_params() as query:
            for key in keys:
                query.discard_param_no_forward_msg(key)
    except (ImportError, AttributeError):
        return False
    return True


def is_history_navigation() -> bool:
    """Whether this run comes from the browser's Back or Forward (its URL leads, not the widgets)."""
    try:
        from streamlit.runtime.scriptrunner import get_script_run_ctx
    except ImportError:
        return False
    ctx = get_script_run_ctx()
    return bool(getattr(ctx, "is_history_navigation", False))
