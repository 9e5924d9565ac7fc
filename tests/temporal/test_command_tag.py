"""`fact-timeline tag`: JSONL documents in, the same documents with their timexes out.

Run as a real child process. A bad line is reported on stderr with its file and line number,
the other lines are still tagged and written, and the exit code is 1.
"""

import json

from dashboard.temporal.command_tag import Defaults, LineError, tag_lines

DE = {"doc_id": "rutte", "lang": "de", "dct": "2025-12-02",
      "text": "Rutte wies am Dienstag Bedenken zurück. Rubio wird am Mittwoch fehlen."}
EN = {"doc_id": "rubio", "lang": "en", "dct": "2025-12-02",
      "text": "Rubio will skip the meeting on Wednesday, the State Department said on Tuesday."}


def jsonl(*records):
    return "".join((r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n" for r in records)


def read_jsonl(text):
    return [json.loads(line) for line in text.splitlines()]


def values(record):
    return [(t["text"], t["type"], t["value"]) for t in record["timexes"]]


def test_stdin_to_stdout_keeps_each_document_and_adds_its_timexes(fact_timeline):
    result = fact_timeline("tag", stdin=jsonl(DE, EN))
    assert (result.returncode, result.stderr) == (0, "")
    de, en = read_jsonl(result.stdout)
    assert {k: de[k] for k in DE} == DE
    assert values(de) == [("Dienstag", "DATE", "2025-12-02"), ("Mittwoch", "DATE", "2025-12-03")]
    assert values(en) == [("Wednesday", "DATE", "2025-12-03"), ("Tuesday", "DATE", "2025-12-02")]
    for record in (de, en):
        for t in record["timexes"]:
            assert record["text"][t["start"]:t["end"]] == t["text"]
            assert set(t) == {"start", "end", "text", "type", "value", "mod"}


def test_output_is_utf8_whatever_the_locale(fact_timeline):
    doc = {"doc_id": "märz", "lang": "de", "dct": "2025-12-02", "text": "Die Frist endet im März."}
    result = fact_timeline("tag", stdin=jsonl(doc).encode(), binary=True, env={"PYTHONIOENCODING": "ascii"})
    assert result.returncode == 0, result.stderr
    assert values(read_jsonl(result.stdout.decode("utf-8"))[0]) == [("März", "DATE", "2026-03")]


def test_files_in_and_out(fact_timeline, tmp_path):
    (tmp_path / "docs.jsonl").write_text(jsonl(DE, EN), encoding="utf-8")
    result = fact_timeline("tag", "--input", "docs.jsonl", "--output", "tagged.jsonl")
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    tagged = read_jsonl((tmp_path / "tagged.jsonl").read_text(encoding="utf-8"))
    assert [r["doc_id"] for r in tagged] == ["rutte", "rubio"]


def test_bad_lines_are_reported_by_number_and_the_others_still_written(fact_timeline, tmp_path):
    lines = jsonl(
        DE,
        '{"doc_id": "broken", "text": ',
        {**DE, "doc_id": "bad-dct", "dct": "2025-13-45"},
        {**DE, "doc_id": "klingon", "lang": "tlh"},
        {"doc_id": "no-text", "lang": "de"},
        "",
        [1, 2, 3],
        EN,
    )
    (tmp_path / "docs.jsonl").write_text(lines, encoding="utf-8")
    result = fact_timeline("tag", "--input", "docs.jsonl")
    assert result.returncode == 1
    assert [r["doc_id"] for r in read_jsonl(result.stdout)] == ["rutte", "rubio"]
    errors = result.stderr.splitlines()
    assert errors[0].startswith("fact-timeline: docs.jsonl:2: not valid JSON")
    assert errors[1].startswith("fact-timeline: docs.jsonl:3: invalid date '2025-13-45'")
    assert errors[2].startswith("fact-timeline: docs.jsonl:4: unknown language 'tlh'")
    assert errors[3] == 'fact-timeline: docs.jsonl:5: no "text" field'
    assert errors[4] == "fact-timeline: docs.jsonl:7: expected a JSON object, got list"
    assert errors[5] == "fact-timeline: 5 of 7 lines could not be tagged"
    assert "Traceback" not in result.stderr


def test_lang_and_dct_fill_in_lines_that_lack_them(fact_timeline):
    bare = {"doc_id": "bare", "text": "Rubio wird am Mittwoch fehlen."}
    own = {"doc_id": "own", "lang": "en", "dct": "2025-11-25", "text": "Rubio will skip it on Wednesday."}
    result = fact_timeline("tag", "--lang", "de", "--dct", "2025-12-02", stdin=jsonl(bare, own))
    bare_out, own_out = read_jsonl(result.stdout)
    assert values(bare_out) == [("Mittwoch", "DATE", "2025-12-03")]
    assert values(own_out) == [("Wednesday", "DATE", "2025-11-26")]  # the line's own language and date win


def test_a_line_without_language_or_default_is_an_error(fact_timeline):
    result = fact_timeline("tag", stdin=jsonl({"doc_id": "x", "text": "am Dienstag"}))
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == 'fact-timeline: <stdin>:1: no "lang" field and no --lang default'


def test_empty_text_gives_an_empty_list(fact_timeline):
    result = fact_timeline("tag", stdin=jsonl({"doc_id": "empty", "lang": "de", "dct": "2025-12-02", "text": ""}))
    assert result.returncode == 0
    assert read_jsonl(result.stdout)[0]["timexes"] == []


def test_narrative_anchors_on_the_dates_the_text_names(fact_timeline):
    doc = {"doc_id": "history", "lang": "de", "dct": "2025-12-02",
           "text": "Im Jahr 1990 fiel die Entscheidung. Im Oktober kam die Einheit."}
    plain = read_jsonl(fact_timeline("tag", stdin=jsonl(doc)).stdout)[0]
    narrative = read_jsonl(fact_timeline("tag", "--narrative", stdin=jsonl(doc)).stdout)[0]
    assert values(plain)[-1][2] == "2025-10"
    assert values(narrative)[-1][2] == "1990-10"


def test_binary_input_is_one_clear_line(fact_timeline):
    result = fact_timeline("tag", stdin=b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), binary=True)
    assert result.returncode == 2
    assert result.stderr.decode() == "fact-timeline: error: <stdin>: binary data, not JSONL text (one JSON object a line, UTF-8)\n"


def test_a_line_that_is_not_utf8_is_reported_and_the_rest_tagged(fact_timeline):
    latin1 = '{"doc_id": "latin1", "lang": "de", "text": "März"}\n'.encode("latin-1")
    data = jsonl(DE).encode() + latin1 + jsonl(EN).encode()
    result = fact_timeline("tag", stdin=data, binary=True)
    assert result.returncode == 1
    assert [r["doc_id"] for r in read_jsonl(result.stdout.decode())] == ["rutte", "rubio"]
    assert result.stderr.decode().splitlines()[0] == (
        f"fact-timeline: <stdin>:2: not UTF-8 text (byte 0xe4 at column {latin1.index(0xE4) + 1})")


def test_a_missing_input_file_or_a_bad_default_stops_before_reading(fact_timeline):
    missing = fact_timeline("tag", "--input", "nowhere.jsonl")
    assert missing.returncode == 2 and missing.stderr.startswith("fact-timeline: error: nowhere.jsonl: cannot read")
    bad_dct = fact_timeline("tag", "--dct", "2.12.2025", stdin="")
    assert bad_dct.returncode == 2 and "invalid date '2.12.2025'" in bad_dct.stderr
    assert len(missing.stderr.splitlines()) == len(bad_dct.stderr.splitlines()) == 1


def test_the_output_cannot_overwrite_the_input(fact_timeline, tmp_path):
    (tmp_path / "docs.jsonl").write_text(jsonl(DE), encoding="utf-8")
    result = fact_timeline("tag", "-i", "docs.jsonl", "-o", "./docs.jsonl")
    assert result.returncode == 2 and "would overwrite the input" in result.stderr
    assert read_jsonl((tmp_path / "docs.jsonl").read_text(encoding="utf-8")) == [DE]


def test_text_prints_a_table_with_intervals(fact_timeline):
    result = fact_timeline("tag", "--text", "Rumänien kündigte im Oktober an, die Pläne kommen Anfang 2026.",
                           "--lang", "de", "--dct", "2025-12-02")
    assert result.returncode == 0
    header, october, early_2026 = result.stdout.splitlines()
    assert header.split() == ["span", "text", "type", "value", "mod", "interval"]
    assert october.split() == ["21-28", "Oktober", "DATE", "2025-10", "2025-10-01", "..", "2025-11-01", "(month)"]
    assert early_2026.split()[1:7] == ["Anfang", "2026", "DATE", "2026", "START", "2026-01-01"]


def test_text_with_nothing_to_tag_says_so(fact_timeline):
    result = fact_timeline("tag", "--text", "Keine Zeitangabe hier.", "--lang", "de")
    assert (result.returncode, result.stdout) == (0, "no temporal expressions found\n")


def test_the_stream_is_lazy_one_line_in_one_line_out():
    """Memory stays flat on large files: each output line is ready before the next input is read."""
    read = []

    def lines():
        for i in range(1000):
            read.append(i)
            yield json.dumps({**DE, "doc_id": f"d{i}"})

    stream = tag_lines(lines(), "big.jsonl", Defaults())
    first = next(stream)
    assert json.loads(first)["doc_id"] == "d0" and read == [0]


def test_the_stream_yields_errors_in_place():
    results = list(tag_lines([b'{"lang": "de", "text": "am Dienstag"}', b"{oops"], "x.jsonl", Defaults(dct="2025-12-02")))
    assert json.loads(results[0])["timexes"][0]["value"] == "2025-12-02"
    assert results[1] == LineError("x.jsonl", 2, "not valid JSON (Expecting property name enclosed in double quotes at column 2)")
