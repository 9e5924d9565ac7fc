"""Fact tables written out as JSONL, CSV, Parquet or a readable table (``fact-timeline extract``),
one document at a time.

CSV cells that a spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``, ``@``,
tab or carriage return) are prefixed with an apostrophe: news text is untrusted input, and
``=HYPERLINK(...)`` in a quoted sentence must stay text when a journalist opens the file.
"""

from __future__ import annotations

import io
import json
import math
from datetime import date, datetime
from typing import BinaryIO

import pandas as pd

from dashboard.facts.schema import FACT_COLUMNS

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
    view = facts[list(TABLE_COLUMNS)].copy()
    for column in ("start", "end"):
        view[column] = view[column].dt.strftime("%Y-%m-%d %H:%M").str.replace(" 00:00", "", regex=False)
    view["actors"] = [", ".join(a) for a in view["actors"]]
    return view.fillna("").to_string(index=False, max_colwidth=60) + "\n"


def facts_bytes(facts: pd.DataFrame, fmt: str) -> bytes:
    """A whole table in ``fmt`` (one of :data:`FORMATS`) at once, for tables already in memory
    (events); ``fact-timeline extract`` streams with :class:`FactWriter` instead."""
    if fmt == "jsonl":
        return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in fact_records(facts)).encode("utf-8")
    if fmt == "csv":
        return _csv_frame(facts).to_csv(index=False).encode("utf-8")
    if fmt == "parquet":
        buffer = io.BytesIO()
        facts.to_parquet(buffer, index=False)
        return buffer.getvalue()
    if fmt == "table":
        return _table(facts).encode("utf-8") if not facts.empty else b"(no facts)\n"
    raise ValueError(f"unknown format {fmt!r} (choose {', '.join(FORMATS)})")


def _arrow_schema():
    """The Parquet schema of fact rows, fixed from FACT_COLUMNS so that every document's rows
    write into one file (a schema inferred per document would differ where a column is empty)."""
    import pyarrow as pa

    types = {"str": pa.string(), "int64": pa.int64(), "bool": pa.bool_(), "datetime64[us]": pa.timestamp("us"),
             "object": pa.list_(pa.string())}
    return pa.schema([(name, types[dtype]) for name, dtype in FACT_COLUMNS.items()])


class FactWriter:
    """Fact tables written one document at a time, so memory holds one document's facts and a
    stopped run has written what it finished: JSONL and CSV lines are flushed per document, a
    Parquet file gets its footer on :meth:`close` (also after Ctrl-C), the readable table prints
    one block per document. ``rows`` counts what was written."""

    def __init__(self, handle: BinaryIO, fmt: str):
        if fmt not in FORMATS:
            raise ValueError(f"unknown format {fmt!r} (choose {', '.join(FORMATS)})")
        self.handle, self.fmt, self.rows = handle, fmt, 0
        self._parquet = None

    def write(self, facts: pd.DataFrame) -> None:
        if facts.empty:
            return
        if self.fmt == "jsonl":
            data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in fact_records(facts)).encode("utf-8")
        elif self.fmt == "csv":
            data = _csv_frame(facts).to_csv(index=False, header=self.rows == 0).encode("utf-8")
        elif self.fmt == "table":
            data = (("\n" if self.rows else "") + _table(facts)).encode("utf-8")
        else:
            self._write_parquet(facts)
            data = b""
        self.handle.write(data)
        self.handle.flush()
        self.rows += len(facts)

    def _write_parquet(self, facts: pd.DataFrame) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        if self._parquet is None:
            self._parquet = pq.ParquetWriter(self.handle, _arrow_schema())
        self._parquet.write_table(pa.Table.from_pandas(facts[list(FACT_COLUMNS)], schema=_arrow_schema(), preserve_index=False))

    def close(self) -> None:
        """Finish the output; with no rows at all it still holds a valid, empty table."""
        if self.rows == 0:
            if self.fmt == "csv":
                self.handle.write((",".join(FACT_COLUMNS) + "\n").encode("utf-8"))
            elif self.fmt == "table":
                self.handle.write(b"(no facts)\n")
            elif self.fmt == "parquet" and self._parquet is None:
                import pyarrow.parquet as pq

                self._parquet = pq.ParquetWriter(self.handle, _arrow_schema())
        if self._parquet is not None:
            self._parquet.close()
        self.handle.flush()
