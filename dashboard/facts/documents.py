"""Articles in, :class:`Document` records out: text files, HTML pages, JSONL, folders and globs.

Reading never stops at a bad file: :func:`load_documents` yields a :class:`LoadError` naming the
file (and line) in place of what it could not read, and goes on with the rest. Each document
gets what the tagger needs to anchor relative dates:
- a publication date (DCT): given, or from the metadata (front matter, JSONL field, HTML meta
  via trafilatura/htmldate), or else inferred from the text and marked ``dct_inferred``; never
  silently today;
- a language: given, from the metadata, or detected offline with py3langid (its model ships in
  its wheel);
- text decoded from whatever encoding it came in (UTF-8 first, else charset-normalizer).
"""

from __future__ import annotations

import codecs
import glob
import hashlib
import json
import os
import re
import threading
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from dashboard.errors import UserError, json_error
from dashboard.temporal.engine import parse_dct

LANGUAGES = ("de", "en")
TEXT_SUFFIXES = (".txt", ".text")  # in folders; a file named on its own is read as text whatever its suffix
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
KNOWN_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES
# A JSONL file of this name in a folder lists article files with their metadata ("file" fields).
MANIFEST = "manifest.jsonl"
# One article is rarely more than 100 KB; 20 MB is a book, not news. JSONL files stream and may
# be of any size, but each line (one article) has the same limit.
MAX_DOCUMENT_BYTES = 20 * 1024 * 1024
_GLOB_CHARS = re.compile(r"[*?\[]")
_DATE_IN_NAME = re.compile(r"(?<!\d)(20\d\d|19\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?!\d)")
_HTML_LANG = re.compile(rb"<html[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3})", re.IGNORECASE)
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<head>.*?)\n---[ \t]*(?:\n|\Z)", re.DOTALL)


# What a user is told of a document without any date (the command line and the dashboard
# each add how to give one).
UNDATED = "no publication date given or found in the text, so relative dates ('am Dienstag', 'last week') are left out"


@dataclass(frozen=True)
class Document:
    """One article. ``text`` is what offsets of facts point into (front matter removed)."""

    doc_id: str
    text: str
    title: str = ""
    source: str = ""
    dct: date | None = None
    dct_inferred: bool = False
    lang: str = "de"
    url: str = ""
    # What a user should know of how it was read (stray bytes replaced): one line each, with the file.
    warnings: tuple[str, ...] = field(default=(), compare=False)

    @property
    def content_hash(self) -> str:
        """Changes whenever anything the facts depend on changes (text, date, language, title)."""
        dct = self.dct.isoformat() if self.dct else ""
        payload = "\0".join((self.text, dct, self.lang, self.title, self.source))
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class LoadError:
    """What could not be read, and where: ``str()`` gives the one-line message for the user."""

    source: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line else self.source
        return f"{where}: {self.message}"


class _Bad(Exception):
    """A document-level problem, turned into a LoadError by the caller that knows the place."""


# -- dates and languages -------------------------------------------------------------------------



def normalise_lang(value: object) -> str:
    """``de-DE`` -> ``de``; ``fr`` stays ``fr``. Every language the tagger has resources for is
    accepted: hand resources (LANGUAGES), else those generated from dateparser's locale data,
    which find explicit dates only. ValueError for a language it knows nothing of."""
    code = str(value).strip().lower().replace("_", "-").split("-")[0]
    if code not in LANGUAGES and not _tagger_knows(code):
        raise ValueError(
            f"unknown language {str(value)!r} (hand resources: {', '.join(LANGUAGES)}; other languages "
            "need a dateparser locale code such as fr, es, it)"
        )
    return code


def _tagger_knows(code: str) -> bool:
    from dashboard.temporal.resources import load_language

    try:
        load_language(code)
    except ValueError:
        return False
    return True


def detect_language(text: str) -> str:
    """The language of ``text``, detected offline; ValueError where the tagger has no resources."""
    import py3langid

    code, _ = py3langid.classify(text[:10000])
    if code not in LANGUAGES and not _tagger_knows(code):
        raise ValueError(f"language detected as {code!r}, which the tagger has no resources for; pass --lang if that is wrong")
    return code


