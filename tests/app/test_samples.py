"""The bundled sample corpus: every article listed with its metadata, illustrative ones marked."""

import json
from datetime import date

from dashboard.app.samples import MANIFEST, ingest_samples
from dashboard.facts import Document, load_documents
from dashboard.paths import SAMPLES_DIR
from dashboard.store import FactStore

SEED = "nato-foreign-ministers.de.txt"


def manifest() -> list[dict]:
    return [json.loads(line) for line in (SAMPLES_DIR / MANIFEST).read_text(encoding="utf-8").splitlines() if line.strip()]


def test_the_seed_article_has_its_title_language_and_date():
    seed = next(e for e in manifest() if e["file"] == SEED)
    assert (seed["lang"], seed["dct"], seed["illustrative"]) == ("de", "2025-12-02", False)
    assert seed["title"]


def test_the_other_articles_cover_2024_to_2026_in_german_and_english_and_are_marked():
    others = [e for e in manifest() if e["file"] != SEED]
    assert len(others) >= 4 and all(e["illustrative"] is True for e in others)
    assert {e["lang"] for e in others} == {"de", "en"}
    assert {date.fromisoformat(e["dct"]).year for e in others} == {2024, 2025, 2026}
    readme = (SAMPLES_DIR / "README.md").read_text(encoding="utf-8")
    for entry in others:
        assert entry["file"] in readme and "illustrativ" in (SAMPLES_DIR / entry["file"]).read_text(encoding="utf-8")


def test_every_listed_file_exists_once_and_every_article_is_listed():
    entries = manifest()
    files = [e["file"] for e in entries]
    assert len(set(files)) == len(files) and len({e["doc_id"] for e in entries}) == len(entries)
    assert set(files) == {p.name for p in SAMPLES_DIR.glob("*.txt")}


def test_the_manifest_loads_as_documents_with_its_metadata():
    docs = {d.doc_id: d for d in load_documents(SAMPLES_DIR / MANIFEST)}
    assert all(isinstance(d, Document) for d in docs.values()) and len(docs) == len(manifest())
    seed = docs["nato-foreign-ministers-2025-12-02"]
    assert (seed.lang, seed.dct, seed.dct_inferred) == ("de", date(2025, 12, 2), False)
    assert seed.text.startswith("Ruttes Äußerungen")


def test_ingesting_the_samples_twice_stores_them_once(tmp_path):
    db = tmp_path / "facts.duckdb"
    n = len(manifest())
    first = ingest_samples(db)
    assert f"{n} added" in first and "0 failed" in first
    version = FactStore(db).version()
    assert f"{n} unchanged" in ingest_samples(db) and FactStore(db).version() == version
