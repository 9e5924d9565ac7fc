"""The timeline: one bar per fact and lane over its [start, end) interval."""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from charts.factrows import NATO_DOC, STUBB_DOC, fact_frame, story_facts
from dashboard.charts import STATUS_COLORS, timeline_figure
from dashboard.charts.lanes import assign_lanes, pack_labelled, pack_rows
from dashboard.charts.timeline import BIN_WIDTHS, HOVER_AT, choose_bin
from dashboard.charts.style import NO_FACTS

DAY_MS = 86_400_000.0
TODAY = date(2025, 12, 2)


def ms(day: str) -> float:
    return float(np.datetime64(day, "ms").astype("int64"))


def bars(fig) -> list:
    return [t for t in fig.data if t.type == "bar"]


def lane_of(fig, y: float) -> str:
    """The lane label whose rows contain ``y`` (labels sit on the middle row of their lane)."""
    ticks = sorted(zip(fig.layout.yaxis.tickvals, fig.layout.yaxis.ticktext))
    return min(ticks, key=lambda tick: abs(tick[0] - y) if tick[0] <= y + 3 else 1e9)[1]


def segment_hovers(fig) -> list[str]:
    """The hover of every aggregated segment (its hover points repeat it along the segment)."""
    points = [t for t in fig.data if t.type == "scatter" and t.mode == "none" and t.customdata is not None]
    return [h for t in points for h in t.customdata[::len(HOVER_AT)]]


def band_traces(fig) -> list:
    """The filled rectangles of aggregated segments (not the range slider's overview of them)."""
    return [t for t in fig.data if t.type == "scatter" and t.fill == "toself" and t.name != "overview"]


def bar_rows(fig) -> list[tuple[str, float, float, str]]:
    """(status, start ms, end ms, hover) of every bar."""
    return [
        (trace.name, base, base + width, hover)
        for trace in bars(fig)
        for base, width, hover in zip(trace.base, trace.x, trace.customdata)
    ]


def test_each_fact_is_a_bar_in_each_of_its_actors_lanes():
    facts = story_facts()
    fig = timeline_figure(facts, today=TODAY)
    placed = facts[facts["start"].notna() & ~facts["value"].str.endswith("_REF")]  # vague ones hidden
    expected = sum(max(len(a), 1) for a in placed["actors"])
    assert len(bar_rows(fig)) == expected
    labels = list(fig.layout.yaxis.ticktext)
    for actor in ("Donald Trump", "Alexander Stubb", "NATO", "Joe Biden", "Mark Rutte", "Marco Rubio", "United States"):
        assert actor in labels
    # Trump meets Stubb in October: the same bar in both lanes
    october = [(status, s, e) for status, s, e, hover in bar_rows(fig) if "Stubb at the White House" in hover]
    assert len(october) == 2
    assert {(s, e) for _, s, e in october} == {(ms("2025-10-01"), ms("2025-11-01"))}


def test_bar_width_is_the_interval_a_year_wide_a_day_narrow():
    fig = timeline_figure(story_facts(), today=TODAY)
    widths = {hover.split("</b>")[0].removeprefix("<b>"): e - s for _, s, e, hover in bar_rows(fig)}
    assert widths["2024"] == 366 * DAY_MS
    assert widths["October"] == 31 * DAY_MS
    assert widths["am Mittwoch"] == DAY_MS
    assert widths["Anfang 2026"] < widths["2024"] / 2  # START narrows the year


def test_bars_are_coloured_by_status_and_short_ones_get_a_dot():
    fig = timeline_figure(story_facts(), today=TODAY, show_vague=True)
    for trace in bars(fig):
        assert trace.marker.color == STATUS_COLORS[trace.name]
    assert {t.name for t in bars(fig)} == {"past", "ongoing", "future"}
    dots = [t for t in fig.data if t.type == "scatter" and t.mode == "markers" and t.name in STATUS_COLORS]
    dotted = {hover.split("</b>")[0] for t in dots for hover in t.customdata}
    assert "<b>am Mittwoch" in dotted and "<b>2024" not in dotted


def test_hover_shows_sentence_expression_value_and_source_escaped():
    facts = fact_frame([{
        "value": "2025-12-03", "timex_text": "am Mittwoch", "actors": ["Marco Rubio"],
        "sentence": 'Rubio kommt am Mittwoch <a href="javascript:alert(1)">nicht</a>.',
        "source": "https://example.org/a?x=<b>",
    }])
    hover = bar_rows(timeline_figure(facts, today=TODAY))[0][3]
    assert "am Mittwoch" in hover and "2025-12-03" in hover
    assert "Rubio kommt am Mittwoch" in hover and "example.org" in hover
    assert "<a " not in hover and "&lt;a href=" in hover and "<b>\"" not in hover


