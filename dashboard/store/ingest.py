"""Extraction at scale: many documents to fact rows on all cores, or on a Dask cluster.

Extraction is CPU-bound (tagging, sentence splitting, actor matching) and independent per
document, so it is spread over processes; the store's writes stay in the calling process, in
batches, so the database is locked only briefly and a dashboard can read in between.
- ``engine="local"``: a process pool on this machine (``workers`` processes; one runs in-process).
- ``engine="dask"`` (extra ``scale``): documents go to Parquet partitions, Dask maps the same
  extraction over them (local processes, or the cluster at ``scheduler``), results come back as
  Parquet partitions. A user who outgrows one machine points ``--scheduler`` at a cluster.
A document whose extraction raises is reported by name; the rest go on.
"""

from __future__ import annotations

import os
import signal
import tempfile
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import multiprocessing

import pandas as pd
import pyarrow as pa

from dashboard.errors import UserError
from dashboard.actors import Gazetteer, default_gazetteer, load_gazetteer
from dashboard.events.headline import label_facts
from dashboard.facts.documents import Document
from dashboard.facts.extract import extract_facts
from dashboard.facts.schema import FACT_COLUMNS, facts_frame
from dashboard.store.tables import FACTS_SCHEMA

ENGINES = ("local", "dask")
_CHUNK = 4  # documents per task: enough to amortise pickling, small enough to balance cores
_PARENT_POLL = 0.2  # seconds between a worker's looks at whether its parent is still there


@dataclass
class IngestReport:
    """What an ingest did, by document ID (failures by file and line, with the reason)."""

    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    n_facts: int = 0
    # doc_id -> what differed from the stored document it replaced ("text", "date and title" ...)
    changes: dict[str, str] = field(default_factory=dict)

    @property
    def n_documents(self) -> int:
        return len(self.added) + len(self.replaced) + len(self.unchanged) + len(self.failed)

    @property
    def ok(self) -> bool:
        """True when every document went in (or was already there)."""
        return not self.failed

    def replacements(self) -> list[str]:
        """``replaced DOC_ID (text changed)`` for each document that replaced a stored one."""
        return [f"replaced {doc_id} ({self.changes.get(doc_id, 'content')} changed)" for doc_id in self.replaced]

    def summary(self) -> str:
        return (
            f"{self.n_documents} documents: {len(self.added)} added, {len(self.replaced)} replaced, "
            f"{len(self.unchanged)} unchanged, {len(self.failed)} failed; {self.n_facts} facts stored"
        )


class IngestInterrupted(KeyboardInterrupt):
    """Ctrl-C stopped an ingest between two batches: ``report`` says what was stored (each
    document whole, with all its facts) and :meth:`summary` says it in one line."""

    def __init__(self, report: IngestReport):
        super().__init__()
        self.report = report

    def summary(self) -> str:
        r = self.report
        return (
            f"interrupted: {len(r.added) + len(r.replaced)} documents stored ({len(r.added)} added, "
            f"{len(r.replaced)} replaced; {r.n_facts} facts), {len(r.unchanged)} unchanged, {len(r.failed)} failed; "
            "the documents after them were not stored: run the same ingest again to add them (stored ones are skipped)"
        )


@dataclass
class Batch:
    """Documents extracted together, their facts, and those that failed (name, reason)."""

    documents: list[Document]
    facts: pd.DataFrame
    failed: list[tuple[str, str]]


def default_workers() -> int:
    """All cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


# -- one document, in whatever process ------------------------------------------------------------

_GAZETTEER: Gazetteer | None = None


def _init_worker(actors_csv: tuple[str, ...]) -> None:
    global _GAZETTEER
    _GAZETTEER = load_gazetteer(actors_csv) if actors_csv else default_gazetteer()


def _init_pool_worker(actors_csv: tuple[str, ...], parent: int) -> None:
    """A pool worker: Ctrl-C is the parent's to handle (it stops the pool and says what was
    stored), and a parent that died (kill -9) takes its workers with it at once instead of
    leaving them to finish their work for nobody."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True, name="parent-watch").start()
    _init_worker(actors_csv)


