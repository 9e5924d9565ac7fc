"""Events: facts that state the same happening, one headline each, and the key dates of a story.

Public surface:

- :data:`EVENT_COLUMNS`, :func:`events_frame` (the event rows' contract, see :mod:`.schema`).
- :func:`headline` (a sentence and its expression -> a short extractive headline),
  :func:`label_facts` (fills the ``label`` column of fact rows).
- :class:`Matching` (when two facts are one event), :func:`fact_terms`.

Events are computed in the store (:mod:`dashboard.store.events`) and read with
``FactStore.events(flt)``; ``FactStore.event_facts(event_id)`` drills down to an event's facts.

Example::

    from dashboard.store import FactStore, FactFilter
    events = FactStore("facts.duckdb").events(FactFilter(actors=("NATO",)))
    print(events[["start", "label", "n_documents"]])
"""

from dashboard.events.cluster import MATCHING, Matching
from dashboard.events.headline import headline, label_facts
from dashboard.events.schema import EVENT_COLUMNS, events_frame
from dashboard.events.terms import fact_terms

__all__ = ["EVENT_COLUMNS", "MATCHING", "Matching", "events_frame", "fact_terms", "headline", "label_facts"]
