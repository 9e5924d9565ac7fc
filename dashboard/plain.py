"""Text from articles made safe to show people: no direction tricks, no Markdown, no live links
but plain http(s) ones.

Titles, sources and actor names come from whoever wrote the file. Streamlit renders the text of
``st.markdown``, ``st.caption``, ``st.success`` and friends as Markdown, so a source such as
``![x](http://evil/pixel.png)`` would make every viewer's browser fetch a tracking pixel, and a
right-to-left override (U+202E) turns "txt.exe" into "exe.txt" wherever it is shown.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import quote, urlsplit

import pandas as pd

# Embeddings and overrides (U+202A-U+202E) and isolates (U+2066-U+2069): each changes the order
# in which the characters after it are shown. Marks (U+200E, U+200F) only nudge one character
# and are kept.
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
# The characters that open Markdown (and Streamlit's :emoji:, :color[...] and $math$) inside a
# line, escaped wherever they are; "#", "-", "+", ">" and "1." matter only at the start.
_MARKDOWN = re.compile(r"([\\`*_{}\[\]()<>!|~:$&])")
_LINE_START = re.compile(r"^(?:\d+(?=\.)|(?=[#+\-=]))")  # "1." -> "1\.", "#" -> "\#"
_URL_KEEP = ":/?#@!$&*+,;=%-._~"  # what a URL keeps as typed; the rest is percent-encoded
SHOWN = 5  # titles listed by name in a message; the rest are counted


def neutral(text: object) -> str:
    """The text without bidirectional controls ("" for None or NaN)."""
    if text is None or (not isinstance(text, str) and pd.api.types.is_scalar(text) and pd.isna(text)):
        return ""
    return BIDI_CONTROLS.sub("", str(text))


def md(text: object) -> str:
    """User text for a Markdown element, shown literally: controls gone, Markdown escaped, line
    breaks as spaces (a line starting with "#" or "-" would otherwise become a heading or list)."""
    flat = " ".join(neutral(text).split())
    return _LINE_START.sub(lambda m: m[0] + "\\", _MARKDOWN.sub(r"\\\1", flat), count=1)


def safe_url(value: object) -> str:
    """``value`` when it is a plain http(s) address (scheme and host, no spaces), else "".

    Brackets, parentheses, quotes and every other character a Markdown link or an HTML
    attribute could end on are percent-encoded, so the address can go into ``[text](url)``
    or ``href="..."`` as it is and still lead where it says.
    """
    text = neutral(value).strip()
    if not text or any(c.isspace() for c in text):
        return ""
    try:
        parts = urlsplit(text)
    except ValueError:
        return ""
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return ""
    return quote(text, safe=_URL_KEEP)


def source_md(value: object) -> str:
    """A document's source for Markdown: a link where it is an http(s) address (its text the
    address itself, so what a link says is where it goes), else the literal text."""
    url = safe_url(value)
    if not url:
        return md(value)
    return f"[{md(url)}]({url})"


def few(names: Iterable[object], shown: int = SHOWN) -> str:
    """"a, b and c" for a few names, "a, b, c, d, e and 9,995 more" for many: a message names a
    handful of articles, never all of a large upload."""
    names = [neutral(name) for name in names]
    if len(names) <= shown:
        return names[0] if len(names) == 1 else ", ".join(names[:-1]) + (f" and {names[-1]}" if names else "")
    return f"{', '.join(names[:shown])} and {len(names) - shown:,} more"


TEXT_COLUMNS = ("title", "source", "label", "timex_text", "sentence", "headline", "name")
LIST_COLUMNS = ("actors",)


def for_people(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with bidirectional controls taken out of the text people read (titles, labels,
    sentences, actor names), for charts, lists and exports meant for people.

    Returns the frame itself where it holds no such character (the common case, checked with
    vectorised string searches), so stores without them pay almost nothing.
    """
    dirty = {}
    for column in TEXT_COLUMNS:
        if column in frame and frame[column].dtype != "category":
            values = frame[column].astype("string")
            if values.str.contains(BIDI_CONTROLS, na=False).any():
                dirty[column] = values.str.replace(BIDI_CONTROLS, "", regex=True)
    for column in LIST_COLUMNS:
        if column in frame:
            names = frame[column].explode().dropna()  # lists and numpy arrays alike, one name a row
            if names.astype("string").str.contains(BIDI_CONTROLS, na=False).any():
                dirty[column] = frame[column].map(_neutral_list)
    return frame.assign(**dirty) if dirty else frame


def _neutral_list(values):
    if values is None or not hasattr(values, "__len__"):
        return values
    return [neutral(v) for v in values]
