"""The seed article (NATO foreign ministers, published Tuesday 2 December 2025), tagged whole.

Each expression is looked up by its text and the words around it, so the test reads like the
article: "Rutte wies am Dienstag ..." is that Tuesday, "im Oktober" in "Rumänien kündigte im
Oktober an" is the October just past, "Anfang 2026" is the first part of 2026.
"""

from datetime import datetime

import pytest

from dashboard.paths import SAMPLES_DIR
from dashboard.temporal.engine import tag

TEXT = (SAMPLES_DIR / "nato-foreign-ministers.de.txt").read_text(encoding="utf-8")
DCT = "2025-12-02"


@pytest.fixture(scope="module")
def timexes():
    return tag(TEXT, DCT, "de")


def find(timexes, context, expression):
    """The expression ``expression`` inside the first occurrence of ``context`` in the article."""
    start = TEXT.index(context) + context.index(expression)
    found = [t for t in timexes if t.start <= start < t.end]
    assert found, f"nothing tagged at {expression!r} in {context!r}"
    return found[0]


@pytest.mark.parametrize(("context", "expression", "value"), [
    ("Rutte wies am Dienstag am Vorabend", "Dienstag", "2025-12-02"),
    ("wird am Mittwoch nicht an dem Treffen", "Mittwoch", "2025-12-03"),
    ("Kanada im vergangenen Monat bestürzt", "vergangenen Monat", "2025-11"),
    ("dass er morgen nicht hier sein kann", "morgen", "2025-12-03"),
    ("Stubb im Oktober im Weißen Haus", "Oktober", "2025-10"),
    ("Rumänien kündigte im Oktober an", "Oktober", "2025-10"),
    ("der NATO in Washington für 2024 zugesagt", "2024", "2024"),
])
def test_dates_anchored_on_the_publication_date(timexes, context, expression, value):
    timex = find(timexes, context, expression)
    assert (timex.type, timex.value) == ("DATE", value), timex


def test_the_war_is_almost_four_years_old(timexes):
    timex = find(timexes, "Beendigung des fast vierjährigen Krieges", "vierjährigen")
    assert (timex.type, timex.value) == ("DURATION", "P4Y")
    assert "vierjährigen" in timex.text


def test_seit_langem_is_a_long_unspecified_time(timexes):
    timex = find(timexes, "die sie seit langem anführen", "langem")
    assert (timex.type, timex.value) == ("DURATION", "PXY")


def test_im_moment_is_the_present(timexes):
    timex = find(timexes, "Im Moment gibt es", "Im Moment")
    assert (timex.text, timex.value) == ("Im Moment", "PRESENT_REF")
    assert timex.interval().start == datetime(2025, 12, 2)


def test_the_last_summit_in_den_haag_is_the_2025_summit_with_its_days(timexes):
    timex = find(timexes, "Auf dem letzten NATO-Gipfel in Den Haag", "NATO-Gipfel")
    assert timex.event == "nato-summit-2025"
    assert timex.text.endswith("NATO-Gipfel in Den Haag")
    interval = timex.interval()
    assert (interval.start, interval.end) == (datetime(2025, 6, 24), datetime(2025, 6, 26))


def test_anfang_2026_is_the_start_of_2026_as_an_interval(timexes):
    timex = find(timexes, "Truppenverlegungspläne Anfang 2026 bekannt", "Anfang 2026")
    assert (timex.text, timex.value, timex.mod) == ("Anfang 2026", "2026", "START")
    interval = timex.interval()
    assert interval.start == datetime(2026, 1, 1) and interval.end < datetime(2026, 7, 1)


@pytest.mark.parametrize("number", ["28-Punkte", "5 %", "32 Verbündeten", "3.000 Soldaten", "Artikel 5"])
def test_numbers_that_are_not_dates_stay_untagged(timexes, number):
    start = TEXT.index(number)
    assert [t for t in timexes if t.start < start + len(number) and start < t.end] == []


def test_every_expression_of_the_article_is_well_placed(timexes):
    assert len(timexes) >= 12
    assert all(TEXT[t.start:t.end] == t.text for t in timexes)
