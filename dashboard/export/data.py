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
from dashboard.charts.dates import plain_dates
from dashboard.export.timelinejs import groups, headlines, slide_rows, timelinejs_document, timelinejs_sheet
from dashboard.facts.schema import FACT_COLUMNS

DATA_FORMATS = ("csv", "json", "parquet", "timelinejs", "timelinejs-csv", "chart-csv")
CHART_COLUMNS = ("start", "end", "label", "text", "group", "source", "url", "date", "status")
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


def _table_csv(table: pd.DataFrame) -> bytes:
    """A table of text cells as the spreadsheet-safe CSV of :func:`csv_bytes`."""
    table = table.copy()
    for column in table.columns:
        if table[column].dtype == object or pd.api.types.is_string_dtype(table[column]):
            table[column] = table[column].map(lambda v: neutralise_formula(v) if isinstance(v, str) else v)
    return table.to_csv(index=False, lineterminator="\r\n").encode("utf-8-sig")


def chart_frame(facts: pd.DataFrame, group_by: str = "actor", **shown) -> pd.DataFrame:
    """The "chart-ready" table Datawrapper and Flourish timelines read: one row per happening
    on the time axis with ``start`` and an inclusive ``end`` day, a ``label``, the sentence as
    ``text``, a ``group`` (top actors, the rest in one), ``source`` (article title and outlet),
    ``url`` where the source is a web address, the date in words and the status."""
    rows = slide_rows(facts, **shown)
    start = pd.to_datetime(rows["start"])
    last = pd.to_datetime(rows["end"]) - pd.Timedelta(microseconds=1)
    source = rows["source"].fillna("").astype(str) if "source" in rows else pd.Series("", index=rows.index)
    title = rows["title"].fillna("").astype(str) if "title" in rows else pd.Series("", index=rows.index)
    is_url = source.str.match(r"^https?://")
    return pd.DataFrame({
        "start": start.dt.strftime("%Y-%m-%d"),
        "end": last.dt.strftime("%Y-%m-%d"),
        "label": headlines(rows),
        "text": rows["sentence"].fillna("").astype(str) if "sentence" in rows else "",
        "group": groups(rows, group_by),
        "source": (title + np.where((title != "") & (source != ""), " · ", "") + source.where(~is_url, source.str.extract(r"^https?://(?:www\.)?([^/]+)", expand=False))),
        "url": source.where(is_url, ""),
        "date": plain_dates(rows),
        "status": rows["status"].fillna("").astype(str),
    }, columns=list(CHART_COLUMNS)).reset_index(drop=True)


def data_bytes(facts: pd.DataFrame, fmt: str, *, group_by: str = "actor", title: str | None = None,
               subtitle: str | None = None, show_vague: bool = False, show_reports: bool = False) -> bytes:
    """The facts in ``fmt``: the whole table (csv, json, parquet: every row and TIMEX code) or
    the slides a reader sees (timelinejs JSON, its Google Sheet CSV ``timelinejs-csv``, the
    ``chart-csv`` for Datawrapper and Flourish); ``group_by``, ``title`` and the vague toggles
    apply to those three."""
    fmt = fmt.lower()
    shown = {"show_vague": show_vague, "show_reports": show_reports}
    if fmt == "csv":
        return csv_bytes(facts)
    if fmt == "json":
        return json_bytes(facts)
    if fmt == "parquet":
        return parquet_bytes(facts)
    if fmt == "timelinejs":
        document = timelinejs_document(facts, group_by=group_by, title=title, subtitle=subtitle, **shown)
        return json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")
    if fmt == "timelinejs-csv":
        return _table_csv(timelinejs_sheet(facts, group_by=group_by, title=title, subtitle=subtitle, **shown))
    if fmt == "chart-csv":
        return _table_csv(chart_frame(facts, group_by=group_by, **shown))
    raise ValueError(f"data format must be one of {', '.join(DATA_FORMATS)}, not {fmt!r}")
