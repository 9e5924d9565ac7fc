"""Article text shown to people: no Markdown, no live links but plain http(s), no direction tricks."""

import pandas as pd

from dashboard.plain import few, for_people, md, neutral, safe_url, source_md

PIXEL = "![x](http://evil/pixel.png)"
SCRIPT_LINK = "[click](javascript:alert(1))"
RLO = "\u202e"


def test_a_markdown_image_in_a_source_stays_text():
    shown = source_md(PIXEL)
    assert "![" not in shown and "](" not in shown  # no image, no link: every bracket escaped
    assert shown == r"\!\[x\]\(http\://evil/pixel.png\)"


def test_a_javascript_link_in_a_source_stays_text():
    shown = source_md(SCRIPT_LINK)
    assert "](" not in shown and "javascript" in shown
    assert safe_url("javascript:alert(1)") == ""


def test_a_plain_web_address_becomes_a_link_that_says_where_it_goes():
    assert source_md("https://example.org/a") == r"[https\://example.org/a](https://example.org/a)"


def test_an_address_cannot_break_out_of_its_link():
    url = safe_url("http://a.example/x)![p](http://evil/pixel.png)")
    assert url.startswith("http://a.example/x") and not set("()[]<>\"'") & set(url)
    assert safe_url("http://a.example/ x") == "" and safe_url("ftp://a.example/x") == "" and safe_url("http:///x") == ""


def test_markdown_openers_at_the_start_of_a_line_are_escaped():
    assert md("# Headline") == r"\# Headline" and md("1. one") == r"1\. one" and md("- item") == r"\- item"
    assert md("two\nlines") == "two lines"  # a line break would start a new block
    assert md(":material/lock: :red[x] $x$") == r"\:material/lock\: \:red\[x\] \$x\$"


def test_direction_controls_are_taken_out():
    assert neutral(f"Report{RLO}fdp.exe") == "Reportfdp.exe"
    assert neutral("\u2066isolated\u2069 \u202aembedded\u202c") == "isolated embedded"
    assert neutral("\u200fמרק\u200e") == "\u200fמרק\u200e"  # marks only nudge one character: kept
    assert neutral(None) == "" and neutral(float("nan")) == ""


def test_a_message_names_a_handful_of_titles_then_counts_the_rest():
    assert few(["A"]) == "A" and few(["A", "B"]) == "A and B" and few(["A", "B", "C"]) == "A, B and C"
    many = few(f"Article {i}" for i in range(10_000))
    assert many == "Article 0, Article 1, Article 2, Article 3, Article 4 and 9,995 more"


def test_frames_for_people_lose_direction_controls_in_titles_labels_and_actor_names():
    frame = pd.DataFrame({"title": [f"Gipfel{RLO}txt", "Plain"], "label": ["ok", f"{RLO}x"],
                          "actors": [[f"NATO{RLO}"], ["Ukraine"]], "value": ["2025", "2026"]})
    shown = for_people(frame)
    assert shown["title"].tolist() == ["Gipfeltxt", "Plain"] and shown["label"].tolist() == ["ok", "x"]
    assert [list(a) for a in shown["actors"]] == [["NATO"], ["Ukraine"]]
    assert frame["title"][0].endswith(f"{RLO}txt")  # the stored frame is left as it is
    clean = frame.iloc[[1]].assign(label="x")
    clean["actors"] = [["Ukraine"]]
    assert for_people(clean) is clean  # nothing to change: the same frame, no copy
