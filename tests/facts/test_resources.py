"""Lint the hand-written resource files: every row has its columns, every pattern compiles."""

import csv
import re

import pytest

from dashboard.paths import DATA_DIR

PATTERN_FILES = ["facts/status_cues.csv", "actors/roles.csv", "actors/anaphora.csv"]
ACTOR_FILES = ["actors/people.csv", "actors/organisations.csv", "actors/country_extras.csv"]


def rows(name):
    with (DATA_DIR / name).open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        for row in reader:
            yield reader.line_num, row


@pytest.mark.parametrize("name", PATTERN_FILES + ACTOR_FILES)
def test_every_row_has_exactly_the_header_columns(name):
    for line, row in rows(name):
        assert None not in row and None not in row.values(), f"{name}:{line}: wrong number of fields (unquoted comma?)"


@pytest.mark.parametrize("name", PATTERN_FILES)
def test_every_pattern_compiles_and_names_a_known_language(name):
    for line, row in rows(name):
        assert row["lang"] in ("de", "en"), f"{name}:{line}"
        re.compile(row["pattern"])


def test_no_alias_is_claimed_by_two_hand_curated_actors():
    owners: dict[str, str] = {}
    for name in ("actors/people.csv", "actors/organisations.csv"):
        for line, row in rows(name):
            for alias in [row["name"], *filter(None, row["aliases"].split("|"))]:
                assert owners.setdefault(alias, row["name"]) == row["name"], f"{name}:{line}: {alias!r} also names {owners[alias]}"
