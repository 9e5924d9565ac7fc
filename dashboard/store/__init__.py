"""The fact store: documents and facts in an embedded DuckDB file, and queries over it.

Public surface:

- :class:`FactStore` ``(path=None)``: ``.ingest(documents, workers=1, engine="local"|"dask",
  actors_csv=()) -> IngestReport`` (idempotent by content hash), ``.facts(FactFilter | None)``
  (FACT_COLUMNS), ``.documents()``, ``.actors()`` (most facts first), ``.version()`` (cache
  key; changes with every write), ``.write(docs, facts)``, ``.remove(doc_ids)``,
  ``.actor_table()`` (every actor with kind, counts, forms, aliases, Wikidata ID) and
  ``.actor_corrections`` (merge, rename, alias, kind, not an actor, the ``--actors`` CSV; see
  :mod:`dashboard.store.actor_corrections`), applied to every read.
- :class:`FactFilter` and :func:`apply_filter` (the same filter on a DataFrame in memory).
- :class:`IngestReport` (added / replaced / unchanged / failed, ``summary()``, ``ok``).
- :class:`StoreError` (a UserError): the store file cannot be opened, read or written; its
  message is ``PATH: what, and what to do``. :func:`store_error_message` ``(exc, path)`` gives
  that line for any exception (what the dashboard shows). :class:`StoreBusy`: another process
  held the file locked longer than the timeout (``FACT_TIMELINE_STORE_WAIT`` seconds, default 60).

A dashboard and a CLI ingest may use one file at the same time: every call opens the file
briefly and waits for the other's lock (see :mod:`dashboard.store.connection`).

Example::

    from dashboard.facts import load_documents
    from dashboard.store import FactStore, FactFilter
    store = FactStore("facts.duckdb")
    print(store.ingest(load_documents("articles/")).summary())
    trump = store.facts(FactFilter(actors=("Donald Trump",), statuses=("future",)))
"""

from dashboard.store.errors import StoreBusy, StoreError, store_error_message
from dashboard.store.filters import FactFilter, apply_filter
from dashboard.store.ingest import IngestReport
from dashboard.store.store import FactStore

__all__ = ["FactFilter", "FactStore", "IngestReport", "StoreBusy", "StoreError", "apply_filter", "store_error_message"]
