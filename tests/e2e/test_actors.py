"""The Actors page in headless Chromium against a real `fact-timeline serve` of its own (a merge
changes the store): merging two actors changes what the Timeline's filter offers and shows."""

import csv
import io

import pytest
from playwright.sync_api import Page, expect

from dashboard.app.process import served
from dashboard.store import FactFilter, FactStore

from .shared import actor_box, choose_actor, download, fact_count, go_to, open_page, timeline, wait_idle

STOLTENBERG_ONLY = "Jens Stoltenberg"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with served(tmp_path_factory.mktemp("e2e-actors") / "facts.duckdb") as running:
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
    store = FactStore(server.db)
    rutte = set(store.facts(FactFilter(actors=("Mark Rutte",)))["fact_id"])
    stoltenberg = set(store.facts(FactFilter(actors=("Jens Stoltenberg",)))["fact_id"])
    assert stoltenberg - rutte and rutte, "the sample names both, apart and together"

    open_page(page, server.url, actor="Mark Rutte")
    assert fact_count(page)[0] == len(rutte)
    expect(timeline(page).locator(".js-plotly-plot").first).to_contain_text("Jens Stoltenberg")
    assert "Jens Stoltenberg" in offered(page, "People", "Stolten")

    go_to(page, "Actors")
    expect(page.locator('[data-testid="stDataFrame"]')).to_be_visible()
    page.get_by_role("tab", name="Merge").click()
    pick(page, "Actors to merge", "Jens Stoltenberg (person")
    pick(page, "into", "Mark Rutte (person", widget="stSelectbox")
    page.get_by_role("button", name="Merge", exact=True).click()
    wait_idle(page)
    expect(page.get_by_text("merged Jens Stoltenberg into Mark Rutte")).to_be_visible()
    assert "actor=Mark+Rutte" in page.url  # the filter is still in the address

    go_to(page, "Timeline")
    assert fact_count(page)[0] == len(rutte | stoltenberg)
    assert "Jens Stoltenberg" not in offered(page, "People", "Stolten")
    figure = timeline(page).locator(".js-plotly-plot").first
    expect(figure).to_contain_text("Mark Rutte")
    expect(figure).not_to_contain_text("Jens Stoltenberg")
    facts = page.locator(".ft-facts")
    for sentence in store.facts(FactFilter(doc_ids=()))[lambda f: f["fact_id"].isin(stoltenberg - rutte)]["sentence"]:
        expect(facts).to_contain_text(sentence[:60])

    go_to(page, "Actors")
    page.get_by_role("tab", name="CSV").click()
    rows = list(csv.DictReader(io.StringIO(download(page, "Download corrections (CSV)", tmp_path).read_text(encoding="utf-8-sig"))))
    assert [(r["name"], r["aliases"]) for r in rows] == [("Mark Rutte", "Jens Stoltenberg")]
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
