"""The one exception type that reaches the user as a one-line message instead of a traceback."""


class UserError(Exception):
    """Bad input or a bad option: the CLI prints ``fact-timeline: error: <message>`` and exits 2.

    Raise it with a message that names the file (and line) at fault, so the user can act on it.
    """

    exit_code = 2


def json_error(exc) -> str:
    """``not valid JSON (WHAT at column N)`` for a :class:`json.JSONDecodeError`. Some of Python's
    messages end in their own "at" ("Invalid control character '\\n' at"), which gave "at at"."""
    what = exc.msg[:-3] if exc.msg.endswith(" at") else exc.msg
    return f"not valid JSON ({what} at column {exc.colno})"
