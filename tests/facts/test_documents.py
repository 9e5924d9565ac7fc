"""Reading articles: every input kind, metadata, encodings, and bad input that names its place."""

import json
from datetime import date

import pytest
from hypothesis import given, settings, strategies as st

from dashboard.errors import UserError
from dashboard.temporal.resources import load_language
from dashboard.facts.documents import (
    MAX_DOCUMENT_BYTES,
    Document,
    LoadError,
    document_from_text,
    load_bytes,
    load_documents,
)

GERMAN = "Die Außenminister der Allianz beraten am Mittwoch in Brüssel über die Lage in der Ukraine und über neue Zusagen."
ENGLISH = "The foreign ministers of the alliance meet in Brussels on Wednesday to discuss Ukraine and new pledges."


def load(*paths, **options):
    return list(load_documents([str(p) for p in paths], **options))


def only_document(items):
    assert len(items) == 1 and isinstance(items[0], Document), items
    return items[0]


def only_error(items):
    assert len(items) == 1 and isinstance(items[0], LoadError), items
    return items[0]


def test_text_file_with_front_matter_gives_title_date_language_and_id(tmp_path):
    path = tmp_path / "brief.txt"
    path.write_text(f"---\ntitle: Treffen in Brüssel\ndate: 2025-12-02\nlang: de\nid: bruessel-1\n---\n{GERMAN}\n", encoding="utf-8")
    doc = only_document(load(path))
    assert (doc.doc_id, doc.title, doc.dct, doc.dct_inferred, doc.lang) == ("bruessel-1", "Treffen in Brüssel", date(2025, 12, 2), False, "de")
    assert doc.text == GERMAN + "\n"  # offsets of facts point into the text without front matter
    assert doc.source == str(path)


def test_options_override_metadata_and_language_is_detected_when_missing(tmp_path):
    (tmp_path / "a.txt").write_text(f"---\ndate: 2024-07-11\n---\n{ENGLISH}", encoding="utf-8")
    doc = only_document(load(tmp_path / "a.txt", dct="2025-01-02"))
    assert doc.dct == date(2025, 1, 2)
    assert doc.lang == "en"  # detected offline


def test_a_headline_on_the_first_line_is_the_title(tmp_path):
    (tmp_path / "x.txt").write_text(f"Minister beraten über Ukraine\n{GERMAN}", encoding="utf-8")
    assert only_document(load(tmp_path / "x.txt", dct="2025-12-02")).title == "Minister beraten über Ukraine"


def test_date_in_the_file_name_is_used_and_marked_inferred(tmp_path):
    (tmp_path / "bericht-2025-11-30.txt").write_text(GERMAN, encoding="utf-8")
    doc = only_document(load(tmp_path / "bericht-2025-11-30.txt"))
    assert (doc.dct, doc.dct_inferred) == (date(2025, 11, 30), True)


def test_a_date_in_a_jsonl_file_name_does_not_date_its_lines(tmp_path):
    path = tmp_path / "export-2025-11-30.jsonl"
    path.write_text(json.dumps({"doc_id": "a", "lang": "de", "text": GERMAN}) + "\n", encoding="utf-8")
    doc = only_document(load(path))
    assert (doc.dct, doc.dct_inferred) == (None, False)


def test_date_is_inferred_from_the_dateline_never_today(tmp_path):
    (tmp_path / "a.txt").write_text(f"BRÜSSEL, 3. Dezember 2025. {GERMAN}", encoding="utf-8")
    (tmp_path / "b.txt").write_text(GERMAN, encoding="utf-8")
    inferred, undated = load(tmp_path / "a.txt", tmp_path / "b.txt")
    assert (inferred.dct, inferred.dct_inferred) == (date(2025, 12, 3), True)
    assert (undated.dct, undated.dct_inferred) == (None, False)


def test_html_page_gives_main_text_title_date_and_language(tmp_path):
    page = f"""<!DOCTYPE html><html lang="de"><head><title>Treffen in Brüssel | Zeitung</title>
    <meta property="article:published_time" content="2025-12-02T08:00:00+01:00">
    <meta property="og:title" content="Treffen in Brüssel"></head>
    <body><nav>Startseite Politik Sport</nav><article><h1>Treffen in Brüssel</h1>
    <p>{GERMAN}</p><p>{GERMAN.replace("Mittwoch", "Donnerstag")}</p></article>
    <footer>Impressum Datenschutz</footer></body></html>"""
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    doc = only_document(load(tmp_path / "page.html"))
    assert GERMAN in doc.text and "Impressum" not in doc.text
    assert (doc.title, doc.dct, doc.lang) == ("Treffen in Brüssel", date(2025, 12, 2), "de")


