"""A dashboard served to a team: the password gate, read-only mode, hostile sources and links,
and pages that say what is wrong in one line instead of showing a traceback."""

import json
import os
import shutil
import subprocess
import sys
from datetime import date

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.app.access import WRONG
from dashboard.app.serve import MAIN_SCRIPT, PASSWORD_ENV, READ_ONLY_ENV
from dashboard.facts import Document, facts_frame
from dashboard.plain import md
from dashboard.store import FactStore
from permissions import bound_by_permissions

from .conftest import FACTS, fact_row
from .test_pages import count, facts_shown, timeline

PIXEL = "![x](http://evil/pixel.png)"
SCRIPT_LINK = "[click](javascript:alert(1))"


@pytest.fixture
def open_app(store_path, monkeypatch):
    monkeypatch.setenv("FACT_TIMELINE_DB", str(store_path))
    for name in (PASSWORD_ENV, READ_ONLY_ENV, "FACT_TIMELINE_DEMO"):
        monkeypatch.delenv(name, raising=False)
    return AppTest.from_file(str(MAIN_SCRIPT), default_timeout=60)


def shows_data(app) -> bool:
    return any("facts pass the filters" in m.value for m in app.markdown) or bool(app.sidebar.multiselect)


def test_with_a_password_nothing_of_the_store_shows_before_it_is_given(open_app, monkeypatch):
    monkeypatch.setenv(PASSWORD_ENV, "s3cret-for-the-team")
    open_app.run()
    assert not open_app.exception
    assert not shows_data(open_app) and not open_app.dataframe and not open_app.get("plotly_chart")
    assert open_app.text_input(key="password_entered").proto.type == open_app.text_input(key="password_entered").proto.PASSWORD


def test_a_wrong_password_says_so_and_shows_nothing(open_app, monkeypatch):
    monkeypatch.setenv(PASSWORD_ENV, "s3cret-for-the-team")
    open_app.run()
    open_app.text_input(key="password_entered").input("s3cret")
    open_app.button(key="FormSubmitter:password_form-Open the dashboard").click().run()
    assert [e.value for e in open_app.error] == [WRONG]
    assert not shows_data(open_app)


def test_the_right_password_opens_the_dashboard_for_the_session(open_app, monkeypatch):
    monkeypatch.setenv(PASSWORD_ENV, "s3cret-for-the-team")
    open_app.run()
    open_app.text_input(key="password_entered").input("s3cret-for-the-team")
    open_app.button(key="FormSubmitter:password_form-Open the dashboard").click().run()
    assert not open_app.error and count(open_app)[1] == len(FACTS)
    open_app.switch_page("screens/documents.py").run()  # another page: not asked again
    assert count(open_app)[1] == len(FACTS) and not [t for t in open_app.text_input if t.key == "password_entered"]


def test_read_only_leaves_the_add_page_out_of_the_navigation(open_app, monkeypatch):
    open_app.run()
    open_app.switch_page("screens/add.py").run()  # writable: the page is there
    assert open_app.get("file_uploader")
    monkeypatch.setenv(READ_ONLY_ENV, "1")
    read_only = AppTest.from_file(str(MAIN_SCRIPT), default_timeout=60)
    read_only.run()
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        read_only.switch_page("screens/add.py")


@pytest.mark.parametrize("day", ["1799-12-31", "2201-01-01", "0001-01-01"])
def test_a_link_with_a_date_outside_the_range_opens_with_a_notice(open_app, day):
    open_app.query_params["from"] = day
    open_app.run()
    assert not open_app.exception
    assert any(day in w.value and "left out" in w.value for w in open_app.warning)
    assert count(open_app) == (len(FACTS), len(FACTS))  # the limit is dropped, not the page


def test_a_link_with_a_date_inside_the_range_still_filters(open_app):
    open_app.query_params["from"] = "2025-01-01"
    open_app.run()
    assert not open_app.warning and count(open_app)[0] < len(FACTS)


