"""A store file that cannot be used is one line ``fact-timeline: error: PATH: what, and what to do``
and exit 2, on every command that opens a store, never a traceback or DuckDB's bare text.

Each broken store is a real DuckDB file written by an ingest and then damaged as it happens in
life: cut short by an interrupted copy, a block overwritten, a file that is no database, a
folder the user may not write to, a file another process holds.
"""

import os
import subprocess
import sys

import duckdb
import pytest

from dashboard.app.process import console_script
from dashboard.facts import load_documents
from dashboard.store import FactStore, StoreError, store_error_message
from permissions import bound_by_permissions

ARTICLE = "---\nid: nato\ndate: 2025-12-02\nlang: de\n---\nDie NATO tagt am 3. Dezember 2025 in Brüssel.\n"


def run(*args, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([*console_script(), *map(str, args)], capture_output=True, text=True, timeout=120, **kwargs)


def good_store(folder):
    (folder / "article.txt").write_text(ARTICLE, encoding="utf-8")
    db = folder / "facts.duckdb"
    report = FactStore(db).ingest(load_documents(folder / "article.txt"))
    assert report.ok and report.n_facts >= 1
    return db


def truncated(db):
    with open(db, "r+b") as handle:
        handle.truncate(5000)  # the header survives, the blocks it points to do not


def checksum_corrupt(db):
    with open(db, "r+b") as handle:
        handle.seek(3 * 4096 + 100)  # inside the first data block: its checksum no longer matches
        handle.write(b"\xff" * 64)


def not_duckdb(db):
    db.write_text("title,date\nGipfel,2025-12-03\n", encoding="utf-8")


DAMAGE = {
    "truncated": (truncated, "the file is truncated"),
    "checksum-corrupt": (checksum_corrupt, "the file is corrupt"),
    "not-duckdb": (not_duckdb, "not a fact store (not a DuckDB database file)"),
}
# every command that opens a store, as a user would type it
STORE_COMMANDS = {
    "ingest": lambda db, folder: ["ingest", folder / "article.txt", "--db", db, "--workers", "1"],
    "events": lambda db, folder: ["events", "--db", db],
    "export": lambda db, folder: ["export", "--format", "csv", "-o", folder / "out.csv", "--db", db],
    "summarize": lambda db, folder: ["summarize", "--dates", "3", "--db", db],
    "delete": lambda db, folder: ["delete", "nato", "--db", db],
    "actors": lambda db, folder: ["actors", "list", "--db", db],
}


def assert_one_line(result, db, what):
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith(f"fact-timeline: error: {db}: {what}"), result.stderr
    assert len(result.stderr.splitlines()) == 1 and "Traceback" not in result.stderr


@pytest.mark.parametrize("damage", DAMAGE)
@pytest.mark.parametrize("command", STORE_COMMANDS)
def test_a_damaged_store_is_one_line_naming_it_on_every_command(tmp_path, damage, command):
    db = good_store(tmp_path)
    spoil, what = DAMAGE[damage]
    spoil(db)
    result = run(*STORE_COMMANDS[command](db, tmp_path))
    assert_one_line(result, db, what)
    assert "restore it from a backup" in result.stderr or "give the path of a store" in result.stderr


def test_a_store_in_a_read_only_folder_names_the_write_ahead_log_not_a_rollback(tmp_path):
    folder = tmp_path / "shared"
    folder.mkdir()
    db = good_store(folder)
    (folder / "article.txt").write_text(ARTICLE.replace("3. Dezember", "4. Dezember"), encoding="utf-8")
    folder.chmod(0o555)
    try:
        result = run("ingest", folder / "article.txt", "--db", db, "--workers", "1", **bound_by_permissions())
        reading = run("events", "--db", db, **bound_by_permissions())
        new_store = run("ingest", folder / "article.txt", "--db", folder / "new.duckdb", "--workers", "1", **bound_by_permissions())
    finally:
        folder.chmod(0o755)
    assert_one_line(result, db, f"cannot write the fact store: its folder {folder} is read-only")
    assert "facts.duckdb.wal" in result.stderr and "rollback" not in result.stderr
    assert reading.returncode == 0 and "3. Dezember 2025" in reading.stdout  # reading needs no log
    assert_one_line(new_store, folder / "new.duckdb", f"cannot create the fact store: the folder {folder} is not writable")
    assert FactStore(db).documents()["text"].str.contains("3. Dezember").all()  # nothing half-written


def test_a_store_locked_by_another_process_names_that_process(tmp_path):
    db = good_store(tmp_path)
    holder = duckdb.connect(str(db))  # this test's process holds the file read-write
    try:
        result = run("events", "--db", db, env={**os.environ, "FACT_TIMELINE_STORE_WAIT": "1"})
    finally:
        holder.close()
    assert_one_line(result, db, f"locked by another process ({os.path.basename(sys.executable)}")
    assert f"PID {os.getpid()}" in result.stderr and "wait for it to finish" in result.stderr


def test_the_dashboard_gets_the_same_line_from_the_library(tmp_path):
    db = good_store(tmp_path)
    checksum_corrupt(db)
    with pytest.raises(StoreError) as raised:
        FactStore(db).facts()
    assert str(raised.value) == store_error_message(raised.value, db)
    assert str(raised.value).startswith(f"{db}: the file is corrupt")
    # any exception about the file, raised elsewhere, gets the same treatment
    assert store_error_message(PermissionError(13, "Permission denied"), tmp_path / "gone" / "f.duckdb").startswith(
        f"{tmp_path / 'gone' / 'f.duckdb'}: cannot create the fact store")
