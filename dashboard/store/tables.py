"""The store's tables in Arrow form: exact types for writing, fast conversion when reading.

Shared by the store (DuckDB reads and writes Arrow without copying) and the Dask engine (its
Parquet partitions need the same schema, since lists cannot be inferred from an empty frame).
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import pyarrow as pa

from dashboard.facts.documents import Document
from dashboard.facts.schema import FACT_COLUMNS

SQL_TYPES = {"str": "VARCHAR", "datetime64[us]": "TIMESTAMP", "bool": "BOOLEAN", "int64": "BIGINT", "object": "VARCHAR[]"}
_ARROW_TYPES = {"str": pa.string(), "datetime64[us]": pa.timestamp("us"), "bool": pa.bool_(), "int64": pa.int64(), "object": pa.list_(pa.string())}
FACTS_SCHEMA = pa.schema([(name, _ARROW_TYPES[dtype]) for name, dtype in FACT_COLUMNS.items()])
DOCUMENT_COLUMNS = ("doc_id", "title", "source", "dct", "dct_inferred", "lang", "text", "content_hash", "n_facts")
DOCUMENTS_SCHEMA = pa.schema([
    ("doc_id", pa.string()), ("title", pa.string()), ("source", pa.string()), ("dct", pa.timestamp("us")),
    ("dct_inferred", pa.bool_()), ("lang", pa.string()), ("text", pa.string()), ("content_hash", pa.string()),
    ("n_facts", pa.int64()),
])
DOCUMENT_DTYPES = {
    "doc_id": "str", "title": "str", "source": "str", "dct": "datetime64[us]", "dct_inferred": "bool",
    "lang": "str", "text": "str", "content_hash": "str", "n_facts": "int64",
}


def documents_table(docs: Sequence[Document], n_facts: Sequence[int]) -> pa.Table:
    """The ``documents`` rows of a batch as an Arrow table."""
    return pa.Table.from_pylist(
        [
            {
                "doc_id": d.doc_id, "title": d.title, "source": d.source,
                "dct": pd.Timestamp(d.dct).to_pydatetime() if d.dct else None,
                "dct_inferred": d.dct_inferred, "lang": d.lang, "text": d.text,
                "content_hash": d.content_hash, "n_facts": n,
            }
            for d, n in zip(docs, n_facts)
        ],
        schema=DOCUMENTS_SCHEMA,
    )


def facts_table(facts: pd.DataFrame) -> pa.Table:
    """FACT_COLUMNS rows as an Arrow table with the store's exact types (lists stay lists)."""
    return pa.Table.from_pandas(facts[list(FACT_COLUMNS)], schema=FACTS_SCHEMA, preserve_index=False)


def arrow_to_facts(table: pa.Table) -> pd.DataFrame:
    """FACT_COLUMNS from an Arrow table; LIST columns become Python lists (not numpy arrays),
    converted column-wise in C, which is what keeps a 100,000-row query fast."""
    columns = {}
    for name, dtype in FACT_COLUMNS.items():
        column = table.column(name)
        if dtype == "object":
            columns[name] = pd.Series([v if v is not None else [] for v in column.to_pylist()], dtype=object)
        else:
            columns[name] = column.to_pandas()
    for name in table.column_names:  # what the store adds on read (``corrected``), after the contract's columns
        if name not in columns:
            columns[name] = table.column(name).to_pandas()
    return pd.DataFrame(columns).astype({k: v for k, v in FACT_COLUMNS.items() if v != "object"})
