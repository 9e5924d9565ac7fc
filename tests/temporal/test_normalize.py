"""From rule fields to TIMEX3 values: templates, durations and dates resolved against the DCT.

The publication date of every example here is Tuesday, 2 December 2025.
"""

from datetime import date

import pytest

from dashboard.temporal.normalize import Context, duration, fill, resolve_date, template_value

DCT = date(2025, 12, 2)
PAST, FUTURE, NO_CUE = -1, +1, None


def value(fields, direction=NO_CUE, ctx=None):
    return resolve_date(fields, ctx or Context(dct=DCT), direction)[0]


@pytest.mark.parametrize(("amount", "unit", "expected"), [
    ("4", "Y", "P4Y"),  # "vierjährigen"
    ("X", "Y", "PXY"),  # "seit langem"
    ("3", "D", "P3D"),
    ("3", "H", "PT3H"),  # time units go after T
    ("30", "MIN", "PT30M"),  # minutes, not months
    ("1", "10Y", "P10Y"),  # "a decade" as TimeBank spells it
    ("1", "14D", "P14D"),  # "a fortnight"
    ("X", "10Y", "PXY"),
    ("1.5", "Y", "P1Y6M"),  # "anderthalb Jahre"
])
def test_durations_are_spelled_the_timex3_way(amount, unit, expected):
    assert duration(amount, unit) == expected


def test_templates_fill_captures_pick_alternatives_and_mark_what_is_missing():
    assert fill("{a|b}", {"b": "x"}) == "x"
    assert fill("{rel|0}", {}) == "0"  # a literal default
    assert fill("{rel}", {}) is None  # only a missing capture: no value at all
    assert fill("P{num}Y", {}) == "PXY"  # missing inside a longer template: X
    assert fill("{season.1}", {"season": "SU END"}) == "END"  # the second word of a packed value
    assert template_value("@duration({n}, Y)", {"n": "4"}) == "P4Y"


@pytest.mark.parametrize(("weekday", "direction", "expected"), [
    ("3", FUTURE, "2025-12-03"),  # "wird am Mittwoch nicht teilnehmen"
    ("3", PAST, "2025-11-26"),
    ("3", NO_CUE, "2025-12-03"),  # the nearest Wednesday
    ("2", PAST, "2025-12-02"),  # "wies am Dienstag ... zurück": the day of the paper
])
def test_weekdays_follow_the_tense(weekday, direction, expected):
    assert value({"weekday": weekday}, direction) == expected


@pytest.mark.parametrize(("month", "direction", "expected"), [
    ("10", PAST, "2025-10"),  # "kündigte im Oktober an"
    ("10", FUTURE, "2026-10"),
    ("10", NO_CUE, "2025-10"),  # two months back is nearer than ten ahead
    ("3", NO_CUE, "2026-03"),
    ("12", PAST, "2025-12"),  # the month of the paper itself
])
def test_months_without_year_follow_the_tense_or_the_nearest(month, direction, expected):
    assert value({"month": month}, direction) == expected


@pytest.mark.parametrize(("fields", "expected"), [
    ({"shift": "month", "by": "-1"}, "2025-11"),  # "im vergangenen Monat"
    ({"shift": "day", "by": "1"}, "2025-12-03"),  # "morgen"
    ({"shift": "day", "by": "-1"}, "2025-12-01"),  # "gestern"
    ({"shift": "year", "by": "1"}, "2026"),  # "nächstes Jahr"
    ({"shift": "week", "by": "-2"}, "2025-W47"),  # "vor zwei Wochen" as a week
    ({"shift": "Y", "by": "1", "month": "03"}, "2026-03"),  # "im März nächsten Jahres"
    ({"shift": "week", "by": "1", "weekday": "5"}, "2025-12-12"),  # "Freitag nächster Woche"
    ({"shift": "quarter", "by": "0"}, "2025-Q4"),  # "in diesem Quartal"
])
def test_shifts_count_from_the_publication_date(fields, expected):
    assert value(fields) == expected


@pytest.mark.parametrize(("fields", "direction", "expected"), [
    ({"year": "2026", "quarter": "1"}, NO_CUE, "2026-Q1"),
    ({"quarter": "4"}, PAST, "2025-Q4"),
    ({"quarter": "1"}, FUTURE, "2026-Q1"),
    ({"season": "SU"}, PAST, "2025-SU"),
    ({"season": "SP"}, FUTURE, "2026-SP"),
    ({"feast": "easter"}, FUTURE, "2026-04-05"),  # "zu Ostern" in a future sentence
    ({"feast": "easter"}, PAST, "2025-04-20"),
    ({"feast": "12-25", "year": "2024"}, NO_CUE, "2024-12-25"),
    ({"decade": "199"}, NO_CUE, "199"),
    ({"year": "2025", "month": "12", "day": "3", "hour": "2", "minute": "15", "ampm": "PM"}, NO_CUE,
     "2025-12-03T14:15"),
    ({"year": "2025", "month": "12", "day": "3", "gran": "quarter"}, NO_CUE, "2025-Q4"),
    ({"weekend": "WE"}, PAST, "2025-W48-WE"),
])
def test_parts_seasons_feasts_and_times(fields, direction, expected):
    assert value(fields, direction) == expected


