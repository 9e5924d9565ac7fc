"""The one exception type that reaches the user as a one-line message instead of a traceback."""


class UserError(Exception):
    """Bad input or a bad option: the CLI prints ``fact-timeline: error: <message>`` and exits 2.

    Raise it with a message that names the file (and line) at fault, so the user can act on it.
    """

    exit_code = 2
