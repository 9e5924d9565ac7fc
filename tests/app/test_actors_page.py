"""The Actors page and the actor filter grouped by kind, under AppTest, each test on a store of
its own (corrections write to it)."""

import pytest

from dashboard.app.serve import MAIN_SCRIPT
from dashboard.facts import facts_frame
from dashboard.store import FactStore

from .conftest import DOCUMENTS, FACTS, fact_row
from .test_filters import url
from .test_pages import count, facts_shown, sidebar_select


@pytest.fixture
def app(tmp_path, monkeypatch):
    """The dashboard over a fresh copy of the fixture store."""
    from streamlit.testing.v1 import AppTest

    path = tmp_path / "facts.duckdb"
    FactStore(path).write(list(DOCUMENTS), facts_frame([fact_row(*fact) for fact in FACTS]))
    monkeypatch.setenv("FACT_TIMELINE_DB", str(path))
    return AppTest.from_file(str(MAIN_SCRIPT), default_timeout=60)


def open_actors(app):
    app.run()
    app.switch_page("screens/actors.py").run()
    assert not app.exception, app.exception
    return app


def actor_table(app):
    return app.dataframe[0].value.set_index("name")


def sidebar_groups(app) -> dict[str, list[str]]:
    """Sidebar actor lists: group label -> the actors it offers."""
    return {w.label: list(w.options) for w in app.sidebar.multiselect if w.label not in ("Documents", "Status", "Type")}


def click(app, key: str):
    app.button(key=key).click().run()
    assert not app.exception, app.exception
    return app


def rename(app, old: str, new: str):
    """Rename on the Rename tab, as a user does."""
    app.selectbox(key="actors_rename").set_value(old)
    app.text_input(key="actors_rename_to").input(new).run()
    return click(app, "actors_rename_go")


def said(app) -> list[str]:
    return [e.value for e in app.success] + [e.value for e in app.error]


def test_the_page_lists_every_actor_with_kind_counts_and_forms(app):
    open_actors(app)
    table = actor_table(app)
    assert list(table.index) == ["NATO", "United States", "Alexander Stubb", "Donald Trump", "Finland", "Marco Rubio",
                                 "Netherlands", "Ukraine"]
    assert table.loc["NATO", "kind"] == "organisation" and table.loc["NATO", "n_facts"] == 3
    assert table.loc["United States", "n_documents"] == 1
    assert set(table.columns) >= {"kind", "n_facts", "n_documents", "forms", "aliases", "wikidata"}


def test_the_sidebar_groups_actors_by_kind_and_keeps_one_filter_in_the_url(app):
    app.run()
    assert sidebar_groups(app) == {
        "People": ["Alexander Stubb", "Donald Trump", "Marco Rubio"],
        "Organisations": ["NATO"],
        "States": ["United States", "Finland", "Netherlands", "Ukraine"],
    }
    sidebar_select(app, "People", "Donald Trump")
    sidebar_select(app, "States", "United States")
    assert url(app)["actor"] == ["Donald Trump", "United States"]
    assert count(app)[0] == 3  # any of them: October (Trump), Wednesday and early 2026 (United States)


def test_a_merge_changes_what_the_filter_offers_and_finds(app):
    open_actors(app)
    app.multiselect(key="actors_merge").set_value(["Marco Rubio"])
    app.selectbox(key="actors_merge_into").set_value("Donald Trump").run()
    click(app, "actors_merge_go")
    assert said(app) == ["merged Marco Rubio into Donald Trump"]
    assert "Marco Rubio" not in actor_table(app).index
    assert actor_table(app).loc["Donald Trump", "aliases"] == ["Marco Rubio"]
    assert actor_table(app).loc["Donald Trump", "n_facts"] == 2
    assert sidebar_groups(app)["People"] == ["Donald Trump", "Alexander Stubb"]
    sidebar_select(app, "People", "Donald Trump")
    assert count(app) == (2, 6)
    app.switch_page("screens/timeline.py").run()
    assert "Marco Rubio wird am Mittwoch" in facts_shown(app)


