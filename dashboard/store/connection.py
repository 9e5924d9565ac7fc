"""Short-lived DuckDB connections that wait for a lock instead of failing.

DuckDB lets one process hold a database file read-write, and while it does no other process can
open it at all, not even read-only. A running dashboard and a CLI ``ingest`` share one file, so
nobody keeps a connection: every read and every write batch opens the file, does its work and
closes it, and whoever finds the file locked retries with a short back-off until ``timeout``.
Within one process a lock serialises connections, because DuckDB refuses a read-only and a
read-write connection to the same file side by side in one process.
"""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from dashboard.errors import UserError

DEFAULT_TIMEOUT = 60.0
# Short polls: a file lock has no queue, so a waiting reader must look often to catch the gaps
# between an ingest's write batches.
_MAX_DELAY = 0.04
# After a write batch the writer waits this long before its next one, so waiting readers get in.
READER_TURN = 0.05
_PROCESS_LOCK = threading.RLock()


class StoreBusy(UserError):
    """Another process kept the database locked for longer than we were willing to wait."""


def _is_lock_conflict(exc: duckdb.Error) -> bool:
    message = str(exc).lower()
    return "lock" in message or "being used by another process" in message


@contextmanager
def connect(path: Path, read_only: bool, timeout: float = DEFAULT_TIMEOUT) -> Iterator[duckdb.DuckDBPyConnection]:
    """A connection to ``path`` for the length of a ``with`` block, waiting out other processes."""
    deadline = time.monotonic() + timeout
    delay = 0.005
    with _PROCESS_LOCK:
        while True:
            try:
                con = duckdb.connect(str(path), read_only=read_only)
                break
            except (duckdb.IOException, duckdb.ConnectionException) as exc:
                if not _is_lock_conflict(exc):
                    raise UserError(f"{path}: cannot open the fact store: {exc}") from None
                if time.monotonic() >= deadline:
                    raise StoreBusy(f"{path}: the fact store stayed locked by another process for {timeout:.0f} s") from None
                time.sleep(delay * (1 + random.random()))
                delay = min(delay * 2, _MAX_DELAY)
        try:
            yield con
        finally:
            con.close()
