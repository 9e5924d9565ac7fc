"""The password gate of a shared dashboard (``fact-timeline serve --password``).

The entry script calls :func:`allowed` before it reads the store; until the visitor has typed
the password, the page holds the form and nothing else. A correct entry is remembered for the
browser session (Streamlit's session state, which lives on the server), so filters and page
switches do not ask again; a reload or a new tab starts a new session and asks once more.
"""

from __future__ import annotations

import hmac
import os

import streamlit as st

from dashboard.app.serve import PASSWORD_ENV

_PASSED = "_password_passed"
WRONG = "Wrong password."


def required() -> str:
    """The password this dashboard asks for ("" where it is open)."""
    return os.environ.get(PASSWORD_ENV, "")


def matches(entered: str, password: str) -> bool:
    """Constant-time comparison, so response times say nothing about how much was right."""
    return hmac.compare_digest(entered.encode("utf-8"), password.encode("utf-8"))


def allowed() -> bool:
    """True where the dashboard is open or this session gave the password; else draws the
    password form (saying so after a wrong entry) and returns False."""
    password = required()
    if not password or st.session_state.get(_PASSED):
        return True
    st.title("fact-timeline")
    with st.form("password_form"):
        entered = st.text_input("Password", type="password", key="password_entered")
        sent = st.form_submit_button("Open the dashboard", type="primary")
    if sent:
        if matches(entered, password):
            st.session_state[_PASSED] = True
            st.rerun()
        st.error(WRONG, icon=":material/lock:")
    return False
