"""Explicit-date tagging for every language dateparser knows, from its CLDR-derived locale data.

Hand resources (``data/temporal/<lang>/``) are better; where there are none, month and weekday
names, unit words and simple relative words ("hier", "ayer") from dateparser's locale module
give a generic rule set: day-month-year in the locale's order, month-year, weekdays, ISO and
numeric dates, and today/yesterday/tomorrow-style words. Examples for each generated rule are
generated from the same words, so the generated rules are tested like hand-written ones.
"""

from __future__ import annotations

import importlib
import re

from dashboard.temporal.resources import Language, TenseCues, build_group, build_rule, finish

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_RELATIVE = re.compile(r"^(?:in (?P<n1>\d+) (?P<u1>\w+)|(?P<n2>\d+) (?P<u2>\w+) ago)$")
_UNITS = {"day": "day", "week": "week", "month": "month", "year": "year"}


def _locale_info(code: str) -> dict | None:
    if not re.fullmatch(r"[a-z]{2,3}(?:-[a-z0-9]+)*", code or ""):
        return None
    name = code.replace("-", "_")
    candidates = [name, name.split("_")[0]]
    for candidate in candidates:
        try:
            module = importlib.import_module(f"dateparser.data.date_translation_data.{candidate}")
        except ImportError:
            continue
        return module.info
    return None


def _words(info: dict, keys: tuple[str, ...], numbered: bool = True) -> dict[str, str]:
    table = {}
    for i, key in enumerate(keys, 1):
        for word in info.get(key, ()):
            word = word.strip()
            if len(word) >= 3 or (len(word) >= 2 and not word.isascii()):
                table[word.replace("|", "")] = f"{i:02d}" if numbered and keys is MONTHS else str(i)
    return table


def dateparser_words(code: str, what: str) -> dict[str, str]:
    """Month (``"months"``: word -> "01".."12") or weekday (``"weekdays"``: word -> "1".."7") names."""
    info = _locale_info(code) or {}
    if what == "months":
        return _words(info, MONTHS)
    if what == "weekdays":
        # Standing alone, a weekday is only its full name: "mer", "jeu", "mar" are words too.
        return {w: v for w, v in _words(info, WEEKDAYS).items() if len(w) >= 5}
    raise ValueError(f"unknown dateparser word table {what!r}")


def _relative_words(info: dict) -> dict[str, tuple[str, int]]:
    found = {}
    for phrase, words in info.get("relative-type", {}).items():
        m = _RELATIVE.match(phrase)
        if not m:
            continue
        number = int(m["n1"] or m["n2"])
        unit = _UNITS.get(m["u1"] or m["u2"])
        if unit is None:
            continue
        amount = number if m["n1"] else -number
        for word in words:
            if len(word) >= 3 and not re.search(r"\d", word):
                found[word] = (unit, amount)
    return found


def generated_language(code: str) -> Language | None:
    """A resource set built from dateparser's locale data, or None where it has none."""
    info = _locale_info(code)
    if info is None:
        return None
    months, weekdays = dateparser_words(code, "months"), dateparser_words(code, "weekdays")
    if not months:
        return None
    source = f"dateparser locale {code}"
    groups = {
        "month": build_group("month", months, source),
        "weekday": build_group("weekday", weekdays, source),
        "day": build_group("day", {"_regex": r"0?[1-9]|[12]\d|3[01]", "_norm": "int"}, source),
        "year": build_group("year", {"_regex": r"1\d{3}|20\d{2}"}, source),
        "month_num": build_group("month_num", {"_regex": r"0[1-9]|1[0-2]", "_norm": "int"}, source),
    }
    month_word = next(iter(months))
    weekday_word = next(iter(weekdays), None)
    first_month = months[month_word]
    order = info.get("date_order", "DMY")
    day_first = order.index("D") < order.index("M") if "D" in order and "M" in order else True
    specs = [
        {"name": "iso-date", "pattern": r"{year}-{month_num}-{day}",
         "date": {"year": "{year}", "month": "{month_num}", "day": "{day}"},
         "examples": [["2025-12-03", "2025-12-03", "2025-12-03"]]},
        {"name": "day-month-year" if day_first else "month-day-year",
         "pattern": r"{day}\.?\s+(?:de\s+)?{month}(?:,?\s+(?:de\s+)?{year})?" if day_first
         else r"{month}\s+{day}(?:,\s*{year})?",
         "date": {"year": "{year}", "month": "{month}", "day": "{day}"},
         "examples": [[f"3 {month_word} 2024" if day_first else f"{month_word} 3, 2024",
                       f"3 {month_word} 2024" if day_first else f"{month_word} 3, 2024",
                       f"2024-{first_month}-03"]]},
        {"name": "month-year", "pattern": r"{month}\s+(?:de\s+)?{year}",
         "date": {"year": "{year}", "month": "{month}"},
         "examples": [[f"{month_word} 2024", f"{month_word} 2024", f"2024-{first_month}"]]},
    ]
    if weekday_word:
        specs.append({"name": "weekday", "pattern": "{weekday}", "date": {"weekday": "{weekday}"},
                      "examples": [[weekday_word, weekday_word, ""]]})
    relative = _relative_words(info)
    for i, (word, (unit, amount)) in enumerate(sorted(relative.items())):
        groups[f"rel{i}"] = build_group(f"rel{i}", {word: word}, source)
        specs.append({"name": f"relative-{i}", "pattern": f"{{rel{i}}}",
                      "date": {"shift": unit, "by": str(amount)},
                      "examples": [[word, word, ""]]})
    rules = tuple(build_rule(spec, groups, source, i, "2025-12-02") for i, spec in enumerate(specs))
    language = Language(code=code, name=info.get("name", code), groups=groups, rules=rules,
                        tense=TenseCues(), generated=True)
    return finish(language)
