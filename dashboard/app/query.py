"""Filters as a URL query string, so a dashboard view can be bookmarked and shared.

``?actor=Donald+Trump&actor=NATO&mode=all&from=2025-01-01&status=future`` is a FactFilter.
Reading is forgiving: a link from an older version or a hand-edited URL never breaks the page;
unknown values are dropped instead.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date

from dashboard.facts.schema import FACT_TYPES, STATUSES
from dashboard.store.filters import FactFilter

# FactFilter field -> query-string key
KEYS = {
    "actors": "actor",
    "actor_mode": "mode",
    "date_from": "from",
    "date_to": "to",
    "doc_ids": "doc",
    "statuses": "status",
    "types": "type",
    "text": "q",
}
Params = Mapping[str, Sequence[str]]


def filter_to_params(flt: FactFilter) -> dict[str, list[str]]:
    """The query string of a filter; empty fields are left out, so no filter is a bare URL."""
    params: dict[str, list[str]] = {}
    for field in ("actors", "doc_ids", "statuses", "types"):
        if values := list(getattr(flt, field)):
            params[KEYS[field]] = values
    if flt.actor_mode == "all" and flt.actors:
        params[KEYS["actor_mode"]] = ["all"]
    for field in ("date_from", "date_to"):
        if (day := getattr(flt, field)) is not None:
            params[KEYS[field]] = [day.isoformat()]
    if flt.text:
        params[KEYS["text"]] = [flt.text]
    return params


def filter_from_params(
    params: Params,
    actors: Iterable[str] | None = None,
    doc_ids: Iterable[str] | None = None,
) -> FactFilter:
    """The filter a query string asks for; values not among the known ``actors``/``doc_ids``
    (when given), unknown statuses and types, and unreadable dates are dropped."""
    date_from, date_to = _day(params, KEYS["date_from"]), _day(params, KEYS["date_to"])
    if date_from and date_to and date_from > date_to:
        date_from, date_to = date_to, date_from  # a reversed range means the same days
    return FactFilter(
        actors=_known(params.get(KEYS["actors"], ()), actors),
        actor_mode="all" if _last(params, KEYS["actor_mode"]) == "all" else "any",
        date_from=date_from,
        date_to=date_to,
        doc_ids=_known(params.get(KEYS["doc_ids"], ()), doc_ids),
        statuses=_known(params.get(KEYS["statuses"], ()), STATUSES),
        types=_known((v.upper() for v in params.get(KEYS["types"], ())), FACT_TYPES),
        text=_last(params, KEYS["text"]).strip(),
    )


def _known(values: Iterable[str], allowed: Iterable[str] | None) -> tuple[str, ...]:
    """Distinct values in their given order, keeping only allowed ones when a list is given."""
    allowed_set = None if allowed is None else set(allowed)
    kept = dict.fromkeys(v for v in values if v and (allowed_set is None or v in allowed_set))
    return tuple(kept)


def _last(params: Params, key: str) -> str:
    values = params.get(key) or [""]
    return values[-1]


def _day(params: Params, key: str) -> date | None:
    try:
        return date.fromisoformat(_last(params, key))
    except ValueError:
        return None
