"""``fact-timeline extract``: the acceptance run, each output format, CSV safety and bad input."""

import csv
import io
import json
import subprocess
import sys

import pandas as pd

from dashboard.app.process import console_script
from dashboard.cli import main
from dashboard.paths import SAMPLES_DIR

SEED = str(SAMPLES_DIR / "nato-foreign-ministers.de.txt")


def test_acceptance_run_of_the_console_script():
    command = console_script()  # the script pip installed beside this interpreter, PATH or not
    assert len(command) == 1, "the fact-timeline console script is not installed"
    done = subprocess.run(
        [*command, "extract", SEED, "--dct", "2025-12-02", "--lang", "de"],
        capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert any("NATO summit 2024 (Washington)" in line and "2024-07-09" in line for line in lines)
    assert any("2025-10" in line and "Alexander Stubb" in line and "Donald Trump" in line for line in lines)
    assert any("future" in line and "2026-01-01" in line for line in lines)
    assert "facts from 1 documents; 0 failed" in done.stderr


def test_jsonl_output_has_every_column(tmp_path):
    out = tmp_path / "facts.jsonl"
    assert main(["extract", SEED, "--dct", "2025-12-02", "--lang", "de", "--format", "jsonl", "-o", str(out)]) == 0
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert rows and set(rows[0]) >= {"fact_id", "sentence", "value", "start", "end", "actors", "status", "event"}
    stubb = next(r for r in rows if "Stubb" in r["sentence"] and r["value"] == "2025-10")
    assert stubb["start"] == "2025-10-01T00:00:00" and "Alexander Stubb" in stubb["actors"]


def test_parquet_output_reads_back_and_needs_a_file(tmp_path, capsys):
    out = tmp_path / "facts.parquet"
    assert main(["extract", SEED, "--dct", "2025-12-02", "--lang", "de", "--format", "parquet", "-o", str(out)]) == 0
    frame = pd.read_parquet(out)
    assert len(frame) >= 8 and "Alexander Stubb" in {a for actors in frame["actors"] for a in actors}
    assert main(["extract", SEED, "--format", "parquet"]) == 2
    assert "give an output file" in capsys.readouterr().err


def test_csv_output_is_safe_against_formula_injection(tmp_path):
    article = tmp_path / "evil.txt"
    article.write_text(
        "---\ntitle: =HYPERLINK(\"http://attacker.example\",\"klick\")\ndate: 2025-12-02\nlang: de\n---\n"
        "=1+2 sagte der Sprecher am 3. Dezember 2025.\n@SUM(A1) wurde im Oktober bekannt.\n",
        encoding="utf-8",
    )
    out = tmp_path / "facts.csv"
    assert main(["extract", str(article), "--format", "csv", "-o", str(out)]) == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert len(rows) == 2
    for row in rows:
        assert all(not value.startswith(("=", "+", "-", "@")) for value in row.values())
    assert rows[0]["title"].startswith("'=HYPERLINK")
    assert rows[0]["sentence"].startswith("'=1+2") and rows[1]["sentence"].startswith("'@SUM")


def test_bad_files_are_named_the_good_ones_still_extracted_and_the_exit_code_is_2(tmp_path):
    (tmp_path / "good.txt").write_text("Die Minister trafen sich am 1. Dezember 2025 in Brüssel.", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    (tmp_path / "lines.jsonl").write_text(
        '{"doc_id": "j1", "lang": "en", "dct": "2025-12-02", "text": "They met on 1 December 2025."}\n{broken\n',
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, "-m", "dashboard", "extract", str(tmp_path), "--dct", "2025-12-02", "--format", "jsonl"],
        capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 2
    assert f"fact-timeline: error: {tmp_path / 'empty.txt'}: empty file" in done.stderr
    assert f"{tmp_path / 'image.txt'}: binary file" in done.stderr
    assert f"{tmp_path / 'lines.jsonl'}:2: not valid JSON" in done.stderr
    assert "Traceback" not in done.stderr
    assert {json.loads(line)["doc_id"] for line in done.stdout.splitlines()} == {"good", "j1"}


def test_invalid_options_are_one_line_errors(capsys):
    assert main(["extract", SEED, "--dct", "2025-02-30"]) == 2
    assert main(["extract", SEED, "--lang", "xx"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err == [
        "fact-timeline: error: invalid date '2025-02-30' (expected YYYY-MM-DD)",
        "fact-timeline: error: unknown language 'xx' (hand resources: de, en; other languages need a dateparser "
        "locale code such as fr, es, it)",
    ]


def test_a_document_without_any_date_is_kept_with_a_note_saying_why_it_has_no_relative_facts(tmp_path, capsys):
    undated = tmp_path / "undated.txt"
    undated.write_text("Die Minister trafen sich am Montag in Brüssel.\n", encoding="utf-8")
    assert main(["extract", str(undated), "--lang", "de"]) == 0
    err = capsys.readouterr().err
    assert f"note: {undated}: no publication date given or found in the text" in err and "--dct" in err
    assert "0 facts from 1 documents; 0 failed" in err


def _many_articles(path, n):
    body = "Die Minister trafen sich am {d}. Dezember 2025 in Brüssel. Rutte reist am {e}. Januar 2026 nach Kiew.\n"
    path.write_text("".join(json.dumps({"doc_id": f"d{i}", "dct": "2025-12-02", "lang": "de",
                                        "text": body.format(d=1 + i % 28, e=1 + i % 30)}) + "\n" for i in range(n)),
                    encoding="utf-8")
    return path


def _interrupt_once(process, ready):
    """Send Ctrl-C (SIGINT) to a running extract once ``ready()`` says it has written something."""
    import signal
    import time

    deadline = time.monotonic() + 120
    while not ready() and time.monotonic() < deadline:
        time.sleep(0.05)
    process.send_signal(signal.SIGINT)
    return process.wait(timeout=60)


def test_extract_streams_each_document_and_ctrl_c_keeps_what_was_written(tmp_path):
    """Output comes per document (not all at the end, holding every fact in memory); Ctrl-C
    stops with whole lines written and says how far it got."""
    corpus = _many_articles(tmp_path / "many.jsonl", 5000)
    process = subprocess.Popen([sys.executable, "-m", "dashboard", "extract", str(corpus), "--format", "jsonl"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    first = process.stdout.readline()  # arrives long before the 5,000th document is read
    assert json.loads(first)["doc_id"] == "d0"
    assert _interrupt_once(process, lambda: True) == 130
    rest = process.stdout.read().decode("utf-8")
    rows = [json.loads(line) for line in rest.splitlines()]  # every line whole
    err = process.stderr.read().decode("utf-8")
    assert "Traceback" not in err
    written = int(err.split("interrupted: ")[1].split(" facts")[0])
    assert written == 1 + len(rows) and written < 10_000
    assert "written to standard output; the documents after them were not read" in err


def test_a_parquet_file_stopped_by_ctrl_c_is_complete_and_readable(tmp_path):
    corpus = _many_articles(tmp_path / "many.jsonl", 5000)
    out = tmp_path / "facts.parquet"
    process = subprocess.Popen([sys.executable, "-m", "dashboard", "extract", str(corpus), "--format", "parquet", "-o", str(out)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert _interrupt_once(process, lambda: out.exists() and out.stat().st_size > 20_000) == 130
    frame = pd.read_parquet(out)
    assert 0 < len(frame) < 10_000 and frame["doc_id"].iloc[0] == "d0"
    assert f"written to {out}" in process.stderr.read().decode("utf-8")


def test_every_format_writes_several_documents_as_one_table(tmp_path):
    corpus = _many_articles(tmp_path / "some.jsonl", 3)
    for fmt in ("csv", "parquet", "jsonl"):
        out = tmp_path / f"facts.{fmt}"
        assert main(["extract", str(corpus), "--format", fmt, "-o", str(out)]) == 0
        frame = {"csv": pd.read_csv, "parquet": pd.read_parquet, "jsonl": lambda p: pd.read_json(p, lines=True)}[fmt](out)
        assert len(frame) == 6 and list(frame["doc_id"]) == ["d0", "d0", "d1", "d1", "d2", "d2"]
    out = tmp_path / "empty.csv"
    (tmp_path / "undated.txt").write_text("Keine Daten hier.", encoding="utf-8")
    assert main(["extract", str(tmp_path / "undated.txt"), "--lang", "de", "--format", "csv", "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("fact_id,doc_id,")


def test_a_jsonl_line_with_a_raw_tab_in_a_string_names_file_line_and_column_once(tmp_path):
    """A tab pasted into a JSON string is invalid JSON; Python's message ends in its own 'at',
    which once gave 'at at column'."""
    path = tmp_path / "pasted.jsonl"
    good = json.dumps({"doc_id": "a", "dct": "2025-12-02", "lang": "de", "text": "Die NATO tagt am 3. Dezember 2025."})
    path.write_text(good + '\n{"doc_id": "b", "text": "Die NATO\ttagt."}\n', encoding="utf-8")
    done = subprocess.run([*console_script(), "extract", str(path), "--format", "csv"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    errors = [line for line in done.stderr.splitlines() if "error" in line]
    assert errors == [f"fact-timeline: error: {path}:2: not valid JSON (Invalid control character at column 34)"]
    assert "2025-12-03" in done.stdout  # the good line still gives its fact


FRENCH = ("Le sommet de l'OTAN se tiendra le 24 juin 2026 à Ankara. Les ministres se sont réunis le 3 décembre 2025 "
          "à Bruxelles. En mars 2025, Mark Rutte avait annoncé un nouveau plan.\n")


def test_a_french_article_gives_its_explicit_dates_as_facts(tmp_path):
    """`tag` knows every dateparser language; `extract` and `ingest` once refused a French article.
    Its language is detected from the text, its explicit dates become facts."""
    (tmp_path / "otan.txt").write_text("---\ndate: 2025-12-04\n---\n" + FRENCH, encoding="utf-8")
    done = subprocess.run([*console_script(), "extract", str(tmp_path / "otan.txt"), "--format", "jsonl"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    facts = [json.loads(line) for line in done.stdout.splitlines()]
    assert {(f["lang"], f["timex_text"], f["value"], f["status"]) for f in facts} == {
        ("fr", "24 juin 2026", "2026-06-24", "future"),
        ("fr", "3 décembre 2025", "2025-12-03", "past"),
        ("fr", "mars 2025", "2025-03", "past"),
    }


def test_ingest_stores_a_french_article_given_with_lang_fr(tmp_path):
    from dashboard.store import FactStore

    (tmp_path / "otan.txt").write_text(FRENCH, encoding="utf-8")
    db = tmp_path / "facts.duckdb"
    done = subprocess.run([*console_script(), "ingest", str(tmp_path / "otan.txt"), "--lang", "fr", "--dct", "2025-12-04",
                           "--db", str(db), "--workers", "1"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert sorted(FactStore(db).facts()["value"]) == ["2025-03", "2025-12-03", "2026-06-24"]
    assert FactStore(db).documents()["lang"].tolist() == ["fr"]
