"""`fact-timeline events` and `fact-timeline summarize` on a real DuckDB store."""

import json
from datetime import date

import pandas as pd
import pytest

from dashboard.cli import main
from dashboard.facts import Document
from dashboard.store import FactStore
from .articles import RUBIO, STUBB_DE, STUBB_EN, STUBB_EN_LATER


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "story.duckdb"
    FactStore(path).ingest([STUBB_EN, STUBB_DE, STUBB_EN_LATER, RUBIO])
    return path


def test_events_lists_jsonl_with_filters(db, capsys):
    assert main(["events", "--db", str(db)]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert sorted(r["n_documents"] for r in rows) == [1, 3]
    assert main(["events", "--db", str(db), "--actor", "Marco Rubio"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["doc_ids"] for r in rows] == [["rubio"]]


def test_events_to_csv_and_parquet_files(db, tmp_path):
    assert main(["events", "--db", str(db), "--format", "csv", "-o", str(tmp_path / "e.csv")]) == 0
    assert "n_documents" in (tmp_path / "e.csv").read_text().splitlines()[0]
    assert main(["events", "--db", str(db), "--format", "parquet", "-o", str(tmp_path / "e.parquet")]) == 0
    assert len(pd.read_parquet(tmp_path / "e.parquet")) == 2


def test_events_on_a_missing_store_is_one_line(tmp_path, capsys):
    assert main(["events", "--db", str(tmp_path / "none.duckdb")]) != 0
    err = capsys.readouterr().err
    assert "no fact store" in err and "Traceback" not in err


def test_summarize_jsonl_has_the_promised_keys(db, capsys):
    assert main(["summarize", "--db", str(db), "--dates", "1", "--sentences", "1"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1
    day = json.loads(lines[0])
    assert set(day) == {"date", "sentences", "sources", "score"}
    assert day["date"] == "2025-03-10"
    assert len(day["sentences"]) == 1 and set(day["sources"]) == {"stubb-en", "stubb-de", "stubb-en-2", "rubio"}


def test_summarize_markdown_and_date_bounds(db, tmp_path):
    out = tmp_path / "story.md"
    assert main(["summarize", "--db", str(db), "--dates", "3", "--format", "md", "--title", "Stubb in Washington", "-o", str(out)]) == 0
    text = out.read_text()
    assert text.startswith("# Stubb in Washington") and "## Monday, 10 March 2025" in text
    assert main(["summarize", "--db", str(db), "--dates", "3", "--from", "2025-03-11", "-o", str(tmp_path / "later.jsonl")]) == 0
    days = [json.loads(line)["date"] for line in (tmp_path / "later.jsonl").read_text().splitlines()]
    assert days and all(d >= "2025-03-11" for d in days)


def test_summarize_rejects_a_bad_number(db, capsys):
    with pytest.raises(SystemExit):
        main(["summarize", "--db", str(db), "--dates", "0"])
    assert "positive" in capsys.readouterr().err
