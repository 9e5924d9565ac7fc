"""The Story page and the events/summarize commands against one real server and its store."""

import json
import subprocess
import sys

from playwright.sync_api import expect

from .shared import download, open_page


def _cli(*args: str) -> str:
    done = subprocess.run([sys.executable, "-m", "dashboard", *args], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_story_page_shows_the_key_dates_the_cli_gives_and_exports_them(page, server, tmp_path):
    days = [json.loads(line) for line in _cli("summarize", "--db", str(server.db), "--dates", "5").splitlines()]
    assert len(days) == 5
    open_page(page, server.url, "story")
    page.get_by_label("Key dates").fill("5")
    page.keyboard.press("Enter")
    story = page.locator("ol.story > li")
    expect(story).to_have_count(5)
    assert story.locator("time").first.get_attribute("datetime") == days[0]["date"]
    link = story.locator(".sources a").first
    assert link.get_attribute("href").startswith("documents?doc=")
    markdown = download(page, "Markdown", tmp_path).read_text(encoding="utf-8")
    assert markdown.startswith("# Key dates") and markdown.count("\n## ") == 5
    html = download(page, "HTML", tmp_path).read_text(encoding="utf-8")
    assert html.count("<li>") == 5 and days[0]["date"] in html
    link.click()
    expect(page.locator(".ft-doc")).to_be_visible()


def test_events_command_reads_the_served_store(server):
    events = [json.loads(line) for line in _cli("events", "--db", str(server.db)).splitlines()]
    facts = sum(e["n_facts"] for e in events)
    assert events and facts >= len(events)
    assert sum(1 for e in events if e["label"]) >= 0.9 * len(events)
