"""A story-sized corpus made at test time: about 800 real-size articles varied from the bundled
samples, deterministically, so the browser tests see a store the size of a real story while CI
needs nothing outside the repository.

Each variant is one of the seven sample articles, published on its own day between 2023 and
2026 (so every relative date moves with it), with a numbered title, a line of its own, and an
outlet of its own; every 40th also names a century, so far-off outliers exist as in real news.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

from dashboard.app.samples import MANIFEST
from dashboard.paths import SAMPLES_DIR

N_ARTICLES = 800
FIRST_DAY = date(2023, 3, 1)
OUTLETS = ("https://www.tagesschau.de", "https://www.spiegel.de", "https://www.reuters.com", "https://apnews.com",
           "https://www.faz.net")
CENTURY = {"de": "Das Bündnis wurde im 20. Jahrhundert gegründet.",
           "en": "The alliance was founded in the 20th century."}
LINE = {"de": "Diese Meldung ist Teil {n} unserer Berichterstattung.",
        "en": "This report is part {n} of our coverage."}


def samples() -> list[dict]:
    records = []
    for line in (SAMPLES_DIR / MANIFEST).read_text(encoding="utf-8").splitlines():
        if line.strip():
            meta = json.loads(line)
            meta["text"] = (SAMPLES_DIR / meta["file"]).read_text(encoding="utf-8")
            records.append(meta)
    return records


def story_records(n: int = N_ARTICLES) -> list[dict]:
    """``n`` JSONL records (doc_id, title, source, dct, lang, text), the same on every run."""
    base = samples()
    out = []
    for i in range(n):
        sample = base[i % len(base)]
        dct = FIRST_DAY + timedelta(days=(i * 37) % (3 * 365))
        lang = sample["lang"]
        text = sample["text"].rstrip("\n") + "\n" + LINE[lang].format(n=i + 1) + "\n"
        if i % 40 == 7:
            text += CENTURY[lang] + "\n"
        outlet = OUTLETS[i % len(OUTLETS)]
        out.append({
            "doc_id": f"{sample['doc_id']}-v{i:03d}",
            "title": f"{sample['title']} ({i + 1})",
            "source": f"{outlet}/story/{i + 1}",
            "dct": dct.isoformat(),
            "lang": lang,
            "text": text,
        })
    return out


def write_story(path: Path, n: int = N_ARTICLES) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in story_records(n)), encoding="utf-8")
    return path
