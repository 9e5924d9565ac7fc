"""The shipped recogniser's sentence pass: where it splits sentences beside finding entities."""

from dashboard.actors.ner import parse


def test_a_sentence_ends_at_a_quote_closing_after_its_full_stop():
    for text in ("He said: ``We have solved them all.'' But his statement had no details.",
                 'He said: "We have solved them all." But his statement had no details.'):
        spans = parse(text, "en").sentences
        assert [text[start:end] for start, end in spans][-1] == "But his statement had no details."


def test_a_quote_closing_inside_a_sentence_does_not_end_it():
    text = 'The "Nuremberg Files" site was closed, the company said.'
    assert [text[start:end] for start, end in parse(text, "en").sentences] == [text]
