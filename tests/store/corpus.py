"""A small corpus of our own writing for ingest tests: short German and English articles."""

import json
from datetime import date, timedelta

GERMAN = (
    "Außenminister Johann Wadephul reist am {day}. {month} nach Kiew. Die Ukraine erwartet dort neue Zusagen. "
    "Bereits im Oktober hatte die NATO weitere Hilfe angekündigt. Anfang 2026 soll die Bundeswehr mehr Soldaten nach Litauen schicken."
)
ENGLISH = (
    "NATO Secretary General Mark Rutte will visit Bucharest on {month_en} {day}. Romania announced in October that "
    "U.S. troop numbers would fall. The alliance plans to review its posture early next year."
)
MONTHS = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"]
MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]


def articles(n, start=date(2025, 1, 10)):
    """``n`` JSONL records alternating German and English, each published on its own day."""
    records = []
    for i in range(n):
        dct = start + timedelta(days=3 * i)
        later = dct + timedelta(days=5)
        template, lang = (GERMAN, "de") if i % 2 == 0 else (ENGLISH, "en")
        text = template.format(day=later.day, month=MONTHS[later.month - 1], month_en=MONTHS_EN[later.month - 1])
        records.append({"doc_id": f"a{i:04d}", "title": f"Article {i}", "dct": dct.isoformat(), "lang": lang, "text": text})
    return records


def write_jsonl(path, records):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path
