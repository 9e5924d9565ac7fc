"""What a user can filter facts by: one record shared by the store, the dashboard and the CLI."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal


@dataclass(frozen=True)
class FactFilter:
    """Filter facts. Empty fields do not filter.

    ``actors`` with ``actor_mode`` "any" keeps facts naming at least one of them, "all" facts
    naming every one. ``date_from``/``date_to`` (inclusive days) keep facts whose interval
    overlaps that range. ``text`` is a case-insensitive substring of sentence or expression.
    """

    actors: tuple[str, ...] = ()
    actor_mode: Literal["any", "all"] = "any"
    date_from: date | None = None
    date_to: date | None = None
    doc_ids: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    text: str = ""