def infer_dct(text: str, lang: str) -> date | None:
    """A publication date read from the text: a full date in the dateline (first 200
    characters), else the latest full date the article mentions. ``None`` when there is none."""
    from dashboard.temporal import tag

    days: list[tuple[int, date]] = []
    for timex in tag(text, None, lang):
        if timex.type == "DATE" and re.fullmatch(r"\d{4}-\d{2}-\d{2}", timex.value):
            try:
                days.append((timex.start, date.fromisoformat(timex.value)))
            except ValueError:
                continue
    dateline = [day for start, day in days if start < 200]
    if dateline:
        return dateline[0]
    return max((day for _, day in days), default=None)


# -- bytes to text -------------------------------------------------------------------------------


# Encodings news text is found in besides UTF-8. Detection is limited to them because on a short
# German line charset-normalizer otherwise prefers Mac and HP code pages nobody writes news in.
LEGACY_ENCODINGS = [
    "cp1252", "iso8859_15", "cp1250", "iso8859_2", "cp1251", "koi8_r", "cp1253", "cp1254",
    "cp1255", "cp1256", "cp1257", "gb18030", "big5", "shift_jis", "euc_jp", "euc_kr",
]


def _note_bad_bytes(exc: UnicodeDecodeError) -> tuple[str, int]:
    _STRAY.offsets.append(exc.start)
    return "\ufffd", exc.end


_STRAY = threading.local()
codecs.register_error("fact-timeline-stray", _note_bad_bytes)


def _utf8_with_stray_bytes(data: bytes) -> tuple[str, list[int]] | None:
    """UTF-8 with its few bad bytes replaced (U+FFFD), and their byte offsets; ``None`` where the
    bytes are not UTF-8 at all. A text is UTF-8 with stray bytes when it holds more valid
    multi-byte characters than bad sequences (an umlaut saved right, a stray 0xDF from a paste);
    a Windows-1252 file has no valid multi-byte character, only bad bytes."""
    _STRAY.offsets = []
    text = data.decode("utf-8", errors="fact-timeline-stray")
    offsets = _STRAY.offsets
    valid_non_ascii = len(text) - len(text.encode("ascii", "ignore")) - len(offsets)
    return (text, offsets) if valid_non_ascii > len(offsets) else None


def stray_bytes_warning(source: str, offsets: list[int]) -> str:
    """``FILE: not UTF-8 at byte offset N ...``: what a user is told of replaced bytes."""
    shown = ", ".join(str(o) for o in offsets[:3]) + (f" and {len(offsets) - 3} more" if len(offsets) > 3 else "")
    plural = "s" if len(offsets) > 1 else ""
    return (f"{source}: {len(offsets)} byte sequence{plural} not valid UTF-8 at byte offset{plural} {shown}; "
            "read as UTF-8 with each replaced by U+FFFD")


