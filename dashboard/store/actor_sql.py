"""The SQL of the user's actor corrections, applied on read to any relation of fact rows.

Two tables hold what the user said, keyed by actor *name* (the name extraction gave, whether it
came from a gazetteer or from the NER model, or a name the user chose):

- ``actor_aliases(alias, name)``: facts naming ``alias`` name ``name`` instead. A merge, a
  rename and an added alias are all rows here. ``name`` is never itself an alias (the writers
  in :mod:`dashboard.store.actor_corrections` keep it so), so one lookup resolves any name.
- ``actor_corrections(name, kind, wikidata, country, role, not_actor)``: what the user set for
  an actor ("" keeps what extraction found); ``not_actor`` drops the name from every fact.

Nothing here rewrites the ``facts`` table: re-ingesting a document writes its extracted actors
again and they come back corrected, because the correction is made each time facts are read.
:func:`corrected_facts_sql` is that read; the events and fact-correction code can wrap any
relation with FACT_COLUMNS in it. Both tables are created empty (as TEMP tables in a read-only
connection) by :func:`prepare`, so the SQL never meets a store written before they existed.
"""

from __future__ import annotations

from dataclasses import replace

from dashboard.facts.schema import ACTOR_COLUMNS
from dashboard.store.filters import FactFilter, filter_sql

TABLES = ("actor_aliases", "actor_corrections")
DDL = [
    "CREATE TABLE IF NOT EXISTS actor_aliases (alias VARCHAR PRIMARY KEY, name VARCHAR NOT NULL)",
    "CREATE TABLE IF NOT EXISTS actor_corrections (name VARCHAR PRIMARY KEY, kind VARCHAR NOT NULL DEFAULT '', "
    "wikidata VARCHAR NOT NULL DEFAULT '', country VARCHAR NOT NULL DEFAULT '', role VARCHAR NOT NULL DEFAULT '', "
    "not_actor BOOLEAN NOT NULL DEFAULT false)",
]

# How each actor-aligned column of one mention is corrected (m: the extracted mention, al: its
# alias row, c: the correction row of the name it resolves to). Columns not named pass through.
_CORRECTED = {
    "actors": "coalesce(al.name, m.actors)",
    "actor_kinds": "coalesce(nullif(c.kind, ''), m.actor_kinds, '')",
    "actor_ids": "coalesce(nullif(c.wikidata, ''), m.actor_ids, '')",
    "actor_roles": "CASE WHEN c.role <> '' OR c.country <> '' THEN concat_ws(', ', nullif(c.role, ''), "
                   "nullif(c.country, '')) ELSE coalesce(m.actor_roles, '') END",
}


def prepare(con) -> bool:
    """Make the correction tables exist for this connection; True when any correction is stored.

    A store written before actor corrections existed has no such tables, and a read-only
    connection cannot add them to the file: it gets empty TEMP tables of the same shape.
    """
    present = {row[0] for row in con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' AND list_contains($t, table_name)",
        {"t": list(TABLES)},
    ).fetchall()}
    if len(present) < len(TABLES):
        for statement in DDL:
            con.execute(statement.replace("CREATE TABLE IF NOT EXISTS", "CREATE TEMP TABLE IF NOT EXISTS"))
        return False
    return con.execute(
        "SELECT (SELECT count(*) FROM actor_aliases) + (SELECT count(*) FROM actor_corrections)"
    ).fetchall()[0][0] > 0


def _literal(values) -> str:
    return "[" + ", ".join("'" + str(v).replace("'", "''") + "'" for v in values) + "]::VARCHAR[]"


def narrowing_sql(con, flt: FactFilter | None) -> str:
    """A WHERE clause over facts *before* the actor corrections that every fact passing ``flt``
    *after* them passes too (``"TRUE"`` when nothing narrows), with ``flt``'s own parameters.

    Correcting is the costly part of a read, so a filtered read narrows first and corrects only
    what may pass: an actor the user asks for is found under its own name or one of its aliases.
    """
    if flt is None:
        return "TRUE"
    rest, _ = filter_sql(replace(flt, actors=()))
    if not flt.actors:
        return rest
    aliases: dict[str, list[str]] = {}
    for alias, name in con.execute("SELECT alias, name FROM actor_aliases WHERE list_contains($n, name)",
                                   {"n": list(flt.actors)}).fetchall():
        aliases.setdefault(name, []).append(alias)
    groups = [_literal([name, *aliases.get(name, [])]) for name in flt.actors]
    if flt.actor_mode == "all":
        clause = " AND ".join(f"list_has_any(actors, {group})" for group in groups)
    else:
        clause = f"list_has_any(actors, {_literal([n for name in flt.actors for n in (name, *aliases.get(name, []))])})"
    return f"({clause}) AND {rest}"


