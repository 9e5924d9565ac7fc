"""A running dashboard and a CLI ingest on one store file at once: two (and three) real processes.

DuckDB lets only one process hold the file read-write. The reader here does what the dashboard
does (query facts and version, again and again); the writer is the real ``fact-timeline ingest``
writing small batches. Neither may fail, and the reader must see the store grow.
"""

import json
import subprocess
import sys
import textwrap
import time
from datetime import date

from dashboard.store import FactFilter, FactStore

from .corpus import articles, write_jsonl

READER = textwrap.dedent(
    """
    import json, sys, time
    from pathlib import Path
    from dashboard.store import FactStore, FactFilter
    store, stop = FactStore(sys.argv[1], timeout=60), Path(sys.argv[2])
    reads, errors, versions, counts = 0, [], [], []
    deadline = time.monotonic() + 150
    while time.monotonic() < deadline:
        try:
            version = store.version()
            facts = store.facts(FactFilter(actors=("NATO",)))
            store.documents()
            reads += 1
            if not versions or versions[-1] != version:
                versions.append(version)
                counts.append(len(facts))
        except Exception as exc:
            errors.append(f"{type(exc).__name__}: {exc}")
        if stop.exists():
            break
    print(json.dumps({"reads": reads, "errors": errors, "versions": versions, "counts": counts}))
    """
)


def ingest(corpus, db):
    return subprocess.Popen(
        [sys.executable, "-m", "dashboard", "ingest", str(corpus), "--db", str(db), "--workers", "1", "--batch-size", "2"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def test_dashboard_reads_while_a_cli_ingest_writes(tmp_path):
    db, stop = tmp_path / "shared.duckdb", tmp_path / "stop"
    corpus = write_jsonl(tmp_path / "corpus.jsonl", articles(24))
    # the reader starts before the file exists, as a dashboard opened on a new store does
    reader = subprocess.Popen([sys.executable, "-c", READER, str(db), str(stop)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        time.sleep(1.0)
        writer = ingest(corpus, db)
        _, writer_err = writer.communicate(timeout=300)
        time.sleep(0.5)
    finally:
        stop.touch()
        out, err = reader.communicate(timeout=120)
    assert writer.returncode == 0, writer_err
    assert "24 added" in writer_err
    seen = json.loads(out)
    assert seen["errors"] == [], seen["errors"]
    assert seen["reads"] > 10
    assert len(seen["versions"]) >= 3  # it saw the store grow batch by batch, not only the end
    assert seen["counts"] == sorted(seen["counts"]) and seen["counts"][-1] == len(FactStore(db).facts(FactFilter(actors=("NATO",))))


def test_two_cli_ingests_into_one_store_at_once(tmp_path):
    db = tmp_path / "shared.duckdb"
    first = ingest(write_jsonl(tmp_path / "one.jsonl", articles(8)), db)
    second = ingest(write_jsonl(tmp_path / "two.jsonl", articles(8, start=date(2024, 3, 1))), db)
    results = [p.communicate(timeout=300) for p in (first, second)]
    assert first.returncode == 0 and second.returncode == 0, results
    # the same doc_ids with other dates: whichever came second replaced the first one's documents
    assert len(FactStore(db).documents()) == 8
