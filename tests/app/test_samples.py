"""The bundled sample corpus: every article listed with its metadata, illustrative ones marked."""

from datetime import date

from dashboard.app.samples import read_manifest
from dashboard.paths import SAMPLES_DIR


def test_the_seed_article_has_its_title_language_and_date():
    seed = next(e for e in read_manifest() if e.file == "nato-foreign-ministers.de.txt")
    assert (seed.lang, seed.dct, seed.illustrative) == ("de", date(2025, 12, 2), False)
    assert seed.title


def test_the_other_articles_cover_2024_to_2026_in_german_and_english_and_are_marked():
    others = [e for e in read_manifest() if e.file != "nato-foreign-ministers.de.txt"]
    assert len(others) >= 4 and all(e.illustrative for e in others)
    assert {e.lang for e in others} == {"de", "en"}
    assert {e.dct.year for e in others} == {2024, 2025, 2026}
    readme = (SAMPLES_DIR / "README.md").read_text(encoding="utf-8")
    for entry in others:
        assert entry.file in readme and "illustrativ" in (SAMPLES_DIR / entry.file).read_text(encoding="utf-8")


def test_every_listed_file_exists_once_and_every_article_is_listed():
    entries = read_manifest()
    files = [e.file for e in entries]
    assert len(set(files)) == len(files) and len({e.doc_id for e in entries}) == len(entries)
    assert set(files) == {p.name for p in SAMPLES_DIR.glob("*.txt")}