def mentions_sql(relation: str = "facts") -> str:
    """One row per actor of each fact of ``relation``, corrected: doc_id, fact_id, ``i`` (its
    place in the fact's lists), ``raw`` (the name extracted), ``corrected`` (any correction
    touched it), ``not_actor``, and the ACTOR_COLUMNS as scalars (``actors`` the final name)."""
    unnested = ", ".join(f"unnest({column}) AS {column}" for column in ACTOR_COLUMNS)
    columns = ", ".join(f"{_CORRECTED.get(column, f'coalesce(m.{column}, {chr(39) * 2})')} AS {column}" for column in ACTOR_COLUMNS)
    return (
        f"SELECT m.doc_id, m.fact_id, m.i, m.actors AS raw, {columns}, "
        "(al.alias IS NOT NULL OR c.name IS NOT NULL) AS corrected, coalesce(c.not_actor, false) AS not_actor "
        f"FROM (SELECT doc_id, fact_id, unnest(generate_series(1, len(actors))) AS i, {unnested} FROM {relation}) m "
        "LEFT JOIN actor_aliases al ON al.alias = m.actors "
        "LEFT JOIN actor_corrections c ON c.name = coalesce(al.name, m.actors)"
    )


def corrected_facts_sql(relation: str = "facts") -> str:
    """``relation`` (a table name or a parenthesised query with FACT_COLUMNS) with the actor
    corrections applied: names resolved through aliases, kinds and IDs as the user set them,
    names marked not an actor dropped, an actor named twice after a merge kept once (first
    place), every ACTOR_COLUMNS list kept aligned. Facts no correction touches are left as they
    are, so a store with few corrections reads almost as fast as one with none."""
    aggregated = ", ".join(f"list({column} ORDER BY i) AS {column}" for column in ACTOR_COLUMNS)
    replaced = ", ".join(
        f"CASE WHEN t.fact_id IS NULL THEN b.{column} ELSE coalesce(f.{column}, []::VARCHAR[]) END AS {column}"
        for column in ACTOR_COLUMNS
    )
    return (
        f"(WITH mentions AS ({mentions_sql(relation)}), "
        "touched AS (SELECT DISTINCT doc_id, fact_id FROM mentions WHERE corrected), "
        "kept AS (SELECT * FROM mentions SEMI JOIN touched USING (doc_id, fact_id) WHERE NOT not_actor "
        "QUALIFY row_number() OVER (PARTITION BY doc_id, fact_id, actors ORDER BY i) = 1), "
        f"fixed AS (SELECT doc_id, fact_id, {aggregated} FROM kept GROUP BY doc_id, fact_id) "
        f"SELECT b.* REPLACE ({replaced}) FROM {relation} b "
        "LEFT JOIN touched t USING (doc_id, fact_id) LEFT JOIN fixed f USING (doc_id, fact_id))"
    )


def actor_table_sql(relation: str = "facts") -> str:
    """One row per actor named in ``relation`` after corrections (names marked not an actor
    left out): name, kind (the user's, else the one most of its mentions have), n_facts,
    n_documents, wikidata, role, forms (the words it was found under), aliases (the other names
    it goes by: the user's aliases and the actors merged into it), corrected. Most facts first."""
    return (
        f"WITH mentions AS ({mentions_sql(relation)}) "
        "SELECT actors AS name, coalesce(mode(nullif(actor_kinds, '')), '') AS kind, "
        "count(DISTINCT (doc_id, fact_id)) AS n_facts, count(DISTINCT doc_id) AS n_documents, "
        "coalesce(mode(nullif(actor_ids, '')), '') AS wikidata, coalesce(mode(nullif(actor_roles, '')), '') AS role, "
        "list_sort(list(DISTINCT actor_forms) FILTER (actor_forms <> '')) AS forms, "
        "coalesce((SELECT list_sort(list(alias)) FROM actor_aliases WHERE name = mentions.actors), []::VARCHAR[]) AS aliases, "
        "bool_or(corrected) OR EXISTS (SELECT 1 FROM actor_aliases WHERE name = mentions.actors) AS corrected "
        "FROM mentions WHERE NOT not_actor GROUP BY actors ORDER BY n_facts DESC, name"
    )


def rejected_sql(relation: str = "facts") -> str:
    """Every name marked not an actor, with the facts it would otherwise be named in."""
    return (
        f"WITH mentions AS ({mentions_sql(relation)}) "
        "SELECT c.name, count(DISTINCT (m.doc_id, m.fact_id)) AS n_facts, "
        "coalesce((SELECT list_sort(list(alias)) FROM actor_aliases WHERE name = c.name), []::VARCHAR[]) AS aliases "
        "FROM actor_corrections c LEFT JOIN mentions m ON m.actors = c.name WHERE c.not_actor "
        "GROUP BY c.name ORDER BY c.name"
    )


def export_sql(relation: str = "facts") -> str:
    """Each name the user corrected: its kind and Wikidata ID as the Actors page shows them, the
    country and role the user set, whether it is marked not an actor, and its aliases."""
    return (
        f"WITH shown AS ({actor_table_sql(relation)}), "
        "names AS (SELECT name FROM actor_corrections UNION SELECT name FROM actor_aliases) "
        "SELECT n.name, coalesce(nullif(c.kind, ''), s.kind, '') AS kind, "
        "coalesce(nullif(c.wikidata, ''), s.wikidata, '') AS wikidata, coalesce(c.country, '') AS country, "
        "coalesce(c.role, '') AS role, coalesce(c.not_actor, false) AS not_actor, "
        "(SELECT list_sort(list(alias)) FROM actor_aliases a WHERE a.name = n.name) AS aliases "
        "FROM names n LEFT JOIN actor_corrections c USING (name) LEFT JOIN shown s USING (name) "
        "ORDER BY not_actor, n.name"
    )
