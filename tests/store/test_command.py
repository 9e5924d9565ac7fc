"""``fact-timeline ingest``: summary line, exit codes, idempotence and bad input from the shell."""

import subprocess
import sys

from dashboard.store import FactStore

from .corpus import articles, write_jsonl


def ingest(*args, timeout=180):
    return subprocess.run([sys.executable, "-m", "dashboard", "ingest", *map(str, args)], capture_output=True, text=True, timeout=timeout)


def test_ingest_twice_then_with_a_bad_file(tmp_path):
    db = tmp_path / "store.duckdb"
    corpus = write_jsonl(tmp_path / "corpus.jsonl", articles(4))
    first = ingest(corpus, "--db", db, "--workers", "1")
    assert first.returncode == 0, first.stderr
    n_facts = len(FactStore(db).facts())
    assert f"4 documents: 4 added, 0 replaced, 0 unchanged, 0 failed; {n_facts} facts stored in {db}" in first.stderr

    second = ingest(corpus, "--db", db)
    assert second.returncode == 0
    assert "4 documents: 0 added, 0 replaced, 4 unchanged, 0 failed; 0 facts stored" in second.stderr

    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "neu.txt").write_text("---\ndate: 2025-12-02\nlang: de\n---\nDie NATO tagt am Mittwoch.", encoding="utf-8")
    third = ingest(tmp_path / "empty.txt", tmp_path / "neu.txt", "--db", db)
    assert third.returncode == 2
    assert f"fact-timeline: error: {tmp_path / 'empty.txt'}: empty file" in third.stderr
    assert "2 documents: 1 added, 0 replaced, 0 unchanged, 1 failed" in third.stderr
    assert "neu" in FactStore(db).documents()["doc_id"].tolist()


def test_dask_engine_from_the_command_line(tmp_path):
    db = tmp_path / "store.duckdb"
    done = ingest(write_jsonl(tmp_path / "c.jsonl", articles(4)), "--db", db, "--engine", "dask", "--workers", "2")
    assert done.returncode == 0, done.stderr
    assert "4 added" in done.stderr and len(FactStore(db).documents()) == 4


