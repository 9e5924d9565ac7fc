"""Which facts state the same happening: the rule's parameters, and the connected components of
the pairs that pass it.

The store scores candidate pairs in DuckDB (facts at the same granularity whose intervals are the
same or nested, sharing a term; :func:`dashboard.store.events.same_happening_sql`); this module
groups the pairs that pass, in numpy, so 100,000 facts take a fraction of a second here.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Matching:
    """When two facts in one block (same granularity, same or nested interval) are one event.

    ``score = word_weight * J(words) + (1 - word_weight) * J(actors)`` with J the Jaccard
    similarity of the two facts' headline words and of their actors (a side without actors
    counts as no evidence: the word similarity alone, scaled by ``word_weight``). A pair is one
    event when the score reaches ``threshold``, unless each names a person the other does not.

    Measured on 85 pairs of facts of three Timeline17 development stories, same day, different
    articles, annotated by hand (``data/events/pairs.timeline17-dev.jsonl``, fact IDs only):
    threshold 0.3 gives precision 0.71 and recall 0.60 (0.35: 0.73 / 0.39; 0.45: 1.00 / 0.30).
    """

    word_weight: float = 0.6
    threshold: float = 0.3


MATCHING = Matching()


def components(n: int, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """The component of each of ``n`` nodes (the smallest node index in it), edges ``a``-``b``."""
    labels = np.arange(n)
    a, b = np.asarray(a, dtype=np.int64), np.asarray(b, dtype=np.int64)
    if not len(a):
        return labels
    while True:
        low = np.minimum(labels[a], labels[b])
        before = labels.copy()
        np.minimum.at(labels, a, low)
        np.minimum.at(labels, b, low)
        labels = labels[labels]  # pointer jumping: follow each label to its own label
        if np.array_equal(labels, before):
            return labels

