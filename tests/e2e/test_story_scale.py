"""The dashboard at the scale of a story: about 800 articles of real size (tests/e2e/scale.py)
ingested once, a real `fact-timeline serve`, headless Chromium.

What a journalist sees first is the period the story is about (not 1949 .. 2027), the range
buttons and both date axes agree, a click or Back changes the filter on every page, exports
carry the words of the chart, TimelineJS 3 draws its navigation for 500+ events, and a deleted
article is gone everywhere.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
from pathlib import Path

import pandas as pd
import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

from dashboard.app.process import served
from dashboard.store import FactStore

from .scale import varied_articles
from .shared import TIMEOUT_MS, choose_actor, download, fact_count, go_to, open_page, tick, timeline, wait_idle

N_ARTICLES = 800
PACKAGE = Path("@knight-lab") / "timelinejs" / "dist"


def timelinejs_dist() -> Path:
    """TimelineJS 3's npm package, installed beforehand (nothing is fetched here): the folder in
    $FACT_TIMELINE_TIMELINEJS, else .ci/node of this checkout, else npm's global folder, where
    .ci/run and the README's `npm install -g` put it."""
    if os.environ.get("FACT_TIMELINE_TIMELINEJS"):
        return Path(os.environ["FACT_TIMELINE_TIMELINEJS"])
    local = Path(__file__).resolve().parents[2] / ".ci" / "node" / "node_modules" / PACKAGE
    npm = shutil.which("npm")
    if local.is_dir() or npm is None:
        return local
    root = subprocess.run([npm, "root", "-g"], capture_output=True, text=True, timeout=60).stdout.strip()
    return Path(root) / PACKAGE if root else local


PLOT = 'iframe[title$="plotly_frame"]'


@pytest.fixture(scope="module")
def story(tmp_path_factory):
    """The store of about 800 articles and a dashboard over it, for every test of this file."""
    db = tmp_path_factory.mktemp("scale") / "facts.duckdb"
    report = FactStore(db).ingest(varied_articles(N_ARTICLES), workers=2)
    assert report.ok and report.n_documents == N_ARTICLES, report.summary()
    with served(db) as running:
        yield running


def plot_state(page) -> dict:
    """The timeline as the browser holds it: x range (ms), axis labels, bars per range."""
    frame = page.wait_for_selector(PLOT).content_frame()
    frame.wait_for_function("() => document.body.dataset.revision")
    return frame.evaluate("""() => {
        const plot = document.getElementById('plot');
        const texts = (sel) => [...plot.querySelectorAll(sel)].map((t) => t.textContent);
        const range = plot._fullLayout.xaxis.range.map((v) => typeof v === 'number' ? v : Date.parse(v.replace(' ', 'T') + 'Z'));
        // bars (one per event and lane) or, above the detail limit, filled rectangles in one
        // path (x: start, end, end, start, gap); count those in the view
        let inside = 0;
        const within = (start, end) => { if (start < range[1] && end > range[0]) inside += 1; };
        for (const trace of plot._fullData) {
            if (trace.type === 'bar') {
                for (let i = 0; i < trace.x.length; i++) within(trace.base[i], trace.base[i] + trace.x[i]);
            } else if (trace.fill === 'toself' && trace.name !== 'overview') {  // not the range slider's overview
                for (let i = 0; i + 1 < trace.x.length; i += 5) within(trace.x[i], trace.x[i + 1]);
            }
        }
        return {range, bottom: texts('g.xtick text'), top: texts('g.x2tick text'), inside,
                notes: (plot.layout.annotations || []).map((a) => a.text)};
    }""")


def press(page, label: str) -> None:
    """One of the timeline's range buttons (story, 1m, 6m, 1y, 5y, all)."""
    timeline(page).locator("g.updatemenu-button").filter(has_text=label).first.click()
    page.wait_for_timeout(300)


def test_the_first_view_covers_the_bulk_and_counts_the_far_off(page, story):
    open_page(page, story.url)
    state = plot_state(page)
    low, high = (pd.Timestamp(v, unit="ms") for v in state["range"])
    events = FactStore(story.db).events()
    placed = events[events["start"].notna() & (events["dating"] != "report")]
    middles = placed["start"] + (placed["end"] - placed["start"]) / 2
    assert ((middles >= low) & (middles <= high)).mean() >= 0.8
    assert low.year >= 2020 and high.year <= 2030  # not 1949 .. 2027
    assert any("earlier (back to 1949)" in note for note in state["notes"])
    assert state["inside"] > 100


