"""From a rule match to a TIMEX3 value: fill the rule's template or resolve its date fields.

A rule either gives a ``value`` template (``P{num}Y``, ``PRESENT_REF``, ``XXXX-WXX-{weekday}``)
or ``date`` fields (``year``, ``month``, ``day``, ``weekday``, ``shift``/``by``, ...). Fields the
text left open are filled from the anchor: the publication date, or for expressions that point
back in the text ("zwei Tage später") the last date mentioned. Where the year or the week is
open, the tense of the sentence decides between the last and the next one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from dashboard.temporal import calendar

_FIELD = re.compile(r"\{([a-z_][a-z0-9_]*(?:\.\d)?(?:\|[A-Za-z0-9_.+-]*)*)\}")
_DURATION_UNITS = {  # unit code -> (TIMEX3 designator, is a time unit)
    "Y": ("Y", False), "M": ("M", False), "W": ("W", False), "D": ("D", False), "DE": ("DE", False),
    "CE": ("CE", False), "Q": ("Q", False), "H": ("H", True), "MIN": ("M", True), "S": ("S", True),
    "L": ("L", False),  # millennia: "seit Jahrtausenden" is PXL
    "SP": ("SP", False), "SU": ("SU", False), "FA": ("FA", False), "WI": ("WI", False),  # "den Sommer über": P1SU
}
NARRATED_NEAR = 120  # characters: a story told of a past year goes on into the next sentence
NEAR_DAY = 100  # characters within which a time of day belongs to the day named before it
# The granularities an anaphor of a unit can take its date from: "that day" a day, "that month" a
# day or a month, "that year" anything within one.
FINER_OR_EQUAL = {
    "day": ("day",), "week": ("day", "week"), "month": ("day", "week", "month"),
    "quarter": ("day", "week", "month", "quarter"), "half": ("day", "week", "month", "quarter", "half"),
    "year": ("day", "week", "month", "season", "quarter", "half", "year"),
}
UNIT_GRANULARITY = {"Y": "year", "M": "month", "W": "week", "D": "day", "Q": "quarter", "DE": "decade",
                    "CE": "century", "HY": "half", "SE": "season"}


@dataclass
class Context:
    """What the normaliser knows beyond the match: anchor date and the dates mentioned so far."""

    dct: date | None
    last: date | None = None  # the date last mentioned (day, month start, quarter start ...)
    last_gran: str = ""
    narrative: bool = False  # resolve open fields against the last mention rather than the DCT
    year2_pivot: int = 2040
    same_weekday_back: bool = False  # a past clause's weekday equal to the DCT's is a week back
    by_gran: dict[str, tuple[int, date]] = field(default_factory=dict)  # granularity -> (order, date)
    seen: int = 0
    here: int = 0  # where the expression being resolved starts
    last_at: int = -10**9  # where the last remembered mention ended
    last_named: bool = False  # whether the last mention named its year ("Juni 1978", not "Juni")

    def reference(self, prefer_last: bool = False) -> date | None:
        if (prefer_last or self.narrative) and self.last is not None:
            return self.last
        return self.dct if self.dct is not None else self.last

    def remember(self, day: date, gran: str, at: int = 0, named: bool = False) -> None:
        self.last, self.last_gran, self.last_at, self.last_named = day, gran, at, named
        self.seen += 1
        self.by_gran[gran] = (self.seen, day)

    def last_of(self, grans: str) -> tuple[date, str] | None:
        """The latest mention of one of the granularities ("quarter,half"); all when empty."""
        if not grans:
            return (self.last, self.last_gran) if self.last is not None else None
        found = [(order, day, gran) for gran in grans.split(",") if (hit := self.by_gran.get(gran))
                 for order, day in [hit]]
        if not found:
            return None
        _, day, gran = max(found)
        return day, gran


_LITERAL = re.compile(r"[+-]?\d+|[A-Z_]+|")


def _pick(choices: str, values: dict[str, str]) -> str | None:
    """``{a|b|0}``: the first capture present, else a literal alternative (digits, CAPS or empty).

    ``{a.1}`` is the second word of a value that packs two ("SU END": season and mod).
    """
    for choice in choices.split("|"):
        name, _, index = choice.partition(".")
        if index and name in values:
            words = values[name].split()
            return words[int(index)] if int(index) < len(words) else None
        if choice in values:
            return values[choice]
        if _LITERAL.fullmatch(choice):
            return choice
    return None


def fill(template: str, values: dict[str, str]) -> str | None:
    """Substitute ``{alias}`` references; ``None`` when the template is only a missing reference.

    ``{a|b}`` takes the first of several captures present and may end in a literal default
    (``{rel|0}``, ``{place|}``); a missing capture inside a longer template becomes ``X``.
    """
    refs = _FIELD.findall(template)
    if len(refs) == 1 and template == "{" + refs[0] + "}":
        return _pick(refs[0], values)
    return _FIELD.sub(lambda m: (lambda v: "X" if v is None else v)(_pick(m.group(1), values)), template)


# unit code -> (next smaller unit code, how many of them make one): P2.5Y is P2Y6M
_SMALLER = {"CE": ("Y", 100), "DE": ("Y", 10), "Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("H", 24), "H": ("MIN", 60), "MIN": ("S", 60)}


def _spell(amount: float, code: str) -> str:
    """An amount of a unit, with a fraction spelled in the next smaller unit where it comes out whole."""
    whole = int(amount)
    if amount == whole:
        return f"{whole}{code}"
    if code in _SMALLER:
        smaller, per = _SMALLER[code]
        rest = round((amount - whole) * per, 6)
        if rest == int(rest):
            head = f"{whole}{code}" if whole else ""
            return head + _spell(rest, smaller)
    return f"{amount:g}{code}"


def duration(amount: str, unit: str) -> str:
    """``P{amount}{unit}`` with TIMEX3 spelling: time units after ``T``, unit multipliers applied.

    Units may carry a multiplier (``10Y`` for "decade" in English TimeBank style, ``14D`` for
    "fortnight"); an amount of ``X`` stays vague.
    """
    m = re.fullmatch(r"(\d*)([A-Z]+)", unit)
    if not m or m.group(2) not in _DURATION_UNITS:
        return f"P{amount}{unit}"
    factor, code = m.groups()
    designator, is_time = _DURATION_UNITS[code]
    if factor and amount != "X":
        try:
            number = float(amount) * int(factor)
            amount = str(int(number)) if number.is_integer() else str(number)
        except ValueError:
            pass
    elif factor and amount == "X":
        amount = "X"
    if amount.endswith(".0"):
        amount = amount[:-2]
    try:
        number = float(amount)
    except ValueError:
        number = None
    if number is not None and not number.is_integer() and code in _SMALLER:
        # "2 1/2 years" = P2Y6M, "5 1/2 hours" = PT5H30M (TIMEX3 spells fractions in smaller units)
        spelled = _spell(number, code)
        time_part = re.search(r"\d+(?:H|MIN|S)", spelled)
        if time_part:
            date_part, clock = spelled[:time_part.start()], spelled[time_part.start():]
            return "P" + date_part + "T" + clock.replace("MIN", "M")
        return "P" + spelled
    return f"PT{amount}{designator}" if is_time else f"P{amount}{designator}"


_PERIOD_PARTS = re.compile(r"P((?:[\dX.]+[A-Z]+?)*)(?:T((?:[\dX.]+[HMS])+))?")


def merge_durations(spelled: list[str]) -> str:
    """Durations said one after the other as one: "zwei Jahre und drei Monate" is P2Y3M,
    "two hours and 20 minutes" PT2H20M (date parts first, then the time after one ``T``)."""
    dates, times = [], []
    for value in spelled:
        m = _PERIOD_PARTS.fullmatch(value)
        if not m:
            return "".join(spelled)
        dates.append(m[1] or "")
        times.append(m[2] or "")
    time = "".join(times)
    return "P" + "".join(dates) + ("T" + time if time else "")


def template_value(template: str, values: dict[str, str]) -> str:
    """A ``value`` template; ``@duration(num, unit)`` spells a duration, and several of them in a
    row make one ("@duration(2, Y)@duration(3, M)" is P2Y3M)."""
    filled = fill(template, values) or ""
    # A call whose captures are all absent is an optional part that did not match: left out.
    filled = re.sub(r"@duration\(X,\s*X\)", "", filled) if "@duration(" in filled[1:] else filled
    calls = list(re.finditer(r"@duration\(([^,()]*),\s*([^()]*)\)", filled))
    if len(calls) > 1 and "".join(m[0] for m in calls) == filled:
        return merge_durations([duration(m[1].strip(), m[2].strip()) for m in calls])
    return re.sub(r"@duration\(([^,()]*),\s*([^()]*)\)", lambda m: duration(m[1].strip(), m[2].strip()), filled)


def _int(value: str | None) -> int | None:
    if value is None or not re.fullmatch(r"[+-]?\d+", value.strip()):
        return None
    return int(value)


def _signed(value: str | None) -> int | None:
    """``-2``, ``+1``, ``--2`` (a negated negative), ``-X`` (vague, unusable) -> int or None."""
    if value is None:
        return None
    text = value.replace(" ", "")
    sign = 1
    while text[:1] in "+-" and text:
        sign = -sign if text[0] == "-" else sign
        text = text[1:]
    try:
        number = float(text)
    except ValueError:
        return None
    if not number.is_integer():
        return None
    return sign * int(number)


def _time_suffix(f: dict[str, str | None]) -> str:
    hour, minute = _int(f.get("hour")), _int(f.get("minute"))
    if hour is not None and f.get("ampm"):
        if not 1 <= hour <= 12:
            raise ValueError("bad 12-hour time")
        hour = hour % 12 + (12 if f["ampm"] == "PM" else 0)
    if hour is not None:
        if not 0 <= hour <= 24 or (minute is not None and not 0 <= minute < 60):
            raise ValueError("bad time")
        text = f"T{hour:02d}:{minute or 0:02d}"
        second = _int(f.get("second"))
        if second is not None:
            text += f":{second:02d}"
        return text
    if f.get("pod"):
        return f"T{f['pod']}"
    return ""


def _is_weekday(year: int, month: int, day: int, weekday: int) -> bool:
    try:
        return date(year, month, day).isoweekday() == weekday
    except ValueError:
        return False


def _resolve_year(reference: date, month: int, day: int | None, direction: int | None) -> int:
    """The year of a month (and day) given without one, seen from ``reference``."""
    year = reference.year
    candidate = (month, day or 1)
    ref = (reference.month, reference.day if day else 1)
    if direction is None:
        # Nearest: the occurrence (its middle, for a month) closest to the reference.
        def distance(y: int) -> int:
            try:
                point = date(y, month, day) if day else date(y, month, 15)
            except ValueError:
                return 10**6
            return abs((point - reference).days)
        return min((year, year - 1, year + 1), key=distance)
    if direction < 0 and candidate > ref:
        return year - 1
    if direction > 0 and candidate < ref:
        return year + 1
    return year


def _narrated_year(ctx: Context, month: int, dom: int | None, direction: int | None) -> bool:
    """Whether a month (and day) without year continues the story of a past year named just
    before: the last mention is a month or day of an earlier year than the publication's, within
    a few sentences, no future cue, and the new date comes on or after it in that year."""
    last = ctx.last
    if last is None or ctx.dct is None or ctx.last_gran not in ("month", "day") or last.year >= ctx.dct.year \
            or not ctx.last_named:
        return False
    if (direction is not None and direction > 0) or ctx.here - ctx.last_at > NARRATED_NEAR:
        return False
    return (month, dom or 1) >= (last.month, 1 if dom is None else last.day)


def resolve_date(f: dict[str, str | None], ctx: Context, direction: int | None,
                 strong: bool = True) -> tuple[str, date | None, str]:
    """Resolve date fields to (value, day to remember, granularity); ``gran`` coarsens the result
    ("the quarter ended Sept. 30" is that quarter). Raises ValueError if impossible."""
    value, day, gran = _resolve(f, ctx, direction, strong)
    wanted = f.get("gran")
    if wanted and wanted != "last" and not f.get("shift") and day is not None and wanted in calendar.UNITS:
        return calendar.format_at(day, wanted), day, wanted
    return value, day, gran


def _resolve(f: dict[str, str | None], ctx: Context, direction: int | None,
             strong: bool = True) -> tuple[str, date | None, str]:
    """Resolve date fields to (value, day to remember, granularity). Raises ValueError if impossible.

    ``direction`` is the tense of the sentence (-1, 0, +1 or None); ``strong`` says whether a
    strong cue gave it. A weak cue (a participle) may turn a weekday but not a year: months and
    dates then go to the nearest occurrence.
    """
    suffix = _time_suffix(f)
    # anchor "last" counts from the date last mentioned; "last:quarter,half" only from the last
    # quarter or half mentioned ("a year earlier" in company news); else from the DCT.
    anchor = f.get("anchor") or ""
    unit = UNIT_GRANULARITY.get(f.get("shift") or "", "")
    if anchor == "recent":
        # "the end of the year": the year last spoken of in a past-tense clause, else the current
        # ("Im Herbst 2015 ... Anfang des Jahres" is this year's start, not 2015's).
        anchor = f"last:{unit or 'year'}" if direction is not None and direction < 0 else ""
    elif anchor == "last:unit":
        # "an diesem Tag", "im selben Monat": the last mention of that unit or a finer one; a
        # year alone is no antecedent of "that day" (1 January); without one, the DCT.
        anchor = "last:" + ",".join(FINER_OR_EQUAL.get(unit, (unit,)))
    anchor_last = anchor.startswith("last")
    last = ctx.last_of(anchor.partition(":")[2]) if anchor_last else None
    from_last = last is not None and (not ctx.narrative or ":" in anchor)
    explicit_dir = _signed(f.get("dir"))
    if explicit_dir is not None:
        direction, strong = explicit_dir, True
    year_direction = direction if strong else None
    reference = last[0] if from_last else ctx.reference()

    if f.get("event"):
        raise ValueError("events are resolved by the engine")

    # 1. Shifts from the anchor: gestern, vor zwei Jahren, next week, im vergangenen Monat.
    if f.get("shift"):
        unit = UNIT_GRANULARITY.get(f["shift"], f["shift"])
        # by_dct: the shift to use where no date was mentioned before ("the quarter" is the
        # quarter last spoken of, else the last completed one).
        by = f.get("by_dct") if f.get("by_dct") and not from_last and not ctx.narrative else f.get("by")
        amount = _signed(by or "0")
        if amount is None:
            raise ValueError("vague shift")
        if reference is None:
            raise ValueError("no anchor")
        day = calendar.shift(reference, unit, amount)
        if unit == "year" and any(f.get(k) for k in ("month", "quarter", "half", "season", "week")):
            # "im März nächsten Jahres": the shift only chooses the year.
            f = {**f, "shift": None, "year": str(day.year), "dir": None}
            return _resolve(f, ctx, direction, strong)
        weekday = _int(f.get("weekday"))
        if unit == "week" and f.get("weekend"):
            return calendar.format_at(day, "week") + "-WE", None, "week"
        if weekday is not None and unit == "week":
            day = day + timedelta(days=weekday - day.isoweekday())
            return day.isoformat() + suffix, day, "day"
        gran = f.get("gran") or unit
        if gran == "last":  # "a year earlier" after "the third quarter" is that quarter a year before
            gran = last[1] if from_last and last[1] in ("quarter", "half", "season", "month") else unit
        value = calendar.format_at(day, gran)
        if suffix and gran != "day":
            raise ValueError("time on a coarse shift")
        return value + suffix, day, gran

    if f.get("weekend"):
        if reference is None:
            raise ValueError("no anchor")
        saturday = (calendar.weekday_nearest(reference, 6) if direction is None
                    else calendar.weekday_near(reference, 6, direction))
        return calendar.format_at(saturday, "week") + "-WE", None, "week"

    year = _int(f.get("year"))
    month = _int(f.get("month"))
    dom = _int(f.get("day"))

    if f.get("decade"):
        return f["decade"], None, "decade"
    if f.get("century"):
        return f["century"], None, "century"
    if f.get("century_ordinal"):  # "the twentieth century" is TIMEX3 "19"
        return f"{int(f['century_ordinal']) - 1:02d}", None, "century"
    if f.get("millennium_ordinal"):  # "das dritte Jahrtausend" is TIMEX3 "2"
        return f"{int(f['millennium_ordinal']) - 1}", None, "millennium"
    if f.get("vague_day"):
        # "The day before the final": a day of the year the story is in, which the text leaves open.
        if reference is None:
            return "XXXX-XX-XX", None, "day"
        return f"{reference.year:04d}-XX-XX", None, "day"

    if f.get("feast"):
        if year is None:
            if reference is None:
                raise ValueError("no anchor")
            year = reference.year
            day = calendar.feast(f["feast"], year)
            if year_direction is None:  # no strong cue: the nearest one, as for a date
                day = min((calendar.feast(f["feast"], y) for y in (year - 1, year, year + 1)),
                          key=lambda d: abs((d - reference).days))
            elif year_direction < 0 and day > reference:
                day = calendar.feast(f["feast"], year - 1)
            elif year_direction > 0 and day < reference:
                day = calendar.feast(f["feast"], year + 1)
        else:
            day = calendar.feast(f["feast"], year)
        return day.isoformat() + suffix, day, "day"

    weekday = _int(f.get("weekday"))
    if weekday is not None and month is None and dom is None:
        if reference is None:
            raise ValueError("no anchor")
        if direction is None:
            day = calendar.weekday_nearest(reference, weekday)
        else:
            day = calendar.weekday_near(reference, weekday, direction)
            if explicit_dir and day == reference:  # "last Monday" said on a Monday: a week back
                day += timedelta(weeks=explicit_dir)
            elif (day == reference and direction < 0 and strong and ctx.same_weekday_back
                  and reference == ctx.dct):
                day -= timedelta(weeks=1)
        return day.isoformat() + suffix, day, "day"

    for name, count in (("quarter", 4), ("half", 2)):
        part = _int(f.get(name))
        if part is not None:
            if not 1 <= part <= count:
                raise ValueError(name)
            if year is None:
                if reference is None:
                    return f"XXXX-{name[0].upper()}{part}", None, name
                # A quarter or half without year is this year's, unless the tense places it in
                # the previous year (a later part, in the past) or the next (two or more parts
                # back, in the future: "the third quarter" in October is the one just reported).
                year = reference.year
                current = (reference.month - 1) // (12 // count) + 1
                if year_direction is not None and year_direction < 0 and part > current:
                    year -= 1
                elif year_direction is not None and year_direction > 0 and part < current - 1:
                    year += 1
            return f"{year:04d}-{name[0].upper()}{part}", date(year, (part - 1) * 12 // count + 1, 1), name
    if f.get("season"):
        code = f["season"]
        if year is None:
            if reference is None:
                return f"XXXX-{code}", None, "season"
            ref_year, ref_code = calendar.season_of(reference)
            order = calendar.SEASON_ORDER
            if year_direction is None and direction is None:
                # Nearest: the occurrence whose middle lies closest to the reference.
                year = min((ref_year - 1, ref_year, ref_year + 1),
                           key=lambda y: abs(calendar.season_start(y, code) + timedelta(days=45) - reference))
            else:
                sign = year_direction if year_direction is not None else direction
                year = ref_year
                # "im vergangenen Winter" said in winter is the one before; a tense alone keeps it.
                same = explicit_dir is not None and code == ref_code
                if sign < 0 and (order.index(code) > order.index(ref_code) or same):
                    year -= 1
                elif sign > 0 and (order.index(code) < order.index(ref_code) or same):
                    year += 1
        return f"{year:04d}-{code}", calendar.season_start(year, code), "season"
    week = _int(f.get("week"))
    if week is not None:
        if year is None:
            year = reference.year if reference else None
        if year is None:
            raise ValueError("no year for week")
        date.fromisocalendar(year, week, 1)  # validates
        return f"{year:04d}-W{week:02d}", None, "week"

    if month is not None:
        if not 1 <= month <= 12:
            raise ValueError("month")
        if year is None:
            if reference is None:
                value = f"XXXX-{month:02d}" + (f"-{dom:02d}" if dom else "")
                return value + suffix, None, "day" if dom else "month"
            if ctx.narrative or _narrated_year(ctx, month, dom, direction):
                # a history text, or news telling a past year's story just named ("Im Juni 1978 zog
                # die Familie nach Kiel. Am 20. Juni begann die Schule."), moves on within that year
                year = (reference if ctx.narrative else ctx.last).year
            else:
                # A weak cue may place a month (news reports past months) but not a day.
                year = _resolve_year(reference, month, dom, year_direction if dom is not None else direction)
                if explicit_dir and dom is None and month == reference.month and not f.get("since"):
                    year += explicit_dir  # "last May" said in May is a year back, as "last Monday" on a Monday
            weekday = _int(f.get("weekday"))
            if weekday is not None and dom is not None:
                # "Wednesday, Dec. 3": the year in which that day is that weekday, nearest first.
                order = (year, year - 1, year + 1) if year_direction is not None and year_direction < 0 else (year, year + 1, year - 1)
                year = next((y for y in order if _is_weekday(y, month, dom, weekday)), year)
        if dom is not None:
            day = date(year, month, dom)
            return day.isoformat() + suffix, day, "day"
        if suffix:
            raise ValueError("time without a day")
        return f"{year:04d}-{month:02d}", date(year, month, 1), "month"

    if dom is not None:
        # A day of the month alone ("am 23."): month and year from the last date mentioned.
        base = ctx.last if ctx.last is not None and ctx.last_gran in ("day", "month") else reference
        if base is None:
            raise ValueError("no anchor")
        day = date(base.year, base.month, dom)
        if base is ctx.dct and direction is not None:
            if direction < 0 and day > base:
                day = calendar.add_months(day, -1).replace(day=dom)
            elif direction > 0 and day < base:
                day = calendar.add_months(day, 1).replace(day=dom)
        return day.isoformat() + suffix, day, "day"

    if year is not None:
        if not 1 <= year <= 9999:
            raise ValueError("year")
        if suffix:
            raise ValueError("time without a day")
        return f"{year:04d}", date(year, 1, 1), "year"

    if suffix:
        # A time of day alone: the day just mentioned ("am Montag um 17.30 Uhr"), else the
        # publication date (event listings name their day once, far up). A part of the day ("am
        # Nachmittag") goes on with the story's day wherever it was named. Anchor "near" asks
        # for a day named just before and declines without one ("Abends" after "Am Freitag ..."
        # is that evening; alone it is a habit, a SET rule's business).
        if f.get("anchor") == "near":
            if ctx.last is None or ctx.last_gran != "day" or ctx.here - ctx.last_at > NEAR_DAY:
                raise ValueError("no day named just before")
            return ctx.last.isoformat() + suffix, None, "day"
        near = ctx.narrative or bool(f.get("pod")) or ctx.here - ctx.last_at <= NEAR_DAY
        base = ctx.last if ctx.last is not None and ctx.last_gran == "day" and near else ctx.dct
        if base is None:
            return "XXXX-XX-XX" + suffix, None, "day"
        return base.isoformat() + suffix, None, "day"
    raise ValueError("nothing to resolve")