def test_a_truncated_store_is_one_line_on_the_page(store_path, tmp_path, open_app, monkeypatch):
    broken = tmp_path / "truncated.duckdb"
    broken.write_bytes(store_path.read_bytes()[: store_path.stat().st_size // 3])
    monkeypatch.setenv("FACT_TIMELINE_DB", str(broken))
    open_app.run()
    assert not open_app.exception
    assert len(open_app.error) == 1 and md(str(broken)) in open_app.error[0].value
    assert "truncated" in open_app.error[0].value and "backup" in open_app.error[0].value  # what, what to do
    assert "\n" not in open_app.error[0].value and "Traceback" not in open_app.error[0].value


ADD_IN_CHILD = """
import json, sys
from datetime import date
from streamlit.testing.v1 import AppTest
app = AppTest.from_file(sys.argv[1], default_timeout=60)
app.run()
app.switch_page("screens/add.py").run()
app.text_input(key="paste_title").input("Ankara")
app.text_area(key="paste_text").input("Das Treffen ist am 7. Juli 2026.")
app.date_input(key="paste_dct").set_value(date(2026, 1, 12))
app.button(key="FormSubmitter:paste_form-Store the text").click().run()
print(json.dumps({"errors": [e.value for e in app.error], "success": [s.value for s in app.success],
                  "exceptions": [str(e.value) for e in app.exception]}))
"""


def test_a_store_in_a_read_only_folder_is_one_line_on_the_add_page(store_path, tmp_path):
    """The Add page run as a user whom permissions bind (tests may run as root): storing into a
    store whose folder is read-only says so in one line, and the store keeps what it held."""
    folder = tmp_path / "locked"
    folder.mkdir()
    db = folder / "facts.duckdb"
    shutil.copyfile(store_path, db)
    folder.chmod(0o555)
    try:
        env = {**os.environ, "FACT_TIMELINE_DB": str(db)}
        for name in (PASSWORD_ENV, READ_ONLY_ENV, "FACT_TIMELINE_DEMO"):
            env.pop(name, None)
        child = subprocess.run([sys.executable, "-c", ADD_IN_CHILD, str(MAIN_SCRIPT)], capture_output=True,
                               text=True, env=env, timeout=300, **bound_by_permissions())
    finally:
        folder.chmod(0o755)
    assert child.returncode == 0, child.stderr[-2000:]
    shown = json.loads(child.stdout.strip().splitlines()[-1])
    assert not shown["exceptions"] and not shown["success"]
    assert len(shown["errors"]) == 1 and "read-only" in shown["errors"][0] and "\n" not in shown["errors"][0]
    assert md(str(db)) in shown["errors"][0]
    assert len(FactStore(db).documents()) == 3  # nothing lost, nothing half-written


@pytest.mark.parametrize("source", [PIXEL, SCRIPT_LINK])
def test_a_hostile_source_is_shown_as_text_on_the_documents_page(source, tmp_path, monkeypatch, open_app):
    doc = Document(doc_id="evil", title="Evil source", source=source, dct=date(2025, 12, 2), lang="de",
                   text="Das Treffen war am Mittwoch.\n")
    row = fact_row(doc, "am Mittwoch", "2025-12-03", "2025-12-03", "2025-12-04", "day", ["NATO"], "past")
    path = tmp_path / "evil.duckdb"
    FactStore(path).write([doc], facts_frame([row]))
    monkeypatch.setenv("FACT_TIMELINE_DB", str(path))
    open_app.run()
    open_app.switch_page("screens/documents.py").run()
    caption = next(c.value for c in open_app.caption if "id evil" in c.value)
    assert "![" not in caption and "](" not in caption  # escaped: no image, no link
    assert "evil/pixel" in caption or "javascript" in caption  # but shown, as text


def test_direction_controls_in_titles_and_actor_names_are_not_shown(tmp_path, monkeypatch, open_app):
    rlo = "\u202e"
    doc = Document(doc_id="rlo", title=f"Bericht{rlo}txt.exe", source="tests", dct=date(2025, 12, 2), lang="de",
                   text="Das Treffen war am Mittwoch.\n")
    row = fact_row(doc, "am Mittwoch", "2025-12-03", "2025-12-03", "2025-12-04", "day", [f"Rubio{rlo}"], "past")
    path = tmp_path / "rlo.duckdb"
    FactStore(path).write([doc], facts_frame([row]))
    monkeypatch.setenv("FACT_TIMELINE_DB", str(path))
    open_app.run()
    shown = [o for box in open_app.sidebar.multiselect for o in box.options]
    assert "Berichttxt.exe" in shown and "Rubio" in shown and not [o for o in shown if rlo in o]
    drawn = json.dumps(timeline(open_app), ensure_ascii=False)
    assert "Rubio" in drawn and rlo not in drawn  # lane names and hovers
    assert "Berichttxt.exe" in facts_shown(open_app) and rlo not in facts_shown(open_app)  # the fact list