def test_publication_dates_and_today_are_marked():
    fig = timeline_figure(story_facts(), today=date(2026, 1, 15))
    published = next(t for t in fig.data if t.name == "publication date")
    assert sorted(published.x) == [ms("2025-10-21"), ms("2025-12-02")]
    assert "published" in fig.layout.yaxis.ticktext
    today = [s for s in fig.layout.shapes if s.x0 == s.x1 and s.yref == "paper"]
    assert [s.x0 for s in today] == [ms("2026-01-15")]
    assert any(a.text == "today, 15 Jan 2026" for a in fig.layout.annotations)


def test_the_today_label_leans_into_the_view_so_it_is_never_cut_off():
    late = timeline_figure(story_facts(), today=date(2026, 1, 15))   # today at the right edge
    early = timeline_figure(fact_frame([{"value": "2025-12-01"}, {"value": "2027-03"}]), today=date(2025, 12, 2))
    label = lambda fig: next(a for a in fig.layout.annotations if a.text.startswith("today"))
    assert label(late).xanchor == "right" and label(early).xanchor == "left"


def test_a_tall_timeline_shows_its_dates_above_the_lanes_too():
    from dashboard.charts.timeline import TOP_AXIS_ROWS

    short = timeline_figure(story_facts(), today=TODAY)
    assert "xaxis2" not in short.layout.to_plotly_json()
    rows = [{"value": "2025-10", "actors": [f"Actor {i}"]} for i in range(TOP_AXIS_ROWS + 5)]
    tall = timeline_figure(fact_frame(rows), today=TODAY)
    assert tall.layout.xaxis2.side == "top" and tall.layout.xaxis2.matches == "x"
    assert any(t.xaxis == "x2" for t in tall.data)
    low, high = tall.layout.yaxis.range
    assert low > high and high > -2 and low < TOP_AXIS_ROWS + 6  # top to bottom, no rows of padding


def test_many_documents_share_publication_markers_that_count_them():
    from dashboard.charts.timeline import PUBLICATION_LIMIT

    days = pd.date_range("2024-01-01", periods=PUBLICATION_LIMIT * 2, freq="D")
    rows = [{"value": f"{d:%Y-%m-%d}", "doc_id": f"d{i}", "title": f"Artikel {i}", "dct": d}
            for i, d in enumerate(days)]
    fig = timeline_figure(fact_frame(rows), today=TODAY)
    published = next(t for t in fig.data if t.name == "publication date")
    assert 0 < len(published.x) <= PUBLICATION_LIMIT
    counts = [int(h.split(" ")[0].removeprefix("<b>")) for h in published.customdata]
    assert sum(counts) == len(days) and all(" documents published</b>" in h for h in published.customdata)


def buttons(fig) -> dict[str, list[float]]:
    """Zoom button label -> the x range it sets."""
    return {b.label: list(b.args[0]["xaxis.range"]) for b in fig.layout.updatemenus[0].buttons}


def test_the_first_view_is_the_bulk_and_outliers_are_counted_at_the_edges():
    facts = fact_frame(
        [{"value": f"2025-{m:02d}-{d:02d}", "actors": ["NATO"]} for m in range(1, 13) for d in (3, 17, 25)]
        + [{"value": "19", "timex_text": "im 20. Jahrhundert", "actors": ["NATO"]},
           {"value": "18", "timex_text": "im 19. Jahrhundert", "actors": ["NATO"]},
           {"value": "2100", "timex_text": "bis 2100", "actors": ["NATO"]}]
    )
    fig = timeline_figure(facts, today=TODAY)
    assert fig.layout.xaxis.rangeslider.visible
    low, high = fig.layout.xaxis.range
    assert ms("2024-11-01") < low < ms("2025-01-04") and ms("2025-12-25") < high < ms("2026-03-01")
    assert low % DAY_MS == 0 and high % DAY_MS == 0  # whole days: top and bottom axis label alike
    edges = {a.name: a.text for a in fig.layout.annotations if (a.name or "").startswith("outside")}
    assert edges == {"outside-left": "◀ 2 earlier (back to 1800)", "outside-right": "1 later (up to 2100) ▶"}