def test_bad_options_are_one_line_errors(tmp_path):
    done = ingest(tmp_path / "x.txt", "--db", tmp_path / "s.duckdb", "--dct", "yesterday")
    assert done.returncode == 2 and done.stderr.strip() == "fact-timeline: error: invalid date 'yesterday' (expected YYYY-MM-DD)"
    not_a_db = tmp_path / "notes.duckdb"
    not_a_db.write_text("this is not a database", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Die NATO tagt am 3. Dezember 2025.", encoding="utf-8")
    done = ingest(tmp_path / "a.txt", "--db", not_a_db, "--lang", "de")
    assert done.returncode != 0 and "Traceback" not in done.stderr and str(not_a_db) in done.stderr


def test_articles_with_invisible_only_lines_are_stored_from_text_and_jsonl_files(tmp_path):
    """A zero-width space, soft hyphen, BOM or direction mark alone on a line (as copied from web
    pages) once made extraction fail with an IndexError and the document was never stored."""
    import json

    body = "Die NATO tagt am 3. Dezember 2025.\n{ch}\nRutte kommt am 4. Dezember 2025.\n"
    marks = {"zwsp": "\u200b", "shy": "\u00ad", "bom": "\ufeff", "lrm": "\u200e", "rlm": "\u200f"}
    files = []
    for name, ch in marks.items():
        path = tmp_path / f"{name}.txt"
        path.write_text("---\ndate: 2025-12-02\nlang: de\n---\n" + body.format(ch=ch), encoding="utf-8")
        files.append(path)
    lines = [{"doc_id": f"line-{name}", "dct": "2025-12-02", "lang": "de", "text": body.format(ch=ch)} for name, ch in marks.items()]
    files.append(tmp_path / "lines.jsonl")
    files[-1].write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    db = tmp_path / "store.duckdb"
    done = ingest(*files, "--db", db, "--workers", "1")
    assert done.returncode == 0, done.stderr
    assert "10 documents: 10 added, 0 replaced, 0 unchanged, 0 failed" in done.stderr
    facts = FactStore(db).facts()
    assert facts.groupby("doc_id").size().to_dict() == {doc: 2 for doc in [*marks, *(f"line-{n}" for n in marks)]}


def test_an_article_with_a_stored_id_and_other_text_says_it_replaces_it(tmp_path):
    """The sample NATO article was once replaced silently by another text under its id."""
    db = tmp_path / "store.duckdb"
    article = tmp_path / "nato.txt"
    article.write_text("---\nid: nato\ndate: 2025-12-02\nlang: de\n---\nDie NATO tagt am 3. Dezember 2025.\n", encoding="utf-8")
    assert ingest(article, "--db", db, "--workers", "1").returncode == 0
    again = ingest(article, "--db", db, "--workers", "1")
    assert "replaced nato" not in again.stderr and "1 unchanged" in again.stderr  # same text: nothing happens

    article.write_text("---\nid: nato\ndate: 2025-12-02\nlang: de\n---\nDie NATO tagt am 4. Dezember 2025.\n", encoding="utf-8")
    changed = ingest(article, "--db", db, "--workers", "1")
    assert changed.returncode == 0
    assert "fact-timeline: note: replaced nato (text changed)" in changed.stderr.splitlines()
    assert "1 documents: 0 added, 1 replaced, 0 unchanged, 0 failed" in changed.stderr
    assert FactStore(db).facts()["value"].tolist() == ["2025-12-04"]


def test_a_utf8_article_with_a_stray_byte_is_stored_as_utf8_with_a_warning(tmp_path):
    head = "---\ndate: 2025-12-02\nlang: de\n---\nAußenminister Wadephul reist am 3. Dezember 2025 nach Brüssel ".encode()
    (tmp_path / "bericht.txt").write_bytes(head + b"\x96 sagt das Ministerium.\n")
    db = tmp_path / "store.duckdb"
    done = ingest(tmp_path / "bericht.txt", "--db", db, "--workers", "1")
    assert done.returncode == 0, done.stderr
    assert (f"fact-timeline: warning: {tmp_path / 'bericht.txt'}: 1 byte sequence not valid UTF-8 at byte offset "
            f"{len(head)}; read as UTF-8 with each replaced by U+FFFD") in done.stderr.splitlines()
    [text] = FactStore(db).documents()["text"]
    assert text.startswith("Außenminister Wadephul") and "Brüssel \ufffd sagt" in text


def test_ingest_with_a_publication_date_of_9999_12_31_stores_today_and_can_be_filtered_to_it(tmp_path):
    (tmp_path / "heute.txt").write_text("Heute tagt die NATO in Brüssel.\n", encoding="utf-8")
    db = tmp_path / "store.duckdb"
    done = ingest(tmp_path / "heute.txt", "--db", db, "--dct", "9999-12-31", "--lang", "de", "--workers", "1")
    assert done.returncode == 0 and "1 added" in done.stderr and "failed" not in done.stderr.replace("0 failed", "")
    events = subprocess.run([sys.executable, "-m", "dashboard", "events", "--db", str(db), "--to", "9999-12-31"],
                            capture_output=True, text=True, timeout=120)
    assert events.returncode == 0 and '"start": "9999-12-31T00:00:00"' in events.stdout


def test_an_unreadable_subfolder_or_file_is_a_failure_not_silently_skipped(tmp_path):
    """chmod 000 on a subfolder once gave "0 failed" and its articles were simply missing.
    The ingest runs bound by file permissions (as any user; see tests/permissions.py)."""
    from permissions import bound_by_permissions

    corpus = tmp_path / "corpus"
    for folder, name, day in (("open", "a.txt", 3), ("locked", "b.txt", 4), ("open", "c.txt", 5)):
        (corpus / folder).mkdir(parents=True, exist_ok=True)
        (corpus / folder / name).write_text(f"Die NATO tagt am {day}. Dezember 2025.\n", encoding="utf-8")
    (corpus / "locked").chmod(0o000)
    (corpus / "open" / "c.txt").chmod(0o000)
    db = tmp_path / "store.duckdb"
    try:
        done = subprocess.run([sys.executable, "-m", "dashboard", "ingest", str(corpus), "--db", str(db), "--dct", "2025-12-02",
                               "--lang", "de", "--workers", "1"], capture_output=True, text=True, timeout=180, **bound_by_permissions())
    finally:
        (corpus / "locked").chmod(0o755)
        (corpus / "open" / "c.txt").chmod(0o644)
    assert done.returncode == 2
    lines = done.stderr.splitlines()
    assert f"fact-timeline: error: {corpus / 'locked'}: cannot read this folder (Permission denied); its articles were not read" in lines
    assert f"fact-timeline: error: {corpus / 'open' / 'c.txt'}: cannot read: Permission denied" in lines
    assert "3 documents: 1 added, 0 replaced, 0 unchanged, 2 failed" in done.stderr
    assert FactStore(db).documents()["doc_id"].tolist() == ["a"]
