"""Actors of a sentence that names none: ``die Regierung`` is the state, ``sagte er`` the person."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from dashboard.actors.gazetteer import ACTORS_DIR, read_rows
from dashboard.actors.model import Actor, Mention


@lru_cache(maxsize=None)
def _anaphora(lang: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple(
        (row["refers_to"], re.compile(row["pattern"]))
        for _, row in read_rows(ACTORS_DIR / "anaphora.csv")
        if row["lang"] == lang
    )


def resolve_anaphora(sentence: str, lang: str, earlier: Sequence[Mention], only: str = "") -> list[Actor]:
    """Actors of a sentence that names none: ``die Regierung`` is the state, ``sagte er`` the
    person mentioned last before it. Only used where a sentence has no mention of its own, so a
    pronoun never displaces a name. ``only`` limits it to one kind ("person": a sentence that
    names states or organisations but no person may still have a pronoun subject)."""
    actors: list[Actor] = []
    for refers_to, pattern in _anaphora(lang):
        if (only and refers_to != only) or not pattern.search(sentence):
            continue
        kinds = ("person",) if refers_to == "person" else ("state",)
        last = next((m.actor for m in reversed(earlier) if m.actor.kind in kinds), None)
        if last is not None and last not in actors:
            actors.append(last)
    return actors

