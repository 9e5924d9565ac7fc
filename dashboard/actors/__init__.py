"""Actors: the people, organisations, companies, parties and states a text names, each under one
canonical English name.

Public surface (everything else is internal):

- :class:`Actor` (name, kind, wikidata, country, role), :class:`Mention` (where and how it is named),
  :data:`KINDS`.
- :class:`Gazetteer`, :func:`load_gazetteer` (the shipped lists plus the user's CSV files),
  :func:`default_gazetteer`.
- :func:`find_actors` (every mention in a document, sorted, never overlapping),
  :func:`resolve_anaphora` (who a sentence without a name is about).

Example::

    from dashboard.actors import find_actors
    for mention in find_actors("Außenminister Marco Rubio traf die NATO.", "de"):
        print(mention.actor.name, mention.actor.kind)   # Marco Rubio person, NATO organisation
"""

from dashboard.actors.anaphora import resolve_anaphora
from dashboard.actors.gazetteer import Gazetteer, default_gazetteer, load_gazetteer
from dashboard.actors.model import KINDS, Actor, Mention
from dashboard.actors.recognize import find_actors

__all__ = ["KINDS", "Actor", "Gazetteer", "Mention", "default_gazetteer", "find_actors", "load_gazetteer", "resolve_anaphora"]
