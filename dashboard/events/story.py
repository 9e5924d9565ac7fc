"""Key dates as a story: computed from a store, written as JSON lines, Markdown, CSV or HTML.

Shared by ``fact-timeline summarize`` and the dashboard's Story page, so both tell the same story.
"""

from __future__ import annotations

import csv
import html
import io
import json
from collections.abc import Sequence
from datetime import date

import pandas as pd

from dashboard.plain import md, safe_url
from dashboard.events.keydates import SCORING, KeyDate, Scoring, key_dates
from dashboard.store.filters import FactFilter

FORMATS = ("jsonl", "md", "csv", "html")


def story_dates(store, flt: FactFilter | None, n_dates: int, n_sentences: int = 2,
                scoring: Scoring = SCORING) -> list[KeyDate]:
    """The key dates of the facts of ``store`` passing ``flt`` (its dates bound the days too).

    The publications that count are those of the story: every stored article when only dates
    filter, else the articles with a fact passing the filter.
    """
    flt = flt or FactFilter()
    facts = store.facts(flt)
    documents = store.documents()
    narrowed = any((flt.actors, flt.doc_ids, flt.statuses, flt.types, flt.text))
    if narrowed:
        documents = documents[documents["doc_id"].isin(set(facts["doc_id"]))]
    published = pd.Series(documents["dct"].values, index=documents["doc_id"])
    events = store.events(flt)
    return key_dates(facts, published, n_dates, events, n_sentences, flt.date_from, flt.date_to, scoring)


def documents_by_id(store) -> dict[str, dict[str, str]]:
    """doc_id -> {"title", "source"} for links to the articles."""
    docs = store.documents()
    return {d: {"title": t or d, "source": s or ""} for d, t, s in zip(docs["doc_id"], docs["title"], docs["source"])}


def render(dates: Sequence[KeyDate], fmt: str, documents: dict[str, dict[str, str]] | None = None,
           title: str = "Key dates", link=None) -> bytes:
    """The key dates in ``fmt`` (one of :data:`FORMATS`). ``link(doc_id)`` gives an article's
    address in Markdown and HTML (default: its source when that is a URL)."""
    documents = documents or {}
    link = link or (lambda doc_id: safe_url(documents.get(doc_id, {}).get("source", "")))
    if fmt == "jsonl":
        return "".join(json.dumps(d.to_dict(), ensure_ascii=False) + "\n" for d in dates).encode("utf-8")
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(["date", "score", "sentences", "sources"])
        for d in dates:
            writer.writerow([d.date.isoformat(), round(d.score, 3), _safe(" | ".join(d.sentences)), _safe("; ".join(d.sources))])
        return out.getvalue().encode("utf-8")
    if fmt == "md":
        return _markdown(dates, documents, title, link).encode("utf-8")
    if fmt == "html":
        return _html(dates, documents, title, link).encode("utf-8")
    raise ValueError(f"unknown format {fmt!r} (choose {', '.join(FORMATS)})")


def day_heading(day: date) -> str:
    """"Tuesday, 2 December 2025": a date a reader does not have to decode."""
    return f"{day:%A}, {day.day} {day:%B %Y}"


def _source_title(doc_id: str, documents: dict[str, dict[str, str]]) -> str:
    return documents.get(doc_id, {}).get("title") or doc_id


def _markdown(dates, documents, title, link) -> str:
    lines = [f"# {title}", ""]
    for d in dates:
        lines += [f"## {day_heading(d.date)}", ""]
        lines += [f"- {md(s)}" for s in d.sentences] or ["- (no sentence dates this day; see the articles)"]
        sources = []
        for doc_id in d.sources[:5]:
            name = md(_source_title(doc_id, documents))
            url = link(doc_id)
            sources.append(f"[{name}]({url})" if url else name)
        more = f" and {len(d.sources) - 5} more" if len(d.sources) > 5 else ""
        lines += ["", f"Sources: {', '.join(sources)}{more}", ""]
    return "\n".join(lines).rstrip() + "\n"


_STYLE = """
body { font-family: system-ui, sans-serif; max-width: 46rem; margin: 2rem auto; color: #1f2933; line-height: 1.5; }
h1 { font-size: 1.6rem; }
ol.story { line-height: 1.5; }
ol.story { list-style: none; padding: 0; border-left: 3px solid #3e6fb0; }
ol.story > li { position: relative; padding: 0 0 1.4rem 1.4rem; }
ol.story > li::before { content: ""; position: absolute; left: -0.55rem; top: 0.35rem; width: 0.8rem; height: 0.8rem;
  border-radius: 50%; background: #3e6fb0; }
time { font-weight: 600; display: block; }
.sources { font-size: 0.85rem; color: #52606d; }
"""


def _html(dates, documents, title, link) -> str:
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
            f"</head><body><h1>{html.escape(title)}</h1>{story_fragment(dates, documents, link)}</body></html>\n")


def story_fragment(dates: Sequence[KeyDate], documents: dict[str, dict[str, str]], link) -> str:
    """The key dates as a vertical timeline: a styled HTML list (the Story page shows this)."""
    items = []
    for d in dates:
        sentences = "".join(f"<p>{html.escape(s)}</p>" for s in d.sentences)
        sources = []
        for doc_id in d.sources[:5]:
            name = html.escape(_source_title(doc_id, documents))
            url = link(doc_id)
            sources.append(f'<a href="{html.escape(url, quote=True)}">{name}</a>' if url else name)
        more = f" and {len(d.sources) - 5} more" if len(d.sources) > 5 else ""
        items.append(f'<li><time datetime="{d.date.isoformat()}">{html.escape(day_heading(d.date))}</time>{sentences}'
                     f'<div class="sources">Sources: {", ".join(sources)}{more}</div></li>')
    return f'<style>{_STYLE}</style><ol class="story">{"".join(items)}</ol>'


def _safe(value: str) -> str:
    from dashboard.facts.output import csv_safe

    return csv_safe(value)
