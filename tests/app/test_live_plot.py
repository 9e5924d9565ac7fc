"""The live plot frame: served from one folder with plotly.js beside it, nothing from outside."""

import re

from dashboard.app.live_plot import FRAME_DIR, PLOTLY_JS, _served_folder


def test_the_frame_is_served_with_the_installed_plotly_js(tmp_path):
    folder = _served_folder(tmp_path)
    assert (folder / "index.html").read_bytes() == (FRAME_DIR / "index.html").read_bytes()
    assert (folder / "plotly.min.js").read_bytes() == PLOTLY_JS.read_bytes()


def test_an_incomplete_folder_is_made_whole_again(tmp_path):
    folder = _served_folder(tmp_path)
    (folder / "plotly.min.js").unlink()
    assert _served_folder(tmp_path) == folder and (folder / "plotly.min.js").is_file()


def test_the_frame_loads_nothing_from_the_internet():
    page = (FRAME_DIR / "index.html").read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert '<script src="plotly.min.js">' in page
