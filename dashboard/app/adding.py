"""Adding articles from the dashboard: uploaded files or pasted text into the store.

Each file is read on its own and a bad one becomes a message, never an exception: the good
files of the same upload still go in, and nothing already stored is touched.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from dashboard.errors import UserError
from dashboard.facts import Document, LoadError, document_from_text, load_bytes
from dashboard.facts.documents import UNDATED

UPLOAD_TYPES = ("txt", "md", "html", "htm", "jsonl")


@dataclass
class Added:
    """What one upload did: documents stored (id -> title), the store's summary, the problems
    (what was not stored) and notes (stored, but with something the user should know)."""

    documents: dict[str, str] = field(default_factory=dict)
    summary: str = ""
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def add_files(store, files: Iterable[tuple[str, bytes]], dct: date | None, lang: str | None) -> Added:
    """Store the articles in uploaded files (name, content); ``dct``/``lang`` override metadata."""
    docs: list[Document] = []
    problems: list[str] = []
    for name, data in files:
        for item in load_bytes(name, data, dct, lang):
            if isinstance(item, LoadError):
                problems.append(str(item))
            else:
                docs.append(item)
    return _store(store, docs, problems)


def add_text(store, text: str, title: str, dct: date | None, lang: str | None) -> Added:
    """Store one pasted article; it needs its publication date to place relative dates."""
    if not text.strip():
        return Added(problems=["pasted text: the text is empty"])
    if dct is None:
        return Added(problems=["pasted text: give the publication date, relative dates are resolved against it"])
    try:
        doc = document_from_text(text, dct, lang, title=title.strip())
    except UserError as exc:
        return Added(problems=[str(exc)])
    return _store(store, [doc], [])


def _store(store, docs: list[Document], problems: list[str]) -> Added:
    if not docs:
        return Added(summary="nothing was stored", problems=problems)
    notes = [f"{d.title or d.doc_id}: {UNDATED}; give the date above and upload it again" for d in docs if d.dct is None]
    report = store.ingest(docs)
    titles = {d.doc_id: d.title or d.doc_id for d in docs}
    stored = {doc_id: titles[doc_id] for doc_id in [*report.added, *report.replaced]}
    problems += [f"{name}: {message}" for name, message in report.failed]
    summary = f"{report.n_facts} facts extracted and stored."
    if report.unchanged:
        summary += f" Already stored, unchanged: {', '.join(titles.get(d, d) for d in report.unchanged)}."
    return Added(documents=stored, summary=summary, problems=problems, notes=notes)