def test_jsonl_reads_every_line_and_reports_a_malformed_one_by_line(tmp_path):
    path = tmp_path / "docs.jsonl"
    lines = [
        json.dumps({"doc_id": "a", "title": "A", "url": "https://example.org/a", "dct": "2025-12-02", "lang": "de", "text": GERMAN}),
        "{not json",
        "",
        json.dumps({"doc_id": "b", "dct": "2025-13-40", "lang": "en", "text": ENGLISH}),
        json.dumps({"doc_id": "c", "dct": "2025-12-01", "lang": "xx", "text": ENGLISH}),
        json.dumps({"doc_id": "d", "dct": "2025-12-01", "text": ENGLISH}),
        json.dumps({"doc_id": "e"}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = load(path)
    assert [i.doc_id for i in items if isinstance(i, Document)] == ["a", "d"]
    assert items[0].source == "https://example.org/a"
    errors = {i.line: str(i) for i in items if isinstance(i, LoadError)}
    assert errors.keys() == {2, 4, 5, 7}
    assert errors[2].startswith(f"{path}:2: not valid JSON")
    assert "invalid date '2025-13-40'" in errors[4]
    assert "unknown language 'xx'" in errors[5]
    assert "no 'text' field" in errors[7]


def test_a_jsonl_line_saved_in_windows_1252_is_still_read(tmp_path):
    path = tmp_path / "legacy.jsonl"
    record = {"doc_id": "w", "dct": "2025-03-04", "lang": "de", "text": "Am 3. März 2025 tagten die Außenminister."}
    path.write_bytes(json.dumps(record, ensure_ascii=False).encode("cp1252") + b"\n")
    [doc] = load(path)
    assert isinstance(doc, Document) and doc.text == record["text"]


def test_folders_are_read_recursively_and_globs_expand(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text(GERMAN, encoding="utf-8")
    (tmp_path / "sub" / "b.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "sub" / "notes.pdf").write_bytes(b"%PDF-1.4")
    assert [d.doc_id for d in load(tmp_path, dct="2025-12-02")] == ["a", "b"]
    assert [d.doc_id for d in load(tmp_path / "**" / "*.txt", dct="2025-12-02")] == ["a", "b"]


def test_a_manifest_names_article_files_and_a_folder_reads_each_once(tmp_path):
    (tmp_path / "one.txt").write_text(GERMAN, encoding="utf-8")
    (tmp_path / "loose.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "README.md").write_text("# Notes, not an article", encoding="utf-8")
    (tmp_path / "manifest.jsonl").write_text(
        json.dumps({"doc_id": "m1", "file": "one.txt", "title": "Eins", "dct": "2025-12-02", "lang": "de"}) + "\n"
        + json.dumps({"doc_id": "m2", "file": "../secret.txt", "dct": "2025-12-02", "lang": "de"}) + "\n",
        encoding="utf-8",
    )
    items = load(tmp_path, dct=None)
    docs = {i.doc_id: i for i in items if isinstance(i, Document)}
    assert sorted(docs) == ["loose", "m1"]  # one.txt only through the manifest, README skipped
    assert (docs["m1"].title, docs["m1"].text, docs["m1"].dct) == ("Eins", GERMAN, date(2025, 12, 2))
    [error] = [i for i in items if isinstance(i, LoadError)]
    assert error.line == 2 and "outside the folder" in error.message


def test_an_uploaded_manifest_cannot_read_server_files():
    upload = json.dumps({"doc_id": "x", "file": "/etc/hostname", "dct": "2025-12-02", "lang": "de"}).encode()
    [error] = load_bytes("manifest.jsonl", upload)
    assert "only read from a JSONL file on disk" in error.message


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252", "utf-16"])
def test_non_utf8_text_is_decoded(tmp_path, encoding):
    text = GERMAN + " Größere Übungen folgen später im Frühjahr; die Bündnispartner äußern sich."
    (tmp_path / "alt.txt").write_bytes(text.encode(encoding))
    assert only_document(load(tmp_path / "alt.txt", dct="2025-12-02")).text == text


def test_a_utf8_file_with_a_stray_byte_stays_utf8_with_a_warning_naming_the_byte(tmp_path):
    """An en dash pasted from a Windows-1252 page (0x96) into a UTF-8 article once made the whole
    file read as a code page: "AuĂźenminister". The article stays UTF-8, the bad byte becomes
    U+FFFD, and the warning says where it was."""
    head = (GERMAN + " Größere Übungen folgen ").encode("utf-8")
    data = head + b"\x96" + " später im Frühjahr.".encode("utf-8")
    (tmp_path / "pasted.txt").write_bytes(data)
    doc = only_document(load(tmp_path / "pasted.txt", dct="2025-12-02", lang="de"))
    assert "Außenminister" in doc.text and "Größere Übungen folgen \ufffd später im Frühjahr." in doc.text
    assert doc.warnings == (
        f"{tmp_path / 'pasted.txt'}: 1 byte sequence not valid UTF-8 at byte offset {len(head)}; "
        "read as UTF-8 with each replaced by U+FFFD",
    )


def test_stray_bytes_in_a_jsonl_line_are_named_by_line_and_offset_in_the_file(tmp_path):
    first = (json.dumps({"doc_id": "a", "lang": "de", "dct": "2025-12-02", "text": GERMAN}, ensure_ascii=False) + "\n").encode()
    second = json.dumps({"doc_id": "b", "lang": "de", "dct": "2025-12-02", "text": GERMAN + " X"}, ensure_ascii=False).encode()
    at = second.index(b" X")
    (tmp_path / "docs.jsonl").write_bytes(first + second[:at] + b"\xdf" + second[at:] + b"\n")
    a, b = load(tmp_path / "docs.jsonl")
    assert a.warnings == () and "Außenminister" in b.text and b.text.endswith("\ufffd X")
    assert b.warnings[0].startswith(f"{tmp_path / 'docs.jsonl'}:2: 1 byte sequence not valid UTF-8 at byte offset {len(first) + at}")


@pytest.mark.parametrize(
    "name, data, message",
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b" \n\n ", "empty file"),
        ("image.txt", bytes(range(256)) * 8, "binary file"),
        ("page.html", b"<html><head><title>Leer</title></head><body><script>x=1</script></body></html>", "no article text"),
        ("front.txt", b"---\ntitle: x\nNo closing line\n", "no closing '---'"),
    ],
)
def test_bad_files_are_reported_by_name(tmp_path, name, data, message):
    (tmp_path / name).write_bytes(data)
    error = only_error(load(tmp_path / name, dct="2025-12-02", lang="de"))
    assert error.source == str(tmp_path / name) and message in error.message


def test_a_50_mb_file_is_refused_with_a_reason_and_the_next_file_still_loads(tmp_path):
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: 50 MB on paper, no time to write
    (tmp_path / "small.txt").write_text(GERMAN, encoding="utf-8")
    error, doc = load(big, tmp_path / "small.txt", dct="2025-12-02")
    assert "52.4 MB" in str(error) and str(MAX_DOCUMENT_BYTES // 2**20) in str(error)
    assert doc.doc_id == "small"


def test_missing_paths_and_empty_globs_are_reported(tmp_path):
    missing, empty = load(tmp_path / "nope.txt", tmp_path / "*.jsonl")
    assert "no such file" in str(missing) and "no file matches" in str(empty)


def test_a_detected_language_the_tagger_has_no_resources_for_asks_for_lang(tmp_path):
    (tmp_path / "la.txt").write_text("Gallia est omnis divisa in partes tres, quarum unam incolunt Belgae, aliam Aquitani.", encoding="utf-8")
    message = only_error(load(tmp_path / "la.txt", dct="2025-12-02")).message
    assert "language detected as 'la'" in message and "pass --lang" in message


def test_a_french_article_is_detected_as_french(tmp_path):
    (tmp_path / "fr.txt").write_text("Les ministres des affaires étrangères se réunissent mercredi à Bruxelles pour discuter.", encoding="utf-8")
    assert only_document(load(tmp_path / "fr.txt", dct="2025-12-02")).lang == "fr"


def test_invalid_options_fail_at_once():
    with pytest.raises(UserError, match="invalid date '2025-02-30'"):
        list(load_documents(["x.txt"], dct="2025-02-30"))
    with pytest.raises(UserError, match="unknown language 'klingon'"):
        list(load_documents(["x.txt"], lang="klingon"))


def test_uploads_and_pasted_text():
    [doc] = load_bytes("upload.txt", GERMAN.encode("utf-8"), dct=date(2025, 12, 2))
    assert (doc.doc_id, doc.lang) == ("upload", "de")
    pasted = document_from_text(ENGLISH, "2025-12-02", "en", title="Pasted")
    assert pasted.doc_id.startswith("text-") and pasted.title == "Pasted" and pasted.dct == date(2025, 12, 2)
    with pytest.raises(UserError, match="empty"):
        document_from_text("   ", "2025-12-02", "en")


def test_content_hash_changes_with_text_and_date_only():
    doc = Document("a", GERMAN, dct=date(2025, 12, 2), lang="de")
    assert doc.content_hash == Document("a", GERMAN, dct=date(2025, 12, 2), lang="de").content_hash
    assert doc.content_hash != Document("a", GERMAN + "!", dct=date(2025, 12, 2), lang="de").content_hash
    assert doc.content_hash != Document("a", GERMAN, dct=date(2025, 12, 3), lang="de").content_hash


@settings(max_examples=80, deadline=None)
@given(st.binary(max_size=600) | st.text(max_size=300).map(lambda t: t.encode("utf-8")), st.sampled_from(["a.txt", "a.html", "a.jsonl", "a.bin"]))
def test_any_bytes_give_documents_or_load_errors_never_an_exception(data, name):
    for item in load_bytes(name, data, dct=date(2025, 12, 2)):
        assert isinstance(item, (Document, LoadError))
        if isinstance(item, Document):
            assert item.text.strip() and load_language(item.lang).code == item.lang
