"""What went wrong with a fact store file, said in one line a user can act on.

DuckDB's own messages name the file by its absolute path or not at all, hide the cause behind
the consequence (a store in a read-only folder fails with "cannot rollback - no transaction is
active", because the commit could not create the write-ahead log beside it) and never say what
to do. Every store problem the CLI prints and the dashboard shows goes through
:func:`store_error_message`, so both say the same: ``PATH: what, and what to do``.

Example::

    try:
        FactStore("facts.duckdb").facts()
    except StoreError as exc:
        print(exc)   # facts.duckdb: the file is corrupt (...); restore it from a backup or ...
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from dashboard.errors import UserError

_LOCK_HOLDER = re.compile(r"Conflicting lock is held in (?P<program>\S+) \(PID (?P<pid>\d+)\)")
_REINGEST = "delete it (or give another --db) and ingest the articles again"


class StoreError(UserError):
    """A fact store that cannot be opened, read or written; ``str()`` is the one-line message
    (``PATH: what, and what to do``) and the CLI exits 2 with it."""

    def __init__(self, path: str | Path, message: str):
        super().__init__(f"{path}: {message}")
        self.path = Path(path)


class StoreBusy(StoreError):
    """Another process kept the database locked for longer than we were willing to wait."""


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0]


def _cause(exc: BaseException, path: Path) -> str | None:
    """What is wrong and what to do, for the DuckDB and OS errors a store file can raise;
    ``None`` for an error that is not about the file (a bug, not the user's to fix)."""
    text = str(exc)
    lowered = text.lower()
    folder = path.parent if str(path.parent) != "" else Path(".")
    if ".wal" in lowered and "permission denied" in lowered:
        return (f"cannot write the fact store: its folder {folder} is read-only, and DuckDB must create "
                f"{path.name}.wal beside the store to write; make the folder writable or copy the store "
                "to a folder you can write to")
    if "permission denied" in lowered or isinstance(exc, PermissionError):
        if path.exists() and not os.access(path, os.W_OK):
            return ("the file is read-only, so nothing can be added or changed; make it writable "
                    f"(chmod u+w {path}) or copy it to a file you can write")
        if path.exists():
            return "permission denied reading the file; ask for read access or copy it to a folder of yours"
        return (f"cannot create the fact store: the folder {folder} is not writable; "
                "give a --db in a folder you can write to")
    if "could not read enough bytes" in lowered or "truncated" in lowered:
        return ("the file is truncated (shorter than its own header says: an interrupted copy or a full "
                f"disk?); restore it from a backup, or {_REINGEST}")
    if "corrupt database file" in lowered or "checksum" in lowered:
        return ("the file is corrupt (a block's checksum does not match its content); restore it from a "
                f"backup, or {_REINGEST}")
    if "not a valid duckdb database file" in lowered:
        return ("not a fact store (not a DuckDB database file); give the path of a store made by "
                "'fact-timeline ingest', or a new file name to start one")
    if "newer version" in lowered or "older version" in lowered or "storage version" in lowered:
        return f"written by a DuckDB version this one cannot read ({_first_line(exc)}); upgrade fact-timeline or {_REINGEST}"
    if "is a directory" in lowered or isinstance(exc, IsADirectoryError):
        return "is a folder; --db wants a DuckDB file (e.g. FOLDER/facts.duckdb)"
    if isinstance(exc, (NotADirectoryError, FileExistsError)):
        return f"cannot create the fact store: a part of {folder} is a file, not a folder; give another --db"
    if "no space left" in lowered or "disk full" in lowered:
        return "the disk is full; free some space and run again (nothing of this write was kept)"
    if (holder := _LOCK_HOLDER.search(text)) or "could not set lock" in lowered:
        who = f" ({Path(holder['program']).name}, PID {holder['pid']})" if holder else ""
        return f"locked by another process{who}; wait for it to finish, or stop it, and run again"
    if isinstance(exc, OSError):
        return f"cannot use the file ({exc.strerror or exc}); check the path and its permissions"
    return None


def store_error_message(exc: BaseException, path: str | Path) -> str:
    """The one line for a store problem: ``PATH: what, and what to do`` (what the CLI prints after
    ``fact-timeline: error:`` and the dashboard shows as its page message). An error that is
    not about the file still gets one line naming it, with DuckDB's own first line."""
    if isinstance(exc, StoreError):
        return str(exc)
    return f"{path}: {describe(exc, path)}"


def describe(exc: BaseException, path: str | Path) -> str:
    """The ``what, and what to do`` part of :func:`store_error_message`."""
    return _cause(exc, Path(path)) or f"cannot use the fact store: {_first_line(exc)}"


def as_store_error(exc: BaseException, path: str | Path) -> StoreError | None:
    """``exc`` as a :class:`StoreError` when it is a problem of the store file, else ``None``
    (so a programming error keeps its traceback for ``--debug``)."""
    if isinstance(exc, StoreError):
        return exc
    cause = _cause(exc, Path(path))
    return None if cause is None else StoreError(path, cause)