def decode_text(data: bytes, stray: list[int] | None = None) -> str:
    """Text from bytes in any common encoding; ``_Bad`` for binary data.

    UTF-8 (with or without BOM) is tried first because it is the norm and cannot be confused
    with binary; a UTF-8 text with a few bad bytes stays UTF-8, with them replaced and their
    byte offsets added to ``stray``; only bytes that are not UTF-8 at all go to detection of
    the other encodings (Latin-1, Windows-1252, UTF-16 ...).
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise _Bad("not valid UTF-16 text") from None
    if b"\x00" in data[:65536]:
        raise _Bad("binary file (contains NUL bytes), not text")
    bom = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    try:
        text = data[bom:].decode("utf-8")
    except UnicodeDecodeError:
        if (mostly := _utf8_with_stray_bytes(data[bom:])) is not None:
            text, offsets = mostly
            if stray is not None:
                stray.extend(bom + o for o in offsets)
        else:
            from charset_normalizer import from_bytes

            best = from_bytes(data, cp_isolation=LEGACY_ENCODINGS).best()
            if best is None:
                raise _Bad("binary file or unknown encoding, not text") from None
            text = str(best)
    controls = sum(1 for ch in text[:65536] if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t\f")
    if controls > max(8, len(text[:65536]) // 100):
        raise _Bad("binary file (control characters), not text")
    return text.replace("\r\n", "\n").replace("\r", "\n")


# -- one file of each kind -----------------------------------------------------------------------


@dataclass
class _Meta:
    """What a file says about itself; fields stay empty where it says nothing."""

    doc_id: str = ""
    title: str = ""
    url: str = ""
    dct: object = None
    lang: object = None
    extra: dict[str, object] = field(default_factory=dict)


def _front_matter(text: str) -> tuple[_Meta, str]:
    """``---`` / ``key: value`` lines / ``---`` at the top of a text file, and the rest."""
    match = _FRONT_MATTER.match(text)
    if not match:
        if text.startswith("---\n"):
            raise _Bad("front matter starts with '---' but has no closing '---' line")
        return _Meta(), text
    values: dict[str, str] = {}
    for line in match["head"].splitlines():
        if ":" in line:
            key, value = line.split(":", 1)
            values[key.strip().lower()] = value.strip().strip("\"'")
    meta = _Meta(
        doc_id=values.get("id") or values.get("doc_id", ""),
        title=values.get("title", ""),
        url=values.get("url") or values.get("source", ""),
        dct=values.get("date") or values.get("dct") or values.get("published"),
        lang=values.get("lang") or values.get("language"),
    )
    return meta, text[match.end() :]


def _html(data: bytes, stray: list[int]) -> tuple[_Meta, str]:
    import trafilatura

    html = decode_text(data, stray)
    extracted = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, favor_recall=True)
    text = (getattr(extracted, "text", None) or "") if extracted is not None else ""
    if not text.strip():
        raise _Bad("no article text found in the HTML page")
    lang = _HTML_LANG.search(data[:4096])
    meta = _Meta(
        title=getattr(extracted, "title", None) or "",
        url=getattr(extracted, "url", None) or "",
        dct=getattr(extracted, "date", None),
        lang=lang.group(1).decode("ascii") if lang else None,
    )
    return meta, text


def _build(
    meta: _Meta, text: str, source: str, default_id: str, dct: date | None, lang: str | None, one_per_file: bool = True
) -> Document:
    """A Document from a file's metadata and the caller's overrides (which win).

    A date in the file name (``bericht-2025-11-30.txt``) dates the document only where the file
    holds one document; the lines of a JSONL file each need their own."""
    if not text.strip():
        raise _Bad("empty: no text")
    try:
        chosen_lang = lang or (normalise_lang(meta.lang) if meta.lang else detect_language(text))
        chosen_dct = dct or (parse_dct(meta.dct) if meta.dct else None)
    except ValueError as exc:
        raise _Bad(str(exc)) from None
    inferred = False
    if chosen_dct is None:
        if one_per_file and (m := _DATE_IN_NAME.search(Path(source).name)):
            chosen_dct = date(int(m[1]), int(m[2]), int(m[3]))
        else:
            chosen_dct = infer_dct(text, chosen_lang)
        inferred = chosen_dct is not None
    return Document(
        doc_id=meta.doc_id or default_id,
        text=text,
        title=meta.title or default_title(text, default_id),
        source=meta.url or source,
        dct=chosen_dct,
        dct_inferred=inferred,
        lang=chosen_lang,
        url=meta.url,
    )


def default_title(text: str, fallback: str) -> str:
    """A headline where the text opens with one (a short first line without a final stop)."""
    first = text.strip().split("\n", 1)[0].strip()
    if first and len(first) <= 150 and not first.endswith((".", "!", "?", ":", '"')):
        return first
    return fallback


def _referenced_text(record: dict, base: Path | None, stray: list[int]) -> str:
    """The text of a manifest line that names its article file (``"file"``) instead of holding
    it. Only for JSONL read from disk, and only files in that JSONL's folder: an uploaded
    manifest must not read files on the server."""
    if base is None:
        raise _Bad("a 'file' field is only read from a JSONL file on disk, not from an upload")
    target = (base / str(record["file"])).resolve()
    if not target.is_relative_to(base.resolve()):
        raise _Bad(f"'file' {record['file']!r} is outside the folder of the JSONL file")
    try:
        data = target.read_bytes()
    except OSError as exc:
        raise _Bad(f"'file' {record['file']!r}: {exc.strerror or exc}") from None
    if len(data) > MAX_DOCUMENT_BYTES:
        raise _Bad(_too_large(len(data)))
    return decode_text(data, stray)


def _jsonl_line_text(raw: bytes, stray: list[int]) -> str:
    """A JSONL line as text: UTF-8 as JSON wants it, without the character scan ``decode_text``
    makes of whole files; only a line that is not UTF-8 (saved as Windows-1252, say) is detected."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return decode_text(raw, stray)


