"""Generate ``data/actors/countries.generated.csv`` from CLDR territory names (via Babel).

Country names and their German translations are taken from the Unicode CLDR rather than typed,
so they are complete and spelled as the standard spells them. The output is committed, so Babel
is needed only to regenerate it (``python -m dashboard.facts.countries``); a test regenerates it
and compares, so the shipped file never drifts from its source. Adjectives, demonyms, short forms
and Wikidata IDs are hand curation and live apart, in ``country_extras.csv``.
"""

from __future__ import annotations

import csv
import io
import re
import sys

from dashboard.paths import DATA_DIR

GENERATED_PATH = DATA_DIR / "actors" / "countries.generated.csv"
LANGUAGES = ("en", "de")
# CLDR codes that are groupings or placeholders, not states (EU and UN are organisations here).
NOT_STATES = {"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ", "AQ"}
_PAREN = re.compile(r"^(?P<main>.+?) \((?P<alt>[^)]+)\)$")


def _names(label: str) -> list[str]:
    """``Myanmar (Burma)`` -> ``["Myanmar", "Burma"]``: both are names in use."""
    m = _PAREN.match(label)
    return [m["main"], m["alt"]] if m else [label]


def generate_countries_csv() -> str:
    """The CSV text: ``code,name,aliases`` with the English name first, aliases ``|``-joined."""
    from babel import Locale

    territories = {lang: Locale(lang).territories for lang in LANGUAGES}
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["code", "name", "aliases"])
    for code in sorted(territories["en"]):
        if len(code) != 2 or not code.isalpha() or code in NOT_STATES:
            continue
        names: list[str] = []
        for lang in LANGUAGES:
            for name in _names(territories[lang].get(code, "")):
                if name and name not in names:
                    names.append(name)
        writer.writerow([code, names[0], "|".join(names[1:])])
    return out.getvalue()


def main() -> int:
    GENERATED_PATH.write_text(generate_countries_csv(), encoding="utf-8")
    print(f"wrote {GENERATED_PATH}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