def test_a_day_alone_takes_month_and_year_from_the_date_last_mentioned():
    ctx = Context(dct=DCT)
    ctx.remember(date(2025, 11, 10), "day")  # "Am 10. November ..."
    assert value({"day": "23"}, ctx=ctx) == "2025-11-23"  # "... und am 23."


def test_counted_from_the_date_last_mentioned():
    ctx = Context(dct=DCT)
    ctx.remember(date(2025, 12, 3), "day")  # "Am 3. Dezember kam er an,"
    assert value({"shift": "day", "by": "-2", "anchor": "last"}, ctx=ctx) == "2025-12-01"  # "zwei Tage zuvor"


def test_without_an_anchor_open_fields_stay_x():
    assert value({"month": "10"}, ctx=Context(dct=None)) == "XXXX-10"
    assert value({"quarter": "2"}, ctx=Context(dct=None)) == "XXXX-Q2"


def test_a_narrative_text_moves_on_within_the_year_it_last_named():
    ctx = Context(dct=DCT, narrative=True)
    ctx.remember(date(1990, 3, 1), "month")
    assert value({"month": "10"}, PAST, ctx) == "1990-10"


@pytest.mark.parametrize("fields", [
    {"month": "13"},
    {"year": "2025", "month": "2", "day": "30"},
    {"year": "2025", "month": "12", "day": "3", "hour": "25"},
    {"year": "2025", "month": "12", "day": "3", "hour": "13", "ampm": "PM"},
    {"quarter": "5"},
    {"year": "2025", "week": "54"},
    {},
])
def test_impossible_fields_raise_value_error(fields):
    with pytest.raises(ValueError):
        resolve_date(fields, Context(dct=DCT), NO_CUE)


def test_the_context_remembers_the_latest_mention_of_each_granularity():
    ctx = Context(dct=DCT)
    ctx.remember(date(2025, 7, 1), "quarter")
    ctx.remember(date(2025, 11, 3), "day")
    assert ctx.last_of("quarter,half") == (date(2025, 7, 1), "quarter")
    assert ctx.last_of("") == (date(2025, 11, 3), "day")
    assert ctx.last_of("year") is None
    assert ctx.reference() == DCT and ctx.reference(prefer_last=True) == date(2025, 11, 3)


@pytest.mark.parametrize(("template", "expected"), [
    ("@duration(2, Y)@duration(3, M)", "P2Y3M"),
    ("@duration(1, H)@duration(20, MIN)", "PT1H20M"),
    ("@duration(1, D)@duration(3, H)", "P1DT3H"),
    ("@duration(4, W)@duration(X, X)", "P4W"),  # an optional second part that did not match
    ("@duration(X, L)", "PXL"),
    ("@duration(1, SU)", "P1SU"),
])
def test_durations_said_one_after_the_other_are_one(template, expected):
    assert template_value(template, {}) == expected


def test_a_time_of_a_day_named_just_before_declines_without_one():
    ctx = Context(dct=date(2025, 12, 2))
    with pytest.raises(ValueError):
        resolve_date({"pod": "EV", "anchor": "near"}, ctx, None)
    ctx.remember(date(2025, 12, 5), "day", 10)
    ctx.here = 40
    assert resolve_date({"pod": "EV", "anchor": "near"}, ctx, None)[0] == "2025-12-05TEV"


def test_an_anaphor_takes_an_antecedent_of_its_unit_or_finer():
    ctx = Context(dct=date(2019, 5, 10))
    ctx.remember(date(1970, 1, 1), "year", 10)
    assert resolve_date({"shift": "D", "by": "0", "anchor": "last:unit"}, ctx, None)[0] == "2019-05-10"
    ctx.remember(date(1985, 6, 3), "day", 20)
    ctx.remember(date(1970, 1, 1), "year", 30)
    assert resolve_date({"shift": "D", "by": "0", "anchor": "last:unit"}, ctx, None)[0] == "1985-06-03"
    assert resolve_date({"shift": "Y", "by": "0", "anchor": "last:unit"}, ctx, None)[0] == "1970"
