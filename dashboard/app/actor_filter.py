"""The sidebar's actor filter, grouped by kind: one list each of people, organisations,
companies, parties and states (and "Other actors" for a kind nobody knows).

The filter is still one list of names (``FactFilter.actors``, ``?actor=`` in the URL); the groups
only sort it for the eye. Each run puts the selection back into the groups by the actors'
current kinds, so an actor whose kind the user corrected moves to its new group still selected.
"""

from __future__ import annotations

from collections.abc import Mapping, MutableMapping, Sequence

import streamlit as st

from dashboard.facts.schema import ACTOR_KINDS
from dashboard.plain import neutral

GROUP_LABELS = {"person": "People", "organisation": "Organisations", "company": "Companies",
                "party": "Parties", "state": "States"}
OTHER = "Other actors"
KEY_PREFIX = "filter_actors_"


def group_label(kind: str) -> str:
    """The heading of the sidebar list an actor of ``kind`` is in."""
    return GROUP_LABELS.get(kind, OTHER)


def groups(actors: Mapping[str, str]) -> dict[str, list[str]]:
    """Group label -> actor names (in the given order, most facts first), for kinds present,
    in ACTOR_KINDS order with any others last."""
    found: dict[str, list[str]] = {}
    for name, kind in actors.items():
        found.setdefault(group_label(kind), []).append(name)
    order = [GROUP_LABELS[k] for k in ACTOR_KINDS] + [OTHER]
    return {label: found[label] for label in order if label in found}


def as_kinds(actors: Mapping[str, str] | Sequence[str]) -> dict[str, str]:
    """Names with their kinds; a plain list of names has no kinds (one group)."""
    return dict(actors) if isinstance(actors, Mapping) else dict.fromkeys(actors, "")


def place(state: MutableMapping, selected: Sequence[str], actors: Mapping[str, str]) -> None:
    """Put ``selected`` into the group widgets' state (unknown names dropped); before drawing."""
    wanted, present = set(selected), groups(actors)
    for label, names in present.items():
        state[KEY_PREFIX + label] = [n for n in names if n in wanted]
    for key in [k for k in state if str(k).startswith(KEY_PREFIX) and k[len(KEY_PREFIX):] not in present]:
        del state[key]


def chosen(state: Mapping, actors: Mapping[str, str]) -> list[str]:
    """Every actor selected in any group the last run drew (also one whose actors have all
    changed kind since), in the groups' order, those of groups no longer shown last."""
    labels = list(groups(actors)) + sorted(str(k)[len(KEY_PREFIX):] for k in state if str(k).startswith(KEY_PREFIX))
    return list(dict.fromkeys(name for label in labels for name in state.get(KEY_PREFIX + label, [])))


def draw(actors: Mapping[str, str]) -> None:
    """One multiselect per group; their state is set by :func:`place` first."""
    for label, names in groups(actors).items():
        st.multiselect(label, names, key=KEY_PREFIX + label, placeholder=f"all {label.lower()}",
                       format_func=neutral)  # shown without direction controls, filtered by the stored name