def _exit_with_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(_PARENT_POLL)
    os._exit(1)  # the parent is gone: nobody will read what this process makes


def _gazetteer() -> Gazetteer:
    return _GAZETTEER if _GAZETTEER is not None else default_gazetteer()


def _extract_one(doc: Document) -> pd.DataFrame | str:
    """The facts of one document, or the reason it failed (one line)."""
    try:
        return label_facts(extract_facts(doc, _gazetteer()))  # events stage: a headline per fact
    except Exception as exc:  # noqa: BLE001 - one bad document must not stop a corpus
        return f"extraction failed: {type(exc).__name__}: {exc}"


def _extract_chunk(docs: list[Document]) -> list[pd.DataFrame | str]:
    return [_extract_one(doc) for doc in docs]


def _batch(results: list[tuple[Document, pd.DataFrame | str]]) -> Batch:
    good = [(doc, out) for doc, out in results if not isinstance(out, str)]
    frames = [out for _, out in good if len(out)]
    return Batch(
        documents=[doc for doc, _ in good],
        facts=pd.concat(frames, ignore_index=True) if frames else facts_frame(),
        failed=[(doc.doc_id, out) for doc, out in results if isinstance(out, str)],
    )


def _chunks(items: Iterable[Document], size: int) -> Iterator[list[Document]]:
    chunk: list[Document] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


# -- local engine ----------------------------------------------------------------------------------


def _local_results(docs: Iterable[Document], workers: int, actors_csv: tuple[str, ...]) -> Iterator[tuple[Document, pd.DataFrame | str]]:
    if workers <= 1:
        _init_worker(actors_csv)
        for doc in docs:
            yield doc, _extract_one(doc)
        return
    # spawn, not fork: the caller may be a threaded server, and forking threads is unsafe.
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_init_pool_worker, initargs=(actors_csv, os.getpid()))
    try:
        pending: deque[tuple[list[Document], Future]] = deque()
        for chunk in _chunks(docs, _CHUNK):
            pending.append((chunk, pool.submit(_extract_chunk, chunk)))
            while len(pending) > 2 * workers:  # bounded: a huge corpus never sits in memory at once
                done, future = pending.popleft()
                yield from zip(done, future.result())
        while pending:
            done, future = pending.popleft()
            yield from zip(done, future.result())
    except BaseException:  # Ctrl-C, or the caller stopped reading: the work in hand is not wanted
        _stop_now(pool)
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _stop_now(pool: ProcessPoolExecutor) -> None:
    """End the workers without waiting for their chunks (shutdown alone waits for them)."""
    terminate = getattr(pool, "terminate_workers", None)  # Python 3.14
    if terminate is not None:
        terminate()
        return
    processes = list((getattr(pool, "_processes", None) or {}).values())  # shutdown forgets them
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.terminate()


# -- dask engine -----------------------------------------------------------------------------------

_DOC_FIELDS = ("doc_id", "title", "source", "url", "dct", "dct_inferred", "lang", "text")


def _documents_partition(docs: list[Document]) -> pd.DataFrame:
    return pd.DataFrame({name: [getattr(d, name) for d in docs] for name in _DOC_FIELDS}).astype({"dct": "object"})


def _extract_partition(part: pd.DataFrame, actors_csv: tuple[str, ...]) -> pd.DataFrame:
    """Dask's unit of work: the facts of a partition of documents, plus one ``error`` row for
    each document that failed (so failures travel back with the results)."""
    if _GAZETTEER is None:
        _init_worker(actors_csv)
    frames = []
    for row in part.itertuples(index=False):
        dct = row.dct if isinstance(row.dct, date) and not pd.isna(row.dct) else None
        if dct is not None and hasattr(dct, "date"):
            dct = dct.date()
        doc = Document(row.doc_id, row.text, row.title, row.source, dct, bool(row.dct_inferred), row.lang, row.url)
        out = _extract_one(doc)
        if isinstance(out, str):
            placeholder = {name: 0 for name, dtype in FACT_COLUMNS.items() if dtype == "int64"}
            failed = facts_frame([{**placeholder, "doc_id": doc.doc_id, "dct_inferred": False}])
            failed["error"] = out
            frames.append(failed)
        elif len(out):
            frames.append(out.assign(error=pd.Series([None] * len(out), dtype="str", index=out.index)))
    return pd.concat(frames, ignore_index=True) if frames else _dask_meta()


