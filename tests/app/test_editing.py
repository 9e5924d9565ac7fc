"""The user's say over the store from the dashboard: delete a document, hide or correct a fact;
the demo banner; the vague-references toggle. Each on a copy of the fixture store."""

import json
import shutil

import pytest

from dashboard.store import FactStore

from .conftest import FACTS
from .test_pages import count, facts_shown, timeline


@pytest.fixture
def own_app(store_path, tmp_path, monkeypatch):
    from streamlit.testing.v1 import AppTest

    from dashboard.app.serve import MAIN_SCRIPT

    copy = tmp_path / "facts.duckdb"
    shutil.copyfile(store_path, copy)
    monkeypatch.setenv("FACT_TIMELINE_DB", str(copy))
    monkeypatch.delenv("FACT_TIMELINE_DEMO", raising=False)
    return AppTest.from_file(str(MAIN_SCRIPT), default_timeout=60), FactStore(copy)


def test_a_document_deleted_on_the_documents_page_is_gone_from_every_page(own_app):
    app, store = own_app
    app.run()
    app.switch_page("screens/documents.py").run()
    app.selectbox(key="article").select("summit-en").run()
    app.checkbox(key="delete-sure-summit-en").check().run()
    next(b for b in app.button if b.label == "Delete document").click().run()
    assert not app.exception
    assert "summit-en" not in set(store.documents()["doc_id"])
    assert any("Deleted" in s.value for s in app.success)
    assert count(app)[1] == sum(1 for f in FACTS if f[0].doc_id != "summit-en")
    for page in ("screens/timeline.py", "screens/data.py"):
        app.switch_page(page).run()
        assert "NATO leaders opened their summit" not in facts_shown(app) + json.dumps(
            [str(d.value.to_dict()) for d in app.dataframe])


def test_a_hidden_fact_leaves_the_timeline_and_a_corrected_one_reads_as_corrected(own_app):
    app, store = own_app
    app.run()
    app.switch_page("screens/documents.py").run()
    app.selectbox(key="article").select("nato-de").run()
    wednesday = next(f for f in store.facts()["fact_id"] if store.facts().set_index("fact_id").loc[f, "timex_text"] == "am Mittwoch")
    app.selectbox(key="edit-nato-de-fact").select(wednesday).run()
    next(b for b in app.button if b.label == "Hide this fact").click().run()
    assert wednesday not in set(store.facts()["fact_id"])
    october = store.facts().set_index("timex_text").loc["im Oktober", "fact_id"]
    app.selectbox(key="edit-nato-de-fact").select(october).run()
    app.text_input(key=f"edit-nato-de-value-{october}").input("2025-09").run()
    next(b for b in app.button if b.label == "Save correction").click().run()
    assert not app.exception
    assert store.facts().set_index("fact_id").loc[october, "value"] == "2025-09"
    app.switch_page("screens/timeline.py").run()
    assert "am Mittwoch" not in json.dumps(timeline(app)["data"])
    assert "Sep 2025" in facts_shown(app) and "corrected" in facts_shown(app)


def test_the_demo_says_so(own_app, monkeypatch):
    app, _ = own_app
    monkeypatch.setenv("FACT_TIMELINE_DEMO", "1")
    app.run()
    assert any("demo" in i.value for i in app.info)


def test_read_only_hides_every_writing_control(own_app, monkeypatch):
    app, _ = own_app
    monkeypatch.setenv("FACT_TIMELINE_READ_ONLY", "1")
    app.run()
    app.switch_page("screens/documents.py").run()
    assert not [b for b in app.button if b.label in ("Delete document", "Hide this fact", "Save correction")]


def test_the_vague_toggle_brings_vague_facts_onto_the_timeline(own_app):
    app, store = own_app
    app.run()
    assert app.toggle(key="vague").value is False
    app.toggle(key="vague").set_value(True).run()
    assert not app.exception
