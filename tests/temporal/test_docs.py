"""The examples in docs/temporal.md run as written."""

import doctest
from pathlib import Path

DOC = Path(__file__).resolve().parents[2] / "docs" / "temporal.md"


def test_the_tagger_documentation_examples_run():
    failures, tried = doctest.testfile(str(DOC), module_relative=False, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert tried > 0 and failures == 0
