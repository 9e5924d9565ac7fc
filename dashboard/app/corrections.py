"""A page's correction buttons: run the correction, then say what it did on the next run.
(The Documents page's controls, in :mod:`dashboard.app.editing`, run in the script and rerun;
a callback suits forms whose widgets should be reset once the correction is made.)

The correction runs in the button's callback, before Streamlit reruns the script, so the rerun
that follows already reads the store's new version: every page, filter and figure of that run
shows the correction. Only the message waits in the session for the run to show it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import streamlit as st

from dashboard.app import editing
from dashboard.errors import UserError

_ERROR = "_correction_error"


def button(label: str, action: Callable[[], str], *, key: str, reset: Mapping[str, object] | None = None,
           disabled: bool = False, help: str | None = None) -> None:
    """A button that runs ``action`` (returning one line on what changed) and, when it worked,
    sets the widgets in ``reset`` (key -> value) back, so the form is ready for the next one."""
    st.button(label, key=key, on_click=_run, args=(action, dict(reset or {})), disabled=disabled, help=help)


def _run(action: Callable[[], str], reset: dict[str, object]) -> None:
    try:
        st.session_state[editing.DONE] = action()  # said by the entry script, like any change
    except UserError as exc:
        st.session_state[_ERROR] = str(exc)
        return
    for key, value in reset.items():
        st.session_state[key] = value


def show_error() -> None:
    """Why the last correction was refused, once (a correction that worked is announced by
    :func:`dashboard.app.editing.show_done` at the top of every page)."""
    if text := st.session_state.pop(_ERROR, None):
        st.error(text)
