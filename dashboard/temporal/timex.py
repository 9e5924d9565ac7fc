"""The record the tagger produces: one TIMEX3 expression with its place in the text."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from dashboard.temporal.interval import Interval, value_interval

TYPES = ("DATE", "TIME", "DURATION", "SET")


@dataclass(frozen=True, slots=True)
class Timex:
    """A temporal expression: ``text == document[start:end]``, normalised as TIMEX3.

    ``anchor`` is the reference date the value was resolved against (the DCT); it places
    ``PRESENT_REF`` on the axis. ``rule`` names the resource rule that matched, for error analysis.
    ``event`` is the id of a named event from the knowledge base (``data/temporal/events.toml``)
    when the expression names one ("the Washington 2024 summit"); its interval is then the
    event's real dates. ``implied`` is the date a duration points at from the publication date:
    TIMEX3 (and the German gold standard) calls "vor zwei Jahren" the duration P2Y, yet the
    statement happened in 2023, and a timeline needs that.
    """

    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None = None
    rule: str = field(default="", compare=False)
    anchor: date | None = field(default=None, compare=False, repr=False)
    event: str = field(default="", compare=False)
    implied: str = field(default="", compare=False)

    def interval(self) -> Interval | None:
        """The half-open ``[start, end)`` interval of a DATE or TIME, ``None`` where there is none."""
        if self.type not in ("DATE", "TIME"):
            return value_interval(self.implied, None, self.anchor) if self.implied else None
        if self.event:
            from dashboard.temporal.events import event_interval

            if (interval := event_interval(self.event)) is not None:
                return interval
        return value_interval(self.value, self.mod, self.anchor)

    @property
    def dated(self) -> bool:
        """Whether the expression places a statement on the time axis (a fact of its own)."""
        return self.type in ("DATE", "TIME") or bool(self.implied)

    def to_dict(self) -> dict[str, object]:
        """The JSONL form used by ``fact-timeline tag`` and the gold corpora (``implied`` only
        where there is one)."""
        out: dict[str, object] = {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "type": self.type,
            "value": self.value,
            "mod": self.mod,
        }
        if self.implied:
            out["implied"] = self.implied
        return out
