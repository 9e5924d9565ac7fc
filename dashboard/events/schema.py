"""The columns of an event row: the contract between the store, the Timeline, exports and the CLI.

An event is one happening that one or more facts state, in one article or in many. Columns that
an event shares with a fact (``start``, ``label``, ``sentence``, ...) have the fact column's dtype
and come from the event's representative fact; counts are int64, lists are lists of str.
"""

from __future__ import annotations

from dashboard.facts.schema import FACT_COLUMNS

EVENT_COLUMNS: dict[str, str] = {
    "event_id": "str",                   # stable: derived from the event's first fact
    "start": FACT_COLUMNS["start"],      # the interval most of its facts give (half-open)
    "end": FACT_COLUMNS["end"],
    "granularity": FACT_COLUMNS["granularity"],
    "label": FACT_COLUMNS["label"],      # headline of the representative fact
    "actors": "object",                  # list[str]: every actor its facts name, most often first
    "actor_kinds": "object",             # list[str], aligned with actors
    "status": FACT_COLUMNS["status"],    # as the latest report has it (a plan reported done is past)
    "n_facts": "int64",
    "n_documents": "int64",
    "first_reported": "datetime64[us]",  # earliest and latest publication date among its facts
    "last_reported": "datetime64[us]",
    "fact_ids": "object",                # list[str], earliest report first (drill down to the facts)
    "doc_ids": "object",                 # list[str], earliest report first
    "sentence": FACT_COLUMNS["sentence"],  # the representative fact's sentence (for the hover)
    "lang": FACT_COLUMNS["lang"],
    "timex_text": FACT_COLUMNS["timex_text"],
    "value": FACT_COLUMNS["value"],
    "dating": FACT_COLUMNS["dating"],    # "report": statements placed on a publication day
}

EVENT_LIST_COLUMNS = tuple(name for name, dtype in EVENT_COLUMNS.items() if dtype == "object")


def events_frame(rows=None):
    """A DataFrame with exactly EVENT_COLUMNS in their dtypes, from row dicts or a DataFrame."""
    import pandas as pd

    frame = pd.DataFrame(rows if rows is not None else [], columns=list(EVENT_COLUMNS))
    for name in EVENT_LIST_COLUMNS:
        frame[name] = pd.Series([_as_list(v) for v in frame[name]], index=frame.index, dtype=object)
    frame["label"] = frame["label"].where(frame["label"].notna(), "")
    frame["dating"] = frame["dating"].where(frame["dating"].notna(), "expression")
    return frame.astype({k: v for k, v in EVENT_COLUMNS.items() if v != "object"})


def _as_list(value) -> list:
    if hasattr(value, "tolist"):
        return value.tolist()
    return list(value) if isinstance(value, (list, tuple)) else []