def test_range_buttons_count_back_from_the_latest_publication_not_the_far_end():
    facts = fact_frame(
        [{"value": f"2025-{m:02d}-10", "dct": date(2025, m, 12)} for m in range(1, 13)]
        + [{"value": "2130", "dct": date(2025, 6, 1)}]
    )
    ranges = buttons(timeline_figure(facts, today=TODAY))
    assert list(ranges) == ["story", "1m", "6m", "1y", "5y", "all"]
    latest = ms("2025-12-13")  # the day after the last publication
    assert ranges["1y"] == [ms("2024-12-13"), latest + 2 * DAY_MS]
    assert ranges["5y"][0] == ms("2020-12-13") and ranges["5y"][1] < ms("2026-01-01")
    assert ranges["all"][1] > ms("2130-12-31")
    hide = timeline_figure(facts, today=TODAY).layout.updatemenus[0].buttons[-1].args[0]
    assert [v for k, v in hide.items() if k.startswith("annotations")] == [False]  # "all" needs no edge note


def test_from_and_to_set_the_x_range():
    facts = fact_frame([{"value": f"{y}-06-01"} for y in range(1995, 2014)] + [{"value": "19"}])
    low, high = timeline_figure(facts, today=TODAY, date_from=date(1995, 1, 1), date_to=date(2001, 12, 31)).layout.xaxis.range
    assert (low, high) == (ms("1995-01-01"), ms("2002-01-01"))


def test_today_is_marked_only_where_it_is_in_view():
    old = fact_frame([{"value": f"199{y}-05-01"} for y in range(10)])
    assert not [s for s in timeline_figure(old, today=TODAY).layout.shapes if s.yref == "paper"]
    assert not any((a.text or "").startswith("today") for a in timeline_figure(old, today=TODAY).layout.annotations)


def test_vague_references_are_hidden_and_counted_unless_asked_for():
    facts = story_facts()
    hidden = timeline_figure(facts, today=TODAY)
    assert "2 vague or undated hidden" in hidden.layout.title.text
    assert not any("derzeit" in h for *_, h in bar_rows(hidden))
    shown = timeline_figure(facts, today=TODAY, show_vague=True)
    assert any("derzeit" in h for *_, h in bar_rows(shown))
    assert "1 vague or undated hidden" in shown.layout.title.text  # PAST_REF has no interval at all


def test_statements_dated_by_their_report_are_apart_and_hidden_by_default():
    facts = fact_frame([{"value": "2025-12-02", "timex_text": "", "sentence": "Rutte sagte, man sei geeint."},
                        {"value": "2025-12-03", "timex_text": "am Mittwoch"}]).assign(dating=["report", "expression"])
    fig = timeline_figure(facts, today=TODAY)
    assert len(bar_rows(fig)) == 1 and "1 dated only by their report hidden" in fig.layout.title.text
    assert len(bar_rows(timeline_figure(facts, today=TODAY, show_reports=True))) == 2


def label_texts(fig) -> list[str]:
    return [text for t in fig.data if t.type == "scatter" and t.mode == "text" for text in t.text]


def test_bars_carry_their_label_or_expression_where_it_fits():
    facts = story_facts().assign(label=["Washington summit pledges aid", "", "", "", "", "", "", ""])
    fig = timeline_figure(facts, today=TODAY)
    texts = label_texts(fig)
    assert "Washington summit pledges aid" in texts and "am Mittwoch" in texts
    assert all(h.startswith("<b>Washington summit") for _, _, _, h in bar_rows(fig) if "Washington 2024" in h)
    crowded = fact_frame([{"value": "2025-12-03", "timex_text": f"Treffen Nummer {i}", "actors": ["NATO"]}
                          for i in range(20)])
    assert len(label_texts(timeline_figure(crowded, today=TODAY))) < 20  # only where it has room


def test_the_range_slider_shows_the_bars_but_not_their_labels_again():
    fig = timeline_figure(story_facts(), today=TODAY)
    labels = [t for t in fig.data if t.type == "scatter" and t.mode == "text"]
    bars = [t for t in fig.data if t.type == "bar" or (t.type == "scatter" and t.fill == "toself")]
    assert labels and all(t.xaxis == "x3" for t in labels)  # the slider draws only the x axis' own traces
    assert bars and all(t.xaxis in (None, "x") for t in bars)
    assert fig.layout.xaxis3.matches == "x" and fig.layout.xaxis3.visible is False  # zooms with x, shows nothing