def test_rename_then_undo_with_remove_alias(app):
    open_actors(app)
    rename(app, "NATO", "North Atlantic Treaty Organization")
    assert said(app) == ["NATO is now called North Atlantic Treaty Organization"]
    assert app.text_input(key="actors_rename_to").value == ""  # ready for the next one
    assert sidebar_groups(app)["Organisations"] == ["North Atlantic Treaty Organization"]
    app.selectbox(key="actors_unalias").set_value("NATO").run()
    click(app, "actors_unalias_go")
    assert said(app) == ["NATO is no longer an alias of North Atlantic Treaty Organization"]
    assert sidebar_groups(app)["Organisations"] == ["NATO"]


def test_a_kind_change_moves_a_selected_actor_to_its_new_group(app):
    app.run()
    sidebar_select(app, "Organisations", "NATO")
    assert count(app)[0] == 3
    app.switch_page("screens/actors.py").run()
    app.selectbox(key="actors_kind").set_value("NATO")
    app.selectbox(key="actors_kind_to").set_value("party").run()
    click(app, "actors_kind_go")
    assert said(app) == ["NATO: kind party"]
    groups = sidebar_groups(app)
    assert "Organisations" not in groups and groups["Parties"] == ["NATO"]
    assert next(w for w in app.sidebar.multiselect if w.label == "Parties").value == ["NATO"]
    assert count(app)[0] == 3 and url(app)["actor"] == ["NATO"]
    assert actor_table(app).loc["NATO", "kind"] == "party"


def test_wikidata_id_and_alias(app):
    open_actors(app)
    app.selectbox(key="actors_kind").set_value("Alexander Stubb")
    app.text_input(key="actors_wikidata").input("Q1371911").run()
    click(app, "actors_wikidata_go")
    assert actor_table(app).loc["Alexander Stubb", "wikidata"] == "https://www.wikidata.org/wiki/Q1371911"
    app.selectbox(key="actors_alias").set_value("Alexander Stubb")
    app.text_input(key="actors_alias_name").input("Stubb").run()
    click(app, "actors_alias_go")
    assert said(app) == ["Stubb is now an alias of Alexander Stubb"]
    assert actor_table(app).loc["Alexander Stubb", "aliases"] == ["Stubb"]


def test_not_an_actor_leaves_every_page_and_restore_brings_it_back(app):
    open_actors(app)
    app.multiselect(key="actors_reject").set_value(["Finland"]).run()
    click(app, "actors_reject_go")
    assert said(app) == ["Finland is marked as not an actor"]
    assert "Finland" not in actor_table(app).index and "Finland" not in sidebar_groups(app)["States"]
    app.switch_page("screens/data.py").run()
    assert not any("Finland" in actors for actors in app.dataframe[0].value["actors"])
    app.switch_page("screens/actors.py").run()
    app.selectbox(key="actors_restore").set_value("Finland").run()
    click(app, "actors_restore_go")
    assert "Finland" in sidebar_groups(app)["States"]


def test_a_correction_that_fails_says_why_and_changes_nothing(app):
    open_actors(app)
    rename(app, "NATO", "   ")
    assert said(app) == ["the actor name is empty"]
    assert "NATO" in actor_table(app).index


def test_the_documents_page_marks_actors_under_their_corrected_names(app):
    open_actors(app)
    rename(app, "Donald Trump", "President Trump")
    app.switch_page("screens/documents.py").run()
    app.selectbox(key="article").select("nato-de").run()
    page = facts_shown(app)
    assert 'class="ft-actor" title="President Trump"' in page and 'title="Donald Trump"' not in page


def test_the_csv_tab_offers_the_corrections_for_download(app):
    open_actors(app)
    assert [b.label for b in app.get("download_button")] == ["Download corrections (CSV)"]
    assert app.button(key="actors_import_go").proto.disabled  # nothing uploaded yet


def test_a_read_only_dashboard_lists_actors_but_offers_no_corrections(app, monkeypatch):
    from dashboard.app.editing import READ_ONLY_ENV

    monkeypatch.setenv(READ_ONLY_ENV, "1")
    open_actors(app)
    assert len(actor_table(app)) == 8
    assert not app.get("tab") and not [b for b in app.button if b.key and b.key.startswith("actors_")]
    assert [b.label for b in app.get("download_button")] == ["Download corrections (CSV)"]
