"""The shipped country list is exactly what CLDR (via Babel) gives: regenerate and compare."""

import csv

from dashboard.facts.countries import GENERATED_PATH, generate_countries_csv


def test_generated_country_file_matches_its_source():
    import babel
    from babel.core import get_cldr_version

    assert GENERATED_PATH.read_text(encoding="utf-8") == generate_countries_csv(), (
        f"data/actors/countries.generated.csv differs from Babel {babel.__version__} (CLDR"
        f" {get_cldr_version()}): run python -m dashboard.facts.countries and keep the test"
        " extra's Babel pin on the release you generated it with"
    )


def test_country_names_come_in_english_and_german():
    rows = {row["code"]: row for row in csv.DictReader(GENERATED_PATH.open(encoding="utf-8"))}
    assert rows["DE"]["name"] == "Germany" and "Deutschland" in rows["DE"]["aliases"].split("|")
    assert rows["RO"]["name"] == "Romania" and "Rumänien" in rows["RO"]["aliases"].split("|")
    assert "EU" not in rows and "UN" not in rows  # organisations, not states


def test_every_hand_curated_extra_refers_to_a_generated_country():
    codes = {row["code"] for row in csv.DictReader(GENERATED_PATH.open(encoding="utf-8"))}
    extras = GENERATED_PATH.with_name("country_extras.csv")
    assert {row["code"] for row in csv.DictReader(extras.open(encoding="utf-8"))} <= codes
