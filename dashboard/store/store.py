"""The fact store: documents and their facts in one embedded DuckDB file.

Two tables: ``documents`` (one row per article, with its text and content hash) and ``facts``
(FACT_COLUMNS; actors as a LIST column, so "any of these actors" is one ``list_has_any``).
A ``meta`` row holds a version that changes with every write: the dashboard's cache key.
The user's corrections live in tables of their own and are applied whenever facts are read
(:meth:`FactStore._fact_relation`), so every page and export sees them and a re-ingested
document comes back corrected.
Every method opens the file for its own duration (see :mod:`dashboard.store.connection`), so a
dashboard can read while a CLI ingest writes.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import closing, contextmanager
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa

from dashboard.errors import UserError
from dashboard.events.schema import events_frame
from dashboard.facts.documents import Document, LoadError
from dashboard.facts.schema import COLUMN_DEFAULTS, FACT_COLUMNS, facts_frame
from dashboard.paths import default_db_path
from dashboard.store import actor_sql, corrections
from dashboard.store import events as event_tables
from dashboard.store.connection import DEFAULT_TIMEOUT, READER_TURN, connect
from dashboard.store.errors import StoreError, describe
from dashboard.store.filters import FactFilter, filter_sql
from dashboard.interrupts import uninterrupted
from dashboard.store.ingest import IngestInterrupted, IngestReport, extract_batches
from dashboard.store.tables import (
    DOCUMENT_COLUMNS,
    DOCUMENT_DTYPES,
    SQL_TYPES,
    arrow_to_facts,
    documents_table,
    facts_table,
)

_FACT_LIST = ", ".join(f'"{name}"' for name in FACT_COLUMNS)
_DDL = [
    "CREATE TABLE IF NOT EXISTS documents (doc_id VARCHAR PRIMARY KEY, title VARCHAR, source VARCHAR, "
    "dct TIMESTAMP, dct_inferred BOOLEAN, lang VARCHAR, text VARCHAR, content_hash VARCHAR, n_facts BIGINT)",
    "CREATE TABLE IF NOT EXISTS facts ("
    + ", ".join(f'"{name}" {SQL_TYPES[dtype]}' for name, dtype in FACT_COLUMNS.items())
    + ")",
    "CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)",
    *actor_sql.DDL,
    corrections.DDL,
    *event_tables.DDL,
]
# A query, or a function of the relation that holds the facts as every page and export sees them.
Query = str | Callable[[str], str]


def _add_missing_columns(con) -> None:
    """Stores written by an older version gain the columns FACT_COLUMNS has grown since."""
    present = {row[0] for row in con.execute("SELECT column_name FROM information_schema.columns WHERE table_name = 'facts'").fetchall()}
    for name, dtype in FACT_COLUMNS.items():
        if name not in present:
            default = COLUMN_DEFAULTS.get(name)
            clause = f" DEFAULT '{default}'" if isinstance(default, str) else ""
            con.execute(f'ALTER TABLE facts ADD COLUMN "{name}" {SQL_TYPES[dtype]}{clause}')


def _has_table(con, name: str) -> bool:
    return bool(con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = $name", {"name": name}).fetchall()[0][0])


class FactStore:
    """Documents and facts in the DuckDB file at ``path`` (default: the user's data folder).

    Reading a store that does not exist yet gives empty results; the file is created by the
    first ingest. ``timeout`` is how long to wait for another process's lock.
    """

    def __init__(self, path: str | Path | None = None, timeout: float = DEFAULT_TIMEOUT):
        self.path = Path(path) if path is not None else default_db_path()
        self.timeout = timeout

    def __repr__(self) -> str:
        return f"FactStore({str(self.path)!r})"

    # -- reading --------------------------------------------------------------------------------

    def _read_arrow(self, sql: Query, params: dict[str, object] | None = None, *, actors: bool = True,
                    hidden: bool = False, narrow: FactFilter | None = None) -> pa.Table | None:
        """The result of one read query, fetched whole (``None`` while there is no store yet).

        ``sql`` may be a function of the corrected facts' relation (see :meth:`_fact_relation`;
        ``actors=False`` leaves the actor corrections to the query itself, ``hidden=True`` keeps
        the facts the user hid, with a ``hidden`` column; a query that keeps only facts passing
        ``narrow`` (and has its parameters) may say so, to have only those corrected).
        """
        if not self.path.exists():
            return None
        with connect(self.path, read_only=True, timeout=self.timeout) as con:
            try:
                text = sql if isinstance(sql, str) else sql(self._fact_relation(con, actors=actors, hidden=hidden, narrow=narrow))
                return con.sql(text, params=params or {}).to_arrow_table()
            except duckdb.CatalogException:  # an empty file: created, never written
                return None

    def _read(self, sql: Query, params: dict[str, object] | None = None) -> pd.DataFrame | None:
        table = self._read_arrow(sql, params)
        return None if table is None else table.to_pandas()

    @staticmethod
    def _fact_relation(con, actors: bool = True, hidden: bool = False, narrow: FactFilter | None = None) -> str:
        """The facts as users see them: the ``facts`` table with every stored correction applied
        (the user's fact corrections first: dates, statuses, hidden facts; then the actor
        corrections, only with ``actors``). Always has ``corrected`` (and ``hidden``) beside
        FACT_COLUMNS.

        The one place corrections join the read path; each kind of correction wraps the
        relation in its own SQL (:mod:`dashboard.store.corrections`,
        :mod:`dashboard.store.actor_sql`).
        """
        corrections.prepare(con)
        relation = corrections.corrected_facts_sql("facts", include_hidden=hidden)
        if actor_sql.prepare(con) and actors:
            if (where := actor_sql.narrowing_sql(con, narrow)) != "TRUE":
                relation = f"(SELECT * FROM {relation} WHERE {where})"  # only what may pass is corrected
            relation = actor_sql.corrected_facts_sql(relation)
        return relation

    def facts(self, flt: FactFilter | None = None, *, include_hidden: bool = False) -> pd.DataFrame:
        """Facts passing ``flt`` (all without one), ordered by start, as FACT_COLUMNS and
        ``corrected``: with the user's corrections applied, without the facts they hid (unless
        ``include_hidden``, which adds a ``hidden`` column)."""
        where, params = filter_sql(flt)
        order = 'ORDER BY "start" NULLS LAST, doc_id, timex_start'
        extra = ", corrected, hidden" if include_hidden else ", corrected"
        table = self._read_arrow(
            lambda facts: f"SELECT {_FACT_LIST}{extra} FROM {facts} WHERE {where} {order}",
            params,
            hidden=include_hidden,
            narrow=flt,
        )
        if table is None:
            return facts_frame().assign(corrected=pd.Series(dtype=bool), **({"hidden": pd.Series(dtype=bool)} if include_hidden else {}))
        return arrow_to_facts(table)

    def events(self, flt: FactFilter | None = None) -> pd.DataFrame:
        """Events (EVENT_COLUMNS) with at least one fact passing ``flt``, ordered by start; each
        event is described by all its facts as users see them (corrections applied): its
        sources, actors and counts."""
        where, params = filter_sql(flt)
        table = self._read_events(lambda facts, members: event_tables.events_sql(facts, where, members), params)
        return events_frame() if table is None else events_frame(table.to_pandas())

    def event_facts(self, event_id: str) -> pd.DataFrame:
        """The facts of one event (FACT_COLUMNS), earliest report first."""
        table = self._read_events(lambda facts, members: (
            f"SELECT {_FACT_LIST} FROM (SELECT * FROM {facts}) s "
            f"LEFT JOIN (SELECT fact_id, event_id FROM {members}) m USING (fact_id) "
            "WHERE coalesce(m.event_id, 'e' || s.fact_id) = $event ORDER BY dct NULLS LAST, doc_id, timex_start"
        ), {"event": event_id})
        return facts_frame() if table is None else arrow_to_facts(table)

    def _read_events(self, sql_for, params: dict[str, object]) -> pa.Table | None:
        """A read query over events; ``sql_for(facts, members)`` gets the corrected facts' relation
        and the fact -> event relation (empty in a store written before events, where every fact
        is an event of its own until the next write)."""
        def query(facts: str) -> str:
            return sql_for(facts, members[0])

        members = ["event_members"]
        if not self.path.exists():
            return None
        with connect(self.path, read_only=True, timeout=self.timeout) as con:
            if not _has_table(con, "facts"):
                return None
            if not _has_table(con, "event_members"):
                members[0] = event_tables.NO_MEMBERS
        return self._read_arrow(query, params)

    def documents(self) -> pd.DataFrame:
        """One row per stored document: doc_id, title, source, dct, dct_inferred, lang, text,
        content_hash, n_facts; ordered by publication date."""
        frame = self._read(f"SELECT {', '.join(DOCUMENT_COLUMNS)} FROM documents ORDER BY dct NULLS LAST, doc_id")
        if frame is None:
            frame = pd.DataFrame({name: pd.Series(dtype=DOCUMENT_DTYPES[name]) for name in DOCUMENT_COLUMNS})
        return frame.astype(DOCUMENT_DTYPES)

    def actors(self) -> list[str]:
        """Every actor named in a fact (after the user's corrections), the most facts first
        (ties by name)."""
        return self.actor_table()["name"].tolist()

    def actor_table(self) -> pd.DataFrame:
        """One row per actor after corrections, most facts first: ACTOR_TABLE_COLUMNS (name,
        kind, n_facts, n_documents, wikidata, role, forms found, aliases, corrected)."""
        return self.actor_corrections.table()

    @property
    def actor_corrections(self):
        """The user's actor corrections in this store: list, merge, rename, alias, kind, reject,
        and their CSV (see :class:`dashboard.store.actor_corrections.ActorCorrections`)."""
        from dashboard.store.actor_corrections import ActorCorrections

        return ActorCorrections(self)

    def version(self) -> str:
        """Changes whenever the content changes: key caches on it. ``"empty"`` before any ingest."""
        frame = self._read("SELECT value FROM meta WHERE key = 'version'")
        return "empty" if frame is None or frame.empty else str(frame["value"].iloc[0])

    def _what_changed(self, doc: Document) -> str:
        """What differs between ``doc`` and the document stored under its ID ("text", "date", ...),
        so a replacement is said, not done silently."""
        frame = self._read("SELECT text, dct, lang, title, source FROM documents WHERE doc_id = $id", {"id": doc.doc_id})
        if frame is None or frame.empty:
            return "content"
        old = frame.iloc[0]
        old_dct = None if pd.isna(old["dct"]) else pd.Timestamp(old["dct"]).date()
        changed = [name for name, differs in (
            ("text", old["text"] != doc.text), ("date", old_dct != doc.dct), ("language", old["lang"] != doc.lang),
            ("title", old["title"] != doc.title), ("source", old["source"] != doc.source),
        ) if differs]
        return " and ".join(changed) or "content"

    def content_hashes(self) -> dict[str, str]:
        """doc_id -> content hash of every stored document (what ingest compares against)."""
        frame = self._read("SELECT doc_id, content_hash FROM documents")
        return {} if frame is None else dict(zip(frame["doc_id"], frame["content_hash"]))

    # -- writing --------------------------------------------------------------------------------

    def write(self, docs: Sequence[Document], facts: pd.DataFrame) -> None:
        """Put documents and their facts in, replacing whatever was stored under their IDs.

        One transaction, so a reader sees a document with all its facts or not at all.
        """
        if not docs:
            return
        counts = facts["doc_id"].value_counts().to_dict() if len(facts) else {}
        doc_rows = documents_table(docs, [int(counts.get(d.doc_id, 0)) for d in docs])
        fact_rows = facts_table(facts if len(facts) else facts_frame())
        with self.writing() as con:
            con.register("new_documents", doc_rows)
            con.register("new_facts", fact_rows)
            current = event_tables.is_current(con)
            event_tables.blocks_of_documents(con, "new_documents")
            con.execute("DELETE FROM facts WHERE doc_id IN (SELECT doc_id FROM new_documents)")
            con.execute("DELETE FROM documents WHERE doc_id IN (SELECT doc_id FROM new_documents)")
            event_tables.forget_documents(con, "new_documents")
            con.execute(f"INSERT INTO documents ({', '.join(DOCUMENT_COLUMNS)}) SELECT * FROM new_documents")
            con.execute(f"INSERT INTO facts ({_FACT_LIST}) SELECT {_FACT_LIST} FROM new_facts")
            if current:
                event_tables.add_facts(con, facts, "new_documents")
            else:  # a store written before events: all its facts get theirs now
                event_tables.rebuild(con)

    def remove(self, doc_ids: Iterable[str]) -> int:
        """Delete documents and their facts; returns how many documents were stored."""
        ids = list(doc_ids)
        if not ids or not self.path.exists():
            return 0
        with connect(self.path, read_only=False, timeout=self.timeout) as con:
            for statement in _DDL:
                con.execute(statement)
            found = con.execute("SELECT count(*) FROM documents WHERE list_contains($ids, doc_id)", {"ids": ids}).fetchall()[0][0]
            con.execute("BEGIN TRANSACTION")
            corrections.forget_documents(con, ids)
            con.execute("CREATE OR REPLACE TEMP TABLE gone_documents AS SELECT unnest($ids) AS doc_id", {"ids": ids})
            current = event_tables.is_current(con)
            event_tables.blocks_of_documents(con, "gone_documents")
            con.execute("DELETE FROM facts WHERE list_contains($ids, doc_id)", {"ids": ids})
            con.execute("DELETE FROM documents WHERE list_contains($ids, doc_id)", {"ids": ids})
            event_tables.forget_documents(con, "gone_documents")
            event_tables.refresh(con) if current else event_tables.rebuild(con)
            con.execute("DROP TABLE gone_documents")
            self._bump(con)
            con.execute("COMMIT")
        return int(found)

    @contextmanager
    def writing(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A read-write connection in one transaction that bumps the version on success (for the
        store's own modules, e.g. corrections); rolled back if the block raises."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(self.path, describe(exc, self.path)) from None
        with connect(self.path, read_only=False, timeout=self.timeout) as con:
            for statement in _DDL:
                con.execute(statement)
            _add_missing_columns(con)
            con.execute("BEGIN TRANSACTION")
            try:
                yield con
                self._bump(con)
                con.execute("COMMIT")
            except BaseException:
                try:
                    con.execute("ROLLBACK")
                except duckdb.Error:
                    pass  # a failed COMMIT has ended the transaction already; its error is the one to see
                raise

    def correct(self, correction: corrections.Correction) -> None:
        """Store the user's correction of a fact (its date, its status, or that it is hidden);
        it stays through re-ingest and every read applies it."""
        self._change(lambda con: corrections.upsert(con, correction))

    def hide(self, fact_id: str) -> None:
        """Hide one fact from every page and export (it stays in the store, see ``unhide``)."""
        self.correct(corrections.Correction(fact_id, hidden=True))

    def unhide(self, fact_id: str) -> None:
        self._change(lambda con: corrections.unhide(con, fact_id))

    def undo_correction(self, fact_id: str) -> None:
        """The fact as extraction found it again: its corrections forgotten, shown if hidden."""
        self._change(lambda con: corrections.undo(con, fact_id))

    def _change(self, change) -> None:
        if not self.path.exists():
            raise UserError(f"{self.path}: there is no fact store yet")
        with self.writing() as con:
            change(con)

    @staticmethod
    def _bump(con) -> None:
        con.execute("INSERT OR REPLACE INTO meta VALUES ('version', $v)", {"v": uuid.uuid4().hex})

    def ingest(
        self,
        documents: Iterable[Document | LoadError],
        *,
        workers: int = 1,
        engine: str = "local",
        actors_csv: Sequence[str | Path] = (),
        scheduler: str | None = None,
        batch_size: int = 200,
        progress=None,
    ) -> IngestReport:
        """Extract facts from ``documents`` and store them; idempotent by content hash.

        A document stored with the same content is skipped, one with changed content replaced,
        a :class:`LoadError` (or a document whose extraction fails) is reported by name while the
        others go in. ``workers`` processes extract in parallel (``engine="local"``), or Dask
        does over Parquet partitions (``engine="dask"``, at ``scheduler`` if given).
        ``progress``, if given, is called with the running report after each batch.
        """
        report = IngestReport()
        known = self.content_hashes()
        known_hashes = set(known.values())
        seen: set[str] = set()

        def wanted() -> Iterable[Document]:
            for item in documents:
                if isinstance(item, LoadError):
                    report.failed.append((item.source if item.line is None else f"{item.source}:{item.line}", item.message))
                    continue
                digest = item.content_hash
                if known.get(item.doc_id) == digest or digest in known_hashes or digest in seen:
                    report.unchanged.append(item.doc_id)
                    continue
                seen.add(digest)
                if item.doc_id in known:
                    report.changes[item.doc_id] = self._what_changed(item)
                yield item

        batches = extract_batches(wanted(), workers=workers, engine=engine, actors_csv=actors_csv,
                                  scheduler=scheduler, batch_size=batch_size)
        # closing: whatever ends the loop early (Ctrl-C, a store error) stops the workers at once
        with closing(batches):
            try:
                for batch in batches:
                    with uninterrupted():  # Ctrl-C waits until the batch is stored and counted
                        self.write(batch.documents, batch.facts)
                        report.failed.extend(batch.failed)
                        for doc in batch.documents:
                            (report.replaced if doc.doc_id in known else report.added).append(doc.doc_id)
                        report.n_facts += len(batch.facts)
                    if progress is not None:
                        progress(report)
                    time.sleep(READER_TURN)  # a dashboard polling the file gets its turn between batches
            except KeyboardInterrupt:
                raise IngestInterrupted(report) from None
        return report
