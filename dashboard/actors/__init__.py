"""Actors: the people, organisations, companies, parties and states a text names, each under one
canonical English name.

Public surface (everything else is internal):

- :class:`Actor` (name, kind, wikidata, country, role), :class:`Mention` (where and how it is named),
  :data:`KINDS`.
- :class:`Gazetteer`, :func:`load_gazetteer` (the shipped lists plus the user's CSV files),
  :func:`default_gazetteer`.
- :func:`recognize` (a document's mentions and its :class:`Place` names, as a :class:`Recognition`),
  :func:`find_actors` (the mentions alone: sorted, never overlapping),
  :func:`resolve_anaphora` (who a sentence without a name is about).
- The statistical recogniser behind them ships in ``data/ner/<lang>/`` (:mod:`dashboard.actors.ner`),
  trained by ``fact-timeline train-ner`` (:mod:`dashboard.actors.training`).

Example::

    from dashboard.actors import find_actors
    for mention in find_actors("Außenminister Marco Rubio traf die NATO.", "de"):
        print(mention.actor.name, mention.actor.kind)   # Marco Rubio person, NATO organisation
"""

from dashboard.actors.anaphora import resolve_anaphora
from dashboard.actors.gazetteer import Gazetteer, default_gazetteer, load_gazetteer
from dashboard.actors.model import KINDS, Actor, Mention
from dashboard.actors.recognize import Place, Recognition, find_actors, recognize

__all__ = ["KINDS", "Actor", "Gazetteer", "Mention", "Place", "Recognition", "default_gazetteer", "find_actors",
           "load_gazetteer", "recognize", "resolve_anaphora"]
