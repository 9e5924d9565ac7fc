"""The user's corrections of facts: a date or status set right, a fact hidden.

They live in a table of their own (``fact_corrections``), keyed by fact id, so ingest never
touches them: re-ingesting an article (same text, same fact ids) keeps every correction, and
the store applies them whenever it reads facts (:func:`corrected_facts_sql`), so every page,
chart and export sees the corrected fact, marked ``corrected``. Deleting a document drops the
corrections of its facts with it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from dashboard.facts.schema import FACT_COLUMNS, STATUSES
from dashboard.temporal.interval import value_interval

TABLE = "fact_corrections"
DDL = (
    f"CREATE TABLE IF NOT EXISTS {TABLE} (fact_id VARCHAR PRIMARY KEY, hidden BOOLEAN DEFAULT FALSE, "
    'value VARCHAR, "start" TIMESTAMP, "end" TIMESTAMP, granularity VARCHAR, status VARCHAR, corrected_at TIMESTAMP)'
)
# the columns a correction may replace; the rest of a fact is what extraction found
CORRECTABLE = ("value", "start", "end", "granularity", "status")


class CorrectionError(ValueError):
    """A correction that cannot be stored: an unknown status, a date with no place in time."""


@dataclass(frozen=True)
class Correction:
    """What the user set for one fact; ``None`` fields keep what extraction found."""

    fact_id: str
    hidden: bool = False
    value: str | None = None
    start: datetime | None = None
    end: datetime | None = None
    granularity: str | None = None
    status: str | None = None


def date_correction(fact_id: str, value: str, anchor: date | None = None) -> Correction:
    """A correction of a fact's date to the TIMEX3 ``value`` ("2025-10-03", "2026-Q1",
    "2025-W27"), placed on the axis as extraction would place it."""
    value = value.strip().upper() if value.strip().upper().endswith("_REF") else value.strip()
    interval = value_interval(value, None, anchor)
    if interval is None:
        raise CorrectionError(f"{value!r} is not a date with a place in time (try 2025-10-03, 2025-10, 2026-Q1 or 2026)")
    return Correction(fact_id, value=value, start=interval.start, end=interval.end, granularity=interval.granularity)


def status_correction(fact_id: str, status: str) -> Correction:
    if status not in STATUSES:
        raise CorrectionError(f"status must be one of {', '.join(STATUSES)}, not {status!r}")
    return Correction(fact_id, status=status)


def upsert(con, correction: Correction) -> None:
    """Store ``correction``, merged with what was corrected before for that fact."""
    con.execute(DDL)
    fields = {name: getattr(correction, name) for name in CORRECTABLE}
    con.execute(
        f'INSERT INTO {TABLE} (fact_id, hidden, value, "start", "end", granularity, status, corrected_at) '
        "VALUES ($fact_id, $hidden, $value, $start, $end, $granularity, $status, now()) "
        f"ON CONFLICT (fact_id) DO UPDATE SET hidden = excluded.hidden OR {TABLE}.hidden, "
        + ", ".join(f'"{c}" = coalesce(excluded."{c}", {TABLE}."{c}")' for c in CORRECTABLE)
        + ", corrected_at = now()",
        {"fact_id": correction.fact_id, "hidden": correction.hidden, **fields},
    )


def unhide(con, fact_id: str) -> None:
    con.execute(DDL)
    con.execute(f"UPDATE {TABLE} SET hidden = FALSE WHERE fact_id = $id", {"id": fact_id})


def undo(con, fact_id: str) -> None:
    """Forget every correction of the fact: it reads as extraction found it again."""
    con.execute(DDL)
    con.execute(f"DELETE FROM {TABLE} WHERE fact_id = $id", {"id": fact_id})


def forget_documents(con, doc_ids: list[str]) -> None:
    """Drop the corrections of the facts of these documents (called before the facts go)."""
    con.execute(DDL)
    con.execute(f"DELETE FROM {TABLE} WHERE fact_id IN (SELECT fact_id FROM facts WHERE list_contains($ids, doc_id))",
                {"ids": doc_ids})


def prepare(con) -> None:
    """Make the corrections table exist for this connection: a store written before it existed,
    read through a read-only connection, gets an empty TEMP table of the same shape."""
    present = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'main' AND table_name = $t", {"t": TABLE}
    ).fetchall()[0][0]
    if not present:
        con.execute(DDL.replace("CREATE TABLE IF NOT EXISTS", "CREATE TEMP TABLE IF NOT EXISTS"))


def corrected_facts_sql(relation: str = "facts", include_hidden: bool = False) -> str:
    """``relation`` (a table or a parenthesised query with FACT_COLUMNS) with the user's fact
    corrections applied, FACT_COLUMNS then ``corrected`` and ``hidden``, without the hidden
    facts unless ``include_hidden``: the relation the store filters and reads."""
    columns = []
    for name in FACT_COLUMNS:
        if name in CORRECTABLE:
            columns.append(f'coalesce(c."{name}", f."{name}") AS "{name}"')
        else:
            columns.append(f'f."{name}"')
    corrected = " OR ".join(f'c."{name}" IS NOT NULL' for name in CORRECTABLE)
    where = "" if include_hidden else " WHERE NOT coalesce(c.hidden, FALSE)"
    return (f"(SELECT {', '.join(columns)}, coalesce({corrected}, FALSE) AS corrected, coalesce(c.hidden, FALSE) AS hidden "
            f"FROM {relation} f LEFT JOIN {TABLE} c ON c.fact_id = f.fact_id{where})")
