"""Events in the store: which facts state the same happening, kept current on every write.

Two tables beside ``facts``: ``event_terms`` (each fact's headline words and actors, see
:mod:`dashboard.events.terms`) and ``event_members`` (fact -> event). A write re-clusters only the
*blocks* its facts touch: a block is a granularity and a day (or month, year, ...) of the facts
that start there; a day-granular fact spanning several days (a three-day summit) is in each of
its days' blocks, which is how nested intervals meet. Within the touched blocks DuckDB finds the
candidate pairs (facts sharing a term that at most :data:`COMMON` facts of the block have) and counts
what they share and scores them (:func:`same_happening_sql`); :mod:`dashboard.events.cluster`
joins the pairs that pass into events.
Reading (:func:`events_sql`) groups the facts, as the store reads them, by event: an event
passes a filter when one of its facts does, and is described by all of them.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa

from dashboard.events.cluster import MATCHING, Matching, components
from dashboard.events.terms import fact_terms

DDL = [
    "CREATE TABLE IF NOT EXISTS event_terms (fact_id VARCHAR, doc_id VARCHAR, terms VARCHAR[])",
    "CREATE TABLE IF NOT EXISTS event_members (fact_id VARCHAR, doc_id VARCHAR, event_id VARCHAR)",
]
NESTED_DAYS = 14          # a day-granular interval up to this long is in the block of each of its days
COMMON = 50               # a term of more facts than this in one block is too common to pair on
_TERMS_SCHEMA = pa.schema([("fact_id", pa.string()), ("doc_id", pa.string()), ("terms", pa.list_(pa.string()))])


def event_id(first_fact_id: str) -> str:
    """An event is named after its first fact (smallest ID), so it keeps its ID while it grows."""
    return f"e{first_fact_id}"


def _blocks_sql(source: str = "facts") -> str:
    """fact_id, doc_id, block of every dated fact of ``source`` (one row per block it is in)."""
    return f"""
        SELECT fact_id, doc_id,
               (CASE WHEN dating = 'report' THEN 'r|' ELSE 'd|' END) || granularity || '|' || strftime(day, '%Y-%m-%dT%H:%M') AS block
        FROM (
            SELECT fact_id, doc_id, dating, granularity,
                   unnest(CASE WHEN granularity = 'day' AND "end" - "start" > INTERVAL 1 DAY
                                    AND "end" - "start" <= INTERVAL {NESTED_DAYS} DAY
                               THEN generate_series("start", "end" - INTERVAL 1 DAY, INTERVAL 1 DAY)
                               ELSE ["start"] END) AS day
            FROM {source} WHERE "start" IS NOT NULL AND granularity IS NOT NULL
                  AND NOT ends_with(coalesce(value, ''), '_REF')  -- "now", "recently": no happening of their own
        )"""


def terms_table(facts: pd.DataFrame) -> pa.Table:
    """The ``event_terms`` rows of fact rows (FACT_COLUMNS)."""
    return pa.Table.from_pydict({
        "fact_id": facts["fact_id"].tolist(),
        "doc_id": facts["doc_id"].tolist(),
        # an unlabelled fact (written by hand, not by the pipeline) is matched on its sentence
        "terms": [fact_terms(label or sentence, actors, lang, kinds) for label, sentence, actors, kinds, lang
                  in zip(facts["label"], facts["sentence"], facts["actors"], facts["actor_kinds"], facts["lang"])],
    }, schema=_TERMS_SCHEMA)


def ensure_tables(con) -> None:
    for statement in DDL:
        con.execute(statement)


def is_current(con) -> bool:
    """Whether the stored events cover every stored fact (``False`` for a store written before
    events, whose facts then get theirs with :func:`rebuild`)."""
    marked = con.execute("SELECT count(*) FROM meta WHERE key = 'events'").fetchall()[0][0]
    return bool(marked) or not con.execute("SELECT count(*) FROM facts").fetchall()[0][0]


def _mark_current(con) -> None:
    con.execute("INSERT OR REPLACE INTO meta VALUES ('events', '1')")


def blocks_of_documents(con, documents: str) -> None:
    """Remember (in temp table ``touched``) the blocks of the stored facts of the documents in
    relation ``documents`` (column doc_id): call before their facts are replaced or deleted."""
    con.execute("CREATE OR REPLACE TEMP TABLE touched (block VARCHAR)")
    con.execute(f"INSERT INTO touched SELECT DISTINCT block FROM ({_blocks_sql()}) WHERE doc_id IN (SELECT doc_id FROM {documents})")


def forget_documents(con, documents: str) -> None:
    """Drop the terms and memberships of the facts of the documents in relation ``documents``."""
    for table in ("event_terms", "event_members"):
        con.execute(f"DELETE FROM {table} WHERE doc_id IN (SELECT doc_id FROM {documents})")


def add_facts(con, facts: pd.DataFrame, documents: str) -> None:
    """After ``facts`` (of the documents in ``documents``) went in: store their terms and
    re-cluster every block they or the facts they replaced are in."""
    if len(facts):
        con.register("new_event_terms", terms_table(facts))
        con.execute("INSERT INTO event_terms SELECT * FROM new_event_terms")
        con.unregister("new_event_terms")
    con.execute(f"INSERT INTO touched SELECT DISTINCT block FROM ({_blocks_sql()}) WHERE doc_id IN (SELECT doc_id FROM {documents})")
    refresh(con)


def rebuild(con, matching: Matching = MATCHING) -> None:
    """Terms and events of every stored fact from scratch (a store written before events, or
    after the matching changed)."""
    ensure_tables(con)
    con.execute("DELETE FROM event_terms")
    facts = con.sql('SELECT fact_id, doc_id, label, sentence, actors, actor_kinds, lang FROM facts').to_df()
    if len(facts):
        con.register("all_event_terms", terms_table(facts))
        con.execute("INSERT INTO event_terms SELECT * FROM all_event_terms")
        con.unregister("all_event_terms")
    recluster(con, matching)


def recluster(con, matching: Matching = MATCHING) -> None:
    """Events of every stored fact from its stored terms (the matching changed; or to time the
    clustering alone: the terms are each fact's own and were stored when it was written)."""
    con.execute("CREATE OR REPLACE TEMP TABLE touched (block VARCHAR)")
    con.execute(f"INSERT INTO touched SELECT DISTINCT block FROM ({_blocks_sql()})")
    con.execute("DELETE FROM event_members")
    refresh(con, matching, everything=True)


def refresh(con, matching: Matching = MATCHING, everything: bool = False) -> None:
    """Re-cluster the facts in the blocks of temp table ``touched`` (and the blocks those facts
    reach, for intervals over several days); facts without a place on the axis are events alone."""
    blocks = _blocks_sql()
    con.execute(f"CREATE OR REPLACE TEMP TABLE fact_blocks AS SELECT * FROM ({blocks}) WHERE block IN (SELECT block FROM touched)")
    for _ in range(3):  # blocks reached through facts spanning several days
        grown = con.execute(f"""INSERT INTO fact_blocks SELECT * FROM ({blocks}) b
            WHERE b.fact_id IN (SELECT fact_id FROM fact_blocks) AND b.block NOT IN (SELECT block FROM fact_blocks)""").fetchall()
        if not grown or not grown[0][0]:
            break
    facts = con.execute("SELECT DISTINCT fact_id, doc_id FROM fact_blocks ORDER BY fact_id").fetchnumpy()
    pairs = con.execute(same_happening_sql(), {"common": COMMON, "word_weight": matching.word_weight,
                                                "threshold": matching.threshold}).fetchnumpy()
    ids = facts["fact_id"]
    index = {fact: i for i, fact in enumerate(ids.tolist())}
    a = np.array([index[x] for x in pairs["a"].tolist()], dtype=np.int64)
    b = np.array([index[x] for x in pairs["b"].tolist()], dtype=np.int64)
    labels = components(len(ids), a, b)
    members = pa.Table.from_pydict({
        "fact_id": ids.tolist(),
        "doc_id": facts["doc_id"].tolist(),
        "event_id": [event_id(x) for x in ids[labels].tolist()],
    })
    if not everything:
        con.execute("DELETE FROM event_members WHERE fact_id IN (SELECT fact_id FROM fact_blocks)")
    con.register("new_members", members)
    con.execute("INSERT INTO event_members SELECT * FROM new_members")
    con.unregister("new_members")
    con.execute("DROP TABLE fact_blocks")
    con.execute("DROP TABLE touched")
    _mark_current(con)


def same_happening_sql() -> str:
    """The pairs (a, b) of facts in ``fact_blocks`` that state the same happening (see
    :class:`dashboard.events.cluster.Matching`): in one block, sharing terms, scoring at least
    ``$threshold`` on ``$word_weight`` * J(words) + (1 - ``$word_weight``) * J(actors), and not
    each naming a person the other does not ("Trump met Stubb", "Trump met Zelensky")."""
    return _PAIRS


_PAIRS = """
WITH ft AS (
    SELECT fb.fact_id, fb.block, unnest(t.terms) AS term FROM fact_blocks fb JOIN event_terms t USING (fact_id)
), sizes AS (
    SELECT fact_id, block, count(*) FILTER (WHERE NOT starts_with(term, '@')) AS nw,
           count(*) FILTER (WHERE starts_with(term, '@')) AS na,
           count(*) FILTER (WHERE starts_with(term, '@@')) AS np
    FROM ft GROUP BY ALL
), informative AS (
    SELECT ft.* FROM ft
    JOIN (SELECT block, term, count(*) AS df FROM ft GROUP BY ALL) d USING (block, term)
    WHERE d.df BETWEEN 2 AND $common
), pairs AS (
    SELECT x.fact_id AS a, y.fact_id AS b, x.block,
           count(*) FILTER (WHERE NOT starts_with(x.term, '@')) AS sw,
           count(*) FILTER (WHERE starts_with(x.term, '@')) AS sa,
           count(*) FILTER (WHERE starts_with(x.term, '@@')) AS sp
    FROM informative x JOIN informative y ON x.block = y.block AND x.term = y.term AND x.fact_id < y.fact_id
    GROUP BY ALL
), scored AS (
    SELECT p.a, p.b,
           $word_weight * coalesce(p.sw / nullif(s1.nw + s2.nw - p.sw, 0), 0)
           + (1 - $word_weight) * coalesce(p.sa / nullif(s1.na + s2.na - p.sa, 0), 0) AS score,
           s1.np > p.sp AND s2.np > p.sp AS other_people
    FROM pairs p
    JOIN sizes s1 ON s1.fact_id = p.a AND s1.block = p.block
    JOIN sizes s2 ON s2.fact_id = p.b AND s2.block = p.block
)
SELECT DISTINCT a, b FROM scored WHERE score >= $threshold AND NOT other_people
"""


NO_MEMBERS = "(SELECT NULL::VARCHAR AS fact_id, NULL::VARCHAR AS event_id WHERE false)"


def events_sql(source: str, where: str, members: str = "event_members") -> str:
    """EVENT_COLUMNS of the events with a fact of ``source`` passing ``where``, by start.

    One grouping per event gives its representative fact (of the interval most of its facts
    give; then the earliest report), its latest report's status, counts and ordered fact ids:
    ``arg_min`` over a struct of sort keys and ``list_sort`` of structs instead of window
    functions and ordered aggregates, which cost DuckDB a sort per event (a third less time).
    Ties in the fact order fall to the fact id, so the order never depends on the plan.
    """
    return f"""
WITH f AS (
    SELECT s.*, coalesce(m.event_id, 'e' || s.fact_id) AS event_id
    FROM (SELECT * FROM {source}) s LEFT JOIN (SELECT fact_id, event_id FROM {members}) m USING (fact_id)
), ef AS (
    SELECT * FROM f WHERE event_id IN (SELECT event_id FROM f WHERE {where})
), intervals AS (
    SELECT event_id, "start", "end", granularity, count(*) AS n FROM ef GROUP BY ALL
), described AS (
    SELECT ef.event_id,
           arg_min({{'start': ef."start", 'end': ef."end", 'granularity': ef.granularity, 'label': ef.label,
                     'sentence': ef.sentence, 'lang': ef.lang, 'timex_text': ef.timex_text, 'value': ef.value,
                     'dating': ef.dating}},
                   {{'n': -i.n, 'undated': ef.dct IS NULL, 'dct': coalesce(epoch_us(ef.dct), 0),
                     'no_index': ef.sentence_index IS NULL, 'index': coalesce(ef.sentence_index, 0), 'fact': ef.fact_id}}) AS rep,
           arg_min(ef.status, {{'undated': ef.dct IS NULL, 'dct': -coalesce(epoch_us(ef.dct), 0), 'fact': ef.fact_id}}) AS status,
           count(*) AS n_facts, min(ef.dct) AS first_reported, max(ef.dct) AS last_reported,
           list_transform(list_sort(list({{'undated': ef.dct IS NULL, 'dct': ef.dct, 'doc': ef.doc_id, 'at': ef.timex_start, 'fact': ef.fact_id}})),
                          lambda x: x.fact) AS fact_ids
    FROM ef JOIN intervals i ON i.event_id = ef.event_id AND i."start" IS NOT DISTINCT FROM ef."start"
        AND i."end" IS NOT DISTINCT FROM ef."end" AND i.granularity IS NOT DISTINCT FROM ef.granularity
    GROUP BY ef.event_id
), named AS (
    SELECT event_id, actor, arg_max(kind, n) AS kind, sum(n) AS n FROM (
        SELECT event_id, actor, kind, count(*) AS n FROM (
            SELECT event_id, unnest(actors) AS actor, unnest(actor_kinds) AS kind FROM ef
        ) GROUP BY ALL
    ) GROUP BY ALL
), cast_ AS (
    SELECT event_id, list_sort(list({{'n': -n, 'actor': actor, 'kind': kind}})) AS named FROM named GROUP BY ALL
), sources AS (
    SELECT event_id, list_transform(list_sort(list({{'undated': first IS NULL, 'first': first, 'doc': doc_id}})), lambda x: x.doc) AS doc_ids,
           count(*) AS n_documents
    FROM (SELECT event_id, doc_id, min(dct) AS first FROM ef GROUP BY ALL) GROUP BY ALL
)
SELECT d.event_id, d.rep."start" AS "start", d.rep."end" AS "end", d.rep.granularity AS granularity, d.rep.label AS label,
       coalesce(list_transform(c.named, lambda x: x.actor), []) AS actors, coalesce(list_transform(c.named, lambda x: x.kind), []) AS actor_kinds,
       d.status, d.n_facts, s.n_documents, d.first_reported, d.last_reported, d.fact_ids, s.doc_ids,
       d.rep.sentence AS sentence, d.rep.lang AS lang, d.rep.timex_text AS timex_text, d.rep.value AS value, d.rep.dating AS dating
FROM described d
JOIN sources s ON s.event_id = d.event_id
LEFT JOIN cast_ c ON c.event_id = d.event_id
ORDER BY d.rep."start" NULLS LAST, d.first_reported NULLS LAST, d.event_id
"""
