"""The sidebar filters: what each one keeps, and how they live in the address bar."""

from datetime import date

from .conftest import RUBIO, STUBB
from .test_pages import count, facts_shown, sidebar_select


def url(app) -> dict[str, list[str]]:
    """The query string after the run, every key with its list of values."""
    return {k: v if isinstance(v, list) else [v] for k, v in app.query_params.items()}


def test_actor_filter_keeps_facts_naming_the_actor(app):
    app.run()
    sidebar_select(app, "People", "Donald Trump")
    assert count(app) == (1, 6)
    assert STUBB in facts_shown(app) and RUBIO not in facts_shown(app)
    assert url(app)["actor"] == ["Donald Trump"]


def test_any_keeps_facts_naming_one_of_them_all_those_naming_each(app):
    app.run()
    sidebar_select(app, "People", "Donald Trump", "Marco Rubio")
    assert count(app)[0] == 2
    app.sidebar.radio[0].set_value("all").run()
    assert count(app)[0] == 0 and url(app)["mode"] == ["all"]
    app.sidebar.multiselect[0].unselect("Marco Rubio").select("Alexander Stubb").run()
    assert count(app)[0] == 1


def test_date_range_keeps_facts_whose_interval_overlaps_it(app):
    app.run()
    app.sidebar.date_input[0].set_value(date(2025, 11, 1))
    app.sidebar.date_input[1].set_value(date(2025, 12, 31)).run()
    # am Mittwoch (3 Dec 2025) and the year 2025; not October 2025, not early 2026
    assert count(app)[0] == 2
    assert url(app)["from"] == ["2025-11-01"] and url(app)["to"] == ["2025-12-31"]


def test_document_status_type_and_text_filters(app):
    app.run()
    sidebar_select(app, "Documents", "summit-en")
    assert count(app)[0] == 2
    sidebar_select(app, "Status", "future")
    assert count(app)[0] == 1
    sidebar_select(app, "Type", "TIME")
    assert count(app)[0] == 0
    app.sidebar.button[0].click().run()  # clear filters
    assert count(app)[0] == 6 and not url(app)
    app.sidebar.text_input[0].input("Weißen Haus").run()
    assert count(app)[0] == 1 and url(app)["q"] == ["Weißen Haus"]


def test_a_bookmarked_address_opens_with_its_filters(app):
    app.query_params["actor"] = ["United States", "Unknown Person"]
    app.query_params["status"] = "future"
    app.query_params["from"] = "2026-01-01"
    app.run()
    assert next(w for w in app.sidebar.multiselect if w.label == "States").value == ["United States"]
    assert app.sidebar.date_input[0].value == date(2026, 1, 1)
    assert count(app)[0] == 1
    assert url(app)["actor"] == ["United States"]  # the unknown actor is dropped


def test_filters_stay_in_the_address_when_switching_pages(app):
    app.run()
    sidebar_select(app, "Organisations", "NATO")
    for page in ("screens/charts.py", "screens/data.py"):
        app.switch_page(page).run()
        assert url(app)["actor"] == ["NATO"] and count(app)[0] == 3
