"""Charts as PNG, SVG, PDF (real kaleido + Debian chromium) and offline HTML, each file opened."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
import textwrap
import threading
import xml.etree.ElementTree as ET
from datetime import date

import plotly.graph_objects as go
import pytest
from PIL import Image
from pypdf import PdfReader

from charts.factrows import fact_frame, story_facts
from dashboard.charts import CHARTS, timeline_figure
from dashboard.export import figure_bytes
from dashboard.export.static import printable

SVG = "{http://www.w3.org/2000/svg}"


def write(tmp_path, name: str, payload: bytes):
    path = tmp_path / name
    path.write_bytes(payload)
    return path


def test_png_decodes_at_the_size_asked_for(tmp_path):
    fig = timeline_figure(story_facts(), today=date(2025, 12, 2))
    path = write(tmp_path, "timeline.png", figure_bytes(fig, "png", width=900, height=500))
    with Image.open(path) as image:
        image.load()
        assert image.format == "PNG" and image.size == (1800, 1000)  # twice the pixels, for print
        colours = {c for _, c in image.convert("RGB").getcolors(maxcolors=1 << 20)}
    assert (0x5B, 0x70, 0x83) in colours  # the "past" bars are there


def test_png_defaults_to_the_figures_own_height(tmp_path):
    fig = CHARTS["actors"](story_facts())
    with Image.open(write(tmp_path, "actors.png", figure_bytes(fig, "png"))) as image:
        assert image.size == (2400, 2 * fig.layout.height)


def test_svg_parses_and_holds_the_chart_text(tmp_path):
    fig = CHARTS["per-month"](story_facts())
    root = ET.parse(write(tmp_path, "months.svg", figure_bytes(fig, "svg", width=800, height=400))).getroot()
    assert root.tag == f"{SVG}svg" and root.get("width") == "800"
    texts = {t.text for t in root.iter(f"{SVG}text")}
    assert "2025-10" in texts and "past" in texts


def test_pdf_has_a_page_with_the_chart(tmp_path):
    fig = CHARTS["heatmap"](story_facts())
    path = write(tmp_path, "heatmap.pdf", figure_bytes(fig, "pdf", width=800, height=450))
    assert path.read_bytes().startswith(b"%PDF")
    reader = PdfReader(path)
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert float(box.width) / float(box.height) == pytest.approx(800 / 450, rel=0.02)
    assert "Donald Trump" in reader.pages[0].extract_text()


def test_html_is_self_contained_with_plotly_js_inlined(tmp_path):
    facts = fact_frame([{"value": "2025-10", "actors": ["Donald Trump"],
                         "sentence": "Trump traf Stubb im Oktober </script><script>alert(1)</script>."}])
    path = write(tmp_path, "timeline.html", figure_bytes(timeline_figure(facts), "html"))
    page = path.read_text(encoding="utf-8")
    assert "plotly.js v" in page and len(page) > 3_000_000
    assert not re.search(r"<script[^>]+src\s*=", page, re.I)
    assert "<script>alert(1)" not in page
    assert "<title>1 fact on the timeline</title>" in page
    assert "Trump traf Stubb im Oktober" in page


def test_an_aggregated_timeline_exports_as_a_static_image(tmp_path):
    rows = [{"value": f"2025-{m:02d}", "actors": [f"Actor {m}"], "status": s}
            for m in range(1, 13) for s in ("past", "future")]
    fig = timeline_figure(fact_frame(rows), detail_limit=5, today=date(2025, 12, 2))
    assert not [t for t in fig.data if t.type == "bar"]  # segments, not bars
    with Image.open(io.BytesIO(figure_bytes(fig, "png", width=700, height=500))) as image:
        colours = {c for _, c in image.convert("RGB").getcolors(maxcolors=1 << 20)}
    assert (0x1B, 0x9E, 0x77) in colours  # the future segments were filled


def test_paper_copies_lose_sliders_and_webgl_but_the_figure_keeps_them():
    fig = timeline_figure(fact_frame([{"value": "2025-10"}] * 4), detail_limit=2, today=date(2025, 12, 2))
    fig.add_trace(go.Scattergl(x=[1, 2], y=[1, 2]))
    spec = printable(fig)
    assert "rangeslider" not in spec["layout"]["xaxis"] and "rangeselector" not in spec["layout"]["xaxis"]
    assert {t["type"] for t in spec["data"]} == {"scatter"}
    assert fig.layout.xaxis.rangeslider.visible and fig.data[-1].type == "scattergl"


def test_empty_figure_exports(tmp_path):
    fig = timeline_figure(story_facts().iloc[:0])
    svg = figure_bytes(fig, "svg", width=600, height=300).decode()
    assert "no facts match" in svg


def _solid(i: int) -> tuple[go.Figure, tuple[int, int, int]]:
    """A figure that is one flat colour, so its PNG says whose it is."""
    colour = (40 * i % 256, 255 - 30 * i % 256, 90 + 20 * i % 166)
    fig = go.Figure()
    fig.update_layout(paper_bgcolor="rgb(%d,%d,%d)" % colour, plot_bgcolor="rgb(%d,%d,%d)" % colour,
                      xaxis_visible=False, yaxis_visible=False, title=f"figure {i}")
    return fig, colour


def test_concurrent_exports_never_swap_images():
    results: dict[tuple[int, int], tuple] = {}
    errors: list[BaseException] = []

    def export(i: int) -> None:
        fig, colour = _solid(i)
        try:
            for round_ in range(3):
                png = figure_bytes(fig, "png", width=300 + 17 * i, height=200 + 11 * i)
                with Image.open(io.BytesIO(png)) as image:
                    results[(i, round_)] = (image.size, image.convert("RGB").getpixel((5, image.size[1] - 5)))
                svg = figure_bytes(fig, "svg", width=300 + 17 * i, height=200 + 11 * i).decode()
                assert f"figure {i}<" in svg, f"thread {i} got another figure's SVG"
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=export, args=(i,)) for i in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert not errors, errors
    for (i, _), (size, pixel) in results.items():
        assert size == (2 * (300 + 17 * i), 2 * (200 + 11 * i))
        assert pixel == _solid(i)[1]
    assert len(results) == 18


def test_without_a_browser_static_export_says_what_to_install():
    script = textwrap.dedent("""
        import plotly.graph_objects as go
        from dashboard.export import ExportUnavailable, figure_bytes
        try:
            figure_bytes(go.Figure(), "png")
        except ExportUnavailable as exc:
            print("UNAVAILABLE:", exc)
        print("HTML:", len(figure_bytes(go.Figure(), "html")) > 0)
    """)
    env = {**os.environ, "BROWSER_PATH": "/nonexistent/chromium"}
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "UNAVAILABLE: PNG, SVG and PDF export need a Chromium browser" in done.stdout
    assert "/nonexistent/chromium" in done.stdout and "apt-get install chromium" in done.stdout
    assert "HTML: True" in done.stdout


def test_unknown_figure_format_is_an_error():
    with pytest.raises(ValueError, match="figure format"):
        figure_bytes(go.Figure(), "jpeg")


def _kaleido_browsers() -> list[int]:
    """Process ids of the chromium kaleido started for this process (under choreographer's pipe
    wrapper), and not of any other browser a test may have open."""
    children: dict[int, list[int]] = {}
    commands: dict[int, str] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as stat:
                parent = int(stat.read().rsplit(")", 1)[1].split()[1])
            with open(f"/proc/{entry}/cmdline", "rb") as cmd:
                commands[int(entry)] = cmd.read().decode(errors="replace")
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(parent, []).append(int(entry))

    def below(pid: int):
        for child in children.get(pid, []):
            yield child
            yield from below(child)

    wrappers = [p for p in below(os.getpid()) if "_unix_pipe_chromium_wrapper" in commands.get(p, "")]
    return [p for w in wrappers for p in [w, *below(w)]]


def test_a_browser_that_died_is_started_again():
    fig, colour = _solid(1)
    figure_bytes(fig, "png", width=200, height=100)
    browsers = _kaleido_browsers()
    assert browsers
    for pid in browsers:
        try:
            os.kill(pid, 9)
        except ProcessLookupError:
            pass
    with Image.open(io.BytesIO(figure_bytes(fig, "png", width=200, height=100))) as image:
        assert image.size == (400, 200) and image.convert("RGB").getpixel((5, 5)) == colour
    assert set(_kaleido_browsers()).isdisjoint(browsers)
