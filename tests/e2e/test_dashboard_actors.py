"""The Actors page in headless Chromium against a real `fact-timeline serve` of its own (a merge
changes the store): merging two actors changes what the Timeline's filter offers and shows."""

import csv
import io

import pytest
from playwright.sync_api import Page, expect

from dashboard.app.process import served
from dashboard.facts import load_documents
from dashboard.paths import SAMPLES_DIR
from dashboard.store import FactFilter, FactStore

from .shared import actor_box, choose_actor, download, fact_count, go_to, open_page, timeline, wait_idle

@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """A user's own store (the sample articles ingested as `fact-timeline ingest` would) served
    writable: corrections go into it."""
    db = tmp_path_factory.mktemp("e2e-actors") / "facts.duckdb"
    assert FactStore(db).ingest(load_documents([SAMPLES_DIR / "manifest.jsonl"]), workers=1).ok
    with served(db) as running:
        yield running


def pick(page: Page, label: str, option: str, widget: str = "stMultiSelect") -> None:
    """Choose ``option`` in the main area's select box called ``label``, as a user does."""
    box = page.locator(f'[data-testid="stMain"] [data-testid="{widget}"]').filter(has=page.get_by_text(label, exact=True))
    box.locator("input").click()
    box.locator("input").fill(option.split(" (")[0])
    page.get_by_role("option", name=option).first.click()
    close_dropdown(page)
    wait_idle(page)


def offered(page: Page, group: str, typed: str) -> list[str]:
    """The options the sidebar's ``group`` list offers for what the user types."""
    box = actor_box(page, group)
    box.locator("input").click()
    box.locator("input").fill(typed)
    page.wait_for_timeout(300)
    options = [o.inner_text().strip() for o in page.get_by_role("option").all()]
    box.locator("input").fill("")
    close_dropdown(page)
    return options


def close_dropdown(page: Page) -> None:
    """Until no option list is open (an open one hides the rest of the page from its roles)."""
    for _ in range(3):
        if not page.get_by_role("listbox").count():
            return
        page.keyboard.press("Escape")
        page.wait_for_timeout(100)
    expect(page.get_by_role("listbox")).to_have_count(0)


def lanes(page: Page) -> str:
    """The text of the timeline figure (its lane names among it)."""
    return timeline(page).locator(".js-plotly-plot").first.inner_text()


def test_a_merge_on_the_actors_page_changes_what_the_timeline_filter_offers_and_shows(page, server, tmp_path):
    """A journalist reads "the White House" as the United States' government and merges the two."""
    store = FactStore(server.db)
    states = set(store.facts(FactFilter(actors=("United States",)))["fact_id"])
    house_facts = store.facts(FactFilter(actors=("White House",)))
    house = set(house_facts["fact_id"])
    assert house - states, "the sample names the White House where it names no United States"

    open_page(page, server.url, actor="United States")
    assert fact_count(page)[0] == len(states)
    assert "White House" in offered(page, "Organisations", "White")

    go_to(page, "Actors")
    expect(page.locator('[data-testid="stDataFrame"]')).to_be_visible()
    page.get_by_role("tab", name="Merge").click()
    pick(page, "Actors to merge", "White House (organisation")
    pick(page, "into", "United States (state", widget="stSelectbox")
    page.get_by_role("button", name="Merge", exact=True).click()
    wait_idle(page)
    expect(page.get_by_text("merged White House into United States")).to_be_visible()
    assert "actor=United+States" in page.url  # the filter is still in the address

    go_to(page, "Timeline")
    assert fact_count(page)[0] == len(states | house)
    assert "White House" not in offered(page, "Organisations", "White")
    figure = timeline(page).locator(".js-plotly-plot").first
    expect(figure).to_contain_text("United States")
    expect(figure).not_to_contain_text("White House")
    assert store.facts(FactFilter(actors=("White House",))).empty
    for sentence in house_facts["sentence"]:  # the facts under the timeline (grouped by period)
        expect(page.locator(".ft-facts").filter(has_text=sentence[:60]).first).to_be_attached()

    go_to(page, "Actors")
    page.get_by_role("tab", name="CSV").click()
    rows = list(csv.DictReader(io.StringIO(download(page, "Download corrections (CSV)", tmp_path).read_text(encoding="utf-8-sig"))))
    assert [(r["name"], r["kind"], r["wikidata"], r["aliases"]) for r in rows] == [("United States", "state", "Q30", "White House")]
    page.screenshot(path=tmp_path / "actors.png", full_page=True)


def test_the_sidebar_offers_actors_in_groups_by_kind(page, server):
    open_page(page, server.url)
    sidebar = page.locator('[data-testid="stSidebar"]')
    for group in ("People", "Organisations", "States"):
        expect(sidebar.get_by_text(group, exact=True)).to_be_visible()
    choose_actor(page, "NATO", "Organisations")
    choose_actor(page, "Romania", "States")
    assert "actor=NATO&actor=Romania" in page.url
    passing, total = fact_count(page)
    assert 0 < passing < total
