"""One real `fact-timeline serve` over a temporary store for the whole browser-test session."""

import pytest
from playwright.sync_api import expect, sync_playwright

from dashboard.app.process import served

from .shared import CHROMIUM, TIMEOUT_MS

# Expectations wait as long as actions do: a first page load on a busy machine (plotly's bundle in
# the timeline's frame) takes longer than Playwright's default five seconds.
expect.set_options(timeout=TIMEOUT_MS)


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    with served(tmp_path_factory.mktemp("e2e") / "facts.duckdb", extra_args=["--demo"]) as running:
        yield running


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    tab = context.new_page()
    tab.set_default_timeout(TIMEOUT_MS)
    yield tab
    context.close()
