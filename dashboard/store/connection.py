"""Short-lived DuckDB connections that wait for a lock instead of failing.

DuckDB lets one process hold a database file read-write, and while it does no other process can
open it at all, not even read-only. A running dashboard and a CLI ``ingest`` share one file, so
nobody keeps a connection: every read and every write batch opens the file, does its work and
closes it, and whoever finds the file locked retries with a short back-off until ``timeout``.
Within one process a lock serialises connections, because DuckDB refuses a read-only and a
read-write connection to the same file side by side in one process.
"""

from __future__ import annotations

import os
import random
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from dashboard.store.errors import StoreBusy, StoreError, as_store_error, describe

# How long to wait for another process's lock (seconds); FACT_TIMELINE_STORE_WAIT changes it.
DEFAULT_TIMEOUT = float(os.environ.get("FACT_TIMELINE_STORE_WAIT") or 60.0)
# Short polls: a file lock has no queue, so a waiting reader must look often to catch the gaps
# between an ingest's write batches.
_MAX_DELAY = 0.04
# After a write batch the writer waits this long before its next one, so waiting readers get in.
READER_TURN = 0.05
_PROCESS_LOCK = threading.RLock()


def _is_lock_conflict(exc: BaseException) -> bool:
    """Another process holds the file (not a word 'lock' in a corrupt file's "block at location")."""
    message = str(exc).lower()
    return "could not set lock" in message or "conflicting lock" in message or "being used by another process" in message


@contextmanager
def connect(path: Path, read_only: bool, timeout: float = DEFAULT_TIMEOUT) -> Iterator[duckdb.DuckDBPyConnection]:
    """A connection to ``path`` for the length of a ``with`` block, waiting out other processes.

    A problem of the file itself (read-only folder, truncated, corrupt, not DuckDB, locked), at
    opening or in the block, comes out as a :class:`StoreError` with its one-line message."""
    deadline = time.monotonic() + timeout
    delay = 0.005
    with _PROCESS_LOCK:
        while True:
            try:
                con = duckdb.connect(str(path), read_only=read_only)
                break
            except (duckdb.Error, OSError) as exc:
                if not _is_lock_conflict(exc):
                    raise StoreError(path, describe(exc, path)) from None
                if time.monotonic() >= deadline:
                    raise StoreBusy(path, f"{describe(exc, path)} (waited {timeout:.0f} s)") from None
                time.sleep(delay * (1 + random.random()))
                delay = min(delay * 2, _MAX_DELAY)
        try:
            yield con
        except (duckdb.Error, OSError) as exc:
            translated = as_store_error(exc, path)
            if translated is None:
                raise
            raise translated from None
        finally:
            con.close()
