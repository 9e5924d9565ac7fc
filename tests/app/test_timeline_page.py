"""The Timeline page draws events by default, facts on ``?draw=facts``, and opens a bar's facts."""

import json

from dashboard.store import FactStore

from .conftest import FACTS, RUBIO
from .test_pages import facts_shown, timeline


def test_the_timeline_draws_events_by_default_with_their_sources(app, store_path):
    app.run()
    spec = timeline(app)
    events = FactStore(store_path).events()
    placed = events["start"].notna().sum()
    assert f"{placed} events on the timeline" in spec["layout"]["title"]["text"]
    hovers = json.dumps([t.get("customdata") for t in spec["data"]], ensure_ascii=False)
    assert "1 source · first reported 2 Dec 2025" in hovers
    assert RUBIO in hovers  # the event's whole sentence
    ids = {i for t in spec["data"] for i in t.get("ids") or []}
    assert ids and ids <= set(events["event_id"])


def test_drawing_facts_draws_one_bar_per_fact(app):
    app.run()
    app.get("button_group")[1].set_value("facts").run()  # ?draw=facts (the browser test reads the URL)
    spec = timeline(app)
    assert "6 facts on the timeline" in spec["layout"]["title"]["text"]
    ids = {i for t in spec["data"] for i in t.get("ids") or []}
    assert ids and all(i.startswith(("nato-de-", "summit-en-")) for i in ids)


def test_an_open_event_lists_its_facts_and_sources_until_closed(app, store_path):
    rubio = FactStore(store_path).events()
    event_id = rubio[rubio["sentence"].str.contains("Marco Rubio")]["event_id"].iloc[0]
    app.query_params["open"] = event_id
    app.run()
    assert not app.exception
    panel = facts_shown(app)
    assert RUBIO in panel
    assert any("from 1 source" in m.value for m in app.markdown)
    assert any("documents?article=nato-de" in m.value for m in app.markdown)
    app.button(key="drilldown_close").click().run()
    assert "open" not in app.query_params
    assert not any("from 1 source" in m.value for m in app.markdown)
    assert len(FACTS) == 6  # the list below still holds every fact
