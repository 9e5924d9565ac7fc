"""Helpers for driving the dashboard in headless Chromium, shared by every browser test.

Streamlit reruns the script after each interaction; acting before the rerun finished reads
stale content or downloads the previous run's file, so every action here ends by waiting for
the app to be idle (RECIPES.md: the script-state flake).
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlencode

from playwright.sync_api import FrameLocator, Page, expect

CHROMIUM = "/usr/bin/chromium"
IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'
COUNT = re.compile(r"([\d,]+)\s+of\s+([\d,]+)\s+facts pass the filters")
TIMEOUT_MS = 60_000


def wait_idle(page: Page) -> None:
    """Until the script run is over and the page shows its fact count."""
    page.wait_for_timeout(150)  # a rerun may take a moment to start after the click
    page.locator(IDLE).wait_for(timeout=TIMEOUT_MS)
    expect(page.get_by_text(COUNT)).to_be_visible(timeout=TIMEOUT_MS)


def tick(page: Page, label: str) -> None:
    """Tick a checkbox by its label and see it ticked. A click that lands while a rerun replaces
    the widget is lost, as it would be for a user, who clicks again: so do we, after the run."""
    box = page.get_by_role("checkbox", name=label)
    for _ in range(3):
        if box.is_checked():
            return
        page.get_by_text(label, exact=True).click()
        try:
            expect(box).to_be_checked(timeout=5_000)
            return
        except AssertionError:
            wait_idle(page)
    expect(box).to_be_checked()


def open_page(page: Page, base_url: str, path: str = "", **params: str | list[str]) -> None:
    query = urlencode(params, doseq=True)
    page.goto(f"{base_url}/{path}{'?' + query if query else ''}")
    wait_idle(page)


def timeline(page: Page) -> FrameLocator:
    """The frame the timeline is drawn in (dashboard/app/live_plot.py)."""
    return page.frame_locator('iframe[title$="plotly_frame"]')


def fact_count(page: Page) -> tuple[int, int]:
    """(facts passing the filters, facts in the store) as the page states them."""
    match = COUNT.search(page.get_by_text(COUNT).inner_text())
    assert match, "the page does not say how many facts pass"
    return int(match[1].replace(",", "")), int(match[2].replace(",", ""))


def actor_box(page: Page, group: str = "People"):
    """The sidebar's actor list of one kind (People, Organisations, Companies, Parties, States)."""
    return page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').filter(
        has=page.get_by_text(group, exact=True))


def choose_actor(page: Page, name: str, group: str = "People") -> None:
    """Pick one actor in the sidebar's list of its kind, as a user does: type and choose."""
    box = actor_box(page, group)
    box.locator("input").click()
    box.locator("input").fill(name)
    page.get_by_role("option", name=name, exact=True).click()
    page.keyboard.press("Escape")
    wait_idle(page)


def set_date(page: Page, label: str, iso_day: str) -> None:
    """Type a date into the date field called ``label`` (its year, month and day segments)."""
    field = page.get_by_role("group", name=label, exact=True).last
    field.get_by_role("spinbutton").first.click()
    page.keyboard.type(iso_day.replace("-", ""))
    page.keyboard.press("Escape")  # close the calendar, which would cover what is below


def go_to(page: Page, title: str) -> None:
    """Switch page with the sidebar navigation."""
    page.locator('[data-testid="stSidebarNav"]').get_by_role("link", name=title).click()
    wait_idle(page)


def download(page: Page, label: str, folder: Path, nth: int = 0) -> Path:
    """Click the ``nth`` download button called ``label``; returns the saved file."""
    wait_idle(page)
    button = page.locator('[data-testid="stDownloadButton"]').get_by_role("button", name=label, exact=True)
    with page.expect_download(timeout=TIMEOUT_MS) as info:
        button.nth(nth).click()
    target = folder / info.value.suggested_filename
    info.value.save_as(target)
    return target
