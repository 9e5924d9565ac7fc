"""The filtered fact table as CSV, JSON, Parquet or TimelineJS JSON.

Columns come in FACT_COLUMNS order (extra columns a newer store adds follow), so files from
different runs line up. CSV is for spreadsheets: a cell that begins with ``= + - @``, a tab or a
carriage return would run as a formula when opened, so it gets a leading apostrophe (the OWASP
advice); the text is still all there.
"""

from __future__ import annotations

import io
import json

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from dashboard.charts.frame import list_column
from dashboard.export.timelinejs import timelinejs_document
from dashboard.facts.schema import FACT_COLUMNS

DATA_FORMATS = ("csv", "json", "parquet", "timelinejs")
LIST_COLUMNS = tuple(c for c, t in FACT_COLUMNS.items() if t == "object")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_ARROW_TYPES = {
    "str": pa.string(), "bool": pa.bool_(), "int64": pa.int64(),
    "datetime64[us]": pa.timestamp("us"), "object": pa.list_(pa.string()),
}


def export_frame(facts: pd.DataFrame) -> pd.DataFrame:
    """FACT_COLUMNS first, extras after, a fresh index, list cells as Python lists of str."""
    columns = [c for c in FACT_COLUMNS if c in facts.columns] + [c for c in facts.columns if c not in FACT_COLUMNS]
    out = facts.loc[:, columns].reset_index(drop=True)
    for column in LIST_COLUMNS:
        if column in out.columns:
            out[column] = list_column(out, column).to_numpy()
    return out


def neutralise_formula(cell: str) -> str:
    """A spreadsheet cell that cannot run as a formula."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def _iso(values: pd.Series) -> pd.Series:
    """Datetimes as ISO text, the time left out where every value is at midnight."""
    stamps = pd.to_datetime(values)
    midnight = (stamps.dropna() == stamps.dropna().dt.normalize()).all()
    text = stamps.dt.strftime("%Y-%m-%d" if midnight else "%Y-%m-%dT%H:%M:%S")
    return text.astype(object).where(stamps.notna(), None)


def _as_text(frame: pd.DataFrame, list_separator: str | None) -> pd.DataFrame:
    """Every datetime column as ISO text; lists joined by ``list_separator`` (or kept)."""
    out = frame.copy()
    for column in out.columns:
        if pd.api.types.is_datetime64_any_dtype(out[column]):
            out[column] = _iso(out[column])
        elif column in LIST_COLUMNS and list_separator is not None:
            out[column] = out[column].map(list_separator.join)
    return out


def csv_bytes(facts: pd.DataFrame) -> bytes:
    """UTF-8 CSV with a byte-order mark (so Excel reads umlauts), CRLF rows, lists joined by "; "."""
    table = _as_text(export_frame(facts), "; ")
    for column in table.columns:
        if table[column].dtype == object or pd.api.types.is_string_dtype(table[column]):
            text = table[column]
            table[column] = text.map(neutralise_formula, na_action="ignore")
    # CRLF as RFC 4180 says; it also makes the writer quote a cell holding a lone CR, which
    # with "\n" it leaves bare, and every reader then splits the row there.
    return table.to_csv(index=False, lineterminator="\r\n").encode("utf-8-sig")


def json_bytes(facts: pd.DataFrame) -> bytes:
    """A JSON array of fact objects: ISO dates, lists as arrays, missing values as null."""
    table = _as_text(export_frame(facts), None)
    table = table.astype(object).where(table.notna(), None)
    records = table.to_dict(orient="records")
    return json.dumps(records, ensure_ascii=False, default=_json_default).encode("utf-8")


def _json_default(value: object) -> object:
    if isinstance(value, np.generic):
        return value.item()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def parquet_bytes(facts: pd.DataFrame) -> bytes:
    """Parquet with the schema's types, whatever pandas inferred (an all-empty actors column
    stays list<string>, an all-missing ``mod`` stays string)."""
    arrow = pa.Table.from_pandas(export_frame(facts), preserve_index=False)
    wanted = {c: _ARROW_TYPES[t] for c, t in FACT_COLUMNS.items()}
    arrow = arrow.cast(pa.schema([pa.field(f.name, wanted.get(f.name, f.type)) for f in arrow.schema]))
    buffer = io.BytesIO()
    pq.write_table(arrow, buffer)
    return buffer.getvalue()


def data_bytes(facts: pd.DataFrame, fmt: str, *, group_by: str = "actor") -> bytes:
    """The facts in ``fmt`` (csv, json, parquet or timelinejs); ``group_by`` applies to TimelineJS."""
    fmt = fmt.lower()
    if fmt == "csv":
        return csv_bytes(facts)
    if fmt == "json":
        return json_bytes(facts)
    if fmt == "parquet":
        return parquet_bytes(facts)
    if fmt == "timelinejs":
        document = timelinejs_document(facts, group_by=group_by)
        return json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")
    raise ValueError(f"data format must be one of {', '.join(DATA_FORMATS)}, not {fmt!r}")
