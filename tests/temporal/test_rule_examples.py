"""Every rule's own examples, run through the whole tagger (not the rule alone).

A rule in ``data/temporal/<lang>/rules/*.toml`` carries examples ``[text, span, value(, mod)]``:
tagging ``text`` against the example's publication date must give exactly one expression with
the text ``span`` and that value (and mod). A span of ``""`` (negative rules: "5 %", "Artikel 5")
means the text yields no expression at all; a value of ``""`` checks only the span. The
languages are whatever folders exist, so a new language folder is tested as soon as it is added;
languages without a folder get rules generated from dateparser's locale data, with generated
examples, and a few of those run here too.
"""

import pytest

from dashboard.temporal.engine import tag
from dashboard.temporal.resources import available_languages, load_language

FALLBACK_LANGUAGES = ("fr", "es", "it", "nl")


def examples(languages):
    for lang in languages:
        for rule in load_language(lang).rules:
            for number, example in enumerate(rule.examples, 1):
                yield pytest.param(lang, rule, example, id=f"{lang}:{rule.name}:{number}")


def describe(found):
    return [(t.text, t.type, t.value, t.mod, t.rule) for t in found]


@pytest.mark.parametrize(("lang", "rule", "example"), [*examples(available_languages()), *examples(FALLBACK_LANGUAGES)])
def test_rule_example(lang, rule, example):
    found = tag(example.text, example.dct, lang)
    if example.span == "":
        assert found == [], f"{example.text!r} must yield nothing, got {describe(found)}"
        return
    assert example.span in example.text, f"the example's span {example.span!r} is not in its text"
    covering = [t for t in found if t.text == example.span]
    assert len(covering) == 1, f"{example.text!r}: expected one expression {example.span!r}, got {describe(found)}"
    timex = covering[0]
    if example.value:
        assert timex.value == example.value, f"{example.text!r}: {describe([timex])}"
    if example.mod:
        assert timex.mod == example.mod, f"{example.text!r}: {describe([timex])}"


def test_the_hand_languages_come_from_the_data_folders():
    assert {"de", "en"} <= set(available_languages())
    assert all(not load_language(lang).generated for lang in available_languages())


@pytest.mark.parametrize("lang", FALLBACK_LANGUAGES)
def test_fallback_languages_are_generated_from_dateparser(lang):
    language = load_language(lang)
    assert language.generated
    assert {"iso-date", "month-year"} <= {rule.name for rule in language.rules}
