"""`fact-timeline export` against a real DuckDB fact store: files written, opened and checked."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import duckdb
import jsonschema
import pytest
from PIL import Image

from charts.factrows import NATO_DOC, STUBB_DOC, story_facts
from dashboard.cli import main
from dashboard.export.command import parse_day
from dashboard.facts import Document
from dashboard.store import FactStore

SCHEMA = json.loads((Path(__file__).parent / "timelinejs.schema.json").read_text())


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    """A store holding the eight story facts of two documents."""
    path = tmp_path_factory.mktemp("store") / "facts.duckdb"
    docs = [
        Document(doc_id=NATO_DOC, text="…", title="NATO-Außenminister treffen sich ohne Rubio",
                 source=f"data/samples/{NATO_DOC}.txt", dct=date(2025, 12, 2), lang="de"),
        Document(doc_id=STUBB_DOC, text="…", title="Trump meets Stubb", source=f"data/samples/{STUBB_DOC}.txt",
                 dct=date(2025, 10, 21), lang="en"),
    ]
    FactStore(path).write(docs, story_facts())
    return path


def export(db: Path, *args: str) -> int:
    return main(["export", "--db", str(db), *args])


def csv_rows(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline="")))


def test_csv_rows_match_the_actor_filter(db, tmp_path, capsys):
    out = tmp_path / "trump.csv"
    assert export(db, "--actor", "Donald Trump", "-o", str(out)) == 0
    rows = csv_rows(out)
    assert {r["value"] for r in rows} == {"2025-10", "2025-11"}
    assert all("Donald Trump" in r["actors"].split("; ") for r in rows)
    assert not any("Rubio" in r["sentence"] for r in rows)
    assert f"wrote {out}: csv, 2 facts" in capsys.readouterr().err


def test_actor_mode_all_needs_every_actor(db, tmp_path):
    out = tmp_path / "both.json"
    assert export(db, "--actor", "Donald Trump", "Alexander Stubb", "--actor-mode", "all", "-o", str(out)) == 0
    assert [r["value"] for r in json.loads(out.read_bytes())] == ["2025-10"]


def test_date_range_keeps_overlapping_intervals(db, tmp_path):
    out = tmp_path / "december.csv"
    assert export(db, "--from", "2025-12", "--to", "2025-12", "-o", str(out)) == 0
    assert sorted(r["value"] for r in csv_rows(out)) == ["2025-12-02", "2025-12-03", "PRESENT_REF"]


def test_status_type_and_document_filters(db, tmp_path):
    out = tmp_path / "future.csv"
    assert export(db, "--status", "future", "--type", "date", "--doc", NATO_DOC, "-o", str(out)) == 0
    rows = csv_rows(out)
    assert sorted(r["value"] for r in rows) == ["2025-12-03", "2026"]
    assert {r["status"] for r in rows} == {"future"} and {r["doc_id"] for r in rows} == {NATO_DOC}


def test_timeline_png_of_one_actor(db, tmp_path):
    out = tmp_path / "trump.png"
    assert export(db, "--chart", "timeline", "--actor", "Donald Trump", "--width", "1000", "-o", str(out)) == 0
    with Image.open(out) as image:
        image.load()
        assert image.format == "PNG" and image.width == 2000


@pytest.mark.parametrize("chart", ["timeline", "per-month", "per-quarter", "actors", "heatmap", "cooccurrence"])
def test_every_chart_exports_as_svg(db, tmp_path, chart):
    out = tmp_path / f"{chart}.svg"
    assert export(db, "--chart", chart, "-o", str(out)) == 0
    assert out.read_text().lstrip().startswith("<svg")


def test_html_and_pdf_by_format_option(db, tmp_path):
    html, pdf = tmp_path / "t.out", tmp_path / "m.out"
    assert export(db, "--format", "html", "--lane-by", "document", "-o", str(html)) == 0
    assert export(db, "--format", "pdf", "--chart", "per-month", "-o", str(pdf)) == 0
    assert "Trump meets Stubb" in html.read_text() and pdf.read_bytes().startswith(b"%PDF")


def test_timelinejs_and_parquet_ignore_the_chart(db, tmp_path):
    tl, pq_path = tmp_path / "story.timeline.json", tmp_path / "story.parquet"
    assert export(db, "--chart", "heatmap", "-o", str(tl)) == 0
    assert export(db, "--chart", "heatmap", "-o", str(pq_path)) == 0
    document = json.loads(tl.read_bytes())
    jsonschema.validate(document, SCHEMA)
    assert len(document["events"]) == 6  # vague references left out, as on the timeline
    import pyarrow.parquet as pq

    assert pq.read_table(pq_path).num_rows == 8


def test_standard_output(db, capsysbinary):
    assert export(db, "--format", "csv", "--actor", "Marco Rubio", "-o", "-") == 0
    text = capsysbinary.readouterr().out.decode("utf-8-sig")
    assert text.count("\r\n") == 2 and "Marco Rubio" in text


def test_a_filter_matching_nothing_writes_an_empty_file_and_says_so(db, tmp_path, capsys):
    out = tmp_path / "none.csv"
    assert export(db, "--actor", "Nobody", "-o", str(out)) == 0
    assert csv_rows(out) == []
    assert "no facts match" in capsys.readouterr().err


@pytest.mark.parametrize("setup, message", [
    ("missing", "no fact store at"),
    ("empty", "holds no facts"),
    ("garbage", "not a fact store (not a DuckDB database file)"),
])
def test_a_missing_empty_or_broken_store_is_a_one_line_error(tmp_path, capsys, setup, message):
    path = tmp_path / "facts.duckdb"
    if setup == "empty":
        duckdb.connect(str(path)).close()
    elif setup == "garbage":
        path.write_text("not a database\n")
    assert export(path, "-o", str(tmp_path / "x.csv")) == 2
    err = capsys.readouterr().err
    assert err.startswith("fact-timeline: error: ") and message in err and err.count("\n") == 1
    assert not (tmp_path / "x.csv").exists()


def test_bad_options_are_one_line_errors(db, tmp_path, capsys):
    assert export(db, "-o", str(tmp_path / "x.docx")) == 2
    assert "cannot tell the format" in capsys.readouterr().err
    assert export(db, "--from", "2026", "--to", "2025", "-o", str(tmp_path / "x.csv")) == 2
    assert "is after --to" in capsys.readouterr().err
    assert export(db, "-o", str(tmp_path / "missing" / "x.csv")) == 2
    assert "does not exist" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == []  # nothing half-written


def test_dates_may_be_years_months_or_days():
    assert parse_day("2025", last=False) == date(2025, 1, 1)
    assert parse_day("2025", last=True) == date(2025, 12, 31)
    assert parse_day("2024-02", last=True) == date(2024, 2, 29)
    assert parse_day("2025-12-03", last=True) == date(2025, 12, 3)
    for bad in ("2025-13", "12.03.2025", "2025-02-30", "soon"):
        with pytest.raises(Exception, match="is not a date"):
            parse_day(bad, last=False)


def test_without_a_browser_the_command_fails_in_one_line_and_html_still_works(db, tmp_path):
    env = {**os.environ, "BROWSER_PATH": "/nonexistent/chromium"}
    command = [sys.executable, "-m", "dashboard", "export", "--db", str(db)]
    png = subprocess.run([*command, "-o", str(tmp_path / "x.png")], env=env, capture_output=True, text=True, timeout=120)
    assert png.returncode == 2
    assert png.stderr.startswith("fact-timeline: error: PNG, SVG and PDF export need a Chromium browser")
    assert png.stderr.count("\n") == 1 and not (tmp_path / "x.png").exists()
    html = subprocess.run([*command, "-o", str(tmp_path / "x.html")], env=env, capture_output=True, text=True, timeout=120)
    assert html.returncode == 0 and (tmp_path / "x.html").stat().st_size > 3_000_000


def test_an_exported_svg_says_the_filter_in_its_title_and_carries_bar_labels(db, tmp_path):
    out = tmp_path / "trump.svg"
    assert export(db, "--chart", "timeline", "--actor", "Donald Trump", "-o", str(out)) == 0
    svg = out.read_text(encoding="utf-8")
    assert "Facts naming Donald Trump" in svg and "Source: 2 articles" in svg
    assert 'class="textpoint"' in svg and ">October<" in svg  # the expression on its bar, as real text
    mine = tmp_path / "mine.svg"
    assert export(db, "--chart", "per-month", "--title", "Trumps Herbst", "--note", "Nur Oktober", "-o", str(mine)) == 0
    text = mine.read_text(encoding="utf-8")
    assert "Trumps Herbst" in text and "Nur Oktober" in text and "Facts naming" not in text


def test_timelinejs_export_takes_the_title_and_the_chart_ready_csv_its_columns(db, tmp_path):
    out = tmp_path / "t.timeline.json"
    assert export(db, "--actor", "NATO", "--title", "NATO in 2024", "-o", str(out)) == 0
    assert json.loads(out.read_text())["title"]["text"]["headline"] == "NATO in 2024"
    chart = tmp_path / "t.chart.csv"
    assert export(db, "-o", str(chart)) == 0
    assert list(csv_rows(chart)[0])[:7] == ["start", "end", "label", "text", "group", "source", "url"]