@pytest.mark.parametrize("button", ["5y", "1y"])
def test_range_buttons_show_facts_and_both_axes_label_the_same_years(page, story, button):
    open_page(page, story.url)
    before = plot_state(page)
    assert before["top"] and before["top"] == before["bottom"]
    press(page, button)
    after = plot_state(page)
    width_days = (after["range"][1] - after["range"][0]) / 86_400_000
    assert (330 if button == "1y" else 1800) <= width_days <= (400 if button == "1y" else 1860)
    assert after["inside"] > 0
    assert after["top"] == after["bottom"]


def test_a_click_on_a_lane_filters_every_page_and_back_undoes_it(page, story):
    open_page(page, story.url)
    _, total = fact_count(page)
    lane = timeline(page).locator("g.ytick text").nth(2)  # the first lanes: "published", then actors
    name = lane.text_content()
    lane.click(force=True)
    wait_idle(page)
    assert f"actor={name.replace(' ', '+')}" in page.url
    passing, _ = fact_count(page)
    assert 0 < passing < total
    go_to(page, "Data")
    assert fact_count(page)[0] == passing
    page.go_back()
    wait_idle(page)
    page.go_back()
    wait_idle(page)
    assert "actor=" not in page.url and fact_count(page)[0] == total


def test_a_sidebar_filter_is_one_step_back(page, story):
    open_page(page, story.url)
    choose_actor(page, "Donald Trump")
    choose_actor(page, "Mark Rutte")
    assert page.url.count("actor=") == 2
    page.go_back()
    wait_idle(page)
    assert page.url.count("actor=") == 1 and "Donald+Trump" in page.url
    chips = page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').first
    expect(chips).to_contain_text("Donald Trump")
    expect(chips).not_to_contain_text("Mark Rutte")


def click_at(page, chart, pick: str, attempts: int = 4) -> None:
    """Click the middle of the plot element the JavaScript ``pick(plot)`` returns, as a user
    does: scroll it to the middle of the window, move the mouse onto it, wait until plotly has
    found the point under the mouse (its hover is throttled, and on a busy machine a click
    that comes first selects nothing), then click. Everything is measured in one call: a plot
    that redraws (Streamlit reruns after Back) replaces its elements. Returns once the
    selection has reached the URL; a click that started no run is tried again."""
    plot = chart.locator(".js-plotly-plot")
    before = page.url
    for _ in range(attempts):
        box = plot.evaluate(f"""(plot) => {{
            const target = ({pick})(plot);
            target.scrollIntoView({{block: 'center'}});
            const r = target.getBoundingClientRect();
            return {{x: r.x + r.width / 2, y: r.y + r.height / 2}};
        }}""")
        page.mouse.move(box["x"], box["y"])
        plot.evaluate("""(plot) => new Promise((done) => {
            const until = Date.now() + 5000;
            const poll = () => ((plot._hoverdata || []).length || Date.now() > until ? done() : setTimeout(poll, 50));
            poll();
        })""")
        page.mouse.click(box["x"], box["y"])
        try:  # the run the selection starts, or its end with the new URL
            page.wait_for_function(
                """(before) => location.href !== before
                    || document.querySelector('[data-testid="stApp"]').dataset.testScriptState === 'running'""",
                arg=before, timeout=5000)
        except PlaywrightTimeout:
            continue
        page.wait_for_function("(before) => location.href !== before", arg=before, timeout=TIMEOUT_MS)
        return
    raise AssertionError(f"{attempts} clicks on the chart selected nothing")


def test_a_heatmap_cell_and_a_top_actor_bar_filter_every_page(page, story):
    open_page(page, story.url, "charts")
    _, total = fact_count(page)
    charts = page.locator('[data-testid="stPlotlyChart"]')
    heatmap = charts.nth(1)
    heatmap.scroll_into_view_if_needed()
    heatmap.locator("g.scatterlayer path.point").first.wait_for(state="attached")  # what a click on a cell selects
    click_at(page, heatmap, """(plot) => {
        const points = [...plot.querySelectorAll('g.scatterlayer path.point')];
        const counts = points.map((p) => Number(p.__data__ && p.__data__.tx) || 0);
        return points[counts.indexOf(Math.max(...counts))];
    }""")
    wait_idle(page)
    assert "actor=" in page.url and "from=" in page.url and "to=" in page.url
    assert 0 < fact_count(page)[0] < total
    page.go_back()
    wait_idle(page)
    assert "from=" not in page.url

    top = charts.nth(3)
    top.scroll_into_view_if_needed()
    top.locator(".nsewdrag").first.wait_for()
    click_at(page, top, """(plot) => {  // the lowest bar: the 15th actor
        const bars = [...plot.querySelectorAll('g.point path')].filter((b) => b.getBoundingClientRect().width > 4);
        return bars.reduce((low, b) => (b.getBoundingClientRect().y > low.getBoundingClientRect().y ? b : low));
    }""")
    wait_idle(page)
    assert "actor=" in page.url and 0 < fact_count(page)[0] < total
    go_to(page, "Timeline")
    assert "actor=" in page.url and fact_count(page)[0] < total


