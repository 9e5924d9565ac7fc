"""HTML for the Documents and Timeline pages, built from escaped text only.

Articles come from anywhere (uploads, pasted text), so every character of them is escaped and
the only markup on the page is the markup made here: ``<mark>`` around temporal expressions and
actor mentions, and anchors that link each fact to its place in the text.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

STYLE = """<style>
.ft-doc { line-height: 1.7; }
.ft-doc p { margin: 0 0 .6em 0; }
.ft-doc mark { padding: 0 .15em; border-radius: .2em; }
.ft-doc mark.ft-timex { background: #ffe08a; }
.ft-doc mark.ft-actor { background: #cfe3ff; }
.ft-doc mark.ft-timex:target { outline: 2px solid #1f5aa6; }
.ft-facts { padding-left: 1.2em; }
.ft-facts li { margin-bottom: .35em; }
.ft-value { font-family: monospace; color: #555; }
</style>"""


@dataclass(frozen=True, order=True)
class Span:
    """A stretch of the text to mark: ``kind`` is "timex" or "actor", ``anchor`` an element id."""

    start: int
    end: int
    kind: str
    label: str = ""
    anchor: str = ""


def fact_anchor(fact_id: str) -> str:
    return f"fact-{fact_id}"


def highlight(text: str, spans: Iterable[Span]) -> str:
    """The text as escaped HTML paragraphs (one per line) with the spans marked.

    Spans outside the text, across a line break or overlapping an earlier kept span are left
    out (temporal expressions are kept first), so the output is always well nested.
    """
    kept: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.kind != "timex", s.start, -s.end)):
        inside = 0 <= span.start < span.end <= len(text) and "\n" not in text[span.start:span.end]
        if inside and not any(span.start < k.end and k.start < span.end for k in kept):
            kept.append(span)
    parts, position = [], 0
    for span in sorted(kept):
        parts.append(_escape(text[position:span.start]))
        attrs = f' class="ft-{_attribute(span.kind)}" title="{_attribute(span.label)}"'
        if span.anchor:
            attrs += f' id="{_attribute(span.anchor)}"'
        parts.append(f"<mark{attrs}>{_escape(text[span.start:span.end])}</mark>")
        position = span.end
    parts.append(_escape(text[position:]))
    paragraphs = "".join(parts).split("\n")
    return '<div class="ft-doc">' + "".join(f"<p>{p}</p>" for p in paragraphs if p.strip()) + "</div>"


def timex_spans(facts: pd.DataFrame) -> list[Span]:
    """One span per fact, labelled with its TIMEX3 value and status, anchored by fact id."""
    return [
        Span(int(row.timex_start), int(row.timex_end), "timex",
             f"{row.value} ({row.status})", fact_anchor(str(row.fact_id)))
        for row in facts.itertuples(index=False)
    ]


def actor_spans(mentions: Iterable[tuple[int, int, str]]) -> list[Span]:
    """One span per actor mention (start, end, canonical name), labelled with the name."""
    return [Span(start, end, "actor", name) for start, end, name in mentions]


def fact_list(facts: pd.DataFrame, link: bool = False, limit: int = 100) -> str:
    """Facts as an HTML list, in time order: value, expression, sentence and source title.

    With ``link`` each expression links to its place in the document shown on the same page.
    """
    shown = facts.sort_values(["start", "doc_id", "timex_start"], na_position="last").head(limit)
    items = []
    for row in shown.itertuples(index=False):
        expression = _escape(row.timex_text)
        if link:
            expression = f'<a href="#{_attribute(fact_anchor(str(row.fact_id)))}">{expression}</a>'
        items.append(
            f'<li><span class="ft-value">{_escape(row.value)}</span> · <b>{expression}</b> '
            f"({_escape(row.status)}): {_escape(row.sentence)} <i>{_escape(row.title)}</i></li>"
        )
    more = len(facts) - len(shown)
    tail = f"<p>… and {more:,} more (see the Data page).</p>" if more > 0 else ""
    return f'<ol class="ft-facts">{"".join(items)}</ol>{tail}'


def _attribute(value: object) -> str:
    """Escaped for an attribute value, line breaks included (lines become paragraphs)."""
    return _escape(value).replace("\n", "&#10;").replace("\r", "&#13;")


def _escape(value: object) -> str:
    if value is None or (not isinstance(value, str) and pd.api.types.is_scalar(value) and pd.isna(value)):
        return ""
    return html.escape(str(value), quote=True)