def _jsonl(
    path_or_name: str, lines: Iterable[bytes], dct: date | None, lang: str | None, base: Path | None = None
) -> Iterator[Document | LoadError]:
    stem = Path(path_or_name).stem
    line_offset = 0  # of this line in the file, so a stray byte is named where it is
    for number, raw in enumerate(lines, start=1):
        offset, line_offset = line_offset, line_offset + len(raw)
        if not raw.strip():
            continue
        stray, stray_in_file = [], []
        try:
            if len(raw) > MAX_DOCUMENT_BYTES:
                raise _Bad(f"line is {len(raw) / 1e6:.1f} MB, more than the {MAX_DOCUMENT_BYTES // 2**20} MB an article may have")
            try:
                record = json.loads(_jsonl_line_text(raw, stray))
            except json.JSONDecodeError as exc:
                raise _Bad(json_error(exc)) from None
            if not isinstance(record, dict):
                raise _Bad("not a JSON object")
            text = record.get("text")
            if text is None and record.get("file"):
                text = _referenced_text(record, base, stray_in_file)
            if not isinstance(text, str):
                raise _Bad("no 'text' field with the article text (nor a 'file' naming it)")
            meta = _Meta(
                doc_id=str(record.get("doc_id") or record.get("id") or ""),
                title=str(record.get("title") or ""),
                url=str(record.get("url") or record.get("source") or ""),
                dct=record.get("dct") or record.get("date"),
                lang=record.get("lang") or record.get("language"),
            )
            doc = _build(meta, text.replace("\r\n", "\n"), path_or_name, f"{stem}-{number}", dct, lang, one_per_file=False)
            warnings = [stray_bytes_warning(f"{path_or_name}:{number}", [offset + o for o in stray])] if stray else []
            if stray_in_file:
                warnings.append(stray_bytes_warning(str(base / str(record["file"])), stray_in_file))
            yield replace(doc, warnings=tuple(warnings)) if warnings else doc
        except _Bad as exc:
            yield LoadError(path_or_name, str(exc), number)


def load_bytes(name: str, data: bytes, dct: date | None = None, lang: str | None = None) -> Iterator[Document | LoadError]:
    """Documents from the bytes of one file called ``name`` (an upload, or a file read from disk);
    its suffix says how to read it (.jsonl, .html, anything else as text)."""
    suffix = Path(name).suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from _jsonl(name, data.splitlines(keepends=True), dct, lang)
        return
    stray: list[int] = []
    try:
        if not data.strip():
            raise _Bad("empty file")
        if len(data) > MAX_DOCUMENT_BYTES:
            raise _Bad(_too_large(len(data)))
        if suffix in HTML_SUFFIXES:
            meta, text = _html(data, stray)
        else:
            meta, text = _front_matter(decode_text(data, stray))
        doc = _build(meta, text, name, Path(name).stem, dct, lang)
        yield replace(doc, warnings=(stray_bytes_warning(name, stray),)) if stray else doc
    except _Bad as exc:
        yield LoadError(name, str(exc))


def _too_large(size: int) -> str:
    return (
        f"file is {size / 1e6:.1f} MB, more than the {MAX_DOCUMENT_BYTES // 2**20} MB one article may have; "
        "split it, or give a JSONL file with one article a line"
    )


def document_from_text(
    text: str, dct: date | str | None, lang: str | None, title: str = "", doc_id: str = "", source: str = "pasted text"
) -> Document:
    """A Document from pasted text (the dashboard's form). Raises UserError on bad input."""
    try:
        chosen_dct = parse_dct(dct) if dct else None
        chosen_lang = normalise_lang(lang) if lang else None
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]
        meta = _Meta(doc_id=doc_id, title=title)
        return _build(meta, text.replace("\r\n", "\n"), source, f"text-{digest}", chosen_dct, chosen_lang, one_per_file=False)
    except (ValueError, _Bad) as exc:
        raise UserError(f"{source}: {exc}") from None


