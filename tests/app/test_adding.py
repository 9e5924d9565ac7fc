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


CHANGED = ARTICLE.replace(b"am 7. Juli 2026", b"am 9. Juli 2026")


def upload(app, name: str, data: bytes) -> None:
    app.get("file_uploader")[0].set_value([(name, data, "text/plain")])
    app.button(key="FormSubmitter:upload_form-Store the files").click().run()


def add_page(own_store) -> AppTest:
    app = AppTest.from_file(str(MAIN_SCRIPT), default_timeout=60)
    app.run()
    app.switch_page("screens/add.py").run()
    return app


def test_an_upload_with_a_stored_id_and_other_text_asks_before_replacing(own_store):
    app = add_page(own_store)
    upload(app, "ankara.txt", ARTICLE)
    assert any(s.value.startswith("Added 1 article: Gipfel in Ankara") for s in app.success)
    stored = FactStore(own_store).content_hashes()
    upload(app, "ankara.txt", CHANGED)
    assert any("id of a stored document with other text" in w.value for w in app.warning)
    assert FactStore(own_store).content_hashes() == stored  # nothing replaced before the answer
    app.button(key="add-replace").click().run()
    assert not app.exception
    messages = [s.value for s in app.success]
    assert any(m.startswith("Replaced 1 article: Gipfel in Ankara") for m in messages), messages
    assert not any("Added" in m for m in messages)
    assert FactStore(own_store).content_hashes() != stored


def test_keeping_the_stored_article_stores_nothing_over_it(own_store):
    app = add_page(own_store)
    upload(app, "ankara.txt", ARTICLE)
    stored = FactStore(own_store).content_hashes()
    upload(app, "ankara.txt", CHANGED)
    app.button(key="add-cancel").click().run()
    assert not app.warning and not app.success
    assert FactStore(own_store).content_hashes() == stored


def test_the_same_article_again_is_already_stored(own_store):
    app = add_page(own_store)
    upload(app, "ankara.txt", ARTICLE)
    upload(app, "ankara.txt", ARTICLE)
    assert not app.warning and not app.success
    assert any(i.value.startswith("Already stored, unchanged: Gipfel in Ankara") for i in app.info)


def test_a_large_upload_names_a_handful_of_titles_then_counts_the_rest():
    from dashboard.app.adding import Added

    added = Added(documents={f"d{i}": f"Title {i}" for i in range(10_000)}, replaced=["d1", "d2"],
                  summary="12 facts extracted and stored.")
    first, second, third = added.messages()
    assert first == "Added 9,998 articles: Title 0, Title 3, Title 4, Title 5, Title 6 and 9,993 more."
    assert second == "Replaced 2 articles: Title 1 and Title 2." and third.startswith("12 facts")
    assert len(" ".join(added.messages())) < 300
