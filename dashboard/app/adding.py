"""Adding articles from the dashboard: uploaded files or pasted text into the store.

Each file is read on its own and a bad one becomes a message, never an exception: the good
files of the same upload still go in, and nothing already stored is touched. An article whose
id is already stored with other content replaces it only once the user says so
(:func:`replacing` finds those first), and the outcome names what was added, what replaced a
stored article and what was stored already.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date

from dashboard.app.page_errors import STORE_ERRORS, store_message
from dashboard.errors import UserError
from dashboard.facts import Document, LoadError, document_from_text, load_bytes
from dashboard.facts.documents import UNDATED
from dashboard.plain import few

UPLOAD_TYPES = ("txt", "md", "html", "htm", "jsonl")


@dataclass
class Added:
    """What one upload did: documents stored (id -> title; ``replaced`` the ids among them that
    replaced a stored article), titles already stored unchanged, the store's summary, the
    problems (what was not stored) and notes (stored, but with something the user should know)."""

    documents: dict[str, str] = field(default_factory=dict)
    summary: str = ""
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)

    def messages(self, escape: Callable[[str], str] = str) -> list[str]:
        """"Added 2 articles: A and B.", "Replaced 1 article: C.", "Already stored, unchanged:
        D." (a handful of titles each, then "and N more"), then the number of facts; ``escape``
        is applied to each title (``plain.md`` for a Markdown element)."""
        added = [title for doc_id, title in self.documents.items() if doc_id not in self.replaced]
        replaced = [self.documents[doc_id] for doc_id in self.replaced if doc_id in self.documents]
        lines = [f"{verb} {_articles(len(titles))}: {few(map(escape, titles))}." for verb, titles in
                 (("Added", added), ("Replaced", replaced)) if titles]
        if self.unchanged:
            lines.append(f"Already stored, unchanged: {few(map(escape, self.unchanged))}.")
        return [*lines, self.summary] if lines and self.documents else lines


def _articles(n: int) -> str:
    return f"{n:,} article" + ("" if n == 1 else "s")


def read_files(files: Iterable[tuple[str, bytes]], dct: date | None, lang: str | None) -> tuple[list[Document], list[str]]:
    """The articles in uploaded files (name, content) and the problems reading them;
    ``dct``/``lang`` override what the files say."""
    docs: list[Document] = []
    problems: list[str] = []
    for name, data in files:
        for item in load_bytes(name, data, dct, lang):
            if isinstance(item, LoadError):
                problems.append(str(item))
            else:
                docs.append(item)
    return docs, problems


def read_text(text: str, title: str, dct: date | None, lang: str | None) -> tuple[list[Document], list[str]]:
    """One pasted article; it needs its publication date to place relative dates."""
    if not text.strip():
        return [], ["pasted text: the text is empty"]
    if dct is None:
        return [], ["pasted text: give the publication date, relative dates are resolved against it"]
    try:
        return [document_from_text(text, dct, lang, title=title.strip())], []
    except UserError as exc:
        return [], [str(exc)]


def replacing(store, docs: Iterable[Document]) -> list[Document]:
    """The documents whose id is stored with other content: storing them replaces what is
    there (and its facts), so the page asks first. Same content is no replacement."""
    known = store.content_hashes()
    return [doc for doc in docs if doc.doc_id in known and known[doc.doc_id] != doc.content_hash]


def add_files(store, files: Iterable[tuple[str, bytes]], dct: date | None, lang: str | None) -> Added:
    """Store the articles in uploaded files (name, content), replacing stored ones of the same id."""
    return store_documents(store, *read_files(files, dct, lang))


def add_text(store, text: str, title: str, dct: date | None, lang: str | None) -> Added:
    """Store one pasted article (replacing a stored one of the same id)."""
    return store_documents(store, *read_text(text, title, dct, lang))


def store_documents(store, docs: list[Document], problems: list[str]) -> Added:
    """Extract and store ``docs``; a store that cannot be written is one problem line."""
    problems = list(problems)
    if not docs:
        return Added(summary="nothing was stored", problems=problems)
    notes = [f"{d.title or d.doc_id}: {UNDATED}; give the date above and upload it again" for d in docs if d.dct is None]
    try:
        report = store.ingest(docs)
    except STORE_ERRORS as exc:
        return Added(summary="nothing was stored", problems=[*problems, store_message(exc, str(store.path))])
    titles = {d.doc_id: d.title or d.doc_id for d in docs}
    stored = {doc_id: titles[doc_id] for doc_id in [*report.added, *report.replaced]}
    problems += [f"{name}: {message}" for name, message in report.failed]
    return Added(documents=stored, summary=f"{report.n_facts:,} facts extracted and stored.", problems=problems,
                 notes=notes, replaced=list(report.replaced), unchanged=[titles.get(d, d) for d in report.unchanged])
