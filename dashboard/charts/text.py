"""The words around a chart that make it publishable: title, subtitle, note and source line.

A chart made for the screen says what it draws ("412 facts on the timeline"); one that goes into
a report says what the story is ("Facts naming Donald Trump, Oct 2025 – Jan 2026"), what to
mind ("12 vague references left out") and where it comes from ("Source: 70 articles from
spiegel.de, nytimes.com; fact-timeline, 2 Dec 2025"). :func:`with_text` puts them on any figure
of ``dashboard.charts``; the defaults come from ``dashboard.export.captions``.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, replace

import plotly.graph_objects as go

NOTE_PX = 18  # height of one line of note or source below the plot


@dataclass(frozen=True)
class ChartText:
    """What a published chart says around its plot; empty fields keep the chart's own words
    (title, subtitle) or are left out (note, source)."""

    title: str = ""
    subtitle: str = ""
    note: str = ""
    source: str = ""

    def merged(self, other: ChartText | None) -> ChartText:
        """These words with the non-empty fields of ``other`` (the user's edits) on top."""
        if other is None:
            return self
        return replace(self, **{k: v for k, v in vars(other).items() if v})


def _escaped(text: str) -> str:
    return html.escape(" ".join(text.split()), quote=False)


def with_text(fig: go.Figure, text: ChartText | None) -> go.Figure:
    """A copy of ``fig`` with ``text``: the title and subtitle above the plot, the note and
    the source line below it, left-aligned as in a newspaper graphic."""
    if text is None or not any(vars(text).values()):
        return fig
    out = go.Figure(fig)
    current = out.layout.title.text or ""
    own_title, _, own_sub = current.partition("<br>")
    title = _escaped(text.title) if text.title else own_title
    subtitle = f"<sup>{_escaped(text.subtitle)}</sup>" if text.subtitle else own_sub
    out.update_layout(title={"text": f"<b>{title}</b>" + (f"<br>{subtitle}" if subtitle else ""),
                             "x": 0, "xref": "paper", "xanchor": "left"})
    lines = [(name, words) for name, words in (("note", text.note), ("source", text.source)) if words]
    if lines:
        bottom = (out.layout.margin.b or 10) + 24 + NOTE_PX * len(lines)
        for i, (name, words) in enumerate(lines):
            out.add_annotation(
                text=_escaped(words), x=0, xref="paper", xanchor="left", y=0, yref="paper", yanchor="top",
                yshift=-(out.layout.margin.b or 10) - 14 - NOTE_PX * i - (30 if _has_x_labels(out) else 0),
                showarrow=False, align="left", name=f"chart-{name}",
                font={"size": 11, "color": "#555" if name == "note" else "#777"},
            )
        out.update_layout(margin={"b": bottom + (30 if _has_x_labels(out) else 0)},
                          height=(out.layout.height or 500) + NOTE_PX * len(lines) + 24)
    return out


def _has_x_labels(fig: go.Figure) -> bool:
    """Whether the bottom x axis shows labels (they sit in the bottom margin, above the note)."""
    return fig.layout.xaxis.visible is not False
