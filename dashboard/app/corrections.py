"""A page's correction buttons: run the correction, then say what it did on the next run.

The correction runs in the button's callback, before Streamlit reruns the script, so the rerun
that follows already reads the store's new version: every page, filter and figure of that run
shows the correction. Only the message waits in the session for the run to show it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import streamlit as st

from dashboard.errors import UserError

_MESSAGE = "_correction_message"


def button(label: str, action: Callable[[], str], *, key: str, reset: Mapping[str, object] | None = None,
           disabled: bool = False, help: str | None = None) -> None:
    """A button that runs ``action`` (returning one line on what changed) and, when it worked,
    sets the widgets in ``reset`` (key -> value) back, so the form is ready for the next one."""
    st.button(label, key=key, on_click=_run, args=(action, dict(reset or {})), disabled=disabled, help=help)


def _run(action: Callable[[], str], reset: dict[str, object]) -> None:
    try:
        st.session_state[_MESSAGE] = ("success", action())
    except UserError as exc:
        st.session_state[_MESSAGE] = ("error", str(exc))
        return
    for key, value in reset.items():
        st.session_state[key] = value


def show_message() -> None:
    """The outcome of the last correction, once."""
    kind, text = st.session_state.pop(_MESSAGE, (None, ""))
    if kind == "success":
        st.success(text)
    elif kind == "error":
        st.error(text)
