"""The real pipeline end to end: the German sample article -> tagger -> facts -> DuckDB -> charts and files."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import jsonschema
import pytest
from PIL import Image

from dashboard.charts import CHARTS, timeline_figure
from dashboard.cli import main
from dashboard.facts import load_documents
from dashboard.paths import SAMPLES_DIR
from dashboard.store import FactFilter, FactStore

SAMPLE = SAMPLES_DIR / "nato-foreign-ministers.de.txt"
SCHEMA = json.loads((Path(__file__).parent / "timelinejs.schema.json").read_text())


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("sample") / "facts.duckdb"
    report = FactStore(path).ingest(load_documents(SAMPLE, dct=date(2025, 12, 2), lang="de"))
    assert report.ok and report.n_facts > 5, report.summary()
    return path


def test_trump_csv_has_the_stubb_meeting_and_not_rubios_absence(db, tmp_path):
    out = tmp_path / "trump.csv"
    assert main(["export", "--db", str(db), "--actor", "Donald Trump", "-o", str(out)]) == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"), newline="")))
    assert rows and all("Donald Trump" in r["actors"].split("; ") for r in rows)
    october = [r for r in rows if r["value"] == "2025-10"]
    assert october and "Stubb" in october[0]["sentence"] and october[0]["start"] == "2025-10-01"
    assert not any("wird am Mittwoch nicht an dem Treffen teilnehmen" in r["sentence"] for r in rows)
    stored = FactStore(db).facts(FactFilter(actors=("Donald Trump",)))
    assert [r["fact_id"] for r in rows] == stored["fact_id"].tolist()


def test_trump_timeline_png_and_html(db, tmp_path):
    png, html = tmp_path / "trump.png", tmp_path / "trump.html"
    assert main(["export", "--db", str(db), "--chart", "timeline", "--actor", "Donald Trump", "-o", str(png)]) == 0
    with Image.open(png) as image:
        image.load()
        assert image.format == "PNG" and image.width == 2400  # 1200 CSS pixels at 2x
    assert main(["export", "--db", str(db), "--actor", "Donald Trump", "-o", str(html)]) == 0
    page = html.read_text(encoding="utf-8")
    assert "plotly.js v" in page and "Stubb" in page


def test_every_chart_draws_the_sample(db):
    facts = FactStore(db).facts()
    for name, chart in CHARTS.items():
        fig = chart(facts)
        assert fig.data, f"{name} drew nothing"
    fig = timeline_figure(facts, today=date(2025, 12, 2))
    lanes = set(fig.layout.yaxis.ticktext)
    assert {"Donald Trump", "Marco Rubio", "Mark Rutte"} <= lanes
    published = next(t for t in fig.data if t.name == "publication date")
    assert len(published.x) == 1


def test_sample_as_timelinejs(db, tmp_path):
    out = tmp_path / "sample.timeline.json"
    assert main(["export", "--db", str(db), "-o", str(out)]) == 0
    document = json.loads(out.read_bytes())
    jsonschema.validate(document, SCHEMA)
    assert any(e["start_date"] == {"year": 2025, "month": 10} for e in document["events"])
