"""Resource folders: what a language is made of, and the errors a broken one gives.

A language is a folder ``data/temporal/<code>/`` with ``language.toml``, ``groups.toml`` and
``rules/*.toml``; adding one needs no code. Mistakes in a folder are reported as
``ResourceError`` naming the file and the rule or group, not as a regex traceback.
"""

import re
from datetime import date

import pytest

from dashboard.temporal import resources
from dashboard.temporal.engine import tag
from dashboard.temporal.resources import ResourceError, available_languages, load_folder, load_language

LANGUAGE = """
name = "Testish"
example_dct = "2025-12-02"
[tense.past]
words = ["was"]
[tense.future]
words = ["will"]
"""
GROUPS = """
[month]
"Jan.|January" = "01"
"Dec.|December" = "12"

[year4]
_regex = "1[0-9]{3}|20[0-9]{2}"
"""
RULE = """
[[rule]]
name = "tt-month-year"
pattern = "{month} {year4}"
date = { year = "{year4}", month = "{month}" }
examples = [["It was January 2024.", "January 2024", "2024-01"]]
"""


def write_language(root, code, groups=GROUPS, rules=RULE, language=LANGUAGE):
    folder = root / code
    (folder / "rules").mkdir(parents=True)
    (folder / "language.toml").write_text(language, encoding="utf-8")
    (folder / "groups.toml").write_text(groups, encoding="utf-8")
    (folder / "rules" / "20-dates.toml").write_text(rules, encoding="utf-8")
    return folder


def test_a_new_language_is_a_folder_not_code(tmp_path, monkeypatch):
    write_language(tmp_path, "tt")
    monkeypatch.setattr(resources, "RESOURCE_DIR", tmp_path)
    assert available_languages() == ["tt"]
    [timex] = tag("The treaty was signed in December 2019.", "2025-12-02", "tt")
    assert (timex.text, timex.value) == ("December 2019", "2019-12")


def test_the_languages_are_the_data_folders():
    folders = sorted(p.name for p in resources.RESOURCE_DIR.iterdir() if (p / "language.toml").is_file())
    assert available_languages() == folders
    assert {"de", "en"} <= set(folders)


def test_an_unknown_language_names_the_known_ones():
    with pytest.raises(ValueError, match=r"unknown language 'zz-nowhere'.*de, en"):
        load_language("zz-nowhere")


def test_a_regional_code_falls_back_to_its_language():
    assert load_language("de-AT").code == "de"
    assert load_language("en_GB").code == "en"


@pytest.mark.parametrize(("rules", "message"), [
    (RULE.replace("{month} {year4}", "{monthz} {year4}"), r"rule 'tt-month-year': unknown group \{monthz\}"),
    (RULE.replace("{month} {year4}", "{month} ({year4}"), r"rule 'tt-month-year': bad pattern"),
    (RULE.replace('examples = [["It was January 2024.", "January 2024", "2024-01"]]', ""),
     r"rule 'tt-month-year': every rule needs at least one executable example"),
    (RULE.replace("date = {", "dates = {"), r"rule 'tt-month-year': unknown keys \['dates'\]"),
    (RULE.replace('month = "{month}"', 'moon = "{month}"'), r"rule 'tt-month-year': unknown date fields \['moon'\]"),
    (RULE.replace("{month} {year4}", "[a-z]+ days"), r"rule 'tt-month-year': no trigger group"),
    (RULE + RULE, r"rule name 'tt-month-year' also used"),
    (RULE + 'type = "EVENT"\n', r"rule 'tt-month-year': type must be one of"),
    ("[[rule]\nname = ", r"20-dates\.toml"),
])
def test_a_broken_rule_names_its_file_and_rule(tmp_path, rules, message):
    folder = write_language(tmp_path, "tt", rules=rules)
    with pytest.raises(ResourceError, match=message) as raised:
        load_folder(folder, "tt")
    assert "20-dates.toml" in str(raised.value)


