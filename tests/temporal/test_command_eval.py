"""`fact-timeline eval`: the tagger scored against gold, with figures worked out by hand.

The gold below is written so that every kind of outcome occurs once: a relaxed-only match
("Am 3. Dezember 2025" in gold, "3. Dezember 2025" found), a strict match with a wrong gold
value ("morgen"), a gold expression the tagger cannot find ("Sitzung"), a spurious one
("drei Stunden", left out of the gold) and a perfect English match ("Wednesday").
"""

import json

import pytest

DE_TEXT = "Am 3. Dezember 2025 traf er Rutte, morgen reist er ab. Die Sitzung dauerte drei Stunden."
EN_TEXT = "The ministers met on Wednesday."


def gold(text, expression, type_, value):
    start = text.index(expression)
    return {"start": start, "end": start + len(expression), "text": expression, "type": type_, "value": value, "mod": None}


GOLD = [
    {"doc_id": "gold-de", "lang": "de", "dct": "2025-12-02", "text": DE_TEXT, "timexes": [
        gold(DE_TEXT, "Am 3. Dezember 2025", "DATE", "2025-12-03"),  # relaxed: the tagger leaves out "Am"
        gold(DE_TEXT, "morgen", "DATE", "2025-12-04"),  # strict, but the gold value is off by a day
        gold(DE_TEXT, "Sitzung", "DATE", "XXXX"),  # not temporal: the tagger must miss it
    ]},
    {"doc_id": "gold-en", "lang": "en", "dct": "2025-12-02", "text": EN_TEXT, "timexes": [
        gold(EN_TEXT, "Wednesday", "DATE", "2025-11-26"),
    ]},
]
# gold 4, system 4 (3. Dezember 2025, morgen, drei Stunden, Wednesday): strict 2, relaxed 3,
# right value 2, right type 3. F1 = 2 * hits / (gold + system) = hits / 4.
EXPECTED_ALL = {"gold": 4, "system": 4, "strict_p": 50.0, "strict_r": 50.0, "strict_f1": 50.0,
                "relaxed_p": 75.0, "relaxed_r": 75.0, "relaxed_f1": 75.0, "value_f1": 50.0, "type_f1": 75.0}
# DATE alone: gold 4, system 3: strict 2 -> F1 4/7, relaxed 3 -> 6/7, value 2 -> 4/7.
EXPECTED_DATE = {"gold": 4, "system": 3, "strict_f1": 400 / 7, "relaxed_f1": 600 / 7, "value_f1": 400 / 7}

TIMEML = """<?xml version="1.0" encoding="UTF-8"?>
<TimeML>
<DOCID>ministers</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2025-12-02" functionInDocument="CREATION_TIME">2025-12-02</TIMEX3></DCT>
<TEXT>NATO ministers met on <TIMEX3 tid="t1" type="DATE" value="2025-11-26">Wednesday</TIMEX3>. The alliance was founded in <TIMEX3 tid="t2" type="DATE" value="1949">1949</TIMEX3>.</TEXT>
</TimeML>
"""


@pytest.fixture
def gold_file(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(doc, ensure_ascii=False) + "\n" for doc in GOLD), encoding="utf-8")
    return path


def scores(result):
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)["scores"]


def assert_figures(found, expected):
    for name, value in expected.items():
        assert found[name] == pytest.approx(value), name


def test_jsonl_gold_scores_as_computed_by_hand(fact_timeline, gold_file):
    found = scores(fact_timeline("eval", "--gold", gold_file, "--json"))
    assert_figures(found["all"], EXPECTED_ALL)
    assert_figures(found["DATE"], EXPECTED_DATE)
    assert_figures(found["DURATION"], {"gold": 0, "system": 1, "relaxed_f1": 0.0})


def test_errors_list_the_miss_the_spurious_and_the_wrong_value(fact_timeline, gold_file):
    result = fact_timeline("eval", "--gold", gold_file, "--errors")
    assert result.returncode == 0
    out = result.stdout
    missed = out.split("missed (in gold, not found):\n")[1].split("\n\n")[0]
    spurious = out.split("spurious (found, not in gold):\n")[1].split("\n\n")[0]
    wrong = out.split("wrong value (gold -> system):\n")[1]
    assert missed.splitlines() == ["  gold-de: 'Sitzung' DATE XXXX"]
    assert spurious.splitlines() == ["  gold-de: 'drei Stunden' DURATION PT3H"]
    assert wrong.splitlines() == ["  gold-de: 'morgen' 2025-12-04 -> 'morgen' 2025-12-03"]


def test_the_table_shows_overall_and_per_type_rows(fact_timeline, gold_file):
    out = fact_timeline("eval", "--gold", gold_file).stdout
    assert "2 documents" in out
    rows = {line.split()[0]: line.split()[1:] for line in out.splitlines()[2:] if line.strip()}
    assert rows["all"] == ["4", "4", "50.00", "50.00", "50.00", "75.00", "75.00", "75.00", "50.00", "75.00"]
    assert set(rows) == {"all", "DATE", "DURATION"}


def test_a_timeml_file_with_its_dct_scores_perfectly(fact_timeline, tmp_path):
    (tmp_path / "ministers.tml").write_text(TIMEML, encoding="utf-8")
    found = scores(fact_timeline("eval", "--gold", "ministers.tml", "--lang", "en", "--json"))
    assert_figures(found["all"], {"gold": 2, "system": 2, "strict_f1": 100.0, "value_f1": 100.0, "type_f1": 100.0})


def test_a_folder_of_timeml_files_is_one_gold_set(fact_timeline, tmp_path):
    folder = tmp_path / "timebank"
    folder.mkdir()
    for name in ("a", "b"):
        (folder / f"{name}.tml").write_text(TIMEML, encoding="utf-8")
    result = fact_timeline("eval", "--gold", folder, "--json")
    assert json.loads(result.stdout)["documents"] == 2
    assert scores(result)["all"]["gold"] == 4


def test_a_malformed_gold_line_is_one_error_naming_it(fact_timeline, gold_file):
    gold_file.write_text(gold_file.read_text(encoding="utf-8") + '{"doc_id": "x"}\n', encoding="utf-8")
    result = fact_timeline("eval", "--gold", gold_file)
    assert result.returncode == 2
    assert result.stderr.startswith(f"fact-timeline: error: {gold_file}:3: not a gold document")
    assert len(result.stderr.splitlines()) == 1


def test_missing_gold_is_one_error(fact_timeline):
    result = fact_timeline("eval", "--gold", "nowhere.jsonl")
    assert (result.returncode, result.stderr) == (2, "fact-timeline: error: nowhere.jsonl: no such file or folder\n")