# -- paths, folders and globs --------------------------------------------------------------------


def _expand(item: str | Path) -> Iterator[Path | LoadError]:
    path = Path(item)
    if path.is_dir():
        unreadable: list[LoadError] = []
        files = sorted(_files_below(path, unreadable))
        listed = {f.resolve() for manifest in files if manifest.name == MANIFEST for f in _manifest_files(manifest)}
        files = [f for f in files if f.resolve() not in listed]  # read once, with the manifest's metadata
        yield from unreadable
        if not files and not unreadable:
            yield LoadError(str(path), f"folder holds no {', '.join(KNOWN_SUFFIXES)} files")
        yield from files
    elif path.is_file():
        yield path
    elif _GLOB_CHARS.search(str(item)):
        matches = sorted(Path(p) for p in glob.glob(str(item), recursive=True) if Path(p).is_file())
        if not matches:
            yield LoadError(str(item), "no file matches this pattern")
        yield from matches
    else:
        yield LoadError(str(item), "no such file or folder")


def _files_below(folder: Path, unreadable: list[LoadError]) -> Iterator[Path]:
    """Article files in ``folder`` and its subfolders; a subfolder that cannot be listed goes to
    ``unreadable`` (``Path.rglob`` skips it without a word, and its articles would be missed)."""
    def note(exc: OSError) -> None:
        unreadable.append(LoadError(exc.filename or str(folder), f"cannot read this folder ({exc.strerror or exc}); its articles were not read"))

    for root, _, names in os.walk(folder, onerror=note):
        for name in names:
            candidate = Path(root) / name
            if candidate.suffix.lower() in KNOWN_SUFFIXES and candidate.is_file():
                yield candidate


def _manifest_files(manifest: Path) -> list[Path]:
    """The article files a manifest names, so a folder read does not read them twice."""
    files = []
    try:
        for line in manifest.read_text(encoding="utf-8").splitlines():
            try:
                record = json.loads(line) if line.strip() else {}
            except json.JSONDecodeError:
                continue  # reported when the manifest itself is read
            if isinstance(record, dict) and record.get("file") and not record.get("text"):
                files.append(manifest.parent / str(record["file"]))
    except (OSError, UnicodeDecodeError):
        pass  # reported when the manifest itself is read
    return files


def _read_file(path: Path, dct: date | None, lang: str | None) -> Iterator[Document | LoadError]:
    try:
        if path.suffix.lower() in JSONL_SUFFIXES:
            with path.open("rb") as handle:  # streamed: a JSONL file may be far larger than memory
                yield from _jsonl(str(path), handle, dct, lang, base=path.parent)
            return
        size = path.stat().st_size
        if size > MAX_DOCUMENT_BYTES:
            yield LoadError(str(path), _too_large(size))
            return
        data = path.read_bytes()
    except OSError as exc:
        yield LoadError(str(path), f"cannot read: {exc.strerror or exc}")
        return
    yield from load_bytes(str(path), data, dct, lang)


def check_options(dct: date | str | None, lang: str | None) -> tuple[date | None, str | None]:
    """Validate the ``--dct`` and ``--lang`` options once, before any file is read."""
    try:
        return (parse_dct(dct) if dct else None), (normalise_lang(lang) if lang else None)
    except ValueError as exc:
        raise UserError(str(exc)) from None


def load_documents(
    paths_or_globs: str | Path | Iterable[str | Path],
    dct: date | str | None = None,
    lang: str | None = None,
) -> Iterator[Document | LoadError]:
    """Every document in the given files, folders (recursively) and glob patterns, in order.

    ``dct`` and ``lang``, when given, apply to every document and override its metadata.
    Problems come out as :class:`LoadError` items in place of the documents they cost; an invalid
    ``dct`` or ``lang`` argument raises UserError at once, since it would spoil every document.
    """
    dct, lang = check_options(dct, lang)
    items = [paths_or_globs] if isinstance(paths_or_globs, (str, Path)) else list(paths_or_globs)
    for item in items:
        for found in _expand(item):
            if isinstance(found, LoadError):
                yield found
            else:
                yield from _read_file(found, dct, lang)
