"""Adding articles from the dashboard: good files go in at once, bad ones get a message."""

import shutil
import subprocess

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.app.adding import add_files, add_text
from dashboard.app.process import console_script
from dashboard.app.serve import MAIN_SCRIPT
from dashboard.store import FactStore

from .test_pages import count

ARTICLE = ("---\ntitle: Gipfel in Ankara\ndate: 2026-01-12\nlang: de\n---\n"
           "Der NATO-Gipfel in Ankara findet am 7. Juli 2026 statt.\n"
           "Rutte sagte am Montag, die Vorbereitungen liefen.\n").encode()
BINARY = b"\x00\x01\x02\xff" * 100


@pytest.fixture
def own_store(store_path, tmp_path, monkeypatch):
    """A copy of the fixture store that this test may change."""
    path = tmp_path / "facts.duckdb"
    shutil.copyfile(store_path, path)
    monkeypatch.setenv("FACT_TIMELINE_DB", str(path))
    return path


def test_a_good_and_a_bad_file_in_one_upload(own_store):
    store = FactStore(own_store)
    before = len(store.facts())
    added = add_files(store, [("ankara.txt", ARTICLE), ("broken.txt", BINARY)], None, None)
    assert list(added.documents.values()) == ["Gipfel in Ankara"]
    assert len(added.problems) == 1 and added.problems[0].startswith("broken.txt")
    assert len(store.facts()) > before
    assert {"nato-de", "summit-en"} <= set(store.documents()["doc_id"])  # nothing stored was lost


def test_an_upload_without_any_date_is_stored_with_a_note(own_store):
    added = add_files(FactStore(own_store), [("undatiert.txt", "Die Minister trafen sich am Montag.\n".encode())], None, "de")
    assert list(added.documents) and not added.problems
    assert len(added.notes) == 1 and "no publication date" in added.notes[0]


def test_pasted_text_needs_text_and_a_date(own_store):
    store = FactStore(own_store)
    assert add_text(store, "  ", "", None, "de").problems
    assert "publication date" in add_text(store, "Am Montag.", "", None, "de").problems[0]
    assert add_text(store, "Das Treffen ist am 7. Juli 2026.", "Ankara", __import__("datetime").date(2026, 1, 12), "de").documents


def test_the_page_stores_an_upload_and_every_page_counts_it_at_once(own_store):
    app = AppTest.from_file(str(MAIN_SCRIPT), default_timeout=60)
    app.run()
    app.switch_page("screens/add.py").run()
    _, total = count(app)
    app.get("file_uploader")[0].set_value([("ankara.txt", ARTICLE, "text/plain"), ("broken.txt", BINARY, "text/plain")])
    app.button(key="FormSubmitter:upload_form-Store the files").click().run()
    assert not app.exception, app.exception
    assert any("broken.txt" in e.value for e in app.error)
    assert any("Gipfel in Ankara" in s.value for s in app.success)
    assert count(app)[1] > total
    assert len(app.dataframe[0].value) == count(app)[1] - total  # the new facts, shown at once


def test_an_ingest_from_the_command_line_shows_on_the_next_rerun(own_store, tmp_path):
    app = AppTest.from_file(str(MAIN_SCRIPT), default_timeout=60)
    app.run()
    _, total = count(app)
    article = tmp_path / "ankara.txt"
    article.write_bytes(ARTICLE)
    result = subprocess.run([*console_script(), "ingest", str(article), "--db", str(own_store), "--workers", "1"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    app.run()
    assert count(app)[1] > total  # the store's version changed, so the cache missed


@pytest.mark.parametrize("mark", ["\u200b", "\u00ad", "\ufeff", "\u200e", "\u200f"])
def test_pasted_text_with_a_line_of_only_an_invisible_character_is_stored(own_store, mark):
    text = f"Das Treffen ist am 7. Juli 2026.\n{mark}\nDanach reist Rutte am 8. Juli 2026 ab."
    added = add_text(FactStore(own_store), text, "Ankara", __import__("datetime").date(2026, 1, 12), "de")
    assert not added.problems and len(added.documents) == 1
    assert added.summary.startswith("2 facts")
