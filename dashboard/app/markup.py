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

from dashboard.charts.dates import MONTHS, UNDATED, plain_dates

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
.ft-when { color: #1f5aa6; white-space: nowrap; }
.ft-period { margin: .8em 0 .2em 0; font-size: 1rem; color: #1b1f24; }
.ft-corrected { font-size: .8em; background: #fff3cd; border-radius: .2em; padding: 0 .3em; }
.ft-more { color: #555; }
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
    """One span per fact, labelled with its date in words, its TIMEX3 value and status,
    anchored by fact id."""
    words = plain_dates(facts) if len(facts) else pd.Series([], dtype=object)
    return [
        Span(int(row.timex_start), int(row.timex_end), "timex",
             f"{when} ({row.status}) · {row.value}", fact_anchor(str(row.fact_id)))
        for row, when in zip(facts.itertuples(index=False), words)
    ]


def actor_spans(mentions: Iterable[tuple[int, int, str]]) -> list[Span]:
    """One span per actor mention (start, end, canonical name), labelled with the name."""
    return [Span(start, end, "actor", name) for start, end, name in mentions]


PER_PAGE = 50


def period_heading(starts: pd.Series, span_days: float) -> pd.Series:
    """The heading a fact is listed under: its month ("Oct 2025") over a span of a few years,
    else its year; "undated" where it has no start."""
    stamps = pd.to_datetime(starts)
    year = stamps.dt.year.astype("Int64").astype(str)
    if span_days <= 4 * 366:
        month = stamps.dt.month.map(lambda m: MONTHS[int(m) - 1] if m == m else "")
        heading = month + " " + year
    else:
        heading = year
    return heading.where(stamps.notna(), UNDATED)


def fact_list(facts: pd.DataFrame, link: bool = False, limit: int = PER_PAGE, page: int = 1) -> str:
    """One page of facts as HTML, in time order under a heading per period ("Oct 2025"): the
    date in words, the expression, the sentence and the source title.

    With ``link`` each expression links to its place in the document shown on the same page.
    A long list is paged (``page`` from 1, ``limit`` a page), never the whole corpus at once.
    """
    ordered = facts.sort_values(["start", "doc_id", "timex_start"], na_position="last")
    pages = max(1, -(-len(ordered) // limit))
    page = min(max(1, page), pages)
    shown = ordered.iloc[(page - 1) * limit: page * limit]
    if shown.empty:
        return '<div class="ft-list"><p class="ft-none">No facts to list.</p></div>'
    starts = pd.to_datetime(ordered["start"]).dropna()
    span = (starts.max() - starts.min()).days if len(starts) else 0
    headings = period_heading(shown["start"], span)
    words = plain_dates(shown)
    parts, current = [], None
    for row, heading, when in zip(shown.itertuples(index=False), headings, words):
        if heading != current:
            if current is not None:
                parts.append("</ol>")
            parts.append(f'<h4 class="ft-period">{_escape(heading)}</h4><ol class="ft-facts">')
            current = heading
        expression = _escape(row.timex_text)
        if link:
            expression = f'<a href="#{_attribute(fact_anchor(str(row.fact_id)))}">{expression}</a>'
        label = str(getattr(row, "label", "") or "")
        head = f"<b>{_escape(label)}</b> · " if label else ""
        fixed = ' <span class="ft-corrected">corrected</span>' if bool(getattr(row, "corrected", False)) else ""
        parts.append(
            f'<li>{head}<span class="ft-when">{_escape(when)}</span> · <b>{expression}</b> '
            f"({_escape(row.status)}){fixed}: {_escape(row.sentence)} <i>{_escape(row.title)}</i></li>"
        )
    parts.append("</ol>")
    if pages > 1:
        first = (page - 1) * limit + 1
        parts.append(f'<p class="ft-more">Facts {first:,}–{first + len(shown) - 1:,} of {len(ordered):,} '
                     f"(page {page} of {pages}; all of them on the Data page).</p>")
    return '<div class="ft-list">' + "".join(parts) + "</div>"


def page_count(n: int, limit: int = PER_PAGE) -> int:
    return max(1, -(-n // limit))


def _attribute(value: object) -> str:
    """Escaped for an attribute value, line breaks included (lines become paragraphs)."""
    return _escape(value).replace("\n", "&#10;").replace("\r", "&#13;")


def _escape(value: object) -> str:
    if value is None or (not isinstance(value, str) and pd.api.types.is_scalar(value) and pd.isna(value)):
        return ""
    return html.escape(str(value), quote=True)
