"""Each page of the dashboard under AppTest, over the fixture store of conftest.py."""

import json
import re
from datetime import date

import pytest

from .conftest import FACTS, RUBIO, STUBB

PAGES = ["screens/timeline.py", "screens/charts.py", "screens/documents.py", "screens/data.py", "screens/actors.py", "screens/add.py"]


def count(app) -> tuple[int, int]:
    """(passing, total) from the line every page starts with."""
    for element in app.markdown:
        if match := re.fullmatch(r"\*\*([\d,]+)\*\* of ([\d,]+) facts pass the filters", element.value):
            return int(match[1].replace(",", "")), int(match[2].replace(",", ""))
    raise AssertionError("the page does not say how many facts pass")


def timeline(app) -> dict:
    """The plotly figure the timeline frame was given (see dashboard/app/live_plot.py)."""
    frames = [e for e in app.get("component_instance") if e.proto.component_name.endswith("plotly_frame")]
    assert len(frames) == 1, "the timeline page has no timeline"
    return json.loads(json.loads(frames[0].proto.json_args)["spec"])


def facts_shown(app) -> str:
    return "".join(h.value for h in app.html)


def sidebar_select(app, label: str, *values: str):
    widget = next(w for w in app.sidebar.multiselect if w.label == label)
    for value in values:
        widget.select(value)
    return app.run()


@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_and_says_how_many_facts_pass(app, page):
    app.run()
    app.switch_page(page).run()
    assert not app.exception, app.exception
    assert count(app) == (len(FACTS), len(FACTS))


def test_timeline_draws_the_facts_and_lists_them(app):
    app.run()
    spec = timeline(app)
    assert spec["data"], "the timeline has no traces"
    hovers = json.dumps(spec["data"])
    assert "im Oktober" in hovers and "am Mittwoch" in hovers
    assert STUBB in facts_shown(app) and RUBIO in facts_shown(app)
    assert [b.label for b in app.get("download_button")] == ["PNG", "SVG", "PDF", "HTML"]


def test_lanes_switch_between_actors_and_documents(app):
    app.run()
    lanes = app.get("button_group")[0]
    by_actor = timeline(app)
    assert "Alexander Stubb" in json.dumps(by_actor["layout"])
    lanes.set_value("document").run()
    assert not app.exception
    by_document = json.dumps(timeline(app)["layout"])
    assert "Rutte vor dem Treffen" in by_document and "Alexander Stubb" not in by_document


def test_charts_page_has_four_charts_each_with_four_downloads(app):
    app.run()
    app.switch_page("screens/charts.py").run()
    assert len(app.get("plotly_chart")) == 4
    assert len(app.get("download_button")) == 16


def test_data_page_table_holds_the_passing_facts(app):
    app.run()
    sidebar_select(app, "Status", "future")
    app.switch_page("screens/data.py").run()
    table = app.dataframe[0].value
    assert len(table) == count(app)[0] == 3
    assert set(table["status"]) == {"future"}
    assert [b.label for b in app.get("download_button")] == ["CSV", "JSON", "PARQUET", "TimelineJS", "TimelineJS sheet",
                                                              "Chart CSV"]


def test_documents_page_marks_expressions_and_actors_and_links_facts(app):
    app.run()
    app.switch_page("screens/documents.py").run()
    app.selectbox(key="article").select("nato-de").run()
    page = facts_shown(app)
    assert '<mark class="ft-timex" title="Oct 2025 (past) · 2025-10" id="fact-nato-de-' in page
    assert 'class="ft-actor"' in page
    for anchor in re.findall(r'href="#(fact-[^"]+)"', page):
        assert f'id="{anchor}"' in page
    assert len(re.findall(r'href="#fact-', page)) == 4


def test_documents_page_opens_the_article_its_link_names_and_keeps_the_choice_in_the_url(app):
    app.query_params["article"] = "summit-en"  # the Timeline's and Story's links: documents?article=ID
    app.switch_page("screens/documents.py").run()
    assert app.selectbox(key="article").value == "summit-en"
    assert any("id summit-en" in c.value for c in app.caption)
    assert "NATO leaders opened their summit" in facts_shown(app)
    app.selectbox(key="article").select("nato-de").run()
    assert app.query_params["article"] == "nato-de"


def test_documents_page_shows_injected_markup_as_text(app):
    app.run()
    app.switch_page("screens/documents.py").run()
    app.selectbox(key="article").select("summit-en").run()
    page = facts_shown(app)
    assert "<script>" not in page and "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert "<b>news</b>" not in page


def test_documents_page_shows_an_article_without_date_or_facts(app):
    app.run()
    app.sidebar.text_input[0].input("no sentence says this").run()
    app.switch_page("screens/documents.py").run()
    app.selectbox(key="article").select("undated").run()
    assert not app.exception
    assert any("date unknown" in c.value for c in app.caption)
    assert "Ein Text ohne jedes Datum." in facts_shown(app)
