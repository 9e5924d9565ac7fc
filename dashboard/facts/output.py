"""Fact tables written out as JSONL, CSV, Parquet or a readable table (``fact-timeline extract``).

CSV cells that a spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``, ``@``,
tab or carriage return) are prefixed with an apostrophe: news text is untrusted input, and
``=HYPERLINK(...)`` in a quoted sentence must stay text when a journalist opens the file.
"""

from __future__ import annotations

import io
import json
import math
from datetime import date, datetime
from pathlib import Path

import pandas as pd

FORMATS = ("table", "jsonl", "csv", "parquet")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
TABLE_COLUMNS = ("doc_id", "timex_text", "value", "start", "end", "status", "actors", "event")


def csv_safe(value: object) -> object:
    """A cell value that no spreadsheet will evaluate."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _plain(value: object) -> object:
    """A JSON-ready value: timestamps as ISO strings, missing as null, lists as lists."""
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if hasattr(value, "tolist") and not isinstance(value, (str, bytes)):
        return _plain(value.tolist())
    if value is None or value is pd.NaT or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, (pd.Timestamp, datetime)):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def fact_records(facts: pd.DataFrame) -> list[dict[str, object]]:
    """The rows as JSON-ready dicts."""
    columns = list(facts.columns)
    return [{c: _plain(v) for c, v in zip(columns, row)} for row in facts.itertuples(index=False, name=None)]


def _csv_frame(facts: pd.DataFrame) -> pd.DataFrame:
    out = facts.copy()
    for column in out.columns:
        if out[column].dtype == object:
            out[column] = ["; ".join(map(str, v)) if isinstance(v, (list, tuple)) else v for v in out[column]]
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            out[column] = out[column].map(csv_safe)
    return out


def _table(facts: pd.DataFrame) -> str:
    if facts.empty:
        return "(no facts)\n"
    view = facts[list(TABLE_COLUMNS)].copy()
    for column in ("start", "end"):
        view[column] = view[column].dt.strftime("%Y-%m-%d %H:%M").str.replace(" 00:00", "", regex=False)
    view["actors"] = [", ".join(a) for a in view["actors"]]
    return view.fillna("").to_string(index=False, max_colwidth=60) + "\n"


def facts_bytes(facts: pd.DataFrame, fmt: str) -> bytes:
    """The table in ``fmt`` (one of :data:`FORMATS`)."""
    if fmt == "jsonl":
        return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in fact_records(facts)).encode("utf-8")
    if fmt == "csv":
        return _csv_frame(facts).to_csv(index=False).encode("utf-8")
    if fmt == "parquet":
        buffer = io.BytesIO()
        facts.to_parquet(buffer, index=False)
        return buffer.getvalue()
    if fmt == "table":
        return _table(facts).encode("utf-8")
    raise ValueError(f"unknown format {fmt!r} (choose {', '.join(FORMATS)})")


def write_facts(facts: pd.DataFrame, fmt: str, path: str | Path) -> None:
    Path(path).write_bytes(facts_bytes(facts, fmt))