def test_above_the_detail_limit_the_range_slider_shows_a_merged_overview_not_every_band():
    days = pd.date_range("2025-01-01", "2025-06-30", freq="D")
    rows = [{"value": f"{d:%Y-%m-%d}", "actors": ["NATO"], "status": ("past", "future")[i % 2]} for i, d in enumerate(days)]
    fig = timeline_figure(fact_frame(rows), detail_limit=5, today=TODAY)
    bands = band_traces(fig)
    assert bands and all(t.xaxis == "x3" for t in bands)  # out of the slider
    overview = next(t for t in fig.data if t.name == "overview")
    assert overview.xaxis in (None, "x") and overview.hoverinfo == "skip"
    rectangles = np.asarray(overview.x, dtype=float).reshape(-1, 5)
    assert 0 < len(rectangles) < sum(len(t.x) // 5 for t in bands)  # neighbours merged
    low, high = fig.layout.yaxis.range[1], fig.layout.yaxis.range[0]
    y = np.asarray(overview.y, dtype=float)
    assert (y[~np.isnan(y)] > high).all()  # below the lanes: the plot never shows it
    slider = fig.layout.xaxis.rangeslider.yaxis
    assert slider.rangemode == "fixed" and min(slider.range) > high - 1 and np.nanmax(y) <= max(slider.range)


def test_hover_reads_the_date_in_words_and_keeps_the_code_in_a_details_row():
    hover = bar_rows(timeline_figure(story_facts(), today=TODAY))
    anfang = next(h for *_, h in hover if "Anfang 2026" in h)
    assert "early 2026 (future)" in anfang and "Anfang 2026 = 2026" in anfang


def test_an_actor_named_twice_is_one_bar_in_its_lane():
    facts = fact_frame([{"value": "2025-10", "actors": ["NATO", "NATO"]}])
    assert len(bar_rows(timeline_figure(facts, today=TODAY))) == 1


def test_document_lanes_show_titles_without_entities():
    facts = fact_frame([{"value": "2025-10", "doc_id": "a", "title": "Trump: &quot;Wir sind&quot; dabei"}])
    labels = timeline_figure(facts, lane_by="document", today=TODAY).layout.yaxis.ticktext
    assert 'Trump: "Wir sind" dabei' in labels


def test_events_are_drawn_through_the_same_contract():
    events = pd.DataFrame({
        "event_id": ["e1"], "start": [pd.Timestamp("2025-12-03")], "end": [pd.Timestamp("2025-12-04")],
        "granularity": ["day"], "label": ["NATO foreign ministers meet without Rubio"], "actors": [["NATO"]],
        "actor_kinds": [["organisation"]], "status": ["future"], "n_facts": [3], "n_documents": [2],
        "first_reported": [pd.Timestamp("2025-12-02")], "last_reported": [pd.Timestamp("2025-12-02")],
        "fact_ids": [["f1", "f2", "f3"]], "doc_ids": [["d1", "d2"]], "sentence": ["Die Minister treffen sich."],
        "lang": ["de"], "timex_text": ["am Mittwoch"], "value": ["2025-12-03"], "dating": ["expression"],
    })
    fig = timeline_figure(events, today=TODAY)
    assert label_texts(fig) == ["NATO foreign ministers meet without Rubio"]
    hover = bar_rows(fig)[0][3]
    assert "3 facts" in hover and "2 sources · first reported 2 Dec 2025" in hover
    assert "Die Minister treffen sich." in hover
    assert fig.layout.title.text.startswith("1 event on the timeline")
    assert [i for t in bars(fig) for i in t.ids] == ["e1"]  # what a click on the bar opens
    assert fig.layout.meta["lanes"]["NATO"] == "NATO"  # what a click on the lane's label filters by


def test_document_lanes_in_order_of_publication():
    fig = timeline_figure(story_facts(), lane_by="document", today=TODAY, show_vague=True)
    labels = [t for t in fig.layout.yaxis.ticktext if t != "published"]
    assert labels == ["Trump meets Stubb", "NATO-Außenminister treffen sich ohn…"]
    assert len(bar_rows(fig)) == story_facts()["start"].notna().sum()


def test_documents_sharing_a_title_keep_separate_lanes():
    facts = fact_frame([
        {"value": "2025-10", "doc_id": "a", "title": "Nachrichten"},
        {"value": "2025-11", "doc_id": "b", "title": "Nachrichten"},
    ])
    labels = set(timeline_figure(facts, lane_by="document", today=TODAY).layout.yaxis.ticktext)
    assert {"Nachrichten [a]", "Nachrichten [b]"} <= labels


def test_many_actors_fold_into_an_other_lane():
    facts = fact_frame([{"value": "2025-10", "actors": [f"Actor {i:02d}"]} for i in range(40)])
    labels = [t for t in timeline_figure(facts, max_lanes=30, today=TODAY).layout.yaxis.ticktext if t != "published"]
    assert len(labels) == 30 and labels[-1] == "11 other actors"


def test_facts_without_actors_get_a_lane_of_their_own():
    facts = fact_frame([{"value": "2025-10", "actors": []}, {"value": "2025-11", "actors": ["NATO"]}])
    labels = list(timeline_figure(facts, today=TODAY).layout.yaxis.ticktext)
    assert labels[-1] == "(no actor)"


def test_above_the_detail_limit_facts_merge_into_segments_with_counts():
    rows = [{"value": "2025-10", "actors": ["Donald Trump"], "status": "past"}] * 3
    rows += [{"value": "2026", "actors": ["NATO", "Donald Trump"], "status": "future"}] * 2
    fig = timeline_figure(fact_frame(rows), detail_limit=3, today=TODAY)
    assert not bars(fig)
    hovers = segment_hovers(fig)
    assert sorted(h.split("</b>")[0] for h in hovers) == ["<b>2 facts", "<b>2 facts", "<b>3 facts"]
    bands = band_traces(fig)
    assert {t.name for t in bands} == {"past", "future"} and not [t for t in fig.data if t.type == "scattergl"]
    assert sum(np.isnan(np.asarray(t.x, dtype=float)).sum() for t in bands) == 3  # one gap per segment
    corners = np.asarray(bands[0].x, dtype=float)[:4]
    assert corners[0] == corners[3] < corners[1] == corners[2]  # a rectangle: start, end, end, start


def test_many_short_facts_are_binned_to_stay_within_the_segment_budget():
    days = pd.date_range("2022-01-01", "2025-12-31", freq="D")
    rows = [{"value": f"{d:%Y-%m-%d}", "actors": ["NATO"], "status": "past"} for d in days[::3]]
    rows.append({"value": "2024", "actors": ["NATO"], "status": "past"})
    facts = fact_frame(rows)
    budgeted = choose_bin(np.array(["NATO"] * 3), np.array(["past"] * 3),
                          np.array([0.0, DAY_MS, 100 * DAY_MS]), np.array([DAY_MS, 2 * DAY_MS, 101 * DAY_MS]),
                          floor_ms=DAY_MS, budget=2)
    assert budgeted == BIN_WIDTHS["week"]  # the first two days share a week, the third has its own
    fig = timeline_figure(facts, detail_limit=100, today=TODAY)
    hovers = segment_hovers(fig)
    assert sum(int(h.split(" ")[0].removeprefix("<b>")) for h in hovers) == len(rows)
    assert any(h.endswith("<br>2024") for h in hovers)          # the year keeps its own segment
    assert any(" – " in h for h in hovers)                       # the days share bins with a date span
    assert "binned by" in fig.layout.title.text


def test_store_shaped_lists_numpy_arrays_and_missing_lists_are_read_alike():
    facts = story_facts()
    as_store = facts.assign(actors=[np.array(a, dtype=object) if a else pd.NA for a in facts["actors"]])
    assert len(bar_rows(timeline_figure(as_store, today=TODAY))) == len(bar_rows(timeline_figure(facts, today=TODAY)))


def test_no_facts_says_so():
    fig = timeline_figure(story_facts().iloc[:0])
    assert not fig.data
    assert fig.layout.annotations[0].text == NO_FACTS


def test_facts_without_any_place_on_the_axis_say_so():
    fig = timeline_figure(fact_frame([{"value": "PAST_REF"}, {"value": "FUTURE_REF"}]))
    assert not fig.data and "has a date on the time axis" in fig.layout.annotations[0].text


def test_unknown_lane_kind_is_an_error():
    with pytest.raises(ValueError, match="lane_by"):
        timeline_figure(story_facts(), lane_by="country")


intervals = st.lists(
    st.tuples(st.integers(0, 1000), st.integers(1, 200)).map(lambda t: (t[0], t[0] + t[1])),
    min_size=1, max_size=60,
)


@given(intervals, st.integers(1, 8))
@settings(max_examples=100, deadline=None)
def test_labels_kept_never_run_into_a_bar_of_their_row(spans, max_rows):
    start = np.array([s for s, _ in spans], dtype=float)
    end = np.array([e for _, e in spans], dtype=float)
    extent = end + 30
    rows, fits = pack_labelled(start, end, extent, max_rows)
    for i in np.flatnonzero(fits):
        same = (rows == rows[i]) & (np.arange(len(start)) != i)
        assert not np.any(same & (start >= start[i]) & (start < extent[i]))


@given(intervals, st.integers(1, 8))
@settings(max_examples=200, deadline=None)
def test_packed_rows_never_overlap_while_rows_suffice(spans, max_rows):
    start = np.array([s for s, _ in spans])
    end = np.array([e for _, e in spans])
    rows = pack_rows(start, end, max_rows)
    assert rows.min() >= 0 and rows.max() < max_rows
    peak = max(sum(1 for s, e in spans if s <= t < e) for t in start)
    if peak <= max_rows:  # first fit by start needs no more rows than the deepest overlap
        for row in set(rows.tolist()):
            mine = sorted(zip(start[rows == row], end[rows == row]))
            assert all(a_end <= b_start for (_, a_end), (b_start, _) in zip(mine, mine[1:]))


def test_times_of_day_are_as_wide_as_what_they_state():
    facts = fact_frame([
        {"value": "2025-12-03T15", "type": "TIME", "timex_text": "um 15 Uhr", "actors": ["Marco Rubio"]},
        {"value": "2025-12-03T15:30", "type": "TIME", "timex_text": "um 15.30 Uhr", "actors": ["Marco Rubio"]},
    ])
    spans = {hover.split("</b>")[0]: (s, e) for _, s, e, hover in bar_rows(timeline_figure(facts, today=TODAY))}
    assert spans["<b>um 15 Uhr"] == (ms("2025-12-03T15:00"), ms("2025-12-03T16:00"))
    assert spans["<b>um 15.30 Uhr"] == (ms("2025-12-03T15:30"), ms("2025-12-03T15:31"))


def test_long_document_titles_are_cut_in_lane_labels_but_kept_in_hover():
    title = "NATO-Gipfel in Den Haag: Verbündete einigen sich auf Fünf-Prozent-Ziel"
    fig = timeline_figure(fact_frame([{"value": "2025-06-25", "doc_id": "haag", "title": title}]), lane_by="document")
    label = [t for t in fig.layout.yaxis.ticktext if t != "published"][0]
    assert label == "NATO-Gipfel in Den Haag: Verbündete…" and len(label) <= 36
    assert title in bar_rows(fig)[0][3]


def test_a_large_synthetic_corpus_aggregates_without_losing_a_fact():
    from dashboard.benchmarks.charts import synthetic_facts

    facts = synthetic_facts(6_000, n_docs=200, n_actors=80)
    assert list(facts.columns)[:3] == ["fact_id", "doc_id", "title"] and len(facts) == 6_000
    fig = timeline_figure(facts, today=TODAY)
    hovers = segment_hovers(fig)
    lanes_rows = len(assign_lanes(facts, "actor", 30)[0])  # each fact once in each of its lanes
    assert sum(int(h.split(" ")[0].removeprefix("<b>")) for h in hovers) == lanes_rows
    assert len(hovers) <= 6_000 and len(fig.layout.yaxis.ticktext) == 1 + 30 + 1  # published, 30 lanes, (no actor)


def test_printed_dates_above_and_below_a_tall_timeline_are_the_same_fixed_ticks():
    from dashboard.charts.timeline import TOP_AXIS_ROWS, date_ticks
    from dashboard.export.static import printable

    rows = [{"value": f"2025-{1 + i % 12:02d}-1{i % 9}", "actors": [f"Actor {i}"]} for i in range(TOP_AXIS_ROWS + 5)]
    spec = printable(timeline_figure(fact_frame(rows), today=TODAY))
    top, bottom = spec["layout"]["xaxis2"], spec["layout"]["xaxis"]
    assert top["tickvals"] == bottom["tickvals"] and top["ticktext"] == bottom["ticktext"]
    assert "updatemenus" not in spec["layout"]
    values, texts = date_ticks(ms("2023-02-10"), ms("2026-03-01"))
    assert texts[0] == "Jul 2023" and values[0] == ms("2023-07-01") and len(texts) <= 12
    assert date_ticks(ms("1900-01-01"), ms("2100-01-01"))[1][:3] == ["1900", "1920", "1940"]