@pytest.mark.parametrize(("groups", "message"), [
    (GROUPS.replace('_regex = "1[0-9]{3}|20[0-9]{2}"', '_regex = "1[0-9"'), r"group 'year4': bad _regex"),
    (GROUPS + '[broken]\n_regex = "x"\n"word" = "1"\n', r"group 'broken' has both _regex and words"),
    (GROUPS + '[numbers]\n_regex = "[0-9]+"\n_norm = "roman"\n', r"group 'numbers': unknown _norm 'roman'"),
    (GROUPS + '[bad]\n"word" = 1\n', r"group 'bad': value of 'word' must be a string"),
])
def test_a_broken_group_names_its_file_and_group(tmp_path, groups, message):
    folder = write_language(tmp_path, "tt", groups=groups)
    with pytest.raises(ResourceError, match=message) as raised:
        load_folder(folder, "tt")
    assert "groups.toml" in str(raised.value)


def test_an_unknown_tense_kind_is_refused(tmp_path):
    folder = write_language(tmp_path, "tt", language=LANGUAGE + '[tense.someday]\nwords = ["maybe"]\n')
    with pytest.raises(ResourceError, match="unknown tense kind 'someday'"):
        load_folder(folder, "tt")


HAND_LANGUAGES = available_languages()


@pytest.mark.parametrize("lang", HAND_LANGUAGES)
def test_every_rule_has_examples_with_valid_publication_dates(lang):
    for rule in load_language(lang).rules:
        assert rule.examples, rule.name
        for example in rule.examples:
            date.fromisoformat(example.dct)
            assert example.span == "" or example.span in example.text, (rule.name, example)
            assert not rule.negative or example.span == "", f"negative rule {rule.name} expects no expression"


def unescaped_dots(pattern):
    """Positions of "." outside character classes and not escaped: "Dez." must not match "Dez1"."""
    found, in_class, i = [], False, 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if char == "[" and not in_class:
            in_class = True
        elif char == "]" and in_class:
            in_class = False
        elif char == "." and not in_class:
            found.append(i)
        i += 1
    return found


@pytest.mark.parametrize("lang", HAND_LANGUAGES)
def test_no_pattern_has_an_unescaped_dot(lang):
    language = load_language(lang)
    assert [rule.name for rule in language.rules if unescaped_dots(rule.pattern)] == []
    regex_groups = [g for g in language.groups.values() if not g.table and not g.cased]
    assert [g.name for g in regex_groups if unescaped_dots(g.regex)] == []


@pytest.mark.parametrize("lang", HAND_LANGUAGES)
def test_every_rule_name_starts_with_its_language(lang):
    assert [r.name for r in load_language(lang).rules if not re.match(rf"{lang}-", r.name)] == []


CUED_RULE = RULE + """
[[rule]]
name = "tt-month-generic"
# A month "as such" where the sentence says so
pattern = "{month}"
value = "XXXX-{month}"
sentence = "habit"
examples = [["It always snows in December.", "December", "XXXX-12"], ["It snowed in December.", "December", ""]]

[[rule]]
name = "tt-month"
pattern = "{month}"
date = { month = "{month}" }
examples = [["It snowed in December.", "December", "2025-12"]]
"""


def test_a_rule_may_ask_its_sentence_for_a_cue(tmp_path, monkeypatch):
    language = LANGUAGE + '[cues.habit]\nwords = ["always", "every year"]\n'
    write_language(tmp_path, "tc", rules=CUED_RULE, language=language)
    monkeypatch.setattr(resources, "RESOURCE_DIR", tmp_path)
    assert [t.value for t in tag("It always snows in December.", "2025-12-02", "tc")] == ["XXXX-12"]
    assert [t.value for t in tag("It snowed in December. It always snows.", "2025-12-02", "tc")] == ["2025-12"]


@pytest.mark.parametrize(("language", "message"), [
    (LANGUAGE, r"rule 'tt-month-generic': sentence cue 'habit' is not a \[cues\] entry"),
    (LANGUAGE + '[cues.habit]\npatterns = ["(always"]\n', r"cue 'habit': bad pattern"),
    (LANGUAGE + '[cues.habit]\n', r"cue 'habit' has no words or patterns"),
])
def test_a_broken_cue_names_its_file_and_cue(tmp_path, language, message):
    folder = write_language(tmp_path, "tt", rules=CUED_RULE, language=language)
    with pytest.raises(ResourceError, match=message):
        load_folder(folder, "tt")
