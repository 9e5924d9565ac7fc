"""Facts: dated statements of news articles as rows of a table.

Public surface (everything else is internal):

- :class:`Document`, :class:`LoadError`, :func:`load_documents` (files, folders, globs of .txt
  with optional front matter, .html, .jsonl; a ``manifest.jsonl`` may name article files),
  :func:`load_bytes` (one upload), :func:`document_from_text` (pasted text).
- :func:`extract_facts` (one document -> DataFrame with :data:`FACT_COLUMNS`),
  :func:`extract_many`, :func:`facts_frame` (an empty or conformed fact table).
- Actor recognition lives in :mod:`dashboard.actors` (``find_actors``, ``load_gazetteer``).
- :func:`split_sentences`, :func:`fact_status`.

Fact rows carry, beyond the contract columns, ``actor_kinds`` (person / organisation / company / party / state)
and ``actor_roles`` ("President, Finland"), both aligned with ``actors``.

Example::

    from dashboard.facts import load_documents, extract_facts, LoadError
    for item in load_documents(["articles/", "more/*.jsonl"], lang="de"):
        if isinstance(item, LoadError):
            print(item)              # "articles/x.txt: binary file ..."
        else:
            facts = extract_facts(item)
"""

from dashboard.facts.documents import (
    LANGUAGES,
    Document,
    LoadError,
    document_from_text,
    load_bytes,
    load_documents,
)
from dashboard.facts.extract import extract_facts, extract_many
from dashboard.facts.schema import FACT_COLUMNS, FACT_TYPES, STATUSES, facts_frame
from dashboard.facts.sentences import split_sentences
from dashboard.facts.status import fact_status

__all__ = [
    "FACT_COLUMNS", "FACT_TYPES", "LANGUAGES", "STATUSES", "Document", "LoadError",
    "document_from_text", "extract_facts", "extract_many", "fact_status", "facts_frame",
    "load_bytes", "load_documents", "split_sentences",
]