def test_an_exported_svg_holds_the_bar_labels_and_the_filter_in_its_title(page, story, tmp_path):
    open_page(page, story.url, actor="Donald Trump")
    labels = timeline(page).locator("g.textpoint text")
    labels.first.wait_for()
    shown = {labels.nth(i).text_content() for i in range(min(labels.count(), 20))}
    svg = download(page, "SVG", tmp_path).read_text(encoding="utf-8")
    assert "Donald Trump" in svg.split("<g class=\"infolayer\">")[-1]  # the title, in the title layer
    assert any(f">{label}<" in svg.replace("&amp;", "&") for label in shown if label)


def test_a_timelinejs_export_of_500_events_draws_its_navigation(page, story, tmp_path):
    timelinejs = timelinejs_dist()  # asked here, not at collection: only this test needs npm
    if not (timelinejs / "js" / "timeline.js").is_file():
        pytest.fail(f"TimelineJS 3 is not installed at {timelinejs}: run `npm install -g "
                    "@knight-lab/timelinejs@~3.9.11` (.ci/run does it)")
    open_page(page, story.url, "data")
    document = json.loads(download(page, "TimelineJS", tmp_path).read_text(encoding="utf-8"))
    assert len(document["events"]) >= 500
    assert len({e["group"] for e in document["events"]}) <= 10
    html = tmp_path / "timelinejs.html"
    html.write_text(f"""<!doctype html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="{(timelinejs / 'css' / 'timeline.css').as_uri()}">
<script src="{(timelinejs / 'js' / 'timeline.js').as_uri()}"></script></head>
<body><div id="story" style="width: 1200px; height: 700px"></div>
<script>window.tl = new TL.Timeline("story", {json.dumps(document)});</script></body></html>""", encoding="utf-8")
    outside = []
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:")
               else (outside.append(route.request.url), route.abort()))
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(html.as_uri())
    navigation = page.locator(".tl-timenav")
    expect(navigation).to_be_visible(timeout=TIMEOUT_MS)
    expect(page.locator(".tl-timemarker").first).to_be_attached(timeout=TIMEOUT_MS)
    assert page.locator(".tl-timemarker").count() >= 500
    assert page.locator(".tl-timegroup").count() <= 10
    assert not errors, errors


def test_a_deleted_document_is_gone_from_every_page(page, story, tmp_path):
    doc_id, title = "scale-0007", FactStore(story.db).documents().set_index("doc_id").loc["scale-0007", "title"]
    # Opened by its link (documents?article=ID, as the Timeline and the Story link it): choosing it
    # in the selectbox also rewrites the URL, and a tick given while that settles can be lost.
    open_page(page, story.url, "documents", article=doc_id)
    _, total = fact_count(page)
    expect(page.get_by_text(f"id {doc_id}")).to_be_visible()
    n_facts = int(FactStore(story.db).documents().set_index("doc_id").loc[doc_id, "n_facts"])
    page.get_by_text("Delete this document", exact=True).click()
    tick(page, "Yes, delete this document")
    wait_idle(page)
    delete = page.get_by_role("button", name="Delete document")
    expect(delete).to_be_enabled()
    delete.click()
    expect(page.get_by_text(f"and its {n_facts} facts.")).to_be_visible(timeout=TIMEOUT_MS)  # after the rerun
    wait_idle(page)
    assert fact_count(page)[1] == total - n_facts
    for path in ("", "charts", "story", "actors", "data"):  # each page, opened anew
        open_page(page, story.url, path)
        assert fact_count(page)[1] == total - n_facts
        assert title not in page.content()
    rows = list(csv.DictReader(io.StringIO(download(page, "CSV", tmp_path).read_text(encoding="utf-8-sig"))))
    assert len(rows) == total - n_facts and not any(row["doc_id"] == doc_id for row in rows)
    open_page(page, story.url, "documents")
    chooser = page.get_by_role("combobox", name="Document", exact=True)  # not the fact editor's, hidden in its expander
    chooser.click()
    chooser.fill(title)
    expect(page.get_by_role("option", name=title, exact=True)).to_have_count(0)
