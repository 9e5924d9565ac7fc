"""Story downloads link an article only by a plain http(s) address, and show its title as text."""

from datetime import date

from dashboard.events.keydates import KeyDate
from dashboard.events.story import render

DAY = [KeyDate(date(2026, 7, 7), 1.0, ["Der Gipfel beginnt."], ["pixel", "script", "plain", "breakout"])]
SOURCES = {
    "pixel": {"title": "![x](http://evil/pixel.png)", "source": "![x](http://evil/pixel.png)"},
    "script": {"title": "[click](javascript:alert(1))", "source": "javascript:alert(1)"},
    "plain": {"title": "Gipfel", "source": "https://example.org/gipfel"},
    "breakout": {"title": "Bericht", "source": "http://a.example/x)![p](http://evil/p.png)"},
}


def test_the_markdown_story_has_no_image_and_no_script_link():
    text = render(DAY, "md", SOURCES).decode()
    assert "![" not in text and "javascript:alert" not in text.replace("javascript\\:alert", "")
    assert "[Gipfel](https://example.org/gipfel)" in text
    assert "](http://a.example/x%29!%5Bp%5D%28http://evil/p.png%29)" in text  # one link, going where it says


def test_the_html_story_links_only_web_addresses():
    text = render(DAY, "html", SOURCES).decode()
    assert 'href="javascript' not in text and "<img" not in text
    assert 'href="https://example.org/gipfel"' in text
