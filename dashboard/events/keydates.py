"""Key dates of a story: the days its articles say mattered, each with the sentences that say what
happened and the articles that say it.

A day's score is what the articles say about it, not how many were published on it:

- every article that points at the day with a dated statement ("on Wednesday", "am 3. Dezember")
  adds ``decay ** lag``, where ``lag`` is how many days after the day it was published (an article
  written the next day about it counts nearly fully, one a month later hardly), once per article;
- a pointer in the article's headline or lead (its first :data:`LEAD` sentences) counts
  ``1 + lead_bonus`` times;
- the day's own publications add ``burst`` each (a burst of reports is a sign, not the whole story).

Statements dated by their report (``dating == "report"``) point at no day. Few parameters, tuned
by leaving one Timeline17 story out at a time (README, "Key dates").
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

LEAD = 2


@dataclass(frozen=True)
class Scoring:
    """The four weights of a day's score. Chosen on the five Timeline17 development stories
    (grid search, leave-one-story-out; README "Key dates"): an article looking back a month
    counts as much as one of the next day (``decay`` 1.0), a look ahead counts 0.3, a pointer in
    the lead counts no extra (more weight made the long Michael Jackson story worse), and each
    article of the day adds 0.2."""

    decay: float = 1.0        # per day between the day and the article about it
    future: float = 0.3       # weight of an article pointing at a day still to come
    lead_bonus: float = 0.0   # extra weight of a pointer in the headline or the lead
    burst: float = 0.2        # weight of each article published on the day itself


SCORING = Scoring()


@dataclass(frozen=True)
class KeyDate:
    date: date
    score: float
    sentences: list[str]
    sources: list[str]

    def to_dict(self) -> dict:
        return {"date": self.date.isoformat(), "sentences": self.sentences, "sources": self.sources,
                "score": round(self.score, 3)}


def pointers(facts: pd.DataFrame) -> pd.DataFrame:
    """One row per dated statement pointing at a single day: ``day``, ``doc_id``, ``lag`` (days
    from the day to the article's publication, negative for a day still to come) and ``lead``
    (the statement is in the headline or lead). What a scoring weighs; computed once per story."""
    dated = facts[(facts["granularity"] == "day") & facts["start"].notna() & facts["dct"].notna()
                  & (facts["dating"] != "report")]
    dated = dated[dated["end"] - dated["start"] <= pd.Timedelta(days=1)]
    day = dated["start"].dt.normalize()
    return pd.DataFrame({
        "day": day.to_numpy(),
        "doc_id": dated["doc_id"].to_numpy(),
        "lag": (dated["dct"].dt.normalize() - day).dt.days.to_numpy(),
        "lead": (dated["sentence_index"] < LEAD).to_numpy(),
    })


def publications(published: pd.Series) -> pd.Series:
    """How many articles were published on each day (index: normalised Timestamps)."""
    return pd.to_datetime(published.dropna()).dt.normalize().value_counts()


def article_weights(points: pd.DataFrame, scoring: Scoring = SCORING) -> pd.DataFrame:
    """The weight of each article for each day it points at (its strongest pointer):
    columns ``day``, ``doc_id``, ``weight``."""
    lag = points["lag"].to_numpy()
    weight = np.where(lag >= 0, scoring.decay ** np.abs(lag), scoring.future * scoring.decay ** np.abs(lag))
    weight = weight * np.where(points["lead"].to_numpy(), 1 + scoring.lead_bonus, 1.0)
    frame = pd.DataFrame({"day": points["day"].to_numpy(), "doc_id": points["doc_id"].to_numpy(), "weight": weight})
    return frame.groupby(["day", "doc_id"], sort=False, as_index=False)["weight"].max()


def day_totals(weights: pd.DataFrame, per_day: pd.Series, scoring: Scoring = SCORING) -> pd.Series:
    """Each day's score: the weights of the articles pointing at it plus ``burst`` per article
    published on it (index: normalised Timestamps)."""
    pointed = weights.groupby("day", sort=False)["weight"].sum()
    return pointed.add(scoring.burst * per_day.astype(float), fill_value=0.0)


def best_days(totals: pd.Series, n_dates: int, date_from: date | None = None, date_to: date | None = None) -> list[pd.Timestamp]:
    """The ``n_dates`` best days between the bounds (inclusive), ties to the earlier day."""
    if date_from is not None:
        totals = totals[totals.index >= pd.Timestamp(date_from)]
    if date_to is not None:
        totals = totals[totals.index <= pd.Timestamp(date_to)]
    frame = pd.DataFrame({"day": totals.index, "score": totals.to_numpy()})
    return frame.sort_values(["score", "day"], ascending=[False, True], kind="stable")["day"].head(max(0, n_dates)).tolist()


def day_scores(facts: pd.DataFrame, published: pd.Series, scoring: Scoring = SCORING) -> dict[date, tuple[float, dict[str, float]]]:
    """Score of every day pointed at (or published on), with the weight of each article for it.

    ``facts`` are FACT_COLUMNS rows; ``published`` the publication day of every article of the
    story (one entry per article, index doc_id).
    """
    weights = article_weights(pointers(facts), scoring)
    totals = day_totals(weights, publications(published), scoring)
    by_day: dict[date, dict[str, float]] = defaultdict(dict)
    for day, doc_id, weight in zip(weights["day"], weights["doc_id"], weights["weight"]):
        by_day[day.date()][doc_id] = float(weight)
    return {day.date(): (float(score), by_day.get(day.date(), {})) for day, score in totals.items()}


def key_dates(
    facts: pd.DataFrame,
    published: pd.Series,
    n_dates: int,
    events: pd.DataFrame | None = None,
    n_sentences: int = 2,
    date_from: date | None = None,
    date_to: date | None = None,
    scoring: Scoring = SCORING,
) -> list[KeyDate]:
    """The ``n_dates`` best days between ``date_from`` and ``date_to`` (inclusive), in date order.

    Each day's sentences are those of its events (EVENT_COLUMNS, when given; else its facts) that
    the most articles report, one per event; its sources are the articles pointing at it, the
    strongest first (the day's own publications where none points at it).
    """
    scores = day_scores(facts, published, scoring)
    days = [d for d in scores if (date_from is None or d >= date_from) and (date_to is None or d <= date_to)]
    best = sorted(days, key=lambda d: (-scores[d][0], d))[:max(0, n_dates)]
    out = []
    for day in sorted(best):
        score, weights = scores[day]
        sources = sorted(weights, key=lambda doc: (-weights[doc], doc))
        if not sources:
            on_day = published[published.map(lambda d: (d.date() if hasattr(d, "date") else d) == day)]
            sources = sorted(on_day.index.tolist())
        out.append(KeyDate(day, score, _sentences(day, facts, events, n_sentences, weights), sources))
    return out


def _sentences(day: date, facts: pd.DataFrame, events: pd.DataFrame | None, k: int, weights: dict[str, float]) -> list[str]:
    """The ``k`` sentences that best say what happened on ``day``: one per event, the events most
    articles report first (then the earliest reported)."""
    start = pd.Timestamp(day)
    if events is not None and len(events):
        on_day = events[(events["start"] <= start) & (events["end"] > start) & (events["granularity"] == "day")
                        & (events["dating"] != "report")]
        ranked = on_day.assign(weight=on_day["doc_ids"].map(lambda ids: sum(weights.get(d, 0.0) for d in ids)))
        ranked = ranked.sort_values(["weight", "n_documents", "first_reported"], ascending=[False, False, True])
        return _distinct(ranked["sentence"].tolist(), k)
    on_day = facts[(facts["start"] == start) & (facts["granularity"] == "day") & (facts["dating"] != "report")]
    ranked = on_day.assign(weight=on_day["doc_id"].map(lambda d: weights.get(d, 0.0))).sort_values(
        ["weight", "sentence_index"], ascending=[False, True])
    return _distinct(ranked["sentence"].tolist(), k)


def _distinct(sentences: list[str], k: int) -> list[str]:
    seen: list[str] = []
    for sentence in sentences:
        text = " ".join(sentence.split())
        if text and text not in seen:
            seen.append(text)
        if len(seen) == k:
            break
    return seen


def publication_baseline(published: pd.Series, n_dates: int, date_from: date | None = None, date_to: date | None = None) -> list[date]:
    """The ``n_dates`` days with the most publications (the baseline of Timeline17 papers)."""
    days = published.dropna().map(lambda d: d.date() if hasattr(d, "date") else d)
    days = days[[(date_from is None or d >= date_from) and (date_to is None or d <= date_to) for d in days]]
    counts = days.value_counts()
    return sorted(sorted(counts.index, key=lambda d: (-counts[d], d))[:n_dates])


def date_f1(predicted, gold) -> float:
    """Date-selection F1 of two sets of days."""
    predicted, gold = set(predicted), set(gold)
    if not predicted or not gold:
        return 0.0
    hits = len(predicted & gold)
    if not hits:
        return 0.0
    precision, recall = hits / len(predicted), hits / len(gold)
    return 2 * precision * recall / (precision + recall)
