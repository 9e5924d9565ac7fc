"""The columns of a fact row: the contract between extraction, the store, charts and exports.

One row per DATE or TIME expression. Durations and sets of the same sentence are kept on that
row (``durations``) rather than becoming rows of their own: they do not sit on the time axis.
"""

from __future__ import annotations

# column -> pandas dtype of the DataFrame returned by extraction and by the store's queries
FACT_COLUMNS: dict[str, str] = {
    "fact_id": "str",            # stable hash of doc_id, timex_start, timex_end
    "doc_id": "str",
    "title": "str",
    "source": "str",             # file path or URL the document came from
    "dct": "datetime64[us]",     # publication date (document creation time)
    "dct_inferred": "bool",      # True where the DCT was inferred from the text, not given
    "lang": "str",
    "sentence_index": "int64",
    "sentence_start": "int64",   # character offsets of the sentence in the document text
    "sentence_end": "int64",
    "sentence": "str",
    "timex_text": "str",
    "timex_start": "int64",      # character offsets of the expression in the document text
    "timex_end": "int64",
    "type": "str",               # DATE or TIME
    "value": "str",              # TIMEX3 value, e.g. 2025-10, 2026, PRESENT_REF
    "mod": "str",                # TIMEX3 mod (START, MID, END, APPROX, ...) or missing
    "start": "datetime64[us]",   # half-open interval [start, end); missing where the value has none
    "end": "datetime64[us]",
    "granularity": "str",        # day, week, month, quarter, year, ...
    "actors": "object",          # list[str] of canonical names
    "actor_ids": "object",       # list[str] of Wikidata IDs ("" where unknown), aligned with actors
    "actor_kinds": "object",     # list[str] person / organisation / company / party / state, aligned
    "actor_roles": "object",     # list[str] "role, country" of people ("" where unknown), aligned
    "actor_forms": "object",     # list[str] the words of the sentence naming each actor ("Ruttes",
                                 # "der Außenminister"; "" where a pronoun was resolved), aligned
    "status": "str",             # past, ongoing, future
    "event": "str",              # named event when resolved (e.g. "NATO summit 2024 (Washington)")
    "durations": "object",       # list[str] "text=value" of DURATION/SET expressions in the sentence
    "places": "object",          # list[str] cities and regions named that do not stand for a state
    "dating": "str",             # where the time comes from: one of DATINGS
    "label": "str",              # short headline of the statement for a bar ("" until labelled)
}

# "expression": the sentence's own DATE/TIME expression; "continued": a sentence without one that
# continues a dated sentence ("stattdessen", same subject and tense) and takes its time; "report":
# a sentence without one, placed on its article's publication date (a report date, not an event).
DATINGS = ("expression", "continued", "report")

# What a column holds where a row (or a store written by an older version) has nothing for it.
COLUMN_DEFAULTS: dict[str, object] = {"places": [], "dating": "expression", "label": "", "actor_forms": []}

# The list columns aligned with ``actors`` (one entry per actor): whatever drops or merges an actor
# of a row (the user's actor corrections) keeps all of them aligned.
ACTOR_COLUMNS = ("actors", "actor_ids", "actor_kinds", "actor_roles", "actor_forms")
# Actor kinds, in the order the dashboard groups them.
ACTOR_KINDS = ("person", "organisation", "company", "party", "state")

STATUSES = ("past", "ongoing", "future")
FACT_TYPES = ("DATE", "TIME")

LIST_COLUMNS = tuple(name for name, dtype in FACT_COLUMNS.items() if dtype == "object")


def facts_frame(rows=None):
    """A DataFrame with exactly FACT_COLUMNS in their dtypes, from row dicts or a DataFrame.

    Every producer of fact rows (extraction, the store) goes through here, so consumers can rely
    on the columns and dtypes whatever the rows are: list columns hold lists, never missing.
    """
    import pandas as pd

    frame = pd.DataFrame(rows if rows is not None else [], columns=list(FACT_COLUMNS))
    for name, default in COLUMN_DEFAULTS.items():
        if not isinstance(default, list):
            frame[name] = frame[name].where(frame[name].notna(), default)
    for name in LIST_COLUMNS:
        frame[name] = pd.Series([_as_list(v) for v in frame[name]], index=frame.index, dtype=object)
    return frame.astype({k: v for k, v in FACT_COLUMNS.items() if v != "object"})


def _as_list(value) -> list:
    if hasattr(value, "tolist"):  # numpy arrays, as DuckDB returns LIST columns
        return value.tolist()
    return list(value) if isinstance(value, (list, tuple)) else []
