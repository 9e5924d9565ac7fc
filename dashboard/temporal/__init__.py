"""Temporal tagging: find temporal expressions and normalise them to TIMEX3, anchored on the DCT.

Public surface: :func:`tag`, :class:`Timex`, :class:`Interval`, :func:`value_interval`.
"""

from dashboard.temporal.engine import tag
from dashboard.temporal.interval import Interval, value_interval
from dashboard.temporal.timex import Timex

__all__ = ["Interval", "Timex", "tag", "value_interval"]
