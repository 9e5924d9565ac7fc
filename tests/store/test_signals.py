"""A real ``fact-timeline ingest`` with worker processes, stopped by Ctrl-C and by kill -9.

Ctrl-C in a terminal goes to the whole process group (the command and its workers), so the test
sends SIGINT to the group; kill -9 goes to the command alone, and its workers must notice.
Either way every stored document is whole (all its facts) and a re-run adds the rest.
"""

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

from dashboard.store import FactStore

from .corpus import articles, write_jsonl

N_DOCUMENTS = 120


def start_ingest(tmp_path):
    corpus = write_jsonl(tmp_path / "corpus.jsonl", articles(N_DOCUMENTS))
    db = tmp_path / "store.duckdb"
    command = [sys.executable, "-m", "dashboard", "ingest", str(corpus), "--db", str(db), "--workers", "2", "--batch-size", "4"]
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True, start_new_session=True)
    return process, command, db


def _state(pid: int) -> str | None:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return None


def running(pid: int) -> bool:
    return _state(pid) not in (None, "Z", "X")  # a zombie has stopped; only its exit status is left


def worker_pids(parent: int) -> list[int]:
    """The extraction workers of ``parent`` (spawned Python processes), from /proc."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
                if ppid == parent and b"spawn_main" in (entry / "cmdline").read_bytes():
                    found.append(int(entry.name))
            except (OSError, IndexError, ValueError):
                continue
    return found


def wait_until_documents_are_stored(process, db, timeout=240):
    """Until the store holds a document (read while the ingest writes, as a dashboard would)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert process.poll() is None, "the ingest ended before it could be stopped"
        if db.exists() and len(FactStore(db, timeout=30).documents()):
            return
        time.sleep(0.2)
    raise AssertionError("no document stored in time")


def assert_every_stored_document_is_whole(db):
    store = FactStore(db)
    documents, facts = store.documents(), store.facts()
    counts = facts["doc_id"].value_counts().to_dict()
    assert all(counts.get(doc_id, 0) == n for doc_id, n in zip(documents["doc_id"], documents["n_facts"]))
    return documents, facts


def test_ctrl_c_says_what_was_stored_exits_130_and_a_rerun_adds_the_rest(tmp_path):
    process, command, db = start_ingest(tmp_path)
    wait_until_documents_are_stored(process, db)
    workers = worker_pids(process.pid)
    assert len(workers) == 2
    os.killpg(process.pid, signal.SIGINT)  # what the terminal does on Ctrl-C
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 130, stderr
    assert "Traceback" not in stderr
    last = stderr.strip().splitlines()[-1]
    match = re.fullmatch(r"fact-timeline: interrupted: (\d+) documents stored \((\d+) added, 0 replaced; (\d+) facts\), "
                         r"0 unchanged, 0 failed; the documents after them were not stored: run the same ingest again "
                         r"to add them \(stored ones are skipped\) in (.*)", last)
    assert match, last
    documents, facts = assert_every_stored_document_is_whole(db)
    stored, added, n_facts = (int(match[i]) for i in (1, 2, 3))
    assert 0 < stored == added == len(documents) < N_DOCUMENTS and n_facts == len(facts)
    assert not [pid for pid in workers if running(pid)]

    rerun = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{N_DOCUMENTS} documents: {N_DOCUMENTS - stored} added, 0 replaced, {stored} unchanged, 0 failed" in rerun.stderr
    assert len(assert_every_stored_document_is_whole(db)[0]) == N_DOCUMENTS


def test_kill_9_of_ingest_takes_its_workers_with_it_and_leaves_a_readable_store(tmp_path):
    """Workers of a killed ingest once went on for 30 s and more (about 290 MB) for nobody."""
    process, _, db = start_ingest(tmp_path)
    wait_until_documents_are_stored(process, db)
    workers = worker_pids(process.pid)
    assert len(workers) == 2 and all(running(pid) for pid in workers)
    process.kill()
    process.wait(timeout=60)
    process.stderr.close()  # not read to its end: workers left running would hold it open
    deadline = time.monotonic() + 10
    while any(running(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [pid for pid in workers if running(pid)]
    documents, _ = assert_every_stored_document_is_whole(db)
    assert 0 < len(documents) < N_DOCUMENTS
