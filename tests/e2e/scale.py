"""About 800 articles of real size made at test time from the bundled samples, for the browser
tests at the scale of a story: each a sample article with its paragraphs in another order, a
publication date over two years (so its "am Mittwoch" and "im Oktober" land elsewhere), and
now and then a sentence about the distant past, the kind of fact that squeezed a story into a
sliver of the axis. Nothing is copied from elsewhere: the samples ship with the package.
"""

from __future__ import annotations

import json
import random
from datetime import date, timedelta

from dashboard.facts import Document
from dashboard.paths import SAMPLES_DIR

FIRST_DAY = date(2024, 7, 1)
DAYS = 730           # publication dates spread over two years
FAR_OFF = {          # a sentence about the distant past, in one article of twenty
    "de": "Die NATO wurde im Jahr 1949 in Washington gegründet.",
    "en": "NATO was founded in Washington in 1949.",
}


def varied_articles(n: int = 800, seed: int = 12) -> list[Document]:
    rng = random.Random(seed)
    samples = [json.loads(line) for line in (SAMPLES_DIR / "manifest.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    texts = {s["file"]: (SAMPLES_DIR / s["file"]).read_text(encoding="utf-8") for s in samples}
    articles = []
    for i in range(n):
        sample = samples[i % len(samples)]
        lines = [line for line in texts[sample["file"]].splitlines() if line.strip()]
        head, rest = lines[0], lines[1:]
        rng.shuffle(rest)
        if i % 20 == 0:
            rest.append(FAR_OFF[sample["lang"]])
        day = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
        articles.append(Document(
            doc_id=f"scale-{i:04d}", text="\n".join([head, *rest]) + "\n", title=f"{sample['title']} (No. {i})",
            source=f"varied sample {i % 5}", dct=day, lang=sample["lang"],
        ))
    return articles