def _dask_meta() -> pd.DataFrame:
    meta = facts_frame()
    meta["error"] = pd.Series(dtype="str")
    return meta


def _dask_results(
    docs: Iterable[Document], workers: int, actors_csv: tuple[str, ...], scheduler: str | None, partition_size: int
) -> Iterator[tuple[list[Document], pd.DataFrame]]:
    try:
        import dask
        import dask.dataframe as dd
    except ImportError:
        raise UserError("--engine dask needs the 'scale' extra: pip install 'fact-timeline[scale]'") from None
    with tempfile.TemporaryDirectory(prefix="fact-timeline-dask-") as tmp:
        inbox, outbox = Path(tmp) / "documents", Path(tmp) / "facts"
        inbox.mkdir()
        partitions: list[list[Document]] = []
        for index, chunk in enumerate(_chunks(docs, partition_size)):
            _documents_partition(chunk).to_parquet(inbox / f"part.{index:06d}.parquet", index=False)
            partitions.append(chunk)
        if not partitions:
            return
        frame = dd.read_parquet(str(inbox), split_row_groups=False)
        facts = frame.map_partitions(_extract_partition, actors_csv, meta=_dask_meta(), align_dataframes=False)
        write = facts.to_parquet(
            str(outbox), name_function=lambda i: f"part.{i:06d}.parquet", write_index=False, compute=False,
            schema=FACTS_SCHEMA.append(pa.field("error", pa.string())),
        )
        if scheduler:
            try:
                from distributed import Client
            except ImportError:
                raise UserError("--scheduler needs dask.distributed: pip install 'fact-timeline[scale]'") from None
            try:
                with Client(scheduler, timeout="30s") as client:
                    client.compute(write, sync=True)
            except OSError as exc:
                raise UserError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
        else:
            # chunksize=1: dask batches tasks per process by default, which left one worker idle
            dask.compute(write, scheduler="processes", num_workers=workers, chunksize=1)
        for index, chunk in enumerate(partitions):
            yield chunk, pd.read_parquet(outbox / f"part.{index:06d}.parquet")


# -- both ------------------------------------------------------------------------------------------


def extract_batches(
    docs: Iterable[Document],
    *,
    workers: int = 1,
    engine: str = "local",
    actors_csv: Sequence[str | Path] = (),
    scheduler: str | None = None,
    batch_size: int = 200,
) -> Iterator[Batch]:
    """Documents to :class:`Batch` es of about ``batch_size`` documents, extracted in parallel."""
    if engine not in ENGINES:
        raise UserError(f"unknown engine {engine!r} (choose {', '.join(ENGINES)})")
    csvs = tuple(str(p) for p in actors_csv)
    if csvs:
        load_gazetteer(csvs)  # a bad actor list fails here, once, with its file and line
    if engine == "dask":
        for chunk, frame in _dask_results(docs, max(1, workers), csvs, scheduler, batch_size):
            errors = dict(zip(frame.loc[frame["error"].notna(), "doc_id"], frame.loc[frame["error"].notna(), "error"]))
            facts = facts_frame(frame[frame["error"].isna()].drop(columns="error"))
            yield _batch([(doc, errors.get(doc.doc_id, facts[facts["doc_id"] == doc.doc_id])) for doc in chunk])
        return
    results: list[tuple[Document, pd.DataFrame | str]] = []
    for result in _local_results(docs, max(1, workers), csvs):
        results.append(result)
        if len(results) >= batch_size:
            yield _batch(results)
            results = []
    if results:
        yield _batch(results)
