"""Which facts state the same happening: pairs that pass :func:`same_happening`, and their
connected components.

The store proposes candidate pairs (facts at the same granularity whose intervals are the same or
nested, sharing at least one term; see :mod:`dashboard.store.events`) with their shared word and
actor counts; this module decides and groups. Pure functions over numpy arrays, so 100,000 facts
take a fraction of a second here.
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
    event when the score reaches ``threshold``. Chosen on pairs annotated by hand (README,
    "Events"): see ``fact-timeline eval --event-pairs``.
    """

    word_weight: float = 0.6
    threshold: float = 0.35


MATCHING = Matching()


def pair_scores(shared_words, words_a, words_b, shared_actors, actors_a, actors_b, matching: Matching = MATCHING) -> np.ndarray:
    """The score of each candidate pair (arrays of counts, one entry per pair)."""
    shared_words, shared_actors = np.asarray(shared_words, float), np.asarray(shared_actors, float)
    word_union = np.asarray(words_a, float) + np.asarray(words_b, float) - shared_words
    actor_union = np.asarray(actors_a, float) + np.asarray(actors_b, float) - shared_actors
    j_words = np.divide(shared_words, word_union, out=np.zeros_like(shared_words), where=word_union > 0)
    j_actors = np.divide(shared_actors, actor_union, out=np.zeros_like(shared_actors), where=actor_union > 0)
    return matching.word_weight * j_words + (1 - matching.word_weight) * j_actors


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


def same_happening(pairs: dict[str, np.ndarray], matching: Matching = MATCHING) -> np.ndarray:
    """Which candidate pairs are one event. ``pairs`` holds, per pair, the shared and own counts
    of words (``sw``, ``wa``, ``wb``), actors (``sa``, ``aa``, ``ab``) and people (``sp``,
    ``pa``, ``pb``). Two facts that each name a person the other does not ("Trump met Stubb",
    "Trump met Zelensky") are two meetings, however alike their words."""
    scores = pair_scores(pairs["sw"], pairs["wa"], pairs["wb"], pairs["sa"], pairs["aa"], pairs["ab"], matching)
    shared_people = np.asarray(pairs["sp"], float)
    other_people = (np.asarray(pairs["pa"], float) > shared_people) & (np.asarray(pairs["pb"], float) > shared_people)
    return (scores >= matching.threshold) & ~other_people
