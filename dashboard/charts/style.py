"""What every chart shares: status colours, the empty-state figure and safe hover text."""

from __future__ import annotations

import html
import textwrap

import plotly.graph_objects as go

from dashboard.facts.schema import STATUSES

STATUS_COLORS: dict[str, str] = {
    "past": "#5b7083",
    "ongoing": "#e07b00",
    "future": "#1b9e77",
}
OTHER_COLOR = "#9e9e9e"
NO_FACTS = "no facts match"
TEMPLATE = "plotly_white"


def status_order(statuses) -> list[str]:
    """The known statuses in their natural order, then any unknown ones alphabetically."""
    present = {str(s) for s in statuses}
    return [s for s in STATUSES if s in present] + sorted(present - set(STATUSES))


def status_color(status: str) -> str:
    return STATUS_COLORS.get(status, OTHER_COLOR)


def message_figure(message: str = NO_FACTS, title: str | None = None) -> go.Figure:
    """A figure that says why there is nothing to draw, so pages and exports never fail on it."""
    fig = go.Figure()
    fig.add_annotation(
        text=html.escape(message), x=0.5, y=0.5, xref="paper", yref="paper",
        showarrow=False, font={"size": 18, "color": "#666"},
    )
    fig.update_layout(
        template=TEMPLATE, height=320, title=title,
        xaxis={"visible": False}, yaxis={"visible": False},
    )
    return fig


def hover_text(text: object, width: int = 90) -> str:
    """User text made safe for a plotly hover label: escaped (plotly renders a subset of HTML,
    so an article could inject links or markup) and wrapped, since labels never wrap by themselves."""
    if text is None or text != text:  # None or NaN
        return ""
    lines = textwrap.wrap(str(text), width=width) or [""]
    return "<br>".join(html.escape(line, quote=False) for line in lines)


def category_axis(fig: go.Figure, axis: str, **extra) -> None:
    """Force a category axis: labels such as "2024" or "2025-10" would otherwise become numbers or dates."""
    fig.update_layout({axis: {"type": "category", **extra}})
