"""The dashboard in headless Chromium against a real `fact-timeline serve` on the sample corpus."""

import csv
import io
import os
import shutil
from pathlib import Path
from urllib.parse import urlsplit

from PIL import Image
from playwright.sync_api import expect

from dashboard.app.process import health

from .shared import choose_actor, download, fact_count, go_to, open_page, set_date, timeline, wait_idle

STUBB = "Treffen mit dem finnischen Präsidenten Alexander Stubb im Oktober"
RUBIO = "Marco Rubio wird am Mittwoch nicht an dem Treffen teilnehmen"
README_SCREENSHOT = Path(__file__).resolve().parents[2] / "docs" / "dashboard.png"


def test_the_server_answers_health(server):
    assert health(server.url) == "ok"


def test_the_dashboard_opens_on_the_sample_article(page, server):
    open_page(page, server.url)
    passing, total = fact_count(page)
    assert passing == total > 0
    facts = page.locator(".ft-list").first
    expect(facts).to_contain_text(STUBB)
    expect(facts).to_contain_text(RUBIO)
    expect(timeline(page).locator(".js-plotly-plot .main-svg").first).to_be_visible()


def test_the_dashboard_makes_no_request_beyond_its_own_server(page, server):
    hosts = set()
    page.on("request", lambda request: hosts.add(urlsplit(request.url).netloc or urlsplit(request.url).scheme))
    open_page(page, server.url)
    go_to(page, "Charts")
    go_to(page, "Documents")
    assert hosts - {"data", "blob"} == {urlsplit(server.url).netloc}


def test_filter_by_trump_then_download_timeline_png_and_data_csv(page, server, tmp_path):
    open_page(page, server.url)
    choose_actor(page, "Donald Trump")
    assert "actor=Donald+Trump" in page.url
    passing, total = fact_count(page)
    assert 0 < passing < total
    facts = page.locator(".ft-list").first
    expect(facts).to_contain_text(STUBB)
    expect(facts).not_to_contain_text(RUBIO)

    png = download(page, "PNG", tmp_path)
    with Image.open(png) as image:
        image.load()  # decodes every pixel
        assert image.format == "PNG" and image.width >= 600 and image.height >= 300

    page.screenshot(path=tmp_path / "dashboard.png")
    if os.environ.get("UPDATE_README_SCREENSHOT"):
        README_SCREENSHOT.parent.mkdir(exist_ok=True)
        shutil.copyfile(tmp_path / "dashboard.png", README_SCREENSHOT)

    go_to(page, "Data")
    assert "actor=Donald+Trump" in page.url and fact_count(page) == (passing, total)
    rows = list(csv.DictReader(io.StringIO(download(page, "CSV", tmp_path).read_text(encoding="utf-8-sig"))))
    assert len(rows) == passing
    assert all("Donald Trump" in row["actors"].split("; ") for row in rows)
    assert any(STUBB in row["sentence"] for row in rows)
    assert not any(RUBIO in row["sentence"] for row in rows)


def test_a_bookmarked_address_opens_the_same_view(page, server):
    open_page(page, server.url, "data", actor="Donald Trump", status="past")
    chips = page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').first
    expect(chips).to_contain_text("Donald Trump")
    passing, _ = fact_count(page)
    go_to(page, "Timeline")
    assert "status=past" in page.url and fact_count(page)[0] == passing


def test_documents_page_highlights_and_links_facts_to_their_place(page, server):
    open_page(page, server.url, "documents", doc="nato-foreign-ministers-2025-12-02")
    text = page.locator(".ft-doc")
    expect(text.locator("mark.ft-timex").first).to_be_visible()
    expect(text.locator("mark.ft-actor").first).to_be_visible()
    link = page.locator(".ft-facts a").first
    target = link.get_attribute("href")
    link.click()
    expect(page.locator(f"mark{target}")).to_be_in_viewport()


def test_adding_articles_bad_file_reported_good_text_stored(page, server, tmp_path):
    open_page(page, server.url, "add")
    _, before = fact_count(page)
    bad = tmp_path / "broken.txt"
    bad.write_bytes(b"\x00\x01\x02binary\x00" * 50)
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(bad)
    page.get_by_role("button", name="Store the files").click()
    wait_idle(page)
    expect(page.get_by_text("broken.txt")).to_be_visible()
    assert fact_count(page)[1] == before  # nothing stored was lost

    page.get_by_role("tab", name="Paste text").click()
    page.get_by_label("Title").fill("Gipfel in Ankara")
    page.get_by_label("Article text").fill(
        "Der NATO-Gipfel in Ankara findet am 7. Juli 2026 statt. Rutte sagte am Montag, die Vorbereitungen liefen.")
    set_date(page, "Publication date", "2026-01-12")
    page.get_by_role("button", name="Store the text").click()
    wait_idle(page)
    expect(page.get_by_text("Added 1 article: Gipfel in Ankara")).to_be_visible()
    assert fact_count(page)[1] > before
